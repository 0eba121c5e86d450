"""How questions name sectors, levels, work modes, places and pay floors, mapped onto our vocabulary."""

from __future__ import annotations

import re
from itertools import pairwise

from ingest.models import LEVEL_ORDER, Level, Remote, Sector
from ingest.normalise import extract_skills, parse_salary
from ingest.normalise.location import normalise_country, parse_location
from ingest.normalise.sector import lookup_firm

_SECTOR_WORDS: tuple[tuple[Sector, re.Pattern[str]], ...] = (
    (
        Sector.HEDGE_FUND,
        re.compile(
            r"\b(hedge[- ]?funds?|quant(itative)? (funds?|firms?|shops?)|trading (firms?|shops?|houses?)|"
            r"prop(rietary)? (trading|shops?|firms?)|hft( firms?)?|funds?|market makers?|buy[- ]side)\b",
            re.I,
        ),
    ),
    (
        Sector.ASSET_MANAGER,
        re.compile(
            r"\b(asset managers?|asset management|investment managers?|investment management|"
            r"wealth managers?|wealth management)\b",
            re.I,
        ),
    ),
    # A central bank is a regulator people read about ("central bank communications"), not an employer here.
    (Sector.BANK, re.compile(r"\b((?<!central )banks?|banking|investment banks?|sell[- ]side)\b", re.I)),
    (
        Sector.FINTECH,
        # Crypto firms are fintechs in the ingest sector table too (Coinbase), so one word means one sector.
        re.compile(
            r"\b(fin[- ]?techs?|payments? (compan(y|ies)|firms?)|neobanks?|startups?|"
            r"crypto( exchanges?| firms?)?)\b",
            re.I,
        ),
    ),
    (Sector.INSURANCE, re.compile(r"\b(insurers?|insurance|insurtechs?|reinsurers?)\b", re.I)),
)
# "from a bank into a hedge fund": the sector after a move word is the one the asker wants.
_MOVE_TARGET = re.compile(r"\b(into|to|join|joining)\s+(an?\s+|the\s+)?$", re.I)
# "a bank or a fintech?", "banks and hedge funds": several sectors named together choose none of them.
_JOINER = re.compile(r"\b(or|and|vs\.?|versus|than|compared?( with| to)?)\b", re.I)
# Firm names ("Citadel", "Jane Street"): capitalised runs, looked up in the ingest firm table.
_CAPITALISED = re.compile(r"\b[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}")
# A firm's name by its form ("Northwind Quant Partners"): its words say nothing about the kind of work.
_FIRM_NAME = re.compile(
    r"\b(?:[A-Z][\w.&'-]*\s+){1,3}(?:Partners|Capital|Group|Management|Technologies|Securities|Investments|"
    r"Advisors|Associates|Holdings|LLC|LP|Inc|Ltd)\b"
)

_LEVEL_WORDS: tuple[tuple[Level, re.Pattern[str]], ...] = (
    (
        Level.ENTRY,
        re.compile(
            r"\b(entry[- ]level|entry|junior|graduates?|grads?|new grads?|intern(ship)?s?|early[- ]career)\b",
            re.I,
        ),
    ),
    (Level.MID, re.compile(r"\b(mid[- ]level|mid[- ]career|mid|intermediate)\b", re.I)),
    # "SR 11-7" is the model-risk guidance, not "Sr." for senior.
    (Level.SENIOR, re.compile(r"\b(senior|sr\.?(?![\s-]*11)|experienced|staff)\b", re.I)),
    (
        Level.LEAD,
        re.compile(
            r"\b(lead|leads|principal|head of|director|team lead|"
            r"(?<!asset )(?<!investment )(?<!wealth )(?<!portfolio )(?<!fund )manager)\b",
            re.I,
        ),
    ),
)

_REMOTE_NEGATED = re.compile(r"\b(not|no|non)[- ]remote\b", re.I)
_REMOTE_WORDS: tuple[tuple[Remote, re.Pattern[str]], ...] = (
    (Remote.HYBRID, re.compile(r"\bhybrid\b", re.I)),
    (
        Remote.ONSITE,
        re.compile(r"\b(on[- ]?site|in[- ]office|in the office|in person|office[- ]based)\b", re.I),
    ),
    (Remote.REMOTE, re.compile(r"\b(remote|work from home|wfh|fully distributed)\b", re.I)),
)
# "How common is remote work?" asks about the policy itself; narrowing the roles would not answer it.
_PREVALENCE = re.compile(
    r"\bhow (common|usual|often|widespread|rare|likely|many)\b|\bis it (common|usual)\b", re.I
)

_FLOOR = (
    r"\b(over|above|at least|more than|min(imum)?( of)?|paying|starting at|north of|upwards of)\s+"
    r"(?P<amount>[$£€]?\s?\d[\d,.]*\s?(k|m)?\b(\s?(usd|gbp|eur|chf))?)"
    r"|(?P<plus>[$£€]?\d[\d,.]*\s?k)\+"
)
_MIN_SALARY = re.compile(_FLOOR, re.I)
# The floor with the verb before it: "which of these pay above $200k" asks for roles, not about pay.
_FLOOR_PHRASE = re.compile(rf"(\b(pay(s|ing)?|earn(s|ing)?|paid)\s+)?({_FLOOR})", re.I)
_BARE_AMOUNT = re.compile(r"(?P<number>\d[\d,]*(\.\d+)?)\s?(?P<k>k)?", re.I)

_PLACE_AFTER = re.compile(r"\b(?:in|based in|near|around|about)\s+(?P<place>(?:[A-Z][\w.'-]*\s?){1,3})")
_SHORT_PLACES = {"nyc": "New York", "sf": "San Francisco", "uk": "GB", "usa": "US", "us": "US"}
_REMOTE_IN = re.compile(r"\bremote[- ](?:in[- ])?(?P<place>US|UK|EU|Europe|Canada)\b", re.I)
# Capitalised words that follow "in" without being places ("ML jobs in Finance", "a PhD in Physics").
# fmt: off
_NOT_PLACES = frozenset(
    {"finance", "fintech", "banking", "insurance", "tech", "technology", "data", "science", "machine",
     "learning", "quant", "trading", "research", "engineering", "physics", "mathematics", "maths",
     "statistics", "economics", "computer", "europe", "asia", "emea", "apac", "americas"}
)
# fmt: on


def find_sector(text: str) -> Sector | None:
    """The sector wanted: the one moved to wins, several named together give none, else the one named.

    A firm the ingest table knows ("What does Two Sigma pay?") names its sector.
    """
    found: list[tuple[int, int, Sector]] = []
    for sector, pattern in _SECTOR_WORDS:
        for match in pattern.finditer(text):
            if sector == Sector.HEDGE_FUND and _inside_other_sector(text, match):
                continue
            found.append((match.start(), match.end(), sector))
    found += _firm_sectors(text)
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    moved_to = [sector for start, _, sector in found if _MOVE_TARGET.search(text[:start])]
    if moved_to:
        return moved_to[-1]
    for (_, end, first), (start, _, second) in pairwise(found):
        if first != second and _JOINER.search(text[end:start]):
            return None
    return found[-1][2]


def _inside_other_sector(text: str, match: re.Match[str]) -> bool:
    """'fund' alone inside 'mutual fund managers' or 'fund management' belongs to another sector."""
    window = text[max(0, match.start() - 12) : match.end() + 12].lower()
    return match.group(0).lower().startswith("fund") and bool(re.search(r"mutual fund|fund manage", window))


def _firm_sectors(text: str) -> list[tuple[int, int, Sector]]:
    found = []
    for match in _CAPITALISED.finditer(text):
        words = match.group(0).split()
        if not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in ".!?":
            words = words[1:]  # a sentence's first word is capitalised anyway ("Principal ML roles")
        phrase = " ".join(words)
        if not phrase or parse_location(phrase).country:
            continue  # "Zurich" the city, not Zurich Insurance
        sector = lookup_firm(phrase)
        if sector is not None:
            found.append((match.start(), match.end(), sector))
    return found


def strip_firm_names(text: str) -> str:
    """The text without firm-shaped names: 'Northwind Quant Partners' is not a question about quant work."""
    return _FIRM_NAME.sub(" ", text)


def find_level(text: str) -> Level | None:
    """The level named; with several ('senior or lead'), the highest wins."""
    found = [level for level, pattern in _LEVEL_WORDS if pattern.search(text)]
    return max(found, key=LEVEL_ORDER.index) if found else None


def find_remote(text: str) -> Remote | None:
    """The work mode asked for; 'not remote' means on site, and a question about prevalence sets none."""
    if _PREVALENCE.search(text):
        return None
    if _REMOTE_NEGATED.search(text):
        return Remote.ONSITE
    return next((value for value, pattern in _REMOTE_WORDS if pattern.search(text)), None)


def find_pay_floor(text: str) -> tuple[float, str | None] | None:
    """A pay floor such as 'over $200k' or '250k+': (annual amount, currency or None when none is named)."""
    match = _MIN_SALARY.search(text)
    if not match:
        return None
    amount = match.group("amount") or match.group("plus")
    salary = parse_salary(amount)
    if salary is not None:
        return salary.annual()[0], salary.currency
    # "over 200k" names no currency; the floor is then read in USD, like an API floor without one.
    bare = _BARE_AMOUNT.fullmatch(amount.strip())
    if not bare:
        return None
    value = float(bare.group("number").replace(",", "")) * (1000 if bare.group("k") else 1)
    return (value, None) if value >= 10_000 else None


def strip_min_salary(text: str) -> str:
    """The text without its pay-floor phrase, so 'roles paying over $200k' does not read as a pay question."""
    return _FLOOR_PHRASE.sub(" ", text) if find_pay_floor(text) is not None else text


def find_location(text: str) -> str | None:
    """A city or country the question names, as the filter value (city name or ISO country code)."""
    for word, place in _SHORT_PLACES.items():
        if re.search(rf"\b{word}\b", text, re.I) and (word not in ("us",) or re.search(r"\bUS\b", text)):
            return place
    remote_in = _REMOTE_IN.search(text)
    if remote_in:
        return normalise_country(remote_in.group("place")) or remote_in.group("place")
    for match in _PLACE_AFTER.finditer(text):
        words = match.group("place").split()
        # Try the longest phrase first: "New York City" before "New York" before "New".
        for size in range(len(words), 0, -1):
            found = _read_place(" ".join(words[:size]).strip(" .,'?!"))
            if found:
                return found
    return None


def _read_place(candidate: str) -> str | None:
    country = normalise_country(candidate) if len(candidate) > 3 or candidate.isupper() else None
    location = parse_location(candidate)
    if location.city and location.country:
        return location.city
    if country and not _is_acronym(candidate):
        return country
    # An unknown town ("Whippany") is still a place; acronyms and skills ("AML", "Python") are not.
    if location.city and not _is_acronym(candidate) and _looks_like_place(candidate):
        return location.city
    return None


def _is_acronym(word: str) -> bool:
    return word.isupper() and len(word) <= 5 and word not in ("UK", "US", "USA", "NYC", "SF")


def _looks_like_place(candidate: str) -> bool:
    words = candidate.split()
    if any(w.lower() in _NOT_PLACES for w in words) or extract_skills(candidate):
        return False
    return all(w[0].isupper() and not w.isupper() for w in words)
