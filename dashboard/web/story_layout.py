"""The story drawer and the presentation stage, and the pure edits of the story they show.

The story lives in the browser as the very document ``dashboard.export.story`` reads and
writes (``{"conflictmap_story": 1, "title": ..., "steps": [...]}``), so saving is a plain
serialisation and a file saved here is what ``conflictmap story`` takes. Every edit below
returns a new document and never touches the one it was given: Dash hands callbacks copies,
and tests can compare before and after.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from dataclasses import replace
from datetime import date
from typing import Any

from dash import dcc, html

from dashboard.export.frame import TILE_SIZE, mercator_x, mercator_y
from dashboard.export.page import date_stamp
from dashboard.export.story import (
    MAX_CAPTION,
    SCHEMA_VERSION,
    StoryInvalid,
    loads_story,
    story_to_dict,
)
from dashboard.web import ids
from dashboard.web.viewstate import MapView, ViewState, parse_query, to_query

UPLOAD_LIMIT_BYTES = 1_000_000
# The web map's usual size, used to turn a file's bbox into the centre and zoom the map takes.
MAP_SIZE_PX = (900.0, 600.0)

Document = dict[str, Any]


# -- the document -------------------------------------------------------------------------------
def empty_story() -> Document:
    return {"conflictmap_story": SCHEMA_VERSION, "title": "", "steps": []}


def steps_of(doc: Document | None) -> list[dict[str, Any]]:
    """The steps of a document from local storage, which a user may have tampered with."""
    steps = (doc or {}).get("steps")
    return [s for s in steps if isinstance(s, dict)] if isinstance(steps, list) else []


def normalise_story(doc: Document | None) -> Document:
    """A fresh copy holding only well-formed steps: local storage may hold anything."""
    base = empty_story()
    if isinstance(doc, dict):
        base.update({k: v for k, v in doc.items() if k != "steps"})
    base["steps"] = [dict(s) for s in steps_of(doc)]
    return base


def step_from_view(
    day: date,
    range_value: dict[str, str] | None,
    map_view: dict[str, Any] | None,
    event: str | None,
    caption: str = "",
) -> dict[str, Any]:
    """A step in file form for what the analyst sees: the day or the brushed range, the map's
    centre and zoom, and the selected event as the one highlighted."""
    step: dict[str, Any] = {"date": day.isoformat()}
    if range_value and range_value.get("from") and range_value.get("to"):
        start, end = (date.fromisoformat(range_value[k][:10]) for k in ("from", "to"))
        step["from"] = min(start, end).isoformat()
        step["date"] = min(max(day, start), end).isoformat()
    view = map_view or {}
    if all(isinstance(view.get(k), int | float) for k in ("lat", "lon", "zoom")):
        step["center"] = {
            "lat": round(min(85.0, max(-85.0, float(view["lat"]))), 5),
            "lon": round(min(180.0, max(-180.0, float(view["lon"]))), 5),
        }
        step["zoom"] = round(min(22.0, max(0.0, float(view["zoom"]))), 3)
    step["caption"] = caption
    if event:
        step["highlight"] = [event]
    return step


def add_step(doc: Document | None, step: dict[str, Any]) -> Document:
    out = normalise_story(doc)
    out["steps"].append(dict(step))
    return out


def move_step(doc: Document | None, index: int, offset: int) -> Document:
    """Swap a step with its neighbour; a move past either end changes nothing."""
    out = normalise_story(doc)
    steps = out["steps"]
    other = index + offset
    if 0 <= index < len(steps) and 0 <= other < len(steps):
        steps[index], steps[other] = steps[other], steps[index]
    return out


def delete_step(doc: Document | None, index: int) -> Document:
    out = normalise_story(doc)
    if 0 <= index < len(out["steps"]):
        del out["steps"][index]
    return out


def with_texts(
    doc: Document | None, title: str | None, captions: list[str | None] | None
) -> Document:
    """The document with the title and captions as typed: the inputs commit on blur, so an
    action clicked straight after typing reads them here rather than from a stale store."""
    out = normalise_story(doc)
    if title is not None:
        out["title"] = str(title)[:300]
    for step, caption in zip(out["steps"], captions or [], strict=False):
        if caption is not None:
            step["caption"] = str(caption)[:MAX_CAPTION]
    return out


def document_from_upload(
    contents: str | None, filename: str | None
) -> tuple[Document | None, list[str]]:
    """A story document from a ``dcc.Upload`` data URL, or every problem with the file."""
    name = filename or "story.json"
    if not contents or "," not in contents:
        return None, [f"{name}: the file is empty"]
    try:
        raw = base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return None, [f"{name}: the upload could not be decoded"]
    if len(raw) > UPLOAD_LIMIT_BYTES:
        return None, [f"{name}: {len(raw):,} bytes, a story file is at most {UPLOAD_LIMIT_BYTES:,}"]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [f"{name}: not UTF-8 text (a story is a JSON or YAML file)"]
    try:
        story = loads_story(text, name=name)
    except StoryInvalid as exc:
        return None, exc.problems
    return story_to_dict(story), []


def story_filename(title: str | None, extension: str) -> str:
    """A file name from the title, safe on every system: "border-offensive.json"."""
    slug = re.sub(r"[^a-z0-9]+", "-", (title or "").lower()).strip("-")[:60]
    return f"{slug or 'story'}.{extension}"


# -- steps as views -----------------------------------------------------------------------------
def view_for_bbox(
    bbox: list[float] | tuple[float, ...],
    width: float = MAP_SIZE_PX[0],
    height: float = MAP_SIZE_PX[1],
) -> MapView:
    """The centre and the largest zoom that show the whole box in a map of this size (the
    inverse of the export's ``bbox_for_view``), for story files written with a bbox."""
    west, south, east, north = (float(v) for v in bbox)
    x0, x1 = mercator_x(west), mercator_x(east)
    y0, y1 = mercator_y(north), mercator_y(south)
    span_x, span_y = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    zoom = math.log2(min(width / (span_x * TILE_SIZE), height / (span_y * TILE_SIZE)))
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - (y0 + y1)))))
    return MapView(
        lat=round(lat, 5),
        lon=round((x0 + x1) / 2 * 360 - 180, 5),
        zoom=round(min(22.0, max(0.0, zoom)), 3),
    )


def step_view(step: dict[str, Any], base: ViewState) -> ViewState:
    """The view a step asks for, keeping ``base``'s filters and window: a story says when,
    where and what to point at, not which sources to trust."""
    day = date.fromisoformat(step["date"])
    start = date.fromisoformat(step["from"]) if step.get("from") else None
    map_view = base.map_view
    if step.get("bbox"):
        map_view = view_for_bbox(step["bbox"])
    elif step.get("center") and step.get("zoom") is not None:
        map_view = MapView(
            float(step["center"]["lat"]), float(step["center"]["lon"]), float(step["zoom"])
        )
    highlight = step.get("highlight") or []
    return replace(
        base,
        day=day,
        range=(start, day) if start and start < day else None,
        event=highlight[0] if highlight else None,
        map_view=map_view,
    )


def step_target(
    step: dict[str, Any], current_search: str | None, fallback_day: date
) -> tuple[str, ViewState]:
    """The query string for a step (the page applies it exactly as it applies a shared URL)
    and the view it stands for."""
    view = step_view(step, parse_query(current_search or "", ViewState(day=fallback_day)))
    return to_query(view), view


def step_stamp(step: dict[str, Any]) -> str:
    """ "3 November 2017" or "27 October – 3 November 2017", as the exports write it."""
    try:
        day = date.fromisoformat(step["date"])
        start = date.fromisoformat(step["from"]) if step.get("from") else None
    except (KeyError, TypeError, ValueError):
        return "no date"
    return date_stamp(day, start)


# -- components ---------------------------------------------------------------------------------
def story_button() -> html.Button:
    return html.Button(
        "Story",
        id=ids.STORY_BUTTON,
        className="button",
        n_clicks=0,
        title="Build and present a story",
    )


def _icon(label: str, kind: str, index: int, title: str, disabled: bool = False) -> html.Button:
    return html.Button(
        label,
        id={"type": kind, "index": index},
        className="button small icon-small",
        title=title,
        n_clicks=0,
        disabled=disabled,
    )


def layout_of(doc: Document | None) -> list[dict[str, Any]]:
    """The steps as the drawer lays them out, captions aside: what typing cannot change."""
    return [{k: v for k, v in step.items() if k != "caption"} for step in steps_of(doc)]


def shows_texts(doc: Document | None, title: Any, captions: list[Any] | None) -> bool:
    """Whether the drawer's inputs already hold the document's title and captions."""
    steps = steps_of(doc)
    return str((doc or {}).get("title") or "") == str(title or "") and [
        str(s.get("caption") or "") for s in steps
    ] == [str(c or "") for c in (captions or [])]


def story_body(doc: Document | None) -> list[Any]:
    """The title field and one row per step: when, the caption to edit, reorder and delete."""
    steps = steps_of(doc)
    rows = []
    for i, step in enumerate(steps):
        marked = " · event highlighted" if step.get("highlight") else ""
        rows.append(
            html.Li(
                className="story-step",
                children=[
                    html.Div(
                        className="story-step-head",
                        children=[
                            html.Span(f"{i + 1}", className="story-num"),
                            html.Span(step_stamp(step) + marked, className="story-when"),
                            _icon("↑", ids.STORY_UP, i, "Move up", disabled=i == 0),
                            _icon(
                                "↓", ids.STORY_DOWN, i, "Move down", disabled=i == len(steps) - 1
                            ),
                            _icon("✕", ids.STORY_DELETE, i, "Delete this step"),
                        ],
                    ),
                    dcc.Input(
                        id={"type": ids.STORY_CAPTION, "index": i},
                        value=str(step.get("caption") or ""),
                        debounce=True,
                        placeholder="Caption shown while presenting…",
                        maxLength=MAX_CAPTION,
                        className="story-caption-input",
                    ),
                ],
            )
        )
    return [
        html.Label("Title", htmlFor=ids.STORY_TITLE, className="story-label"),
        dcc.Input(
            id=ids.STORY_TITLE,
            value=str((doc or {}).get("title") or ""),
            debounce=True,
            placeholder="Story title",
            maxLength=300,
            className="story-title-input",
        ),
        html.Ol(rows, className="story-steps")
        if rows
        else html.P(
            "No steps yet: set the map, date and event, then add the view.", className="muted"
        ),
    ]


def problems_list(head: str, problems: list[str]) -> html.Div:
    """Problems as text, one a line (never as HTML: they quote the file)."""
    return html.Div(
        [html.Div(head, className="outcome-head"), html.Ul([html.Li(p) for p in problems])],
        className="story-problems",
    )


def story_panel() -> html.Div:
    """The stores, the authoring drawer and the (hidden) presentation stage."""
    return html.Div(
        className="story-parts",
        children=[
            dcc.Store(id=ids.STORY, storage_type="local", data=None),
            dcc.Store(id=ids.STORY_DECK, data={"on": False, "index": 0}),
            dcc.Store(id=ids.STORY_KEY, data={}),
            dcc.Store(id=ids.STORY_CAPTURE, data={}),
            dcc.Store(id=ids.STORY_RENDERED, data={}),  # nothing drawn yet: never equal to a layout
            dcc.Download(id=ids.STORY_DOWNLOAD),
            dcc.Download(id=ids.STORY_EXPORT_DOWNLOAD),
            html.Aside(
                id=ids.STORY_PANEL,
                className="story-panel",
                hidden=True,
                **{"aria-label": "Story"},
                children=[
                    html.Div(
                        className="story-panel-head",
                        children=[
                            html.H2("Story"),
                            html.Button(
                                "Close", id=ids.STORY_CLOSE, className="button small", n_clicks=0
                            ),
                        ],
                    ),
                    html.Button(
                        "Add current view as a step",
                        id=ids.STORY_ADD,
                        className="button primary",
                        n_clicks=0,
                        title="The date or range, the map view and the selected event",
                    ),
                    html.Div(story_body(None), id=ids.STORY_BODY, className="story-body"),
                    html.Div(
                        className="story-actions",
                        children=[
                            html.Button(
                                "Present",
                                id=ids.STORY_PRESENT,
                                className="button primary",
                                n_clicks=0,
                            ),
                            html.Button(
                                "Save JSON", id=ids.STORY_SAVE, className="button", n_clicks=0
                            ),
                            dcc.Upload(
                                id=ids.STORY_LOAD,
                                children=html.Span("Load…", className="button"),
                                accept=".json,.yaml,.yml,application/json",
                                max_size=UPLOAD_LIMIT_BYTES,
                                className="upload",
                            ),
                            html.Button("PDF", id=ids.STORY_PDF, className="button", n_clicks=0),
                            html.Button("HTML", id=ids.STORY_HTML, className="button", n_clicks=0),
                        ],
                    ),
                    dcc.Loading(
                        html.Div(id=ids.STORY_MESSAGE, className="story-message", role="status"),
                        type="dot",
                        delay_show=300,
                    ),
                ],
            ),
            html.Div(
                id=ids.STORY_STAGE,
                className="story-stage",
                hidden=True,
                children=[
                    html.Div(id=ids.STORY_STAGE_COUNTER, className="story-stage-counter"),
                    html.Div(
                        className="story-stage-text",
                        children=[
                            html.Div(id=ids.STORY_STAGE_TITLE, className="story-stage-title"),
                            html.Div(id=ids.STORY_STAGE_CAPTION, className="story-stage-caption"),
                        ],
                    ),
                    html.Div(
                        "← → step · Home / End · Esc leaves",
                        className="story-stage-keys",
                    ),
                ],
            ),
        ],
    )
