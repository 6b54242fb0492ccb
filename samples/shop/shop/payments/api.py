"""Payment endpoints, including the provider webhook."""

import json

from shop.users.auth import current_user, login_required, staff_required
from shop.utils.web import Blueprint, HttpError, Request, json_response

from . import refunds, services
from .gateway import verify_signature

bp = Blueprint("payments", url_prefix="/payments")


@bp.post("/webhook")
def webhook(request: Request):
    if not verify_signature(request.body, request.headers.get("X-Signature", "")):
        raise HttpError(400, "bad signature")
    services.handle_webhook(json.loads(request.body.decode("utf-8")))
    return json_response({"received": True})


@bp.get("/orders/<int:order_id>")
@login_required
def payment_status(request: Request, order_id: int):
    current_user(request)
    payment = services.payment_for_order(order_id)
    if payment is None:
        raise HttpError(404, "no payment")
    return json_response({"state": payment.state, "amount": str(payment.money)})


@bp.post("/orders/<int:order_id>/refund")
@staff_required
def refund(request: Request, order_id: int):
    data = request.json()
    try:
        result = refunds.refund_order(order_id, data.get("reason", "customer request"))
    except refunds.RefundError as exc:
        raise HttpError(409, str(exc)) from None
    return json_response({"refund_id": result.id, "amount": str(result.amount)}, 201)
