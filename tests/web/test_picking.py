"""A click names its event by identity; overlapping events and a day's events are all listed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from dashboard.web.callbacks.upload import refused_outcomes, yielded
from dashboard.web.figures.map_figure import event_key, slot_update
from dashboard.web.picking import MOST_LISTED, pick_day, pick_marker
from dashboard.web.viewstate import ViewState

DAY = date(2017, 11, 9)
RAWA = (41.95, 34.47)
ANAH = (41.98, 34.37)


@dataclass
class _Article:
    id: str
    source: str


class _Store:
    def articles(self) -> list[_Article]:
        return [_Article("a1", "AFP"), _Article("a2", "Reuters")]


class FakeAccess:
    """Serves fixed map rows, as ``StoreAccess.event_rows`` would after the store changed."""

    def __init__(self, events: list[tuple[str, str, str, tuple[float, float], float]]) -> None:
        self.events = events
        self.store = _Store()

    def event_rows(self, first: date, last: date, view: ViewState) -> dict[str, Any]:
        chosen = [e for e in self.events if first <= DAY <= last]
        return {
            "id": [e[0] for e in chosen],
            "type": [e[1] for e in chosen],
            "sides": [e[2] for e in chosen],
            "place_name": ["Rawa" if e[3] == RAWA else "Anah" for e in chosen],
            "article_id": ["a1" if i % 2 == 0 else "a2" for i in range(len(chosen))],
            "date": np.array([DAY] * len(chosen), dtype="datetime64[D]"),
            "lon": np.array([e[3][0] for e in chosen], dtype=float),
            "lat": np.array([e[3][1] for e in chosen], dtype=float),
            "confidence": np.array([e[4] for e in chosen], dtype=float),
            "fatalities": np.full(len(chosen), np.nan),
        }


EVENTS = [
    ("e-anah", "shelling", "isis", ANAH, 0.7),
    ("e-rawa-1", "armed_clash", "iraqi_forces,isis", RAWA, 0.6),
    ("e-rawa-2", "capture", "iraqi_forces", RAWA, 0.9),
    ("e-rawa-3", "announcement", "iraqi_forces", RAWA, 0.5),
]
VIEW = ViewState(day=DAY, window=1)


def test_each_marker_carries_its_events_key():
    rows = FakeAccess(EVENTS).event_rows(DAY, DAY, VIEW)
    update = slot_update(rows)
    assert update["customdata"]["dtype"] == "u4"
    keys = np.frombuffer(__import__("base64").b64decode(update["customdata"]["bdata"]), "<u4")
    assert keys.tolist() == [event_key(e[0]) for e in EVENTS]


def test_click_finds_the_same_event_after_the_store_gained_a_row_before_it():
    key = event_key("e-rawa-2")
    grown = FakeAccess([("e-new", "assault", "sdf", ANAH, 0.8), *EVENTS])
    pick = pick_marker(grown, VIEW, key, *RAWA)
    assert pick is not None and pick.event_id == "e-rawa-2"


def test_click_on_an_event_that_is_gone_picks_nothing():
    shrunk = FakeAccess([e for e in EVENTS if e[0] != "e-rawa-2"])
    assert pick_marker(shrunk, VIEW, event_key("e-rawa-2"), *RAWA) is None


def test_events_sharing_the_clicked_spot_are_all_listed():
    pick = pick_marker(FakeAccess(EVENTS), VIEW, event_key("e-rawa-1"), *RAWA)
    assert pick is not None
    assert {e.id for e in pick.listed} == {"e-rawa-1", "e-rawa-2", "e-rawa-3"}
    assert pick.title.startswith("3 events at Rawa")
    assert {e.source for e in pick.listed} <= {"AFP", "Reuters"}


def test_a_lone_marker_lists_nothing():
    pick = pick_marker(FakeAccess(EVENTS), VIEW, event_key("e-anah"), *ANAH)
    assert pick is not None and pick.event_id == "e-anah" and pick.listed == ()


def test_a_timeline_day_selects_a_capture_before_a_clash_and_lists_the_day():
    pick = pick_day(FakeAccess(EVENTS), VIEW, DAY)
    assert pick.event_id == "e-rawa-2"
    assert len(pick.listed) == 4 and pick.title.startswith("4 located events on 9 Nov 2017")


def test_the_clicked_stack_decides_which_side_comes_first():
    assert pick_day(FakeAccess(EVENTS), VIEW, DAY, prefer="isis").event_id == "e-rawa-1"


def test_a_long_day_is_cut_but_says_how_many_more():
    many = [(f"e{i:03d}", "shelling", "isis", RAWA, 0.5) for i in range(MOST_LISTED + 5)]
    pick = pick_day(FakeAccess(many), VIEW, DAY)
    assert len(pick.listed) == MOST_LISTED and pick.more == 5


def test_an_upload_line_says_what_the_article_yielded():
    @dataclass
    class Result:
        status: str = "new"
        places: int = 3
        events: int = 1
        claims: int = 0

    assert yielded(Result()) == "3 places, 1 event, 0 claims"
    assert yielded(Result(status="unchanged")).startswith("already in the store")


def test_a_file_over_the_limit_is_named_with_its_size_and_the_limit():
    (line,) = refused_outcomes(
        {"refused": [{"name": "big.txt", "size": 12_500_000}], "limit": 10_000_000}
    )
    assert line.name == "big.txt" and line.status == "refused"
    assert "12 MB is over the 10 MB upload limit" in line.message
