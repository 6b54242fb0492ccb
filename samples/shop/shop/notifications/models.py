"""Notification models (Django style)."""

from shop.utils import orm


class Message(orm.Model):
    """A queued or sent message."""

    id = orm.AutoField()
    user_id = orm.ForeignKey("users_user", null=True)
    channel = orm.CharField(max_length=10, default="email")
    recipient = orm.CharField(max_length=254)
    template = orm.CharField(max_length=50)
    subject = orm.CharField(max_length=200)
    body = orm.TextField()
    status = orm.CharField(max_length=10, default="queued")
    attempts = orm.IntegerField(default=0)
    created_at = orm.DateTimeField(auto_now_add=True)
    sent_at = orm.DateTimeField(null=True)

    class Meta:
        db_table = "notifications_message"
        indexes = ["status"]


class Preference(orm.Model):
    """Which optional messages a user wants."""

    user_id = orm.ForeignKey("users_user", primary_key=True)
    order_updates_sms = orm.BooleanField(default=False)
    newsletter = orm.BooleanField(default=False)
    phone = orm.CharField(max_length=20, null=True)

    class Meta:
        db_table = "notifications_preference"
