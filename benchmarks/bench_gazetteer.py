"""Gazetteer load time and lookups per second, against a naive scan measured in the same run.

Run: python benchmarks/bench_gazetteer.py
The naive baseline folds every indexed spelling once and compares the folded query with each
(linear scan), on a subset of queries because it is slow; the ratio is per lookup.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.gazetteer import fold, load_gazetteer
from dashboard.gazetteer.query import Gazetteer, default_gazetteer_path

HITS = [
    "Albou Kamal",
    "Deir Ezzor",
    "al-Qaïm",
    "Husaybah",
    "Anbar",
    "Euphrate",
    "Mossoul",
    "Rakka",
    "Ramadi",
    "Rawa",
    "Anah",
    "Mayadine",
    "Tal Afar",
    "Irak",
    "Syrie",
    "Paris",
    "London",
    "Alep",
    "Damas",
    "Bagdad",
    "Kirkouk",
    "Hassaké",
    "Palmyre",
    "Tikrit",
    "Falloujah",
    "province de Deir Ezzor",
    "Saada",
    "al-Karabla",
    "Washington",
    "Moscou",
    "Ankara",
]
MISSES = [
    "les forces",
    "irakiennes",
    "Daech",
    "le Premier ministre",
    "vendredi",
    "communiqué",
    "the coalition",
    "airstrikes",
    "Observatoire syrien",
    "FDS",
    "régime",
    "l'État islamique",
    "commandant",
    "frappes aériennes",
    "division",
    "barrage",
    "artillerie",
    "bastion",
]


def _mix(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    # about one n-gram in four is a place in news text; misses dominate a recogniser's calls
    pool = HITS + MISSES * 3
    out = []
    for _ in range(n):
        name = rng.choice(pool)
        r = rng.random()
        if r < 0.2:
            name = name.upper()
        elif r < 0.3:
            name = name.lower()
        elif r < 0.4:
            name = f"{name}{rng.randint(0, 999)}"  # distinct strings defeat every cache
        out.append(name)
    return out


def main() -> int:
    path = default_gazetteer_path()
    t0 = time.perf_counter()
    gazetteer = Gazetteer(path)
    load_s = time.perf_counter() - t0
    print(f"load: {load_s:.3f} s ({len(gazetteer):,} features, {gazetteer.key_count:,} keys)")

    queries = _mix(200_000)
    fold.cache_clear()
    t0 = time.perf_counter()
    for q in queries:
        gazetteer.lookup_uncached(q)
    uncached = len(queries) / (time.perf_counter() - t0)
    print(f"lookup_uncached (result cache off): {uncached:,.0f} lookups/s")

    load_gazetteer.__globals__["_CACHE"][path] = gazetteer
    t0 = time.perf_counter()
    for q in queries:
        gazetteer.lookup(q)
    cached = len(queries) / (time.perf_counter() - t0)
    print(f"lookup (per-process result cache):  {cached:,.0f} lookups/s")

    t0 = time.perf_counter()
    for q in queries:
        gazetteer.has_key(fold(q))
    keys = len(queries) / (time.perf_counter() - t0)
    print(f"has_key(fold(name)):                 {keys:,.0f} checks/s")

    # naive baseline: linear scan over every indexed spelling (represented by its key)
    spellings = gazetteer.keys
    subset = queries[:20]
    t0 = time.perf_counter()
    for q in subset:
        k = fold(q)
        _ = [i for i, s in enumerate(spellings) if s == k]
    naive = len(subset) / (time.perf_counter() - t0)
    print(f"naive linear scan:                   {naive:,.1f} lookups/s")
    print(f"ratio lookup_uncached / naive:       {uncached / naive:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
