"""Source and date-precision filters, the row columns the web reads, and imported areas."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factories import make_bundle

from dashboard.events.model import ActorMention
from dashboard.store import ImportedControlArea, Store

EVERYTHING = (date(2000, 1, 1), date(2030, 1, 1))


def fill(store: Store) -> list:
    """Six events: sources Reuters/AFP, precisions day/week/month, sides varied."""
    bundle = make_bundle(0, events=6, claims=0)
    events = []
    for k, event in enumerate(bundle.events):
        events.append(
            replace(
                event,
                source=("Reuters", "AFP")[k % 2],
                date_precision=("day", "week", "month")[k % 3],
                status="automatic",
                confidence=0.5 + 0.05 * k,
                actors=(ActorMention(0, 4, "ISIS", "isis", "isis"),)
                + ((ActorMention(5, 9, "SDF", "sdf", "sdf"),) if k < 3 else ()),
            )
        )
    store.replace_article(bundle.article, bundle.mentions, events, ())
    return events


def test_event_rows_carry_source_and_date_precision(store: Store) -> None:
    events = fill(store)
    rows = store.event_rows(*EVERYTHING)
    by_id = {e.id: e for e in events}
    assert len(rows["id"]) == 6
    for i, eid in enumerate(rows["id"]):
        assert rows["source"][i] == by_id[eid].source
        assert rows["date_precision"][i] == by_id[eid].date_precision


def test_events_filter_by_source_and_precision(store: Store) -> None:
    events = fill(store)
    want = sorted(e.id for e in events if e.source == "AFP" and e.date_precision in ("day", "week"))
    got = store.events_between(*EVERYTHING, sources=["AFP"], precisions=["day", "week"])
    assert sorted(e.id for e in got) == want
    rows = store.event_rows(*EVERYTHING, sources=["AFP"], precisions=["day", "week"])
    assert sorted(rows["id"]) == want
    assert store.event_rows(*EVERYTHING, sources=[])["id"] == []
    assert store.events_between(*EVERYTHING, precisions=["year"]) == []


def test_counts_by_day_honour_the_map_filters(store: Store) -> None:
    events = fill(store)
    kept = [e for e in events if e.source == "Reuters" and e.confidence >= 0.55]
    counts = store.counts_by_day(*EVERYTHING, by="type", sources=["Reuters"], min_confidence=0.55)
    assert sum(c.count for c in counts) == len(kept)
    by_type = store.counts_by_day(*EVERYTHING, by="type", types=["capture"])
    assert {c.key for c in by_type} <= {"capture"}
    assert sum(c.count for c in by_type) == sum(e.type == "capture" for e in events)
    assert store.counts_by_day(*EVERYTHING, precisions=[]) == []


def test_counts_by_side_with_sides_count_only_those_sides(store: Store) -> None:
    events = fill(store)
    counts = store.counts_by_day(*EVERYTHING, by="side", sides=["sdf"])
    assert {c.key for c in counts} == {"sdf"}
    assert sum(c.count for c in counts) == sum(
        any(a.side == "sdf" for a in e.actors) for e in events
    )
    everything = store.counts_by_day(*EVERYTHING, by="side")
    assert sum(c.count for c in everything if c.key == "isis") == 6


def test_old_calls_keep_working(store: Store) -> None:
    fill(store)
    first, last = EVERYTHING
    assert len(store.counts_by_day(first, last, "type", None)) > 0
    assert len(store.event_rows(first, last, None)["id"]) == 6


def area(day: date, side: str = "isis", key: str = "a") -> ImportedControlArea:
    square = {
        "type": "Polygon",
        "coordinates": [[[38.0, 35.0], [39.0, 35.0], [39.0, 36.0], [38.0, 36.0], [38.0, 35.0]]],
    }
    return ImportedControlArea(key, side, day, square, "map.geojson", {"features": 1})


def test_imported_areas_round_trip_once(store: Store) -> None:
    assert store.save_imported_area(area(date(2016, 5, 1))) == "new"
    assert store.save_imported_area(area(date(2016, 5, 1))) == "unchanged"
    assert store.save_imported_area(area(date(2017, 1, 1), "sdf", "b")) == "new"
    stored = store.imported_areas()
    assert [(a.id, a.side, a.valid_on) for a in stored] == [
        ("a", "isis", date(2016, 5, 1)),
        ("b", "sdf", date(2017, 1, 1)),
    ]
    assert stored[0].geometry == area(date(2016, 5, 1)).geometry
    assert stored[0].properties == {"features": 1}
    assert stored[0].imported_at is not None
    assert [a.id for a in store.imported_areas(until=date(2016, 12, 31))] == ["a"]
    assert store.stats()["counts"]["imported_areas"] == 2
    assert [e.table for e in store.change_log()].count("imported_areas") == 2


def test_event_owners_name_the_article_of_each_known_id(store: Store) -> None:
    events = fill(store)
    owners = store.event_owners([events[0].id, "nope", events[1].id])
    assert owners == {events[0].id: events[0].article_id, events[1].id: events[1].article_id}
