"""Relative clauses, pronouns, participles and dates around control claims, in invented
French and English sentences (none taken from the corpus)."""

from __future__ import annotations

from datetime import date

import pytest
from builders import article, places_in

from dashboard.events.extract import extract

PUB = date(2017, 11, 10)  # a Friday


def _claims(body: str, lang: str) -> set[tuple[str, str, str, date]]:
    doc = article(body, lang, PUB)
    return {
        (c.place_name, c.side, c.kind, c.valid_from) for c in extract(doc, places_in(doc)).claims
    }


# --- the object of a relative clause is the place before its pronoun ---------------------------


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "The Syrian army controls Palmyra and Mayadin, which it took on Monday.",
            "en",
            ("Mayadin", "syrian_government", "full", date(2017, 11, 6)),
        ),
        (
            "Les FDS tiennent aussi Tabqa, qu'elles ont reprise mardi, et Manbij.",
            "fr",
            ("Tabqa", "sdf", "full", date(2017, 11, 7)),
        ),
        (
            "Fighting went on near Rawa, which Iraqi troops recaptured on Wednesday.",
            "en",
            ("Rawa", "iraqi_forces", "full", date(2017, 11, 8)),
        ),
        (
            "Les combats se poursuivent à Albou Kamal, que les jihadistes ont repris en grande "
            "partie jeudi.",
            "fr",
            ("Albou Kamal", "isis", "partial", date(2017, 11, 9)),
        ),
        (
            "Les forces irakiennes contrôlent aussi Kirkouk, où elles ont pris lundi la place "
            "des peshmergas.",
            "fr",
            ("Kirkouk", "iraqi_forces", "full", date(2017, 11, 6)),
        ),
    ],
)
def test_a_relative_clause_takes_the_place_before_its_pronoun(
    body: str, lang: str, expected: tuple[str, str, str, date]
) -> None:
    assert expected in _claims(body, lang)


def test_a_locative_relative_after_a_landmark_does_not_take_the_landmark() -> None:
    claims = _claims(
        "The army crossed the river opposite Mayadin, where it took several villages.", "en"
    )
    assert not any(place == "Mayadin" for place, _, _, _ in claims)


# --- bare "took" ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Syrian Democratic Forces took Tabqa on Tuesday.",
            ("Tabqa", "sdf", "full", date(2017, 11, 7)),
        ),
        (
            "On Monday Iraqi forces took the town of Anah after a short battle.",
            ("Anah", "iraqi_forces", "full", date(2017, 11, 6)),
        ),
    ],
)
def test_bare_took_is_a_capture(body: str, expected: tuple[str, str, str, date]) -> None:
    assert expected in _claims(body, "en")


def test_took_place_and_took_part_are_no_captures() -> None:
    assert not _claims("A ceremony took place in Rawa on Tuesday.", "en")
    assert not _claims("Iraqi forces took part in talks in Haditha on Monday.", "en")


# --- a state with its own start is one claim from that start ------------------------------


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Iraqi forces hold Hit, retaken on Tuesday, and Rawa.",
            "en",
            {
                ("Hit", "iraqi_forces", "full", date(2017, 11, 7)),
                ("Rawa", "iraqi_forces", "full", PUB),
            },
        ),
        (
            "Les FDS contrôlent Raqqa, reprise le 17 octobre.",
            "fr",
            {("Raqqa", "sdf", "full", date(2017, 10, 17))},
        ),
        (
            # the participle's captor is the holder, not the government of the country
            "The Syrian Democratic Forces control Hajin, captured on Monday.",
            "en",
            {("Hajin", "sdf", "full", date(2017, 11, 6))},
        ),
    ],
)
def test_a_held_place_with_a_capture_date_starts_on_that_date(
    body: str, lang: str, expected: set[tuple[str, str, str, date]]
) -> None:
    assert _claims(body, lang) == expected


# --- who a pronoun or a relative pronoun stands for ------------------------------------------


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "The Syrian army said on Thursday it had recaptured Abu Kamal.",
            "en",
            ("Abu Kamal", "syrian_government", "full", date(2017, 11, 9)),
        ),
        (
            "Les FDS ont affirmé jeudi qu'elles avaient repris Hajin.",
            "fr",
            ("Hajin", "sdf", "full", date(2017, 11, 9)),
        ),
        (
            "Kurdish peshmerga forces, which also hold Sinjar, left Kirkuk.",
            "en",
            ("Sinjar", "peshmerga", "full", PUB),
        ),
        (
            "Les Forces démocratiques syriennes (FDS), qui tiennent Manbij, avancent vers Hajin.",
            "fr",
            ("Manbij", "sdf", "full", PUB),
        ),
    ],
)
def test_pronouns_stand_for_the_side_named_before_them(
    body: str, lang: str, expected: tuple[str, str, str, date]
) -> None:
    assert expected in _claims(body, lang)


# --- dates --------------------------------------------------------------------------------------


def test_a_state_is_not_dated_by_another_verbs_date() -> None:
    claims = _claims(
        "Le groupe État islamique ne contrôle plus qu'une fraction de l'Anbar, qu'il avait "
        "conquis en 2014.",
        "fr",
    )
    assert ("Anbar", "isis", "partial", PUB) in claims


def test_a_listed_place_with_its_own_noun_takes_that_nouns_date() -> None:
    claims = _claims(
        "Chassé de Mossoul en juillet puis de Tal Afar, dont la reprise a été proclamée jeudi, "
        "le groupe État islamique recule.",
        "fr",
    )
    assert ("Tal Afar", "iraqi_forces", "full", date(2017, 11, 9)) in claims
    assert ("Tal Afar", "iraqi_forces", "full", date(2017, 7, 1)) not in claims


# --- participles and unnamed captors ----------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Chassé de Mossoul en juillet, le groupe État islamique recule dans l'Anbar.",
        "Libéré en juillet, Mossoul se reconstruit lentement.",
    ],
)
def test_a_masculine_participle_opening_the_sentence_is_passive(body: str) -> None:
    assert ("Mossoul", "iraqi_forces", "full", date(2017, 7, 1)) in _claims(body, "fr")


def test_an_unnamed_captor_is_the_side_the_article_names_for_that_place() -> None:
    claims = _claims(
        "Chassé de Raqqa en octobre, le groupe État islamique recule. "
        "L'armée syrienne avance vers Mayadin. Raqqa est contrôlée par les FDS.",
        "fr",
    )
    assert ("Raqqa", "sdf", "full", date(2017, 10, 1)) in claims
    assert not any(p == "Raqqa" and side == "syrian_government" for p, side, _, _ in claims)


# --- shares around a place ---------------------------------------------------------------------


def test_a_share_between_a_place_and_its_passive_trigger() -> None:
    claims = _claims("Raqqa aux deux tiers reprise par les FDS mardi.", "fr")
    assert ("Raqqa", "sdf", "partial", date(2017, 11, 7)) in claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "À Rakka, les FDS avancent. L'EI tient encore le centre-ville et plusieurs "
            "quartiers du nord.",
            "fr",
        ),
        ("The SDF pushed on in Raqqa. Islamic State still holds the city centre.", "en"),
    ],
)
def test_districts_without_a_name_are_part_of_the_town_named_before(body: str, lang: str) -> None:
    town = "Rakka" if lang == "fr" else "Raqqa"
    assert (town, "isis", "partial", PUB) in _claims(body, lang)


# --- the alliance, nominal captures after a preposition, "since" dates --------------------------


@pytest.mark.parametrize(
    ("body", "lang", "place"),
    [
        (
            "The Syrian Democratic Forces advanced. The US-backed alliance now holds Tabqa.",
            "en",
            "Tabqa",
        ),
        (
            "Les Forces démocratiques syriennes progressent. L'alliance soutenue par Washington "
            "contrôle Manbij.",
            "fr",
            "Manbij",
        ),
    ],
)
def test_the_alliance_named_by_its_backer_is_the_sdf(body: str, lang: str, place: str) -> None:
    assert (place, "sdf", "full", PUB) in _claims(body, lang)


@pytest.mark.parametrize(
    ("body", "lang", "place"),
    [
        (
            "Le groupe État islamique ne tient plus aucune ville après la reprise mardi de Rawa "
            "par l'armée irakienne.",
            "fr",
            "Rawa",
        ),
        (
            "Islamic State no longer holds any town after the recapture of Anah on Tuesday by "
            "Iraqi forces.",
            "en",
            "Anah",
        ),
    ],
)
def test_a_capture_noun_after_a_preposition_escapes_the_main_negation(
    body: str, lang: str, place: str
) -> None:
    assert (place, "iraqi_forces", "full", date(2017, 11, 7)) in _claims(body, lang)


def test_a_since_date_before_the_verb_does_not_date_the_next_clause() -> None:
    claims = _claims(
        "The Syrian Democratic Forces have controlled Raqqa since Oct 17 and also hold Tabqa.",
        "en",
    )
    assert ("Raqqa", "sdf", "full", date(2017, 10, 17)) in claims
    assert ("Tabqa", "sdf", "full", PUB) in claims


# --- a hold in apposition to a place taken in the same sentence is its past ----------------------


@pytest.mark.parametrize(
    ("body", "lang", "town"),
    [
        (
            "Le gouvernement avait célébré en juillet la reprise de Mossoul, "
            "la plus grande ville tenue par les jihadistes.",
            "fr",
            "Mosul",
        ),
        (
            "Officials marked the recapture of Ramadi, once the largest city held by "
            "Islamic State in Anbar, last December.",
            "en",
            "Ramadi",
        ),
    ],
)
def test_a_hold_beside_a_capture_describes_the_place_before_it(body, lang, town):
    claims = _claims(body, lang)
    assert not any(c[0] == town and c[1] == "isis" for c in claims), claims


# --- a French subject pronoun stands for a side of the same number -------------------------------


@pytest.mark.parametrize(
    ("body", "town", "side"),
    [
        (
            "Les forces irakiennes ont repris Anah à l'EI la semaine dernière. "
            "Elles avaient chassé l'organisation de Hit un an plus tôt.",
            "Hit",
            "iraqi_forces",
        ),
        (
            "Les FDS ont repris Tabqa au groupe État islamique en mai. "
            "Puis elles ont chassé le groupe de Raqqa le 17 octobre.",
            "Raqqa",
            "sdf",
        ),
    ],
)
def test_a_plural_pronoun_skips_a_singular_side_named_last(body, town, side):
    claims = _claims(body, "fr")
    holders = {c[1] for c in claims if c[0] == town}
    assert side in holders and "isis" not in holders, claims


# --- a quoted verb's objects stay inside the quotation ---------------------------------------


def test_places_after_quoted_speech_are_not_what_the_quote_says_was_lost():
    body = (
        "« L'EI a perdu presque toutes ses villes », estime un colonel irakien, "
        "qui prévoit une offensive sur Rawa dans les prochains jours."
    )
    assert not any(c[0] == "Rawa" for c in _claims(body, "fr"))
    english = '"Islamic State has lost its cities," a colonel said, expecting a push on Rawa.'
    assert not any(c[0] == "Rawa" for c in _claims(english, "en"))


def test_a_quoted_phrase_inside_the_sentence_runs_on_to_its_object():
    body = "L'armée irakienne a « repris le contrôle total » de Rawa mardi, selon un communiqué."
    assert ("Rawa", "iraqi_forces", "full", date(2017, 11, 7)) in _claims(body, "fr")


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State militants have held parts of Ramadi since January 2014, when they "
            "seized Hit.",
            "en",
        ),
        (
            "Les jihadistes tiennent des quartiers de Ramadi depuis janvier 2014, date à laquelle "
            "ils s'étaient emparés de Hit.",
            "fr",
        ),
    ],
)
def test_a_when_clause_happens_on_the_date_it_hangs_on(body: str, lang: str) -> None:
    assert ("Hit", "isis", "full", date(2014, 1, 1)) in _claims(body, lang)


def test_a_capture_years_back_still_says_who_held_the_place_from_then() -> None:
    claims = _claims("Islamic State seized Ramadi in May 2015.", "en")
    assert claims == {("Ramadi", "isis", "full", date(2015, 5, 1))}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "L'EI contrôle la majeure partie de la province d'Anbar, où l'armée ne tient plus que "
            "quelques localités, dont Haditha.",
            "fr",
        ),
        (
            "Islamic State controls most of Anbar province, where the army holds only a few "
            "towns, including Haditha.",
            "en",
        ),
    ],
)
def test_the_towns_a_relative_names_are_held_not_the_place_it_hangs_on(
    body: str, lang: str
) -> None:
    province = "province d'Anbar" if lang == "fr" else "Anbar"
    assert _claims(body, lang) == {
        (province, "isis", "partial", PUB),
        ("Haditha", "iraqi_forces", "full", PUB),
    }


def test_a_fall_with_no_captor_is_the_fall_a_side_was_named_for() -> None:
    body = (
        "Islamic State fighters seized Ramadi on Sunday. \u201cThe city has fallen,\u201d a "
        "local official said on Monday."
    )
    assert {c[:2] for c in _claims(body, "en")} == {("Ramadi", "isis")}


def test_a_since_date_after_another_verb_does_not_date_the_hold() -> None:
    body = (
        "Government troops hold parts of Raqqa but have been besieged by the militants since "
        "January."
    )
    assert ("Raqqa", "syrian_government", "partial", PUB) in _claims(body, "en")


def test_an_unnamed_fall_in_a_story_of_one_side_s_advance_goes_to_that_side() -> None:
    body = (
        "Islamic State militants captured Palmyra on Wednesday and seized Tabqa on Thursday. "
        "The push began last week with the fall of Raqqa."
    )
    assert {c[:2] for c in _claims(body, "en")} == {
        ("Palmyra", "isis"),
        ("Tabqa", "isis"),
        ("Raqqa", "isis"),
    }


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Islamic State overran Hit in January 2014, six months before it seized Rawa.", "en"),
        ("L'EI s'est emparé de Hit en janvier 2014, six mois avant de prendre Rawa.", "fr"),
    ],
)
def test_months_are_counted_from_a_month(body: str, lang: str) -> None:
    claims = _claims(body, lang)
    assert ("Hit", "isis", "full", date(2014, 1, 1)) in claims
    assert ("Rawa", "isis", "full", date(2014, 7, 1)) in claims


def test_a_french_imperfect_hold_since_a_date_holds_from_it() -> None:
    body = (
        "Les forces irakiennes ont repris dimanche Hit. Les jihadistes de l'EI, qui tenaient la "
        "ville depuis janvier 2014, se sont repliés vers l'ouest."
    )
    assert ("Hit", "isis", "full", date(2014, 1, 1)) in _claims(body, "fr")


def test_a_possessive_subject_and_a_coordinated_verb_share_their_owner() -> None:
    body = (
        "Islamic State launched its offensive on Tabqa in mid-September. Its fighters broke into "
        "the eastern districts in early October and by mid-October held roughly 40 percent of "
        "the town."
    )
    claims = _claims(body, "en")
    assert any(
        place == "Tabqa" and side == "isis" and kind == "partial" and day < date(2017, 11, 1)
        for place, side, kind, day in claims
    ), claims


def test_the_city_is_not_a_place_an_earlier_sentence_named_as_a_direction() -> None:
    body = (
        "Iraqi forces took control of Rawa on Monday, pushing the militants back towards Anah. "
        "Islamic State fighters had taken the town in June 2014."
    )
    claims = {c[:2] for c in _claims(body, "en")}
    assert ("Rawa", "isis") in claims
    assert ("Anah", "isis") not in claims
