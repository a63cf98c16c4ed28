"""The page shell in a real browser: it loads offline, draws the basemap and stays clean."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from plotly.offline import get_plotlyjs_version

from dashboard.web.delivery import PLOTLY_BUNDLE

pytestmark = pytest.mark.browser


def _drawn_fraction(png: bytes) -> float:
    """Share of pixels that differ clearly from the most common colour: proof of drawing.

    WebGL canvases cannot be read back from the page without ``preserveDrawingBuffer``, so the
    check works on a real screenshot of the map element instead.
    """
    image = Image.open(io.BytesIO(png)).convert("RGB").reduce(4)
    colours = image.getcolors(maxcolors=1 << 20) or []
    _, background = max(colours)
    total = image.width * image.height
    differ = sum(
        n for n, c in colours if sum(abs(a - b) for a, b in zip(c, background, strict=True)) > 24
    )
    return differ / total


def test_map_draws_offline_without_errors(live_server, page):
    pg, record = page
    pg.goto(live_server.url + "/", wait_until="networkidle")
    pg.wait_for_selector("#map canvas.maplibregl-canvas", timeout=30_000)
    pg.wait_for_function(
        "() => { const m = document.querySelector('#map .maplibregl-map');"
        " return m && document.querySelectorAll('#map .maplibregl-canvas').length > 0; }",
        timeout=30_000,
    )
    # MapLibre has fetched the local GeoJSON and glyphs and painted them
    pg.wait_for_function(
        "() => { const gd = document.querySelector('#map .js-plotly-plot');"
        " const m = gd && gd._fullLayout.map && gd._fullLayout.map._subplot.map;"
        " return !!m && m.loaded() && m.areTilesLoaded(); }",
        timeout=30_000,
    )
    png = pg.locator("#map").screenshot()
    assert _drawn_fraction(png) > 0.03, "map canvas shows only the background colour"
    assert record.external_requests() == []
    assert record.page_errors == []
    assert record.console_errors == []
    glyphs = [u for u in record.requests if "/assets/glyphs/" in u]
    assert glyphs, "no label glyphs were requested: place labels cannot be drawn"


def test_the_page_runs_on_its_partial_plotly_and_never_fetches_the_full_one(live_server, page):
    pg, record = page
    pg.goto(live_server.url + "/", wait_until="networkidle")
    pg.wait_for_function(
        "() => { const gd = document.querySelector('#map .js-plotly-plot');"
        " return !!(gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot); }",
        timeout=30_000,
    )
    assert pg.evaluate("() => window.Plotly.version") == get_plotlyjs_version()
    traces = pg.evaluate("() => Object.keys(window.Plotly.PlotSchema.get().traces).sort()")
    assert traces == ["bar", "scatter", "scattermap"]
    assert pg.evaluate("() => document.querySelectorAll('#timeline .js-plotly-plot').length") == 1
    assert [u for u in record.requests if "/_dash-component-suites/plotly/" in u] == []
    assert [u for u in record.requests if PLOTLY_BUNDLE in u] != []
    assert record.external_requests() == []
    assert record.page_errors == []
    assert record.console_errors == []


def test_the_layout_is_fetched_once_from_the_early_request(live_server, page):
    """The head's preload is the renderer's request: a mismatch would fetch the layout twice
    and make the browser warn that the preload went unused."""
    pg, record = page
    warnings: list[str] = []
    pg.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    pg.goto(live_server.url + "/?date=2017-11-10", wait_until="networkidle")
    pg.wait_for_selector("#map canvas.maplibregl-canvas", timeout=30_000)
    pg.wait_for_timeout(3500)  # Chromium warns about an unused preload after about 3 s
    for path in ("/_dash-layout", "/_dash-dependencies"):
        assert [u for u in record.requests if u.endswith(path)] == [live_server.url + path]
    assert [w for w in warnings if "preload" in w] == []
    assert record.page_errors == [] and record.console_errors == []


def test_about_panel_lists_data_attributions(live_server, page):
    pg, record = page
    pg.goto(live_server.url + "/", wait_until="networkidle")
    assert pg.locator("#about-panel").is_hidden()
    pg.click("#about-button")
    panel = pg.locator("#about-panel")
    panel.wait_for(state="visible")
    text = panel.inner_text()
    assert "Natural Earth" in text
    assert "GeoNames" in text and "CC BY 4.0" in text
    assert "OCHA" in text
    pg.click("#about-close")
    panel.wait_for(state="hidden")
    assert record.external_requests() == []
