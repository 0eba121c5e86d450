"""Inferring a posting's experience level from its title, feed hints and description.

Bank and fund ranks read differently from tech ladders: "Analyst" is the entry rank, "Associate"
the rank above it (mid), "VP" an experienced individual or small-team lead (senior), and
"Director", "Executive Director" and "Managing Director" lead. A tech-style "Associate Data
Scientist" (Associate directly before the job noun) is a junior title, so it reads as entry.
"""

from __future__ import annotations

import re

from ingest.models import Level

_I = re.IGNORECASE
_ROLE_NOUN = (
    r"(?:data|machine|ml|ai|software|quant\w*|research|risk|applied|deep|nlp|computer|analytics"
    r"|product|engineer|developer|scientist|analyst|actuar\w*)"
)

# A Roman-numeral rank ends the title or a clause of it: "ML Engineer II", "Engineer III, Risk".
_RANK_END = r"\s*(?:$|[,(/\-\u2013])"
# Strong title signals, checked in this order: an internship is an internship whatever else the
# title says, and "Senior Manager" or "Lead Quant" should read as lead, not senior.
_STRONG_TITLE: tuple[tuple[Level, re.Pattern[str]], ...] = (
    (
        Level.ENTRY,
        re.compile(
            r"\b(?:intern(?:ship)?s?|new[\s-]grad\w*|graduate|grad|trainee|apprentice\w*"
            r"|placement|working\s+student|summer\s+analyst|campus|co-?op)\b",
            _I,
        ),
    ),
    # Capital One's "Principal Associate" is an experienced individual contributor, not a principal.
    (Level.SENIOR, re.compile(r"\bprincipal\s+associate\b", _I)),
    (
        Level.LEAD,
        re.compile(
            r"\b(?:lead|principal|head|director|chief|distinguished|svp)\b"
            r"|\b(?:engineering|data\s+science|ml|machine\s+learning|analytics|research|team|group"
            r"|science)\s+manager\b|^\s*manager\b",
            _I,
        ),
    ),
    # LinkedIn's "Mid-Senior level" is its broad middle bucket, not a senior title.
    (Level.MID, re.compile(r"\b(?:avp|(?:assistant|associate)\s+vice\s+president|mid[\s-]senior)\b", _I)),
    (
        Level.SENIOR,
        re.compile(rf"\b(?:senior|sr\.?|staff|vp|vice\s+president)(?!\w)|\s(?-i:III){_RANK_END}", _I),
    ),
    (
        Level.ENTRY,
        re.compile(
            r"\b(?:junior|jr\.?|entry[\s-]level|early[\s-]career)(?!\w)"
            rf"|\bassociate\s+{_ROLE_NOUN}|\s(?-i:I){_RANK_END}",
            _I,
        ),
    ),
    (
        Level.MID,
        re.compile(rf"\b(?:mid[\s-]?level|intermediate|experienced)\b|\s(?-i:II){_RANK_END}", _I),
    ),
)
# Bank ranks that say little on their own: used only when nothing better is known.
_WEAK_TITLE: tuple[tuple[Level, re.Pattern[str]], ...] = (
    (Level.ENTRY, re.compile(r"\banalyst\b", _I)),
    (Level.MID, re.compile(r"\bassociate\b", _I)),
)
# fmt: off
_NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}
# fmt: on
_N = r"(?<![\d.])(\d{1,2}(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = re.compile(
    rf"(?:at\s+least|minimum\s+(?:of\s+)?|min\.?\s+)?\b{_N}\s*(?:\+|plus)?\s*"
    rf"(?:(?:-|\u2013|to)\s*{_N}\s*\+?\s*)?"
    r"(?:or\s+more\s+)?(?:years?|yrs?)\b(?P<tail>[^.\n]{0,60})",
    _I,
)
_EXPERIENCE = re.compile(r"experience|industry|professional|working|hands-on|track\s+record|post-?doc", _I)
_NO_EXPERIENCE = re.compile(r"\bno\s+(?:prior\s+)?experience\b|\bnot\s+required\b|\bentry\b", _I)


def infer_level(title: str, hint: str = "", description: str = "") -> Level:
    """Return the level from title words, then the feed's hint, then years asked for, else mid."""
    for text in (title, hint):
        level = _level_from_words(text, _STRONG_TITLE)
        if level is not None:
            return level
    years = read_years_of_experience(hint, need_context=False)
    if years is None and hint.strip().isdigit():
        years = int(hint.strip()) / 12  # schema.org monthsOfExperience arrives as a bare number
    if years is None and _NO_EXPERIENCE.search(hint):
        return Level.ENTRY
    if years is None:
        years = read_years_of_experience(description)
    if years is not None:
        return level_for_years(years)
    for text in (title, hint):
        level = _level_from_words(text, _WEAK_TITLE)
        if level is not None:
            return level
    return Level.MID


def level_for_years(years: float) -> Level:
    """Map the minimum years of experience asked for to a level.

    Years never make a role "lead": plenty of senior individual-contributor roles ask for 10+
    years, and lead means leading people or a function, which only the title tells us.
    """
    if years < 2:
        return Level.ENTRY
    if years < 5:
        return Level.MID
    return Level.SENIOR


def read_years_of_experience(text: str, need_context: bool = True) -> float | None:
    """Return the first minimum years of experience a text asks for ("5+ years of ..."), if any.

    In prose a figure counts only near a word like "experience": "founded 20 years ago" is
    company history. A feed's experience field (need_context=False) is all requirement.
    """
    if not text:
        return None
    for match in _YEARS.finditer(text):
        before = re.split(r"[.;\n]", text[max(0, match.start() - 40) : match.start()])[-1]
        context = before + " " + match["tail"]
        if need_context and not _EXPERIENCE.search(context):
            continue
        return float(_read_number(match.group(1)))
    months = re.search(r"\b(\d{1,3})\s*months?\b", text, _I)
    if months and (not need_context or _EXPERIENCE.search(text)):
        return int(months.group(1)) / 12
    return None


def _read_number(token: str) -> float:
    return float(_NUMBER_WORDS.get(token.lower(), token))


def _level_from_words(text: str, rules: tuple[tuple[Level, re.Pattern[str]], ...]) -> Level | None:
    if not text:
        return None
    for level, pattern in rules:
        if pattern.search(text):
            return level
    return None
