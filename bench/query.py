"""Query benchmark: /v1/chat latency and throughput vs a naive LangChain pipeline over the same store."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from assistant.cli import SAMPLE_DATA
from assistant.models import ChatMessage, Filters
from assistant.services import Services, build_services
from assistant.settings import Settings
from assistant.understand import understand
from bench.common import percentile, print_table, summary_ms, time_calls, write_synthetic_feed
from ingest.pipeline import ingest_sources
from tests.support import free_port, wait_for

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden" / "retrieval.jsonl"
QUESTIONS = [
    "What do senior ML roles at banks pay?",
    "remote fraud roles at fintechs",
    "Can I move from big-tech ML into a hedge fund?",
    "NLP roles at asset managers in New York",
    "entry-level data scientist jobs at insurers",
    "how much do quant developers earn at hedge funds?",
    "hybrid credit risk modelling roles in London",
    "ML platform engineer roles at banks",
    "What skills do I need for model validation?",
    "lead machine learning roles paying over $300k",
]


def naive_pipeline(services: Services) -> Any:
    """The textbook LangChain RAG: vector similarity search with the filter, top-k stuffed into a template."""
    from langchain_chroma import Chroma
    from langchain_core.prompts import PromptTemplate

    store = Chroma(
        client=services.store.client,
        collection_name="postings",
        embedding_function=services.store.embeddings,
    )
    template = PromptTemplate.from_template(
        "Answer the question from these postings.\n{context}\n\nQ: {question}"
    )

    def run(question: str, filters: Filters, k: int = 5) -> tuple[str, list[str]]:
        clauses = [
            {key: value} for key, value in filters.active().items() if key in ("sector", "level", "remote")
        ]
        where = None if not clauses else clauses[0] if len(clauses) == 1 else {"$and": clauses}
        docs = store.similarity_search(question, k=k, filter=where)
        prompt = template.format(context="\n\n".join(d.page_content for d in docs), question=question)
        return prompt, [str(d.id) for d in docs]

    return run


def recall_at_5(services: Services) -> tuple[float, float]:
    """Recall@5 of our chat retrieval and of the naive pipeline on the labelled sample-corpus questions."""
    naive = naive_pipeline(services)
    ours_hits = naive_hits = total = 0
    for line in GOLDEN.read_text().splitlines():
        case = json.loads(line)
        relevant = set(case.get("postings") or [])
        if not relevant:
            continue
        messages = [ChatMessage(role="user", content=case["question"])]
        found = services.chat.find(messages)
        ours = {r.id for r in found.evidence.roles}
        _, theirs = naive(case["question"], understand(messages).filters)
        ours_hits += len(relevant & ours)
        naive_hits += len(relevant & set(theirs))
        total += min(len(relevant), 5)
    return ours_hits / total, naive_hits / total


def build_store(data_dir: Path, synthetic: int) -> Services:
    services = build_services(Settings(CAREERS_DATA_DIR=data_dir))
    sources = [str(SAMPLE_DATA)]
    if synthetic:
        sources.append(str(write_synthetic_feed(data_dir.parent / f"synthetic-{synthetic}.jsonl", synthetic)))
    ingest_sources(services.store, sources)
    services.catalog.refresh()
    return services


def measure_in_process(services: Services) -> tuple[list[float], list[float]]:
    naive = naive_pipeline(services)
    cases = [
        ([ChatMessage(role="user", content=q)], understand([ChatMessage(role="user", content=q)]).filters)
        for q in QUESTIONS
    ]
    for messages, filters in cases:  # warm-up both paths
        services.chat.answer(messages)
        naive(messages[0].content, filters)
    ours, theirs = [], []
    for _ in range(10):
        for messages, filters in cases:
            ours += time_calls(lambda m=messages: services.chat.answer(m), 1)
            theirs += time_calls(lambda m=messages, f=filters: naive(m[0].content, f), 1)
    return ours, theirs


def measure_http(data_dir: Path, requests: int) -> list[list[str]]:
    port = free_port()
    env = os.environ | {"CAREERS_DATA_DIR": str(data_dir)}
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    rows = []
    try:
        wait_for(lambda: _healthy(url), timeout=180, interval=0.5)
        with httpx.Client(timeout=60) as client:
            for question in QUESTIONS:
                client.post(f"{url}/v1/chat", json={"messages": [{"role": "user", "content": question}]})
        for clients in (1, 8):
            latencies, elapsed = _load(url, clients, requests)
            rows.append(
                [
                    f"{clients} client{'s' if clients > 1 else ''}",
                    f"{requests / elapsed:.1f} req/s",
                    summary_ms(latencies),
                ]
            )
        rss = _peak_rss_mb(server.pid)
        rows.append(["server peak RSS", f"{rss:.0f} MB", "—"])
    finally:
        server.terminate()
        server.wait(timeout=20)
    return rows


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _load(url: str, clients: int, requests: int) -> tuple[list[float], float]:
    # One keep-alive connection per client thread, as a real client would hold; creating an httpx
    # client per request costs more than the request itself and would measure the load generator.
    local = threading.local()

    def one(n: int) -> float:
        question = QUESTIONS[n % len(QUESTIONS)]
        if not hasattr(local, "client"):
            local.client = httpx.Client(timeout=60)
        started = time.perf_counter()
        response = local.client.post(
            f"{url}/v1/chat", json={"messages": [{"role": "user", "content": question}]}
        )
        response.raise_for_status()
        return (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = list(pool.map(one, range(requests)))
    return latencies, time.perf_counter() - started


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--synthetic", type=int, default=2000, help="Synthetic postings on top of the sample."
    )
    parser.add_argument("--store", type=Path, help="Reuse (or create and keep) the large store here.")
    parser.add_argument("--requests", type=int, default=200, help="Requests per throughput run.")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-query-"))

    sample = build_store(workdir / "sample" / "data", 0)
    ours_recall, naive_recall = recall_at_5(sample)
    ours_small, naive_small = measure_in_process(sample)

    large_dir = args.store or workdir / "large" / "data"
    large_dir.parent.mkdir(parents=True, exist_ok=True)
    large = build_store(large_dir, args.synthetic)
    size = len(large.catalog.get().postings)
    ours_large, naive_large = measure_in_process(large)
    http_rows = measure_http(large_dir, args.requests)

    def ratio(ours: list[float], theirs: list[float]) -> str:
        return f"{percentile(theirs, 50) / percentile(ours, 50):.1f}× faster (p50)"

    print_table(
        "Query latency in a warm process (grounded composer, 2 cores)",
        [
            "corpus",
            "finml-careers /v1/chat path",
            "naive LangChain (filtered similarity + stuffing)",
            "ratio",
        ],
        [
            [
                f"sample ({len(sample.catalog.get().postings)} postings)",
                summary_ms(ours_small),
                summary_ms(naive_small),
                ratio(ours_small, naive_small),
            ],
            [
                f"{size} postings",
                summary_ms(ours_large),
                summary_ms(naive_large),
                ratio(ours_large, naive_large),
            ],
            ["recall@5 on the labelled questions", f"{ours_recall:.2f}", f"{naive_recall:.2f}", "—"],
        ],
    )
    print_table(
        f"HTTP /v1/chat over loopback, {size} postings, {args.requests} requests",
        ["load", "throughput", "latency"],
        http_rows,
    )
    if not args.store:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
