"""Turn text into index terms: lower-case, split, drop stop words, stem."""

import re
import unicodedata
from typing import List

from shop.vendor import stemmer

WORD_RE = re.compile(r"[a-z0-9]+")

STOP_WORDS = frozenset(
    "a an and are as at be by for from in is it of on or the to with".split()
)


def normalize(text: str) -> str:
    """Strip accents and lower-case: 'Crème Brûlée' -> 'creme brulee'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text: str) -> List[str]:
    return [w for w in WORD_RE.findall(normalize(text)) if w not in STOP_WORDS]


def terms(text: str) -> List[str]:
    """Stemmed tokens, in order, duplicates kept (they count for ranking)."""
    return [stemmer.stem(t) for t in tokens(text)]
