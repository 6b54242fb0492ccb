"""Full-text product search.

Usage from other packages goes through ``shop.search.engine.search``; the
index is kept fresh by ``indexer`` listening to ``product.changed``.
"""
