"""Prompt files versioned with the code, loaded by name; every answer records which prompt wrote it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DIR = Path(__file__).resolve().parent
_HEADER = re.compile(r"^---\nversion:\s*(?P<version>\S+)\n---\n", re.M)


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    text: str

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    def render(self, **values: str) -> str:
        """Fill `{name}` slots; values are inserted verbatim, never re-interpreted as template."""
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), self.text)


@cache
def load_prompt(name: str) -> Prompt:
    """Load `prompts/<name>.md`; its front matter carries the version."""
    path = _DIR / f"{name}.md"
    if not path.is_file():
        raise FileNotFoundError(f"no prompt named {name!r} in {_DIR}")
    raw = path.read_text(encoding="utf-8")
    header = _HEADER.match(raw)
    if not header:
        raise ValueError(f"{path}: missing '---\\nversion: N\\n---' front matter")
    return Prompt(name, header.group("version"), raw[header.end() :].strip() + "\n")
