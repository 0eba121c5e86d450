"""Builds the long-lived services once per process: store, catalog, retriever, composers, chat, coach."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.chat import ChatService
from assistant.coach.polish import make_polisher
from assistant.coach.service import CoachService
from assistant.feedback import FeedbackLog
from assistant.index import CatalogHolder
from assistant.retrieval import Retriever
from assistant.settings import Settings
from vectorstore.store import Store, open_store


@dataclass
class Services:
    settings: Settings
    store: Store
    catalog: CatalogHolder
    chat: ChatService
    feedback: FeedbackLog
    # Containers assembled by hand (tests, benchmarks) get a plain coach over the same catalog.
    coach: CoachService = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.coach is None:
            self.coach = CoachService(self.catalog, self.chat.retriever)


def build_services(settings: Settings, store: Store | None = None) -> Services:
    store = store or open_store(settings.store)
    catalog = CatalogHolder(store, settings.reload_check_s)
    retriever = Retriever(store.embeddings)
    composer = None
    if settings.llm.enabled:
        from assistant.compose.llm import LLMComposer

        composer = LLMComposer(settings.llm)
    return Services(
        settings=settings,
        store=store,
        catalog=catalog,
        chat=ChatService(catalog, retriever, composer),
        feedback=FeedbackLog(settings.feedback_path),
        coach=CoachService(catalog, retriever, make_polisher(settings.llm)),
    )
