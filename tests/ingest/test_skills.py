"""Tests for the skill vocabulary and extracting canonical skills from text."""

from __future__ import annotations

import pytest

from ingest.normalise.skills import SKILLS, canonical_skill, canonical_skills, extract_skills


def test_skill_vocabulary_covers_ml_in_finance_hiring() -> None:
    assert len(SKILLS) >= 70
    for name in ("Python", "C++", "PyTorch", "SR 11-7", "VaR", "expected shortfall", "market microstructure"):
        assert name in SKILLS


def test_skill_aliases_belong_to_exactly_one_canonical_name() -> None:
    seen: dict[str, str] = {}
    for name, aliases in SKILLS.items():
        for alias in {name.casefold(), *(a.casefold() for a in aliases)}:
            assert seen.setdefault(alias, name) == name, alias


def test_skills_are_returned_canonical_in_vocabulary_order() -> None:
    text = "Experience with PyTorch, sklearn and Python3; time-series forecasting and Monte-Carlo methods."
    assert extract_skills(text) == ["Python", "PyTorch", "scikit-learn", "time series", "Monte Carlo"]


def test_skills_match_cpp_and_other_symbols_outside_word_boundaries() -> None:
    assert extract_skills("Modern C++ (C++17), kdb+/q and A/B testing") == ["C++", "kdb+/q", "A/B testing"]


def test_skills_match_finance_domain_terms() -> None:
    text = (
        "Own SR 11-7 model validation, VaR and CVaR, credit risk scorecards and anti-money laundering models."
    )
    assert extract_skills(text) == [
        "SR 11-7",
        "model validation",
        "VaR",
        "expected shortfall",
        "credit risk",
        "AML",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Go to market with our partners and go live fast.",
        "Ready, set, Go!",
        "Intel(R) hardware and R&D budget",
        "JavaScript front-end work",
        "We spark curiosity in the value of every var and the lime tree.",
        "We love to explore new rust belt markets.",
    ],
)
def test_skills_do_not_match_ordinary_words(text: str) -> None:
    assert extract_skills(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python, Go, and Rust", ["Python", "Rust", "Go"]),
        ("Golang microservices", ["Go"]),
        ("Python/R or SQL", ["Python", "R", "SQL"]),
        ("Python, R, MATLAB", ["Python", "R", "MATLAB"]),
    ],
)
def test_skills_match_go_and_r_only_inside_technology_lists(text: str, expected: list[str]) -> None:
    assert extract_skills(text) == [name for name in SKILLS if name in expected]


def test_canonical_skill_resolves_aliases_case_insensitively() -> None:
    assert canonical_skill("golang") == "Go"
    assert canonical_skill("Sklearn") == "scikit-learn"
    assert canonical_skill("  Time   Series ") == "time series"
    assert canonical_skill("quant vibes") is None


def test_canonical_skills_drops_unknown_tags_and_repeats() -> None:
    assert canonical_skills(["pytorch", "Python", "PyTorch", "Quant"]) == ["Python", "PyTorch"]
