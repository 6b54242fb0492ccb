"""SQL for the catalogue tables."""

from datetime import datetime
from typing import Dict, List, Optional

from shop.utils.db import DatabaseError, get_db, placeholders

from .models import Category, Inventory, Product

PRODUCT_LIST_SQL = """
    SELECT p.*, c.slug AS category_slug
      FROM catalog_product p
      JOIN catalog_category c ON c.id = p.category_id
     WHERE p.is_active = 1
       AND (? IS NULL OR c.slug = ?)
     ORDER BY p.name
     LIMIT ? OFFSET ?
"""


def list_products(category: Optional[str], limit: int, offset: int) -> List[Product]:
    rows = get_db().query(PRODUCT_LIST_SQL, (category, category, limit, offset))
    return [Product.from_row(r) for r in rows]


def get_product(product_id: int) -> Optional[Product]:
    row = get_db().query_one("SELECT * FROM catalog_product WHERE id = ?", (product_id,))
    return Product.from_row(row)


def get_by_slug(slug: str) -> Optional[Product]:
    row = get_db().query_one("SELECT * FROM catalog_product WHERE slug = ?", (slug,))
    return Product.from_row(row)


def get_many(product_ids: List[int]) -> Dict[int, Product]:
    if not product_ids:
        return {}
    sql = "SELECT * FROM catalog_product WHERE id IN (%s)" % placeholders(len(product_ids))
    return {r["id"]: Product.from_row(r) for r in get_db().query(sql, product_ids)}


def categories() -> List[Category]:
    rows = get_db().query("SELECT * FROM catalog_category ORDER BY position, name")
    return [Category.from_row(r) for r in rows]


def save_product(product: Product) -> int:
    db = get_db()
    now = datetime.utcnow().isoformat()
    if product.id is None:
        return db.insert(
            "INSERT INTO catalog_product (sku, slug, name, description, category_id, price, "
            "currency, weight_grams, is_active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (product.sku, product.slug, product.name, product.description, product.category_id,
             str(product.price), product.currency, product.weight_grams, int(product.is_active), now),
        )
    db.execute(
        "UPDATE catalog_product SET name = ?, description = ?, price = ?, is_active = ?, "
        "updated_at = ? WHERE id = ?",
        (product.name, product.description, str(product.price), int(product.is_active), now,
         product.id),
    )
    return product.id


def set_active(product_id: int, active: bool) -> None:
    get_db().execute(
        "UPDATE catalog_product SET is_active = ? WHERE id = ?", (int(active), product_id)
    )


def get_inventory(product_id: int) -> Inventory:
    row = get_db().query_one(
        "SELECT * FROM catalog_inventory WHERE product_id = ?", (product_id,)
    )
    return Inventory.from_row(row) or Inventory(product_id=product_id, on_hand=0, reserved=0)


def reserve(product_id: int, quantity: int) -> bool:
    """Reserve stock atomically; False when not enough is available."""
    changed = get_db().execute(
        "UPDATE catalog_inventory SET reserved = reserved + ? "
        "WHERE product_id = ? AND on_hand - reserved >= ?",
        (quantity, product_id, quantity),
    )
    return changed == 1


def release(product_id: int, quantity: int) -> None:
    get_db().execute(
        "UPDATE catalog_inventory SET reserved = MAX(0, reserved - ?) WHERE product_id = ?",
        (quantity, product_id),
    )


def commit_reservation(product_id: int, quantity: int) -> None:
    """Stock left the warehouse: lower both on-hand and reserved."""
    db = get_db()
    changed = db.execute(
        "UPDATE catalog_inventory SET on_hand = on_hand - ?, reserved = reserved - ? "
        "WHERE product_id = ? AND reserved >= ?",
        (quantity, quantity, product_id, quantity),
    )
    if changed != 1:
        raise DatabaseError("reservation for product %d vanished" % product_id)


def restock(product_id: int, quantity: int) -> None:
    db = get_db()
    with db.transaction():
        if db.execute(
            "UPDATE catalog_inventory SET on_hand = on_hand + ? WHERE product_id = ?",
            (quantity, product_id),
        ) == 0:
            db.insert(
                "INSERT INTO catalog_inventory (product_id, on_hand, reserved) VALUES (?, ?, 0)",
                (product_id, quantity),
            )


def best_sellers(limit: int = 10) -> List[int]:
    """Product ids ordered by units sold.

    Reads the orders package's line table directly; a known shortcut that
    the orders service will have to offer as an API once it is split out.
    """
    rows = get_db().query(
        "SELECT product_id, SUM(quantity) AS units FROM orders_line "
        "GROUP BY product_id ORDER BY units DESC LIMIT ?",
        (limit,),
    )
    return [r["product_id"] for r in rows]
