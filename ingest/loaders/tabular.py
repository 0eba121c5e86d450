"""Our own flat posting schema (SCHEMA.md) read from CSV and JSON Lines files into RawPostings."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from ingest.loaders.fields import read_str, require_str
from ingest.models import IngestError, Level, Period, Remote, Salary, Sector, SourceKind
from ingest.normalise import salary_from_fields
from ingest.normalise.raw import FeedOptions, RawPosting

REQUIRED = ("id", "title", "company", "description")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
E = TypeVar("E", bound=StrEnum)


def parse_csv(origin: str, text: str, options: FeedOptions) -> Iterator[RawPosting | IngestError]:
    """Yield one RawPosting per CSV row after the header, or the IngestError naming its line and column."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise IngestError(origin, None, None, "CSV file is empty") from None
    except csv.Error as exc:
        raise IngestError(origin, None, None, f"unreadable CSV header: {exc}") from None
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise IngestError(origin, None, None, f"CSV header lacks required column(s): {', '.join(missing)}")
    while True:
        record = f"line {reader.line_num + 1}"
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # A broken quote swallows the rest of the file, so nothing after it can be trusted.
            raise IngestError(origin, record, None, f"unreadable CSV: {exc}") from None
        if not any(value.strip() for value in values):
            continue
        if len(values) > len(header):
            yield IngestError(
                origin, record, None, f"row has {len(values)} values but the header has {len(header)}"
            )
            continue
        row = dict(zip(header, values + [""] * (len(header) - len(values)), strict=True))
        yield from _try_read_row(origin, record, row, SourceKind.CSV)


def parse_jsonl(origin: str, text: str, options: FeedOptions) -> Iterator[RawPosting | IngestError]:
    """Yield one RawPosting per JSON Lines object, or the IngestError naming the bad line and key."""
    # split("\n"), not splitlines(): JSON strings may legally hold raw U+2028 separators.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        record = f"line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(origin, record, None, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(item, dict):
            yield IngestError(origin, record, None, "each line must be a JSON object")
            continue
        yield from _try_read_row(origin, record, item, SourceKind.JSONL)


def _try_read_row(
    origin: str, record: str, row: dict[str, Any], source: SourceKind
) -> Iterator[RawPosting | IngestError]:
    try:
        yield _read_row(origin, record, row, source)
    except IngestError as exc:
        yield exc


def _read_row(origin: str, record: str, row: dict[str, Any], source: SourceKind) -> RawPosting:
    values = {key: require_str(origin, record, row, key) for key in REQUIRED}
    remote = _read_choice(origin, record, row, "remote", Remote)
    salary = _read_salary(origin, record, row)
    return RawPosting(
        origin=origin,
        record=record,
        source=source,
        source_id=values["id"],
        title=values["title"],
        company=values["company"],
        description=values["description"],
        location_text=read_str(row.get("location")),
        city=read_str(row.get("city")) or None,
        region=read_str(row.get("region")) or None,
        country=read_str(row.get("country")) or None,
        # "unknown" is the operator saying they do not know, so the text may still tell us.
        remote=None if remote is Remote.UNKNOWN else remote,
        level=_read_choice(origin, record, row, "level", Level),
        sector=_read_choice(origin, record, row, "sector", Sector),
        salary=salary,
        salary_text="" if salary else read_str(row.get("salary")),
        skills_hint=_read_skills(origin, record, row.get("skills")),
        url=read_str(row.get("url")) or None,
        posted=_read_date(origin, record, row, "posted"),
        valid_through=_read_date(origin, record, row, "valid_through"),
    )


def _read_choice(origin: str, record: str, row: dict[str, Any], key: str, vocabulary: type[E]) -> E | None:
    text = read_str(row.get(key)).lower().replace(" ", "_").replace("-", "_")
    if not text:
        return None
    try:
        return vocabulary(text)
    except ValueError:
        allowed = ", ".join(member.value for member in vocabulary)
        raise IngestError(origin, record, key, f"'{row.get(key)}' is not one of: {allowed}") from None


def _read_amount(origin: str, record: str, row: dict[str, Any], key: str) -> float | None:
    value = row.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError
        # Thousands separators are common in hand-edited sheets ("120,000").
        amount = (
            float(value.replace(",", "").replace("_", "").strip()) if isinstance(value, str) else float(value)
        )
    except ValueError:
        raise IngestError(origin, record, key, f"'{value}' is not a number") from None
    if not math.isfinite(amount) or amount <= 0:
        raise IngestError(origin, record, key, f"'{value}' must be a positive amount")
    return amount


def _read_salary(origin: str, record: str, row: dict[str, Any]) -> Salary | None:
    low = _read_amount(origin, record, row, "salary_min")
    high = _read_amount(origin, record, row, "salary_max")
    if low is None and high is None:
        return None
    currency = read_str(row.get("salary_currency")).upper()
    if not currency:
        raise IngestError(
            origin, record, "salary_currency", "required when salary_min or salary_max is given"
        )
    if not _CURRENCY.match(currency):
        raise IngestError(origin, record, "salary_currency", f"'{currency}' is not an ISO 4217 code like USD")
    # One bound alone is a single figure.
    bounds = [amount for amount in (low, high) if amount is not None]
    low, high = bounds[0], bounds[-1]
    if high < low:
        raise IngestError(origin, record, "salary_max", f"{high:g} is below salary_min {low:g}")
    period = _read_choice(origin, record, row, "salary_period", Period) or Period.YEAR
    salary = salary_from_fields(low, high, currency, period.value)
    if salary is None:
        # Usually thousands typed as units ("120" for 120k) or a monthly figure marked yearly.
        reason = f"{low:g}-{high:g} {currency} per {period.value} is not a plausible pay range"
        raise IngestError(origin, record, "salary_min", reason)
    return salary


def _read_skills(origin: str, record: str, value: Any) -> list[str] | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        items: list[Any] = value.split(";")
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = value
    else:
        raise IngestError(origin, record, "skills", "must be a list of strings (or 'a; b' text)")
    skills = [item.strip() for item in items if item.strip()]
    return skills or None


def _read_date(origin: str, record: str, row: dict[str, Any], key: str) -> date | None:
    text = read_str(row.get(key))
    if not text:
        return None
    try:
        if not _ISO_DATE.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise IngestError(origin, record, key, f"'{text}' is not a date in YYYY-MM-DD form") from None
