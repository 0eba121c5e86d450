"""Lever postings API feeds (`/v0/postings/{company}?mode=json`) read into RawPostings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from ingest.loaders.fields import (
    company_from_url,
    load_json,
    missing_company,
    read_str,
    record_label,
    require_str,
)
from ingest.models import IngestError, Remote, Salary, SourceKind
from ingest.normalise import html_to_text, salary_from_fields
from ingest.normalise.raw import FeedOptions, RawPosting

_WORKPLACE = {
    "remote": Remote.REMOTE,
    "hybrid": Remote.HYBRID,
    "onsite": Remote.ONSITE,
    "on-site": Remote.ONSITE,
}


def parse(origin: str, text: str, options: FeedOptions) -> Iterator[RawPosting | IngestError]:
    """Yield one RawPosting per Lever posting, or the IngestError that explains why one was skipped."""
    document = load_json(origin, text)
    if not isinstance(document, list):
        raise IngestError(origin, None, None, "a Lever feed is a JSON array of postings")
    for index, posting in enumerate(_flatten(document)):
        record = record_label(posting, index)
        try:
            yield _read_posting(origin, record, posting, options)
        except IngestError as exc:
            yield exc


def _flatten(document: list[Any]) -> list[Any]:
    # `&group=team` responses wrap postings as [{"title": team, "postings": [...]}].
    if document and all(
        isinstance(item, dict) and isinstance(item.get("postings"), list) for item in document
    ):
        return [posting for group in document for posting in group["postings"]]
    return document


def _read_posting(origin: str, record: str | int, posting: Any, options: FeedOptions) -> RawPosting:
    if not isinstance(posting, dict):
        raise IngestError(origin, record, None, "a posting must be a JSON object")
    source_id = require_str(origin, record, posting, "id")
    title = require_str(origin, record, posting, "text")
    url = read_str(posting.get("hostedUrl")) or read_str(posting.get("applyUrl"))
    # Lever postings never carry the company's display name; the URL slug is only a fallback guess.
    company = options.company or company_from_url(url)
    if not company:
        raise missing_company(origin, record, "company", "Lever")
    found = posting.get("categories")
    categories: dict[str, Any] = found if isinstance(found, dict) else {}
    workplace = read_str(posting.get("workplaceType")).lower()
    salary = _read_salary(posting.get("salaryRange"))
    return RawPosting(
        origin=origin,
        record=record,
        source=SourceKind.LEVER,
        source_id=source_id,
        title=title,
        company=company,
        description=_read_description(posting),
        location_text=_read_location(categories),
        country=read_str(posting.get("country")) or None,
        remote=_WORKPLACE.get(workplace),
        remote_hint="" if workplace == "unspecified" else workplace,
        # Commitment says "Intern" for entry roles when no level category is set.
        level_hint=" ".join(
            filter(None, [read_str(categories.get("level")), read_str(categories.get("commitment"))])
        ),
        salary=salary,
        salary_text="" if salary else _read_salary_text(posting),
        department=read_str(categories.get("department")) or read_str(categories.get("team")),
        url=url or None,
        posted=_read_created(origin, record, posting.get("createdAt")),
    )


def _read_location(categories: dict[str, Any]) -> str:
    primary = read_str(categories.get("location"))
    others = categories.get("allLocations")
    if not isinstance(others, list):
        return primary
    names = [primary] if primary else []
    names += [name for name in map(read_str, others) if name and name not in names]
    return "; ".join(names)


def _read_description(posting: dict[str, Any]) -> str:
    # Plain text keeps Lever's own line breaks; each part is plain so the whole stays plain.
    parts = [read_str(posting.get("descriptionPlain")) or html_to_text(read_str(posting.get("description")))]
    for section in posting.get("lists") or []:
        if isinstance(section, dict):
            items = html_to_text(read_str(section.get("content")))
            parts.append("\n".join(filter(None, [read_str(section.get("text")), items])))
    parts.append(
        read_str(posting.get("additionalPlain")) or html_to_text(read_str(posting.get("additional")))
    )
    return "\n\n".join(part for part in parts if part)


def _read_salary(salary_range: Any) -> Salary | None:
    if not isinstance(salary_range, dict):
        return None
    # Weekly or daily ranges come back as None; salaryDescription then still carries the text.
    return salary_from_fields(
        salary_range.get("min"),
        salary_range.get("max"),
        read_str(salary_range.get("currency")),
        read_str(salary_range.get("interval")),
    )


def _read_salary_text(posting: dict[str, Any]) -> str:
    return read_str(posting.get("salaryDescriptionPlain")) or html_to_text(
        read_str(posting.get("salaryDescription"))
    )


def _read_created(origin: str, record: str | int, created_at: Any) -> date | None:
    if created_at in (None, ""):
        return None
    try:
        return datetime.fromtimestamp(float(created_at) / 1000, tz=UTC).date()
    except (TypeError, ValueError, OverflowError, OSError):
        raise IngestError(
            origin, record, "createdAt", f"'{created_at}' is not a millisecond timestamp"
        ) from None
