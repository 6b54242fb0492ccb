import pytest

from shop.cart import services
from shop.catalog import services as catalog_services
from shop.utils.money import Money
from shop.utils.validation import ValidationError


def test_add_item_creates_cart_and_prices_it(db, product, user_id):
    priced = services.add_item(user_id, product, 2)
    assert priced.item_count == 2
    assert priced.subtotal == Money("179.80", "EUR")


def test_adding_twice_increments_quantity(db, product, user_id):
    services.add_item(user_id, product, 1)
    priced = services.add_item(user_id, product, 3)
    assert [line.quantity for line in priced.lines] == [4]


def test_unknown_product_is_rejected(db, user_id):
    with pytest.raises(ValidationError):
        services.add_item(user_id, 999, 1)


def test_discontinued_product_leaves_every_cart(db, product, user_id):
    services.add_item(user_id, product, 1)
    catalog_services.discontinue_product(product)
    cart = services.get_or_create_cart(user_id)
    assert services.price(cart).is_empty()


def test_quick_available_reads_inventory(db, product):
    assert services.quick_available(product) == 10
