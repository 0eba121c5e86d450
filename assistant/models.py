"""The assistant's domain types: what a question asks for and what an answer carries."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.models import Level, Remote, Sector


class Intent(StrEnum):
    SALARY = "salary"
    TRANSITION = "transition"
    ROLES = "roles"
    GENERAL = "general"


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str


class Filters(BaseModel):
    """Hard filters: a role outside them is never recommended nor counted in salary statistics."""

    model_config = ConfigDict(extra="forbid")

    sector: Sector | None = None
    level: Level | None = None
    remote: Remote | None = None
    location: str | None = Field(default=None, max_length=80, description="City, region or ISO country code.")
    min_salary: float | None = Field(
        default=None, ge=0, le=100_000_000, description="Annual floor, in `currency` (never converted)."
    )
    currency: str | None = Field(
        default=None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code for min_salary; USD when unset."
    )

    def merged(self, newer: Filters) -> Filters:
        """Return these filters with every field set in `newer` taking its place."""
        return self.model_copy(update=newer.model_dump(exclude_none=True))

    def active(self) -> dict[str, object]:
        return self.model_dump(mode="json", exclude_none=True)


class Query(BaseModel):
    """What the understanding step made of the conversation."""

    text: str = Field(description="The latest user message.")
    search_text: str = Field(description="What retrieval should look for (topic carried across turns).")
    intent: Intent
    filters: Filters
    topic: str | None = Field(default=None, description="Role topic, e.g. 'NLP', 'fraud', 'quant developer'.")
    skills: list[str] = Field(default_factory=list, description="Skills the asker mentioned wanting.")
    background: list[str] = Field(default_factory=list, description="Skills the asker says they have.")
    background_role: str | None = None


class Citation(BaseModel):
    id: str
    kind: Literal["posting", "faq"]
    title: str
    url: str | None = None
    snippet: str


class SalaryOut(BaseModel):
    min: float
    max: float
    currency: str
    period: str = "year"


class RoleMatch(BaseModel):
    id: str
    title: str
    company: str
    sector: Sector
    level: Level
    remote: Remote
    location: str
    salary: SalaryOut | None = None
    url: str | None = None
    score: float
    why: list[str] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list, description="Skills asked for that the asker did not list.")
    skills: list[str] = Field(default_factory=list)


class CurrencyStats(BaseModel):
    currency: str
    count: int
    min: float
    p25: float
    median: float
    p75: float
    max: float
    posting_ids: list[str]


class SalaryStats(CurrencyStats):
    """Annual salary statistics over every matching posting, one block per currency (never mixed).

    The top-level figures describe the currency with the most postings; `by_currency` has them all.
    """

    by_currency: list[CurrencyStats]
    matched_postings: int = Field(description="Postings that matched, with or without a posted salary.")


class Answer(BaseModel):
    answer: str
    intent: Intent
    citations: list[Citation]
    roles: list[RoleMatch]
    salary: SalaryStats | None
    filters: dict[str, object]
    suggestions: list[str]
    composer: str
    prompt: str | None = Field(default=None, description="Name@version of the prompt that wrote the answer.")
    notice: str | None = Field(default=None, description="Set when the LLM answer was replaced.")
