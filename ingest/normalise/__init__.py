"""Normalisation: turning loader records into Postings with the DESIGN.md vocabulary."""

from ingest.normalise.build import build_posting, slugify
from ingest.normalise.level import infer_level
from ingest.normalise.location import normalise_country, parse_location
from ingest.normalise.raw import FeedOptions, RawPosting
from ingest.normalise.remote import infer_remote
from ingest.normalise.salary import parse_salary, salary_from_cents, salary_from_fields
from ingest.normalise.sector import infer_sector
from ingest.normalise.skills import SKILLS, canonical_skill, extract_skills
from ingest.normalise.text import html_to_text

__all__ = [
    "SKILLS",
    "FeedOptions",
    "RawPosting",
    "build_posting",
    "canonical_skill",
    "extract_skills",
    "html_to_text",
    "infer_level",
    "infer_remote",
    "infer_sector",
    "normalise_country",
    "parse_location",
    "parse_salary",
    "salary_from_cents",
    "salary_from_fields",
    "slugify",
]
