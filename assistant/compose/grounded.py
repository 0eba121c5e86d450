"""The default composer: a friendly markdown answer written only from facts and cited evidence, no LLM."""

from __future__ import annotations

import re

from assistant.compose.evidence import Evidence
from assistant.compose.money import format_money, format_range
from assistant.facts import SECTOR_PLURALS
from assistant.models import Filters, Intent, RoleMatch, SalaryStats
from ingest.models import Level, Sector

NAME = "grounded"
# Sentence ends, but not after an initial: "D. E. Shaw" is one name.
_SENTENCE = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+")


def compose_grounded(evidence: Evidence) -> str:
    """Direct answer first, then the evidence behind it."""
    match evidence.query.intent:
        case Intent.SALARY:
            parts = _salary_answer(evidence)
        case Intent.TRANSITION:
            parts = _transition_answer(evidence)
        case Intent.ROLES:
            parts = _roles_answer(evidence)
        case _:
            parts = _general_answer(evidence)
    return "\n\n".join(p for p in parts if p)


def describe_scope(filters: Filters, topic: str | None = None) -> str:
    """'senior NLP roles at banks, remote, in London' — the population an answer speaks about."""
    words = []
    if filters.level:
        words.append(f"{filters.level.value}-level")
    words.append(f"{topic} roles" if topic else "ML roles")
    scope = " ".join(words)
    if filters.sector:
        scope += f" at {SECTOR_PLURALS[filters.sector.value]}"
    if filters.remote:
        scope += f" ({filters.remote.value})"
    if filters.location:
        scope += f" in {filters.location}"
    if filters.min_salary is not None:
        scope += f" paying at least {filters.min_salary:,.0f} a year"
    return scope


def _salary_answer(evidence: Evidence) -> list[str]:
    scope = describe_scope(evidence.filters, evidence.query.topic)
    stats = evidence.salary
    if stats is None:
        if evidence.matched:
            lead = (
                f"I found {evidence.matched} matching postings for {scope}, but none of them posts a salary "
                "range, so I can't give you a figure from the data."
            )
        else:
            lead = _nothing_found(evidence, scope)
        return [lead, _faq_guidance(evidence, limit=1), _role_list(evidence, "Roles to look at")]
    return [
        _salary_sentence(stats, scope, evidence.matched),
        _other_currencies(stats),
        _faq_guidance(evidence, limit=1),
        _role_list(evidence, "Examples with posted ranges"),
    ]


def _salary_sentence(stats: SalaryStats, scope: str, matched: int) -> str:
    money = stats.currency
    sentence = (
        f"For {scope}, the median posted salary is **{format_money(stats.median, money)}** a year, "
        f"based on {stats.count} posted {_plural(stats.count, 'range')}"
    )
    if matched > stats.count:
        sentence += f" (out of {matched} matching postings)"
    sentence += "."
    if stats.count > 1:
        sentence += (
            f" Posted pay runs from {format_money(stats.min, money)} to {format_money(stats.max, money)}, "
            f"and the middle half of postings sits between {format_money(stats.p25, money)} "
            f"and {format_money(stats.p75, money)}."
        )
    else:
        sentence += f" That posting's range is {format_range(stats.min, stats.max, money)}."
    return sentence


def _other_currencies(stats: SalaryStats) -> str:
    others = [b for b in stats.by_currency if b.currency != stats.currency]
    if not others:
        return ""
    lines = [
        f"- {b.currency}: median {format_money(b.median, b.currency)} from {b.count} posted "
        f"{_plural(b.count, 'range')} ({format_money(b.min, b.currency)}–{format_money(b.max, b.currency)})"
        for b in others
    ]
    return "Postings in other currencies (kept separate, never converted):\n" + "\n".join(lines)


def _transition_answer(evidence: Evidence) -> list[str]:
    query = evidence.query
    parts = []
    if evidence.faq:
        parts.append(_faq_guidance(evidence, limit=2, lead=True))
    else:
        parts.append("I don't have guidance on that exact move in the knowledge base, but the postings help.")
    scope = describe_scope(evidence.filters, query.topic)
    if evidence.top_skills and evidence.matched:
        asked = ", ".join(f"{skill} ({count})" for skill, count in evidence.top_skills)
        parts.append(
            f"**What employers ask for** across {evidence.matched} matching postings for {scope}: {asked}."
        )
    if query.background:
        have = [s for s, _ in evidence.top_skills if s in query.background]
        missing = [s for s, _ in evidence.top_skills if s not in query.background][:4]
        lines = []
        if have:
            lines.append(f"- You already bring: {', '.join(have)}.")
        if missing:
            lines.append(f"- Worth building next: {', '.join(missing)}.")
        if lines:
            parts.append("**Against your background**\n" + "\n".join(lines))
    parts.append(_role_list(evidence, "Roles that fit the move"))
    return parts


def _roles_answer(evidence: Evidence) -> list[str]:
    scope = describe_scope(evidence.filters, evidence.query.topic)
    if not evidence.roles:
        return [_nothing_found(evidence, scope), _faq_guidance(evidence, limit=1)]
    shown = len(evidence.roles)
    best = "is the best match" if shown == 1 else f"are the {shown} best matches"
    if evidence.matched:
        lead = f"I found {evidence.matched} {_plural(evidence.matched, 'posting')} for {scope}; here {best}."
    else:
        # Nothing is about the topic itself: say so, then offer the closest roles under the same filters.
        wider = describe_scope(evidence.filters)
        lead = (
            f"I found no postings specifically about {evidence.query.topic} for {wider}; here {best} instead."
        )
    salary_line = ""
    if evidence.salary is not None:
        stats = evidence.salary
        salary_line = (
            f"Across the {stats.count} of them with a posted {stats.currency} salary, the median is "
            f"{format_money(stats.median, stats.currency)} a year."
        )
    return [lead, _role_list(evidence, None), salary_line, _faq_guidance(evidence, limit=1)]


def _general_answer(evidence: Evidence) -> list[str]:
    if not evidence.faq and not evidence.roles:
        return [
            "I couldn't find anything in the knowledge base or the postings that answers this. "
            "Try asking about ML roles, pay or moving into finance — for example, "
            "*what do senior ML roles at banks pay?*"
        ]
    parts = [_faq_guidance(evidence, limit=2, lead=True)]
    if evidence.roles:
        parts.append(_role_list(evidence, "Related roles"))
    return parts


def _faq_guidance(evidence: Evidence, limit: int, lead: bool = False) -> str:
    """Quote FAQ passages; when they back up a figure-led answer, name the question they answer."""
    paragraphs = []
    for entry in evidence.faq[:limit]:
        sentences = _SENTENCE.split(" ".join(entry.answer.split()))
        text = " ".join(sentences[:3])
        if not lead:
            text = f"From our guide, *{entry.question}* {text}"
        paragraphs.append(f"{text} {evidence.marker(entry.id)}")
    return "\n\n".join(paragraphs)


def _role_list(evidence: Evidence, heading: str | None) -> str:
    if not evidence.roles:
        return ""
    lines = [f"- {_role_line(role)} {evidence.marker(role.id)}" for role in evidence.roles]
    return (f"**{heading}**\n" if heading else "") + "\n".join(lines)


def _role_line(role: RoleMatch) -> str:
    line = f"**{role.title}**, {role.company} — {role.level.value}, {role.remote.value}, {role.location}"
    if role.salary:
        line += (
            f", {format_range(role.salary.min, role.salary.max, role.salary.currency, role.salary.period)}"
        )
    return line


def _nothing_found(evidence: Evidence, scope: str) -> str:
    text = f"I couldn't find any current postings for {scope} among the {evidence.available} I have."
    if evidence.filters.active():
        text += " Removing a filter (remote policy, level or location) usually helps."
    return text


def suggest(evidence: Evidence) -> list[str]:
    """Next questions that make sense from here, phrased as the user would type them."""
    filters, intent = evidence.filters, evidence.query.intent
    suggestions: list[str] = []
    if intent != Intent.SALARY and evidence.matched:
        suggestions.append("What do these roles pay?")
    if intent != Intent.ROLES:
        suggestions.append("Show me matching roles")
    if filters.remote is None:
        suggestions.append("Only remote ones")
    if filters.level != Level.LEAD:
        suggestions.append("More senior")
    other = next(
        (s for s in (Sector.HEDGE_FUND, Sector.FINTECH, Sector.BANK) if s != filters.sector), Sector.BANK
    )
    suggestions.append(f"What about {SECTOR_PLURALS[other.value]}?")
    if intent != Intent.TRANSITION:
        suggestions.append("Which skills should I learn to move into finance?")
    return suggestions[:4]


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
