"""Control snapshots kept as spans: what a refresh writes, what a day reads back, and stores
written before spans existed. Runs on SQLite and on PostGIS (the planner tests are pure)."""

from __future__ import annotations

import copy
import json
import pickle
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
import shapely
from plotly.io.json import to_json_plotly
from shapely.geometry import mapping

from dashboard.control import snapshot_to_geojson
from dashboard.control.timeline import snapshot_digest
from dashboard.pipeline import ControlCache
from dashboard.store import Store, features_digest, open_store
from dashboard.store.schema import load_migrations
from dashboard.store.spans import (
    OPEN_END,
    ControlSpan,
    day_digests,
    plan_spans,
    spans_of_days,
)
from tests.control.conftest import claim
from tests.store.test_control_refresh import (
    ARTICLES,
    EVERYTHING,
    D,
    rebuilt,
    refresh,
    store_article,
    stored_series,
)


def span(first: int, end: int, ord_: int, digest: str) -> ControlSpan:
    return ControlSpan(first, end, ord_, digest, lambda: (None, "area", "{}", "{}"))


# -- the planner --------------------------------------------------------------------------------


def test_spans_of_days_join_a_feature_over_consecutive_days() -> None:
    row = lambda: (None, "area", "{}", "{}")  # noqa: E731
    days = [[(0, "a", row), (1, "b", row)], [(0, "a", row)], [(0, "a", row), (1, "b", row)]]
    found = sorted((s.first, s.end, s.ord, s.digest) for s in spans_of_days(days))
    assert found == [(0, 1, 1, "b"), (0, 3, 0, "a"), (2, 3, 1, "b")]
    with pytest.raises(ValueError, match="share position 0"):
        spans_of_days([[(0, "a", row), (0, "b", row)]])


def test_a_day_digest_is_the_digest_of_its_features_in_order() -> None:
    features = [
        {"geometry": mapping(shapely.box(0, 0, 1, 1)), "properties": {"kind": "area"}},
        {"geometry": mapping(shapely.Point(0, 0)), "properties": {"kind": "place"}},
    ]
    from dashboard.store import prepare_features

    prepared = prepare_features(features)
    spans = spans_of_days([prepared.entries()])
    assert day_digests(1, spans, [0]) == {0: (features_digest(features), 2)}
    swapped = spans_of_days([[(0, prepared.digests[1], None), (1, prepared.digests[0], None)]])
    assert day_digests(1, swapped, [0])[0][0] != features_digest(features)


def test_the_plan_keeps_matching_spans_and_cuts_those_reaching_back() -> None:
    days = [100, 110, 120]
    stored = [
        (1, 50, OPEN_END, 0, "keep"),  # reaches back before 100 and on to the end: kept
        (2, 50, OPEN_END, 1, "old"),  # reaches back, replaced from 100: cut to end at 100
        (3, 110, OPEN_END, 2, "gone"),  # only after 100 and not wanted: deleted
        (4, 110, 120, 3, "short"),  # wanted longer: its end moves
        (5, 110, OPEN_END, 9, "moved"),  # the same feature at another position
    ]
    wanted = [
        span(0, 3, 0, "keep"),
        span(0, 3, 1, "new"),
        span(1, 3, 3, "short"),
        span(1, 3, 4, "moved"),
    ]
    plan = plan_spans(100, days, stored, wanted)
    assert plan.kept == 1
    assert [(s.ord, s.digest) for s in plan.inserts] == [(1, "new")]
    assert sorted(plan.ends) == [(100, 2), (OPEN_END, 4)]
    assert plan.deletes == [3]
    assert plan.ords == [(4, 5)]
    assert plan.changed == {0, 1, 2}
    rewrite = plan_spans(100, days, stored, wanted, rewrite=True)
    assert rewrite.kept == 0 and len(rewrite.inserts) == 4
    assert sorted(rewrite.ends) == [(100, 1), (100, 2)] and sorted(rewrite.deletes) == [3, 4, 5]


def test_a_span_reaching_back_keeps_its_position_before_the_start() -> None:
    plan = plan_spans(100, [100], [(1, 50, OPEN_END, 7, "x")], [span(0, 1, 3, "x")])
    # moving it would reorder the days before 100: it is cut, and a new one starts at 100
    assert plan.ords == [] and plan.ends == [(100, 1)]
    assert [(s.first, s.ord) for s in plan.inserts] == [(0, 3)]


# -- refreshing and reading --------------------------------------------------------------------


def span_ids(store: Store, kind: str | None = None) -> set[int]:
    rows = store._read(  # type: ignore[attr-defined]
        "SELECT id, kind FROM control_spans"
    )
    return {int(id_) for id_, k in rows if kind is None or k == kind}


def as_read(features: list[dict[str, Any]]) -> str:
    """Features as the store has always handed them back (side and kind first, tuples as
    lists), as JSON text: what ``conflictmap control`` prints."""
    read = []
    for feature in features:
        properties = dict(feature["properties"])
        side = properties.pop("side", None)
        kind = properties.pop("kind", "area")
        read.append(
            {
                "type": "Feature",
                "geometry": json.loads(json.dumps(feature["geometry"], default=list)),
                "properties": {"side": side, "kind": kind, **properties},
            }
        )
    return json.dumps(read)


def reads_as(store: Store, features: Any, expected: list[dict[str, Any]]) -> bool:
    """Exactly the same text on SQLite; the same values on PostGIS, whose jsonb orders the
    keys of properties its own way (as it always has)."""
    text = json.dumps(list(features))
    if store.backend == "sqlite":
        return text == as_read(expected)
    return json.loads(text) == json.loads(as_read(expected))


def test_every_stored_day_reads_as_the_rebuilt_snapshot(store: Store) -> None:
    """What ``conflictmap control --date D`` prints for every change point is exactly the
    GeoJSON of the same snapshot computed from scratch, after each incremental refresh."""
    cache = ControlCache()
    for name in ("first", "early", "late", "unseen", "region"):
        since = store_article(store, name, ARTICLES[name])[1]
        refresh(store, cache, since)
        expected = {s.date: snapshot_to_geojson(s)["features"] for s in rebuilt(store)}
        stored = dict(stored_series(store))
        assert stored.keys() == expected.keys()
        for day, features in stored.items():
            # the features as printed: JSON text equal to the rebuilt snapshot's
            assert reads_as(store, features, expected[day])
    assert cache.increments == 4


def test_a_late_capture_writes_a_few_spans_not_every_place_of_every_day(store: Store) -> None:
    towns = [
        claim(f"town-{i}", "iraqi_forces" if i % 2 else "isis", D, lon=40.05 + 0.09 * i)
        for i in range(10)
    ]
    restated = [replace(c, valid_from=date(2017, 6, 20 + i % 5)) for i, c in enumerate(towns)]
    cache = ControlCache()
    store_article(store, "towns", towns)
    store_article(store, "restated", restated)
    refresh(store, cache)
    before, places_before = span_ids(store), span_ids(store, "place")
    capture = [claim("town-3", "isis", date(2017, 6, 10), lon=40.05 + 0.27)]
    store_article(store, "capture", capture)
    written = refresh(store, cache, date(2017, 6, 10))
    later = [d for d in store.control_snapshot_days() if d >= date(2017, 6, 10)]
    shown = [f for d in later for f in store.control_snapshot_on(d).features]
    places_shown = sum(f["properties"]["kind"] == "place" for f in shown)
    new = span_ids(store) - before
    new_places = span_ids(store, "place") - places_before
    # every later day changes, but of the places only the captured town is written again
    assert written >= 3 and places_shown >= 20
    assert 1 <= len(new_places) <= 2
    assert len(new) < len(shown) / 2
    assert cached_equal_to_rebuilt(store, cache)


def cached_equal_to_rebuilt(store: Store, cache: ControlCache) -> bool:
    (entry,) = cache.entries
    return [snapshot_digest(s) for s in entry.series.snapshots] == [
        snapshot_digest(s) for s in rebuilt(store)
    ]


def test_a_read_feature_is_shared_read_only_and_a_copy_can_be_changed(store: Store) -> None:
    cache = ControlCache()
    store_article(store, "first", ARTICLES["first"])
    refresh(store, cache)
    first = store.control_snapshot_on(D)
    assert first is not None and first.features
    feature = first.features[0]
    for change in (
        lambda: feature["properties"].__setitem__("side", "changed by a caller"),
        lambda: feature["properties"].update(side="changed by a caller"),
        lambda: feature.pop("geometry"),
        lambda: feature.__delitem__("properties"),
    ):
        with pytest.raises(TypeError, match="copy it to change it"):
            change()
    mine = {**feature, "properties": dict(feature["properties"])}
    mine["properties"]["side"] = "changed by a caller"
    plain = copy.deepcopy(feature)
    plain["properties"]["side"] = "changed too"
    again = store.control_snapshot_on(D)
    assert again is not None and again.features[0]["properties"]["side"] == feature["properties"][
        "side"
    ] not in ("changed by a caller", "changed too")
    # still plain JSON objects to every encoder, and plain dicts once pickled
    assert json.loads(json.dumps(feature)) == json.loads(to_json_plotly(feature))
    assert type(pickle.loads(pickle.dumps(feature))) is dict


def test_a_read_sees_what_another_handle_wrote_since(store_url: str) -> None:
    with open_store(store_url) as writer, open_store(store_url) as reader:
        cache = ControlCache()
        store_article(writer, "first", ARTICLES["first"])
        refresh(writer, cache)
        day = date(2017, 9, 2)
        seen = reader.control_snapshot_on(day)
        store_article(writer, "late", ARTICLES["late"])
        refresh(writer, cache, date(2017, 8, 20))
        now = reader.control_snapshot_on(day)
        assert now is not None and seen is not None and now.features != seen.features
        assert now.features == writer.control_snapshot_on(day).features


# -- stores written before spans --------------------------------------------------------------


def old_features(side: str) -> list[dict[str, Any]]:
    return [
        {"geometry": mapping(shapely.box(40, 33, 41, 34)), "properties": {"kind": "area"}},
        {"geometry": mapping(shapely.Point(40.5, 34.0)), "properties": {"kind": "place"}},
    ]


def test_a_store_from_before_spans_keeps_its_articles_and_snapshots(store_url: str) -> None:
    """A store at schema version 2 (snapshots as rows per day) opens with its articles and
    claims intact, reads its snapshots as before, and the next refresh brings them to what
    a rebuild gives."""
    old = open_store(store_url, migrate=False)
    try:
        old._migrations = lambda: load_migrations(old.backend)[:2]  # type: ignore[method-assign]
        assert old.migrate() == 2
        store_article(old, "first", ARTICLES["first"])
        store_article(old, "late", ARTICLES["late"])
        days = [(17000, "isis"), (17100, "sdf")]

        def write(tx: Any) -> None:
            for number, side in days:
                tx.execute(
                    "INSERT INTO control_snapshots (day, created_at, metadata) VALUES (?, ?, ?)",
                    (number, "2020-01-01T00:00:00+00:00", json.dumps({"digest": "x"})),
                )
                for ord_, feature in enumerate(old_features(side)):
                    tx.execute(
                        "INSERT INTO control_features (day, ord, side, kind, geometry, "
                        "properties) VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            number,
                            ord_,
                            side,
                            feature["properties"]["kind"],
                            json.dumps(feature["geometry"]),
                            json.dumps({"n": ord_}),
                        ),
                    )

        old._transact(write)  # type: ignore[attr-defined]
        claims = old.claims_until(date.max)
    finally:
        old.close()

    with open_store(store_url) as store:
        assert store.schema_version() == load_migrations(store.backend)[-1].version
        assert [a.id for a in store.articles()] and store.claims_until(date.max) == claims
        first = store.control_snapshot_on(date(2016, 7, 1))  # day 17000 is 2016-07-18
        assert first is None
        on = store.control_snapshot_on(date(2016, 8, 1))
        assert on is not None and on.date == date(2016, 7, 18) and on.metadata == {}
        assert [f["properties"] for f in on.features] == [
            {"side": "isis", "kind": "area", "n": 0},
            {"side": "isis", "kind": "place", "n": 1},
        ]
        later = store.control_snapshot_on(date(2017, 1, 1))
        assert later is not None and later.features[0]["properties"]["side"] == "sdf"
        assert set(store.control_snapshot_digests().values()) == {None}

        cache = ControlCache()
        refresh(store, cache, EVERYTHING)
        expected = {s.date: snapshot_to_geojson(s)["features"] for s in rebuilt(store)}
        stored = dict(stored_series(store))
        assert stored.keys() == expected.keys()
        assert all(reads_as(store, f, expected[d]) for d, f in stored.items())
        assert None not in store.control_snapshot_digests().values()
        assert refresh(store, ControlCache(), EVERYTHING) == 0


def test_a_fresh_process_converts_only_days_made_from_other_inputs(
    store: Store, monkeypatch
) -> None:
    """A process with an empty cache (a command-line ingest) trusts the stored areas of every
    day whose inputs have the stored fingerprint, and still stores what a rebuild gives."""
    import dashboard.control.stored as stored_module

    converted: list[date] = []
    real = stored_module.owner_parts

    def counting(snapshot: Any, name: str) -> Any:
        converted.append(snapshot.date)
        return real(snapshot, name)

    monkeypatch.setattr(stored_module, "owner_parts", counting)
    for name in ("first", "early", "region"):
        store_article(store, name, ARTICLES[name])
    refresh(store, ControlCache())
    days = store.control_snapshot_days()
    assert len(days) >= 4 and converted

    converted.clear()
    assert refresh(store, ControlCache()) == 0
    assert converted == []  # every day's areas were made from the same inputs

    store_article(store, "late", ARTICLES["late"])
    written = refresh(store, ControlCache(), date(2017, 8, 20))
    assert written >= 1
    assert set(converted) and len(set(converted)) < len(store.control_snapshot_days())
    assert all(day >= date(2017, 8, 20) for day in converted)
    expected = {s.date: snapshot_to_geojson(s)["features"] for s in rebuilt(store)}
    stored = dict(stored_series(store))
    assert stored.keys() == expected.keys()
    assert all(reads_as(store, f, expected[d]) for d, f in stored.items())


def test_stepping_through_days_reads_what_a_fresh_handle_reads(store_url: str) -> None:
    """A handle assembles a day from the last one it read; forwards, backwards, far away and
    after another handle rewrote the series, it reads what a new handle reads."""
    cache = ControlCache()
    with open_store(store_url) as writer, open_store(store_url) as reader:
        for name in ("first", "early", "late", "unseen"):
            store_article(writer, name, ARTICLES[name])
        refresh(writer, cache)

        def check(days: list[date]) -> None:
            for day in days:
                with open_store(store_url) as fresh:
                    expected = fresh.control_snapshot_on(day)
                found = reader.control_snapshot_on(day)
                assert found is not None and expected is not None
                assert (found.date, found.features) == (expected.date, expected.features)

        days = writer.control_snapshot_days()
        assert len(days) >= 5
        check([*days, *days[::-1], *days[::3], days[0], days[-1], date(2017, 8, 30)])
        store_article(writer, "region", ARTICLES["region"])
        refresh(writer, cache)
        check([days[2], *writer.control_snapshot_days()])


def test_a_read_leaves_the_cycle_collector_as_it_found_it(store: Store) -> None:
    """Reading a day pauses the collector and moves what it decoded to the oldest generation;
    the collector's switch and objects a server froze before forking stay as they were."""
    import gc

    store_article(store, "first", ARTICLES["first"])
    refresh(store, ControlCache())
    day = store.control_snapshot_days()[-1]
    was = gc.isenabled()
    try:
        for enabled in (True, False):
            gc.enable() if enabled else gc.disable()
            assert store.control_snapshot_on(day) is not None
            assert gc.isenabled() is enabled
        gc.enable()
        store._decoded = store._last_day = None  # decode again
        gc.freeze()
        frozen = gc.get_freeze_count()
        assert store.control_snapshot_on(day) is not None
        assert 0 < gc.get_freeze_count() <= frozen  # not unfrozen, nothing new frozen
    finally:
        gc.unfreeze()
        gc.enable() if was else gc.disable()


def test_decoded_spans_are_bounded_by_the_text_they_came_from() -> None:
    """Large areas are new at every step; the cache keeps the most recently used ones that
    fit the text budget, and always the one just read."""
    from dashboard.store.sqlstore import DecodedSpans

    def span(name: str) -> tuple:
        return (None, {}, name, {"name": name})

    decoded = DecodedSpans(limit=100, text_limit=1_000)
    for n in range(5):
        decoded.put(f"d{n}", span(f"d{n}"), 400)
    assert len(decoded) == 2 and decoded.text == 800
    assert decoded.lookup(["d0", "d3", "d4"]) == [None, span("d3"), span("d4")]
    decoded.get("d3")  # used last: d4 is the older now
    decoded.put("d5", span("d5"), 400)
    assert decoded.lookup(["d3", "d4", "d5"]) == [span("d3"), None, span("d5")]
    decoded.put("big", span("big"), 5_000)  # over the budget alone, but just read: kept
    assert len(decoded) == 1 and decoded.get("big") == span("big") and decoded.text == 5_000
    decoded.put("big", span("big"), 300)  # the same span again is counted once
    assert decoded.text == 300


def test_a_store_read_counts_the_text_of_what_it_decoded(store: Store) -> None:
    store_article(store, "first", ARTICLES["first"])
    refresh(store, ControlCache())
    store._decoded = store._last_day = None
    snapshot = store.control_snapshot_on(store.control_snapshot_days()[-1])
    assert snapshot is not None and snapshot.features
    text = sum(len(json.dumps(dict(f["geometry"]))) for f in snapshot.features)
    assert store._decoded.text >= text * 0.8  # geometry text at least, on both backends
