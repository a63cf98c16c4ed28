"""Every place the first real article names resolves first to the right feature."""

from __future__ import annotations

import pytest

from dashboard.gazetteer import distance_km, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _first(gazetteer, name, **hints):
    found = gazetteer.lookup(name, **hints)
    assert found, f"no candidate for {name!r}"
    return found[0]


def test_anbar_is_the_governorate_with_its_point_inside(gazetteer):
    best = _first(gazetteer, "Anbar", lang="fr")
    assert (best.kind, best.admin1_code, best.country) == ("admin1", "IQ.01", "IQ")
    # the label point lies in the Al-Anbar polygon: every point there gets IQ.01 back
    assert best.admin1 == "Al-Anbar"


def test_province_de_l_anbar_is_the_governorate(gazetteer):
    assert _first(gazetteer, "province de l'Anbar", lang="fr").admin1_code == "IQ.01"


def test_al_qaim_is_the_town_not_husaybah(gazetteer):
    best = _first(gazetteer, "al-Qaïm", lang="fr")
    assert best.id == "gn:92138"
    assert distance_km(best.lat, best.lon, 34.39251, 40.98945) < 10


def test_husaybah_is_its_own_town_on_the_border(gazetteer):
    best = _first(gazetteer, "Husaybah", lang="fr")
    assert best.id == "cur:husaybah"
    assert distance_km(best.lat, best.lon, 34.39251, 40.98945) < 10


def test_border_post_of_husaybah_is_the_crossing(gazetteer):
    best = _first(gazetteer, "poste-frontière de Husaybah", lang="fr")
    assert best.kind == "crossing"
    assert distance_km(best.lat, best.lon, 34.45226, 40.91854) < 10


def test_albou_kamal_is_geonames_174448(gazetteer):
    best = _first(gazetteer, "Albou Kamal", lang="fr")
    assert best.id == "gn:174448"
    assert distance_km(best.lat, best.lon, 34.45226, 40.91854) < 10


def test_unqualified_deir_ezzor_is_the_city(gazetteer):
    best = _first(gazetteer, "Deir Ezzor", lang="fr")
    assert best.id == "gn:170794"
    assert distance_km(best.lat, best.lon, 35.33588, 40.14084) < 10


def test_province_de_deir_ezzor_is_the_governorate(gazetteer):
    assert _first(gazetteer, "province de Deir Ezzor", lang="fr").admin1_code == "SY.07"
    assert _first(gazetteer, "province de Deir Ezzor", lang="fr").kind == "admin1"


def test_kind_hint_selects_the_governorate(gazetteer):
    best = _first(gazetteer, "Deir Ezzor", kind_hint="admin1")
    assert (best.kind, best.admin1_code) == ("admin1", "SY.07")


def test_euphrate_is_the_river(gazetteer):
    best = _first(gazetteer, "Euphrate", lang="fr")
    assert best.kind == "river" and best.name == "Euphrates"


def test_al_karabla_is_the_sub_district_near_al_qaim(gazetteer):
    best = _first(gazetteer, "al-Karabla", lang="fr")
    assert best.id == "ocha:IQG01Q02N01" and best.kind == "admin3"
    assert distance_km(best.lat, best.lon, 34.39251, 40.98945) < 15


def test_saada_is_the_locality_of_the_al_qaim_area(gazetteer):
    best = _first(gazetteer, "Saada", lang="fr")
    assert best.id == "cur:saada-qaim"
    assert best.approximate
    assert distance_km(best.lat, best.lon, 34.39251, 40.98945) < 20


@pytest.mark.parametrize(("name", "iso"), [("Irak", "IQ"), ("Syrie", "SY")])
def test_french_country_names(gazetteer, name, iso):
    best = _first(gazetteer, name, lang="fr")
    assert (best.kind, best.country) == ("country", iso)
