"""An offline MapLibre style for ``layout.map.style``: no tiles, no CDN, no remote glyphs.

Everything the style needs is served by the Dash app itself from ``assets/``: the display
layers as GeoJSON files and SDF glyph ranges for labels. Sources are URLs rather than inlined
data because the style travels inside the figure JSON: inlined, ~450 kB of geometry would be
re-sent with every figure update, while a URL is fetched once and kept by the browser cache.
``inline_sources`` exists for self-contained exports (standalone HTML), where there is no
server to fetch from.

The look is deliberately sober and light so coloured control areas drawn on top stay legible.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from dashboard.geodata.layers import display_layer_url

Language = Literal["en", "fr"]

BASEMAP_SOURCES: tuple[str, ...] = ("countries", "lakes", "boundaries", "rivers", "labels")
FONT_REGULAR = "Open Sans Regular"
FONT_BOLD = "Open Sans Bold"
FONT_ITALIC = "Open Sans Italic"
ATTRIBUTION = "Natural Earth; OCHA/CSO Iraq/ITOS COD-AB (CC BY-IGO 3.0); GeoNames (CC BY 4.0)"

COLOURS = {
    "background": "#e9edf1",
    "land": "#f8f7f4",
    "disputed": "#efede8",
    "water": "#c6d8e8",
    "river": "#7fa7cc",
    "border": "#6f6a62",
    "admin1": "#a19c93",
    "admin2": "#bdb8af",
    "admin3": "#d3cfc7",
    "label": "#55514a",
    "label_minor": "#7d786f",
    "label_water": "#4f7aa3",
    "halo": "#ffffff",
}


def offline_style(
    assets_url: str = "/assets/",
    *,
    language: Language = "en",
    inline_sources: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A complete MapLibre style (version 8) drawn from the shipped display layers.

    ``assets_url`` is the app's assets prefix (``app.get_asset_url("")`` under a path prefix);
    it must be a path on the app's own host. ``language`` picks the label column (``name`` or
    ``name_fr``, falling back to ``name``). ``inline_sources`` maps a source name to GeoJSON
    data to embed instead of its URL.
    """
    if "://" in assets_url or assets_url.startswith("//"):
        raise ValueError(f"assets_url must be a path on this app, not {assets_url!r}")
    inline_sources = inline_sources or {}
    prefix = assets_url if assets_url.endswith("/") else assets_url + "/"
    sources = {
        name: {
            "type": "geojson",
            "data": inline_sources.get(name, display_layer_url(name, prefix)),
            **({"promoteId": "id"} if name not in ("boundaries",) else {}),
            **({"attribution": ATTRIBUTION} if name == "countries" else {}),
        }
        for name in BASEMAP_SOURCES
    }
    return {
        "version": 8,
        "name": "conflictmap offline",
        "metadata": {"conflictmap:language": language},
        "glyphs": prefix + "glyphs/{fontstack}/{range}.pbf",
        "sources": sources,
        "layers": _layers(language),
    }


def _name(language: Language) -> list[Any]:
    if language == "en":
        return ["get", "name"]
    return ["coalesce", ["get", f"name_{language}"], ["get", "name"]]


def _zoomed(*stops: float) -> list[Any]:
    """A linear zoom interpolation from (zoom, value) pairs."""
    return ["interpolate", ["linear"], ["zoom"], *stops]


def _line(
    layer_id: str,
    source: str,
    colour: str,
    width: list[Any] | float,
    *,
    filter_: list[Any] | None = None,
    minzoom: float | None = None,
    dash: list[float] | None = None,
) -> dict[str, Any]:
    layer: dict[str, Any] = {
        "id": layer_id,
        "type": "line",
        "source": source,
        "layout": {"line-join": "round", "line-cap": "round"},
        "paint": {"line-color": colour, "line-width": width},
    }
    if filter_ is not None:
        layer["filter"] = filter_
    if minzoom is not None:
        layer["minzoom"] = minzoom
    if dash is not None:
        layer["paint"]["line-dasharray"] = dash
        layer["layout"]["line-cap"] = "butt"
    return layer


def _label(
    layer_id: str,
    kind: str,
    font: str,
    size: list[Any] | float,
    colour: str,
    *,
    language: Language,
    minzoom: float | None = None,
    maxzoom: float | None = None,
    upper: bool = False,
) -> dict[str, Any]:
    layer: dict[str, Any] = {
        "id": layer_id,
        "type": "symbol",
        "source": "labels",
        "filter": ["==", ["get", "kind"], kind],
        "layout": {
            "text-field": _name(language),
            "text-font": [font],
            "text-size": size,
            "text-max-width": 8,
            "text-padding": 4,
            "text-letter-spacing": 0.08 if upper else 0.0,
            "text-transform": "uppercase" if upper else "none",
        },
        "paint": {"text-color": colour, "text-halo-color": COLOURS["halo"], "text-halo-width": 1.2},
    }
    if minzoom is not None:
        layer["minzoom"] = minzoom
    if maxzoom is not None:
        layer["maxzoom"] = maxzoom
    return layer


def _layers(language: Language) -> list[dict[str, Any]]:
    kind_is = lambda kind: ["==", ["get", "kind"], kind]  # noqa: E731
    return [
        {
            "id": "background",
            "type": "background",
            "paint": {"background-color": COLOURS["background"]},
        },
        {
            "id": "land",
            "type": "fill",
            "source": "countries",
            "paint": {
                "fill-color": [
                    "match",
                    ["get", "kind"],
                    "disputed",
                    COLOURS["disputed"],
                    COLOURS["land"],
                ],
                "fill-antialias": False,
            },
        },
        {
            "id": "lakes",
            "type": "fill",
            "source": "lakes",
            "paint": {"fill-color": COLOURS["water"]},
        },
        _line(
            "admin3-lines",
            "boundaries",
            COLOURS["admin3"],
            _zoomed(8, 0.4, 12, 1.0),
            filter_=kind_is("admin3"),
            minzoom=8,
            dash=[2, 2],
        ),
        _line(
            "admin2-lines",
            "boundaries",
            COLOURS["admin2"],
            _zoomed(6, 0.5, 12, 1.4),
            filter_=kind_is("admin2"),
            minzoom=6,
        ),
        _line(
            "admin1-lines",
            "boundaries",
            COLOURS["admin1"],
            _zoomed(3, 0.5, 10, 1.6),
            filter_=kind_is("admin1"),
            dash=[4, 2],
        ),
        _line(
            "rivers",
            "rivers",
            COLOURS["river"],
            _zoomed(
                3,
                ["match", ["get", "scalerank"], [3, 4], 1.2, 0.6],
                10,
                ["match", ["get", "scalerank"], [3, 4], 3.0, 1.5],
            ),
        ),
        _line(
            "borders-disputed",
            "boundaries",
            COLOURS["border"],
            _zoomed(3, 0.8, 10, 1.8),
            filter_=["all", kind_is("border"), ["==", ["get", "disputed"], True]],
            dash=[3, 2],
        ),
        _line(
            "borders",
            "boundaries",
            COLOURS["border"],
            _zoomed(3, 1.0, 10, 2.4),
            filter_=["all", kind_is("border"), ["==", ["get", "disputed"], False]],
        ),
        {
            "id": "river-labels",
            "type": "symbol",
            "source": "rivers",
            "minzoom": 5,
            "filter": ["<=", ["get", "scalerank"], 7],
            "layout": {
                "symbol-placement": "line",
                "text-field": _name(language),
                "text-font": [FONT_ITALIC],
                "text-size": _zoomed(5, 10, 10, 13),
                "text-letter-spacing": 0.1,
                "symbol-spacing": 400,
            },
            "paint": {
                "text-color": COLOURS["label_water"],
                "text-halo-color": COLOURS["halo"],
                "text-halo-width": 1.2,
            },
        },
        _label(
            "lake-labels",
            "lake",
            FONT_ITALIC,
            11,
            COLOURS["label_water"],
            language=language,
            minzoom=6,
        ),
        _label(
            "admin3-labels",
            "admin3",
            FONT_REGULAR,
            10,
            COLOURS["label_minor"],
            language=language,
            minzoom=9,
        ),
        _label(
            "admin2-labels",
            "admin2",
            FONT_REGULAR,
            _zoomed(7, 10, 10, 12),
            COLOURS["label_minor"],
            language=language,
            minzoom=7.5,
        ),
        _label(
            "admin1-labels",
            "admin1",
            FONT_REGULAR,
            _zoomed(5, 10, 8, 12),
            COLOURS["label"],
            language=language,
            minzoom=5,
            maxzoom=9,
            upper=True,
        ),
        _label(
            "country-labels",
            "country",
            FONT_BOLD,
            _zoomed(3, 11, 7, 15),
            COLOURS["label"],
            language=language,
            maxzoom=8,
            upper=True,
        ),
        _label(
            "disputed-labels",
            "disputed",
            FONT_ITALIC,
            10,
            COLOURS["label_minor"],
            language=language,
            minzoom=7,
        ),
    ]
