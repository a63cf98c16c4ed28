"""The map figure: Plotly MapLibre traces and layers drawn over the offline basemap style.

Layer order, bottom to top: basemap land and water; control areas (fills, below the basemap's
boundaries so borders and rivers stay visible through them); contested ground; frontlines
(below every label, so no name is crossed out by a front); basemap labels; place dots and
labels; the selected event's halo; event markers.

Control is drawn with ``layout.map.layers`` rather than traces: a snapshot change then swaps
the GeoJSON of a few layers in place (MapLibre ``setData``) and never rebuilds the style or
the event traces. Events are a ring of ``N_SLOTS`` Scattermap traces, one day (or one chunk of
a brushed range) each, so a one-day step resends one slot and nothing else.
"""

from __future__ import annotations

import base64
import copy
import zlib
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
import plotly.graph_objects as go

from dashboard.web import symbology as sym
from dashboard.web.basemap import FONT_BOLD
from dashboard.web.figures import density
from dashboard.web.viewstate import N_SLOTS

# Western Anbar and Deir ez-Zor: where the 2017 campaign the demo covers took place.
DEFAULT_CENTER = {"lat": 34.6, "lon": 41.0}
DEFAULT_ZOOM = 6.2

SIDE_CODES: tuple[str, ...] = tuple(sym.SIDE_COLOURS)
"""Marker colour codes: the index of a side here, mapped by a stepped colour scale."""
LETTERS: dict[str, str] = dict(sym.TYPE_LETTERS)
SELECTION_TRACE = 0
FIRST_SLOT_TRACE = 1
AREA_OPACITY = 0.38
MARKER_SIZE = 15
LETTERS_UP_TO = 1000
"""A slot with more events is drawn as discs without letters: thousands of overlapping
letters are unreadable, and placing them (MapLibre symbol collision) costs seconds a step."""
DENSE_SIZES: tuple[tuple[int, int], ...] = ((5_000, MARKER_SIZE), (30_000, 9))
DENSEST_SIZE = 6
_FILL_BELOW = "admin3-lines"
_LINE_BELOW = "river-labels"  # lines under every label: names stay readable over a front


def marker_size(visible: int) -> int:
    """Disc size for a view showing ``visible`` events in all.

    Thousands of 15-pixel discs cover the control areas beneath them and cost the renderer a
    fill of every pixel they touch; the denser the view, the smaller the dots (as on any dense
    point map). One size for the whole view, so discs of different days stay comparable.
    """
    for limit, size in DENSE_SIZES:
        if visible <= limit:
            return size
    return DENSEST_SIZE


def slot_trace_index(slot: int) -> int:
    return FIRST_SLOT_TRACE + slot


def event_key(event_id: str) -> int:
    """A 32-bit key naming an event on the wire: 4 bytes instead of a 20-character id.

    A click carries the key back, so the server finds the event by identity, never by its
    position in a list that may have changed since it was sent. Two events of one view sharing
    a key are told apart by where they were clicked (see ``picking``).
    """
    return zlib.crc32(event_id.encode("utf-8"))


def event_keys(ids: Iterable[str]) -> np.ndarray:
    return np.fromiter((event_key(i) for i in ids), dtype=np.uint32)


def disc_colour(side: str) -> str:
    """The side's colour mixed 40 % with white: dark letters stay readable on every disc."""
    base = sym.side_colour(side).lstrip("#")
    r, g, b = (int(base[i : i + 2], 16) for i in (0, 2, 4))
    return "#{:02x}{:02x}{:02x}".format(*(round(c + (255 - c) * 0.4) for c in (r, g, b)))


def _stepped_colourscale() -> list[list[Any]]:
    """A colour scale mapping integer code ``i`` (with cmin -0.5, cmax n-0.5) to side ``i``."""
    n = len(SIDE_CODES)
    scale: list[list[Any]] = []
    for i, side in enumerate(SIDE_CODES):
        colour = disc_colour(side)
        scale.append([i / n, colour])
        scale.append([(i + 1) / n, colour])
    return scale


def typed_array(values: np.ndarray, dtype: str) -> dict[str, str]:
    """Plotly's base64 typed-array form: 4 bytes a coordinate instead of ~9 as JSON text."""
    array = np.ascontiguousarray(values, dtype=np.dtype(dtype).newbyteorder("<"))
    code = {"float32": "f4", "uint8": "u1", "uint32": "u4", "float64": "f8"}[array.dtype.name]
    return {"dtype": code, "bdata": base64.b64encode(array.tobytes()).decode("ascii")}


def place_style_layers(style: Mapping[str, Any], places: Mapping[str, Any]) -> dict[str, Any]:
    """The basemap style plus town dots and labels (the basemap has admin labels only).

    ``places`` is a FeatureCollection of points with ``name`` and ``rank`` (1 = most
    reported): the most reported towns are labelled from zoom 5, the rest from zoom 7, so the
    campaign overview stays uncluttered and zooming in names everything.
    """
    out = copy.deepcopy(dict(style))
    out["sources"]["places"] = {"type": "geojson", "data": dict(places)}
    rank = ["coalesce", ["get", "rank"], 99]
    out["layers"] = [
        *out["layers"],
        {
            "id": "place-dots",
            "type": "circle",
            "source": "places",
            "filter": ["<=", rank, ["step", ["zoom"], 12, 6, 40, 7, 999]],
            "paint": {
                "circle-radius": ["interpolate", ["linear"], ["zoom"], 5, 2.2, 10, 4],
                "circle-color": "#3b3b3b",
                "circle-stroke-color": "#ffffff",
                "circle-stroke-width": 1,
            },
        },
        {
            "id": "place-labels",
            "type": "symbol",
            "source": "places",
            "filter": ["<=", rank, ["step", ["zoom"], 12, 6, 40, 7, 999]],
            "layout": {
                "text-field": ["get", "name"],
                "text-font": [FONT_BOLD],
                "text-size": ["interpolate", ["linear"], ["zoom"], 5, 11, 10, 14],
                "text-anchor": "left",
                "text-offset": [0.7, 0],
                "text-max-width": 10,
                "text-padding": 3,
                "symbol-sort-key": rank,
            },
            "paint": {
                "text-color": "#222222",
                "text-halo-color": "#ffffff",
                "text-halo-width": 1.6,
            },
        },
    ]
    return out


def trace_anchor(trace: int) -> str:
    """Id of the empty style layer trace ``trace`` is drawn just beneath (its ``below``)."""
    return f"trace-anchor-{trace}"


def layer_anchor(index: int) -> str:
    """Id of the empty style layer control layer ``index`` is drawn just beneath."""
    return f"layer-anchor-{index}"


def _anchor(anchor_id: str) -> dict[str, Any]:
    return {"id": anchor_id, "type": "background", "layout": {"visibility": "none"}}


def anchored_style(style: Mapping[str, Any]) -> dict[str, Any]:
    """The style with a hidden, sourceless layer for each trace and control layer to sit
    beneath: the control layers' just below the basemap layer they belong under, the traces'
    on top, each group in its own order.

    Plotly gives every trace or layer whose ``below`` it shares with another a fresh place in
    the layer stack on each update: it removes and re-adds its layers, which makes MapLibre
    tile its data a second time. A distinct anchor for each keeps it where it is.
    """
    out = dict(style)
    below = _basemap_below()
    traces = [trace_anchor(i) for i in range(FIRST_SLOT_TRACE + N_SLOTS)]
    ours = {*traces, *(layer_anchor(i) for i in range(len(below)))}
    layers = [layer for layer in out.get("layers", []) if layer.get("id") not in ours]
    placed: list[dict[str, Any]] = []
    for layer in layers:
        placed += [_anchor(layer_anchor(i)) for i, b in enumerate(below) if b == layer.get("id")]
        placed.append(layer)
    missing = [i for i, b in enumerate(below) if b not in {lay.get("id") for lay in layers}]
    placed += [_anchor(layer_anchor(i)) for i in missing]
    out["layers"] = [*placed, *(_anchor(t) for t in traces)]
    return out


def base_map_figure(
    style: dict[str, Any],
    *,
    center: dict[str, float] | None = None,
    zoom: float = DEFAULT_ZOOM,
    uirevision: str = "map",
    layers: list[dict[str, Any]] | None = None,
) -> go.Figure:
    """The map with empty event slots; ``uirevision`` keeps pan and zoom across updates."""
    traces: list[go.Scattermap] = [
        go.Scattermap(
            lat=[],
            lon=[],
            mode="markers",
            name="selected",
            below=trace_anchor(SELECTION_TRACE),
            hoverinfo="skip",
            marker={"size": MARKER_SIZE + 14, "color": sym.SELECTION_COLOUR, "opacity": 0.55},
        )
    ]
    scale = _stepped_colourscale()
    for slot in range(N_SLOTS):
        traces.append(
            go.Scattermap(
                lat=[],
                lon=[],
                mode="markers+text",
                name=f"events {slot}",
                below=trace_anchor(slot_trace_index(slot)),
                text=[],
                hovertext=[],
                customdata=[],
                hovertemplate="%{hovertext}<extra></extra>",
                textfont={"family": FONT_BOLD, "size": 10, "color": "#111111"},
                textposition="middle center",
                marker={
                    "size": MARKER_SIZE,
                    "color": [],
                    "colorscale": scale,
                    "cmin": -0.5,
                    "cmax": len(SIDE_CODES) - 0.5,
                    "opacity": 1.0,
                },
            )
        )
    fig = go.Figure(traces)
    fig.update_layout(
        map={
            "style": anchored_style(style),
            "center": center or DEFAULT_CENTER,
            "zoom": zoom,
            "layers": layers or control_layers(None),
        },
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        showlegend=False,
        uirevision=uirevision,
        paper_bgcolor="rgba(0,0,0,0)",
        hoverlabel={"font": {"family": "system-ui, sans-serif", "size": 13}, "align": "left"},
        clickmode="event",
    )
    return fig


@lru_cache(maxsize=1)
def _empty_map_json() -> dict[str, Any]:
    return base_map_figure({"version": 8, "sources": {}, "layers": []}).to_plotly_json()


def map_figure_json(
    style: dict[str, Any],
    *,
    center: dict[str, float] | None = None,
    zoom: float = DEFAULT_ZOOM,
    layers: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """:func:`base_map_figure` as plain JSON for a page: the traces and layout are validated
    once per process and copied, not re-validated on every page load (tens of ms each)."""
    figure = copy.deepcopy(_empty_map_json())
    figure["layout"]["map"].update(
        style=anchored_style(style),
        center=center or DEFAULT_CENTER,
        zoom=zoom,
        layers=layers if layers is not None else control_layers(None),
    )
    return figure


def _rounded(coords: Any) -> Any:
    """Coordinates to 1e-4 degree (about 10 m): finer than the map can show, fewer bytes."""
    if isinstance(coords, int | float):
        return round(coords, 4)
    return [_rounded(c) for c in coords]


def _features(fc: Mapping[str, Any] | None, kind: str, side: str | None = None) -> dict[str, Any]:
    feats = [
        {
            "type": "Feature",
            "geometry": (
                {
                    "type": f["geometry"]["type"],
                    "coordinates": _rounded(f["geometry"]["coordinates"]),
                }
                if "coordinates" in f["geometry"]
                else f["geometry"]
            ),
            "properties": {
                k: v for k, v in f.get("properties", {}).items() if k in ("kind", "side")
            },
        }
        for f in (fc or {}).get("features", [])
        if f.get("properties", {}).get("kind") == kind
        and (side is None or f.get("properties", {}).get("side") == side)
        and f.get("geometry")
    ]
    return {"type": "FeatureCollection", "features": feats}


def control_layers(fc: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """``layout.map.layers`` for one control snapshot, always in the same order and count.

    A fixed list (one fill per territorial side, contested fill and dashed outline, frontline
    casing and line) means a snapshot change is a patch of ``source`` values only.
    """
    layers: list[dict[str, Any]] = []
    for side in sym.TERRITORIAL_SIDES:
        layers.append(
            {
                "name": f"area {side}",
                "sourcetype": "geojson",
                "source": _features(fc, "area", side),
                "type": "fill",
                "color": sym.side_colour(side),
                "opacity": AREA_OPACITY,
            }
        )
    contested = _features(fc, "contested")
    layers.append(
        {
            "name": "contested",
            "sourcetype": "geojson",
            "source": contested,
            "type": "fill",
            "color": sym.CONTESTED_COLOUR,
            "opacity": 0.6,
        }
    )
    layers.append(
        {
            "name": "contested outline",
            "sourcetype": "geojson",
            "source": contested,
            "type": "line",
            "color": sym.CONTESTED_OUTLINE,
            "line": {"width": 2.2, "dash": [2, 1.2]},
        }
    )
    front = _features(fc, "frontline")
    layers.append(
        {
            "name": "frontline casing",
            "sourcetype": "geojson",
            "source": front,
            "type": "line",
            "color": "#ffffff",
            "opacity": 0.9,
            "line": {"width": 5.5},
        }
    )
    layers.append(
        {
            "name": "frontline",
            "sourcetype": "geojson",
            "source": front,
            "type": "line",
            "color": sym.FRONTLINE_COLOUR,
            "line": {"width": 2.6},
        }
    )
    # each layer sits beneath its own anchor, itself placed under the basemap layer named
    # here (see anchored_style)
    for i, layer in enumerate(layers):
        layer["below"] = layer_anchor(i)
    return layers


def _basemap_below() -> list[str]:
    """The basemap layer each control layer is drawn under, in control layer order: fills
    under the boundaries (borders and rivers show through them), lines under every label."""
    return [_FILL_BELOW if lay["type"] == "fill" else _LINE_BELOW for lay in control_layers(None)]


def event_hover(place: str | None, kind: str, day: str | None = None) -> str:
    """Hover text: place and type in words (and the date when a trace spans several days).

    Plain ASCII punctuation on purpose: the JSON encoder escapes ``<``, ``>`` and non-ASCII
    characters to six bytes each, and this string is repeated for every event sent.
    """
    text = f"{place or 'Unnamed place'} ({sym.type_label(kind)})"
    return f"{text}<br>{day}" if day else text


def first_side(sides: str) -> str:
    """The side a marker is coloured by: the store lists an event's acting side first."""
    head = sides.split(",", 1)[0] if sides else ""
    return head or "unknown"


def _day_words(value: Any) -> str:
    day = date.fromisoformat(str(value)[:10])
    return f"{day.day} {day:%b %Y}"


def slot_update(rows: Mapping[str, Any], level: int | None = None) -> dict[str, Any]:
    """Trace properties for one event slot from store map rows, kept small on the wire.

    Coordinates and colour codes travel as base64 typed arrays; when the slot holds a single
    day (every step without a brushed range) the date is written once in the hover template
    instead of once per event. The side is the disc's colour (the legend names it). With a
    ``level`` (the map's whole zoom) a slot of more than ``MERGE_OVER`` events is drawn with
    one disc per side and screen cell (see :mod:`density`).
    """
    n = len(rows["id"])
    # a few sides, places and types repeat over thousands of rows: look each up once
    code_of: dict[str, int] = {}
    unknown = SIDE_CODES.index("unknown")
    for sides in set(rows["sides"]):
        side = first_side(sides)
        code_of[sides] = SIDE_CODES.index(side) if side in SIDE_CODES else unknown
    codes = np.fromiter((code_of[s] for s in rows["sides"]), dtype=np.uint8, count=n)
    days = np.asarray(rows["date"])
    one_day = n > 0 and bool((days == days[0]).all())
    template = f"%{{hovertext}}<br>{_day_words(days[0])}" if one_day else "%{hovertext}"
    lon, lat = np.asarray(rows["lon"]), np.asarray(rows["lat"])
    ids = rows["id"]
    if level is not None and n > density.MERGE_OVER:
        merged = density.merge(lon, lat, codes, _rank(rows), level)
        shown = merged.shown
        hover = _merged_hover(rows, merged, one_day)
        ids = [ids[i] for i in shown]
        lon, lat, codes = lon[shown], lat[shown], codes[shown]
        letters = False
    else:
        hover = _event_hovers(rows, days, one_day)
        letters = n <= LETTERS_UP_TO
    return {
        "lon": typed_array(lon, "float32"),
        "lat": typed_array(lat, "float32"),
        "mode": "markers+text" if letters else "markers",
        "text": [LETTERS.get(t) or sym.type_letter(t) for t in rows["type"]] if letters else [],
        "hovertext": hover,
        "hovertemplate": template + "<extra></extra>",
        "marker.color": typed_array(codes, "uint8"),
        "customdata": typed_array(event_keys(ids), "uint32"),
    }


def _event_hovers(rows: Mapping[str, Any], days: np.ndarray, one_day: bool) -> list[str]:
    labels: dict[Any, str] = {}
    texts: dict[tuple[Any, ...], str] = {}
    hover = []
    for place, kind, day in zip(rows["place_name"], rows["type"], days, strict=True):
        key = (place, kind) if one_day else (place, kind, day)
        text = texts.get(key)
        if text is None:
            when = None
            if not one_day:
                when = labels.get(day) or labels.setdefault(day, _day_words(day))
            text = texts[key] = event_hover(place, kind, when)
        hover.append(text)
    return hover


def _rank(rows: Mapping[str, Any]) -> np.ndarray:
    """Lower is drawn first in a merged disc: control changes, then the most confident."""
    weight = np.fromiter(
        (sym.TYPE_WEIGHT.get(t, len(sym.TYPE_WEIGHT)) for t in rows["type"]),
        dtype=np.float64,
        count=len(rows["type"]),
    )
    if "confidence" not in rows:
        return weight
    confidence = np.nan_to_num(np.asarray(rows["confidence"], dtype=np.float64))
    return weight - np.clip(confidence, 0.0, 1.0) * 0.5


def _merged_hover(rows: Mapping[str, Any], merged: density.Merged, one_day: bool) -> list[str]:
    """One line per disc: its event's place and type, and how many more it stands for."""
    days = rows["date"]
    hover = []
    for first, count in zip(merged.shown.tolist(), merged.counts.tolist(), strict=True):
        when = None if one_day else _day_words(days[first])
        text = event_hover(rows["place_name"][first], rows["type"][first], when)
        if count > 1:
            text += f"<br>+ {count - 1} more event{'s' if count > 2 else ''} here: click to list"
        hover.append(text)
    return hover


EMPTY_SLOT: dict[str, Any] = {
    "lon": [],
    "lat": [],
    "text": [],
    "hovertext": [],
    "marker.color": [],
    "customdata": [],
}


def selection_update(points: Iterable[tuple[float, float]]) -> dict[str, Any]:
    pts = list(points)
    return {"lon": [p[0] for p in pts], "lat": [p[1] for p in pts]}


def places_collection(rows: Iterable[tuple[str, float, float, int]]) -> dict[str, Any]:
    """Town points for :func:`place_style_layers` from (name, lon, lat, weight), heaviest first."""
    ordered = sorted(rows, key=lambda r: (-r[3], r[0]))
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
            "properties": {"name": name, "rank": i + 1},
        }
        for i, (name, lon, lat, _) in enumerate(ordered)
    ]
    return {"type": "FeatureCollection", "features": features}
