"""FAQ Markdown (`## Question?` headings followed by answer paragraphs) read into FaqEntries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import urlparse

from ingest.models import FaqEntry, IngestError
from ingest.normalise import slugify
from ingest.normalise.raw import FeedOptions

_QUESTION = re.compile(r"^##\s+(.+?)(?:\s+#+)?\s*$")
_TAGS = re.compile(r"^tags:\s*(.*)$", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")


def parse(origin: str, text: str, options: FeedOptions) -> Iterator[FaqEntry | IngestError]:
    """Yield one FaqEntry per `## Question`, or an IngestError naming a question with no usable answer."""
    stem = _file_stem(origin) or "faq"
    seen: set[str] = set()
    found = False
    for question, lines in _split_sections(text):
        found = True
        tags: list[str] = []
        answer_lines = []
        for line in lines:
            match = _TAGS.match(line.strip())
            if match:
                tags += [tag.strip().lower() for tag in match.group(1).split(",") if tag.strip()]
            else:
                answer_lines.append(line.rstrip())
        answer = _tidy("\n".join(answer_lines))
        entry_id = f"faq:{stem}:{slugify(question)[:60]}"
        if not answer:
            yield IngestError(origin, question, "answer", "question has no answer text")
        elif entry_id in seen:
            yield IngestError(origin, question, "question", "the same question appears twice in this file")
        else:
            seen.add(entry_id)
            yield FaqEntry(id=entry_id, question=question, answer=answer, tags=tags, origin=origin)
    if not found:
        raise IngestError(origin, None, None, "no '## Question' headings found in this FAQ file")


def _split_sections(text: str) -> Iterator[tuple[str, list[str]]]:
    """Yield (question, answer lines) per `##` heading; text before the first one is the page intro."""
    question: str | None = None
    lines: list[str] = []
    in_fence = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        # A "## " inside a code sample is part of the answer, not a new question.
        match = None if in_fence else _QUESTION.match(line)
        if match:
            if question is not None:
                yield question, lines
            question, lines = match.group(1), []
        elif question is not None:
            lines.append(line)
    if question is not None:
        yield question, lines


def _tidy(answer: str) -> str:
    # Paragraph breaks carry meaning in answers; runs of blank lines do not.
    return re.sub(r"\n{3,}", "\n\n", answer).strip()


def _file_stem(origin: str) -> str:
    path = urlparse(origin).path if "://" in origin else origin.replace("\\", "/")
    return PurePosixPath(path).stem
