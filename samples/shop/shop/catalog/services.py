"""Catalogue use cases."""

from typing import List, Optional

from shop.utils import events
from shop.utils.log import get_logger
from shop.utils.validation import ValidationError

from . import repository
from .models import Product

logger = get_logger(__name__)


class OutOfStock(Exception):
    def __init__(self, product: Product, wanted: int, available: int):
        super().__init__("%s: wanted %d, %d available" % (product.sku, wanted, available))
        self.product = product
        self.wanted = wanted
        self.available = available


def get_product(product_id: int) -> Optional[Product]:
    product = repository.get_product(product_id)
    if product is None or not product.is_active:
        return None
    return product


def browse(category: Optional[str] = None, page: int = 1, per_page: int = 24) -> List[Product]:
    if page < 1:
        raise ValidationError("page", "must be 1 or more")
    return repository.list_products(category, per_page, (page - 1) * per_page)


def available_quantity(product_id: int) -> int:
    return repository.get_inventory(product_id).available


def reserve_stock(product: Product, quantity: int) -> None:
    """Hold ``quantity`` units for an order that is being placed."""
    if not repository.reserve(product.id, quantity):
        raise OutOfStock(product, quantity, available_quantity(product.id))


def release_stock(product_id: int, quantity: int) -> None:
    repository.release(product_id, quantity)


def ship_stock(product_id: int, quantity: int) -> None:
    repository.commit_reservation(product_id, quantity)


def update_product(product: Product) -> Product:
    repository.save_product(product)
    events.publish("product.changed", product_id=product.id)
    return product


def discontinue_product(product_id: int) -> None:
    """Stop selling a product and drop it from every open cart.

    The import of the cart package is done here, inside the function,
    because ``shop.cart`` imports ``shop.catalog`` at module level and a
    module-level import would be circular.
    """
    from shop.cart import services as cart_services

    repository.set_active(product_id, False)
    removed = cart_services.remove_product_everywhere(product_id)
    logger.info("product %d discontinued, removed from %d carts", product_id, removed)
    events.publish("product.changed", product_id=product_id)


def best_sellers(limit: int = 10) -> List[Product]:
    ids = repository.best_sellers(limit)
    by_id = repository.get_many(ids)
    return [by_id[i] for i in ids if i in by_id and by_id[i].is_active]
