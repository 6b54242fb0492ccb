"""Queue messages and deliver them.

Messages are written to ``notifications_message`` first and delivered by
``deliver_pending`` (run from cron through ``manage.py send_mail``), so a
slow mail server never slows down checkout.
"""

from datetime import datetime
from typing import TYPE_CHECKING, Dict, Optional

from shop.utils.db import get_db
from shop.utils.events import subscribe
from shop.utils.log import get_logger

from . import channels, templates
from .models import Message, Preference

if TYPE_CHECKING:
    from shop.users.models import User

logger = get_logger(__name__)

MAX_ATTEMPTS = 5


def _recipient(user_id: int) -> Optional[Dict[str, str]]:
    # Reads the users table directly: a cross-package read to remove.
    return get_db().query_one(
        "SELECT email, full_name FROM users_user WHERE id = ? AND is_active = 1", (user_id,)
    )


def preferences(user_id: int) -> Preference:
    row = get_db().query_one(
        "SELECT * FROM notifications_preference WHERE user_id = ?", (user_id,)
    )
    return Preference.from_row(row) or Preference(user_id=user_id)


def save_preferences(pref: Preference) -> None:
    get_db().execute(
        "INSERT OR REPLACE INTO notifications_preference "
        "(user_id, order_updates_sms, newsletter, phone) VALUES (?, ?, ?, ?)",
        (pref.user_id, int(pref.order_updates_sms), int(pref.newsletter), pref.phone),
    )


def queue(user_id: Optional[int], recipient: str, template: str, channel: str = "email",
          **values: str) -> int:
    if channel == "sms":
        subject, body = "", templates.render_sms(template, **values)
    else:
        subject, body = templates.render(template, **values)
    return get_db().insert(
        "INSERT INTO notifications_message "
        "(user_id, channel, recipient, template, subject, body, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 'queued', ?)",
        (user_id, channel, recipient, template, subject, body, datetime.utcnow().isoformat()),
    )


def notify_user(user_id: int, template: str, **values: str) -> Optional[int]:
    who = _recipient(user_id)
    if who is None:
        logger.info("not notifying inactive user %d", user_id)
        return None
    values.setdefault("name", (who["full_name"] or "").split(" ")[0] or "customer")
    return queue(user_id, who["email"], template, **values)


def greet(user: "User") -> Optional[int]:
    """Send the welcome e-mail to a freshly registered ``User``."""
    return queue(user.id, user.email, "welcome", name=user.first_name)


@subscribe("user.registered")
def on_user_registered(event: dict) -> None:
    queue(event["user_id"], event["email"], "welcome", name=event.get("name") or "customer")


def send_order_confirmation(user_id: int, order_number: str, total: str) -> None:
    notify_user(user_id, "order_confirmation", number=order_number, total=total)


def send_payment_receipt(order_id: int, amount: str) -> None:
    order = get_db().query_one(
        "SELECT user_id, number FROM orders_order WHERE id = ?", (order_id,)
    )
    if order is not None:
        notify_user(order["user_id"], "payment_receipt", number=order["number"], amount=amount)


def send_shipping_update(user_id: int, order_number: str, tracking: str) -> None:
    notify_user(user_id, "shipping_update", number=order_number, tracking=tracking)
    pref = preferences(user_id)
    if pref.order_updates_sms and pref.phone:
        queue(user_id, pref.phone, "shipping_update", channel="sms",
              number=order_number, tracking=tracking)


def deliver_pending(batch: int = 100) -> int:
    """Send up to ``batch`` queued messages; return how many went out."""
    db = get_db()
    rows = db.query(
        "SELECT * FROM notifications_message WHERE status = 'queued' AND attempts < ? "
        "ORDER BY id LIMIT ?",
        (MAX_ATTEMPTS, batch),
    )
    sent = 0
    for row in rows:
        msg = Message.from_row(row)
        try:
            channels.channel(msg.channel).send(msg.recipient, msg.subject, msg.body)
        except channels.DeliveryError as exc:
            logger.warning("delivery of message %d failed: %s", msg.id, exc)
            db.execute(
                "UPDATE notifications_message SET attempts = attempts + 1 WHERE id = ?",
                (msg.id,),
            )
            continue
        db.execute(
            "UPDATE notifications_message SET status = 'sent', sent_at = ?, "
            "attempts = attempts + 1 WHERE id = ?",
            (datetime.utcnow().isoformat(), msg.id),
        )
        sent += 1
    return sent


def purge_sent(before: datetime) -> int:
    return get_db().execute(
        "DELETE FROM notifications_message WHERE status = 'sent' AND sent_at < ?",
        (before.isoformat(),),
    )
