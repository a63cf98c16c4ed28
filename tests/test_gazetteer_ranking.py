"""Ranking beyond the first article: spellings, homonyms, the regional prior and the API."""

from __future__ import annotations

import pytest

from dashboard.errors import GeodataMissing
from dashboard.gazetteer import Candidate, fold, load_gazetteer, split_qualifier


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(
    ("spellings", "expected"),
    [
        (("Mosul", "Mossoul", "Al Mawsil", "الموصل"), "gn:99072"),
        (("Raqqa", "Rakka", "Ar-Raqqah", "Raqqah"), "gn:172955"),
        (("Ramadi", "Ar Ramadi", "al-Ramadi"), "gn:98717"),
        (("Rawa", "Rawah"), "gn:92004"),
        (("Mayadin", "Mayadine", "al-Mayadeen", "Al Mayadin"), "gn:173480"),
        (("Tal Afar", "Tall Afar", "Tall ‘Afar", "Telafer"), "gn:90393"),
        (("Anah", "Ana"), "gn:6765385"),
    ],
)
def test_press_spellings_reach_the_same_place(gazetteer, spellings, expected):
    for spelling in spellings:
        assert gazetteer.lookup(spelling)[0].id == expected, spelling


def test_old_anah_is_a_lower_ranked_alternative(gazetteer):
    ids = [c.id for c in gazetteer.lookup("Anah")]
    assert ids.index("gn:6765385") < ids.index("gn:98885")


@pytest.mark.parametrize(("name", "country"), [("Paris", "FR"), ("London", "GB"), ("Moscow", "RU")])
def test_world_capitals_outrank_small_homonyms(gazetteer, name, country):
    found = gazetteer.lookup(name)
    assert found[0].country == country
    assert len(found) > 1 and found[0].score > found[1].score


def test_region_prior_is_a_parameter(gazetteer):
    from dashboard.gazetteer.query import Gazetteer

    neutral = Gazetteer(gazetteer.path, region_prior={})
    yemen_first = Gazetteer(gazetteer.path, region_prior={"YE": 1.0})
    assert neutral.lookup("Saada")[0].score < gazetteer.lookup("Saada")[0].score
    assert yemen_first.lookup("Saada")[0].country == "YE"
    assert gazetteer.lookup("Saada")[0].id == "cur:saada-qaim"


def test_french_hint_prefers_the_french_exonym(gazetteer):
    assert gazetteer.lookup("Tigre", lang="fr")[0].kind == "river"


def test_scores_are_between_zero_and_one_and_sorted(gazetteer):
    for name in ("Paris", "Deir Ezzor", "Ana", "Springfield", "San Jose"):
        scores = [c.score for c in gazetteer.lookup(name, limit=50)]
        assert all(0.0 <= s <= 1.0 for s in scores)
        assert scores == sorted(scores, reverse=True)


def test_exact_name_outranks_a_folded_alias(gazetteer):
    found = gazetteer.lookup("Manbij")
    assert found[0].name == "Manbij" and found[0].score >= gazetteer.lookup("Menbij")[0].score


def test_unknown_name_gives_nothing(gazetteer):
    assert gazetteer.lookup("Xqzzyvillevillex") == []


def test_fast_key_checks_agree_with_lookup(gazetteer):
    key = fold("Albou Kamal")
    assert gazetteer.has_key(key)
    assert gazetteer.has_prefix(key[:4])
    assert gazetteer.candidates_for_key(key)
    assert not gazetteer.has_key(fold("Xqzzyvillevillex"))
    assert gazetteer.max_name_tokens >= 3
    assert gazetteer.key_count == len(gazetteer.keys) > 100_000


def test_get_returns_the_feature_by_stable_id(gazetteer):
    feature = gazetteer.get("gn:170794")
    assert isinstance(feature, Candidate) and feature.country == "SY"
    assert gazetteer.get("cur:husaybah-crossing").kind == "crossing"
    assert gazetteer.get("gn:0") is None


def test_candidate_to_dict_has_the_json_fields(gazetteer):
    data = gazetteer.lookup("Albou Kamal")[0].to_dict()
    for field in ("name", "lat", "lon", "kind", "country", "admin1", "score", "id", "matched"):
        assert field in data


def test_points_in_the_region_carry_their_governorate(gazetteer):
    assert gazetteer.get("gn:174448").admin1_code == "SY.07"
    assert gazetteer.get("gn:99072").admin1_code == "IQ.15"


def test_qualifiers_become_kind_hints():
    assert split_qualifier("province de Deir Ezzor") == (
        "Deir Ezzor",
        ("admin1", "admin2", "admin3"),
    )
    assert split_qualifier("Anbar province")[1] == ("admin1", "admin2", "admin3")
    assert split_qualifier("fleuve Euphrate") == ("Euphrate", ("river",))
    assert split_qualifier("Ramadi") == ("Ramadi", None)


def test_unknown_kind_hint_is_an_error(gazetteer):
    with pytest.raises(ValueError, match="unknown feature kind"):
        gazetteer.lookup("Ramadi", kind_hint="planet")


def test_missing_file_says_how_to_rebuild(tmp_path):
    with pytest.raises(GeodataMissing, match=r"geodata/build\.py"):
        load_gazetteer(tmp_path / "absent.npz")
