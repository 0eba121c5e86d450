"""Feed loaders: files, folders or URLs in; Postings, FaqEntries or the IngestErrors that skipped them out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import get_args

from ingest.loaders import faq, greenhouse, jsonld, lever, tabular
from ingest.loaders.detect import Format, detect_format
from ingest.loaders.fetch import iter_texts, read_text
from ingest.models import FaqEntry, IngestError, Posting
from ingest.normalise import build_posting
from ingest.normalise.raw import FeedOptions, RawPosting

__all__ = ["FORMATS", "Format", "detect_format", "read_document", "read_source", "read_text"]

FORMATS: tuple[str, ...] = get_args(Format)
Parser = Callable[[str, str, FeedOptions], Iterator[RawPosting | FaqEntry | IngestError]]
_PARSERS: dict[str, Parser] = {
    "greenhouse": greenhouse.parse,
    "lever": lever.parse,
    "jsonld": jsonld.parse,
    "csv": tabular.parse_csv,
    "jsonl": tabular.parse_jsonl,
    "faq": faq.parse,
}
_NO_OPTIONS = FeedOptions()


def read_source(
    source: str, fmt: Format = "auto", options: FeedOptions = _NO_OPTIONS
) -> Iterator[Posting | FaqEntry | IngestError]:
    """Yield every record of a file, a folder of feed files (recursively, sorted) or an http(s) URL.

    Nothing here raises for bad input: a broken record or a whole broken file is yielded as an
    IngestError (record None means the whole file), so one bad feed never stops a batch.
    """
    if fmt not in FORMATS:
        yield IngestError(source, None, None, f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
        return
    for item in iter_texts(source):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_document(*item, fmt=fmt, options=options)


def read_document(
    origin: str, text: str, fmt: Format = "auto", options: FeedOptions = _NO_OPTIONS
) -> Iterator[Posting | FaqEntry | IngestError]:
    """Yield the records of one document already in memory (an upload, a fetched page) like read_source."""
    try:
        kind = detect_format(origin, text) if fmt == "auto" else fmt
        parser = _PARSERS.get(kind)
        if parser is None:
            raise IngestError(
                origin, None, None, f"unknown format '{kind}'; choose one of {', '.join(FORMATS)}"
            )
        for record in parser(origin, text, options):
            yield _build(record, options) if isinstance(record, RawPosting) else record
    except IngestError as exc:
        yield exc


def _build(raw: RawPosting, options: FeedOptions) -> Posting | IngestError:
    try:
        return build_posting(raw, options)
    except IngestError as exc:
        return exc
    except ValueError as exc:
        # Normalisation raises IngestError itself; a validation slip must still skip one record, not the run.
        return IngestError(
            raw.origin, raw.record, None, f"cannot normalise record: {str(exc).splitlines()[0]}"
        )
