from shop.cart.models import Cart
from shop.catalog.models import Product
from shop.orders.models import Order
from shop.payments.models import Payment


def test_django_style_table_names():
    assert Cart.table_name() == "cart_cart"
    assert Order.table_name() == "orders_order"


def test_sqlalchemy_style_table_names():
    assert Product.table_name() == "catalog_product"
    assert Payment.table_name() == "payments_payment"


def test_from_row_ignores_unknown_columns():
    product = Product.from_row({"id": 3, "name": "Mug", "price": "9.50", "extra": 1})
    assert product.id == 3
    assert str(product.unit_price) == "9.50 EUR"
