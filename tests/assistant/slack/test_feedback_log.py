"""The feedback log (assistant/feedback.py): one JSON line per rating, counted, safe across threads."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from assistant.feedback import FeedbackLog


def test_ratings_are_appended_as_json_lines_and_counted(tmp_path: Path) -> None:
    log = FeedbackLog(tmp_path / "nested" / "feedback.jsonl")
    assert log.counts() == {"up": 0, "down": 0, "total": 0, "by_source": {}}

    log.append("up", "ML roles at banks", user="U1", channel="C1", source="slack")
    log.append("down", "pay at hedge funds", source="web")

    records = [json.loads(line) for line in log.path.read_text(encoding="utf-8").splitlines()]
    assert set(records[0]) == {"ts", "rating", "question", "user", "channel", "source"}
    assert records[0] | {"ts": None} == {
        "ts": None,
        "rating": "up",
        "question": "ML roles at banks",
        "user": "U1",
        "channel": "C1",
        "source": "slack",
    }
    assert log.counts() == {
        "up": 1,
        "down": 1,
        "total": 2,
        "by_source": {"slack": {"up": 1, "down": 0}, "web": {"up": 0, "down": 1}},
    }


def test_unknown_ratings_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="rating"):
        FeedbackLog(tmp_path / "f.jsonl").append("meh", "q", source="slack")  # type: ignore[arg-type]


def test_damaged_lines_are_skipped_when_counting(tmp_path: Path) -> None:
    path = tmp_path / "feedback.jsonl"
    path.write_text(
        '{"rating": "up", "source": "slack"}\n{broken\n\n{"rating": "sideways"}\n', encoding="utf-8"
    )

    assert FeedbackLog(path).counts()["total"] == 1


def test_concurrent_appends_from_two_logs_on_one_file_keep_every_line_whole(tmp_path: Path) -> None:
    path = tmp_path / "feedback.jsonl"
    logs = [FeedbackLog(path), FeedbackLog(path)]

    def rate(log: FeedbackLog) -> None:
        for n in range(50):
            log.append("up", "q" * 2000 + str(n), source="slack")

    threads = [threading.Thread(target=rate, args=(logs[n % 2],)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert FeedbackLog(path).counts()["up"] == 200
