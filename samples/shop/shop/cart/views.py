"""Cart endpoints."""

from shop.users.auth import current_user, login_required
from shop.utils.web import Blueprint, Request, json_response

from . import services

bp = Blueprint("cart", url_prefix="/cart")


def _cart_json(priced):
    return {
        "items": [
            {
                "product_id": line.product.id,
                "name": line.product.name,
                "quantity": line.quantity,
                "subtotal": str(line.subtotal),
                "in_stock": services.quick_available(line.product.id) >= line.quantity,
            }
            for line in priced.lines
        ],
        "count": priced.item_count,
        "subtotal": str(priced.subtotal),
    }


@bp.route("", methods=["GET"])
@login_required
def show(request: Request):
    cart = services.get_or_create_cart(current_user(request).id)
    return json_response(_cart_json(services.price(cart)))


@bp.route("/items", methods=["POST"])
@login_required
def add(request: Request):
    data = request.json()
    priced = services.add_item(current_user(request).id, int(data.get("product_id", 0)),
                               data.get("quantity", 1))
    return json_response(_cart_json(priced), 201)


@bp.route("/items/<int:product_id>", methods=["PUT", "DELETE"])
@login_required
def change(request: Request, product_id: int):
    quantity = 0 if request.method == "DELETE" else int(request.json().get("quantity", 0))
    priced = services.set_quantity(current_user(request).id, product_id, quantity)
    return json_response(_cart_json(priced))
