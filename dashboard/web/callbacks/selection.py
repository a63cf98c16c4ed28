"""Selecting an event (map marker, timeline bar, event list or shared URL) and reading it:
sentence, facts, article."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard.web import ids
from dashboard.web.callbacks.view_inputs import SOURCE_OPTIONS, view_of, view_states
from dashboard.web.figures import map_figure as mf
from dashboard.web.figures import timeline as tl
from dashboard.web.panels import Span, article_view, event_detail, event_list, event_spans
from dashboard.web.picking import Pick, pick_day, pick_marker
from dashboard.web.queries import StoreAccess


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def register(app: Dash, access: StoreAccess, fallback: tuple[date, date]) -> None:
    @app.callback(
        Output(ids.SELECTED_EVENT, "data"),
        Output(ids.EVENT_LIST, "children"),
        Input(ids.MAP_CLICK, "data"),
        *view_states(),
        State(*SOURCE_OPTIONS),
        State(ids.LOADED_SLOTS, "data"),
        prevent_initial_call=True,
    )
    def pick(point: dict[str, Any] | None, *args: Any):
        """A marker click names its event by the key it carries (never by its position).

        ``assets/conflictmap.js`` reads the key from the click event itself: Dash's
        ``clickData`` looks ``customdata`` up in the figure's raw data, where a typed array
        is still base64 text.
        """
        *values, source_options, loaded = args
        if not point:
            raise PreventUpdate
        curve = int(point.get("curve", -1))
        key = _number(point.get("key"))
        if curve < mf.FIRST_SLOT_TRACE or key is None:
            raise PreventUpdate
        view = view_of(values, source_options, fallback[1])
        span = ((loaded or {}).get("slots") or {}).get(str(curve - mf.FIRST_SLOT_TRACE))
        chosen = pick_marker(
            access,
            view,
            int(key),
            _number(point.get("lon")),
            _number(point.get("lat")),
            (int(span[0]), int(span[1])) if span else None,
            int(span[2]) if span and len(span) > 2 else None,
        )
        if chosen is None:
            gone = Pick(
                None,
                "That event is no longer on the map: filtered out, or its article was re-read.",
                (),
            )
            return no_update, event_list(gone)
        return chosen.event_id, event_list(chosen)

    @app.callback(
        Output(ids.SELECTED_EVENT, "data", allow_duplicate=True),
        Output(ids.EVENT_LIST, "children", allow_duplicate=True),
        Input(ids.TIMELINE, "clickData"),
        *view_states(),
        State(*SOURCE_OPTIONS),
        prevent_initial_call=True,
    )
    def pick_bar(click: dict[str, Any] | None, *args: Any):
        """A timeline bar selects its day's most relevant event and lists the day's events."""
        *values, source_options = args
        points = (click or {}).get("points") or []
        if not points or not points[0].get("x"):
            raise PreventUpdate
        day = date.fromisoformat(str(points[0]["x"])[:10])
        prefer = points[0].get("customdata")
        view = view_of(values, source_options, fallback[1])
        chosen = pick_day(access, view, day, str(prefer) if prefer else None)
        return chosen.event_id or no_update, event_list(chosen)

    app.clientside_callback(
        ClientsideFunction(namespace="conflictmap", function_name="pickFromList"),
        Output(ids.SELECTED_EVENT, "data", allow_duplicate=True),
        Input({"type": ids.EVENT_PICK, "event": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="conflictmap", function_name="markPicked"),
        Output({"type": ids.EVENT_PICK, "event": ALL}, "className"),
        Input(ids.SELECTED_EVENT, "data"),
        State({"type": ids.EVENT_PICK, "event": ALL}, "id"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.EVENT_DETAIL, "children"),
        Output(ids.ARTICLE_OPEN, "hidden"),
        Output(ids.MAP, "figure", allow_duplicate=True),
        Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Input(ids.SELECTED_EVENT, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def show(event_id: str | None):
        if not event_id and ctx.triggered_id is None:
            # the page opens with nothing selected, and is served drawn that way
            raise PreventUpdate
        event = access.store.event(event_id) if event_id else None
        map_patch = Patch()
        timeline_patch = Patch()
        band = tl.selected_day_shape(event.date if event else None)
        for prop in ("x0", "x1", "visible"):
            timeline_patch["layout"]["shapes"][tl.SELECTED_SHAPE][prop] = band[prop]
        if event is None:
            for prop, value in mf.selection_update([]).items():
                map_patch["data"][mf.SELECTION_TRACE][prop] = value
            return event_detail(None, None, None), True, map_patch, timeline_patch
        article = access.store.article(event.article_id) if event.article_id else None
        points = [(p.lon, p.lat) for p in event.places[:1]]
        for prop, value in mf.selection_update(points).items():
            map_patch["data"][mf.SELECTION_TRACE][prop] = value
        detail = event_detail(
            event, article.title if article else None, article.published if article else None
        )
        return detail, article is None, map_patch, timeline_patch

    @app.callback(
        Output(ids.ARTICLE_BODY, "children"),
        Output(ids.ARTICLE_PANEL, "hidden", allow_duplicate=True),
        Input(ids.ARTICLE_OPEN, "n_clicks"),
        State(ids.SELECTED_EVENT, "data"),
        prevent_initial_call=True,
    )
    def open_article(clicks: int | None, event_id: str | None):
        if not clicks or not event_id:
            raise PreventUpdate
        event = access.store.event(event_id)
        article = access.store.article(event.article_id) if event and event.article_id else None
        if event is None or article is None:
            return no_update, no_update
        spans = [
            Span(s.start + event.sentence_start, s.end + event.sentence_start, s.kind, s.title)
            for s in event_spans(event)
        ]
        body = article_view(
            article.title,
            article.source,
            article.published,
            article.text,
            spans,
            sentence=(event.sentence_start, event.sentence_end),
        )
        return body, False
