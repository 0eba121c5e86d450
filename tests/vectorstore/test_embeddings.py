"""The packaged model, through PyTorch and through the verified ONNX export, gives the same vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from vectorstore.embeddings import LocalEmbeddings, load_encoder
from vectorstore.onnx_encoder import onnx_path_for

pytestmark = pytest.mark.slow

TEXTS = [
    "Senior ML engineer for fraud detection at a fintech, remote in the US",
    "What do quant researchers earn at hedge funds?",
    "SR 11-7 model validation, SHAP and LIME for credit risk models at a bank " * 20,  # past 256 tokens
]


def test_onnx_vectors_match_pytorch_vectors(tmp_path: Path) -> None:
    onnx = LocalEmbeddings(cache_dir=tmp_path, backend="onnx").encode(TEXTS)
    torch = LocalEmbeddings(backend="torch").encode(TEXTS)
    assert onnx.shape == torch.shape == (3, 384)
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    assert float((onnx * torch).sum(axis=1).min()) > 0.999


def test_the_export_is_made_once_and_reused(tmp_path: Path) -> None:
    embeddings = LocalEmbeddings(cache_dir=tmp_path, backend="onnx")
    embeddings.encode(["warm"])
    path = onnx_path_for(embeddings.model_dir, tmp_path)
    assert path.exists()
    stamp = path.stat().st_mtime_ns
    load_encoder.cache_clear()
    LocalEmbeddings(cache_dir=tmp_path, backend="onnx").encode(["again"])
    assert path.stat().st_mtime_ns == stamp


def test_an_unusable_cache_falls_back_to_pytorch(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache folder should be")
    vectors = LocalEmbeddings(cache_dir=blocked, backend="onnx").encode(TEXTS[:1])
    reference = LocalEmbeddings(backend="torch").encode(TEXTS[:1])
    assert float((vectors * reference).sum()) > 0.9999
