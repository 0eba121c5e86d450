"""Tests for inferring remote policy from feed hints, location lines and descriptions."""

from __future__ import annotations

import pytest

from ingest.models import Remote
from ingest.normalise.remote import infer_remote

R, HY, ON, U = Remote.REMOTE, Remote.HYBRID, Remote.ONSITE, Remote.UNKNOWN

CASES = [
    # (hint, location_text, description, expected)
    ("remote", "", "", R),
    ("hybrid", "", "", HY),
    ("onsite", "", "", ON),
    ("on-site", "", "", ON),
    ("TELECOMMUTE", "", "", R),
    ("unspecified", "", "We are a remote-first company.", R),
    ("", "Remote - US", "", R),
    ("", "New York, NY (Hybrid)", "", HY),
    ("", "London (On-site)", "", ON),
    ("", "London", "This is a fully remote role.", R),
    ("", "", "You will work 3 days a week in the office.", HY),
    ("", "", "You will be in the office 4 days per week.", HY),
    ("", "", "Our team works five days a week in the office.", ON),
    ("", "", "This role is not remote.", ON),
    ("", "", "No remote work is possible; you will be on-site in Chicago.", ON),
    ("", "", "This position is not fully remote.", HY),
    ("", "", "We are remote-first, but this role is hybrid.", HY),
    ("", "", "Work from home is supported.", R),
    ("", "", "Remote team members across the globe collaborate on research.", U),
    ("", "Chicago, IL", "Great pay and a gym.", U),
    ("hybrid", "Remote - US", "fully remote", HY),
    ("", "", "", U),
]


@pytest.mark.parametrize(("hint", "location", "description", "expected"), CASES)
def test_remote_reads_hint_then_location_then_text(
    hint: str, location: str, description: str, expected: Remote
) -> None:
    assert infer_remote(hint, location, description) is expected
