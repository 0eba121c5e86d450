"""Reading a feed's text from a file, a directory of files or an http(s) URL."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from ingest.models import IngestError

USER_AGENT = "finml-careers"
TIMEOUT_SECONDS = 20
MAX_BYTES = 20 * 1024 * 1024
KNOWN_EXTENSIONS = frozenset({".json", ".jsonld", ".html", ".htm", ".csv", ".jsonl", ".md"})


def is_url(source: str) -> bool:
    """Return True when the source names a URL rather than a path (any scheme, so bad ones fail clearly)."""
    scheme = urlparse(source).scheme
    # A single letter is a Windows drive ("C:\\feeds"), not a scheme.
    return len(scheme) > 1 and "://" in source


def list_sources(source: str) -> list[str]:
    """Return the files a source stands for: itself, or a directory's feed files, recursively and sorted."""
    if is_url(source) or not os.path.isdir(source):
        return [source]
    files = []
    for path in sorted(Path(source).rglob("*")):
        relative = path.relative_to(source)
        # Hidden files and folders (.git, editor swap files) are never feeds.
        if any(part.startswith(".") for part in relative.parts):
            continue
        # A folder's README documents the feeds; it is not an FAQ file.
        if path.stem.upper() == "README":
            continue
        if path.is_file() and path.suffix.lower() in KNOWN_EXTENSIONS:
            files.append(str(path))
    return files


def read_text(source: str) -> tuple[str, str]:
    """Return (origin, text) for a file path or an http(s) URL; raise IngestError when it cannot be read."""
    if is_url(source):
        return source, _decode(source, *_fetch(source))
    return source, _decode(source, _read_file(source), None)


def _read_file(path: str) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise IngestError(path, None, None, f"file is {size} bytes, over the {MAX_BYTES} byte limit")
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise IngestError(path, None, None, "no such file or directory") from None
    except OSError as exc:
        raise IngestError(path, None, None, f"cannot read file: {exc.strerror or exc}") from None


def _fetch(url: str) -> tuple[bytes, str | None]:
    scheme = urlparse(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise IngestError(url, None, None, f"unsupported URL scheme '{scheme}': use http or https")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise IngestError(
                    url, None, None, f"response is {length} bytes, over the {MAX_BYTES} byte limit"
                )
            # Read one byte past the cap so a server that omits Content-Length still cannot flood us.
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise IngestError(url, None, None, f"response is over the {MAX_BYTES} byte limit")
            return body, response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise IngestError(url, None, None, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise IngestError(url, None, None, f"cannot fetch URL: {exc.reason}") from None
    except TimeoutError:
        raise IngestError(url, None, None, f"no response within {TIMEOUT_SECONDS} s") from None
    except OSError as exc:
        raise IngestError(url, None, None, f"cannot fetch URL: {exc}") from None


def _decode(origin: str, body: bytes, charset: str | None) -> str:
    encoding = charset or "utf-8"
    # utf-8-sig also drops the byte-order mark spreadsheet tools put in front of CSV exports.
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return body.decode(codec)
    except LookupError:
        raise IngestError(origin, None, None, f"unknown text encoding '{encoding}'") from None
    except UnicodeDecodeError as exc:
        reason = f"text is not valid {encoding} (byte {exc.start}); save it as UTF-8"
        raise IngestError(origin, None, None, reason) from None


def iter_texts(source: str) -> Iterator[tuple[str, str] | IngestError]:
    """Yield (origin, text) for each file a source stands for, or the IngestError that stopped one file."""
    files = list_sources(source)
    if not files:
        yield IngestError(
            source, None, None, "directory holds no feed files (" + ", ".join(sorted(KNOWN_EXTENSIONS)) + ")"
        )
    for path in files:
        try:
            yield read_text(path)
        except IngestError as exc:
            yield exc
