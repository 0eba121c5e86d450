"""schema.org JobPosting loads from JSON-LD files (@graph, arrays) and from HTML pages' ld+json blocks."""

import json
from datetime import date
from pathlib import Path

import pytest

from ingest.loaders import jsonld, read_source
from ingest.models import IngestError, Period, Posting, Remote, Salary, Sector, SourceKind
from ingest.normalise.raw import FeedOptions

FIXTURES = Path(__file__).parent / "fixtures"
GRAPH = FIXTURES / "jobpostings_graph.jsonld"
PAGE = FIXTURES / "careers_page.html"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Posting)], [i for i in items if isinstance(i, IngestError)]


def parse_raws(origin, text, options=None):
    return [r for r in jsonld.parse(origin, text, options or FeedOptions()) if not isinstance(r, IngestError)]


def test_jsonld_graph_loads_its_job_postings_and_ignores_other_types():
    postings, _ = split(read_source(str(GRAPH)))

    assert [p.source_id for p in postings] == ["NB-2024-0042", "NB-2024-0051"]
    lead = postings[0]
    assert lead.source is SourceKind.JSONLD
    assert lead.company == "Northbank"
    assert lead.location.city == "London"
    assert lead.salary == Salary(min=110_000, max=140_000, currency="GBP", period=Period.YEAR)
    assert lead.posted == date(2024, 4, 15)
    assert lead.valid_through == date(2024, 6, 30)
    assert lead.url == "https://careers.northbank.example/jobs/NB-2024-0042"
    assert "SR 11-7" in lead.description


def test_jsonld_telecommute_posting_is_remote_with_hourly_pay_and_decoded_description():
    postings, _ = split(read_source(str(GRAPH)))

    remote = postings[1]
    assert remote.remote is Remote.REMOTE
    assert remote.salary == Salary(min=85, max=85, currency="USD", period=Period.HOUR)
    assert remote.description == "Real-time fraud scoring for card payments."


def test_jsonld_structured_hints_reach_the_raw_posting():
    lead, remote = parse_raws(str(GRAPH), GRAPH.read_text())

    assert (lead.city, lead.region, lead.country) == ("London", "England", "GB")
    assert lead.level_hint == "8 years of experience"
    assert lead.skills_hint == ["Python", "Model validation", "SQL"]
    assert lead.sector is Sector.BANK
    assert remote.remote_hint == "TELECOMMUTE"
    assert remote.country == "US"
    assert remote.skills_hint == ["Python", "Kafka", "XGBoost"]


def test_jsonld_posting_without_title_is_reported_while_the_others_load():
    postings, errors = split(read_source(str(GRAPH)))

    assert len(postings) == 2
    assert [(e.file, e.record, e.field) for e in errors] == [(str(GRAPH), "NB-2024-0060", "title")]


def test_jsonld_html_page_yields_the_posting_from_its_ld_json_block():
    postings, errors = split(read_source(str(PAGE)))

    assert errors == []
    [posting] = postings
    assert posting.title == "Quantitative Researcher, Machine Learning"
    assert posting.company == "Meridian Capital"
    assert posting.source_id == "MC-QR-7"
    assert posting.location.city == "Chicago"
    assert posting.salary == Salary(min=200_000, max=300_000, currency="USD", period=Period.YEAR)
    assert posting.valid_through == date(2024, 5, 31)
    assert "machine learning & alternative data" in posting.description


def test_jsonld_html_page_lists_every_office_in_the_location_text():
    [raw] = parse_raws(str(PAGE), PAGE.read_text())

    assert raw.location_text == "Chicago, IL, US; New York, NY, US"
    assert raw.level_hint == "5+ years of experience"


def test_jsonld_broken_block_is_reported_and_the_page_s_other_postings_still_load():
    page = PAGE.read_text().replace(
        '<script type="application/ld+json">',
        '<script type="application/ld+json">{"@type": "JobPosting",</script>\n'
        '<script type="application/ld+json">',
        1,
    )

    items = list(jsonld.parse("page.html", page, FeedOptions()))

    errors = [i for i in items if isinstance(i, IngestError)]
    assert [(e.record, e.field) for e in errors] == [("ld+json block 1", None)]
    assert [i.title for i in items if not isinstance(i, IngestError)] == [
        "Quantitative Researcher, Machine Learning"
    ]


def test_jsonld_posting_without_identifier_uses_its_url_then_a_stable_hash():
    with_url = {
        "@type": "JobPosting",
        "title": "Quant Dev",
        "hiringOrganization": "Acme",
        "url": "https://a.example/1",
    }
    bare = {"@type": "JobPosting", "title": "Quant Dev", "hiringOrganization": "Acme"}

    [by_url, by_hash] = parse_raws("list.jsonld", json.dumps([with_url, bare]))
    [again] = parse_raws("other.jsonld", json.dumps(bare))

    assert by_url.source_id == "https://a.example/1"
    assert by_hash.source_id == again.source_id
    assert len(by_hash.source_id) == 16


def test_jsonld_posting_without_hiring_organization_asks_for_the_company_option():
    posting = {"@type": "JobPosting", "title": "Quant Dev", "description": "C++ and Python."}

    [error] = list(jsonld.parse("one.jsonld", json.dumps(posting), FeedOptions()))
    [raw] = parse_raws("one.jsonld", json.dumps(posting), FeedOptions(company="Acme Capital"))

    assert isinstance(error, IngestError)
    assert (error.record, error.field) == (0, "hiringOrganization")
    assert raw.company == "Acme Capital"


def test_jsonld_document_without_any_job_posting_is_a_file_level_error():
    organisation = json.dumps({"@context": "https://schema.org", "@type": "Organization", "name": "Acme"})

    with pytest.raises(IngestError, match=r"no schema\.org JobPosting") as caught:
        list(jsonld.parse("org.jsonld", organisation, FeedOptions()))

    assert caught.value.record is None


def test_jsonld_bad_date_names_the_field_and_record():
    posting = {
        "@type": "JobPosting",
        "identifier": "J1",
        "title": "ML",
        "hiringOrganization": "A",
        "datePosted": "soon",
    }

    [error] = list(jsonld.parse("one.jsonld", json.dumps(posting), FeedOptions()))

    assert isinstance(error, IngestError)
    assert (error.record, error.field) == ("J1", "datePosted")
