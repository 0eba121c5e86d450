"""FAQ Markdown loads one entry per `## Question`, with tags, stable ids and errors for empty answers."""

from pathlib import Path

import pytest

from ingest.loaders import faq, read_source
from ingest.models import FaqEntry, IngestError
from ingest.normalise import slugify
from ingest.normalise.raw import FeedOptions

FAQ = Path(__file__).parent / "fixtures" / "career_faq.md"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, FaqEntry)], [i for i in items if isinstance(i, IngestError)]


def test_faq_file_yields_one_entry_per_question_with_stable_ids():
    entries, _ = split(read_source(str(FAQ)))

    questions = [
        "Can I move from big-tech ML into a hedge fund?",
        "What do senior ML roles at banks pay?",
        "What skills matter most for fraud roles?",
    ]
    assert [e.question for e in entries] == questions
    assert [e.id for e in entries] == [f"faq:career_faq:{slugify(q)[:60]}" for q in questions]
    assert {e.origin for e in entries} == {str(FAQ)}


def test_faq_tags_line_becomes_tags_and_leaves_the_answer():
    entries, _ = split(read_source(str(FAQ)))

    assert entries[0].tags == ["transition", "hedge_fund"]
    assert entries[0].answer == (
        "Yes. Funds hire strong ML engineers and teach the finance on the job.\n"
        "Expect a tougher interview on probability and systems design."
    )
    assert entries[2].tags == []


def test_faq_heading_inside_a_code_sample_stays_in_the_answer():
    entries, _ = split(read_source(str(FAQ)))

    assert "## This heading sits inside a code sample" in entries[1].answer
    assert "Tags:" not in entries[1].answer


def test_faq_question_without_an_answer_is_reported_by_name():
    _, errors = split(read_source(str(FAQ)))

    assert [(e.file, e.record, e.field) for e in errors] == [(str(FAQ), "Is a PhD required?", "answer")]


def test_faq_repeated_question_is_reported_once_the_first_is_kept():
    text = "## Is remote common?\nYes.\n\n## Is remote common?\nNo.\n"

    items = list(faq.parse("dup.md", text, FeedOptions()))

    assert isinstance(items[0], FaqEntry)
    assert items[0].answer == "Yes."
    assert isinstance(items[1], IngestError)
    assert items[1].field == "question"


def test_faq_without_any_question_heading_is_a_file_level_error():
    with pytest.raises(IngestError, match="## Question") as caught:
        list(faq.parse("notes.md", "# Notes\n\nJust prose.\n", FeedOptions()))

    assert caught.value.record is None
