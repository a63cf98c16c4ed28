"""A small real store (the demo articles through the real pipeline) and one warm browser,
both shared by the whole export suite so it stays fast."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dashboard.demo import demo_sources
from dashboard.pipeline import ingest_paths, refresh_control
from dashboard.store import Store, open_store

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "export"
DAY = date(2017, 11, 3)
AL_QAIM = (40.3, 34.0, 41.8, 34.9)


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'store.db'}"
    with open_store(url) as s:
        summary = ingest_paths(s, demo_sources(), actor="test")
        assert not summary.failures, summary.failures
        refresh_control(s, since=date(1900, 1, 1))
        yield s


@pytest.fixture(scope="session")
def engine() -> Iterator[object]:
    from dashboard.export.engine import ExportEngine

    with ExportEngine(tabs=2) as e:
        yield e


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
