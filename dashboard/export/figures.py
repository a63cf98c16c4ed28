"""Pure figure builders for exports: a :class:`Scene` and a page size in, a ``go.Figure`` out.

Two renderings of the same scene in the same page frame:

* :func:`vector_figure` draws everything with Plotly ``geo`` traces (Choropleth polygons over
  our own GeoJSON, Scattergeo lines, markers and text): true vectors in SVG and PDF, and the
  fastest PNG.
* :func:`maplibre_figure` is the web app's own map (its style, control layers and event
  traces from ``dashboard.web.figures``), which the browser rasterises.

Label placement and marker fan-out happen here, in page pixels, because Plotly draws text
where it is told and never moves it out of the way.
"""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import plotly.graph_objects as go
from shapely.geometry import mapping, shape

from dashboard.config import assets_dir
from dashboard.export import page as pg
from dashboard.export.frame import MapFrame, fit_bbox
from dashboard.export.geo_basemap import (
    basemap_traces,
    clipped,
    display_features,
    geo_layout,
    line_trace,
    polygon_trace,
)
from dashboard.export.page import FONT, Page
from dashboard.export.scene import EventMark, Scene
from dashboard.geodata.layers import layer_path
from dashboard.store.records import BBox
from dashboard.web import symbology as sym
from dashboard.web.basemap import BASEMAP_SOURCES, COLOURS, offline_style
from dashboard.web.figures.map_figure import (
    AREA_OPACITY,
    SELECTION_TRACE,
    SIDE_CODES,
    base_map_figure,
    control_layers,
    disc_colour,
    first_side,
    place_style_layers,
    places_collection,
    selection_update,
    slot_trace_index,
    slot_update,
)

RenderPath = Literal["vector", "maplibre"]
Box = tuple[float, float, float, float]  # left, top, right, bottom in frame pixels

# The campaign overview the dashboard opens on, as a box (app default centre, zoom 6.2 in a
# 1300x760 px map).
DEFAULT_BBOX: BBox = (34.65, 31.5, 47.35, 37.6)
HALO = "0px 0px 2px #ffffff, 0px 0px 2px #ffffff, 0px 0px 3px #ffffff, 0px 0px 4px #ffffff"


def frame_for(page: Page, bbox: BBox | None) -> MapFrame:
    """The map frame of a page showing at least ``bbox`` (the campaign overview by default)."""
    width, height = page.map_size
    return fit_bbox(bbox or DEFAULT_BBOX, width, height)


# -- marks --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Marker:
    """Events of one type and side at one place, drawn once with a count."""

    lon: float
    lat: float
    x: float
    y: float
    anchor_lon: float
    anchor_lat: float
    displaced: bool
    type: str
    side: str
    count: int
    highlighted: bool
    place: str


def _push_out_of_boxes(pos: Any, radius: Any, boxes: Any) -> Any:
    """Displacement moving each disc (centre ``pos``, ``radius``) out of the boxes it overlaps.

    Discs overlapping a box edge move straight away from its nearest point; a disc whose
    centre is inside a box leaves by the nearest side.
    """
    import numpy as np

    if not len(boxes):
        return np.zeros_like(pos)
    x, y = pos[:, 0:1], pos[:, 1:2]
    nx = np.clip(x, boxes[None, :, 0], boxes[None, :, 2])
    ny = np.clip(y, boxes[None, :, 1], boxes[None, :, 3])
    dx, dy = x - nx, y - ny
    dist = np.hypot(dx, dy)
    r = radius[:, None]
    hit = dist < r
    outside = hit & (dist > 1e-6)
    safe = np.where(dist > 1e-6, dist, 1.0)
    move_x = np.where(outside, dx / safe * (r - dist), 0.0)
    move_y = np.where(outside, dy / safe * (r - dist), 0.0)
    inside = hit & ~outside
    if inside.any():
        exits = np.stack(
            [
                x - boxes[None, :, 0] + r,
                boxes[None, :, 2] - x + r,
                y - boxes[None, :, 1] + r,
                boxes[None, :, 3] - y + r,
            ],
            axis=-1,
        )
        best = exits.argmin(-1)
        step = exits.min(-1)
        sx = np.select([best == 0, best == 1], [-step, step], 0.0)
        sy = np.select([best == 2, best == 3], [-step, step], 0.0)
        move_x = np.where(inside, sx, move_x)
        move_y = np.where(inside, sy, move_y)
    return np.stack([move_x.sum(1), move_y.sum(1)], axis=-1)


def markers(
    events: Iterable[EventMark],
    frame: MapFrame,
    size: float,
    obstacles: list[Box] = (),  # type: ignore[assignment]
    *,
    rounds: int = 160,
) -> list[Marker]:
    """One disc per (place, type, side), nudged apart so none hides another.

    Wire copy repeats an event many times and many events share a town; stacked discs would
    hide all but one. Discs start on a small ring around their town, then repel each other and
    the fixed ``obstacles`` (place labels and dots) while a weak spring keeps them near home;
    a disc that ends up away from its town gets a leader line (see :func:`_marker_traces`).
    """
    import math

    import numpy as np

    groups: dict[tuple[float, float, str, str], list[EventMark]] = defaultdict(list)
    for e in events:
        groups[(round(e.lon, 4), round(e.lat, 4), e.type, e.side)].append(e)
    keys = sorted(groups, key=lambda k: (k[0], k[1], -len(groups[k]), k[2], k[3]))
    if not keys:
        return []
    per_anchor: dict[tuple[float, float], int] = defaultdict(int)
    home = np.array([frame.project(k[0], k[1]) for k in keys], dtype=float)
    pos = home.copy()
    slots: dict[tuple[float, float], int] = defaultdict(int)
    for k in keys:
        per_anchor[(k[0], k[1])] += 1
    for i, k in enumerate(keys):
        n = per_anchor[(k[0], k[1])]
        if n > 1:
            j = slots[(k[0], k[1])]
            slots[(k[0], k[1])] += 1
            angle = -math.pi / 2 + 2 * math.pi * j / n
            radius = max(size * 0.75, n * size * 1.1 / (2 * math.pi))
            pos[i] += radius * np.array([math.cos(angle), math.sin(angle)])
    radius = np.full(len(keys), size / 2 + 1.5)
    reach = size * 6
    boxes = np.array(
        [
            b
            for b in obstacles
            if (home[:, 0] > b[0] - reach).any()
            and (home[:, 0] < b[2] + reach).any()
            and (home[:, 1] > b[1] - reach).any()
            and (home[:, 1] < b[3] + reach).any()
        ],
        dtype=float,
    ).reshape(-1, 4)
    for _ in range(rounds):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(-1)) + np.eye(len(keys))
        need = radius[:, None] + radius[None, :]
        overlap = np.clip(need - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        if not overlap.any():
            moved = False
        else:
            moved = True
            push = (delta / dist[..., None] * (overlap / 2)[..., None]).sum(axis=1)
            pos += push
        if _ < rounds - 40:  # the last rounds only separate: labels win over closeness
            pos += 0.02 * (home - pos)
        pos += _push_out_of_boxes(pos, radius, boxes)
        pos[:, 0] = np.clip(pos[:, 0], radius, frame.width - radius)
        pos[:, 1] = np.clip(pos[:, 1], radius, frame.height - radius)
        if not moved and _ > 20 and not _push_out_of_boxes(pos, radius, boxes).any():
            break
    out: list[Marker] = []
    for i, k in enumerate(keys):
        group = groups[k]
        lon, lat = frame.unproject(float(pos[i][0]), float(pos[i][1]))
        moved_px = float(np.hypot(*(pos[i] - home[i])))
        out.append(
            Marker(
                lon=lon,
                lat=lat,
                x=float(pos[i][0]),
                y=float(pos[i][1]),
                anchor_lon=k[0],
                anchor_lat=k[1],
                displaced=moved_px > size * 0.6,
                type=k[2],
                side=k[3],
                count=len(group),
                highlighted=any(e.highlighted for e in group),
                place=group[0].place,
            )
        )
    return out


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass(frozen=True)
class Label:
    lon: float
    lat: float
    text: str
    position: str  # Plotly textposition
    kind: str  # place | region
    box: Box = (0.0, 0.0, 0.0, 0.0)


def place_labels(
    scene: Scene,
    frame: MapFrame,
    obstacles: list[Box],
    *,
    size: float,
    dot: float,
) -> list[Label]:
    """Greedy label placement: contested towns and towns with events first, then the rest,
    each tried right, left, above and below its dot; a label that fits nowhere is dropped."""
    visible = [p for p in scene.places if frame.contains(p.lon, p.lat)]
    taken = list(obstacles)
    for p in visible:
        x, y = frame.project(p.lon, p.lat)
        taken.append((x - dot / 2, y - dot / 2, x + dot / 2, y + dot / 2))
    with_events = {m.place for m in scene.events}
    order = sorted(
        visible, key=lambda p: (p.name not in with_events, p.state != "contested", p.name)
    )
    labels: list[Label] = []
    height = size * 1.2
    gap = dot / 2 + 3
    for place in order:
        x, y = frame.project(place.lon, place.lat)
        w = pg.text_width(place.name, size, bold=True)
        candidates = {
            "middle right": (x + gap, y - height / 2, x + gap + w, y + height / 2),
            "middle left": (x - gap - w, y - height / 2, x - gap, y + height / 2),
            "top center": (x - w / 2, y - gap - height, x + w / 2, y - gap),
            "bottom center": (x - w / 2, y + gap, x + w / 2, y + gap + height),
        }
        for position, rect in candidates.items():
            inside = rect[0] >= 4 and rect[1] >= 4 and rect[2] <= frame.width - 4
            inside = inside and rect[3] <= frame.height - 4
            own_dot = (x - dot / 2, y - dot / 2, x + dot / 2, y + dot / 2)
            if inside and not any(_overlaps(rect, t) for t in taken if t != own_dot):
                taken.append(rect)
                labels.append(Label(place.lon, place.lat, place.name, position, "place", rect))
                break
    return labels


def region_labels(frame: MapFrame, taken: list[Box], *, size: float) -> list[Label]:
    """Country and province names where they fit, under everything else in priority."""
    out: list[Label] = []
    seen: set[str] = set()
    for geom, props in display_features("labels"):
        kind = props.get("kind")
        if kind not in ("country", "admin1") or geom.geom_type != "Point":
            continue
        name = str(props.get("name") or "")
        if not name or name in seen or not frame.contains(geom.x, geom.y, -20):
            continue
        text = name.upper()
        s = size * (1.15 if kind == "country" else 0.85)
        w = pg.text_width(text, s) * 1.12
        x, y = frame.project(geom.x, geom.y)
        rect = (x - w / 2, y - s * 0.7, x + w / 2, y + s * 0.7)
        if rect[0] < 0 or rect[2] > frame.width or any(_overlaps(rect, t) for t in taken):
            continue
        taken.append(rect)
        seen.add(name)
        out.append(Label(geom.x, geom.y, text, "middle center", kind))
    return out


# -- vector path --------------------------------------------------------------------------------
def app_layer_styles() -> dict[str, dict[str, Any]]:
    """The web map's control layer styles by name, so exports follow any restyling there."""
    return {layer["name"]: layer for layer in control_layers(None)}


def _control_traces(scene: Scene, unit: float) -> list[Any]:
    style = app_layer_styles()
    traces: list[Any] = []
    for side in sym.TERRITORIAL_SIDES:
        geoms = [
            shape(f["geometry"])
            for f in scene.control
            if f["properties"].get("kind") == "area" and f["properties"].get("side") == side
        ]
        layer = style.get(f"area {side}", {})
        trace = polygon_trace(
            geoms,
            layer.get("color", sym.side_colour(side)),
            name=f"area {side}",
            opacity=layer.get("opacity", AREA_OPACITY),
        )
        if trace is not None:
            traces.append(trace)
    contested = [
        shape(f["geometry"]) for f in scene.control if f["properties"].get("kind") == "contested"
    ]
    fill, outline = style["contested"], style["contested outline"]
    trace = polygon_trace(contested, fill["color"], name="contested", opacity=fill["opacity"])
    if trace is not None:
        traces.append(trace)
        traces.append(
            line_trace(
                contested,
                outline["color"],
                outline["line"]["width"] * unit,
                name="contested outline",
                dash="dot",
            )
        )
    front = [
        shape(f["geometry"]) for f in scene.control if f["properties"].get("kind") == "frontline"
    ]
    if front:
        casing, line = style["frontline casing"], style["frontline"]
        traces.append(
            line_trace(
                front,
                casing["color"],
                casing["line"]["width"] * unit,
                name="frontline casing",
                opacity=casing.get("opacity", 1.0),
            )
        )
        traces.append(
            line_trace(front, line["color"], line["line"]["width"] * unit, name="frontline")
        )
    return [t for t in traces if t is not None]


def _marker_traces(marks: list[Marker], size: float, unit: float) -> list[Any]:
    if not marks:
        return []
    traces: list[Any] = []
    leaders = [m for m in marks if m.displaced]
    if leaders:
        lons = [v for m in leaders for v in (m.anchor_lon, m.lon, None)]
        lats = [v for m in leaders for v in (m.anchor_lat, m.lat, None)]
        traces.append(
            go.Scattergeo(
                lon=lons,
                lat=lats,
                mode="lines",
                line={"color": "#3a3a3a", "width": 1.0 * unit},
                opacity=0.8,
                hoverinfo="skip",
                name="event leaders",
                showlegend=False,
            )
        )
    halo = [m for m in marks if m.highlighted]
    if halo:
        traces.append(
            go.Scattergeo(
                lon=[m.lon for m in halo],
                lat=[m.lat for m in halo],
                mode="markers",
                marker={
                    "size": size + 12 * unit,
                    "color": "#ffffff",
                    "line": {"color": pg.INK, "width": 3 * unit},
                },
                hoverinfo="skip",
                name="highlighted events",
                showlegend=False,
            )
        )
    traces.append(
        go.Scattergeo(
            lon=[m.lon for m in marks],
            lat=[m.lat for m in marks],
            mode="markers+text",
            text=[sym.type_letter(m.type) for m in marks],
            textposition="middle center",
            textfont={"family": FONT, "size": 12.5 * unit, "color": "#111111", "weight": 700},
            marker={
                "size": size,
                "color": [disc_colour(m.side) for m in marks],
                "line": {"color": "#262626", "width": 1.3 * unit},
                "opacity": 1,
            },
            hovertext=[
                f"{m.place}: {sym.type_label(m.type)} ({sym.side_label(m.side)}) ×{m.count}"
                for m in marks
            ],
            hoverinfo="text",
            name="events",
            showlegend=False,
        )
    )
    return traces


def _label_traces(
    scene: Scene, labels: list[Label], unit: float, dot: float, halo: str | None
) -> list[Any]:
    traces: list[Any] = []
    regions = [lb for lb in labels if lb.kind != "place"]
    if regions:
        traces.append(
            go.Scattergeo(
                lon=[lb.lon for lb in regions],
                lat=[lb.lat for lb in regions],
                mode="text",
                text=[lb.text for lb in regions],
                textposition="middle center",
                textfont={
                    "family": FONT,
                    "size": [(17 if lb.kind == "country" else 12) * unit for lb in regions],
                    "color": [
                        COLOURS["label"] if lb.kind == "country" else COLOURS["label_minor"]
                        for lb in regions
                    ],
                    "shadow": halo or "none",
                },
                hoverinfo="skip",
                name="regions",
                showlegend=False,
            )
        )
    visible = [p for p in scene.places]
    if visible:
        traces.append(
            go.Scattergeo(
                lon=[p.lon for p in visible],
                lat=[p.lat for p in visible],
                mode="markers",
                marker={
                    "size": dot,
                    "color": "#3b3b3b",
                    "line": {"color": "#ffffff", "width": 1.2 * unit},
                },
                hovertext=[p.name for p in visible],
                hoverinfo="text",
                name="places",
                showlegend=False,
            )
        )
    towns = [lb for lb in labels if lb.kind == "place"]
    if towns:
        traces.append(
            go.Scattergeo(
                lon=[lb.lon for lb in towns],
                lat=[lb.lat for lb in towns],
                mode="markers+text",
                marker={"size": dot, "color": "rgba(0,0,0,0)"},
                text=[lb.text for lb in towns],
                textposition=[lb.position for lb in towns],
                textfont={
                    "family": FONT,
                    "size": 15 * unit,
                    "color": "#1c1c1c",
                    "weight": 700,
                    "shadow": halo or "none",
                },
                hoverinfo="skip",
                name="place labels",
                showlegend=False,
            )
        )
    return traces


def map_traces(
    scene: Scene, frame: MapFrame, unit: float, *, basemap: bool = True, halo: bool = True
) -> list[Any]:
    """Every ``geo`` trace of the map, bottom to top (basemap optional, for shared bases).

    Town labels are placed first (they say where things are), then event discs settle
    around them; country and province names fill what room is left. ``halo`` draws a white
    glow behind labels; Chrome prints a CSS text shadow into PDFs as four more copies of the
    text, so PDF exports go without it.
    """
    size = 22 * unit
    dot = 8 * unit
    furniture: list[Box] = [
        (frame.width - 72 * unit, 0, frame.width, 80 * unit),  # north arrow
        (0, frame.height - 52 * unit, 250 * unit, frame.height),  # scale bar
    ]
    labels = place_labels(scene, frame, furniture, size=15 * unit, dot=dot)
    dots = []
    for p in scene.places:
        x, y = frame.project(p.lon, p.lat)
        dots.append((x - dot / 2, y - dot / 2, x + dot / 2, y + dot / 2))
    marks = markers(scene.events, frame, size, [*furniture, *dots, *(lb.box for lb in labels)])
    taken = [*furniture, *(lb.box for lb in labels)]
    taken += [(m.x - size / 2, m.y - size / 2, m.x + size / 2, m.y + size / 2) for m in marks]
    labels += region_labels(frame, taken, size=15 * unit)
    traces = basemap_traces(frame.padded_bbox(0.05), unit=unit) if basemap else []
    traces += _control_traces(scene, unit)
    # Names on top: where a crowded town's discs still touch its name, the name stays legible.
    traces += _marker_traces(marks, size, unit)
    traces += _label_traces(scene, labels, unit, dot, HALO if halo else None)
    return traces


def page_chrome(
    page: Page,
    scene: Scene,
    frame: MapFrame,
    title: str,
    *,
    caption: list[str] | None = None,
    step: str | None = None,
    credit_extra: str = "",
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Shapes and annotations of everything around and on top of the map."""
    chrome = pg.Chrome(page)
    pg.header(chrome, scene, title, step=step)
    if caption:
        pg.caption_band(chrome, caption)
    pg.legend(chrome, scene)
    pg.footer(chrome, scene, credit_extra)
    pg.scale_bar(chrome, frame)
    pg.north_arrow(chrome)
    return chrome.shapes, chrome.annotations


DEFAULT_TITLE = "Control of ground and reported events"


def vector_figure(
    scene: Scene,
    page: Page,
    frame: MapFrame,
    *,
    title: str | None = None,
    caption: list[str] | None = None,
    step: str | None = None,
    basemap: bool = True,
    halo: bool = True,
) -> go.Figure:
    """The whole slide as Plotly ``geo`` vectors (see the module docstring).

    ``basemap=False`` leaves the land, borders and rivers out, for pages that draw one shared
    basemap under many views (the standalone story).
    """
    shapes, annotations = page_chrome(
        page, scene, frame, title or DEFAULT_TITLE, caption=caption, step=step
    )
    fig = go.Figure(map_traces(scene, frame, page.unit, basemap=basemap, halo=halo))
    fig.update_layout(
        geo=geo_layout(frame.bbox, page.domain()),
        width=page.width,
        height=page.height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0, "pad": 0},
        paper_bgcolor="#ffffff",
        showlegend=False,
        shapes=shapes,
        annotations=annotations,
        font={"family": FONT, "color": pg.INK},
        dragmode=False,
    )
    return fig


# -- MapLibre path ------------------------------------------------------------------------------
def _display_geojson(name: str, bbox: BBox | None) -> dict[str, Any]:
    if bbox is None:
        return json.loads(layer_path(name, "display").read_text(encoding="utf-8"))
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": mapping(geom), "properties": props}
            for geom, props in clipped(name, bbox)
        ],
    }


def export_style(places: dict[str, Any], bbox: BBox | None = None) -> dict[str, Any]:
    """The app's offline style with its sources inlined (cut to ``bbox`` when given: MapLibre
    then tiles a fraction of the data) and glyphs read from the shipped folder by file URL:
    there is no server behind a rasterised export."""
    sources = {n: _display_geojson(n, bbox) for n in BASEMAP_SOURCES}
    style = copy.deepcopy(offline_style(inline_sources=sources))
    style["glyphs"] = (assets_dir() / "glyphs").as_uri() + "/{fontstack}/{range}.pbf"
    return place_style_layers(style, places)


def maplibre_figure(
    scene: Scene,
    page: Page,
    frame: MapFrame,
    *,
    title: str | None = None,
    caption: list[str] | None = None,
    step: str | None = None,
) -> go.Figure:
    """The web app's map figure for the scene, in the same page frame as the vector path."""
    import numpy as np

    places = places_collection(
        [(p.name, p.lon, p.lat, 2 if p.state == "contested" else 1) for p in scene.places]
    )
    fc = {"type": "FeatureCollection", "features": list(scene.control)}
    fig = base_map_figure(
        export_style(places, frame.padded_bbox(0.25)),
        center=frame.center,
        zoom=frame.zoom,
        layers=control_layers(fc),
    )
    events = scene.events
    rows = {
        "id": [e.id for e in events],
        "type": [e.type for e in events],
        "sides": [e.side for e in events],
        "place_name": [e.place for e in events],
        "date": np.asarray([e.day.isoformat() for e in events], dtype="datetime64[D]"),
        "lon": np.asarray([e.lon for e in events], dtype=float),
        "lat": np.asarray([e.lat for e in events], dtype=float),
    }
    if events:
        update = slot_update(rows)
        trace = fig.data[slot_trace_index(0)]
        trace.update(
            lon=rows["lon"].tolist(),
            lat=rows["lat"].tolist(),
            text=update["text"],
            hovertext=update["hovertext"],
            hovertemplate=update["hovertemplate"],
        )
        trace.marker.color = [SIDE_CODES.index(first_side(s)) for s in rows["sides"]]
    hl = [(e.lon, e.lat) for e in events if e.highlighted]
    if hl:
        fig.data[SELECTION_TRACE].update(selection_update(hl))
    shapes, annotations = page_chrome(
        page,
        scene,
        frame,
        title or DEFAULT_TITLE,
        caption=caption,
        step=step,
        credit_extra="; labels Open Sans",
    )
    fig.update_layout(
        map={"domain": page.domain()},
        width=page.width,
        height=page.height,
        paper_bgcolor="#ffffff",
        shapes=shapes,
        annotations=annotations,
        uirevision=None,
    )
    return fig


def build_figure(
    scene: Scene,
    page: Page,
    frame: MapFrame,
    path: RenderPath = "vector",
    **kwargs: Any,
) -> go.Figure:
    if path == "vector":
        return vector_figure(scene, page, frame, **kwargs)
    if path == "maplibre":
        return maplibre_figure(scene, page, frame, **kwargs)
    raise ValueError(f"unknown render path {path!r}; expected 'vector' or 'maplibre'")


__all__ = [
    "DEFAULT_BBOX",
    "DEFAULT_TITLE",
    "RenderPath",
    "build_figure",
    "fit_bbox",
    "frame_for",
    "map_traces",
    "maplibre_figure",
    "markers",
    "vector_figure",
]
