"""`careers eval`: build an evaluation store, run the golden sets, print the table, fail below a threshold."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from assistant.chat import ChatService
from assistant.evaluation.adversarial import run_adversarial
from assistant.evaluation.golden import (
    EXTRA_FEED,
    SAMPLE_DATA,
    conversation,
    load_adversarial,
    load_retrieval,
    load_salary_cases,
    load_understanding,
)
from assistant.evaluation.grounding import GroundingScore, score_answers
from assistant.evaluation.report import EvalResults, build_rows, failed, format_table, to_json
from assistant.evaluation.retrieval import score_retrieval
from assistant.evaluation.salaries import score_salaries
from assistant.evaluation.understanding import score_understanding
from assistant.services import Services, build_services
from assistant.settings import Settings
from ingest.pipeline import ingest_sources

LLM_ANSWERS = 8  # a real model is slow; a sample of conversations is enough to see it hold
log = logging.getLogger(__name__)


def prepare_services(settings: Settings) -> Services:
    """Services over an embedded store in <data dir>/eval holding the sample corpus and the planted feed.

    The store persists, so a second run re-embeds nothing; `--sync` keeps it equal to the two sources.
    """
    eval_settings = settings.model_copy(update={"data_dir": settings.data_dir / "eval", "chroma_host": None})
    services = build_services(eval_settings)
    report = ingest_sources(services.store, [str(SAMPLE_DATA), str(EXTRA_FEED)], sync=True)
    if report.skipped:
        raise RuntimeError(
            f"the evaluation corpus did not ingest cleanly: {[str(e) for e in report.skipped]}"
        )
    services.catalog.refresh()
    return services


def evaluate(services: Services, today: date | None = None) -> EvalResults:
    """Run every golden set against the services; nothing here reads the system's output as a label."""
    started = time.perf_counter()
    catalog = services.catalog.get()
    retriever = services.chat.retriever
    postings = catalog.postings.postings
    grounded = ChatService(services.catalog, retriever)
    understanding_cases = load_understanding()
    retrieval_cases = load_retrieval()
    conversations = [(c.id, c.messages()) for c in understanding_cases]
    conversations += [(c.id, c.messages()) for c in load_adversarial() if c.kind != "empty"]
    conversations += [(c.id, conversation((c.question,))) for c in retrieval_cases]
    by_id = {p.id: p for p in postings}
    adversarial_cases = load_adversarial()
    grounding: list[GroundingScore] = [score_answers(grounded, conversations, by_id, today)]
    adversarial = run_adversarial(grounded, adversarial_cases, services.settings.limits)
    if services.chat.composer is not None:
        # Planted instructions matter most where a model reads the evidence, so they run through it too.
        grounding.append(score_answers(services.chat, conversations[:LLM_ANSWERS], by_id, today))
        attacks = [c for c in adversarial_cases if c.kind == "injection"]
        adversarial += run_adversarial(services.chat, attacks, services.settings.limits)
    return EvalResults(
        understanding=score_understanding(understanding_cases),
        retrieval=score_retrieval(catalog, retriever, retrieval_cases),
        salaries=score_salaries(grounded, postings, load_salary_cases(), today),
        grounding=grounding,
        adversarial=adversarial,
        corpus={"postings": len(postings), "faq": len(catalog.faq.entries)},
        seconds=time.perf_counter() - started,
    )


@contextmanager
def one_torch_thread() -> Iterator[None]:
    """Encode on one thread: short queries gain nothing from more, and on a busy machine threads contend.

    Measured on the 2-core CI box under load: 0.24 s per question with two threads, 0.03 s with one.
    """
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def run_eval(settings: Settings, as_json: bool) -> int:
    """Print the table (or JSON); return 1 when any gated metric is below its threshold."""
    started = time.perf_counter()
    with one_torch_thread():
        services = prepare_services(settings)
        results = evaluate(services)
    results.seconds = time.perf_counter() - started
    rows = build_rows(results)
    if as_json:
        print(json.dumps(to_json(results, rows), indent=2))
    else:
        corpus = results.corpus
        print(
            f"Quality on the sample corpus plus planted postings ({corpus['postings']} postings, "
            f"{corpus['faq']} FAQ entries), {results.seconds:.0f}s\n"
        )
        print(format_table(rows))
        for row in failed(rows):
            print(
                f"\nFAILED: {row.area} — {row.metric}: {row.shown} (threshold {row.threshold})",
                file=sys.stderr,
            )
    return 1 if failed(rows) else 0
