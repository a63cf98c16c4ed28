"""First-level divisions of large countries added to the curated table, and their abbreviations."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Wildfires spread across Alberta this summer.", "Alberta", "CA"),
        ("Farmers in Tamil Nadu protested on Tuesday.", "Tamil Nadu", "IN"),
        ("The factory moved to Zhejiang last year.", "Zhejiang", "CN"),
        ("Storms battered Scotland overnight.", "Scotland", "GB"),
        ("Floods hit Queensland after the cyclone.", "Queensland", "AU"),
        ("Les mineurs du Limpopo sont en grève.", "Limpopo", "ZA"),
    ],
)
def test_division_resolves_to_its_country(parse, sentence, mention, country):
    lang = "fr" if sentence.startswith("Les") else "en"
    found = [m for m in parse(sentence, lang) if m.text == mention]
    assert found, sentence
    assert (found[0].kind, found[0].country) == ("admin1", country)


def test_canadian_press_province_abbreviation(parse):
    found = parse("A family from Barrie, Ont. adopted the kitten.")
    province = next(m for m in found if m.text == "Ont.")
    assert (province.name, province.kind, province.country) == ("Ontario", "admin1", "CA")


def test_french_name_of_a_division(parse):
    found = parse("Il a grandi en Colombie-Britannique.", "fr")
    assert [(m.text, m.country) for m in found] == [("Colombie-Britannique", "CA")]


@pytest.mark.parametrize(
    ("name", "country"),
    [("Czech Republic", "CZ"), ("Holy See", "VA"), ("Burma", "MM"), ("DR Congo", "CD")],
)
def test_common_alternative_country_names(parse, name, country):
    found = parse(f"Talks were held in {name} on Friday.")
    assert [(m.text, m.kind, m.country) for m in found] == [(name, "country", country)]


@pytest.mark.parametrize(
    ("sentence", "lang", "mention", "name"),
    [
        (
            "Government forces pushed deeper into Eastern Ghouta on Sunday.",
            "en",
            "Eastern Ghouta",
            "Eastern Ghouta",
        ),
        (
            "Les bombardements sur la Ghouta orientale ont repris.",
            "fr",
            "Ghouta orientale",  # the French name whole, adjective and all
            "Eastern Ghouta",
        ),
        (
            "Thousands fled to Mount Sinjar in August 2014.",
            "en",
            "Mount Sinjar",
            "Sinjar Mountains",
        ),
        ("Rebels shelled Jobar on the edge of Damascus.", "en", "Jobar", "Jobar"),
    ],
)
def test_areas_of_the_theatre_that_reporting_names(parse, sentence, lang, mention, name):
    found = [m for m in parse(sentence, lang) if m.text == mention]
    assert found, sentence
    assert (found[0].name, found[0].country) == (name, "SY" if name != "Sinjar Mountains" else "IQ")


@pytest.mark.parametrize(
    ("sentence", "county"),
    [
        ("Flooding in England closed roads across Yorkshire on Sunday.", "Yorkshire"),
        ("A Northamptonshire man was charged.", "Northamptonshire"),
        ("Police in Greater Manchester made arrests.", "Greater Manchester"),
    ],
)
def test_english_counties_the_press_still_names_are_found(parse, sentence, county):
    found = [m for m in parse(sentence) if m.text == county]
    assert [(m.name, m.country) for m in found] == [(county, "GB")]


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        # names made only of common words reach their division in a story about its country
        (
            "Mahikeng and Rustenburg lie in the North West, one of South Africa's mining "
            "provinces, next to Gauteng.",
            "North West",
            "ZA",
        ),
        (
            "Cocoa farmers from Kumasi and Sunyani moved to the Western Region of Ghana.",
            "Western Region",
            "GH",
        ),
    ],
)
def test_a_division_named_with_common_words_belongs_to_the_story_s_country(
    parse, sentence, mention, country
):
    found = [m for m in parse(sentence) if m.text == mention]
    assert found, sentence
    assert (found[0].kind, found[0].country) == ("admin1", country)


def test_a_direction_in_a_story_about_elsewhere_is_no_foreign_province(parse):
    found = parse("Storms moved from the North West towards Chicago and Detroit.")
    assert all(m.country in (None, "US") for m in found), [(m.text, m.country) for m in found]
