"""Flat CSV and JSON Lines schema loads row by row; a bad value skips only its row, naming line and key."""

from datetime import date
from pathlib import Path

from ingest.loaders import read_source, tabular
from ingest.models import IngestError, Level, Period, Posting, Remote, Salary, Sector, SourceKind
from ingest.normalise.raw import FeedOptions

FIXTURES = Path(__file__).parent / "fixtures"
CSV_FEED = FIXTURES / "postings.csv"
JSONL_FEED = FIXTURES / "postings.jsonl"
HEADER = "id,title,company,description,salary_min,salary_max,salary_currency,salary_period\n"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Posting)], [i for i in items if isinstance(i, IngestError)]


def read_csv_text(tmp_path, text):
    path = tmp_path / "feed.csv"
    path.write_text(text)
    return split(read_source(str(path)))


def test_csv_rows_load_with_their_structured_fields():
    postings, _ = split(read_source(str(CSV_FEED)))

    pricing = postings[0]
    assert pricing.source is SourceKind.CSV
    assert (pricing.source_id, pricing.company) == ("ins-001", "Harbour Insurance")
    assert (pricing.remote, pricing.level, pricing.sector) == (Remote.HYBRID, Level.MID, Sector.INSURANCE)
    assert pricing.salary == Salary(min=65_000, max=80_000, currency="GBP", period=Period.YEAR)
    assert pricing.location.city == "Manchester"
    assert (pricing.posted, pricing.valid_through) == (date(2024, 5, 1), date(2024, 6, 30))
    assert pricing.url == "https://harbour.example/jobs/1"
    assert "Work with actuaries." in pricing.description


def test_csv_free_text_salary_and_semicolon_skills_reach_the_raw_posting():
    raws = [
        r
        for r in tabular.parse_csv("feed.csv", CSV_FEED.read_text(), FeedOptions())
        if not isinstance(r, IngestError)
    ]

    assert raws[0].skills_hint == ["python", "sql", "xgboost"]
    assert raws[1].salary is None
    assert raws[1].salary_text == "£120k-£140k + bonus"
    assert raws[1].skills_hint == ["mlflow", "kubernetes"]


def test_csv_bad_enum_and_bad_number_skip_only_their_rows_naming_line_and_column():
    postings, errors = split(read_source(str(CSV_FEED)))

    assert [p.source_id for p in postings] == ["ins-001", "ins-002"]
    # ins-001 spans lines 2-3 (a quoted newline), so ins-003 starts on line 5.
    assert [(e.record, e.field) for e in errors] == [("line 5", "remote"), ("line 6", "salary_min")]
    assert "sometimes" in errors[0].reason
    assert "hybrid" in errors[0].reason


def test_csv_missing_required_value_names_the_column(tmp_path):
    _, errors = read_csv_text(tmp_path, HEADER + "r1,,Acme Bank,Credit models,,,,\n")

    assert [(e.record, e.field) for e in errors] == [("line 2", "title")]


def test_csv_header_without_required_columns_is_a_file_level_error(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("title,company\nML Engineer,Acme Bank\n")

    [error] = list(read_source(str(path)))

    assert isinstance(error, IngestError)
    assert error.record is None
    assert "id, description" in error.reason


def test_csv_salary_needs_a_currency_and_a_plausible_range(tmp_path):
    rows = (
        "r1,ML,Acme,Models,150000,,,\nr2,ML,Acme,Models,120,140,USD,year\nr3,ML,Acme,Models,90,80,USD,hour\n"
    )

    _, errors = read_csv_text(tmp_path, HEADER + rows)

    assert [(e.record, e.field) for e in errors] == [
        ("line 2", "salary_currency"),
        ("line 3", "salary_min"),
        ("line 4", "salary_max"),
    ]


def test_csv_single_salary_figure_is_both_bounds_and_period_is_honoured(tmp_path):
    postings, errors = read_csv_text(tmp_path, HEADER + "r1,ML Contractor,Acme,Models,,95,usd,hour\n")

    assert errors == []
    assert postings[0].salary == Salary(min=95, max=95, currency="USD", period=Period.HOUR)


def test_jsonl_lines_load_and_each_bad_line_is_reported_by_number():
    postings, errors = split(read_source(str(JSONL_FEED)))

    assert [p.source_id for p in postings] == ["am-101", "am-105"]
    assert postings[0].source is SourceKind.JSONL
    assert postings[0].salary == Salary(min=180_000, max=220_000, currency="USD", period=Period.YEAR)
    assert postings[0].level is Level.SENIOR
    assert [(e.record, e.field) for e in errors] == [
        ("line 2", "level"),
        ("line 4", "posted"),
        ("line 5", None),
    ]
    assert "invalid JSON" in errors[2].reason


def test_jsonl_skills_list_and_free_text_salary_reach_the_raw_posting():
    raws = [
        r
        for r in tabular.parse_jsonl("f.jsonl", JSONL_FEED.read_text(), FeedOptions())
        if not isinstance(r, IngestError)
    ]

    assert raws[0].skills_hint == ["python", "transformers"]
    assert raws[1].salary_text == "$150k - $180k"
    assert raws[1].remote is Remote.REMOTE


def test_jsonl_line_that_is_not_an_object_or_has_bad_skills_is_reported():
    not_an_object = '["not", "an", "object"]'
    bad_skills = '{"id": 1, "title": "ML", "company": "A", "description": "d", "skills": [1, 2]}'
    text = f"{not_an_object}\n{bad_skills}\n"

    errors = list(tabular.parse_jsonl("f.jsonl", text, FeedOptions()))

    assert [(e.record, e.field) for e in errors] == [("line 1", None), ("line 2", "skills")]


def test_unknown_remote_value_leaves_the_policy_to_be_inferred():
    text = '{"id": "1", "title": "ML", "company": "A", "description": "d", "remote": "unknown"}\n'

    [raw] = list(tabular.parse_jsonl("f.jsonl", text, FeedOptions()))

    assert raw.remote is None
