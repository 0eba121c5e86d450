"""Greenhouse Job Board API feeds (`/v1/boards/{board}/jobs?content=true`) read into RawPostings."""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import date
from typing import Any

from ingest.loaders.fields import load_json, missing_company, parse_date, read_str, record_label, require_str
from ingest.models import IngestError, Salary, SourceKind
from ingest.normalise import salary_from_cents
from ingest.normalise.raw import FeedOptions, RawPosting

# Custom job fields ("metadata") whose names say they carry pay or seniority.
_SALARY_WORDS = ("salary", "compensation", "pay")
_LEVEL_WORDS = ("level", "seniority", "experience")


def parse(origin: str, text: str, options: FeedOptions) -> Iterator[RawPosting | IngestError]:
    """Yield one RawPosting per job, or the IngestError that explains why a job was skipped."""
    document = load_json(origin, text)
    jobs = document.get("jobs") if isinstance(document, dict) else None
    if not isinstance(jobs, list):
        raise IngestError(origin, None, None, "a Greenhouse feed is a JSON object with a 'jobs' list")
    for index, job in enumerate(jobs):
        record = record_label(job, index)
        try:
            yield _read_job(origin, record, job, options)
        except IngestError as exc:
            yield exc


def _read_job(origin: str, record: str | int, job: Any, options: FeedOptions) -> RawPosting:
    if not isinstance(job, dict):
        raise IngestError(origin, record, None, "a job must be a JSON object")
    source_id = require_str(origin, record, job, "id")
    title = require_str(origin, record, job, "title")
    # The board's own name is authoritative; --company only fills in for older responses without it.
    company = read_str(job.get("company_name")) or (options.company or "")
    if not company:
        raise missing_company(origin, record, "company", "Greenhouse")
    location = _read_location(job)
    metadata = _read_metadata(job)
    salary = _read_salary(job.get("pay_input_ranges"))
    return RawPosting(
        origin=origin,
        record=record,
        source=SourceKind.GREENHOUSE,
        source_id=source_id,
        title=title,
        company=company,
        # The API entity-encodes the HTML ("&lt;p&gt;"); decoding once gives the real markup.
        description=html.unescape(read_str(job.get("content"))),
        location_text=location,
        remote_hint=location if "remote" in location.lower() else "",
        level_hint=_pick(metadata, _LEVEL_WORDS),
        salary=salary,
        salary_text="" if salary else _read_salary_text(job, metadata),
        department=", ".join(_names(job.get("departments"))),
        url=read_str(job.get("absolute_url")) or None,
        posted=_read_posted(origin, record, job),
    )


def _read_location(job: dict[str, Any]) -> str:
    location = job.get("location")
    name = read_str(location.get("name")) if isinstance(location, dict) else ""
    if name:
        return name
    # Boards that leave the job location blank still list the offices it belongs to.
    return "; ".join(_names(job.get("offices")))


def _names(items: Any) -> list[str]:
    if not isinstance(items, list):
        return []
    names = (read_str(item.get("name")) for item in items if isinstance(item, dict))
    return [name for name in names if name]


def _read_metadata(job: dict[str, Any]) -> dict[str, str]:
    metadata = job.get("metadata")
    if not isinstance(metadata, list):
        return {}
    fields = {}
    for item in metadata:
        if isinstance(item, dict):
            value = item.get("value")
            # Multi-select custom fields arrive as lists of strings.
            text = ", ".join(map(read_str, value)) if isinstance(value, list) else read_str(value)
            if text:
                fields[read_str(item.get("name")).lower()] = text
    return fields


def _pick(metadata: dict[str, str], words: tuple[str, ...]) -> str:
    return next((value for name, value in metadata.items() if any(w in name for w in words)), "")


def _read_salary(ranges: Any) -> Salary | None:
    if not isinstance(ranges, list):
        return None
    for pay in ranges:
        if not isinstance(pay, dict):
            continue
        # Several ranges usually mean one per location; the first usable one is the headline range.
        # The range's title is the only place Greenhouse says "Hourly rate" or "Monthly salary".
        title = read_str(pay.get("title")).lower()
        interval = "hour" if "hour" in title else "month" if "month" in title else "year"
        salary = salary_from_cents(
            pay.get("min_cents"), pay.get("max_cents"), read_str(pay.get("currency_type")), interval
        )
        if salary is not None:
            return salary
    return None


def _read_salary_text(job: dict[str, Any], metadata: dict[str, str]) -> str:
    blurbs = [read_str(p.get("blurb")) for p in job.get("pay_input_ranges") or [] if isinstance(p, dict)]
    return " ".join(filter(None, [_pick(metadata, _SALARY_WORDS), *blurbs]))


def _read_posted(origin: str, record: str | int, job: dict[str, Any]) -> date | None:
    key = "first_published" if read_str(job.get("first_published")) else "updated_at"
    return parse_date(origin, record, key, job.get(key))
