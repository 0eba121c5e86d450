"""Lever postings API feeds load into postings with their salary range, lists and workplace type."""

import json
from datetime import date
from pathlib import Path

import pytest

from ingest.loaders import lever, read_source
from ingest.models import IngestError, Period, Posting, Remote, Salary, SourceKind
from ingest.normalise.raw import FeedOptions

FEED = Path(__file__).parent / "fixtures" / "lever_postings.json"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Posting)], [i for i in items if isinstance(i, IngestError)]


def test_lever_feed_loads_postings_with_salary_range_and_company_from_the_url():
    postings, _ = split(read_source(str(FEED)))

    assert [p.source_id for p in postings] == [
        "5f1c2d3e-aaaa-4bbb-8ccc-0123456789ab",
        "6a7b8c9d-bbbb-4ccc-8ddd-0123456789cd",
    ]
    first = postings[0]
    assert first.source is SourceKind.LEVER
    assert first.company == "Brightpay"
    assert first.title == "Senior Machine Learning Engineer, Credit Risk"
    assert first.salary == Salary(min=95_000, max=120_000, currency="GBP", period=Period.YEAR)
    assert first.posted == date(2024, 5, 1)
    assert first.url == "https://jobs.lever.co/brightpay/5f1c2d3e-aaaa-4bbb-8ccc-0123456789ab"


def test_lever_workplace_type_sets_the_remote_policy():
    postings, _ = split(read_source(str(FEED)))

    assert [p.remote for p in postings] == [Remote.HYBRID, Remote.REMOTE]


def test_lever_description_joins_text_list_sections_and_additional_info():
    raw = next(lever.parse(str(FEED), FEED.read_text(), FeedOptions()))

    assert raw.description.startswith("Brightpay is a fintech lending platform.\nYou will own")
    assert (
        "What you'll do\n- Ship gradient-boosted credit models\n- Explain them to regulators"
        in raw.description
    )
    assert "About you\n- Python, SQL and PyTorch" in raw.description
    assert raw.description.endswith("We offer a generous learning budget.")
    assert raw.location_text == "London; Dublin"
    assert raw.country == "GB"
    assert raw.level_hint == "Senior Full-time"


def test_lever_company_option_wins_over_the_url_guess():
    postings, _ = split(read_source(str(FEED), options=FeedOptions(company="BrightPay Ltd")))

    assert {p.company for p in postings} == {"BrightPay Ltd"}


def test_lever_posting_without_text_is_reported_while_the_others_load():
    postings, errors = split(read_source(str(FEED)))

    assert len(postings) == 2
    assert [(e.record, e.field) for e in errors] == [("7c8d9e0f-cccc-4ddd-8eee-0123456789ef", "text")]


def test_lever_grouped_response_is_flattened():
    postings = json.loads(FEED.read_text())[:2]
    grouped = json.dumps(
        [{"title": "Credit", "postings": postings[:1]}, {"title": "Payments", "postings": postings[1:]}]
    )

    raws = list(lever.parse("grouped.json", grouped, FeedOptions()))

    assert [r.title for r in raws] == [postings[0]["text"], postings[1]["text"]]


def test_lever_posting_without_company_anywhere_asks_for_the_company_option():
    feed = json.dumps([{"id": "x1", "text": "ML Engineer", "categories": {}, "descriptionPlain": "Models."}])

    [error] = list(lever.parse("feed.json", feed, FeedOptions()))

    assert isinstance(error, IngestError)
    assert error.field == "company"
    assert "--company" in error.reason


def test_lever_bad_created_at_names_the_field():
    feed = json.dumps(
        [{"id": "x2", "text": "ML Engineer", "createdAt": "yesterday", "descriptionPlain": "Models."}]
    )

    [error] = list(lever.parse("feed.json", feed, FeedOptions(company="Acme")))

    assert isinstance(error, IngestError)
    assert (error.record, error.field) == ("x2", "createdAt")


def test_lever_document_that_is_not_an_array_is_a_file_level_error():
    with pytest.raises(IngestError, match="array") as caught:
        list(lever.parse("feed.json", '{"postings": []}', FeedOptions()))

    assert caught.value.record is None
