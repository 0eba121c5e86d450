"""The LLM composer: an OpenAI-compatible model rewords the grounded draft; the check decides if it ships."""

from __future__ import annotations

import logging
from typing import Any

from pydantic import SecretStr

from assistant.compose.check import check_answer
from assistant.compose.evidence import Evidence
from assistant.compose.money import format_money
from assistant.settings import LLMSettings
from prompts import load_prompt

log = logging.getLogger(__name__)
NOTICE = "The AI-written answer could not be verified against the data, so this is the data-only answer."


def make_chat_model(settings: LLMSettings) -> Any:
    """Factory for the chat model: langchain-openai against any OpenAI-compatible endpoint."""
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as error:  # pragma: no cover - a core dependency, but say what to install
        raise RuntimeError("the LLM composer needs langchain-openai: pip install langchain-openai") from error
    return ChatOpenAI(
        model=settings.model,
        # Local servers (llama.cpp, Ollama, vLLM) ignore the key, but the client insists on one.
        api_key=SecretStr(settings.api_key or "not-needed"),
        base_url=settings.base_url,
        timeout=settings.timeout_s,
        max_retries=0,  # a slow or failing LLM falls back to the grounded answer instead of piling up
        max_tokens=settings.max_tokens,  # type: ignore[call-arg]  # a field the stubs do not show
        temperature=settings.temperature,
    )


class LLMComposer:
    def __init__(self, settings: LLMSettings, model: Any | None = None) -> None:
        self.settings = settings
        self.model = model or make_chat_model(settings)
        self.name = f"llm:{settings.model}"
        self.system = load_prompt("answer_system")
        self.user = load_prompt("answer_user")

    def compose(self, evidence: Evidence, grounded_text: str) -> tuple[str, str | None, str | None]:
        """Return the LLM's answer when it passes the check, else the grounded text with a notice."""
        label = f"{self.system.label}+{self.user.label}"
        messages = [
            ("system", self.system.text),
            (
                "human",
                self.user.render(
                    question=evidence.query.text,
                    facts=describe_facts(evidence),
                    evidence=number_evidence(evidence),
                    draft=grounded_text,
                ),
            ),
        ]
        try:
            reply = self.model.invoke(messages)
        except Exception as error:  # timeouts, refused connections, 5xx: the user still gets an answer
            log.warning("LLM composer failed (%s); using the grounded answer", type(error).__name__)
            return grounded_text, None, NOTICE
        text = str(getattr(reply, "content", "") or "").strip()
        result = check_answer(text, evidence)
        if not text or not result.ok:
            log.info(
                "LLM answer rejected: untraceable %s, bad markers %s", result.untraceable, result.bad_markers
            )
            return grounded_text, None, NOTICE
        return text, label, None


def describe_facts(evidence: Evidence) -> str:
    lines = [f"- Matching postings: {evidence.matched} (of {evidence.available} current postings)"]
    stats = evidence.salary
    if stats is not None:
        for block in stats.by_currency:
            money = block.currency
            lines.append(
                f"- Annual salary in {money} from {block.count} posted ranges: "
                f"median {format_money(block.median, money)}, "
                f"min {format_money(block.min, money)}, max {format_money(block.max, money)}, "
                f"middle half {format_money(block.p25, money)}–{format_money(block.p75, money)}"
            )
    else:
        lines.append("- No posted salary ranges match.")
    if evidence.top_skills:
        lines.append(
            "- Most requested skills (postings asking): "
            + ", ".join(f"{skill} ({count})" for skill, count in evidence.top_skills)
        )
    return "\n".join(lines)


def number_evidence(evidence: Evidence) -> str:
    blocks = []
    for number, citation in enumerate(evidence.citations, start=1):
        blocks.append(f"[{number}] ({citation.kind}) {citation.title}\n<<<\n{citation.snippet}\n>>>")
    return "\n\n".join(blocks) or "(none)"
