"""Ingest that is killed half-way, run against a Chroma server, and watched for network access."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.models import ChatMessage, Filters
from assistant.services import build_services
from assistant.settings import Settings
from ingest.pipeline import ingest_sources
from tests.support import chroma_server, wait_for
from vectorstore.store import open_store

pytestmark = pytest.mark.slow


def _synthetic_feed(path: Path, count: int) -> Path:
    lines = []
    for n in range(count):
        record = {
            "id": f"S{n}",
            "title": f"Quant Developer {n}",
            "company": "Synthetic Fund",
            "sector": "hedge_fund",
            "level": "mid",
            "remote": "onsite" if n % 2 else "remote",
            "description": f"Low-latency C++ and Python for strategy {n}; time-series research with pandas.",
            "salary_min": 150000 + n,
            "salary_max": 250000 + n,
            "salary_currency": "USD",
        }
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_killed_ingest_leaves_store_answering_and_rerun_completes(tmp_path: Path) -> None:
    total = 900
    feed = _synthetic_feed(tmp_path / "feed.jsonl", total)
    data_dir = tmp_path / "data"
    settings = Settings(CAREERS_DATA_DIR=data_dir)
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "ingest", str(feed), "--data-dir", str(data_dir), "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: (data_dir / "chroma" / "chroma.sqlite3").exists(), timeout=60)
        store = open_store(settings.store)
        wait_for(
            lambda: store.count("postings") > 0 or process.poll() is not None, timeout=120, interval=0.02
        )
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    partial = store.count("postings")
    assert 0 < partial < total, "the kill must land mid-ingest for this test to mean anything"
    store.client.close()  # like a server restarting after the crash: a fresh view of the folder

    services = build_services(settings)
    answer = services.chat.answer([ChatMessage(role="user", content="quant developer roles")], Filters())
    assert answer.roles, "the store must keep answering after an interrupted ingest"

    report = ingest_sources(services.store, [str(feed)])
    assert report.unchanged == partial
    assert report.added == total - partial
    assert services.store.count("postings") == total


@pytest.mark.chroma_server
def test_ingest_and_search_against_a_chroma_server(tmp_path: Path) -> None:
    feed = _synthetic_feed(tmp_path / "feed.jsonl", 20)
    with chroma_server(tmp_path / "chroma-server") as (host, port):
        settings = Settings(CAREERS_DATA_DIR=tmp_path / "data", CHROMA_HOST=host, CHROMA_PORT=port)
        services = build_services(settings)
        report = ingest_sources(services.store, [str(feed)])
        assert report.added == 20
        again = ingest_sources(services.store, [str(feed)])
        assert again.unchanged == 20
        services.catalog.refresh()
        roles = services.chat.roles("C++ quant developer", Filters(remote="remote"), limit=5)
        assert roles and all(r.remote == "remote" for r in roles)
    assert not (tmp_path / "data" / "chroma").exists(), "server mode must not create an embedded store"


_NETWORK_PROBE = textwrap.dedent(
    """
    import ipaddress, json, sys
    attempts = []

    def audit(event, args):
        if event == "socket.connect":
            address = args[1]
            if isinstance(address, tuple):
                attempts.append(str(address[0]))
        elif event == "socket.getaddrinfo":
            attempts.append(str(args[0]))

    sys.addaudithook(audit)
    from assistant.cli import main
    main(["ingest", sys.argv[1], "--data-dir", sys.argv[2], "--json"])
    main(["search", "time-series C++", "--remote", "remote", "--sector", "hedge_fund",
          "--data-dir", sys.argv[2]])
    main(["ask", "what do quant developers earn?", "--data-dir", sys.argv[2]])

    def loopback(host):
        if host in ("localhost", "", None):
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False

    print("ATTEMPTS=" + json.dumps([a for a in attempts if not loopback(a)]))
    """
)


def test_ingest_and_search_never_reach_beyond_loopback(tmp_path: Path) -> None:
    feed = _synthetic_feed(tmp_path / "feed.jsonl", 10)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    # Even without the offline switches in the environment, our code must not go to a model hub.
    result = subprocess.run(
        [sys.executable, "-c", _NETWORK_PROBE, str(feed), str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("ATTEMPTS="))
    assert json.loads(line.removeprefix("ATTEMPTS=")) == []
