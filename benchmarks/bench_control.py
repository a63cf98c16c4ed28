"""Control snapshots for a synthetic three-year campaign, beside a naive per-day recomputation.

10,000 places clustered along the Euphrates and Tigris plus scattered desert villages; ISIS
holds three pockets whose radii shrink with a wobble, so fronts advance, stall and fall back
and towns change hands several times; attackers are Iraqi forces in Iraq, the SDF east of the
Euphrates and the government west of it. Places are restated every few weeks, some captures
are preceded by "fighting inside" claims, and some reports conflict.

Before timing, a regression check: on a smaller run of the same generator (``--check-places``)
a sample of change-point snapshots is compared, by digest, with the same days decided from
scratch (:func:`~dashboard.control.timeline.snapshot_from_scratch`: every place from its
claims alone, every piece and line unioned anew), so the fast path is shown to give the same
outputs. The benchmark stops if they differ.

At the store level (``--store-places``, 0 to skip): the campaign is stored as one article per
day in a fresh SQLite store, control is refreshed once (which fills the process's cache), then
a late article is ingested and ``refresh_control`` is timed twice over the same store: as it
now runs (the cached series takes the article's claims, only changed snapshots are converted
and written) and as it ran before (every claim read back, the whole series recomputed, every
snapshot from the article's day on converted and replaced). Both must store the same
snapshots. The naive refresh runs on a copy of the store made after the first refresh, so
each path finds the store as it leaves it. One article reports three captures (every later
snapshot changes, by three places and the areas around them), another restates who holds
three places (fewer change: only where confidence would have decayed); a refresh with an
empty cache, as in another process (a command-line ingest), is timed too: it recomputes the
series but takes the stored areas of every day whose inputs have the stored fingerprint.
Reading one day back is timed cold and as a step from the previous change point, in a fresh
process as a web worker reads it (the ingesting process holds the series cache, gigabytes
of objects whose garbage collection would be counted too), and also in this process. The store
keeps the snapshots from ``--store-window`` days before the late articles on, which is all
either refresh rewrites for them.

Run: ``.venv/bin/python benchmarks/bench_control.py [--places N] [--naive-days K]
[--check-places N] [--check-snapshots K] [--store-places N] [--store-window DAYS]``
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import shapely

from dashboard.control import ControlTimeline, load_geography
from dashboard.control.areas import (
    assign_owners,
    build_ground,
    place_codes,
)
from dashboard.control.frontlines import frontlines_between
from dashboard.control.state import StateRules, place_state_on, usable_claims
from dashboard.control.timeline import ground_inputs, snapshot_digest, snapshot_from_scratch
from dashboard.events.model import Claim

START = date(2015, 1, 1)
DAYS = 3 * 365
POCKETS = [  # lon, lat, initial radius km, speed km/day, attacker chooser
    (39.0, 35.9, 260.0),  # Raqqa
    (43.1, 36.3, 220.0),  # Mosul
    (41.5, 34.4, 240.0),  # Anbar / Albu Kamal
]


def attacker(lon: float, lat: float) -> str:
    in_iraq = lon > 41.0 + (lat - 34.4) * 0.9
    if in_iraq:
        return "peshmerga" if lat > 36.2 and lon > 43.4 else "iraqi_forces"
    return "sdf" if lat > 35.2 and lon > 39.0 else "syrian_government"


def synthetic_places(
    n: int, geography, rng: np.random.Generator
) -> list[tuple[str, float, float, str]]:
    """Places along the rivers (70 %) and scattered (30 %), inside Iraq or Syria."""
    rivers = shapely.union_all(np.array(geography.rivers, dtype=object))
    area = shapely.union_all(list(geography.countries.values()))
    found = []
    river_lines = [g for g in shapely.get_parts(rivers)]
    lengths = np.array([g.length for g in river_lines])
    while len(found) < n:
        if rng.random() < 0.7:
            line = river_lines[rng.choice(len(river_lines), p=lengths / lengths.sum())]
            p = line.interpolate(rng.random(), normalized=True)
            lon, lat = p.x + rng.normal(0, 0.05), p.y + rng.normal(0, 0.05)
        else:
            lon, lat = rng.uniform(36.0, 47.5), rng.uniform(30.5, 37.2)
        if not area.contains(shapely.Point(lon, lat)):
            continue
        r = rng.random()
        kind = "city" if r < 0.03 else "town" if r < 0.25 else "village"
        found.append((f"p{len(found)}", lon, lat, kind))
    return found


def holder(lon: float, lat: float, day: int) -> str:
    for plon, plat, radius in POCKETS:
        km = math.hypot((lon - plon) * 92.0, (lat - plat) * 111.0)
        shrink = radius * (1.0 - day / (DAYS * 0.9))
        wobble = 25.0 * math.sin(day / 23.0 + plon)
        if km < shrink + wobble:
            return "isis"
    return attacker(lon, lat)


def synthetic_claims(places, rng: random.Random) -> list[Claim]:
    claims = []
    for pid, lon, lat, kind in places:
        current = holder(lon, lat, 0)
        last_said = -999
        for day in range(0, DAYS, 3):
            side = holder(lon, lat, day)
            said = None
            if side != current:
                if rng.random() < 0.3:
                    claims.append(_claim(pid, lon, lat, kind, side, day - 2, "contested", rng))
                said = side
                current = side
            elif day - last_said > rng.randint(25, 80):
                said = side
            if said is not None:
                claims.append(_claim(pid, lon, lat, kind, said, day, "full", rng))
                last_said = day
                if rng.random() < 0.01:  # a conflicting report
                    other = "isis" if said != "isis" else attacker(lon, lat)
                    claims.append(_claim(pid, lon, lat, kind, other, day + 1, "full", rng))
    return claims


def _claim(pid, lon, lat, kind, side, day, claim_kind, rng) -> Claim:
    when = START + timedelta(days=max(day, 0))
    return Claim(
        id=f"{pid}:{when}:{side}:{claim_kind}",
        place_id=pid,
        place_name=pid,
        lat=lat,
        lon=lon,
        precision="point",
        side=side,
        valid_from=when,
        kind=claim_kind,
        article_id=f"art{rng.randrange(10**6)}",
        sentence=f"{side} {claim_kind} {pid}",
        confidence=0.6,
        extra={"place_kind": kind},
    )


def naive_day(claims, geography, day: date, rules: StateRules):
    """Everything from scratch for one day: states, cells, owners, dissolve, frontlines."""
    by_place: dict[str, list[Claim]] = {}
    for c in usable_claims(claims, rules):
        by_place.setdefault(c.place_id, []).append(c)
    states = {pid: place_state_on(pid, cs, day, rules) for pid, cs in by_place.items()}
    places, regions = ground_inputs(claims, geography)
    ground = build_ground(places, geography, regions)
    owner = assign_owners(ground, place_codes(ground, states), {}).owner
    for code in np.unique(owner):
        shapely.unary_union(ground.faces[owner == code])
    frontlines_between(ground, owner)


def regression_check(geography, n_places: int, n_snapshots: int) -> None:
    """Compare sampled change-point snapshots with the same days decided from scratch."""
    places = synthetic_places(n_places, geography, np.random.default_rng(3))
    claims = synthetic_claims(places, random.Random(3))
    timeline = ControlTimeline(geography)
    timeline.add_claims(claims)
    snaps = timeline.snapshots
    picks = sorted(set(np.linspace(0, len(snaps) - 1, n_snapshots, dtype=int).tolist()))
    for i in picks:
        fast = snapshot_digest(snaps[i])
        slow = snapshot_digest(snapshot_from_scratch(timeline, snaps[i].date))
        if fast != slow:
            raise SystemExit(f"regression: the snapshot of {snaps[i].date} differs from scratch")
    print(
        f"regression check: {len(picks)} of {len(snaps)} snapshots ({n_places} places, "
        f"{len(claims)} claims) identical to deciding each day from scratch"
    )


def _article(day: date, name: str):
    from dashboard.articles.model import Article

    return Article(
        id=f"synthetic-{name}-{day.isoformat()}",
        text=f"Synthetic report {name} of {day.isoformat()}.",
        title=f"{name} {day.isoformat()}",
        language="en",
        language_confidence=1.0,
        published=day,
        published_origin="metadata",
        published_confidence=1.0,
        source="synthetic",
        url=None,
        path=None,
        format="text",
    )


def naive_refresh(store, since: date) -> int:
    """A full refresh as it was before snapshots were kept as spans: every claim read back,
    the whole series recomputed, every snapshot from ``since`` on converted to GeoJSON and
    written over the stored ones."""
    from dashboard.control import snapshot_to_geojson
    from dashboard.exchange.areas import as_imported_areas, control_series

    claims = store.claims_until(date.max)
    imported = as_imported_areas(store.imported_areas())
    series = control_series(claims, load_geography(), imported)
    fresh = [(s.date, snapshot_to_geojson(s)["features"]) for s in series if s.date >= since]
    return store.replace_control_snapshots(since, fresh)


def _late_article(store, name: str, claims: list[Claim], day: date) -> None:
    article = _article(day, name)
    mine = [Claim(**{**c.__dict__, "article_id": article.id}) for c in claims]
    store.replace_article(article, [], [], mine)


def _measure(stores, label: str, claims: list[Claim], day: date) -> tuple[float, float]:
    """Ingest one late article into both stores; time the cached refresh on the first and
    the naive full refresh on the second, which must store the same snapshots. Returns the
    two times."""
    from dashboard.pipeline import refresh_control

    store, reference = stores
    for target in stores:
        _late_article(target, label.split()[0], claims, day)
    t = time.perf_counter()
    written = refresh_control(store, since=day)
    cached = time.perf_counter() - t
    after = store.control_snapshot_digests(day)
    print(
        f"{label} ({len(claims)} claims on {day}), cached refresh: {cached:.2f} s, "
        f"{written} of {len(after)} snapshots since then changed, {_spans(store)} spans stored"
    )
    t = time.perf_counter()
    written = naive_refresh(reference, day)
    naive = time.perf_counter() - t
    if reference.control_snapshot_digests(day) != after:
        raise SystemExit("regression: the cached refresh stored other snapshots")
    print(
        f"  naive full refresh (read all, rebuild all, convert and replace every snapshot): "
        f"{naive:.2f} s, {written} snapshots written, the same as the cached refresh's; "
        f"ratio {naive / cached:.1f}x"
    )
    return cached, naive


def _spans(store) -> int:
    return int(store._read("SELECT COUNT(*) FROM control_spans")[0][0])


def _read_days(store, days: list[date]) -> None:
    """One day's control read back from the store (areas, lines, places with their claims):
    cold (nothing decoded yet, as the first request of a process) and as a step from the
    previous change point (what the time slider does), beside finding the same rows by a scan
    of every span instead of the interval index."""
    from dashboard.store.sqlstore import day_number

    all_days = store.control_snapshot_days()
    cold, step, scanned = [], [], []
    snapshot = again = rows = None
    for day in days:
        # the previous day's features are freed here, not inside a timed read
        snapshot = again = rows = None
        store._decoded = store._last_day = None
        t = time.perf_counter()
        snapshot = store.control_snapshot_on(day)
        cold.append(time.perf_counter() - t)
        at = all_days.index(snapshot.date)
        store._decoded = store._last_day = None
        store.control_snapshot_on(all_days[max(at - 1, 0)])
        t = time.perf_counter()
        again = store.control_snapshot_on(day)
        step.append(time.perf_counter() - t)
        if again.features != snapshot.features:
            raise SystemExit("regression: a day read after its neighbour reads otherwise")
        number = day_number(snapshot.date)
        t = time.perf_counter()
        rows = store._read(
            "SELECT side, kind, geometry, properties FROM control_spans "
            "WHERE first_day <= ? AND end_day > ? ORDER BY ord",
            (number, number),
        )
        scanned.append(time.perf_counter() - t)
        if len(rows) != len(snapshot.features):
            raise SystemExit("regression: the interval index found other spans than a scan")
    sizes = [len(store.control_snapshot_on(d).features) for d in days]
    print(
        f"    read one day from the store ({min(sizes)}-{max(sizes)} features): a step from the "
        f"previous change point median {statistics.median(step) * 1e3:.1f} ms, max "
        f"{max(step) * 1e3:.1f} ms (goal < 20 ms); cold, every feature decoded, median "
        f"{statistics.median(cold) * 1e3:.1f} ms, max {max(cold) * 1e3:.1f} ms "
        f"({statistics.median(cold) / statistics.median(step):.1f}x the step); the rows alone "
        f"by a scan of every span: median {statistics.median(scanned) * 1e3:.1f} ms"
    )


def _walk(path: Path, bound: str, steps: int = 300) -> None:
    """Peak memory of a process stepping day by day through ``steps`` change points, with the
    decoded-span cache bounded by the text it decoded (as shipped) or by count alone (the
    naive bound, which the large area spans of every step outgrow)."""
    from dashboard.store import open_store
    from dashboard.store.sqlstore import DecodedSpans

    with open_store(f"sqlite:///{path}") as store:
        days = store.control_snapshot_days()
        if bound == "count":
            store._decoded = DecodedSpans(text_limit=2**62)
        start = max(0, len(days) // 3)
        walked = days[start : start + steps]
        t = time.perf_counter()
        for day in walked:
            store.control_snapshot_on(day)
        took = time.perf_counter() - t
        # this process's own high-water mark: ru_maxrss would carry the parent's over exec
        status = Path("/proc/self/status").read_text()
        peak = int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024
        print(
            f"    decoded spans bounded by {bound}: {len(walked)} steps in {took:.1f} s "
            f"({took / max(1, len(walked)) * 1e3:.1f} ms a step), peak memory {peak:,.0f} MB, "
            f"{len(store._decoded)} spans kept"
        )


def store_level(geography, n_places: int, window: int) -> None:
    """Late articles into a store holding the campaign: cached refresh against the naive."""
    import shutil

    from dashboard.pipeline import CONTROL_CACHE, refresh_control
    from dashboard.store import open_store

    places = synthetic_places(n_places, geography, np.random.default_rng(7))
    claims = synthetic_claims(places, random.Random(7))
    by_day: dict[date, dict[str, Claim]] = {}
    for c in claims:
        by_day.setdefault(c.valid_from, {}).setdefault(c.id, c)
    late_day = START + timedelta(days=DAYS - 30)
    rng = random.Random(5)
    # a late report that three places fell to ISIS a month before the end
    captures = [
        Claim(**{**c.__dict__, "id": f"{c.id}:late", "side": "isis", "valid_from": late_day})
        for c in rng.sample([c for c in claims if c.valid_from < late_day], 3)
    ]
    # and one, two days later, that restates who holds three other places
    day = DAYS - 28
    restated = [
        _claim(pid, lon, lat, kind, holder(lon, lat, day), day, "full", rng)
        for pid, lon, lat, kind in rng.sample(places, 3)
    ]
    restated = [Claim(**{**c.__dict__, "id": f"{c.id}:restated"}) for c in restated]
    with tempfile.TemporaryDirectory(prefix="bench-control-") as folder:
        path = Path(folder) / "campaign.db"
        with open_store(f"sqlite:///{path}") as store:
            t = time.perf_counter()
            for day_ in sorted(by_day):
                _late_article(store, "campaign", list(by_day[day_].values()), day_)
            stored = sum(len(v) for v in by_day.values())
            print(
                f"store: {n_places} places, {stored} claims in {len(by_day)} articles stored in "
                f"{time.perf_counter() - t:.1f} s"
            )
            window_start = late_day - timedelta(days=window)
            CONTROL_CACHE.clear()
            t = time.perf_counter()
            written = refresh_control(store, since=window_start)
            print(
                f"first refresh (builds the cache): {written} snapshots since {window_start} in "
                f"{time.perf_counter() - t:.1f} s, {_spans(store)} spans"
            )
        # the naive refresh runs on a copy, so each path finds the store as it leaves it
        copy = Path(folder) / "reference.db"
        shutil.copyfile(path, copy)
        with open_store(f"sqlite:///{path}") as store, open_store(f"sqlite:///{copy}") as ref:
            times = [_measure((store, ref), "capture article", captures, late_day)]
            CONTROL_CACHE.clear()
            t = time.perf_counter()
            written = refresh_control(store, since=late_day)
            print(
                f"  refresh with an empty cache (as another process would): "
                f"{time.perf_counter() - t:.2f} s, {written} snapshots changed"
            )
            restated_day = restated[0].valid_from
            times.append(_measure((store, ref), "restating article", restated, restated_day))
            sample = sorted(rng.sample(store.control_snapshot_days()[1:], 30))
            print("  in a fresh process (as a web worker reads it):", flush=True)
            subprocess.run(
                [sys.executable, __file__, "--read-days", str(path), *map(str, sample)],
                check=True,
            )
            print("  in this process, beside the series cache:")
            _read_days(store, sample)
            print("  stepping through up to 300 change points in a fresh process (a web worker):")
            peaks = {}
            for bound in ("text", "count"):
                out = subprocess.run(
                    [sys.executable, __file__, "--walk", str(path), bound],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                print(out, end="")
                found = re.search(r"peak memory ([\d,]+) MB", out)
                peaks[bound] = float(found[1].replace(",", "")) if found else float("nan")
            print(f"    memory ratio count-bound/text-bound: {peaks['count'] / peaks['text']:.1f}x")
            print(
                f"store-level ratio naive/cached: {times[0][1] / times[0][0]:.1f}x for a "
                f"capture, {times[1][1] / times[1][0]:.1f}x for a restatement"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the benchmark process: {peak:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--places", type=int, default=10_000)
    parser.add_argument("--naive-days", type=int, default=3)
    parser.add_argument("--check-places", type=int, default=500)
    parser.add_argument("--check-snapshots", type=int, default=25)
    parser.add_argument("--store-places", type=int, default=10_000)
    parser.add_argument("--store-window", type=int, default=10)
    parser.add_argument("--read-days", nargs="+", metavar=("STORE", "DAY"), help=argparse.SUPPRESS)
    parser.add_argument("--walk", nargs=2, metavar=("STORE", "BOUND"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.walk:
        _walk(Path(args.walk[0]), args.walk[1])
        return
    if args.read_days:
        from dashboard.store import open_store

        with open_store(f"sqlite:///{args.read_days[0]}") as store:
            _read_days(store, [date.fromisoformat(d) for d in args.read_days[1:]])
        return

    geography = load_geography()
    if args.check_snapshots > 0:
        regression_check(geography, args.check_places, args.check_snapshots)
    places = synthetic_places(args.places, geography, np.random.default_rng(7))
    claims = synthetic_claims(places, random.Random(7))
    print(f"{len(places)} places, {len(claims)} claims over {DAYS} days")

    t0, c0 = time.perf_counter(), time.process_time()
    timeline = ControlTimeline(geography)
    timeline.add_claims(claims)
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    snaps = timeline.snapshots
    print(
        f"all change-point snapshots: {len(snaps)} in {total:.1f} s, {cpu:.1f} s of CPU "
        f"(goal < 30 s)"
    )

    # read back one day: from memory, and from WKB bytes as the store would keep them
    days = [START + timedelta(days=d) for d in random.Random(1).sample(range(DAYS), 50)]
    mem, wkb = [], []
    stored = {
        s.date: {side: shapely.to_wkb(np.array(p, dtype=object)) for side, p in s.areas.items()}
        for s in (timeline.snapshot_on(d) for d in days)
        if s is not None
    }
    for d in days:
        t = time.perf_counter()
        snap = timeline.snapshot_on(d)
        _ = {side: pieces for side, pieces in snap.areas.items()}
        mem.append(time.perf_counter() - t)
        t = time.perf_counter()
        _ = {side: shapely.from_wkb(b) for side, b in stored[snap.date].items()}
        wkb.append(time.perf_counter() - t)
    print(
        f"read one day's polygons: memory median {statistics.median(mem) * 1e3:.2f} ms, "
        f"WKB median {statistics.median(wkb) * 1e3:.2f} ms, max {max(wkb) * 1e3:.2f} ms "
        f"(goal < 20 ms)"
    )

    # incremental: one late claim
    late = claims[-1]
    extra = Claim(**{**late.__dict__, "id": late.id + ":again", "side": "isis"})
    t = time.perf_counter()
    first = timeline.add_claims([extra])
    print(
        f"one new claim on {first}: recomputed {sum(s.date >= first for s in timeline.snapshots)}"
        f" snapshots in {time.perf_counter() - t:.2f} s"
    )

    sample = [
        START + timedelta(days=d)
        for d in np.linspace(100, DAYS - 1, args.naive_days, dtype=int).tolist()
    ]
    t = time.perf_counter()
    for d in sample:
        naive_day(claims, geography, d, StateRules())
    per_day = (time.perf_counter() - t) / len(sample)
    print(
        f"naive full recomputation: measured {len(sample)} days at {per_day:.2f} s/day; "
        f"extrapolated to {DAYS} days: {per_day * DAYS / 60:.0f} min "
        f"(ratio {per_day * DAYS / total:.0f}x; to the change points only: "
        f"{per_day * len(snaps) / total:.0f}x)"
    )

    if args.store_places > 0:
        del timeline, snaps, stored, snap
        gc.collect()
        store_level(geography, args.store_places, args.store_window)


if __name__ == "__main__":
    main()
