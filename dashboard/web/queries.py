"""The web app's reads from the store: one place that knows which store calls a view needs.

The store is opened lazily once per worker process (a connection, not state: every answer is
read from the store at request time), so a forking server never shares a connection across
processes.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np

from dashboard.events.model import DATE_PRECISIONS, EVENT_TYPES, SIDES
from dashboard.store import Store, open_store
from dashboard.store.records import DayCount
from dashboard.web.viewstate import ViewState, day_date, day_number

FeatureCollection = dict[str, Any]


class StoreAccess:
    """Opens the store on first use in each process and answers the views' questions."""

    def __init__(self, url: str, *, store: Store | None = None) -> None:
        self.url = url
        self._store = store
        self._pid = os.getpid() if store is not None else None
        self._lock = threading.Lock()

    @property
    def store(self) -> Store:
        if self._store is None or self._pid != os.getpid():
            with self._lock:
                if self._store is None or self._pid != os.getpid():
                    self._store = open_store(self.url)
                    self._pid = os.getpid()
        return self._store

    # -- bounds and vocabularies ---------------------------------------------------------------
    def day_bounds(self, fallback: tuple[date, date]) -> tuple[date, date]:
        """First and last day worth showing: the bulk of the reporting, padded a week.

        Articles mention the past ("seized in 2014") and control claims decay for months
        after the last report; neither may stretch the slider over years, so the period runs
        from the 1st to the 99th percentile of events, widened by a week each side and kept
        within the first and last event.
        """
        stats = self.store.stats()
        first, last = stats.get("first_event"), stats.get("last_event")
        if not (first and last):
            snapshots = self.store.control_snapshot_days()
            return (snapshots[0], snapshots[-1]) if snapshots else fallback
        per_day: dict[date, int] = {}
        for row in self.store.counts_by_day(first, last, by="type"):
            per_day[row.day] = per_day.get(row.day, 0) + row.count
        days = sorted(per_day)
        if not days:
            return first, last
        total = sum(per_day.values())
        cumulative, start, end = 0, days[0], days[-1]
        for day in days:
            before = cumulative
            cumulative += per_day[day]
            if before < 0.01 * total <= cumulative:
                start = day
            if before < 0.99 * total <= cumulative:
                end = day
        pad = timedelta(days=7)
        return max(first, start - pad), min(last, end + pad)

    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({a.source for a in self.store.articles() if a.source}))

    # -- events --------------------------------------------------------------------------------
    def event_rows(self, first: date, last: date, view: ViewState) -> dict[str, Any]:
        """Map rows for ``first``..``last`` under every filter of the view, located events only.

        Every filter runs in the store, so the map and the timeline count the same events.
        """
        rows = self.store.event_rows(
            first,
            last,
            sides=list(view.sides) if view.sides is not None else None,
            types=list(view.types) if view.types is not None else None,
            min_confidence=view.min_confidence,
            sources=list(view.sources) if view.sources is not None else None,
            precisions=list(view.precisions) if view.precisions is not None else None,
        )
        keep = np.isfinite(rows["lon"]) & np.isfinite(rows["lat"])
        if keep.all():
            return rows
        index = np.flatnonzero(keep)
        return {
            key: (value[index] if isinstance(value, np.ndarray) else [value[i] for i in index])
            for key, value in rows.items()
        }

    def counts(
        self, start: date, end: date, by: str, view: ViewState | None = None
    ) -> list[DayCount]:
        """Events per day stacked ``by`` side or type, under the view's filters when given."""
        if view is None:
            return self.store.counts_by_day(start, end, by=by)
        return self.store.counts_by_day(
            start,
            end,
            by=by,
            sides=list(view.sides) if view.sides is not None else None,
            types=list(view.types) if view.types is not None else None,
            min_confidence=view.min_confidence,
            sources=list(view.sources) if view.sources is not None else None,
            precisions=list(view.precisions) if view.precisions is not None else None,
        )

    # -- control -------------------------------------------------------------------------------
    def snapshot_day(self, day: date, days: Sequence[date] | None = None) -> date | None:
        """The change point in force on ``day`` (None before the first snapshot)."""
        days = self.store.control_snapshot_days() if days is None else days
        at = bisect_right(list(days), day)
        return days[at - 1] if at else None

    def snapshot(self, day: date | None) -> FeatureCollection:
        """The control snapshot in force on ``day`` as a FeatureCollection (empty when none)."""
        if day is None:
            return {"type": "FeatureCollection", "features": []}
        snap = self.store.control_snapshot_on(day)
        features = list(snap.features) if snap else []
        return {"type": "FeatureCollection", "features": features}


ALL_SIDES: tuple[str, ...] = SIDES
ALL_TYPES: tuple[str, ...] = EVENT_TYPES
ALL_PRECISIONS: tuple[str, ...] = DATE_PRECISIONS

__all__ = [
    "ALL_PRECISIONS",
    "ALL_SIDES",
    "ALL_TYPES",
    "FeatureCollection",
    "StoreAccess",
    "day_date",
    "day_number",
]
