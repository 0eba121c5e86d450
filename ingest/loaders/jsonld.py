"""schema.org JobPosting read from JSON-LD files and from HTML pages' ld+json blocks into RawPostings."""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from ingest.loaders.fields import load_json, missing_company, parse_date, read_str
from ingest.models import IngestError, Remote, Salary, Sector, SourceKind
from ingest.normalise import infer_sector, salary_from_fields
from ingest.normalise.raw import FeedOptions, RawPosting


class _LdJsonCollector(HTMLParser):
    """Collect the text of every <script type="application/ld+json"> block, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if tag == "script" and kind == "application/ld+json":
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.blocks.append("".join(self._current))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)


def parse(origin: str, text: str, options: FeedOptions) -> Iterator[RawPosting | IngestError]:
    """Yield one RawPosting per JobPosting in a JSON-LD document or HTML page, or why one was skipped."""
    found = 0
    for item in _find_job_postings(origin, text):
        if isinstance(item, IngestError):
            yield item
            continue
        record = _read_identifier(item) or found
        found += 1
        try:
            yield _read_job_posting(origin, record, item, options)
        except IngestError as exc:
            yield exc
    if not found:
        where = "in the page's application/ld+json blocks" if _is_html(text) else "in this JSON-LD document"
        raise IngestError(origin, None, None, f"no schema.org JobPosting found {where}")


def contains_job_posting(document: object) -> bool:
    """Return True when a parsed JSON-LD document holds at least one JobPosting."""
    return next(_walk(document), None) is not None


def _is_html(text: str) -> bool:
    return text.lstrip().startswith("<")


def _find_job_postings(origin: str, text: str) -> Iterator[dict[str, Any] | IngestError]:
    if not _is_html(text):
        yield from _walk(load_json(origin, text))
        return
    collector = _LdJsonCollector()
    collector.feed(text)
    collector.close()
    for number, block in enumerate(collector.blocks, start=1):
        try:
            document = json.loads(block)
        except json.JSONDecodeError as exc:
            # One broken block (often an unrelated widget) must not hide the page's other postings.
            yield IngestError(
                origin, f"ld+json block {number}", None, f"invalid JSON: {exc.msg} at line {exc.lineno}"
            )
            continue
        yield from _walk(document)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    # JobPostings sit at the top, in arrays, in @graph or inside an ItemList; look everywhere but inside one.
    if isinstance(node, list):
        for child in node:
            yield from _walk(child)
    elif isinstance(node, dict):
        if _is_job_posting(node):
            yield node
            return
        for child in node.values():
            yield from _walk(child)


def _is_job_posting(node: dict[str, Any]) -> bool:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    # Expanded or prefixed types ("schema:JobPosting", "https://schema.org/JobPosting") mean the same.
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting" for t in types)


def _read_job_posting(
    origin: str, record: str | int, job: dict[str, Any], options: FeedOptions
) -> RawPosting:
    title = read_str(job.get("title"))
    if not title:
        raise IngestError(origin, record, "title", "required field is missing or empty")
    company = _read_name(job.get("hiringOrganization")) or (options.company or "")
    if not company:
        raise missing_company(origin, record, "hiringOrganization", "JobPosting")
    telecommute = "TELECOMMUTE" in _as_list(job.get("jobLocationType"))
    city, region, country, location_text = _read_places(job)
    salary = _read_salary(job)
    url = read_str(job.get("url")) or None
    return RawPosting(
        origin=origin,
        record=record,
        source=SourceKind.JSONLD,
        source_id=_read_identifier(job) or url or _hash_id(title, company),
        title=title,
        company=company,
        description=_read_description(job.get("description")),
        location_text=location_text,
        city=city,
        region=region,
        country=country,
        remote=Remote.REMOTE if telecommute else None,
        remote_hint="TELECOMMUTE" if telecommute else "",
        level_hint=_read_level_hint(job),
        salary=salary,
        salary_text="" if salary else _read_salary_text(job),
        skills_hint=_read_skills(job.get("skills")),
        sector=_read_sector(company, job.get("industry")),
        department=read_str(job.get("occupationalCategory")),
        url=url,
        posted=parse_date(origin, record, "datePosted", job.get("datePosted")),
        valid_through=parse_date(origin, record, "validThrough", job.get("validThrough")),
    )


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _read_name(value: Any) -> str:
    """Return a Thing's name whether it is given as an object ({"name": ...}) or a bare string."""
    if isinstance(value, list):
        value = value[0] if value else None
    return read_str(value.get("name")) if isinstance(value, dict) else read_str(value)


def _read_identifier(job: dict[str, Any]) -> str:
    identifier = job.get("identifier")
    if isinstance(identifier, dict):
        return read_str(identifier.get("value"))
    return read_str(identifier)


def _hash_id(title: str, company: str) -> str:
    # Without an identifier or url, the same title at the same company is the same posting.
    return hashlib.sha256(f"{title}\n{company}".lower().encode()).hexdigest()[:16]


def _read_description(value: Any) -> str:
    text = read_str(value)
    # Some sites entity-encode the HTML a second time; decode it so normalisation sees real tags.
    return html.unescape(text) if "&lt;" in text and "<" not in text else text


def _read_places(job: dict[str, Any]) -> tuple[str | None, str | None, str | None, str]:
    labels = []
    first: tuple[str | None, str | None, str | None] | None = None
    for place in _as_list(job.get("jobLocation")):
        address = place.get("address") if isinstance(place, dict) else place
        if isinstance(address, dict):
            parts = (
                read_str(address.get("addressLocality")) or None,
                read_str(address.get("addressRegion")) or None,
                _read_name(address.get("addressCountry")) or None,
            )
            first = first or parts
            labels.append(", ".join(p for p in parts if p))
        else:
            labels.append(read_str(address) or _read_name(place))
    # Remote postings name where applicants may live instead of an office.
    applicants = [_read_name(area) for area in _as_list(job.get("applicantLocationRequirements"))]
    applicants = [name for name in applicants if name]
    if first is None and len(applicants) == 1:
        first = (None, None, applicants[0])
    city, region, country = first or (None, None, None)
    return city, region, country, "; ".join(label for label in labels + applicants if label)


def _read_salary(job: dict[str, Any]) -> Salary | None:
    for key in ("baseSalary", "estimatedSalary"):
        amount = job.get(key)
        amount = amount[0] if isinstance(amount, list) and amount else amount
        if not isinstance(amount, dict):
            continue
        value = amount.get("value")
        unit = read_str(amount.get("unitText"))
        if isinstance(value, dict):
            unit = read_str(value.get("unitText")) or unit
            low = value.get("minValue", value.get("value"))
            high = value.get("maxValue", value.get("value", low))
        else:
            low = high = value
        salary = salary_from_fields(low, high, read_str(amount.get("currency")), unit)
        if salary is not None:
            return salary
    return None


def _read_salary_text(job: dict[str, Any]) -> str:
    # A MonetaryAmount without numbers sometimes carries the range as prose in its description.
    amount = job.get("baseSalary")
    return read_str(amount.get("description")) if isinstance(amount, dict) else read_str(amount)


def _read_level_hint(job: dict[str, Any]) -> str:
    hints = []
    for requirement in _as_list(job.get("experienceRequirements")):
        if isinstance(requirement, dict):
            months = requirement.get("monthsOfExperience")
            if isinstance(months, int | float) and not isinstance(months, bool):
                hints.append(f"{months / 12:g} years of experience")
            hints.append(read_str(requirement.get("description")))
        else:
            hints.append(read_str(requirement))
    # "INTERN" is the only employment type that says anything about seniority.
    hints += [t for t in map(read_str, _as_list(job.get("employmentType"))) if t.upper() == "INTERN"]
    return "; ".join(hint for hint in hints if hint)


def _read_sector(company: str, industry: Any) -> Sector | None:
    text = ", ".join(map(read_str, _as_list(industry)))
    if not text:
        return None
    # The employer's stated industry ("Banking") is a structured claim; a vague one leaves it to the text.
    sector = infer_sector(company, text)
    return None if sector is Sector.OTHER else sector


def _read_skills(value: Any) -> list[str] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else read_str(value).split(",")
    skills = [_read_name(item) for item in items]
    return [skill for skill in skills if skill] or None
