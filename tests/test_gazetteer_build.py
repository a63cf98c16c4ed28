"""Build-side checks that need the third-party sources (skipped when they are absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.config import geodata_dir
from dashboard.gazetteer import distance_km, load_gazetteer
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
        if row["id"].startswith(("cur:", "gn:", "ocha:", "ne-river:", "ap:")):
            assert gazetteer.get(row["id"]) is not None, row["id"]


@needs_sources
def test_admin1_label_points_lie_in_their_polygons():
    features, polygons = _admin1_features(SOURCES)
    anbar = next(f for f in features if f.admin1_code == "IQ.01")
    polygon = polygons[polygons["gn_a1_code"] == "IQ.01"].geometry.iloc[0]
    from shapely.geometry import Point

    assert polygon.contains(Point(anbar.lon, anbar.lat))
    assert "Anbar" in anbar.aliases or "Anbar Province" in anbar.aliases


def test_detached_places_do_not_pull_a_division_point():
    """A misfiled far-away group is left out; a sparse but connected hinterland is kept."""
    import numpy as np

    from dashboard.gazetteer.divisions import division_point

    south = [(43.0 + 0.1 * i, -80.0 + 0.1 * j) for i in range(10) for j in range(10)]
    north = [(44.0 + 1.0 * k, -80.0) for k in range(1, 11)]  # 1° apart: linked
    misfiled = [(44.0, 86.0), (44.2, 86.3)]  # thousands of km away
    lat, lon, dropped = division_point(np.array(south + north + misfiled), 500.0)
    assert dropped == 2
    assert 45.0 < lat < 51.0 and -81.0 < lon < -79.0


@pytest.mark.parametrize(
    ("name", "kind", "country", "admin1", "lat", "lon"),
    [
        # a province: its own GeoNames id, placed in the middle of the province, not by Toronto
        ("Ontario", "admin1", "CA", "Ontario", 47.7, -84.2),
        ("Metcalfe County", "admin2", "US", "Kentucky", 37.0, -85.6),
        ("Benue State", "admin1", "NG", "Benue", 7.3, 8.7),
        ("Hampshire", "admin2", "GB", "England", 51.1, -1.3),
    ],
)
def test_world_divisions_are_found_with_their_parents(name, kind, country, admin1, lat, lon):
    from dashboard.gazetteer import distance_km

    hit = next(c for c in load_gazetteer().lookup(name, limit=5) if c.kind == kind)
    assert (hit.country, hit.admin1) == (country, admin1)
    assert hit.id.startswith("gn:")
    assert distance_km(hit.lat, hit.lon, lat, lon) < 60


@pytest.mark.parametrize("word", ["Central", "Gulf", "Eastern", "North West", "Coast", "Islands"])
def test_division_names_made_of_common_words_need_a_qualifier(word):
    """Provinces called "Central" or "Gulf" (Papua New Guinea) would catch every direction;
    "Central Province", "the Gulf province" name them."""
    gazetteer = load_gazetteer()
    assert all(c.kind not in ("admin1", "admin2") for c in gazetteer.lookup(word, limit=12))
    qualified = gazetteer.lookup(f"{word} Province", limit=12)
    assert any(c.kind in ("admin1", "admin2") for c in qualified)


def test_a_province_of_the_theatre_keeps_its_common_english_name():
    """The Saudi Eastern Province is found among the many "Eastern" divisions."""
    found = load_gazetteer().lookup("Eastern Province", limit=12)
    assert ("admin1", "SA") in {(c.kind, c.country) for c in found}


def test_same_named_divisions_rank_by_their_people():
    top = load_gazetteer().lookup("Florida", limit=3)[0]
    assert (top.kind, top.country) == ("admin1", "US")


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


@pytest.mark.parametrize(
    ("geonameid", "lat", "lon", "km"),
    [
        (6252001, 39.8, -98.6, 400),  # United States: not among the towns of the East
        (6251999, 60.0, -100.0, 900),  # Canada: not on the Great Lakes
        (2017370, 62.0, 95.0, 1500),  # Russia: not west of the Urals
        (2077456, -25.0, 134.0, 500),  # Australia: not on the east coast
    ],
)
def test_countries_of_the_world_are_placed_inside_their_land(geonameid, lat, lon, km):
    country = load_gazetteer().get(f"gn:{geonameid}")
    assert country is not None and country.kind == "country"
    assert distance_km(country.lat, country.lon, lat, lon) < km


@pytest.mark.parametrize(
    ("alias", "name", "dropped"),
    [
        ("DXB", "Dubai", True),
        ("THE", "Teresina", True),
        ("NYC", "New York City", False),  # the initials of the name
        ("LA", "Los Angeles", False),  # two letters: an abbreviation papers print
        ("Dubayy", "Dubai", False),
    ],
)
def test_airport_codes_are_not_city_names(alias, name, dropped):
    from dashboard.gazetteer.build import _airport_code

    assert _airport_code(alias, name) is dropped


@pytest.mark.parametrize(
    ("word", "city"), [("THE", "Teresina"), ("AM", "Amman"), ("FOR", "Fortaleza")]
)
def test_the_shipped_gazetteer_holds_no_airport_codes(word, city):
    assert all(c.name != city for c in load_gazetteer().lookup(word, limit=10))


@pytest.mark.parametrize(
    ("alias", "kept"),
    [("Pa", False), ("Ko", False), ("Q6", False), ("LA", True), ("KL", True), ("Ufa", True)],
)
def test_two_letter_aliases_are_kept_only_as_initialisms(alias, kept):
    from dashboard.gazetteer.build import _keep_alias

    assert _keep_alias(alias, "CN") is kept


@pytest.mark.parametrize(
    ("alias", "country", "kept"),
    [
        ("Hàm Đan", "CN", False),  # Vietnamese for Handan
        ("Hà Nội", "VN", True),  # Vietnam's own names stay
        ("Ọyọ", "NG", True),  # Yoruba shares the block
        ("Ḩamāh", "SY", True),  # the region's romanisation marks
    ],
)
def test_vietnamese_names_of_places_abroad_are_dropped(alias, country, kept):
    from dashboard.gazetteer.build import _keep_alias

    assert _keep_alias(alias, country) is kept


def test_a_syrian_name_is_not_read_as_a_chinese_city_s_vietnamese_name():
    assert all(c.country != "CN" for c in load_gazetteer().lookup("Hamdan", limit=10))


@pytest.mark.parametrize(("word", "city"), [("PA", "Chongqing"), ("Ko", "Kyiv")])
def test_the_shipped_gazetteer_reads_no_syllable_as_a_city(word, city):
    assert all(c.name != city for c in load_gazetteer().lookup(word, limit=10))


@pytest.mark.parametrize(
    ("alias", "name", "dropped"),
    [
        ("The Bank", "Portsmouth", True),
        ("The Crossing", "Bismarck", True),
        ("The Gambia", "Gambia", False),  # the name itself, with its article
        ("The Hague", "The Hague", False),
        ("Den Haag", "The Hague", False),
    ],
)
def test_nicknames_opening_with_the_are_not_city_names(alias, name, dropped):
    from dashboard.gazetteer.build import _nickname

    assert _nickname(alias, name) is dropped


def test_the_shipped_gazetteer_holds_no_city_nickname():
    assert all(c.matched != "The Bank" for c in load_gazetteer().lookup("The Bank", limit=5))


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("Putting", False),  # folds to Puting (Anshun) but no place is written so
        ("Parra", False),  # folds to Para (Belém)
        ("Louisiana", True),
        ("Deir Ezzor", True),
        ("al-Qaim", True),
        ("Qaim", True),  # the name without its article
        ("Mossoul", True),
    ],
)
def test_the_gazetteer_tells_a_place_s_spelling_from_a_loose_folding_match(text, spelled):
    assert load_gazetteer().spelled_as_indexed(text) is spelled


def test_an_airfield_takes_its_town_s_names_only_behind_a_qualifier():
    """ "Mosul" stays the city; "Mosul airport" and « aéroport de Mossoul » reach the field."""
    from dashboard.gazetteer.build import Feature, _name_airports
    from dashboard.gazetteer.model import POSTING_QUALIFIED

    mosul = Feature("gn:1", "Mosul", 36.34, 43.12, "city", "IQ", admin1_code="IQ.NI")
    mosul.add_alias("Mosul")
    mosul.add_alias("Mossoul", 4)
    heathrow_fl = Feature("gn:2", "Heathrow", 28.76, -81.37, "village", "US")
    heathrow_fl.add_alias("Heathrow")
    pearson = Feature("gn:3", "Pearson", 31.30, -82.85, "village", "US")
    pearson.add_alias("Pearson")
    field = Feature("ap:ORBM", "Mosul International Airport", 36.31, 43.15, "airport", "IQ")
    field.add_alias(field.name)
    lhr = Feature("ap:EGLL", "London Heathrow Airport", 51.47, -0.46, "airport", "GB")
    lhr.add_alias(lhr.name)
    yyz = Feature(
        "ap:CYYZ", "Lester B. Pearson International Airport", 43.68, -79.63, "airport", "CA"
    )
    yyz.add_alias(yyz.name)
    unknown = Feature("ap:XXXX", "Osvaldo Vieira Airport", 11.89, -15.65, "airport", "GW")
    unknown.add_alias(unknown.name)
    southeast = Feature("gn:4", "Southeast", 39.0, -77.0, "village", "US")
    southeast.add_alias("Southeast")
    balad = Feature("ap:ORBD", "Balad Southeast Air Base", 33.94, 44.36, "airport", "IQ")
    balad.add_alias(balad.name)
    _name_airports(
        [mosul, heathrow_fl, pearson, southeast, field, lhr, yyz, unknown, balad],
        {
            "ap:ORBM": "Mosul",
            "ap:EGLL": "London",
            "ap:CYYZ": "Toronto",
            "ap:XXXX": "Bissau",
            "ap:ORBD": "Balad",
        },
    )
    # a known name made of common words is still no name of the field alone
    assert balad.aliases["Southeast"] & POSTING_QUALIFIED
    assert field.aliases["Mosul"] & POSTING_QUALIFIED
    assert field.aliases["Mossoul"] & POSTING_QUALIFIED
    assert field.admin1_code == "IQ.NI"
    # no town of the name near the field: its own name, read bare, as other places' are
    assert lhr.aliases["Heathrow"] & POSTING_QUALIFIED == 0
    assert lhr.aliases["London"] & POSTING_QUALIFIED  # "a London airport"
    # the persons fields are named after reach them only with a qualifier ("Pearson airport")
    assert {"Lester B. Pearson", "Pearson"} <= set(yyz.aliases)
    assert {"Osvaldo Vieira", "Vieira"} <= set(unknown.aliases)
    for feat in (yyz, unknown):
        assert all(lang & POSTING_QUALIFIED for a, lang in feat.aliases.items() if a != feat.name)


def test_a_bare_town_name_never_reads_as_its_airfield():
    gazetteer = load_gazetteer()
    for name in ("Mosul", "Deir ez-Zor", "Tabqa", "Baghdad", "Qayyarah", "Hama", "Kirkuk"):
        assert all(c.kind != "airport" for c in gazetteer.lookup(name, limit=10)), name
