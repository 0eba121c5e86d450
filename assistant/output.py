"""Terminal output for the CLI: reports, answers, role lists and tables."""

from __future__ import annotations

from collections import Counter
from typing import Any

from assistant.compose.money import format_money, format_range
from assistant.index import Catalog
from assistant.models import Answer, RoleMatch, SalaryStats
from ingest.models import IngestReport


def print_report(report: IngestReport) -> None:
    print(
        f"added {report.added} · updated {report.updated} · unchanged {report.unchanged} · "
        f"removed {report.removed} · skipped {len(report.skipped)}"
    )
    for error in report.skipped:
        print(f"  skipped: {error}")


def print_answer(answer: Answer) -> None:
    print()
    print(answer.answer)
    if answer.notice:
        print(f"\n({answer.notice})")
    if answer.citations:
        print("\nSources:")
        for number, citation in enumerate(answer.citations, start=1):
            print(f"  [{number}] {citation.title}" + (f" — {citation.url}" if citation.url else ""))
    if answer.suggestions:
        print("\nTry: " + " · ".join(answer.suggestions))


def print_roles(roles: list[RoleMatch]) -> None:
    if not roles:
        print("No matching roles.")
    for role in roles:
        pay = ""
        if role.salary:
            pay = " · " + format_range(
                role.salary.min, role.salary.max, role.salary.currency, role.salary.period
            )
        print(f"{role.score:5.2f}  {role.title} — {role.company}")
        print(f"       {role.sector.value} · {role.level.value} · {role.remote.value} · {role.location}{pay}")
        print(f"       {role.id}")


def print_salaries(stats: SalaryStats | None) -> None:
    if stats is None:
        print("No matching postings with a posted salary.")
        return
    print(f"{stats.matched_postings} matching postings; annual figures per currency:")
    print(f"{'currency':8} {'count':>5} {'min':>9} {'p25':>9} {'median':>9} {'p75':>9} {'max':>9}")
    for block in stats.by_currency:
        figures = [
            format_money(v, block.currency)
            for v in (block.min, block.p25, block.median, block.p75, block.max)
        ]
        print(f"{block.currency:8} {block.count:>5} " + " ".join(f"{f:>9}" for f in figures))


def collection_stats(catalog: Catalog, feedback: dict[str, int]) -> dict[str, Any]:
    postings = catalog.postings.postings
    return {
        "postings": len(postings),
        "faq": len(catalog.faq.entries),
        "by_sector": dict(Counter(p.sector.value for p in postings).most_common()),
        "by_level": dict(Counter(p.level.value for p in postings).most_common()),
        "by_remote": dict(Counter(p.remote.value for p in postings).most_common()),
        "by_source": dict(Counter(p.source.value for p in postings).most_common()),
        "with_salary": sum(1 for p in postings if p.salary),
        "feedback": feedback,
    }


def print_stats(stats: dict[str, Any]) -> None:
    print(f"{stats['postings']} postings ({stats['with_salary']} with a salary), {stats['faq']} FAQ entries")
    for key in ("by_sector", "by_level", "by_remote", "by_source", "feedback"):
        counts = stats[key]
        print(f"  {key.replace('by_', ''):8} " + ", ".join(f"{k} {v}" for k, v in counts.items()))
