"""The coach over real HTTP (POST /v1/coach/draft) and from the command line (careers coach -o)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
import yaml

from assistant.cli import main
from tests.assistant.coach.coach_support import PROFILES

pytestmark = pytest.mark.slow


def _draft(url: str, body: object) -> httpx.Response:
    return httpx.post(f"{url}/v1/coach/draft", json=body, timeout=120)


def test_draft_returns_the_memo_roles_salary_and_resolving_citations(live_server) -> None:
    profile = yaml.safe_load((PROFILES / "bigtech_mle_to_hedge_fund.yaml").read_text())
    response = _draft(live_server.url, profile)
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"markdown", "roles", "salary", "citations"}
    assert body["markdown"].startswith("# Coach memo: bigtech-mle")
    assert 1 <= len(body["roles"]) <= 5
    assert all(role["sector"] == "hedge_fund" for role in body["roles"])
    assert body["salary"]["count"] == len(body["salary"]["posting_ids"]) > 0
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", body["markdown"])}
    assert markers == set(range(1, len(body["citations"]) + 1))
    assert body["composer"] == "grounded"


def test_the_web_forms_body_is_accepted(live_server) -> None:
    # The exact shape assistant/web/static/coach.js readProfile() posts, optional numbers left out.
    form = {
        "alias": "jane-d",
        "current_role": "ML engineer at a consumer tech company",
        "skills": ["python", "pytorch", "sql"],
        "education": "",
        "target_sectors": ["fintech"],
        "locations": ["New York"],
        "remote": "any",
        "notes": "",
    }
    response = _draft(live_server.url, form)
    assert response.status_code == 200
    markdown = response.json()["markdown"]
    assert "not given, so roles at every level are considered" in markdown
    assert "Verdict" not in markdown


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"alias": "x", "remote": "sometimes"}, "remote"),
        (
            {"alias": "x", "salary_expectation": {"amount": 100, "currency": "dollars"}},
            "salary_expectation.currency",
        ),
        ({"alias": "x", "target_sectors": ["crypto"]}, "target_sectors.0"),
        ({"alias": "x", "years_experience": -1}, "years_experience"),
        ({"skills": ["python"]}, "alias"),
    ],
)
def test_a_bad_profile_is_a_422_problem_naming_the_field(live_server, body: object, field: str) -> None:
    response = _draft(live_server.url, body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in [error["field"] for error in response.json()["errors"]]


def test_cli_writes_the_memo_to_the_output_file(sample_services, tmp_path: Path, capsys) -> None:
    out = tmp_path / "memo.md"
    data_dir = str(sample_services.settings.data_dir)
    code = main(
        ["coach", str(PROFILES / "phd_to_quant_research.yaml"), "-o", str(out), "--data-dir", data_dir]
    )
    assert code == 0
    memo = out.read_text()
    assert memo.startswith("# Coach memo: phd-researcher")
    assert "## Sources" in memo
    assert f"Wrote {out}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("alias: x\nskills: [python\n", "not valid YAML"),
        (
            "alias: x\nsalary_expectation: {amount: 1, currency: dollars}\n",
            "field 'salary_expectation.currency'",
        ),
    ],
)
def test_cli_reports_a_bad_profile_in_one_line_with_exit_code_2(
    sample_services, tmp_path: Path, capsys, content: str, expected: str
) -> None:
    path = tmp_path / "client.yaml"
    path.write_text(content)
    out = tmp_path / "memo.md"
    code = main(["coach", str(path), "-o", str(out), "--data-dir", str(sample_services.settings.data_dir)])
    assert code == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert expected in err
    assert "Traceback" not in err
    assert not out.exists()
