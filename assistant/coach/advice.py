"""The memo's advice sections: skill gaps with a 90-day plan, and interview talking points."""

from __future__ import annotations

from assistant.coach.findings import PLAN_PHASES, Findings, SkillCount, sector_words
from assistant.coach.writing import SECTIONS, Citer, asked_by, first_sentence, quote_faq


def write_plan(findings: Findings, cite: Citer) -> str:
    lines = [f"## {SECTIONS[3]}", ""]
    matched = len(findings.population)
    if findings.gaps:
        lines += [f"Skills the {matched} matching postings ask for most that the client does not list:", ""]
        lines += [f"- **{gap.skill}**: {asked_by(gap, matched, cite)}" for gap in findings.gaps]
    else:
        lines.append(
            "The matching postings ask for no skill the client lacks; the plan focuses on the domain."
        )
    for name, items in zip(PLAN_PHASES, _phases(findings, cite), strict=True):
        lines += ["", f"**{name}**", ""] + [f"- {item}" for item in items]
    return "\n".join(lines)


def _phases(findings: Findings, cite: Citer) -> list[list[str]]:
    """Month one: the two most asked-for gaps. Month two: the rest and a project. Month three: apply."""
    learn = [_learn(gap, findings, cite) for gap in findings.gaps]
    first, second = learn[:2], learn[2:]
    for entry in findings.plan_faq:
        (second if first else first).append(
            f"Turn the new skills into evidence. {quote_faq(entry)} {cite(entry)}"
        )
    if not first:
        first.append("Read the target postings closely and list the problems each team works on.")
    if not second:
        second.append("Deepen the skills above with a project on public data that mirrors a target role.")
    third = ["Rehearse the talking points below and run mock interviews."]
    if findings.role_postings:
        markers = "".join(cite(p) for p in findings.role_postings)
        third.insert(
            0, f"Apply to the target roles above {markers}, tailoring the CV to each posting's skills."
        )
    return [first, second, third]


def _learn(gap: SkillCount, findings: Findings, cite: Citer) -> str:
    example = gap.example
    text = f"Learn **{gap.skill}**, as {example.title} at {example.company} asks {cite(example)}."
    entry = findings.skill_faq.get(gap.skill)
    if entry is not None:
        text += f" {quote_faq(entry, about=gap.skill)} {cite(entry)}"
    return text


def write_talking_points(findings: Findings, cite: Citer) -> str:
    lines = [f"## {SECTIONS[4]}", ""]
    background = findings.profile.current_role or "the client's background"
    for entry in findings.move_faq:
        lines.append(
            f"- **Bridge from {background} to {_sectors(findings)}.** {quote_faq(entry)} {cite(entry)}"
        )
    for entry in findings.goal_faq:
        lines.append(f"- **Connect to the goal in the notes.** {quote_faq(entry)} {cite(entry)}")
    for entry in findings.domain_faq:
        lines.append(f"- **Show the domain is understood.** {quote_faq(entry)} {cite(entry)}")
    matched = len(findings.population)
    for strength in findings.strengths:
        lines.append(
            f"- **Lead with {strength.skill}**, {asked_by(strength, matched, cite)}; bring one concrete "
            "project that used it."
        )
    for role, posting in list(zip(findings.roles, findings.role_postings, strict=True))[:2]:
        overlap = [s for s in posting.skills if s in findings.held]
        hook = f"connect the client's {', '.join(overlap)} to" if overlap else "map past work onto"
        lines.append(
            f"- **For {role.title} at {role.company}**, {hook} what the team describes: "
            f"“{first_sentence(posting.description)}” {cite(posting)}"
        )
    for entry in findings.interview_faq:
        lines.append(f"- **Prepare for the format.** {quote_faq(entry)} {cite(entry)}")
    if len(lines) == 2:
        lines.append(
            "- Nothing in the data speaks to this profile yet; talking points need the coach's input."
        )
    return "\n".join(lines)


def _sectors(findings: Findings) -> str:
    return sector_words(findings.targets) if findings.targets.sectors else "finance"
