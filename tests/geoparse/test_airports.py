"""Airports and air bases are places of their own: a side can hold the field and not the town.

"Islamic State captured the Tabqa air base" is not the town of Tabqa changing hands, and the
Deir ez-Zor airport held by the government for three years lies 6 km from the city.
"""

from __future__ import annotations

import pytest

from dashboard.gazetteer import distance_km
from dashboard.geoparse import geoparse


@pytest.mark.parametrize(
    ("sentence", "lang", "mention", "name"),
    [
        (
            "Government troops still hold the Deir ez-Zor military airport.",
            "en",
            "Deir ez-Zor military airport",
            "Deir ez-Zor Airport",
        ),
        (
            "Les jihadistes ont attaqué l'aéroport militaire de Deir Ezzor jeudi.",
            "fr",
            "aéroport militaire de Deir Ezzor",
            "Deir ez-Zor Airport",
        ),
        (
            "Islamic State fighters captured the Tabqa air base on Sunday.",
            "en",
            "Tabqa air base",
            "Tabqa Airport",
        ),
        (
            "Les forces du régime ont repris la base aérienne de Tabqa.",
            "fr",
            "base aérienne de Tabqa",
            "Tabqa Airport",
        ),
        ("L'armée contrôle l'aéroport de Mossoul.", "fr", "aéroport de Mossoul", None),
        (
            "US advisers arrived at the Ain al-Asad air base in Anbar.",
            "en",
            "Ain al-Asad air base",
            "Al Asad Air Base",
        ),
        # the air bases the press names by a name of their own
        ("Rebels stormed Menagh after a long siege.", "en", "Menagh", "Menagh Air Base"),
        ("Russian jets took off from Hmeimim on Friday.", "en", "Hmeimim", None),
        # the surname of the person a field is named after, with its qualifier only
        (
            "He landed at Toronto's Pearson International Airport on Monday.",
            "en",
            "Pearson International Airport",
            "Toronto Pearson International Airport",
        ),
    ],
)
def test_an_airfield_named_with_its_qualifier_is_the_field(parse, sentence, lang, mention, name):
    found = [m for m in parse(sentence, lang) if m.text == mention]
    assert [(m.kind, m.precision) for m in found] == [("airport", "point")]
    if name is not None:
        assert found[0].name == name


@pytest.mark.parametrize(
    ("sentence", "mention", "name", "kind"),
    [
        ("Islamic State fighters captured Tabqa on Sunday.", "Tabqa", "Al-Tabqa", "town"),
        ("Shelling hit Deir ez-Zor on Monday.", "Deir ez-Zor", "Deir ez-Zor", "city"),
        ("Iraqi forces entered Mosul.", "Mosul", "Mosul", "city"),
        ("Iraqi forces entered Qayyarah.", "Qayyarah", None, None),
    ],
)
def test_a_town_named_alone_is_the_town_not_its_airfield(parse, sentence, mention, name, kind):
    found = [m for m in parse(sentence) if m.text == mention]
    assert len(found) == 1
    assert found[0].kind != "airport"
    if name is not None:
        assert (found[0].name, found[0].kind) == (name, kind)


def test_a_french_airport_of_a_town_without_a_known_field_is_the_town(parse):
    found = parse("Les jihadistes ont pris l'aéroport militaire de Raqqa.", "fr")
    assert [(m.text, m.name, m.kind) for m in found] == [
        ("aéroport militaire de Raqqa", "Ar Raqqah", "city")
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Lester B. Pearson won the Nobel Peace Prize in 1957.", "Osvaldo Vieira led the column."],
)
def test_a_person_a_field_is_named_after_is_no_place(parse, sentence):
    assert parse(sentence) == []


def test_an_airport_of_a_state_is_the_state(parse):
    """ "a New Jersey airport" names no field: the mention is the state, the airport a part."""
    found = [m for m in parse("He flew out of a New Jersey airport on Monday.")]
    assert [(m.text, m.kind) for m in found] == [("New Jersey", "admin1")]


def test_an_airport_the_gazetteer_lacks_leaves_the_town_read_as_before(parse):
    """No field of this name is known: the qualifier is not stretched onto the town."""
    found = parse("Les rebelles ont pris l'aéroport militaire de Taftanaz, près d'Idleb.", "fr")
    field = [m for m in found if "Taftanaz" in m.text]
    assert [(m.kind, m.name) for m in field] == [("airport", "Taftanaz Air Base")]
    town = parse("Clashes near the Idlib town of Taftanaz airport road.")
    assert all(m.kind != "airport" for m in town if m.text == "Taftanaz")


def test_airfields_lie_near_the_towns_they_are_named_after(gazetteer):
    for town, field in (("Deir ez-Zor", "Deir ez-Zor"), ("Mosul", "Mosul"), ("Tabqa", "Tabqa")):
        city = gazetteer.lookup(town, limit=1)[0]
        airport = gazetteer.lookup(field, limit=1, kind_hint="airport")[0]
        assert airport.kind == "airport"
        assert city.kind != "airport"
        assert distance_km(city.lat, city.lon, airport.lat, airport.lon) < 40


@pytest.mark.parametrize(
    ("body", "lang", "place"),
    [
        (
            "Islamic State fighters captured the Tabqa air base on Sunday, the last government "
            "stronghold in Raqqa province.",
            "en",
            "Tabqa Airport",
        ),
        (
            "Les jihadistes de l'État islamique se sont emparés dimanche de l'aéroport "
            "militaire de Deir Ezzor.",
            "fr",
            "Deir ez-Zor Airport",
        ),
    ],
)
def test_a_captured_airfield_changes_hands_and_not_its_town(claims_of, body, lang, place):
    assert claims_of(body, lang) == {(place, "isis", "full")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State fighters overran the Raqqa airport on Sunday, after days of "
            "fighting with government troops, a monitoring group said.",
            "en",
        ),
        (
            "Les jihadistes de l'État islamique se sont emparés dimanche de l'aéroport "
            "militaire de Raqqa, après plusieurs jours de combats avec l'armée.",
            "fr",
        ),
    ],
)
def test_a_field_the_gazetteer_lacks_is_a_part_of_its_town(claims_of, body, lang):
    assert claims_of(body, lang) == {("Ar Raqqah", "isis", "partial")}


@pytest.mark.parametrize(
    ("city", "name", "kind"),
    [("London", "London Heathrow Airport", "airport"), ("Orlando", "Heathrow", "village")],
)
def test_a_place_a_city_owns_lies_near_that_city(gazetteer, city, name, kind):
    """ "London's Heathrow" is the airport 24 km from London, not the Florida village 20 km
    from Orlando; the possessive situates the name as an apposition would."""
    text = (
        f"Officials from {city}’s Heathrow Animal Reception Center helped draft the rules. "
        "Last year, 16,000 birds passed through Heathrow’s center."
    )
    found = geoparse(text, gazetteer, nlp=None, lang="en", scheme="inclusive")
    heathrow = {(m.name, m.kind) for m in found if m.text.startswith("Heathrow")}
    assert heathrow == {(name, kind)}
