"""POST /v1/admin/ingest: ingest feeds through the running server (bearer CAREERS_ADMIN_TOKEN)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from assistant.api.deps import AdminDep, ServicesDep
from ingest.loaders import Format
from ingest.models import Sector
from ingest.normalise import FeedOptions
from ingest.pipeline import ingest_sources

router = APIRouter()


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[str] = Field(
        min_length=1, max_length=100, description="Paths on the server or http(s) URLs."
    )
    format: Format = "auto"
    company: str | None = Field(default=None, max_length=200)
    sector: Sector | None = None
    sync: bool = False


@router.post("/v1/admin/ingest")
def ingest(request: IngestRequest, services: ServicesDep, _: AdminDep) -> dict[str, object]:
    """Ingest in this process: with an embedded store, the server is then the only writer."""
    options = FeedOptions(company=request.company, sector=request.sector)
    report = ingest_sources(services.store, request.sources, request.format, options, sync=request.sync)
    services.catalog.refresh()
    return report.as_dict()
