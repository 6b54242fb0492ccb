"""Product catalogue: categories, products, prices and stock levels."""

from .models import Category, Product

__all__ = ["Category", "Product"]
