"""More wire-copy phrasings of fighting and control, in invented French and English sentences
(none taken from the corpus)."""

from __future__ import annotations

from datetime import date

import pytest
from builders import article, places_in

from dashboard.events.extract import extract, read_article

PUB = date(2017, 11, 10)  # a Friday


def _run(body: str, lang: str):
    doc = article(body, lang, PUB)
    return extract(doc, places_in(doc))


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Iraqi forces repelled an Islamic State attack on Haditha on Sunday.", "en"),
        ("Peshmerga fighters fought off a counter-attack by the jihadists near Makhmour.", "en"),
        ("An Islamic State assault on Haditha was repelled on Sunday, officials said.", "en"),
        ("Les forces irakiennes ont repoussé dimanche une attaque de l'EI contre Haditha.", "fr"),
        ("Une attaque de l'EI contre Haditha a été repoussée par l'armée dimanche.", "fr"),
    ],
)
def test_a_repelled_attack_is_a_clash_at_its_target(body: str, lang: str) -> None:
    result = _run(body, lang)
    clashes = [e for e in result.events if e.type == "armed_clash"]
    assert clashes, body
    assert {p.text for p in clashes[0].places} & {"Haditha", "Makhmour"}
    assert result.claims == ()  # who holds the town is not said


def test_a_postponed_offensive_is_no_clash() -> None:
    result = _run("L'offensive sur Mossoul a été repoussée à l'automne, dit un responsable.", "fr")
    assert not [e for e in result.events if e.type == "armed_clash"]


@pytest.mark.parametrize(
    "body",
    [
        "Islamic State is in retreat across Anbar province.",
        "Islamic State fighters are retreating in Anbar after months of air strikes.",
    ],
)
def test_a_retreat_across_an_area_hands_it_to_nobody(body: str) -> None:
    result = _run(body, "en")
    assert "withdrawal" in {e.type for e in result.events}
    assert result.claims == ()


def test_a_withdrawal_from_a_town_still_hands_it_over() -> None:
    claims = {(c.place_name, c.side) for c in _run("IS fighters withdrew from Rawa.", "en").claims}
    assert claims == {("Rawa", "iraqi_forces")}


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            '"We now control 80 percent of Mosul," a spokesman for the counter-terrorism '
            "service said.",
            "en",
            ("Mosul", "iraqi_forces", "partial"),
        ),
        (
            '"We hold the whole of Mosul," said Brigadier General Jamal Saleh, a spokesman '
            "for Iraqi forces.",
            "en",
            ("Mosul", "iraqi_forces", "full"),
        ),
        (
            "« Nous contrôlons 80 % de Mossoul », a déclaré un porte-parole des forces "
            "antiterroristes.",
            "fr",
            ("Mossoul", "iraqi_forces", "partial"),
        ),
        (
            "« Nous avons repris Mossoul », a déclaré le commandant des forces irakiennes.",
            "fr",
            ("Mossoul", "iraqi_forces", "full"),
        ),
        (
            "« Nos unités tiennent toute la ville de Mayadin après avoir éliminé des "
            "terroristes », a affirmé le commandement de l'armée syrienne.",
            "fr",
            ("Mayadin", "syrian_government", "full"),
        ),
    ],
)
def test_we_in_a_quotation_is_the_side_of_its_speaker(
    body: str, lang: str, expected: tuple[str, str, str]
) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert claims == {expected}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Les combattants de l'EI ont pris deux quartiers de Hit dans la nuit.", "fr"),
        ("L'EI a pris le quartier d'al-Bakr à Hit.", "fr"),
        ("Islamic State seized a neighbourhood in western Hit on Sunday.", "en"),
        ("Islamic State captured the Jamiya district in Hit on Sunday.", "en"),
    ],
)
def test_a_quarter_of_a_town_is_a_share_of_it(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert claims == {("Hit", "isis", "partial")}


@pytest.mark.parametrize(
    "body",
    [
        "Islamic State still controls Rawa and the border district of al-Qaim.",
        "Islamic State was driven out of the last neighbourhoods it held in Hit.",
    ],
)
def test_a_district_named_or_the_last_quarters_are_the_whole(body: str) -> None:
    assert {c.kind for c in _run(body, "en").claims} == {"full"}


def test_militants_of_unknown_side_are_no_government_gain() -> None:
    result = _run("Militants overran the town of Rawa on Thursday, the council said.", "en")
    assert "capture" in {e.type for e in result.events}
    assert result.claims == ()  # the story never says who the militants are


def test_militants_once_the_group_is_named_are_its_fighters() -> None:
    body = "Islamic State has lost ground. Militants overran the town of Rawa on Thursday."
    assert {(c.place_name, c.side) for c in _run(body, "en").claims} == {("Rawa", "isis")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Un responsable a démenti que Haditha soit tombée aux mains de l'EI.", "fr"),
        ("The army denied reports that Islamic State had captured Haditha.", "en"),
    ],
)
def test_a_denied_fall_is_a_negated_capture(body: str, lang: str) -> None:
    result = _run(body, lang)
    captures = [e for e in result.events if e.type == "capture"]
    assert captures and all(e.negated for e in captures)
    assert not [c for c in result.claims if c.side == "isis"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("La ville de Haditha restait aux mains des forces de sécurité.", "fr"),
        ("Haditha remained in the hands of the security forces.", "en"),
    ],
)
def test_security_forces_are_the_government_s(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert claims == {("Haditha", "iraqi_forces", "full")}


def test_a_site_of_a_town_taken_that_day_went_to_the_town_s_captor() -> None:
    body = (
        "Les jihadistes de l'EI ont pris mardi le contrôle de Mossoul. L'aéroport de Mossoul "
        "est tombé mardi matin, selon des responsables locaux."
    )
    doc = article(body, "fr", PUB)
    places = places_in(doc)
    airport = next(p for p in places if p.text == "Mossoul" and p.start > 60)
    moved = [
        *[p for p in places if p is not airport],
        type(airport)(**{**airport.__dict__, "place_id": "test:mosul-airport", "lat": 36.31}),
    ]
    claims = {(c.place_id, c.side) for c in extract(doc, moved).claims}
    assert claims == {("gn:99072", "isis"), ("test:mosul-airport", "isis")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("L'EI tient depuis janvier la ville de Mossoul.", "fr"),
        ("L'EI contrôle depuis janvier Mossoul, selon des élus.", "fr"),
    ],
)
def test_a_since_date_before_the_object_starts_no_place_of_origin(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, lang).claims}
    assert claims == {("Mossoul", "isis", date(2017, 1, 1))}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Heavy fighting was reported in Mosul last week. The whole city is now in "
            "Islamic State hands, an officer said.",
            "en",
        ),
        (
            "De violents combats ont eu lieu à Mossoul la semaine dernière, selon l'EI. "
            "« La ville entière est entre leurs mains », a dit un officier.",
            "fr",
        ),
    ],
)
def test_the_whole_city_in_their_hands_is_the_town_named_before(body: str, lang: str) -> None:
    claims = {(c.side, c.kind, c.valid_from) for c in _run(body, lang).claims}
    assert claims == {("isis", "full", PUB)}


def _claim_set(body: str, lang: str = "en") -> set[tuple[str, str, str, date]]:
    return {(c.place_name, c.side, c.kind, c.valid_from) for c in _run(body, lang).claims}


def test_an_adverb_between_auxiliary_and_taken() -> None:
    body = "Islamic State attacked at dawn. The militants had also taken Rawa on Sunday."
    assert _claim_set(body) == {("Rawa", "isis", "full", date(2017, 11, 5))}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Tal Afar, a mainly Turkmen city between Mosul and Sinjar, fell to IS on Sunday.", "en"),
        (
            "Tal Afar, une ville turkmène entre Mossoul et Sinjar, est tombée dimanche aux mains "
            "de l'EI.",
            "fr",
        ),
    ],
)
def test_the_places_of_a_description_locate_its_subject(body: str, lang: str) -> None:
    assert {c.place_name for c in _run(body, lang).claims} == {"Tal Afar"}


def test_a_side_of_another_clause_does_not_gain_what_troops_left() -> None:
    body = "Sinjar had been protected by the peshmerga since Iraqi troops fled Mosul on June 10."
    assert _claim_set(body) == {("Sinjar", "peshmerga", "full", date(2017, 6, 10))}


def test_an_apposition_about_the_place_is_no_share_of_it() -> None:
    body = "Sinjar, home to most of Iraq's Yazidis, is defended by Kurdish peshmerga."
    assert {c.kind for c in _run(body, "en").claims} == {"full"}


def test_the_edge_of_a_town_is_a_share_of_it() -> None:
    body = "Peshmerga fighters still held high ground on the northern edge of Sinjar."
    assert _claim_set(body) == {("Sinjar", "peshmerga", "partial", PUB)}


def test_passed_under_their_control_goes_to_the_side_named_before() -> None:
    body = (
        "Les peshmergas ont repris lundi Sinjar. La localité de Makhmour, à l'est, est "
        "également passée sous leur contrôle mardi."
    )
    assert ("Makhmour", "peshmerga", "full", date(2017, 11, 7)) in _claim_set(body, "fr")


def test_its_fighters_and_they_stand_for_the_side_named_before() -> None:
    body = (
        "The SDF launched its assault on Raqqa on June 6. Its fighters broke into the old "
        "city in July, when coalition strikes opened gaps in its wall, and cleared it in "
        "early September, by which time they held about 65 percent of Raqqa."
    )
    result = _run(body, "en")
    claims = {(c.place_name, c.side, c.kind, c.fraction, c.valid_from) for c in result.claims}
    assert ("Raqqa", "sdf", "partial", 0.65, date(2017, 9, 1)) in claims
    assert all(c.side == "sdf" for c in result.claims)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The Army of Conquest alliance, which includes Ahrar al-Sham, captured Idlib.", "en"),
        ("Jaish al-Fatah fighters overran government positions in Idlib on Saturday.", "en"),
        (
            "La coalition rebelle Jaich al-Fateh, dont fait partie le Front al-Nosra, s'est "
            "emparée samedi d'Idleb.",
            "fr",
        ),
        ("Turkish troops and their Syrian rebel allies took full control of Afrin.", "en"),
        ("L'armée turque et ses supplétifs syriens ont pris le contrôle total d'Afrine.", "fr"),
    ],
)
def test_syrian_rebel_factions_and_the_turkish_army_are_the_opposition(
    body: str, lang: str
) -> None:
    assert {c.side for c in _run(body, lang).claims} == {"syrian_opposition"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Syrian troops broke the Islamic State siege of Raqqa on Tuesday.", "en"),
        ("L'armée syrienne a brisé mardi le siège imposé par l'EI à Rakka.", "fr"),
    ],
)
def test_breaking_a_siege_is_a_clash(body: str, lang: str) -> None:
    clashes = [e for e in _run(body, lang).events if e.type == "armed_clash"]
    assert clashes and clashes[0].date == date(2017, 11, 7)


def test_a_declared_control_holds_from_the_day_of_the_declaration() -> None:
    body = "The Syrian army declared full control of Aleppo on Thursday after the rebels left."
    assert ("Aleppo", "syrian_government", "full", date(2017, 11, 9)) in _claim_set(body)


def test_militants_of_unknown_side_in_a_relative_clause_give_no_gain() -> None:
    body = "The militants, who seized Mosul in June 2014, still hold a few streets of it."
    assert _run(body, "en").claims == ()


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Mossoul est de nouveau sous contrôle gouvernemental.", "fr"),
        ("Trois ans après sa chute, Mossoul est sous contrôle gouvernemental.", "fr"),
    ],
)
def test_under_government_control_in_french(body: str, lang: str) -> None:
    assert ("Mossoul", "iraqi_forces", "full", PUB) in _claim_set(body, lang)


def test_a_few_streets_are_a_share_of_the_town() -> None:
    body = "Les jihadistes de l'EI ne tiennent plus que quelques rues de Mossoul."
    assert _claim_set(body, "fr") == {("Mossoul", "isis", "partial", PUB)}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State is retreating. Government troops are besieging Hawija, the last town "
            "the group holds in Kirkuk.",
            "en",
        ),
        ("L'EI recule. Les troupes assiègent Hawija, dernière ville tenue par le groupe.", "fr"),
    ],
)
def test_the_last_town_the_group_holds_is_the_group_s(body: str, lang: str) -> None:
    assert ("Hawija", "isis") in {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert ("Hawija", "iraqi_forces") not in {
        (c.place_name, c.side) for c in _run(body, lang).claims
    }


def test_years_after_an_undated_present_count_from_publication() -> None:
    body = "Iraqi forces have recaptured Mosul, three years after the city fell to Islamic State."
    claims = {(c.side, c.valid_from.year) for c in _run(body, "en").claims}
    assert claims == {("iraqi_forces", 2017), ("isis", 2014)}


def test_syrian_kurdish_fighters_are_the_sdf() -> None:
    body = "Syrian Kurdish fighters and their Arab allies drove Islamic State out of Manbij."
    assert {(c.place_name, c.side) for c in _run(body, "en").claims} == {("Manbij", "sdf")}


@pytest.mark.parametrize(
    "body",
    [
        "Islamic State lost ground. The army declared Rawa free of militants on Wednesday.",
        "Iraqi troops reached the centre of Rawa on Tuesday and declared it free of militants "
        "a day later.",
        "Iraqi troops entered Rawa on Monday and declared it liberated on Wednesday.",
    ],
)
def test_a_town_declared_free_of_militants_is_taken(body: str) -> None:
    assert ("Rawa", "iraqi_forces", "full", date(2017, 11, 8)) in _claim_set(body)


def test_a_province_cleared_of_the_group_goes_to_nobody() -> None:
    body = "The coalition said Homs province had been cleared of the group during the campaign."
    assert _run(body, "en").claims == ()


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Les combattants de l'EI ont été repoussés hors d'Anah dimanche.",
            "fr",
            ("Anah", "iraqi_forces", "full", date(2017, 11, 5)),
        ),
        (
            "Les jihadistes de l'EI sont encerclés dans Rawa depuis une semaine.",
            "fr",
            ("Rawa", "isis", "full", PUB),
        ),
        (
            "Les FDS ont hissé leur drapeau sur le stade de Raqqa mardi.",
            "fr",
            ("Raqqa", "sdf", "partial", date(2017, 11, 7)),
        ),
        (
            "The SDF captured the national hospital in Raqqa on Tuesday.",
            "en",
            ("Raqqa", "sdf", "partial", date(2017, 11, 7)),
        ),
    ],
)
def test_more_french_expulsions_sieges_and_sites(body: str, lang: str, expected) -> None:
    assert expected in _claim_set(body, lang)


def test_a_site_listed_after_a_place_is_no_share_of_it() -> None:
    body = "L'aéroport de Rawa, le siège du gouvernorat et la prison sont tombés mardi."
    assert {c.kind for c in _run(body, "fr").claims if c.place_name == "Rawa"} == {"full"}


def test_their_hands_are_those_of_the_plural_side_named_before() -> None:
    body = (
        "Les jihadistes de l'EI ont pris Mossoul après la débâcle de l'armée, le pire revers "
        "du gouvernement depuis le départ des troupes américaines. « La ville entière est "
        "entre leurs mains », a dit un officier."
    )
    assert {c.side for c in _run(body, "fr").claims} == {"isis"}


@pytest.mark.parametrize(
    ("body", "side"),
    [
        (
            "Hayat Tahrir al-Sham and allied rebels lost Idlib. The jihadists had held Aleppo "
            "since 2014.",
            "syrian_opposition",
        ),
        (
            "Islamic State and Hayat Tahrir al-Sham are rivals. The jihadists had held Aleppo "
            "since 2014.",
            "isis",
        ),
    ],
)
def test_the_jihadists_of_a_story_without_the_islamic_state(body: str, side: str) -> None:
    assert {c.side for c in _run(body, "en").claims if c.place_name == "Aleppo"} == {side}


def test_rebel_held_and_in_rebel_hands() -> None:
    assert ("Aleppo", "syrian_opposition", "full", PUB) in _claim_set(
        "Aleppo was the last rebel-held city in the north."
    )
    body = "Rebels hold Idlib. The town has been in rebel hands since 2015."
    assert ("Idlib", "syrian_opposition", "full", date(2015, 1, 1)) in _claim_set(body)


def test_two_sides_of_a_town_are_a_share_and_a_contrast_ends_the_object() -> None:
    body = (
        "The government controls the city centre while the SDF holds the north and east of Raqqa."
    )
    assert _claim_set(body) == {("Raqqa", "sdf", "partial", PUB)}


@pytest.mark.parametrize(
    "body",
    [
        "Iraqi forces recaptured Mosul airport on Thursday.",
        "Eastern Mosul was declared fully liberated by Iraqi forces on Thursday.",
        "Iraqi forces took west Mosul on Thursday.",
    ],
)
def test_a_side_or_a_site_named_with_the_town_is_a_share(body: str) -> None:
    assert _claim_set(body) == {("Mosul", "iraqi_forces", "partial", date(2017, 11, 9))}


def test_a_dozen_villages_taken_is_a_capture() -> None:
    body = "Les rebelles soutenus par Ankara ont pris une dizaine de villages près de Manbij."
    assert "capture" in {e.type for e in _run(body, "fr").events}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("La prise de Raqqa par les FDS, mardi, a mis fin à quatre mois de combats.", "fr"),
        ("The capture of Raqqa by the SDF on Tuesday ended a four-month battle.", "en"),
    ],
)
def test_a_capture_noun_with_its_captor_and_day_happened(body: str, lang: str) -> None:
    assert ("Raqqa", "sdf", "full", date(2017, 11, 7)) in _claim_set(body, lang)


def test_a_capture_noun_as_a_topic_stays_a_topic() -> None:
    body = "The capture of Raqqa by the SDF leaves the group with little territory."
    assert "capture" not in {e.type for e in _run(body, "en").events}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "L'armée a repris Rawa mardi. Les jihadistes de l'EI y contrôlent encore deux "
            "quartiers.",
            ("Rawa", "isis", "partial", PUB),
        ),
        (
            "L'EI a pris Rawa mardi. Des unités irakiennes y tenaient encore des positions.",
            ("Rawa", "iraqi_forces", "contested", PUB),
        ),
        (
            "Les FDS encerclent Raqqa. Des centaines de jihadistes de l'EI s'y sont retranchés.",
            ("Raqqa", "isis", "full", PUB),
        ),
    ],
)
def test_y_stands_for_the_town_named_before(body: str, expected) -> None:
    assert expected in _claim_set(body, "fr")


@pytest.mark.parametrize(
    ("body", "lang", "kind"),
    [
        ("Rebels fired rockets at government-held districts of Aleppo.", "en", "shelling"),
        ("Turkish artillery pounded YPG positions near Afrin.", "en", "shelling"),
        ("Islamic State militants ambushed an army convoy near Palmyra.", "en", "armed_clash"),
        ("Les jihadistes de l'EI ont tendu une embuscade près de Palmyre.", "fr", "armed_clash"),
        ("A suicide car bomber struck a checkpoint in Tikrit.", "en", "suicide_bombing"),
        ("Russian jets carried out dozens of raids on Idlib.", "en", "air_strike"),
    ],
)
def test_more_kinds_of_fire_and_fighting(body: str, lang: str, kind: str) -> None:
    assert {e.type for e in _run(body, lang).events} == {kind}


def test_a_verb_after_comma_and_shares_the_subject_not_the_object() -> None:
    body = (
        "Kurdish fighters drove Islamic State out of Kobani in January after a long siege, "
        "and captured the border town of Manbij in June."
    )
    sides = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Manbij", "sdf") in sides and ("Manbij", "isis") not in sides


def test_a_possessor_is_no_subject_but_owns_what_it_holds() -> None:
    body = (
        "Syrian rebels broke the government's siege of Aleppo on Saturday by capturing "
        "Idlib, a commander said."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    # (the rebels hold the part of Aleppo whose siege they broke)
    assert claims == {
        ("Idlib", "syrian_opposition", "full"),
        ("Aleppo", "syrian_opposition", "partial"),
    }


def test_it_is_the_owner_named_in_its_sentence() -> None:
    body = (
        "Islamic State fled. The SDF took the dam. Its loss cuts the group's routes between "
        "its stronghold of Raqqa and the territory it still holds, including Manbij."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Manbij", "isis") in claims and ("Manbij", "sdf") not in claims


def test_the_government_held_west_of_a_town_is_a_share() -> None:
    body = "The offensive cut the main road into the government-held west of Aleppo."
    assert _claim_set(body) == {("Aleppo", "syrian_government", "partial", PUB)}


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "L'EIIL a pris Mossoul. Les insurgés sont entrés mercredi dans Rawa.",
            "fr",
            {("Rawa", "isis", "contested")},
        ),
        (
            "Syrian rebels attacked Aleppo. The insurgents entered Idlib on Wednesday.",
            "en",
            {("Idlib", "syrian_opposition", "contested")},
        ),
        ("The insurgents entered Idlib on Wednesday.", "en", set()),
    ],
)
def test_insurgents_are_the_side_the_story_names(body: str, lang: str, expected) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert {c for c in claims if c[0] != "Mossoul"} == expected


def test_a_comma_closes_the_clause_before_the_verb() -> None:
    body = (
        "Le groupe EI, qui tient déjà de vastes territoires dans l'est de la Syrie, contrôle "
        "en outre depuis janvier Hawija."
    )
    assert ("Hawija", "isis", "full", date(2017, 1, 1)) in _claim_set(body, "fr")


def test_a_gerund_after_after_or_by_is_done_by_the_subject() -> None:
    body = (
        "Islamic State fled. Iraqi forces are fighting to take the last districts the group "
        "holds in the old city of Mosul, its main stronghold, after retaking the eastern half "
        "of the city in January."
    )
    claims = {(c.side, c.kind, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {("iraqi_forces", "partial", date(2017, 1, 1)), ("isis", "partial", PUB)}


def test_a_date_before_a_participial_clause_dates_the_main_verb() -> None:
    body = "Islamic State seized full control of Raqqa in January 2014 after driving out rebels."
    assert ("Raqqa", "isis", "full", date(2014, 1, 1)) in _claim_set(body)


def test_a_campaign_that_took_them_to_a_town_took_nothing() -> None:
    body = "The SDF campaign, launched in November, took them last month to Tabqa."
    assert _run(body, "en").claims == ()


def test_the_vast_majority_of_a_city_is_a_share() -> None:
    body = "Islamic State still holds the vast majority of Raqqa, the monitor said."
    assert _claim_set(body) == {("Raqqa", "isis", "partial", PUB)}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Manbij relie la Turquie à Raqqa, la « capitale » de facto de l'EI en Syrie.", "fr"),
        ("Islamic State lost Manbij. Raqqa, the group's de facto capital, is next.", "en"),
    ],
)
def test_a_group_s_capital_is_its_own(body: str, lang: str) -> None:
    assert ("Raqqa", "isis", "full", PUB) in _claim_set(body, lang)


def test_the_latter_still_hold_the_town_centre() -> None:
    body = (
        "Les jihadistes de l'EI ont perdu du terrain à Manbij. Ces derniers tiennent toujours "
        "le centre-ville et la plupart des quartiers, a précisé l'ONG."
    )
    assert ("Manbij", "isis", "partial", PUB) in _claim_set(body, "fr")


def test_a_town_noun_located_in_a_country_stands_for_the_town_named_before() -> None:
    body = (
        "Les FDS ont encerclé Manbij. Les combats se poursuivent autour de cette ville du nord "
        "de la Syrie tenue par le groupe État islamique."
    )
    assert ("Manbij", "isis", "full", PUB) in _claim_set(body, "fr")


def test_fallen_to_a_side_with_a_day_between() -> None:
    body = (
        "Les peshmergas ont pris lundi Sinjar. Sa voisine Rawa était tombée dès le 20 octobre "
        "aux mains des forces irakiennes."
    )
    claims = {c for c in _claim_set(body, "fr") if c[0] == "Rawa"}
    assert claims == {("Rawa", "iraqi_forces", "full", date(2017, 10, 20))}
    captures = [e for e in _run(body, "fr").events if e.type == "capture" and e.date.month == 10]
    assert captures and captures[0].date == date(2017, 10, 20)


def test_have_since_recaptured_holds_as_of_the_report() -> None:
    body = (
        "Government forces launched their offensive on June 19 and have since recaptured most "
        "of Homs province."
    )
    assert _claim_set(body) == {("province de Homs", "syrian_government", "partial", PUB)} or (
        _claim_set(body) == {("Homs province", "syrian_government", "partial", PUB)}
    )


def test_what_a_place_had_been_before_its_capture() -> None:
    body = (
        "On Sunday, troops took control of Idlib, near the border with Turkey, which had been in "
        "rebel hands since 2015."
    )
    assert _claim_set(body) >= {
        ("Idlib", "syrian_government", "full", date(2017, 11, 5)),
        ("Idlib", "syrian_opposition", "full", date(2015, 1, 1)),
    }


def test_the_crossing_with_a_country_is_what_a_relative_is_about() -> None:
    body = (
        "The army shelled the Idlib crossing with Turkey, which has been in rebel hands since 2015."
    )
    assert ("Idlib", "syrian_opposition", "full", date(2015, 1, 1)) in _claim_set(body)


def test_a_relative_after_a_locating_apposition_is_about_the_town() -> None:
    body = (
        "The SDF pressed on. Their campaign took them to Tabqa, about 40 km upstream on the "
        "Euphrates, which they captured on Sunday."
    )
    assert ("Tabqa", "sdf", "full", date(2017, 11, 5)) in _claim_set(body)


def test_infiltrating_a_town_enters_it() -> None:
    body = "L'EI avance. Des jihadistes de l'EI se sont infiltrés dans Rawa jeudi."
    assert ("Rawa", "isis", "contested", date(2017, 11, 9)) in _claim_set(body, "fr")


def test_each_lost_place_goes_to_the_side_after_its_own_to() -> None:
    body = (
        "Islamic State suffered defeats in October, losing Raqqa to the US-backed SDF, and "
        "Mayadin to the Syrian army."
    )
    assert {(c.place_name, c.side) for c in _run(body, "en").claims} == {
        ("Raqqa", "sdf"),
        ("Mayadin", "syrian_government"),
    }


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Tikrit fell to Islamic State in June 2014, a day after the militants overran Mosul.",
            "en",
        ),
        (
            "Tikrit est tombée aux mains de l'EI en juin 2014, deux jours après la prise de "
            "Mossoul par les jihadistes.",
            "fr",
        ),
    ],
)
def test_days_counted_from_a_month_keep_that_month(body: str, lang: str) -> None:
    claims = {(c.place_name[:3], c.side, c.valid_from) for c in _run(body, lang).claims}
    assert ("Mos", "isis", date(2014, 6, 1)) in claims, claims
    assert ("Tik", "isis", date(2014, 6, 1)) in claims, claims


@pytest.mark.parametrize(
    ("body", "lang", "place"),
    [
        ("L'EI contrôle de larges pans de la Syrie, où il a fait de Raqqa son fief.", "fr", "Raq"),
        ("Les jihadistes avaient fait de Hajin leur quartier général.", "fr", "Haj"),
        ("Islamic State, which made Raqqa its capital in 2014, still fights on.", "en", "Raq"),
        ("IS militants had turned Hawija into their headquarters.", "en", "Haw"),
    ],
)
def test_a_place_made_a_sides_stronghold_is_held_by_it(body: str, lang: str, place: str) -> None:
    claims = {(c.place_name[:3], c.side, c.kind) for c in _run(body, lang).claims}
    assert (place, "isis", "full") in claims, claims


def test_making_progress_is_no_hold() -> None:
    body = "Iraqi forces made steady progress in Hawija, their commanders said."
    assert not [c for c in _run(body, "en").claims if c.side == "iraqi_forces" and c.kind == "full"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Les jihadistes ont été vus dans les rues de Haditha mercredi, disent des gens.", "fr"),
        ("Islamic State fighters were seen in the streets of Haditha on Wednesday.", "en"),
    ],
)
def test_fighters_seen_in_a_towns_streets_contest_it(body: str, lang: str) -> None:
    claims = {(c.side, c.kind) for c in _run(body, lang).claims}
    assert claims == {("isis", "contested")}


def test_fighters_seen_near_a_town_do_not_contest_it() -> None:
    body = "Islamic State fighters were seen near Haditha on Wednesday, residents said."
    assert _run(body, "en").claims == ()


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les jihadistes ont pris Rawa mercredi. Jeudi, des convois ont été aperçus aux abords "
            "de Haditha, qui abrite un barrage. Des jihadistes se sont infiltrés dans des "
            "quartiers du nord de la ville, selon des habitants.",
            "fr",
        ),
        (
            "Islamic State seized Rawa on Wednesday. On Thursday its convoys reached the outskirts "
            "of Haditha, home to a dam. Its fighters then pushed into the city, residents said.",
            "en",
        ),
    ],
)
def test_the_city_whose_outskirts_were_reached_is_the_city(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert ("Haditha", "isis", "contested") in claims, claims
    assert not [c for c in claims if c[0] == "Rawa" and c[2] == "contested"]


def test_a_stronghold_named_only_as_a_goal_is_no_place_held() -> None:
    body = (
        "Islamic State fighters stormed Tabqa. Manbij lies on the highway to Aleppo and is seen "
        "as a stepping stone towards the group's de facto capital in Syria."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Tabqa", "isis")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Manbij lies at a junction on the highway linking Raqqa to Aleppo. Kurdish-led forces "
            "took the town on Tuesday.",
            "en",
        ),
        (
            "Manbij se trouve sur la route reliant Raqqa à Alep. Les FDS ont pris la ville mardi.",
            "fr",
        ),
    ],
)
def test_the_ends_of_a_road_are_not_the_town(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert claims == {("Manbij", "sdf")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State militants stormed Tabqa. They are still fighting government troops in "
            "the city of Aleppo, where they hold several southern neighbourhoods.",
            "en",
        ),
        (
            "Les jihadistes de l'EI ont pris Tabqa. Ils combattent toujours les soldats du régime "
            "à Alep, où ils tiennent plusieurs quartiers du sud.",
            "fr",
        ),
    ],
)
def test_a_pronoun_goes_on_with_the_fighter_not_its_foe(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert ("Aleppo" if lang == "en" else "Alep", "isis", "partial") in claims, claims
    assert not [c for c in claims if c[1] == "syrian_government"]


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "L'EI contrôle toujours de vastes pans du nord et de l'ouest de l'Irak, dont Mossoul.",
            "fr",
            {("Irak", "partial"), ("Mossoul", "full")},
        ),
        (
            "L'EI contrôle aujourd'hui Mossoul, ainsi qu'une partie de la Syrie voisine.",
            "fr",
            {("Mossoul", "full"), ("Syrie", "partial")},
        ),
        ("Islamic State holds large swathes of eastern Syria.", "en", {("Syria", "partial")}),
    ],
)
def test_swathes_of_a_country_are_a_share_of_it(body: str, lang: str, expected: set) -> None:
    claims = {(c.place_name, c.kind) for c in _run(body, lang).claims if c.side == "isis"}
    assert claims == expected


def test_a_pro_government_stronghold_is_not_the_subjects() -> None:
    body = (
        "Rebels captured Manbij on Saturday. Its capture brings the insurgents closer to "
        "Aleppo, a pro-government stronghold."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Aleppo", "syrian_opposition") not in claims, claims


def test_a_capital_a_side_has_since_made_of_a_town_taken_by_another() -> None:
    body = (
        "Idlib was the second provincial capital to slip from government control, after Raqqa, "
        "which rebels took in March 2013 and which has since become the de facto capital of the "
        "Islamic State group."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Raqqa", "syrian_opposition", date(2013, 3, 1)) in claims, claims
    assert ("Raqqa", "isis", PUB) in claims, claims


def test_a_landmark_ending_the_sentence_before_does_not_hide_the_next_town() -> None:
    body = (
        "The army still holds Tabqa, south of the provincial capital.\n\nManbij has been a "
        "flashpoint since the start of the uprising. In June 2011 troops retook the town."
    )
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert ("Manbij", date(2011, 6, 1)) in claims, claims


def test_a_counted_clause_with_its_own_day_keeps_it() -> None:
    body = (
        "A rebel alliance captured Manbij on Saturday. The offensive began on Thursday, four "
        "weeks after the same alliance seized Idlib city, the provincial capital, on October 15."
    )
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert ("Idlib", date(2017, 10, 15)) in claims, claims


@pytest.mark.parametrize(
    ("body", "lang", "side"),
    [
        (
            "A rebel alliance led by the Nusra Front captured Idlib in March. Four weeks later "
            "the same alliance seized Manbij.",
            "en",
            "syrian_opposition",
        ),
        (
            "Une alliance rebelle menée par le Front al-Nosra a pris Idleb en mars. Un mois plus "
            "tard, l'alliance s'est emparée de Manbij.",
            "fr",
            "syrian_opposition",
        ),
        ("The SDF retook Tabqa in May. In June the alliance seized Manbij.", "en", "sdf"),
    ],
)
def test_the_alliance_is_the_one_the_story_named(body: str, lang: str, side: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert ("Manbij", side) in claims, claims


def test_a_named_groups_coalition_is_not_the_us_led_one() -> None:
    body = (
        'Fighters from the Army of Conquest coalition overran Idlib on Saturday. "Idlib is '
        'liberated," the coalition said. Four weeks later the same alliance seized Manbij.'
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Idlib", "syrian_opposition"), ("Manbij", "syrian_opposition")}


def test_the_us_led_coalition_named_last_stays_the_coalition() -> None:
    body = (
        "Rebels of the Army of Conquest coalition overran Idlib. The US-led coalition later "
        "struck Manbij, and the coalition said its jets hit Raqqa."
    )
    sides = {a.side for e in _run(body, "en").events for a in e.actors if "coalition" in a.text}
    assert "us_coalition" in sides


@pytest.mark.parametrize(
    "body",
    [
        '"Manbij has been liberated," Syrian rebels said, while the army denied it.',
        'Fighters from the Army of Conquest coalition overran Idlib on Saturday. "Idlib has been '
        'liberated, all of it," the coalition said. The army said it had redeployed.',
    ],
)
def test_a_capture_a_side_reports_in_its_own_words_is_its_own(body: str) -> None:
    sides = {c.side for c in _run(body, "en").claims}
    assert sides == {"syrian_opposition"}


def test_the_town_with_an_apposed_hold_participle() -> None:
    body = (
        "Les jihadistes ont attaqué Palmyre mercredi. L'aviation du régime a mené jeudi "
        "plusieurs raids sur la ville, désormais entièrement tenue par les jihadistes."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("Palmyre", "isis", "full") in claims, claims


def test_a_relative_after_a_town_noun_located_in_a_country() -> None:
    body = (
        "Les jihadistes de l'EI ont enlevé 230 civils à Palmyre, une localité du centre de la "
        "Syrie dont ils se sont emparés mercredi, selon l'OSDH."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Palmyre", "isis", date(2017, 11, 8))}


def test_a_fall_whose_captor_the_sentence_names_later_is_that_captors() -> None:
    body = (
        "En mai, un prêtre avait été enlevé, quelques jours après la chute de Palmyre, la cité "
        "antique conquise par l'EI le 21 mai."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Palmyre", "isis", date(2017, 5, 21))}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "À la mi-journée mardi, un commandant affirmait que les forces irakiennes "
            "contrôlaient déjà environ 90 % de Rawa.",
            "fr",
        ),
        ("A spokesman said on Tuesday that Iraqi forces held about 90 percent of Rawa.", "en"),
    ],
)
def test_a_past_state_told_of_a_day_starts_that_day(body: str, lang: str) -> None:
    claims = {(c.place_name, c.kind, c.valid_from) for c in _run(body, lang).claims}
    assert claims == {("Rawa", "partial", date(2017, 11, 7))}


def test_a_hyphened_hold_has_no_tense() -> None:
    body = (
        "The rebel offensive, which began on Tuesday, has cut the main road into the "
        "government-held west of Aleppo."
    )
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {("Aleppo", PUB)}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les peshmergas avaient dû abandonner Sinjar à l'EI le 11 août, quelques jours après "
            "avoir été chassés de Makhmour par les jihadistes.",
            "fr",
        ),
        (
            "Peshmerga fighters were forced to abandon Sinjar to Islamic State on August 11, a "
            "few days after the militants had driven them out of Makhmour.",
            "en",
        ),
    ],
)
def test_a_forced_loss_and_a_few_days_before_it(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side): c for c in _run(body, lang).claims}
    assert claims[("Sinjar", "isis")].valid_from == date(2017, 8, 11)
    before = claims[("Makhmour", "isis")]
    assert before.valid_from == date(2017, 8, 4)
    assert before.extra["date_precision"] == "week"


def test_a_planned_abandonment_is_no_loss() -> None:
    assert _run("Peshmerga commanders plan to abandon Sinjar.", "en").claims == ()


def test_days_after_a_capture_that_names_its_own_day() -> None:
    body = (
        "The fall of Palmyra came days after Islamic State captured Ramadi, the capital of "
        "Anbar province, on Sunday."
    )
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert ("Ramadi", date(2017, 11, 5)) in claims, claims


def test_a_hundred_days_after_is_no_few_days() -> None:
    body = (
        "Les forces irakiennes ont repris Mossoul, a annoncé mardi le Premier ministre, cent "
        "jours après le lancement de l'offensive."
    )
    events = [e for e in _run(body, "fr").events if e.type == "assault"]
    assert events
    assert all(e.date != date(2017, 10, 31) for e in events)  # not "a week before Tuesday"


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("L'aviation irakienne et des appareils de la coalition ont pilonné samedi Rawa.", "fr"),
        ("Russian warplanes and helicopters fired rockets at Palmyra on Saturday.", "en"),
    ],
)
def test_aircraft_pounding_a_place_is_an_air_strike(body: str, lang: str) -> None:
    types = {e.type for e in _run(body, lang).events}
    assert "air_strike" in types and "shelling" not in types, types


def test_artillery_pounding_stays_shelling() -> None:
    types = {e.type for e in _run("L'artillerie a pilonné samedi Rawa.", "fr").events}
    assert types == {"shelling"}


def test_car_bombs_opening_an_assault_are_suicide_bombings_of_its_owner() -> None:
    body = (
        "L'assaut de l'EI contre Palmyre a débuté mercredi par trois attentats-suicides à la "
        "voiture piégée contre des barrages de l'armée."
    )
    events = {e.type: e for e in _run(body, "fr").events}
    assert "suicide_bombing" in events
    agents = [a for a in events["assault"].actors if a.role == "agent"]
    assert [a.side for a in agents] == ["isis"]


def test_a_fall_denied_with_had_fallen_is_a_negated_capture() -> None:
    body = "The SDF denied that Manbij had fallen, saying its fighters were still holding out."
    captures = [e for e in _run(body, "en").events if e.type == "capture"]
    assert [(e.negated, [p.text for p in e.places]) for e in captures] == [(True, ["Manbij"])]


def test_a_town_that_had_fallen_went_to_the_side_that_stormed_it() -> None:
    body = "Islamic State fighters stormed Manbij before dawn. By midday the town had fallen."
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert ("Manbij", "isis", "full") in claims, claims
    assert not [c for c in claims if c[1] == "syrian_government"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            'Iraqi forces pushed into Haditha on Friday. "We hold about 60 percent of Haditha. '
            'The rest will take a few more days," an army colonel said by telephone.',
            "en",
        ),
        (
            "Les forces irakiennes sont entrées dans Haditha vendredi. « Nous tenons environ 60 % "
            "de Haditha. Le reste prendra quelques jours », a déclaré un colonel de l'armée "
            "irakienne.",
            "fr",
        ),
    ],
)
def test_we_of_a_quotation_closed_in_a_later_sentence(body: str, lang: str) -> None:
    claims = {(c.side, c.kind, c.fraction) for c in _run(body, lang).claims}
    assert ("iraqi_forces", "partial", 0.6) in claims, claims


def test_won_it_back_is_a_recapture_of_the_town_named_before() -> None:
    body = "Islamic State fighters seized Haditha in June. Government forces won it back in July."
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Haditha", "iraqi_forces", date(2017, 7, 1)) in claims, claims


def test_a_place_inside_an_earlier_relative_clause_is_not_it() -> None:
    body = (
        "Islamic State seized Haditha in June during an offensive that also delivered Rawa to "
        "the militants. Government forces won it back in July."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Haditha", "iraqi_forces", date(2017, 7, 1)) in claims, claims
    assert not [c for c in claims if c[0] == "Rawa" and c[1] == "iraqi_forces"]


def test_a_named_area_of_the_war_is_held_in_part() -> None:
    body = "Rebels also still hold much of Eastern Ghouta, east of Damascus."
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Eastern Ghouta", "syrian_opposition", "partial")}


def test_a_described_pocket_is_the_subject_of_its_hold() -> None:
    body = (
        "In the far south-west, the Yarmouk basin, a pocket along the Golan frontier, remains in "
        "the hands of Islamic State."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Yarmouk basin", "isis")}


def test_a_pronoun_in_a_relative_stands_for_the_one_side_before_it() -> None:
    body = (
        "Carrefour stratégique, Palmyre permet à l'EI de relier ses positions de l'est de la "
        "province de Homs à celles qu'il tient dans le Qalamoun."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("Qalamoun", "isis", "partial") in claims, claims


@pytest.mark.parametrize(
    ("body", "lang", "country", "fraction"),
    [
        (
            "Islamic State still holds Mosul in Iraq. Officials say the group now holds less "
            "than 10 percent of Iraqi territory.",
            "en",
            "Iraq",
            0.1,
        ),
        (
            "L'EI tient Raqqa, en Syrie. L'organisation contrôle désormais la moitié du "
            "territoire syrien, selon l'OSDH.",
            "fr",
            "Syrie",
            0.5,
        ),
    ],
)
def test_a_share_of_a_countrys_territory_by_its_adjective(
    body: str, lang: str, country: str, fraction: float
) -> None:
    claims = {(c.place_name, c.kind, c.fraction) for c in _run(body, lang).claims}
    assert (country, "partial", fraction) in claims, claims


def test_the_end_of_the_road_north_is_not_the_town() -> None:
    body = (
        "Iraqi forces have driven Islamic State out of Haditha, removing an obstacle on the road "
        "north to Mosul. Army units entered the town centre early on Thursday."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Mosul", "iraqi_forces") not in claims, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The SDF captured Manbij on Friday after three days of fierce fighting.", "en"),
        ("Les FDS ont repris Manbij vendredi au terme de trois jours de combats.", "fr"),
    ],
)
def test_days_of_fighting_run_before_the_capture(body: str, lang: str) -> None:
    result = _run(body, lang)
    clash = next(e for e in result.events if e.type == "armed_clash")
    assert (clash.date, clash.date_precision) == (date(2017, 11, 7), "week")
    assert {(c.place_name, c.valid_from) for c in result.claims} == {("Manbij", date(2017, 11, 10))}


def test_days_of_fighting_after_a_setback_are_not_counted_back() -> None:
    body = (
        "The militants reached the outskirts of Palmyra on Saturday but were thrown back after "
        "two days of heavy fighting."
    )
    dates = {e.date for e in _run(body, "en").events}
    assert date(2017, 11, 2) not in dates


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Tens of thousands of residents fled Mosul during the fighting, officials said.", "en"),
        ("As many as 200,000 people had been displaced by the weekend's fighting in Sinjar.", "en"),
        ("Plus de 30 000 personnes ont déjà fui les combats à Mossoul, selon l'ONU.", "fr"),
        ("Des milliers d'habitants ont fui Mossoul depuis le début de l'offensive.", "fr"),
    ],
)
def test_civilians_fleeing_the_fighting_is_no_battle(body: str, lang: str) -> None:
    assert _run(body, lang).events == ()


def test_fighting_told_on_its_own_is_still_a_battle() -> None:
    types = {e.type for e in _run("Les combats ont fait rage à Mossoul samedi.", "fr").events}
    assert types == {"armed_clash"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Iraqi troops retook Tikrit on Tuesday, ending a month-long battle for the city.",
            "en",
        ),
        (
            "Les forces irakiennes ont repris Tikrit mardi, mettant fin à une bataille d'un mois.",
            "fr",
        ),
    ],
)
def test_the_battle_a_capture_ends_is_no_event_of_its_own(body: str, lang: str) -> None:
    assert [e.type for e in _run(body, lang).events] == ["capture"]


def test_a_quoted_restatement_of_a_capture_is_the_same_capture() -> None:
    body = (
        'Iraqi forces retook Hawija in Anbar province on Thursday. "Hawija has been fully '
        'liberated," a general said on Thursday evening.'
    )
    captures = [e for e in _run(body, "en").events if e.type == "capture"]
    assert len(captures) == 1


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Tikrit fell to Islamic State in June 2014 during the lightning offensive that also "
            "delivered Mosul to the militants.",
            "en",
        ),
        (
            "Tikrit est tombée aux mains de l'EI en juin 2014, lors d'une offensive qui a aussi "
            "livré Mossoul aux jihadistes.",
            "fr",
        ),
    ],
)
def test_a_place_delivered_to_a_side_in_the_same_offensive(body: str, lang: str) -> None:
    claims = {(c.place_name[:3], c.side, c.valid_from) for c in _run(body, lang).claims}
    assert ("Mos", "isis", date(2014, 6, 1)) in claims, claims


def test_delivering_aid_to_a_town_hands_over_nothing() -> None:
    assert _run("The convoy delivered aid to Mosul on Friday.", "en").claims == ()


def test_a_side_still_holding_out_after_a_loss_keeps_its_own_account() -> None:
    body = (
        "Islamic State fighters stormed Manbij on Monday. By midday the militants had seized the "
        "town. The SDF denied at the time that Manbij had fallen, saying its fighters were still "
        "holding out in the northern part of the town."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Manbij", "isis", date(2017, 11, 6)) in claims, claims
    assert ("Manbij", "sdf", date(2017, 11, 6)) in claims, claims


def test_soldiers_still_holed_up_in_a_town_taken_contest_it() -> None:
    body = (
        "Rebels captured Idlib on Saturday. About 150 soldiers were still holed up in the town's "
        "national hospital, which the insurgents surrounded on Saturday."
    )
    kinds = {(c.side, c.kind) for c in _run(body, "en").claims}
    assert ("syrian_opposition", "full") in kinds
    assert ("syrian_government", "full") not in kinds


def test_a_handful_of_streets_is_a_share() -> None:
    body = (
        "Officers said Islamic State fighters were still holding out in a handful of streets "
        "in Haditha."
    )
    assert {c.kind for c in _run(body, "en").claims} == {"partial"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("L'EI s'était emparé le 10 juin de Mossoul puis le lendemain de Tikrit.", "fr"),
        ("L'EI s'était emparé le 10 juin de Mossoul, puis, le lendemain, de Tikrit.", "fr"),
        ("The Islamic State seized Mosul on June 10 and then the next day Tikrit.", "en"),
        ("The Islamic State seized Mosul on June 10 and, the next day, Tikrit.", "en"),
    ],
)
def test_a_listed_place_opened_by_its_own_day(body: str, lang: str) -> None:
    claims = {(c.place_name[:3], c.valid_from) for c in _run(body, lang).claims}
    assert claims == {("Mos", date(2017, 6, 10)), ("Tik", date(2017, 6, 11))}, claims


def test_a_subject_described_by_any_noun_phrase_is_still_the_subject() -> None:
    body = (
        "Hajin, a way station on Islamic State's supply lines between Syria and Iraq, was "
        "captured on Friday by the Syrian Democratic Forces."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {("Hajin", "sdf", date(2017, 11, 10))}, claims


@pytest.mark.parametrize(
    "body",
    [
        "Islamic State fighters fled. Troops shelled Hajin, the group's main stronghold.",
        "Islamic State fighters pulled back on Friday towards Hajin, the group's main stronghold.",
    ],
)
def test_a_stronghold_belongs_to_the_side_whose_possessive_names_it(body: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Hajin", "isis")}, claims


def test_a_neighbouring_province_is_listed_with_its_share() -> None:
    body = (
        "Islamic State still holds a large part of southern Hasakah province, as well as most "
        "of neighbouring Deir ez-Zor province."
    )
    claims = {(c.place_name, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Hasakah province", "partial"), ("Deir ez-Zor province", "partial")}


def test_a_city_under_a_sides_rule_is_held_by_it() -> None:
    body = "Islamic State fighters fled. Jets hit Mosul, the largest city under its rule in Iraq."
    assert {(c.place_name, c.side) for c in _run(body, "en").claims} == {("Mosul", "isis")}


def test_a_relative_clause_without_its_pronoun_is_about_the_town_before_it() -> None:
    body = (
        "Peshmerga forces said on Friday they had retaken Sinjar, the town Islamic State "
        "overran in August 2014."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {
        ("Sinjar", "peshmerga", date(2017, 11, 10)),
        ("Sinjar", "isis", date(2014, 8, 1)),
    }, claims


def test_a_sweep_into_a_town_takes_it() -> None:
    body = "Islamic State fighters swept into Mosul in June 2014."
    claims = {(c.place_name, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Mosul", "full")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            'Troops lost Tabqa in Hasakah province. "With Tabqa gone, the whole province belongs '
            'to the Islamic State," the director said.',
            "en",
        ),
        (
            "L'armée a perdu Tabqa, dans la province de Hassaké. Toute la province appartient "
            "désormais à l'EI.",
            "fr",
        ),
    ],
)
def test_a_province_that_belongs_to_a_side_is_held_by_it(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    province = "Hasakah province" if lang == "en" else "province de Hassaké"
    assert (province, "isis") in claims, claims
    assert ("Tabqa", "isis") not in claims, claims


def test_they_in_a_speakers_clause_is_the_speaker_not_a_side_of_its_relative() -> None:
    body = (
        "Kurdish peshmerga forces, who launched an offensive on Thursday with coalition air "
        "cover, announced on Friday that they had retaken Sinjar."
    )
    (capture,) = [e for e in _run(body, "en").events if e.type == "capture"]
    assert {a.side for a in capture.actors if a.role == "agent"} == {"peshmerga"}


def test_the_next_verb_of_a_subject_shares_the_day_of_the_first() -> None:
    body = "Syrian troops entered Hajin on Wednesday and hoisted the national flag over the town."
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {("Hajin", date(2017, 11, 8))}, claims


def test_large_parts_of_two_provinces_are_shares_of_both() -> None:
    body = (
        "Rebels still control most of Idlib province in the north-west, as well as large parts "
        "of Daraa province and Quneitra province in the south."
    )
    claims = {(c.place_name, c.kind) for c in _run(body, "en").claims}
    assert claims == {
        ("Idlib province", "partial"),
        ("Daraa province", "partial"),
        ("Quneitra province", "partial"),
    }, claims


def test_turkish_backed_factions_are_the_rebels_turkey_backs() -> None:
    body = "Fighters left for Jarabulus, which is controlled by Turkish-backed factions."
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Jarabulus", "syrian_opposition")}, claims


def test_a_victory_declared_on_a_day_in_a_place_takes_it() -> None:
    body = "The government declared victory on April 14 in Eastern Ghouta."
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {("Eastern Ghouta", "syrian_government", date(2017, 4, 14))}, claims


def test_a_place_wrested_from_a_side_and_the_pronoun_it_held() -> None:
    body = (
        "La bourgade d'al-Raï a changé de mains cette année. Le 7 avril, des factions rebelles "
        "l'avaient arrachée à l'EI, qui la contrôlait depuis 2014."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert ("al-Raï", "syrian_opposition", date(2017, 4, 7)) in claims, claims
    assert ("al-Raï", "isis", date(2014, 1, 1)) in claims, claims


def test_the_control_dont_a_side_took_is_of_the_place_before() -> None:
    body = (
        "Elle intervient moins d'une semaine après la chute de Manbij, dont les Forces "
        "démocratiques syriennes (FDS), une alliance arabo-kurde, ont pris le contrôle total "
        "le 12 août."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Manbij", "sdf", date(2017, 8, 12))}, claims


def test_a_town_located_in_part_of_a_province_is_the_subject() -> None:
    body = (
        "La ville frontalière d'al-Raï, dans le nord de la province d'Alep, est repassée "
        "mercredi sous le contrôle de rebelles syriens soutenus par Ankara."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("al-Raï", "syrian_opposition")}, claims


def test_a_count_after_where_the_last_town_lies() -> None:
    body = (
        "La prise d'al-Raï ouvre aux insurgés la route de Dabiq, au sud-ouest, et d'al-Bab, à "
        "une trentaine de kilomètres au sud, deux localités toujours tenues par l'EI."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Dabiq", "isis"), ("al-Bab", "isis")}, claims


def test_a_number_of_soldiers_is_the_subject() -> None:
    body = "Samedi, une vingtaine de militaires étaient entrés dans Aïn al-Fijé."
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("Aïn al-Fijé", "syrian_government", "contested")}, claims


def test_a_flag_raised_over_a_building_past_a_relative_takes_the_town() -> None:
    body = (
        "Samedi, une vingtaine de militaires étaient entrés dans Aïn al-Fijé, d'où les "
        "combattants rebelles venaient de se retirer vers d'autres villages, et avaient hissé "
        "le drapeau syrien sur le bâtiment abritant la source."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("Aïn al-Fijé", "syrian_government", "full")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Tenue par les rebelles depuis 2012, Daraya s'ajoute à la liste des villes perdues.",
            "fr",
        ),
        ("Held by rebels since 2012, Daraya was retaken by the army on Sunday.", "en"),
    ],
)
def test_a_fronted_state_since_a_year_holds_the_subject(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, lang).claims}
    assert ("Daraya", "syrian_opposition", date(2012, 1, 1)) in claims, claims


def test_the_surroundings_of_a_city_are_not_the_city() -> None:
    body = "Les secteurs des environs de Damas repris par le régime sont calmes."
    assert {c.place_name for c in _run(body, "fr").claims} == set()


def test_almost_entirely_in_the_hands_of_the_armed_opposition_is_a_share() -> None:
    body = (
        "Les insurgés partent vers la province d'Idleb (nord-ouest), presque entièrement aux "
        "mains de l'opposition armée."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("province d'Idleb", "syrian_opposition", "partial")}, claims


def test_hundreds_of_militants_killed_are_no_subject() -> None:
    body = (
        "Islamic State retreated. The army said units had killed hundreds of militants since "
        "the operation began on June 13 and had on Friday also cleared the last villages the "
        "group held in the countryside of Aleppo province."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Aleppo province", "syrian_government")}, claims


def test_a_wide_stretch_of_a_province_is_a_share() -> None:
    body = "The army has pushed Islamic State out of a wide stretch of Raqqa province."
    assert {c.kind for c in _run(body, "en").claims} == {"partial"}


def test_days_earlier_is_the_week_before_the_day_told() -> None:
    body = "Hit was taken by the army on June 19. Days earlier, troops had seized Anah."
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert ("Anah", date(2017, 6, 16)) in claims, claims


def test_the_base_is_the_air_base_named_before() -> None:
    body = (
        "Islamic State overran the Tabqa air base in August 2014. The SDF took the base from "
        "the militants in March."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Tabqa air base", "sdf", date(2017, 3, 1)) in claims, claims


def test_districts_held_inside_a_town_and_its_old_city() -> None:
    body = (
        "Inside Raqqa, the SDF holds several districts. The jihadists still hold the old city "
        "and most of the centre."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Raqqa", "sdf", "partial"), ("Raqqa", "isis", "partial")}, claims


def test_a_french_apposition_without_its_article_still_describes_the_subject() -> None:
    body = (
        "Bosra al-Cham, cité antique inscrite au patrimoine mondial et dernier bastion du "
        "régime dans l'est de la province de Deraa, est tombée mercredi aux mains des rebelles."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Bosra al-Cham", "syrian_opposition")}, claims


def test_a_province_described_then_still_controlled_by_the_state() -> None:
    body = (
        "Des familles ont fui vers la province voisine de Soueïda, à majorité druze et "
        "toujours contrôlée par le pouvoir."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Soueïda", "syrian_government")}, claims


def test_a_plural_pronoun_is_the_plural_side_not_the_singular_object() -> None:
    body = (
        "La chute de Bosra al-Cham prive l'armée d'une route et renforce l'emprise des rebelles "
        "sur les campagnes de la province de Deraa, dont ils contrôlent désormais la majeure "
        "partie."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("province de Deraa", "syrian_opposition", "partial") in claims, claims


@pytest.mark.parametrize(
    ("body", "lang", "since"),
    [
        (
            "Les rebelles avancent, le régime recule. Deraa est partagée entre les deux camps.",
            "fr",
            date(2017, 11, 10),
        ),
        (
            "Hajin has been split between rebels and government forces since 2012.",
            "en",
            date(2012, 1, 1),
        ),
    ],
)
def test_a_town_divided_between_two_sides_is_a_share_of_each(
    body: str, lang: str, since: date
) -> None:
    claims = {(c.side, c.kind, c.valid_from) for c in _run(body, lang).claims}
    assert claims == {
        ("syrian_government", "partial", since),
        ("syrian_opposition", "partial", since),
    }, claims


def test_a_share_of_a_capital_named_in_apposition() -> None:
    body = "The army still holds half of the provincial capital, Hajin."
    assert {(c.place_name, c.kind) for c in _run(body, "en").claims} == {("Hajin", "partial")}


def test_districts_named_among_those_held_and_the_old_city_of_the_town() -> None:
    body = (
        "Inside Raqqa, the SDF holds several districts on the edges of the city, among them "
        "Mashlab. The jihadists still hold the old city and most of the centre."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {
        ("Raqqa", "sdf", "partial"),
        ("Mashlab", "sdf", "full"),
        ("Raqqa", "isis", "partial"),
    }, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The monitor said dozens were captured on the way and others were missing.", "en"),
        ("Islamic State fighters captured 40 soldiers near Hajin.", "en"),
        ("Des dizaines de soldats ont été capturés près de Hajin.", "fr"),
        ("A convoy of buses took the remaining fighters out of Hajin.", "en"),
    ],
)
def test_people_captured_are_no_capture_of_ground(body: str, lang: str) -> None:
    assert not [e for e in _run(body, lang).events if e.type == "capture"]


def test_a_share_held_there_and_the_towns_named_among_it() -> None:
    body = (
        "Rebels now hold most of Idlib province, while the government still controls a handful "
        "of towns there, among them Ariha."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {
        ("Idlib province", "syrian_opposition", "partial"),
        ("Idlib province", "syrian_government", "partial"),
        ("Ariha", "syrian_government", "full"),
    }, claims


def test_a_stronghold_apposed_to_what_a_province_locates_is_not_the_province() -> None:
    body = (
        "Its capture brings the insurgents closer to the al-Ghab plain in neighbouring Hama "
        "province, a pro-government stronghold."
    )
    assert _run(body, "en").claims == ()


def test_a_share_taken_while_storming_says_more_than_the_fighting_inside() -> None:
    body = (
        "Rebels fought the army. Hajin, once a hub, has been divided since rebels stormed the "
        "city in July 2012, taking most of its eastern half."
    )
    kinds = {(c.side, c.kind) for c in _run(body, "en").claims}
    assert ("syrian_opposition", "contested") not in kinds, kinds
    assert ("syrian_opposition", "partial") in kinds, kinds


@pytest.mark.parametrize(
    ("body", "lang", "day"),
    [
        (
            "U.S. warplanes have been striking Islamic State near Hajin since August 8.",
            "en",
            date(2017, 8, 8),
        ),
        (
            "L'aviation russe mène des frappes sur Hajin depuis le 3 novembre.",
            "fr",
            date(2017, 11, 3),
        ),
    ],
)
def test_strikes_kept_up_since_a_day_began_that_day(body: str, lang: str, day: date) -> None:
    (strike,) = [e for e in _run(body, lang).events if e.type == "air_strike"]
    assert strike.date == day


def test_a_state_since_a_day_in_a_relative_does_not_date_the_fighting() -> None:
    body = "Troops are fighting near Hajin, which the group has held since May."
    (clash,) = [e for e in _run(body, "en").events if e.type == "armed_clash"]
    assert clash.date != date(2017, 5, 1)


def test_a_range_described_between_commas_now_under_state_control() -> None:
    body = (
        "A military source said the Qalamoun mountains, from the Lebanese border to the edge "
        "of the desert, were now entirely under state control."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    # (the name, then its head noun "mountains", then the description between commas)
    assert claims == {("Qalamoun", "syrian_government", "full")}, claims


def test_a_flag_raised_over_buildings_takes_every_town_entered() -> None:
    body = (
        "Army and police units entered Ruhaiba and neighbouring Jayrud shortly after the convoy "
        "left and raised the national flag over municipal buildings."
    )
    claims = {(c.place_name, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Ruhaiba", "full"), ("Jayrud", "full")}, claims


def test_weapons_handed_over_and_a_town_located_in_part_of_a_province() -> None:
    body = (
        "Rebels began handing over tanks and artillery on Friday before boarding buses for "
        "Idlib province and for Jarablus, a town in the north of Aleppo province held by "
        "Turkish-backed factions."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Jarablus", "syrian_opposition")}, claims


def test_both_held_by_a_side_and_a_day_after_the_state_is_not_its_own() -> None:
    body = (
        "Islamic State fighters fled. Warplanes have pounded the Yarmouk camp and neighbouring "
        "Hajar al-Aswad, both held by the group, since last Thursday, the Observatory said."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {
        ("Yarmouk camp", "isis", PUB),
        ("Hajar al-Aswad", "isis", PUB),
    }, claims


def test_most_of_a_town_opening_the_sentence_is_a_share_past_its_apposition() -> None:
    body = (
        "BAGHDAD, Feb 13 — Most of al-Baghdadi, a town in western Anbar province that had "
        "withstood an Islamic State siege, was in the militants' hands on Friday."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {("al-Baghdadi", "isis", "partial")}, claims


def test_nine_tenths_of_the_town_is_its_fraction() -> None:
    body = 'Islamic State attacked al-Baghdadi. "Daesh controls nine-tenths of the town," he said.'
    (claim,) = _run(body, "en").claims
    assert (claim.kind, claim.fraction) == ("partial", 0.9)


def test_a_town_taken_in_a_participle_keeps_its_own_month() -> None:
    body = (
        "The Islamic State group seized large parts of Anbar last year, taking the town of Hit, "
        "upriver from Ramadi, in December."
    )
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert ("Hit", date(2016, 12, 1)) in claims, claims


def test_parts_of_a_provincial_capital_named_in_apposition_are_listed() -> None:
    body = (
        "Government forces still hold Haditha, further north along the Euphrates, as well as "
        "parts of the provincial capital, Ramadi."
    )
    claims = {(c.place_name, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Haditha", "full"), ("Ramadi", "partial")}, claims


def test_fighters_in_army_uniforms_are_not_the_army() -> None:
    body = (
        "Islamic State seized al-Baghdadi on Thursday. Hours after the town fell, about 25 "
        "fighters, many of them in Iraqi army uniforms, rushed the perimeter of the air base."
    )
    assert {c.side for c in _run(body, "en").claims} == {"isis"}


def test_the_main_verb_past_a_relative_has_the_subject_before_it() -> None:
    body = (
        "The YPG, which drove the group out of Kobani in late January after a four-month "
        "battle, controls much of the north of Hasakah province."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Hasakah province", "sdf") in claims and ("Hasakah province", "isis") not in claims


def test_hostages_taken_to_a_town_are_no_capture() -> None:
    body = "Officials in Hajin said they feared the hostages had been taken to Tal Tamr."
    assert not [e for e in _run(body, "en").events if e.type == "capture"]


def test_a_held_adjective_in_apposition_and_the_outskirts_of_it() -> None:
    body = (
        "The raid drew Kurdish forces away from their offensive on Tal Hamis, an Islamic "
        "State-held town some 90 km to the east. YPG fighters said they had entered its "
        "outskirts on Wednesday."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Tal Hamis", "isis", "full"), ("Tal Hamis", "sdf", "contested")}, claims


def test_fighters_from_a_coalition_are_its_own() -> None:
    body = (
        "Fighters from the Army of Conquest coalition, which also includes Ahrar al-Sham, "
        "overran Hajin after three days of fighting."
    )
    (capture,) = [e for e in _run(body, "en").events if e.type == "capture"]
    assert {a.side for a in capture.actors if a.role == "agent"} == {"syrian_opposition"}


def test_a_french_subject_after_the_dateline_and_the_town_not_its_crossing() -> None:
    body = (
        "BEYROUTH, 24 mars — Des rebelles emmenés par le Front al-Nosra se sont emparés dimanche "
        "de Kessab. Après des accrochages, le poste-frontière de Kessab est tombé samedi, et les "
        "insurgés sont entrés dimanche dans la localité."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("Kessab", "syrian_opposition", "full") in claims, claims
    assert ("poste-frontière de Kessab", "syrian_opposition", "contested") not in claims, claims


def test_a_province_nearly_all_in_the_regimes_hands() -> None:
    body = (
        "La province de Lattaquié, berceau de la communauté alaouite, reste dans sa "
        "quasi-totalité aux mains du régime."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("province de Lattaquié", "syrian_government", "partial")}, claims


def test_a_quoted_liberation_announced_on_a_day() -> None:
    body = (
        "Le ministère russe de la Défense avait pourtant annoncé dès le 11 février la "
        "« libération » de Tadef par les troupes syriennes."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Tadef", "syrian_government", date(2017, 2, 11))}, claims


def test_a_state_told_of_last_week_starts_last_week() -> None:
    body = (
        "Des habitants joints lundi affirment que les jihadistes de l'EI y tenaient encore "
        "leurs positions à Tadef la semaine dernière."
    )
    (claim,) = _run(body, "fr").claims
    assert (claim.side, claim.valid_from) == ("isis", date(2017, 10, 30)), claim


def test_the_kurdish_militia_is_kurdish() -> None:
    body = "La milice kurde avait proclamé lundi la libération de Kessab."
    events = _run(body, "fr").events
    assert any(a.side == "sdf" for e in events for a in e.actors), events


def test_a_count_back_skips_a_short_aside_before_the_counted_day() -> None:
    body = (
        "L'assaut a été lancé depuis Hajin, que l'EI avait pris début août, moins de trois "
        "mois après avoir conquis Palmyre, plus à l'est, le 21 mai."
    )
    claims = {(c.place_name, c.valid_from) for c in _run(body, "fr").claims}
    assert ("Palmyre", date(2017, 5, 21)) in claims, claims


def test_the_town_the_story_stopped_to_describe_is_the_city() -> None:
    body = (
        "L'EI a pris Mahin dimanche. Les jihadistes ont ensuite poussé vers Sadad, une localité "
        "à majorité chrétienne. Une source militaire a démenti que les jihadistes soient entrés "
        "dans la ville, qui reste selon elle « entièrement sous le contrôle de l'armée »."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Sadad", "syrian_government") in claims and ("Mahin", "syrian_government") not in claims


def test_a_reflexive_capture_then_an_expulsion_from_it_a_few_days_later() -> None:
    body = (
        "Les FDS s'étaient emparées de Soussa le 23 octobre, avant que les jihadistes ne les "
        "en chassent quelques jours plus tard."
    )
    claims = {(c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("sdf", date(2017, 10, 23)), ("isis", date(2017, 10, 24))}, claims


def test_a_sides_pocket_limited_to_a_town() -> None:
    body = (
        "Le réduit de l'EI dans la province de Deir Ezzor se limite désormais à Baghouz et à "
        "quelques hameaux voisins."
    )
    assert ("Baghouz", "isis") in {(c.place_name, c.side) for c in _run(body, "fr").claims}


def test_towns_held_before_they_were_taken_over_are_no_hold() -> None:
    body = (
        "Government forces took over the last rebel-held towns of the eastern Qalamoun on "
        "Wednesday."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Qalamoun", "syrian_government")}, claims


def test_fighting_in_a_district_since_a_day_and_an_officer_owning_a_share() -> None:
    body = (
        "Les forces irakiennes avancent. Après avoir pris le 1er novembre le faubourg de "
        "Gogjali, elles combattent depuis mardi dans le quartier d'al-Karama. « Nous tenons "
        "une partie de Karama, mais chaque maison est un piège », a reconnu un officier."
    )
    claims = {(c.place_name, c.kind, c.valid_from) for c in _run(body, "fr").claims}
    assert ("al-Karama", "contested", date(2017, 11, 7)) in claims, claims
    assert ("Karama", "partial", PUB) in claims, claims


def test_a_place_listed_after_an_elided_article_and_elite_units_entering() -> None:
    body = (
        "L'EI contrôle encore Tal Afar, à 70 km à l'ouest, ainsi que l'aéroport de Tabqa. "
        "Les unités d'élite étaient entrées dans les premiers quartiers de Mossoul le 1er novembre."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("aéroport de Tabqa", "isis", "full") in claims, claims
    assert ("Mossoul", "iraqi_forces", "contested") in claims, claims


@pytest.mark.parametrize(
    ("body", "lang", "kind"),
    [
        ("Troops moved into Anah on Wednesday; no shots were fired, residents said.", "en", "full"),
        ("Iraqi forces entered Rawa on Wednesday without a fight.", "en", "full"),
        (
            "Les forces irakiennes sont entrées mercredi à Rawa sans rencontrer de résistance.",
            "fr",
            "full",
        ),
        ("Iraqi forces entered Rawa on Wednesday and fierce clashes followed.", "en", "contested"),
    ],
)
def test_forces_that_walk_in_unopposed_hold_the_town(body: str, lang: str, kind: str) -> None:
    claims = {(c.side, c.kind, c.valid_from) for c in _run(body, lang).claims}
    assert claims == {("iraqi_forces", kind, date(2017, 11, 8))}, claims


@pytest.mark.parametrize(
    "foothold",
    [
        "its fighters were still holding out in the northern part of the town",
        "its fighters still held high ground on the edge of the town",
    ],
)
def test_a_foothold_kept_after_the_town_fell_makes_it_contested(foothold: str) -> None:
    body = (
        f"Islamic State fighters seized Rawa on Wednesday. The Iraqi army denied that the town "
        f"had fallen, saying {foothold}."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert ("Rawa", "isis", "full") in claims, claims
    assert ("Rawa", "iraqi_forces", "contested") in claims, claims
    assert ("Rawa", "iraqi_forces", "partial") not in claims, claims


def test_a_side_still_holding_most_of_a_town_after_a_loss_keeps_a_share() -> None:
    body = (
        "Islamic State fighters stormed Rawa on Wednesday and seized the market. The Iraqi army "
        "said its troops still held most of the town."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert ("Rawa", "iraqi_forces", "partial") in claims, claims


def test_a_list_goes_on_past_a_landmark_in_apposition_by_an_addition_or_a_closing_comma():
    body = (
        "Les jihadistes conservent par ailleurs Hit, à une centaine de kilomètres au sud-ouest "
        "de Rawa, ainsi que la majeure partie de la province de Deir Ezzor."
    )
    claims = {(c.place_name, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("Hit", "full"), ("province de Deir Ezzor", "partial")}, claims
    # the apposition closed by its comma, "and" goes on with the list
    claims = {
        c.place_name for c in _run("Iraqi forces retook Hit, near Rawa, and Haditha.", "en").claims
    }
    assert claims == {"Hit", "Haditha"}, claims
    # with no closing comma the place after "and" is a second landmark
    claims = {
        c.place_name for c in _run("Iraqi forces retook Hit, near Rawa and Haditha.", "en").claims
    }
    assert claims == {"Hit"}, claims


def test_a_cleft_subject_described_in_apposition_is_the_place_taken() -> None:
    body = (
        "C'est la ville de Hit, verrou de la province d'Anbar proche de l'Euphrate, qui est "
        "passée mercredi sous le contrôle des forces irakiennes."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Hit", "iraqi_forces")}, claims


def test_a_few_houses_held_there_are_a_share_of_the_village() -> None:
    body = (
        "Des accrochages se poursuivaient autour du village de Rawa. Les jihadistes y tiennent "
        "encore quelques maisons, mais le village est presque encerclé."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("Rawa", "isis", "partial") in claims, claims
    assert ("Rawa", "isis", "full") not in claims, claims


def test_a_participle_right_after_a_place_describes_it_even_after_a_direction() -> None:
    body = (
        "La chute de Hit ouvre la voie vers les quartiers de Ramadi encore tenus par les "
        "jihadistes de l'EI."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("Ramadi", "isis", "partial")}, claims


def test_the_town_is_not_a_village_the_story_named_since() -> None:
    body = (
        "Les forces irakiennes ont repris la ville de Hit. Les jihadistes se sont repliés vers "
        "le village de Rawa, où des combats se poursuivent. Les jihadistes tiennent encore Rawa. "
        "En octobre, l'armée s'était emparée de la ville."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert ("Hit", "iraqi_forces", date(2017, 10, 1)) in claims, claims
    assert ("Rawa", "iraqi_forces", date(2017, 10, 1)) not in claims, claims


def test_a_capture_followed_by_another_on_its_own_day() -> None:
    body = "Iraqi forces retook Hit on Nov. 2, followed by Rawa on Nov. 6."
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {("Hit", date(2017, 11, 2)), ("Rawa", date(2017, 11, 6))}, claims


@pytest.mark.parametrize(
    ("body", "lang", "kind"),
    [
        ("Rebels were bused to Idlib, which is in the hands of rebel groups.", "en", "full"),
        (
            "Rebels were bused to Idlib, most of which is held by rebel and jihadist groups.",
            "en",
            "partial",
        ),
        ("Les groupes rebelles tiennent Idleb.", "fr", "full"),
    ],
)
def test_rebel_groups_are_the_opposition(body: str, lang: str, kind: str) -> None:
    claims = {(c.side, c.kind) for c in _run(body, lang).claims}
    assert claims == {("syrian_opposition", kind)}, claims


def test_a_side_implanted_in_a_town_has_a_presence() -> None:
    claims = {
        (c.place_name, c.side, c.kind) for c in _run("L'EI reste implanté à Rawa.", "fr").claims
    }
    assert claims == {("Rawa", "isis", "partial")}, claims


def test_a_span_between_a_hold_participle_and_its_holder() -> None:
    body = "La route mène à Idleb, tenue depuis mars 2015 par l'Armée de la conquête."
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Idleb", "syrian_opposition")}, claims


def test_a_town_located_as_one_of_a_province_keeps_its_participle() -> None:
    body = "Hit, ville de la province voisine d'Anbar tenue depuis 2014 par l'EI, est menacée."
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Hit", "isis", date(2014, 1, 1))}, claims


def test_a_day_closing_a_restrictive_relative_is_its_verbs() -> None:
    body = (
        "Elite troops who broke into Mosul last week were fighting house by house on Thursday "
        "in the neighbourhood of Gogjali."
    )
    claims = {(c.place_name, c.kind, c.valid_from) for c in _run(body, "en").claims}
    assert ("Mosul", "contested", date(2017, 10, 30)) in claims, claims
    assert ("Gogjali", "contested", date(2017, 11, 9)) in claims, claims


def test_a_side_still_fighting_in_a_town_it_held_years_before_contests_it() -> None:
    body = (
        "Islamic State seized Hit in June 2014. Iraqi forces retook the town on Wednesday. The "
        "group's fighters were still battling the army in the north of the town on Thursday."
    )
    claims = {(c.side, c.kind, c.valid_from) for c in _run(body, "en").claims}
    assert ("isis", "full", date(2014, 6, 1)) in claims, claims
    assert ("iraqi_forces", "full", date(2017, 11, 8)) in claims, claims
    assert ("isis", "contested", date(2017, 11, 9)) in claims, claims


def test_a_town_liberated_is_not_the_gain_of_the_side_still_fighting_there() -> None:
    body = (
        "Hit was fully liberated on Wednesday, an officer said. Islamic State fighters were "
        "still battling the army in the north of the town on Thursday."
    )
    claims = {(c.side, c.kind) for c in _run(body, "en").claims}
    assert ("iraqi_forces", "full") in claims, claims
    assert ("isis", "full") not in claims, claims


@pytest.mark.parametrize(
    "definite", ["the strategic town in western Anbar province", "the town in Anbar province"]
)
def test_a_definite_town_located_in_a_province_is_the_town_named_before(definite: str) -> None:
    body = f"Islamic State seized Hit on Oct. 2. Iraqi forces recaptured {definite} on Monday."
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Hit", "iraqi_forces", date(2017, 11, 6)) in claims, claims
    assert not any(place != "Hit" for place, _, _ in claims), claims


def test_the_day_before_a_subordinate_clause_is_the_main_verbs() -> None:
    body = (
        "Police were patrolling Hit on Thursday after Iraqi forces recaptured the strategic town "
        "in western Anbar province on Wednesday."
    )
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {("Hit", date(2017, 11, 8))}, claims


def test_a_share_before_a_town_described_in_apposition() -> None:
    body = (
        "Clashes have left parts of Ramadi, the capital of Anbar province, under militant control."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Ramadi", "isis", "partial")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ('"Hit has fallen to ISIL, except for its edges," an officer said.', "en"),
        ("L'EI contrôle Hit, à l'exception de quelques quartiers du sud.", "fr"),
    ],
)
def test_a_town_all_but_a_part_is_a_share(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert claims == {("Hit", "isis", "partial")}, claims


def test_districts_still_held_after_a_fall_stay_a_share() -> None:
    body = (
        "Islamic State fighters seized Hit on Wednesday. Iraqi troops were still holding the "
        "southern districts of the city, an officer said."
    )
    claims = {(c.side, c.kind) for c in _run(body, "en").claims}
    assert ("iraqi_forces", "partial") in claims, claims
    assert ("iraqi_forces", "contested") not in claims, claims


def test_the_centre_held_is_the_towns_not_its_landmarks() -> None:
    body = (
        "In Ramadi, 110 km south-east of Haditha, police were battling militants on Saturday. "
        '"We still hold the centre and the government buildings," said a police officer.'
    )
    claims = {(c.place_name, c.kind) for c in _run(body, "en").claims}
    assert ("Ramadi", "partial") in claims, claims
    assert not any(place == "Haditha" for place, _ in claims), claims


def test_a_subject_pronoun_goes_on_with_the_subject_not_a_complement() -> None:
    body = (
        "Le groupe EI avait étendu son emprise sur la région en juillet, après la fuite du "
        "Front al-Nosra. Il contrôle désormais plus de 90 % de la province de Deir Ezzor."
    )
    claims = {(c.side, c.kind) for c in _run(body, "fr").claims if c.fraction}
    assert claims == {("isis", "partial")}, claims


def test_a_french_gerund_takes_the_subject_of_its_sentence() -> None:
    body = (
        "Les forces irakiennes ont resserré lundi l'étau autour de Rawa, dernier bastion du "
        "groupe État islamique (EI), en reprenant Anah. Le groupe avait étendu son emprise en "
        "juillet, en s'emparant de Hit."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Anah", "iraqi_forces") in claims, claims
    assert ("Hit", "isis") in claims, claims


def test_a_since_day_opening_the_sentence_dates_its_state() -> None:
    body = "Depuis dimanche dernier, les jihadistes de l'EI tiennent de nouveau Hit et Rawa."
    claims = {(c.place_name, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Hit", date(2017, 11, 5)), ("Rawa", date(2017, 11, 5))}, claims


def test_a_count_of_fighters_opening_a_relative_is_its_subject() -> None:
    body = (
        "L'armée irakienne affirme avoir repris Hit, où quelques centaines de jihadistes "
        "tiennent encore une petite partie de la ville."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("Hit", "iraqi_forces", "full") in claims, claims
    assert ("Hit", "iraqi_forces", "partial") not in claims, claims  # the fighters hold it


def test_there_and_the_demonstrative_stand_for_the_district_just_named() -> None:
    body = (
        "À Gogjali, plus au sud, les combats se poursuivaient lundi. L'armée irakienne y tient "
        "plusieurs îlots en lisière du quartier, mais la majeure partie de celui-ci reste aux "
        "mains de l'EI."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("Gogjali", "iraqi_forces", "contested"), ("Gogjali", "isis", "partial")}, (
        claims
    )


def test_the_neighbouring_district_named_is_the_place_itself() -> None:
    body = (
        "« Nos forces ont rétabli la sécurité dans l'ensemble de Hit, ainsi que dans le quartier "
        "voisin de Gogjali », a affirmé l'armée irakienne."
    )
    claims = {(c.place_name, c.kind) for c in _run(body, "fr").claims}
    assert ("Gogjali", "full") in claims, claims


def test_places_described_by_a_relative_before_their_state() -> None:
    body = (
        "Hit and Rawa, whose inhabitants are mostly Sunni, are among the last places still in "
        "government hands."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Hit", "iraqi_forces"), ("Rawa", "iraqi_forces")}, claims


def test_a_since_clause_with_an_apposition_dates_the_state_before_it() -> None:
    body = (
        "Islamic State has held most of Anbar province since the group captured the "
        "provincial capital, Ramadi, in May."
    )
    claims = {(c.place_name, c.kind, c.valid_from) for c in _run(body, "en").claims}
    assert ("Anbar", "partial", date(2017, 5, 1)) in claims, claims


def test_fighters_holding_out_in_a_town_hold_a_share_of_it() -> None:
    body = (
        "Several hundred Islamic State fighters still holding out in Hit would be allowed to leave."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Hit", "isis", "partial")}, claims


def test_a_town_stormed_back_into_and_held_for_a_span_from_that_day() -> None:
    body = (
        "The army took Hit on Nov. 1. Islamic State fighters stormed back into it on Nov. 2, "
        "backed by mortar fire, and held it for four days."
    )
    claims = {(c.side, c.kind, c.valid_from) for c in _run(body, "en").claims}
    assert ("isis", "full", date(2017, 11, 2)) in claims, claims
    assert not any(day == PUB for _, _, day in claims), claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Police units had deployed on Wednesday in Hit, residents said.", "en"),
        ("La police irakienne s'est déployée mercredi à Hit.", "fr"),
    ],
)
def test_forces_deployed_in_a_town_hold_it(body: str, lang: str) -> None:
    result = _run(body, lang)
    claims = {(c.place_name, c.side, c.kind, c.valid_from) for c in result.claims}
    assert claims == {("Hit", "iraqi_forces", "full", date(2017, 11, 8))}, claims
    assert [e.type for e in result.events] == ["capture"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Mercredi, le drapeau noir de l'EI flottait toujours sur Rawa.", "fr"),
        ("The Islamic State flag still flies over Rawa, residents said.", "en"),
    ],
)
def test_a_sides_flag_over_a_town_says_it_holds_it(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert claims == {("Rawa", "isis", "full")}, claims


def test_a_flag_named_in_a_complement_is_no_subject() -> None:
    body = (
        "Le drapeau de l'armée irakienne flotte sur Rawa, à la place de la bannière noire de l'EI."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Rawa", "iraqi_forces")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les forces irakiennes ont repris Hit. Lundi, les jihadistes s'étaient emparés des "
            "silos à grains situés à l'entrée de la ville.",
            "fr",
        ),
        ("Islamic State fighters seized the grain silos at the entrance of Hit on Monday.", "en"),
    ],
)
def test_a_site_at_the_entrance_of_a_town_is_a_part_of_it(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert ("Hit", "isis", "partial") in claims, claims
    assert ("Hit", "isis", "full") not in claims, claims


def test_a_french_relative_capture_dates_the_hold_and_keeps_the_list() -> None:
    body = "Les FDS contrôlent aussi Hit, qu'elles ont prise en mai, Rawa et Anah."
    claims = {(c.place_name, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {
        ("Hit", date(2017, 5, 1)),
        ("Rawa", PUB),
        ("Anah", PUB),
    }, claims


def test_the_town_that_fell_is_the_gain_of_the_one_side_holding_it_that_day() -> None:
    body = (
        "Most of Hit was in Islamic State hands on Wednesday. Hours after the town fell, "
        "soldiers counter-attacked the perimeter of the air base."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Hit", "iraqi_forces") not in claims, claims


def test_the_neighbourhoods_broken_into_are_the_towns_named_before() -> None:
    body = (
        "Islamic State attacked Hit in September. Its fighters broke into the eastern "
        "neighbourhoods on Oct. 6."
    )
    result = _run(body, "en")
    assert any(
        e.type == "armed_clash" and [p.text for p in e.places] == ["Hit"] for e in result.events
    )
    claims = {(c.place_name, c.side, c.kind, c.valid_from) for c in result.claims}
    assert ("Hit", "isis", "contested", date(2017, 10, 6)) in claims, claims


def test_the_whole_province_after_a_town_is_the_towns_province() -> None:
    from dataclasses import replace

    body = (
        "Fighting went on in Homs province. Islamic State seized Haditha on Sunday. "
        '"With Haditha gone, the whole province belongs to the Islamic State," an official said.'
    )
    doc = article(body, "en", PUB)
    places = [replace(p, admin1="Anbar") if p.text == "Haditha" else p for p in places_in(doc)]
    provinces = {c.place_id for c in extract(doc, places).claims if c.precision == "governorate"}
    assert provinces == {"gn:99592"}, provinces  # Anbar, not Homs


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Kurdish peshmerga fighters on Sunday retook the towns of Makhmour and Sinjar, "
            "lost to Islamic State militants days earlier.",
            "en",
        ),
        (
            "Les peshmergas ont repris dimanche les localités de Makhmour et de Sinjar, perdues "
            "quelques jours plus tôt face aux jihadistes de l'État islamique.",
            "fr",
        ),
    ],
)
def test_a_list_lost_to_a_side_days_earlier_was_taken_by_it(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, lang).claims}
    for town in ("Makhmour", "Sinjar"):
        assert (town, "peshmerga", date(2017, 11, 5)) in claims, claims
        assert any(p == town and s == "isis" and d < date(2017, 11, 5) for p, s, d in claims)


def test_a_town_past_a_verb_of_its_own_is_no_part_of_the_list_lost() -> None:
    body = "Après Mossoul, reprise en juillet, et Tal Afar, tombée fin août aux mains de l'armée."
    claims = {(c.place_name, c.valid_from.month) for c in _run(body, "fr").claims}
    assert ("Mossoul", 8) not in claims, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Maître de Mossoul depuis le 10 juin, l'EI a pris le 3 août Sinjar.", "fr"),
        ("In control of Mosul since June 10, Islamic State seized Sinjar on Aug. 3.", "en"),
    ],
)
def test_a_state_fronted_before_the_subject_is_the_subjects(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, lang).claims}
    mosul = "Mossoul" if lang == "fr" else "Mosul"
    assert (mosul, "isis", date(2017, 6, 10)) in claims, claims
    assert ("Sinjar", "isis", date(2017, 8, 3)) in claims, claims


def test_villages_near_a_town_are_not_the_town() -> None:
    body = (
        "Lundi, les combattants de l'EI ont pris une série de villages chrétiens assyriens "
        "proches de Tal Tamr. Les YPG affirment tenir toujours Tal Tamr, où les affrontements "
        "se poursuivent."
    )
    claims = {(c.place_name, c.side, c.kind, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Tal Tamr", "sdf", "full", PUB)}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "The offensive on Mosul, the first city to fall to Islamic State in January 2014, "
            "was launched on May 23.",
            "en",
        ),
        (
            "L'offensive sur Mossoul, la première ville à tomber aux mains de l'EI en janvier "
            "2014, a été lancée le 23 mai.",
            "fr",
        ),
    ],
)
def test_the_first_city_to_fall_fell_on_its_own_date(body: str, lang: str) -> None:
    claims = {(c.side, c.valid_from) for c in _run(body, lang).claims}
    assert claims == {("isis", date(2014, 1, 1))}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Rawa may be the next town to fall to Iraqi forces.", "en"),
        ("Rawa pourrait être la prochaine ville à tomber aux mains des forces irakiennes.", "fr"),
    ],
)
def test_the_next_town_to_fall_has_not_fallen(body: str, lang: str) -> None:
    assert _run(body, lang).claims == ()


def test_that_of_a_town_is_no_relative_clause_hiding_it() -> None:
    body = (
        "The fall of Rawa follows that of Anah, a town about 16 km north-east of Haditha that "
        "the militants had held for more than two years. The prime minister declared it "
        "liberated on Oct. 26."
    )
    claims = {(c.place_name, c.valid_from) for c in _run(body, "en").claims}
    assert ("Anah", date(2017, 10, 26)) in claims, claims
    assert ("Rawa", date(2017, 10, 26)) not in claims, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Plusieurs quartiers du nord-est d'Alep, dont Sakhour et Haidariya, sont tombés "
            "lundi aux mains de l'armée syrienne.",
            "fr",
        ),
        (
            "Several districts of north-eastern Aleppo, including Sakhour and Haidariya, fell "
            "to the Syrian army on Monday.",
            "en",
        ),
    ],
)
def test_districts_named_as_examples_fall_whole_and_their_town_in_part(
    body: str, lang: str
) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    town = "Alep" if lang == "fr" else "Aleppo"
    assert claims == {
        (town, "syrian_government", "partial"),
        ("Sakhour", "syrian_government", "full"),
        ("Haidariya", "syrian_government", "full"),
    }, claims


@pytest.mark.parametrize(
    ("body", "side"),
    [
        (
            "Une partie a gagné les secteurs gouvernementaux de l'ouest d'Alep, où des bus les "
            "attendaient.",
            "syrian_government",
        ),
        ("Les frappes visaient les quartiers rebelles de l'est d'Alep.", "syrian_opposition"),
    ],
)
def test_districts_named_by_their_side_are_its_share_of_the_town(body: str, side: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("Alep", side, "partial")}, claims


def test_a_province_held_for_the_most_part_is_held_in_part() -> None:
    body = (
        "Les combattants ont été évacués vers la province d'Idleb, tenue en majeure partie par "
        "des groupes rebelles."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("province d'Idleb", "syrian_opposition", "partial")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les autres sont partis vers la région de Jarablous, près de la frontière turque, "
            "contrôlée par des rebelles soutenus par Ankara.",
            "fr",
        ),
        ("Others left for Jarablous, near the Turkish border, held by Syrian rebels.", "en"),
    ],
)
def test_a_participle_past_where_the_town_lies_still_tells_of_it(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert claims == {("Jarablous", "syrian_opposition")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les rebelles tiennent toujours une poche au nord de Homs, autour des localités de "
            "Rastan et de Talbissé.",
            "fr",
        ),
        ("Rebels still hold a pocket north of Homs around the towns of Rastan and Talbissé.", "en"),
    ],
)
def test_the_towns_a_pocket_is_around_are_held_not_the_town_it_lies_by(
    body: str, lang: str
) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert claims == {("Rastan", "syrian_opposition"), ("Talbissé", "syrian_opposition")}, claims


def test_a_town_free_of_any_armed_presence_is_the_governments() -> None:
    body = "L'armée a annoncé que Homs était libre de toute présence jihadiste."
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("Homs", "syrian_government", "full")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Russian warplanes struck their columns on Saturday and briefly drove them out of "
            "Palmyra, but the fighters returned.",
            "en",
        ),
        ("Les rebelles ont un temps repris Palmyre samedi avant d'en être chassés.", "fr"),
    ],
)
def test_ground_taken_briefly_is_no_claim(body: str, lang: str) -> None:
    result = _run(body, lang)
    assert any(e.type == "capture" for e in result.events)
    assert result.claims == ()


def test_a_having_participle_keeps_its_own_day() -> None:
    body = (
        "The Islamic State group was back in control of Palmyra on Monday, having swept into "
        "the desert city on Sunday as Syrian troops pulled out."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Palmyra", "isis", date(2017, 11, 5)) in claims, claims


def test_the_third_city_of_the_country_is_the_city_named_before() -> None:
    body = (
        "Des bus ont évacué dimanche les derniers habitants de Homs. Le régime contrôle "
        "désormais l'ensemble de la troisième ville du pays."
    )
    claims = {(c.place_name, c.side, c.kind, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Homs", "syrian_government", "full", PUB)}, claims


def test_a_town_named_to_locate_a_lost_list_is_not_lost() -> None:
    body = (
        "Les peshmergas ont repris dimanche Makhmour et Sinjar, au sud-ouest d'Erbil, perdues "
        "quelques jours plus tôt face aux jihadistes de l'EI."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Makhmour", "isis") in claims and ("Sinjar", "isis") in claims, claims
    assert not any(place == "Erbil" for place, _ in claims), claims


def test_the_town_after_a_named_object_is_not_an_earlier_town() -> None:
    body = (
        "The militants also remain in control of Tal Afar, between Sinjar and Mosul. Much of "
        "the area is disputed, and peshmerga forces have held Sinjar since they drove Islamic "
        "State out of the town in November 2015."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Tal Afar", "peshmerga") not in claims, claims
    assert ("Sinjar", "peshmerga") in claims, claims


def test_a_share_of_the_province_and_a_town_named_as_an_example_in_it() -> None:
    body = (
        "Les YPG contrôlent désormais une grande partie du nord de la province de Hassaké, tandis "
        "que l'EI tient toujours le sud de la province, notamment la ville d'al-Chaddadi."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("province de Hassaké", "isis", "partial") in claims, claims
    assert ("al-Chaddadi", "isis", "full") in claims, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Iraqi forces retook Ramadi, the capital of Anbar province about 50 km further west, "
            "in December, and Hit in April.",
            "en",
        ),
        (
            "Les forces irakiennes ont repris Ramadi, le chef-lieu de la province d'Anbar, en "
            "décembre, puis Hit en avril.",
            "fr",
        ),
    ],
)
def test_a_dated_conjunct_after_a_described_town_is_taken_on_its_own_date(
    body: str, lang: str
) -> None:
    claims = {(c.place_name, c.valid_from) for c in _run(body, lang).claims}
    assert claims == {("Ramadi", date(2016, 12, 1)), ("Hit", date(2017, 4, 1))}, claims


def test_troops_that_reached_the_edge_of_a_city_contest_it() -> None:
    body = (
        "The offensive on Mosul was launched on Oct. 17 by the army. Elite troops reached the "
        "southern edge of the city earlier this week."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Mosul", "iraqi_forces", "contested")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            '"Our heroes entered the centre of Mosul on Saturday afternoon and the town is now '
            'completely liberated," the command said.',
            "en",
        ),
        (
            "« Nos héros sont entrés dans le centre de Mossoul samedi et la ville est désormais "
            "entièrement libérée », a dit le commandement.",
            "fr",
        ),
    ],
)
def test_a_town_entered_then_said_whole_in_one_sentence_is_held_whole(body: str, lang: str) -> None:
    claims = {(c.side, c.kind) for c in _run(body, lang).claims}
    assert claims == {("iraqi_forces", "full")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Au moins 400 civils ont été enlevés par le groupe État islamique (EI) après la prise "
            "samedi d'al-Baghaliyeh, un faubourg de Deir Ezzor jusque-là tenu par le régime.",
            "fr",
        ),
        (
            "Islamic State captured al-Baghaliyeh, a suburb of Deir Ezzor until then held by the "
            "government, on Saturday.",
            "en",
        ),
    ],
)
def test_a_place_held_until_then_by_a_side_was_taken_from_it(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert claims == {("al-Baghaliyeh", "isis")}, claims


def test_a_fronted_state_and_relatives_after_it_each_tell_of_their_own_places() -> None:
    body = (
        "Maître de la quasi-totalité de la province de Deir Ezzor depuis 2014, l'EI encercle les "
        "quartiers ouest de la ville, dont Joura et Qoussour, que le régime contrôle toujours, "
        "ainsi que l'aéroport militaire de Deir Ezzor, au sud-est, où l'armée tient bon."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {
        ("province de Deir Ezzor", "isis"),
        ("Joura", "syrian_government"),
        ("Qoussour", "syrian_government"),
        ("aéroport militaire de Deir Ezzor", "syrian_government"),
    }, claims


def test_the_citys_western_half_is_a_share_of_it() -> None:
    body = (
        "Government forces swept eastern Mosul. But Islamic State still controls the whole of "
        "the city's western half, across the Tigris."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Mosul", "isis", "partial")}, claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State took Rawa and Anah in 2014. Iraqi troops retook both towns in October.",
            "en",
        ),
        (
            "L'EI avait pris Rawa et Anah en 2014. Les troupes irakiennes ont repris les deux "
            "villes en octobre.",
            "fr",
        ),
    ],
)
def test_both_towns_are_the_two_named_last(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert ("Rawa", "iraqi_forces") in claims and ("Anah", "iraqi_forces") in claims, claims


def test_a_relative_after_a_town_located_by_a_landmark_tells_of_the_town() -> None:
    body = (
        "Iraqi army units stormed Rawa on Thursday, retaking from Islamic State a town just north "
        "of Mosul that the militants had held since August 2014."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Rawa", "isis") in claims, claims
    assert ("Mosul", "isis") not in claims, claims


def test_a_participle_after_a_subordinate_clause_has_the_main_subject() -> None:
    body = (
        "Its residents fled in August 2014, when Islamic State swept across the plains after "
        "Kurdish peshmerga forces pulled back, taking Rawa and Anah in the same days."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Rawa", "isis"), ("Anah", "isis")}, claims


def test_they_goes_on_with_the_subject_and_a_later_verb_shares_it() -> None:
    body = (
        "Kurdish forces have been on the offensive since they drove Islamic State out of Kobani "
        "in January. In mid-June they seized Hajin on the river, cutting one of the group's "
        "main supply lines, and a week later took Mayadin, some 50 km to the north."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Hajin", "sdf", date(2017, 6, 11)) in claims, claims
    assert ("Mayadin", "sdf", date(2017, 6, 18)) in claims, claims


def test_the_second_city_of_the_country_is_a_city_not_the_town_named_last() -> None:
    body = (
        "Les troupes ont pris Mossoul le 10 juillet. Elles ont repris des dizaines de villages "
        "autour de Mossoul, dont la localité chrétienne de Bartella le 20 octobre. Mais l'EI, "
        "qui s'était emparé de la deuxième ville d'Irak en juin 2014, tient toujours l'essentiel "
        "de l'agglomération."
    )
    claims = {(c.place_name, c.side, c.kind, c.valid_from) for c in _run(body, "fr").claims}
    assert ("Bartella", "iraqi_forces", "full", date(2017, 10, 20)) in claims, claims
    assert ("Mossoul", "isis", "full", date(2014, 6, 1)) in claims, claims
    assert ("Mossoul", "isis", "partial", PUB) in claims, claims
    assert not any(place == "Bartella" and side == "isis" for place, side, _, _ in claims)


def test_an_adverb_with_an_apostrophe_keeps_the_verb_active() -> None:
    body = "Les colonnes de blindés irakiens ont d'abord pris le contrôle de Bartella mardi."
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Bartella", "iraqi_forces")}, claims


def test_districts_held_there_are_a_share_of_the_town_not_the_district_named() -> None:
    body = (
        "À Alep, l'armée a repris plusieurs quartiers, dont Sakhour. Chassés de tout le nord de "
        "leur ancien fief, les rebelles n'y tiennent plus que les quartiers du sud-est."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("Sakhour", "syrian_government", "full") in claims, claims
    assert ("Alep", "syrian_opposition", "partial") in claims, claims
    assert not any(side == "syrian_opposition" and p == "Sakhour" for p, side, _ in claims)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Mayadin était tombée le 19 novembre, suivie de Hajin à la fin du mois, puis de Abu "
            "Kamal en décembre.",
            "fr",
        ),
        (
            "Mayadin fell on Nov. 19, followed by Hajin at the end of the month and Abu Kamal in "
            "December.",
            "en",
        ),
    ],
)
def test_places_that_followed_a_fall_fell_on_their_own_dates(body: str, lang: str) -> None:
    claims = {(c.place_name, c.valid_from) for c in _run(body, lang).claims}
    assert claims == {
        ("Mayadin", date(2016, 11, 19)),
        ("Hajin", date(2016, 11, 21)),
        ("Abu Kamal", date(2016, 12, 1)),
    }, claims


def test_a_place_followed_on_a_day_named_before_it_fell_that_day() -> None:
    body = "Mayadin est tombé le 12 janvier, suivi le 24 janvier par Hajin."
    claims = {(c.place_name, c.valid_from) for c in _run(body, "fr").claims}
    assert ("Hajin", date(2017, 1, 24)) in claims, claims


def test_a_pronoun_does_not_stand_for_a_town_named_as_a_landmark() -> None:
    body = (
        "The post lies on the main highway between Mosul and Erbil. Islamic State overran it in "
        "May last year."
    )
    assert _run(body, "en").claims == ()


def test_a_date_before_a_backing_participle_is_the_verbs_before_it() -> None:
    body = (
        "Peshmerga forces have held Sinjar since they drove Islamic State out of the town in "
        "November 2015, backed by U.S.-led air strikes and Yazidi fighters."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert claims == {("Sinjar", "peshmerga", date(2015, 11, 1))}, claims


def test_a_town_the_militants_had_held_is_no_hold_as_of_publication() -> None:
    body = (
        "The fall of Rawa follows that of Anah, a town about 16 km north-east of Haditha that "
        "Islamic State had held for more than two years."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Anah", "isis") not in claims, claims


def test_a_place_described_on_the_fringe_of_a_city_is_the_one_back_under_control() -> None:
    body = (
        "The sprawling Sheikh Najjar industrial city, on the north-eastern fringe of Aleppo, is "
        "back under government control."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Sheikh Najjar", "syrian_government")}, claims


def test_most_of_its_eastern_half_is_a_share_of_the_town_just_named() -> None:
    body = "Rebels stormed Aleppo in July 2012 and have held most of its eastern half since."
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert ("Aleppo", "syrian_opposition", "partial") in claims, claims


def test_free_syrian_army_units_are_rebels_and_free_is_no_capture() -> None:
    body = (
        "Rebels took Raqqa in March, when Nusra, Ahrar al-Sham and Free Syrian Army units "
        "overran it."
    )
    result = _run(body, "en")
    assert {(c.place_name, c.side) for c in result.claims} == {("Raqqa", "syrian_opposition")}
    sides = {a.side for e in result.events for a in e.actors}
    assert "syrian_government" not in sides, sides


def test_a_brigade_allied_to_a_side_is_of_that_side() -> None:
    body = (
        "Islamic State fighters were in full control of Raqqa on Tuesday after the last members "
        "of a brigade allied to the al-Nusra Front pulled out of the city."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Raqqa", "isis")}, claims


def test_a_side_after_of_a_is_a_complement_not_the_subject() -> None:
    body = (
        "In August, Islamic State attacked the headquarters of a Free Syrian Army brigade with a "
        "car bomb and drove the unit out of Raqqa."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Raqqa", "syrian_opposition") not in claims, claims


def test_a_capture_told_in_a_relative_keeps_its_date_from_the_main_verb() -> None:
    body = (
        "L'EI a pris jeudi Mayadin. Le même jour, les rebelles ont abandonné Hajin, qu'ils "
        "avaient eux-mêmes enlevée aux forces gouvernementales en novembre."
    )
    result = _run(body, "fr")
    dates = {e.date for e in result.events if e.type == "withdrawal"}
    assert dates == {date(2017, 11, 9)}, dates


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State fighters overran Raqqa on Monday. The army still holds the Division"
            " 17 base on the northern edge of the city, the Brigade 93 barracks and the Tabqa"
            " air base, its last positions in Raqqa province.",
            "en",
        ),
        (
            "Les jihadistes ont pris Raqqa lundi. L'armée tient toujours la Brigade 93 dans"
            " les faubourgs de la ville, la Division 17 et l'aéroport de Tabqa, ses dernières"
            " positions dans la province de Raqqa.",
            "fr",
        ),
    ],
)
def test_a_named_site_located_by_the_city_is_the_object_not_the_city(body: str, lang: str) -> None:
    claims = _run(body, lang).claims
    held = {(c.place_name, c.kind) for c in claims if c.side == "syrian_government"}
    assert not {k for k in held if k[0] == "Raqqa"}
    assert held & {("Tabqa air base", "full"), ("aéroport de Tabqa", "full")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Repliés vers le nord, les rebelles tiennent toujours Haditha.", "fr"),
        ("Having pulled back to the north, the rebels still hold Haditha.", "en"),
    ],
)
def test_a_withdrawal_opening_the_sentence_does_not_give_up_what_the_main_verb_holds(
    body: str, lang: str
) -> None:
    result = _run(body, lang)
    assert {(c.place_name, c.side) for c in result.claims} == {("Haditha", "syrian_opposition")}
    withdrawal = next(e for e in result.events if e.type == "withdrawal")
    assert [(a.side, a.role) for a in withdrawal.actors] == [("syrian_opposition", "agent")]


def test_having_taken_a_town_the_subject_after_the_comma_took_it() -> None:
    result = _run("Having retaken Rawa on Monday, Iraqi forces pushed on towards al-Qaim.", "en")
    assert {(c.place_name, c.side) for c in result.claims} == {("Rawa", "iraqi_forces")}


@pytest.mark.parametrize(
    ("body", "lang", "place", "side"),
    [
        ("Islamic State and allied tribal fighters have held Haditha since June.", "en",
         "Haditha", "isis"),
        ("Les combattants kurdes et leurs alliés rebelles ont pris Manbij dimanche.", "fr",
         "Manbij", "sdf"),
    ],
)  # fmt: skip
def test_a_group_named_as_allies_fights_on_the_first_ones_side(
    body: str, lang: str, place: str, side: str
) -> None:
    assert {(c.place_name, c.side) for c in _run(body, lang).claims} == {(place, side)}


def test_a_pronoun_past_a_clause_break_is_the_subject_not_the_object_or_a_possessor() -> None:
    body = (
        "The SDF drove Islamic State out of Raqqa, the group's self-declared capital, last"
        " month, and has since pushed down the Euphrates, where it seized Tabqa."
    )
    assert ("Tabqa", "sdf") in {(c.place_name, c.side) for c in _run(body, "en").claims}
    body = (
        "Syrian government forces declared on Thursday that they had taken Rawa, the group's"
        " last town, a week after announcing they had retaken Raqqa."
    )
    sides = {c.place_name: c.side for c in _run(body, "en").claims}
    assert sides.get("Raqqa") == "syrian_government"


def test_a_pronoun_in_a_relative_on_the_object_is_the_object() -> None:
    body = (
        "Islamic State fighters attacked Manbij in June. Kurdish fighters and government troops"
        " drove militants out of the districts of Manbij they had stormed a month earlier."
    )
    doc = article(body, "en", PUB)
    stormed = next(r for r in read_article(doc, places_in(doc)) if r.hit.text == "stormed")
    assert stormed.agent is not None and stormed.agent.side == "isis"


@pytest.mark.parametrize(
    ("second", "lang"),
    [
        ("By noon the militants held six neighbourhoods and had come within about 2 km of Anah.",
         "en"),
        ("À midi, les jihadistes tenaient trois quartiers et se trouvaient à 2 km d'Anah.", "fr"),
    ],
)  # fmt: skip
def test_districts_counted_are_a_share_of_the_town_and_a_place_within_reach_is_not_held(
    second: str, lang: str
) -> None:
    first = {
        "en": "Islamic State fighters stormed Haditha on Monday.",
        "fr": "Les jihadistes de l'EI ont pris d'assaut Haditha lundi.",
    }[lang]
    claims = _run(f"{first} {second}", lang).claims
    held = {(c.place_name, c.kind) for c in claims if c.sentence == second}
    assert ("Haditha", "partial") in held
    assert not {k for k in held if k[0] == "Anah"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Kurdish peshmerga retook Sinjar in late October, while the army retook Tikrit.", "en"),
        (
            "Les peshmergas kurdes ont repris Sinjar fin octobre, tandis que l'armée et les"
            " milices reprenaient Tikrit.",
            "fr",
        ),
    ],
)
def test_a_while_clause_happens_when_its_main_clause_did(body: str, lang: str) -> None:
    dated = {c.place_name: c.valid_from for c in _run(body, lang).claims}
    assert dated["Tikrit"] == dated["Sinjar"] != PUB


def test_fighters_still_present_hold_a_share() -> None:
    body = "Des combattants de l'EI restaient présents à Hawija, selon le général."
    assert {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims} == {
        ("Hawija", "isis", "partial")
    }


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Anah fell to Iraqi forces in October, Rawa in November.", "en"),
        ("Les forces irakiennes ont repris Anah en octobre, puis Rawa en novembre.", "fr"),
    ],
)
def test_a_place_with_its_own_date_after_a_comma_shares_the_verb(body: str, lang: str) -> None:
    dated = {(c.place_name, c.side, c.valid_from) for c in _run(body, lang).claims}
    assert dated == {
        ("Anah", "iraqi_forces", date(2017, 10, 1)),
        ("Rawa", "iraqi_forces", date(2017, 11, 1)),
    }


def test_what_a_colon_spells_out_fell_to_the_captor_before_it() -> None:
    body = (
        "L'EI s'était emparé de plusieurs localités de la province : Haditha était tombée dès"
        " juin, Anah en août."
    )
    doc = article(body, "fr", date(2015, 1, 27))
    result = extract(doc, places_in(doc))
    assert {(c.place_name, c.side) for c in result.claims} == {
        ("Haditha", "isis"),
        ("Anah", "isis"),
    }
    fell = [e for e in result.events if e.type == "capture" and e.date == date(2014, 6, 1)]
    assert fell, "« dès juin » dates the fall"


def test_a_shrinking_strip_of_a_province_is_a_share_of_it() -> None:
    body = "Islamic State now holds only a shrinking strip of Deir ez-Zor province."
    assert {(c.place_name, c.kind) for c in _run(body, "en").claims} == {
        ("Deir ez-Zor province", "partial")
    }


@pytest.mark.parametrize(
    ("body", "town"),
    [
        ("Rawa, the group's last stronghold in Anbar province, fell on Thursday to Iraqi forces.",
         "Rawa"),
        ("Islamic State's last foothold in Syria's Raqqa province, the town of Tabqa, fell on"
         " Thursday to the SDF.", "Tabqa"),
    ],
)  # fmt: skip
def test_the_province_that_locates_a_fallen_town_did_not_fall(body: str, town: str) -> None:
    assert {c.place_name for c in _run(body, "en").claims} == {town}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The YPG, backed by allied Arab rebels and coalition jets, retook Manbij on Monday.",
         "en"),
        ("Les YPG, épaulées par des brigades de l'Armée syrienne libre (ASL), ont repris Manbij"
         " lundi.", "fr"),
    ],
)  # fmt: skip
def test_who_backs_the_subject_is_not_the_captor(body: str, lang: str) -> None:
    assert {(c.place_name, c.side) for c in _run(body, lang).claims} == {("Manbij", "sdf")}


def test_s_en_etre_empare_is_active_and_stands_for_the_site_the_sentence_is_about() -> None:
    body = (
        "Situé sur la route qui relie Tikrit à Mossoul, le poste de Rawa était tenu par l'armée"
        " jusqu'en mars, quand des rebelles s'en étaient emparés."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Rawa", "syrian_opposition") in claims
    assert not {k for k in claims if k[0] in ("Mossoul", "Tikrit")}


def test_an_indefinite_subject_after_an_opening_phrase_is_the_subject() -> None:
    body = "En août, des rebelles s'étaient emparés de Rawa."
    assert {(c.place_name, c.side) for c in _run(body, "fr").claims} == {
        ("Rawa", "syrian_opposition")
    }


def test_a_described_subject_before_was_taken_is_what_was_taken() -> None:
    body = (
        "The strategic town of Rawa, the highest point of the valley and a vantage point over"
        " Anah, was taken by Iraqi forces on Monday."
    )
    assert {(c.place_name, c.side) for c in _run(body, "en").claims} == {("Rawa", "iraqi_forces")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Rebels and jihadists captured Rawa from the army in October.", "en"),
        ("Les rebelles et les jihadistes ont pris Rawa à l'armée en octobre.", "fr"),
    ],
)
def test_of_two_sides_joined_as_subject_the_first_named_leads(body: str, lang: str) -> None:
    result = _run("Le Front al-Nosra et l'EI se combattent. " + body, lang)
    assert ("Rawa", "syrian_opposition") in {(c.place_name, c.side) for c in result.claims}


@pytest.mark.parametrize(
    ("body", "lang", "side"),
    [
        ("L'offensive a déjà permis au régime de reprendre fin janvier Rawa.", "fr",
         "syrian_government"),
        ("The offensive allowed the army to retake Rawa in late January.", "en", "iraqi_forces"),
    ],
)  # fmt: skip
def test_who_an_offensive_let_retake_a_town_retook_it(body: str, lang: str, side: str) -> None:
    assert {(c.place_name, c.side) for c in _run(body, lang).claims} == {("Rawa", side)}


def test_a_town_that_escaped_a_sides_control_is_not_held_by_it() -> None:
    doc = article("Rawa échappait au contrôle du pouvoir depuis 2012.", "fr", PUB)
    held = [r for r in read_article(doc, places_in(doc)) if r.frame == "hold"]
    assert held and all(r.cues.negated for r in held)


def test_it_stands_for_a_singular_side_not_for_rebels() -> None:
    body = (
        "The army launched its campaign in mid-January, after retaking Aleppo from rebels in"
        " December. It took Rawa in March after the militants had pulled out of the town."
    )
    dated = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Rawa", "iraqi_forces", date(2017, 3, 1)) in dated
    assert not {k for k in dated if k[0] == "Rawa" and k[1] == "syrian_opposition"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The army launched its campaign in mid-January, after retaking Mosul from the"
         " militants in December.", "en"),
        ("L'armée a lancé sa campagne à la mi-janvier, après avoir repris Mossoul aux"
         " jihadistes en décembre.", "fr"),
    ],
)  # fmt: skip
def test_a_date_before_after_and_a_gerund_is_the_main_verbs(body: str, lang: str) -> None:
    dated = {c.valid_from for c in _run(body, lang).claims}
    assert dated == {date(2016, 12, 1)}


def test_who_held_a_town_before_its_retaking_is_not_its_retaker() -> None:
    body = (
        "Le retrait de Sinjar intervient au lendemain de la reprise de Kirkouk. Les peshmergas"
        " la contrôlaient depuis juin 2014, quand l'armée avait abandonné ses positions."
    )
    doc = article(body, "fr", date(2017, 10, 18))
    retaken = [c for c in extract(doc, places_in(doc)).claims if c.valid_from.year == 2017]
    assert {(c.place_name, c.side) for c in retaken} == {("Kirkouk", "iraqi_forces")}


def test_a_site_the_sentence_opens_on_is_what_it_stands_for() -> None:
    body = (
        "The army retook the Tabqa air base on Saturday. The airport had been in Islamic"
        " State's hands since January 2014, when the group seized it from rebel brigades that"
        " had captured it from the army in February 2013."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Tabqa air base", "isis", date(2014, 1, 1)) in claims
    assert ("Tabqa air base", "syrian_opposition", date(2013, 2, 1)) in claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("À Mossoul, le régime contrôle l'aéroport de Tabqa et les quartiers de l'ouest.", "fr"),
        ("In Mosul, the army controls the Tabqa air base and the western districts.", "en"),
    ],
)
def test_districts_joined_to_a_held_site_are_a_share_of_the_framed_town(
    body: str, lang: str
) -> None:
    kinds = {(c.place_name, c.kind) for c in _run(body, lang).claims}
    assert {k for k in kinds if k[0] in ("Mossoul", "Mosul")} == {
        ("Mossoul" if lang == "fr" else "Mosul", "partial")
    }


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Islamic State fighters stormed Mosul last year. Government forces hold the western"
         " districts and the Tabqa air base.", "en"),
        ("Les jihadistes ont pris Mossoul l'an dernier. Le régime contrôle Tikrit depuis le 14"
         " octobre et la plus grande partie de la ville de Mossoul.", "fr"),
    ],
)  # fmt: skip
def test_a_share_of_the_town_listed_with_other_holdings(body: str, lang: str) -> None:
    shares = {c.place_name for c in _run(body, lang).claims if c.kind == "partial"}
    assert shares & {"Mosul", "Mossoul"}


def test_a_de_facto_capital_is_the_islamic_state_groups() -> None:
    body = (
        "Turkish-backed rebels took al-Bab from the group last month, while the Kurdish-led"
        " Syrian Democratic Forces are closing in on Raqqa, its de facto capital."
    )
    result = _run("Islamic State is under pressure. " + body, "en")
    assert ("Raqqa", "isis") in {(c.place_name, c.side) for c in result.claims}
    assert ("Raqqa", "sdf") not in {(c.place_name, c.side) for c in result.claims}


def test_overrunning_after_a_comma_is_the_subjects_capture_not_the_lines_owners() -> None:
    body = (
        "Several hundred Islamic State militants hit peshmerga lines shortly after midnight on"
        " Friday, overrunning Sinjar before they were halted."
    )
    assert {(c.place_name, c.side) for c in _run(body, "en").claims} == {("Sinjar", "isis")}


def test_a_stronghold_in_apposition_and_its_relative_are_the_places() -> None:
    body = (
        "The attackers came from the direction of Haditha, an Islamic State stronghold to the"
        " west that fell to the group in June 2014. Peshmerga forces took over Kirkuk that"
        " same month."
    )
    doc = article(body, "en", date(2015, 1, 31))
    dated = {(c.place_name, c.side, c.valid_from) for c in extract(doc, places_in(doc)).claims}
    assert dated == {
        ("Haditha", "isis", date(2014, 6, 1)),
        ("Kirkuk", "peshmerga", date(2014, 6, 1)),
    }


def test_districts_held_including_one_named_are_a_share_and_the_named_one_whole() -> None:
    body = (
        "The SDF first broke into Raqqa on June 6. It now holds several districts on both"
        " flanks, including Mashlab, but the jihadists still control most of the city."
    )
    held = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert {("Raqqa", "sdf", "partial"), ("Mashlab", "sdf", "full")} <= held


def test_blocks_held_by_a_side_in_a_town_are_a_share_of_it() -> None:
    body = (
        "Islamic State is losing ground. Government troops were fighting on Tuesday to clear the"
        " last few blocks held by the group in Mosul's old city."
    )
    held = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert ("Mosul", "isis", "partial") in held


def test_a_capture_of_years_back_went_to_the_side_now_losing_the_place() -> None:
    body = (
        "Les forces irakiennes ont repris mardi plusieurs quartiers de Mossoul. Les troupes"
        " progressaient vers Hawija, afin de couper la route qui relie Mossoul à Tal Afar. Les"
        " jihadistes tiennent toujours la vieille ville. C'est là que leur chef avait proclamé"
        " un califat en juillet 2014, un mois après la prise de Mossoul."
    )
    doc = article(body, "fr", date(2017, 3, 8))
    claims = {(c.place_name, c.side, c.valid_from) for c in extract(doc, places_in(doc)).claims}
    assert ("Mossoul", "isis", date(2014, 6, 1)) in claims
    assert ("Mossoul", "isis", date(2017, 3, 8)) in claims  # the old city, not Tal Afar's
    assert not {k for k in claims if k[0] == "Tal Afar"}


def test_a_place_retaken_from_a_side_is_not_given_to_it() -> None:
    body = (
        "Le siège du gouvernorat, à Mossoul, repris au groupe État islamique lors d'un raid"
        " nocturne, n'était pas sécurisé. Les jihadistes tiennent toujours une partie de Mossoul."
    )
    doc = article(body, "fr", date(2017, 3, 8))
    sides = {c.side for c in extract(doc, places_in(doc)).claims if c.kind == "full"}
    assert "isis" not in sides


def test_both_areas_are_the_places_just_listed_whatever_their_kind() -> None:
    body = (
        "The militants pulled back towards the Tabqa air base and Raqqa province. The group"
        " still holds both areas, the Observatory said."
    )
    held = {(c.place_name, c.side) for c in _run("Islamic State lost Hit. " + body, "en").claims}
    assert {("Tabqa air base", "isis"), ("Raqqa province", "isis")} <= held


@pytest.mark.parametrize(
    ("body", "lang", "side"),
    [
        ("Rawa is now under Iraqi control.", "en", "iraqi_forces"),
        ("Raqqa has been under Syrian control since Saturday.", "en", "syrian_government"),
        ("Rawa est désormais sous contrôle irakien.", "fr", "iraqi_forces"),
        ("Idleb est sous contrôle rebelle depuis 2015.", "fr", "syrian_opposition"),
        ("Rawa est sous contrôle jihadiste depuis 2014.", "fr", "isis"),
    ],
)
def test_a_control_named_by_an_adjective_is_the_side_it_names(
    body: str, lang: str, side: str
) -> None:
    claims = _run(body, lang).claims
    assert [c.side for c in claims] == [side]


@pytest.mark.parametrize(
    ("body", "lang", "kind"),
    [
        ("Iraqi forces finished clearing the town of Rawa on Thursday.", "en", "full"),
        ("Iraqi forces completed the clearing of Rawa on Thursday.", "en", "full"),
        ("Les forces irakiennes ont nettoyé Rawa des derniers jihadistes jeudi.", "fr", "full"),
        ("Iraqi forces fought their way into Rawa on Thursday.", "en", "contested"),
        ("Iraqi troops forced their way into Rawa on Thursday.", "en", "contested"),
    ],
)
def test_a_clearing_carried_through_takes_a_town_and_a_way_forced_in_enters_it(
    body: str, lang: str, kind: str
) -> None:
    claims = _run(body, lang).claims
    assert [(c.place_name, c.kind) for c in claims] == [("Rawa", kind)]
    assert kind == "contested" or claims[0].side == "iraqi_forces"


@pytest.mark.parametrize(
    "body",
    [
        "Les forces irakiennes ont chassé les jihadistes jeudi près de Rawa.",
        "Les forces irakiennes ont chassé l'EI des environs de Rawa.",
        "Les forces irakiennes ont nettoyé les poches de résistance jeudi près de Rawa.",
    ],
)
def test_an_expulsion_near_a_town_does_not_take_the_town(body: str) -> None:
    assert _run(body, "fr").claims == ()


@pytest.mark.parametrize(
    ("body", "side", "valid_from"),
    [
        (
            "The town of Rawa returned to government control on Thursday.",
            "iraqi_forces",
            "2017-11-09",
        ),
        ("Rawa reverted to Iraqi control on Thursday.", "iraqi_forces", "2017-11-09"),
        ("Raqqa passed under Kurdish control in October.", "sdf", "2017-10-01"),
        ("In 2015, Idlib came under rebel control.", "syrian_opposition", "2015-01-01"),
    ],
)
def test_a_return_to_a_sides_control_holds_from_the_day_told(
    body: str, side: str, valid_from: str
) -> None:
    claims = _run(body, "en").claims
    assert [(c.side, c.valid_from.isoformat()) for c in claims] == [(side, valid_from)]


@pytest.mark.parametrize(
    "body",
    [
        "Tabqa, prise par les FDS en mai, sert désormais de base pour l'offensive.",
        "Tabqa, prise en mai par les FDS, sert désormais de base pour l'offensive.",
    ],
)
def test_a_french_capture_participle_in_apposition_goes_to_its_agent(body: str) -> None:
    claims = _run(body, "fr").claims
    assert [(c.place_name, c.side, c.valid_from.isoformat()) for c in claims] == [
        ("Tabqa", "sdf", "2017-05-01")
    ]


def test_a_manner_between_entered_and_the_town_still_enters_it() -> None:
    body = "Les forces irakiennes sont entrées sans résistance dans Rawa jeudi."
    assert [c.place_name for c in _run(body, "fr").claims] == ["Rawa"]


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Les forces irakiennes ont pris possession de Rawa jeudi.",
            "fr",
            ("Rawa", "iraqi_forces"),
        ),
        (
            "Les peshmergas se sont rendus maîtres de Sinjar vendredi.",
            "fr",
            ("Sinjar", "peshmerga"),
        ),
        (
            "Les forces irakiennes se sont rendues maîtresses de Rawa jeudi.",
            "fr",
            ("Rawa", "iraqi_forces"),
        ),
        ("L'EI a fait main basse sur Rawa en juin 2014.", "fr", ("Rawa", "isis")),
        (
            "The rebels surrendered Idlib to the army on Thursday.",
            "en",
            ("Idlib", "syrian_government"),
        ),
        (
            "Islamic State's capture of Mosul in June 2014 shocked the region.",
            "en",
            ("Mosul", "isis"),
        ),
        ("After the SDF's recapture of Tabqa in May, the road lay open.", "en", ("Tabqa", "sdf")),
        (
            "The capture of Mosul by Islamic State in June 2014 shocked the region.",
            "en",
            ("Mosul", "isis"),
        ),
        (
            "La prise de Mossoul par l'EI en juin 2014 a choqué la région.",
            "fr",
            ("Mossoul", "isis"),
        ),
    ],
)
def test_more_ways_to_tell_a_capture(body: str, lang: str, expected: tuple[str, str]) -> None:
    assert [(c.place_name, c.side) for c in _run(body, lang).claims] == [expected]


def test_a_capture_told_as_a_topic_with_no_date_or_day_is_not_claimed_again() -> None:
    # a known event as the subject of the sentence: its own report carries the claim
    assert _run("The capture of Mosul by Islamic State shocked the region.", "en").claims == ()


def test_an_undated_paragraph_tells_of_the_day_the_lead_dated() -> None:
    body = (
        "Iraqi forces recaptured Rawa on Wednesday, the joint operations command said."
        "\n\nThe militants withdrew towards the Syrian border under coalition air strikes."
        "\n\nFighting is continuing on the western outskirts, a police officer said."
    )
    events = {e.type: e for e in _run(body, "en").events}
    assert events["withdrawal"].date == date(2017, 11, 8)
    assert events["air_strike"].date == date(2017, 11, 8)
    # what is still going on is dated by the report, not by the lead
    assert events["armed_clash"].date == PUB


def test_a_lead_of_long_ago_dates_no_undated_paragraph() -> None:
    body = (
        "Islamic State seized Rawa on June 21, 2014, a month after entering Anbar."
        "\n\nThe militants withdrew from the town under air strikes."
    )
    withdrawal = next(e for e in _run(body, "en").events if e.type == "withdrawal")
    assert withdrawal.date != date(2014, 6, 21)


@pytest.mark.parametrize(
    ("body", "lang", "kind", "first_day"),
    [
        (
            "Iraqi forces retook Rawa after a week of fighting.",
            "en",
            "armed_clash",
            date(2017, 11, 3),
        ),
        (
            "L'armée a repris Rawa vendredi après des semaines de frappes aériennes.",
            "fr",
            "air_strike",
            date(2017, 10, 27),
        ),
        (
            "The capture of the town on Friday capped five days of heavy fighting.",
            "en",
            "armed_clash",
            date(2017, 11, 5),
        ),
    ],
)
def test_a_span_of_fighting_before_the_day_told_began_that_long_before(
    body: str, lang: str, kind: str, first_day: date
) -> None:
    event = next(e for e in _run(body, lang).events if e.type == kind)
    assert (event.date, event.date_precision) == (first_day, "week")


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("Iraqi forces drove Islamic State from Rawa on Friday.", "en", ("Rawa", "iraqi_forces")),
        ("Kurdish forces drove them from the town of Sinjar.", "en", ("Sinjar", "peshmerga")),
        (
            "The army pushed the militants from Mayadin on Saturday.",
            "en",
            ("Mayadin", "syrian_government"),
        ),
        (
            "Islamic State's loss of Mosul in July marked a turning point.",
            "en",
            ("Mosul", "iraqi_forces"),
        ),
        (
            "Les rebelles ont rendu Deraa au régime en juillet.",
            "fr",
            ("Deraa", "syrian_government"),
        ),
        ("Les forces irakiennes ont réinvesti Rawa vendredi.", "fr", ("Rawa", "iraqi_forces")),
        (
            "Les jihadistes ont rendu la ville de Palmyre à l'armée syrienne le 2 mars.",
            "fr",
            ("Palmyre", "syrian_government"),
        ),
    ],
)
def test_a_side_driven_from_or_giving_up_a_place(
    body: str, lang: str, expected: tuple[str, str]
) -> None:
    assert [(c.place_name, c.side) for c in _run(body, lang).claims] == [expected]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Iraqi troops drove north from Baghdad on Friday.", "en"),
        ("The convoy drove from Baghdad to Rawa on Friday.", "en"),
        ("Les combats ont rendu Mossoul méconnaissable.", "fr"),
        ("Les rebelles se sont rendus à l'armée à Deraa.", "fr"),
    ],
)
def test_a_road_travelled_or_a_town_made_unrecognisable_is_no_claim(body: str, lang: str) -> None:
    assert _run(body, lang).claims == ()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "They fled to Kirkuk, a city the peshmerga have held since 2014.",
            ("Kirkuk", "peshmerga"),
        ),
        ("Troops massed near Tal Afar, a town Islamic State seized in 2014.", ("Tal Afar", "isis")),
        (
            "Buses reached Idlib, a province rebels have held since 2015.",
            ("Idlib", "syrian_opposition"),
        ),
    ],
)
def test_a_relative_without_its_pronoun_after_a_described_place(
    body: str, expected: tuple[str, str]
) -> None:
    assert [(c.place_name, c.side) for c in _run(body, "en").claims] == [expected]


def test_a_described_place_and_what_a_side_says_of_it_is_no_claim() -> None:
    assert (
        _run("They fled to Kirkuk, a city the peshmerga say they will defend.", "en").claims == ()
    )


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("The Iraqi flag now flies over Rawa.", "en", ("Rawa", "iraqi_forces", "2017-11-10")),
        (
            "The Iraqi flag was raised over Rawa on Wednesday.",
            "en",
            ("Rawa", "iraqi_forces", "2017-11-08"),
        ),
        (
            "Islamic State's black flags were raised over Rawa in 2014.",
            "en",
            ("Rawa", "isis", "2014-01-01"),
        ),
        (
            "Le drapeau irakien flotte désormais sur Rawa, a indiqué un officier.",
            "fr",
            ("Rawa", "iraqi_forces", "2017-11-10"),
        ),
        (
            "Le drapeau national a été hissé mercredi sur Deraa.",
            "fr",
            ("Deraa", "syrian_government", "2017-11-08"),
        ),
    ],
)
def test_a_side_s_flag_over_a_place(body: str, lang: str, expected: tuple[str, str, str]) -> None:
    claims = _run(body, lang).claims
    assert [(c.place_name, c.side, c.valid_from.isoformat()) for c in claims] == [expected]


def test_a_flag_waved_is_no_claim() -> None:
    assert _run("Protesters waved the Iraqi flag in Rawa on Friday.", "en").claims == ()


@pytest.mark.parametrize(
    ("body", "lang", "place"),
    [
        ("The SDF gained a foothold in Raqqa on Tuesday.", "en", "Raqqa"),
        ("Iraqi forces established a foothold in eastern Mosul on Tuesday.", "en", "Mosul"),
        ("Les FDS ont pris pied dans Raqqa mardi.", "fr", "Raqqa"),
        ("Les forces irakiennes ont pris pied mardi dans l'est de Mossoul.", "fr", "Mossoul"),
    ],
)
def test_a_foothold_gained_inside_a_town_leaves_it_fought_over(
    body: str, lang: str, place: str
) -> None:
    assert [(c.place_name, c.kind) for c in _run(body, lang).claims] == [(place, "contested")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Rawa came under the full control of Iraqi forces on Wednesday.",
            ("Rawa", "iraqi_forces"),
        ),
        (
            "Hajin is now under the full control of Islamic State, the Observatory said.",
            ("Hajin", "isis"),
        ),
        (
            "The last rebels left Rastan on Tuesday, handing the town to the army.",
            ("Rastan", "syrian_government"),
        ),
        ("Rebels handed Rastan to the army on Tuesday.", ("Rastan", "syrian_government")),
    ],
)
def test_full_control_of_a_side_and_a_town_handed_to_one(
    body: str, expected: tuple[str, str]
) -> None:
    assert [(c.place_name, c.side) for c in _run(body, "en").claims] == [expected]


def test_weapons_handed_over_are_no_town_handed_over() -> None:
    body = "Rebels began handing over tanks and artillery on Friday before leaving for Idlib."
    assert _run(body, "en").claims == ()


def test_federal_forces_are_baghdad_s() -> None:
    body = "Les forces fédérales tiennent désormais la quasi-totalité de la province de Kirkouk."
    claims = _run(body, "fr").claims
    assert [(c.side, c.kind) for c in claims] == [("iraqi_forces", "partial")]
    claims = _run("Federal forces retook Kirkuk on Monday.", "en").claims
    assert [(c.place_name, c.side) for c in claims] == [("Kirkuk", "iraqi_forces")]


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Les peshmergas se sont retirés de Sinjar le 17 octobre. "
            "Sinjar est depuis aux mains des forces fédérales.",
            "fr",
            ("Sinjar", "iraqi_forces", "2017-10-17"),
        ),
        (
            "Islamic State seized Sinjar on Aug. 3, 2014. "
            "Sinjar has since been held by the militants.",
            "en",
            ("Sinjar", "isis", "2014-08-03"),
        ),
    ],
)
def test_a_hold_since_then_starts_at_the_change_told_before(
    body: str, lang: str, expected: tuple[str, str, str]
) -> None:
    claims = _run(body, lang).claims
    assert [(c.place_name, c.side, c.valid_from.isoformat()) for c in claims] == [expected]


def test_a_town_back_in_government_hands_weeks_after_it_was_seized() -> None:
    body = (
        "Three weeks after Islamic State fighters slipped behind army lines and seized it in a "
        "surprise raid, the desert town of Rawa was back in government hands on Wednesday."
    )
    claims = _run(body, "en").claims
    assert sorted((c.side, c.valid_from.isoformat()) for c in claims) == [
        ("iraqi_forces", "2017-11-08"),
        ("isis", "2017-10-18"),
    ]


def test_people_taken_away_are_no_town_taken() -> None:
    body = (
        "Families who fled said the fighters had searched every street for anyone who had "
        'worked for the state. "They came with lists. Most of the men they took have never '
        "returned,\" said a baker who reached Rawa, two days' walk away."
    )
    assert _run(body, "en").claims == ()


def test_a_side_that_will_still_control_a_town_holds_it_now() -> None:
    body = "Even if Rawa falls, Islamic State will still control Hajin."
    assert [(c.place_name, c.side) for c in _run(body, "en").claims] == [("Hajin", "isis")]
    assert _run("Islamic State will take Hajin.", "en").claims == ()


def test_the_first_provincial_capital_to_fall_fell() -> None:
    body = "In March 2013, Raqqa became the first provincial capital to fall to the rebels."
    claims = _run(body, "en").claims
    assert [(c.place_name, c.side, c.valid_from.isoformat()) for c in claims] == [
        ("Raqqa", "syrian_opposition", "2013-03-01")
    ]


def test_kurdish_units_and_villages_around_a_town() -> None:
    claims = _run("Kurdish units captured Raqqa on Monday.", "en").claims
    assert [(c.place_name, c.side) for c in claims] == [("Raqqa", "sdf")]
    body = "Kurdish units captured a cluster of villages to the north and east of Raqqa."
    assert _run(body, "en").claims == ()
    body = "Les unités kurdes ont pris des villages au nord et à l'est de Raqqa."
    assert _run(body, "fr").claims == ()


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Iraqi forces retook Hit and Haditha, two of the main towns of Anbar province, as "
            "well as Anah.",
            "en",
        ),
        (
            "Les forces irakiennes ont repris le contrôle de Hit et de Haditha, deux des "
            "principales villes de la province d'Anbar, ainsi que d'Anah.",
            "fr",
        ),
    ],
)
def test_a_list_goes_on_after_an_apposition_that_places_its_towns(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert claims == {
        ("Hit", "iraqi_forces"),
        ("Haditha", "iraqi_forces"),
        ("Anah", "iraqi_forces"),
    }


def test_the_village_is_the_one_named_before() -> None:
    body = (
        "Syrian troops stormed Hajin on Friday. The army took full control of the village on "
        "Sunday, a monitor said."
    )
    claims = {
        (c.place_name, c.side, c.valid_from.isoformat(), c.kind) for c in _run(body, "en").claims
    }
    assert ("Hajin", "syrian_government", "2017-11-05", "full") in claims


@pytest.mark.parametrize(
    "body",
    [
        "Le groupe Jaïch al-Islam tient toujours Daraya.",
        "Le groupe Jaich al-Islam tient toujours Daraya.",
    ],
)
def test_a_group_s_name_is_read_in_any_transliteration(body: str) -> None:
    claims = [(c.place_name, c.side) for c in _run(body, "fr").claims]
    assert claims == [("Daraya", "syrian_opposition")]


def test_a_described_subject_in_the_hands_of_a_side() -> None:
    body = (
        "Rawa, a string of farms and villas some 30 km east of Anah, is in the hands of Iraqi "
        "troops, commanders said."
    )
    claims = [(c.place_name, c.side) for c in _run(body, "en").claims]
    assert claims == [("Rawa", "iraqi_forces")]


def test_a_date_before_and_is_the_first_verb_s() -> None:
    body = (
        "Iraqi forces launched their campaign against the enclave on Oct. 26 and recaptured "
        "Rawa, the last town held by the group, on Nov. 7."
    )
    claims = [(c.place_name, c.valid_from.isoformat(), c.kind) for c in _run(body, "en").claims]
    assert claims == [("Rawa", "2017-11-07", "full")]


def test_a_relative_after_a_capital_in_apposition_is_about_the_town() -> None:
    body = (
        "Les troupes sont aux portes de Hawija, chef-lieu du district, que les jihadistes "
        "tiennent toujours."
    )
    assert [(c.place_name, c.side) for c in _run(body, "fr").claims] == [("Hawija", "isis")]


def test_a_self_declared_capital_is_not_the_troops_at_its_gates() -> None:
    body = "Les troupes sont aux portes de Raqqa, capitale autoproclamée du groupe."
    assert {c.side for c in _run(body, "fr").claims} <= {"isis"}


def test_a_described_subject_had_fallen() -> None:
    body = (
        "Hawija, longtemps un bastion de la contestation sunnite à quelque 60 km à l'ouest de "
        "Kirkouk, était tombée aux mains de l'EI en juin 2014."
    )
    claims = [(c.place_name, c.side, c.valid_from.isoformat()) for c in _run(body, "fr").claims]
    assert claims == [("Hawija", "isis", "2014-06-01")]


def test_the_former_enclave_is_the_area_named_before() -> None:
    body = (
        "Troops pushed deeper into Eastern Ghouta on Tuesday. Government forces now control "
        "more than 80 percent of the former enclave, a monitor said."
    )
    claims = [(c.place_name, c.side, c.kind, c.fraction) for c in _run(body, "en").claims]
    assert claims == [("Eastern Ghouta", "syrian_government", "partial", 0.8)]


def test_the_same_day_is_the_last_day_told() -> None:
    body = (
        "Le drapeau irakien flotte sur Rawa.\n\nLes forces irakiennes sont entrées mardi à "
        "Anah.\n\nLe même jour, les forces irakiennes ont pris Hit."
    )
    claims = {c.place_name: c.valid_from.isoformat() for c in _run(body, "fr").claims}
    assert claims["Hit"] == "2017-11-07"


def test_a_past_year_in_a_relative_clause_does_not_date_the_verb() -> None:
    body = "Iraqi troops raised the flag over Hawija, the town where the revolt had begun in 2013."
    claims = [(c.place_name, c.valid_from.isoformat()) for c in _run(body, "en").claims]
    assert claims == [("Hawija", "2017-11-10")]


@pytest.mark.parametrize(
    "body",
    [
        "Kurdish-led fighters captured Raqqa on Monday.",
        "U.S.-backed Kurdish fighters captured Raqqa on Monday.",
    ],
)
def test_kurdish_led_fighters_in_syria_are_the_sdf(body: str) -> None:
    assert [(c.place_name, c.side) for c in _run(body, "en").claims] == [("Raqqa", "sdf")]


def test_the_last_fighters_cleared_from_both_towns() -> None:
    body = (
        "Troops advanced on Rawa and Anah on Friday. The army cleared the last fighters from "
        "both towns on Sunday, officials said."
    )
    claims = {(c.place_name, c.side, c.valid_from.isoformat()) for c in _run(body, "en").claims}
    assert claims == {
        ("Rawa", "iraqi_forces", "2017-11-05"),
        ("Anah", "iraqi_forces", "2017-11-05"),
    }


def test_isil_led_fighters_are_the_group_s() -> None:
    body = "ISIL-led fighters seized Mosul on June 10, 2014 and took Tikrit the next day."
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Mosul", "isis"), ("Tikrit", "isis")}


def test_the_day_after_an_apposition_is_the_main_verb_s() -> None:
    body = "Troops captured Hajin, the first town to fall to the rebels in 2012, on Nov 6."
    claims = {(c.side, c.valid_from.isoformat()) for c in _run(body, "en").claims}
    assert claims == {("syrian_government", "2017-11-06"), ("syrian_opposition", "2012-01-01")}


def test_one_of_the_largest_towns_of_an_area_fell() -> None:
    body = (
        "Hajin, one of the largest towns in the south of Deir ez-Zor province, fell to Syrian "
        "government forces on Saturday."
    )
    claims = [(c.place_name, c.side) for c in _run(body, "en").claims]
    assert claims == [("Hajin", "syrian_government")]


def test_a_landmark_after_the_definite_area_is_not_its_name() -> None:
    body = (
        "Troops pushed deeper into Eastern Ghouta on Friday. Government forces now hold more "
        "than 80 percent of the rebel enclave east of Damascus, a monitor said."
    )
    claims = [(c.place_name, c.side, c.kind, c.fraction) for c in _run(body, "en").claims]
    assert claims == [("Eastern Ghouta", "syrian_government", "partial", 0.8)]


def test_a_city_naming_its_district_is_not_held() -> None:
    body = "Rebels still control Daraya and much of the Damascus district of Jobar."
    claims = {(c.place_name, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Daraya", "full"), ("Jobar", "partial")}


def test_a_relative_state_after_a_goal_is_the_goal_s() -> None:
    body = "The Kurds are pushing west towards Raqqa, which remains in Islamic State hands."
    assert [(c.place_name, c.side) for c in _run(body, "en").claims] == [("Raqqa", "isis")]
    body = "The SDF took a gas field east of Raqqa, which remains under its control."
    assert "Raqqa" not in {c.place_name for c in _run(body, "en").claims}


def test_insurgents_are_the_side_named_last_before_them() -> None:
    body = (
        "L'EI a perdu Raqqa en octobre. Dans le sud, les rebelles ont accepté un accord. Les "
        "insurgés tiennent encore Daraya."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Daraya", "syrian_opposition") in claims


def test_sided_districts_after_an_article_are_the_town_s() -> None:
    body = (
        "L'armée a lancé mardi une offensive au nord d'Alep. Son objectif : couper la route "
        "reliant les quartiers rebelles d'Alep à la frontière."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("Alep", "syrian_opposition", "partial") in claims


@pytest.mark.parametrize(
    ("body", "lang", "side"),
    [
        ("Pro-government militias retook Haditha on Monday, police said.", "en", "iraqi_forces"),
        ("Pro-government forces retook Palmyra on Monday.", "en", "syrian_government"),
        ("Pro-regime militiamen retook Palmyra on Monday.", "en", "syrian_government"),
        ("Des milices progouvernementales ont repris Haditha lundi.", "fr", "iraqi_forces"),
        ("Palmyre est tenue par des miliciens prorégime, selon l'OSDH.", "fr", "syrian_government"),
    ],
)
def test_a_pro_government_force_is_of_the_country_it_fights_in(
    body: str, lang: str, side: str
) -> None:
    assert {c.side for c in _run(body, lang).claims} == {side}


def test_a_day_counted_back_to_the_background_is_not_the_story_s() -> None:
    body = (
        "BEYROUTH, 10 novembre — Deux jours après avoir enfoncé les lignes rebelles, l'armée a "
        "dû céder du terrain : les insurgés ont repris mercredi le village de Mashlab.\n\n"
        "« Nous avons repris Mashlab rue par rue », a affirmé un commandant rebelle."
    )
    dates = {c.valid_from for c in _run(body, "fr").claims if c.place_name == "Mashlab"}
    assert dates == {date(2017, 11, 8)}


def test_a_long_description_before_a_passive_capture() -> None:
    body = (
        "Hajin, a dusty market town on the old highway between Raqqa and Tabqa that Islamic "
        "State had long used as a base to threaten the Kurdish areas of north-eastern Syria, "
        "was captured by Kurdish fighters on Saturday."
    )
    assert [(c.place_name, c.side) for c in _run(body, "en").claims] == [("Hajin", "sdf")]


def test_a_pronoun_is_not_the_side_its_verb_acts_on() -> None:
    body = (
        "Hajin, a town that Islamic State had used as a base, was captured by Kurdish fighters "
        "on Saturday, a day after they drove the militants out of Susah further east."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Hajin", "sdf"), ("Susah", "sdf")}


def test_a_share_said_again_by_of_covers_both_towns() -> None:
    body = "The Syrian government still holds parts of the city of Raqqa and of Tabqa."
    claims = {(c.place_name, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Raqqa", "partial"), ("Tabqa", "partial")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "The Syrian government still holds parts of Raqqa and of Tabqa, which it shares "
            "uneasily with the Kurds.",
            "en",
        ),
        (
            "Le régime tient toujours une partie de Raqqa et de Tabqa, qu'il partage avec les "
            "Kurdes.",
            "fr",
        ),
    ],
)
def test_a_town_shared_with_another_side_is_partly_each_s(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert claims == {
        (town, side, "partial")
        for town in ("Raqqa", "Tabqa")
        for side in ("syrian_government", "sdf")
    }


def test_wide_sectors_of_a_province_are_a_share_of_it() -> None:
    body = "Les jihadistes contrôlent toujours de larges secteurs de la province d'Anbar."
    assert {(c.place_name, c.kind) for c in _run(body, "fr").claims} == {
        ("province d'Anbar", "partial")
    }


def test_sectors_of_the_town_are_a_share_of_it() -> None:
    body = (
        "L'armée a lancé une offensive sur Manbij. Selon l'ONG, les forces prorégime contrôlent "
        "désormais des secteurs de l'ouest et du sud de la ville."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {("Manbij", "syrian_government", "partial")}


def test_a_date_after_since_and_an_apposed_date_of_the_next_town() -> None:
    body = (
        "Les forces gouvernementales ont depuis repris Tikrit, en avril 2015, puis Mossoul, à "
        "quelque 200 kilomètres plus au nord, en juillet 2017."
    )
    claims = {(c.place_name, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Tikrit", date(2015, 4, 1)), ("Mossoul", date(2017, 7, 1))}


def test_a_pronoun_stands_for_government_troops_named_before() -> None:
    body = (
        "On Tuesday, government troops took over Haditha, which had been held by the "
        "peshmerga. On Monday they took Kirkuk, meeting little resistance."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Kirkuk", "iraqi_forces") in claims
    assert ("Kirkuk", "peshmerga") not in claims


def test_a_relative_after_a_distance_from_a_town_is_the_town_s() -> None:
    body = (
        "Islamic State fighters attacked Haditha. The front now runs across the plain a few "
        "km north of Mosul, which remains in the group's hands, a Kurdish commander said."
    )
    assert [(c.place_name, c.side) for c in _run(body, "en").claims] == [("Mosul", "isis")]


def test_a_french_stronghold_adjective_after_its_noun_names_the_side() -> None:
    body = (
        "Les jihadistes de l'EI ne se trouvent plus qu'à dix kilomètres de Manbij, l'un des "
        "principaux bastions rebelles de la région."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Manbij", "syrian_opposition")}


def test_sided_districts_of_the_town_named_before() -> None:
    body = (
        "L'armée a repris début juillet la zone industrielle au nord-est d'Alep, et tente "
        "d'encercler les quartiers insurgés de la ville."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("Alep", "syrian_opposition", "partial") in claims


def test_a_capture_noun_with_a_long_agent_before_its_place() -> None:
    body = (
        "L'offensive intervient une semaine après la prise par l'armée et le Hezbollah "
        "libanais de Mossoul, dernier grand bastion rebelle de la région."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Mossoul", "iraqi_forces")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Government forces now hold all of Aleppo except a sliver of the south-east.", "en"),
        ("L'armée tient désormais tout Alep, sauf une petite partie du sud-est.", "fr"),
    ],
)
def test_all_of_a_town_but_a_sliver_is_a_share(body: str, lang: str) -> None:
    assert {(c.place_name, c.kind) for c in _run(body, lang).claims} == {
        (places_in(article(body, lang, PUB))[0].name, "partial")
    }


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Située près du Liban, Daraya échappe au contrôle du pouvoir depuis 2012.",
            "fr",
            {("Daraya", "syrian_opposition", date(2012, 1, 1))},
        ),
        # in Iraq, a town out of the government's hands says nothing of who holds it
        ("Rawa échappait au contrôle du pouvoir depuis 2014.", "fr", set()),
    ],
)
def test_a_syrian_town_out_of_the_regime_s_control_is_the_rebels(
    body: str, lang: str, expected: set
) -> None:
    assert {(c.place_name, c.side, c.valid_from) for c in _run(body, lang).claims} == expected


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ('State television said Jobar and Daraya were now "free of terrorism".', "en"),
        (
            "Selon la télévision d'État, Jobar et Daraya sont désormais « libres du terrorisme ».",
            "fr",
        ),
    ],
)
def test_towns_free_of_terrorism_are_the_government_s(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert claims == {("Jobar", "syrian_government"), ("Daraya", "syrian_government")}


def test_both_towns_are_the_two_named_in_the_sentence_before() -> None:
    body = (
        "Jobar fell to Syrian government forces on Saturday, and troops overran Daraya.\n\n"
        "State television said on Sunday that the army had cleared the last fighters from both "
        "towns."
    )
    cleared = [
        r
        for r in read_article(article(body, "en", PUB), places_in(article(body, "en", PUB)))
        if r.frame == "expel"
    ]
    from dashboard.events.claims import objects_of

    assert [p.name for p in objects_of(cleared[0])] == ["Jobar", "Daraya"]


def test_overrunning_all_of_a_town_takes_it() -> None:
    body = (
        "The jihadists attacked at dawn on Thursday, overrunning all of Hajin and part of "
        "neighbouring Susah, the Observatory said."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "en").claims}
    assert claims == {("Hajin", "isis", "full"), ("Susah", "isis", "partial")}


def test_the_two_villages_after_that_are_the_two_listed_not_the_one_that_locates() -> None:
    body = (
        "Army units pushed into Anah and Rawa, near the town of Haditha, on Monday. A local "
        "official confirmed that the two villages were back under government control."
    )
    claims = {(c.place_name, c.kind) for c in _run(body, "en").claims}
    assert {("Anah", "full"), ("Rawa", "full")} <= claims
    assert "Haditha" not in {name for name, _ in claims}


def test_it_is_the_town_described_not_the_one_that_locates_it() -> None:
    body = (
        "Hajin, a village north of Raqqa, was back in rebel hands on Tuesday after insurgents "
        "drove out government forces that had captured it only on Sunday."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Hajin", "syrian_government") in claims
    assert "Raqqa" not in {name for name, _ in claims}


def test_a_town_apposed_with_its_head_noun_after_a_preposition_of_direction() -> None:
    body = (
        "Selon l'OSDH, des familles ont été emmenées vers Manbij, ville tenue par les rebelles "
        "depuis 2012, à quelques kilomètres à l'est."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {("Manbij", "syrian_opposition", date(2012, 1, 1))}


def test_a_participle_after_a_capital_s_apposition_is_the_capital_s() -> None:
    body = (
        "L'armée avait proclamé le 28 décembre la reprise de Mossoul, chef-lieu de la province "
        "d'Anbar, tombé aux mains de l'EI en mai 2015."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert claims == {
        ("Mossoul", "iraqi_forces", date(2016, 12, 28)),
        ("Mossoul", "isis", date(2015, 5, 1)),
    }


def test_a_hold_around_a_place_is_not_on_it() -> None:
    body = (
        "Troops retook Hajin, widening the government's hold around the Anbar provincial capital."
    )
    assert [c.place_name for c in _run(body, "en").claims] == ["Hajin"]


def test_a_stronghold_of_a_named_town() -> None:
    body = "Islamic State fighters fell back on Sunday towards the group's stronghold of Raqqa."
    assert [(c.place_name, c.side) for c in _run(body, "en").claims] == [("Raqqa", "isis")]


def test_the_stronghold_of_a_group_never_named_is_not_the_subject_s() -> None:
    body = "Iraqi forces are preparing an offensive on Mosul, the group's last big stronghold."
    assert ("Mosul", "iraqi_forces") not in {
        (c.place_name, c.side) for c in _run(body, "en").claims
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('"Kirkuk is under our control," a peshmerga commander said.', {("Kirkuk", "peshmerga")}),
        (
            '"Jobar and Daraya are completely in the hands of our forces," a military source '
            "told the official SANA news agency.",
            {("Jobar", "syrian_government"), ("Daraya", "syrian_government")},
        ),
    ],
)
def test_our_control_in_a_quote_is_the_speaker_s(body: str, expected: set) -> None:
    assert {(c.place_name, c.side) for c in _run(body, "en").claims} == expected


def test_most_of_it_held_is_a_share_of_the_town_just_named() -> None:
    body = "The army stormed Hajin on Tuesday and now controls most of it."
    assert {(c.place_name, c.kind) for c in _run(body, "en").claims} == {("Hajin", "partial")}


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Les forces du régime ont brisé mercredi le siège de Manbij et Tabqa, selon l'OSDH.",
            "fr",
            {("Manbij", "syrian_government", "full"), ("Tabqa", "syrian_government", "full")},
        ),
        (
            "Syrian troops on Tuesday broke the Islamic State siege of the Tabqa air base.",
            "en",
            {("Tabqa air base", "syrian_government", "full")},
        ),
        # a siege laid, not broken, says nothing of who holds the place yet
        ("Islamic State fighters laid siege to Tabqa on Tuesday.", "en", set()),
    ],
)
def test_a_side_that_breaks_a_siege_holds_the_place_besieged(
    body: str, lang: str, expected: set
) -> None:
    assert {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims} == expected


def test_an_imperfect_hold_for_an_undated_span_is_no_hold_now() -> None:
    body = "L'armée a repris Hajin lundi. Les jihadistes tenaient Hajin depuis plusieurs mois."
    assert {(c.place_name, c.side) for c in _run(body, "fr").claims} == {
        ("Hajin", "syrian_government")
    }
    # (a day of its own keeps the state: « tenaient encore Hajin jeudi »)
    body = "Les jihadistes tenaient encore Hajin jeudi."
    assert {(c.place_name, c.side) for c in _run(body, "fr").claims} == {("Hajin", "isis")}


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            'Fighting went on near Raqqa. "It was hard. We now control Tabqa," an SDF '
            "commander said.",
            "en",
            {("Tabqa", "sdf")},
        ),
        (
            "Les combats se poursuivaient près de Raqqa. « Ce fut dur. Nous contrôlons "
            "désormais Tabqa », a déclaré un commandant des FDS.",
            "fr",
            {("Tabqa", "sdf")},
        ),
        (
            'Fighting went on near Raqqa. "It was hard. The jihadists still hold Tabqa," an SDF '
            "commander said.",
            "en",
            {("Tabqa", "isis")},
        ),
    ],
)
def test_a_quotation_of_several_sentences_is_its_speaker_s_to_the_end(
    body: str, lang: str, expected: set
) -> None:
    # the last sentence of the quotation names the speaker after it closes
    assert {(c.place_name, c.side) for c in _run(body, lang).claims} == expected


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # the side of an attack named as the subject's owner takes what it overruns
        (
            "The attack by the Khalid ibn al-Walid Army, an affiliate of the jihadists, overran "
            "Rawa on Monday.",
            "en",
            {("Rawa", "isis")},
        ),
        # a day may stand between « passée » and « aux mains de »
        (
            "La localité de Rawa, l'une des dernières positions de l'armée dans la région, est "
            "passée samedi aux mains des jihadistes.",
            "fr",
            {("Rawa", "isis")},
        ),
        # « garde » a place named: a hold
        (
            "L'armée syrienne garde toutefois Deir Ezzor.",
            "fr",
            {("Deir Ezzor", "syrian_government")},
        ),
        # a place that only locates the ones taken is not taken with them
        (
            "Deux villages situés au nord de Mossoul, Bachiqa et Bartella, ont été repris par "
            "l'armée irakienne.",
            "fr",
            {("Bartella", "iraqi_forces")},
        ),
        (
            "Rebels left Rastan, north of Homs, in May, handing the town to the army.",
            "en",
            {("Rastan", "syrian_government")},
        ),
    ],
)
def test_who_takes_what_in_long_subjects_and_located_lists(body: str, lang: str, expected: set):
    assert {(c.place_name, c.side) for c in _run(body, lang).claims} == expected


def test_a_month_between_the_verb_and_its_object_and_a_second_object_dated_apart() -> None:
    body = (
        "Les forces irakiennes ont pris en septembre la ville d'Anah, puis, le 17 octobre, la "
        "ville de Rawa."
    )
    claims = {(c.place_name, c.side, c.valid_from.isoformat()) for c in _run(body, "fr").claims}
    assert claims == {
        ("Anah", "iraqi_forces", "2017-09-01"),
        ("Rawa", "iraqi_forces", "2017-10-17"),
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the villages overrun are not named: the town named beside them was not taken
        (
            "Peshmerga fighters still held Makhmour on Tuesday, a day after Islamic State "
            "militants overran two nearby villages and shelled the town.",
            {("Makhmour", "peshmerga")},
        ),
        # villages named in apposition to the count are taken
        (
            "Islamic State militants overran two villages, Hajin and Susah, on Monday.",
            {("Hajin", "isis"), ("Susah", "isis")},
        ),
        # an occupier named in a compound is no side of this war
        (
            "Rebels hold Jarabulus, close to the Israeli-occupied Golan.",
            {("Jarabulus", "syrian_opposition")},
        ),
    ],
)
def test_unnamed_objects_and_occupiers_of_a_compound_take_nothing(body: str, expected: set):
    assert {(c.place_name, c.side) for c in _run(body, "en").claims} == expected


def test_the_lead_tells_a_capture_that_a_later_quote_restates() -> None:
    """A later quotation may word the capture more surely; the lead still speaks for it."""
    from dataclasses import replace

    from dashboard.events.extract import _restatements_merged

    lead = next(e for e in _run("IS fighters seized Rawa on Monday.", "en").events)
    quote = replace(lead, id="quote", sentence_start=200, sentence_end=260, confidence=0.9)
    lead = replace(lead, confidence=0.5)
    kept, ids = _restatements_merged([lead, quote], {1: lead.id, 2: "quote"})
    assert kept == [lead]
    assert ids == {1: lead.id, 2: lead.id}


@pytest.mark.parametrize(
    ("body", "lang", "kind"),
    [
        (
            "Des hélicoptères ont largué mercredi des barils d'explosifs sur Deraa.",
            "fr",
            "air_strike",
        ),
        ("Army helicopters dropped barrel bombs on Daraa on Wednesday.", "en", "air_strike"),
        ("Dans le centre de Rawa, on se bat rue par rue.", "fr", "armed_clash"),
        ("Rawa was quiet again after a fight that lasted only a few hours.", "en", "armed_clash"),
        ("Dozens of fighters on both sides were killed near Rawa.", "en", "armed_clash"),
        ("Les jihadistes ont reflué vers Rawa en abandonnant leurs morts.", "fr", "withdrawal"),
    ],
)
def test_barrel_bombs_street_fighting_and_falling_back(body: str, lang: str, kind: str):
    result = _run(body, lang)
    assert kind in {e.type for e in result.events}, body
    if kind == "withdrawal":
        assert result.claims == ()  # falling back towards a town names no place left


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the town a relative is about, described with its province in between
        (
            "Troops are fighting near Hit, the river town in Anbar that fell to Islamic State "
            "in October.",
            {("Hit", "isis")},
        ),
        # the province names the kind of towns listed before it
        (
            "Kurdish forces are massing near Hajin and Susah, two Deir ez-Zor province towns still "
            "held by Islamic State.",
            {("Hajin", "isis"), ("Susah", "isis")},
        ),
    ],
)
def test_a_province_inside_a_description_is_not_what_it_describes(body: str, expected: set):
    assert {(c.place_name, c.side) for c in _run(body, "en").claims} == expected


@pytest.mark.parametrize(
    "body",
    [
        # people carried to a town do not take it
        "Seven fighters were killed, according to a hospital official in Erbil, where the "
        "wounded were taken.",
    ],
)
def test_the_wounded_taken_somewhere_change_no_hands(body: str):
    assert _run(body, "en").claims == ()


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les peshmergas ont repris mercredi Sinjar à l'EI. Makhmour a été reprise dans la "
            "matinée. Les forces irakiennes tiennent toujours Tikrit.",
            "fr",
        ),
        (
            "Peshmerga fighters retook Sinjar from Islamic State on Wednesday. Makhmour was "
            "recaptured the same morning. Iraqi forces still hold Tikrit.",
            "en",
        ),
    ],
)
def test_a_capture_of_the_story_s_operation_with_no_captor_is_the_lead_captor_s(
    body: str, lang: str
):
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert ("Makhmour", "peshmerga") in claims
    assert ("Makhmour", "iraqi_forces") not in claims


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # « avant de » after a main verb in the past tells what came next
        (
            "Les jihadistes ont lancé jeudi une série d'assauts avant de prendre le contrôle de "
            "Rawa.",
            {("Rawa", "isis")},
        ),
        # a plan is still a plan
        ("Les forces irakiennes se préparent avant de reprendre Rawa.", set()),
    ],
)
def test_what_was_done_before_avant_de_is_told_in_order(body: str, expected: set):
    assert {(c.place_name, c.side) for c in _run(body, "fr").claims} == expected


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State still holds Tal Afar, west of Mosul, and Hawija, south-west of Kirkuk.",
            "en",
        ),
        (
            "Les jihadistes tiennent encore Tal Afar, à l'ouest de Mossoul, et Hawija, au "
            "sud-ouest de Kirkouk.",
            "fr",
        ),
    ],
)
def test_a_list_goes_on_after_a_landmark_s_closed_apposition(body: str, lang: str):
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert claims == {("Tal Afar", "isis"), ("Hawija", "isis")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les forces irakiennes ont repris jeudi Rawa, une localité de la vallée située à 80 km "
            "au nord de Haditha, dont le groupe État islamique (EI) s'était emparé en 2014.",
            "fr",
        ),
        (
            "Iraqi troops retook Rawa on Thursday, a town in the valley some 80 km north of "
            "Haditha, which Islamic State (IS) had seized in 2014.",
            "en",
        ),
    ],
)
def test_a_relative_after_a_description_is_about_the_place_described(body: str, lang: str):
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert claims == {("Rawa", "iraqi_forces"), ("Rawa", "isis")}, claims


def test_a_day_before_a_span_of_fighting_dates_the_main_verb() -> None:
    body = (
        "Hit, home to the province's largest market, was retaken by government forces and "
        "paramilitaries last March after more than a year of fighting that left much of the "
        "town in ruins."
    )
    claims = {(c.place_name, c.side, c.valid_from.isoformat()) for c in _run(body, "en").claims}
    assert claims == {("Hit", "iraqi_forces", "2017-03-01")}


def test_a_retreat_that_stops_at_a_town_s_outskirts_enters_nothing() -> None:
    body = "L'assaut des jihadistes a contraint les soldats à refluer jusqu'aux abords de Rawa."
    assert ("Rawa", "contested") not in {(c.place_name, c.kind) for c in _run(body, "fr").claims}
    reached = _run("Les troupes irakiennes sont arrivées aux abords de Rawa.", "fr").claims
    assert {(c.place_name, c.kind) for c in reached} == {("Rawa", "contested")}


def test_an_elided_ainsi_qu_goes_on_with_the_list_after_a_landmark() -> None:
    body = "Mais l'EI tient toujours Rawa, près de Haditha, ainsi qu'Anah, Hit et Tikrit."
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {("Rawa", "isis"), ("Anah", "isis"), ("Hit", "isis"), ("Tikrit", "isis")}


def test_prendre_a_town_named_by_its_noun_is_a_capture() -> None:
    body = "L'offensive a permis aux jihadistes de prendre le bourg de Rawa."
    assert {(c.place_name, c.side) for c in _run(body, "fr").claims} == {("Rawa", "isis")}


def test_turkish_led_forces_fight_with_the_rebels_turkey_backs() -> None:
    body = "The Turkish-led forces now hold Jarabulus in the north and Manbij in the west."
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert claims == {("Jarabulus", "syrian_opposition"), ("Manbij", "syrian_opposition")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les FDS, qui ont repris Tabqa le 2 novembre après un mois de combats, tiennent "
            "toujours cette ville.",
            "fr",
        ),
        ("The SDF, which retook Tabqa on November 2, still hold the town.", "en"),
    ],
)
def test_a_capture_still_held_is_also_held_as_of_the_article(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, lang).claims}
    assert ("Tabqa", "sdf", date(2017, 11, 2)) in claims
    assert ("Tabqa", "sdf", PUB) in claims


def test_a_hold_restating_its_capture_is_one_claim() -> None:
    claims = _run("Iraqi forces hold Hawija, retaken on November 5.", "en").claims
    assert [(c.place_name, c.valid_from) for c in claims] == [("Hawija", date(2017, 11, 5))]


def test_both_towns_as_a_subject_are_the_last_two_named_apart() -> None:
    body = (
        "The militants attacked from the direction of Rawa, which they took from the army in "
        "August, and neighbouring Anah. Both towns remain in Islamic State hands."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert {("Rawa", "isis", PUB), ("Anah", "isis", PUB)} <= claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "L'armée espérait reprendre la ville de Tabqa et son barrage sur l'Euphrate, puis "
            "marcher sur Raqqa, fief des jihadistes, qui tiennent toujours ces deux villes.",
            "fr",
        ),
        (
            "Islamic State overran Raqqa in January 2014, and Tabqa on the Euphrates that "
            "August, and it still holds the two towns.",
            "en",
        ),
    ],
)
def test_the_two_towns_held_are_those_the_sentence_named(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert {("Tabqa", "isis"), ("Raqqa", "isis")} <= claims


def test_a_capture_compared_with_another_gives_the_other_too() -> None:
    claims = {
        (c.place_name, c.side, c.valid_from, c.extra["date_precision"])
        for c in _run("Tikrit fell to Islamic State in June 2014, a day after Mosul.", "en").claims
    }
    assert ("Mosul", "isis", date(2014, 6, 1), "month") in claims


def test_a_few_days_after_another_capture_is_the_week_before() -> None:
    body = (
        "Les jihadistes s'étaient emparés de Tal Afar le 16 juin 2014, quelques jours après "
        "Mossoul."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert ("Mossoul", "isis", date(2014, 6, 9)) in claims


def test_captures_compared_with_their_own_dates_keep_them() -> None:
    body = (
        "Hit a été reprise par l'armée irakienne le 3 novembre, après Rawa, fin octobre, "
        "et Anah, en septembre."
    )
    claims = {(c.place_name, c.side, c.valid_from.month) for c in _run(body, "fr").claims}
    assert {("Rawa", "iraqi_forces", 10), ("Anah", "iraqi_forces", 9)} <= claims


@pytest.mark.parametrize(
    "body",
    [
        "Iraqi forces retook Rawa on Friday, days after Anah fell to them.",
        "Iraqi forces retook Haditha on Friday, the last town before Anah.",
    ],
)
def test_a_place_after_another_clause_or_a_landmark_is_not_compared(body: str) -> None:
    notes = {c.extra.get("note") for c in _run(body, "en").claims}
    assert "compared with the capture told" not in notes


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "Rebels hold most of the province, while the army keeps the northern half of Rawa.",
            "partial",
        ),
        ("The army also keeps the Tabqa air base in the east of the province.", "full"),
    ],
)
def test_what_a_side_keeps_it_holds(body: str, kind: str) -> None:
    claims = {
        (c.side, c.kind)
        for c in _run(body, "en").claims
        if c.side == "iraqi_forces" or c.side == "syrian_government"
    }
    assert claims and {k for _, k in claims} == {kind}


def test_keeping_up_the_pressure_holds_nothing() -> None:
    assert _run("The army keeps up the pressure on Rawa.", "en").claims == ()


def test_pris_fin_fevrier_is_a_capture_dated_late_february_not_an_ending() -> None:
    body = (
        "Les FDS ont pris Anah mardi. Elles avaient pris fin février cette localité, située "
        "au-delà de la limite de la province."
    )
    doc = article(body, "fr", date(2017, 3, 7))
    claims = {(c.place_name, c.valid_from) for c in extract(doc, places_in(doc)).claims}
    assert ("Anah", date(2017, 2, 21)) in claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("À Raqqa, les FDS contrôlent désormais près de 90 % de la ville, selon l'OSDH.", "fr"),
        ("Les FDS contrôlent près de 90 % de Raqqa.", "fr"),
        ("The SDF control close to 90 percent of Raqqa.", "en"),
    ],
)
def test_nearly_a_share_is_a_figure_not_a_landmark(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind, c.fraction) for c in _run(body, lang).claims}
    assert ("Raqqa", "sdf", "partial", 0.9) in claims


def test_near_a_town_is_still_a_landmark() -> None:
    claims = _run("Les FDS contrôlent des villages près de Raqqa.", "fr").claims
    assert "Raqqa" not in {c.place_name for c in claims}


@pytest.mark.parametrize(
    ("body", "place", "side"),
    [
        (
            "Ankara veut empêcher les YPG de relier leurs territoires à l'enclave kurde d'Afrin.",
            "Afrin",
            "sdf",
        ),
        ("Le fief jihadiste de Raqqa a de nouveau été bombardé dans la nuit.", "Raqqa", "isis"),
    ],
)
def test_a_stronghold_named_by_its_side_is_held_whole(body: str, place: str, side: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert (place, side, "full") in claims


def test_an_enclave_located_by_a_town_does_not_hold_the_town() -> None:
    body = "Les rebelles de l'enclave rebelle du sud-ouest de Damas ont été évacués vers Idleb."
    assert "syrian_opposition" not in {
        c.side for c in _run(body, "fr").claims if c.place_name == "Damas"
    }


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Hezbollah fighters arrived in Palmyra, a garrison town on the main highway.", "en"),
        ("The village lies east of Palmyra, a government garrison town on the main road.", "en"),
        ("Le régime conserve Palmyre, grande ville de garnison sur la route de Homs.", "fr"),
    ],
)
def test_a_garrison_town_is_held_by_the_government(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert {(n, s, k) for n, s, k in claims if n in ("Palmyra", "Palmyre")} == {
        ("Palmyre" if lang == "fr" else "Palmyra", "syrian_government", "full")
    }


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The army seized several villages around Rawa on Friday.", "en"),
        ("L'armée s'est emparée vendredi de vastes terres agricoles autour de Rawa.", "fr"),
    ],
)
def test_the_country_around_a_town_taken_is_not_the_town(body: str, lang: str) -> None:
    assert "Rawa" not in {c.place_name for c in _run(body, lang).claims}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Les derniers rebelles ont quitté Rawa pour la province d'Anbar.", "fr"),
        ("Islamic State fighters withdrew from Rawa towards Idlib.", "en"),
    ],
)
def test_where_a_side_went_is_not_the_place_it_left(body: str, lang: str) -> None:
    places = {c.place_name for c in _run(body, lang).claims}
    assert "Rawa" in places
    assert not places & {"province d'Anbar", "Idlib"}


def test_a_fall_faced_with_an_offensive_goes_to_the_side_attacking() -> None:
    body = (
        "Les peshmergas ont pris Kirkouk le 12 juin, deux jours après la chute de Mossoul face "
        "à l'offensive éclair de l'EI."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Mossoul", "isis") in claims
    assert ("Mossoul", "iraqi_forces") not in claims


def test_a_side_and_its_allies_are_the_subject_of_their_relative() -> None:
    body = (
        "Les soldats ont fui face à l'offensive de l'EI et de ses alliés sunnites, qui se sont "
        "emparés de Tikrit le lendemain."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Tikrit", "isis") in claims


def test_a_pronoun_does_not_stand_for_a_town_named_in_an_aside() -> None:
    body = (
        "La base de Tabqa, d'où partaient les avions qui frappaient Raqqa, est repassée mardi "
        "sous le contrôle de l'armée et de ses alliés, qui l'ont reprise à l'EI."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Raqqa", "syrian_government") not in claims


def test_the_towns_an_enclave_is_around_are_held_whole() -> None:
    body = "Dans le nord, les rebelles tiennent toujours une enclave autour d'Idlib et d'Afrin."
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert {
        ("Idlib", "syrian_opposition", "full"),
        ("Afrin", "syrian_opposition", "full"),
    } <= claims


def test_a_singular_participle_apposed_to_a_list_is_the_last_place_s() -> None:
    body = "Plus au nord, l'EI tient toujours Rawa et une partie d'Anah, tombée le 11 août."
    claims = {(c.place_name, c.side, c.kind, c.valid_from) for c in _run(body, "fr").claims}
    assert ("Anah", "isis", "full", date(2017, 8, 11)) in claims
    assert ("Rawa", "isis", "full", PUB) in claims
    assert not any(n == "Rawa" and d == date(2017, 8, 11) for n, _, _, d in claims)


def test_a_plural_participle_apposed_to_a_list_is_the_whole_list_s() -> None:
    body = "Les FDS tiennent désormais Rawa et Anah, reprises le 11 août."
    claims = {(c.place_name, c.valid_from) for c in _run(body, "fr").claims}
    assert {("Rawa", date(2017, 8, 11)), ("Anah", date(2017, 8, 11))} <= claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les rebelles ont lancé jeudi une contre-offensive, reprenant plusieurs villages. "
            "Parmi les localités reprises jeudi figurent Idlib et Afrin, selon l'OSDH.",
            "fr",
        ),
        (
            "Rebels launched a counter-offensive on Thursday, retaking several villages. Among "
            "the towns retaken on Thursday were Idlib and Afrin, the Observatory said.",
            "en",
        ),
    ],
)
def test_the_places_listed_among_those_retaken_are_retaken(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert {("Idlib", "syrian_opposition"), ("Afrin", "syrian_opposition")} <= claims


@pytest.mark.parametrize(
    ("body", "place"),
    [
        (
            "Dans Mossoul même, les forces irakiennes poursuivaient mardi leur progression dans "
            "les quartiers orientaux, où elles ont pénétré la semaine dernière.",
            "Mossoul",
        ),
        ("Les forces irakiennes ont atteint Rawa, où elles sont entrées mardi.", "Rawa"),
    ],
)
def test_where_a_side_went_in_is_the_town_of_the_relative(body: str, place: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert (place, "iraqi_forces", "contested") in claims


def test_a_relative_after_a_river_that_locates_a_town_is_the_town_s() -> None:
    body = (
        "Islamic State fighters still hold Hit, further down the Euphrates, which they seized "
        "last October, as well as Ramadi, the provincial capital they overran in May."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert {("Hit", "isis", date(2017, 10, 1)), ("Ramadi", "isis", date(2017, 5, 1))} <= claims
    assert ("Ramadi", "isis", date(2017, 10, 1)) not in claims


def test_a_capture_told_after_avant_que_is_done_not_aimed_at() -> None:
    body = (
        "Rawa avait été reprise à l'EI en mars par les forces irakiennes, avant que l'armée "
        "ne s'empare en avril d'Anah, plus en amont."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    assert ("Anah", "iraqi_forces", date(2017, 4, 1)) in claims


def test_s_empare_is_a_capture() -> None:
    claims = _run("L'armée s'empare de Rawa après deux jours de combats.", "fr").claims
    assert [(c.place_name, c.side) for c in claims] == [("Rawa", "iraqi_forces")]


def test_a_relative_after_a_description_naming_no_place_is_the_place_s() -> None:
    body = (
        "Les forces progressaient vers Rawa, un secteur agricole voisin dont l'EI s'est emparé "
        "dimanche."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Rawa", "isis") in claims


def test_an_article_less_french_description_is_the_subject_s_not_its_landmark_s() -> None:
    body = (
        "C'est le prix payé par Rawa, village de la tribu des Joubour au nord d'Anah, tombé "
        "lundi aux mains des jihadistes de l'EI."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Rawa", "isis") in claims
    assert ("Anah", "isis") not in claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("« Nous tenons Idlib », a affirmé un commandant rebelle joint par téléphone.", "fr"),
        ('"We hold Idlib," a rebel commander said by telephone.', "en"),
    ],
)
def test_a_rebel_commander_speaks_for_the_rebels(body: str, lang: str) -> None:
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert ("Idlib", "syrian_opposition") in claims


def test_since_the_fall_of_a_town_the_side_holding_ground_took_it() -> None:
    body = "Depuis la chute de Mossoul, le 10 juin, l'EI contrôle la majeure partie de la province."
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert ("Mossoul", "isis") in claims
    assert ("Mossoul", "iraqi_forces") not in claims


def test_the_two_fields_are_the_fields_named_last_and_a_town_fell_with_them() -> None:
    body = (
        "Les FDS ont repris vendredi le champ d'Omar et le champ de Conoco. "
        "Les combats se poursuivaient près de Mayadin, selon un commandant. "
        "Les deux gisements étaient tombés aux mains des jihadistes au début du mois, en même "
        "temps que Susah, après le repli des FDS."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "fr").claims}
    fell = {("champ d'Omar", "isis"), ("champ de Conoco", "isis"), ("Susah", "isis")}
    assert fell <= {(n, s) for n, s, d in claims if d == date(2017, 11, 1)}


def test_it_stands_for_the_site_the_previous_sentence_opened_on() -> None:
    body = (
        "The SDF took the Omar oil field on Sunday, then pushed on towards Mayadin. "
        "The medium-sized field, which pumped oil before the war, has changed hands several "
        "times. The army secured it in June 2015, weeks after Mayadin first fell to the "
        "jihadists."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Omar oil field", "syrian_government", date(2015, 6, 1)) in claims
    assert ("Mayadin", "syrian_government", date(2015, 6, 1)) not in claims


@pytest.mark.parametrize(
    ("body", "lang", "back_to", "day"),
    [
        (
            "Islamic State fighters overran Haditha on Monday before being driven out two "
            "days later.",
            "en",
            "iraqi_forces",
            date(2017, 11, 8),
        ),
        (
            "Rebels seized Sadad on Sunday, only to be pushed out by the army on Tuesday.",
            "en",
            "syrian_government",
            date(2017, 11, 7),
        ),
        (
            "Rebels seized Sadad in 2013 before Hezbollah drove them out in March 2014.",
            "en",
            "syrian_government",
            date(2014, 3, 1),
        ),
        (
            "Les jihadistes ont pris Haditha lundi avant d'en être chassés deux jours plus "
            "tard par l'armée.",
            "fr",
            "iraqi_forces",
            date(2017, 11, 8),
        ),
        (
            "Les rebelles s'étaient emparés de Sadad dimanche, avant d'être délogés par l'armée.",
            "fr",
            "syrian_government",
            date(2017, 11, 5),
        ),
    ],
)
def test_a_capture_undone_in_the_same_sentence_gives_the_place_back(
    body: str, lang: str, back_to: str, day: date
) -> None:
    claims = _run(body, lang).claims
    taken = [c for c in claims if c.side != back_to]
    assert taken and all(c.valid_from < day or c.valid_from == day for c in taken), claims
    assert any(c.side == back_to and c.valid_from == day and c.kind == "full" for c in claims)


def test_a_capture_undone_keeps_a_month_as_coarse_as_the_capture() -> None:
    body = (
        "In early September, rebels swept into Sadad, north-east of Damascus, before the "
        "army pushed them out about a week later."
    )
    back = [c for c in _run(body, "en").claims if c.side == "syrian_government"]
    assert [c.place_name for c in back] == ["Sadad"]
    assert back[0].extra["date_precision"] != "day"


def test_an_expulsion_of_a_side_from_elsewhere_undoes_nothing() -> None:
    body = (
        "Islamic State fighters overran Haditha on Monday; the army drove them out of "
        "Ramadi two days later."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "en").claims}
    assert ("Haditha", "iraqi_forces") not in claims


@pytest.mark.parametrize(
    ("body", "lang", "place", "side"),
    [
        (
            "In Raqqa, Kurdish forces control most of the city, while government troops still "
            "hold the airport and several districts.",
            "en",
            "Raqqa",
            "syrian_government",
        ),
        (
            "Rebels have held most of Aleppo's eastern half since 2012, while the government "
            "controls the west.",
            "en",
            "Aleppo",
            "syrian_government",
        ),
        (
            "The SDF holds most of Raqqa, but Islamic State still controls the old city.",
            "en",
            "Raqqa",
            "isis",
        ),
        (
            "Les FDS contrôlent la majeure partie de Raqqa, tandis que l'armée conserve "
            "l'aéroport et quelques quartiers.",
            "fr",
            "Raqqa",
            "syrian_government",
        ),
    ],
)
def test_the_other_side_holds_the_part_the_next_clause_names(
    body: str, lang: str, place: str, side: str
) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, lang).claims}
    assert (place, side, "partial") in claims, claims


@pytest.mark.parametrize(
    "body",
    [
        # the provincial capital is a place of its own, not a part of the province
        "Kurdish forces control most of Hasakah province, while the army holds the provincial "
        "capital.",
        # a site has no parts to share
        "L'armée tient toujours plusieurs quartiers ainsi que l'aéroport de Tabqa, tandis que "
        "les rebelles contrôlent les autres secteurs.",
    ],
)
def test_a_second_hold_shares_only_a_place_with_parts(body: str) -> None:
    lang = "fr" if "L'armée" in body else "en"
    claims = {(c.place_name, c.side) for c in _run(body, lang).claims}
    assert ("Hasakah province", "syrian_government") not in claims
    assert ("aéroport de Tabqa", "syrian_opposition") not in claims


@pytest.mark.parametrize(
    "body",
    [
        "Troops captured Sheikh Najjar, the first district to fall to the rebels in 2012, on "
        "Nov. 6.",
        "Troops captured Sheikh Najjar, the first neighbourhood to fall to the rebels in 2012, "
        "on Nov. 6.",
    ],
)
def test_the_first_district_to_fall_fell(body: str) -> None:
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Sheikh Najjar", "syrian_opposition", date(2012, 1, 1)) in claims
    assert ("Sheikh Najjar", "syrian_government", date(2017, 11, 6)) in claims


def test_a_place_slipped_from_a_side_in_an_apposition_on_its_own_date() -> None:
    body = (
        "Samedi, les forces gouvernementales avaient repris Sheikh Najjar, le plus vaste "
        "secteur rebelle de la ville et le premier à avoir échappé au contrôle du régime, en "
        "juillet 2012."
    )
    claims = {(c.place_name, c.side, c.valid_from, c.kind) for c in _run(body, "fr").claims}
    assert ("Sheikh Najjar", "syrian_government", date(2017, 11, 4), "full") in claims
    assert ("Sheikh Najjar", "syrian_opposition", date(2012, 7, 1), "full") in claims


def test_a_place_that_slipped_from_the_regime_is_rebel_held_from_that_day() -> None:
    claims = {
        (c.place_name, c.side, c.valid_from)
        for c in _run("Jobar a échappé au contrôle du régime en juillet 2012.", "fr").claims
    }
    assert claims == {("Jobar", "syrian_opposition", date(2012, 7, 1))}


def test_there_a_part_of_the_town_and_its_airport_are_held() -> None:
    body = (
        "L'EI a lancé une offensive sur Deir Ezzor. Les forces du régime y tiennent toujours "
        "plusieurs quartiers ainsi que l'aéroport militaire de Deir Ezzor, tandis que les "
        "rebelles contrôlent les autres secteurs."
    )
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert ("Deir Ezzor", "syrian_government", "partial") in claims
    assert ("aéroport militaire de Deir Ezzor", "syrian_government", "full") in claims
    assert ("Deir Ezzor", "syrian_opposition", "partial") in claims
    assert ("aéroport militaire de Deir Ezzor", "syrian_opposition", "partial") not in claims


def test_a_day_before_an_after_clause_with_a_modified_subject_is_the_main_verbs() -> None:
    body = (
        "Government forces regained ground near Ramadi on Saturday. The jihadists overran "
        "Ramadi, the capital of Anbar province, last Sunday after government troops abandoned "
        "their positions."
    )
    claims = {(c.place_name, c.side, c.valid_from) for c in _run(body, "en").claims}
    assert ("Ramadi", "isis", date(2017, 11, 5)) in claims
    assert ("Ramadi", "isis", date(2017, 11, 4)) not in claims


@pytest.mark.parametrize(
    ("body", "place", "side"),
    [
        (
            "« Kirkouk est entièrement sous notre contrôle », a déclaré un commandant peshmerga.",
            "Kirkouk",
            "peshmerga",
        ),
        (
            "« Haditha est entre nos mains », a déclaré un officier de l'armée irakienne.",
            "Haditha",
            "iraqi_forces",
        ),
    ],
)
def test_a_place_under_our_control_is_the_speakers_sides(body: str, place: str, side: str) -> None:
    claims = {(c.place_name, c.side, c.kind) for c in _run(body, "fr").claims}
    assert claims == {(place, side, "full")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The army then pushed south-east, seizing dozens of villages in Aleppo province.", "en"),
        ("Islamic State seized several army bases in Aleppo province.", "en"),
        (
            "L'armée a ensuite poussé vers le sud-est, s'emparant de dizaines de villages de la "
            "province d'Alep.",
            "fr",
        ),
        (
            "Ces dernières semaines, l'EI s'est emparé de plusieurs bases de la province d'Alep.",
            "fr",
        ),
    ],
)
def test_villages_taken_in_a_province_say_nothing_of_the_province(body: str, lang: str) -> None:
    assert _run(body, lang).claims == ()


def test_most_of_a_province_taken_is_still_a_share_of_it() -> None:
    claims = {
        (c.place_name, c.side, c.kind)
        for c in _run("Islamic State seized most of Aleppo province.", "en").claims
    }
    assert claims == {("Aleppo province", "isis", "partial")}


@pytest.mark.parametrize(
    "body",
    [
        "BEYROUTH, 9 novembre — Tombé jeudi aux mains des rebelles, le village chrétien de "
        "Sadad, à une dizaine de kilomètres de Homs, a été repris dimanche par l'armée syrienne.",
        "Tombé jeudi aux mains des rebelles, le village chrétien de Sadad a été repris dimanche "
        "par l'armée syrienne.",
    ],
)
def test_a_fronted_fall_before_a_described_village_after_a_dateline(body: str) -> None:
    sides = {c.side for c in _run(body, "fr").claims if c.place_name == "Sadad"}
    assert sides == {"syrian_opposition", "syrian_government"}


def test_a_town_some_kilometres_from_another_is_not_that_one() -> None:
    body = (
        "Le village de Sadad, à une dizaine de kilomètres de Homs, a été repris dimanche par "
        "l'armée syrienne. Mais l'EI tient toujours Mayadin, à une cinquantaine de kilomètres "
        "de Deir Ezzor, ainsi que Hajin."
    )
    claims = {(c.place_name, c.side) for c in _run(body, "fr").claims}
    assert claims == {
        ("Sadad", "syrian_government"),
        ("Mayadin", "isis"),
        ("Hajin", "isis"),
    }


@pytest.mark.parametrize(
    ("body", "lang", "day"),
    [
        (
            "L'armée a lancé mardi à l'aube une offensive pour reprendre Haditha.",
            "fr",
            date(2017, 11, 7),
        ),
        (
            "L'offensive lancée le 6 mai par les FDS contre Tal Tamr piétine.",
            "fr",
            date(2017, 5, 6),
        ),
        (
            "A government offensive launched in July to reclaim Haditha stalled.",
            "en",
            date(2017, 7, 1),
        ),
    ],
)
def test_an_offensive_launched_is_an_assault(body: str, lang: str, day: date) -> None:
    assaults = [e for e in _run(body, lang).events if e.type == "assault"]
    assert [e.date for e in assaults] == [day]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "L'armée a coupé jeudi une route près d'Alep. L'armée avait lancé mardi à l'aube une "
            "offensive au nord de la ville, s'emparant dans la journée de Sadad et de Jobar.",
            "fr",
        ),
        (
            "The army cut a road near Aleppo on Thursday. The army had launched an offensive "
            "north of the city on Tuesday, seizing Sadad and Jobar.",
            "en",
        ),
    ],
)
def test_a_participle_takes_the_day_of_its_main_verb(body: str, lang: str) -> None:
    claims = {(c.place_name, c.valid_from) for c in _run(body, lang).claims}
    assert claims == {("Sadad", date(2017, 11, 7)), ("Jobar", date(2017, 11, 7))}


@pytest.mark.parametrize(
    ("body", "lang", "negated"),
    [
        ("The army denied that Haditha had been lost.", "en", True),
        ("Islamic State did not take Haditha.", "en", True),
        ("Rebels have not yet taken Sadad, a commander said.", "en", True),
        ("L'armée a démenti lundi la perte de tout le village de Sadad.", "fr", True),
        ("La perte de Sadad a été un coup dur pour le régime.", "fr", False),
    ],
)
def test_a_loss_named_or_denied_is_a_capture_event_and_no_claim(
    body: str, lang: str, negated: bool
) -> None:
    result = _run(body, lang)
    captures = [e for e in result.events if e.type == "capture"]
    assert [e.negated for e in captures] == [negated]
    assert result.claims == ()


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("L'aviation russe a mené ces derniers jours des dizaines de raids autour de Sadad.", "fr"),
        (
            "Depuis le 30 septembre, les avions russes frappent presque chaque jour les positions "
            "rebelles près de Sadad.",
            "fr",
        ),
        ("Plus de 250 raids russes ont visé Sadad en trois jours.", "fr"),
        ("Army helicopters fired on militant positions on the outskirts of Ramadi.", "en"),
        ("Iraqi jets and helicopters began striking militant positions near Haditha.", "en"),
        ("The air force was pounding the terrorists in Tabqa.", "en"),
    ],
)
def test_aircraft_striking_in_other_words_is_an_air_strike(body: str, lang: str) -> None:
    assert "air_strike" in {e.type for e in _run(body, lang).events}


def test_a_ground_raid_is_no_air_strike() -> None:
    events = _run("Un raid jihadiste contre Sadad a fait dix morts.", "fr").events
    assert "air_strike" not in {e.type for e in events}


@pytest.mark.parametrize(
    "body",
    [
        "The surviving soldiers fell back towards Ariha.",
        "Government troops fell back from Ariha on Sunday.",
    ],
)
def test_falling_back_is_a_withdrawal(body: str) -> None:
    assert "withdrawal" in {e.type for e in _run(body, "en").events}


def test_falling_back_into_hands_is_no_withdrawal() -> None:
    events = _run("Ariha fell back into government hands on Sunday.", "en").events
    assert "withdrawal" not in {e.type for e in events}


def test_a_withdrawal_towards_a_described_town_gives_it_to_nobody() -> None:
    body = (
        "L'armée est entrée dimanche dans Yabroud : la plupart des rebelles s'étaient retirés "
        "ces derniers jours vers la localité voisine de Sadad."
    )
    assert "Sadad" not in {c.place_name for c in _run(body, "fr").claims}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Près de Haditha, soldats et jihadistes se sont encore affrontés samedi.", "fr"),
        (
            "Pendant plusieurs heures, les assaillants se sont heurtés aux forces irakiennes près "
            "de Haditha.",
            "fr",
        ),
        ("Les hommes du village ont ouvert le feu et les ont repoussés près de Haditha.", "fr"),
        ("Les peshmergas ont repoussé les assaillants près de Makhmour.", "fr"),
        ("They tried to reach the bridges near Tal Tamr last night and were beaten back.", "en"),
        ("Kurdish fighters held the jihadists off at the nearby town of Tal Tamr.", "en"),
    ],
)
def test_fighting_in_other_words_is_a_clash(body: str, lang: str) -> None:
    assert "armed_clash" in {e.type for e in _run(body, lang).events}


def test_a_side_battling_another_is_the_agent_not_a_passive() -> None:
    body = "Kurdish fighters were still battling Islamic State around Tal Tamr."
    clash = next(e for e in _run(body, "en").events if e.type == "armed_clash")
    roles = {a.side: a.role for a in clash.actors}
    assert roles == {"sdf": "agent", "isis": "patient"}


@pytest.mark.parametrize(
    "body",
    [
        "L'artillerie pilonnait les abords de Haditha.",
        "Les jihadistes pilonnaient les lignes kurdes près d'Erbil.",
    ],
)
def test_pounding_told_in_the_imperfect_is_shelling(body: str) -> None:
    assert "shelling" in {e.type for e in _run(body, "fr").events}


@pytest.mark.parametrize(
    ("body", "lang", "day"),
    [
        ("The offensive, launched on Oct. 17, has reached Bartella.", "en", date(2017, 10, 17)),
        (
            "It was the latest gain in an offensive the PMF launched on May 12 near Sinjar.",
            "en",
            date(2017, 5, 12),
        ),
        (
            "The rebel offensive, which began on July 31, broke the siege of Aleppo.",
            "en",
            date(2017, 7, 31),
        ),
        ("L'offensive, lancée le 17 octobre, a atteint Bartella.", "fr", date(2017, 10, 17)),
        (
            "Quelques jours après le lancement, samedi, d'une vaste offensive près de Deraa, "
            "l'armée a avancé.",
            "fr",
            date(2017, 11, 4),
        ),
    ],
)
def test_an_offensive_told_with_its_day_is_an_assault_on_that_day(
    body: str, lang: str, day: date
) -> None:
    assert day in {e.date for e in _run(body, lang).events if e.type == "assault"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The army pressed an offensive north of Aleppo.", "en"),
        ("Les FDS mènent leur propre offensive contre les jihadistes près de Hajin.", "fr"),
        ("Au septième jour de leur offensive contre Raqqa, les FDS progressent.", "fr"),
    ],
)
def test_an_offensive_pressed_or_waged_is_an_assault(body: str, lang: str) -> None:
    assert "assault" in {e.type for e in _run(body, lang).events}


@pytest.mark.parametrize(
    "body",
    [
        "Mais de nombreuses familles ont pris la route de Kirkouk.",
        "« Nous avons pris les enfants et marché jusqu'à Tabqa », raconte une mère de famille.",
    ],
)
def test_taking_the_road_or_the_children_takes_no_place(body: str) -> None:
    result = _run(body, "fr")
    assert "capture" not in {e.type for e in result.events}
    assert result.claims == ()


def test_taking_flight_is_a_withdrawal() -> None:
    result = _run("Les jihadistes ont pris la fuite vers Hajin.", "fr")
    assert [e.type for e in result.events] == ["withdrawal"]
    assert result.claims == ()


def test_fighters_in_captured_vehicles_capture_no_town() -> None:
    body = (
        "The assault began before dawn on Monday, when dozens of fighters in captured army "
        "Humvees attacked Sinjar."
    )
    result = _run(body, "en")
    assert "capture" not in {e.type for e in result.events}
    assert result.claims == ()


@pytest.mark.parametrize(
    ("body", "day"),
    [
        (
            "L'armée et le Hezbollah ont pris en début de semaine le village de Sadad.",
            date(2017, 11, 6),
        ),
        ("Les rebelles ont pris dans la nuit le village de Sadad.", date(2017, 11, 10)),
    ],
)
def test_a_time_of_day_between_the_verb_and_the_village(body: str, day: date) -> None:
    claims = [(c.place_name, c.valid_from) for c in _run(body, "fr").claims]
    assert [name for name, _ in claims] == ["Sadad"]
    assert claims[0][1] <= day


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Lancée vendredi par l'armée et les milices, l'offensive a atteint Haditha.", "fr"),
        ("Les insurgés ont tenté mercredi de reprendre Sadad à l'armée.", "fr"),
        ("Les jihadistes y ont ensuite donné l'assaut près de Hajin.", "fr"),
        ("Launched on March 2 with some 30,000 men, the offensive reached Tikrit.", "en"),
        ("Militants have tried to break through the perimeter of Haditha several times.", "en"),
        ("Islamic State militants pressed their attack on the northern side of Sinjar.", "en"),
    ],
)
def test_an_attack_launched_pressed_or_attempted_is_an_assault(body: str, lang: str) -> None:
    result = _run(body, lang)
    assert "assault" in {e.type for e in result.events}
    assert result.claims == ()


def test_an_effort_going_on_is_told_with_the_fighting_not_as_an_assault() -> None:
    body = (
        "Les combats se poursuivaient samedi à Albou Kamal, que les forces du régime tentent de "
        "reprendre."
    )
    assert "assault" not in {e.type for e in _run(body, "fr").events}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Both sides have been preparing for weeks for a battle over Sadad.", "en"),
        ("The coming battle for Raqqa will be long.", "en"),
        ("Les combats les plus durs nous attendent à Hajin.", "fr"),
    ],
)
def test_a_battle_to_come_is_no_event(body: str, lang: str) -> None:
    assert _run(body, lang).events == ()


def test_troops_coming_from_a_city_still_attack() -> None:
    events = _run("Troops coming from Baghdad attacked Haditha on Sunday.", "en").events
    assert "armed_clash" in {e.type for e in events}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les avions de la coalition ont frappé jeudi soir les positions jihadistes près de "
            "Hajin.",
            "fr",
        ),
        ("La coalition avait frappé des dizaines de positions de l'EI autour de Makhmour.", "fr"),
        ("Les aviations syrienne et russe multipliaient les raids sur Sadad.", "fr"),
        ("Coalition aircraft hit militant positions around Haditha before the assault.", "en"),
    ],
)
def test_positions_struck_are_an_air_strike(body: str, lang: str) -> None:
    assert "air_strike" in {e.type for e in _run(body, lang).events}


def test_a_crisis_that_struck_families_is_no_strike() -> None:
    assert _run("La crise a frappé les familles de Sadad.", "fr").events == ()
