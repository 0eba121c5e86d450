"""Quality gates: the golden sets over the sample corpus stay above their thresholds (`careers eval`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluation.golden import load_retrieval
from assistant.evaluation.grounding import GroundingScore
from assistant.evaluation.report import (
    HYBRID_RECALL,
    INTENT_ACCURACY,
    EvalResults,
    build_rows,
    failed,
)
from assistant.evaluation.retrieval import METHODS, MethodScore
from assistant.evaluation.runner import evaluate, one_torch_thread, prepare_services, run_eval
from assistant.evaluation.salaries import SalaryScore
from assistant.evaluation.understanding import UnderstandingScore
from assistant.services import Services
from assistant.settings import Settings


@pytest.fixture(scope="module")
def eval_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(CAREERS_DATA_DIR=tmp_path_factory.mktemp("quality"))


@pytest.fixture(scope="module")
def eval_services(eval_settings: Settings) -> Services:
    with one_torch_thread():
        return prepare_services(eval_settings)


@pytest.fixture(scope="module")
def results(eval_services: Services) -> EvalResults:
    with one_torch_thread():
        return evaluate(eval_services)


@pytest.mark.slow
def test_every_number_in_composed_answers_is_traceable(results: EvalResults) -> None:
    for score in results.grounding:
        assert score.untraceable == [], score.composer


@pytest.mark.slow
def test_every_citation_marker_resolves(results: EvalResults) -> None:
    for score in results.grounding:
        assert score.bad_markers == [], score.composer


@pytest.mark.slow
def test_every_recommended_role_satisfies_the_hard_filters(results: EvalResults) -> None:
    for score in results.grounding:
        assert score.off_filter == [], score.composer


@pytest.mark.slow
def test_intent_accuracy_is_at_least_95_percent(results: EvalResults) -> None:
    assert results.understanding.intent_accuracy >= INTENT_ACCURACY, results.understanding.failures


@pytest.mark.slow
def test_hybrid_recall_at_5_is_at_least_0_90(results: EvalResults) -> None:
    hybrid = results.retrieval["hybrid"]
    assert hybrid.mean_recall() >= HYBRID_RECALL, hybrid.misses


@pytest.mark.slow
def test_hybrid_recall_is_not_below_either_single_method(results: EvalResults) -> None:
    recall = {method: results.retrieval[method].mean_recall() for method in METHODS}
    assert recall["hybrid"] >= max(recall["dense"], recall["bm25"]), recall


@pytest.mark.slow
def test_salary_statistics_equal_an_independent_computation(results: EvalResults) -> None:
    assert results.salaries.cases >= 15
    assert results.salaries.mismatches == []


@pytest.mark.slow
def test_adversarial_cases_hold_except_reported_known_issues(results: EvalResults) -> None:
    broken = [f"{r.case.id}: {r.detail}" for r in results.adversarial if r.gated and not r.passed]
    assert broken == []


@pytest.mark.slow
def test_golden_labels_name_postings_and_faq_entries_that_exist(eval_services: Services) -> None:
    catalog = eval_services.catalog.get()
    known = {p.id for p in catalog.postings.postings} | {e.id for e in catalog.faq.entries}
    labelled = {item for case in load_retrieval() for item in (*case.postings, *case.faq)}
    assert labelled - known == set()


@pytest.mark.slow
def test_careers_eval_prints_passing_metrics_as_json(
    eval_settings: Settings, results: EvalResults, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_eval(eval_settings, as_json=True) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["passed"] is True
    assert {m["area"] for m in report["metrics"]} >= {"retrieval", "understanding", "facts", "adversarial"}


def test_hybrid_recall_below_a_single_method_fails_the_run() -> None:
    scores = {method: MethodScore(method) for method in METHODS}
    for method, recall in (("dense", 0.80), ("bm25", 0.95), ("hybrid", 0.93)):
        scores[method].recall["postings"] = [recall]
    rows = build_rows(_results(retrieval=scores))
    assert [row.metric for row in failed(rows)] == ["hybrid recall@5 minus the better single method"]


def test_one_untraceable_number_fails_the_run() -> None:
    grounding = GroundingScore("grounded", answers=1, numbers=10, untraceable=["q1: $9.9M"])
    rows = build_rows(_results(grounding=[grounding]))
    assert [row.area for row in failed(rows)] == ["groundedness (grounded)"]


def test_the_results_snippet_is_checked_in_next_to_the_golden_sets() -> None:
    snippet = Path(__file__).resolve().parents[1] / "golden" / "RESULTS.md"
    assert "| Area | Metric | Value | Threshold | Pass |" in snippet.read_text(encoding="utf-8")


def _results(
    retrieval: dict[str, MethodScore] | None = None, grounding: list[GroundingScore] | None = None
) -> EvalResults:
    perfect = {method: MethodScore(method) for method in METHODS}
    for score in perfect.values():
        score.recall["postings"] = [1.0]
    return EvalResults(
        understanding=UnderstandingScore(cases=1, intent_correct=1),
        retrieval=retrieval or perfect,
        salaries=SalaryScore(cases=1, matching=1),
        grounding=grounding or [GroundingScore("grounded")],
        adversarial=[],
    )
