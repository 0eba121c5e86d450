"""The golden sets in tests/golden: labelled questions, filter combinations, adversarial cases, extra feed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.models import ChatMessage, Filters, Intent

GOLDEN_DIR = Path(__file__).resolve().parents[2] / "tests" / "golden"
EXTRA_FEED = GOLDEN_DIR / "feed" / "injected_postings.jsonl"
SAMPLE_DATA = Path(__file__).resolve().parents[2] / "ingest" / "sample_data"
FILTER_FIELDS = ("sector", "level", "remote", "location", "min_salary", "currency")


@dataclass(frozen=True)
class UnderstandingCase:
    """A conversation's user turns and the intent, filters and (optional) topic its last turn gives."""

    id: str
    turns: tuple[str, ...]
    intent: Intent
    filters: dict[str, Any]
    topic: str | None = None
    has_topic: bool = False  # topic is only scored where it was labelled
    note: str = ""
    known_failure: str | None = None

    def messages(self) -> list[ChatMessage]:
        return conversation(self.turns)


@dataclass(frozen=True)
class RetrievalCase:
    """A question and the postings and FAQ entries a reader judged relevant to it."""

    id: str
    question: str
    postings: tuple[str, ...]
    faq: tuple[str, ...]


@dataclass(frozen=True)
class SalaryCase:
    id: str
    filters: Filters


@dataclass(frozen=True)
class AdversarialCase:
    """An attack or awkward input, and what a safe answer must (not) contain."""

    id: str
    kind: str  # injection | no_data | non_english | empty | long
    turns: tuple[str, ...]
    posting: str | None = None  # the planted posting the answer should surface, so the attack is delivered
    forbidden: tuple[str, ...] = ()
    forbidden_amounts: tuple[float, ...] = ()
    pad_to: int = 0
    padding: str = ""
    max_seconds: float = 10.0
    known_issue: str | None = None  # reported, not gated, until fixed
    note: str = ""

    def messages(self) -> list[ChatMessage]:
        turns = list(self.turns)
        if self.pad_to and self.padding:
            filler = self.padding * (self.pad_to // len(self.padding) + 1)
            turns[-1] = filler[: max(self.pad_to - len(turns[-1]) - 1, 0)].rstrip() + " " + turns[-1]
        return conversation(tuple(turns))


def conversation(turns: tuple[str, ...]) -> list[ChatMessage]:
    """User turns with a placeholder assistant reply between them, as clients send history."""
    messages: list[ChatMessage] = []
    for turn in turns:
        if messages:
            messages.append(ChatMessage(role="assistant", content="(previous answer)"))
        messages.append(ChatMessage(role="user", content=turn))
    return messages


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_understanding(path: Path = GOLDEN_DIR / "understanding.jsonl") -> list[UnderstandingCase]:
    return [
        UnderstandingCase(
            id=row["id"],
            turns=tuple(row["turns"]),
            intent=Intent(row["intent"]),
            filters=Filters.model_validate(row.get("filters", {})).model_dump(exclude_none=True),
            topic=row.get("topic"),
            has_topic="topic" in row,
            note=row.get("note", ""),
            known_failure=row.get("known_failure"),
        )
        for row in read_jsonl(path)
    ]


def load_retrieval(path: Path = GOLDEN_DIR / "retrieval.jsonl") -> list[RetrievalCase]:
    return [
        RetrievalCase(row["id"], row["question"], tuple(row.get("postings", [])), tuple(row.get("faq", [])))
        for row in read_jsonl(path)
    ]


def load_salary_cases(path: Path = GOLDEN_DIR / "salary_filters.jsonl") -> list[SalaryCase]:
    return [SalaryCase(row["id"], Filters.model_validate(row["filters"])) for row in read_jsonl(path)]


def load_adversarial(path: Path = GOLDEN_DIR / "adversarial.jsonl") -> list[AdversarialCase]:
    return [
        AdversarialCase(
            id=row["id"],
            kind=row["kind"],
            turns=tuple(row["turns"]),
            posting=row.get("posting"),
            forbidden=tuple(s.lower() for s in row.get("forbidden", [])),
            forbidden_amounts=tuple(float(a) for a in row.get("forbidden_amounts", [])),
            pad_to=int(row.get("pad_to", 0)),
            padding=row.get("padding", ""),
            max_seconds=float(row.get("max_seconds", 10.0)),
            known_issue=row.get("known_issue"),
            note=row.get("note", ""),
        )
        for row in read_jsonl(path)
    ]
