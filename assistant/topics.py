"""Role topics ("NLP", "fraud", "quant developer"): how a question names one and which postings fit it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Posting


@dataclass(frozen=True)
class Topic:
    name: str
    asked: re.Pattern[str]  # how a question names the topic
    matches: re.Pattern[str]  # what a posting's title or skills say when it is about the topic


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b", re.I)


# Most specific first: "quant developer" before "quant", "credit risk" before "risk".
TOPICS: tuple[Topic, ...] = (
    Topic(
        "crypto",
        _words(r"crypto(currenc(y|ies))?", r"web3", r"blockchains?", r"digital assets?", r"defi"),
        _words(r"crypto(currency)?", r"web3", r"blockchain", r"digital assets?", r"defi"),
    ),
    Topic(
        "quant developer", _words(r"quant(itative)? (dev|developer)s?"), _words(r"quant(itative)? developer")
    ),
    Topic(
        "quant research",
        # "quant fund" and "trading firm" name a sector, not the kind of work.
        _words(r"quant(itative)? research(ers?)?", r"quants?(?! (funds?|firms?|shops?))", r"alpha research"),
        _words(r"quant(itative)? research(er)?", r"alpha", r"research scientist"),
    ),
    Topic(
        "NLP",
        _words(
            r"nlp",
            r"natural language",
            r"llms?",
            r"(large )?language models?",
            r"gen ?ai",
            r"generative ai",
            r"text mining",
            r"sentiment",
        ),
        _words(
            r"nlp", r"natural language", r"llms?", r"language model", r"sentiment", r"genai", r"generative ai"
        ),
    ),
    Topic(
        "fraud",
        _words(r"fraud", r"aml", r"anti[- ]money laundering", r"financial crime", r"payments? risk"),
        _words(r"fraud", r"aml", r"anti[- ]money laundering", r"financial crime"),
    ),
    Topic(
        "credit risk",
        _words(r"credit( risk)?", r"underwriting", r"lending"),
        _words(r"credit", r"underwriting", r"lending"),
    ),
    Topic(
        "model validation",
        _words(r"model (risk|validation)", r"sr 11-7", r"validation"),
        _words(r"model (risk|validation)", r"sr 11-7", r"validator"),
    ),
    Topic(
        "MLOps",
        _words(
            r"ml ?ops",
            r"ml platform",
            r"platform",
            r"infrastructure",
            r"infra",
            r"feature stores?",
            r"serving",
        ),
        _words(r"ml ?ops", r"platform", r"infrastructure", r"feature store", r"model serving", r"serving"),
    ),
    Topic(
        "alternative data",
        _words(r"alt(ernative)? data", r"satellite", r"shipping data"),
        _words(r"alternative data", r"satellite", r"shipping"),
    ),
    Topic(
        "trading",
        _words(
            r"trading(?! (firms?|shops?|houses?))", r"execution", r"market making", r"reinforcement learning"
        ),
        _words(r"trading", r"execution", r"market making", r"reinforcement learning"),
    ),
    Topic(
        "insurance pricing",
        _words(r"pricing", r"claims", r"actuarial"),
        _words(r"pricing", r"claims", r"actuar\w*"),
    ),
    Topic(
        "portfolio",
        _words(r"portfolio( construction| optimi[sz]ation)?", r"factor (models?|investing|discovery)"),
        _words(r"portfolio", r"factor"),
    ),
    Topic(
        "risk",
        _words(r"risk( modell?ing)?", r"var", r"cvar", r"expected shortfall"),
        _words(r"risk"),
    ),
    Topic(
        "data scientist",
        _words(r"data scien(ce|tists?)"),
        _words(r"data scien(ce|tist)"),
    ),
)
_BY_NAME = {topic.name: topic for topic in TOPICS}


def find_topic(text: str) -> str | None:
    """Return the first (most specific) topic the text names."""
    return next((topic.name for topic in TOPICS if topic.asked.search(text)), None)


def posting_fits_topic(posting: Posting, topic: str | None) -> bool:
    """Whether a posting is about the topic, judged by its title and skills (the description is too loose)."""
    if topic is None:
        return True
    matcher = _BY_NAME[topic].matches
    return bool(matcher.search(posting.title) or matcher.search(" ".join(posting.skills)))
