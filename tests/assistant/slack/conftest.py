"""Fixtures for the Slack app: a loopback Slack Web API, our app on real uvicorn, a signed-request driver."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from assistant.chat import ChatService
from assistant.settings import Settings, load_settings
from assistant.slack import mount_slack
from tests.assistant.slack.recording_chat import RecordingChat
from tests.assistant.slack.slack_driver import SIGNING_SECRET, SlackDriver
from tests.assistant.slack.slack_fakes import FakeSlackApi
from tests.support import serve_app


@pytest.fixture(scope="module")
def slack_api() -> Iterator[FakeSlackApi]:
    api = FakeSlackApi().start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def recording_chat(chat_service: ChatService) -> RecordingChat:
    """The real ChatService over the sample corpus, recorded."""
    return RecordingChat(chat_service)


@pytest.fixture(scope="module")
def slack_settings(slack_api: FakeSlackApi, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return load_settings(
        data_dir=tmp_path_factory.mktemp("slack-data"),
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack_api.api_url,
    )


@pytest.fixture(scope="module")
def slack_app_url(slack_settings: Settings, recording_chat: RecordingChat) -> Iterator[str]:
    app = FastAPI()
    mount_slack(app, slack_settings, recording_chat)
    with serve_app(app) as url:
        yield url


@pytest.fixture
def slack(slack_app_url: str, slack_api: FakeSlackApi, recording_chat: RecordingChat) -> SlackDriver:
    slack_api.reset()
    recording_chat.reset()
    return SlackDriver(slack_app_url, slack_api)


@pytest.fixture
def channel() -> str:
    """A fresh channel id per test, so late messages from another test never match."""
    return f"C{uuid.uuid4().hex[:9].upper()}"
