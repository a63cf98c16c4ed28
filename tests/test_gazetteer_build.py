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
