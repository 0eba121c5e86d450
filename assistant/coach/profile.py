"""The client profile a coach describes (JSON body, YAML file or the web form) and how it is read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ingest.models import Sector

RemotePreference = Literal["remote", "hybrid", "onsite", "any"]


class SalaryExpectation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: float = Field(gt=0, le=100_000_000, description="Annual amount the client expects.")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. USD, GBP.")

    @field_validator("currency", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        # "usd" is an obvious spelling of USD; anything else still has to match the ISO pattern.
        return value.strip().upper() if isinstance(value, str) else value


class ClientProfile(BaseModel):
    """One client. Empty `target_sectors` or `locations` mean "no preference", not "nothing fits"."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    alias: str = Field(min_length=1, max_length=60, description="A name the coach uses; not a real name.")
    current_role: str = Field(default="", max_length=120)
    years_experience: float | None = Field(
        default=None, ge=0, le=60, description="Years of relevant work; sets the level searched."
    )
    skills: list[str] = Field(default_factory=list, max_length=60)
    education: str = Field(default="", max_length=200)
    target_sectors: list[Sector] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list, max_length=10)
    remote: RemotePreference = "any"
    salary_expectation: SalaryExpectation | None = None
    notes: str = Field(default="", max_length=2000)

    @field_validator("skills", "locations")
    @classmethod
    def _drop_blanks(cls, values: list[str]) -> list[str]:
        cleaned = [" ".join(v.split()) for v in values]
        if any(len(v) > 80 for v in cleaned):
            raise ValueError("each entry must be at most 80 characters")
        # Keep the client's order but drop repeats, so the memo never lists a skill twice.
        return list(dict.fromkeys(v for v in cleaned if v))

    @field_validator("target_sectors")
    @classmethod
    def _unique_sectors(cls, values: list[Sector]) -> list[Sector]:
        return list(dict.fromkeys(values))


class ProfileError(Exception):
    """A profile file that cannot be used, naming the file, the field and what to change."""

    def __init__(self, file: str, field: str | None, reason: str) -> None:
        self.file, self.field, self.reason = file, field, reason
        where = f"{file}: field '{field}'" if field else file
        super().__init__(f"{where}: {reason}")


def load_profile(path: Path) -> ClientProfile:
    """Read a YAML or JSON profile file; raise ProfileError naming the first bad field."""
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(name, None, "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(name, None, f"cannot read the file ({error})") from None
    data = _parse(name, raw, json_only=path.suffix.lower() == ".json")
    if not isinstance(data, dict):
        raise ProfileError(name, None, "expected a mapping of profile fields (alias, skills, ...)")
    return validate_profile(name, data)


def validate_profile(name: str, data: dict[str, Any]) -> ClientProfile:
    try:
        return ClientProfile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or None
        more = len(error.errors()) - 1
        reason = first["msg"] + (
            f" (and {more} more {'problem' if more == 1 else 'problems'})" if more else ""
        )
        raise ProfileError(name, field, reason) from None


def _parse(name: str, raw: str, json_only: bool) -> Any:
    if json_only:
        try:
            return json.loads(raw)
        except json.JSONDecodeError as error:
            raise ProfileError(name, None, f"not valid JSON (line {error.lineno}: {error.msg})") from None
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ProfileError(name, None, f"not valid YAML ({where}{problem})") from None
