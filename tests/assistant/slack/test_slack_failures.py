"""Slack API trouble: rate limits are retried, refusals are logged, and the server keeps answering."""

from __future__ import annotations

import logging

import pytest

from tests.assistant.slack.slack_driver import SlackDriver
from tests.support import wait_for

# Real uvicorn, the loopback Slack API and the real ChatService over the sample corpus.
pytestmark = pytest.mark.slow


def test_rate_limited_post_is_retried_after_retry_after_and_delivered(
    slack: SlackDriver, channel: str
) -> None:
    slack.api.rate_limit_once("chat.postMessage", channel=channel)

    slack.command("ML roles at banks", channel=channel)

    [delivered] = slack.wait_for_post(channel)
    attempts = slack.api.calls_to("chat.postMessage", channel)
    assert [call.status for call in attempts] == [429, 200]
    assert delivered.blocks == attempts[0].blocks


def test_channel_not_found_is_logged_and_the_answer_still_reaches_the_asker(
    slack: SlackDriver, channel: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="assistant.slack")
    slack.api.fail_once("chat.postMessage", "channel_not_found", channel=channel)

    assert slack.command("ML roles at banks", channel=channel).status_code == 200

    [fallback] = wait_for(
        lambda: [c for c in slack.api.calls_to("response_url") if c.params["path"].endswith(channel)]
    )
    assert fallback.params["response_type"] == "ephemeral"
    assert "can't post in this channel" in fallback.blocks[0]["elements"][0]["text"]
    wait_for(lambda: "channel_not_found" in caplog.text)

    slack.command("hedge fund roles", channel=channel)
    assert len(slack.wait_for_post(channel)) == 1


def test_failed_thread_read_still_answers_the_latest_message(
    slack: SlackDriver, channel: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="assistant.slack")
    question = slack.mention(channel, "ML roles at banks")
    slack.wait_for_post(channel)
    slack.api.fail_once("conversations.replies", "ratelimited_forever", channel=channel)

    slack.mention(channel, "only remote ones", thread_ts=question["ts"])

    follow_up = slack.wait_for_post(channel, count=2)[1]
    assert follow_up.params["thread_ts"] == question["ts"]
    assert "ratelimited_forever" in caplog.text
