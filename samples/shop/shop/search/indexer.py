"""Keep ``search_document`` in step with the catalogue."""

from datetime import datetime
from typing import Optional

import shop.catalog.models
from shop.utils.db import get_db
from shop.utils.events import subscribe
from shop.utils.log import get_logger

from . import tokenize
from .models import SearchDocument

logger = get_logger(__name__)

SOURCE_SQL = """
    SELECT p.id, p.sku, p.name, p.description, p.is_active, c.name AS category
      FROM catalog_product AS p
      LEFT JOIN catalog_category AS c ON c.id = p.category_id
     WHERE p.id = ?
"""


def build_document(product: shop.catalog.models.Product, category: str) -> SearchDocument:
    text = " ".join(filter(None, [product.name, product.name, product.sku, category,
                                  product.description]))
    return SearchDocument(
        product_id=product.id,
        title=product.name,
        category=category,
        terms=" ".join(tokenize.terms(text)),
        boost=1,
        indexed_at=datetime.utcnow(),
    )


def reindex_product(product_id: int) -> Optional[SearchDocument]:
    db = get_db()
    row = db.query_one(SOURCE_SQL, (product_id,))
    if row is None or not row["is_active"]:
        db.execute("DELETE FROM search_document WHERE product_id = ?", (product_id,))
        return None
    product = shop.catalog.models.Product(
        id=row["id"], sku=row["sku"], name=row["name"], description=row["description"]
    )
    doc = build_document(product, row["category"] or "")
    db.execute(
        "INSERT OR REPLACE INTO search_document "
        "(product_id, title, category, terms, boost, indexed_at) VALUES (?, ?, ?, ?, ?, ?)",
        (doc.product_id, doc.title, doc.category, doc.terms, str(doc.boost),
         doc.indexed_at.isoformat()),
    )
    return doc


def reindex_all() -> int:
    ids = [r["id"] for r in get_db().query("SELECT id FROM catalog_product ORDER BY id")]
    count = 0
    for product_id in ids:
        if reindex_product(product_id) is not None:
            count += 1
    logger.info("reindexed %d of %d products", count, len(ids))
    return count


@subscribe("product.changed")
def on_product_changed(event: dict) -> None:
    reindex_product(event["product_id"])
