"""Tests for inferring a company's sector from known firms and keywords."""

from __future__ import annotations

import pytest

from ingest.models import Sector
from ingest.normalise.sector import infer_sector, normalise_company

HF, B, F, AM, INS, OTH = (
    Sector.HEDGE_FUND,
    Sector.BANK,
    Sector.FINTECH,
    Sector.ASSET_MANAGER,
    Sector.INSURANCE,
    Sector.OTHER,
)

KNOWN_FIRMS = [
    ("Citadel LLC", HF),
    ("Citadel Securities", HF),
    ("D. E. Shaw & Co., L.P.", HF),
    ("Two Sigma", HF),
    ("Jane Street", HF),
    ("Hudson River Trading LLC", HF),
    ("Man Group plc", HF),
    ("G-Research", HF),
    ("JPMorgan Chase & Co.", B),
    ("J.P. Morgan", B),
    ("Goldman Sachs Group, Inc.", B),
    ("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale", B),
    ("Lloyds Banking Group", B),
    ("Capital One", B),
    ("Stripe", F),
    ("Block, Inc.", F),
    ("Checkout.com", F),
    ("Nubank", F),
    ("FICO", F),
    ("BlackRock", AM),
    ("T. Rowe Price", AM),
    ("JPMorgan Asset Management", AM),
    ("Allianz Global Investors", AM),
    ("Allianz", INS),
    ("Lloyd's of London", INS),
    ("The Hartford", INS),
    ("Zurich Insurance Group", INS),
    ("Manulife Financial", INS),
]


@pytest.mark.parametrize(("company", "expected"), KNOWN_FIRMS)
def test_sector_knows_well_known_firms_whatever_the_legal_suffix(company: str, expected: Sector) -> None:
    assert infer_sector(company) is expected


KEYWORD_CASES = [
    ("Acme Capital Management", "", HF),
    ("Acme Trading LLC", "", HF),
    ("Acme", "A systematic trading firm running a multi-strategy hedge fund.", HF),
    ("First Example Bank", "", B),
    ("Acme", "Join our investment banking division.", B),
    ("Acme", "Our claims and underwriting teams use actuarial models.", INS),
    ("Acme Mutual Insurance", "", INS),
    ("Acme", "A global asset management and wealth management firm.", AM),
    ("Acme", "We are a payments company building a lending platform.", F),
    ("Acme", "A leading digital bank for freelancers.", F),
    ("Acme", "We build ML for grocery retail.", OTH),
    ("Block Renovation", "We renovate bathrooms.", OTH),
]


@pytest.mark.parametrize(("company", "text", "expected"), KEYWORD_CASES)
def test_sector_falls_back_to_keywords_in_name_and_text(company: str, text: str, expected: Sector) -> None:
    assert infer_sector(company, text) is expected


def test_sector_keywords_never_override_a_known_firm() -> None:
    assert infer_sector("Goldman Sachs", "We serve hedge fund clients with insurance products.") is B


def test_company_names_fold_case_punctuation_and_legal_suffixes() -> None:
    assert normalise_company("  D.E. Shaw & Co., L.P. ") == "de shaw"
    assert normalise_company("JPMorgan Chase & Co.") == "jpmorgan chase"
