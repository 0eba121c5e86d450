"""Hybrid retrieval: dense cosine and BM25 over rows that pass the hard filters, fused by reciprocal rank."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

import numpy as np

from assistant.index import Catalog, LexicalIndex
from assistant.models import Filters
from vectorstore.embeddings import LocalEmbeddings

Method = Literal["hybrid", "dense", "bm25"]
RRF_K = 60  # the usual constant: damps the head of each list so neither method dominates
CANDIDATES = 100  # per method, before fusion
FAQ_MIN_SIMILARITY = 0.25  # below this a FAQ passage is off-topic and would be a misleading citation


@dataclass(frozen=True)
class Hit:
    row: int
    score: float  # fused score, scaled so the best possible hit is 1.0
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
        filters: Filters,
        k: int = 10,
        method: Method = "hybrid",
        vector: np.ndarray | None = None,
        mask: np.ndarray | None = None,
        today: date | None = None,
    ) -> list[Hit]:
        index = catalog.postings
        if mask is None:
            mask = index.mask(filters, today)
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
    rankings: list[np.ndarray] = []
    if method in ("hybrid", "dense"):
        rankings.append(_top(dense, CANDIDATES))
    if method in ("hybrid", "bm25"):
        lexical_scores = lexical.scores(text)[allowed]
        # Rows with no term in common carry no lexical evidence; ranking them would be noise.
        ranked = _top(lexical_scores, CANDIDATES)
        rankings.append(ranked[lexical_scores[ranked] > 0])
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, position in enumerate(ranking):
            fused[int(position)] = fused.get(int(position), 0.0) + 1.0 / (RRF_K + rank + 1)
    best = len(rankings) / (RRF_K + 1)
    order = sorted(fused.items(), key=lambda item: (-item[1], -dense[item[0]]))[:k]
    return [Hit(int(allowed[p]), score / best, float(dense[p])) for p, score in order]


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """Positions of the n highest scores, best first."""
    if len(scores) <= n:
        return np.argsort(-scores, kind="stable")
    part = np.argpartition(-scores, n)[:n]
    return part[np.argsort(-scores[part], kind="stable")]
