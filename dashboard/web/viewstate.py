"""What the analyst is looking at, as plain data: the one shape the URL, the controls and the
step function share.

The whole view lives in the browser (component values) and in the URL query string, never in
server memory, so any worker of a multi-process server can answer any request.

Query string keys (all optional): ``date``, ``from``/``to`` (brushed range), ``window`` (days of
events shown up to the date when no range is brushed), ``by`` (timeline stacking), ``sides``,
``types``, ``sources``, ``precision`` (comma lists; absent = all), ``conf`` (minimum
confidence), ``event`` (selected event id), ``lat``/``lon``/``zoom`` (map view).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode

EPOCH = date(1970, 1, 1)
WINDOWS: tuple[int, ...] = (1, 7, 14)
DEFAULT_WINDOW = 7
N_SLOTS = 14
"""Event traces on the map: a ring of day slots, so a one-day step resends one day only."""


def day_number(value: date) -> int:
    """Days since 1970-01-01, the slider's unit and the store's."""
    return (value - EPOCH).days


def day_date(number: int) -> date:
    return EPOCH + timedelta(days=int(number))


@dataclass(frozen=True)
class MapView:
    lat: float
    lon: float
    zoom: float


@dataclass(frozen=True)
class ViewState:
    """The date, range, filters, selection and map view; ``None`` filters mean "all"."""

    day: date
    range: tuple[date, date] | None = None
    window: int = DEFAULT_WINDOW
    by: str = "side"
    sides: tuple[str, ...] | None = None
    types: tuple[str, ...] | None = None
    sources: tuple[str, ...] | None = None
    precisions: tuple[str, ...] | None = None
    min_confidence: float = 0.0
    event: str | None = None
    map_view: MapView | None = field(default=None)

    def visible_span(self) -> tuple[date, date]:
        """The days whose events the map shows.

        With a brushed range: the range up to the date (so playing through a range builds it
        up day by day); without: the ``window`` days ending on the date.
        """
        if self.range is not None:
            lo, hi = self.range
            return lo, min(max(self.day, lo), hi)
        return self.day - timedelta(days=self.window - 1), self.day

    def comparison_span(self) -> tuple[date, date]:
        """The two days whose control snapshots the changes panel compares."""
        if self.range is not None:
            return self.range
        return self.visible_span()

    def filter_key(self) -> str:
        """Identifies the event filters: a loaded slot is reusable only under the same key."""
        parts = [
            ",".join(self.sides) if self.sides is not None else "*",
            ",".join(self.types) if self.types is not None else "*",
            ",".join(self.sources) if self.sources is not None else "*",
            ",".join(self.precisions) if self.precisions is not None else "*",
            f"{self.min_confidence:.2f}",
        ]
        return "|".join(parts)


def slot_plan(view: ViewState) -> dict[int, tuple[int, int]]:
    """Which day span (day numbers, inclusive) each event trace should hold for this view.

    Without a range, day ``d`` lives in slot ``d mod window``: a one-day step changes one slot.
    With a range, the range is cut into at most ``N_SLOTS`` equal chunks of consecutive days.
    Slots absent from the result should be empty.
    """
    lo, hi = (day_number(d) for d in view.visible_span())
    plan: dict[int, tuple[int, int]] = {}
    if view.range is None:
        for d in range(lo, hi + 1):
            plan[d % view.window] = (d, d)
        return plan
    start = day_number(view.range[0])
    length = day_number(view.range[1]) - start + 1
    chunk = max(1, math.ceil(length / N_SLOTS))
    for slot in range(N_SLOTS):
        first = max(start + slot * chunk, lo)
        last = min(start + (slot + 1) * chunk - 1, hi)
        if first <= last:
            plan[slot] = (first, last)
    return plan


def _list(values: list[str] | None, key: str) -> tuple[str, ...] | None:
    if not values:
        return None
    raw = values[-1]
    if raw == "":
        return ()
    return tuple(v for v in raw.split(",") if v)


def _date(values: list[str] | None) -> date | None:
    if not values:
        return None
    try:
        return date.fromisoformat(values[-1][:10])
    except ValueError:
        return None


def _float(values: list[str] | None) -> float | None:
    if not values:
        return None
    try:
        number = float(values[-1])
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def parse_query(query: str, default: ViewState) -> ViewState:
    """The view a shared URL describes; malformed or missing keys keep ``default``'s values."""
    args = parse_qs(query.lstrip("?"), keep_blank_values=True)
    view = default
    day = _date(args.get("date"))
    if day is not None:
        view = replace(view, day=day)
    start, end = _date(args.get("from")), _date(args.get("to"))
    if start is not None and end is not None:
        view = replace(view, range=(min(start, end), max(start, end)))
    window = _float(args.get("window"))
    if window is not None and int(window) in WINDOWS:
        view = replace(view, window=int(window))
    if args.get("by", [""])[-1] in ("side", "type"):
        view = replace(view, by=args["by"][-1])
    for key, attr in (
        ("sides", "sides"),
        ("types", "types"),
        ("sources", "sources"),
        ("precision", "precisions"),
    ):
        if key in args:
            view = replace(view, **{attr: _list(args.get(key), key)})
    conf = _float(args.get("conf"))
    if conf is not None:
        view = replace(view, min_confidence=min(1.0, max(0.0, conf)))
    event = args.get("event", [""])[-1]
    if event and all(c.isalnum() or c in "-_:" for c in event) and len(event) <= 64:
        view = replace(view, event=event)
    lat, lon, zoom = _float(args.get("lat")), _float(args.get("lon")), _float(args.get("zoom"))
    located = lat is not None and lon is not None and zoom is not None
    if located and -90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= 22:
        view = replace(view, map_view=MapView(lat, lon, zoom))
    return view


def to_query(view: ViewState) -> str:
    """The query string (with leading ``?``) that :func:`parse_query` turns back into ``view``.

    ``assets/view_url.js`` writes the same format from the browser.
    """
    params: dict[str, Any] = {"date": view.day.isoformat()}
    if view.range is not None:
        params["from"], params["to"] = (d.isoformat() for d in view.range)
    params["window"] = view.window
    params["by"] = view.by
    for key, value in (
        ("sides", view.sides),
        ("types", view.types),
        ("sources", view.sources),
        ("precision", view.precisions),
    ):
        if value is not None:
            params[key] = ",".join(value)
    if view.min_confidence > 0:
        params["conf"] = f"{view.min_confidence:g}"
    if view.event:
        params["event"] = view.event
    if view.map_view is not None:
        params["lat"] = f"{view.map_view.lat:.4f}"
        params["lon"] = f"{view.map_view.lon:.4f}"
        params["zoom"] = f"{view.map_view.zoom:.2f}"
    return "?" + urlencode(params, safe=",")


def view_from_controls(
    day_value: int | None,
    range_value: dict[str, str] | None,
    window: int | None,
    by: str | None,
    sides: list[str] | None,
    types: list[str] | None,
    sources: list[str] | None,
    precisions: list[str] | None,
    min_confidence: float | None,
    *,
    all_sides: tuple[str, ...],
    all_types: tuple[str, ...],
    all_sources: tuple[str, ...],
    all_precisions: tuple[str, ...],
    fallback_day: date,
) -> ViewState:
    """Turn raw component values into a view; a checklist with every option ticked means all."""

    def chosen(values: list[str] | None, every: tuple[str, ...]) -> tuple[str, ...] | None:
        if values is None or set(every) <= set(values):
            return None
        return tuple(v for v in every if v in values)

    rng = None
    if range_value and range_value.get("from") and range_value.get("to"):
        rng = (date.fromisoformat(range_value["from"]), date.fromisoformat(range_value["to"]))
    return ViewState(
        day=day_date(day_value) if day_value is not None else fallback_day,
        range=rng,
        window=window if window in WINDOWS else DEFAULT_WINDOW,
        by=by if by in ("side", "type") else "side",
        sides=chosen(sides, all_sides),
        types=chosen(types, all_types),
        sources=chosen(sources, all_sources) if all_sources else None,
        precisions=chosen(precisions, all_precisions),
        min_confidence=float(min_confidence or 0.0),
    )
