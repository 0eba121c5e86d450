"""The grounded memo over the sample corpus: sections, hard filters, pay figures, citations, verdicts."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from assistant.coach.findings import read_skills
from assistant.coach.profile import ClientProfile
from assistant.coach.service import CoachService, Memo
from assistant.coach.targets import COMPATIBLE_REMOTE, build_targets
from assistant.coach.writing import SECTIONS
from assistant.compose.check import check_answer, is_money, read_numbers
from assistant.compose.money import format_money
from ingest.models import Posting
from tests.assistant.coach.coach_support import PROFILE_NAMES

pytestmark = pytest.mark.slow
_MARKER = re.compile(r"\[(\d+)\]")


def _body(memo: Memo) -> str:
    return memo.markdown.split(f"\n## {SECTIONS[-1]}\n")[0]


def _section(memo: Memo, name: str) -> str:
    text = memo.markdown.split(f"\n## {name}\n", 1)[1]
    return text.split("\n## ", 1)[0]


def _postings(coach: CoachService) -> dict[str, Posting]:
    return {p.id: p for p in coach.catalog.get().postings.postings}


def _formatted(value: float, currency: str) -> set[float]:
    return {value} | {v for _, v in read_numbers(format_money(value, currency))}


def _near(value: float, allowed: set[float]) -> bool:
    return any(abs(value - a) <= 0.001 * max(a, 1.0) for a in allowed)


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_memo_has_every_section_in_order(drafted, name: str) -> None:
    _, memo = drafted(name)
    headings = re.findall(r"^## (.+)$", memo.markdown, re.M)
    assert headings == list(SECTIONS)
    assert memo.markdown.startswith("# Coach memo: ")


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_every_recommended_role_respects_sectors_locations_and_remote(coach, drafted, name: str) -> None:
    profile, memo = drafted(name)
    postings = _postings(coach)
    policies = COMPATIBLE_REMOTE[profile.remote]
    assert 1 <= len(memo.findings.roles) <= 5
    for role in memo.findings.roles:
        posting = postings[role.id]
        assert posting.sector in profile.target_sectors, role.title
        assert policies is None or posting.remote in policies, role.title
        places = {posting.location.city, posting.location.country}
        by_city = any(loc in places for loc in profile.locations)
        remote_in_country = posting.remote.value == "remote" and posting.location.country in {
            p.country for p in build_targets(profile).places
        }
        assert by_city or remote_in_country, (role.title, posting.location)
        assert build_targets(profile).fits(posting)


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_every_salary_figure_in_the_memo_is_a_fact(coach, drafted, name: str) -> None:
    profile, memo = drafted(name)
    postings = _postings(coach)
    facts: set[float] = set()
    stats = memo.findings.stats
    for block in stats.by_currency if stats else []:
        for value in (block.min, block.p25, block.median, block.p75, block.max):
            facts |= _formatted(value, block.currency)
    for role in memo.findings.roles:
        posted = postings[role.id].salary
        assert posted is not None or role.salary is None
        if posted is not None:
            facts |= _formatted(posted.min, posted.currency) | _formatted(posted.max, posted.currency)
    for entry in memo.evidence.faq:  # FAQ pay reference points are quoted with their [n]
        facts |= {value for _, value in read_numbers(entry.answer)}
    assert profile.salary_expectation is not None
    facts.add(profile.salary_expectation.amount)
    money = [(w, v) for w, v in read_numbers(_body(memo)) if is_money(w) or v >= 10_000]
    assert money, "the memo states pay"
    untraced = [written for written, value in money if not _near(value, facts)]
    assert not untraced


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_every_marker_resolves_and_every_source_is_cited(drafted, name: str) -> None:
    _, memo = drafted(name)
    cited = {int(n) for n in _MARKER.findall(_body(memo))}
    assert cited == set(range(1, len(memo.evidence.citations) + 1))
    sources = re.findall(r"^(\d+)\. ", _section(memo, SECTIONS[-1]), re.M)
    assert [int(n) for n in sources] == list(range(1, len(memo.evidence.citations) + 1))
    for role in memo.findings.roles:
        assert memo.evidence.marker(role.id), role.title


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_the_grounded_memo_passes_the_chat_groundedness_check(drafted, name: str) -> None:
    _, memo = drafted(name)
    result = check_answer(_body(memo), memo.evidence)
    assert result.ok, (result.untraceable, result.bad_markers)
    assert memo.composer == "grounded"
    assert memo.notice is None


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_gaps_are_the_most_asked_skills_the_client_lacks(drafted, name: str) -> None:
    profile, memo = drafted(name)
    findings = memo.findings
    counts = Counter(skill for posting in findings.population for skill in set(posting.skills))
    held = set(read_skills(profile.skills))
    gaps = findings.gaps
    assert gaps
    assert all(gap.skill not in held and gap.count == counts[gap.skill] for gap in gaps)
    assert [g.count for g in gaps] == sorted((g.count for g in gaps), reverse=True)
    best_missing = max(count for skill, count in counts.items() if skill not in held)
    assert gaps[0].count == best_missing
    plan = _section(memo, SECTIONS[3])
    assert all(f"**{gap.skill}**" in plan for gap in gaps)
    for phase in ("Days 1–30", "Days 31–60", "Days 61–90"):
        assert f"**{phase}**" in plan
    faq_numbers = {n for n, c in enumerate(memo.evidence.citations, start=1) if c.kind == "faq"}
    assert {int(n) for n in _MARKER.findall(plan)} & faq_numbers, "the plan cites FAQ guidance"


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_each_role_says_why_it_fits_and_what_is_missing(drafted, name: str) -> None:
    profile, memo = drafted(name)
    roles = _section(memo, SECTIONS[1])
    held = set(read_skills(profile.skills))
    for role in memo.findings.roles:
        assert f"### {role.title} — {role.company} {memo.evidence.marker(role.id)}" in roles
        assert role.gaps == [s for s in role.skills if s not in held]
    assert roles.count("**Why it fits:**") == roles.count("**What is missing:**") == len(memo.findings.roles)


def test_talking_points_are_grounded_in_the_faq_and_postings(drafted) -> None:
    _, memo = drafted("bigtech_mle_to_hedge_fund")
    points = _section(memo, SECTIONS[4])
    kinds = {memo.evidence.citations[int(n) - 1].kind for n in _MARKER.findall(points)}
    assert kinds == {"faq", "posting"}
    assert "*Can I move into finance from a big-tech ML job without a finance background?*" in points


def _verdict_memo(coach: CoachService, amount: float, currency: str = "USD") -> Memo:
    profile = ClientProfile(
        alias="verdict",
        years_experience=6,
        skills=["python"],
        target_sectors=["bank"],
        salary_expectation={"amount": amount, "currency": currency},
    )
    return coach.draft(profile)


def test_an_expectation_above_every_posted_bank_range_is_above(coach) -> None:
    # The sample's bank ranges top out well under $1M (senior bank ML roles are a few hundred K).
    memo = _verdict_memo(coach, 1_000_000)
    assert memo.verdict == "above"
    assert "**Verdict: above.**" in memo.markdown
    assert "$1M" in _section(memo, SECTIONS[2])


def test_an_expectation_below_every_posted_bank_range_is_below(coach) -> None:
    memo = _verdict_memo(coach, 50_000)
    assert memo.verdict == "below"
    assert "**Verdict: below.**" in memo.markdown


def test_an_expectation_at_the_median_is_within(coach) -> None:
    probe = _verdict_memo(coach, 1_000_000)
    assert probe.findings.comparison is not None
    block = probe.findings.comparison.block
    assert block is not None
    assert block.currency == "USD"
    memo = _verdict_memo(coach, block.median)
    assert memo.verdict == "within"
    assert "**Verdict: within.**" in memo.markdown


def test_an_expectation_in_a_currency_with_no_postings_is_not_compared(coach) -> None:
    memo = _verdict_memo(coach, 20_000_000, "JPY")
    assert memo.verdict is None
    text = _section(memo, SECTIONS[2])
    assert "No posting that fits the targets states pay in JPY" in text
    assert "USD" in text, "the other currencies' figures are still shown, unconverted"


def test_fewer_than_five_fitting_roles_are_called_out(coach) -> None:
    profile = ClientProfile(
        alias="narrow",
        years_experience=12,
        target_sectors=["asset_manager"],
        locations=["Zurich"],
        remote="onsite",
    )
    memo = coach.draft(profile)
    assert len(memo.findings.roles) < 5
    roles = _section(memo, SECTIONS[1])
    assert "fewer than five" in roles or "No current posting fits" in roles


def test_the_same_profile_gives_the_same_memo(coach, drafted) -> None:
    profile, memo = drafted("startup_ds_to_fintech_risk")
    assert coach.draft(profile).markdown == memo.markdown
