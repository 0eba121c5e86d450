"""What a profile targets: the level inferred from experience and the multi-valued hard filters over postings.

Decisions (also stated in the memo so a coach can push back):
- Level from years of experience: under 2 entry, 2 to under 5 mid, 5 to under 10 senior, 10 or more lead.
  The memo searches that level and one above it as a stretch; a lead also sees senior roles, the
  nearest alternative. With no years given, every level is searched.
- Remote preference: "any" keeps every policy; "remote" keeps remote roles only; "hybrid" keeps hybrid
  and remote (someone fine with some office days is fine with none); "onsite" keeps onsite and hybrid
  (a client who wants an office gets one in both, while a fully remote role gives them none).
  Roles whose policy is unknown are kept only for "any".
- Locations: a role fits when it fits any of the client's places: same city (or the same country when
  the client names a country), or a remote role open in the country of one of those places.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from assistant.coach.profile import ClientProfile, RemotePreference
from assistant.index import PostingIndex
from assistant.models import Filters
from ingest.models import LEVEL_ORDER, Level, Posting, Remote, Sector
from ingest.normalise.location import normalise_country, parse_location

LEVEL_YEARS = {Level.ENTRY: "0–1", Level.MID: "2–4", Level.SENIOR: "5–9", Level.LEAD: "10+"}
COMPATIBLE_REMOTE: dict[RemotePreference, frozenset[Remote] | None] = {
    "any": None,
    "remote": frozenset({Remote.REMOTE}),
    "hybrid": frozenset({Remote.HYBRID, Remote.REMOTE}),
    "onsite": frozenset({Remote.ONSITE, Remote.HYBRID}),
}
_ANYWHERE = frozenset({"anywhere", "any", "worldwide", "global"})


@dataclass(frozen=True)
class Place:
    """One client location, resolved once: a city, a country, or just the words as given."""

    given: str
    city: str | None
    region: str | None
    country: str | None

    def fits(self, posting: Posting) -> bool:
        location = posting.location
        if posting.remote == Remote.REMOTE and self.country and location.country == self.country:
            return True
        if self.city and self.country:
            return location.city is not None and location.city.casefold() == self.city.casefold()
        if self.region and self.country:
            return location.region == self.region and location.country == self.country
        if self.country:
            return location.country == self.country
        # Words the place parser does not know ("NY"): compare them with the posting's city or region.
        words = self.given.casefold()
        return any(words == part.casefold() for part in (location.city, location.region) if part)


@dataclass(frozen=True)
class Targets:
    """The hard filters a profile implies; empty tuples mean "no restriction"."""

    level: Level | None
    levels: tuple[Level, ...]
    sectors: tuple[Sector, ...]
    places: tuple[Place, ...]
    remote: RemotePreference

    @property
    def remote_policies(self) -> frozenset[Remote] | None:
        return COMPATIBLE_REMOTE[self.remote]

    def fits(self, posting: Posting) -> bool:
        """Whether a posting passes every hard filter (what the tests check each recommended role with)."""
        policies = self.remote_policies
        return (
            (not self.sectors or posting.sector in self.sectors)
            and (not self.levels or posting.level in self.levels)
            and (policies is None or posting.remote in policies)
            and (not self.places or any(place.fits(posting) for place in self.places))
        )


def infer_level(years: float | None) -> Level | None:
    if years is None:
        return None
    if years < 2:
        return Level.ENTRY
    if years < 5:
        return Level.MID
    if years < 10:
        return Level.SENIOR
    return Level.LEAD


def levels_to_search(level: Level | None) -> tuple[Level, ...]:
    """The client's level and the one above it; a lead gets senior as the nearest alternative."""
    if level is None:
        return ()
    position = LEVEL_ORDER.index(level)
    if position + 1 < len(LEVEL_ORDER):
        return (level, LEVEL_ORDER[position + 1])
    return (LEVEL_ORDER[position - 1], level)


def resolve_place(text: str) -> Place | None:
    """A client location as a city and/or country; None for "anywhere", which restricts nothing."""
    if text.casefold() in _ANYWHERE:
        return None
    location = parse_location(text)
    country = location.country or normalise_country(text)
    return Place(given=text, city=location.city, region=location.region, country=country)


def build_targets(profile: ClientProfile) -> Targets:
    level = infer_level(profile.years_experience)
    places = [resolve_place(text) for text in profile.locations]
    # One "anywhere" among the places lifts the location filter altogether.
    resolved = () if any(p is None for p in places) else tuple(p for p in places if p is not None)
    return Targets(
        level=level,
        levels=levels_to_search(level),
        sectors=tuple(profile.target_sectors),
        places=resolved,
        remote=profile.remote,
    )


def target_mask(index: PostingIndex, targets: Targets, today: date | None = None) -> np.ndarray:
    """Rows that are current and pass every target filter; `Filters` stays single-valued for chat."""
    keep = index.mask(Filters(), today)
    if targets.sectors:
        keep &= _isin(index.sector, {s.value for s in targets.sectors})
    if targets.levels:
        keep &= _isin(index.level, {v.value for v in targets.levels})
    policies = targets.remote_policies
    if policies is not None:
        keep &= _isin(index.remote, {p.value for p in policies})
    if targets.places:
        keep &= np.fromiter(
            (any(place.fits(p) for place in targets.places) for p in index.postings),
            dtype=bool,
            count=len(index),
        )
    return keep


def _isin(column: np.ndarray, values: set[str]) -> np.ndarray:
    return np.fromiter((v in values for v in column), dtype=bool, count=len(column))
