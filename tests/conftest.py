"""Shared fixtures: where ../shared is, and small helpers every test tier uses."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = SHARED / "seeds" / "000_44c6d5d4010a164b.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only folder beside the checkout; tests needing it skip visibly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: third-party sources unavailable")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_ARTICLE.is_file():
        pytest.skip(f"seed article not found at {SEED_ARTICLE}")
    return SEED_ARTICLE.read_text(encoding="utf-8")
