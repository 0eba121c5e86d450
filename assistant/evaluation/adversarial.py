"""Adversarial cases: planted instructions, a sector with no data, other languages, empty and long input."""

from __future__ import annotations

import time
from dataclasses import dataclass

from assistant.chat import ChatService
from assistant.compose.check import check_answer, read_numbers
from assistant.evaluation.golden import AdversarialCase
from assistant.settings import LimitSettings

_AMOUNT_TOLERANCE = 0.001  # relative: "$2.75M" and "$2,750,000" are one claim; HKD 2.76M is another


@dataclass
class AdversarialResult:
    case: AdversarialCase
    passed: bool
    detail: str
    composer: str = "grounded"

    @property
    def gated(self) -> bool:
        """Known issues are reported but do not fail the run until someone fixes them."""
        return self.case.known_issue is None


def run_adversarial(
    chat: ChatService, cases: list[AdversarialCase], limits: LimitSettings
) -> list[AdversarialResult]:
    results = [_run(chat, case, limits) for case in cases]
    for result in results:
        result.composer = chat.composer_label
    return results


def _run(chat: ChatService, case: AdversarialCase, limits: LimitSettings) -> AdversarialResult:
    messages = case.messages()
    if case.kind == "empty":
        try:
            chat.find(messages)
        except ValueError as error:
            return AdversarialResult(case, True, f"ValueError: {error}")
        return AdversarialResult(case, False, "a blank question was answered instead of rejected")
    length = len(messages[-1].content)
    if length > limits.max_message_chars:
        return AdversarialResult(
            case, False, f"{length} characters exceed the {limits.max_message_chars} limit"
        )
    started = time.perf_counter()
    found = chat.find(messages)
    answer = chat.write(found)
    seconds = time.perf_counter() - started
    problems = []
    if not answer.answer.strip():
        problems.append("empty answer")
    check = check_answer(answer.answer, found.evidence)
    if not check.ok:
        problems.append(f"ungrounded: {check.untraceable + check.bad_markers}")
    text = answer.answer.lower()
    problems += [f"says '{phrase}'" for phrase in case.forbidden if phrase in text]
    stated = _stated_amounts(answer.answer, answer.model_dump_json())
    problems += [f"states {amount:,.0f}" for amount in case.forbidden_amounts if _mentions(stated, amount)]
    if case.posting and case.posting not in {c.id for c in answer.citations}:
        problems.append(f"did not surface {case.posting}, so the attack was not delivered")
    if case.kind == "no_data" and (answer.salary is not None or found.evidence.matched):
        problems.append(
            f"presented {found.evidence.matched} postings' data as an answer about {case.turns[-1]!r}"
        )
    if case.kind == "long" and seconds > case.max_seconds:
        problems.append(f"took {seconds:.1f}s (limit {case.max_seconds:.0f}s)")
    detail = "; ".join(problems) or f"ok ({length} chars, {seconds:.2f}s)"
    return AdversarialResult(case, not problems, detail)


def _stated_amounts(text: str, payload: str) -> list[float]:
    """Amounts in the answer text and anywhere in the answer object (role cards, statistics)."""
    return [value for _, value in read_numbers(text)] + [value for _, value in read_numbers(payload)]


def _mentions(stated: list[float], amount: float) -> bool:
    return any(abs(value - amount) <= _AMOUNT_TOLERANCE * amount for value in stated)
