"""Orders: checkout, order history, cancellation and fulfilment status."""

from .models import Order, OrderLine, OrderStatus

__all__ = ["Order", "OrderLine", "OrderStatus"]
