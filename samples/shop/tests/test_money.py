from decimal import Decimal

import pytest

from shop.utils.money import CurrencyMismatch, Money, total


def test_rounds_half_up_to_cents():
    assert Money("1.005", "EUR").amount == Decimal("1.01")
    assert Money("1.004", "EUR").amount == Decimal("1.00")


def test_rejects_floats():
    with pytest.raises(TypeError):
        Money(1.5, "EUR")


def test_refuses_to_mix_currencies():
    with pytest.raises(CurrencyMismatch):
        Money("1", "EUR") + Money("1", "USD")


def test_allocate_keeps_every_cent():
    parts = Money("100.00", "EUR").allocate([1, 1, 1])
    assert [p.amount for p in parts] == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert total(parts, "EUR") == Money("100.00", "EUR")


def test_total_of_nothing_is_zero():
    assert total([], "EUR") == Money.zero("EUR")
    assert not total([], "EUR")
