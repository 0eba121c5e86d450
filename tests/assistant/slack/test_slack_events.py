"""The Slack app end to end: signed requests into real uvicorn, answers out to a loopback Slack API."""

from __future__ import annotations

import time

import pytest

from assistant.slack.blocks import ACTION_FEEDBACK_DOWN, ACTION_FEEDBACK_UP
from tests.assistant.slack.recording_chat import RecordingChat
from tests.assistant.slack.slack_driver import SlackDriver
from tests.assistant.slack.slack_fakes import BOT_ID, BOT_USER_ID
from tests.support import wait_for

# Real uvicorn, the loopback Slack API and the real ChatService over the sample corpus.
pytestmark = pytest.mark.slow


def list_action_ids(blocks: list[dict]) -> list[str]:
    return [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]


def test_slash_command_posts_a_thread_starting_answer_in_the_channel(
    slack: SlackDriver, channel: str
) -> None:
    response = slack.command("what do ML roles at banks pay?", channel=channel)
    assert response.status_code == 200
    assert response.text == ""

    [post] = slack.wait_for_post(channel)
    assert post.params.get("thread_ts") is None
    assert post.headers["Authorization"] == "Bearer xoxb-test-token"
    assert post.params["text"]
    asked = post.blocks[0]["elements"][0]["text"]
    assert asked.startswith("<@UALICE> asked:")
    assert "what do ML roles at banks pay?" in asked
    assert list_action_ids(post.blocks)[:2] == [ACTION_FEEDBACK_UP, ACTION_FEEDBACK_DOWN]
    assert post.params["metadata"]["event_payload"]["question"] == "what do ML roles at banks pay?"


def test_private_command_answers_only_the_asker(slack: SlackDriver, channel: str) -> None:
    assert slack.command("private remote roles at fintechs", channel=channel).status_code == 200

    [ephemeral] = slack.wait_for_post(channel, method="chat.postEphemeral")
    assert ephemeral.params["user"] == "UALICE"
    assert any(b["type"] == "actions" for b in ephemeral.blocks)
    assert slack.api.calls_to("chat.postMessage", channel) == []


def test_help_and_an_empty_command_show_usage_privately(slack: SlackDriver, channel: str) -> None:
    for text in ("help", "", "  "):
        response = slack.command(text, channel=channel)
        assert response.status_code == 200
        assert response.json()["response_type"] == "ephemeral"
        assert "/careers private" in response.json()["text"]


def test_mention_is_answered_once_in_its_thread(slack: SlackDriver, channel: str) -> None:
    first = slack.mention(channel, "remote ML roles at hedge funds")
    sentinel = slack.mention(channel, "ML roles at fintechs")

    posts = slack.wait_for_post(channel, count=2)
    assert sorted(p.params["thread_ts"] for p in posts) == sorted([first["ts"], sentinel["ts"]])


def test_direct_message_is_answered_in_a_thread(slack: SlackDriver, recording_chat: RecordingChat) -> None:
    message = slack.dm("D0ALICE01", "senior ML roles at banks")

    [post] = slack.wait_for_post("D0ALICE01")
    assert post.params["thread_ts"] == message["ts"]
    assert recording_chat.turns_about("senior ML roles at banks")


def test_thread_follow_up_keeps_the_filters_of_the_first_question(
    slack: SlackDriver, channel: str, recording_chat: RecordingChat
) -> None:
    slack.command("ML roles at banks", channel=channel)
    [parent] = slack.wait_for_post(channel)

    slack.reply(channel, parent.response["ts"], "only remote ones")
    follow_up = slack.wait_for_post(channel, count=2)[1]

    assert follow_up.params["thread_ts"] == parent.response["ts"]
    [turn] = recording_chat.turns_about("only remote ones")
    assert (turn.messages[0].role, turn.messages[0].content) == ("user", "ML roles at banks")
    assert [m.role for m in turn.messages] == ["user", "assistant", "user"]
    assert turn.answer.roles
    assert all(r.sector == "bank" and r.remote == "remote" for r in turn.answer.roles)
    cards = "\n".join(b["text"]["text"] for b in follow_up.blocks if b["type"] == "section")
    assert all(role.title in cards for role in turn.answer.roles)


def test_mention_inside_a_thread_reads_the_thread_and_answers_once(
    slack: SlackDriver, channel: str, recording_chat: RecordingChat
) -> None:
    question = slack.mention(channel, "ML roles at banks")
    slack.wait_for_post(channel)
    slack.mention(channel, "only remote ones", thread_ts=question["ts"])
    slack.mention(channel, "hedge fund roles", thread_ts=question["ts"])  # a sentinel after it

    posts = slack.wait_for_post(channel, count=3)
    assert all(p.params["thread_ts"] == question["ts"] for p in posts)
    [turn] = recording_chat.turns_about("only remote ones")
    assert turn.messages[0].content == "ML roles at banks"
    assert turn.answer.filters.get("remote") == "remote"
    time.sleep(0.3)  # a duplicate answer would be as quick as the sentinel's
    assert len(slack.api.calls_to("chat.postMessage", channel)) == 3


def test_replies_in_threads_without_the_bot_are_left_alone(slack: SlackDriver, channel: str) -> None:
    parent = slack.api.add_message(channel, "lunch?", "UBOB")
    slack.reply(channel, parent["ts"], "sure", parent_user_id="UBOB")
    wait_for(lambda: slack.api.calls_to("conversations.replies", channel))
    slack.mention(channel, "ML roles at banks")

    [post] = slack.wait_for_post(channel)
    assert post.params["thread_ts"] != parent["ts"]


def test_bots_and_edits_are_ignored(slack: SlackDriver, recording_chat: RecordingChat) -> None:
    dm = "D0IGNORE1"
    for extra in (
        {"bot_id": "BOTHER"},
        {"subtype": "bot_message", "bot_id": "BOTHER"},
        {"subtype": "message_changed"},
        {"bot_id": BOT_ID, "user": BOT_USER_ID},
    ):
        event = {
            "type": "message",
            "channel": dm,
            "channel_type": "im",
            "user": "UALICE",
            "text": "ignored question",
            "ts": slack.api.next_ts(),
            **extra,
        }
        assert slack.event(event).status_code == 200
    slack.dm(dm, "ML roles at banks")

    assert len(slack.wait_for_post(dm)) == 1
    assert recording_chat.turns_about("ignored question") == []


def test_forged_or_stale_requests_are_rejected(
    slack: SlackDriver, channel: str, recording_chat: RecordingChat
) -> None:
    assert slack.command("forged question", channel=channel, secret="not-the-secret").status_code == 401
    stale = int(time.time()) - 6 * 60
    assert slack.command("stale question", channel=channel, timestamp=stale).status_code == 401
    event = {
        "type": "app_mention",
        "channel": channel,
        "user": "UALICE",
        "text": "forged question",
        "ts": "1.1",
    }
    assert slack.event(event, secret="not-the-secret").status_code == 401

    slack.command("ML roles at banks", channel=channel)
    assert len(slack.wait_for_post(channel)) == 1
    assert recording_chat.turns_about("forged question") == recording_chat.turns_about("stale question") == []


def test_retries_and_repeated_events_never_answer_twice(slack: SlackDriver, channel: str) -> None:
    message = slack.api.add_message(channel, f"<@{BOT_USER_ID}> ML roles at banks", "UALICE")
    event = {**message, "type": "app_mention", "channel": channel}
    assert slack.event(event, event_id="EvORIGINAL").status_code == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert slack.event(event, event_id="EvORIGINAL", headers=retry).status_code == 200
    assert slack.event(event, event_id="EvRETRYONLY", headers=retry).status_code == 200
    assert slack.event(event, event_id="EvORIGINAL").status_code == 200
    slack.mention(channel, "hedge fund roles")

    posts = slack.wait_for_post(channel, count=2)
    time.sleep(0.3)  # a second answer would be as quick as the sentinel's
    assert len(slack.api.calls_to("chat.postMessage", channel)) == 2
    assert {p.params["thread_ts"] for p in posts} != {message["ts"]}


def test_url_verification_returns_the_challenge(slack: SlackDriver) -> None:
    body = '{"type":"url_verification","challenge":"abc123","token":"legacy"}'
    response = slack.send(body, "application/json")
    assert response.status_code == 200
    assert response.json()["challenge"] == "abc123"
