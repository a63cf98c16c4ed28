"""Selecting an event (map click or shared URL) and reading it: sentence, facts, article."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import Dash, Input, Output, Patch, State, no_update
from dash.exceptions import PreventUpdate

from dashboard.web import ids
from dashboard.web.callbacks.view_inputs import SOURCE_OPTIONS, view_of, view_states
from dashboard.web.figures import map_figure as mf
from dashboard.web.figures import timeline as tl
from dashboard.web.panels import Span, article_view, event_detail, event_spans
from dashboard.web.queries import StoreAccess
from dashboard.web.stepping import resolve_click


def register(app: Dash, access: StoreAccess, fallback: tuple[date, date]) -> None:
    @app.callback(
        Output(ids.SELECTED_EVENT, "data"),
        Input(ids.MAP, "clickData"),
        *view_states(),
        State(*SOURCE_OPTIONS),
        State(ids.LOADED_SLOTS, "data"),
        prevent_initial_call=True,
    )
    def pick(click: dict[str, Any] | None, *args: Any):
        *values, source_options, loaded = args
        points = (click or {}).get("points") or []
        if not points:
            raise PreventUpdate
        point = points[0]
        curve = int(point.get("curveNumber", -1))
        if curve < mf.FIRST_SLOT_TRACE:
            raise PreventUpdate
        view = view_of(values, source_options, fallback[1])
        event_id = resolve_click(access, view, loaded, curve, int(point.get("pointIndex", -1)))
        if event_id is None:
            raise PreventUpdate
        return event_id

    @app.callback(
        Output(ids.EVENT_DETAIL, "children"),
        Output(ids.ARTICLE_OPEN, "hidden"),
        Output(ids.MAP, "figure", allow_duplicate=True),
        Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Input(ids.SELECTED_EVENT, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def show(event_id: str | None):
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
