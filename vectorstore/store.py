"""The product's collections in Chroma: upserts with precomputed vectors, hashes, snapshots, revision."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import numpy as np

from vectorstore.client import make_chroma_client
from vectorstore.embeddings import EMBEDDING_DIM, ChromaEmbeddingFunction, LocalEmbeddings, make_embeddings
from vectorstore.settings import StoreSettings

Kind = Literal["postings", "faq"]
KINDS: tuple[Kind, ...] = ("postings", "faq")
_META_COLLECTION = "catalog_meta"
_REVISION_ID = "revision"
_PAGE = 2000


@dataclass
class Snapshot:
    """Every record of one collection, as the assistant's in-memory index needs them."""

    ids: list[str]
    documents: list[str]
    metadatas: list[dict[str, Any]]
    embeddings: np.ndarray  # (n, EMBEDDING_DIM), float32, L2-normalised


class Store:
    """Both collections plus a revision marker that readers poll to know when to reload."""

    def __init__(self, settings: StoreSettings, embeddings: LocalEmbeddings) -> None:
        self.settings = settings
        self.embeddings = embeddings
        self.written_revision = ""  # the last revision this process wrote
        self._open()

    def _open(self) -> None:
        self.client = make_chroma_client(self.settings)
        # Always hand Chroma our function: without it Chroma would load (and download) its own default.
        function = ChromaEmbeddingFunction(self.embeddings)
        self._collections = {
            kind: self.client.get_or_create_collection(
                kind, embedding_function=function, configuration={"hnsw": {"space": "cosine"}}
            )
            for kind in KINDS
        }
        self._meta = self.client.get_or_create_collection(_META_COLLECTION, embedding_function=function)

    @property
    def embedded(self) -> bool:
        return not self.settings.chroma_host

    def reopen(self) -> None:
        """Drop this process's cached view of an embedded store and open it afresh.

        Embedded Chroma caches vector segments per process; after another process (a CLI ingest)
        wrote to the same folder, only a new client sees those vectors.
        """
        self.client.close()
        self._open()

    def is_foreign(self, revision: str) -> bool:
        """Whether the store changed through another process since this one last wrote."""
        return self.embedded and revision != self.written_revision

    def collection(self, kind: Kind) -> Any:
        return self._collections[kind]

    def count(self, kind: Kind) -> int:
        return int(self._collections[kind].count())

    def hashes(self, kind: Kind, ids: list[str]) -> dict[str, str]:
        """Return the stored content hash of each id that exists."""
        found: dict[str, str] = {}
        for start in range(0, len(ids), _PAGE):
            got = self._collections[kind].get(ids=ids[start : start + _PAGE], include=["metadatas"])
            for record_id, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
                found[record_id] = str((meta or {}).get("hash", ""))
        return found

    def upsert(
        self,
        kind: Kind,
        ids: list[str],
        documents: list[str],
        metadatas: list[dict[str, Any]],
        vectors: np.ndarray,
    ) -> None:
        if ids:
            self._collections[kind].upsert(
                ids=ids, documents=documents, metadatas=metadatas, embeddings=vectors.astype(np.float32)
            )

    def delete(self, kind: Kind, ids: list[str]) -> None:
        for start in range(0, len(ids), _PAGE):
            self._collections[kind].delete(ids=ids[start : start + _PAGE])

    def snapshot(self, kind: Kind) -> Snapshot:
        """Read every record of a collection page by page."""
        collection = self._collections[kind]
        ids: list[str] = []
        documents: list[str] = []
        metadatas: list[dict[str, Any]] = []
        vectors: list[np.ndarray] = []
        offset = 0
        while True:
            got = collection.get(limit=_PAGE, offset=offset, include=["documents", "metadatas", "embeddings"])
            if not got["ids"]:
                break
            ids += got["ids"]
            documents += [d or "" for d in got["documents"] or []]
            metadatas += [dict(m or {}) for m in got["metadatas"] or []]
            vectors.append(np.asarray(got["embeddings"], dtype=np.float32).reshape(-1, EMBEDDING_DIM))
            offset += len(got["ids"])
        matrix = np.concatenate(vectors) if vectors else np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        return Snapshot(ids, documents, metadatas, matrix)

    def revision(self) -> str:
        """An opaque marker that changes whenever an ingest changed anything."""
        got = self._meta.get(ids=[_REVISION_ID], include=["metadatas"])
        if not got["ids"]:
            return ""
        return str((got["metadatas"][0] or {}).get("revision", ""))

    def bump_revision(self) -> str:
        revision = uuid.uuid4().hex
        self._meta.upsert(
            ids=[_REVISION_ID],
            embeddings=[[0.0] * EMBEDDING_DIM],
            metadatas=[{"revision": revision, "updated": datetime.now(UTC).isoformat()}],
            documents=[""],
        )
        self.written_revision = revision
        return revision


def open_store(settings: StoreSettings) -> Store:
    """Open (creating when needed) the product's collections with the packaged embedding model."""
    embeddings = make_embeddings(
        settings.model_dir, settings.embed_batch_size, settings.model_cache, settings.embedding_backend
    )
    return Store(settings, embeddings)
