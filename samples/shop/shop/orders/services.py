"""Checkout and the order life cycle.

``place_order`` is the busiest function of the shop: it reads the cart,
reserves stock in the catalogue, freezes prices, creates the order and
starts the payment.  The payments package calls back into
``on_payment_captured`` when the provider confirms the charge.
"""

from typing import TYPE_CHECKING, List, Optional

from shop.cart import services as cart_services
from shop.catalog import services as catalog_services
from shop.catalog.services import OutOfStock
from shop.notifications import service as notify
from shop.payments import services as payment_services
from shop.users import services as user_services
from shop.utils import events
from shop.utils.log import get_logger, log_event
from shop.utils.money import (
    Money,
    total,
)
from shop.utils.validation import ValidationError

from . import pricing, repository
from .models import Order, OrderLine, OrderStatus

if TYPE_CHECKING:
    from shop.users.models import User

logger = get_logger(__name__)


class CheckoutError(Exception):
    """Checkout could not complete; the message is safe to show."""


def place_order(user: "User", address_id: int, coupon: Optional[str] = None) -> Order:
    """Turn ``user``'s cart into an order awaiting payment."""
    cart = cart_services.get_or_create_cart(user.id)
    priced = cart_services.price(cart)
    if priced.is_empty():
        raise CheckoutError("your cart is empty")
    address = user_services.address_for(user, address_id)

    snapshot = repository.current_prices([line.product.id for line in priced.lines])
    lines: List[OrderLine] = []
    reserved = []
    try:
        for line in priced.lines:
            row = snapshot.get(line.product.id)
            if row is None:
                raise CheckoutError("%s is no longer available" % line.product.name)
            catalog_services.reserve_stock(line.product, line.quantity)
            reserved.append((line.product.id, line.quantity))
            lines.append(OrderLine(product_id=row["id"], sku=row["sku"], name=row["name"],
                                   unit_price=row["price"], quantity=line.quantity))
    except OutOfStock as exc:
        _release(reserved)
        raise CheckoutError("only %d of %s left" % (exc.available, exc.product.name)) from exc
    except Exception:
        _release(reserved)
        raise

    currency = priced.lines[0].product.currency
    subtotal = total((Money(line.unit_price, currency) * line.quantity for line in lines), currency)
    heavy = any(line.product.is_heavy for line in priced.lines)
    totals = pricing.compute(subtotal, coupon, heavy)

    order = Order(
        number=repository.next_number(), user_id=user.id, status=OrderStatus.PENDING_PAYMENT,
        currency=currency, subtotal=totals.subtotal.amount, shipping=totals.shipping.amount,
        discount=totals.discount.amount, vat=totals.vat.amount,
        grand_total=totals.grand_total.amount, shipping_address=address.one_line(),
    )
    order.id = repository.create_order(order, lines)
    cart_services.clear(cart)
    payment_services.start_payment(order.id, totals.grand_total)
    log_event(logger, "order placed", order_id=order.id, total=str(totals.grand_total))
    events.publish("order.placed", order_id=order.id, user_id=user.id)
    return order


def _release(reserved) -> None:
    for product_id, quantity in reserved:
        catalog_services.release_stock(product_id, quantity)


def on_payment_captured(order_id: int) -> None:
    """Called by ``shop.payments`` once the provider has captured the money."""
    if not repository.mark_paid(order_id):
        logger.warning("order %d was not awaiting payment", order_id)
        return
    order = repository.get_order(order_id)
    notify.send_order_confirmation(order.user_id, order.number, str(order.total))


def cancel(user: "User", order_id: int) -> Order:
    order = get_for_user(user, order_id)
    if order.status != OrderStatus.PENDING_PAYMENT:
        raise CheckoutError("only unpaid orders can be cancelled; ask for a refund instead")
    if not repository.set_status(order_id, OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT):
        raise CheckoutError("the order changed meanwhile, try again")
    _release((line.product_id, line.quantity) for line in repository.lines_of(order_id))
    payment_services.void_pending(order_id)
    return repository.get_order(order_id)


def ship(order_id: int, tracking_code: str) -> None:
    """Warehouse callback: the parcel has left."""
    order = repository.get_order(order_id)
    if order is None or order.status != OrderStatus.PAID:
        raise ValidationError("order_id", "only paid orders can ship")
    for line in repository.lines_of(order_id):
        catalog_services.ship_stock(line.product_id, line.quantity)
    repository.set_status(order_id, OrderStatus.SHIPPED, OrderStatus.PAID)
    notify.send_shipping_update(order.user_id, order.number, tracking_code)


def get_for_user(user: "User", order_id: int) -> Order:
    order = repository.get_order(order_id)
    if order is None or order.user_id != user.id:
        raise CheckoutError("unknown order")
    return order


def history(user: "User") -> List[Order]:
    return repository.orders_of(user.id)
