"""Known control areas (GeoJSON polygons) as a starting state for the control model.

They are stored in their own table rather than as claims: a claim is a place, a day and the
sentence that says so, and everything that reads claims (state histories, explanations, the
web's claim list) expects a point. A polygon has no point to pin it to; the control model
already takes such areas as ``ImportedArea`` and lays them under the claims.

The control timeline treats imported areas as ground that is there from the start, without a
date of its own. :func:`control_series` gives them their date: snapshots before an area's day
are computed without it, and the day itself becomes a change point.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry import mapping, shape
from shapely.validation import explain_validity

from dashboard.events.model import SIDES, Claim, stable_id
from dashboard.exchange.errors import ImportFailed

if TYPE_CHECKING:
    from dashboard.control import ControlRules, ControlSnapshot, ControlTimeline, Geography
    from dashboard.control.areas import ImportedArea
    from dashboard.store import ImportedControlArea, Store

_WGS84_NAMES = {
    "urn:ogc:def:crs:ogc:1.3:crs84",
    "urn:ogc:def:crs:ogc::crs84",
    "epsg:4326",
    "urn:ogc:def:crs:epsg::4326",
    "urn:ogc:def:crs:epsg:6.3:4326",
}


@dataclass(frozen=True)
class ControlImportSummary:
    path: str
    id: str
    status: str  # new | unchanged
    side: str
    day: date
    features: int
    area_km2: float

    def line(self) -> str:
        return (
            f"{self.path}: {self.status}, {self.features} polygon feature(s), "
            f"{self.area_km2:,.0f} km² held by {self.side} from {self.day}"
        )


def _geometries(path: Path, data: Any) -> list[dict[str, Any]]:
    """The geometry mappings of a FeatureCollection, Feature or bare geometry."""
    if not isinstance(data, dict) or "type" not in data:
        raise ImportFailed(f"{path} is JSON but not GeoJSON (no top-level 'type')")
    crs = data.get("crs")
    if isinstance(crs, dict):
        name = str((crs.get("properties") or {}).get("name", "")).lower()
        if name and name not in _WGS84_NAMES:
            raise ImportFailed(
                f"{path} declares the CRS {name!r}; reproject it to EPSG:4326 (lon/lat), e.g. "
                f"ogr2ogr -t_srs EPSG:4326 out.geojson {path.name}"
            )
    kind = data["type"]
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list) or not features:
            raise ImportFailed(f"{path} holds no features")
    elif kind == "Feature":
        features = [data]
    else:
        features = [{"type": "Feature", "geometry": data}]
    geometries = []
    for n, feature in enumerate(features, 1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict):
            raise ImportFailed(f"{path}: feature {n} has no geometry")
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            raise ImportFailed(
                f"{path}: feature {n} is a {geometry.get('type')!r}; control areas must be "
                "Polygon or MultiPolygon"
            )
        geometries.append(geometry)
    return geometries


def read_control_geojson(path: Path) -> tuple[Any, int, str]:
    """The union of a GeoJSON file's polygons, their count and the file's SHA-256, after
    checking that each is a valid polygon in lon/lat."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"cannot read {path}: {exc.strerror or exc}") from None
    if not raw.strip():
        raise ImportFailed(f"{path} is empty")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFailed(f"{path} is not UTF-8 text; GeoJSON must be UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            f"{path} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    shapes = []
    for n, geometry in enumerate(_geometries(path, data), 1):
        try:
            geom = shape(geometry)
        except (ValueError, TypeError, IndexError, AttributeError, shapely.errors.ShapelyError):
            raise ImportFailed(f"{path}: feature {n} has malformed coordinates") from None
        if geom.is_empty:
            raise ImportFailed(f"{path}: feature {n} is an empty polygon")
        west, south, east, north = geom.bounds
        if west < -180 or east > 180 or south < -90 or north > 90:
            raise ImportFailed(
                f"{path}: feature {n} has coordinates outside EPSG:4326 (bounds {west:.6g}, "
                f"{south:.6g}, {east:.6g}, {north:.6g}); it looks projected: reproject it to "
                "EPSG:4326 (longitude, latitude)"
            )
        if not geom.is_valid:
            raise ImportFailed(
                f"{path}: feature {n} is not a valid polygon ({explain_validity(geom)}); repair "
                "it (QGIS: Fix geometries; shapely.make_valid) and import again"
            )
        shapes.append(geom)
    union = shapely.union_all(shapes)
    return union, len(shapes), hashlib.sha256(raw).hexdigest()


def import_control(
    store: Store,
    path_geojson: str | Path,
    side: str,
    day: date,
    *,
    actor: str = "import",
) -> ControlImportSummary:
    """Store a GeoJSON control area held by ``side`` from ``day`` as a starting state.

    Importing the same file for the same side and day again changes nothing. Call
    :func:`dashboard.pipeline.refresh_control` afterwards (the CLI does) to redraw control.
    """
    from dashboard.control.geography import to_metric
    from dashboard.store import ImportedControlArea

    path = Path(path_geojson)
    if side not in SIDES:
        raise ImportFailed(f"side {side!r} is not one of {', '.join(SIDES)}")
    union, count, digest = read_control_geojson(path)
    area_id = stable_id("imported_area", side, day.isoformat(), digest)
    km2 = float(shapely.area(to_metric(union))) / 1e6
    record = ImportedControlArea(
        id=area_id,
        side=side,
        valid_on=day,
        geometry=mapping(union),
        source=path.name,
        properties={"path": str(path), "features": count, "area_km2": round(km2, 3)},
    )
    status = store.save_imported_area(record, actor=actor)
    return ControlImportSummary(str(path), area_id, status, side, day, count, km2)


def as_imported_areas(records: Iterable[ImportedControlArea]) -> list[ImportedArea]:
    """Stored records as the control model's ``ImportedArea`` values."""
    from dashboard.control.areas import ImportedArea

    return [ImportedArea(r.side, shape(r.geometry), r.valid_on, r.source) for r in records]


def snapshot_at(timeline: ControlTimeline, day: date) -> ControlSnapshot:
    """The map on ``day`` from a timeline's claims and ground, whether or not ``day`` is one of
    its change points (and even with no claims: then only its imported areas show)."""
    from dashboard.control import ControlSnapshot
    from dashboard.control.areas import (
        area_by_code,
        assign_owners,
        build_ground,
        dissolve_pieces,
        imported_fade_day,
        place_codes,
    )
    from dashboard.control.frontlines import frontlines_between
    from dashboard.control.state import REGION_PRECISIONS, constraints_on, usable_claims
    from dashboard.control.timeline import StatesOn

    ground = timeline.ground or build_ground(
        [], timeline.geography, [], timeline.imported, timeline.rules.areas
    )
    states = StatesOn(timeline.histories, day)
    region_claims = usable_claims(
        (c for c in timeline.claims.values() if c.precision in REGION_PRECISIONS),
        timeline.rules.state,
    )
    constraints = constraints_on(region_claims, day, timeline.rules.state)
    region_states = {r.id: states[r.id] for r in ground.regions if r.id in timeline.histories}
    live = tuple(day < imported_fade_day(a, timeline.rules.state) for a in ground.imported)
    ownership = assign_owners(ground, place_codes(ground, states), region_states, constraints, live)
    return ControlSnapshot(
        date=day,
        areas=dissolve_pieces(ground, ownership.owner),
        area_km2=area_by_code(ground, ownership.owner),
        frontlines=tuple(frontlines_between(ground, ownership.owner, day)),
        place_states=states,
        constraints=tuple(constraints),
        ownership=ownership,
        ground=ground,
        claims=timeline.claims,
    )


class ControlSeries:
    """Every change-point snapshot for the claims added so far, each imported area in force
    from its day on; kept up to date as claims arrive, like ``ControlTimeline``.

    The days of the imported areas cut time into periods; each period is computed by a
    timeline whose ground holds the areas imported by its start, and its first day is a change
    point. Without imported areas this is exactly ``ControlTimeline.add_claims``. Each period
    costs one ground build, so a few imports are cheap and hundreds would not be. A snapshot
    that new claims do not change stays the same object, so a caller can tell it is unchanged.
    """

    def __init__(
        self,
        geography: Geography,
        imported: Sequence[ImportedArea] = (),
        rules: ControlRules | None = None,
    ) -> None:
        from dashboard.control import ControlTimeline

        self.geography = geography
        self.imported = tuple(imported)
        self.rules = rules
        self.before = ControlTimeline(geography, rules)
        self.days = sorted({a.valid_on for a in self.imported})
        self.periods = [
            ControlTimeline(geography, rules, imported=[a for a in imported if a.valid_on <= d])
            for d in self.days
        ]
        self._openings: list[ControlSnapshot | None] = [None] * len(self.days)
        self.snapshots: list[ControlSnapshot] = []

    def add_claims(self, claims: Iterable[Claim]) -> None:
        """Take new claims (a claim with a known id replaces the old one) and redo only the
        snapshots they change."""
        claims = list(claims)
        self.before.add_claims(claims)
        for i, (start, timeline) in enumerate(zip(self.days, self.periods, strict=True)):
            ground = timeline.ground
            first = timeline.add_claims(claims)
            # the opening snapshot shows the states on ``start``: it moves if the ground was
            # rebuilt or a claim starts on or before that day
            if first is not None and (timeline.ground is not ground or first <= start):
                self._openings[i] = None
        self.snapshots = self._assemble()

    def _assemble(self) -> list[ControlSnapshot]:
        if not self.days:
            return list(self.before.snapshots)
        series = [s for s in self.before.snapshots if s.date < self.days[0]]
        for i, (start, timeline) in enumerate(zip(self.days, self.periods, strict=True)):
            end = self.days[i + 1] if i + 1 < len(self.days) else date.max
            period = [s for s in timeline.snapshots if start <= s.date < end]
            if not period or period[0].date != start:
                opening = self._openings[i]
                if opening is None:
                    opening = self._openings[i] = snapshot_at(timeline, start)
                period.insert(0, opening)
            series.extend(period)
        return series


def control_series(
    claims: Iterable[Claim],
    geography: Geography,
    imported: Sequence[ImportedArea] = (),
    rules: ControlRules | None = None,
) -> list[ControlSnapshot]:
    """Every change-point snapshot for these claims, each imported area in force from its day
    (see :class:`ControlSeries`)."""
    series = ControlSeries(geography, imported, rules)
    series.add_claims(claims)
    return series.snapshots
