"""Incremental ingest against a real embedded Chroma and the real embedding model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.settings import Settings
from ingest.pipeline import ingest_sources
from vectorstore.store import Store, open_store


def _posting(number: int, **changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": f"P{number}",
        "title": f"Machine Learning Engineer {number}",
        "company": "Example Capital",
        "sector": "hedge_fund",
        "description": f"Build time-series models in Python and PyTorch for desk {number}.",
        "location": "New York, NY",
        "salary_min": 200000 + number,
        "salary_max": 300000 + number,
        "salary_currency": "USD",
    }
    return record | changes


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


@pytest.fixture
def store(settings_factory) -> Store:
    settings: Settings = settings_factory()
    return open_store(settings.store)


def test_reingesting_unchanged_data_changes_nothing(store: Store, tmp_path: Path) -> None:
    feed = _write_jsonl(tmp_path / "feed.jsonl", [_posting(n) for n in range(5)])
    first = ingest_sources(store, [str(feed)])
    revision = store.revision()
    second = ingest_sources(store, [str(feed)])
    assert (first.added, first.unchanged) == (5, 0)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 5)
    assert store.revision() == revision, "an unchanged re-ingest must not signal a change"


def test_changed_posting_is_updated_in_place(store: Store, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    ingest_sources(store, [str(_write_jsonl(feed, [_posting(1), _posting(2)]))])
    changed = _posting(2, title="Senior Machine Learning Engineer 2")
    report = ingest_sources(store, [str(_write_jsonl(feed, [_posting(1), changed]))])
    assert (report.updated, report.unchanged, report.added) == (1, 1, 0)
    assert store.count("postings") == 2
    got = store.collection("postings").get(ids=["jsonl:example-capital:P2"], include=["metadatas"])
    assert got["metadatas"][0]["title"] == "Senior Machine Learning Engineer 2"
    assert got["metadatas"][0]["level"] == "senior"


def test_sync_removes_postings_the_feed_no_longer_lists(store: Store, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    other = _write_jsonl(tmp_path / "other.jsonl", [_posting(9, company="Other Bank", sector="bank")])
    ingest_sources(store, [str(_write_jsonl(feed, [_posting(1), _posting(2)])), str(other)])
    without_sync = ingest_sources(store, [str(_write_jsonl(feed, [_posting(1)]))])
    assert without_sync.removed == 0 and store.count("postings") == 3
    with_sync = ingest_sources(store, [str(feed)], sync=True)
    assert with_sync.removed == 1
    assert store.count("postings") == 2, "the other feed's posting must survive a sync of this feed"


def test_sync_never_deletes_when_the_feed_is_malformed(store: Store, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    ingest_sources(store, [str(_write_jsonl(feed, [_posting(1), _posting(2)]))])
    feed.write_text(json.dumps(_posting(1)) + "\n{broken json\n")
    report = ingest_sources(store, [str(feed)], sync=True)
    assert report.removed == 0
    assert store.count("postings") == 2
    assert report.skipped and report.skipped[0].file == str(feed.resolve())


def test_malformed_record_is_skipped_with_file_record_and_field(store: Store, tmp_path: Path) -> None:
    feed = _write_jsonl(tmp_path / "feed.jsonl", [_posting(1), _posting(2, level="principal"), _posting(3)])
    report = ingest_sources(store, [str(feed)])
    assert report.added == 2
    [error] = report.skipped
    assert (error.file, error.record, error.field) == (str(feed.resolve()), "line 2", "level")
    assert "principal" in str(error)


def test_a_bad_file_does_not_touch_what_is_stored(store: Store, tmp_path: Path) -> None:
    good = _write_jsonl(tmp_path / "good.jsonl", [_posting(1)])
    ingest_sources(store, [str(good)])
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    report = ingest_sources(store, [str(bad)], sync=True)
    assert report.skipped and report.skipped[0].file == str(bad.resolve())
    assert store.count("postings") == 1


def test_duplicate_ids_in_one_run_are_reported(store: Store, tmp_path: Path) -> None:
    feed = _write_jsonl(tmp_path / "feed.jsonl", [_posting(1), _posting(1, title="Copy")])
    report = ingest_sources(store, [str(feed)])
    assert report.added == 1
    assert report.skipped[0].field == "id"
