"""Lists of places around a control statement, in invented French and English sentences.

Each case is a sentence written for the rule it shows, not taken from the corpus.
"""

from __future__ import annotations

from datetime import date

import pytest
from builders import article, places_in

from dashboard.events.extract import extract

PUB = date(2017, 11, 10)


def _claims(body: str, lang: str) -> set[tuple[str, str, str]]:
    doc = article(body, lang, PUB)
    return {(c.place_name, c.side, c.kind) for c in extract(doc, places_in(doc)).claims}


# --- a list before a "held by" trigger -------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "lang", "side", "places"),
    [
        (
            "Sinjar, Makhmour et Kirkouk sont tenues par les peshmergas kurdes.",
            "fr",
            "peshmerga",
            ("Sinjar", "Makhmour", "Kirkouk"),
        ),
        (
            "Ramadi, Haditha et Hit sont contrôlées par les forces irakiennes.",
            "fr",
            "iraqi_forces",
            ("Ramadi", "Haditha", "Hit"),
        ),
        (
            "Anah et Rawa restent aux mains des jihadistes.",
            "fr",
            "isis",
            ("Anah", "Rawa"),
        ),
        (
            "Mosul, Tal Afar and Haditha are held by Iraqi forces.",
            "en",
            "iraqi_forces",
            ("Mosul", "Tal Afar", "Haditha"),
        ),
        (
            "Palmyra and Manbij remain under the control of the Syrian army.",
            "en",
            "syrian_government",
            ("Palmyra", "Manbij"),
        ),
    ],
)
def test_every_place_listed_before_a_held_by_trigger_is_held(
    body: str, lang: str, side: str, places: tuple[str, ...]
) -> None:
    claims = _claims(body, lang)
    for place in places:
        assert (place, side, "full") in claims


def test_a_place_taken_in_another_clause_does_not_join_the_held_list() -> None:
    claims = _claims("The army retook Anah, and Rawa is still held by Islamic State.", "en")
    assert ("Anah", "isis", "full") not in claims
    assert ("Rawa", "isis", "full") in claims


def test_a_region_framing_the_list_is_not_part_of_it() -> None:
    claims = _claims("Dans l'ouest de l'Anbar, Anah et Rawa sont aux mains des jihadistes.", "fr")
    assert ("Anbar", "isis", "full") not in claims
    assert ("Anah", "isis", "full") in claims


# --- a comparison that extends the state ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "lang", "side", "places"),
    [
        (
            "Kirkuk is under the control of Kurdish peshmerga forces, as are Sinjar and Makhmour.",
            "en",
            "peshmerga",
            ("Kirkuk", "Sinjar", "Makhmour"),
        ),
        (
            "Rawa reste aux mains des jihadistes, tout comme Husaybah et Akashat.",
            "fr",
            "isis",
            ("Rawa", "Husaybah", "Akashat"),
        ),
        (
            "Anah est tenue par l'EI, de même que Rawa.",
            "fr",
            "isis",
            ("Anah", "Rawa"),
        ),
    ],
)
def test_a_comparison_after_the_holder_extends_the_state(
    body: str, lang: str, side: str, places: tuple[str, ...]
) -> None:
    claims = _claims(body, lang)
    for place in places:
        assert (place, side, "full") in claims


# --- lists after the trigger ------------------------------------------------------------------


def test_a_list_goes_on_after_an_apposition_with_an_explicit_addition() -> None:
    claims = _claims(
        "Les jihadistes sont toujours maîtres d'Albou Kamal, leur dernier fief urbain, à la "
        "frontière, ainsi que des localités de Hajin et de Soussa.",
        "fr",
    )
    assert {("Albou Kamal", "isis", "full"), ("Hajin", "isis", "full")} <= claims
    assert ("Soussa", "isis", "full") in claims


def test_plural_town_nouns_lead_into_a_list() -> None:
    claims = _claims(
        "Islamic State controls most of Deir ez-Zor province, including the towns of Mayadin "
        "and Abu Kamal.",
        "en",
    )
    assert ("Deir ez-Zor province", "isis", "partial") in claims
    assert {("Mayadin", "isis", "full"), ("Abu Kamal", "isis", "full")} <= claims


@pytest.mark.parametrize(
    ("body", "lang", "share_place", "whole_place", "side"),
    [
        (
            "The alliance also controls Manbij and most of Hasakah province.",
            "en",
            "Hasakah province",
            "Manbij",
            "sdf",
        ),
        (
            "Les FDS tiennent Manbij, ainsi que la majeure partie de la province de Hassaké.",
            "fr",
            "province de Hassaké",
            "Manbij",
            "sdf",
        ),
        (
            "Islamic State still holds about a third of Deir ez-Zor province, most of it "
            "desert, as well as Abu Kamal.",
            "en",
            "Deir ez-Zor province",
            "Abu Kamal",
            "isis",
        ),
        (
            "Government troops hold the western districts and Palmyra.",
            "en",
            None,
            "Palmyra",
            "syrian_government",
        ),
    ],
)
def test_a_share_belongs_to_the_place_it_is_written_before(
    body: str, lang: str, share_place: str | None, whole_place: str, side: str
) -> None:
    if "FDS" in body or "alliance" in body:
        body = "Les Forces démocratiques syriennes avancent. " + body
        if lang == "en":
            body = "The Syrian Democratic Forces advanced. " + body.split(". ", 1)[1]
    claims = _claims(body, lang)
    if share_place is not None:
        assert (share_place, side, "partial") in claims
    assert (whole_place, side, "full") in claims


def test_par_ailleurs_is_no_agent_marker() -> None:
    claims = _claims("Le régime contrôle par ailleurs Palmyre et Mossoul.", "fr")
    assert {("Palmyre", "syrian_government", "full"), ("Mossoul", "syrian_government", "full")} <= (
        claims
    )


# --- strongholds ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "lang", "place"),
    [
        (
            "Les troupes avancent en direction d'Albou Kamal, dernière ville tenue par l'EI.",
            "fr",
            "Albou Kamal",
        ),
        (
            "Iraqi troops are closing in on Rawa, the last town held by Islamic State.",
            "en",
            "Rawa",
        ),
        (
            "L'armée se prépare à l'assaut sur Husaybah, dernier bastion du groupe État islamique.",
            "fr",
            "Husaybah",
        ),
    ],
)
def test_a_stronghold_belongs_to_the_side_named_after_it(body: str, lang: str, place: str) -> None:
    claims = _claims(body, lang)
    assert (place, "isis", "full") in claims
    assert not any(p == place and side != "isis" for p, side, _ in claims)


def test_towns_a_held_area_includes_are_held_after_another_held_town() -> None:
    body = (
        "Islamic State still controls Tabqa and a stretch of the Euphrates valley near the "
        "border, including the towns of Anah and Rawa."
    )
    assert _claims(body, "en") == {
        ("Tabqa", "isis", "full"),
        ("Anah", "isis", "full"),
        ("Rawa", "isis", "full"),
    }


def test_a_verb_with_its_own_date_is_not_dated_by_the_conjunct_before() -> None:
    doc = article(
        "The army launched the offensive on Aug. 20 and took Rawa within eight days.", "en"
    )
    captures = [e for e in extract(doc, places_in(doc)).events if e.type == "capture"]
    assert captures
    assert all(e.date != date(2017, 8, 20) for e in captures)
