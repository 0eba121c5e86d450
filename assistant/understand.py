"""Understanding: intent, filters, topic and background from the conversation, carried across turns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import ChatMessage, Filters, Intent, Query
from assistant.topics import find_topic
from assistant.vocabulary import (
    find_level,
    find_location,
    find_pay_floor,
    find_remote,
    find_sector,
    strip_firm_names,
    strip_min_salary,
)
from ingest.models import LEVEL_ORDER, Level
from ingest.normalise import extract_skills

_SALARY = re.compile(
    r"\b(salar(y|ies)|pay(s|ing)?|paid|compensation|comp\b|total comp|tc\b|earn(s|ing)?|"
    r"bonus(es)?|wages?|day rates?|hourly rates?|pay bands?|pay ranges?|"
    r"(an?|the|my|good|fair|this|that|first|best|competing) offers?|offers? (of|from)|"
    r"how much (do|does|can|could|would|will|should) [\w' -]{0,40}\b(make|earn|get|pay|paid|ask|take home)|"
    r"what (do|does|would|could|can|will) [\w' -]{0,60}\b(make|earn|get paid|take home))\b",
    re.I,
)
_TRANSITION = re.compile(
    r"\b(transition|switch(ing)?|move (in)?to|moving (in)?to|(move|moving|switch(ing)?) from|"
    r"break(ing)? into|pivot|get into|career change|without (a )?(finance|financial) background|"
    r"coming from|from big tech|from faang|(want|hoping|plan(ning)?|trying|looking) to "
    r"(join|move|switch|transition|get into|break into|become)|(can|could|should|would) i (realistically )?"
    r"(move|join|get|become|work|switch|land|apply)|how (do|can|could|should) i (get|move|become|join|land)|"
    r"prepare for|background in|first (\w+ ){0,3}(job|role)|do i need|"
    r"(what|which) (\w+ ){0,2}skills|skills? (do|would|should|will) i|skills? (are|is) (most )?"
    r"(in demand|needed|required|wanted|useful)|what (should|do) i (learn|study)|should i learn|"
    r"(require[sd]?|need|needs|ask for) (a |an |the )?(phd|degree|master'?s|cfa|frm|qualifications?))\b",
    re.I,
)
# Asking for postings; a bare "roles" or "ones" only counts when the turn is not a follow-up.
_ROLES_ASKED = re.compile(
    r"\b(show me|find( me)?|list|recommend|looking for|hiring|hire[sd]?|recruit(s|ing)?|openings?|"
    r"vacanc(y|ies)|opportunit(y|ies)|internships?|any [\w' -]{0,40}\b(roles?|jobs?|positions?)|"
    r"which [\w' -]{0,40}\b(roles?|jobs?|positions?|postings?))\b",
    re.I,
)
_ROLES_NOUN = re.compile(r"\b(roles?|jobs?|positions?|postings?|ones|schemes?|programmes?|programs?)\b", re.I)
# A question about how things are rather than about the asker's pay, move or search.
_GENERAL = re.compile(
    r"^\s*(what is|what's|what are|what does|whats|explain|define|describe|tell me about|why|"
    r"how (does|do|is|are|can|should) (?!i\b)|how common|is there a difference)",
    re.I,
)

_FOLLOW_UP = re.compile(
    r"^\s*(and|but|also|only|just|what about|how about|and what about|same|any|more|less|those|these|"
    r"now|instead|ok(ay)?|then|show me more)\b|\b(ones|them|they|there|those|these|instead|more senior|"
    r"more junior)\b",
    re.I,
)
_MORE_SENIOR = re.compile(r"\b(more senior|higher level|step up|next level)\b", re.I)
_MORE_JUNIOR = re.compile(r"\b(more junior|less senior|lower level|junior ones)\b", re.I)
_ANY_LEVEL = re.compile(r"\b(any level|all levels)\b", re.I)
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


class NoQuestionError(ValueError):
    """There is nothing to answer: every user message is blank."""


def understand(messages: list[ChatMessage], explicit: Filters | None = None) -> Query:
    """Read the conversation: the latest user message decides, earlier turns fill in what it leaves out.

    Blank user messages are skipped; a conversation with no non-blank user message is a NoQuestionError.
    """
    user_messages = [m.content for m in messages if m.role == "user" and m.content.strip()]
    if not user_messages:
        raise NoQuestionError("the conversation has no non-empty user message")
    intent: Intent | None = None
    filters = Filters()
    topic: str | None = None
    skills: list[str] = []
    background: list[str] = []
    background_role: str | None = None
    search_parts: list[str] = []
    for number, text in enumerate(user_messages):
        turn = _read_turn(text, first=number == 0)
        if turn.follow_up and number > 0:
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


def _read_turn(text: str, first: bool) -> _Turn:
    background_clause = " ".join(m.group("clause") for m in _BACKGROUND.finditer(text))
    background = extract_skills(background_clause) if background_clause else []
    all_skills = extract_skills(text)
    role_match = _ROLE_NOUN.search(background_clause) if background_clause else None
    level_step = 1 if _MORE_SENIOR.search(text) else -1 if _MORE_JUNIOR.search(text) else 0
    follow_up = not first and (bool(_FOLLOW_UP.search(text)) or len(text.split()) <= 4)
    floor = find_pay_floor(text)
    return _Turn(
        intent=find_intent(text, follow_up),
        filters=Filters(
            sector=find_sector(text),
            level=None if level_step else find_level(text),
            remote=find_remote(text),
            location=find_location(text),
            min_salary=floor[0] if floor else None,
            currency=floor[1] if floor else None,
        ),
        topic=find_topic(strip_firm_names(text)),
        skills=[s for s in all_skills if s not in background],
        background=background,
        background_role=role_match.group("role").strip().lower() if role_match else None,
        follow_up=follow_up,
        clear_level=bool(_ANY_LEVEL.search(text)),
        clear_remote=bool(_ANY_REMOTE.search(text)),
        clear_location=bool(_ANYWHERE.search(text)),
        clear_sector=bool(_ANY_SECTOR.search(text)),
        level_step=level_step,
    )


def find_intent(text: str, follow_up: bool = False) -> Intent | None:
    """The intent one message states, or None when it leaves it to the conversation.

    Order matters: "what do senior roles pay" is about salary even though it mentions roles, and
    "can I move into a hedge fund role" is a transition question. A pay floor ("roles paying over
    $200k") is a filter, not a pay question, so it is read with the floor taken out.
    """
    text = strip_min_salary(text)
    if _SALARY.search(text):
        return Intent.SALARY
    if _TRANSITION.search(text):
        return Intent.TRANSITION
    if _ROLES_ASKED.search(text) or (not follow_up and _ROLES_NOUN.search(text)):
        return Intent.ROLES
    if _GENERAL.search(text):
        return Intent.GENERAL
    return None


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
