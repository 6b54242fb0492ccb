"""Money arithmetic.

Never use floats for money.  ``Money`` wraps a ``Decimal`` amount and a
currency code, rounds half-up to cents, and refuses to mix currencies.
"""

from decimal import ROUND_HALF_UP, Decimal
from functools import total_ordering
from typing import Iterable, List, Union

from .config import settings

CENT = Decimal("0.01")
Number = Union[int, str, Decimal]


class CurrencyMismatch(ValueError):
    """Raised when two amounts in different currencies are combined."""


def quantize(amount: Decimal) -> Decimal:
    """Round ``amount`` half-up to whole cents."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@total_ordering
class Money:
    """An amount of money in one currency."""

    __slots__ = ("amount", "currency")

    def __init__(self, amount: Number, currency: str = None):
        if isinstance(amount, float):
            raise TypeError("Money does not accept floats; pass a str or Decimal")
        self.amount = quantize(Decimal(amount))
        self.currency = currency or settings.default_currency

    @classmethod
    def zero(cls, currency: str = None) -> "Money":
        return cls(0, currency)

    @classmethod
    def from_cents(cls, cents: int, currency: str = None) -> "Money":
        return cls(Decimal(cents) / 100, currency)

    def cents(self) -> int:
        """The amount as an integer number of cents (for payment providers)."""
        return int(self.amount * 100)

    def _check(self, other: "Money") -> None:
        if not isinstance(other, Money):
            raise TypeError("expected Money, got %r" % (other,))
        if other.currency != self.currency:
            raise CurrencyMismatch("%s vs %s" % (self.currency, other.currency))

    def __add__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: Number) -> "Money":
        return Money(self.amount * Decimal(factor), self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> "Money":
        return Money(-self.amount, self.currency)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Money)
            and other.currency == self.currency
            and other.amount == self.amount
        )

    def __lt__(self, other: "Money") -> bool:
        self._check(other)
        return self.amount < other.amount

    def __hash__(self) -> int:
        return hash((self.amount, self.currency))

    def __bool__(self) -> bool:
        return self.amount != 0

    def __repr__(self) -> str:
        return "Money(%r, %r)" % (str(self.amount), self.currency)

    def __str__(self) -> str:
        return "%s %s" % (self.amount, self.currency)

    def percent(self, rate: Decimal) -> "Money":
        """Return ``rate`` (0.2 for 20 %) of this amount."""
        return Money(self.amount * rate, self.currency)

    def allocate(self, ratios: List[int]) -> List["Money"]:
        """Split the amount by ``ratios`` without losing a cent.

        The remainder left by rounding is handed out one cent at a time to
        the first parts, so the parts always add up to the original amount.
        """
        total = sum(ratios)
        if total <= 0:
            raise ValueError("ratios must add up to a positive number")
        cents = self.cents()
        parts = [cents * r // total for r in ratios]
        remainder = cents - sum(parts)
        for i in range(remainder):
            parts[i % len(parts)] += 1
        return [Money.from_cents(p, self.currency) for p in parts]


def total(amounts: Iterable[Money], currency: str = None) -> Money:
    """Add up ``amounts``; an empty iterable gives zero."""
    result = Money.zero(currency)
    for amount in amounts:
        result = result + amount
    return result
