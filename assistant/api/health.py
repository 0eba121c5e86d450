"""GET /healthz: liveness plus what the service is serving."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import ServicesDep

router = APIRouter()


@router.get("/healthz")
def healthz(services: ServicesDep) -> dict[str, object]:
    catalog = services.catalog.get()
    return {
        "status": "ok",
        "postings": len(catalog.postings),
        "faq": len(catalog.faq.entries),
        "composer": services.chat.composer_label,
    }
