"""The timeline: events per day stacked by side or type, with the current date as a cursor.

Shapes are in a fixed order (brushed range, selected event's day, cursor) so a date step is a
two-number patch of the cursor shape.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go

from dashboard.store.records import DayCount
from dashboard.web import symbology as sym

RANGE_SHAPE = 0
SELECTED_SHAPE = 1
CURSOR_SHAPE = 2


def _x(day: date, offset_hours: int = 0) -> str:
    moment = f"{day.isoformat()} {12 + offset_hours:02d}:00"
    return moment


def cursor_shape(day: date) -> dict[str, Any]:
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": _x(day),
        "x1": _x(day),
        "y0": 0,
        "y1": 1,
        "line": {"color": sym.TIMELINE_CURSOR, "width": 2},
    }


def range_shape(span: tuple[date, date] | None) -> dict[str, Any]:
    """The brushed range as a light band (an invisible zero-width band when there is none)."""
    if span is None:
        start = end = date(2000, 1, 1)
        visible = False
    else:
        start, end = span
        visible = True
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": f"{start.isoformat()} 00:00",
        "x1": f"{(end + timedelta(days=1)).isoformat()} 00:00",
        "y0": 0,
        "y1": 1,
        "fillcolor": "rgba(43, 93, 138, 0.12)",
        "line": {"width": 1, "color": "rgba(43, 93, 138, 0.6)"},
        "layer": "below",
        "visible": visible,
    }


def selected_day_shape(day: date | None) -> dict[str, Any]:
    """A marker band on the day of the selected event."""
    when = day or date(2000, 1, 1)
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": f"{when.isoformat()} 00:00",
        "x1": f"{(when + timedelta(days=1)).isoformat()} 00:00",
        "y0": 0,
        "y1": 1,
        "fillcolor": "rgba(204, 121, 167, 0.30)",
        "line": {"width": 1.5, "color": "#a0527e"},
        "layer": "below",
        "visible": day is not None,
    }


def timeline_figure(
    counts: Iterable[DayCount],
    *,
    by: str,
    start: date,
    end: date,
    cursor: date,
    keys: Sequence[str] | None = None,
    brushed: tuple[date, date] | None = None,
    selected_day: date | None = None,
) -> go.Figure:
    """Stacked daily bars; ``keys`` limits and orders the stacks (sides or types shown)."""
    per_key: dict[str, dict[date, int]] = defaultdict(dict)
    for row in counts:
        per_key[row.key][row.day] = per_key[row.key].get(row.day, 0) + row.count
    if by == "side":
        order = [s for s in (*sym.SIDE_LABELS,) if s in per_key]
        label, colour = sym.side_label, sym.side_colour
    else:
        order = [t for t in sym.TYPE_LABELS if t in per_key]
        order += sorted(k for k in per_key if k not in order)
        label = sym.type_label

        def colour(key: str) -> str:
            return sym.TYPE_COLOURS.get(key, "#bbbbbb")

    if keys is not None:
        order = [k for k in order if k in keys]
    fig = go.Figure()
    for key in order:
        days = sorted(per_key[key])
        fig.add_bar(
            x=[_x(d) for d in days],
            y=[per_key[key][d] for d in days],
            name=label(key),
            customdata=[key] * len(days),  # a click on a stack prefers that side's/type's events
            marker={"color": colour(key), "line": {"width": 0.4, "color": "#555555"}},
            hovertemplate="%{x|%d %b %Y}: %{y} " + label(key) + "<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        bargap=0.15,
        dragmode="select",
        selectdirection="h",
        hovermode="closest",
        margin={"l": 36, "r": 8, "t": 6, "b": 22},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="#ffffff",
        font={"family": "system-ui, sans-serif", "size": 11, "color": "#1f2328"},
        # by side the colours are the map's (its legend names them); by type they are not
        showlegend=by == "type",
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 0.98,
            "x": 0,
            "font": {"size": 10},
            "itemclick": False,
            "itemdoubleclick": False,
        },
        xaxis={
            "type": "date",
            "range": [
                f"{start.isoformat()} 00:00",
                f"{(end + timedelta(days=1)).isoformat()} 00:00",
            ],
            "showgrid": False,
            "tickformat": "%d %b",
            "fixedrange": True,
        },
        yaxis={"title": None, "gridcolor": "#eceff2", "fixedrange": True, "rangemode": "tozero"},
        shapes=[range_shape(brushed), selected_day_shape(selected_day), cursor_shape(cursor)],
        uirevision="timeline",
        newselection={"line": {"color": "#2b5d8a", "width": 1, "dash": "dot"}},
    )
    return fig
