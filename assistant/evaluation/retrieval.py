"""Scoring retrieval: recall@5 and MRR per ranking method, over postings and FAQ entries judged relevant."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.evaluation.golden import RetrievalCase, conversation
from assistant.facts import search_mask
from assistant.index import Catalog
from assistant.retrieval import Method, Retriever
from assistant.understand import understand

METHODS: tuple[Method, ...] = ("dense", "bm25", "hybrid")
K = 5  # what the chat shows: recall is measured in the top K
DEPTH = 10  # how deep MRR looks for the first relevant item


@dataclass
class MethodScore:
    """Per (question, corpus) pair: recall@K capped at the number of relevant items, reciprocal rank."""

    method: str
    recall: dict[str, list[float]] = field(default_factory=lambda: {"postings": [], "faq": []})
    reciprocal_rank: dict[str, list[float]] = field(default_factory=lambda: {"postings": [], "faq": []})
    misses: list[str] = field(default_factory=list)

    def mean_recall(self, corpus: str | None = None) -> float:
        return _mean(self.recall[corpus] if corpus else [*self.recall["postings"], *self.recall["faq"]])

    def mrr(self, corpus: str | None = None) -> float:
        values = self.reciprocal_rank
        return _mean(values[corpus] if corpus else [*values["postings"], *values["faq"]])


def score_retrieval(
    catalog: Catalog, retriever: Retriever, cases: list[RetrievalCase]
) -> dict[str, MethodScore]:
    """Rank each question the way the chat does (filters and topic from understanding) with each method."""
    scores: dict[str, MethodScore] = {method: MethodScore(method) for method in METHODS}
    index = catalog.postings
    queries = [understand(conversation((case.question,))) for case in cases]
    # One batch: encoding the questions together is much faster than one at a time.
    vectors = retriever.embeddings.encode([query.search_text for query in queries])
    for case, query, vector in zip(cases, queries, vectors, strict=True):
        # The chat recommends from postings about the asked topic when there are any.
        mask = search_mask(index, index.mask(query.filters), query.topic)
        faq_vector = vector if query.text == query.search_text else None
        for method in METHODS:
            score = scores[method]
            if case.postings:
                hits = retriever.postings(
                    catalog, query.search_text, mask, k=DEPTH, method=method, vector=vector
                )
                ranked = [index.postings[h.row].id for h in hits]
                _record(score, "postings", case, ranked, case.postings)
            if case.faq:
                hits = retriever.faq(catalog, query.text, k=DEPTH, vector=faq_vector, method=method)
                ranked = [catalog.faq.entries[h.row].id for h in hits]
                _record(score, "faq", case, ranked, case.faq)
    return scores


def _record(
    score: MethodScore, corpus: str, case: RetrievalCase, ranked: list[str], relevant: tuple[str, ...]
) -> None:
    wanted = set(relevant)
    found = len(wanted & set(ranked[:K]))
    score.recall[corpus].append(found / min(len(wanted), K))
    first = next((rank for rank, item in enumerate(ranked, start=1) if item in wanted), None)
    score.reciprocal_rank[corpus].append(1.0 / first if first else 0.0)
    if found < min(len(wanted), K):
        missing = sorted(wanted - set(ranked[:K]))
        score.misses.append(f"{case.id} ({corpus}): top {K} lacks {', '.join(missing)}")


def _mean(values: list[float]) -> float:
    return float(np.mean(values)) if values else 1.0
