"""Control areas: each held place's control spread over the ground around it.

The ground is cut once into *faces*, a planar partition of the area of interest made from:

* one cell per place: the Voronoi cell of the place among the places **of its own country**
  (so no cell crosses an international border; a side that holds places on both sides of a
  border gets ground on both sides from its own places there), cut to the place's reach:
  a disc of ``reach_km[importance]`` (city > town > village) plus, along a river, the
  valley corridor out to ``river_reach_factor`` times that. Desert beyond stays neutral;
* governorate and district boundaries (for region claims and partial claims);
* imported control areas (the starting state: a published map is one statement about a day,
  so it fades like an unconfirmed claim, see :func:`imported_fade_day`, and the ground shows
  through once it has; the claims on top of it never need it);
* a square grid of ``grid_km`` so unclaimed desert can be handed out in small pieces when a
  partial claim needs it.

Faces depend only on the set of places, never on who holds them, so a day's map is an
array of face owners: place cells over region claims over imported areas, then partial
claims top up their side with the nearest neutral faces. Dissolving is done per tile and
cached by the set of faces, so a change point only re-unions the tiles it touched; faces are
moved to lon/lat once, and unioned there (the union only picks and links the faces' edges,
so the result is the same coordinates as moving each union afterwards).
Everything is computed in the equal-area projection of :mod:`dashboard.control.geography`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from dashboard.control.geography import Geography, metric_xy, to_lonlat, to_metric
from dashboard.control.relations import FrontRules
from dashboard.control.state import CONTESTED, HELD, PartialConstraint, PlaceState, StateRules
from dashboard.events.model import SIDES

NEUTRAL_CODE = 0
CONTESTED_CODE = 1
SIDE_CODES = {side: i + 2 for i, side in enumerate(SIDES)}
CODE_NAMES = {NEUTRAL_CODE: "neutral", CONTESTED_CODE: "contested"} | {
    code: side for side, code in SIDE_CODES.items()
}

# what decided a face: encoded in Ownership.source as (kind, index)
FROM_NOTHING, FROM_BASELINE, FROM_REGION, FROM_PLACE, FROM_CONSTRAINT = range(5)

IMPORTANCE = ("city", "town", "village")


@dataclass(frozen=True)
class AreaRules:
    """Geometry parameters; distances in km on the equal-area projection."""

    reach_km: Mapping[str, float] = field(
        default_factory=lambda: {"city": 40.0, "town": 25.0, "village": 12.0}
    )
    river_reach_factor: float = 2.0
    river_corridor_km: float = 6.0
    grid_km: float = 15.0
    tile_km: float = 60.0
    circle_quad_segs: int = 4
    # sides whose ground runs across borders by their own doctrine: a border between them and
    # anyone else is a front even where they hold nothing across it
    transborder_sides: tuple[str, ...] = ("isis",)
    # which contacts between two sides are frontlines and which are boundaries
    fronts: FrontRules = field(default_factory=FrontRules)


@dataclass(frozen=True)
class GroundPlace:
    """A place that can hold a cell: where it is and how far its control reaches."""

    id: str
    name: str
    lon: float
    lat: float
    importance: str = "town"


@dataclass(frozen=True)
class RegionPlace:
    """A governorate or district named by claims; ``code`` keys the polygon in Geography."""

    id: str
    name: str
    level: str  # governorate | district
    code: str


@dataclass(frozen=True)
class ImportedArea:
    """A control polygon (lon/lat) imported as the starting state, e.g. from a published map."""

    side: str
    geometry: BaseGeometry
    valid_on: date
    source: str = ""
    confidence: float = 1.0  # as a claim's: how long the map lasts unconfirmed


def imported_fade_day(area: ImportedArea, rules: StateRules) -> date:
    """The first day an imported area no longer counts: it decays like one full claim of its
    ``confidence`` made on ``valid_on`` (same half-life and floor), because a map that nothing
    restates is no better evidence than a report nothing restates."""
    if area.confidence <= rules.confidence_floor:
        return area.valid_on
    age = rules.half_life_days * math.log2(area.confidence / rules.confidence_floor)
    return area.valid_on + timedelta(days=math.floor(age) + 1)


@dataclass
class Ground:
    """The faces and their fixed attributes; built once per set of places."""

    rules: AreaRules
    places: tuple[GroundPlace, ...]
    place_index: dict[str, int]
    place_country: np.ndarray  # country index per place, -1 outside the area
    regions: tuple[RegionPlace, ...]
    region_index: dict[str, int]
    region_faces: list[np.ndarray]
    imported: tuple[ImportedArea, ...]
    countries: tuple[str, ...]
    faces: np.ndarray  # metric polygons
    face_area_km2: np.ndarray
    face_xy: np.ndarray  # representative point per face (metric), shape (n, 2)
    face_country: np.ndarray
    face_place: np.ndarray  # place index whose cell holds the face, -1 none
    face_imported: np.ndarray  # side code from imported areas, NEUTRAL_CODE none
    face_imported_index: np.ndarray
    face_tile: np.ndarray
    edges: np.ndarray  # metric lines between two faces
    edge_left: np.ndarray
    edge_right: np.ndarray
    edge_border: np.ndarray  # the two faces lie in different countries
    total_area_km2: float
    imported_faces: list[np.ndarray] = field(default_factory=list)  # faces inside each area
    _cache: dict = field(default_factory=dict, repr=False)

    def faces_of_place(self, place_id: str) -> np.ndarray:
        return np.flatnonzero(self.face_place == self.place_index[place_id])


@dataclass(frozen=True)
class Ownership:
    """Who holds every face on one day, and what decided it."""

    owner: np.ndarray  # code per face
    source_kind: np.ndarray
    source_index: np.ndarray
    unmet: tuple[tuple[str, str, float, float], ...] = ()  # region, side, wanted, got


def _reach_polygons(ground_points: np.ndarray, radii: np.ndarray, corridor, rules: AreaRules):
    discs = shapely.buffer(ground_points, radii, quad_segs=rules.circle_quad_segs)
    if corridor is None or rules.river_reach_factor <= 1.0:
        return discs
    long = shapely.buffer(
        ground_points, radii * rules.river_reach_factor, quad_segs=rules.circle_quad_segs
    )
    along = shapely.intersection(long, corridor)
    return shapely.union(discs, along)


def _voronoi_cells(points: np.ndarray, country) -> np.ndarray:
    """Voronoi cells of ``points`` (metric) in input order; identical points share a cell.

    Cells reach well past the country, which the caller clips them to: a lone place's cell is
    that envelope, not the country itself, since GEOS can return points, not the polygon, when
    a polygon already clipped to the country is intersected with the same country again.
    """
    envelope = shapely.buffer(shapely.envelope(country), 1e5)
    if len(points) == 1:
        return np.array([envelope], dtype=object)
    xy = shapely.get_coordinates(points)
    keys, first, inverse = np.unique(
        np.round(xy, 3), axis=0, return_index=True, return_inverse=True
    )
    if len(keys) == 1:
        return np.array([envelope] * len(points), dtype=object)
    uniq = shapely.multipoints(xy[first])
    diagram = shapely.voronoi_polygons(uniq, extend_to=envelope, ordered=True)
    cells = np.asarray(shapely.get_parts(diagram))
    return cells[np.asarray(inverse).ravel()]


def _grid_lines(bounds: tuple[float, float, float, float], step: float) -> list[BaseGeometry]:
    minx, miny, maxx, maxy = bounds
    xs = np.arange(np.floor(minx / step) * step, maxx + step, step)
    ys = np.arange(np.floor(miny / step) * step, maxy + step, step)
    lines = [shapely.linestrings([[x, miny - step], [x, maxy + step]]) for x in xs]
    lines += [shapely.linestrings([[minx - step, y], [maxx + step, y]]) for y in ys]
    return lines


def _region_polygon(region: RegionPlace, geography: Geography):
    table = geography.districts if region.level == "district" else geography.governorates
    entry = table.get(region.code)
    return None if entry is None else entry[1]


def build_ground(
    places: Sequence[GroundPlace],
    geography: Geography,
    regions: Sequence[RegionPlace] = (),
    imported: Sequence[ImportedArea] = (),
    rules: AreaRules | None = None,
) -> Ground:
    """Cut the area of interest into faces for these places (slow part, done once)."""
    rules = rules or AreaRules()
    places = tuple(sorted({p.id: p for p in places}.values(), key=lambda p: p.id))
    regions = tuple(sorted({r.id: r for r in regions}.values(), key=lambda r: r.id))
    imported = tuple(imported)
    codes = tuple(sorted(geography.countries))
    country_m = np.asarray(to_metric(np.array([geography.countries[c] for c in codes])))
    country_m = shapely.make_valid(country_m)
    aoi = shapely.union_all(country_m)

    x, y = metric_xy([p.lon for p in places], [p.lat for p in places])
    points = shapely.points(x, y) if places else np.array([], dtype=object)
    place_country = np.full(len(places), -1)
    for ci, geom in enumerate(country_m):
        inside = shapely.contains_xy(geom, x, y) if places else np.array([], bool)
        place_country[(place_country == -1) & inside] = ci

    corridor = None
    if geography.rivers and rules.river_reach_factor > 1.0:
        river_m = to_metric(np.array(geography.rivers, dtype=object))
        corridor = shapely.buffer(shapely.union_all(river_m), rules.river_corridor_km * 1000)
    radii = np.array([rules.reach_km.get(p.importance, rules.reach_km["town"]) for p in places])
    cells = np.empty(len(places), dtype=object)
    for ci, geom in enumerate(country_m):
        members = np.flatnonzero(place_country == ci)
        if len(members) == 0:
            continue
        vor = _voronoi_cells(points[members], geom)
        reach = _reach_polygons(points[members], radii[members] * 1000, corridor, rules)
        cells[members] = shapely.intersection(shapely.intersection(vor, reach), geom)
    held_cells = [c for c in cells if c is not None and not shapely.is_empty(c)]

    lines = list(shapely.boundary(country_m))
    gov_m = {}
    for code, (_, geom) in geography.governorates.items():
        gov_m[code] = to_metric(geom)
        lines.append(shapely.boundary(gov_m[code]))
    region_geoms = []
    for region in regions:
        geom = _region_polygon(region, geography)
        geom_m = None if geom is None else to_metric(geom)
        region_geoms.append(geom_m)
        if geom_m is not None and region.level == "district":
            lines.append(shapely.boundary(geom_m))
    imported_m = [to_metric(a.geometry) for a in imported]
    lines += [shapely.boundary(g) for g in imported_m]
    lines += list(shapely.boundary(np.array(held_cells, dtype=object)))
    lines += _grid_lines(aoi.bounds, rules.grid_km * 1000)
    noded = shapely.unary_union(
        shapely.intersection(np.array(lines, dtype=object), shapely.envelope(aoi).buffer(1e4)),
        grid_size=1.0,
    )
    faces = np.asarray(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    reps = shapely.point_on_surface(faces)
    keep = shapely.contains(aoi, reps) & (shapely.area(faces) > 1.0)
    faces, reps = faces[keep], reps[keep]
    face_xy = shapely.get_coordinates(reps)

    face_country = np.full(len(faces), -1)
    for ci, geom in enumerate(country_m):
        inside = shapely.contains_xy(geom, face_xy[:, 0], face_xy[:, 1])
        face_country[(face_country == -1) & inside] = ci

    face_place = np.full(len(faces), -1)
    live = np.array([i for i, c in enumerate(cells) if c is not None and not shapely.is_empty(c)])
    if len(live):
        # cells as the query side, so each is prepared once for its points
        ci, fi = shapely.STRtree(reps).query(cells[live], predicate="contains")
        order = np.lexsort((live[ci], fi))
        fi, ci = fi[order], ci[order]
        first = np.unique(fi, return_index=True)[1]
        face_place[fi[first]] = live[ci[first]]

    region_faces = []
    for geom_m in region_geoms:
        if geom_m is None:
            region_faces.append(np.array([], dtype=int))
            continue
        region_faces.append(
            np.flatnonzero(shapely.contains_xy(geom_m, face_xy[:, 0], face_xy[:, 1]))
        )

    imported_faces = [
        np.flatnonzero(shapely.contains_xy(geom, face_xy[:, 0], face_xy[:, 1]))
        for geom in imported_m
    ]
    face_imported, face_imported_index = _baseline(imported, imported_faces, len(faces))

    tile = rules.tile_km * 1000
    tx = np.floor(face_xy[:, 0] / tile).astype(np.int64)
    ty = np.floor(face_xy[:, 1] / tile).astype(np.int64)
    face_tile = (tx - tx.min()) * 100_000 + (ty - ty.min()) if len(faces) else tx

    edges, left, right = _face_adjacency(faces, noded)
    border = face_country[left] != face_country[right]
    area = shapely.area(faces) / 1e6
    return Ground(
        rules=rules,
        places=places,
        place_index={p.id: i for i, p in enumerate(places)},
        place_country=place_country,
        regions=regions,
        region_index={r.id: i for i, r in enumerate(regions)},
        region_faces=region_faces,
        imported=imported,
        countries=codes,
        faces=faces,
        face_area_km2=area,
        face_xy=face_xy,
        face_country=face_country,
        face_place=face_place,
        face_imported=face_imported,
        face_imported_index=face_imported_index,
        face_tile=face_tile,
        edges=edges,
        edge_left=left,
        edge_right=right,
        edge_border=border,
        total_area_km2=float(area.sum()),
        imported_faces=imported_faces,
    )


def _baseline(
    imported: Sequence[ImportedArea],
    imported_faces: Sequence[np.ndarray],
    n: int,
    live: Sequence[bool] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Owner code and area index per face from the imported areas in force (where two
    overlap, the side first in alphabetical order wins, so the result is order-free)."""
    owner = np.full(n, NEUTRAL_CODE)
    index = np.full(n, -1)
    for ai in sorted(range(len(imported)), key=lambda i: imported[i].side, reverse=True):
        if live is not None and not live[ai]:
            continue
        owner[imported_faces[ai]] = SIDE_CODES[imported[ai].side]
        index[imported_faces[ai]] = ai
    return owner, index


def _face_adjacency(faces: np.ndarray, noded) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every noded line with a face on each side: the only lines a frontline can follow."""
    lines = np.asarray(shapely.get_parts(noded))
    # faces as the query side, so each is prepared once for the lines around it
    fi, li = shapely.STRtree(lines).query(faces, predicate="covers")
    order = np.lexsort((fi, li))
    li, fi = li[order], fi[order]
    uniq, start, count = np.unique(li, return_index=True, return_counts=True)
    two = count == 2
    return lines[uniq[two]], fi[start[two]], fi[start[two] + 1]


def place_codes(ground: Ground, states: Mapping[str, PlaceState]) -> np.ndarray:
    """Owner code per place (-1: unknown, so the ground beneath shows through)."""
    codes = np.full(len(ground.places), -1)
    for i, place in enumerate(ground.places):
        state = states.get(place.id)
        if state is None:
            continue
        if state.state == HELD and state.side in SIDE_CODES:
            codes[i] = SIDE_CODES[state.side]
        elif state.state == CONTESTED:
            codes[i] = CONTESTED_CODE
    return codes


def assign_owners(
    ground: Ground,
    codes: np.ndarray,
    region_states: Mapping[str, PlaceState],
    constraints: Sequence[PartialConstraint] = (),
    imported_live: Sequence[bool] | None = None,
) -> Ownership:
    """Face owners for one day: places over regions over imported areas, then partial fills.

    Region layering: governorates first, districts over them (the finer claim wins).
    Partial rule: a side stated to hold a fraction ``f`` of a region gets, if it holds less,
    the region's neutral faces nearest to its own faces there (or to anything it holds, or
    to the region's centre) until it reaches ``f``; it never takes ground another side holds
    or contested ground, and a shortfall is reported in ``Ownership.unmet``.
    ``imported_live`` says which imported areas are still in force (None: all of them).
    """
    n = len(ground.faces)
    if imported_live is None or all(imported_live):
        owner = ground.face_imported.copy()
        index = ground.face_imported_index.copy()
    else:
        owner, index = _baseline(ground.imported, ground.imported_faces, n, imported_live)
    kind = np.where(index >= 0, FROM_BASELINE, FROM_NOTHING)
    order = sorted(
        range(len(ground.regions)),
        key=lambda i: (ground.regions[i].level == "district", ground.regions[i].id),
    )
    for ri in order:
        state = region_states.get(ground.regions[ri].id)
        if state is None or state.state not in (HELD, CONTESTED):
            continue
        code = SIDE_CODES.get(state.side or "", CONTESTED_CODE) if state.state == HELD else 1
        faces = ground.region_faces[ri]
        owner[faces], kind[faces], index[faces] = code, FROM_REGION, ri
    if len(codes):
        fp = ground.face_place
        placed = fp >= 0
        face_code = np.full(n, -1)
        face_code[placed] = codes[fp[placed]]
        set_here = face_code >= 0
        owner[set_here] = face_code[set_here]
        kind[set_here] = FROM_PLACE
        index[set_here] = fp[set_here]
    unmet = []
    for ci, constraint in enumerate(constraints):
        if constraint.fraction is None or constraint.side not in SIDE_CODES:
            continue
        ri = ground.region_index.get(constraint.region_id)
        if ri is None or len(ground.region_faces[ri]) == 0:
            continue
        got = _fill_partial(ground, owner, kind, index, ri, constraint, ci)
        if got + 1e-9 < constraint.fraction:
            unmet.append((constraint.region_id, constraint.side, constraint.fraction, got))
    return Ownership(owner, kind, index, tuple(unmet))


def _fill_partial(ground, owner, kind, index, ri, constraint, ci) -> float:
    faces = ground.region_faces[ri]
    area = ground.face_area_km2[faces]
    total = float(area.sum())
    code = SIDE_CODES[constraint.side]
    have = float(area[owner[faces] == code].sum())
    need = constraint.fraction * total - have
    if need <= 0:
        return have / total
    neutral = faces[owner[faces] == NEUTRAL_CODE]
    if len(neutral) == 0:
        return have / total
    seeds = faces[owner[faces] == code]
    if len(seeds) == 0:
        seeds = np.flatnonzero(owner == code)
    if len(seeds) == 0:
        seed_xy = ground.face_xy[faces].mean(axis=0)[None, :]
    else:
        seed_xy = ground.face_xy[seeds]
    tree = shapely.STRtree(shapely.points(seed_xy))
    _, dist = tree.query_nearest(
        shapely.points(ground.face_xy[neutral]), return_distance=True, all_matches=False
    )
    ranked = neutral[np.lexsort((neutral, np.round(dist, 1)))]
    cumulative = np.cumsum(ground.face_area_km2[ranked])
    take = ranked[: int(np.searchsorted(cumulative, need)) + 1]
    owner[take], kind[take], index[take] = code, FROM_CONSTRAINT, ci
    return (have + float(ground.face_area_km2[take].sum())) / total


def area_by_code(ground: Ground, owner: np.ndarray) -> dict[str, float]:
    """km² per side, contested and neutral (they sum to the area of interest)."""
    sums = np.bincount(owner, weights=ground.face_area_km2, minlength=len(CODE_NAMES))
    return {CODE_NAMES[c]: float(sums[c]) for c in range(len(sums)) if sums[c] > 0}


def _faces_lonlat(ground: Ground) -> np.ndarray:
    cached = ground._cache.get("faces_lonlat")
    if cached is None:
        cached = np.asarray(to_lonlat(ground.faces))
        ground._cache["faces_lonlat"] = cached
    return cached


def _tile_faces(ground: Ground) -> tuple[np.ndarray, list[np.ndarray]]:
    """Tile ids in ascending order and the faces of each, in ascending face order."""
    cached = ground._cache.get("tile_faces")
    if cached is None:
        order = np.argsort(ground.face_tile, kind="stable")
        tiles, first = np.unique(ground.face_tile[order], return_index=True)
        cached = (tiles, np.split(order, first[1:]))
        ground._cache["tile_faces"] = cached
    return cached


def dissolve_pieces(ground: Ground, owner: np.ndarray) -> dict[str, tuple[BaseGeometry, ...]]:
    """Lon/lat pieces per owner (side, contested, neutral), one per tile, re-unioning only
    the tiles whose set of faces changed.

    Pieces are cached by the exact set of faces they hold, so successive change points that
    differ in a few places share almost all of the work, and the tiles of the previous call
    are reused as they are where no face changed owner. The faces form an exact coverage,
    so ``coverage_union`` merges them without overlay arithmetic, and pieces of one owner
    meet along shared tile seams only (see :func:`merge_pieces`).
    """
    cache = ground._cache.setdefault("tiles", {})
    if len(cache) > 200_000:
        cache.clear()
    faces = _faces_lonlat(ground)
    tiles, tile_faces = _tile_faces(ground)
    tile_at = {t: i for i, t in enumerate(tiles.tolist())}
    last = ground._cache.get("last_dissolve")
    if last is not None and len(last[0]) == len(owner):
        changed = np.unique(ground.face_tile[last[0] != owner])
        per_tile = dict(last[1])
    else:
        changed, per_tile = tiles, {}
    sub = subtiles(ground)
    for tile in changed.tolist():
        members = tile_faces[tile_at[tile]]
        codes = owner[members]
        found = []
        for code in np.flatnonzero(np.bincount(codes)).tolist():
            chunk = members[codes == code]
            key = (code, chunk.tobytes())
            piece = cache.get(key)
            if piece is None:
                piece = cache[key] = union_by_subtile(faces, sub, code, chunk, cache)
            found.append((code, piece))
        per_tile[tile] = found
    ground._cache["last_dissolve"] = (owner.copy(), per_tile)
    by_code: dict[int, list[BaseGeometry]] = {}
    for tile in tiles.tolist():
        for code, piece in per_tile.get(tile, ()):
            by_code.setdefault(code, []).append(piece)
    return {CODE_NAMES[code]: tuple(by_code[code]) for code in sorted(by_code)}


SUBTILES = 3
"""Sub-tiles per tile side: a tile's piece is the union of its sub-tiles' pieces, so a change
re-unions the faces of one sub-tile and then a few large pieces, not every face of the tile.
On the 10,000-place benchmark the snapshots took 27.7 s instead of 33.9 s, with the same tiles
(and so the same seams and export cost) as before."""


def subtiles(ground: Ground) -> np.ndarray:
    """The sub-tile of every face (see :data:`SUBTILES`)."""
    cached = ground._cache.get("subtiles")
    if cached is None:
        if len(ground.face_xy) == 0:
            cached = np.zeros(0, dtype=np.int64)
        else:
            cells = np.floor(ground.face_xy / (ground.rules.tile_km * 1000 / SUBTILES))
            cells = (cells - cells.min(axis=0)).astype(np.int64)
            cached = cells[:, 0] * 1_000_000 + cells[:, 1]
        ground._cache["subtiles"] = cached
    return cached


def union_by_subtile(
    faces: np.ndarray,
    sub: np.ndarray,
    code: int,
    chunk: np.ndarray,
    cache: dict | None = None,
) -> BaseGeometry:
    """The union of ``chunk``'s faces (one tile's faces of one owner) from per-sub-tile
    unions, kept in ``cache`` when given (an exact coverage stays one after grouping, so
    ``coverage_union`` applies at both levels)."""
    cache = {} if cache is None else cache
    cells = sub[chunk]
    if len(chunk) < 8 or cells.min() == cells.max():
        return shapely.coverage_union_all(faces[chunk])
    order = np.argsort(cells, kind="stable")
    _, first = np.unique(cells[order], return_index=True)
    parts = []
    for group in np.split(chunk[order], first[1:]):
        key = ("sub", code, group.tobytes())
        part = cache.get(key)
        if part is None:
            part = cache[key] = shapely.coverage_union_all(faces[group])
        parts.append(part)
    return shapely.coverage_union_all(np.array(parts, dtype=object))


def merge_pieces(pieces: Sequence[BaseGeometry]) -> BaseGeometry:
    """One geometry without tile seams (for export; the pieces share exact vertices)."""
    if not pieces:
        return shapely.Polygon()
    return shapely.coverage_union_all(np.array(pieces, dtype=object))


def as_multipolygon(pieces: Sequence[BaseGeometry]) -> BaseGeometry:
    """The pieces side by side in one MultiPolygon (cheap; seams stay as shared edges)."""
    parts = [p for piece in pieces for p in shapely.get_parts(piece) if p.geom_type == "Polygon"]
    return shapely.MultiPolygon(parts)
