"""In-process publish/subscribe.

Packages announce what happened ("user.registered", "order.placed") and
other packages react, without importing each other.  This is the seam we
want to turn into a message bus when services are split out.
"""

from collections import defaultdict
from typing import Any, Callable, DefaultDict, Dict, List

from .log import get_logger

logger = get_logger(__name__)

Handler = Callable[[Dict[str, Any]], None]

_handlers: DefaultDict[str, List[Handler]] = defaultdict(list)


def subscribe(topic: str) -> Callable[[Handler], Handler]:
    """Decorator registering ``handler`` for ``topic``."""

    def register(handler: Handler) -> Handler:
        _handlers[topic].append(handler)
        return handler

    return register


def publish(topic: str, **payload: Any) -> int:
    """Call every handler of ``topic``; return how many ran.

    A failing handler is logged and skipped: one broken subscriber must not
    break the publisher's request.
    """
    ran = 0
    for handler in list(_handlers.get(topic, ())):
        try:
            handler(dict(payload, topic=topic))
            ran += 1
        except Exception:  # noqa: BLE001 - isolate subscribers
            logger.exception("event handler %s failed for %s", handler.__name__, topic)
    return ran


def clear() -> None:
    """Forget every subscription (for tests)."""
    _handlers.clear()
