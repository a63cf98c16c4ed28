"""Shared fixtures: where ../shared is, and small helpers every test tier uses."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def demo_texts_cased() -> list[str]:
    """The demo corpus, and copies of some of it in capitals and in lower case: what a quick
    gate in front of a case-insensitive pattern must never lose a match on."""
    import json

    articles = ROOT / "dashboard" / "demo" / "articles"
    plain = [
        json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(articles.glob("*.json"))
    ]
    assert len(plain) >= 20
    return [*plain, *(t.upper() for t in plain[:8]), *(t.lower() for t in plain[:8])]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium under Playwright for the whole run.

    Playwright's sync API allows one driver per process, so every test tier that drives a
    browser (the app, the standalone story HTML) shares this one.
    """
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `bash scripts/install-system-deps.sh` "
            "(Debian package 'chromium') or set CONFLICTMAP_CHROMIUM"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
