"""Page structure only: which components exist and where. No data access, no callbacks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dash import dcc, html

from dashboard.web import ids, story_layout
from dashboard.web import symbology as sym
from dashboard.web.panels import event_detail, legend
from dashboard.web.viewstate import WINDOWS, ViewState, day_number

SPEEDS: tuple[tuple[str, int], ...] = (("0.5×", 1600), ("1×", 800), ("2×", 400), ("4×", 200))


@dataclass(frozen=True)
class PageData:
    """What the page needs to know at load time, read from the store by the app factory."""

    first_day: date
    last_day: date
    view: ViewState
    sources: tuple[str, ...]
    sides: tuple[str, ...]
    types: tuple[str, ...]
    precisions: tuple[str, ...]
    upload_limit_mb: float

    @property
    def upload_limit_bytes(self) -> int:
        return upload_limit_bytes(self.upload_limit_mb)


@dataclass(frozen=True)
class Opening:
    """The view the page opens on, drawn server-side: the stores saying what the map holds,
    the changes panel, the date label and the query string it was read from."""

    loaded: dict[str, Any] | None = None
    shown: dict[str, Any] | None = None
    changes: Any = None
    label: str = ""
    search: str = ""
    level: int = 0
    ahead: dict[str, Any] | None = None


def upload_limit_bytes(megabytes: float) -> int:
    """The one conversion of the setting, shared by the browser check and the server check."""
    return int(megabytes * 1_000_000)


def about_panel(attributions: list[str]) -> html.Div:
    """Data sources and licences, shown as plain text (never as HTML)."""
    return html.Div(
        id=ids.ABOUT_PANEL,
        className="about-panel",
        hidden=True,
        children=[
            html.Div(
                className="about-card",
                children=[
                    html.H2("About conflictmap"),
                    html.P(
                        "Territorial control and frontlines derived from news articles. "
                        "Every area, line and event on the map traces back to the sentences "
                        "it was read from."
                    ),
                    html.H3("Keyboard"),
                    html.Ul(
                        [
                            html.Li("← / → : one day back / forward"),
                            html.Li("Shift + ← / → : one week"),
                            html.Li("Space : play / pause"),
                        ],
                        className="attributions",
                    ),
                    html.H3("Data and attributions"),
                    html.Ul([html.Li(line) for line in attributions], className="attributions"),
                    html.Button("Close", id=ids.ABOUT_CLOSE, className="button"),
                ],
            )
        ],
    )


def article_panel() -> html.Div:
    return html.Div(
        id=ids.ARTICLE_PANEL,
        className="about-panel",
        hidden=True,
        children=[
            html.Div(
                className="about-card article-card",
                children=[
                    html.Div(id=ids.ARTICLE_BODY),
                    html.Button("Close", id=ids.ARTICLE_CLOSE, className="button"),
                ],
            )
        ],
    )


def _section(title: str, *children: Any, open_: bool = True, cls: str = "") -> html.Details:
    return html.Details(
        [html.Summary(title), html.Div(list(children), className="section-body")],
        open=open_,
        className=f"section {cls}".strip(),
    )


def _checklist(cid: str, options: list[tuple[str, Any]], value: list[str]) -> dcc.Checklist:
    return dcc.Checklist(
        id=cid,
        options=[{"label": label, "value": v} for v, label in options],
        value=value,
        className="checklist",
        inputClassName="check",
    )


def _side_label(side: str) -> html.Span:
    """A side's name after its map colour: the side filter doubles as the colour legend."""
    return html.Span(
        [
            html.Span(className="swatch", style={"background": sym.side_colour(side)}),
            sym.side_label(side),
        ]
    )


def _type_label(kind: str) -> html.Span:
    """An event type after the letter its markers carry: the type filter is the letter key."""
    return html.Span([html.Span(sym.type_letter(kind), className="letter"), sym.type_label(kind)])


def filters_panel(data: PageData) -> html.Div:
    view = data.view

    def ticked(chosen: tuple[str, ...] | None, every: tuple[str, ...]) -> list[str]:
        return list(every) if chosen is None else [v for v in every if v in chosen]

    return html.Div(
        className="filters",
        children=[
            html.H4("Sides"),
            _checklist(
                ids.FILTER_SIDES,
                [(s, _side_label(s)) for s in data.sides],
                ticked(view.sides, data.sides),
            ),
            html.H4("Event types"),
            _checklist(
                ids.FILTER_TYPES,
                [(t, _type_label(t)) for t in data.types],
                ticked(view.types, data.types),
            ),
            html.H4("Sources"),
            _checklist(
                ids.FILTER_SOURCES,
                [(s, s) for s in data.sources],
                ticked(view.sources, data.sources),
            ),
            html.H4("Date precision"),
            _checklist(
                ids.FILTER_PRECISION,
                [(p, sym.PRECISION_LABELS.get(p, p)) for p in data.precisions],
                ticked(view.precisions, data.precisions),
            ),
            html.H4("Minimum confidence"),
            dcc.Slider(
                id=ids.FILTER_CONFIDENCE,
                min=0,
                max=1,
                step=0.05,
                value=view.min_confidence,
                marks={0: "0", 0.5: "0.5", 1: "1"},
                updatemode="mouseup",
                allow_direct_input=False,
            ),
        ],
    )


def slider_marks(first_day: date, last_day: date, most: int = 14) -> dict[int, str]:
    """Month marks, thinned to every 2nd, 3rd, 6th or 12th month so labels never collide."""
    months = [
        date(year, month, 1)
        for year in range(first_day.year, last_day.year + 1)
        for month in range(1, 13)
        if first_day <= date(year, month, 1) <= last_day
    ]
    step = next((n for n in (1, 2, 3, 6, 12) if len(months) / n <= most), 24)
    kept = (
        [m for m in months if (m.month - 1) % step == 0]
        if step <= 12
        else [m for m in months if m.month == 1 and m.year % 2 == 0]
    )
    return {
        day_number(m): f"{m:%b %Y}" if m.month == 1 or m == kept[0] else f"{m:%b}" for m in kept
    }


def controls_bar(data: PageData, label: str = "") -> html.Div:
    """Play/step buttons, speed, window, and the date slider with month marks."""
    lo, hi = day_number(data.first_day), day_number(data.last_day)
    marks = slider_marks(data.first_day, data.last_day)
    return html.Div(
        className="controls",
        children=[
            html.Div(
                className="transport",
                children=[
                    html.Button(
                        "◀",
                        id=ids.STEP_BACK,
                        className="button icon",
                        title="One day back (←)",
                        n_clicks=0,
                    ),
                    html.Button(
                        "Play",
                        id=ids.PLAY,
                        className="button play",
                        title="Play / pause (Space)",
                        n_clicks=0,
                    ),
                    html.Button(
                        "▶",
                        id=ids.STEP_FORWARD,
                        className="button icon",
                        title="One day forward (→)",
                        n_clicks=0,
                    ),
                    dcc.Dropdown(
                        id=ids.SPEED,
                        options=[{"label": f"Speed {k}", "value": v} for k, v in SPEEDS],
                        value=800,
                        clearable=False,
                        searchable=False,
                        className="speed",
                    ),
                    html.Span(label, id=ids.DATE_LABEL, className="date-label"),
                ],
            ),
            dcc.Slider(
                id=ids.DATE_SLIDER,
                min=lo,
                max=hi,
                step=1,
                value=min(max(day_number(data.view.day), lo), hi),
                marks=marks,
                updatemode="drag",
                included=False,
                allow_direct_input=False,
                className="date-slider",
            ),
            dcc.Interval(id=ids.PLAY_INTERVAL, interval=800, disabled=True, n_intervals=0),
        ],
    )


def range_label(brushed: tuple[date, date] | None) -> str:
    """The words beside the timeline for the brushed range (the page opens with them)."""
    return f"Range {brushed[0]:%d %b} – {brushed[1]:%d %b %Y}" if brushed else "No range"


def timeline_block(data: PageData, graph_config: dict[str, Any], figure: Any) -> html.Div:
    config = {**graph_config, "scrollZoom": False, "displayModeBar": False}
    return html.Div(
        className="timeline-block",
        children=[
            html.Div(
                className="timeline-head",
                children=[
                    html.Span("Events per day", className="label"),
                    dcc.RadioItems(
                        id=ids.TIMELINE_BY,
                        options=[
                            {"label": "by side", "value": "side"},
                            {"label": "by type", "value": "type"},
                        ],
                        value=data.view.by,
                        inline=True,
                        className="radio",
                    ),
                    html.Span("Map shows", className="label"),
                    dcc.RadioItems(
                        id=ids.WINDOW,
                        options=[
                            {"label": "the day" if w == 1 else f"{w} days", "value": w}
                            for w in WINDOWS
                        ],
                        value=data.view.window,
                        inline=True,
                        className="radio",
                    ),
                    html.Span(
                        range_label(data.view.range), id=ids.RANGE_LABEL, className="range-label"
                    ),
                    html.Button(
                        "Clear range", id=ids.RANGE_CLEAR, className="button small", n_clicks=0
                    ),
                    html.Span(
                        "click a bar for its events · drag across bars for a range",
                        className="muted small",
                    ),
                ],
            ),
            dcc.Graph(
                id=ids.TIMELINE,
                figure=figure,
                config=config,
                className="timeline",
                style={"height": "150px"},
            ),
        ],
    )


def page(
    map_figure: Any,
    graph_config: dict[str, Any],
    attributions: list[str],
    data: PageData,
    timeline: Any = None,
    status: str = "",
    opening: Opening | None = None,
) -> html.Div:
    view = data.view
    opening = opening or Opening()
    # Stores start with empty values, never None: dcc.Store reports a None it mounts with as a
    # change, which would run every callback listening to it as the page opens.
    rng = {"from": view.range[0].isoformat(), "to": view.range[1].isoformat()} if view.range else {}
    return html.Div(
        className="app",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.RANGE, data=rng),
            dcc.Store(id=ids.SELECTED_EVENT, data=view.event or ""),
            dcc.Store(
                id=ids.MAP_VIEW,
                data={
                    "lat": view.map_view.lat,
                    "lon": view.map_view.lon,
                    "zoom": view.map_view.zoom,
                }
                if view.map_view
                else {},
            ),
            dcc.Store(id=ids.FLY_TO, data={}),
            dcc.Store(id=ids.DETAIL_LEVEL, data=opening.level),
            dcc.Store(id=ids.STEP_AHEAD, data=opening.ahead or {}),
            dcc.Store(id=ids.DAY_REQUEST, data={}),
            dcc.Store(id=ids.LOADED_SLOTS, data=opening.loaded),
            dcc.Store(id=ids.SHOWN_CONTROL, data=opening.shown),
            dcc.Store(id=ids.KEYBOARD, data={}),
            dcc.Store(id=ids.DATA_VERSION, data=0),
            # the query the layout was drawn for: the page opens on it without a round trip
            dcc.Store(
                id=ids.URL_PENDING, data={"served": opening.search} if opening.search else {}
            ),
            dcc.Store(id=ids.UPLOAD_REJECTED, data={}),
            dcc.Store(id=ids.MAP_CLICK, data={}),
            html.Header(
                className="topbar",
                children=[
                    html.H1("conflictmap", className="brand"),
                    html.Span("offline", className="badge", title="No request leaves this machine"),
                    html.Div(
                        className="search",
                        children=[
                            dcc.Input(
                                id=ids.SEARCH_INPUT,
                                type="search",
                                placeholder="Find a place (any spelling)…",
                                debounce=True,
                                className="search-input",
                            ),
                            html.Button("Go", id=ids.SEARCH_BUTTON, className="button", n_clicks=0),
                            html.Span(id=ids.SEARCH_RESULT, className="search-result muted"),
                        ],
                    ),
                    html.Div(className="spacer"),
                    html.Div(
                        dcc.Upload(
                            id=ids.UPLOAD,
                            children=html.Span(
                                "Add articles…",
                                className="button",
                                title=f"Text, HTML, JSON or feeds, up to "
                                f"{data.upload_limit_mb:g} MB a file",
                            ),
                            multiple=True,
                            max_size=data.upload_limit_bytes,
                            className="upload",
                        ),
                        className="upload-wrap",
                        **{"data-limit-bytes": str(data.upload_limit_bytes)},
                    ),
                    story_layout.story_button(),
                    html.Button("About & data", id=ids.ABOUT_BUTTON, className="button"),
                ],
            ),
            html.Div(
                className="upload-toast",
                children=[
                    html.Button(
                        "×", id=ids.UPLOAD_DISMISS, className="dismiss", title="Dismiss", n_clicks=0
                    ),
                    html.Div(id=ids.UPLOAD_RESULT, className="upload-result", role="status"),
                ],
            ),
            html.Div(
                className="body",
                children=[
                    html.Aside(
                        className="sidebar left",
                        children=[
                            _section("Filters", filters_panel(data)),
                            _section("Legend", html.Div(legend(), id=ids.LEGEND)),
                        ],
                    ),
                    html.Main(
                        className="centre",
                        children=[
                            html.Div(
                                className="map-wrap",
                                children=[
                                    dcc.Graph(
                                        id=ids.MAP,
                                        figure=map_figure,
                                        config=graph_config,
                                        className="map",
                                        style={"height": "100%"},
                                    )
                                ],
                            ),
                            controls_bar(data, opening.label),
                            timeline_block(data, graph_config, timeline),
                        ],
                    ),
                    html.Aside(
                        className="sidebar right",
                        children=[
                            _section(
                                "Selected event",
                                html.Div(event_detail(None, None, None), id=ids.EVENT_DETAIL),
                                html.Button(
                                    "Read the whole article",
                                    id=ids.ARTICLE_OPEN,
                                    className="button",
                                    n_clicks=0,
                                    hidden=True,
                                ),
                                html.Div(id=ids.EVENT_LIST, className="event-list"),
                                cls="event-section",
                            ),
                            _section("Control changes", html.Div(opening.changes, id=ids.CHANGES)),
                        ],
                    ),
                ],
            ),
            html.Div(status, id=ids.STATUS, className="status-line muted"),
            about_panel(attributions),
            article_panel(),
            story_layout.story_panel(),
        ],
    )
