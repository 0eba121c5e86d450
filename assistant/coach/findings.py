"""What a memo may say about one client: roles, pay, skills and FAQ guidance, gathered from the catalog."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import numpy as np

from assistant.coach.profile import ClientProfile
from assistant.coach.targets import LEVEL_YEARS, Targets, target_mask
from assistant.facts import SECTOR_LABELS, SECTOR_PLURALS, faq_sectors, role_match, salary_stats
from assistant.index import Catalog
from assistant.models import CurrencyStats, Filters, Intent, Query, RoleMatch, SalaryStats
from assistant.retrieval import Hit, Retriever
from ingest.models import FaqEntry, Posting
from ingest.normalise import extract_skills
from ingest.normalise.skills import canonical_skill

ROLES_WANTED = 5
PER_COMPANY = 2  # five roles from one employer would be one application, not a shortlist
GAPS_SHOWN = 5
STRENGTHS_SHOWN = 3
PLAN_PHASES = ("Days 1–30", "Days 31–60", "Days 61–90")
Verdict = Literal["below", "within", "above"]


@dataclass(frozen=True)
class SkillCount:
    skill: str
    count: int  # matching postings that ask for it
    example: Posting  # one of them, cited next to the count


@dataclass
class PayComparison:
    """The client's expectation against posted ranges in the same currency (never converted)."""

    amount: float
    currency: str
    block: CurrencyStats | None  # None: no matching posting states pay in this currency
    verdict: Verdict | None
    lowest: Posting | None = None  # sets the block's minimum
    highest: Posting | None = None  # sets the block's maximum


@dataclass
class Findings:
    profile: ClientProfile
    targets: Targets
    held: list[str]  # the client's skills in the posting vocabulary
    population: list[Posting]  # every current posting that passes the targets, best match first
    available: int
    roles: list[RoleMatch]
    role_postings: list[Posting]
    stats: SalaryStats | None
    extremes: dict[str, tuple[Posting, Posting]]  # currency -> (lowest floor, highest ceiling)
    comparison: PayComparison | None
    gaps: list[SkillCount]
    strengths: list[SkillCount]
    query: Query  # the request as a question: what the groundedness check lets the memo repeat
    skill_faq: dict[str, FaqEntry] = field(default_factory=dict)
    move_faq: list[FaqEntry] = field(default_factory=list)
    goal_faq: list[FaqEntry] = field(default_factory=list)
    pay_faq: list[FaqEntry] = field(default_factory=list)
    domain_faq: list[FaqEntry] = field(default_factory=list)
    plan_faq: list[FaqEntry] = field(default_factory=list)
    interview_faq: list[FaqEntry] = field(default_factory=list)

    @property
    def skill_counts(self) -> list[tuple[str, int]]:
        return [(s.skill, s.count) for s in [*self.gaps, *self.strengths]]


def gather_findings(
    catalog: Catalog, retriever: Retriever, profile: ClientProfile, targets: Targets, today: date | None
) -> Findings:
    index = catalog.postings
    mask = target_mask(index, targets, today)
    text = search_text(profile, targets)
    vector = retriever.embed(text)
    hits = retriever.postings(catalog, text, mask, k=int(mask.sum()), vector=vector)
    population = _rank_population(index.postings, mask, hits)
    held = read_skills(profile.skills)
    query = Query(
        text=request_text(profile, targets),
        search_text=text,
        intent=Intent.TRANSITION,
        filters=Filters(),
        background=held,
        background_role=profile.current_role or None,
    )
    scores = {index.postings[h.row].id: h for h in hits}
    role_postings = _pick_roles(population)
    roles = [_coach_role(p, scores[p.id], query, targets, held) for p in role_postings]
    stats = salary_stats(population)
    extremes = _extremes(population, stats)
    counts = _skill_counts(population)
    gaps = [_skill_count(s, n, role_postings, population) for s, n in counts if s not in held]
    strengths = [_skill_count(s, n, role_postings, population) for s, n in counts if s in held]
    findings = Findings(
        profile=profile,
        targets=targets,
        held=held,
        population=population,
        available=int(index.mask(Filters(), today).sum()),
        roles=roles,
        role_postings=role_postings,
        stats=stats,
        extremes=extremes,
        comparison=_compare(profile, stats, extremes),
        gaps=gaps[:GAPS_SHOWN],
        strengths=strengths[:STRENGTHS_SHOWN],
        query=query,
    )
    _find_guidance(findings, catalog, retriever)
    return findings


def read_skills(skills: list[str]) -> list[str]:
    """The client's skills as canonical posting skills ('pytorch' -> 'PyTorch'), in their order."""
    found: list[str] = []
    for entry in skills:
        known = canonical_skill(entry)
        found.extend([known] if known else extract_skills(entry))
    return list(dict.fromkeys(found))


def sector_words(targets: Targets) -> str:
    names = [SECTOR_PLURALS[s.value] for s in targets.sectors]
    return _join(names) if names else "financial firms"


def search_text(profile: ClientProfile, targets: Targets) -> str:
    """What the postings are ranked against: who the client is and what they can do."""
    parts = [
        profile.current_role,
        ", ".join(profile.skills),
        profile.notes,
        f"ML roles at {sector_words(targets)}",
    ]
    return ". ".join(p for p in parts if p)


def request_text(profile: ClientProfile, targets: Targets) -> str:
    """The coach's request as the 'question': the profile and the memo's own scaffolding figures.

    The groundedness check lets an answer repeat counts from its question, so the client's years, the
    level bands and the plan's day ranges are traceable like any fact (money never comes from here).
    """
    lines = [f"Draft a coach memo for {profile.alias}."]
    lines += [f"{name}: {value}" for name, value in profile.model_dump(mode="json").items() if value]
    lines.append("Level bands in years: " + "; ".join(f"{lv.value} {yrs}" for lv, yrs in LEVEL_YEARS.items()))
    lines.append("A 90-day plan in phases: " + ", ".join(PLAN_PHASES))
    lines.append(f"Up to {ROLES_WANTED} target roles.")
    return "\n".join(lines)


def _rank_population(postings: list[Posting], mask: np.ndarray, hits: list[Hit]) -> list[Posting]:
    """Every passing posting, retrieval order first; the rest (outside the candidate lists) by id."""
    ranked = [postings[h.row] for h in sorted(hits, key=lambda h: (-round(h.score, 6), postings[h.row].id))]
    seen = {p.id for p in ranked}
    rest = sorted(
        (postings[r] for r in np.flatnonzero(mask) if postings[r].id not in seen), key=lambda p: p.id
    )
    return ranked + rest


def _pick_roles(population: list[Posting]) -> list[Posting]:
    picked: list[Posting] = []
    per_company: Counter[str] = Counter()
    for posting in population:
        if per_company[posting.company] < PER_COMPANY:
            picked.append(posting)
            per_company[posting.company] += 1
        if len(picked) == ROLES_WANTED:
            break
    return picked


def _coach_role(posting: Posting, hit: Hit, query: Query, targets: Targets, held: list[str]) -> RoleMatch:
    role = role_match(posting, hit, query, Filters())
    why = []
    overlap = [s for s in posting.skills if s in held]
    if overlap:
        why.append("uses the client's " + ", ".join(overlap))
    if targets.level is not None:
        why.append(f"{posting.level.value} level, {_level_relation(posting, targets)}")
    why.append(f"{SECTOR_LABELS[posting.sector.value]}, {posting.location.label()}, {posting.remote.value}")
    gaps = [s for s in posting.skills if s not in held]
    return role.model_copy(update={"why": why, "gaps": gaps})


def _level_relation(posting: Posting, targets: Targets) -> str:
    if posting.level == targets.level:
        return "the client's level"
    order = [lv.value for lv in targets.levels]
    above = order.index(posting.level.value) > order.index(targets.level.value) if targets.level else False
    return "one step up, a stretch" if above else "one step down, the nearest alternative"


def _skill_counts(population: list[Posting]) -> list[tuple[str, int]]:
    counts = Counter(skill for posting in population for skill in set(posting.skills))
    # Ties by name, so the same data always yields the same plan.
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _skill_count(skill: str, count: int, roles: list[Posting], population: list[Posting]) -> SkillCount:
    example = next(p for p in [*roles, *population] if skill in p.skills)
    return SkillCount(skill, count, example)


def _extremes(population: list[Posting], stats: SalaryStats | None) -> dict[str, tuple[Posting, Posting]]:
    """Per currency, the postings that set the lowest floor and the highest ceiling: the figures' sources."""
    found: dict[str, tuple[Posting, Posting]] = {}
    for block in stats.by_currency if stats else []:
        paid = [p for p in population if p.salary and p.salary.currency == block.currency]
        lowest = min(paid, key=lambda p: (p.salary.annual()[0] if p.salary else 0.0, p.id))
        highest = max(paid, key=lambda p: (p.salary.annual()[1] if p.salary else 0.0, p.id))
        found[block.currency] = (lowest, highest)
    return found


def _compare(
    profile: ClientProfile, stats: SalaryStats | None, extremes: dict[str, tuple[Posting, Posting]]
) -> PayComparison | None:
    money = profile.salary_expectation
    if money is None:
        return None
    block = next((b for b in (stats.by_currency if stats else []) if b.currency == money.currency), None)
    if block is None:
        return PayComparison(money.amount, money.currency, None, None)
    verdict: Verdict = (
        "below" if money.amount < block.min else "above" if money.amount > block.max else "within"
    )
    lowest, highest = extremes[block.currency]
    return PayComparison(money.amount, money.currency, block, verdict, lowest, highest)


def _find_guidance(findings: Findings, catalog: Catalog, retriever: Retriever) -> None:
    """FAQ passages for each part of the memo; a passage is quoted once, where it fits best."""
    profile, targets = findings.profile, findings.targets
    sectors = sector_words(targets)
    level = f"{targets.level.value} " if targets.level else ""
    background = profile.current_role or "another field"
    asks = {
        "move": f"How do I move into ML at {sectors} from {background} without a finance background? "
        + profile.notes,
        "goal": profile.notes,
        "pay": f"How much do {level}ML people at {sectors} make?",
        **{f"skill:{gap.skill}": f"{gap.skill} in finance" for gap in findings.gaps},
        "domain": f"How is machine learning used at {sectors}?",
        "plan": "How do I build a portfolio project with public market data?",
        "interview": f"What do interviews for ML roles at {sectors} look like?",
    }
    # One batch through the embedding model: a memo asks about ten questions at once.
    vectors = dict(zip(asks, retriever.embeddings.encode(list(asks.values())), strict=True))
    used: set[str] = set()

    def lookup(key: str, skill: str | None = None, sectors: bool = False) -> list[FaqEntry]:
        for hit in retriever.faq(catalog, asks[key], k=3 + len(used), vector=vectors[key]):
            entry = catalog.faq.entries[hit.row]
            if entry.id in used:
                continue
            # A skill passage must name the skill, and a sector passage must not be about another sector:
            # a merely similar one would teach the wrong thing.
            if skill and skill not in extract_skills(entry.embedding_text()):
                continue
            if sectors and not _about_targets(entry, targets):
                continue
            used.add(entry.id)
            return [entry]
        return []

    findings.move_faq = lookup("move", sectors=True)
    findings.goal_faq = lookup("goal") if profile.notes else []
    findings.pay_faq = lookup("pay", sectors=True)
    for gap in findings.gaps:
        for entry in lookup(f"skill:{gap.skill}", skill=gap.skill):
            findings.skill_faq[gap.skill] = entry
    findings.domain_faq = lookup("domain", sectors=True)
    findings.plan_faq = lookup("plan")
    findings.interview_faq = lookup("interview")


def _about_targets(entry: FaqEntry, targets: Targets) -> bool:
    """Whether a FAQ entry is general or tagged with one of the target sectors."""
    tagged = faq_sectors(entry)
    return not tagged or not targets.sectors or bool(tagged & {s.value for s in targets.sectors})


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
