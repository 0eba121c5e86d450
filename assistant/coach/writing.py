"""Writing helpers for the memo: citation placeholders numbered in reading order, quoting FAQ and postings."""

from __future__ import annotations

import re

from assistant.coach.findings import SkillCount
from assistant.compose.check import read_numbers
from assistant.compose.money import SYMBOLS, format_money
from ingest.models import FaqEntry, Posting
from ingest.normalise import extract_skills

SECTIONS = (
    "Client snapshot",
    "Target roles",
    "Compensation expectations",
    "Skill gaps and 90-day plan",
    "Interview talking points",
    "Sources",
)
TOKEN = re.compile(r"⟦([^⟧]+)⟧")  # a citation before it has a number
# A sentence ends at . ! or ? before a capital, but not after a lone initial ("D. E. Shaw").
_MONEY = re.compile(r"[$£€¥₹]|\d\s?[kK]\b|\b[A-Z]{3}\s?\d")
_SENTENCE = re.compile(r"(?<![\s.][A-Z]\.)(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


class Citer:
    """Hands out placeholders while the memo is written; numbers follow first use, in reading order."""

    def __init__(self) -> None:
        self.items: dict[str, Posting | FaqEntry] = {}

    def __call__(self, *items: Posting | FaqEntry) -> str:
        for item in items:
            self.items.setdefault(item.id, item)
        return "".join(f"⟦{item_id}⟧" for item_id in dict.fromkeys(item.id for item in items))


def split_sentences(text: str) -> list[str]:
    return _SENTENCE.split(" ".join(text.split()))


def quote_faq(entry: FaqEntry, about: str | None = None, sentences: int = 2) -> str:
    """The FAQ's question and its first sentences, or the first sentence that names the skill `about`."""
    parts = split_sentences(entry.answer)
    if about is not None:
        start = next((i for i, part in enumerate(parts) if about in extract_skills(part)), 0)
        parts = parts[start : start + 1]
    return f"*{entry.question}* " + " ".join(parts[:sentences])


def first_sentence(text: str, limit: int = 220) -> str:
    """The first sentence that states no pay: money quoted from a posting's prose is never a fact."""
    sentences = split_sentences(text)
    first = next((s for s in sentences if not _MONEY.search(s)), sentences[0])
    return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + "…"


def format_exact(amount: float, currency: str) -> str:
    """Compact money when it reads back as the same figure ('$210K'), else every digit ('$1,234,567')."""
    compact = format_money(amount, currency)
    written = read_numbers(compact)
    if written and abs(written[0][1] - amount) <= 0.0005 * amount:
        return compact
    return f"{SYMBOLS.get(currency, currency + ' ')}{amount:,.0f}"


def asked_by(skill: SkillCount, matched: int, cite: Citer) -> str:
    return f"asked for by {skill.count} of the {matched} postings (e.g. {cite(skill.example)})"
