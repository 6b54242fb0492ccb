"""Delivery channels: SMTP e-mail and an SMS gateway."""

import smtplib
from email.message import EmailMessage

from shop.utils.config import settings
from shop.utils.log import get_logger

logger = get_logger(__name__)


class DeliveryError(Exception):
    pass


class EmailChannel:
    def __init__(self, host: str = None, port: int = None, sender: str = None):
        self.host = host or settings.smtp_host
        self.port = port or settings.smtp_port
        self.sender = sender or settings.mail_from

    def send(self, recipient: str, subject: str, body: str) -> None:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = recipient
        msg["Subject"] = subject
        msg.set_content(body)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
                smtp.send_message(msg)
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(str(exc)) from exc


class SmsChannel:
    """Placeholder: SMS goes out through the provider's e-mail bridge."""

    def __init__(self, email_channel: EmailChannel = None):
        self.bridge = email_channel or EmailChannel()

    def send(self, recipient: str, subject: str, body: str) -> None:
        self.bridge.send(recipient.replace("+", "") + "@sms.example.net", "", body)


CHANNELS = {"email": EmailChannel, "sms": SmsChannel}


def channel(name: str):
    try:
        return CHANNELS[name]()
    except KeyError:
        raise DeliveryError("unknown channel %s" % name) from None
