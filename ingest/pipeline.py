"""Incremental, idempotent ingest: read feeds, skip what is unchanged, embed and upsert the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.loaders import Format, read_source
from ingest.loaders.fetch import is_url
from ingest.models import FaqEntry, IngestError, IngestReport, Posting
from ingest.normalise import FeedOptions
from ingest.records import faq_metadata, posting_metadata
from vectorstore.store import Kind, Store

Progress = Callable[[int, int], None]
# Records embedded and upserted together: big enough for efficient batching, small enough that an
# interrupted run keeps most of its work.
CHUNK = 512


@dataclass
class _Batch:
    """What one run read, by kind, plus which origins were read completely."""

    records: dict[Kind, dict[str, Posting | FaqEntry]] = field(
        default_factory=lambda: {"postings": {}, "faq": {}}
    )
    errors: list[IngestError] = field(default_factory=list)
    failed_origins: set[str] = field(default_factory=set)


def ingest_sources(
    store: Store,
    sources: Iterable[str],
    fmt: Format = "auto",
    options: FeedOptions | None = None,
    sync: bool = False,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest every source; a malformed record is skipped with its reason and never aborts the batch."""
    sources = [_canonical_source(s) for s in sources]
    batch = _read_all(sources, fmt, options or FeedOptions())
    report = IngestReport(skipped=batch.errors)
    changed = False
    try:
        for kind in ("postings", "faq"):
            changed |= _apply(store, kind, batch.records[kind], report, progress)
            if sync:
                changed |= _sync(store, kind, sources, batch, report)
    finally:
        if changed:
            store.bump_revision()
    return report


def _canonical_source(source: str) -> str:
    return source if is_url(source) else str(Path(source).resolve())


def _read_all(sources: list[str], fmt: Format, options: FeedOptions) -> _Batch:
    batch = _Batch()
    for source in sources:
        try:
            for item in read_source(source, fmt, options):
                if isinstance(item, IngestError):
                    batch.errors.append(item)
                    batch.failed_origins.add(item.file)
                    continue
                kind: Kind = "postings" if isinstance(item, Posting) else "faq"
                if item.id in batch.records[kind]:
                    reason = f"duplicate id {item.id} (first seen in {batch.records[kind][item.id].origin})"
                    batch.errors.append(IngestError(item.origin, item.id, "id", reason))
                    continue
                batch.records[kind][item.id] = item
        except IngestError as error:
            batch.errors.append(error)
            batch.failed_origins.add(error.file)
    return batch


def _apply(
    store: Store,
    kind: Kind,
    records: dict[str, Posting | FaqEntry],
    report: IngestReport,
    progress: Progress | None,
) -> bool:
    """Upsert new and changed records chunk by chunk; return whether anything was written."""
    stored = store.hashes(kind, list(records))
    todo = [r for r in records.values() if stored.get(r.id) != r.content_hash()]
    report.unchanged += len(records) - len(todo)
    # Chunks of similar length pad less inside the encoder: as fast as one global encode call.
    todo.sort(key=lambda r: len(r.embedding_text()))
    for start in range(0, len(todo), CHUNK):
        chunk = todo[start : start + CHUNK]
        vectors = store.embeddings.encode([r.embedding_text() for r in chunk])
        store.upsert(
            kind,
            [r.id for r in chunk],
            [r.embedding_text() for r in chunk],
            [_metadata(r) for r in chunk],
            vectors,
        )
        added = sum(1 for r in chunk if r.id not in stored)
        report.added += added
        report.updated += len(chunk) - added
        if progress:
            progress(len(chunk), len(todo))
    return bool(todo)


def _metadata(record: Posting | FaqEntry) -> dict[str, Any]:
    return posting_metadata(record) if isinstance(record, Posting) else faq_metadata(record)


def _sync(store: Store, kind: Kind, sources: list[str], batch: _Batch, report: IngestReport) -> bool:
    """Remove stored records of these sources that the feed no longer lists.

    An origin that failed to read, or had a malformed record, keeps everything it had: bad input
    must never delete what is stored.
    """
    seen = batch.records[kind]
    stale: list[str] = []
    for record_id, origin in _stored_origins(store, kind).items():
        if record_id in seen or not _covered(origin, sources):
            continue
        if origin in batch.failed_origins or any(origin.startswith(f + "/") for f in batch.failed_origins):
            continue
        stale.append(record_id)
    store.delete(kind, stale)
    report.removed += len(stale)
    return bool(stale)


def _stored_origins(store: Store, kind: Kind) -> dict[str, str]:
    got = store.collection(kind).get(include=["metadatas"])
    return {
        i: str((m or {}).get("origin", "")) for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
    }


def _covered(origin: str, sources: list[str]) -> bool:
    return any(origin == s or origin.startswith(s.rstrip("/") + "/") for s in sources)
