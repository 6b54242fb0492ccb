"""Application factory: wire every package's routes into one ``App``."""

from shop import __version__
from shop.cart.views import bp as cart_bp
from shop.catalog import api as catalog_api
from shop.notifications import urls as notification_urls
from shop.orders.api import bp as orders_bp
from shop.payments import api as payments_api
from shop.search import indexer  # noqa: F401  (subscribes to product.changed)
from shop.search.api import bp as search_bp
from shop.users import urls as user_urls
from shop.utils.config import settings
from shop.utils.db import get_db
from shop.utils.log import configure
from shop.utils.web import App, Request, json_response


def create_app() -> App:
    configure()
    app = App("shop")
    app.include("/accounts", user_urls.urlpatterns)
    app.include("/notifications", notification_urls.urlpatterns)
    app.register_blueprint(catalog_api.bp)
    app.register_blueprint(cart_bp)
    app.register_blueprint(orders_bp)
    app.register_blueprint(payments_api.bp)
    app.register_blueprint(search_bp)

    @app.route("/healthz")
    def healthz(request: Request):
        ok = get_db().healthy()
        return json_response({"ok": ok, "version": __version__}, 200 if ok else 503)

    if settings.debug:
        @app.route("/debug/routes")
        def routes(request: Request):
            return json_response(sorted("%s %s" % (",".join(r.methods), r.rule)
                                        for r in app.routes))

    return app
