"""SQL for the users package.  Only this module touches the users_* tables."""

from datetime import datetime
from typing import List, Optional

from shop.utils.db import get_db

from .models import Address, Session, User


def get_user(user_id: int) -> Optional[User]:
    row = get_db().query_one("SELECT * FROM users_user WHERE id = ?", (user_id,))
    return User.from_row(row)


def find_by_email(email: str) -> Optional[User]:
    row = get_db().query_one(
        "SELECT * FROM users_user WHERE email = ? AND is_active = 1", (email,)
    )
    return User.from_row(row)


def create_user(email: str, password_hash: str, full_name: str, opt_in: bool) -> int:
    return get_db().insert(
        "INSERT INTO users_user (email, password_hash, full_name, marketing_opt_in, date_joined) "
        "VALUES (?, ?, ?, ?, ?)",
        (email, password_hash, full_name, int(opt_in), datetime.utcnow().isoformat()),
    )


def touch_last_login(user_id: int) -> None:
    get_db().execute(
        "UPDATE users_user SET last_login = ? WHERE id = ?",
        (datetime.utcnow().isoformat(), user_id),
    )


def deactivate(user_id: int) -> None:
    db = get_db()
    with db.transaction():
        db.execute("UPDATE users_user SET is_active = 0 WHERE id = ?", (user_id,))
        db.execute("DELETE FROM users_session WHERE user_id = ?", (user_id,))


def addresses_of(user_id: int) -> List[Address]:
    rows = get_db().query(
        "SELECT * FROM users_address WHERE user_id = ? ORDER BY is_default DESC, id",
        (user_id,),
    )
    return [Address.from_row(r) for r in rows]


def get_address(address_id: int) -> Optional[Address]:
    row = get_db().query_one("SELECT * FROM users_address WHERE id = ?", (address_id,))
    return Address.from_row(row)


def add_address(user_id: int, line1: str, line2: Optional[str], city: str,
                postcode: str, country: str) -> int:
    return get_db().insert(
        """
        INSERT INTO users_address (user_id, line1, line2, city, postcode, country)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        (user_id, line1, line2, city, postcode, country),
    )


def create_session(token: str, user_id: int, expires_at: datetime) -> None:
    get_db().insert(
        "INSERT INTO users_session (token, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        (token, user_id, datetime.utcnow().isoformat(), expires_at.isoformat()),
    )


def get_session(token: str) -> Optional[Session]:
    row = get_db().query_one("SELECT * FROM users_session WHERE token = ?", (token,))
    return Session.from_row(row)


def delete_session(token: str) -> None:
    get_db().execute("DELETE FROM users_session WHERE token = ?", (token,))


def purge_expired_sessions(now: datetime) -> int:
    return get_db().execute(
        "DELETE FROM users_session WHERE expires_at < ?", (now.isoformat(),)
    )
