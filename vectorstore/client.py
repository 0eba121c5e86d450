"""The one factory for Chroma clients: embedded under the data dir, or a server when a host is set."""

from __future__ import annotations

from typing import Any

from vectorstore.settings import StoreSettings


def make_chroma_client(settings: StoreSettings) -> Any:
    """Return a Chroma client with telemetry off; the caller owns its lifetime."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        return chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
        )
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)
