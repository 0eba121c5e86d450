"""Understanding: the labelled conversations in tests/golden/understanding.jsonl and the rules behind them."""

from __future__ import annotations

import pytest

from assistant.evaluation.golden import UnderstandingCase, conversation, load_understanding
from assistant.evaluation.understanding import describe_mistakes, read_case
from assistant.models import Intent
from assistant.understand import understand
from assistant.vocabulary import find_location, find_pay_floor, find_sector
from ingest.models import Level, Remote, Sector

CASES = load_understanding()


def _param(case: UnderstandingCase) -> object:
    marks = [pytest.mark.xfail(reason=case.known_failure, strict=True)] if case.known_failure else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_each_labelled_conversation_gives_its_intent_filters_and_topic(case: UnderstandingCase) -> None:
    assert describe_mistakes(case, read_case(case)) == []


def test_the_labelled_set_covers_every_intent_and_many_follow_ups() -> None:
    assert {c.intent for c in CASES} == set(Intent)
    assert len(CASES) >= 60
    assert sum(len(c.turns) > 1 for c in CASES) >= 20


def test_a_follow_up_keeps_the_filters_and_intent_it_does_not_change() -> None:
    turns = ("What do senior ML engineers at hedge funds make?", "what about banks?")
    query = understand(conversation(turns))
    assert (query.intent, query.filters.sector, query.filters.level) == (
        Intent.SALARY,
        Sector.BANK,
        Level.SENIOR,
    )


def test_a_full_new_question_starts_over() -> None:
    turns = ("Show me remote fraud roles at fintechs", "What do quants in London earn?")
    query = understand(conversation(turns))
    assert (query.filters.remote, query.filters.sector, query.topic) == (None, None, "quant research")


def test_a_pay_floor_is_a_filter_not_a_pay_question() -> None:
    query = understand(conversation(("Remote credit risk jobs", "paying over $150k")))
    assert (query.intent, query.filters.min_salary, query.filters.currency) == (Intent.ROLES, 150_000, "USD")


def test_a_pay_floor_keeps_the_currency_it_was_written_in() -> None:
    assert find_pay_floor("senior roles in London paying over £100k") == (100_000, "GBP")


def test_a_bare_pay_floor_names_no_currency() -> None:
    assert find_pay_floor("jobs paying 250k+ at hedge funds") == (250_000, None)


def test_two_sectors_compared_choose_neither() -> None:
    assert find_sector("Should my first job be at a bank or a fintech?") is None


def test_the_sector_moved_into_wins_over_the_one_left() -> None:
    assert find_sector("I'm at an insurer, how can I transition to a hedge fund?") == Sector.HEDGE_FUND


def test_a_firm_the_ingest_table_knows_names_its_sector() -> None:
    assert find_sector("What does Two Sigma pay new grads?") == Sector.HEDGE_FUND


def test_zurich_the_city_is_not_zurich_the_insurer() -> None:
    assert find_sector("ML jobs in Zurich") is None


def test_a_central_bank_is_not_the_bank_sector() -> None:
    assert find_sector("roles reading central bank communications") is None


def test_acronyms_and_skills_after_in_are_not_places() -> None:
    assert [find_location(t) for t in ("a job in ML", "experience in AML", "roles in Python")] == [None] * 3


def test_an_unknown_town_after_in_is_still_a_place() -> None:
    assert find_location("ML jobs in Whippany") == "Whippany"


def test_sr_11_7_is_not_a_senior_level() -> None:
    assert understand(conversation(("What is SR 11-7?",))).filters.level is None


def test_asking_how_common_remote_work_is_sets_no_remote_filter() -> None:
    assert understand(conversation(("How common is remote work for ML in finance?",))).filters.remote is None


def test_not_remote_means_on_site() -> None:
    assert understand(conversation(("senior roles at banks, not remote",))).filters.remote == Remote.ONSITE


def test_a_firm_name_does_not_set_the_topic() -> None:
    assert understand(conversation(("What does Northwind Quant Partners pay?",))).topic is None


def test_a_blank_conversation_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no non-empty user message"):
        understand(conversation(("   ",)))


def test_a_blank_latest_turn_falls_back_to_the_previous_question() -> None:
    query = understand(conversation(("NLP roles at banks", "")))
    assert (query.text, query.filters.sector) == ("NLP roles at banks", Sector.BANK)
