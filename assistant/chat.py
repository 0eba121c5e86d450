"""The chat service: understand → retrieve → facts → compose, one code path for HTTP, CLI and Slack."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from assistant.compose.evidence import Evidence
from assistant.compose.grounded import NAME as GROUNDED
from assistant.compose.grounded import compose_grounded, suggest
from assistant.facts import faq_sectors, matching_rows, role_match, salary_stats, search_mask, top_skills
from assistant.index import Catalog, CatalogHolder
from assistant.models import Answer, ChatMessage, Filters, Intent, Query, RoleMatch, SalaryStats
from assistant.retrieval import Retriever
from assistant.understand import understand
from ingest.models import FaqEntry

ROLES_SHOWN = 5
FAQ_CANDIDATES = 6


class Composer(Protocol):
    """Writes the answer text from evidence; `name` is reported as the answer's composer."""

    name: str

    def compose(self, evidence: Evidence, grounded_text: str) -> tuple[str, str | None, str | None]:
        """Return (text, prompt name@version or None, notice or None)."""
        ...


@dataclass
class Found:
    """What retrieval and facts produced for one question, before any wording."""

    query: Query
    evidence: Evidence


class ChatService:
    def __init__(
        self, catalog: CatalogHolder, retriever: Retriever, composer: Composer | None = None
    ) -> None:
        self.catalog = catalog
        self.retriever = retriever
        self.composer = composer

    @property
    def composer_label(self) -> str:
        return self.composer.name if self.composer else GROUNDED

    def answer(self, messages: list[ChatMessage], filters: Filters | None = None) -> Answer:
        found = self.find(messages, filters)
        return self.write(found)

    def stream(self, messages: list[ChatMessage], filters: Filters | None = None) -> Iterator[Answer | str]:
        """Yield the answer without text (for `meta`), then text pieces, then the final answer."""
        found = self.find(messages, filters)
        answer = self.write(found)
        yield answer.model_copy(update={"answer": ""})
        yield from _pieces(answer.answer)
        yield answer

    def find(
        self, messages: list[ChatMessage], filters: Filters | None = None, today: date | None = None
    ) -> Found:
        query = understand(messages, filters)
        catalog = self.catalog.get()
        return Found(query, self.gather(catalog, query, today))

    def gather(
        self, catalog: Catalog, query: Query, today: date | None = None, k: int = ROLES_SHOWN
    ) -> Evidence:
        index = catalog.postings
        mask = index.mask(query.filters, today)
        rows = matching_rows(index, mask, query.topic)
        population = [index.postings[r] for r in rows]
        vector = self.retriever.embed(query.search_text)
        hits = self.retriever.postings(
            catalog, query.search_text, search_mask(index, mask, query.topic), k=k, vector=vector
        )
        faq_vector = vector if query.text == query.search_text else None
        faq_hits = self.retriever.faq(catalog, query.text, k=FAQ_CANDIDATES, vector=faq_vector)
        role_postings = [index.postings[h.row] for h in hits]
        return Evidence(
            query=query,
            filters=query.filters,
            roles=[role_match(p, h, query, query.filters) for p, h in zip(role_postings, hits, strict=True)],
            role_postings=role_postings,
            faq=rank_faq([catalog.faq.entries[h.row] for h in faq_hits], query),
            salary=salary_stats(population),
            matched=len(population),
            available=int(index.mask(Filters(), today).sum()),
            top_skills=top_skills(population),
        )

    def write(self, found: Found) -> Answer:
        evidence = found.evidence
        text = compose_grounded(evidence)
        prompt = notice = None
        if self.composer is not None:
            text, prompt, notice = self.composer.compose(evidence, text)
        return Answer(
            answer=text,
            intent=found.query.intent,
            citations=evidence.citations,
            roles=evidence.roles,
            salary=evidence.salary,
            filters=evidence.filters.active(),
            suggestions=suggest(evidence),
            composer=self.composer_label if notice is None else GROUNDED,
            prompt=prompt,
            notice=notice,
        )

    def roles(self, text: str, filters: Filters, limit: int) -> list[RoleMatch]:
        query = understand([ChatMessage(role="user", content=text.strip() or "machine learning")], filters)
        query = query.model_copy(update={"filters": filters})
        return self.gather(self.catalog.get(), query, k=limit).roles

    def salaries(self, text: str, filters: Filters) -> SalaryStats | None:
        text = text.strip()
        query = understand([ChatMessage(role="user", content=text or "salary")], filters)
        query = query.model_copy(update={"filters": filters, "topic": query.topic if text else None})
        index = self.catalog.get().postings
        rows = matching_rows(index, index.mask(filters), query.topic)
        return salary_stats([index.postings[r] for r in rows])


def rank_faq(entries: list[FaqEntry], query: Query) -> list[FaqEntry]:
    """Keep the passages that fit the question's intent and sector, in retrieval order otherwise.

    Salary and role answers quote one passage; transition and general answers lean on two. A passage
    tagged only with sectors other than the one asked about would mislead ("hedge fund pay" for a
    question about banks), so it goes last.
    """
    wanted = 2 if query.intent in (Intent.TRANSITION, Intent.GENERAL) else 1
    sector = query.filters.sector.value if query.filters.sector else None

    def penalty(position: int, entry: FaqEntry) -> float:
        score = float(position)
        if query.intent.value in entry.tags:
            score -= 1.5
        sectors = faq_sectors(entry)
        if sector and sector in sectors:
            score -= 2.0
        elif sector and sectors:
            score += 3.0
        return score

    ranked = sorted(enumerate(entries), key=lambda item: penalty(*item))
    return [entry for _, entry in ranked][:wanted]


def _pieces(text: str, size: int = 24) -> Iterator[str]:
    """Split text at word boundaries into small pieces for streaming."""
    words = text.split(" ")
    for start in range(0, len(words), size):
        chunk = " ".join(words[start : start + size])
        yield chunk if start + size >= len(words) else chunk + " "
