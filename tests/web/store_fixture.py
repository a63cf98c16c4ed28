"""The store the web tests run against: the real demo, built by the real pipeline, plus one
hostile article whose text carries markup and script, read like any uploaded file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.demo import demo_sources
from dashboard.pipeline import ingest_bytes, ingest_paths, refresh_control
from dashboard.store import open_store

HOSTILE_DAY = date(2017, 11, 20)
HOSTILE_SENTENCE = (
    "Islamic State fighters attacked <script>window.__xss = 1</script> Rawa "
    '<img src=x onerror="window.__xss=2"> on Monday, officials said.'
)
HOSTILE_TEXT = f"Report <b>bold</b> & <i>markup</i>\n\n{HOSTILE_SENTENCE}\n"


@dataclass(frozen=True)
class TestStore:
    url: str
    hostile_event: str
    hostile_article: str


def build_test_store(path: Path) -> TestStore:
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        summary = ingest_paths(store, demo_sources(), actor="test")
        assert not summary.failures, summary.failures
        (hostile,) = ingest_bytes(
            store, "hostile.txt", HOSTILE_TEXT.encode(), published=HOSTILE_DAY, actor="test"
        )
        assert hostile.status == "new", hostile
        refresh_control(store, since=date(1900, 1, 1))
        events = store.events_of_article(hostile.article_id)
        assert events, "the hostile article must yield an event to display"
    return TestStore(url, events[0].id, hostile.article_id)
