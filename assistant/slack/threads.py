"""Slack threads as conversation history: message text to plain text, replies to ChatMessages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from assistant.models import ChatMessage

ANSWER_EVENT = "careers_answer"

_USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_CHANNEL_MENTION = re.compile(r"<#([CG][A-Z0-9]+)(?:\|([^>]*))?>")
_SPECIAL_MENTION = re.compile(r"<!([a-z]+)(?:\^[^|>]*)?(?:\|([^>]*))?>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")


# Subtypes a person's own message can carry; edits, deletions, joins and bot posts are not questions.
PERSON_SUBTYPES = {None, "thread_broadcast", "file_share"}


def is_person_message(event: Mapping[str, Any]) -> bool:
    """Return True for a message a person wrote (not a bot, an edit, a deletion or a join)."""
    return bool(event.get("user")) and not event.get("bot_id") and event.get("subtype") in PERSON_SUBTYPES


def strip_slack_markup(text: str, bot_user_id: str | None = None) -> str:
    """Return what the user typed: our mention removed, other markup as readable text, entities decoded."""

    def user(match: re.Match[str]) -> str:
        if bot_user_id and match[1] == bot_user_id:
            return ""
        return f"@{match[2] or match[1]}"

    def link(match: re.Match[str]) -> str:
        url, label = match[1], match[2]
        if url.startswith("mailto:"):
            return label or url.removeprefix("mailto:")
        return f"{label} ({url})" if label and label != url else url

    text = _USER_MENTION.sub(user, text)
    text = _CHANNEL_MENTION.sub(lambda m: f"#{m[2] or m[1]}", text)
    text = _SPECIAL_MENTION.sub(lambda m: f"@{m[2] or m[1]}", text)
    text = _LINK.sub(link, text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"[ \t]+", " ", text).strip()


def is_from_bot(message: Mapping[str, Any], bot_user_id: str | None, bot_id: str | None) -> bool:
    """Return True when the message was posted by this app's bot."""
    return bool(
        (bot_id and message.get("bot_id") == bot_id) or (bot_user_id and message.get("user") == bot_user_id)
    )


def is_bot_in_thread(
    replies: Iterable[Mapping[str, Any]], bot_user_id: str | None, bot_id: str | None
) -> bool:
    """Return True when the bot has posted in the thread (so a plain reply there is meant for us)."""
    return any(is_from_bot(message, bot_user_id, bot_id) for message in replies)


def build_answer_metadata(
    question: str, filters: Mapping[str, Any], *, asked_in_thread: bool
) -> dict[str, Any]:
    """Return Slack message metadata for an answer, so a later thread read knows what was asked.

    A slash command's question never appears in the thread, so `asked_in_thread` False tells the
    history builder to restore it as the user's turn before the answer.
    """
    payload = {"question": question[:1500], "filters": dict(filters), "asked_in_thread": asked_in_thread}
    return {"event_type": ANSWER_EVENT, "event_payload": payload}


def build_history(
    replies: Iterable[Mapping[str, Any]],
    *,
    latest_text: str,
    latest_ts: str,
    bot_user_id: str | None,
    bot_id: str | None,
    max_turns: int,
    max_chars: int,
) -> list[ChatMessage]:
    """Turn a thread read back with conversations.replies into the conversation, ending with `latest_text`.

    Our bot's answers become "assistant" turns (their plain-text fallback), people's messages "user"
    turns; other bots and anything at or after the latest message are left out.
    """
    history: list[ChatMessage] = []
    for message in sorted(replies, key=lambda m: float(m.get("ts") or 0)):
        if float(message.get("ts") or 0) >= float(latest_ts):
            continue
        if is_from_bot(message, bot_user_id, bot_id):
            history.extend(_read_bot_message(message, bot_user_id, max_chars))
        elif is_person_message(message):
            content = strip_slack_markup(str(message.get("text") or ""), bot_user_id)[:max_chars]
            if content:
                history.append(ChatMessage(role="user", content=content))
    history.append(ChatMessage(role="user", content=latest_text[:max_chars]))
    history = history[-max_turns:]
    while history and history[0].role != "user":
        history.pop(0)
    return history


def _read_bot_message(
    message: Mapping[str, Any], bot_user_id: str | None, max_chars: int
) -> list[ChatMessage]:
    turns: list[ChatMessage] = []
    metadata = message.get("metadata") or {}
    payload = metadata.get("event_payload") or {} if metadata.get("event_type") == ANSWER_EVENT else {}
    question = payload.get("question")
    if isinstance(question, str) and question and payload.get("asked_in_thread") is False:
        turns.append(ChatMessage(role="user", content=question[:max_chars]))
    content = strip_slack_markup(str(message.get("text") or ""), bot_user_id)[:max_chars]
    if content:
        turns.append(ChatMessage(role="assistant", content=content))
    return turns
