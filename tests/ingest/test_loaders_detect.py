"""Feed formats are told apart by content (extension breaks ties), and folders are read file by file."""

import shutil
from pathlib import Path

import pytest

from ingest.loaders import detect_format, read_source
from ingest.models import FaqEntry, IngestError, Posting

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("greenhouse_jobs.json", "greenhouse"),
        ("lever_postings.json", "lever"),
        ("jobpostings_graph.jsonld", "jsonld"),
        ("careers_page.html", "jsonld"),
        ("postings.csv", "csv"),
        ("postings.jsonl", "jsonl"),
        ("career_faq.md", "faq"),
    ],
)
def test_detect_format_recognises_each_fixture_by_content_alone(name, expected):
    text = (FIXTURES / name).read_text()

    # A neutral name proves the content decides, not the extension.
    assert detect_format("https://feeds.example/download", text) == expected


def test_detect_format_lets_content_win_over_a_misleading_extension():
    text = (FIXTURES / "greenhouse_jobs.json").read_text()

    assert detect_format("board.jsonld", text) == "greenhouse"


def test_detect_format_uses_the_extension_to_break_a_tie():
    one_record = '{"id": "1", "title": "ML Engineer", "company": "Acme", "description": "Models."}\n'
    single_job_posting = '{"@type": "JobPosting", "title": "ML Engineer", "company": "Acme"}'

    assert detect_format("one.jsonl", one_record) == "jsonl"
    assert detect_format("one.json", single_job_posting) == "jsonld"


def test_detect_format_reads_an_empty_lever_array_as_a_lever_feed_with_no_postings():
    assert detect_format("https://api.lever.co/v0/postings/acme?mode=json", "[]") == "lever"


@pytest.mark.parametrize(
    ("origin", "text", "reason"),
    [
        ("notes.txt", "Just some notes about careers.", "cannot tell the feed format"),
        ("data.json", '{"hello": "world"}', "cannot tell the feed format"),
        ("page.html", "<html><body>No structured data</body></html>", "page has no <script"),
        ("board.json", '{"jobs": [', "invalid JSON"),
        ("blank.csv", "  \n", "file is empty"),
    ],
)
def test_detect_format_raises_a_clear_file_level_error_when_it_cannot_tell(origin, text, reason):
    with pytest.raises(IngestError, match=reason) as caught:
        detect_format(origin, text)

    assert (caught.value.file, caught.value.record) == (origin, None)


def test_read_source_reports_an_unknown_format_as_one_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Nothing to see.")

    [error] = list(read_source(str(path)))

    assert isinstance(error, IngestError)
    assert error.record is None
    assert "pass --format" in error.reason


def test_read_source_rejects_a_format_name_it_does_not_know():
    [error] = list(read_source(str(FIXTURES / "postings.csv"), fmt="xml"))

    assert isinstance(error, IngestError)
    assert "unknown format 'xml'" in error.reason


def test_read_source_reports_a_missing_path():
    [error] = list(read_source("/nonexistent/feeds/board.json"))

    assert isinstance(error, IngestError)
    assert "no such file" in error.reason


def test_read_source_walks_a_folder_in_sorted_order_skipping_hidden_and_unknown_files(tmp_path):
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    shutil.copy(FIXTURES / "postings.csv", tmp_path / "a_postings.csv")
    shutil.copy(FIXTURES / "career_faq.md", tmp_path / "b" / "deeper" / "career_faq.md")
    shutil.copy(FIXTURES / "lever_postings.json", tmp_path / "b" / "lever.json")
    shutil.copy(FIXTURES / "greenhouse_jobs.json", tmp_path / ".cache" / "stale.json")
    (tmp_path / "readme.txt").write_text("not a feed")
    (tmp_path / "b" / "broken.json").write_text("{")

    items = list(read_source(str(tmp_path)))

    origins = list(dict.fromkeys(i.origin if not isinstance(i, IngestError) else i.file for i in items))
    assert [Path(o).relative_to(tmp_path).as_posix() for o in origins] == [
        "a_postings.csv",
        "b/broken.json",
        "b/deeper/career_faq.md",
        "b/lever.json",
    ]
    assert sum(isinstance(i, Posting) for i in items) == 4
    assert sum(isinstance(i, FaqEntry) for i in items) == 3
    broken = [i for i in items if isinstance(i, IngestError) and i.file.endswith("broken.json")]
    assert [e.record for e in broken] == [None]


def test_read_source_forced_format_skips_detection(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text((FIXTURES / "postings.jsonl").read_text())

    postings = [i for i in read_source(str(path), fmt="jsonl") if isinstance(i, Posting)]

    assert [p.source_id for p in postings] == ["am-101", "am-105"]
