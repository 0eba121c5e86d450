"""Facts an answer may state: salary statistics over every matching posting, role matches with reasons."""

from __future__ import annotations

from collections import Counter

import numpy as np

from assistant.index import PostingIndex
from assistant.models import CurrencyStats, Filters, Query, RoleMatch, SalaryOut, SalaryStats
from assistant.retrieval import Hit
from assistant.topics import posting_fits_topic
from ingest.models import FaqEntry, Posting

SECTOR_LABELS = {
    "hedge_fund": "hedge fund",
    "bank": "bank",
    "fintech": "fintech",
    "asset_manager": "asset manager",
    "insurance": "insurer",
    "other": "other",
}
SECTOR_PLURALS = {
    "hedge_fund": "hedge funds",
    "bank": "banks",
    "fintech": "fintechs",
    "asset_manager": "asset managers",
    "insurance": "insurers",
    "other": "other employers",
}
_SECTORS = frozenset(SECTOR_LABELS)


def faq_sectors(entry: FaqEntry) -> set[str]:
    """The sectors a FAQ entry is tagged with (its other tags name intents or topics)."""
    return {tag for tag in entry.tags if tag in _SECTORS}


def matching_rows(index: PostingIndex, mask: np.ndarray, topic: str | None) -> np.ndarray:
    """Every row that passes the filters and fits the topic: the population statistics describe."""
    if topic is not None:
        mask = mask & index.topic_mask(topic)
    return np.flatnonzero(mask)


def search_mask(index: PostingIndex, mask: np.ndarray, topic: str | None) -> np.ndarray:
    """Where to look for roles: the postings about the asked topic, or all filtered ones when none are."""
    if topic is None:
        return mask
    topical = mask & index.topic_mask(topic)
    return topical if topical.any() else mask


def salary_stats(postings: list[Posting]) -> SalaryStats | None:
    """Annual statistics per currency over the postings that carry a salary; None when none do.

    Each posting contributes the midpoint of its posted range to the quartiles; min and max are the
    lowest floor and the highest ceiling posted.
    """
    by_currency: dict[str, list[tuple[str, float, float]]] = {}
    for posting in postings:
        if posting.salary is None:
            continue
        low, high = posting.salary.annual()
        by_currency.setdefault(posting.salary.currency, []).append((posting.id, low, high))
    if not by_currency:
        return None
    blocks = [_currency_stats(currency, rows) for currency, rows in by_currency.items()]
    blocks.sort(key=lambda b: (-b.count, b.currency))
    head = blocks[0]
    return SalaryStats(**head.model_dump(), by_currency=blocks, matched_postings=len(postings))


def _currency_stats(currency: str, rows: list[tuple[str, float, float]]) -> CurrencyStats:
    mids = np.array([(low + high) / 2 for _, low, high in rows])
    p25, median, p75 = (round(float(v), 2) for v in np.percentile(mids, [25, 50, 75]))
    return CurrencyStats(
        currency=currency,
        count=len(rows),
        min=min(low for _, low, _ in rows),
        p25=p25,
        median=median,
        p75=p75,
        max=max(high for _, _, high in rows),
        posting_ids=[posting_id for posting_id, _, _ in rows],
    )


def role_match(posting: Posting, hit: Hit, query: Query, filters: Filters) -> RoleMatch:
    """A recommended role with the reasons it fits and the skills the asker would still need."""
    why: list[str] = []
    wanted = set(query.skills) | set(query.background)
    matched = [s for s in posting.skills if s in wanted]
    if matched:
        why.append("Skills you mentioned: " + ", ".join(matched))
    if query.topic and posting_fits_topic(posting, query.topic):
        why.append(f"Works on {query.topic}")
    met = _filters_met(posting, filters)
    if met:
        why.append("Matches " + ", ".join(met))
    if not why and posting.skills:
        why.append("Asks for " + ", ".join(posting.skills[:4]))
    gaps = [s for s in posting.skills if s not in query.background][:5] if query.background else []
    if gaps:
        why.append("To close: " + ", ".join(gaps[:3]))
    salary = None
    if posting.salary is not None:
        salary = SalaryOut(
            min=posting.salary.min,
            max=posting.salary.max,
            currency=posting.salary.currency,
            period=posting.salary.period.value,
        )
    return RoleMatch(
        id=posting.id,
        title=posting.title,
        company=posting.company,
        sector=posting.sector,
        level=posting.level,
        remote=posting.remote,
        location=posting.location.label(),
        salary=salary,
        url=posting.url,
        score=round(hit.score, 4),
        why=why,
        gaps=gaps,
        skills=posting.skills,
    )


def _filters_met(posting: Posting, filters: Filters) -> list[str]:
    met = []
    if filters.sector:
        met.append(SECTOR_LABELS[posting.sector.value])
    if filters.level:
        met.append(f"{posting.level.value} level")
    if filters.remote:
        met.append(posting.remote.value)
    if filters.location:
        met.append(posting.location.label())
    if filters.min_salary is not None and posting.salary:
        met.append("salary floor")
    return met


def top_skills(postings: list[Posting], n: int = 6) -> list[tuple[str, int]]:
    """The skills most often asked for, with how many postings ask for each."""
    counts = Counter(skill for posting in postings for skill in posting.skills)
    return counts.most_common(n)
