"""A story as one PDF (a page per step), one standalone HTML file, or an animated GIF.

Each step is a snapshot page (same header, legend, scale bar and cited sources) with the
step's caption in large type and its highlighted events ringed. The HTML file carries
everything it needs (plotly.js from the installed package, the topojson, a shared basemap and
each step's figure) and opens from disk with no server and no network.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.export.engine import ExportEngine, ExportFailed, plotly_js_path, topojson_dir
from dashboard.export.figures import RenderPath, build_figure, frame_for
from dashboard.export.frame import MapFrame, bbox_for_view, fit_bbox
from dashboard.export.geo_basemap import TOPOJSON_NAME, basemap_traces
from dashboard.export.page import Page, date_stamp, page_for, wrap_caption
from dashboard.export.scene import gather_scene
from dashboard.export.story import Story, StoryStep
from dashboard.store import Store


def step_frame(page: Page, step: StoryStep) -> MapFrame:
    """The map frame for a step: its box, or the web map's centre and zoom at this frame size."""
    width, height = page.map_size
    if step.bbox:
        return fit_bbox(step.bbox, width, height)
    if step.center and step.zoom is not None:
        lon, lat = step.center
        return fit_bbox(
            bbox_for_view({"lon": lon, "lat": lat}, step.zoom, width, height), width, height
        )
    return frame_for(page, None)


def step_figure(
    store: Store,
    story: Story,
    index: int,
    *,
    width: int = 1600,
    height: int = 900,
    path: RenderPath = "vector",
    basemap: bool = True,
    halo: bool = True,
) -> go.Figure:
    """Step ``index`` as a slide: the story's title, "Step i of n", the caption, the map."""
    step = story.steps[index]
    lines = wrap_caption(step.caption, page_for(width, height)) if step.caption.strip() else []
    page = page_for(width, height, caption_lines=len(lines))
    frame = step_frame(page, step)
    scene = gather_scene(store, step.day, frame.bbox, start=step.start, highlight=step.highlight)
    kwargs: dict[str, Any] = {
        "title": step.title or story.title or None,
        "caption": lines or None,
        "step": f"Step {index + 1} of {len(story.steps)}",
    }
    if path == "vector":
        kwargs["basemap"] = basemap
        kwargs["halo"] = halo
    return build_figure(scene, page, frame, path, **kwargs)


def story_pdf(
    store: Store,
    story: Story,
    engine: ExportEngine,
    *,
    width: int = 1600,
    height: int = 900,
    path: RenderPath = "vector",
) -> bytes:
    """One PDF, one page per step, in step order (pages rendered on all the engine's tabs)."""
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        raise ExportFailed("story PDFs need pypdf to join pages: pip install pypdf") from None
    figures = [
        step_figure(store, story, i, width=width, height=height, path=path, halo=False)
        for i in range(len(story.steps))
    ]
    pages = engine.render_many(figures, "pdf", width=width, height=height)
    writer = PdfWriter()
    for page in pages:
        writer.append(PdfReader(io.BytesIO(page)))
    writer.add_metadata({"/Title": story.title or "conflictmap story", "/Creator": "conflictmap"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _json_for_script(text: str) -> str:
    """JSON safe inside a <script> element (no "</script>", no HTML comment openers)."""
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def story_html(
    store: Store,
    story: Story,
    *,
    width: int = 1600,
    height: int = 900,
) -> str:
    """A single HTML file presenting the story: ←/→, Home/End, PageUp/PageDown, Space.

    The slides are the vector figures of :func:`step_figure` drawn at ``width`` x ``height``
    and scaled to the window, so fonts stay large on a projector; one basemap (clipped to the
    union of all views) is embedded once and drawn under every step.
    """
    steps_json = []
    boxes = []
    for i, step in enumerate(story.steps):
        fig = step_figure(store, story, i, width=width, height=height, basemap=False)
        west, east = fig.layout.geo.lonaxis.range
        south, north = fig.layout.geo.lataxis.range
        boxes.append((west, south, east, north))
        meta = {
            "caption": step.caption,
            "stamp": date_stamp(step.day, step.start),
            "title": step.title or story.title,
        }
        steps_json.append(
            '{"figure":' + pio.to_json(fig, validate=False) + ',"meta":' + json.dumps(meta) + "}"
        )
    union = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    pad_x, pad_y = (union[2] - union[0]) * 0.05, (union[3] - union[1]) * 0.05
    unit = min(width / 1600, height / 900)
    base = go.Figure(
        basemap_traces(
            (union[0] - pad_x, union[1] - pad_y, union[2] + pad_x, union[3] + pad_y), unit=unit
        )
    )
    base_json = json.dumps(json.loads(pio.to_json(base, validate=False))["data"])
    steps_text = ",".join(steps_json)
    payload = (
        f'{{"width":{width},"height":{height},"title":{json.dumps(story.title)},'
        f'"base":{base_json},"steps":[{steps_text}]}}'
    )
    topojson = (topojson_dir() / f"{TOPOJSON_NAME}.json").read_text(encoding="utf-8")
    plotly_js = plotly_js_path().read_text(encoding="utf-8")
    values = {
        "TITLE": html.escape(story.title or "conflictmap story"),
        "TOPOJSON_NAME": TOPOJSON_NAME,
        "TOPOJSON": _json_for_script(topojson),
        "STORY": _json_for_script(payload),
        "APP_JS": _APP_JS,
        "PLOTLY_JS": plotly_js,
    }
    # One pass over the template only: text inserted (captions, plotly.js) is never rescanned.
    return re.sub(r"__([A-Z_]+?)__", lambda m: values.get(m.group(1), m.group(0)), _PAGE)


def range_gif(
    store: Store,
    start: date,
    end: date,
    engine: ExportEngine,
    *,
    bbox: tuple[float, float, float, float] | None = None,
    every_days: int = 1,
    width: int = 1200,
    height: int = 675,
    frame_ms: int = 700,
    title: str | None = None,
) -> bytes:
    """An animated GIF, one frame per ``every_days`` from ``start`` to ``end``: the date stamp
    advances, areas and frontlines move, each frame shows that day's events."""
    try:
        from PIL import Image
    except ImportError:
        raise ExportFailed("animated GIFs need Pillow: pip install pillow") from None
    if end < start:
        raise ValueError(f"the range ends before it starts: {start} > {end}")
    days: list[date] = []
    day = start
    while day <= end:
        days.append(day)
        day += timedelta(days=max(1, every_days))
    page = page_for(width, height)
    frame = frame_for(page, bbox)
    figures = [
        build_figure(gather_scene(store, d, frame.bbox), page, frame, "vector", title=title)
        for d in days
    ]
    pngs = engine.render_many(figures, "png", width=width, height=height)
    images = [Image.open(io.BytesIO(p)).convert("RGB") for p in pngs]
    palette = [im.quantize(colors=192, dither=Image.Dither.NONE) for im in images]
    out = io.BytesIO()
    palette[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=palette[1:],
        duration=[frame_ms] * (len(palette) - 1) + [frame_ms * 3],
        loop=0,
        optimize=False,
    )
    return out.getvalue()


def step_labels(story: Story) -> Sequence[str]:
    return [f"{i + 1}. {date_stamp(s.day, s.start)}" for i, s in enumerate(story.steps)]


_APP_JS = r"""
(function () {
  const story = JSON.parse(document.getElementById('story-data').textContent);
  const n = story.steps.length;
  const stage = document.getElementById('stage');
  const gd = document.getElementById('map');
  const counter = document.getElementById('counter');
  const live = document.getElementById('live');
  const config = {staticPlot: true, displayModeBar: false, topojsonURL: './', responsive: false};
  let current = -1;
  let busy = Promise.resolve();
  function fit() {
    const bar = document.getElementById('bar').offsetHeight;
    const k = Math.min(window.innerWidth / story.width, (window.innerHeight - bar) / story.height);
    stage.style.transform = 'scale(' + k + ')';
    stage.parentElement.style.height = (story.height * k) + 'px';
    stage.parentElement.style.width = (story.width * k) + 'px';
  }
  function show(i) {
    i = Math.max(0, Math.min(n - 1, i));
    if (i === current) return busy;
    current = i;
    const step = story.steps[i];
    busy = busy.then(function () {
      stage.classList.add('fading');
      return Plotly.react(gd, story.base.concat(step.figure.data), step.figure.layout, config);
    }).then(function () {
      stage.classList.remove('fading');
      counter.textContent = (i + 1) + ' / ' + n;
      live.textContent = 'Step ' + (i + 1) + ' of ' + n + ', ' + step.meta.stamp + '. ' +
        step.meta.caption;
      document.body.dataset.step = String(i + 1);
      document.getElementById('prev').disabled = i === 0;
      document.getElementById('next').disabled = i === n - 1;
      if (history.replaceState) history.replaceState(null, '', '#' + (i + 1));
    });
    return busy;
  }
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    let handled = true;
    switch (e.key) {
      case 'ArrowRight': case 'PageDown': case ' ': show(current + 1); break;
      case 'ArrowLeft': case 'PageUp': show(current - 1); break;
      case 'Home': show(0); break;
      case 'End': show(n - 1); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });
  document.getElementById('prev').addEventListener('click', function () { show(current - 1); });
  document.getElementById('next').addEventListener('click', function () { show(current + 1); });
  window.addEventListener('resize', fit);
  window.storyShow = show;
  fit();
  const fromHash = parseInt((location.hash || '#1').slice(1), 10);
  show(isNaN(fromHash) ? 0 : fromHash - 1);
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none';
  script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline';
  img-src data: blob:; font-src data:">
<title>__TITLE__</title>
<style>
  html, body { margin: 0; height: 100%; background: #2b2b2b; color: #fff;
    font-family: "Open Sans", "DejaVu Sans", Arial, sans-serif; overflow: hidden; }
  #frame { margin: 0 auto; position: relative; overflow: hidden; }
  #stage { width: 1600px; height: 900px; transform-origin: 0 0; background: #fff;
    transition: opacity 160ms ease; }
  #stage.fading { opacity: 0.85; }
  #map { width: 100%; height: 100%; }
  #bar { display: flex; gap: 16px; align-items: center; justify-content: center;
    padding: 8px 16px; font-size: 22px; }
  #bar button { font-size: 22px; padding: 6px 22px; border-radius: 6px; border: 0;
    background: #f2f2f2; color: #111; cursor: pointer; }
  #bar button:disabled { opacity: 0.4; cursor: default; }
  #counter { min-width: 90px; text-align: center; font-weight: 700; }
  .hint { color: #bbb; font-size: 16px; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style>
<script>window.PlotlyGeoAssets = {topojson: {}};</script>
<script type="application/json" id="topojson-data">__TOPOJSON__</script>
<script>window.PlotlyGeoAssets.topojson["__TOPOJSON_NAME__"] =
  JSON.parse(document.getElementById('topojson-data').textContent);</script>
<script>__PLOTLY_JS__</script>
</head>
<body>
<div id="frame"><div id="stage"><div id="map"></div></div></div>
<div id="bar">
  <button id="prev" type="button" aria-label="Previous step">← Previous</button>
  <span id="counter" aria-hidden="true"></span>
  <button id="next" type="button" aria-label="Next step">Next →</button>
  <span class="hint">keys: ← → Home End</span>
</div>
<div id="live" class="sr" aria-live="polite"></div>
<script type="application/json" id="story-data">__STORY__</script>
<script>__APP_JS__</script>
</body>
</html>
"""
