"""The `careers` command over the sample corpus: JSON outputs keep the HTTP shapes, errors are clear."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture
def data_dir(sample_services) -> str:
    return str(sample_services.settings.data_dir)


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_ask_json_prints_the_chat_object(capsys, data_dir) -> None:
    body = _json(capsys, ["ask", "what do senior ML roles at banks pay?", "--json", "--data-dir", data_dir])
    assert {"answer", "intent", "citations", "roles", "salary", "filters", "suggestions", "composer"} <= set(
        body
    )
    assert body["intent"] == "salary"


def test_search_json_respects_filters(capsys, data_dir) -> None:
    argv = ["search", "fraud", "--sector", "fintech", "--remote", "remote", "--json", "--data-dir", data_dir]
    roles = _json(capsys, argv)["roles"]
    assert roles
    assert all(r["sector"] == "fintech" and r["remote"] == "remote" for r in roles)


def test_salaries_json_is_per_currency(capsys, data_dir) -> None:
    stats = _json(capsys, ["salaries", "--sector", "hedge_fund", "--json", "--data-dir", data_dir])
    assert stats["count"] == len(stats["posting_ids"])
    assert len({b["currency"] for b in stats["by_currency"]}) == len(stats["by_currency"])


def test_stats_counts_the_corpus(capsys, data_dir) -> None:
    stats = _json(capsys, ["stats", "--json", "--data-dir", data_dir])
    assert stats["postings"] >= 150
    assert set(stats["by_sector"]) >= {"hedge_fund", "bank", "fintech", "asset_manager", "insurance"}
    assert set(stats["by_level"]) == {"entry", "mid", "senior", "lead"}


def test_ingest_reports_a_bad_file_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{oops")
    result = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", str(bad), "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "broken.json" in result.stdout
    assert "Traceback" not in result.stderr


def test_interactive_chat_keeps_history_for_follow_ups(data_dir) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "chat", "--data-dir", data_dir],
        input="Show me ML roles at banks\nonly remote ones\n\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    second = result.stdout.split("you>")[-2]
    assert "at banks (remote)" in second
