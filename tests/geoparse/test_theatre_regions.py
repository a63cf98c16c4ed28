"""Named areas of the theatre that no town or division stands for: the press places fighting
in them ("in the Badia", « dans le Golan »), and their names must not fall to namesakes
abroad (an Iranian village Golān, the Sardinian town of Sinnai)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "lang", "mention", "name"),
    [
        (
            "Israeli jets struck Syrian army positions in the Golan Heights on Sunday.",
            "en",
            "Golan Heights",
            "Golan Heights",
        ),
        ("Des obus sont tombés dans le Golan, selon l'armée.", "fr", "Golan", "Golan Heights"),
        (
            "Islamic State's affiliate attacked a checkpoint in northern Sinai.",
            "en",
            "Sinai",
            "Sinai Peninsula",
        ),
        ("Militants attacked an army post in the Sinai.", "en", "Sinai", "Sinai Peninsula"),
        (
            "Les jihadistes se sont repliés dans la Badia, le désert du centre de la Syrie.",
            "fr",
            "Badia",
            "Syrian Desert",
        ),
        (
            "Regime aircraft bombed villages in Jabal al-Zawiya overnight.",
            "en",
            "Jabal al-Zawiya",
            "Jabal al-Zawiya",
        ),
        (
            "Les rebelles ont lancé une offensive dans la plaine du Ghab.",
            "fr",
            "Ghab",
            "Al-Ghab Plain",
        ),
        (
            "Government troops advanced in the Jebel Akrad mountains of Latakia.",
            "en",
            "Jebel Akrad",
            "Jabal al-Akrad",
        ),
    ],
)
def test_a_named_area_of_the_theatre_is_that_area(parse, sentence, lang, mention, name):
    found = [m for m in parse(sentence, lang) if m.text == mention]
    assert [(m.name, m.kind, m.precision) for m in found] == [(name, "region", "region")]


@pytest.mark.parametrize(
    ("sentence", "lang", "mention", "name"),
    [
        ("Kurdish forces retook the Mosul Dam on Sunday.", "en", "Mosul Dam", "Mosul Dam"),
        (
            "Les FDS ont pris le contrôle du barrage de Tabqa mercredi.",
            "fr",
            "barrage de Tabqa",
            "Tabqa Dam",
        ),
        (
            "Fighters crossed the Euphrates at the Tishreen Dam.",
            "en",
            "Tishreen Dam",
            "Tishrin Dam",
        ),
        ("The SDF seized the Tabqa dam on Wednesday.", "en", "Tabqa dam", "Tabqa Dam"),
    ],
)
def test_a_dam_is_a_place_apart_from_its_town(parse, sentence, lang, mention, name):
    found = [m for m in parse(sentence, lang) if m.text == mention]
    assert [(m.name, m.precision) for m in found] == [(name, "point")]


def test_a_captured_dam_changes_hands_and_not_its_town(claims_of):
    body = (
        "The SDF captured the Tabqa Dam from Islamic State on Wednesday, after weeks of "
        "fighting around the town, a spokesman for the alliance said."
    )
    assert ("Tabqa Dam", "sdf", "full") in claims_of(body)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Les jihadistes ont miné le barrage de Raqqa.", "fr"),
        ("The jihadists mined the Raqqa dam.", "en"),
    ],
)
def test_a_dam_the_gazetteer_lacks_leaves_its_town_the_town(parse, sentence, lang):
    found = parse(sentence, lang)
    assert [(m.text, m.name, m.kind) for m in found] == [("Raqqa", "Ar Raqqah", "city")]
