"""Where the coach tests' client profiles live, importable by tests and the conftest alike."""

from __future__ import annotations

from pathlib import Path

PROFILES = Path(__file__).resolve().parent / "profiles"
PROFILE_NAMES = sorted(p.stem for p in PROFILES.glob("*.yaml"))
