"""How people name sectors, places and pay floors in questions, mapped onto the product's vocabulary."""

from __future__ import annotations

import re

from ingest.models import Sector
from ingest.normalise import parse_salary
from ingest.normalise.location import normalise_country, parse_location

_SECTOR_WORDS: tuple[tuple[Sector, re.Pattern[str]], ...] = (
    (
        Sector.HEDGE_FUND,
        re.compile(
            r"\b(hedge[- ]?funds?|quant(itative)? funds?|trading firms?|prop(rietary)? (trading|shops?)|hft|"
            r"funds?|market makers?|buy[- ]side)\b",
            re.I,
        ),
    ),
    (
        Sector.ASSET_MANAGER,
        re.compile(
            r"\b(asset managers?|asset management|investment managers?|investment management)\b", re.I
        ),
    ),
    (Sector.BANK, re.compile(r"\b(banks?|banking|investment banks?|sell[- ]side)\b", re.I)),
    (
        Sector.FINTECH,
        re.compile(r"\b(fin[- ]?techs?|payments? (companies|firms)|neobanks?|startups?)\b", re.I),
    ),
    (Sector.INSURANCE, re.compile(r"\b(insurers?|insurance|insurtechs?|reinsurers?)\b", re.I)),
)
# "from a bank into a hedge fund": the sector after these words is the one the asker wants.
_TARGET = re.compile(r"\b(into|to|at|join|joining|in)\s+(an?\s+|the\s+)?$", re.I)
_MIN_SALARY = re.compile(
    r"\b(over|above|at least|more than|min(imum)?( of)?|paying|starting at|from|north of)\s+"
    r"(?P<amount>[$£€]?\s?\d[\d,.]*\s?(k|m)?\b(\s?(usd|gbp|eur|chf))?)"
    r"|(?P<plus>[$£€]\d[\d,.]*\s?k)\+",
    re.I,
)
_BARE_AMOUNT = re.compile(r"(?P<number>\d[\d,]*(\.\d+)?)\s?(?P<k>k)?", re.I)
_PLACE_AFTER = re.compile(r"\b(?:in|based in|near|around|from)\s+(?P<place>(?:[A-Z][\w.'-]*\s?){1,3})")
_SHORT_PLACES = {"nyc": "New York", "sf": "San Francisco", "uk": "GB", "usa": "US", "us": "US"}
_REMOTE_IN = re.compile(r"\bremote[- ](?:in[- ])?(?P<place>US|UK|EU|Europe|Canada)\b", re.I)


def find_sector(text: str) -> Sector | None:
    """The sector the asker wants; with several named, the one after 'into/to/at' wins, else the last."""
    found: list[tuple[int, Sector, bool]] = []
    for sector, pattern in _SECTOR_WORDS:
        for match in pattern.finditer(text):
            # "fund" alone inside "asset management fund" or "hedge fund" is counted once by its own pattern.
            targeted = bool(_TARGET.search(text[: match.start()]))
            found.append((match.start(), sector, targeted))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    targeted = [sector for _, sector, is_target in found if is_target]
    return targeted[-1] if targeted else found[-1][1]


def find_min_salary(text: str) -> float | None:
    """A pay floor such as 'over $200k' or '250k+', in annual units."""
    match = _MIN_SALARY.search(text)
    if not match:
        return None
    amount = match.group("amount") or match.group("plus")
    salary = parse_salary(amount)
    if salary is not None:
        return salary.annual()[0]
    # "over 200k" names no currency; the floor applies to postings in their own currency.
    bare = _BARE_AMOUNT.fullmatch(amount.strip())
    if not bare:
        return None
    value = float(bare.group("number").replace(",", "")) * (1000 if bare.group("k") else 1)
    return value if value >= 10_000 else None


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
            candidate = " ".join(words[:size]).strip(" .,'")
            location = parse_location(candidate)
            if location.city:
                return location.city
            country = normalise_country(candidate)
            if country:
                return country
    return None
