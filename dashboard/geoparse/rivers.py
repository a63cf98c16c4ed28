"""River lines, so a river mention is pinned near the places the article is about.

A river is a line hundreds of kilometres long; its gazetteer point says nothing about where
the fighting "on the banks of the Euphrates" is. The resolver moves the point to the part of
the river line nearest the article's other places (the gold guideline does the same).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def river_lines() -> Mapping[str, Any]:
    """Shipped river geometries by lower-cased English name (empty when the layer is missing)."""
    try:
        from dashboard.geodata import load_layer

        layer = load_layer("rivers")
    except Exception as exc:  # geodata is optional for geoparsing: fall back to points
        log.info("geoparse: river layer unavailable (%s); rivers keep gazetteer points", exc)
        return {}
    out: dict[str, Any] = {}
    for name, geom in zip(layer["name"], layer.geometry, strict=True):
        if isinstance(name, str) and geom is not None and not geom.is_empty:
            out[name.casefold()] = geom
    return out


def nearest_on_line(line: Any, lat: float, lon: float) -> tuple[float, float]:
    """The point of a (multi)line closest to a position, as (lat, lon)."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    p = nearest_points(line, Point(lon, lat))[0]
    return p.y, p.x
