"""Shop: a small e-commerce monolith.

The application is split into packages by business area (users, catalog,
cart, orders, payments, notifications, search) that all lean on the shared
``shop.utils`` package.  ``shop.app.create_app`` wires them together.
"""

__version__ = "2.7.1"
