"""Snapshot and story exports: a warm browser beside a fresh browser per export (the naive way).

Measures, on the demo store built by the real pipeline (or ``--db URL``):

* cold vs warm 1600x900 PNG of al-Qaim and Abu Kamal on 3 November 2017, vector path
  (goal: warm under 1.5 s);
* warm PNG with the MapLibre path (the app's own map, rasterised; goal: under 4 s);
* a 20-step story PDF with one warm engine (goal: under 30 s).

Run: ``.venv/bin/python benchmarks/bench_export.py [--db URL] [--runs N]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from dashboard.export.engine import ExportEngine
from dashboard.export.snapshot import snapshot
from dashboard.export.story import Story, StoryStep
from dashboard.export.story_export import story_pdf
from dashboard.store import Store, open_store

DAY = date(2017, 11, 3)
AL_QAIM = (40.3, 34.0, 41.8, 34.9)


def demo_store(url: str | None) -> Store:
    if url:
        return open_store(url)
    from dashboard.demo import demo_sources
    from dashboard.pipeline import ingest_paths, refresh_control

    path = Path(tempfile.mkdtemp(prefix="bench-export-")) / "store.db"
    store = open_store(f"sqlite:///{path}")
    started = time.perf_counter()
    ingest_paths(store, demo_sources(), actor="bench")
    refresh_control(store, since=date(1900, 1, 1))
    print(f"demo store built in {time.perf_counter() - started:.1f} s ({path})")
    return store


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def line(name: str, seconds: list[float], goal: float | None = None) -> float:
    median = statistics.median(seconds)
    verdict = ""
    if goal is not None:
        verdict = f"  goal < {goal:g} s: {'met' if median < goal else 'MISSED'}"
    spread = f"(min {min(seconds):.2f}, max {max(seconds):.2f}, n={len(seconds)})"
    print(f"{name:<46} {median:7.2f} s {spread}{verdict}")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="store URL (default: build the demo store)")
    parser.add_argument("--runs", type=int, default=5, help="warm exports per figure")
    parser.add_argument("--steps", type=int, default=20, help="steps of the story PDF")
    args = parser.parse_args()
    store = demo_store(args.db)

    def vector_png(engine: ExportEngine | None) -> bytes:
        return snapshot(store, DAY, AL_QAIM, fmt="png", engine=engine)

    print("\n== snapshot PNG 1600x900, al-Qaim / Abu Kamal, 3 Nov 2017")
    cold = line("cold: fresh browser per export (naive)", timed(lambda: vector_png(None), 3))
    engine = ExportEngine()
    try:
        started = time.perf_counter()
        engine.start()
        vector_png(engine)
        first = time.perf_counter() - started
        print(f"{'first export of a new engine (start + render)':<46} {first:7.2f} s")
        warm = line("warm vector PNG", timed(lambda: vector_png(engine), args.runs), 1.5)
        for fmt in ("svg", "pdf"):
            line(
                f"warm vector {fmt.upper()}",
                timed(lambda f=fmt: snapshot(store, DAY, AL_QAIM, fmt=f, engine=engine), 3),
            )
        snapshot(store, DAY, AL_QAIM, fmt="png", path="maplibre", engine=engine)
        maplibre = line(
            "warm MapLibre PNG",
            timed(
                lambda: snapshot(store, DAY, AL_QAIM, fmt="png", path="maplibre", engine=engine),
                max(3, args.runs // 2),
            ),
            4.0,
        )
    finally:
        engine.close()
    print(f"cold / warm vector PNG: {cold / warm:.1f}x faster warm")
    print(f"MapLibre / vector PNG (both warm): {maplibre / warm:.1f}x")

    print(f"\n== story PDF, {args.steps} steps (one page each)")
    steps = tuple(
        StoryStep(
            day=date(2017, 10, 20) + timedelta(days=3 * i),
            bbox=AL_QAIM if i % 2 else None,
            caption=f"Step {i + 1}: what changed on the Euphrates front this week, in a sentence "
            "or two long enough to wrap onto a second line of the caption band.",
        )
        for i in range(args.steps)
    )
    story = Story(title="Benchmark story", steps=steps)
    with ExportEngine(tabs=2) as engine:
        pdf = line(
            f"warm {args.steps}-step PDF (2 tabs)",
            timed(lambda: story_pdf(store, story, engine), 1),
            30.0,
        )
    print(
        f"per page: {pdf / args.steps:.2f} s; naive (cold browser per page) would be about "
        f"{cold * args.steps:.0f} s ({cold * args.steps / pdf:.1f}x slower)"
    )
    store.close()


if __name__ == "__main__":
    main()
