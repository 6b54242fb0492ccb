"""Payment use cases and the provider webhook.

This module and ``shop.orders.services`` import each other: orders starts
a payment here, and the webhook handler here calls back into orders.
"""

from datetime import datetime
from typing import Any, Dict, Optional

import shop.orders.services
from shop.notifications import service as notify
from shop.utils.db import get_db
from shop.utils.log import get_logger, log_event
from shop.utils.money import Money

from .gateway import GatewayError, gateway
from .models import Payment, PaymentState

logger = get_logger(__name__)


def start_payment(order_id: int, amount: Money) -> Payment:
    """Create the provider intent and remember it."""
    db = get_db()
    payment_id = db.insert(
        "INSERT INTO payments_payment (order_id, state, amount, currency, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (order_id, PaymentState.PENDING, str(amount.amount), amount.currency,
         datetime.utcnow().isoformat()),
    )
    try:
        ref = gateway().create_intent(order_id, amount)
    except GatewayError as exc:
        _fail(payment_id, str(exc))
        raise
    db.execute("UPDATE payments_payment SET provider_ref = ? WHERE id = ?", (ref, payment_id))
    return payment_for_order(order_id)


def payment_for_order(order_id: int) -> Optional[Payment]:
    row = get_db().query_one(
        "SELECT * FROM payments_payment WHERE order_id = ? ORDER BY id DESC LIMIT 1",
        (order_id,),
    )
    return Payment.from_row(row)


def void_pending(order_id: int) -> None:
    payment = payment_for_order(order_id)
    if payment is None or payment.state != PaymentState.PENDING:
        return
    if payment.provider_ref:
        gateway().cancel_intent(payment.provider_ref)
    get_db().execute(
        "UPDATE payments_payment SET state = ? WHERE id = ?", (PaymentState.VOIDED, payment.id)
    )


def _fail(payment_id: int, reason: str) -> None:
    get_db().execute(
        "UPDATE payments_payment SET state = ?, failure_reason = ? WHERE id = ?",
        (PaymentState.FAILED, reason[:200], payment_id),
    )


def handle_webhook(event: Dict[str, Any]) -> None:
    """React to ``intent.succeeded`` and ``intent.failed`` from the provider."""
    kind = event.get("type")
    ref = (event.get("data") or {}).get("id")
    row = get_db().query_one("SELECT * FROM payments_payment WHERE provider_ref = ?", (ref,))
    payment = Payment.from_row(row)
    if payment is None:
        logger.warning("webhook for unknown intent %s", ref)
        return
    if kind == "intent.succeeded":
        if payment.state == PaymentState.CAPTURED:
            return  # providers deliver webhooks at least once
        get_db().execute(
            "UPDATE payments_payment SET state = ?, captured_at = ? WHERE id = ?",
            (PaymentState.CAPTURED, datetime.utcnow().isoformat(), payment.id),
        )
        log_event(logger, "payment captured", order_id=payment.order_id, payment_id=payment.id)
        shop.orders.services.on_payment_captured(payment.order_id)
        notify.send_payment_receipt(payment.order_id, str(payment.money))
    elif kind == "intent.failed":
        _fail(payment.id, (event.get("data") or {}).get("reason", "declined"))
    else:
        logger.info("ignoring webhook %s", kind)
