"""The offline basemap redrawn as Plotly ``geo`` vector traces, in the web map's colours.

The shipped display layers (the same files MapLibre draws in the app) are clipped to the
view and handed to Plotly as GeoJSON: land and lakes as filled ``Choropleth`` polygons,
borders, province lines and rivers as ``Scattergeo`` lines. Polygons are reoriented with
clockwise exterior rings first (:func:`orient_for_plotly_geo`), or d3-geo fills the rest of the
globe instead of the shape. Clipping keeps SVG and PDF files small.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import numpy as np
import plotly.graph_objects as go
import shapely
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry

from dashboard.geodata import orient_for_plotly_geo
from dashboard.geodata.layers import layer_path
from dashboard.store.records import BBox
from dashboard.web.basemap import COLOURS

FONT = "Open Sans, DejaVu Sans, Arial, sans-serif"


@lru_cache(maxsize=8)
def _layer(name: str, stamp: int) -> tuple[tuple[BaseGeometry, dict[str, Any]], ...]:
    data = json.loads(layer_path(name, "display").read_text(encoding="utf-8"))
    return tuple(
        (shape(f["geometry"]), dict(f.get("properties") or {}))
        for f in data["features"]
        if f.get("geometry")
    )


def display_features(name: str) -> tuple[tuple[BaseGeometry, dict[str, Any]], ...]:
    """A shipped display layer as (geometry, properties), read once per file version."""
    path = layer_path(name, "display")
    return _layer(name, path.stat().st_mtime_ns)


def clipped(name: str, bbox: BBox) -> list[tuple[BaseGeometry, dict[str, Any]]]:
    """Features of a display layer cut to ``bbox`` (empty pieces dropped)."""
    window = box(*bbox)
    out = []
    for geom, props in display_features(name):
        if not geom.intersects(window):
            continue
        piece = geom.intersection(window)
        if not piece.is_empty:
            out.append((piece, props))
    return out


def line_coordinates(geoms: list[BaseGeometry]) -> tuple[np.ndarray, np.ndarray]:
    """Lines (and polygon rings) as lon and lat arrays with NaN between parts.

    NaN breaks a Plotly line like ``None`` does, and numpy arrays skip plotly.py's per-value
    validation and travel as compact typed arrays.
    """
    pieces: list[np.ndarray] = []
    gap = np.array([[np.nan, np.nan]])
    for geom in geoms:
        for part in shapely.get_parts(geom):
            rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
            for ring in rings:
                if ring.geom_type not in ("LineString", "LinearRing") or ring.is_empty:
                    continue
                pieces.append(np.asarray(ring.coords)[:, :2].round(4))
                pieces.append(gap)
    if not pieces:
        return np.empty(0), np.empty(0)
    xy = np.concatenate(pieces)
    return xy[:, 0], xy[:, 1]


def polygon_trace(
    geoms: list[BaseGeometry], colour: str, *, name: str, opacity: float = 1.0
) -> go.Choropleth | None:
    """Filled polygons in one colour as a ``Choropleth`` over inline GeoJSON (true vectors)."""
    features = []
    for i, geom in enumerate(geoms):
        polys = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
        if not polys:
            continue
        oriented = orient_for_plotly_geo(shapely.set_precision(shapely.union_all(polys), 1e-4))
        if oriented.is_empty:
            continue
        features.append({"type": "Feature", "id": f"{name}-{i}", "geometry": mapping(oriented)})
    if not features:
        return None
    return go.Choropleth(
        geojson={"type": "FeatureCollection", "features": features},
        locations=[f["id"] for f in features],
        z=[0] * len(features),
        zmin=0,
        zmax=1,
        colorscale=[[0, colour], [1, colour]],
        showscale=False,
        marker={"line": {"width": 0}, "opacity": opacity},
        hoverinfo="skip",
        name=name,
        showlegend=False,
    )


def line_trace(
    geoms: list[BaseGeometry],
    colour: str,
    width: float,
    *,
    name: str,
    dash: str = "solid",
    opacity: float = 1.0,
) -> go.Scattergeo | None:
    lons, lats = line_coordinates(geoms)
    if not len(lons):
        return None
    return go.Scattergeo(
        lon=lons,
        lat=lats,
        mode="lines",
        line={"color": colour, "width": width, "dash": dash},
        opacity=opacity,
        hoverinfo="skip",
        name=name,
        showlegend=False,
    )


def basemap_traces(bbox: BBox, *, unit: float = 1.0) -> list[Any]:
    """Land, lakes, province and national borders and rivers inside ``bbox``, bottom first.

    ``unit`` scales line widths with the page (1 at 1600x900).
    """
    traces: list[Any] = []
    countries = clipped("countries", bbox)
    land = [g for g, p in countries if p.get("kind") != "disputed"]
    disputed = [g for g, p in countries if p.get("kind") == "disputed"]
    traces.append(polygon_trace(land, COLOURS["land"], name="land"))
    traces.append(polygon_trace(disputed, COLOURS["disputed"], name="disputed"))
    traces.append(
        polygon_trace([g for g, _ in clipped("lakes", bbox)], COLOURS["water"], name="lakes")
    )
    boundaries = clipped("boundaries", bbox)

    def kind(*kinds: str, disputed: bool | None = None) -> list[BaseGeometry]:
        return [
            g
            for g, p in boundaries
            if p.get("kind") in kinds and (disputed is None or bool(p.get("disputed")) == disputed)
        ]

    traces.append(line_trace(kind("admin2"), COLOURS["admin2"], 0.8 * unit, name="admin2"))
    traces.append(
        line_trace(kind("admin1"), COLOURS["admin1"], 1.1 * unit, name="admin1", dash="dash")
    )
    rivers = clipped("rivers", bbox)
    major = [g for g, p in rivers if p.get("scalerank", 9) <= 4]
    minor = [g for g, p in rivers if p.get("scalerank", 9) > 4]
    traces.append(line_trace(minor, COLOURS["river"], 1.2 * unit, name="rivers"))
    traces.append(line_trace(major, COLOURS["river"], 2.4 * unit, name="major rivers"))
    traces.append(
        line_trace(
            kind("border", disputed=True),
            COLOURS["border"],
            1.6 * unit,
            name="disputed",
            dash="dash",
        )
    )
    traces.append(
        line_trace(kind("border", disputed=False), COLOURS["border"], 2.0 * unit, name="borders")
    )
    return [t for t in traces if t is not None]


def geo_layout(bbox: BBox, domain: dict[str, list[float]]) -> dict[str, Any]:
    """A Mercator ``geo`` subplot showing exactly ``bbox`` in ``domain``.

    Plotly's own base layers (from the shipped topojson) draw land and sea under our layers,
    so a view reaching past the shipped region still shows coasts; with ``topojsonURL``
    pointing at ``assets/topojson/`` (or the topojson embedded in a standalone page) no
    request leaves the machine.
    """
    west, south, east, north = bbox
    return {
        "domain": domain,
        "projection": {"type": "mercator"},
        "lonaxis": {"range": [west, east]},
        "lataxis": {"range": [south, north]},
        "resolution": 50,
        "showland": True,
        "landcolor": COLOURS["land"],
        "showocean": True,
        "oceancolor": COLOURS["water"],
        "showlakes": False,
        "showcoastlines": True,
        "coastlinecolor": COLOURS["water"],
        "coastlinewidth": 0.5,
        "showcountries": False,
        "showrivers": False,
        "showframe": True,
        "framecolor": "#5b5b5b",
        "framewidth": 1,
        "bgcolor": COLOURS["background"],
    }


TOPOJSON_NAME = "world_50m"
"""The topojson file :func:`geo_layout` needs (``scope`` world at ``resolution`` 50)."""
