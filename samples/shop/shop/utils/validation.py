"""Input validation shared by the HTTP views."""

import re
from typing import Any, Dict, Iterable

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")
SKU_RE = re.compile(r"^[A-Z0-9]{3,12}(-[A-Z0-9]{1,6})?$")


class ValidationError(ValueError):
    """Bad input from a client; views turn it into HTTP 400."""

    def __init__(self, field: str, message: str):
        super().__init__("%s: %s" % (field, message))
        self.field = field
        self.message = message


def require(data: Dict[str, Any], names: Iterable[str]) -> None:
    """Raise ``ValidationError`` for the first missing or empty field."""
    for name in names:
        if data.get(name) in (None, ""):
            raise ValidationError(name, "is required")


def email(value: str) -> str:
    value = (value or "").strip().lower()
    if not EMAIL_RE.match(value):
        raise ValidationError("email", "is not a valid address")
    return value


def positive_int(value: Any, field: str = "quantity", maximum: int = 999) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(field, "must be a whole number") from None
    if number <= 0 or number > maximum:
        raise ValidationError(field, "must be between 1 and %d" % maximum)
    return number


def sku(value: str) -> str:
    value = (value or "").strip().upper()
    if not SKU_RE.match(value):
        raise ValidationError("sku", "has the wrong format")
    return value
