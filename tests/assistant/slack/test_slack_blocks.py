"""Block Kit builders over constructed answers: sections, role cards, salary line, sources, buttons."""

from __future__ import annotations

import json

from assistant.models import Answer, Citation, CurrencyStats, Intent, RoleMatch, SalaryOut, SalaryStats
from assistant.slack.blocks import (
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_MORE_ROLES,
    BUTTON_VALUE_LIMIT,
    ButtonValue,
    build_answer_blocks,
    build_answer_text,
    build_more_roles_blocks,
    build_role_block,
    build_salary_text,
    build_sources_block,
    decode_button_value,
    describe_filters,
    encode_button_value,
    format_amount,
    format_salary,
)
from ingest.models import Level, Remote, Sector


def make_role(n: int, sector: Sector, remote: Remote, salary: float | None = None) -> RoleMatch:
    return RoleMatch(
        id=f"p{n}",
        title=f"ML Engineer {n}",
        company=f"Company {n}",
        sector=sector,
        level=Level.SENIOR,
        remote=remote,
        location="London",
        salary=SalaryOut(min=salary, max=salary * 1.5, currency="USD") if salary else None,
        url=f"https://jobs.example.com/{n}",
        score=1.0 - n / 100,
        why=["matches ML"],
    )


def make_stats(**changes: object) -> SalaryStats:
    usd = CurrencyStats(
        currency="USD",
        count=12,
        min=150_000,
        p25=180_000,
        median=250_000,
        p75=300_000,
        max=400_000,
        posting_ids=["p1"],
    )
    gbp = CurrencyStats(
        currency="GBP",
        count=3,
        min=90_000,
        p25=95_000,
        median=100_000,
        p75=120_000,
        max=130_000,
        posting_ids=["p2"],
    )
    values = usd.model_dump() | {"by_currency": [usd, gbp], "matched_postings": 20} | changes
    return SalaryStats(**values)


def make_answer(text: str = "**12 roles** match [1].", roles: int = 7, **changes: object) -> Answer:
    values = {
        "answer": text,
        "intent": Intent.ROLES,
        "citations": [
            Citation(
                id="p1",
                kind="posting",
                title="ML Engineer <Risk>",
                url="https://jobs.example.com/1",
                snippet="",
            ),
            Citation(id="faq-1", kind="faq", title="Moving from big tech", snippet=""),
        ],
        "roles": [make_role(n, Sector.BANK, Remote.REMOTE, 200_000) for n in range(1, roles + 1)],
        "salary": make_stats(),
        "filters": {"sector": "bank", "remote": "remote"},
        "suggestions": [],
        "composer": "grounded",
    }
    return Answer(**(values | changes))


def texts(blocks: list[dict]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def test_money_and_salary_ranges_read_short() -> None:
    assert format_amount(250_000, "USD") == "$250K"
    assert format_amount(1_250_000, "GBP") == "£1.25M"
    assert format_amount(85, "USD") == "$85"
    assert format_amount(180_000, "CHF") == "CHF 180K"
    assert format_salary(SalaryOut(min=200_000, max=300_000, currency="USD")) == "$200K–$300K/yr"
    assert format_salary(SalaryOut(min=90, max=90, currency="EUR", period="hour")) == "€90/hr"


def test_salary_line_states_median_range_and_count() -> None:
    assert build_salary_text(make_stats()) == (
        "Median $250K (range $150K–$400K) from 12 posted ranges; also 3 in GBP"
    )
    assert build_salary_text(None) is None
    assert build_salary_text(make_stats(count=0)) is None


def test_role_card_links_the_title_and_lists_the_facts() -> None:
    role = make_role(3, Sector.HEDGE_FUND, Remote.REMOTE, 200_000)

    text = build_role_block(role)["text"]["text"]

    assert text.splitlines()[0] == "*<https://jobs.example.com/3|ML Engineer 3>*"
    assert text.splitlines()[1] == "Company 3 · Hedge fund · Senior · Remote · London · $200K–$300K/yr"
    assert text.splitlines()[2] == "_matches ML_"


def test_answer_blocks_hold_text_salary_five_roles_sources_and_buttons() -> None:
    blocks = build_answer_blocks(make_answer(), question="ML roles at banks")

    assert texts(blocks)[0] == "*12 roles* match [1]."
    assert texts(blocks)[1].startswith("*Pay:* Median $250K")
    assert sum(1 for t in texts(blocks) if t.startswith("*<https://jobs.example.com/")) == 5
    sources = next(b for b in blocks if b["type"] == "context")["elements"][0]["text"]
    assert "[1] <https://jobs.example.com/1|ML Engineer &lt;Risk&gt;>" in sources
    assert "[2] Moving from big tech" in sources
    actions = blocks[-1]
    assert [e["action_id"] for e in actions["elements"]] == [
        ACTION_FEEDBACK_UP,
        ACTION_FEEDBACK_DOWN,
        ACTION_MORE_ROLES,
    ]
    value = decode_button_value(actions["elements"][0]["value"])
    assert value == ButtonValue(
        "ML roles at banks", {"sector": "bank", "remote": "remote"}, ("p1", "p2", "p3", "p4", "p5")
    )


def test_slash_command_answers_say_who_asked() -> None:
    blocks = build_answer_blocks(make_answer(), question="pay <at> banks?", asked_by="U42")
    assert blocks[0]["elements"][0]["text"] == "<@U42> asked: _pay &lt;at&gt; banks?_"


def test_answers_without_roles_or_salary_keep_only_feedback_buttons() -> None:
    blocks = build_answer_blocks(make_answer(roles=0, salary=None, citations=[]), question="hi")

    assert [b["type"] for b in blocks] == ["section", "actions"]
    assert [e["action_id"] for e in blocks[-1]["elements"]] == [ACTION_FEEDBACK_UP, ACTION_FEEDBACK_DOWN]


def test_long_answers_split_into_sections_of_at_most_3000_chars() -> None:
    long_text = "\n\n".join(f"Paragraph {n} " + "text " * 200 for n in range(8))

    blocks = build_answer_blocks(make_answer(text=long_text), question="q")

    sections = [t for t in texts(blocks) if t.startswith("Paragraph")]
    assert len(sections) >= 3
    assert all(len(t) <= 3000 for t in texts(blocks))


def test_button_value_fits_slack_limit_even_for_long_questions() -> None:
    question = "é" * 5000 + '"quotes"'
    raw = encode_button_value(
        ButtonValue(question, {"sector": "bank"}, tuple(f"id-{n:040d}" for n in range(40)))
    )

    assert len(raw) <= BUTTON_VALUE_LIMIT
    decoded = decode_button_value(raw)
    assert decoded.question == "é" * 1500
    assert decoded.filters == {"sector": "bank"}


def test_malformed_button_values_decode_to_empty() -> None:
    assert decode_button_value("not json") == ButtonValue("")
    assert decode_button_value(json.dumps([1, 2])) == ButtonValue("")
    assert decode_button_value(None) == ButtonValue("")


def test_more_roles_blocks_remember_every_role_shown() -> None:
    previous = ButtonValue("ML roles at banks", {"sector": "bank"}, ("p1", "p2"))
    roles = [make_role(n, Sector.BANK, Remote.REMOTE) for n in (3, 4)]

    blocks = build_more_roles_blocks(roles, previous)

    assert texts(blocks)[0] == "*More roles like these* (bank)"
    assert decode_button_value(blocks[-1]["elements"][0]["value"]).seen == ("p1", "p2", "p3", "p4")
    empty = build_more_roles_blocks([], previous)
    assert texts(empty) == ["No other roles match these filters yet (bank)."]


def test_filters_read_as_a_short_line() -> None:
    filters = {"sector": "hedge_fund", "remote": "remote", "min_salary": 200_000.0, "currency": "GBP"}
    assert describe_filters(filters) == "hedge fund · remote · from £200K"
    assert describe_filters({"min_salary": 150_000}) == "from $150K"
    assert describe_filters({}) == ""


def test_fallback_text_is_the_mrkdwn_answer() -> None:
    assert build_answer_text(make_answer(text="## Pay\n- **$250K** [1]")) == "*Pay*\n• *$250K* [1]"


def test_sources_block_is_absent_without_citations() -> None:
    assert build_sources_block([]) is None
