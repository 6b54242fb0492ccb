"""HTTP views of the users package (wired in ``urls.py``)."""

from shop.utils.web import HttpError, Request, Response, json_response

from . import services
from .auth import current_user, login_required


def register(request: Request) -> Response:
    data = request.json()
    try:
        user = services.register(
            data.get("email", ""), data.get("password", ""),
            data.get("full_name", ""), bool(data.get("marketing_opt_in")),
        )
    except services.AccountError as exc:
        raise HttpError(409, str(exc)) from None
    return json_response({"id": user.id, "email": user.email}, 201)


def login(request: Request) -> Response:
    data = request.json()
    token = services.login(data.get("email", ""), data.get("password", ""))
    if token is None:
        raise HttpError(401, "wrong e-mail or password")
    response = json_response({"ok": True})
    response.headers["Set-Cookie"] = "sid=%s; HttpOnly; Secure; SameSite=Lax" % token
    return response


@login_required
def me(request: Request) -> Response:
    user = current_user(request)
    return json_response({"id": user.id, "email": user.email, "name": user.full_name})


@login_required
def addresses(request: Request) -> Response:
    user = current_user(request)
    if request.method == "POST":
        address = services.add_address(user, request.json())
        return json_response(address.to_dict(), 201)
    from .repository import addresses_of

    return json_response([a.to_dict() for a in addresses_of(user.id)])


@login_required
def close(request: Request) -> Response:
    services.close_account(current_user(request))
    return json_response({"ok": True})
