"""FastAPI dependencies: the services built in the app's lifespan, as Annotated aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from assistant.api.errors import ProblemError
from assistant.chat import ChatService
from assistant.services import Services
from assistant.settings import Settings


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_chat(services: Annotated[Services, Depends(get_services)]) -> ChatService:
    return services.chat


def get_settings(services: Annotated[Services, Depends(get_services)]) -> Settings:
    return services.settings


def require_admin(
    settings: Annotated[Settings, Depends(get_settings)],
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Write endpoints need `Authorization: Bearer $CAREERS_ADMIN_TOKEN`; with no token set they are off."""
    if not settings.admin_token:
        raise ProblemError(
            403, "Forbidden", "Write endpoints are disabled: set CAREERS_ADMIN_TOKEN to enable them."
        )
    if authorization != f"Bearer {settings.admin_token}":
        raise ProblemError(401, "Unauthorized", "Send Authorization: Bearer <CAREERS_ADMIN_TOKEN>.")


ServicesDep = Annotated[Services, Depends(get_services)]
ChatDep = Annotated[ChatService, Depends(get_chat)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
AdminDep = Annotated[None, Depends(require_admin)]
