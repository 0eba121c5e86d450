"""Domain types shared by ingest, the store and the assistant: the vocabulary of DESIGN.md."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Sector(StrEnum):
    HEDGE_FUND = "hedge_fund"
    BANK = "bank"
    FINTECH = "fintech"
    ASSET_MANAGER = "asset_manager"
    INSURANCE = "insurance"
    OTHER = "other"


class Level(StrEnum):
    ENTRY = "entry"
    MID = "mid"
    SENIOR = "senior"
    LEAD = "lead"


class Remote(StrEnum):
    REMOTE = "remote"
    HYBRID = "hybrid"
    ONSITE = "onsite"
    UNKNOWN = "unknown"


class Period(StrEnum):
    YEAR = "year"
    MONTH = "month"
    HOUR = "hour"


class SourceKind(StrEnum):
    GREENHOUSE = "greenhouse"
    LEVER = "lever"
    JSONLD = "jsonld"
    CSV = "csv"
    JSONL = "jsonl"
    FAQ = "faq"


LEVEL_ORDER: tuple[Level, ...] = (Level.ENTRY, Level.MID, Level.SENIOR, Level.LEAD)

# Hours and months per year used to annualise; only applied where the period is explicit.
HOURS_PER_YEAR = 2080
MONTHS_PER_YEAR = 12


class Salary(BaseModel):
    """A posted pay range in its own currency and period; never converted between currencies."""

    model_config = ConfigDict(frozen=True)

    min: float = Field(gt=0, description="Lower bound in currency units (not cents).")
    max: float = Field(gt=0, description="Upper bound; equals min for a single figure.")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")
    period: Period = Period.YEAR

    def annual(self) -> tuple[float, float]:
        """Return (min, max) per year; the period is explicit so annualising is unambiguous."""
        factor = {Period.YEAR: 1, Period.MONTH: MONTHS_PER_YEAR, Period.HOUR: HOURS_PER_YEAR}[self.period]
        return self.min * factor, self.max * factor


class Location(BaseModel):
    model_config = ConfigDict(frozen=True)

    city: str | None = None
    region: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code, e.g. US, GB.")
    raw: str = ""

    def label(self) -> str:
        parts = [p for p in (self.city, self.region, self.country) if p]
        return ", ".join(parts) or self.raw or "Unspecified"


class Posting(BaseModel):
    """One normalised job posting, whatever feed it came from."""

    id: str = Field(description="Stable id: '<source kind>:<organisation slug>:<source id>'.")
    source: SourceKind
    source_id: str
    title: str
    company: str
    sector: Sector
    level: Level
    remote: Remote
    location: Location
    skills: list[str] = Field(default_factory=list, description="Canonical skill names.")
    salary: Salary | None = None
    description: str = Field(description="Plain text (HTML already stripped).")
    url: str | None = None
    posted: date | None = None
    valid_through: date | None = None
    origin: str = Field(default="", description="File path or URL the record came from.")

    def content_hash(self) -> str:
        """Hash of everything that affects the stored record (not of where it was read from)."""
        payload = self.model_dump(mode="json", exclude={"origin"})
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]

    def embedding_text(self) -> str:
        """The text we embed: what a searcher would match on, title and skills first."""
        head = f"{self.title} at {self.company} ({self.sector.value.replace('_', ' ')}, {self.level.value})"
        skills = ", ".join(self.skills)
        return f"{head}. {self.location.label()}. Skills: {skills}. {self.description}"


class FaqEntry(BaseModel):
    """One question and its answer from the FAQ knowledge base."""

    id: str = Field(description="Stable id: 'faq:<file stem>:<question slug>'.")
    question: str
    answer: str
    tags: list[str] = Field(default_factory=list)
    origin: str = ""

    def content_hash(self) -> str:
        payload = self.model_dump(mode="json", exclude={"origin"})
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]

    def embedding_text(self) -> str:
        return f"{self.question}\n{self.answer}"


class IngestError(Exception):
    """A record that cannot be ingested, naming where it came from and what is wrong."""

    def __init__(self, file: str, record: str | int | None, field: str | None, reason: str) -> None:
        self.file, self.record, self.field, self.reason = file, record, field, reason
        where = file
        if record is not None:
            where += f" record {record}"
        if field:
            where += f" field '{field}'"
        super().__init__(f"{where}: {reason}")


@dataclass
class IngestReport:
    """What one ingest run did; skipped entries carry the IngestError that explains them."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[IngestError] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "skipped": [
                {"file": e.file, "record": e.record, "field": e.field, "reason": e.reason}
                for e in self.skipped
            ],
        }
