"""Crowded days are drawn as one disc per side and screen cell; the rest one disc per event."""

from __future__ import annotations

import base64
from datetime import date, timedelta
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.web.figures import density
from dashboard.web.figures import map_figure as mf
from dashboard.web.picking import pick_marker
from dashboard.web.stepping import first_view, step
from dashboard.web.viewstate import ViewState, day_number

DAY = date(2017, 11, 9)
PX_DEG = 360 / (density.TILE_PX * 2 ** (6 + 0.5))  # degrees of longitude per pixel, level 6


def _decode(typed: dict[str, str], dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(typed["bdata"]), dtype)


def _rows(points: list[tuple[float, float, str, str]], day: date = DAY) -> dict[str, Any]:
    """Map rows from (lon, lat, side, type)."""
    n = len(points)
    return {
        "id": [f"e{day:%m%d}-{i}" for i in range(n)],
        "type": [p[3] for p in points],
        "sides": [p[2] for p in points],
        "place_name": [f"Town {i % 7}" for i in range(n)],
        "date": np.array([day] * n, dtype="datetime64[D]"),
        "lon": np.array([p[0] for p in points], dtype=float),
        "lat": np.array([p[1] for p in points], dtype=float),
        "confidence": np.full(n, 0.7),
        "source": ["AFP"] * n,
    }


def _crowd(n: int, seed: int = 3, spread: float = 0.08) -> list[tuple[float, float, str, str]]:
    rng = np.random.default_rng(seed)
    lons = 41.0 + rng.normal(0, spread, n)
    lats = 34.4 + rng.normal(0, spread, n)
    sides = rng.choice(["isis", "iraqi_forces", "sdf"], n)
    kinds = rng.choice(["armed_clash", "air_strike", "capture"], n)
    return list(zip(lons.tolist(), lats.tolist(), sides.tolist(), kinds.tolist(), strict=True))


def test_events_under_one_disc_of_one_side_merge_and_others_stay_apart():
    lon, lat = 41.0, 34.4
    near = PX_DEG * 0.5
    points = [
        (lon, lat, "isis", "armed_clash"),
        (lon + near, lat, "isis", "capture"),  # same cell, same side: merged
        (lon + near, lat + near / 2, "iraqi_forces", "air_strike"),  # same cell, other side
        (lon + 40 * PX_DEG, lat, "isis", "armed_clash"),  # far away
    ]
    rows = _rows(points)
    codes = np.array([mf.SIDE_CODES.index(p[2]) for p in points])
    rank = np.array([3.0, 0.0, 5.0, 3.0])
    merged = density.merge(rows["lon"], rows["lat"], codes, rank, 6)
    assert sorted(merged.counts.tolist()) == [1, 1, 2]
    assert 1 in merged.shown.tolist() and 0 not in merged.shown.tolist()  # the capture speaks


def test_zooming_in_a_level_halves_the_cells():
    a = np.array([41.0, 41.0 + 4 * PX_DEG])  # four pixels apart at level 6
    b = np.array([34.4, 34.4])
    assert len(set(density.cell_ids(a, b, 4).tolist())) == 1
    assert len(set(density.cell_ids(a, b, 9).tolist())) == 2


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(-179.9, 179.9),
            st.floats(-84.0, 84.0),
            st.sampled_from(["isis", "sdf"]),
        ),
        min_size=1,
        max_size=60,
    ),
    st.integers(0, 22),
)
def test_every_event_is_counted_once_and_drawn_where_one_of_its_events_is(points, level):
    lon = np.array([p[0] for p in points])
    lat = np.array([p[1] for p in points])
    codes = np.array([0 if p[2] == "isis" else 1 for p in points])
    merged = density.merge(lon, lat, codes, np.zeros(len(points)), level)
    assert int(merged.counts.sum()) == len(points)
    assert len(set(merged.shown.tolist())) == len(merged.shown)
    cells = density.cell_ids(lon, lat, level)
    drawn = {(int(cells[i]), int(codes[i])) for i in merged.shown}
    assert drawn == {(int(c), int(s)) for c, s in zip(cells, codes, strict=True)}


def test_a_crowded_day_is_drawn_merged_and_a_quiet_one_event_by_event():
    crowded = _rows(_crowd(density.MERGE_OVER + 500))
    whole = mf.slot_update(crowded)
    merged = mf.slot_update(crowded, level=6)
    assert len(_decode(whole["lon"], "<f4")) == density.MERGE_OVER + 500
    drawn = len(_decode(merged["lon"], "<f4"))
    assert 0 < drawn < (density.MERGE_OVER + 500) / 2
    assert len(merged["hovertext"]) == drawn
    assert any("more events here" in h for h in merged["hovertext"])
    keys = set(_decode(merged["customdata"], "<u4").tolist())
    assert keys <= {mf.event_key(i) for i in crowded["id"]}
    quiet = _rows(_crowd(200))
    assert mf.slot_update(quiet, level=6) == mf.slot_update(quiet)


def test_zooming_in_draws_more_of_a_crowded_day():
    crowded = _rows(_crowd(3000, spread=0.02))
    counts = [len(_decode(mf.slot_update(crowded, level=z)["lon"], "<f4")) for z in (5, 7, 10)]
    assert counts[0] < counts[1] < counts[2] <= 3000


class _Store:
    def control_snapshot_days(self) -> list[date]:
        return []


class CrowdAccess:
    """``per_day`` events on every day, scattered around one town; records its reads."""

    def __init__(self, per_day: int, quiet: set[date] | None = None) -> None:
        self.per_day = per_day
        self.quiet = quiet or set()
        self.store = _Store()
        self.reads: list[tuple[date, date]] = []

    def event_rows(self, first: date, last: date, view: ViewState) -> dict[str, Any]:
        self.reads.append((first, last))
        points: list[tuple[float, float, str, str]] = []
        days: list[date] = []
        day = first
        while day <= last:
            n = 50 if day in self.quiet else self.per_day
            points += _crowd(n, seed=day.toordinal())
            days += [day] * n
            day += timedelta(days=1)
        rows = _rows(points)
        rows["id"] = [f"e{d:%m%d}-{i}" for i, d in enumerate(days)]
        rows["date"] = np.array(days, dtype="datetime64[D]")
        return rows

    def snapshot_day(self, day: date, days: list[date]) -> date | None:
        return None

    def snapshot(self, day: date | None) -> dict[str, Any]:
        return {"type": "FeatureCollection", "features": []}


def test_crossing_a_zoom_level_redraws_crowded_days_only():
    quiet_day = DAY - timedelta(days=2)
    access = CrowdAccess(per_day=density.MERGE_OVER + 200, quiet={quiet_day})
    view = ViewState(day=DAY, window=7)
    opening = first_view(access, view, level=6)
    slots = opening.loaded["slots"]
    assert {s[2] for s in slots.values()} == {6, -1}
    access.reads.clear()
    ahead = (DAY + timedelta(days=1),) * 2  # the next day, read to be sent ahead
    same = step(access, view, opening.loaded, opening.shown, level=6)
    assert access.reads == [ahead]  # nothing to redraw at the same level
    access.reads.clear()
    zoomed = step(access, view, opening.loaded, opening.shown, level=8)
    assert len(access.reads) == 7 and access.reads[-1] == ahead
    assert (quiet_day, quiet_day) not in access.reads
    assert {s[2] for s in zoomed.loaded["slots"].values()} == {8, -1}
    assert same.loaded["slots"] == slots


def test_a_click_on_a_merged_disc_lists_every_event_of_its_cell():
    access = CrowdAccess(per_day=density.MERGE_OVER + 200)
    view = ViewState(day=DAY, window=1)
    rows = access.event_rows(DAY, DAY, view)
    update = mf.slot_update(rows, level=6)
    counts = [
        int(h.split("+ ")[1].split(" ")[0]) + 1 if "more event" in h else 1
        for h in update["hovertext"]
    ]
    biggest = int(np.argmax(counts))
    key = int(_decode(update["customdata"], "<u4")[biggest])
    lon = float(_decode(update["lon"], "<f4")[biggest])
    lat = float(_decode(update["lat"], "<f4")[biggest])
    span = (day_number(DAY), day_number(DAY))
    pick = pick_marker(access, view, key, lon, lat, span, level=6)
    assert pick is not None and pick.event_id is not None
    listed = len(pick.listed) + pick.more
    assert listed >= counts[biggest]  # its own side's events, and any other side's in the cell
    assert pick.title.startswith(f"{listed} events around")
    plain = pick_marker(access, view, key, lon, lat, span)
    assert plain is not None and len(plain.listed) + plain.more < listed


def test_every_trace_and_control_layer_sits_beneath_its_own_anchor():
    style = {
        "version": 8,
        "sources": {},
        "layers": [
            {"id": "land", "type": "background"},
            {"id": "admin3-lines", "type": "background"},
            {"id": "river-labels", "type": "background"},
            {"id": "town-labels", "type": "background"},
        ],
    }
    figure = mf.map_figure_json(style)
    order = [layer["id"] for layer in figure["layout"]["map"]["style"]["layers"]]
    belows = [t["below"] for t in figure["data"]] + [
        layer["below"] for layer in figure["layout"]["map"]["layers"]
    ]
    assert len(set(belows)) == len(belows) and set(belows) <= set(order)
    layers = figure["layout"]["map"]["layers"]
    fills = [order.index(lay["below"]) for lay in layers if lay["type"] == "fill"]
    lines = [order.index(lay["below"]) for lay in layers if lay["type"] == "line"]
    assert max(fills) < order.index("admin3-lines") < min(lines) < order.index("river-labels")
    traces = [order.index(t["below"]) for t in figure["data"]]
    assert traces == sorted(traces) and min(traces) > order.index("town-labels")
    # applied twice, the style stays the same
    again = mf.anchored_style(figure["layout"]["map"]["style"])
    assert [layer["id"] for layer in again["layers"]] == order
