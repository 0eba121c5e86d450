"""Write endpoints are closed without CAREERS_ADMIN_TOKEN and need the bearer token when it is set."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from assistant.api.app import create_app
from assistant.services import Services
from tests.support import serve_app

pytestmark = pytest.mark.slow


def _feed(path: Path) -> Path:
    record = {
        "id": "A1",
        "title": "ML Engineer",
        "company": "Admin Test Bank",
        "description": "Python and SQL.",
    }
    path.write_text(json.dumps(record) + "\n")
    return path


def test_ingest_endpoint_is_off_without_an_admin_token(live_server, tmp_path: Path) -> None:
    response = httpx.post(
        f"{live_server.url}/v1/admin/ingest", json={"sources": [str(_feed(tmp_path / "f.jsonl"))]}
    )
    assert response.status_code == 403
    assert "CAREERS_ADMIN_TOKEN" in response.json()["detail"]


def test_ingest_endpoint_needs_the_token_and_then_serves_the_new_posting(
    settings_factory, sample_services, tmp_path: Path
) -> None:
    settings = settings_factory(CAREERS_ADMIN_TOKEN="s3cret")
    services = Services(
        settings=settings,
        store=sample_services.store,
        catalog=sample_services.catalog,
        chat=sample_services.chat,
        feedback=sample_services.feedback,
    )
    feed = _feed(tmp_path / "f.jsonl")
    with serve_app(create_app(services=services)) as url:
        body = {"sources": [str(feed)]}
        assert httpx.post(f"{url}/v1/admin/ingest", json=body).status_code == 401
        wrong = httpx.post(f"{url}/v1/admin/ingest", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        ok = httpx.post(
            f"{url}/v1/admin/ingest", json=body, headers={"Authorization": "Bearer s3cret"}, timeout=60
        )
        assert ok.status_code == 200
        assert ok.json()["added"] == 1
        roles = httpx.get(f"{url}/v1/roles", params={"q": "Admin Test Bank ML Engineer"}).json()["roles"]
        assert any(r["company"] == "Admin Test Bank" for r in roles)
    sample_services.store.delete("postings", ["jsonl:admin-test-bank:A1"])
    sample_services.catalog.refresh()
