"""In-memory read model of the store: postings, FAQ, vectors, BM25 and filter columns; reloads on ingest."""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import date

import bm25s
import numpy as np

from assistant.models import Filters
from assistant.topics import posting_fits_topic
from ingest.models import FaqEntry, Posting
from ingest.normalise.location import normalise_country
from ingest.records import date_to_day, faq_from_metadata, posting_from_metadata
from vectorstore.store import Snapshot, Store

log = logging.getLogger(__name__)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "in",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "show",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "what",
        "which",
        "who",
        "with",
        "you",
        "your",
        "roles",
        "role",
        "jobs",
        "job",
    ]
)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens without stopwords; keeps 'c++', 'sr-11-7', 'var/cvar' pieces intact enough."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOPWORDS]


class LexicalIndex:
    """BM25 over a fixed list of documents, scoring every document so hard filters can mask the scores."""

    def __init__(self, documents: list[str]) -> None:
        self.size = len(documents)
        self._bm25 = bm25s.BM25()
        if documents:
            self._bm25.index([tokenize(d) or ["_"] for d in documents], show_progress=False)

    def scores(self, text: str) -> np.ndarray:
        tokens = tokenize(text)
        if not self.size or not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)


@dataclass
class PostingIndex:
    """Postings with columns for fast masking; row i of every array is postings[i]."""

    postings: list[Posting]
    vectors: np.ndarray
    lexical: LexicalIndex
    sector: np.ndarray
    level: np.ndarray
    remote: np.ndarray
    places: list[frozenset[str]]
    salary_max: np.ndarray  # annual upper bound, NaN when no salary is posted
    currency: np.ndarray
    expires_day: np.ndarray
    _topic_masks: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, snapshot: Snapshot) -> PostingIndex:
        postings = [posting_from_metadata(m) for m in snapshot.metadatas]
        salary_max = [p.salary.annual()[1] if p.salary else np.nan for p in postings]
        return cls(
            postings=postings,
            vectors=snapshot.embeddings,
            lexical=LexicalIndex(snapshot.documents),
            sector=np.array([p.sector.value for p in postings], dtype=object),
            level=np.array([p.level.value for p in postings], dtype=object),
            remote=np.array([p.remote.value for p in postings], dtype=object),
            places=[_places(p) for p in postings],
            salary_max=np.array(salary_max, dtype=np.float64),
            currency=np.array([p.salary.currency if p.salary else "" for p in postings], dtype=object),
            expires_day=np.array([date_to_day(p.valid_through) for p in postings], dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.postings)

    def topic_mask(self, topic: str) -> np.ndarray:
        """Rows whose posting is about the topic; computed once per topic for this snapshot."""
        cached = self._topic_masks.get(topic)
        if cached is None:
            cached = np.fromiter(
                (posting_fits_topic(p, topic) for p in self.postings), dtype=bool, count=len(self.postings)
            )
            self._topic_masks[topic] = cached
        return cached

    def mask(self, filters: Filters, today: date | None = None) -> np.ndarray:
        """Rows that satisfy every hard filter and have not expired."""
        day = date_to_day(today or date.today())
        keep = (self.expires_day == 0) | (self.expires_day >= day)
        if filters.sector:
            keep &= self.sector == filters.sector.value
        if filters.level:
            keep &= self.level == filters.level.value
        if filters.remote:
            keep &= self.remote == filters.remote.value
        if filters.min_salary is not None:
            # A floor is in one currency; postings in others cannot be compared without converting.
            keep &= self.currency == (filters.currency or "USD")
            keep &= np.nan_to_num(self.salary_max, nan=-1.0) >= filters.min_salary
        if filters.location:
            wanted = _place_keys(filters.location)
            keep &= np.fromiter((bool(wanted & p) for p in self.places), dtype=bool, count=len(self))
        return keep


@dataclass
class FaqIndex:
    entries: list[FaqEntry]
    vectors: np.ndarray
    lexical: LexicalIndex

    @classmethod
    def build(cls, snapshot: Snapshot) -> FaqIndex:
        return cls(
            entries=[faq_from_metadata(m) for m in snapshot.metadatas],
            vectors=snapshot.embeddings,
            lexical=LexicalIndex(snapshot.documents),
        )


@dataclass
class Catalog:
    postings: PostingIndex
    faq: FaqIndex
    revision: str


def _places(posting: Posting) -> frozenset[str]:
    location = posting.location
    keys = {v.lower() for v in (location.city, location.region, location.country) if v}
    return frozenset(keys)


def _place_keys(location: str) -> frozenset[str]:
    """What a location filter may equal: the words given and, for a country name, its ISO code."""
    text = location.strip().lower()
    keys = {text}
    country = normalise_country(location)
    if country:
        keys.add(country.lower())
    return frozenset(keys)


def load_catalog(store: Store) -> Catalog:
    revision = store.revision()
    if revision and store.is_foreign(revision):
        store.reopen()
        store.written_revision = revision
    started = time.perf_counter()
    catalog = Catalog(
        PostingIndex.build(store.snapshot("postings")), FaqIndex.build(store.snapshot("faq")), revision
    )
    log.info(
        "catalog loaded: %d postings, %d FAQ entries in %.2fs",
        len(catalog.postings),
        len(catalog.faq.entries),
        time.perf_counter() - started,
    )
    return catalog


class CatalogHolder:
    """Keeps the catalog current: polls the store's revision at most every `check_s` and swaps in a rebuild.

    Requests keep using the previous catalog while a rebuild runs, so an ingest never stalls answers.
    """

    def __init__(self, store: Store, check_s: float = 2.0) -> None:
        self.store = store
        self.check_s = check_s
        self._catalog = load_catalog(store)
        self._checked = time.monotonic()
        self._lock = threading.Lock()
        self._rebuilding = False

    def get(self) -> Catalog:
        now = time.monotonic()
        if now - self._checked >= self.check_s:
            self._checked = now
            self._maybe_rebuild()
        return self._catalog

    def refresh(self) -> Catalog:
        """Reload now (tests, CLI after ingest)."""
        self._catalog = load_catalog(self.store)
        return self._catalog

    def _maybe_rebuild(self) -> None:
        try:
            revision = self.store.revision()
        except Exception:  # the store being briefly unreachable must not fail a request
            log.warning("could not read the store revision; keeping the current catalog", exc_info=True)
            return
        if revision == self._catalog.revision:
            return
        with self._lock:
            if self._rebuilding:
                return
            self._rebuilding = True
        threading.Thread(target=self._rebuild, name="catalog-rebuild", daemon=True).start()

    def _rebuild(self) -> None:
        try:
            self._catalog = load_catalog(self.store)
        except Exception:
            log.exception("catalog rebuild failed; keeping the previous one")
        finally:
            self._rebuilding = False
