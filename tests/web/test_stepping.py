"""A date step resends only what changed; marker size follows how many events the view shows."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np
from dash import no_update

from dashboard.web.figures import map_figure as mf
from dashboard.web.figures import timeline as tl
from dashboard.web.stepping import first_view, step, take_ahead
from dashboard.web.viewstate import ViewState, day_number

DAY = date(2017, 11, 9)


class _Store:
    def control_snapshot_days(self) -> list[date]:
        return []


class DenseAccess:
    """``per_day[d]`` events on day ``d`` (others: ``default``), all at one town."""

    def __init__(self, default: int, per_day: dict[date, int] | None = None) -> None:
        self.default = default
        self.per_day = per_day or {}
        self.store = _Store()
        self.reads: list[tuple[date, date]] = []

    def event_rows(self, first: date, last: date, view: ViewState) -> dict[str, Any]:
        self.reads.append((first, last))
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        dates = [d for d in days for _ in range(self.per_day.get(d, self.default))]
        n = len(dates)
        return {
            "id": [f"e{d:%Y%m%d}-{i}" for i, d in enumerate(dates)],
            "type": ["armed_clash"] * n,
            "sides": ["isis,iraq"] * n,
            "place_name": ["Rawa"] * n,
            "date": np.array(dates, dtype="datetime64[D]"),
            "lon": np.full(n, 41.95),
            "lat": np.full(n, 34.47),
        }

    def snapshot_day(self, day: date, days: list[date]) -> date | None:
        return None

    def snapshot(self, day: date | None) -> dict[str, Any]:
        return {"type": "FeatureCollection", "features": []}


def _sizes(patch: Any) -> set[int]:
    """Marker sizes a patch assigns, read from its list of operations."""
    ops = patch.to_plotly_json()["operations"]
    return {
        op["params"]["value"]
        for op in ops
        if op["operation"] == "Assign" and op["location"][-2:] == ["marker", "size"]
    }


def test_the_denser_the_view_the_smaller_the_discs():
    sizes = [mf.marker_size(n) for n in (0, 200, 5_000, 5_001, 30_000, 30_001, 1_000_000)]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == mf.MARKER_SIZE and sizes[-1] == mf.DENSEST_SIZE


def test_the_page_opens_with_one_size_for_every_slot():
    access = DenseAccess(default=600)
    opening = first_view(access, ViewState(day=DAY, window=14))
    sizes = {props["marker.size"] for props in opening.slots.values()}
    assert sizes == {mf.marker_size(14 * 600)}
    assert opening.loaded["size"] == mf.marker_size(14 * 600)
    assert sum(opening.loaded["counts"].values()) == 14 * 600


def test_a_step_reads_one_day_and_keeps_the_size_when_density_holds():
    access = DenseAccess(default=100)
    view = ViewState(day=DAY, window=14)
    opening = first_view(access, view)
    access.reads.clear()
    nxt = ViewState(day=DAY + timedelta(days=1), window=14)
    result = step(access, nxt, opening.loaded, opening.shown)
    # the new day, then the day after it (sent ahead for the next step)
    assert access.reads == [(DAY + timedelta(days=d), DAY + timedelta(days=d)) for d in (1, 2)]
    assert _sizes(result.map_patch) == set()
    assert result.loaded["size"] == opening.loaded["size"]


def test_a_step_into_a_dense_day_shrinks_every_slot_at_once():
    busy = DAY + timedelta(days=1)
    access = DenseAccess(default=100, per_day={busy: 40_000})
    view = ViewState(day=DAY, window=14)
    opening = first_view(access, view)
    assert opening.loaded["size"] == mf.MARKER_SIZE
    result = step(access, ViewState(day=busy, window=14), opening.loaded, opening.shown)
    assert _sizes(result.map_patch) == {mf.DENSEST_SIZE}
    sized = [
        op["location"][1]
        for op in result.map_patch.to_plotly_json()["operations"]
        if op["location"][-2:] == ["marker", "size"]
    ]
    assert sorted(sized) == [mf.slot_trace_index(s) for s in range(14)]
    # and back: the dense day leaves the window, the discs grow again
    later = step(
        access, ViewState(day=busy + timedelta(days=14), window=14), result.loaded, result.shown
    )
    assert _sizes(later.map_patch) == {mf.MARKER_SIZE}


def test_the_page_as_served_needs_nothing_more():
    """The first step after opening (Dash runs it on load) finds everything drawn."""
    access = DenseAccess(default=50)
    view = ViewState(day=DAY, window=14)
    opening = first_view(access, view)
    access.reads.clear()
    result = step(access, view, opening.loaded, opening.shown)
    assert result.map_patch is no_update and result.timeline_patch is no_update
    assert access.reads == [(DAY + timedelta(days=1),) * 2]  # only the step ahead


def test_the_slot_sent_ahead_is_the_one_the_next_step_would_send():
    access = DenseAccess(default=30, per_day={DAY + timedelta(days=1): 70})
    view = ViewState(day=DAY, window=7)
    opening = first_view(access, view)
    ahead = opening.ahead
    assert ahead is not None
    nxt = ViewState(day=DAY + timedelta(days=1), window=7)
    plain = step(access, nxt, opening.loaded, opening.shown)
    slot_ops = [
        op
        for op in plain.map_patch.to_plotly_json()["operations"]
        if op["location"][:2] == ["data", mf.slot_trace_index(int(ahead["slot"]))]
    ]
    assert slot_ops == ahead["patch"]["operations"]
    assert ahead["count"] == 70
    # the browser draws it first; then the step sends neither that slot nor anything else
    applied = take_ahead(opening.loaded, ahead, nxt, None, opening.shown)
    assert applied is not None
    access.reads.clear()
    after = step(access, nxt, *applied)
    assert after.map_patch is no_update
    assert after.loaded == plain.loaded
    assert access.reads == [(DAY + timedelta(days=2),) * 2]  # only the next step ahead


def test_a_step_ahead_does_not_fit_a_jump_other_filters_or_a_range():
    access = DenseAccess(default=30)
    opening = first_view(access, ViewState(day=DAY, window=7))
    ahead = opening.ahead
    jump = ViewState(day=DAY + timedelta(days=3), window=7)
    other = ViewState(day=DAY + timedelta(days=1), window=7, types=("capture",))
    ranged = ViewState(day=DAY + timedelta(days=1), window=7, range=(DAY, DAY + timedelta(days=5)))
    wider = ViewState(day=DAY + timedelta(days=1), window=14)
    for view in (jump, other, ranged, wider):
        assert take_ahead(opening.loaded, ahead, view, None) is None
    assert take_ahead(opening.loaded, ahead, ViewState(day=DAY + timedelta(days=1)), 6) is None


def test_stepping_back_sends_ahead_the_day_that_enters_the_window():
    access = DenseAccess(default=10)
    opening = first_view(access, ViewState(day=DAY, window=7))
    back = ViewState(day=DAY - timedelta(days=1), window=7)
    result = step(access, back, opening.loaded, opening.shown)
    assert result.ahead is not None
    assert result.ahead["day"] == day_number(DAY - timedelta(days=2))
    entering = day_number(DAY - timedelta(days=2 + 6))
    assert result.ahead["entry"][:2] == [entering, entering]


def test_a_step_moves_the_timeline_cursor():
    access = DenseAccess(default=50)
    opening = first_view(access, ViewState(day=DAY, window=14))
    result = step(
        access, ViewState(day=DAY + timedelta(days=1), window=14), opening.loaded, opening.shown
    )
    moved = [op["location"] for op in result.timeline_patch.to_plotly_json()["operations"]]
    assert ["layout", "shapes", tl.CURSOR_SHAPE, "x0"] in moved
    assert result.shown["cursor"] == (DAY + timedelta(days=1)).isoformat()


class _SnapStore:
    def control_snapshot_days(self) -> list[date]:
        return [DAY, DAY + timedelta(days=1)]


class TwoSnapshots(DenseAccess):
    """Two change points: the second moves the front and the SDF's area, nothing else."""

    def __init__(self) -> None:
        super().__init__(default=5)
        self.store = _SnapStore()  # type: ignore[assignment]

    def snapshot_day(self, day: date, days: list[date]) -> date | None:
        return max((d for d in days if d <= day), default=None)

    def snapshot(self, day: date | None) -> dict[str, Any]:
        shift = 0.0 if day == DAY else 0.2
        square = [[[40.0, 34.0], [41.0, 34.0], [41.0, 35.0], [40.0, 34.0]]]
        moved = [[[41.0 + shift, 34.0], [42.0, 34.0], [42.0, 35.0], [41.0 + shift, 34.0]]]
        return {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"kind": "area", "side": "isis"},
                    "geometry": {"type": "Polygon", "coordinates": square},
                },
                {
                    "type": "Feature",
                    "properties": {"kind": "area", "side": "sdf"},
                    "geometry": {"type": "Polygon", "coordinates": moved},
                },
                {
                    "type": "Feature",
                    "properties": {"kind": "frontline"},
                    "geometry": {"type": "LineString", "coordinates": moved[0][:2]},
                },
            ],
        }


def test_a_new_change_point_resends_only_the_layers_it_changes():
    access = TwoSnapshots()
    opening = first_view(access, ViewState(day=DAY, window=7))
    names = [layer["name"] for layer in mf.control_layers(None)]
    expected = {names.index("area sdf"), names.index("frontline casing"), names.index("frontline")}
    # sent ahead with the next day's events, and the same when the step itself sends them
    ahead_layers = {
        op["location"][3]
        for op in opening.ahead["patch"]["operations"]
        if op["location"][:3] == ["layout", "map", "layers"]
    }
    assert (
        ahead_layers == expected and opening.ahead["snapshot"] == (DAY + timedelta(1)).isoformat()
    )
    result = step(
        access, ViewState(day=DAY + timedelta(days=1), window=7), opening.loaded, opening.shown
    )
    stepped = {
        op["location"][3]
        for op in result.map_patch.to_plotly_json()["operations"]
        if op["location"][:3] == ["layout", "map", "layers"]
    }
    assert stepped == expected


def test_the_changes_heading_follows_the_period_when_the_snapshots_do_not_change():
    """Stepping inside one change point compares the same snapshots over a new period: the
    panel's heading moves with the window, and nothing else is resent."""
    access = DenseAccess(default=10)
    opening = first_view(access, ViewState(day=DAY, window=7))
    result = step(
        access, ViewState(day=DAY + timedelta(days=1), window=7), opening.loaded, opening.shown
    )
    ops = result.changes.to_plotly_json()["operations"]
    assert [op["location"] for op in ops] == [[0]]
    heading = ops[0]["params"]["value"].children
    assert heading == "4 November 2017 → 10 November 2017"
    again = step(
        access, ViewState(day=DAY + timedelta(days=1), window=7), result.loaded, result.shown
    )
    assert again.changes is no_update
