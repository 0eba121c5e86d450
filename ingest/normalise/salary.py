"""Finding pay ranges in free text and building Salary values from structured feed fields."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Period, Salary
from ingest.normalise.currency import (
    AMBIGUOUS_SYMBOLS,
    SYMBOLS,
    UNITS_PER_USD,
    normalise_currency,
    within_sanity_bounds,
)

# Major codes are also read in lower case ("150k usd"); the rest ("try", "php", "cad") are words too.
_CODES = "|".join(sorted(UNITS_PER_USD)) + "|(?i:usd|eur|gbp|chf|aud|sgd|hkd|jpy|inr)"
_SYMBOL_ALTS = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True) if not s.isalpha())
_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "lpa": 1e5,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
}

_AMOUNT = re.compile(
    rf"(?:(?<![A-Za-z])(?P<pre>{_SYMBOL_ALTS}|(?:{_CODES}|RMB|Rs)(?![A-Za-z]))\s?)?"
    r"(?<![\w.,])(?P<num>\d{1,3}(?P<sep>[,.'\u2019\u00a0\u202f\u2009])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d{1,2})?"
    r"|\d+(?:[.,]\d{1,2})?)"
    # Letters attach directly ("130K", "1.2M"); spelled-out multipliers may follow a space.
    r"(?:(?P<mult>[kK]|MM|mm|[mM]n?)(?![A-Za-z])"
    r"|\s?(?P<word>thousand|million|LPA|lpa|lakhs?|lac|crores?|Cr)\b)?"
    rf"(?:\s?(?P<post>(?<![A-Za-z])(?:{_CODES})(?![A-Za-z])|€|£|₹))?"
)
_RANGE_GAP = re.compile(r"^\s*(?:-|\u2013|\u2014|~|to|and)\s*$")
_ISO_NEAR = re.compile(rf"(?<![A-Za-z])({_CODES})(?![A-Za-z])")
_PERIODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hour", re.compile(r"/\s*(?:hr|hour|h)\b|\bper\s+hour|\ban\s+hour|\bhourly|\bph\b", re.I)),
    ("month", re.compile(r"/\s*(?:mo|month|mth)\b|\bper\s+month|\ba\s+month|\bmonthly|\bpcm\b", re.I)),
    ("week", re.compile(r"/\s*(?:wk|week)\b|\bper\s+week|\ba\s+week|\bweekly", re.I)),
    ("day", re.compile(r"/\s*(?:day|d)\b|\bper\s+day|\ba\s+day|\bdaily|\bday\s+rate", re.I)),
    (
        "year",
        re.compile(
            r"/\s*(?:yr|year|annum|y)\b|\bper\s+(?:year|annum)|\ba\s+year|\bannual|\byearly"
            r"|\bp\.?\s?a\b\.?|\bLPA\b",
            re.I,
        ),
    ),
)
# Figures that are money but not pay: bonuses, perks, fund sizes.
_NOT_PAY = (
    r"bonus|stipend|relocation|allowance|reimburse\w*|credit|budget|match|equity|aum|assets|raised"
    r"|funding|valuation|revenue|portfolio|fund|signing|sign-on|per\s+employee"
)
# "$20k signing bonus" is a bonus; "$150k + bonus" is pay with a bonus on top.
_NOT_PAY_AFTER = re.compile(
    rf"^[\s(:-]*(?:(?:in|of|a|an|one-time|annual|yearly|learning|wellness|home)\s+)*(?:{_NOT_PAY})\b", re.I
)
_NOT_PAY_BEFORE = re.compile(rf"\b(?:{_NOT_PAY})\b(?:\W+(?:of|up|to|worth|package|is|at))*\W*$", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n")
_WINDOW = 40


@dataclass(frozen=True)
class _Figure:
    value: float
    multiplier: float | None
    currency: str | None
    firm: bool  # named by an ISO code or an unambiguous symbol, not just "$"
    start: int
    end: int


def parse_salary(text: str) -> Salary | None:
    """Return the first plausible pay range (or single figure) in free text, else None."""
    if not text:
        return None
    matches = list(_AMOUNT.finditer(text))
    figures = [_read_figure(m) for m in matches]
    i = 0
    while i < len(figures):
        first = figures[i]
        prev_end = figures[i - 1].end if i else 0
        second = figures[i + 1] if i + 1 < len(figures) else None
        if second is None or not _is_range(text, prev_end, first, second):
            second = None
        used = 2 if second else 1
        next_start = figures[i + used].start if i + used < len(figures) else len(text)
        salary = _judge(text, first, second, prev_end, next_start)
        if salary is not None:
            return salary
        i += used  # a rejected range is rejected whole; its upper end is not a salary alone
    return None


def salary_from_cents(
    min_cents: float | None, max_cents: float | None, currency: str | None, interval: str = "year"
) -> Salary | None:
    """Return a Salary from Greenhouse pay_input_ranges cents, or None when unusable."""
    low = _to_float(min_cents)
    high = _to_float(max_cents)
    return salary_from_fields(
        None if low is None else low / 100, None if high is None else high / 100, currency, interval
    )


def salary_from_fields(
    minimum: float | str | None, maximum: float | str | None, currency: str | None, interval: str | None
) -> Salary | None:
    """Return a Salary from structured bounds (Lever salaryRange, schema.org baseSalary).

    Weekly and daily rates give None: our periods are year|month|hour and turning a day rate
    into a year needs an assumption about days worked that the posting never states.
    """
    period = _read_interval(interval or "")
    code = normalise_currency(currency)
    low, high = _to_float(minimum), _to_float(maximum)
    low, high = low or high, high or low
    if period is None or code is None or not low or not high or low <= 0 or high <= 0:
        return None
    low, high = min(low, high), max(low, high)
    if not (within_sanity_bounds(low, code, period) and within_sanity_bounds(high, code, period)):
        return None
    return Salary(min=low, max=high, currency=code, period=Period(period))


def _read_interval(interval: str) -> str | None:
    word = interval.strip().lower()
    if not word:
        return "year"
    for name, key in (
        ("hour", "hour"),
        ("month", "month"),
        ("year", "year"),
        ("annual", "year"),
        ("week", None),
        ("day", None),
        ("daily", None),
    ):
        if name in word:
            return key
    return None


def _to_float(value: float | str | None) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    cleaned = re.sub(r"[^\d.]", "", str(value))
    try:
        return float(cleaned) if cleaned else None
    except ValueError:
        return None


def _read_figure(match: re.Match[str]) -> _Figure:
    num, sep = match["num"], match["sep"]
    unit = (match["mult"] or match["word"] or "").lower()
    multiplier = _MULTIPLIERS.get(unit)
    if sep and (sep not in ".," or num.count(sep) > 1 or multiplier is None):
        # Grouped thousands, whatever the separator: "140'000", "70.000", "12,500".
        value = float(re.sub(r"[.,](\d{1,2})$", r".\1", num).replace(sep, ""))
    else:
        # "1.2M", "1,5k", "85.50": a decimal mark, comma or dot.
        value = float(num.replace(",", "."))
    symbol = match["post"] or match["pre"]
    currency = normalise_currency(symbol) if symbol else None
    firm = currency is not None and symbol not in AMBIGUOUS_SYMBOLS
    return _Figure(value, multiplier, currency, firm, match.start(), match.end())


def _is_range(text: str, prev_end: int, first: _Figure, second: _Figure) -> bool:
    gap = text[first.end : second.start]
    if not _RANGE_GAP.match(gap):
        return False
    if gap.strip() == "and":
        # "$150k base and $50k bonus" is two figures; only "between X and Y" is a range.
        return bool(re.search(r"\bbetween\s*$", text[max(prev_end, first.start - 20) : first.start], re.I))
    return True


def _judge(
    text: str, first: _Figure, second: _Figure | None, prev_end: int, next_start: int
) -> Salary | None:
    last = second or first
    before = _clip_before(text[max(prev_end, first.start - _WINDOW) : first.start])
    after = _clip_after(text[last.end : min(next_start, last.end + _WINDOW)])
    if _NOT_PAY_AFTER.match(after) or _NOT_PAY_BEFORE.search(before):
        return None
    currency = _pick_currency(first, second, before, after)
    if currency is None:
        return None
    period = _pick_period(before, after, first, second)
    if period not in ("year", "month", "hour"):
        return None
    low, high = _scaled(first, second)
    if second is not None and high > 10 * low:
        return None
    low, high = min(low, high), max(low, high)
    if not (within_sanity_bounds(low, currency, period) and within_sanity_bounds(high, currency, period)):
        return None
    return Salary(min=low, max=high, currency=currency, period=Period(period))


def _scaled(first: _Figure, second: _Figure | None) -> tuple[float, float]:
    if second is None:
        value = first.value * (first.multiplier or 1)
        return value, value
    # A multiplier written once covers both ends: "$130-180K", "80k-95".
    m1 = first.multiplier or (second.multiplier if first.value < second.value else None) or 1
    m2 = second.multiplier or (first.multiplier if second.value < 1000 else None) or 1
    return first.value * m1, second.value * m2


def _pick_currency(first: _Figure, second: _Figure | None, before: str, after: str) -> str | None:
    named = [f for f in (first, second) if f is not None and f.currency]
    firm = [f.currency for f in named if f.firm]
    if firm:
        return firm[0]
    nearby = _ISO_NEAR.findall(after) or _ISO_NEAR.findall(before)
    if nearby:
        return nearby[0].upper()
    return named[0].currency if named else None


def _pick_period(before: str, after: str, first: _Figure, second: _Figure | None) -> str:
    found = [(m.start(), name) for name, rx in _PERIODS if (m := rx.search(after[:25]))]
    if found:
        return min(found)[1]
    # Before the figure only adjectives count ("Hourly rate: $85"), a few words away at most.
    for name, word in (
        ("hour", "hourly"),
        ("month", "monthly"),
        ("year", "annual|yearly"),
        ("week", "weekly"),
        ("day", "daily|day rate"),
    ):
        if re.search(rf"\b(?:{word})\b\W*(?:\w+\W+){{0,3}}$", before, re.I):
            return name
    return "year"


def _clip_before(window: str) -> str:
    ends = list(_SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _clip_after(window: str) -> str:
    end = _SENTENCE_END.search(window)
    return window[: end.start()] if end else window
