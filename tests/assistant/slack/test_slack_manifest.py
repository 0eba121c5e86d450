"""The Slack app manifest matches the code: command, endpoint, and a scope for every event."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.slack.app import EVENTS_PATH
from assistant.slack.listeners import COMMAND

MANIFEST = Path(__file__).parents[3] / "slack" / "manifest.yaml"
EVENT_SCOPES = {
    "app_mention": "app_mentions:read",
    "message.im": "im:history",
    "message.channels": "channels:history",
    "message.groups": "groups:history",
    "message.mpim": "mpim:history",
}


def test_manifest_points_every_slack_feature_at_our_one_endpoint() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    settings, features = manifest["settings"], manifest["features"]

    [command] = features["slash_commands"]
    assert command["command"] == COMMAND
    urls = [
        command["url"],
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
    ]
    assert urls == [f"https://YOUR-HOST{EVENTS_PATH}"] * 3
    assert settings["socket_mode_enabled"] is False
    assert settings["interactivity"]["is_enabled"] is True
    assert features["app_home"]["messages_tab_enabled"] is True


def test_manifest_asks_for_a_scope_behind_every_event_and_nothing_more() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    events = manifest["settings"]["event_subscriptions"]["bot_events"]

    assert {EVENT_SCOPES[event] for event in events} <= scopes
    assert scopes == set(EVENT_SCOPES.values()) | {"chat:write", "commands", "im:read", "im:write"}
