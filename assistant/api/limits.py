"""Input bounds shared by every endpoint that takes a conversation."""

from __future__ import annotations

from assistant.api.errors import ProblemError
from assistant.models import ChatMessage
from assistant.settings import LimitSettings


def check_conversation(messages: list[ChatMessage], limits: LimitSettings) -> None:
    if len(messages) > limits.max_turns:
        raise ProblemError(
            413, "Conversation too long", f"At most {limits.max_turns} messages; start a new conversation."
        )
    for number, message in enumerate(messages, start=1):
        if len(message.content) > limits.max_message_chars:
            raise ProblemError(
                413,
                "Message too long",
                f"Message {number} has {len(message.content)} characters; "
                f"the limit is {limits.max_message_chars}.",
            )
    if not any(m.role == "user" and m.content.strip() for m in messages):
        raise ProblemError(422, "No question", "Send at least one non-empty user message.")
