"""Shared fixtures: an in-memory database with every migration applied."""

from pathlib import Path

import pytest

from shop.utils import events
from shop.utils.db import Database, use_database

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


@pytest.fixture
def db():
    database = Database(":memory:")
    for path in sorted(MIGRATIONS.glob("*.sql")):
        database.conn.executescript(path.read_text())
    use_database(database)
    yield database
    database.close()


@pytest.fixture
def product(db):
    """One active product with ten units in stock."""
    category_id = db.insert(
        "INSERT INTO catalog_category (slug, name) VALUES ('shoes', 'Shoes')"
    )
    product_id = db.insert(
        "INSERT INTO catalog_product (sku, slug, name, category_id, price) "
        "VALUES ('RUN-42', 'trail-runner', 'Trail Runner', ?, '89.90')",
        (category_id,),
    )
    db.insert("INSERT INTO catalog_inventory (product_id, on_hand) VALUES (?, 10)", (product_id,))
    return product_id


@pytest.fixture
def user_id(db):
    return db.insert(
        "INSERT INTO users_user (email, password_hash, full_name, date_joined) "
        "VALUES ('ann@example.com', 'x$y', 'Ann Example', '2024-01-01T00:00:00')"
    )


@pytest.fixture(autouse=True)
def no_event_handlers():
    yield
    events.clear()
