"""Search endpoints."""

from shop.utils.web import Blueprint, Request, Response, json_response

from . import engine

bp = Blueprint("search", url_prefix="/search")


@bp.get("")
def search(request: Request):
    query = request.query.get("q", "")
    page = max(1, int(request.query.get("page", "1")))
    hits = engine.search(query, page)
    return json_response({
        "query": query,
        "page": page,
        "hits": [{"product_id": h.product_id, "title": h.title, "score": round(h.score, 3)}
                 for h in hits],
    })


@bp.get("/suggest")
def suggest(request: Request):
    return json_response(engine.suggest(request.query.get("q", "")))


@bp.get("/snapshot.pb")
def snapshot(request: Request):
    return Response(200, engine.export_snapshot(), {"Content-Type": "application/x-protobuf"})
