"""Query the search index.

Ranking is plain term frequency times a per-document boost, which is good
enough for a catalogue of a few thousand products.  A snapshot of the index
can be exported as a protobuf for the recommendation team.
"""

import time
from collections import Counter
from dataclasses import dataclass
from typing import List

from shop.utils.config import settings
from shop.utils.db import get_db

from . import index_pb2, tokenize
from .models import SearchDocument


@dataclass
class Hit:
    product_id: int
    title: str
    score: float


def _candidates(query_terms: List[str]) -> List[SearchDocument]:
    if not query_terms:
        return []
    clauses = " OR ".join("terms LIKE ?" for _ in query_terms)
    rows = get_db().query(
        "SELECT * FROM search_document WHERE " + clauses,
        ["%" + t + "%" for t in query_terms],
    )
    return [SearchDocument.from_row(r) for r in rows]


def score(doc: SearchDocument, query_terms: List[str]) -> float:
    counts = Counter(doc.term_list())
    matched = sum(counts[t] for t in query_terms)
    if matched == 0:
        return 0.0
    coverage = sum(1 for t in set(query_terms) if counts[t]) / len(set(query_terms))
    return float(matched) * coverage * float(doc.boost or 1)


def search(query: str, page: int = 1) -> List[Hit]:
    query_terms = tokenize.terms(query)
    hits = [Hit(d.product_id, d.title, score(d, query_terms)) for d in _candidates(query_terms)]
    hits = [h for h in hits if h.score > 0]
    hits.sort(key=lambda h: (-h.score, h.title))
    size = settings.search_page_size
    return hits[(page - 1) * size: page * size]


def suggest(prefix: str, limit: int = 8) -> List[str]:
    prefix = tokenize.normalize(prefix).strip()
    if len(prefix) < 2:
        return []
    rows = get_db().query(
        "SELECT title FROM search_document WHERE lower(title) LIKE ? ORDER BY title LIMIT ?",
        (prefix + "%", limit),
    )
    return [r["title"] for r in rows]


def export_snapshot() -> bytes:
    """Serialize the whole index as an ``IndexSnapshot`` message."""
    snapshot = index_pb2.IndexSnapshot(built_at=int(time.time()), version="1")
    for row in get_db().query("SELECT * FROM search_document ORDER BY product_id"):
        doc = SearchDocument.from_row(row)
        entry = snapshot.entries.add()
        entry.product_id = doc.product_id
        entry.title = doc.title
        entry.terms.extend(doc.term_list())
        entry.boost = float(doc.boost or 1)
    return snapshot.SerializeToString()
