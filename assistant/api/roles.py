"""GET /v1/roles and GET /v1/salaries: role search and salary statistics under explicit filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from assistant.api.deps import ChatDep, SettingsDep
from assistant.api.errors import ProblemError
from assistant.models import Filters, RoleMatch, SalaryStats
from ingest.models import Level, Remote, Sector

router = APIRouter()


def read_filters(
    sector: Annotated[Sector | None, Query(description="Sector vocabulary value.")] = None,
    level: Annotated[Level | None, Query(description="entry, mid, senior or lead.")] = None,
    remote: Annotated[Remote | None, Query(description="remote, hybrid, onsite or unknown.")] = None,
    location: Annotated[str | None, Query(max_length=80, description="City, region or country.")] = None,
    min_salary: Annotated[float | None, Query(ge=0, le=100_000_000, description="Annual floor.")] = None,
    currency: Annotated[
        str | None, Query(pattern=r"^[A-Z]{3}$", description="Currency of min_salary.")
    ] = None,
) -> Filters:
    return Filters(
        sector=sector, level=level, remote=remote, location=location, min_salary=min_salary, currency=currency
    )


FiltersQuery = Annotated[Filters, Depends(read_filters)]
SearchText = Annotated[str, Query(max_length=500, description="What to look for, e.g. 'NLP'.")]


@router.get("/v1/roles")
def roles(
    chat: ChatDep,
    settings: SettingsDep,
    filters: FiltersQuery,
    q: SearchText = "",
    limit: int = Query(10, ge=1),
) -> dict[str, list[RoleMatch]]:
    if limit > settings.limits.max_roles:
        raise ProblemError(422, "Limit too large", f"limit must be at most {settings.limits.max_roles}.")
    return {"roles": chat.roles(q, filters, limit)}


@router.get("/v1/salaries", response_model=None)
def salaries(chat: ChatDep, filters: FiltersQuery, q: SearchText = "") -> SalaryStats | None:
    return chat.salaries(q, filters)
