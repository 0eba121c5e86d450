"""Scoring composed answers: numbers traceable, citation markers resolving, roles inside the hard filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assistant.chat import ChatService
from assistant.compose.check import check_answer
from assistant.evaluation.salaries import passes_filters
from assistant.models import ChatMessage
from ingest.models import Posting


@dataclass
class GroundingScore:
    """Totals over many answers from one composer."""

    composer: str
    answers: int = 0
    numbers: int = 0
    markers: int = 0
    roles: int = 0
    kept: int = 0  # answers the composer's own text shipped (the LLM composer falls back when unverified)
    untraceable: list[str] = field(default_factory=list)
    bad_markers: list[str] = field(default_factory=list)
    off_filter: list[str] = field(default_factory=list)

    @property
    def traceable_share(self) -> float:
        return 1 - len(self.untraceable) / self.numbers if self.numbers else 1.0

    @property
    def markers_share(self) -> float:
        return 1 - len(self.bad_markers) / self.markers if self.markers else 1.0

    @property
    def compliance_share(self) -> float:
        return 1 - len(self.off_filter) / self.roles if self.roles else 1.0

    @property
    def kept_share(self) -> float:
        return self.kept / self.answers if self.answers else 1.0


def score_answers(
    chat: ChatService,
    conversations: list[tuple[str, list[ChatMessage]]],
    postings: dict[str, Posting],
    today: date | None = None,
) -> GroundingScore:
    """Answer every conversation and check the text against the evidence it was written from."""
    today = today or date.today()
    score = GroundingScore(chat.composer_label)
    for case_id, messages in conversations:
        found = chat.find(messages)
        answer = chat.write(found)
        result = check_answer(answer.answer, found.evidence)
        score.answers += 1
        score.kept += answer.notice is None
        score.numbers += result.numbers
        score.markers += result.markers
        score.untraceable += [f"{case_id}: {written}" for written in result.untraceable]
        score.bad_markers += [f"{case_id}: {marker}" for marker in result.bad_markers]
        for role in answer.roles:
            score.roles += 1
            posting = postings.get(role.id)
            if posting is None or not passes_filters(posting, found.query.filters, today):
                applied = found.query.filters.active()
                score.off_filter.append(f"{case_id}: {role.id} outside {applied}")
    return score
