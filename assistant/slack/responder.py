"""What the Slack bot does: answer, follow up in threads, record feedback, post more roles; never crash."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import ValidationError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from assistant.feedback import FeedbackLog, Rating
from assistant.models import Answer, ChatMessage, Filters, RoleMatch
from assistant.settings import LimitSettings
from assistant.slack.blocks import (
    MAX_ROLE_CARDS,
    USAGE_TEXT,
    ButtonValue,
    build_answer_blocks,
    build_answer_text,
    build_more_roles_blocks,
    build_more_roles_text,
)
from assistant.slack.threads import build_answer_metadata, build_history, is_bot_in_thread, strip_slack_markup

logger = logging.getLogger(__name__)

Blocks = Sequence[dict[str, Any]]

SORRY_TEXT = "Sorry, I couldn't answer that just now. Please try again in a minute."
NOT_IN_CHANNEL_TEXT = (
    "I can't post in this channel, so here is your answer privately. "
    "Invite me with `/invite @FinML Careers` to answer in the channel."
)
THANKS_TEXT = "Thanks for the feedback"
HELP_WORDS = {"", "help", "?", "usage"}


class Answerer(Protocol):
    """The part of ChatService the bot uses (thread-safe, synchronous)."""

    def answer(self, messages: list[ChatMessage], filters: Filters | None = None) -> Answer: ...

    def roles(self, text: str, filters: Filters, limit: int) -> list[RoleMatch]: ...


@dataclass(frozen=True)
class Place:
    """Where a reply goes: a channel, the person it is for, the thread, and Slack's response_url if any."""

    channel: str
    user: str
    thread_ts: str | None = None
    response_url: str | None = None


def parse_filters(data: Mapping[str, Any]) -> Filters | None:
    """Return the Filters a button carried, or None if they no longer validate."""
    try:
        return Filters.model_validate({key: data[key] for key in Filters.model_fields if key in data})
    except ValidationError:
        logger.warning("Ignoring filters that no longer validate: %s", data)
        return None


class SlackResponder:
    """Turns Slack requests into ChatService calls and Slack messages; every Slack error is logged."""

    def __init__(
        self, client: WebClient, chat: Answerer, feedback: FeedbackLog, limits: LimitSettings
    ) -> None:
        self.client = client
        self.chat = chat
        self.feedback = feedback
        self.limits = limits

    def answer_command(self, question: str, place: Place, *, private: bool) -> None:
        """Answer a /careers question: in the channel as a thread-starting message, or privately."""
        question = question[: self.limits.max_message_chars]
        answer = self.ask([ChatMessage(role="user", content=question)])
        if answer is None:
            self.send_ephemeral(place, SORRY_TEXT)
            return
        text = build_answer_text(answer)
        if private:
            self.send_ephemeral(place, text, build_answer_blocks(answer, question=question))
            return
        blocks = build_answer_blocks(answer, question=question, asked_by=place.user)
        metadata = build_answer_metadata(question, answer.filters, asked_in_thread=False)
        if self.post(place.channel, text, blocks, metadata=metadata) is None:
            # the bot cannot post here (not a member, or no such channel); the response_url still works
            note = {"type": "context", "elements": [{"type": "mrkdwn", "text": NOT_IN_CHANNEL_TEXT}]}
            if not self.respond(place, text, [note, *blocks]):
                self.send_ephemeral(place, text, [note, *blocks])

    def answer_in_thread(
        self,
        *,
        place: Place,
        text: str,
        ts: str,
        bot_user_id: str | None,
        bot_id: str | None,
        only_if_bot_in_thread: bool,
    ) -> None:
        """Answer a mention or message in its thread, with the thread read back as conversation history."""
        question = strip_slack_markup(text, bot_user_id)
        if not question and only_if_bot_in_thread:
            return
        thread_ts = place.thread_ts or ts
        messages = [ChatMessage(role="user", content=question[: self.limits.max_message_chars])]
        if place.thread_ts and place.thread_ts != ts:
            replies = self.read_thread(place.channel, place.thread_ts)
            if only_if_bot_in_thread and not is_bot_in_thread(replies, bot_user_id, bot_id):
                return
            messages = build_history(
                replies,
                latest_text=question,
                latest_ts=ts,
                bot_user_id=bot_user_id,
                bot_id=bot_id,
                max_turns=self.limits.max_turns,
                max_chars=self.limits.max_message_chars,
            )
        if question.lower() in HELP_WORDS:
            self.post(place.channel, USAGE_TEXT, None, thread_ts=thread_ts)
            return
        answer = self.ask(messages)
        if answer is None:
            self.post(place.channel, SORRY_TEXT, None, thread_ts=thread_ts)
            return
        blocks = build_answer_blocks(answer, question=question)
        metadata = build_answer_metadata(question, answer.filters, asked_in_thread=True)
        self.post(place.channel, build_answer_text(answer), blocks, thread_ts=thread_ts, metadata=metadata)

    def record_feedback(self, rating: Rating, value: ButtonValue, place: Place) -> None:
        """Append the rating to the feedback log and thank the person privately."""
        try:
            self.feedback.append(
                rating, value.question, user=place.user, channel=place.channel, source="slack"
            )
        except OSError:
            logger.exception("Could not write feedback to %s", self.feedback.path)
        self.send_ephemeral(place, THANKS_TEXT)

    def post_more_roles(self, value: ButtonValue, place: Place, *, private: bool) -> None:
        """Post roles like the ones shown, under the same filters, skipping roles already shown."""
        filters = parse_filters(value.filters) or Filters()
        seen = set(value.seen)
        try:
            limit = min(len(seen) + MAX_ROLE_CARDS, self.limits.max_roles)
            roles = self.chat.roles(value.question, filters, limit)
        except Exception:
            logger.exception("ChatService.roles failed for %r", value.question)
            self.send_ephemeral(place, SORRY_TEXT)
            return
        fresh = [role for role in roles if role.id not in seen][:MAX_ROLE_CARDS]
        text, blocks = build_more_roles_text(fresh), build_more_roles_blocks(fresh, value)
        if private or self.post(place.channel, text, blocks, thread_ts=place.thread_ts) is None:
            self.send_ephemeral(place, text, blocks)

    def ask(self, messages: list[ChatMessage], filters: Filters | None = None) -> Answer | None:
        """Return the ChatService's answer, or None (logged) if it failed."""
        try:
            return self.chat.answer(messages, filters)
        except Exception:
            logger.exception("ChatService failed on a Slack question")
            return None

    def read_thread(self, channel: str, thread_ts: str) -> list[dict[str, Any]]:
        """Return the thread's messages (oldest first, with our answer metadata), or [] on a Slack error."""
        try:
            response = self.client.conversations_replies(
                channel=channel, ts=thread_ts, limit=200, include_all_metadata=True
            )
        except SlackApiError as error:
            logger.warning("conversations.replies %s/%s failed: %s", channel, thread_ts, _describe(error))
            return []
        except Exception:
            logger.exception("conversations.replies %s/%s failed", channel, thread_ts)
            return []
        return list(response.get("messages") or [])

    def post(
        self,
        channel: str,
        text: str,
        blocks: Blocks | None,
        *,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> str | None:
        """Post a message and return its ts, or None (logged) when Slack refused or was unreachable."""
        try:
            response = self.client.chat_postMessage(
                channel=channel,
                text=text,
                blocks=blocks,
                thread_ts=thread_ts,
                metadata=metadata,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as error:
            logger.warning("chat.postMessage to %s failed: %s", channel, _describe(error))
            return None
        except Exception:
            logger.exception("chat.postMessage to %s failed", channel)
            return None
        return str(response.get("ts") or "") or None

    def send_ephemeral(self, place: Place, text: str, blocks: Blocks | None = None) -> bool:
        """Show a message only to `place.user`; fall back to the response_url if chat.postEphemeral fails."""
        try:
            self.client.chat_postEphemeral(
                channel=place.channel, user=place.user, text=text, blocks=blocks, thread_ts=place.thread_ts
            )
            return True
        except SlackApiError as error:
            logger.warning("chat.postEphemeral to %s failed: %s", place.channel, _describe(error))
        except Exception:
            logger.exception("chat.postEphemeral to %s failed", place.channel)
        return self.respond(place, text, blocks)

    def respond(self, place: Place, text: str, blocks: Blocks | None) -> bool:
        """Reply privately through the request's response_url (works where the bot is not a member)."""
        if not place.response_url:
            return False
        try:
            response = WebhookClient(place.response_url, timeout=10).send(
                text=text, blocks=blocks, response_type="ephemeral", replace_original=False
            )
        except Exception:
            logger.exception("Posting to the response_url failed")
            return False
        if response.status_code != 200:
            logger.warning("response_url answered %s: %s", response.status_code, response.body)
        return response.status_code == 200


def _describe(error: SlackApiError) -> str:
    response = error.response
    return f"{response.get('error', 'unknown_error')} (HTTP {response.status_code})"
