"""Hybrid retrieval: dense cosine and BM25 over rows passing the hard filters, fused by weighted sum."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from assistant.index import Catalog, LexicalIndex
from vectorstore.embeddings import LocalEmbeddings

Method = Literal["hybrid", "dense", "bm25"]
# Equal weights for the two min-max-normalised scores. A convex combination keeps how far ahead a row
# is, which reciprocal-rank fusion throws away; on the golden set (tests/golden) RRF let the weaker
# dense ranking pull hybrid recall below BM25 alone, the convex combination does not.
DENSE_WEIGHT = 0.5
FAQ_MIN_SIMILARITY = 0.25  # below this a FAQ passage is off-topic and would be a misleading citation


@dataclass(frozen=True)
class Hit:
    row: int
    score: float  # fused score in [0, 1]; 1.0 is the best row by both methods
    dense: float  # cosine similarity, for explanations and thresholds


class Retriever:
    """Finds postings and FAQ passages for a query; every posting hit satisfies the filters."""

    def __init__(self, embeddings: LocalEmbeddings) -> None:
        self.embeddings = embeddings

    def embed(self, text: str) -> np.ndarray:
        return self.embeddings.encode([text])[0]

    def postings(
        self,
        catalog: Catalog,
        text: str,
        mask: np.ndarray,
        k: int = 10,
        method: Method = "hybrid",
        vector: np.ndarray | None = None,
    ) -> list[Hit]:
        """The best k rows among those the mask allows (the caller applies the hard filters)."""
        index = catalog.postings
        if not mask.any():
            return []
        query_vector = self.embed(text) if vector is None and method != "bm25" else vector
        return _search(index.vectors, index.lexical, text, query_vector, mask, k, method)

    def faq(
        self,
        catalog: Catalog,
        text: str,
        k: int = 3,
        vector: np.ndarray | None = None,
        method: Method = "hybrid",
    ) -> list[Hit]:
        faq = catalog.faq
        if not faq.entries:
            return []
        query_vector = self.embed(text) if vector is None and method != "bm25" else vector
        mask = np.ones(len(faq.entries), dtype=bool)
        hits = _search(faq.vectors, faq.lexical, text, query_vector, mask, k, method)
        if method == "bm25":
            return hits
        return [h for h in hits if h.dense >= FAQ_MIN_SIMILARITY]


def _search(
    vectors: np.ndarray,
    lexical: LexicalIndex,
    text: str,
    query_vector: np.ndarray | None,
    mask: np.ndarray,
    k: int,
    method: Method,
) -> list[Hit]:
    allowed = np.flatnonzero(mask)
    dense = (vectors[allowed] @ query_vector) if query_vector is not None else np.zeros(len(allowed))
    if method == "dense":
        fused = _normalise(dense)
    else:
        # Rows with no term in common score 0 and carry no lexical evidence.
        lexical_scores = lexical.scores(text)[allowed].astype(np.float64)
        if method == "bm25":
            allowed, dense = allowed[lexical_scores > 0], dense[lexical_scores > 0]
            fused = _normalise(lexical_scores[lexical_scores > 0])
        else:
            fused = DENSE_WEIGHT * _normalise(dense) + (1 - DENSE_WEIGHT) * _normalise(lexical_scores)
    top = np.argpartition(-fused, k)[:k] if len(fused) > k else np.arange(len(fused))
    order = top[np.lexsort((-dense[top], -fused[top]))]
    return [Hit(int(allowed[p]), float(fused[p]), float(dense[p])) for p in order]


def _normalise(scores: np.ndarray) -> np.ndarray:
    """Min-max to [0, 1] over the rows being ranked; all-equal scores carry no ranking signal."""
    if not len(scores):
        return scores
    low, high = float(scores.min()), float(scores.max())
    if high <= low:
        return np.ones_like(scores) if high > 0 else np.zeros_like(scores)
    return (scores - low) / (high - low)
