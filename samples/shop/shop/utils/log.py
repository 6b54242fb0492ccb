"""Logging set-up shared by every package.

Log lines are JSON objects so that they can be shipped to the log store
without parsing.  A request id travels through a context variable and is
added to every line logged while the request is handled.
"""

import json
import logging
import sys
import time
from contextvars import ContextVar
from typing import Optional

request_id: ContextVar[Optional[str]] = ContextVar("request_id", default=None)

_configured = False


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        rid = request_id.get()
        if rid:
            payload["request_id"] = rid
        extra = getattr(record, "fields", None)
        if isinstance(extra, dict):
            payload.update(extra)
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, sort_keys=True, default=str)


def configure(level: int = logging.INFO) -> None:
    """Install the JSON handler on the root logger (idempotent)."""
    global _configured
    if _configured:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    _configured = True


def get_logger(name: str) -> logging.Logger:
    """Return a logger named after the calling module."""
    configure()
    return logging.getLogger(name)


def log_event(logger: logging.Logger, message: str, **fields) -> None:
    """Log ``message`` at INFO level with structured ``fields``."""
    logger.info(message, extra={"fields": fields})
