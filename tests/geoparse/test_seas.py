"""Seas, oceans, gulfs and straits are places: news places events at sea and on crossings."""

from __future__ import annotations

import pytest

from dashboard.geoparse import geoparse


@pytest.mark.parametrize(
    ("sentence", "lang", "mention", "name"),
    [
        (
            "Migrants drowned crossing the Mediterranean on Sunday.",
            "en",
            "Mediterranean",
            "Mediterranean Sea",
        ),
        ("A tanker was seized in the Gulf, officials said.", "en", "Gulf", "Persian Gulf"),
        ("Drones struck a ship in the Red Sea.", "en", "Red Sea", "Red Sea"),
        (
            "Un pétrolier a été saisi dans le golfe Persique.",
            "fr",
            "golfe Persique",
            "Persian Gulf",
        ),
        (
            "Des navires croisent près du détroit d'Ormuz.",
            "fr",
            "détroit d'Ormuz",
            "Strait of Hormuz",
        ),
        ("Des missiles ont visé un cargo en mer Rouge.", "fr", "mer Rouge", "Red Sea"),
    ],
)
def test_a_sea_is_found_and_resolved(gazetteer, sentence, lang, mention, name):
    found = [m for m in geoparse(sentence, gazetteer, nlp=None, lang=lang) if m.text == mention]
    assert [(m.name, m.kind, m.precision) for m in found] == [(name, "sea", "region")]


def test_the_us_gulf_coast_is_not_the_persian_gulf(gazetteer):
    found = geoparse("The Gulf Coast braced for the storm.", gazetteer, nlp=None, lang="en")
    assert [(m.text, m.country) for m in found] == [("Gulf Coast", "US")]


def test_a_lower_case_sea_word_alone_is_no_place(gazetteer):
    assert geoparse("La mer est calme ce matin.", gazetteer, nlp=None, lang="fr") == []


def test_the_us_coasts_are_regions_of_the_united_states(gazetteer):
    found = geoparse(
        "Storms hit the East Coast while fires burned on the West Coast.",
        gazetteer,
        nlp=None,
        lang="en",
    )
    assert [(m.text, m.kind, m.country) for m in found] == [
        ("East Coast", "region", "US"),
        ("West Coast", "region", "US"),
    ]


def test_the_atlantic_is_the_ocean_in_an_american_story(gazetteer):
    found = geoparse(
        "Storms moved in from the Atlantic on Monday, officials in Washington said.",
        gazetteer,
        nlp=None,
        lang="en",
    )
    assert [(m.text, m.kind) for m in found if m.text == "Atlantic"] == [("Atlantic", "sea")]
