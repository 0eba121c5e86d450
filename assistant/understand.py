"""Understanding: intent, filters, topic and background from the conversation, carried across turns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import ChatMessage, Filters, Intent, Query
from assistant.topics import find_topic
from assistant.vocabulary import find_location, find_min_salary, find_sector
from ingest.models import LEVEL_ORDER, Level, Remote
from ingest.normalise import extract_skills

_INTENT_PATTERNS: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    (
        Intent.SALARY,
        re.compile(
            r"\b(salar(y|ies)|pay(s|ing)?|paid|compensation|comp\b|total comp|tc\b|earn(s|ing)?|"
            r"bonus(es)?|wages?|day rates?|hourly rates?|pay bands?|pay ranges?|"
            r"how much (do|does|can|could|would|will|should) [\w' -]{0,40}\b(make|earn|get|pay|paid|ask))",
            re.I,
        ),
    ),
    (
        Intent.TRANSITION,
        re.compile(
            r"\b(transition|switch(ing)?|move (in)?to|moving (in)?to|move from|break(ing)? into|pivot|"
            r"get into|career change|without (a )?(finance|financial) background|coming from|"
            r"from big tech|from faang|can i (move|join|get|become|work)|how do i (get|move|become|join)|"
            r"prepare for|background in)",
            re.I,
        ),
    ),
    (
        Intent.ROLES,
        re.compile(
            r"\b(roles?|jobs?|openings?|positions?|postings?|vacanc(y|ies)|hiring|opportunit(y|ies)|"
            r"show me|find me|recommend|looking for|internships?|ones)\b",
            re.I,
        ),
    ),
)

_FOLLOW_UP = re.compile(
    r"^\s*(and|but|also|only|just|what about|how about|and what about|same|any|more|less|those|these|"
    r"now|instead|ok(ay)?|then|show me more)\b|\b(ones|them|those|these|instead|more senior|more junior)\b",
    re.I,
)

_LEVEL_WORDS: tuple[tuple[Level, re.Pattern[str]], ...] = (
    (
        Level.ENTRY,
        re.compile(
            r"\b(entry[- ]level|entry|junior|graduate|new grads?|intern(ship)?s?|early[- ]career)\b", re.I
        ),
    ),
    (Level.MID, re.compile(r"\b(mid[- ]level|mid[- ]career|mid|intermediate)\b", re.I)),
    (Level.SENIOR, re.compile(r"\b(senior|sr\.?|experienced|staff)\b", re.I)),
    (Level.LEAD, re.compile(r"\b(lead|leads|principal|head of|director|manager|team lead)\b", re.I)),
)
_MORE_SENIOR = re.compile(r"\b(more senior|higher level|step up|next level)\b", re.I)
_MORE_JUNIOR = re.compile(r"\b(more junior|less senior|lower level|junior ones)\b", re.I)
_ANY_LEVEL = re.compile(r"\b(any level|all levels)\b", re.I)

_REMOTE_NEGATED = re.compile(r"\b(not|no|non)[- ]remote\b", re.I)
_REMOTE_WORDS: tuple[tuple[Remote, re.Pattern[str]], ...] = (
    (Remote.HYBRID, re.compile(r"\bhybrid\b", re.I)),
    (Remote.ONSITE, re.compile(r"\b(on[- ]?site|in[- ]office|in the office|in person)\b", re.I)),
    (Remote.REMOTE, re.compile(r"\b(remote|work from home|wfh|fully distributed)\b", re.I)),
)
_ANY_REMOTE = re.compile(r"\b(any (remote|work) (policy|setup|arrangement)|remote or not)\b", re.I)
_ANYWHERE = re.compile(r"\b(anywhere|any location|all locations)\b", re.I)
_ANY_SECTOR = re.compile(r"\b(any sector|all sectors|any industry)\b", re.I)

# "I'm a backend engineer with Python and Kafka": the clause that describes the asker.
_BACKGROUND = re.compile(
    r"\b(i'?m|i am|i work as|i've been|i have been|my background is( in)?|i have|coming from|currently)\b"
    r"(?P<clause>[^.?!;]*)",
    re.I,
)
_ROLE_NOUN = re.compile(
    r"\b(?:an?\s+)?(?P<role>(?:[a-z+/-]+\s){0,3}"
    r"(engineer|scientist|researcher|developer|analyst|student|phd|quant|manager|architect))\b",
    re.I,
)


@dataclass
class _Turn:
    """What one user message says on its own."""

    intent: Intent | None
    filters: Filters
    topic: str | None
    skills: list[str]
    background: list[str]
    background_role: str | None
    follow_up: bool
    clear_level: bool
    clear_remote: bool
    clear_location: bool
    clear_sector: bool
    level_step: int


def understand(messages: list[ChatMessage], explicit: Filters | None = None) -> Query:
    """Read the conversation: the latest user message decides, earlier turns fill in what it leaves out."""
    user_messages = [m.content for m in messages if m.role == "user"]
    if not user_messages:
        raise ValueError("the conversation has no user message")
    intent: Intent | None = None
    filters = Filters()
    topic: str | None = None
    skills: list[str] = []
    background: list[str] = []
    background_role: str | None = None
    search_parts: list[str] = []
    for text in user_messages:
        turn = _read_turn(text)
        if turn.follow_up and intent is not None:
            filters = _amend(filters, turn)
            search_parts.append(text)
        else:
            filters = _amend(Filters(), turn)
            search_parts = [text]
            topic = None
            skills = []
        intent = turn.intent or intent
        topic = turn.topic or topic
        skills = _union(skills, turn.skills)
        background = _union(background, turn.background)
        background_role = turn.background_role or background_role
    if explicit is not None:
        filters = filters.merged(explicit)
    latest = user_messages[-1]
    return Query(
        text=latest,
        search_text=" ".join(search_parts[-3:]),
        intent=intent or Intent.GENERAL,
        filters=filters,
        topic=topic,
        skills=skills,
        background=background,
        background_role=background_role,
    )


def _read_turn(text: str) -> _Turn:
    background_clause = " ".join(m.group("clause") for m in _BACKGROUND.finditer(text))
    background = extract_skills(background_clause) if background_clause else []
    all_skills = extract_skills(text)
    role_match = _ROLE_NOUN.search(background_clause) if background_clause else None
    remote = None
    if _REMOTE_NEGATED.search(text):
        remote = Remote.ONSITE
    else:
        remote = next((value for value, pattern in _REMOTE_WORDS if pattern.search(text)), None)
    level_step = 1 if _MORE_SENIOR.search(text) else -1 if _MORE_JUNIOR.search(text) else 0
    level = None if level_step else _find_level(text)
    return _Turn(
        intent=_find_intent(text),
        filters=Filters(
            sector=find_sector(text),
            level=level,
            remote=remote,
            location=find_location(text),
            min_salary=find_min_salary(text),
        ),
        topic=find_topic(text),
        skills=[s for s in all_skills if s not in background],
        background=background,
        background_role=role_match.group("role").strip().lower() if role_match else None,
        follow_up=bool(_FOLLOW_UP.search(text)) or len(text.split()) <= 4,
        clear_level=bool(_ANY_LEVEL.search(text)),
        clear_remote=bool(_ANY_REMOTE.search(text)),
        clear_location=bool(_ANYWHERE.search(text)),
        clear_sector=bool(_ANY_SECTOR.search(text)),
        level_step=level_step,
    )


def _find_intent(text: str) -> Intent | None:
    # Order matters: "what do senior roles pay" is about salary even though it mentions roles, and
    # "can I move into a hedge fund role" is a transition question.
    for intent, pattern in _INTENT_PATTERNS:
        if pattern.search(text):
            return intent
    return None


def _find_level(text: str) -> Level | None:
    found = [level for level, pattern in _LEVEL_WORDS if pattern.search(text)]
    # "senior ... lead" style mixes: the most specific (highest) level named wins.
    return max(found, key=LEVEL_ORDER.index) if found else None


def _amend(filters: Filters, turn: _Turn) -> Filters:
    update = turn.filters.model_dump(exclude_none=True)
    base = filters.model_dump()
    for name, flag in (
        ("level", turn.clear_level),
        ("remote", turn.clear_remote),
        ("location", turn.clear_location),
        ("sector", turn.clear_sector),
    ):
        if flag:
            base[name] = None
    if turn.level_step:
        current = filters.level or Level.MID
        index = min(max(LEVEL_ORDER.index(current) + turn.level_step, 0), len(LEVEL_ORDER) - 1)
        base["level"] = LEVEL_ORDER[index]
    return Filters.model_validate(base | update)


def _union(first: list[str], second: list[str]) -> list[str]:
    return first + [item for item in second if item not in first]
