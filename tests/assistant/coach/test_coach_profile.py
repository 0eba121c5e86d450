"""Client profiles: reading YAML/JSON with clear errors, level inference, multi-valued hard filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.coach.profile import ClientProfile, ProfileError, load_profile
from assistant.coach.targets import build_targets, infer_level, levels_to_search
from ingest.models import Level, Location, Posting, Remote, Sector, SourceKind
from tests.assistant.coach.coach_support import PROFILE_NAMES, PROFILES


def _posting(
    remote: Remote = Remote.HYBRID,
    city: str | None = "London",
    country: str | None = "GB",
    sector: Sector = Sector.BANK,
    level: Level = Level.SENIOR,
) -> Posting:
    return Posting(
        id=f"csv:test:{remote.value}-{city}-{country}-{sector.value}-{level.value}",
        source=SourceKind.CSV,
        source_id="1",
        title="ML Engineer",
        company="Example Bank",
        sector=sector,
        level=level,
        remote=remote,
        location=Location(city=city, country=country, raw=city or country or ""),
        description="Build models.",
    )


def _profile(**fields: object) -> ClientProfile:
    return ClientProfile.model_validate({"alias": "client", **fields})


def test_there_are_at_least_four_test_profiles_and_each_loads() -> None:
    assert len(PROFILE_NAMES) >= 4
    for name in PROFILE_NAMES:
        profile = load_profile(PROFILES / f"{name}.yaml")
        assert profile.target_sectors, name
        assert profile.salary_expectation is not None, name


def test_a_json_profile_loads_like_a_yaml_one(tmp_path: Path) -> None:
    path = tmp_path / "client.json"
    path.write_text(json.dumps({"alias": "j", "target_sectors": ["bank"], "remote": "hybrid"}))
    profile = load_profile(path)
    assert profile.target_sectors == [Sector.BANK]
    assert profile.remote == "hybrid"


def test_bad_yaml_names_the_file_and_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("alias: x\nskills: [python, sql\nremote: any\n")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert str(path) in message
    assert "not valid YAML" in message
    assert "line" in message


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (
            "alias: x\nsalary_expectation: {amount: 100000, currency: dollars}\n",
            "salary_expectation.currency",
        ),
        ("alias: x\nyears_experience: -3\n", "years_experience"),
        ("alias: x\ntarget_sectors: [crypto]\n", "target_sectors.0"),
        ("alias: x\nremote: sometimes\n", "remote"),
        ("alias: x\nfavourite_colour: blue\n", "favourite_colour"),
        ("current_role: engineer\n", "alias"),
    ],
)
def test_an_invalid_field_is_named_in_the_error(tmp_path: Path, content: str, field: str) -> None:
    path = tmp_path / "client.yaml"
    path.write_text(content)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert caught.value.field == field
    assert f"{path}: field '{field}'" in str(caught.value)


def test_a_profile_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- alias: x\n")
    with pytest.raises(ProfileError, match="expected a mapping"):
        load_profile(path)


def test_a_missing_file_is_a_profile_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="no such file"):
        load_profile(tmp_path / "nope.yaml")


def test_the_web_form_body_validates_without_years_or_salary() -> None:
    # What assistant/web/static/coach.js readProfile() sends when the optional numbers are left empty.
    body = {
        "alias": "jane-d",
        "current_role": "",
        "skills": ["python", "pytorch"],
        "education": "",
        "target_sectors": ["hedge_fund", "bank"],
        "locations": ["New York", "London"],
        "remote": "any",
        "notes": "",
    }
    profile = ClientProfile.model_validate(body)
    assert profile.years_experience is None
    assert profile.salary_expectation is None
    assert build_targets(profile).levels == ()


def test_currency_codes_are_upper_cased_and_skills_deduplicated() -> None:
    profile = _profile(
        salary_expectation={"amount": 1, "currency": "usd"}, skills=["SQL", " sql ", "SQL", ""]
    )
    assert profile.salary_expectation is not None
    assert profile.salary_expectation.currency == "USD"
    assert profile.skills == ["SQL", "sql"]


@pytest.mark.parametrize(
    ("years", "level"),
    [
        (0, Level.ENTRY),
        (1, Level.ENTRY),
        (1.5, Level.ENTRY),
        (2, Level.MID),
        (4, Level.MID),
        (5, Level.SENIOR),
        (9, Level.SENIOR),
        (10, Level.LEAD),
        (30, Level.LEAD),
        (None, None),
    ],
)
def test_level_is_inferred_from_years_of_experience(years: float | None, level: Level | None) -> None:
    assert infer_level(years) == level


def test_the_search_covers_the_level_and_one_above_and_a_lead_also_sees_senior() -> None:
    assert levels_to_search(Level.ENTRY) == (Level.ENTRY, Level.MID)
    assert levels_to_search(Level.SENIOR) == (Level.SENIOR, Level.LEAD)
    assert levels_to_search(Level.LEAD) == (Level.SENIOR, Level.LEAD)
    assert levels_to_search(None) == ()


@pytest.mark.parametrize(
    ("preference", "accepted"),
    [
        ("any", {Remote.REMOTE, Remote.HYBRID, Remote.ONSITE, Remote.UNKNOWN}),
        ("remote", {Remote.REMOTE}),
        ("hybrid", {Remote.HYBRID, Remote.REMOTE}),
        ("onsite", {Remote.ONSITE, Remote.HYBRID}),
    ],
)
def test_remote_preference_accepts_compatible_policies(preference: str, accepted: set[Remote]) -> None:
    targets = build_targets(_profile(remote=preference))
    fits = {remote for remote in Remote if targets.fits(_posting(remote=remote))}
    assert fits == accepted


def test_a_role_fits_when_it_is_in_any_of_the_locations() -> None:
    targets = build_targets(_profile(locations=["London", "New York"]))
    assert targets.fits(_posting(city="London", country="GB"))
    assert targets.fits(_posting(city="New York", country="US"))
    assert not targets.fits(_posting(city="Chicago", country="US"))
    assert not targets.fits(_posting(city="Singapore", country="SG"))


def test_a_remote_role_fits_when_open_in_the_country_of_a_location() -> None:
    targets = build_targets(_profile(locations=["New York"]))
    assert targets.fits(_posting(remote=Remote.REMOTE, city=None, country="US"))
    assert not targets.fits(_posting(remote=Remote.REMOTE, city=None, country="CA"))
    assert not targets.fits(_posting(remote=Remote.HYBRID, city=None, country="US")), "only remote roles"


def test_a_country_location_covers_its_cities_and_anywhere_lifts_the_filter() -> None:
    assert build_targets(_profile(locations=["UK"])).fits(_posting(city="Glasgow", country="GB"))
    assert build_targets(_profile(locations=["Anywhere"])).fits(_posting(city="Paris", country="FR"))


def test_sectors_are_any_of_and_empty_means_every_sector() -> None:
    targets = build_targets(_profile(target_sectors=["hedge_fund", "bank"]))
    assert targets.fits(_posting(sector=Sector.BANK))
    assert targets.fits(_posting(sector=Sector.HEDGE_FUND))
    assert not targets.fits(_posting(sector=Sector.FINTECH))
    assert build_targets(_profile()).fits(_posting(sector=Sector.INSURANCE))
