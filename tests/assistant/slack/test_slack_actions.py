"""Button clicks: feedback lands in the JSONL log, "More roles like these" posts new roles in the thread."""

from __future__ import annotations

import json

import pytest

from assistant.settings import Settings
from assistant.slack.blocks import (
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_MORE_ROLES,
    decode_button_value,
)
from tests.assistant.slack.slack_driver import SlackDriver
from tests.assistant.slack.slack_fakes import Call
from tests.support import wait_for

# Real uvicorn, the loopback Slack API and the real ChatService over the sample corpus.
pytestmark = pytest.mark.slow


def find_button_value(post: Call, action_id: str) -> str:
    return next(
        element["value"]
        for block in post.blocks
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] == action_id
    )


def list_role_titles(blocks: list[dict]) -> set[str]:
    """First lines of the role cards (sections after the divider)."""
    divider = next((i for i, b in enumerate(blocks) if b["type"] == "divider"), 0)
    start = divider + 1 if divider else 1
    return {b["text"]["text"].split("\n")[0] for b in blocks[start:] if b["type"] == "section"}


def read_feedback(settings: Settings, channel: str) -> list[dict]:
    if not settings.feedback_path.exists():
        return []
    lines = settings.feedback_path.read_text(encoding="utf-8").splitlines()
    return [record for record in map(json.loads, lines) if record["channel"] == channel]


def test_feedback_buttons_append_to_the_log_and_thank_privately(
    slack: SlackDriver, channel: str, slack_settings: Settings
) -> None:
    slack.command("what do ML roles at banks pay?", channel=channel)
    [answer] = slack.wait_for_post(channel)
    message = answer.response["message"]

    assert (
        slack.click(
            ACTION_FEEDBACK_UP,
            find_button_value(answer, ACTION_FEEDBACK_UP),
            channel=channel,
            message=message,
        ).status_code
        == 200
    )
    assert (
        slack.click(
            ACTION_FEEDBACK_DOWN,
            find_button_value(answer, ACTION_FEEDBACK_DOWN),
            channel=channel,
            message=message,
            user="UBOB",
        ).status_code
        == 200
    )

    records = wait_for(lambda: (found := read_feedback(slack_settings, channel))[1:] and found)
    assert [(r["rating"], r["user"]) for r in records] == [("up", "UALICE"), ("down", "UBOB")]
    assert all(r["question"] == "what do ML roles at banks pay?" and r["source"] == "slack" for r in records)
    assert all(r["ts"] for r in records)
    thanks = slack.wait_for_post(channel, count=2, method="chat.postEphemeral")
    assert {call.params["user"] for call in thanks} == {"UALICE", "UBOB"}
    assert all(call.params["text"] == "Thanks for the feedback" for call in thanks)
    assert all(call.params["thread_ts"] == answer.response["ts"] for call in thanks)


def test_more_roles_posts_roles_not_shown_yet_in_the_same_thread(slack: SlackDriver, channel: str) -> None:
    slack.command("ML roles at banks", channel=channel)
    [answer] = slack.wait_for_post(channel)
    value = find_button_value(answer, ACTION_MORE_ROLES)

    response = slack.click(ACTION_MORE_ROLES, value, channel=channel, message=answer.response["message"])
    assert response.status_code == 200

    more = slack.wait_for_post(channel, count=2)[1]
    assert more.params["thread_ts"] == answer.response["ts"]
    assert more.params["text"].startswith("More roles like these")
    assert list_role_titles(more.blocks)
    assert not list_role_titles(more.blocks) & list_role_titles(answer.blocks)
    remembered = decode_button_value(find_button_value(more, ACTION_MORE_ROLES))
    assert set(decode_button_value(value).seen) < set(remembered.seen)
    assert remembered.filters.get("sector") == "bank"


def test_more_roles_on_a_private_answer_stays_private(slack: SlackDriver, channel: str) -> None:
    slack.command("private ML roles at banks", channel=channel)
    [answer] = slack.wait_for_post(channel, method="chat.postEphemeral")

    slack.click(
        ACTION_MORE_ROLES, find_button_value(answer, ACTION_MORE_ROLES), channel=channel, message=None
    )

    more = slack.wait_for_post(channel, count=2, method="chat.postEphemeral")[1]
    assert more.params["text"].startswith("More roles like these")
    assert slack.api.calls_to("chat.postMessage", channel) == []
