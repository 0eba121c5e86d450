"""The groundedness check: every number traceable to facts or evidence, every [n] marker resolving."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.compose.evidence import Evidence
from assistant.compose.money import format_money

# A figure: optional currency, digits with separators, optional scale word or suffix.
_NUMBER = re.compile(
    r"(?<![\w.])(?:[$£€¥₹]|[A-Z]{3}\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s?(?P<scale>k|K|m|M|mm|MM|bn|million|thousand)?(?![\w])"
)
_MARKER = re.compile(r"\[(\d{1,3})\]")
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "bn": 1e9}
_TOLERANCE = 0.001  # relative: formatted figures are rounded to 100 units of six-figure pay


@dataclass
class CheckResult:
    untraceable: list[str] = field(default_factory=list)
    bad_markers: list[str] = field(default_factory=list)
    numbers: int = 0
    markers: int = 0

    @property
    def ok(self) -> bool:
        return not self.untraceable and not self.bad_markers


def read_numbers(text: str) -> list[tuple[str, float]]:
    """Every figure in the text as (as written, value), citation markers excluded."""
    stripped = _MARKER.sub(" ", text)
    found = []
    for match in _NUMBER.finditer(stripped):
        value = float(match.group("num").replace(",", ""))
        scale = (match.group("scale") or "").lower()
        found.append((match.group(0).strip(), value * _SCALES.get(scale, 1.0)))
    return found


def is_money(written: str) -> bool:
    """Whether a figure as written is an amount of money ('$215K', '£90,000', 'CHF 140K', '200k')."""
    return bool(re.match(r"[$£€¥₹]|[A-Z]{3}", written)) or written[-1:] in "kKmM"


def allowed_money(evidence: Evidence) -> set[float]:
    """Amounts an answer may state: computed facts, posted ranges, and FAQ figures.

    Free text of postings is not a source of money figures: a posting that claims a salary in its
    description (or tells the model to) must not put that figure into an answer.
    """
    allowed: set[float] = set()
    stats = evidence.salary
    if stats is not None:
        for block in stats.by_currency:
            for value in (block.min, block.p25, block.median, block.p75, block.max, block.count):
                allowed |= _with_formatted(value, block.currency)
        allowed.add(float(stats.matched_postings))
    for role in evidence.roles:
        if role.salary:
            allowed |= _with_formatted(role.salary.min, role.salary.currency)
            allowed |= _with_formatted(role.salary.max, role.salary.currency)
    for entry in evidence.faq:
        allowed |= {value for _, value in read_numbers(entry.answer)}
    if evidence.filters.min_salary is not None:
        allowed.add(evidence.filters.min_salary)
    return allowed


def allowed_numbers(evidence: Evidence, money: set[float] | None = None) -> set[float]:
    """Any figure an answer may state: money as above, counts, and numbers in the evidence or question."""
    allowed = (allowed_money(evidence) if money is None else money) | _counts(evidence)
    if evidence.salary is not None:
        allowed |= {float(b.count) for b in evidence.salary.by_currency}
    allowed |= {float(count) for _, count in evidence.top_skills}
    allowed.add(float(len(evidence.roles)))
    for text in [*evidence.texts(), evidence.query.text, *(c.title for c in evidence.citations)]:
        allowed |= {value for _, value in read_numbers(text)}
    return allowed


def check_answer(text: str, evidence: Evidence) -> CheckResult:
    result = CheckResult()
    allowed = allowed_money(evidence)
    money = sorted(allowed | _counts(evidence))
    anything = sorted(allowed_numbers(evidence, allowed))
    for written, value in read_numbers(text):
        result.numbers += 1
        # A bare 250000 is as much a salary claim as $250K; only counts may be that large otherwise.
        money_like = is_money(written) or value >= 10_000
        if not _traceable(value, money if money_like else anything):
            result.untraceable.append(written)
    for match in _MARKER.finditer(text):
        result.markers += 1
        if not 1 <= int(match.group(1)) <= len(evidence.citations):
            result.bad_markers.append(match.group(0))
    return result


def _counts(evidence: Evidence) -> set[float]:
    return {float(evidence.matched), float(evidence.available)}


def _with_formatted(value: float, currency: str) -> set[float]:
    return {float(value)} | {v for _, v in read_numbers(format_money(value, currency))}


def _traceable(value: float, allowed: list[float]) -> bool:
    return any(abs(value - a) <= _TOLERANCE * max(abs(a), 1.0) for a in allowed)
