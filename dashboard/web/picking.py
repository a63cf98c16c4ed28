"""Which event a click means: on a map marker (by the key it carries) or on a timeline bar.

A map marker carries its event's 32-bit key (``customdata``), so the server looks the event up
by identity among the view's rows; a list re-read after an ingest can then only miss the event,
never answer with its neighbour. Markers at one spot hide each other, so a pick also lists
every event of the view at that spot; a timeline bar lists its day. Each listed event is one
click away in the detail panel.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from dashboard.web.figures import density
from dashboard.web.figures.map_figure import event_keys, first_side
from dashboard.web.queries import StoreAccess
from dashboard.web.symbology import TYPE_WEIGHT
from dashboard.web.viewstate import ViewState, day_date, day_number

# Degrees within which two markers sit on the same spot (about 10 m: one gazetteer point).
SAME_SPOT = 1e-4
MOST_LISTED = 40


@dataclass(frozen=True)
class ListedEvent:
    """One line of an event list: enough to tell events at one place or on one day apart."""

    id: str
    type: str
    day: date
    place: str
    side: str
    confidence: float
    source: str | None = None


@dataclass(frozen=True)
class Pick:
    """The chosen event and the events shown beside it (same spot or same day)."""

    event_id: str | None
    title: str
    listed: tuple[ListedEvent, ...]
    more: int = 0


def _day(value: Any) -> date:
    return date.fromisoformat(str(value)[:10])


def _listed(rows: Mapping[str, Any], index: int, sources: Mapping[str, str | None]) -> ListedEvent:
    confidence = float(rows["confidence"][index]) if "confidence" in rows else math.nan
    if "source" in rows:
        source = rows["source"][index]
    else:
        source = sources.get(str(rows["article_id"][index]))
    return ListedEvent(
        id=str(rows["id"][index]),
        type=str(rows["type"][index]),
        day=_day(rows["date"][index]),
        place=str(rows["place_name"][index] or "Unnamed place"),
        side=first_side(str(rows["sides"][index] or "")),
        confidence=confidence,
        source=source,
    )


def relevance(rows: Mapping[str, Any], index: int, prefer: str | None = None) -> tuple:
    """Sort key, most relevant first: the clicked stack's side or type, control-changing
    types, then confidence, then fatalities; the id breaks ties so the answer is stable."""
    sides = str(rows["sides"][index] or "").split(",")
    kind = str(rows["type"][index])
    confidence = rows["confidence"][index] if "confidence" in rows else 0.0
    fatalities = rows["fatalities"][index] if "fatalities" in rows else math.nan
    return (
        0 if prefer is None or prefer in sides or prefer == kind else 1,
        TYPE_WEIGHT.get(kind, len(TYPE_WEIGHT)),
        -float(confidence if math.isfinite(confidence) else 0.0),
        -float(fatalities if math.isfinite(fatalities) else 0.0),
        str(rows["id"][index]),
    )


def _match(rows: Mapping[str, Any], key: int, lon: float | None, lat: float | None) -> int | None:
    """Row index of the event with ``key``; the one nearest the click if keys collide."""
    hits = np.flatnonzero(event_keys(rows["id"]) == np.uint32(key))
    if hits.size == 0:
        return None
    if hits.size == 1 or lon is None or lat is None:
        return int(hits[0])
    lons, lats = np.asarray(rows["lon"])[hits], np.asarray(rows["lat"])[hits]
    return int(hits[int(np.argmin((lons - lon) ** 2 + (lats - lat) ** 2))])


def _span_words(first: date, last: date) -> str:
    def words(d: date) -> str:
        return f"{d.day} {d:%b %Y}"

    return words(first) if first == last else f"{words(first)} – {words(last)}"


def pick_marker(
    access: StoreAccess,
    view: ViewState,
    key: int,
    lon: float | None = None,
    lat: float | None = None,
    slot_span: tuple[int, int] | None = None,
    level: int | None = None,
) -> Pick | None:
    """The event behind a clicked marker, and every event of the view at the same spot.

    The view's visible days are searched first; ``slot_span`` (the day numbers the clicked
    trace holds in the browser) covers a click that raced a date change. A disc drawn for a
    crowded day at zoom ``level`` stands for its whole cell: the list is then the cell's
    events of those days. None when the event is gone (filtered out or removed from the store
    since the marker was drawn).
    """
    first, last = view.visible_span()
    rows = access.event_rows(first, last, view)
    index = _match(rows, key, lon, lat)
    if index is None and slot_span is not None:
        first, last = day_date(slot_span[0]), day_date(slot_span[1])
        rows = access.event_rows(first, last, view)
        index = _match(rows, key, lon, lat)
    if index is None:
        return None
    lons, lats = np.asarray(rows["lon"]), np.asarray(rows["lat"])
    if level is not None and level >= 0:
        near = density.same_cell(lons, lats, index, level)
        if slot_span is not None:
            days = np.fromiter((day_number(_day(d)) for d in rows["date"]), dtype=np.int64)
            near = near[(days[near] >= slot_span[0]) & (days[near] <= slot_span[1])]
        where = "around"
    else:
        near = np.flatnonzero(
            (np.abs(lons - lons[index]) <= SAME_SPOT) & (np.abs(lats - lats[index]) <= SAME_SPOT)
        )
        where = "at"
    chosen = str(rows["id"][index])
    if near.size <= 1:
        return Pick(chosen, "", ())
    order = sorted(
        near.tolist(), key=lambda i: (-_day(rows["date"][i]).toordinal(), relevance(rows, i))
    )
    place = str(rows["place_name"][index] or "this spot")
    title = f"{len(order)} events {where} {place}, {_span_words(first, last)}"
    return _bounded(access, chosen, title, rows, order)


def pick_day(access: StoreAccess, view: ViewState, day: date, prefer: str | None = None) -> Pick:
    """The most relevant event of a timeline day under the map's filters, and the day's list.

    ``prefer`` is the clicked stack (a side or an event type): its events rank first.
    """
    rows = access.event_rows(day, day, view)
    order = sorted(range(len(rows["id"])), key=lambda i: relevance(rows, i, prefer))
    if not order:
        return Pick(None, f"No located event on {_span_words(day, day)}", ())
    title = f"{len(order)} located event{'s' if len(order) != 1 else ''} on {_span_words(day, day)}"
    return _bounded(access, str(rows["id"][order[0]]), title, rows, order)


def _bounded(
    access: StoreAccess, chosen: str, title: str, rows: Mapping[str, Any], order: Sequence[int]
) -> Pick:
    """At most ``MOST_LISTED`` lines, the chosen event always among them.

    Each line names its source: events at one spot on one day often differ only by who
    reported them.
    """
    shown = list(order[:MOST_LISTED])
    ids = [str(rows["id"][i]) for i in shown]
    if chosen not in ids:
        shown[-1] = next(i for i in order if str(rows["id"][i]) == chosen)
    sources = {} if "source" in rows else {a.id: a.source for a in access.store.articles()}
    return Pick(
        chosen,
        title,
        tuple(_listed(rows, i, sources) for i in shown),
        more=max(0, len(order) - len(shown)),
    )
