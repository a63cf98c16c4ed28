"""The store's behaviour, specified once and checked on SQLite and on PostGIS alike."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from factories import FIRST_DAY, PLACES, full_event, make_bundle, mention
from shapely.geometry import Polygon

from dashboard.events.model import ActorMention, Claim, Event, stable_id
from dashboard.store import (
    RecordNotFound,
    SchemaTooNew,
    Store,
    StoreConflict,
    open_store,
)
from dashboard.store.schema import load_migrations

WORKER = Path(__file__).with_name("ingest_worker.py")
ROOT = Path(__file__).resolve().parents[2]
EVERYTHING = (date(2000, 1, 1), date(2030, 1, 1))
ALL_STATUSES = ("automatic", "confirmed", "rejected")


def ingest(store: Store, i: int, **kwargs) -> str:
    version = kwargs.pop("pipeline_version", None)
    b = make_bundle(i, **kwargs)
    return store.replace_article(
        b.article, b.mentions, b.events, b.claims, pipeline_version=version
    )


def table_counts(store: Store) -> dict[str, int]:
    return store.stats()["counts"]


# -- migrations -------------------------------------------------------------------------------


def test_new_store_is_migrated_to_the_latest_version(store: Store) -> None:
    assert store.schema_version() == load_migrations(store.backend)[-1].version
    assert table_counts(store)["events"] == 0


def test_reopening_applies_no_migration_twice(store_url: str) -> None:
    with open_store(store_url) as first:
        version = first.schema_version()
        assert first.migrate() == version
    with open_store(store_url) as again:
        assert again.schema_version() == version
        rows = again._read("SELECT COUNT(*), MAX(version) FROM schema_version")  # type: ignore[attr-defined]
        assert tuple(rows[0]) == (version, version)


def test_store_written_by_newer_code_is_refused(store_url: str) -> None:
    with open_store(store_url) as store:
        store._transact(  # type: ignore[attr-defined]
            lambda tx: tx.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (999, "from_the_future", "2030-01-01T00:00:00+00:00"),
            )
        )
    with pytest.raises(SchemaTooNew, match=r"schema version 999.*upgrade conflictmap"):
        open_store(store_url)


# -- ingest -----------------------------------------------------------------------------------


def test_every_field_survives_a_round_trip(store: Store) -> None:
    b = make_bundle(7, events=4, claims=3)
    event = full_event(b.article.id)
    assert store.replace_article(b.article, b.mentions, (*b.events, event), b.claims) == "new"

    assert store.article(b.article.id) == b.article
    assert store.place_mentions(b.article.id) == list(b.mentions)
    assert store.event(event.id) == event
    assert store.events_of_article(b.article.id) == sorted(
        (*b.events, event), key=lambda e: (e.sentence_start, e.id)
    )
    stored_claims = store.claims_between(*EVERYTHING)
    assert stored_claims == sorted(b.claims, key=lambda c: (c.valid_from, c.id))
    assert [c.extra for c in stored_claims] == [
        c.extra for c in sorted(b.claims, key=lambda c: (c.valid_from, c.id))
    ]
    summary = store.articles()[0]
    assert (summary.id, summary.title, summary.published) == (
        b.article.id,
        b.article.title,
        b.article.published,
    )


def test_event_without_date_or_place_is_stored_but_not_mapped(store: Store) -> None:
    b = make_bundle(1, events=1, claims=0)
    floating = replace(b.events[0], id="floating", date=None, places=(), actors=())
    store.replace_article(b.article, b.mentions, (*b.events, floating), ())
    assert store.event("floating") == floating
    assert "floating" not in [e.id for e in store.events_between(*EVERYTHING)]


def test_same_content_and_version_is_unchanged_and_writes_nothing(store: Store) -> None:
    assert ingest(store, 3) == "new"
    before = (table_counts(store), store.change_log(), store.articles())
    assert ingest(store, 3) == "unchanged"
    assert (table_counts(store), store.change_log(), store.articles()) == before


def test_newer_pipeline_version_replaces_derived_rows(store: Store) -> None:
    assert ingest(store, 5, events=4, pipeline_version="0.1.0") == "new"
    old_ids = {e.id for e in store.events_of_article(make_bundle(5).article.id)}
    assert ingest(store, 5, events=2, claims=1, variant=1, pipeline_version="0.10.0") == "updated"

    fresh = make_bundle(5, events=2, claims=1, variant=1)
    stored = store.events_of_article(fresh.article.id)
    assert {e.id for e in stored} == {e.id for e in fresh.events}
    assert not old_ids & {e.id for e in stored}
    assert [c.id for c in store.claims_between(*EVERYTHING)] == [fresh.claims[0].id]
    assert table_counts(store)["articles"] == 1
    assert store.articles()[0].pipeline_version == "0.10.0"
    last = store.change_log()[-1]
    assert (last.action, last.detail["previous_version"]) == ("update", "0.1.0")


def test_older_pipeline_never_overwrites_newer_output(store: Store) -> None:
    ingest(store, 5, pipeline_version="2.0")
    assert ingest(store, 5, variant=1, pipeline_version="1.9") == "unchanged"
    assert store.articles()[0].pipeline_version == "2.0"


def test_reviewed_status_survives_a_pipeline_upgrade(store: Store) -> None:
    ingest(store, 2, pipeline_version="1")
    b = make_bundle(2)
    store.set_event_status(b.events[0].id, "rejected", actor="web")
    ingest(store, 2, pipeline_version="2")
    assert store.event(b.events[0].id).status == "rejected"
    assert store.event(b.events[1].id).status == "automatic"


def test_failed_article_leaves_no_trace(store: Store) -> None:
    ingest(store, 1)
    taken = make_bundle(1).events[0].id
    b = make_bundle(2)
    clash = replace(b.events[0], id=taken)
    before = table_counts(store)
    with pytest.raises(StoreConflict, match=b.article.id):
        store.replace_article(b.article, b.mentions, (clash, *b.events[1:]), b.claims)
    assert table_counts(store) == before
    assert store.article(b.article.id) is None


def test_rows_of_another_article_are_refused(store: Store) -> None:
    b = make_bundle(1)
    stray = replace(b.events[0], article_id="somewhere-else")
    with pytest.raises(ValueError, match="somewhere-else"):
        store.replace_article(b.article, b.mentions, (stray,), ())


# -- status and log ---------------------------------------------------------------------------


def test_status_change_is_logged_with_who_made_it(store: Store) -> None:
    ingest(store, 4)
    event_id = make_bundle(4).events[0].id
    store.set_event_status(event_id, "confirmed", actor="web")
    store.set_event_status(event_id, "confirmed", actor="web")  # no-op, not logged twice
    entries = [e for e in store.change_log() if e.action == "status"]
    assert [(e.actor, e.table, e.row_id, e.detail) for e in entries] == [
        ("web", "events", event_id, {"from": "automatic", "to": "confirmed"})
    ]
    assert store.event(event_id).status == "confirmed"


def test_rejected_events_are_hidden_by_default(store: Store) -> None:
    ingest(store, 4)
    event_id = make_bundle(4).events[0].id
    store.set_event_status(event_id, "rejected", actor="web")
    assert event_id not in {e.id for e in store.events_between(*EVERYTHING)}
    assert event_id in {e.id for e in store.events_between(*EVERYTHING, statuses=ALL_STATUSES)}


def test_claim_status_change_is_logged(store: Store) -> None:
    ingest(store, 4)
    claim_id = make_bundle(4).claims[0].id
    store.set_claim_status(claim_id, "rejected", actor="alice")
    assert claim_id not in {c.id for c in store.claims_between(*EVERYTHING)}
    assert store.change_log()[-1].row_id == claim_id


def test_unknown_id_or_status_is_refused(store: Store) -> None:
    with pytest.raises(RecordNotFound, match="nope"):
        store.set_event_status("nope", "confirmed", actor="web")
    ingest(store, 1)
    with pytest.raises(ValueError, match="status must be one of"):
        store.set_event_status(make_bundle(1).events[0].id, "maybe", actor="web")


def test_change_log_is_append_only(store: Store) -> None:
    ingest(store, 1)
    entries = store.change_log()
    assert [(e.actor, e.table, e.action) for e in entries] == [("cli", "articles", "insert")]
    for sql in ("UPDATE change_log SET actor = 'mallory'", "DELETE FROM change_log"):
        with pytest.raises(Exception, match="append-only"):
            store._transact(lambda tx, sql=sql: tx.execute(sql))  # type: ignore[attr-defined]
    assert store.change_log() == entries


# -- queries ----------------------------------------------------------------------------------


def test_events_between_filters_by_side_type_and_confidence(store: Store) -> None:
    for i in range(12):
        ingest(store, i, events=6)
    everything = store.events_between(*EVERYTHING)
    assert len(everything) == 72
    sdf = store.events_between(*EVERYTHING, sides=["sdf"])
    assert sdf and all("sdf" in {a.side for a in e.actors} for e in sdf)
    assert len(sdf) == sum("sdf" in {a.side for a in e.actors} for e in everything)
    captures = store.events_between(*EVERYTHING, types=["capture"], min_confidence=0.6)
    assert captures == [e for e in everything if e.type == "capture" and e.confidence >= 0.6]
    assert store.events_between(*EVERYTHING, sides=[]) == []


def test_event_rows_hold_the_same_selection_as_events(store: Store) -> None:
    for i in range(6):
        ingest(store, i, events=5)
    bbox = (38.0, 32.0, 45.0, 37.0)
    events = store.events_between(FIRST_DAY, FIRST_DAY + timedelta(days=3), bbox)
    rows = store.event_rows(FIRST_DAY, FIRST_DAY + timedelta(days=3), bbox)
    assert rows["id"] == [e.id for e in events]
    assert rows["date"].dtype == np.dtype("datetime64[D]")
    assert list(rows["date"].astype(object)) == [e.date for e in events]
    assert np.allclose(rows["lon"], [e.places[0].lon for e in events])
    assert rows["sides"] == [",".join(sorted({a.side for a in e.actors})) for e in events]
    assert np.isnan(rows["fatalities"]).sum() == sum(e.fatalities is None for e in events)
    empty = store.event_rows(date(2001, 1, 1), date(2001, 1, 2))
    assert empty["id"] == [] and empty["lon"].shape == (0,)


def test_counts_by_day_count_each_side_of_an_event(store: Store) -> None:
    for i in range(8):
        ingest(store, i, events=3)
    events = store.events_between(*EVERYTHING)
    by_type = Counter((e.date, e.type) for e in events)
    by_side = Counter(
        (e.date, a.side) for e in events for a in {a.side: a for a in e.actors}.values()
    )
    got_type = store.counts_by_day(*EVERYTHING, by="type")
    got_side = store.counts_by_day(*EVERYTHING, by="side")
    assert {(c.day, c.key): c.count for c in got_type} == by_type
    assert {(c.day, c.key): c.count for c in got_side} == by_side
    assert [c.day for c in got_type] == sorted(c.day for c in got_type)


def test_claims_until_a_day_include_every_earlier_claim(store: Store) -> None:
    for i in range(10):
        ingest(store, i, claims=3)
    everything = store.claims_between(*EVERYTHING)
    day = FIRST_DAY + timedelta(days=4)
    assert store.claims_until(day) == [c for c in everything if c.valid_from <= day]
    mosul_box = (43.0, 36.0, 43.3, 36.5)
    inside = store.claims_between(FIRST_DAY, day, mosul_box)
    assert inside and all(c.place_name == "Mosul" for c in inside)
    assert inside == [
        c for c in everything if FIRST_DAY <= c.valid_from <= day and c.place_name == "Mosul"
    ]


def test_control_snapshot_on_a_day_is_the_latest_at_or_before_it(store: Store) -> None:
    square = Polygon([(43.0, 36.0), (43.5, 36.0), (43.5, 36.5), (43.0, 36.5)])
    first = [
        {"type": "Feature", "geometry": square, "properties": {"side": "isis", "kind": "area"}}
    ]
    later = [
        {
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[43.0, 36.0], [43.5, 36.5]]},
            "properties": {"side": None, "kind": "frontline", "length_km": 71.3},
        },
        {"geometry": square.buffer(0.1).__geo_interface__, "properties": {"side": "iraqi_forces"}},
    ]
    store.save_control_snapshot(date(2016, 10, 17), first, metadata={"model": "v1"})
    store.save_control_snapshot(date(2017, 7, 9), later)

    assert store.control_snapshot_on(date(2016, 10, 16)) is None
    on = store.control_snapshot_on(date(2017, 1, 1))
    assert on.date == date(2016, 10, 17) and on.metadata == {"model": "v1"}
    assert on.features[0]["properties"] == {"side": "isis", "kind": "area"}
    assert on.features[0]["geometry"]["type"] == "Polygon"
    assert on.features[0]["geometry"]["coordinates"][0][0] == [43.0, 36.0]
    after = store.control_snapshot_on(date(2020, 1, 1))
    assert after.date == date(2017, 7, 9)
    assert [f["properties"]["kind"] for f in after.features] == ["frontline", "area"]
    assert after.features[0]["properties"]["length_km"] == 71.3
    assert store.control_snapshot_days() == [date(2016, 10, 17), date(2017, 7, 9)]

    store.save_control_snapshot(date(2017, 7, 9), [])  # recomputed: nobody holds anything
    assert store.control_snapshot_on(date(2020, 1, 1)).features == ()
    assert [e.action for e in store.change_log()] == ["insert", "insert", "update"]


def test_stats_count_rows_and_span_of_events(store: Store) -> None:
    for i in range(3):
        ingest(store, i, events=2, claims=1)
    stats = store.stats()
    assert stats["counts"]["articles"] == 3
    assert stats["counts"]["events"] == 6
    assert stats["first_event"] <= stats["last_event"]
    assert stats["events_by_status"] == {"automatic": 6}


# -- crashes and concurrency ------------------------------------------------------------------


def whole_article_report(store: Store) -> dict[str, tuple[int, int, int]]:
    """Per article: (events, claims, mentions) — read in ONE statement, so one snapshot."""
    rows = store._read(  # type: ignore[attr-defined]
        "SELECT a.id, "
        "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id), "
        "(SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id), "
        "(SELECT COUNT(*) FROM place_mentions m WHERE m.article_id = a.id) "
        "FROM articles a"
    )
    return {r[0]: (int(r[1]), int(r[2]), int(r[3])) for r in rows}


def assert_whole(store: Store, events: int) -> int:
    """Every article has all its rows and nothing else exists; returns the article count.

    Each check is one statement, so it reads one snapshot even while a writer commits.
    """
    report = whole_article_report(store)
    assert all(counts == (events, 4, 3) for counts in report.values()), report
    boxes = "(SELECT COUNT(*) FROM event_boxes)" if store.backend == "sqlite" else "NULL"
    row = store._read(  # type: ignore[attr-defined]
        "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events), "
        "(SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM place_mentions), "
        f"(SELECT COUNT(*) FROM event_sides), {boxes}"
    )[0]
    n = int(row[0])
    assert tuple(row[1:5]) == (events * n, 4 * n, 3 * n, 2 * events * n), row
    if store.backend == "sqlite":
        assert row[5] == events * n, "R*Tree out of step with events"
    return len(report)


def run_worker(url: str, first: int, count: int, events: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, str(first), str(count), str(events)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.slow
def test_killed_ingest_leaves_whole_articles_and_a_rerun_completes(store_url: str) -> None:
    articles, events = 300, 40
    open_store(store_url).close()
    worker = run_worker(store_url, 0, articles, events)
    for _ in range(8):  # let a few articles commit, then kill it mid-way through another
        assert worker.stdout.readline()
    time.sleep(0.013)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    worker.stdout.close()
    assert worker.returncode == -signal.SIGKILL

    with open_store(store_url) as store:
        present = assert_whole(store, events)
    assert 8 <= present < articles

    rerun = run_worker(store_url, 0, articles, events)
    out, _ = rerun.communicate(timeout=120)
    assert rerun.returncode == 0
    outcomes = Counter(line.split()[1] for line in out.splitlines())
    assert outcomes == {"unchanged": present, "new": articles - present}
    with open_store(store_url) as store:
        assert assert_whole(store, events) == articles


@pytest.mark.slow
def test_readers_see_whole_articles_while_ingest_runs(store_url: str) -> None:
    articles, events = 120, 30
    with open_store(store_url) as reader:
        worker = run_worker(store_url, 0, articles, events)
        reads, seen = 0, set()
        try:
            while worker.poll() is None:
                seen.add(assert_whole(reader, events))
                reader.events_between(*EVERYTHING, (38.0, 32.0, 45.0, 37.0))
                reads += 1
        finally:
            worker.kill()
            worker.communicate()
        assert worker.returncode == 0
        assert assert_whole(reader, events) == articles
    assert reads >= 5 and len(seen) >= 3, (reads, seen)


def test_stable_ids_keep_events_apart_across_articles(store: Store) -> None:
    a, b = make_bundle(1), make_bundle(2)
    assert not {e.id for e in a.events} & {e.id for e in b.events}
    m = mention(a.article.id, 0, PLACES[0], 0)
    event = Event(
        id=stable_id(a.article.id, "x"),
        type="capture",
        date=FIRST_DAY,
        date_precision="day",
        places=(m,),
        actors=(ActorMention(0, 3, "SDF", "sdf", "sdf"),),
    )
    claim = Claim(
        id=stable_id(a.article.id, "c"),
        place_id=m.place_id,
        place_name=m.name,
        lat=m.lat,
        lon=m.lon,
        precision="point",
        side="sdf",
        valid_from=FIRST_DAY,
    )
    store.replace_article(a.article, (m,), (event,), (claim,))
    assert store.event(event.id) == replace(event, article_id=a.article.id)
    assert store.claims_until(FIRST_DAY) == [replace(claim, article_id=a.article.id)]


# -- colouring side --------------------------------------------------------------------------


def test_map_rows_name_the_acting_side_first(store: Store) -> None:
    """An event is coloured by the side that acts, not by whichever side sorts first."""
    b = make_bundle(7, events=1, claims=0)
    (event,) = b.events
    attack = replace(
        event,
        actors=(
            ActorMention(0, 2, "IS", "isis", "isis", "agent"),
            ActorMention(10, 19, "coalition", "coalition", "coalition", "patient"),
        ),
    )
    store.replace_article(b.article, b.mentions, [attack], [])
    rows = store.event_rows(*EVERYTHING)
    assert rows["sides"] == ["isis,coalition"]
    assert store.events_of_article(b.article.id)[0].acting_side == "isis"
    # the side filter still finds it under either side
    assert store.event_rows(*EVERYTHING, sides=["coalition"])["id"] == [attack.id]
