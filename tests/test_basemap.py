"""The offline map style and the shared graph config never point the browser off the app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.web.basemap import offline_style
from dashboard.web.plotly_config import graph_config

ROOT = Path(__file__).resolve().parents[1]
PLOTLY_JS = Path(__import__("plotly").__file__).parent / "package_data" / "plotly.min.js"
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _asset_file(url: str) -> Path:
    assert url.startswith("/assets/"), url
    return ROOT / "assets" / url.removeprefix("/assets/")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_style_has_no_url_to_another_host(language: str) -> None:
    style = offline_style(language=language)
    for text in _strings(style):
        assert not REMOTE.match(text), text
        assert "http" not in text.lower(), text


def test_style_is_maplibre_version_8_with_sources_and_no_sprite() -> None:
    style = offline_style()
    assert style["version"] == 8
    assert style["sources"], "an empty sources object breaks Plotly style updates"
    assert "sprite" not in style


def test_every_layer_uses_an_existing_source() -> None:
    style = offline_style()
    ids = [layer["id"] for layer in style["layers"]]
    assert len(ids) == len(set(ids))
    assert style["layers"][0]["type"] == "background"
    for layer in style["layers"]:
        if layer["type"] != "background":
            assert layer["source"] in style["sources"], layer["id"]


def test_every_source_file_is_shipped() -> None:
    for name, source in offline_style()["sources"].items():
        assert source["type"] == "geojson"
        assert _asset_file(source["data"]).is_file(), name


def test_every_label_font_has_glyphs_for_latin_text() -> None:
    style = offline_style()
    template = style["glyphs"]
    assert template.startswith("/assets/") and "{fontstack}" in template and "{range}" in template
    fonts = {f for layer in style["layers"] for f in layer.get("layout", {}).get("text-font", [])}
    assert fonts
    for font in fonts:
        url = template.replace("{fontstack}", font).replace("{range}", "0-255")
        assert _asset_file(url).is_file(), font


def test_plotly_default_scattermap_font_has_glyphs() -> None:
    # Plotly replaces unknown text fonts by "Open Sans Regular"; it must exist.
    assert (ROOT / "assets" / "glyphs" / "Open Sans Regular" / "0-255.pbf").is_file()


def test_inline_sources_replace_urls_for_standalone_exports() -> None:
    data = {"type": "FeatureCollection", "features": []}
    style = offline_style(inline_sources={"countries": data})
    assert style["sources"]["countries"]["data"] is data
    assert style["sources"]["rivers"]["data"].startswith("/assets/")


def test_assets_prefix_follows_the_app_path() -> None:
    style = offline_style("/conflictmap/assets/")
    assert style["glyphs"].startswith("/conflictmap/assets/glyphs/")
    assert all(s["data"].startswith("/conflictmap/assets/") for s in style["sources"].values())


def test_remote_assets_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="path on this app"):
        offline_style("https://cdn.example.org/assets/")


def test_french_labels_fall_back_to_the_default_name() -> None:
    layer = next(
        la for la in offline_style(language="fr")["layers"] if la["id"] == "country-labels"
    )
    assert layer["layout"]["text-field"] == ["coalesce", ["get", "name_fr"], ["get", "name"]]


def test_graph_config_points_geo_traces_at_the_shipped_topojson() -> None:
    config = graph_config()
    assert config["topojsonURL"] == "/assets/topojson/"
    assert (ROOT / "assets" / "topojson" / "world_110m.json").is_file()
    assert config["displaylogo"] is False


def test_graph_config_removes_the_cloud_button_plotly_js_actually_has() -> None:
    config = graph_config()
    bundle = PLOTLY_JS.read_text(encoding="utf-8", errors="replace")
    for button in config["modeBarButtonsToRemove"]:
        assert f'name:"{button}"' in bundle, f"plotly.js has no modebar button {button}"
    assert config["showSendToCloud"] is False
    assert config["plotlyServerURL"] == ""
    for option in config:
        assert f"{option}:" in bundle, f"plotly.js has no config option {option}"


def test_graph_config_exports_slide_sized_images() -> None:
    options = graph_config(filename="frontline")["toImageButtonOptions"]
    assert options["width"] / options["height"] == pytest.approx(16 / 9)
    assert options["filename"] == "frontline"
