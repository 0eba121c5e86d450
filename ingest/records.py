"""How postings and FAQ entries become Chroma records (metadata for hard filters) and back."""

from __future__ import annotations

from datetime import date
from typing import Any

from ingest.models import FaqEntry, Posting

NO_DATE = 0  # Chroma metadata cannot hold None; 0 means "no date" in the *_day fields.


def date_to_day(value: date | None) -> int:
    """Encode a date as an int (YYYYMMDD) so Chroma can compare it in `where` filters."""
    return value.year * 10000 + value.month * 100 + value.day if value else NO_DATE


def posting_metadata(posting: Posting) -> dict[str, Any]:
    """Flat metadata: every field a hard filter needs, plus the full posting to rebuild it exactly."""
    meta: dict[str, Any] = {
        "kind": "posting",
        "hash": posting.content_hash(),
        "source": posting.source.value,
        "origin": posting.origin,
        "company": posting.company,
        "title": posting.title,
        "sector": posting.sector.value,
        "level": posting.level.value,
        "remote": posting.remote.value,
        "city": posting.location.city or "",
        "region": posting.location.region or "",
        "country": posting.location.country or "",
        "posted_day": date_to_day(posting.posted),
        "expires_day": date_to_day(posting.valid_through),
        "posting_json": posting.model_dump_json(),
    }
    if posting.salary is not None:
        low, high = posting.salary.annual()
        meta |= {"salary_min": low, "salary_max": high, "salary_currency": posting.salary.currency}
    return meta


def posting_from_metadata(meta: dict[str, Any]) -> Posting:
    return Posting.model_validate_json(meta["posting_json"])


def faq_metadata(entry: FaqEntry) -> dict[str, Any]:
    return {
        "kind": "faq",
        "hash": entry.content_hash(),
        "origin": entry.origin,
        "question": entry.question,
        "faq_json": entry.model_dump_json(),
    }


def faq_from_metadata(meta: dict[str, Any]) -> FaqEntry:
    return FaqEntry.model_validate_json(meta["faq_json"])
