"""The app factory mounts POST /slack/events exactly when both Slack secrets are set."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.services import Services
from assistant.settings import Settings
from tests.assistant.slack.slack_driver import sign
from tests.assistant.slack.slack_fakes import FakeSlackApi

# Real uvicorn, the loopback Slack API and the real ChatService over the sample corpus.
pytestmark = pytest.mark.slow


def list_slack_routes(services: Services) -> list[str]:
    app = create_app(services=services)
    return [route.path for route in app.routes if getattr(route, "path", "").startswith("/slack")]


def test_create_app_mounts_the_slack_endpoint_with_both_secrets(
    sample_services: Services, slack_settings: Settings, slack_api: FakeSlackApi
) -> None:
    services = dataclasses.replace(sample_services, settings=slack_settings)

    app = create_app(services=services)

    assert [r.path for r in app.routes if getattr(r, "path", "").startswith("/slack")] == ["/slack/events"]
    assert slack_api.calls_to("auth.test")
    body = '{"type":"url_verification","challenge":"c-1","token":"legacy"}'
    headers = {"Content-Type": "application/json", **sign(body)}
    response = TestClient(app).post(
        "/slack/events", content=body, headers=headers
    )  # no lifespan: shared services
    assert response.json() == {"challenge": "c-1"}


def test_create_app_leaves_slack_out_without_secrets(
    sample_services: Services, slack_settings: Settings
) -> None:
    no_secret = slack_settings.model_copy(update={"slack_signing_secret": None})

    assert list_slack_routes(dataclasses.replace(sample_services, settings=no_secret)) == []
