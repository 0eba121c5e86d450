"""Markdown to Slack mrkdwn, with untrusted text escaped per Slack's rules."""

from __future__ import annotations

import re

SECTION_LIMIT = 3000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_STASHED = re.compile(r"\x02(\d+)\x03")
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(\s*((?:[^\s()]|\([^\s()]*\))+)\s*\)")  # one level of (...) in URLs
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^(\s*)(\d{1,3})[.)]\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack treats as markup (&, <, >) so text shows as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def format_link(label: str, url: str) -> str:
    """Return `<url|label>` for http(s)/mailto URLs, else the label alone (never a javascript: link)."""
    label = escape_mrkdwn(re.sub(r"[*_`~]{2,}", "", label).replace("|", "/")).strip() or url
    if not url.lower().startswith(_SAFE_SCHEMES):
        return label
    safe_url = escape_mrkdwn(url).replace("|", "%7C").replace(" ", "%20")
    return f"<{safe_url}|{label}>"


def convert_inline(text: str) -> str:
    """Convert inline Markdown (bold, italic, strike, code, links) to mrkdwn, escaping everything else."""
    stash: list[str] = []

    def keep(piece: str) -> str:
        stash.append(piece)
        return f"\x02{len(stash) - 1}\x03"

    text = _CONTROL.sub("", text)
    text = _CODE_SPAN.sub(lambda m: keep(f"`{escape_mrkdwn(m[1])}`"), text)
    text = _LINK.sub(lambda m: keep(format_link(m[1], m[2])), text)
    text = escape_mrkdwn(text)
    text = _BOLD.sub(lambda m: f"\x01{m[1] or m[2]}\x01", text)
    text = _ITALIC.sub(r"_\1_", text)
    text = _STRIKE.sub(r"~\1~", text)
    text = text.replace("\x01", "*")
    return _STASHED.sub(lambda m: stash[int(m[1])], text)


def convert_line(line: str) -> str:
    """Convert one line outside code fences: headings become bold lines, bullets become "• "."""
    if _RULE.match(line):
        return ""
    if heading := _HEADING.match(line):
        title = convert_inline(heading[1].replace("**", "").replace("__", ""))
        return f"*{title}*" if title else ""
    if bullet := _BULLET.match(line):
        depth = len(bullet[1].expandtabs(4)) // 2
        marker = "◦" if depth else "•"
        return f"{'    ' * min(depth, 3)}{marker} {convert_inline(bullet[2])}"
    if numbered := _NUMBERED.match(line):
        depth = len(numbered[1].expandtabs(4)) // 2
        return f"{'    ' * min(depth, 3)}{numbered[2]}. {convert_inline(numbered[3])}"
    if quote := _QUOTE.match(line):
        return f"> {convert_inline(quote[1])}"
    return convert_inline(line)


def convert_markdown(markdown: str) -> str:
    """Convert the answer's Markdown to Slack mrkdwn; `[n]` citation markers are kept as they are."""
    out: list[str] = []
    in_fence = False
    for line in markdown.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("```")
        elif in_fence:
            out.append(escape_mrkdwn(_CONTROL.sub("", line)))
        else:
            out.append(convert_line(line).rstrip())
    if in_fence:
        out.append("```")
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def split_mrkdwn(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Split text into pieces of at most `limit` chars, at paragraph, then line, then word boundaries."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut >= limit // 3:
                break
        else:
            cut = _find_safe_cut(rest, limit)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _find_safe_cut(text: str, limit: int) -> int:
    """Cut at `limit`, stepping back so neither an `&amp;` entity nor a `<link|label>` is broken."""
    cut = limit
    opened, amp = text.rfind("<", 0, cut), text.rfind("&", 0, cut)
    if opened > text.rfind(">", 0, cut) and opened > 0:
        cut = opened
    if amp > cut - 5 and ";" not in text[amp:cut]:
        cut = amp
    return cut
