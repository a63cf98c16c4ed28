"""The controls that together make a :class:`ViewState`, read the same way by every callback."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import Input, State

from dashboard.web import ids
from dashboard.web.queries import ALL_PRECISIONS, ALL_SIDES, ALL_TYPES
from dashboard.web.viewstate import ViewState, view_from_controls

# (component id, property), in the order :func:`view_of` expects them.
VIEW_PROPS: tuple[tuple[str, str], ...] = (
    (ids.DATE_SLIDER, "value"),
    (ids.RANGE, "data"),
    (ids.WINDOW, "value"),
    (ids.FILTER_SIDES, "value"),
    (ids.FILTER_TYPES, "value"),
    (ids.FILTER_SOURCES, "value"),
    (ids.FILTER_PRECISION, "value"),
    (ids.FILTER_CONFIDENCE, "value"),
)
SOURCE_OPTIONS = (ids.FILTER_SOURCES, "options")


def view_inputs() -> list[Input]:
    return [Input(cid, prop) for cid, prop in VIEW_PROPS]


def view_states() -> list[State]:
    return [State(cid, prop) for cid, prop in VIEW_PROPS]


def view_of(
    values: list[Any], source_options: list[dict[str, str]] | None, fallback: date
) -> ViewState:
    """The view from the values of :data:`VIEW_PROPS` (and the source checklist's options)."""
    day, rng, window, sides, types, sources, precisions, conf = values
    every_source = tuple(o["value"] for o in (source_options or []))
    return view_from_controls(
        day,
        rng,
        window,
        "side",
        sides,
        types,
        sources,
        precisions,
        conf,
        all_sides=ALL_SIDES,
        all_types=ALL_TYPES,
        all_sources=every_source,
        all_precisions=ALL_PRECISIONS,
        fallback_day=fallback,
    )
