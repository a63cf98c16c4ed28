"""The bundled demo: team-written articles about the Sept–Dec 2017 campaign."""

from __future__ import annotations

from pathlib import Path

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
_SEEDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def demo_sources() -> list[Path]:
    """The demo articles, plus the seed articles when a checkout has ../shared beside it."""
    sources = sorted(ARTICLES_DIR.glob("*.json"))
    if _SEEDS_DIR.is_dir():
        sources += sorted(_SEEDS_DIR.glob("*.txt"))
    return sources
