"""A tiny HTTP layer in the style of Flask blueprints and Django URLconfs.

The shop predates our adoption of a real framework for the new services;
this module offers just enough of one: requests, responses, blueprints with
``@bp.route`` / ``@bp.get`` / ``@bp.post`` decorators, and Django-style
``urlpatterns`` built with ``path()``.
"""

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Pattern, Tuple

from .log import get_logger, request_id
from .validation import ValidationError

logger = get_logger(__name__)

View = Callable[..., "Response"]


@dataclass
class Request:
    method: str
    path: str
    headers: Dict[str, str] = field(default_factory=dict)
    query: Dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    user: Any = None

    def json(self) -> Dict[str, Any]:
        if not self.body:
            return {}
        try:
            data = json.loads(self.body.decode("utf-8"))
        except ValueError:
            raise HttpError(400, "body is not valid JSON") from None
        if not isinstance(data, dict):
            raise HttpError(400, "body must be a JSON object")
        return data


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: Dict[str, str] = field(default_factory=dict)


class HttpError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, default=str, sort_keys=True).encode("utf-8")
    return Response(status, body, {"Content-Type": "application/json"})


_CONVERTERS = {"int": (r"\d+", int), "str": (r"[^/]+", str), "slug": (r"[-a-z0-9]+", str)}


def _compile(rule: str) -> Tuple[Pattern, Dict[str, Callable]]:
    """Turn ``/orders/<int:order_id>`` into a regex and converters."""
    converters: Dict[str, Callable] = {}
    pattern = "^"
    for part in re.split(r"(<[^>]+>)", rule):
        if part.startswith("<") and part.endswith(">"):
            kind, _, name = part[1:-1].rpartition(":")
            regex, conv = _CONVERTERS[kind or "str"]
            converters[name] = conv
            pattern += "(?P<%s>%s)" % (name, regex)
        else:
            pattern += re.escape(part)
    return re.compile(pattern + "$"), converters


@dataclass
class Route:
    rule: str
    methods: Tuple[str, ...]
    view: View
    name: str
    regex: Pattern = None
    converters: Dict[str, Callable] = None

    def __post_init__(self):
        self.regex, self.converters = _compile(self.rule)

    def match(self, method: str, path: str) -> Optional[Dict[str, Any]]:
        if method not in self.methods:
            return None
        m = self.regex.match(path)
        if not m:
            return None
        return {k: self.converters[k](v) for k, v in m.groupdict().items()}


class Blueprint:
    """A group of routes under a common URL prefix."""

    def __init__(self, name: str, url_prefix: str = ""):
        self.name = name
        self.url_prefix = url_prefix.rstrip("/")
        self.routes: List[Route] = []

    def route(self, rule: str, methods=("GET",)) -> Callable[[View], View]:
        def decorator(view: View) -> View:
            self.routes.append(Route(self.url_prefix + rule, tuple(methods), view,
                                     "%s.%s" % (self.name, view.__name__)))
            return view
        return decorator

    def get(self, rule: str) -> Callable[[View], View]:
        return self.route(rule, methods=("GET",))

    def post(self, rule: str) -> Callable[[View], View]:
        return self.route(rule, methods=("POST",))

    def delete(self, rule: str) -> Callable[[View], View]:
        return self.route(rule, methods=("DELETE",))


def path(rule: str, view: View, name: str = None, methods=("GET", "POST")) -> Route:
    """Django-style URL pattern: ``path("users/<int:pk>", views.detail)``."""
    if not rule.startswith("/"):
        rule = "/" + rule
    return Route(rule, tuple(methods), view, name or view.__name__)


class App:
    """Dispatches requests to the routes of every registered blueprint."""

    def __init__(self, name: str):
        self.name = name
        self.routes: List[Route] = []
        self.middleware: List[Callable[[Request], None]] = []

    def register_blueprint(self, bp: Blueprint) -> None:
        self.routes.extend(bp.routes)

    def include(self, prefix: str, urlpatterns: List[Route]) -> None:
        prefix = prefix.rstrip("/")
        for r in urlpatterns:
            self.routes.append(Route(prefix + r.rule, r.methods, r.view, r.name))

    def route(self, rule: str, methods=("GET",)) -> Callable[[View], View]:
        def decorator(view: View) -> View:
            self.routes.append(Route(rule, tuple(methods), view, view.__name__))
            return view
        return decorator

    def handle(self, request: Request) -> Response:
        token = request_id.set(request.headers.get("X-Request-Id") or uuid.uuid4().hex)
        try:
            for hook in self.middleware:
                hook(request)
            for r in self.routes:
                kwargs = r.match(request.method, request.path)
                if kwargs is not None:
                    return r.view(request, **kwargs)
            raise HttpError(404, "no route for %s %s" % (request.method, request.path))
        except ValidationError as exc:
            return json_response({"error": exc.message, "field": exc.field}, 400)
        except HttpError as exc:
            return json_response({"error": exc.message}, exc.status)
        except Exception:  # noqa: BLE001 - last line of defence
            logger.exception("unhandled error on %s", request.path)
            return json_response({"error": "internal error"}, 500)
        finally:
            request_id.reset(token)
