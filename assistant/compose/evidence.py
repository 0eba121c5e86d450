"""The evidence an answer may use, numbered once so `[n]` markers, citations and prompts agree."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.models import Citation, Filters, Query, RoleMatch, SalaryStats
from ingest.models import FaqEntry, Posting

SNIPPET_CHARS = 240


@dataclass
class Evidence:
    query: Query
    filters: Filters
    roles: list[RoleMatch]
    role_postings: list[Posting]
    faq: list[FaqEntry]
    salary: SalaryStats | None
    matched: int  # postings that pass the filters and fit the topic
    available: int  # postings that have not expired
    top_skills: list[tuple[str, int]] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def __post_init__(self) -> None:
        # FAQ guidance first, then postings: the order the composers cite them in.
        self.citations = [faq_citation(e) for e in self.faq] + [
            posting_citation(p) for p in self.role_postings
        ]

    def marker(self, item_id: str) -> str:
        for number, citation in enumerate(self.citations, start=1):
            if citation.id == item_id:
                return f"[{number}]"
        return ""

    def texts(self) -> list[str]:
        """Every text the answer may draw figures from."""
        return [e.answer for e in self.faq] + [p.description for p in self.role_postings]


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def faq_citation(entry: FaqEntry) -> Citation:
    return Citation(id=entry.id, kind="faq", title=entry.question, snippet=snippet(entry.answer))


def posting_citation(posting: Posting) -> Citation:
    return Citation(
        id=posting.id,
        kind="posting",
        title=f"{posting.title} — {posting.company}",
        url=posting.url,
        snippet=snippet(posting.description),
    )
