"""Given names from the census list mark people, not places; the list leaves places alone."""

from __future__ import annotations

import pytest

from dashboard.geoparse import geoparse
from dashboard.geoparse import lexicons as lx
from dashboard.geoparse.given_names import select_given_names


@pytest.mark.parametrize(
    "sentence",
    [
        "The event was organised by Ezra Levant and friends.",  # Izra', Syria
        "Tonya Haskins thanked the crew.",  # Tonya, Turkey
        "A statement from Carey Biron followed.",  # Carey, Ontario
    ],
)
def test_a_census_given_name_next_to_a_surname_is_a_person(gazetteer, sentence):
    # the inclusive scheme keeps metonymy, so only the name lexicon stands in the way here
    assert geoparse(sentence, gazetteer, nlp=None, lang="en", scheme="inclusive") == []


def test_the_shipped_list_is_loaded_beside_the_hand_list():
    assert "tonya" in lx.FIRST_NAMES and "tonya" not in lx.HAND_FIRST_NAMES


def test_selection_leaves_out_months_words_and_sizeable_places(gazetteer):
    chosen = select_given_names(
        ["june", "will", "houston", "florence", "kati", "preston", "tonya", "patrick"],
        gazetteer,
        frozenset({"patrick"}),
    )
    # Kati (Mali) is a town of over 20,000: it stays out, like Houston, Florence and Preston
    assert chosen == ["tonya"]


@pytest.mark.parametrize(
    "sentence",
    [
        "According to Frederick Wu, president of the firm, sales rose.",  # Frederick, Maryland
        "Sociologists like Fenggang Yang disagree.",  # Fenggang, Guizhou
        "Paris Hilton arrived on Monday.",
    ],
)
def test_a_place_name_before_a_census_surname_is_a_given_name(gazetteer, sentence):
    # the inclusive scheme keeps names inside longer chains, so only the surname tells here
    assert geoparse(sentence, gazetteer, nlp=None, lang="en", scheme="inclusive") == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The parade crossed Lincoln Park on Sunday.", "Lincoln Park"),
        ("Enfield Council met on Monday.", "Enfield"),  # "Council" is no surname here
    ],
)
def test_everyday_words_after_a_place_are_no_surnames(gazetteer, sentence, name):
    found = geoparse(sentence, gazetteer, nlp=None, lang="en", scheme="inclusive")
    assert name in [m.text for m in found]


def test_surname_selection_leaves_out_everyday_words():
    from dashboard.geoparse.given_names import select_surnames

    assert select_surnames(["wu", "street", "church", "yang", "the"], frozenset({"the"})) == [
        "wu",
        "yang",
    ]
    assert "wu" in lx.SURNAMES and "street" not in lx.SURNAMES
