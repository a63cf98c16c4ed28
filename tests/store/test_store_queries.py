"""Bounding-box and date queries agree with a brute-force filter, on both backends."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from factories import PLACES, make_bundle, mention
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.events.model import SIDES, ActorMention, Event
from dashboard.store import Store, open_store

DAY0 = date(2016, 1, 1)
GRID = 0.25  # coordinates on a grid, so query edges often fall exactly on events
TYPES = ("capture", "air_strike", "armed_clash")
STATUSES = ("automatic", "confirmed", "rejected")


def random_events(article_id: str, n: int) -> list[Event]:
    rng = random.Random(20161017)
    events = []
    for k in range(n):
        lon = 38 + GRID * rng.randrange(0, 29)
        lat = 32 + GRID * rng.randrange(0, 21)
        place = replace(mention(article_id, k, PLACES[k % len(PLACES)], k), lon=lon, lat=lat)
        sides = rng.sample(SIDES, rng.randrange(0, 3))
        events.append(
            Event(
                id=f"ev{k:04d}",
                type=rng.choice(TYPES),
                date=None if k % 97 == 0 else DAY0 + timedelta(days=rng.randrange(0, 60)),
                date_precision="day",
                places=() if k % 89 == 0 else (place,),
                actors=tuple(ActorMention(0, 3, s, s, s) for s in sides),
                article_id=article_id,
                confidence=round(rng.random(), 2),
                status=rng.choice(STATUSES),
            )
        )
    return events


@pytest.fixture(scope="module")
def populated(module_store_url: str) -> Iterator[tuple[Store, list[Event]]]:
    b = make_bundle(0)
    events = random_events(b.article.id, 600)
    with open_store(module_store_url) as store:
        store.replace_article(b.article, b.mentions, events, ())
        yield store, events


def brute_force(events, start, end, bbox, sides, types, min_confidence, statuses) -> list[str]:
    kept = []
    for e in events:
        if e.date is None or not start <= e.date <= end:
            continue
        if bbox is not None:
            if not e.places:
                continue
            west, south, east, north = bbox
            if not (west <= e.places[0].lon <= east and south <= e.places[0].lat <= north):
                continue
        if sides is not None and not {a.side for a in e.actors} & set(sides):
            continue
        if types is not None and e.type not in types:
            continue
        if e.confidence < min_confidence or e.status not in statuses:
            continue
        kept.append(e)
    return [e.id for e in sorted(kept, key=lambda e: (e.date, e.id))]


edge = st.integers(-2, 32).map(lambda k: k * GRID) | st.floats(-0.5, 8.5)


@st.composite
def queries(draw):
    first = DAY0 + timedelta(days=draw(st.integers(-5, 65)))
    last = first + timedelta(days=draw(st.integers(0, 30)))
    bbox = None
    if draw(st.booleans()):
        w, e = sorted((38 + draw(edge), 38 + draw(edge)))
        s, n = sorted((32 + draw(edge), 32 + draw(edge)))
        bbox = (w, s, e, n)
    sides = draw(st.none() | st.lists(st.sampled_from(SIDES), min_size=1, max_size=3, unique=True))
    types = draw(st.none() | st.lists(st.sampled_from(TYPES), min_size=1, unique=True))
    min_confidence = draw(st.sampled_from([0.0, 0.3, 0.75]))
    statuses = draw(st.sampled_from([("automatic", "confirmed"), STATUSES, ("rejected",)]))
    return first, last, bbox, sides, types, min_confidence, statuses


@settings(max_examples=120, deadline=None)
@given(query=queries())
def test_events_between_matches_brute_force(populated, query) -> None:
    store, events = populated
    first, last, bbox, sides, types, min_confidence, statuses = query
    got = store.events_between(
        first,
        last,
        bbox,
        sides=sides,
        types=types,
        min_confidence=min_confidence,
        statuses=statuses,
    )
    expected = brute_force(events, *query)
    assert [e.id for e in got] == expected
    rows = store.event_rows(
        first,
        last,
        bbox,
        sides=sides,
        types=types,
        min_confidence=min_confidence,
        statuses=statuses,
    )
    assert rows["id"] == expected


def test_point_on_the_box_edge_is_inside(populated) -> None:
    store, events = populated
    e = next(e for e in events if e.date and e.places)
    p = e.places[0]
    for bbox in ((p.lon, p.lat, p.lon, p.lat), (p.lon - 1, p.lat - 1, p.lon, p.lat)):
        found = store.events_between(e.date, e.date, bbox, statuses=STATUSES)
        assert e.id in [x.id for x in found]


def test_inverted_box_is_refused(populated) -> None:
    store, _ = populated
    with pytest.raises(ValueError, match="west<=east"):
        store.events_between(DAY0, DAY0, (44.0, 32.0, 40.0, 36.0))


def test_replacing_control_snapshots_drops_stale_days_and_keeps_earlier_ones(store):
    square = {
        "type": "Polygon",
        "coordinates": [[[40, 34], [41, 34], [41, 35], [40, 35], [40, 34]]],
    }

    def feature(side: str) -> dict:
        return {"type": "Feature", "geometry": square, "properties": {"side": side, "kind": "area"}}

    for day, side in (
        (date(2017, 9, 1), "isis"),
        (date(2017, 10, 1), "isis"),
        (date(2017, 11, 1), "isis"),
    ):
        store.save_control_snapshot(day, [feature(side)])

    written = store.replace_control_snapshots(
        date(2017, 10, 1), [(date(2017, 10, 15), [feature("iraqi_forces")])]
    )

    assert written == 1
    assert store.control_snapshot_days() == [date(2017, 9, 1), date(2017, 10, 15)]
    assert store.control_snapshot_on(date(2017, 10, 10)).date == date(2017, 9, 1)
    later = store.control_snapshot_on(date(2017, 12, 1))
    assert later.date == date(2017, 10, 15)
    assert later.features[0]["properties"]["side"] == "iraqi_forces"
    deleted = [e for e in store.change_log() if e.action == "delete"]
    assert [e.row_id for e in deleted] == ["2017-10-01", "2017-11-01"]


def test_replacing_control_snapshots_refuses_days_before_the_start(store):
    with pytest.raises(ValueError, match="before 2017-10-01"):
        store.replace_control_snapshots(date(2017, 10, 1), [(date(2017, 9, 30), [])])
    assert store.control_snapshot_days() == []
