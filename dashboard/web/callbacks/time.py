"""Playing, stepping, brushing and the URL: clientside wiring (assets/conflictmap.js) plus the
one server step that turns a shared URL back into control values."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard.web import ids
from dashboard.web.callbacks.view_inputs import SOURCE_OPTIONS
from dashboard.web.queries import ALL_PRECISIONS, ALL_SIDES, ALL_TYPES
from dashboard.web.viewstate import ViewState, day_number, parse_query


def _js(name: str) -> ClientsideFunction:
    return ClientsideFunction(namespace="conflictmap", function_name=name)


def register(app: Dash, fallback: tuple[date, date]) -> None:
    app.clientside_callback(
        _js("playback"),
        Output(ids.DATE_SLIDER, "value", allow_duplicate=True),
        Output(ids.PLAY_INTERVAL, "disabled"),
        Output(ids.PLAY, "children"),
        Input(ids.PLAY, "n_clicks"),
        Input(ids.PLAY_INTERVAL, "n_intervals"),
        Input(ids.STEP_BACK, "n_clicks"),
        Input(ids.STEP_FORWARD, "n_clicks"),
        Input(ids.KEYBOARD, "data"),
        State(ids.DATE_SLIDER, "value"),
        State(ids.DATE_SLIDER, "min"),
        State(ids.DATE_SLIDER, "max"),
        State(ids.RANGE, "data"),
        State(ids.PLAY_INTERVAL, "disabled"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js("speed"), Output(ids.PLAY_INTERVAL, "interval"), Input(ids.SPEED, "value")
    )
    app.clientside_callback(
        _js("timelineClick"),
        Output(ids.DATE_SLIDER, "value", allow_duplicate=True),
        Input(ids.TIMELINE, "clickData"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js("timelineBrush"),
        Output(ids.RANGE, "data", allow_duplicate=True),
        Output(ids.DATE_SLIDER, "value", allow_duplicate=True),
        Input(ids.TIMELINE, "selectedData"),
        State(ids.DATE_SLIDER, "min"),
        State(ids.DATE_SLIDER, "max"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js("clearRange"),
        Output(ids.RANGE, "data", allow_duplicate=True),
        Input(ids.RANGE_CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js("mapView"),
        Output(ids.MAP_VIEW, "data"),
        Input(ids.MAP, "relayoutData"),
        State(ids.MAP_VIEW, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js("detailLevel"),
        Output(ids.DETAIL_LEVEL, "data"),
        Input(ids.MAP_VIEW, "data"),
        State(ids.DETAIL_LEVEL, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js("urlGate"),
        Output(ids.URL_PENDING, "data"),
        # the path is set once, when the page opens; with the query as an input instead, the
        # URL written below would feed back into the callbacks that write it, and Dash may
        # then drop the last of several quick changes
        Input(ids.URL, "pathname"),
        State(ids.URL, "search"),
        State(ids.URL_PENDING, "data"),
    )
    app.clientside_callback(
        _js("writeUrl"),
        Output(ids.URL, "search"),
        Input(ids.DATE_SLIDER, "value"),
        Input(ids.RANGE, "data"),
        Input(ids.WINDOW, "value"),
        Input(ids.TIMELINE_BY, "value"),
        Input(ids.FILTER_SIDES, "value"),
        Input(ids.FILTER_TYPES, "value"),
        Input(ids.FILTER_SOURCES, "value"),
        Input(ids.FILTER_PRECISION, "value"),
        Input(ids.FILTER_CONFIDENCE, "value"),
        Input(ids.SELECTED_EVENT, "data"),
        Input(ids.MAP_VIEW, "data"),
        State(ids.FILTER_SIDES, "options"),
        State(ids.FILTER_TYPES, "options"),
        State(*SOURCE_OPTIONS),
        State(ids.FILTER_PRECISION, "options"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.DATE_SLIDER, "value", allow_duplicate=True),
        Output(ids.RANGE, "data", allow_duplicate=True),
        Output(ids.WINDOW, "value"),
        Output(ids.TIMELINE_BY, "value"),
        Output(ids.FILTER_SIDES, "value"),
        Output(ids.FILTER_TYPES, "value"),
        Output(ids.FILTER_SOURCES, "value"),
        Output(ids.FILTER_PRECISION, "value"),
        Output(ids.FILTER_CONFIDENCE, "value"),
        Output(ids.SELECTED_EVENT, "data", allow_duplicate=True),
        Output(ids.FLY_TO, "data", allow_duplicate=True),
        Output(ids.MAP_VIEW, "data", allow_duplicate=True),
        Input(ids.URL_PENDING, "data"),
        State(ids.DATE_SLIDER, "min"),
        State(ids.DATE_SLIDER, "max"),
        State(*SOURCE_OPTIONS),
        prevent_initial_call=True,
    )
    def restore(pending: dict[str, Any] | None, lo: int, hi: int, source_options):
        """Apply a shared URL's view once, when the page opens."""
        if not pending or not pending.get("search"):
            raise PreventUpdate
        view = parse_query(pending["search"], ViewState(day=fallback[1]))
        sources = tuple(o["value"] for o in (source_options or []))

        def ticked(chosen: tuple[str, ...] | None, every: tuple[str, ...]) -> list[str]:
            return list(every) if chosen is None else [v for v in every if v in chosen]

        rng = (
            {"from": view.range[0].isoformat(), "to": view.range[1].isoformat()}
            if view.range
            else None
        )
        fly = (
            {
                "lat": view.map_view.lat,
                "lon": view.map_view.lon,
                "zoom": view.map_view.zoom,
                "rev": "url",
            }
            if view.map_view
            else None
        )
        return (
            min(max(day_number(view.day), lo), hi),
            rng,
            view.window,
            view.by,
            ticked(view.sides, ALL_SIDES),
            ticked(view.types, ALL_TYPES),
            ticked(view.sources, sources),
            ticked(view.precisions, ALL_PRECISIONS),
            view.min_confidence,
            view.event,
            fly,
            {k: fly[k] for k in ("lat", "lon", "zoom")} if fly else None,
        )
