"""Password hashing, session tokens and the ``login_required`` decorator.

Other packages' views import ``login_required`` and ``current_user`` from
here; that is the most common reason a package depends on ``shop.users``.
"""

import functools
import hashlib
import hmac
import os
import secrets
from datetime import datetime, timedelta
from typing import Optional

import jwt

from shop.utils.config import settings
from shop.utils.web import HttpError, Request

from . import repository
from .models import User

PBKDF2_ROUNDS = 260_000


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    """Return ``salt$hash`` using PBKDF2-SHA256."""
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return salt.hex() + "$" + digest.hex()


def check_password(password: str, stored: str) -> bool:
    salt_hex, _, digest_hex = stored.partition("$")
    candidate = hash_password(password, bytes.fromhex(salt_hex))
    return hmac.compare_digest(candidate.partition("$")[2], digest_hex)


def start_session(user: User) -> str:
    token = secrets.token_hex(32)
    expires = datetime.utcnow() + timedelta(seconds=settings.session_ttl_seconds)
    repository.create_session(token, user.id, expires)
    repository.touch_last_login(user.id)
    return token


def issue_api_token(user: User, minutes: int = 60) -> str:
    """A short-lived JWT for the mobile app."""
    claims = {
        "sub": str(user.id),
        "staff": bool(user.is_staff),
        "exp": datetime.utcnow() + timedelta(minutes=minutes),
    }
    return jwt.encode(claims, settings.secret_key, algorithm="HS256")


def user_from_request(request: Request) -> Optional[User]:
    """Resolve the caller from a session cookie or a bearer token."""
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        try:
            claims = jwt.decode(auth[7:], settings.secret_key, algorithms=["HS256"])
        except jwt.PyJWTError:
            return None
        return repository.get_user(int(claims["sub"]))
    cookie = request.headers.get("Cookie", "")
    for part in cookie.split(";"):
        name, _, value = part.strip().partition("=")
        if name == "sid" and value:
            session = repository.get_session(value)
            if session and session.expires_at > datetime.utcnow():
                return repository.get_user(session.user_id)
    return None


def current_user(request: Request) -> User:
    if request.user is None:
        request.user = user_from_request(request)
    if request.user is None:
        raise HttpError(401, "login required")
    return request.user


def login_required(view):
    """Reject anonymous callers with 401 before the view runs."""

    @functools.wraps(view)
    def wrapper(request: Request, *args, **kwargs):
        current_user(request)
        return view(request, *args, **kwargs)

    return wrapper


def staff_required(view):
    @functools.wraps(view)
    def wrapper(request: Request, *args, **kwargs):
        if not current_user(request).is_staff:
            raise HttpError(403, "staff only")
        return view(request, *args, **kwargs)

    return wrapper
