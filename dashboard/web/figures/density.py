"""Level of detail for crowded days: one disc per side and screen cell instead of one per event.

On a day with thousands of events most discs sit under others of the same colour, yet each
one still costs the renderer a quad; without a GPU a view of 100k discs takes about 200 ms a
frame. Above :data:`MERGE_OVER` events a day is therefore drawn with at most one disc per side
in each cell of a grid about two discs wide at the map's current zoom (Web Mercator,
so cells are square on screen). The disc stays where its most relevant event is, so nothing
moves by more than a cell; its hover counts the events it stands for, and a click lists them.
Zooming in past a whole zoom level redraws those days with cells half as wide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

MERGE_OVER = 1000
"""A day (an event slot) with more events than this is drawn merged; fewer, one disc each."""
CELL_PX = 12.0
"""Cell side in screen pixels at the middle of a zoom level (8.5 to 17 px across it): about
two of the 6-pixel discs a view of more than 30,000 events is drawn with. Cells of 9 px drew
half as many discs again for no difference one can see, and cost a step about 40 ms."""
TILE_PX = 512  # MapLibre's world is 512 px wide at zoom 0
MAX_LEVEL = 22
_MERCATOR_LAT = 85.05112878


def detail_level(zoom: float | None, default: float) -> int:
    """The whole zoom level a view is merged at (cells change only when it changes)."""
    value = default if zoom is None or not math.isfinite(zoom) else zoom
    return int(min(MAX_LEVEL, max(0, math.floor(value))))


def cell_ids(lon: np.ndarray, lat: np.ndarray, level: int) -> np.ndarray:
    """One integer per point naming its grid cell at ``level``."""
    size = TILE_PX * 2.0 ** (level + 0.5) / CELL_PX  # cells across the world
    lam = np.radians(np.asarray(lon, dtype=np.float64))
    phi = np.radians(np.clip(np.asarray(lat, dtype=np.float64), -_MERCATOR_LAT, _MERCATOR_LAT))
    x = np.floor((lam / (2 * math.pi) + 0.5) * size).astype(np.int64)
    y = np.floor((0.5 - np.log(np.tan(math.pi / 4 + phi / 2)) / (2 * math.pi)) * size)
    return y.astype(np.int64) * (int(size) + 1) + x


@dataclass(frozen=True)
class Merged:
    """Which rows are drawn (``shown``, indices into the slot's rows, one per disc) and how
    many events each disc stands for."""

    shown: np.ndarray
    counts: np.ndarray


def merge(
    lon: np.ndarray,
    lat: np.ndarray,
    side_codes: np.ndarray,
    rank: np.ndarray,
    level: int,
) -> Merged:
    """Group rows by cell and side; each group is drawn at its lowest-``rank`` row."""
    cells = cell_ids(lon, lat, level)
    order = np.lexsort((rank, side_codes, cells))
    c, s = cells[order], side_codes[order]
    starts = np.flatnonzero(np.r_[True, (c[1:] != c[:-1]) | (s[1:] != s[:-1])])
    bounds = np.r_[starts, len(order)]
    return Merged(shown=order[starts], counts=np.diff(bounds))


def same_cell(lon: Sequence[float], lat: Sequence[float], index: int, level: int) -> np.ndarray:
    """Rows in the cell of row ``index`` at ``level`` (any side): what one merged disc covers,
    and its neighbours of other sides under it."""
    cells = cell_ids(np.asarray(lon), np.asarray(lat), level)
    return np.flatnonzero(cells == cells[index])
