"""Account use cases: register, log in, manage addresses.

This package must stay independent of the order flow.  A past incident
(2021) came from code like the following, which made users depend on
orders; it is kept here as a warning and must not come back::

    from shop.orders import services

Publish an event with ``shop.utils.events`` instead.
"""

from typing import Optional

from shop.utils import events, validation
from shop.utils.log import get_logger, log_event

from . import auth, repository
from .models import Address, User

logger = get_logger(__name__)


class AccountError(Exception):
    """A business rule about accounts was violated."""


def register(email: str, password: str, full_name: str, opt_in: bool = False) -> User:
    """Create an account and announce it with ``user.registered``."""
    email = validation.email(email)
    if len(password) < 10:
        raise validation.ValidationError("password", "must be at least 10 characters")
    if repository.find_by_email(email) is not None:
        raise AccountError("an account with this e-mail already exists")
    user_id = repository.create_user(email, auth.hash_password(password), full_name.strip(), opt_in)
    user = repository.get_user(user_id)
    log_event(logger, "user registered", user_id=user_id)
    events.publish("user.registered", user_id=user_id, email=email, name=user.first_name)
    return user


def login(email: str, password: str) -> Optional[str]:
    """Return a session token, or None when the credentials are wrong."""
    user = repository.find_by_email(validation.email(email))
    if user is None or not auth.check_password(password, user.password_hash):
        log_event(logger, "login failed", email=email)
        return None
    return auth.start_session(user)


def logout(token: str) -> None:
    repository.delete_session(token)


def close_account(user: User) -> None:
    repository.deactivate(user.id)
    events.publish("user.closed", user_id=user.id)


def add_address(user: User, data: dict) -> Address:
    validation.require(data, ["line1", "city", "postcode", "country"])
    country = data["country"].upper()
    if len(country) != 2:
        raise validation.ValidationError("country", "use the two-letter ISO code")
    address_id = repository.add_address(
        user.id, data["line1"], data.get("line2"), data["city"], data["postcode"], country
    )
    return repository.get_address(address_id)


def address_for(user: User, address_id: int) -> Address:
    """Return one of ``user``'s addresses, refusing other people's."""
    address = repository.get_address(address_id)
    if address is None or address.user_id != user.id:
        raise AccountError("unknown address")
    return address
