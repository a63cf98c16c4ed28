"""What moved between two snapshots: km² gained and lost, places that changed hands, arrows.

Both snapshots must share one :class:`~dashboard.control.areas.Ground` (same faces), which
every snapshot of one timeline does; then a change of hands is a per-face comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from dashboard.control.areas import CODE_NAMES, NEUTRAL_CODE, SIDE_CODES
from dashboard.control.frontlines import BOUNDARY, contact_kind, front_edges
from dashboard.control.geography import to_lonlat
from dashboard.control.timeline import ControlSnapshot


@dataclass(frozen=True)
class Arrow:
    """An advance: from the old frontline (or old edge of the side's ground) into a gain."""

    side: str
    geometry: BaseGeometry  # lon/lat LineString, first point old line, last point the gain
    gained_km2: float
    places: tuple[str, ...]  # places taken inside the gained patch


@dataclass(frozen=True)
class Movement:
    table: list[dict[str, Any]]  # side, gained_km2, lost_km2, net_km2
    changed_places: list[dict[str, Any]]
    arrows: list[Arrow]


def movement_between(
    before: ControlSnapshot, after: ControlSnapshot, min_patch_km2: float = 5.0
) -> Movement:
    """Area gained and lost by each owner, places that changed hands, and advance arrows."""
    if before.ground is not after.ground:
        raise ValueError("snapshots come from different grounds; compute both in one timeline")
    ground = before.ground
    old, new = before.ownership.owner, after.ownership.owner
    moved = old != new
    area = ground.face_area_km2
    table = []
    for code in sorted(set(np.unique(old).tolist()) | set(np.unique(new).tolist())):
        gained = float(area[moved & (new == code)].sum())
        lost = float(area[moved & (old == code)].sum())
        table.append(
            {
                "side": CODE_NAMES[code],
                "gained_km2": round(gained, 3),
                "lost_km2": round(lost, 3),
                "net_km2": round(gained - lost, 3),
            }
        )
    changed = []
    for pid in sorted(set(before.place_states) | set(after.place_states)):
        a = before.place_states.get(pid)
        b = after.place_states.get(pid)
        if a is not None and b is not None and a.key == b.key:
            continue
        changed.append(
            {
                "place_id": pid,
                "before": None if a is None else (a.state, a.side),
                "after": None if b is None else (b.state, b.side),
                "claims": [after.claims[c].to_dict() for c in (b.claims if b else ())],
            }
        )
    arrows = _arrows(before, after, moved, min_patch_km2)
    return Movement(table, changed, arrows)


def _arrows(before, after, moved, min_patch_km2) -> list[Arrow]:
    ground = before.ground
    old, new = before.ownership.owner, after.ownership.owner
    old_fronts = front_edges(ground, old)
    arrows = []
    for side, code in SIDE_CODES.items():
        gained = np.flatnonzero(moved & (new == code))
        if len(gained) == 0:
            continue
        # an advance starts from a front with an adversary (or contested ground), not from a
        # boundary with a side it is not fighting
        edges = [
            e
            for pair, e in old_fronts.items()
            if code in pair
            and NEUTRAL_CODE not in pair
            and contact_kind(ground, pair[0], pair[1], after.date) != BOUNDARY
        ]
        if edges:
            origin = shapely.union_all(ground.edges[np.concatenate(edges)])
        else:
            held = np.flatnonzero(old == code)
            if len(held) == 0:
                continue
            origin = shapely.boundary(shapely.coverage_union_all(ground.faces[held]))
        patches = shapely.get_parts(shapely.coverage_union_all(ground.faces[gained]))
        for patch in sorted(patches, key=lambda p: (-p.area, p.centroid.x)):
            km2 = patch.area / 1e6
            if km2 < min_patch_km2:
                continue
            inside = [
                int(i)
                for i in np.unique(ground.face_place[gained])
                if i >= 0 and patch.intersects(shapely.Point(*_place_xy(ground, int(i))))
            ]
            rank = {"city": 0, "town": 1, "village": 2}
            inside.sort(
                key=lambda i: (rank.get(ground.places[i].importance, 3), ground.places[i].id)
            )
            taken = [ground.places[i] for i in inside]
            if inside:
                target = shapely.Point(*_place_xy(ground, inside[0]))
            else:
                target = shapely.point_on_surface(patch)
            start = shapely.shortest_line(origin, target)
            line = shapely.LineString([start.coords[0], target.coords[0]])
            if line.length < 1.0:
                continue
            arrows.append(Arrow(side, to_lonlat(line), round(km2, 3), tuple(p.id for p in taken)))
    return arrows


def _place_xy(ground, index: int) -> tuple[float, float]:
    from dashboard.control.geography import metric_xy

    place = ground.places[index]
    x, y = metric_xy([place.lon], [place.lat])
    return float(x[0]), float(y[0])
