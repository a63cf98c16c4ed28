"""What changed between two control snapshots: places that changed hands and ground per side.

Pure functions of two GeoJSON FeatureCollections, so the panel, the tests and any export
agree. Areas use the snapshot's ``area_km2`` when present; otherwise they are measured in a
Lambert azimuthal equal-area projection centred on the theatre, because degrees² shrink with
latitude and would misstate gains in the north against the south.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from shapely.geometry import shape
from shapely.ops import transform

PLACE_KINDS = ("place",)


@dataclass(frozen=True)
class PlaceChange:
    name: str
    before: str  # side slug, "contested" or "unknown"
    after: str
    lon: float | None
    lat: float | None


@dataclass(frozen=True)
class SideArea:
    side: str
    before_km2: float
    after_km2: float

    @property
    def change_km2(self) -> float:
        return self.after_km2 - self.before_km2


@lru_cache(maxsize=1)
def _equal_area():
    from pyproj import Transformer

    return Transformer.from_crs(
        "EPSG:4326", "+proj=laea +lat_0=34 +lon_0=41 +datum=WGS84 +units=m", always_xy=True
    ).transform


def area_km2(feature: Mapping[str, Any]) -> float:
    """Area of one area feature in km²: its own property if given, else measured."""
    props = feature.get("properties") or {}
    given = props.get("area_km2")
    if isinstance(given, int | float):
        return float(given)
    geometry = feature.get("geometry")
    if not geometry:
        return 0.0
    return transform(_equal_area(), shape(geometry)).area / 1e6


def area_by_side(fc: Mapping[str, Any] | None) -> dict[str, float]:
    totals: dict[str, float] = {}
    for feature in (fc or {}).get("features", []):
        props = feature.get("properties") or {}
        if props.get("kind") != "area" or not props.get("side"):
            continue
        totals[props["side"]] = totals.get(props["side"], 0.0) + area_km2(feature)
    return totals


def _place_states(
    fc: Mapping[str, Any] | None,
) -> dict[str, tuple[str, float | None, float | None]]:
    states: dict[str, tuple[str, float | None, float | None]] = {}
    for feature in (fc or {}).get("features", []):
        props = feature.get("properties") or {}
        if props.get("kind") not in PLACE_KINDS:
            continue
        name = props.get("name") or props.get("place_name") or props.get("id")
        if not name:
            continue
        state = props.get("state")
        holder = "contested" if state == "contested" else (props.get("side") or "unknown")
        lon = lat = None
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Point":
            lon, lat = geometry["coordinates"][:2]
        states[str(name)] = (holder, lon, lat)
    return states


def control_changes(
    before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> tuple[list[PlaceChange], list[SideArea]]:
    """Places whose holder differs between the snapshots, and each side's ground before/after.

    Sides are listed by absolute change, largest first; places alphabetically.
    """
    old, new = _place_states(before), _place_states(after)
    changes = []
    for name in sorted(set(old) | set(new)):
        was = old.get(name, ("unknown", None, None))
        now = new.get(name, ("unknown", None, None))
        if was[0] != now[0]:
            lon, lat = (now[1], now[2]) if now[1] is not None else (was[1], was[2])
            changes.append(PlaceChange(name, was[0], now[0], lon, lat))
    a, b = area_by_side(before), area_by_side(after)
    sides = [SideArea(s, a.get(s, 0.0), b.get(s, 0.0)) for s in set(a) | set(b)]
    sides.sort(key=lambda s: (-abs(s.change_km2), s.side))
    return changes, sides
