"""The thin seam the store and the web call: claims in, snapshots handed to a saver."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from dashboard.control.geojson import snapshot_to_geojson
from dashboard.control.timeline import ControlTimeline
from dashboard.events.model import Claim


def publish_snapshots(
    timeline: ControlTimeline,
    new_claims: Iterable[Claim],
    save_control_snapshot: Callable[[date, dict[str, Any]], Any],
) -> list[date]:
    """Add claims and save every snapshot that changed (from the first affected date on).

    ``save_control_snapshot(date, feature_collection)`` is the store's method; snapshots
    before the first affected date are untouched, so the store keeps its rows for them.
    Returns the dates saved. Snapshots that disappeared (a change point that no longer
    changes anything) are the store's to delete: every saved date after the first affected
    one that is not in the returned list.
    """
    first = timeline.add_claims(new_claims)
    if first is None:
        return []
    saved = []
    for snapshot in timeline.snapshots:
        if snapshot.date >= first:
            save_control_snapshot(snapshot.date, snapshot_to_geojson(snapshot))
            saved.append(snapshot.date)
    return saved
