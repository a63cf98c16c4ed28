"""The import and export commands as a user runs them: exit codes, messages, files."""

from __future__ import annotations

import json
from pathlib import Path

import pyogrio

from dashboard.cli import main

DATA = Path(__file__).parent / "data"


def test_import_then_export_geojson_and_geopackage(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert (
        main(["import-events", str(DATA / "acled_sample.csv"), "--format", "acled", "--db", url])
        == 0
    )
    out = capsys.readouterr().out
    assert "events" in out
    geojson = tmp_path / "out.geojson"
    assert (
        main(
            [
                "export",
                "--from",
                "2017-01-01",
                "--to",
                "2018-12-31",
                "--format",
                "geojson",
                "-o",
                str(geojson),
                "--db",
                url,
            ]
        )
        == 0
    )
    collection = json.loads(geojson.read_text(encoding="utf-8"))
    events = [f for f in collection["features"] if f["properties"]["kind"] == "event"]
    assert events and all(f["properties"].get("source") for f in events)
    gpkg = tmp_path / "out.gpkg"
    assert (
        main(
            [
                "export",
                "--from",
                "2017-01-01",
                "--to",
                "2018-12-31",
                "--format",
                "gpkg",
                "-o",
                str(gpkg),
                "--db",
                url,
            ]
        )
        == 0
    )
    layers = {name for name, _ in pyogrio.list_layers(gpkg)}
    assert {"events", "claims", "control_areas", "frontlines"} <= layers


def test_import_of_a_file_with_missing_columns_fails_and_names_them(tmp_path: Path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("event_date,latitude\n2017-11-03,34.4\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["import-events", str(bad), "--format", "acled", "--db", url]) != 0
    err = capsys.readouterr().err
    assert "bad.csv" in err and "longitude" in err
