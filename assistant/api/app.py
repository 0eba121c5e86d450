"""The FastAPI app factory: services built once per app, routers mounted per feature."""

from __future__ import annotations

from fastapi import FastAPI

from assistant.api import admin, chat, coach, health, openai_compat, roles
from assistant.api.errors import install_error_handlers
from assistant.services import Services, build_services
from assistant.settings import Settings, load_settings


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    """Build the app; pass `services` to share already-loaded ones (tests, benchmarks)."""
    if services is None:
        services = build_services(settings or load_settings())
    app = FastAPI(
        title="finml-careers",
        version="0.1.0",
        summary="A grounded career assistant for machine-learning roles in finance.",
    )
    app.state.services = services
    install_error_handlers(app)
    routers = (health.router, chat.router, roles.router, openai_compat.router, coach.router, admin.router)
    for router in routers:
        app.include_router(router)
    _mount_optional(app, services)
    return app


def _mount_optional(app: FastAPI, services: Services) -> None:
    from assistant.web.router import mount_web

    mount_web(app)
    if services.settings.slack.enabled:
        from assistant.slack import mount_slack

        mount_slack(app, services.settings, services.chat, services.feedback)
