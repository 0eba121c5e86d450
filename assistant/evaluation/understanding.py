"""Scoring understanding: intent accuracy, per-filter precision and recall, topic accuracy."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from assistant.evaluation.golden import FILTER_FIELDS, UnderstandingCase
from assistant.models import Query
from assistant.understand import understand


@dataclass
class FieldCounts:
    """Filter values compared one field at a time: right, set when not wanted or wrong, missed or wrong."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0


@dataclass
class UnderstandingScore:
    cases: int = 0
    follow_ups: int = 0
    intent_correct: int = 0
    topic_cases: int = 0
    topic_correct: int = 0
    fully_correct: int = 0
    fields: dict[str, FieldCounts] = field(default_factory=lambda: {f: FieldCounts() for f in FILTER_FIELDS})
    failures: list[str] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        return self.intent_correct / self.cases if self.cases else 1.0

    @property
    def topic_accuracy(self) -> float:
        return self.topic_correct / self.topic_cases if self.topic_cases else 1.0


def read_case(case: UnderstandingCase) -> Query:
    return understand(case.messages())


def describe_mistakes(case: UnderstandingCase, query: Query) -> list[str]:
    """What the understanding got wrong for one case, one phrase per field; empty when all is right."""
    mistakes = []
    if query.intent != case.intent:
        mistakes.append(f"intent {query.intent.value} (want {case.intent.value})")
    got = query.filters.model_dump(exclude_none=True)
    for name in FILTER_FIELDS:
        if _value(got, name) != _value(case.filters, name):
            mistakes.append(f"{name} {_value(got, name)} (want {_value(case.filters, name)})")
    if case.has_topic and query.topic != case.topic:
        mistakes.append(f"topic {query.topic} (want {case.topic})")
    return mistakes


def score_understanding(cases: list[UnderstandingCase]) -> UnderstandingScore:
    score = UnderstandingScore()
    for case in cases:
        query = read_case(case)
        score.cases += 1
        score.follow_ups += len(case.turns) > 1
        score.intent_correct += query.intent == case.intent
        if case.has_topic:
            score.topic_cases += 1
            score.topic_correct += query.topic == case.topic
        got = query.filters.model_dump(exclude_none=True)
        for name in FILTER_FIELDS:
            _count(score.fields[name], _value(got, name), _value(case.filters, name))
        mistakes = describe_mistakes(case, query)
        if mistakes:
            score.failures.append(f"{case.id}: " + "; ".join(mistakes))
        else:
            score.fully_correct += 1
    return score


def _value(filters: dict[str, Any], name: str) -> Any:
    value = filters.get(name)
    return value.value if isinstance(value, Enum) else value


def _count(counts: FieldCounts, got: Any, want: Any) -> None:
    if got is not None and got == want:
        counts.true_positive += 1
        return
    if got is not None:
        counts.false_positive += 1
    if want is not None:
        counts.false_negative += 1
