"""Parsing free-text and structured posting locations into city, region and ISO country."""

from __future__ import annotations

import re
import unicodedata

from ingest.models import Location
from ingest.normalise.places import CITIES, COUNTRIES, COUNTRY_CODES, OTHER_REGIONS, US_STATES

_US_STATE_CODES = frozenset(US_STATES.values())
# Words about the work mode, not the place: "Remote - US", "New York (Hybrid)".
_WORK_MODE = re.compile(
    r"\b(?:fully\s+remote|remote|hybrid|on[\s-]?site|in[\s-]office|office|anywhere|telecommute|wfh)\b", re.I
)
# Several places in one line: keep the first ("New York or London", "NYC | London").
_ALTERNATIVES = re.compile(r"\s+or\s+|\s*[;|/]\s*|\s+-\s+|\s+&\s+|\s+and\s+", re.I)


def parse_location(
    text: str, city: str | None = None, region: str | None = None, country: str | None = None
) -> Location:
    """Return a Location from a line like "New York, NY"; structured parts, when given, win."""
    raw = " ".join((text or "").split())
    parsed = _parse_line(raw) if raw else Location(raw="")
    if not (city or region or country):
        return parsed
    given = _from_parts(raw, city, region, country)
    return Location(
        city=given.city or parsed.city,
        region=given.region or parsed.region,
        country=given.country or parsed.country,
        raw=raw,
    )


def _parse_line(raw: str) -> Location:
    inside = re.findall(r"\(([^)]*)\)", raw)
    line = re.sub(r"\([^)]*\)", " ", raw)
    work_mode = bool(_WORK_MODE.search(line))
    line = _WORK_MODE.sub(" ", line)
    first = next((p for p in _ALTERNATIVES.split(line) if p.strip(" ,-:")), "")
    first = re.sub(r"\s+\d{5}(?:-\d{4})?\b", "", first)  # US ZIP codes
    parts = [p.strip(" .-:") for p in first.split(",") if p.strip(" .-:")]
    if not parts:
        # Only a work mode and maybe a bracketed country: "Remote (US)".
        codes = [c for c in (normalise_country(p) for p in inside) if c]
        return Location(country=codes[0] if codes else None, raw=raw)
    location = _from_text_parts(parts, raw)
    if work_mode and len(parts) == 1 and location.country is None:
        # "Remote - EMEA": what is left beside a work mode is a zone, not a city.
        location = Location(raw=raw)
    if location.country is None:
        codes = [c for c in (normalise_country(p) for p in inside) if c]
        if codes:
            location = location.model_copy(update={"country": codes[0]})
    return location


def normalise_country(name: str | None) -> str | None:
    """Return the ISO 3166-1 alpha-2 code for a country name, alpha-2 or alpha-3 code, else None."""
    if not name:
        return None
    key = _fold(name)
    if key in COUNTRIES:
        return COUNTRIES[key]
    if len(key) == 2 and key.upper() in COUNTRY_CODES:
        return key.upper()
    return None


def _from_parts(raw: str, city: str | None, region: str | None, country: str | None) -> Location:
    known_city = CITIES.get(_fold(city)) if city else None
    city_name = known_city[0] if known_city else (city.strip() if city else None)
    region_code, region_country = _read_region(region) if region else (None, None)
    code = normalise_country(country) or region_country or (known_city[1] if known_city else None)
    if region and region_code is None:
        region_code = region.strip()
    return Location(city=city_name or None, region=region_code, country=code, raw=raw)


def _from_text_parts(parts: list[str], raw: str) -> Location:
    if len(parts) == 1:
        only = parts[0]
        if _fold(only) in CITIES:
            name, code = CITIES[_fold(only)]
            return Location(city=name, country=code, raw=raw)
        country = normalise_country(only)
        if country is not None:
            return Location(country=country, raw=raw)
        region_code, region_country = _read_region(only, codes_allowed=False)
        if region_code is not None:
            return Location(region=region_code, country=region_country, raw=raw)
        return Location(city=only, raw=raw)
    city_part, rest = parts[0], parts[1:]
    known_city = CITIES.get(_fold(city_part))
    last_as_country = normalise_country(rest[-1])
    # "Chicago, IL" is Illinois, "Tel Aviv, IL" is Israel: a known city settles two-letter codes.
    last_is_region = len(rest) == 1 and _read_region(rest[-1])[0] is not None
    city_says_country = known_city is not None and last_as_country == known_city[1]
    country = last_as_country if not last_is_region or city_says_country else None
    region_part = rest[0] if (len(rest) > 1 or country is None) else None
    region_code, region_country = _read_region(region_part) if region_part else (None, None)
    if region_part and region_code is None and country is None and normalise_country(region_part) is None:
        region_code = region_part  # an unknown region name is still worth keeping as written
    country = country or region_country or (known_city[1] if known_city else None)
    city_name = known_city[0] if known_city and known_city[1] == country else city_part
    return Location(city=city_name, region=region_code, country=country, raw=raw)


def _read_region(value: str, codes_allowed: bool = True) -> tuple[str | None, str | None]:
    """Return (region code, country) for a US state or a known province, by name or code."""
    key = _fold(value)
    if key in US_STATES:
        return US_STATES[key], "US"
    if codes_allowed and key.upper() in _US_STATE_CODES:
        return key.upper(), "US"
    if key in OTHER_REGIONS and (codes_allowed or len(key) > 3):
        return OTHER_REGIONS[key]
    return None, None


def _fold(value: str | None) -> str:
    text = unicodedata.normalize("NFKD", value or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(text.replace(".", "").split())
