"""SQL for orders_order and orders_line."""

from datetime import datetime
from typing import Dict, List, Optional

from shop.utils.db import get_db, placeholders

from .models import Order, OrderLine, OrderStatus


def create_order(order: Order, lines: List[OrderLine]) -> int:
    db = get_db()
    with db.transaction():
        order_id = db.insert(
            """
            INSERT INTO orders_order
                (number, user_id, status, currency, subtotal, shipping, discount, vat,
                 grand_total, shipping_address, placed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (order.number, order.user_id, order.status, order.currency, str(order.subtotal),
             str(order.shipping), str(order.discount), str(order.vat), str(order.grand_total),
             order.shipping_address, datetime.utcnow().isoformat()),
        )
        for line in lines:
            db.insert(
                "INSERT INTO orders_line (order_id, product_id, sku, name, unit_price, quantity) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (order_id, line.product_id, line.sku, line.name, str(line.unit_price),
                 line.quantity),
            )
    return order_id


def get_order(order_id: int) -> Optional[Order]:
    row = get_db().query_one("SELECT * FROM orders_order WHERE id = ?", (order_id,))
    return Order.from_row(row)


def lines_of(order_id: int) -> List[OrderLine]:
    rows = get_db().query("SELECT * FROM orders_line WHERE order_id = ? ORDER BY id", (order_id,))
    return [OrderLine.from_row(r) for r in rows]


def orders_of(user_id: int, limit: int = 50) -> List[Order]:
    rows = get_db().query(
        "SELECT * FROM orders_order WHERE user_id = ? ORDER BY placed_at DESC LIMIT ?",
        (user_id, limit),
    )
    return [Order.from_row(r) for r in rows]


def set_status(order_id: int, status: str, expected: Optional[str] = None) -> bool:
    """Move an order to ``status``; with ``expected``, only from that status."""
    db = get_db()
    if expected is None:
        changed = db.execute(
            "UPDATE orders_order SET status = ? WHERE id = ?", (status, order_id)
        )
    else:
        changed = db.execute(
            "UPDATE orders_order SET status = ? WHERE id = ? AND status = ?",
            (status, order_id, expected),
        )
    return changed == 1


def mark_paid(order_id: int) -> bool:
    changed = get_db().execute(
        "UPDATE orders_order SET status = ?, paid_at = ? WHERE id = ? AND status = ?",
        (OrderStatus.PAID, datetime.utcnow().isoformat(), order_id, OrderStatus.PENDING_PAYMENT),
    )
    return changed == 1


def current_prices(product_ids: List[int]) -> Dict[int, dict]:
    """Price snapshot straight from the catalogue table.

    Checkout must not trust prices cached anywhere else, so it reads
    catalog_product itself.  Cross-package read, on the migration list.
    """
    if not product_ids:
        return {}
    rows = get_db().query(
        "SELECT id, sku, name, price, currency, weight_grams FROM catalog_product "
        "WHERE is_active = 1 AND id IN (%s)" % placeholders(len(product_ids)),
        product_ids,
    )
    return {r["id"]: r for r in rows}


def next_number() -> str:
    count = get_db().scalar("SELECT COUNT(*) FROM orders_order") or 0
    return "SO-%s-%06d" % (datetime.utcnow().strftime("%y"), count + 1)
