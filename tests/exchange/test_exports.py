"""Exports of events, claims and control carry their sources, in every format."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyogrio
import pytest

from dashboard.exchange import ExportFailed, export, import_control, import_events
from dashboard.exchange.exports import LAYERS
from dashboard.pipeline import refresh_control
from dashboard.store import Store
from tests.exchange.test_control_import import area_geojson

DAY = date(2017, 11, 3)


@pytest.fixture
def filled(store: Store, acled_file: Path, tmp_path: Path) -> Store:
    import_events(store, acled_file, "acled")
    import_control(store, area_geojson(tmp_path), "isis", date(2017, 7, 1))
    refresh_control(store, since=date(1900, 1, 1))
    return store


def test_geojson_is_one_collection_with_a_kind_per_feature(filled: Store, tmp_path: Path) -> None:
    summary = export(filled, tmp_path / "day.geojson", "geojson", day=DAY)
    data = json.loads((tmp_path / "day.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    kinds = {f["properties"]["kind"] for f in data["features"]}
    assert kinds == {"event", "claim", "control_area", "frontline", "place"}
    events = [f for f in data["features"] if f["properties"]["kind"] == "event"]
    assert len(events) == summary.counts["events"] == 2  # the armed clash; the base is left out
    assert {e["properties"]["date"] for e in events} == {"2017-11-03"}
    (claim,) = [f for f in data["features"] if f["properties"]["kind"] == "claim"]
    assert claim["properties"]["place_name"] == "Deir ez-Zor"
    assert claim["geometry"] == {"type": "Point", "coordinates": [40.141, 35.336]}


def test_every_exported_row_carries_its_sources(filled: Store, tmp_path: Path) -> None:
    export(filled, tmp_path / "all.geojson", "geojson")
    data = json.loads((tmp_path / "all.geojson").read_text(encoding="utf-8"))
    for feature in data["features"]:
        props = feature["properties"]
        if props["kind"] in ("event", "claim"):
            assert props["article_title"] == "acled_sample.csv"
            assert props["article_source"] == "ACLED"
            assert props["article_path"].endswith("acled_sample.csv")
            assert props["article_id"] and props["sentence"]
        else:
            assert props["sources"], props
    areas = [f["properties"] for f in data["features"] if f["properties"]["kind"] == "control_area"]
    imported = [s for a in areas for s in a["sources"] if "imported_area" in s]
    assert {s["article_title"] for s in imported} == {"area.geojson"}
    from_claims = [s for a in areas for s in a["sources"] if "claim_id" in s]
    assert {s["article_title"] for s in from_claims} == {"acled_sample.csv"}


def test_csv_writes_one_file_per_kind_with_wkt(filled: Store, tmp_path: Path) -> None:
    summary = export(filled, tmp_path / "out", "csv", start=date(2017, 10, 1), end=DAY)
    assert [Path(p).name for p in summary.paths] == [
        "out_events.csv",
        "out_claims.csv",
        "out_control.csv",
    ]
    with (tmp_path / "out_events.csv").open(encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))
    assert len(events) == summary.counts["events"]
    assert all(date(2017, 10, 1).isoformat() <= e["date"] <= DAY.isoformat() for e in events)
    assert all(e["wkt"].startswith("POINT") and e["article_title"] for e in events)
    with (tmp_path / "out_control.csv").open(encoding="utf-8") as handle:
        control = list(csv.DictReader(handle))
    assert {row["kind"] for row in control} >= {"control_area", "place"}
    assert all(row["wkt"] for row in control)
    assert all(json.loads(row["sources"]) for row in control)
    # The snapshot in force on the first day and every change point up to the last.
    assert {row["valid_from"] for row in control} == {
        "2017-08-20",
        "2017-10-05",
        "2017-10-17",
        "2017-11-03",
    }


def test_geopackage_has_one_layer_per_kind_in_wgs84(filled: Store, tmp_path: Path) -> None:
    summary = export(filled, tmp_path / "map", "gpkg", start=date(2017, 8, 1), end=DAY)
    path = tmp_path / "map.gpkg"
    assert summary.paths == (str(path),)
    assert [name for name, _ in pyogrio.list_layers(path)] == list(LAYERS)
    for layer in LAYERS:
        info = pyogrio.read_info(path, layer=layer)
        assert info["crs"] == "EPSG:4326"
        assert info["features"] == summary.counts[layer]
    events = pyogrio.read_dataframe(path, layer="events")
    assert set(events["article_title"]) == {"acled_sample.csv"}
    assert events.geometry.geom_type.eq("Point").all()
    areas = pyogrio.read_dataframe(path, layer="control_areas")
    assert len(areas) > 0 and areas.geometry.geom_type.eq("MultiPolygon").all()


def test_an_empty_store_exports_empty_layers(store: Store, tmp_path: Path) -> None:
    summary = export(store, tmp_path / "empty.gpkg", "gpkg")
    assert set(summary.counts.values()) == {0}
    assert [name for name, _ in pyogrio.list_layers(tmp_path / "empty.gpkg")] == list(LAYERS)


def test_bad_export_arguments_are_explained(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match="either one date or a range"):
        export(store, tmp_path / "x.geojson", day=DAY, start=DAY, end=DAY)
    with pytest.raises(ExportFailed, match="needs both ends"):
        export(store, tmp_path / "x.geojson", start=DAY)
    with pytest.raises(ExportFailed, match=r"starts .* after it ends"):
        export(store, tmp_path / "x.geojson", start=DAY, end=date(2017, 1, 1))
    with pytest.raises(ExportFailed, match="unknown export format 'shp'"):
        export(store, tmp_path / "x.shp", "shp")
    with pytest.raises(ExportFailed, match="is a folder"):
        export(store, tmp_path, "geojson")
