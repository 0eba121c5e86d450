"""Turning posting HTML (raw or entity-encoded) into readable plain text."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

# fmt: off
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "br", "hr", "ul", "ol", "table", "tr",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd", "li",
    }
)
# fmt: on
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
# Greenhouse escapes the whole description, so real tags arrive as "&lt;p&gt;".
_ENCODED_TAG = re.compile(r"&lt;/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^&]*?)?/?&gt;")
_RAW_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._pre_depth = 0
        self._bullet_pending = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
            return
        if tag == "pre":
            self._pre_depth += 1
        if tag == "li":
            # The dash waits for the item's first words, which may sit inside a nested <p>.
            self._bullet_pending = True
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A self-closing <script/> has no content, so it must not open a skipped region.
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        if tag == "li":
            self._bullet_pending = False
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if not self._pre_depth:
            # Source line breaks inside HTML text are layout, not content.
            data = re.sub(r"\s+", " ", data)
        if self._bullet_pending and data.strip():
            # Items sit on consecutive lines, whatever blocks wrapped them.
            while self.parts and not self.parts[-1].strip():
                self.parts.pop()
            self.parts.append("\n- ")
            data = data.lstrip()
            self._bullet_pending = False
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Return plain text from HTML, entity-encoded HTML or plain text, with tidy whitespace."""
    if not html:
        return ""
    if _ENCODED_TAG.search(html) and not _RAW_TAG.search(html):
        html = unescape(html)
    if _RAW_TAG.search(html):
        collector = _TextCollector()
        collector.feed(html)
        collector.close()
        text = "".join(collector.parts)
    else:
        text = unescape(html)
    return normalise_whitespace(text)


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces within lines and of blank lines between them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
