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
