"""The feed-neutral shape loaders fill in before normalisation turns it into a Posting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ingest.models import Level, Remote, Salary, Sector, SourceKind


@dataclass(frozen=True)
class FeedOptions:
    """What the operator told us about a whole feed (`--company`, `--sector`)."""

    company: str | None = None
    sector: Sector | None = None


@dataclass
class RawPosting:
    """One record as a loader read it: feed fields mapped, nothing inferred yet.

    Structured hints (`remote`, `level`, `salary`, city/region/country) win over what
    normalisation would infer from free text.
    """

    origin: str
    record: str | int
    source: SourceKind
    source_id: str
    title: str
    company: str
    description: str  # HTML or plain text
    location_text: str = ""
    city: str | None = None
    region: str | None = None
    country: str | None = None
    remote: Remote | None = None
    remote_hint: str = ""  # e.g. Lever workplaceType, "TELECOMMUTE"
    level: Level | None = None
    level_hint: str = ""  # e.g. Lever categories.level, schema.org experienceRequirements
    sector: Sector | None = None
    salary: Salary | None = None
    salary_text: str = ""  # free text that may carry a range when no structured salary exists
    skills_hint: list[str] | None = None
    department: str = ""
    url: str | None = None
    posted: date | None = None
    valid_through: date | None = None
