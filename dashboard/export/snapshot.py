"""``snapshot()``: the map of a view on a date as a slide-ready PNG, SVG or PDF.

Reads the scene from the store, builds the figure with the pure builders, and hands it to an
:class:`ExportEngine` (a warm browser). Pass an engine to export many views fast; without one
a browser is started and closed for this single export.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import plotly.graph_objects as go

from dashboard.export.engine import ExportEngine, Format
from dashboard.export.figures import RenderPath, build_figure, frame_for
from dashboard.export.page import page_for
from dashboard.export.scene import gather_scene
from dashboard.store import Store
from dashboard.store.records import BBox

PathChoice = Literal["auto", "vector", "maplibre"]


def default_path(fmt: Format) -> RenderPath:
    """Vectors for every format: real paths and text in SVG/PDF, and the fastest PNG."""
    return "vector"


def snapshot_figure(
    store: Store,
    day: date,
    bbox: BBox | None = None,
    start: date | None = None,
    *,
    width: int = 1600,
    height: int = 900,
    title: str | None = None,
    path: RenderPath = "vector",
    highlight: tuple[str, ...] = (),
    caption: str | None = None,
    step: str | None = None,
    halo: bool = True,
) -> go.Figure:
    """The snapshot's figure without rendering it (what :func:`snapshot` sends to the browser)."""
    from dashboard.export.page import wrap_caption

    lines = wrap_caption(caption, page_for(width, height)) if caption else []
    page = page_for(width, height, caption_lines=len(lines))
    frame = frame_for(page, bbox)
    scene = gather_scene(store, day, frame.bbox, start=start, highlight=highlight)
    extra = {"halo": halo} if path == "vector" else {}
    return build_figure(
        scene, page, frame, path, title=title, caption=lines or None, step=step, **extra
    )


def snapshot(
    store: Store,
    day: date,
    bbox: BBox | None = None,
    start: date | None = None,
    fmt: Format = "png",
    width: int = 1600,
    height: int = 900,
    scale: float = 1,
    title: str | None = None,
    *,
    path: PathChoice = "auto",
    engine: ExportEngine | None = None,
) -> bytes:
    """The map of ``bbox`` on ``day`` (events from ``start``) as image bytes.

    ``path`` "auto" is the vector path for every format; "maplibre" rasterises the web app's
    own map (the map is a bitmap inside SVG/PDF then). ``scale`` multiplies the pixel size
    of PNGs (2 for a projector-sharp 3200x1800 slide).
    """
    chosen: RenderPath = default_path(fmt) if path == "auto" else path
    figure = snapshot_figure(
        store,
        day,
        bbox,
        start,
        width=width,
        height=height,
        title=title,
        path=chosen,
        halo=fmt != "pdf",
    )
    if engine is not None:
        return engine.render(figure, fmt, width=width, height=height, scale=scale)
    with ExportEngine() as own:
        return own.render(figure, fmt, width=width, height=height, scale=scale)
