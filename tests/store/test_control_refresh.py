"""Control refreshed incrementally from a per-process cache equals a rebuild from the store.

Every test keeps its own :class:`ControlCache` (one per simulated process) and compares what
the cached path stored with the reference: the whole series recomputed from every claim in
the store and written over everything from ``since`` on, as the refresh did before it kept a
cache. Runs on SQLite and on PostGIS.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
import shapely
from shapely.geometry import mapping

from dashboard.articles.model import Article
from dashboard.control import snapshot_to_geojson
from dashboard.control.timeline import snapshot_digest
from dashboard.events.model import Claim
from dashboard.exchange.areas import as_imported_areas, control_series
from dashboard.pipeline import ControlCache, refresh_control
from dashboard.store import ImportedControlArea, LogMark, Store, features_digest, open_store
from tests.control.conftest import FAST, SQUARES, claim

EVERYTHING = date(1900, 1, 1)
D = date(2017, 6, 1)


def store_article(
    store: Store, name: str, claims: Sequence[Claim], *, version: str = "1"
) -> tuple[str, date]:
    """Store claims as read from one article; returns the outcome and their earliest day."""
    text = f"Report {name}."
    article = Article(
        id=f"art-{name}",
        text=text,
        title=name,
        language="en",
        language_confidence=1.0,
        published=None,
        published_origin="none",
        published_confidence=0.0,
        source="test",
        url=None,
        path=None,
        format="text",
    )
    mine = [replace(c, id=f"{name}:{c.id}", article_id=article.id) for c in claims]
    outcome = store.replace_article(article, [], [], mine, pipeline_version=version)
    return outcome, min(c.valid_from for c in mine)


def refresh(store: Store, cache: ControlCache, since: date = EVERYTHING) -> int:
    return refresh_control(store, since=since, geography=SQUARES, rules=FAST, cache=cache)


def rebuilt(store: Store) -> list:
    """The whole series recomputed from every claim and imported area in the store."""
    imported = as_imported_areas(store.imported_areas())
    return control_series(store.claims_until(date.max), SQUARES, imported, FAST)


def naive_refresh(store: Store, since: date) -> int:
    """The reference: rebuild everything and replace every stored snapshot from ``since`` on."""
    fresh = [
        (s.date, snapshot_to_geojson(s)["features"]) for s in rebuilt(store) if s.date >= since
    ]
    return store.replace_control_snapshots(since, fresh)


def stored_series(store: Store) -> list[tuple[date, tuple[dict[str, Any], ...]]]:
    series = []
    for day in store.control_snapshot_days():
        snapshot = store.control_snapshot_on(day)
        assert snapshot is not None
        series.append((day, snapshot.features))
    return series


def cached_digests(cache: ControlCache) -> list[str]:
    (entry,) = cache.entries
    return [snapshot_digest(s) for s in entry.series.snapshots]


# Articles about the two squares: known places restated, a late capture, an early report
# that comes in late, a place never seen before, a partial claim about a governorate.
ARTICLES: dict[str, list[Claim]] = {
    "first": [
        claim("east-town", "iraqi_forces", D, lon=40.5, lat=34.0),
        claim("west-town", "isis", D, lon=39.5, lat=34.0),
        claim("border", "isis", D, lon=40.1, lat=33.9),
    ],
    "late": [
        claim("border", "iraqi_forces", date(2017, 9, 1), lon=40.1, lat=33.9),
        claim("west-town", "isis", date(2017, 8, 20), lon=39.5, lat=34.0, kind="contested"),
    ],
    "early": [
        claim("east-town", "isis", date(2017, 3, 1), lon=40.5, lat=34.0),
    ],
    "unseen": [
        claim("new-village", "syrian_government", date(2017, 7, 10), lon=39.3, lat=33.7),
    ],
    "region": [
        claim(
            "sy-gov",
            "isis",
            date(2017, 7, 1),
            lon=39.5,
            lat=34.0,
            kind="partial",
            precision="governorate",
            fraction=0.4,
        ),
    ],
}

ORDERS = [
    ("first", "late", "early", "unseen", "region"),
    ("region", "unseen", "early", "late", "first"),
    ("late", "first", "region", "early", "unseen"),
]


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(o[:2]) for o in ORDERS])
def test_each_new_article_refreshes_incrementally_to_the_rebuilt_series(
    new_store_url, order: tuple[str, ...]
) -> None:
    cache = ControlCache()
    with open_store(new_store_url()) as store, open_store(new_store_url()) as reference:
        for n, name in enumerate(order):
            for target in (store, reference):
                assert store_article(target, name, ARTICLES[name])[0] == "new"
            since = min(c.valid_from for c in ARTICLES[name])
            refresh(store, cache, since)
            naive_refresh(reference, EVERYTHING)  # a full rebuild, every day

            assert (cache.rebuilds, cache.increments) == (1, n)
            assert cached_digests(cache) == [snapshot_digest(s) for s in rebuilt(store)]
            assert stored_series(store) == stored_series(reference)
        assert len(stored_series(store)) >= 5


def test_a_claim_about_an_unseen_place_redraws_the_ground_before_its_day(store: Store) -> None:
    cache = ControlCache()
    store_article(store, "first", ARTICLES["first"])
    refresh(store, cache)
    before = dict(stored_series(store))
    store_article(store, "unseen", ARTICLES["unseen"])
    written = refresh(store, cache)

    after = dict(stored_series(store))
    assert cache.increments == 1
    # the new cell takes ground from its neighbours from the first day on, not from its own
    assert after[D] != before[D]
    assert 1 <= written <= len(after)
    assert cached_digests(cache) == [snapshot_digest(s) for s in rebuilt(store)]


def test_only_changed_snapshots_are_written(store: Store) -> None:
    cache = ControlCache()
    store_article(store, "first", ARTICLES["first"])
    store_article(store, "early", ARTICLES["early"])
    assert refresh(store, cache) == len(store.control_snapshot_days())
    before = store.control_snapshot_digests()
    log = store.log_mark()

    store_article(store, "late", ARTICLES["late"])
    written = refresh(store, cache)
    after = store.control_snapshot_digests()

    changed = {day for day, digest in after.items() if before.get(day) != digest}
    assert written == len(changed) >= 1
    assert min(changed) >= date(2017, 8, 20)
    assert len(after) > written
    rewritten = {
        e.row_id
        for e in store.change_log(since=log.seq)
        if e.table == "control_snapshots" and e.action in ("insert", "update")
    }
    assert rewritten == {day.isoformat() for day in changed}
    assert refresh(store, cache) == 0  # nothing new: nothing written
    assert naive_refresh(store, EVERYTHING) == len(after)
    assert store.control_snapshot_digests() == after  # the reference writes the same rows


def test_a_changed_article_falls_back_to_a_rebuild(store: Store) -> None:
    cache = ControlCache()
    store_article(store, "first", ARTICLES["first"])
    store_article(store, "late", ARTICLES["late"])
    refresh(store, cache)
    changed = [replace(c, side="sdf") for c in ARTICLES["late"]]
    assert store_article(store, "late", changed, version="2")[0] == "updated"
    refresh(store, cache)

    assert (cache.rebuilds, cache.increments) == (2, 0)
    assert cached_digests(cache) == [snapshot_digest(s) for s in rebuilt(store)]
    assert refresh(store, ControlCache()) == 0  # what a fresh process computes is stored


def test_a_reviewed_claim_falls_back_to_a_rebuild(store: Store) -> None:
    cache = ControlCache()
    store_article(store, "first", ARTICLES["first"])
    store_article(store, "late", ARTICLES["late"])
    refresh(store, cache)
    (capture,) = [
        c
        for c in store.claims_until(date.max)
        if c.side == "iraqi_forces" and c.place_id == "border"
    ]
    store.set_claim_status(capture.id, "rejected", "reviewer")
    refresh(store, cache)

    assert cache.rebuilds == 2
    assert capture.id not in cache.entries[0].series.before.claims
    assert refresh(store, ControlCache()) == 0


def test_an_imported_area_rebuilds_then_claims_add_incrementally(store: Store) -> None:
    cache = ControlCache()
    store_article(store, "first", ARTICLES["first"])
    refresh(store, cache)
    area = shapely.box(40.3, 33.6, 40.9, 34.2)
    record = ImportedControlArea("area-1", "isis", date(2017, 5, 1), mapping(area), "map.geojson")
    assert store.save_imported_area(record) == "new"
    refresh(store, cache, date(2017, 5, 1))
    assert (cache.rebuilds, cache.increments) == (2, 0)
    assert date(2017, 5, 1) in store.control_snapshot_days()

    for name in ("late", "early", "unseen"):
        since = store_article(store, name, ARTICLES[name])[1]
        refresh(store, cache, since)
        assert cached_digests(cache) == [snapshot_digest(s) for s in rebuilt(store)]
        assert refresh(store, ControlCache(), since) == 0  # a rebuild finds nothing to write
    assert (cache.rebuilds, cache.increments) == (2, 3)


def test_two_handles_on_one_store_stay_consistent(store_url: str) -> None:
    """Two handles with a cache each, as two processes would have: each one's refresh sees
    what the other ingested, and both store what a rebuild gives."""
    writer_cache, reader_cache = ControlCache(), ControlCache()
    with open_store(store_url) as writer, open_store(store_url) as reader:
        assert writer.identity == reader.identity
        store_article(writer, "first", ARTICLES["first"])
        refresh(reader, reader_cache)
        refresh(writer, writer_cache)
        for name in ("late", "unseen", "region"):
            store_article(writer, name, ARTICLES[name])
            refresh(reader, reader_cache)
            assert refresh(writer, writer_cache) == 0  # the reader already stored it all
            for cache in (reader_cache, writer_cache):
                assert cached_digests(cache) == [snapshot_digest(s) for s in rebuilt(reader)]
            assert refresh(reader, ControlCache()) == 0
        assert (reader_cache.rebuilds, reader_cache.increments) == (1, 3)
        assert (writer_cache.rebuilds, writer_cache.increments) == (1, 3)


def test_a_cache_does_not_follow_a_store_replaced_at_the_same_place(tmp_path) -> None:
    cache = ControlCache()
    path = tmp_path / "store.db"
    with open_store(f"sqlite:///{path}") as store:
        store_article(store, "first", ARTICLES["first"])
        refresh(store, cache)
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"store.db{suffix}").unlink(missing_ok=True)
    with open_store(f"sqlite:///{path}") as store:
        store_article(store, "late", ARTICLES["late"])  # the same log position as before
        refresh(store, cache)
        assert cache.rebuilds == 2
        assert set(cache.entries[0].series.before.claims) == {
            c.id for c in store.claims_until(date.max)
        }


def test_log_marks_tell_what_changed(store: Store) -> None:
    empty = store.log_mark()
    assert empty == LogMark(0, 0, None) == store.log_mark(0)
    store_article(store, "first", ARTICLES["first"])
    store_article(store, "late", ARTICLES["late"])
    head = store.log_mark()
    assert head.count == 2 and head.seq >= 2 and head.at is not None
    assert store.log_mark(head.seq) == head
    first = store.change_log()[0]
    assert store.log_mark(first.seq) == LogMark(first.seq, 1, first.at)
    store_article(store, "early", ARTICLES["early"])
    assert store.log_mark(head.seq) == head != store.log_mark()


def test_claims_of_articles_are_those_articles_visible_claims(store: Store) -> None:
    store_article(store, "first", ARTICLES["first"])
    store_article(store, "late", ARTICLES["late"])
    everything = store.claims_until(date.max)
    late = [c for c in everything if c.article_id == "art-late"]
    assert store.claims_of_articles(["art-late"]) == late
    assert store.claims_of_articles(["art-late", "art-first", "art-late"]) == everything
    store.set_claim_status(late[0].id, "rejected", "reviewer")
    assert store.claims_of_articles(["art-late"]) == late[1:]
    assert store.claims_of_articles([]) == store.claims_of_articles(["art-none"]) == []


def test_sync_writes_only_days_whose_digest_differs(store: Store) -> None:
    def features(side: str) -> list[dict[str, Any]]:
        return [
            {
                "type": "Feature",
                "geometry": mapping(shapely.box(40, 33, 41, 34)),
                "properties": {"side": side, "kind": "area"},
            }
        ]

    calls: list[str] = []

    def make(side: str):
        def produce() -> list[dict[str, Any]]:
            calls.append(side)
            return features(side)

        return produce

    days = [date(2017, 1, d) for d in (1, 2, 3)]
    first = [
        (day, features_digest(features(side)), make(side))
        for day, side in zip(days, ("isis", "sdf", "isis"), strict=True)
    ]
    assert store.sync_control_snapshots(days[0], first) == 3
    assert list(store.control_snapshot_digests().values()) == [d for _, d, _ in first]
    calls.clear()

    second = [first[0], (days[1], features_digest(features("peshmerga")), make("peshmerga"))]
    assert store.sync_control_snapshots(days[0], second) == 1
    assert calls == ["peshmerga"]
    assert store.control_snapshot_days() == days[:2]
    on = store.control_snapshot_on(days[1])
    assert on is not None and on.features[0]["properties"]["side"] == "peshmerga"
    assert [e.action for e in store.change_log() if e.table == "control_snapshots"][-2:] == [
        "delete",
        "update",
    ]
    with pytest.raises(ValueError, match="dated before"):
        store.sync_control_snapshots(days[1], second)


def test_every_order_of_three_articles_gives_one_series(store: Store, new_store_url) -> None:
    """However the articles arrive, the cached series ends where a rebuild does."""
    names = ("early", "unseen", "region")
    results = set()
    for order in itertools.permutations(names):
        cache = ControlCache()
        with open_store(new_store_url()) as target:
            store_article(target, "first", ARTICLES["first"])
            refresh(target, cache)
            for name in order:
                store_article(target, name, ARTICLES[name])
                refresh(target, cache)
            assert cache.increments == 3
            results.add(tuple(cached_digests(cache)))
    store_article(store, "first", ARTICLES["first"])
    for name in names:
        store_article(store, name, ARTICLES[name])
    assert results == {tuple(snapshot_digest(s) for s in rebuilt(store))}


def test_stored_geometry_json_is_unchanged_by_the_fast_encoder() -> None:
    from types import MappingProxyType

    from dashboard.store.sqlstore import _dumps, _dumps_plain, _plain

    polygon = mapping(shapely.box(40, 33, 41, 34).difference(shapely.box(40.2, 33.2, 40.4, 33.4)))
    nested = {"type": "GeometryCollection", "geometries": (MappingProxyType(polygon),)}
    for value in (polygon, nested):
        assert _dumps_plain(value) == _dumps(_plain(value))


def test_a_cache_of_size_zero_keeps_nothing_and_still_refreshes_right(new_store_url) -> None:
    """Workers short of memory rebuild from the store every time, to the same series."""
    cache = ControlCache(size=0)
    with open_store(new_store_url()) as store, open_store(new_store_url()) as reference:
        for name in ("first", "late"):
            for target in (store, reference):
                store_article(target, name, ARTICLES[name])
            since = min(c.valid_from for c in ARTICLES[name])
            refresh(store, cache, since)
            naive_refresh(reference, EVERYTHING)  # a full rebuild, every day
            assert cache.entries == []
            assert stored_series(store) == stored_series(reference)
        assert (cache.rebuilds, cache.increments) == (2, 0)
