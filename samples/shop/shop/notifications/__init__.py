"""Outgoing e-mail and SMS: templates, queue, delivery, preferences.

Importing the package registers its event subscribers.
"""

from . import service  # noqa: F401  (registers event handlers)
