"""Coach fixtures: memos drafted once per test profile over the sample corpus."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.coach.profile import ClientProfile, load_profile
from assistant.coach.service import CoachService, Memo
from assistant.services import Services
from tests.assistant.coach.coach_support import PROFILES


@pytest.fixture(scope="session")
def coach(sample_services: Services) -> CoachService:
    assert sample_services.coach is not None, "build_services wires the coach"
    return sample_services.coach


@pytest.fixture(scope="session")
def drafted(coach: CoachService) -> Callable[[str], tuple[ClientProfile, Memo]]:
    """Draft each profile's memo once per session: drafting embeds a dozen questions."""
    cache: dict[str, tuple[ClientProfile, Memo]] = {}

    def draft(name: str) -> tuple[ClientProfile, Memo]:
        if name not in cache:
            profile = load_profile(PROFILES / f"{name}.yaml")
            cache[name] = (profile, coach.draft(profile))
        return cache[name]

    return draft
