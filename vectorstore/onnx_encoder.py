"""The packaged MiniLM exported once to ONNX, run with onnxruntime: same vectors, a third of the latency."""

from __future__ import annotations

import hashlib
import json
import logging
import warnings
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Exported vectors must match the PyTorch model's; anything less means the export went wrong.
_MIN_AGREEMENT = 0.999
_PROBES = ["Senior ML engineer, fraud detection, hybrid in New York", "What do quant researchers earn?"]


class OnnxEncoder:
    """Tokenise with the model's own tokenizer.json, run the exported graph, mean-pool and normalise."""

    def __init__(self, onnx_path: Path, model_dir: Path, threads: int = 2) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        self._session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        max_length = json.loads((model_dir / "sentence_bert_config.json").read_text())["max_seq_length"]
        self._tokenizer.enable_truncation(max_length=max_length)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Encode in small batches of similar length: padding to the longest of a big batch wastes work."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.empty((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chosen = order[start : start + batch_size]
            vectors[chosen] = self._encode_batch([texts[i] for i in chosen])
        return vectors

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        feeds = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        hidden = self._session.run(None, feeds)[0]
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)


def onnx_path_for(model_dir: Path, cache_dir: Path) -> Path:
    """Where the export of this exact model lives: keyed by the weights' hash, so an upgrade re-exports."""
    weights = model_dir / "model.safetensors"
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:12] if weights.exists() else "unknown"
    return cache_dir / f"minilm-{digest}.onnx"


def export_onnx(model: Any, path: Path) -> None:
    """Export the transformer of a loaded SentenceTransformer; verify it against PyTorch before keeping it."""
    import torch

    class _Hidden(torch.nn.Module):
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.last_hidden_state

    sample = model.tokenizer(_PROBES, return_tensors="pt", padding=True)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    # The tracer's warnings are about code paths this model does not take; they would only alarm users.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _Hidden(model[0].auto_model.eval()),
            tuple(sample[name] for name in _INPUTS),
            str(partial),
            input_names=list(_INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    partial.replace(path)  # atomic: a concurrent reader never sees half a file


def agrees_with(encoder: OnnxEncoder, model: Any) -> bool:
    reference = model.encode(_PROBES, normalize_embeddings=True, show_progress_bar=False)
    agreement = float((encoder.encode(_PROBES) * reference).sum(axis=1).min())
    if agreement < _MIN_AGREEMENT:
        log.warning("ONNX export disagrees with PyTorch (cosine %.4f); using PyTorch", agreement)
    return agreement >= _MIN_AGREEMENT
