"""Shared fixtures: an isolated data dir per test, the sample corpus ingested once, a live server."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# Offline before anything imports transformers or chromadb.
os.environ.update(
    {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "TOKENIZERS_PARALLELISM": "false",
    }
)
for _name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "CHROMA_HOST"):
    os.environ.pop(_name, None)

from assistant.chat import ChatService  # noqa: E402
from assistant.cli import SAMPLE_DATA  # noqa: E402
from assistant.services import Services, build_services  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from ingest.pipeline import ingest_sources  # noqa: E402
from tests.support import serve_app  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data dir, so nothing leaks between tests or into ./var."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("CAREERS_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture
def settings_factory(tmp_path: Path) -> Callable[..., Settings]:
    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {"CAREERS_DATA_DIR": tmp_path / "data", "CAREERS_RELOAD_CHECK_S": 0.1}
        return Settings(**(values | overrides))

    return make


def build_sample_services(data_dir: Path, **overrides: Any) -> Services:
    settings = Settings(CAREERS_DATA_DIR=data_dir, CAREERS_RELOAD_CHECK_S=0.1, **overrides)
    services = build_services(settings)
    report = ingest_sources(services.store, [str(SAMPLE_DATA)])
    assert not report.skipped, [str(e) for e in report.skipped]
    services.catalog.refresh()
    return services


@pytest.fixture(scope="session")
def sample_services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    """The bundled sample corpus in a real embedded Chroma, ingested once per session. Read-only."""
    return build_sample_services(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def chat_service(sample_services: Services) -> ChatService:
    return sample_services.chat


@dataclass
class LiveServer:
    """A real uvicorn server on loopback over its own copy of the sample corpus."""

    url: str
    data_dir: Path
    services: Services

    def ingest(self, path: Path | str) -> None:
        """Ingest a file into the running server's store and wait until it serves it."""
        report = ingest_sources(self.services.store, [str(path)])
        assert not report.skipped, [str(e) for e in report.skipped]
        self.services.catalog.refresh()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from assistant.api.app import create_app

    data_dir = tmp_path_factory.mktemp("live")
    services = build_sample_services(data_dir)
    with serve_app(create_app(services=services)) as url:
        yield LiveServer(url, data_dir, services)
