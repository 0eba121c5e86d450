"""POST /v1/chat/completions and GET /v1/models: the assistant behind the OpenAI chat API shape."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.api.deps import ChatDep, SettingsDep
from assistant.api.errors import ProblemError
from assistant.api.limits import check_conversation
from assistant.models import Answer, ChatMessage

MODEL = "careers-assistant"
router = APIRouter()
log = logging.getLogger(__name__)


class OpenAIMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "user", "assistant", "developer", "tool"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return " ".join(str(part.get("text", "")) for part in self.content if part.get("type") == "text")
        return self.content or ""


class CompletionRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, top_p, … are accepted and ignored

    model: str = MODEL
    messages: list[OpenAIMessage] = Field(min_length=1)
    stream: bool = False


@router.get("/v1/models")
def models() -> dict[str, object]:
    return {
        "object": "list",
        "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "finml-careers"}],
    }


@router.post("/v1/chat/completions", response_model=None)
def completions(
    request: CompletionRequest, chat: ChatDep, settings: SettingsDep
) -> dict[str, Any] | StreamingResponse:
    # System and tool messages are the client's plumbing; they do not get to change our behaviour.
    messages = [
        ChatMessage(role="user" if m.role == "user" else "assistant", content=m.text())
        for m in request.messages
        if m.role in ("user", "assistant")
    ]
    if not messages:
        raise ProblemError(422, "No question", "Send at least one user message.")
    check_conversation(messages, settings.limits)
    completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    created = int(time.time())
    if request.stream:
        return StreamingResponse(
            _chunks(chat.stream(messages), completion_id, created), media_type="text/event-stream"
        )
    answer = chat.answer(messages)
    content = with_sources(answer)
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": created,
        "model": MODEL,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


def with_sources(answer: Answer) -> str:
    """The answer plus its numbered sources, so a plain chat UI still shows what `[n]` points at."""
    return answer.answer + _sources(answer)


def _sources(answer: Answer) -> str:
    if not answer.citations:
        return ""
    lines = [
        f"[{n}] {c.title}" + (f" — {c.url}" if c.url else "") for n, c in enumerate(answer.citations, start=1)
    ]
    return "\n\nSources:\n" + "\n".join(lines)


def _chunks(parts: Iterator[Answer | str], completion_id: str, created: int) -> Iterator[str]:
    def chunk(delta: dict[str, str], finish: str | None = None) -> str:
        body = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": MODEL,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    first = True
    try:
        for part in parts:
            if isinstance(part, str):
                yield chunk({"content": part})
            elif first:
                first = False
                yield chunk({"role": "assistant", "content": ""})
            else:
                if part.citations:
                    yield chunk({"content": _sources(part)})
                yield chunk({}, "stop")
    except Exception:
        # Headers are already sent; say so in-band, as the chat stream does, and end the stream cleanly.
        log.exception("chat completion stream failed")
        yield chunk({"content": "\n\n(The answer could not be completed; please try again.)"}, "stop")
    yield "data: [DONE]\n\n"
