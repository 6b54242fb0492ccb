"""Refunds.

Note for the migration team: ``refund_order`` writes ``orders_order``
directly instead of going through the orders package, so two packages
write that table.  Whoever owns orders must take this over before the
payments service can be extracted.
"""

from datetime import datetime
from decimal import Decimal
from typing import Optional

from shop.orders.models import OrderStatus
from shop.utils.db import get_db
from shop.utils.money import Money

from .gateway import gateway
from .models import PaymentState, Refund
from .services import payment_for_order


class RefundError(Exception):
    pass


def refund_order(order_id: int, reason: str, amount: Optional[Decimal] = None) -> Refund:
    db = get_db()
    order = db.query_one(
        "SELECT id, status, grand_total, currency FROM orders_order WHERE id = ?", (order_id,)
    )
    if order is None:
        raise RefundError("unknown order")
    if order["status"] not in (OrderStatus.PAID, OrderStatus.SHIPPED):
        raise RefundError("order %s cannot be refunded" % order["status"])
    payment = payment_for_order(order_id)
    if payment is None or payment.state != PaymentState.CAPTURED:
        raise RefundError("no captured payment for this order")

    money = Money(amount if amount is not None else order["grand_total"], order["currency"])
    provider_ref = gateway().refund(payment.provider_ref, money, reason)
    with db.transaction():
        refund_id = db.insert(
            "INSERT INTO payments_refund (payment_id, amount, reason, provider_ref, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (payment.id, str(money.amount), reason, provider_ref, datetime.utcnow().isoformat()),
        )
        db.execute(
            "UPDATE payments_payment SET state = ? WHERE id = ?",
            (PaymentState.REFUNDED, payment.id),
        )
        # Shortcut: should be an orders API call (see module docstring).
        db.execute(
            "UPDATE orders_order SET status = ? WHERE id = ?",
            (OrderStatus.REFUNDED, order_id),
        )
    row = db.query_one("SELECT * FROM payments_refund WHERE id = ?", (refund_id,))
    return Refund.from_row(row)
