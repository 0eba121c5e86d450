"""Block Kit for answers: text sections, role cards, salary line, sources and buttons (pure functions)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.compose.money import format_money
from assistant.models import Answer, Citation, RoleMatch, SalaryOut, SalaryStats
from assistant.slack.mrkdwn import SECTION_LIMIT, convert_markdown, escape_mrkdwn, format_link, split_mrkdwn

MAX_ROLE_CARDS = 5
MAX_SECTIONS = 20
QUESTION_LIMIT = 1500
BUTTON_VALUE_LIMIT = 2000
SEEN_LIMIT = 30

ACTION_FEEDBACK_UP = "feedback_up"
ACTION_FEEDBACK_DOWN = "feedback_down"
ACTION_MORE_ROLES = "more_roles"

USAGE_TEXT = (
    "*Ask me about ML careers in finance.*\n"
    "• `/careers what do senior ML roles at banks pay?` — answer in this channel, in a thread\n"
    "• `/careers private remote fraud roles at fintechs` — answer only you can see\n"
    "• Mention me or send me a DM; reply in the thread to follow up (e.g. _only remote ones_)."
)

_PERIODS = {"year": "/yr", "month": "/mo", "hour": "/hr"}
_REMOTE_LABELS = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}


@dataclass(frozen=True)
class ButtonValue:
    """What a button carries back to us: the question, the filters in force and the roles already shown."""

    question: str
    filters: dict[str, Any] = field(default_factory=dict)
    seen: tuple[str, ...] = ()


def encode_button_value(value: ButtonValue) -> str:
    """Return compact JSON that fits Slack's 2000-char button value, shortening the question if needed."""
    question = value.question[:QUESTION_LIMIT]
    seen = list(value.seen[-SEEN_LIMIT:])
    while True:
        raw = json.dumps(
            {"q": question, "f": value.filters, "s": seen}, separators=(",", ":"), ensure_ascii=False
        )
        overflow = len(raw) - BUTTON_VALUE_LIMIT
        if overflow <= 0:
            return raw
        if seen:
            seen = seen[1:]
        else:
            question = question[: max(len(question) - overflow - 8, 0)]


def decode_button_value(raw: str | None) -> ButtonValue:
    """Parse a button value; anything malformed yields an empty value rather than an error."""
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return ButtonValue(question="")
    if not isinstance(data, dict):
        return ButtonValue(question="")
    question = data.get("q") if isinstance(data.get("q"), str) else ""
    filters = data.get("f") if isinstance(data.get("f"), dict) else {}
    seen = tuple(str(item) for item in data.get("s", []) if isinstance(item, str | int))
    return ButtonValue(question=question or "", filters=filters or {}, seen=seen)


def format_amount(amount: float, currency: str) -> str:
    """Return a short money figure written exactly as the answer text writes it: $250K, £1.25M, CHF 180K."""
    return format_money(amount, currency)


def format_salary(salary: SalaryOut) -> str:
    """Return a posted range like "$200K–$300K/yr" (a single figure when min equals max)."""
    low, high = format_amount(salary.min, salary.currency), format_amount(salary.max, salary.currency)
    span = low if low == high else f"{low}–{high}"
    return f"{span}{_PERIODS.get(salary.period, '/' + salary.period)}"


def describe_filters(filters: dict[str, Any]) -> str:
    """Return the filters in force as a short human line, e.g. "bank · remote · from $200K"."""
    money = {"min_salary", "currency"}
    parts = [str(value).replace("_", " ") for key, value in filters.items() if key not in money and value]
    if isinstance(filters.get("min_salary"), int | float) and filters["min_salary"] > 0:
        parts.append("from " + format_amount(filters["min_salary"], str(filters.get("currency") or "USD")))
    return " · ".join(parts)


def build_role_block(role: RoleMatch) -> dict[str, Any]:
    """Return a role card: linked title, then company, sector, level, remote, location and salary."""
    title = format_link(role.title, role.url) if role.url else escape_mrkdwn(role.title)
    facts = [
        escape_mrkdwn(role.company),
        str(role.sector).replace("_", " ").capitalize(),
        str(role.level).capitalize(),
        _REMOTE_LABELS.get(str(role.remote), ""),
        escape_mrkdwn(role.location),
        format_salary(role.salary) if role.salary else "",
    ]
    lines = [f"*{title}*", " · ".join(fact for fact in facts if fact)]
    if role.why:
        lines.append("_" + escape_mrkdwn("; ".join(role.why[:2])) + "_")
    return {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)[:SECTION_LIMIT]}}


def build_salary_text(stats: SalaryStats | None) -> str | None:
    """Return "Median $X (range $A–$B) from N posted ranges", or None without statistics."""
    if stats is None or stats.count == 0:
        return None

    def money(amount: float) -> str:
        return format_amount(amount, stats.currency)

    noun = "range" if stats.count == 1 else "ranges"
    text = (
        f"Median {money(stats.median)} (range {money(stats.min)}–{money(stats.max)}) "
        f"from {stats.count} posted {noun}"
    )
    others = [
        f"{block.count} in {block.currency}"
        for block in stats.by_currency
        if block.currency != stats.currency
    ]
    return text + (f"; also {', '.join(others)}" if others else "")


def build_sources_block(citations: Sequence[Citation]) -> dict[str, Any] | None:
    """Return a context block listing the sources as "[n] title", linked when they have a URL."""
    if not citations:
        return None
    lines = [
        f"[{n}] " + (format_link(c.title, c.url) if c.url else escape_mrkdwn(c.title))
        for n, c in enumerate(citations, start=1)
    ]
    elements = [{"type": "mrkdwn", "text": chunk} for chunk in split_mrkdwn("*Sources*\n" + "\n".join(lines))]
    return {"type": "context", "elements": elements[:10]}


def build_actions_block(value: ButtonValue, *, more_roles: bool) -> dict[str, Any]:
    """Return the Helpful / Not helpful / More roles buttons, each carrying the question and filters."""
    raw = encode_button_value(value)
    buttons = [
        _build_button("Helpful", ACTION_FEEDBACK_UP, raw),
        _build_button("Not helpful", ACTION_FEEDBACK_DOWN, raw),
    ]
    if more_roles:
        buttons.append(_build_button("More roles like these", ACTION_MORE_ROLES, raw))
    return {"type": "actions", "block_id": "careers_actions", "elements": buttons}


def build_answer_blocks(
    answer: Answer, *, question: str, asked_by: str | None = None
) -> list[dict[str, Any]]:
    """Return the whole answer message: who asked, text, salary, role cards, sources and buttons."""
    blocks: list[dict[str, Any]] = []
    if asked_by:
        asked = f"<@{asked_by}> asked: _{escape_mrkdwn(question[:300])}_"
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": asked}]})
    for chunk in split_mrkdwn(convert_markdown(answer.answer))[:MAX_SECTIONS]:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": chunk}})
    if salary := build_salary_text(answer.salary):
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": f"*Pay:* {salary}"}})
    roles = answer.roles[:MAX_ROLE_CARDS]
    if roles:
        blocks.append({"type": "divider"})
        blocks.extend(build_role_block(role) for role in roles)
    if sources := build_sources_block(answer.citations):
        blocks.append(sources)
    if answer.notice:
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": escape_mrkdwn(answer.notice)}]}
        )
    value = ButtonValue(question=question, filters=answer.filters, seen=tuple(role.id for role in roles))
    blocks.append(build_actions_block(value, more_roles=bool(roles)))
    return blocks


def build_more_roles_blocks(roles: Iterable[RoleMatch], previous: ButtonValue) -> list[dict[str, Any]]:
    """Return a "more roles" message: role cards not shown before, and buttons that remember them."""
    shown = list(roles)[:MAX_ROLE_CARDS]
    scope = describe_filters(previous.filters)
    heading = "*More roles like these*" + (f" ({escape_mrkdwn(scope)})" if scope else "")
    if not shown:
        heading = "No other roles match these filters yet" + (f" ({escape_mrkdwn(scope)})." if scope else ".")
    blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": heading}}]
    blocks.extend(build_role_block(role) for role in shown)
    seen = previous.seen + tuple(role.id for role in shown)
    value = ButtonValue(question=previous.question, filters=previous.filters, seen=seen)
    blocks.append(build_actions_block(value, more_roles=bool(shown)))
    return blocks


def build_answer_text(answer: Answer) -> str:
    """Return the plain `text` fallback: the answer in mrkdwn (what notifications and history read)."""
    return convert_markdown(answer.answer) or "(no answer)"


def build_more_roles_text(roles: Iterable[RoleMatch]) -> str:
    """Return the fallback text for a "more roles" message."""
    titles = [f"{escape_mrkdwn(role.title)} at {escape_mrkdwn(role.company)}" for role in roles]
    return (
        "More roles like these: " + "; ".join(titles) if titles else "No other roles match these filters yet."
    )


def _build_button(label: str, action_id: str, value: str) -> dict[str, Any]:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "action_id": action_id,
        "value": value,
    }
