"""The local feedback log: one JSON line per helpful / not helpful rating, from Slack or the web."""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, get_args

logger = logging.getLogger(__name__)

Rating = Literal["up", "down"]
RATINGS: tuple[str, ...] = get_args(Rating)

# One lock per file, shared by every FeedbackLog in the process (Slack and web append to the same file).
_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _get_lock(path: Path) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(path.resolve(), threading.Lock())


class FeedbackLog:
    """Appends ratings to a JSONL file and counts them; the file is created on first write."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def append(
        self,
        rating: Rating,
        question: str,
        *,
        source: str,
        user: str | None = None,
        channel: str | None = None,
    ) -> dict[str, Any]:
        """Write one record `{"ts", "rating", "question", "user", "channel", "source"}` and return it."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        record = {
            "ts": datetime.now(UTC).isoformat(timespec="seconds"),
            "rating": rating,
            "question": question,
            "user": user,
            "channel": channel,
            "source": source,
        }
        line = json.dumps(record, ensure_ascii=False) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _get_lock(self.path), self.path.open("a", encoding="utf-8") as handle:
            handle.write(line)
        return record

    def read(self) -> list[dict[str, Any]]:
        """Return every well-formed record; a damaged line is skipped (and logged), never fatal."""
        if not self.path.exists():
            return []
        records: list[dict[str, Any]] = []
        with _get_lock(self.path):
            lines = self.path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                logger.warning("Skipping damaged line %d in %s", number, self.path)
                continue
            if isinstance(record, dict) and record.get("rating") in RATINGS:
                records.append(record)
        return records

    def counts(self) -> dict[str, Any]:
        """Return `{"up", "down", "total", "by_source": {source: {"up", "down"}}}`."""
        totals = {"up": 0, "down": 0}
        by_source: dict[str, dict[str, int]] = {}
        for record in self.read():
            rating = record["rating"]
            totals[rating] += 1
            source = by_source.setdefault(str(record.get("source") or "unknown"), {"up": 0, "down": 0})
            source[rating] += 1
        return {**totals, "total": totals["up"] + totals["down"], "by_source": by_source}
