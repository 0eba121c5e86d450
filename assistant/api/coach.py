"""POST /v1/coach/draft: a client profile in, a cited advice memo out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from assistant.api.deps import ServicesDep
from assistant.coach.profile import ClientProfile
from assistant.coach.service import CoachService, MemoOut

router = APIRouter()


def get_coach(services: ServicesDep) -> CoachService:
    return services.coach


CoachDep = Annotated[CoachService, Depends(get_coach)]


@router.post("/v1/coach/draft")
def draft(profile: ClientProfile, coach: CoachDep) -> MemoOut:
    return coach.draft(profile).out()
