"""`careers coach PROFILE [-o memo.md]`: read a YAML or JSON profile, print or write the memo."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.coach.profile import ProfileError, load_profile

if TYPE_CHECKING:
    from assistant.services import Services

EXIT_BAD_INPUT = 2  # the usual code for a usage error, as argparse uses


def run_coach(services: Services, profile_path: Path, output: Path | None) -> int:
    """Draft the memo; a bad profile is one clear line on stderr and exit code 2, never a traceback."""
    try:
        profile = load_profile(profile_path)
    except ProfileError as error:
        print(f"careers coach: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    coach = services.coach
    memo = coach.draft(profile)
    if memo.notice:
        print(f"careers coach: {memo.notice}", file=sys.stderr)
    if output is None:
        print(memo.markdown, end="")
        return 0
    try:
        output.write_text(memo.markdown, encoding="utf-8")
    except OSError as error:
        print(f"careers coach: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    roles, sources = len(memo.findings.roles), len(memo.evidence.citations)
    print(f"Wrote {output} ({roles} roles, {sources} sources, {memo.composer}).", file=sys.stderr)
    return 0
