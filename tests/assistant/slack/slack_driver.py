"""Slack's side of the conversation in tests: signed events, commands and clicks sent to our app."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

import httpx

from tests.assistant.slack.slack_fakes import BOT_USER_ID, FakeSlackApi
from tests.support import wait_for

SIGNING_SECRET = "test-signing-secret"


def sign(body: str, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """Return Slack's v0 signature headers: HMAC-SHA256 of `v0:{timestamp}:{body}` with the secret."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


class SlackDriver:
    """Plays Slack's side: sends signed events, commands and clicks to our app, and stores the messages."""

    def __init__(self, app_url: str, api: FakeSlackApi) -> None:
        self.url = f"{app_url}/slack/events"
        self.api = api
        self.http = httpx.Client(timeout=10)

    def send(
        self, body: str, content_type: str, headers: dict[str, str] | None = None, **signing: Any
    ) -> httpx.Response:
        all_headers = {"Content-Type": content_type, **sign(body, **signing), **(headers or {})}
        return self.http.post(self.url, content=body.encode(), headers=all_headers)

    def command(
        self,
        text: str,
        *,
        channel: str,
        user: str = "UALICE",
        response_url: str | None = None,
        **signing: Any,
    ) -> httpx.Response:
        form = {
            "token": "legacy",
            "team_id": "T1",
            "channel_id": channel,
            "user_id": user,
            "command": "/careers",
            "text": text,
            "response_url": response_url or self.api.base + f"/response/{channel}",
            "trigger_id": "1.2.3",
            "api_app_id": "A1",
        }
        return self.send(urlencode(form), "application/x-www-form-urlencoded", **signing)

    def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        headers: dict[str, str] | None = None,
        **signing: Any,
    ) -> httpx.Response:
        envelope = {
            "token": "legacy",
            "team_id": "T1",
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T1", "user_id": BOT_USER_ID, "is_bot": True}],
            "event": event,
        }
        return self.send(json.dumps(envelope), "application/json", headers=headers, **signing)

    def mention(self, channel: str, text: str, *, user: str = "UALICE", thread_ts: str | None = None) -> dict:
        """Post `<@UBOT> text` in a channel; Slack sends both app_mention and message events for it."""
        message = self.api.add_message(channel, f"<@{BOT_USER_ID}> {text}", user, thread_ts)
        event = {**message, "channel": channel, "event_ts": message["ts"]}
        assert self.event({**event, "type": "app_mention"}).status_code == 200
        assert self.event({**event, "channel_type": "channel"}).status_code == 200
        return message

    def dm(self, channel: str, text: str, *, user: str = "UALICE", thread_ts: str | None = None) -> dict:
        message = self.api.add_message(channel, text, user, thread_ts)
        assert self.event({**message, "channel": channel, "channel_type": "im"}).status_code == 200
        return message

    def reply(
        self,
        channel: str,
        thread_ts: str,
        text: str,
        *,
        user: str = "UALICE",
        parent_user_id: str = BOT_USER_ID,
    ) -> dict:
        """Reply in a channel thread without mentioning the bot."""
        message = self.api.add_message(channel, text, user, thread_ts)
        event = {**message, "channel": channel, "channel_type": "channel", "parent_user_id": parent_user_id}
        assert self.event(event).status_code == 200
        return message

    def click(
        self,
        action_id: str,
        value: str,
        *,
        channel: str,
        message: dict[str, Any] | None,
        user: str = "UALICE",
        response_url: str | None = None,
    ) -> httpx.Response:
        """Click a button on `message` (None: on an ephemeral message)."""
        container = {
            "type": "message",
            "channel_id": channel,
            "is_ephemeral": message is None,
            "message_ts": message["ts"] if message else self.api.next_ts(),
        }
        payload = {
            "type": "block_actions",
            "team": {"id": "T1"},
            "user": {"id": user},
            "api_app_id": "A1",
            "container": container,
            "channel": {"id": channel},
            "trigger_id": "1.2.3",
            "response_url": response_url or self.api.base + f"/response/{channel}",
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "careers_actions",
                    "value": value,
                    "action_ts": str(time.time()),
                }
            ],
        }
        if message is not None:
            payload["message"] = message
        return self.send(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def wait_for_post(self, channel: str, count: int = 1, method: str = "chat.postMessage") -> list:
        return wait_for(lambda: (calls := self.api.delivered(method, channel))[count - 1 :] and calls)
