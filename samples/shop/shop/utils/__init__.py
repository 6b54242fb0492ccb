"""Shared helpers: configuration, logging, money, database access, web layer.

Rule of the house: nothing in ``shop.utils`` may import another ``shop``
package.  Every other package is free to import from here.
"""

from .config import settings
from .log import get_logger
from .money import Money

__all__ = ["settings", "get_logger", "Money"]
