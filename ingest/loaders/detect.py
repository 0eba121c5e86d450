"""Telling which feed format a document is, by its content first and its file extension second."""

from __future__ import annotations

import csv
import json
import re
from pathlib import PurePosixPath
from typing import Any, Literal
from urllib.parse import urlparse

from ingest.loaders.jsonld import contains_job_posting
from ingest.models import IngestError

Format = Literal["auto", "greenhouse", "lever", "jsonld", "csv", "jsonl", "faq"]

# Only extensions that name one format; ".json" could be Greenhouse, Lever or JSON-LD.
_BY_EXTENSION: dict[str, Format] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".md": "faq",
    ".jsonld": "jsonld",
    ".html": "jsonld",
    ".htm": "jsonld",
}
_FAQ_HEADING = re.compile(r"^##\s+\S", re.MULTILINE)


def detect_format(origin: str, text: str) -> Format:
    """Return the feed format of a document, or raise an IngestError saying why it cannot be told."""
    stripped = text.lstrip()
    if not stripped:
        raise IngestError(origin, None, None, "file is empty")
    by_extension = _BY_EXTENSION.get(_extension(origin))
    candidates, json_error = _detect_by_content(origin, stripped)
    if candidates:
        # Content can fit two formats (a one-line JSONL file is also a JSON object); the extension decides.
        return by_extension if by_extension in candidates else candidates[0]
    if json_error is not None and by_extension in (None, "jsonl", "jsonld"):
        raise json_error
    if stripped.startswith("<"):
        raise IngestError(origin, None, None, 'HTML page has no <script type="application/ld+json"> block')
    if by_extension:
        # The format's own loader explains what is missing better than a generic "unknown format".
        return by_extension
    raise IngestError(
        origin,
        None,
        None,
        "cannot tell the feed format: expected Greenhouse or Lever JSON, schema.org JobPosting JSON-LD "
        "or HTML, CSV with title and company columns, JSON Lines, or FAQ Markdown with '## ' questions; "
        "pass --format",
    )


def _detect_by_content(origin: str, text: str) -> tuple[list[Format], IngestError | None]:
    candidates: list[Format] = []
    json_error = None
    if text[0] in "{[":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            if _looks_like_jsonl(text):
                return ["jsonl"], None
            reason = f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
            json_error = IngestError(origin, None, None, reason)
        else:
            return _detect_json(document), None
    elif text.startswith("<"):
        return (["jsonld"] if "application/ld+json" in text.lower() else []), None
    if _has_csv_header(text):
        candidates.append("csv")
    if _FAQ_HEADING.search(text):
        candidates.append("faq")
    return candidates, json_error


def _detect_json(document: Any) -> list[Format]:
    if isinstance(document, dict) and isinstance(document.get("jobs"), list):
        return ["greenhouse"]
    if (isinstance(document, dict) and "@graph" in document) or contains_job_posting(document):
        return ["jsonld"]
    if isinstance(document, list) and _looks_like_lever(document):
        return ["lever"]
    if isinstance(document, dict) and "title" in document and "company" in document:
        return ["jsonl"]
    return []


def _looks_like_lever(items: list[Any]) -> bool:
    # An empty array is what Lever returns for a company with no open postings.
    if not items:
        return True
    groups = [item.get("postings") if isinstance(item, dict) else None for item in items]
    postings = [
        p
        for item, group in zip(items, groups, strict=True)
        for p in (group if isinstance(group, list) else [item])
    ]
    return any(
        isinstance(p, dict) and "text" in p and ("categories" in p or "hostedUrl" in p) for p in postings
    )


def _looks_like_jsonl(text: str) -> bool:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or not all(line.startswith("{") for line in lines):
        return False
    # One good object line is enough: the loader reports the broken lines one by one.
    for line in lines:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except json.JSONDecodeError:
            continue
    return False


def _has_csv_header(text: str) -> bool:
    first_line = text.split("\n", 1)[0]
    try:
        header = next(csv.reader([first_line]), [])
    except csv.Error:
        return False
    names = {name.strip().lower() for name in header}
    return {"title", "company"} <= names


def _extension(origin: str) -> str:
    path = urlparse(origin).path if "://" in origin else origin
    return PurePosixPath(path.replace("\\", "/")).suffix.lower()
