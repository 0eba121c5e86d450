"""A recorder around the real chat service, so tests can see what the bot asked and what came back."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from assistant.models import Answer, ChatMessage, Filters, RoleMatch
from assistant.slack.responder import Answerer


@dataclass
class Turn:
    messages: list[ChatMessage]
    filters: Filters | None
    answer: Answer


@dataclass
class RecordingChat:
    """Delegates `answer` and `roles` to a chat service and records each answer."""

    inner: Answerer
    turns: list[Turn] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, messages: list[ChatMessage], filters: Filters | None = None) -> Answer:
        answer = self.inner.answer(messages, filters)
        with self._lock:
            self.turns.append(Turn(list(messages), filters, answer))
        return answer

    def roles(self, text: str, filters: Filters, limit: int) -> list[RoleMatch]:
        return self.inner.roles(text, filters, limit)

    def reset(self) -> None:
        with self._lock:
            self.turns.clear()

    def turns_about(self, text: str) -> list[Turn]:
        """Return the recorded turns whose latest message contains `text`."""
        with self._lock:
            return [turn for turn in self.turns if text in turn.messages[-1].content]
