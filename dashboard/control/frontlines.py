"""Frontlines: the lines where ground held by one side meets ground held by another.

They follow face edges of the :class:`~dashboard.control.areas.Ground`, so a day's lines
are a lookup (edges whose two faces have different owners), not an overlay.

An edge on an international border counts only if a side crosses it: either side holds
ground in both countries of that edge, or either side is a transborder side (by default
ISIS, which erased the Iraq-Syria border). So Iraqi forces facing government-held Syria
across the border draw no frontline, while Iraqi forces facing ISIS-held Albu Kamal do.
Where a side meets contested ground the edge is kept with ``kind="contested_edge"``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from dashboard.control.areas import CODE_NAMES, CONTESTED_CODE, NEUTRAL_CODE, Ground
from dashboard.control.geography import to_lonlat


@dataclass(frozen=True)
class Frontline:
    """One line between two owners; ``sides`` sorted, geometry in lon/lat."""

    sides: tuple[str, str]
    kind: str  # frontline | contested_edge
    geometry: BaseGeometry
    length_km: float
    places: tuple[str, ...]


def _edges_lonlat(ground: Ground) -> np.ndarray:
    cached = ground._cache.get("edges_lonlat")
    if cached is None:
        cached = np.asarray(to_lonlat(ground.edges))
        ground._cache["edges_lonlat"] = cached
        ground._cache["edges_km"] = shapely.length(ground.edges) / 1000.0
    return cached


def _place_ids(ground: Ground) -> np.ndarray:
    ids = ground._cache.get("place_ids")
    if ids is None:
        ids = np.array([p.id for p in ground.places], dtype=object)
        ground._cache["place_ids"] = ids
    return ids


def front_edges(ground: Ground, owner: np.ndarray) -> dict[tuple[int, int], np.ndarray]:
    """Edge indices per pair of owner codes (low, high) that face each other across a front."""
    a = owner[ground.edge_left]
    b = owner[ground.edge_right]
    differ = (a != b) & (a != NEUTRAL_CODE) & (b != NEUTRAL_CODE)
    if ground.edge_border.any():
        held = {
            int(code): set(np.unique(ground.face_country[owner == code]).tolist())
            for code in np.unique(owner)
        }
        transborder = {
            code for code, name in CODE_NAMES.items() if name in ground.rules.transborder_sides
        }
        border = np.flatnonzero(differ & ground.edge_border)
        for e in border:
            ca, cb = int(a[e]), int(b[e])
            both = {int(ground.face_country[ground.edge_left[e]])} | {
                int(ground.face_country[ground.edge_right[e]])
            }
            crosses = (
                ca in transborder
                or cb in transborder
                or both <= held.get(ca, set())
                or both <= held.get(cb, set())
            )
            if not crosses:
                differ[e] = False
    idx = np.flatnonzero(differ)
    lo = np.minimum(a[idx], b[idx])
    hi = np.maximum(a[idx], b[idx])
    found: dict[tuple[int, int], np.ndarray] = {}
    for pair in sorted(set(zip(lo.tolist(), hi.tolist(), strict=True))):
        found[pair] = idx[(lo == pair[0]) & (hi == pair[1])]
    return found


def frontlines_between(ground: Ground, owner: np.ndarray) -> list[Frontline]:
    """The frontlines of one day, one per pair of owners, sorted by the pair."""
    lines = _edges_lonlat(ground)
    km = ground._cache["edges_km"]
    result = []
    for (ca, cb), edges in front_edges(ground, owner).items():
        kind = "contested_edge" if CONTESTED_CODE in (ca, cb) else "frontline"
        merged = shapely.line_merge(shapely.multilinestrings(lines[edges]))
        faces = np.concatenate([ground.edge_left[edges], ground.edge_right[edges]])
        place_idx = np.unique(ground.face_place[faces])
        places = tuple(_place_ids(ground)[place_idx[place_idx >= 0]].tolist())
        result.append(
            Frontline(
                sides=(CODE_NAMES[ca], CODE_NAMES[cb]),
                kind=kind,
                geometry=merged,
                length_km=round(float(km[edges].sum()), 3),
                places=places,
            )
        )
    return result
