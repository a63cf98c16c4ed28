"""Lines of contact: where ground held by one side meets ground held by another.

They follow face edges of the :class:`~dashboard.control.areas.Ground`, so a day's lines
are a lookup (edges whose two faces have different owners), not an overlay.

Only adversaries draw a frontline (see :mod:`dashboard.control.relations`): the line between
two sides that are not at war on that day (by default the SDF and the Syrian government) has
``kind="boundary"``, and where a side meets contested ground the line has
``kind="contested_edge"``.

An edge on an international border counts only if a side crosses it: either side holds
ground in both countries of that edge, or either side is a transborder side (by default
ISIS, which erased the Iraq-Syria border). So Iraqi forces facing government-held Syria
across the border draw no line, while Iraqi forces facing ISIS-held Albu Kamal do.

The line of a pair of owners is cached by its exact set of edges, so a change point redraws
only the pairs whose contact moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from dashboard.control.areas import CODE_NAMES, CONTESTED_CODE, NEUTRAL_CODE, Ground
from dashboard.control.geography import to_lonlat

FRONTLINE = "frontline"
CONTESTED_EDGE = "contested_edge"
BOUNDARY = "boundary"


@dataclass(frozen=True)
class Frontline:
    """One line between two owners; ``sides`` sorted, geometry in lon/lat."""

    sides: tuple[str, str]
    kind: str  # frontline | contested_edge | boundary
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


def _transborder(ground: Ground) -> np.ndarray:
    flags = np.zeros(len(CODE_NAMES), dtype=bool)
    for code, name in CODE_NAMES.items():
        flags[code] = name in ground.rules.transborder_sides
    return flags


def front_edges(ground: Ground, owner: np.ndarray) -> dict[tuple[int, int], np.ndarray]:
    """Edge indices per pair of owner codes (low, high) whose grounds touch (any kind)."""
    a = owner[ground.edge_left]
    b = owner[ground.edge_right]
    differ = (a != b) & (a != NEUTRAL_CODE) & (b != NEUTRAL_CODE)
    if ground.edge_border.any():
        border = np.flatnonzero(differ & ground.edge_border)
        if len(border):
            # held[code, country + 1]: the code holds ground in that country (-1: outside)
            held = np.zeros((len(CODE_NAMES), len(ground.countries) + 1), dtype=bool)
            held[owner, ground.face_country + 1] = True
            cl = ground.face_country[ground.edge_left[border]] + 1
            cr = ground.face_country[ground.edge_right[border]] + 1
            ca, cb = a[border], b[border]
            transborder = _transborder(ground)
            crosses = (
                transborder[ca]
                | transborder[cb]
                | (held[ca, cl] & held[ca, cr])
                | (held[cb, cl] & held[cb, cr])
            )
            differ[border[~crosses]] = False
    idx = np.flatnonzero(differ)
    lo = np.minimum(a[idx], b[idx])
    hi = np.maximum(a[idx], b[idx])
    key = lo * len(CODE_NAMES) + hi
    order = np.argsort(key, kind="stable")
    key, idx = key[order], idx[order]
    cuts = np.flatnonzero(np.diff(key)) + 1
    found: dict[tuple[int, int], np.ndarray] = {}
    if len(idx) == 0:
        return found
    for start, group in zip(np.r_[0, cuts].tolist(), np.split(idx, cuts), strict=True):
        code_lo, code_hi = divmod(int(key[start]), len(CODE_NAMES))
        found[(code_lo, code_hi)] = group
    return found


def contact_kind(ground: Ground, ca: int, cb: int, day: date | None) -> str:
    """``frontline`` between adversaries on ``day``, ``contested_edge`` or ``boundary``."""
    if CONTESTED_CODE in (ca, cb):
        return CONTESTED_EDGE
    if ground.rules.fronts.adversaries(CODE_NAMES[ca], CODE_NAMES[cb], day):
        return FRONTLINE
    return BOUNDARY


def _line(ground: Ground, pair: tuple[int, int], edges: np.ndarray):
    """Geometry, length and places of one pair's contact, cached by its edges."""
    cache = ground._cache.setdefault("front_lines", {})
    if len(cache) > 50_000:
        cache.clear()
    key = (pair, edges.tobytes())
    found = cache.get(key)
    if found is None:
        lines = _edges_lonlat(ground)
        km = ground._cache["edges_km"]
        merged = shapely.line_merge(shapely.multilinestrings(lines[edges]))
        faces = np.concatenate([ground.edge_left[edges], ground.edge_right[edges]])
        place_idx = np.unique(ground.face_place[faces])
        places = tuple(_place_ids(ground)[place_idx[place_idx >= 0]].tolist())
        found = (merged, round(float(km[edges].sum()), 3), places)
        cache[key] = found
    return found


def frontlines_between(
    ground: Ground, owner: np.ndarray, day: date | None = None
) -> list[Frontline]:
    """The lines of contact of one day, one per pair of owners, sorted by the pair.

    ``day`` decides dated relations (see :mod:`dashboard.control.relations`)."""
    result = []
    for (ca, cb), edges in front_edges(ground, owner).items():
        merged, length_km, places = _line(ground, (ca, cb), edges)
        result.append(
            Frontline(
                sides=(CODE_NAMES[ca], CODE_NAMES[cb]),
                kind=contact_kind(ground, ca, cb, day),
                geometry=merged,
                length_km=length_km,
                places=places,
            )
        )
    return result
