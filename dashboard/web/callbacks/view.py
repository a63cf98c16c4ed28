"""Wiring from the view controls to the map, the timeline and the changes panel."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard.web import ids
from dashboard.web.callbacks.view_inputs import SOURCE_OPTIONS, view_inputs, view_of
from dashboard.web.figures.density import detail_level
from dashboard.web.figures.map_figure import DEFAULT_ZOOM
from dashboard.web.figures.timeline import timeline_figure
from dashboard.web.layout import range_label
from dashboard.web.queries import StoreAccess
from dashboard.web.stepping import step
from dashboard.web.viewstate import ViewState, day_date


def timeline_for(
    access: StoreAccess,
    by: str,
    sides: list[str] | None,
    types: list[str] | None,
    cursor: date,
    brushed: tuple[date, date] | None,
    bounds: tuple[date, date],
    selected_day: date | None = None,
    view: ViewState | None = None,
) -> Any:
    """The timeline figure for the store's whole period under the map's filters (``view``),
    stacks limited to ticked keys."""
    start, end = bounds
    counts = access.counts(start, end, by, view)
    keys = sides if by == "side" else types
    if keys is not None and by == "side":
        keys = [*keys, "unknown"]
    return timeline_figure(
        counts,
        by=by,
        start=start,
        end=end,
        cursor=cursor,
        keys=keys,
        brushed=brushed,
        selected_day=selected_day,
    )


def register(app: Dash, access: StoreAccess, fallback: tuple[date, date]) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="conflictmap", function_name="stepAhead"),
        Output(ids.MAP, "figure", allow_duplicate=True),
        Output(ids.LOADED_SLOTS, "data", allow_duplicate=True),
        Output(ids.SHOWN_CONTROL, "data", allow_duplicate=True),
        Output(ids.DAY_REQUEST, "data"),
        Input(ids.DATE_SLIDER, "value"),
        State(ids.STEP_AHEAD, "data"),
        State(ids.LOADED_SLOTS, "data"),
        State(ids.SHOWN_CONTROL, "data"),
        State(ids.WINDOW, "value"),
        State(ids.RANGE, "data"),
        State(ids.DETAIL_LEVEL, "data"),
        prevent_initial_call=True,
    )

    # The date reaches the server through DAY_REQUEST, written after the step ahead (if it
    # fits) is drawn and recorded in LOADED_SLOTS and SHOWN_CONTROL, so the step below never
    # resends it.
    move_inputs = [Input(ids.DAY_REQUEST, "data"), *view_inputs()[1:]]

    @app.callback(
        Output(ids.MAP, "figure", allow_duplicate=True),
        Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Output(ids.LOADED_SLOTS, "data"),
        Output(ids.SHOWN_CONTROL, "data", allow_duplicate=True),
        Output(ids.CHANGES, "children"),
        Output(ids.DATE_LABEL, "children"),
        Output(ids.STEP_AHEAD, "data"),
        *move_inputs,
        Input(ids.DATA_VERSION, "data"),
        Input(ids.DETAIL_LEVEL, "data"),
        State(ids.DATE_SLIDER, "value"),
        State(*SOURCE_OPTIONS),
        State(ids.LOADED_SLOTS, "data"),
        State(ids.SHOWN_CONTROL, "data"),
        prevent_initial_call=True,  # the page is served showing its view: nothing to move yet
    )
    def move(*args: Any) -> tuple[Any, ...]:
        request, *values, _version, level, slider, source_options, loaded, shown = args
        day = (request or {}).get("day", slider)
        view = view_of([day, *values], source_options, fallback[1])
        result = step(
            access,
            view,
            loaded,
            shown,
            level=int(level) if isinstance(level, int | float) else None,
            force=ctx.triggered_id == ids.DATA_VERSION,
        )
        return (
            result.map_patch,
            result.timeline_patch,
            result.loaded,
            result.shown,
            result.changes,
            result.label,
            result.ahead or {},
        )

    @app.callback(
        Output(ids.TIMELINE, "figure"),
        Output(ids.RANGE_LABEL, "children"),
        Input(ids.TIMELINE_BY, "value"),
        Input(ids.FILTER_SIDES, "value"),
        Input(ids.FILTER_TYPES, "value"),
        Input(ids.FILTER_SOURCES, "value"),
        Input(ids.FILTER_PRECISION, "value"),
        Input(ids.FILTER_CONFIDENCE, "value"),
        Input(ids.RANGE, "data"),
        Input(ids.DATA_VERSION, "data"),
        State(ids.DATE_SLIDER, "value"),
        State(ids.DATE_SLIDER, "min"),
        State(ids.DATE_SLIDER, "max"),
        State(ids.SELECTED_EVENT, "data"),
        State(*SOURCE_OPTIONS),
        prevent_initial_call=True,  # the page is served with the timeline of its view drawn
    )
    def redraw_timeline(
        by, sides, types, sources, precisions, conf, rng, _version, day, lo, hi, selected, options
    ):
        """The bars count what the map would show: every filter applies, not only the stacks."""
        view = view_of(
            [day, rng, None, sides, types, sources, precisions, conf], options, fallback[1]
        )
        brushed = None
        if rng and rng.get("from") and rng.get("to"):
            brushed = (date.fromisoformat(rng["from"]), date.fromisoformat(rng["to"]))
        selected_day = None
        if selected:
            event = access.store.event(selected)
            selected_day = event.date if event else None
        figure = timeline_for(
            access,
            by or "side",
            sides,
            types,
            day_date(day) if day is not None else fallback[1],
            brushed,
            (day_date(lo), day_date(hi)),
            selected_day,
            view,
        )
        return figure, range_label(brushed)

    @app.callback(
        Output(ids.MAP, "figure", allow_duplicate=True),
        Output(ids.DETAIL_LEVEL, "data", allow_duplicate=True),
        Input(ids.FLY_TO, "data"),
        State(ids.DETAIL_LEVEL, "data"),
        prevent_initial_call=True,
    )
    def fly(target: dict[str, Any] | None, level: int | None):
        """Move the map; a new ``uirevision`` lets the figure's view override the user's.

        A programmatic move reports no relayout, so the detail level is set here too."""
        if not target:
            raise PreventUpdate
        patch = Patch()
        patch["layout"]["map"]["center"] = {"lat": target["lat"], "lon": target["lon"]}
        patch["layout"]["map"]["zoom"] = target["zoom"]
        patch["layout"]["uirevision"] = f"view-{target.get('rev', 0)}"
        new_level = detail_level(target["zoom"], DEFAULT_ZOOM)
        return patch, (no_update if new_level == level else new_level)
