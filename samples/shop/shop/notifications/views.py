"""Notification preference views."""

from shop.utils.web import HttpError, Request, json_response

from . import service


def _user_id(request: Request) -> int:
    # The gateway in front of the shop resolves the session and passes the
    # user id on; this package deliberately does not depend on shop.users.
    raw = request.headers.get("X-User-Id")
    if not raw:
        raise HttpError(401, "login required")
    return int(raw)


def preferences(request: Request):
    pref = service.preferences(_user_id(request))
    if request.method == "POST":
        data = request.json()
        pref.order_updates_sms = bool(data.get("order_updates_sms", pref.order_updates_sms))
        pref.newsletter = bool(data.get("newsletter", pref.newsletter))
        pref.phone = data.get("phone", pref.phone)
        service.save_preferences(pref)
    return json_response(pref.to_dict())


def deliver(request: Request):
    if request.headers.get("X-Cron-Token") != "internal":
        raise HttpError(403, "internal endpoint")
    return json_response({"sent": service.deliver_pending()})
