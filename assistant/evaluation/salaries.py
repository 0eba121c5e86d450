"""Checking salary statistics against an independent computation from the raw posting fields.

Deliberately plain code, not assistant/facts.py: per currency, annual values, min = lowest floor,
max = highest ceiling, p25/median/p75 = linear percentiles of range midpoints, current postings only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from assistant.chat import ChatService
from assistant.evaluation.golden import SalaryCase
from assistant.models import Filters, SalaryStats
from ingest.models import Posting

TOLERANCE = 0.01  # the service rounds quartiles to cents


@dataclass
class SalaryScore:
    cases: int = 0
    matching: int = 0
    mismatches: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.matching / self.cases if self.cases else 1.0


def passes_filters(posting: Posting, filters: Filters, today: date) -> bool:
    """The hard filters spelled out: sector, level, work mode, place, floor in its currency, not expired."""
    if posting.valid_through is not None and posting.valid_through < today:
        return False
    if filters.sector is not None and posting.sector != filters.sector:
        return False
    if filters.level is not None and posting.level != filters.level:
        return False
    if filters.remote is not None and posting.remote != filters.remote:
        return False
    if filters.location is not None:
        place = posting.location
        names = {(value or "").lower() for value in (place.city, place.region, place.country)}
        if filters.location.lower() not in names:
            return False
    if filters.min_salary is not None:
        salary = posting.salary
        if salary is None or salary.currency != (filters.currency or "USD"):
            return False
        if salary.annual()[1] < filters.min_salary:
            return False
    return True


def expected_stats(postings: list[Posting], filters: Filters, today: date) -> dict[str, dict[str, object]]:
    """Per currency: count, min, p25, median, p75, max and the posting ids, over matching postings."""
    ranges: dict[str, list[tuple[str, float, float]]] = {}
    for posting in postings:
        if posting.salary is None or not passes_filters(posting, filters, today):
            continue
        low, high = posting.salary.annual()
        ranges.setdefault(posting.salary.currency, []).append((posting.id, low, high))
    expected: dict[str, dict[str, object]] = {}
    for currency, rows in ranges.items():
        midpoints = [(low + high) / 2 for _, low, high in rows]
        p25, median, p75 = np.percentile(midpoints, [25, 50, 75], method="linear")
        expected[currency] = {
            "count": len(rows),
            "min": min(low for _, low, _ in rows),
            "max": max(high for _, _, high in rows),
            "p25": float(p25),
            "median": float(median),
            "p75": float(p75),
            "ids": {posting_id for posting_id, _, _ in rows},
        }
    return expected


def compare_stats(
    stats: SalaryStats | None, expected: dict[str, dict[str, object]], matched: int
) -> list[str]:
    """Every way the service's statistics differ from the expected ones."""
    if stats is None:
        return [f"no statistics, expected {sorted(expected)}"] if expected else []
    problems = []
    blocks = {block.currency: block for block in stats.by_currency}
    if set(blocks) != set(expected):
        problems.append(f"currencies {sorted(blocks)} (want {sorted(expected)})")
    for currency in set(blocks) & set(expected):
        block, want = blocks[currency], expected[currency]
        for name in ("count", "min", "max", "p25", "median", "p75"):
            got, wanted = float(getattr(block, name)), float(want[name])  # type: ignore[arg-type]
            if abs(got - wanted) > TOLERANCE:
                problems.append(f"{currency} {name} {got:,.2f} (want {wanted:,.2f})")
        if set(block.posting_ids) != want["ids"]:
            problems.append(f"{currency} posting ids differ")
    top = max(expected.items(), key=lambda item: (item[1]["count"], _reverse(item[0])), default=None)
    if top and stats.currency != top[0]:
        problems.append(f"headline currency {stats.currency} (want {top[0]}, the most postings)")
    if stats.matched_postings != matched:
        problems.append(f"matched postings {stats.matched_postings} (want {matched})")
    return problems


def score_salaries(
    chat: ChatService, postings: list[Posting], cases: list[SalaryCase], today: date | None = None
) -> SalaryScore:
    today = today or date.today()
    score = SalaryScore()
    for case in cases:
        stats = chat.salaries("", case.filters)
        expected = expected_stats(postings, case.filters, today)
        matched = sum(passes_filters(p, case.filters, today) for p in postings)
        problems = compare_stats(stats, expected, matched)
        score.cases += 1
        if problems:
            score.mismatches.append(f"{case.id}: " + "; ".join(problems))
        else:
            score.matching += 1
    return score


def _reverse(code: str) -> tuple[int, ...]:
    """Sort key that prefers the alphabetically first code among currencies with equal counts."""
    return tuple(-ord(c) for c in code)
