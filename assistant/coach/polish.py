"""The optional LLM pass over a grounded memo: better wording, same facts, or the grounded memo ships."""

from __future__ import annotations

import logging
import re
from typing import Any

from assistant.coach.memo import Draft
from assistant.coach.writing import SECTIONS
from assistant.compose.check import check_answer
from assistant.compose.llm import make_chat_model, number_evidence
from assistant.settings import LLMSettings
from prompts import load_prompt

log = logging.getLogger(__name__)
NOTICE = "The AI-polished memo could not be verified against the data, so this is the data-only memo."
# A memo is several times a chat answer: the chat limits would cut it mid-section or time it out.
MEMO_TOKENS = 3000
MEMO_TIMEOUT_S = 90.0
_MARKER = re.compile(r"\[(\d{1,3})\]")
_FENCE = re.compile(r"^```(?:markdown|md)?\s*\n(?P<body>.*?)\n```\s*$", re.S)


class MemoPolisher:
    """Rewords a grounded memo with an OpenAI-compatible model; `model` may be any object with `invoke`."""

    def __init__(self, settings: LLMSettings, model: Any | None = None) -> None:
        self.settings = settings
        longer = {
            "max_tokens": max(settings.max_tokens, MEMO_TOKENS),
            "timeout_s": max(settings.timeout_s, MEMO_TIMEOUT_S),
        }
        self.model = model or make_chat_model(settings.model_copy(update=longer))
        self.name = f"llm:{settings.model}"
        self.prompt = load_prompt("coach_polish")

    def polish(self, draft: Draft) -> tuple[str, str | None, str | None]:
        """Return (markdown, prompt label, notice): the polished memo if it passes every check."""
        text = self.prompt.render(evidence=number_evidence(draft.evidence), draft=draft.body)
        try:
            reply = self.model.invoke([("human", text)])
        except Exception as error:  # timeouts, refused connections, 5xx: the coach still gets a memo
            log.warning("memo polish failed (%s); using the grounded memo", type(error).__name__)
            return draft.markdown, None, NOTICE
        body = read_body(str(getattr(reply, "content", "") or ""))
        problems = find_problems(body, draft)
        if problems:
            log.info("polished memo rejected: %s", "; ".join(problems))
            return draft.markdown, None, NOTICE
        return f"{body}\n\n{draft.sources}\n", self.prompt.label, None


def read_body(reply: str) -> str:
    """The memo without code fences or a Sources section of the model's own (ours is appended)."""
    text = reply.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group("body").strip()
    return re.split(rf"^##\s+{SECTIONS[-1]}\s*$", text, maxsplit=1, flags=re.M)[0].strip()


def find_problems(body: str, draft: Draft) -> list[str]:
    """Why a polished body cannot ship: untraceable figures, bad or dropped citations, lost sections."""
    if not body:
        return ["empty reply"]
    result = check_answer(body, draft.evidence)
    problems = []
    if result.untraceable:
        problems.append(f"untraceable figures {result.untraceable}")
    if result.bad_markers:
        problems.append(f"unknown markers {result.bad_markers}")
    # Same facts means same sources: a claim whose citation vanished is no longer backed.
    dropped = set(_MARKER.findall(draft.body)) - set(_MARKER.findall(body))
    if dropped:
        problems.append(f"dropped markers {sorted(dropped, key=int)}")
    missing = [name for name in SECTIONS[:-1] if not re.search(rf"^##\s+{re.escape(name)}\s*$", body, re.M)]
    if missing:
        problems.append(f"missing sections {missing}")
    return problems


def make_polisher(settings: LLMSettings) -> MemoPolisher | None:
    """The polisher when an LLM is configured, else None (the grounded memo is the memo)."""
    return MemoPolisher(settings) if settings.enabled else None
