"""Message templates.

Kept in code rather than in the database so that they are reviewed like
code.  ``$name`` placeholders are filled with ``string.Template``.
"""

from string import Template
from typing import Dict, Tuple

TEMPLATES: Dict[str, Tuple[str, str]] = {
    "welcome": (
        "Welcome to the shop, $name",
        "Hello $name,\n\nthank you for creating an account.\n\nThe shop team\n",
    ),
    "order_confirmation": (
        "Your order $number",
        "Hello $name,\n\nwe have received the payment of $total for order $number.\n"
        "We will let you know when it ships.\n",
    ),
    "payment_receipt": (
        "Receipt for order $number",
        "Amount charged: $amount\nOrder: $number\n\nKeep this e-mail for your records.\n",
    ),
    "shipping_update": (
        "Order $number is on its way",
        "Hello $name,\n\nyour parcel has left our warehouse.\nTracking code: $tracking\n",
    ),
}

SMS_TEMPLATES: Dict[str, str] = {
    "shipping_update": "Shop: order $number shipped, tracking $tracking",
}


class UnknownTemplate(KeyError):
    pass


def render(name: str, **values: str) -> Tuple[str, str]:
    """Return ``(subject, body)`` for template ``name``."""
    try:
        subject, body = TEMPLATES[name]
    except KeyError:
        raise UnknownTemplate(name) from None
    return Template(subject).safe_substitute(values), Template(body).safe_substitute(values)


def render_sms(name: str, **values: str) -> str:
    text = Template(SMS_TEMPLATES[name]).safe_substitute(values)
    return text[:160]
