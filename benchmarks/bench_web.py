"""Web benchmark: one timeline step (the date moves one day) at 1M events.

Compares, in the same run and on the same store, the dashboard's step callback (patch only
the event slot that changed, the cursor, and control layers only when the snapshot changes;
crowded days merged at the page's opening zoom level; the next day's slot sent ahead, which
the browser applies before asking, as the page does) with the naive approach: filter a
GeoDataFrame of every event and rebuild the whole ``px.scatter_map`` figure (style and
control layers included) on each step. Reports server time (median over the steps, JSON
serialisation included) and response bytes.

    .venv/bin/python benchmarks/bench_web.py                # 1M events, 12 steps
    .venv/bin/python benchmarks/bench_web.py --events 100000

Events are SYNTHETIC (random towns of the theatre, autumn 2017); control snapshots are
the real demo store (articles read by the pipeline, control computed from their claims).
"""

from __future__ import annotations

import argparse
import base64
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import plotly.express as px  # noqa: E402
from plotly.io.json import to_json_plotly  # noqa: E402

from dashboard.articles.model import Article, article_id  # noqa: E402
from dashboard.demo import demo_sources  # noqa: E402
from dashboard.events.model import ActorMention, Event, stable_id  # noqa: E402
from dashboard.gazetteer import load_gazetteer  # noqa: E402
from dashboard.geoparse.model import PlaceMention  # noqa: E402
from dashboard.pipeline import ingest_paths, refresh_control  # noqa: E402
from dashboard.store import open_store  # noqa: E402
from dashboard.web.basemap import offline_style  # noqa: E402
from dashboard.web.figures.density import detail_level  # noqa: E402
from dashboard.web.figures.map_figure import (  # noqa: E402
    DEFAULT_ZOOM,
    anchored_style,
    control_layers,
    slot_update,
)
from dashboard.web.queries import StoreAccess  # noqa: E402
from dashboard.web.stepping import step, take_ahead  # noqa: E402
from dashboard.web.viewstate import ViewState  # noqa: E402

FIRST = date(2017, 9, 1)
DAYS = 122
PER_ARTICLE = 2000
TYPES = ("armed_clash", "capture", "assault", "air_strike", "shelling", "withdrawal")
PAIRS = (
    ("iraqi_forces", "isis"),
    ("sdf", "isis"),
    ("syrian_government", "isis"),
    ("peshmerga", "iraqi_forces"),
    ("isis", "syrian_government"),
)


# Towns of the 2017 campaign that synthetic events are scattered around.
TOWNS = (
    "Rawa",
    "Anah",
    "al-Qaim",
    "Husaybah",
    "Haditha",
    "Hit",
    "Ramadi",
    "Akashat",
    "Abu Kamal",
    "Mayadin",
    "Deir ez-Zor",
    "Hajin",
    "al-Asharah",
    "Raqqa",
    "Tabqa",
    "Hawija",
    "Kirkuk",
    "Tal Afar",
    "Mosul",
    "Palmyra",
)


def _baseline() -> list[tuple[str, float, float]]:
    """The towns' gazetteer points (a spelling the gazetteer does not know is skipped)."""
    gazetteer = load_gazetteer()
    towns = []
    for name in TOWNS:
        found = gazetteer.lookup(name, limit=1)
        if found:
            towns.append((found[0].name, found[0].lon, found[0].lat))
    if not towns:
        raise SystemExit("the gazetteer knows none of the benchmark towns")
    return towns


def build(url: str, n_events: int, seed: int = 7, days: int = DAYS) -> float:
    """Demo store plus ``n_events`` synthetic events spread evenly over ``days`` from FIRST."""
    rng = random.Random(seed)
    started = time.perf_counter()
    baseline = _baseline()
    with open_store(url) as store:
        ingest_paths(store, demo_sources(), actor="bench")
        refresh_control(store, since=FIRST - timedelta(days=365))
        for a in range((n_events + PER_ARTICLE - 1) // PER_ARTICLE):
            text = f"Synthetic bulletin {a}\n\nSYNTHETIC benchmark article {a}: clashes reported."
            aid = article_id(text)
            day0 = FIRST + timedelta(days=a % days)
            article = Article(
                aid,
                text,
                f"Synthetic bulletin {a}",
                "en",
                1.0,
                day0,
                "metadata",
                1.0,
                f"Wire {a % 5}",
                None,
                None,
                "text",
            )
            events = []
            for k in range(min(PER_ARTICLE, n_events - a * PER_ARTICLE)):
                name, lon, lat = baseline[rng.randrange(len(baseline))]
                place = PlaceMention(
                    aid,
                    0,
                    len(name),
                    name,
                    f"p:{name}",
                    name,
                    lat + rng.gauss(0, 0.08),
                    lon + rng.gauss(0, 0.08),
                    "town",
                    "point",
                    None,
                    None,
                    0.9,
                )
                sides = PAIRS[rng.randrange(len(PAIRS))]
                events.append(
                    Event(
                        id=stable_id(aid, k),
                        type=TYPES[rng.randrange(len(TYPES))],
                        date=FIRST + timedelta(days=rng.randrange(days)),
                        date_precision="day",
                        places=(place,),
                        actors=(
                            ActorMention(0, 1, "x", sides[0], sides[0]),
                            ActorMention(2, 3, "y", sides[1], sides[1]),
                        ),
                        article_id=aid,
                        source=article.source,
                        sentence="SYNTHETIC.",
                        confidence=0.4 + 0.5 * rng.random(),
                    )
                )
            store.replace_article(article, [], events, [], pipeline_version="bench")
    return time.perf_counter() - started


def naive_step(gdf: gpd.GeoDataFrame, access: StoreAccess, style: dict, day: date) -> bytes:
    """Filter every event and rebuild the whole figure, as a straightforward app would."""
    lo = np.datetime64(day - timedelta(days=6))
    hi = np.datetime64(day)
    sub = gdf[(gdf["date"] >= lo) & (gdf["date"] <= hi)]
    fig = px.scatter_map(
        sub,
        lat=sub.geometry.y,
        lon=sub.geometry.x,
        color="side",
        hover_name="place_name",
        hover_data={"type": True, "date": True},
        custom_data=["id"],
        zoom=6.2,
        center={"lat": 34.6, "lon": 41.0},
    )
    fig.update_layout(
        map_style=anchored_style(style),
        map_layers=control_layers(access.snapshot(access.snapshot_day(day))),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    return fig.to_json().encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument(
        "--days", type=int, default=DAYS, help="days the events spread over (density per day)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        took = build(url, args.events, days=args.days)
        access = StoreAccess(url)
        print(f"built {args.events:,} synthetic events in {took:.0f} s")
        rows = access.store.event_rows(FIRST, FIRST + timedelta(days=args.days))
        gdf = gpd.GeoDataFrame(
            {
                "id": rows["id"],
                "date": rows["date"],
                "type": rows["type"],
                "side": [s.split(",")[0] for s in rows["sides"]],
                "place_name": rows["place_name"],
            },
            geometry=gpd.points_from_xy(rows["lon"], rows["lat"]),
            crs="EPSG:4326",
        )
        style = offline_style()
        start = FIRST + timedelta(days=min(39, max(7, args.days - args.steps - 1)))
        days = [start + timedelta(days=i) for i in range(args.steps)]
        ours_ms, ours_bytes, naive_ms, naive_bytes, key_bytes, id_bytes = [], [], [], [], [], []
        view = ViewState(day=days[0] - timedelta(days=1), window=7)
        level = detail_level(None, DEFAULT_ZOOM)  # the page's, at its opening zoom
        result = step(access, view, None, None, level=level)
        loaded, shown = result.loaded, result.shown
        for day in days:
            t0 = time.perf_counter()
            view = ViewState(day=day, window=7)
            # as the browser does: the slot sent ahead is drawn and recorded before asking
            loaded, shown = take_ahead(loaded, result.ahead, view, level, shown) or (loaded, shown)
            result = step(access, view, loaded, shown, level=level)
            body = to_json_plotly(
                [
                    result.map_patch,
                    result.timeline_patch,
                    result.loaded,
                    result.shown,
                    result.changes,
                    result.label,
                    result.ahead,
                ]
            ).encode()
            ours_ms.append((time.perf_counter() - t0) * 1000)
            ours_bytes.append(len(body))
            # what naming each event costs: its 4-byte key, against sending the id itself
            # (one key per disc drawn: a merged disc names its chosen event)
            new_day = access.event_rows(day, day, ViewState(day=day, window=7))
            keys = slot_update(new_day, level)["customdata"]
            key_bytes.append(len(to_json_plotly(keys)))
            drawn = len(base64.b64decode(keys["bdata"])) // 4
            id_bytes.append(len(to_json_plotly(list(new_day["id"][:drawn]))))
            loaded, shown = result.loaded, result.shown
            t0 = time.perf_counter()
            naive = naive_step(gdf, access, style, day)
            naive_ms.append((time.perf_counter() - t0) * 1000)
            naive_bytes.append(len(naive))
        per_day = len(gdf) / args.days
        o_ms, n_ms = statistics.median(ours_ms), statistics.median(naive_ms)
        o_b, n_b = statistics.median(ours_bytes), statistics.median(naive_bytes)
        print(f"events: {len(gdf):,} (~{per_day:,.0f} a day); window 7 days; {len(days)} steps")
        print(f"step callback : {o_ms:8.1f} ms  {o_b / 1e3:9.1f} kB per step (median)")
        print(f"naive rebuild : {n_ms:8.1f} ms  {n_b / 1e3:9.1f} kB per step (median)")
        print(
            f"ratio         : {n_ms / o_ms:8.1f}x faster, {o_b / n_b:.3f} of the bytes "
            f"({n_b / o_b:.1f}x smaller)"
        )
        k_b, i_b = statistics.median(key_bytes), statistics.median(id_bytes)
        print(
            f"click identity: {k_b / 1e3:8.1f} kB per step as uint32 keys "
            f"({k_b / o_b:.1%} of the step), {i_b / 1e3:.1f} kB if the ids were sent"
        )
        access.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
