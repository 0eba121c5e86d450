"""Inferring a posting's remote policy from feed hints, the location line and the description."""

from __future__ import annotations

import re

from ingest.models import Remote

_I = re.IGNORECASE
_HINTS: dict[str, Remote] = {
    "remote": Remote.REMOTE,
    "telecommute": Remote.REMOTE,
    "fully remote": Remote.REMOTE,
    "work from home": Remote.REMOTE,
    "hybrid": Remote.HYBRID,
    "onsite": Remote.ONSITE,
    "on-site": Remote.ONSITE,
    "on site": Remote.ONSITE,
    "in-office": Remote.ONSITE,
    "in office": Remote.ONSITE,
    "office": Remote.ONSITE,
}

# "not fully remote" describes a hybrid arrangement, not an office-only one.
_NOT_FULLY_REMOTE = re.compile(r"\bnot\s+(?:a\s+)?(?:fully|100%)\s+remote\b", _I)
_NEGATED_REMOTE = re.compile(
    r"\b(?:not|no|non)[\s-]+(?:a\s+)?remote\b|\bnot\s+(?:available|open|eligible)\s+(?:for|to)\s+remote\b"
    r"|\bremote\s+(?:work(?:ing)?\s+)?(?:is\s+)?not\s+(?:available|possible|an\s+option|offered|supported)\b",
    _I,
)
_DAYS_IN_OFFICE = re.compile(
    r"\b(?P<n>[1-5]|one|two|three|four|five)(?:\s*(?:-|\u2013|to)\s*[1-5])?\s+days?\s+"
    r"(?:a\s+week\s+|per\s+week\s+|each\s+week\s+)?"
    r"(?:in|at|from)\s+(?:the\s+|our\s+)?(?:office|offices|site)\b"
    r"|\bin\s+(?:the\s+)?office\s+(?P<m>[1-5]|one|two|three|four|five)\s+days?\b",
    _I,
)
_HYBRID = re.compile(r"\bhybrid\b|\bflexible\s+(?:working|work)\s+(?:model|arrangement|policy)\b", _I)
_REMOTE_STRONG = re.compile(
    r"\b(?:fully|100%|completely|entirely|permanently)\s+remote\b"
    r"|\bremote[\s-](?:first|friendly|only|native)\b|\bwork\s+from\s+(?:home|anywhere)\b|\bwfh\b"
    r"|\b(?:this|the)\s+(?:role|position|job)\s+is\s+(?:a\s+)?remote\b"
    r"|\bremote\s+(?:role|position|job|opportunity|work|working)\b|\bwork\s+remotely\b",
    _I,
)
_ONSITE = re.compile(
    r"\bon[\s-]?site\b|\bin[\s-]office\b|\boffice[\s-]based\b|\bin[\s-]person\b"
    r"|\bfive\s+days\s+a\s+week\s+in\b",
    _I,
)
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def infer_remote(hint: str = "", location_text: str = "", description: str = "") -> Remote:
    """Return the remote policy from the feed hint, then the location line, then the text, else unknown."""
    from_hint = _read_hint(hint)
    if from_hint is not None:
        return from_hint
    from_location = _read_location(location_text)
    if from_location is not None:
        return from_location
    return _read_text(description) or Remote.UNKNOWN


def _read_hint(hint: str) -> Remote | None:
    word = " ".join(hint.replace("_", " ").split()).lower()
    if not word or word in {"unspecified", "unknown", "none", "n/a"}:
        return None
    if word in _HINTS:
        return _HINTS[word]
    return _read_location(hint) or _read_text(hint)


def _read_negation(text: str) -> Remote | None:
    """'not fully remote' means hybrid and 'not remote' on-site, wherever the words appear."""
    if _NOT_FULLY_REMOTE.search(text):
        return Remote.HYBRID
    if _NEGATED_REMOTE.search(text):
        return Remote.ONSITE
    return None


def _read_location(text: str) -> Remote | None:
    if not text:
        return None
    if negated := _read_negation(text):
        return negated
    # A location line is terse, so the bare words count; hybrid is the more specific of the two.
    if _HYBRID.search(text):
        return Remote.HYBRID
    if re.search(r"\bremote\b|\banywhere\b", text, _I):
        return Remote.REMOTE
    if _ONSITE.search(text):
        return Remote.ONSITE
    return None


def _read_text(text: str) -> Remote | None:
    """Read phrases in prose, most specific first: company-wide "remote-first" boilerplate often
    sits beside the role's own "3 days in the office"."""
    if not text:
        return None
    if negated := _read_negation(text):
        return negated
    days = _DAYS_IN_OFFICE.search(text)
    if days:
        token = (days["n"] or days["m"]).lower()
        count = int(token) if token.isdigit() else _WORD_NUMBERS[token]
        return Remote.ONSITE if count >= 5 else Remote.HYBRID
    if _HYBRID.search(text):
        return Remote.HYBRID
    if _REMOTE_STRONG.search(text):
        return Remote.REMOTE
    if _ONSITE.search(text):
        return Remote.ONSITE
    return None
