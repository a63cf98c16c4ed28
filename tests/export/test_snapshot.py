"""Snapshots: well-formed files with real content, the legend, the date and the sources."""

from __future__ import annotations

import io
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from dashboard.export.engine import BrowserMissing, ExportEngine, find_browser
from dashboard.export.snapshot import snapshot, snapshot_figure
from tests.export.conftest import AL_QAIM, DAY

SVG = "{http://www.w3.org/2000/svg}"


def drawn_share(png: bytes) -> float:
    """Share of pixels that are not the page's white background."""
    import numpy as np

    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    return float((pixels != 255).any(axis=-1).mean())


def svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [(el.text or "") + "".join(t.text or "" for t in el) for el in root.iter(f"{SVG}text")]


@pytest.fixture(scope="module")
def al_qaim_png(store, engine, artifacts: Path) -> bytes:
    data = snapshot(store, DAY, AL_QAIM, fmt="png", title="Al-Qaim", engine=engine)
    (artifacts / "al-qaim-2017-11-03.png").write_bytes(data)
    return data


@pytest.fixture(scope="module")
def al_qaim_svg(store, engine, artifacts: Path) -> bytes:
    data = snapshot(store, DAY, AL_QAIM, fmt="svg", engine=engine)
    (artifacts / "al-qaim-2017-11-03.svg").write_bytes(data)
    return data


def test_png_has_the_asked_size_and_draws_a_map(al_qaim_png: bytes) -> None:
    image = Image.open(io.BytesIO(al_qaim_png))
    assert image.format == "PNG"
    assert image.size == (1600, 900)
    assert drawn_share(al_qaim_png) > 0.5


def test_png_scale_multiplies_pixels(store, engine) -> None:
    data = snapshot(store, DAY, AL_QAIM, fmt="png", width=800, height=450, scale=2, engine=engine)
    assert Image.open(io.BytesIO(data)).size == (1600, 900)


def test_svg_is_vectors_with_legend_date_and_sources(al_qaim_svg: bytes) -> None:
    root = ET.fromstring(al_qaim_svg)
    paths = [p for p in root.iter(f"{SVG}path") if len(p.get("d") or "") > 200]
    assert len(paths) >= 5, "control areas and borders must be vector paths"
    assert not list(root.iter(f"{SVG}image")), "the vector path embeds no bitmap"
    texts = " ".join(svg_texts(al_qaim_svg))
    assert "3 November 2017" in texts
    for legend_entry in ("Iraqi forces", "Islamic State", "Frontline", "Capture"):
        assert legend_entry in texts
    assert "Sources:" in texts
    assert "Iraqi troops seize border crossing" in texts
    assert "Natural Earth" in texts and "km" in texts


def test_footer_cites_the_articles_behind_the_events(store) -> None:
    events = store.events_between(DAY, DAY, AL_QAIM)
    titles = {store.article(e.article_id).title for e in events}
    fig = snapshot_figure(store, DAY, AL_QAIM)
    footer = " ".join(a.text for a in fig.layout.annotations if a.name == "sources")
    assert any(t and t[:30] in footer for t in titles)


def test_range_stamp_and_events_of_the_whole_range(store) -> None:
    from datetime import date

    fig = snapshot_figure(store, date(2017, 11, 19), AL_QAIM, date(2017, 11, 8))
    stamp = next(a.text for a in fig.layout.annotations if a.name == "date-stamp")
    assert stamp == "<b>8–19 November 2017</b>"
    events = next(t for t in fig.data if t.name == "events")
    assert len(events.lon) > 1


def test_pdf_is_one_page_with_text(store, engine, artifacts: Path, tmp_path: Path) -> None:
    data = snapshot(store, DAY, AL_QAIM, fmt="pdf", engine=engine)
    assert data.startswith(b"%PDF")
    (artifacts / "al-qaim-2017-11-03.pdf").write_bytes(data)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "3 November 2017" in text and "Iraqi forces" in text
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True)
    (rendered,) = tmp_path.glob("page*.png")
    assert drawn_share(rendered.read_bytes()) > 0.4


def test_maplibre_path_rasterises_the_app_map(store, engine, artifacts: Path) -> None:
    data = snapshot(store, DAY, AL_QAIM, fmt="png", path="maplibre", engine=engine)
    (artifacts / "al-qaim-2017-11-03-maplibre.png").write_bytes(data)
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (1600, 900)
    # The map area (left of the legend, between header and footer) is drawn, not blank.
    map_area = image.crop((40, 120, 1250, 780))
    colours = map_area.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50


def test_an_empty_day_still_exports_with_an_honest_footer(store) -> None:
    from datetime import date

    fig = snapshot_figure(store, date(2017, 3, 2), (10.0, 10.0, 11.0, 11.0))
    footer = " ".join(a.text for a in fig.layout.annotations if a.name == "sources")
    assert "no article" in footer


def test_missing_browser_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BrowserMissing, match="apt-get install chromium"):
        ExportEngine(browser=tmp_path / "no-such-chromium")
    with pytest.raises(BrowserMissing, match="CONFLICTMAP_CHROMIUM"):
        find_browser({"CONFLICTMAP_CHROMIUM": str(tmp_path / "nothing")})
