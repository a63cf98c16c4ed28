"""The view the URL carries survives the trip, and slot plans move one day per step."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from dashboard.web.viewstate import (
    MapView,
    ViewState,
    day_number,
    parse_query,
    slot_plan,
    to_query,
)

DEFAULT = ViewState(day=date(2017, 12, 31))


def test_full_view_round_trips_through_the_query_string():
    view = ViewState(
        day=date(2017, 11, 9),
        range=(date(2017, 10, 1), date(2017, 11, 20)),
        window=14,
        by="type",
        sides=("isis", "sdf"),
        types=("capture",),
        sources=("Reuters",),
        precisions=("day", "week"),
        min_confidence=0.6,
        event="abc123",
        map_view=MapView(34.45, 40.92, 9.5),
    )
    assert parse_query(to_query(view), DEFAULT) == view


def test_malformed_values_keep_the_defaults():
    view = parse_query("?date=yesterday&window=5&conf=nan&lat=999&lon=1&zoom=3&event=<x>", DEFAULT)
    assert view == DEFAULT


def test_an_empty_list_means_nothing_ticked_not_everything():
    assert parse_query("?types=", DEFAULT).types == ()
    assert parse_query("?date=2017-10-01", DEFAULT).types is None


def test_a_one_day_step_changes_exactly_one_slot():
    before = slot_plan(ViewState(day=date(2017, 10, 10), window=7))
    after = slot_plan(ViewState(day=date(2017, 10, 11), window=7))
    changed = {s for s in set(before) | set(after) if before.get(s) != after.get(s)}
    assert len(changed) == 1
    (slot,) = changed
    assert after[slot] == (day_number(date(2017, 10, 11)),) * 2


def test_a_long_range_is_cut_into_contiguous_chunks_covering_it():
    view = ViewState(day=date(2017, 12, 31), range=(date(2017, 9, 1), date(2017, 12, 31)))
    plan = slot_plan(view)
    spans = sorted(plan.values())
    assert spans[0][0] == day_number(date(2017, 9, 1))
    assert spans[-1][1] == day_number(date(2017, 12, 31))
    assert all(a[1] + 1 == b[0] for a, b in pairwise(spans))


def test_playing_inside_a_range_shows_the_range_up_to_the_date():
    view = ViewState(day=date(2017, 10, 5), range=(date(2017, 10, 1), date(2017, 10, 20)))
    assert view.visible_span() == (date(2017, 10, 1), date(2017, 10, 5))


def test_slider_marks_thin_out_over_long_periods_and_never_crowd() -> None:
    from dashboard.web.layout import slider_marks

    short = slider_marks(date(2017, 8, 20), date(2017, 12, 31))
    assert list(short.values()) == ["Sep 2017", "Oct", "Nov", "Dec"]
    long = slider_marks(date(2014, 1, 1), date(2019, 12, 31))
    assert 2 <= len(long) <= 14
    assert "Jan 2014" in long.values() and "Jan 2019" in long.values()
