from decimal import Decimal

from shop.orders import pricing
from shop.utils.money import Money


def eur(value):
    return Money(value, "EUR")


def test_free_shipping_over_threshold():
    totals = pricing.compute(eur("60.00"))
    assert totals.shipping == eur("0")
    assert totals.grand_total == eur("60.00")


def test_flat_shipping_below_threshold():
    totals = pricing.compute(eur("20.00"))
    assert totals.shipping == eur("4.90")


def test_coupon_is_applied_before_shipping_threshold():
    totals = pricing.compute(eur("55.00"), coupon="welcome10")
    assert totals.discount == eur("5.50")
    assert totals.shipping == eur("4.90")  # 49.50 is below the threshold


def test_vat_is_extracted_from_gross():
    totals = pricing.compute(eur("120.00"))
    assert totals.vat.amount == Decimal("20.00")


def test_unknown_coupon_gives_no_discount():
    assert pricing.discount_for(eur("10"), "NOPE") == eur("0")
