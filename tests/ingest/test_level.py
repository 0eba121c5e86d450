"""Tests for inferring experience level from title, feed hint and description."""

from __future__ import annotations

import pytest

from ingest.models import Level
from ingest.normalise.level import infer_level, level_for_years, read_years_of_experience

E, MID, S, L = Level.ENTRY, Level.MID, Level.SENIOR, Level.LEAD

CASES = [
    # (title, hint, description, expected)
    ("Quantitative Research Intern", "", "", E),
    ("Summer Analyst - Machine Learning", "", "", E),
    ("New Grad Software Engineer, ML", "", "", E),
    ("Junior Quant Developer", "", "", E),
    ("Associate Data Scientist", "", "", E),
    ("Analyst, Data Science", "", "", E),
    ("Machine Learning Engineer I", "", "", E),
    ("Machine Learning Engineer", "", "", MID),
    ("Machine Learning Engineer - Associate", "", "", MID),
    ("AVP, Fraud Analytics", "", "", MID),
    ("Machine Learning Engineer II", "", "", MID),
    ("Senior Machine Learning Engineer", "", "", S),
    ("Sr. Data Scientist", "", "", S),
    ("Staff ML Engineer", "", "", S),
    ("Vice President, Model Risk", "", "", S),
    ("VP - Quant Research", "", "", S),
    ("Software Engineer III, ML Platform", "", "", S),
    ("Principal Associate, Data Science", "", "", S),
    ("Senior Associate, Quant Research", "", "", S),
    ("Lead Data Scientist", "", "", L),
    ("Principal Quant Researcher", "", "", L),
    ("Head of Machine Learning", "", "", L),
    ("Director of Data Science", "", "", L),
    ("Executive Director, AI", "", "", L),
    ("Engineering Manager, ML Platform", "", "", L),
    ("Product Manager, AI", "", "", MID),
    ("AI Engineer", "", "", MID),
    ("Machine Learning Engineer", "Senior", "", S),
    ("Machine Learning Engineer", "Entry Level", "", E),
    ("Machine Learning Engineer", "Mid-Senior level", "", MID),
    ("Machine Learning Engineer", "3+ years", "", MID),
    ("Machine Learning Engineer", "60", "", S),  # schema.org monthsOfExperience
    ("Data Scientist", "no experience required", "", E),
    ("Data Scientist", "", "You have 5+ years of experience building models.", S),
    ("Data Scientist", "", "At least three years of experience in Python.", MID),
    ("Data Scientist", "", "Founded 20 years ago. You have 1-2 years of industry experience.", E),
    ("Data Scientist", "", "We have been in business for 25 years.", MID),
    ("Data Scientist", "", "15+ years of professional experience leading teams.", S),
    ("Quant Analyst", "", "7+ years experience in systematic trading.", S),
    ("Senior Data Scientist", "", "1+ years of experience.", S),
]


@pytest.mark.parametrize(("title", "hint", "description", "expected"), CASES)
def test_level_reads_title_then_hint_then_years(
    title: str, hint: str, description: str, expected: Level
) -> None:
    assert infer_level(title, hint, description) is expected


@pytest.mark.parametrize(("years", "expected"), [(0, E), (1, E), (2, MID), (4, MID), (5, S), (12, S)])
def test_level_for_years_never_reaches_lead(years: float, expected: Level) -> None:
    assert level_for_years(years) is expected


def test_years_of_experience_takes_the_lower_end_of_a_range() -> None:
    assert read_years_of_experience("3 to 5 years of relevant work experience") == 3


def test_years_of_experience_ignores_company_history() -> None:
    assert read_years_of_experience("Trading for 30 years across 12 offices.") is None
