"""Greenhouse Job Board API feeds load into postings; a bad job is reported without stopping the feed."""

import json
from datetime import date
from pathlib import Path

from ingest.loaders import greenhouse, read_source
from ingest.models import IngestError, Period, Posting, Remote, Salary, SourceKind
from ingest.normalise.raw import FeedOptions

FEED = Path(__file__).parent / "fixtures" / "greenhouse_jobs.json"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Posting)], [i for i in items if isinstance(i, IngestError)]


def write_feed(tmp_path, jobs):
    path = tmp_path / "board.json"
    path.write_text(json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}}))
    return path


def test_greenhouse_feed_loads_each_job_with_company_url_date_and_pay_range():
    postings, _ = split(read_source(str(FEED)))

    assert [p.source_id for p in postings] == ["4012345", "4012399"]
    first = postings[0]
    assert first.source is SourceKind.GREENHOUSE
    assert first.title == "Senior Machine Learning Engineer, Systematic Trading"
    assert first.company == "Quant Fund Partners"
    assert first.url == "https://boards.greenhouse.io/quantfund/jobs/4012345"
    assert first.posted == date(2024, 4, 29)
    assert first.salary == Salary(min=250_000, max=350_000, currency="USD", period=Period.YEAR)
    assert first.origin == str(FEED)


def test_greenhouse_entity_encoded_html_becomes_plain_text():
    postings, _ = split(read_source(str(FEED)))

    description = postings[0].description
    assert "Build low-latency feature pipelines in Python and C++" in description
    assert "R&D budget & GPUs included." in description
    assert "&lt;" not in description
    assert "<p>" not in description


def test_greenhouse_remote_location_is_passed_on_as_a_remote_hint():
    raws = [
        r
        for r in greenhouse.parse(str(FEED), FEED.read_text(), FeedOptions())
        if not isinstance(r, IngestError)
    ]

    assert raws[1].location_text == "Remote - US"
    assert raws[1].remote_hint == "Remote - US"
    assert raws[0].remote_hint == ""
    assert raws[0].level_hint == "Senior"
    assert raws[0].department == "Machine Learning"


def test_greenhouse_remote_job_is_normalised_as_remote():
    postings, _ = split(read_source(str(FEED)))

    assert postings[1].remote is Remote.REMOTE


def test_greenhouse_job_without_title_is_reported_while_the_others_load():
    postings, errors = split(read_source(str(FEED)))

    assert len(postings) == 2
    assert [(e.file, e.record, e.field) for e in errors] == [(str(FEED), "4012400", "title")]


def test_greenhouse_job_without_company_name_asks_for_the_company_option(tmp_path):
    job = {"id": 7, "title": "Quant ML Researcher", "content": "&lt;p&gt;Alpha research.&lt;/p&gt;"}
    path = write_feed(tmp_path, [job])

    _, errors = split(read_source(str(path)))
    postings, _ = split(read_source(str(path), options=FeedOptions(company="Acme Quant")))

    assert errors[0].field == "company"
    assert errors[0].record == "7"
    assert "--company" in errors[0].reason
    assert postings[0].company == "Acme Quant"


def test_greenhouse_job_falls_back_to_updated_at_and_office_names(tmp_path):
    job = {
        "id": 8,
        "title": "Risk Modelling Engineer",
        "company_name": "Acme Bank",
        "content": "&lt;p&gt;Credit risk models.&lt;/p&gt;",
        "updated_at": "2024-02-03T23:30:00-05:00",
        "location": {"name": ""},
        "offices": [{"name": "Toronto", "location": "Toronto, ON, Canada"}],
    }
    raw = next(greenhouse.parse("feed.json", json.dumps({"jobs": [job]}), FeedOptions()))

    assert raw.posted == date(2024, 2, 3)
    assert raw.location_text == "Toronto"


def test_greenhouse_file_with_broken_json_is_a_single_file_level_error(tmp_path):
    path = tmp_path / "board.json"
    path.write_text('{"jobs": [{"id": 1, "title": "ML Engineer"')

    for fmt in ("auto", "greenhouse"):
        items = list(read_source(str(path), fmt=fmt))
        assert len(items) == 1
        assert isinstance(items[0], IngestError)
        assert items[0].record is None
        assert "invalid JSON" in items[0].reason


def test_greenhouse_forced_on_a_document_without_jobs_explains_the_expected_shape(tmp_path):
    path = tmp_path / "board.json"
    path.write_text('{"meta": {"total": 0}}')

    [error] = list(read_source(str(path), fmt="greenhouse"))

    assert isinstance(error, IngestError)
    assert "'jobs' list" in error.reason
