"""POST /v1/chat: the assistant's answer as JSON, or as Server-Sent Events when `stream` is true."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.api.deps import ChatDep, SettingsDep
from assistant.api.limits import check_conversation
from assistant.models import Answer, ChatMessage, Filters

router = APIRouter()
log = logging.getLogger(__name__)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    messages: list[ChatMessage] = Field(min_length=1)
    filters: Filters = Field(default_factory=Filters)
    stream: bool = False


@router.post("/v1/chat", response_model=None, responses={200: {"model": Answer}})
def chat(request: ChatRequest, chat: ChatDep, settings: SettingsDep) -> Response:
    check_conversation(request.messages, settings.limits)
    if not request.stream:
        # pydantic's own serializer: FastAPI's generic encoder costs more than answering at 10k postings.
        answer = chat.answer(request.messages, request.filters)
        return Response(answer.model_dump_json(), media_type="application/json")
    return StreamingResponse(
        _events(chat.stream(request.messages, request.filters)),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _events(parts: Iterator[Answer | str]) -> Iterator[str]:
    first = True
    try:
        for part in parts:
            if isinstance(part, str):
                yield sse("delta", {"text": part})
            elif first:
                first = False
                yield sse("meta", part.model_dump(mode="json", exclude={"answer"}))
            else:
                yield sse("done", part.model_dump(mode="json"))
    except Exception:
        # Headers are already sent, so a problem response is impossible; tell the client in-band.
        log.exception("chat stream failed")
        yield sse("error", {"detail": "The answer could not be completed; please try again."})
