"""Client for the card payment provider's REST API."""

import hashlib
import hmac
from typing import Any, Dict, Optional

import requests

from shop.utils.config import settings
from shop.utils.log import get_logger
from shop.utils.money import Money

logger = get_logger(__name__)

TIMEOUT_SECONDS = 10


class GatewayError(Exception):
    """The provider refused the call or could not be reached."""

    def __init__(self, message: str, code: Optional[str] = None):
        super().__init__(message)
        self.code = code


class PaymentGateway:
    def __init__(self, base_url: str = None, api_key: str = None, session=None):
        self.base_url = (base_url or settings.payment_provider_url).rstrip("/")
        self.api_key = api_key if api_key is not None else settings.payment_api_key
        self.http = session or requests.Session()

    def _post(self, path: str, payload: Dict[str, Any], idempotency_key: str) -> Dict[str, Any]:
        headers = {
            "Authorization": "Bearer " + self.api_key,
            "Idempotency-Key": idempotency_key,
        }
        try:
            resp = self.http.post(self.base_url + path, json=payload, headers=headers,
                                  timeout=TIMEOUT_SECONDS)
        except requests.RequestException as exc:
            raise GatewayError("provider unreachable: %s" % exc) from exc
        if resp.status_code >= 400:
            body = resp.json() if resp.content else {}
            raise GatewayError(body.get("message", "HTTP %d" % resp.status_code),
                               body.get("code"))
        return resp.json()

    def create_intent(self, order_id: int, amount: Money) -> str:
        data = self._post("/intents", {
            "amount": amount.cents(),
            "currency": amount.currency.lower(),
            "metadata": {"order_id": order_id},
        }, "order-%d" % order_id)
        return data["id"]

    def cancel_intent(self, provider_ref: str) -> None:
        self._post("/intents/%s/cancel" % provider_ref, {}, "cancel-" + provider_ref)

    def refund(self, provider_ref: str, amount: Money, reason: str) -> str:
        data = self._post("/refunds", {
            "intent": provider_ref,
            "amount": amount.cents(),
            "reason": reason[:200],
        }, "refund-%s-%d" % (provider_ref, amount.cents()))
        return data["id"]


def verify_signature(body: bytes, signature: str, secret: str = None) -> bool:
    """Check the provider's ``X-Signature`` header (hex HMAC-SHA256 of the body)."""
    key = (secret or settings.webhook_secret).encode("utf-8")
    expected = hmac.new(key, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


_default: Optional[PaymentGateway] = None


def gateway() -> PaymentGateway:
    global _default
    if _default is None:
        _default = PaymentGateway()
    return _default
