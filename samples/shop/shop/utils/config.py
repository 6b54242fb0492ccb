"""Application settings, read once from the environment.

Settings are plain attributes on a frozen dataclass so that typos show up as
``AttributeError`` instead of silently returning ``None``.
"""

import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Dict


def _env(name: str, default: str) -> str:
    return os.environ.get("SHOP_" + name, default)


def _env_bool(name: str, default: bool) -> bool:
    raw = _env(name, "1" if default else "0").strip().lower()
    return raw in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    """All tunables of the shop in one place."""

    debug: bool = field(default_factory=lambda: _env_bool("DEBUG", False))
    database_path: str = field(default_factory=lambda: _env("DATABASE", "shop.sqlite3"))
    secret_key: str = field(default_factory=lambda: _env("SECRET_KEY", "dev-only-secret"))
    session_ttl_seconds: int = field(default_factory=lambda: int(_env("SESSION_TTL", "1209600")))
    default_currency: str = field(default_factory=lambda: _env("CURRENCY", "EUR"))
    vat_rate: Decimal = field(default_factory=lambda: Decimal(_env("VAT_RATE", "0.20")))
    free_shipping_over: Decimal = field(default_factory=lambda: Decimal(_env("FREE_SHIPPING_OVER", "50.00")))
    flat_shipping: Decimal = field(default_factory=lambda: Decimal(_env("FLAT_SHIPPING", "4.90")))
    payment_provider_url: str = field(
        default_factory=lambda: _env("PAYMENT_URL", "https://api.paymentprovider.example/v1")
    )
    payment_api_key: str = field(default_factory=lambda: _env("PAYMENT_API_KEY", ""))
    webhook_secret: str = field(default_factory=lambda: _env("WEBHOOK_SECRET", "whsec-dev"))
    smtp_host: str = field(default_factory=lambda: _env("SMTP_HOST", "localhost"))
    smtp_port: int = field(default_factory=lambda: int(_env("SMTP_PORT", "25")))
    mail_from: str = field(default_factory=lambda: _env("MAIL_FROM", "shop@example.com"))
    search_page_size: int = field(default_factory=lambda: int(_env("SEARCH_PAGE_SIZE", "20")))
    feature_flags: Dict[str, bool] = field(default_factory=dict)

    def flag(self, name: str) -> bool:
        """Return whether a feature flag is switched on."""
        if name in self.feature_flags:
            return self.feature_flags[name]
        return _env_bool("FLAG_" + name.upper(), False)


settings = Settings()
