"""Field reading shared by the loaders: JSON documents, text values, dates, company names."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from urllib.parse import urlparse

from ingest.models import IngestError


def load_json(origin: str, text: str) -> Any:
    """Return the parsed JSON document, or raise a file-level IngestError saying where it breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            origin, None, None, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None


def read_str(value: Any) -> str:
    """Return a scalar as stripped text; missing or structured values read as empty."""
    if value is None or isinstance(value, dict | list | bool):
        return ""
    return str(value).strip()


def require_str(origin: str, record: str | int, item: dict[str, Any], key: str) -> str:
    """Return a required text field, or raise an IngestError naming it."""
    value = read_str(item.get(key))
    if not value:
        raise IngestError(origin, record, key, "required field is missing or empty")
    return value


def parse_date(origin: str, record: str | int, key: str, value: Any) -> date | None:
    """Return the calendar date of an ISO date or datetime ("2024-03-01", "2024-03-01T09:00:00Z")."""
    text = read_str(value)
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        # The date as written in the feed's own time zone is the one a reader expects to see.
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise IngestError(origin, record, key, f"'{text}' is not an ISO date (YYYY-MM-DD)") from None


def record_label(item: Any, index: int, key: str = "id") -> str | int:
    """Return the record's own id when it has one, else its position, so errors point at it."""
    if isinstance(item, dict):
        own = read_str(item.get(key))
        if own:
            return own
    return index


def company_from_url(url: str) -> str:
    """Return a company name guessed from a job board URL's first path segment ("two-sigma": "Two Sigma")."""
    segments = [s for s in urlparse(url).path.split("/") if s]
    if not segments:
        return ""
    return segments[0].replace("-", " ").replace("_", " ").strip().title()


def missing_company(origin: str, record: str | int, key: str, feed: str) -> IngestError:
    """Return the error for a record with no company, pointing the operator at --company."""
    return IngestError(
        origin, record, key, f"{feed} record names no company; pass --company NAME for this feed"
    )
