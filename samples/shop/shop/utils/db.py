"""Database access helpers.

The shop talks to one SQLite (in production: PostgreSQL) database.  Every
package goes through ``get_db()`` so that connections, transactions and
query logging are handled in one place.
"""

import sqlite3
import threading
import time
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Optional, Sequence

from .config import settings
from .log import get_logger

logger = get_logger(__name__)

Row = Dict[str, Any]

_local = threading.local()


class DatabaseError(RuntimeError):
    """Wraps driver errors so callers need not import sqlite3."""


class Database:
    """A thin wrapper around one DB-API connection."""

    def __init__(self, path: str):
        self.path = path
        self._conn: Optional[sqlite3.Connection] = None
        self._depth = 0

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = sqlite3.connect(self.path)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a statement and return the number of affected rows."""
        started = time.monotonic()
        try:
            cur = self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise DatabaseError("%s [sql=%s]" % (exc, sql.split()[0])) from exc
        finally:
            elapsed = (time.monotonic() - started) * 1000.0
            if elapsed > 200:
                logger.warning("slow query (%.0f ms): %s", elapsed, sql)
        if self._depth == 0:
            self.conn.commit()
        return cur.rowcount

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT and return the new row id."""
        try:
            cur = self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise DatabaseError(str(exc)) from exc
        if self._depth == 0:
            self.conn.commit()
        return cur.lastrowid

    def query(self, sql: str, params: Sequence[Any] = ()) -> List[Row]:
        """Run a SELECT and return every row as a dict."""
        try:
            cur = self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise DatabaseError(str(exc)) from exc
        return [dict(row) for row in cur.fetchall()]

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> Optional[Row]:
        """Run a SELECT and return the first row, or None."""
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run a SELECT and return the first column of the first row."""
        row = self.query_one(sql, params)
        if row is None:
            return None
        return next(iter(row.values()))

    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """Group statements; nested blocks join the outer transaction."""
        self._depth += 1
        try:
            yield self
        except Exception:
            self._depth -= 1
            if self._depth == 0:
                self.conn.rollback()
            raise
        else:
            self._depth -= 1
            if self._depth == 0:
                self.conn.commit()

    def healthy(self) -> bool:
        """Cheap liveness probe used by the /healthz endpoint."""
        try:
            return self.scalar("SELECT 1") == 1
        except DatabaseError:
            return False


def get_db() -> Database:
    """Return this thread's database handle, opening it on first use."""
    db = getattr(_local, "db", None)
    if db is None:
        db = Database(settings.database_path)
        _local.db = db
    return db


def use_database(db: Database) -> None:
    """Install ``db`` for this thread (tests use an in-memory database)."""
    _local.db = db


def placeholders(count: int) -> str:
    """Return ``?, ?, ?`` for an IN clause with ``count`` values."""
    if count <= 0:
        raise ValueError("need at least one placeholder")
    return ", ".join("?" for _ in range(count))
