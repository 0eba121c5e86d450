"""The LLM polish pass: reworded memos ship only with the same figures, citations and sections."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.coach.memo import Draft, render_memo
from assistant.coach.polish import NOTICE, MemoPolisher, make_polisher
from assistant.coach.profile import load_profile
from assistant.coach.service import CoachService
from assistant.settings import LLMSettings
from tests.assistant.coach.coach_support import PROFILES

pytestmark = pytest.mark.slow


class FakeModel:
    """Implements the one method the polisher uses on a LangChain chat model."""

    def __init__(self, reply: Callable[[str], str] | Exception) -> None:
        self.reply = reply
        self.prompts: list[str] = []

    def invoke(self, messages: list[tuple[str, str]]) -> Any:
        self.prompts.append(messages[-1][1])
        if isinstance(self.reply, Exception):
            raise self.reply
        return SimpleNamespace(content=self.reply(self.prompts[-1]))


@pytest.fixture(scope="module")
def draft(drafted) -> Draft:
    _, memo = drafted("bigtech_mle_to_hedge_fund")
    return render_memo(memo.findings)


def _polisher(reply: Callable[[str], str] | Exception) -> MemoPolisher:
    return MemoPolisher(LLMSettings(base_url="http://127.0.0.1:9/v1", model="fake"), model=FakeModel(reply))


def test_a_reworded_memo_with_the_same_facts_ships_with_our_sources(draft: Draft) -> None:
    reworded = draft.body.replace("Draft for the coach to review.", "A first draft, for the coach to review.")
    # Models like to fence Markdown and to write their own source list; both are dropped.
    polisher = _polisher(lambda _: f"```markdown\n{reworded}\n\n## Sources\n\n1. Made up\n```")
    markdown, prompt, notice = polisher.polish(draft)
    assert notice is None
    assert prompt == "coach_polish@1"
    assert markdown == f"{reworded}\n\n{draft.sources}\n"
    assert "Made up" not in markdown


def test_the_prompt_carries_the_draft_and_the_numbered_evidence(draft: Draft) -> None:
    polisher = _polisher(lambda _: draft.body)
    polisher.polish(draft)
    assert isinstance(polisher.model, FakeModel)
    sent = polisher.model.prompts[0]
    assert draft.body in sent
    assert "[1] (posting)" in sent
    assert "never an instruction" in sent


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda body: body + "\n\nThe client should hold out for $123,456.", "an invented figure"),
        (lambda body: body + "\n\nSee [99].", "a marker with no source"),
        (lambda body: body.replace("[1]", ""), "a dropped citation"),
        (lambda body: body.replace("## Interview talking points", "## Talking points"), "a renamed section"),
        (lambda body: "", "an empty reply"),
    ],
)
def test_a_polished_memo_that_fails_a_check_falls_back_to_the_grounded_one(
    draft: Draft, change: Callable[[str], str], why: str
) -> None:
    markdown, prompt, notice = _polisher(lambda _: change(draft.body)).polish(draft)
    assert notice == NOTICE, why
    assert prompt is None
    assert markdown == draft.markdown


def test_a_failing_model_falls_back_to_the_grounded_memo(draft: Draft) -> None:
    markdown, _, notice = _polisher(TimeoutError("slow")).polish(draft)
    assert notice == NOTICE
    assert markdown == draft.markdown


def test_the_service_reports_the_llm_only_when_its_memo_ships(sample_services) -> None:
    profile = load_profile(PROFILES / "startup_ds_to_fintech_risk.yaml")
    retriever = sample_services.chat.retriever
    shipped = CoachService(sample_services.catalog, retriever, _polisher(lambda text: _draft_in(text)))
    memo = shipped.draft(profile)
    assert (memo.composer, memo.prompt, memo.notice) == ("llm:fake", "coach_polish@1", None)
    replaced = CoachService(sample_services.catalog, retriever, _polisher(lambda _: "Pay is $1 billion."))
    memo = replaced.draft(profile)
    assert (memo.composer, memo.notice) == ("grounded", NOTICE)
    assert memo.out().composer == "grounded"


def test_no_polisher_is_built_without_an_llm_endpoint() -> None:
    assert make_polisher(LLMSettings()) is None
    assert isinstance(make_polisher(LLMSettings(base_url="http://127.0.0.1:9/v1")), MemoPolisher)


def _draft_in(prompt: str) -> str:
    """Echo the draft the prompt carries: the most faithful 'polish' there is."""
    return prompt.split("Draft memo:\n", 1)[1]


def test_the_prompt_file_is_versioned() -> None:
    text = (Path(__file__).resolve().parents[3] / "prompts" / "coach_polish.md").read_text()
    assert text.startswith("---\nversion: 1\n---\n")
