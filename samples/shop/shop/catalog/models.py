"""Catalogue models (SQLAlchemy style, ``__tablename__``)."""

from decimal import Decimal

from shop.utils.money import Money
from shop.utils.orm import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    Model,
    Numeric,
    String,
    TextField,
)


class Category(Model):
    __tablename__ = "catalog_category"

    id = Column(Integer, primary_key=True)
    slug = Column(String, max_length=80, unique=True)
    name = Column(String, max_length=120)
    parent_id = ForeignKey("catalog_category", null=True)
    position = Column(Integer, default=0)


class Product(Model):
    """Something we sell.  Prices are gross (VAT included)."""

    __tablename__ = "catalog_product"

    id = Column(Integer, primary_key=True)
    sku = Column(String, max_length=32, unique=True)
    slug = Column(String, max_length=120, unique=True)
    name = Column(String, max_length=200)
    description = TextField(null=True)
    category_id = ForeignKey("catalog_category")
    price = Column(Numeric, max_digits=10, decimal_places=2)
    currency = Column(String, max_length=3, default="EUR")
    weight_grams = Column(Integer, default=0)
    is_active = Column(Boolean, default=True)
    updated_at = Column(DateTime, null=True)

    @property
    def unit_price(self) -> Money:
        return Money(self.price or Decimal("0"), self.currency)

    @property
    def is_heavy(self) -> bool:
        return (self.weight_grams or 0) > 20_000


class Inventory(Model):
    """Stock on hand and stock reserved by unpaid orders, per product."""

    __tablename__ = "catalog_inventory"

    product_id = Column(Integer, primary_key=True)
    on_hand = Column(Integer, default=0)
    reserved = Column(Integer, default=0)

    @property
    def available(self) -> int:
        return max(0, (self.on_hand or 0) - (self.reserved or 0))
