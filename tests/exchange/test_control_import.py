"""A known control area (GeoJSON) is a starting state: it shows on the map from its day on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from shapely.geometry import box, shape

from dashboard.exchange import ImportFailed, import_control, import_events
from dashboard.pipeline import refresh_control
from dashboard.store import Store
from tests.exchange.conftest import GENERIC_MAP

RAQQA_COUNTRYSIDE = box(38.7, 35.75, 39.4, 36.25)  # lon/lat, north of the Euphrates
EVERYTHING = date(1900, 1, 1)


def geojson(tmp_path: Path, geometry: dict, name: str = "area.geojson", **extra: object) -> Path:
    path = tmp_path / name
    collection = {
        "type": "FeatureCollection",
        **extra,
        "features": [{"type": "Feature", "properties": {}, "geometry": geometry}],
    }
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def area_geojson(tmp_path: Path) -> Path:
    return geojson(tmp_path, RAQQA_COUNTRYSIDE.__geo_interface__)


def held_by(store: Store, day: date, side: str) -> float:
    """Degrees² of the imported box that the snapshot in force on ``day`` gives to ``side``."""
    snapshot = store.control_snapshot_on(day)
    if snapshot is None:
        return 0.0
    return sum(
        shape(f["geometry"]).intersection(RAQQA_COUNTRYSIDE).area
        for f in snapshot.features
        if f["properties"].get("side") == side and f["properties"]["kind"] == "area"
    )


def test_an_imported_area_changes_control_on_its_day(
    store: Store, tmp_path: Path, generic_file: Path
) -> None:
    import_events(store, generic_file, "csv", GENERIC_MAP)  # claims from 2017-06-29 on
    refresh_control(store, since=EVERYTHING)
    before = store.control_snapshot_days()
    assert held_by(store, date(2017, 7, 20), "isis") == 0.0

    summary = import_control(store, area_geojson(tmp_path), "isis", date(2017, 7, 15))
    assert summary.status == "new"
    refresh_control(store, since=date(2017, 7, 15))

    days = store.control_snapshot_days()
    assert date(2017, 7, 15) in days and date(2017, 7, 15) not in before
    assert held_by(store, date(2017, 7, 14), "isis") == 0.0
    assert held_by(store, date(2017, 7, 15), "isis") > 0.8 * RAQQA_COUNTRYSIDE.area
    # The SDF claim on Raqqa (2017-10-17) takes the city's cell out of the imported area.
    assert held_by(store, date(2017, 10, 17), "sdf") > 0
    assert held_by(store, date(2017, 10, 17), "isis") < held_by(store, date(2017, 7, 15), "isis")


def test_an_imported_area_alone_makes_a_snapshot(store: Store, tmp_path: Path) -> None:
    import_control(store, area_geojson(tmp_path), "isis", date(2016, 1, 1))
    assert refresh_control(store, since=EVERYTHING) == 1
    assert store.control_snapshot_on(date(2015, 12, 31)) is None
    assert held_by(store, date(2016, 1, 1), "isis") > 0.8 * RAQQA_COUNTRYSIDE.area


def test_importing_the_same_area_again_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = area_geojson(tmp_path)
    first = import_control(store, path, "isis", date(2016, 1, 1))
    again = import_control(store, path, "isis", date(2016, 1, 1))
    assert (first.status, again.status) == ("new", "unchanged")
    assert first.id == again.id
    (stored,) = store.imported_areas()
    assert (stored.side, stored.valid_on, stored.source) == ("isis", date(2016, 1, 1), path.name)
    assert shape(stored.geometry).equals(RAQQA_COUNTRYSIDE)
    assert store.imported_areas(until=date(2015, 12, 31)) == []


def test_a_side_outside_the_sides_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="side 'daesh' is not one of isis, iraqi_forces"):
        import_control(store, area_geojson(tmp_path), "daesh", date(2016, 1, 1))


def test_a_self_intersecting_polygon_is_refused(store: Store, tmp_path: Path) -> None:
    ring = [[38, 35], [39, 36], [39, 35], [38, 36], [38, 35]]
    bowtie = {"type": "Polygon", "coordinates": [ring]}
    with pytest.raises(ImportFailed, match=r"feature 1 is not a valid polygon \(Self-intersection"):
        import_control(store, geojson(tmp_path, bowtie), "isis", date(2016, 1, 1))
    assert store.imported_areas() == []


def test_projected_coordinates_are_refused(store: Store, tmp_path: Path) -> None:
    metres = {
        "type": "Polygon",
        "coordinates": [[[4.3e6, 4.2e6], [4.4e6, 4.2e6], [4.4e6, 4.3e6], [4.3e6, 4.2e6]]],
    }
    with pytest.raises(ImportFailed, match=r"outside EPSG:4326.*reproject it to EPSG:4326"):
        import_control(store, geojson(tmp_path, metres), "isis", date(2016, 1, 1))


def test_a_declared_foreign_crs_is_refused(store: Store, tmp_path: Path) -> None:
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    path = geojson(tmp_path, RAQQA_COUNTRYSIDE.__geo_interface__, crs=crs)
    with pytest.raises(ImportFailed, match=r"declares the CRS.*3857.*ogr2ogr"):
        import_control(store, path, "isis", date(2016, 1, 1))


def test_lines_and_broken_json_are_refused(store: Store, tmp_path: Path) -> None:
    line = {"type": "LineString", "coordinates": [[38, 35], [39, 36]]}
    with pytest.raises(ImportFailed, match=r"feature 1 is a 'LineString'.*Polygon or MultiPolygon"):
        import_control(store, geojson(tmp_path, line), "isis", date(2016, 1, 1))
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"broken\.geojson is not JSON: .* line 1"):
        import_control(store, broken, "isis", date(2016, 1, 1))
