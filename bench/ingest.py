"""Ingest benchmark: cold ingest vs raw encode of the same texts, re-ingest time, filtered search."""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from assistant.models import Filters
from assistant.services import build_services
from assistant.settings import Settings
from bench.common import print_table, summary_ms, time_calls, write_synthetic_feed
from ingest.loaders import read_source
from ingest.models import Posting
from ingest.pipeline import ingest_sources
from vectorstore.embeddings import find_model_dir, load_model

SEARCHES = [
    ("time-series forecasting", Filters(sector="hedge_fund", remote="onsite")),
    ("fraud detection", Filters(sector="fintech", level="senior")),
    ("credit risk model validation", Filters(sector="bank", remote="hybrid")),
    ("NLP earnings calls", Filters(level="mid", location="London")),
]


def run(count: int, keep: Path | None) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    feed = write_synthetic_feed(workdir / "feed.jsonl", count)
    texts = [item.embedding_text() for item in read_source(str(feed)) if isinstance(item, Posting)]
    model = load_model(find_model_dir())

    started = time.perf_counter()
    model.encode(texts, batch_size=64, show_progress_bar=False, normalize_embeddings=True)
    raw_s = time.perf_counter() - started

    data_dir = keep or workdir / "data"
    shutil.rmtree(data_dir, ignore_errors=True)
    services = build_services(Settings(CAREERS_DATA_DIR=data_dir))
    services.store.embeddings.encode(["warm-up"])  # load (and export) the encoder outside the timing
    started = time.perf_counter()
    cold = ingest_sources(services.store, [str(feed)])
    cold_s = time.perf_counter() - started
    started = time.perf_counter()
    again = ingest_sources(services.store, [str(feed)])
    reingest_s = time.perf_counter() - started
    if cold.added != count or again.unchanged != count:
        raise SystemExit(f"unexpected ingest reports: {cold.as_dict()} then {again.as_dict()}")

    services.catalog.refresh()
    chat = services.chat
    for text, filters in SEARCHES:  # warm-up
        chat.roles(text, filters, 10)
    samples: list[float] = []
    for _ in range(25):
        for text, filters in SEARCHES:
            samples += time_calls(lambda t=text, f=filters: chat.roles(t, f, 10), 1)

    print_table(
        f"Ingest, {count} synthetic postings (2 cores)",
        ["measure", "value", "ratio"],
        [
            [
                "raw `SentenceTransformer.encode` (PyTorch) of the same texts",
                f"{count / raw_s:.1f} postings/s",
                "1.00 (baseline)",
            ],
            [
                "cold ingest (parse, normalise, hash, embed with onnxruntime, upsert)",
                f"{count / cold_s:.1f} postings/s",
                f"{raw_s / cold_s:.2f}× raw throughput",
            ],
            [
                "re-ingest of the unchanged set",
                f"{reingest_s:.2f} s",
                f"{reingest_s / cold_s:.1%} of cold ingest",
            ],
            ["search, two filters, warm process", summary_ms(samples), "—"],
        ],
    )
    if keep is None:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000, help="Synthetic postings (README uses 10000).")
    parser.add_argument("--keep", type=Path, help="Keep the store here (bench.query can reuse it).")
    args = parser.parse_args()
    run(args.count, args.keep)


if __name__ == "__main__":
    main()
