"""Public catalogue endpoints (Flask-style blueprint)."""

from shop.users.auth import staff_required
from shop.utils.web import Blueprint, HttpError, Request, json_response

from . import repository, services

bp = Blueprint("catalog", url_prefix="/catalog")


def _product_json(product):
    return {
        "id": product.id,
        "sku": product.sku,
        "slug": product.slug,
        "name": product.name,
        "price": str(product.unit_price),
    }


@bp.get("/products")
def product_list(request: Request):
    page = int(request.query.get("page", "1"))
    category = request.query.get("category")
    return json_response([_product_json(p) for p in services.browse(category, page)])


@bp.get("/products/<int:product_id>")
def product_detail(request: Request, product_id: int):
    product = services.get_product(product_id)
    if product is None:
        raise HttpError(404, "no such product")
    data = _product_json(product)
    data["available"] = services.available_quantity(product_id)
    data["description"] = product.description
    return json_response(data)


@bp.get("/categories")
def category_list(request: Request):
    return json_response([{"slug": c.slug, "name": c.name} for c in repository.categories()])


@bp.get("/best-sellers")
def best_sellers(request: Request):
    return json_response([_product_json(p) for p in services.best_sellers()])


@bp.post("/products/<int:product_id>/discontinue")
@staff_required
def discontinue(request: Request, product_id: int):
    services.discontinue_product(product_id)
    return json_response({"ok": True})


@bp.post("/products/<int:product_id>/restock")
@staff_required
def restock(request: Request, product_id: int):
    quantity = int(request.json().get("quantity", 0))
    if quantity <= 0:
        raise HttpError(400, "quantity must be positive")
    repository.restock(product_id, quantity)
    return json_response({"available": services.available_quantity(product_id)})
