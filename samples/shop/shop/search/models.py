"""Search index model (SQLAlchemy style)."""

from shop.utils.orm import Column, DateTime, Integer, Model, Numeric, String, TextField


class SearchDocument(Model):
    """One indexed product: its searchable text and pre-computed terms."""

    __tablename__ = "search_document"

    product_id = Column(Integer, primary_key=True)
    title = Column(String, max_length=200)
    category = Column(String, max_length=80)
    terms = TextField()
    boost = Column(Numeric, max_digits=4, decimal_places=2, default=1)
    indexed_at = Column(DateTime)

    def term_list(self):
        return (self.terms or "").split()
