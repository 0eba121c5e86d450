"""The coach service: one client profile in, one cited advice memo out, for HTTP, CLI and the web page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, Field

from assistant.coach.findings import Findings, Verdict, gather_findings
from assistant.coach.memo import render_memo
from assistant.coach.polish import MemoPolisher
from assistant.coach.profile import ClientProfile
from assistant.coach.targets import build_targets
from assistant.compose.evidence import Evidence
from assistant.compose.grounded import NAME as GROUNDED
from assistant.index import CatalogHolder
from assistant.models import Citation, RoleMatch, SalaryStats
from assistant.retrieval import Retriever


class MemoOut(BaseModel):
    """`POST /v1/coach/draft` response: DESIGN.md's four fields plus who wrote the wording."""

    markdown: str
    roles: list[RoleMatch]
    salary: SalaryStats | None
    citations: list[Citation]
    composer: str = Field(description="'grounded' or 'llm:<model>'.")
    notice: str | None = Field(default=None, description="Set when the polished memo was replaced.")


@dataclass
class Memo:
    markdown: str
    findings: Findings
    evidence: Evidence
    composer: str
    prompt: str | None = None
    notice: str | None = None

    @property
    def verdict(self) -> Verdict | None:
        comparison = self.findings.comparison
        return comparison.verdict if comparison else None

    def out(self) -> MemoOut:
        return MemoOut(
            markdown=self.markdown,
            roles=self.findings.roles,
            salary=self.findings.stats,
            citations=self.evidence.citations,
            composer=self.composer,
            notice=self.notice,
        )


class CoachService:
    def __init__(
        self, catalog: CatalogHolder, retriever: Retriever, polisher: MemoPolisher | None = None
    ) -> None:
        self.catalog = catalog
        self.retriever = retriever
        self.polisher = polisher

    def draft(self, profile: ClientProfile, today: date | None = None) -> Memo:
        """Write the grounded memo; with an LLM configured, ship its wording only if it checks out."""
        targets = build_targets(profile)
        findings = gather_findings(self.catalog.get(), self.retriever, profile, targets, today)
        draft = render_memo(findings)
        memo = Memo(draft.markdown, findings, draft.evidence, GROUNDED)
        if self.polisher is None:
            return memo
        markdown, prompt, notice = self.polisher.polish(draft)
        memo.markdown, memo.prompt, memo.notice = markdown, prompt, notice
        memo.composer = GROUNDED if notice else self.polisher.name
        return memo
