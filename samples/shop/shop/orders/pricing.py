"""Order totals: shipping, coupons and VAT.

All shop prices are gross.  VAT is therefore extracted from the total, not
added on top: ``vat = gross - gross / (1 + rate)``.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Dict, Optional

from shop.utils.config import settings
from shop.utils.money import (
    Money,
    quantize,
)

# Coupon codes and their percentage off; the marketing team edits this list
# by hand, which is why it lives in code.
COUPONS: Dict[str, Decimal] = {
    "WELCOME10": Decimal("0.10"),
    "SPRING15": Decimal("0.15"),
    "STAFF30": Decimal("0.30"),
}


@dataclass(frozen=True)
class Totals:
    subtotal: Money
    discount: Money
    shipping: Money
    vat: Money
    grand_total: Money


def discount_for(subtotal: Money, coupon: Optional[str]) -> Money:
    if not coupon:
        return Money.zero(subtotal.currency)
    rate = COUPONS.get(coupon.strip().upper())
    if rate is None:
        return Money.zero(subtotal.currency)
    return subtotal.percent(rate)


def shipping_for(after_discount: Money, heavy: bool) -> Money:
    if heavy:
        return Money(settings.flat_shipping * 3, after_discount.currency)
    if after_discount.amount >= settings.free_shipping_over:
        return Money.zero(after_discount.currency)
    return Money(settings.flat_shipping, after_discount.currency)


def compute(subtotal: Money, coupon: Optional[str] = None, heavy: bool = False) -> Totals:
    """Compute every amount shown on the order confirmation."""
    discount = discount_for(subtotal, coupon)
    after_discount = subtotal - discount
    shipping = shipping_for(after_discount, heavy)
    grand = after_discount + shipping
    net = grand.amount / (1 + settings.vat_rate)
    vat = Money(quantize(grand.amount - net), grand.currency)
    return Totals(subtotal, discount, shipping, vat, grand)
