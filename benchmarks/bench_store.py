"""Store benchmark: one day's map (events, claims, control inside a box) at 1M events.

Builds a campaign-shaped synthetic store (events clustered around ~2,000 places in lon 38-45,
lat 32-37, over three years, 20 events per article) through the public ingest path, then times
the map query beside a full-table-scan baseline run on the same data in the same process.

    .venv/bin/python benchmarks/bench_store.py                 # SQLite, 1M events
    .venv/bin/python benchmarks/bench_store.py --postgres URL  # also PostGIS at URL
    .venv/bin/python benchmarks/bench_store.py --postgres auto # start a throwaway server
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.events.model import SIDES, ActorMention, Claim, Event  # noqa: E402
from dashboard.geoparse.model import PlaceMention  # noqa: E402
from dashboard.store import Store, open_store  # noqa: E402
from dashboard.store.sqlstore import EVENT_READ_COLUMNS, day_number  # noqa: E402

FIRST_DAY = date(2014, 6, 1)
DAYS = 3 * 365
EVENTS_PER_ARTICLE = 20
CLAIMS_PER_ARTICLE = 2
QUERY_DAY = date(2016, 10, 20)
QUERY_BOX = (42.6, 35.9, 43.8, 36.8)  # around Mosul
TYPES = ("armed_clash", "capture", "assault", "air_strike", "shelling", "withdrawal")


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    lat: float
    lon: float
    weight: float


def campaign_places(rng: random.Random, n: int = 2000) -> list[Place]:
    """Places clustered around ~30 towns, a few of them (Mosul, Raqqa...) reported far more."""
    centres = [(rng.uniform(38.3, 44.7), rng.uniform(32.3, 36.7)) for _ in range(28)]
    centres[:2] = [(43.13, 36.34), (39.01, 35.95)]
    places = []
    for k in range(n):
        c = k % len(centres)
        lon = min(45.0, max(38.0, rng.gauss(centres[c][0], 0.25)))
        lat = min(37.0, max(32.0, rng.gauss(centres[c][1], 0.2)))
        places.append(Place(f"gn:{k}", f"Place {k}", lat, lon, 1.0 / (1 + c) ** 1.1))
    return places


def campaign_day(rng: random.Random) -> int:
    """Three years with offensives: fighting comes in waves, not uniformly."""
    while True:
        d = rng.randrange(DAYS)
        if rng.random() < 0.35 + 0.65 * math.sin(d / DAYS * 7 * math.pi) ** 2:
            return d


def make_article(i: int, rng: random.Random, places: list[Place], weights: list[float]) -> tuple:
    aid = f"{i:016x}"
    text = f"Synthetic article {i}. " * 40
    day = FIRST_DAY + timedelta(days=campaign_day(rng))
    article = SimpleNamespace(
        id=aid,
        text=text,
        title=f"Synthetic {i}",
        language="en",
        language_confidence=0.99,
        published=day,
        published_origin="metadata",
        published_confidence=0.9,
        source="Synthetic",
        url=f"https://example.org/{i}",
        path=None,
        format="text",
        warnings=(),
        paragraphs=(),
        record=None,
    )
    chosen = rng.choices(places, weights, k=EVENTS_PER_ARTICLE)
    mentions, events, claims = [], [], []
    for k, p in enumerate(chosen):
        m = PlaceMention(
            aid,
            10 * k,
            10 * k + 7,
            p.name,
            p.id,
            p.name,
            p.lat,
            p.lon,
            "town",
            "point",
            "IQ" if p.lon > 41.5 else "SY",
            None,
            0.8,
            k,
        )
        mentions.append(m)
        side = rng.choice(SIDES[1:])
        events.append(
            Event(
                id=f"{aid}e{k:02d}",
                type=rng.choice(TYPES),
                date=day - timedelta(days=rng.randrange(3)),
                date_precision="day",
                places=(m,),
                actors=(
                    ActorMention(0, 4, side, side, side),
                    ActorMention(5, 9, "ISIS", "isis", "isis"),
                ),
                article_id=aid,
                sentence=f"Fighting near {p.name}.",
                sentence_start=10 * k,
                sentence_end=10 * k + 40,
                confidence=round(rng.random(), 2),
            )
        )
    for k in range(CLAIMS_PER_ARTICLE):
        m = mentions[k]
        claims.append(
            Claim(
                f"{aid}c{k}",
                m.place_id,
                m.name,
                m.lat,
                m.lon,
                "point",
                rng.choice(SIDES),
                day,
                article_id=aid,
                sentence=f"{m.name} taken.",
            )
        )
    return article, mentions, events, claims


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm caches once, as a running web app would have them
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def build(store: Store, n_events: int, seed: int) -> tuple[float, float]:
    """Ingest; returns (articles per second over the whole load, seconds)."""
    rng = random.Random(seed)
    places = campaign_places(rng)
    weights = [p.weight for p in places]
    n_articles = n_events // EVENTS_PER_ARTICLE
    started = time.perf_counter()
    for i in range(n_articles):
        store.replace_article(*make_article(i, rng, places, weights), pipeline_version="bench")
        if i and i % 10000 == 0:
            rate = i / (time.perf_counter() - started)
            print(f"  {i:>7} articles  {rate:,.0f}/s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    for week in range(DAYS // 7):  # weekly control change points, 12 areas each
        day = FIRST_DAY + timedelta(days=7 * week)
        features = []
        for a in range(12):
            x, y = 38.5 + 0.5 * a, 32.5 + 0.35 * (a % 8)
            ring = [[x, y], [x + 0.4, y], [x + 0.4, y + 0.3], [x, y + 0.3], [x, y]]
            features.append(
                {
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                    "properties": {"side": SIDES[a % 4], "kind": "area"},
                }
            )
        store.save_control_snapshot(day, features, actor="bench")
    return n_articles / elapsed, elapsed


def map_query(store: Store) -> tuple[int, int, int]:
    events = store.events_between(QUERY_DAY, QUERY_DAY, QUERY_BOX)
    claims = store.claims_between(QUERY_DAY, QUERY_DAY, QUERY_BOX)
    control = store.control_snapshot_on(QUERY_DAY)
    return len(events), len(claims), len(control.features) if control else 0


def scan_query(store: Store) -> tuple[int, int, int]:
    """The same answer with no index at all: what the map would cost without the design."""
    day = day_number(QUERY_DAY)
    w, s, e, n = QUERY_BOX
    not_indexed = "NOT INDEXED" if store.backend == "sqlite" else ""
    rows = store._read(  # type: ignore[attr-defined]
        f"SELECT {EVENT_READ_COLUMNS} FROM events e {not_indexed} WHERE e.day = ? AND e.lon "
        "BETWEEN ? AND ? AND e.lat BETWEEN ? AND ? AND e.status IN ('automatic', 'confirmed') "
        "ORDER BY e.day, e.id",
        (day, w, e, s, n),
    )
    events = [store._event(r) for r in rows]  # type: ignore[attr-defined]
    claims = store._read(  # type: ignore[attr-defined]
        f"SELECT id FROM claims {not_indexed} WHERE valid_day = ? AND lon BETWEEN ? AND ? "
        "AND lat BETWEEN ? AND ?",
        (day, w, e, s, n),
    )
    control = store.control_snapshot_on(QUERY_DAY)
    return len(events), len(claims), len(control.features) if control else 0


def report(label: str, store: Store, runs: int) -> None:
    counts = map_query(store)
    assert counts == scan_query(store), (counts, scan_query(store))
    fast = median_ms(lambda: map_query(store), runs)
    if store.backend == "postgresql":
        conn = store._conn  # type: ignore[attr-defined]
        conn.execute("SET enable_indexscan = off")
        conn.execute("SET enable_bitmapscan = off")
        slow = median_ms(lambda: scan_query(store), max(3, runs // 10))
        conn.execute("RESET ALL")
    else:
        slow = median_ms(lambda: scan_query(store), max(3, runs // 10))
    print(
        f"{label}: one day's map in a box = {counts[0]} events, {counts[1]} claims, "
        f"{counts[2]} control areas"
    )
    print(f"  indexed query   median {fast:8.2f} ms  (n={runs})")
    print(f"  full-table scan median {slow:8.2f} ms")
    print(f"  ratio           {slow / fast:8.1f}x faster")
    month = median_ms(
        lambda: store.event_rows(QUERY_DAY - timedelta(days=29), QUERY_DAY, QUERY_BOX), 10
    )
    n_month = len(store.event_rows(QUERY_DAY - timedelta(days=29), QUERY_DAY, QUERY_BOX)["id"])
    print(f"  30 days in the box as columns ({n_month} rows): median {month:.1f} ms")
    last = FIRST_DAY + timedelta(days=DAYS)
    timeline = median_ms(lambda: store.counts_by_day(FIRST_DAY, last, by="type"), 3)
    print(f"  timeline counts_by_day over 3 years by type: median {timeline:.0f} ms")


def run(label: str, url: str, n_events: int, runs: int, seed: int) -> None:
    with open_store(url) as store:
        print(f"{label}: ingesting {n_events:,} events ...", file=sys.stderr, flush=True)
        rate, seconds = build(store, n_events, seed)
        print(
            f"{label}: ingest {rate:,.0f} articles/s ({rate * EVENTS_PER_ARTICLE:,.0f} "
            f"events/s, {EVENTS_PER_ARTICLE} events + {CLAIMS_PER_ARTICLE} claims each; "
            f"{seconds:.0f} s total)"
        )
        report(label, store, runs)


def throwaway_postgres() -> Iterator[str]:
    folder = tempfile.mkdtemp(prefix="conflictmap-bench-pg-", dir="/tmp")
    script = ROOT / "scripts" / "pg-test-server.sh"
    url = subprocess.run(
        ["bash", str(script), "start", folder, "55498"], check=True, capture_output=True, text=True
    ).stdout.strip()
    try:
        yield url
    finally:
        subprocess.run(["bash", str(script), "destroy", folder], check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument(
        "--postgres",
        metavar="URL|auto",
        help="also run on PostGIS (a fresh schema at URL, or a throwaway server)",
    )
    parser.add_argument(
        "--postgres-events",
        type=int,
        default=200_000,
        help="events for the PostGIS run (its ingest is slower; 1M takes about 5 minutes alone)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        run("sqlite", f"sqlite:///{folder}/bench.db", args.events, args.runs, args.seed)
    if args.postgres:
        n = args.postgres_events
        servers = throwaway_postgres() if args.postgres == "auto" else iter([args.postgres])
        base = next(servers)
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in base else "?"
        try:
            run(
                "postgis",
                f"{base}{sep}options=-csearch_path%3D{schema}%2Cpublic",
                n,
                args.runs,
                args.seed,
            )
        finally:
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")
            for _ in servers:  # runs the throwaway server's clean-up
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
