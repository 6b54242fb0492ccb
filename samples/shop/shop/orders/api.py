"""Order endpoints."""

from shop.users.auth import current_user, login_required, staff_required
from shop.utils.web import Blueprint, HttpError, Request, json_response

from . import repository, services

bp = Blueprint("orders", url_prefix="/orders")


def _order_json(order, with_lines=False):
    data = {
        "id": order.id,
        "number": order.number,
        "status": order.status,
        "total": str(order.total),
        "placed_at": order.placed_at,
    }
    if with_lines:
        data["lines"] = [
            {"sku": l.sku, "name": l.name, "quantity": l.quantity, "unit_price": str(l.unit_price)}
            for l in repository.lines_of(order.id)
        ]
    return data


@bp.post("")
@login_required
def checkout(request: Request):
    data = request.json()
    try:
        order = services.place_order(current_user(request), int(data.get("address_id", 0)),
                                     data.get("coupon"))
    except services.CheckoutError as exc:
        raise HttpError(409, str(exc)) from None
    return json_response(_order_json(order, with_lines=True), 201)


@bp.get("")
@login_required
def order_list(request: Request):
    return json_response([_order_json(o) for o in services.history(current_user(request))])


@bp.get("/<int:order_id>")
@login_required
def order_detail(request: Request, order_id: int):
    try:
        order = services.get_for_user(current_user(request), order_id)
    except services.CheckoutError:
        raise HttpError(404, "no such order") from None
    return json_response(_order_json(order, with_lines=True))


@bp.post("/<int:order_id>/cancel")
@login_required
def cancel(request: Request, order_id: int):
    try:
        order = services.cancel(current_user(request), order_id)
    except services.CheckoutError as exc:
        raise HttpError(409, str(exc)) from None
    return json_response(_order_json(order))


@bp.post("/<int:order_id>/ship")
@staff_required
def ship(request: Request, order_id: int):
    services.ship(order_id, request.json().get("tracking_code", ""))
    return json_response({"ok": True})
