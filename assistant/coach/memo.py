"""The grounded memo in Markdown: every figure from the findings, every claim next to its [n] source."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.coach.advice import write_plan, write_talking_points
from assistant.coach.findings import ROLES_WANTED, Findings, PayComparison, read_skills, sector_words
from assistant.coach.targets import LEVEL_YEARS, Targets
from assistant.coach.writing import SECTIONS, TOKEN, Citer, format_exact, quote_faq
from assistant.compose.evidence import Evidence
from assistant.compose.money import format_money, format_range
from assistant.facts import SECTOR_LABELS
from assistant.models import Filters, RoleMatch
from ingest.models import FaqEntry, Posting

_REMOTE_MEANS = {
    "any": "any remote policy",
    "remote": "remote roles only",
    "hybrid": "hybrid or remote roles",
    "onsite": "onsite or hybrid roles (an office either way)",
}


@dataclass
class Draft:
    """The grounded memo: `body` is what the check reads, `sources` the numbered list appended to it."""

    body: str
    sources: str
    evidence: Evidence

    @property
    def markdown(self) -> str:
        return f"{self.body}\n\n{self.sources}\n"


def render_memo(findings: Findings) -> Draft:
    cite = Citer()
    parts = [
        f"# Coach memo: {findings.profile.alias}",
        f"_Draft for the coach to review. {len(findings.population)} current postings fit the client's "
        f"targets, out of {findings.available}; every figure cites a numbered source below._",
        _snapshot(findings),
        _roles(findings, cite),
        _compensation(findings, cite),
        write_plan(findings, cite),
        write_talking_points(findings, cite),
    ]
    text = "\n\n".join(p for p in parts if p)
    evidence = _evidence(findings, cite)
    body = TOKEN.sub(lambda m: evidence.marker(m.group(1)), text)
    return Draft(body, render_sources(evidence), evidence)


def render_sources(evidence: Evidence) -> str:
    lines = [f"## {SECTIONS[-1]}", ""]
    for number, citation in enumerate(evidence.citations, start=1):
        kind = "FAQ" if citation.kind == "faq" else "posting"
        line = f"{number}. {citation.title} ({kind})"
        lines.append(line + (f" — <{citation.url}>" if citation.url else ""))
    if not evidence.citations:
        lines.append("No sources: nothing in the data fits this profile yet.")
    return "\n".join(lines)


def _evidence(findings: Findings, cite: Citer) -> Evidence:
    assert findings.query is not None
    cited = list(cite.items.values())
    money = findings.profile.salary_expectation
    evidence = Evidence(
        query=findings.query,
        # The client's expectation is their own figure, which the memo may repeat just as a chat answer
        # repeats the pay floor a user asked about; it filters nothing here.
        filters=Filters(min_salary=money.amount, currency=money.currency) if money else Filters(),
        roles=findings.roles,
        role_postings=[i for i in cited if isinstance(i, Posting)],
        faq=[i for i in cited if isinstance(i, FaqEntry)],
        salary=findings.stats,
        matched=len(findings.population),
        available=findings.available,
        top_skills=findings.skill_counts,
    )
    # Number sources in the order the memo first cites them, not FAQ-first as chat answers do.
    by_id = {c.id: c for c in evidence.citations}
    evidence.citations = [by_id[item_id] for item_id in cite.items]
    return evidence


def _snapshot(findings: Findings) -> str:
    profile, targets = findings.profile, findings.targets
    lines = [f"## {SECTIONS[0]}", ""]
    if profile.current_role:
        lines.append(f"- **Current role:** {profile.current_role}")
    lines.append(f"- **Experience:** {_describe_level(profile.years_experience, targets)}")
    if profile.education:
        lines.append(f"- **Education:** {profile.education}")
    if profile.skills:
        line = f"- **Skills:** {', '.join(profile.skills)}"
        unknown = [s for s in profile.skills if not _known(s, findings.held)]
        if unknown:
            line += (
                f" (not in the postings' skill vocabulary, so not used for matching: {', '.join(unknown)})"
            )
        lines.append(line)
    else:
        lines.append("- **Skills:** none listed, so every skill a posting asks for counts as a gap")
    lines.append(f"- **Targets:** {_describe_targets(targets)}")
    money = profile.salary_expectation
    if money:
        lines.append(f"- **Salary expectation:** {format_exact(money.amount, money.currency)} a year")
    if profile.notes:
        lines.append(f"- **Notes:** {' '.join(profile.notes.split())}")
    return "\n".join(lines)


def _describe_level(years: float | None, targets: Targets) -> str:
    if years is None or targets.level is None:
        return "not given, so roles at every level are considered"
    level = targets.level
    others = [lv.value for lv in targets.levels if lv != level]
    stretch = "a stretch one step up" if targets.levels[-1] != level else "the nearest alternative"
    unit = "year" if years == 1 else "years"
    return (
        f"{years:g} {unit}, which reads as **{level.value}** level ({LEVEL_YEARS[level]} years); "
        f"roles searched: {level.value} and {' and '.join(others)} ({stretch})"
    )


def _describe_targets(targets: Targets) -> str:
    sectors = sector_words(targets) if targets.sectors else "any sector"
    places = " or ".join(p.given for p in targets.places) if targets.places else "any location"
    return f"{sectors}; {places}; {_REMOTE_MEANS[targets.remote]}"


def _roles(findings: Findings, cite: Citer) -> str:
    lines = [f"## {SECTIONS[1]}", ""]
    count = len(findings.roles)
    if count == 0:
        lines.append(
            "No current posting fits every target (sector, location, remote policy and level). "
            "Widening the locations or the remote preference is the first thing to discuss."
        )
        return "\n".join(lines)
    if count < ROLES_WANTED:
        lines.append(
            f"Only {count} {'role fits' if count == 1 else 'roles fit'} every target (fewer than five); "
            "widening the locations or the remote preference would surface more."
        )
    else:
        lines.append(
            f"The {count} postings that fit every target and read closest to the client's role, skills "
            "and notes (at most two per employer), strongest first."
        )
    for role, posting in zip(findings.roles, findings.role_postings, strict=True):
        missing = ", ".join(role.gaps) if role.gaps else "nothing among the skills the posting lists"
        lines += [
            "",
            f"### {role.title} — {role.company} {cite(posting)}",
            "",
            _role_facts(role),
            f"- **Why it fits:** {'; '.join(role.why)}.",
            f"- **What is missing:** {missing}.",
        ]
    return "\n".join(lines)


def _role_facts(role: RoleMatch) -> str:
    line = f"- {SECTOR_LABELS[role.sector.value].capitalize()}, {role.location}, {role.remote.value}, "
    line += f"{role.level.value} level"
    if role.salary:
        pay = role.salary
        line += f"; posted pay {format_range(pay.min, pay.max, pay.currency, pay.period)}"
    return line + "."


def _compensation(findings: Findings, cite: Citer) -> str:
    lines = [f"## {SECTIONS[2]}", ""]
    stats, matched = findings.stats, len(findings.population)
    if stats is None:
        lines.append(
            f"None of the {matched} postings that fit the targets posts a salary, so the data gives no range."
            if matched
            else "No posting fits the targets, so there is no pay data to compare with."
        )
    else:
        lines += [
            f"Posted pay across the {matched} postings that fit the targets, per currency and never "
            "converted (annual; hourly and monthly pay annualised):",
            "",
        ]
        for block in stats.by_currency:
            low, high = findings.extremes[block.currency]
            money = block.currency
            lines.append(
                f"- **{money}**, {block.count} posted {'range' if block.count == 1 else 'ranges'}: median "
                f"{format_money(block.median, money)}, middle half {format_money(block.p25, money)}–"
                f"{format_money(block.p75, money)}, lowest floor {format_money(block.min, money)} "
                f"{cite(low)}, highest ceiling {format_money(block.max, money)} {cite(high)}."
            )
    for entry in findings.pay_faq:
        lines += ["", f"For context, {quote_faq(entry)} {cite(entry)}"]
    if findings.comparison is not None:
        lines += ["", _verdict(findings.comparison, findings.profile.alias, cite)]
    return "\n".join(lines)


def _verdict(pay: PayComparison, alias: str, cite: Citer) -> str:
    asked = format_exact(pay.amount, pay.currency)
    block = pay.block
    if block is None or pay.lowest is None or pay.highest is None:
        return (
            f"**Verdict: no comparison.** No posting that fits the targets states pay in {pay.currency}, so "
            f"{alias}'s expectation of {asked} cannot be compared; figures in other currencies are never "
            "converted."
        )
    low, high = format_money(block.min, block.currency), format_money(block.max, block.currency)
    if pay.verdict == "below":
        return (
            f"**Verdict: below.** {alias}'s expectation of {asked} is below every posted {pay.currency} "
            f"range: the lowest floor is {low} {cite(pay.lowest)}. There is room to ask for more."
        )
    if pay.verdict == "above":
        return (
            f"**Verdict: above.** {alias}'s expectation of {asked} is above every posted {pay.currency} "
            f"range: the highest ceiling is {high} {cite(pay.highest)}. Expect to justify it or adjust it."
        )
    median = format_money(block.median, block.currency)
    if pay.amount > block.p75:
        where = f"in the top quarter, above {format_money(block.p75, block.currency)}"
    elif pay.amount >= block.median:
        where = f"at or above the median of {median}"
    elif pay.amount >= block.p25:
        where = f"below the median of {median}, within the middle half"
    else:
        where = f"in the bottom quarter, below {format_money(block.p25, block.currency)}"
    return (
        f"**Verdict: within.** {alias}'s expectation of {asked} is within the posted {pay.currency} ranges "
        f"({low} {cite(pay.lowest)} to {high} {cite(pay.highest)}), {where}."
    )


def _known(skill: str, held: list[str]) -> bool:
    return bool(set(read_skills([skill])) & set(held))
