"""Snapshots of a map view (PNG, SVG, PDF) and stories (PDF, standalone HTML, GIF).

Figures are built by pure functions (:mod:`~dashboard.export.figures`,
:mod:`~dashboard.export.page`) from plain data read once from the store
(:mod:`~dashboard.export.scene`); only :mod:`~dashboard.export.engine` talks to a browser.

>>> with ExportEngine() as engine:                                   # doctest: +SKIP
...     png = snapshot(store, date(2017, 11, 3), (40.3, 34.0, 41.8, 34.9), engine=engine)
"""

from dashboard.export.engine import BrowserMissing, ExportEngine, ExportFailed
from dashboard.export.snapshot import snapshot, snapshot_figure
from dashboard.export.story import (
    Story,
    StoryInvalid,
    StoryStep,
    load_story,
    loads_story,
    save_story,
    validate_story,
)
from dashboard.export.story_export import range_gif, story_html, story_pdf

__all__ = [
    "BrowserMissing",
    "ExportEngine",
    "ExportFailed",
    "Story",
    "StoryInvalid",
    "StoryStep",
    "load_story",
    "loads_story",
    "range_gif",
    "save_story",
    "snapshot",
    "snapshot_figure",
    "story_html",
    "story_pdf",
    "validate_story",
]
