"""Cart use cases: add, change, remove, price.

Prices are never stored in the cart: they are looked up in the catalogue
every time the cart is shown, so a price change shows up immediately.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import List

from shop.catalog import services as catalog_services
from shop.utils.db import get_db
from shop.utils.money import Money, total
from shop.utils.validation import ValidationError, positive_int

from ..catalog.models import Product
from .models import Cart, CartItem

MAX_LINES = 50


@dataclass
class CartLine:
    product: Product
    quantity: int

    @property
    def subtotal(self) -> Money:
        return self.product.unit_price * self.quantity


@dataclass
class PricedCart:
    cart: Cart
    lines: List[CartLine]

    @property
    def subtotal(self) -> Money:
        return total(line.subtotal for line in self.lines)

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def is_empty(self) -> bool:
        return not self.lines


def get_or_create_cart(user_id: int) -> Cart:
    db = get_db()
    row = db.query_one("SELECT * FROM cart_cart WHERE user_id = ?", (user_id,))
    if row is None:
        cart_id = db.insert(
            "INSERT INTO cart_cart (user_id, created_at) VALUES (?, ?)",
            (user_id, datetime.utcnow().isoformat()),
        )
        row = db.query_one("SELECT * FROM cart_cart WHERE id = ?", (cart_id,))
    return Cart.from_row(row)


def items(cart: Cart) -> List[CartItem]:
    rows = get_db().query("SELECT * FROM cart_item WHERE cart_id = ? ORDER BY id", (cart.id,))
    return [CartItem.from_row(r) for r in rows]


def quick_available(product_id: int) -> int:
    """Stock badge for the cart page.

    Reads the catalogue's inventory table directly to save a call; this is
    one of the cross-package reads the migration has to remove.
    """
    value = get_db().scalar(
        "SELECT on_hand - reserved FROM catalog_inventory WHERE product_id = ?", (product_id,)
    )
    return max(0, value or 0)


def add_item(user_id: int, product_id: int, quantity) -> PricedCart:
    quantity = positive_int(quantity)
    product = catalog_services.get_product(product_id)
    if product is None:
        raise ValidationError("product_id", "unknown or discontinued product")
    cart = get_or_create_cart(user_id)
    current = {i.product_id: i for i in items(cart)}
    db = get_db()
    with db.transaction():
        if product_id in current:
            db.execute(
                "UPDATE cart_item SET quantity = quantity + ? WHERE id = ?",
                (quantity, current[product_id].id),
            )
        else:
            if len(current) >= MAX_LINES:
                raise ValidationError("product_id", "the cart is full")
            db.insert(
                "INSERT INTO cart_item (cart_id, product_id, quantity) VALUES (?, ?, ?)",
                (cart.id, product_id, quantity),
            )
        _touch(cart)
    return price(cart)


def set_quantity(user_id: int, product_id: int, quantity: int) -> PricedCart:
    cart = get_or_create_cart(user_id)
    db = get_db()
    if quantity <= 0:
        db.execute(
            "DELETE FROM cart_item WHERE cart_id = ? AND product_id = ?", (cart.id, product_id)
        )
    else:
        db.execute(
            "UPDATE cart_item SET quantity = ? WHERE cart_id = ? AND product_id = ?",
            (positive_int(quantity), cart.id, product_id),
        )
    _touch(cart)
    return price(cart)


def clear(cart: Cart) -> None:
    get_db().execute("DELETE FROM cart_item WHERE cart_id = ?", (cart.id,))


def remove_product_everywhere(product_id: int) -> int:
    """Drop a discontinued product from every cart; return carts touched."""
    return get_db().execute("DELETE FROM cart_item WHERE product_id = ?", (product_id,))


def _touch(cart: Cart) -> None:
    get_db().execute(
        "UPDATE cart_cart SET updated_at = ? WHERE id = ?",
        (datetime.utcnow().isoformat(), cart.id),
    )


def price(cart: Cart) -> PricedCart:
    """Attach current catalogue prices; silently drop vanished products."""
    lines = []
    for item in items(cart):
        product = catalog_services.get_product(item.product_id)
        if product is not None:
            lines.append(CartLine(product, item.quantity))
    return PricedCart(cart, lines)
