"""Common wire-copy constructions of control, one sentence each, in invented French and English
sentences (none taken from the corpus)."""

from __future__ import annotations

from datetime import date

import pytest
from builders import article, places_in

from dashboard.events.extract import extract

PUB = date(2017, 11, 10)  # a Friday


def _claims(body: str, lang: str) -> set[tuple[str, str, str]]:
    doc = article(body, lang, PUB)
    return {(c.place_name, c.side, c.kind) for c in extract(doc, places_in(doc)).claims}


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # a place falls to the side named after the preposition, whoever comes before
        ("Ramadi fell to Islamic State fighters on Sunday.", "en", ("Ramadi", "isis", "full")),
        (
            "After weeks of clashes with the army, Hit fell to the militants of Islamic State.",
            "en",
            ("Hit", "isis", "full"),
        ),
        (
            "Ramadi est tombée aux mains de l'État islamique dimanche.",
            "fr",
            ("Ramadi", "isis", "full"),
        ),
        (
            "Rawa est passée sous le contrôle des forces irakiennes jeudi.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
        # raising a flag over a place
        (
            "Syrian troops raised the national flag over Palmyra on Thursday.",
            "en",
            ("Palmyra", "syrian_government", "full"),
        ),
        (
            "Les FDS ont hissé leur drapeau sur Tabqa mardi.",
            "fr",
            ("Tabqa", "sdf", "full"),
        ),
        # a place lost to a named side
        (
            "Iraqi forces lost Sinjar to Islamic State on Monday.",
            "en",
            ("Sinjar", "isis", "full"),
        ),
        (
            "L'armée syrienne a perdu Palmyre au profit de l'EI lundi.",
            "fr",
            ("Palmyre", "isis", "full"),
        ),
        # holds: hyphenated holder, "under X control", "under its control"
        (
            "Islamic State-held Abu Kamal came under air attack on Thursday.",
            "en",
            ("Abu Kamal", "isis", "full"),
        ),
        (
            "The SDF said Raqqa was now fully under its control.",
            "en",
            ("Raqqa", "sdf", "full"),
        ),
        (
            "Tal Afar est désormais sous le contrôle des forces irakiennes.",
            "fr",
            ("Tal Afar", "iraqi_forces", "full"),
        ),
        # a place named in the sentence before, taken by a pronoun subject
        (
            "Iraqi forces launched an offensive on Anah on Monday. "
            "They retook the town on Tuesday.",
            "en",
            ("Anah", "iraqi_forces", "full"),
        ),
        (
            "Les forces irakiennes ont lancé l'assaut sur Anah lundi. Elles ont repris la ville "
            "mardi.",
            "fr",
            ("Anah", "iraqi_forces", "full"),
        ),
        # other verbs and phrases of control
        ("Iraqi forces have secured Anah after a battle.", "en", ("Anah", "iraqi_forces", "full")),
        ("Les forces irakiennes ont sécurisé Anah.", "fr", ("Anah", "iraqi_forces", "full")),
        ("Les forces irakiennes ont pris Rawa vendredi.", "fr", ("Rawa", "iraqi_forces", "full")),
        ("Iraqi forces took back Rawa on Friday.", "en", ("Rawa", "iraqi_forces", "full")),
        ("Islamic State has been driven from Anah.", "en", ("Anah", "iraqi_forces", "full")),
        ("Islamic State still occupies Hajin.", "en", ("Hajin", "isis", "full")),
        ("L'EI occupe toujours Hajin.", "fr", ("Hajin", "isis", "full")),
        ("Hajin remains in the hands of Islamic State.", "en", ("Hajin", "isis", "full")),
        ("Anah is back in Islamic State hands.", "en", ("Anah", "isis", "full")),
        (
            "The SDF announced the full liberation of Raqqa on Friday.",
            "en",
            ("Raqqa", "sdf", "full"),
        ),
        # a definite subject standing for the town named before
        (
            "Iraqi forces launched an assault on Rawa on Thursday. By nightfall the town had "
            "been retaken.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
        (
            "Les forces irakiennes ont lancé l'assaut sur Rawa jeudi. La ville a été reprise "
            "dans la soirée.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
        (
            "Syrian troops entered Mayadin on Tuesday. The army said the city was fully under "
            "its control on Wednesday.",
            "en",
            ("Mayadin", "syrian_government", "full"),
        ),
        # a town that fell, with a time after the verb
        ("Rawa fell on Friday.", "en", ("Rawa", "iraqi_forces", "full")),
        ("Hit fell in June after a long siege.", "en", ("Hit", "iraqi_forces", "full")),
        # Kurdish forces: the SDF in Syria, the peshmerga in Iraq
        ("Kurdish-led forces captured the town of Tabqa.", "en", ("Tabqa", "sdf", "full")),
        ("Les forces kurdes se sont emparées de Tabqa en mai.", "fr", ("Tabqa", "sdf", "full")),
        (
            "Kurdish forces retook Makhmour in Iraq on Monday.",
            "en",
            ("Makhmour", "peshmerga", "full"),
        ),
        # "be in control of": the subject holds
        (
            "Iraqi forces are in control of Rawa after a day of fighting.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
        # declared free of the side driven out, by the side that did it
        (
            "Rawa was declared free of Islamic State by the Iraqi army on Friday.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
        # a last stronghold retaken went from its holder to the government of its country
        (
            "The town of Rawa, Islamic State's last bastion in Iraq, was retaken on Friday.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
        (
            "Rawa, dernier bastion de l'EI en Irak, a été reprise vendredi.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
        # the town of the sentence before, under the control of those who entered it
        (
            "Les forces irakiennes sont entrées jeudi dans Rawa. Vendredi, la ville était "
            "entièrement sous leur contrôle.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
        (
            "Iraqi forces entered Rawa on Thursday. By Friday, the town was fully under their "
            "control.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
        # government hands: the government of the place's country
        ("Rawa and Anah are back in government hands.", "en", ("Anah", "iraqi_forces", "full")),
        (
            "Most of Mayadin was in government hands on Friday, a monitor said.",
            "en",
            ("Mayadin", "syrian_government", "partial"),
        ),
        # a main stronghold, not only a last one
        (
            "Islamic State fighters retreated east. Hajin remains the group's main stronghold.",
            "en",
            ("Hajin", "isis", "full"),
        ),
        (
            "Les jihadistes de l'EI ont reculé. Hajin reste le principal bastion du groupe.",
            "fr",
            ("Hajin", "isis", "full"),
        ),
        # a side confined to the places it has left
        (
            "Islamic State is now confined to a small pocket around Hajin.",
            "en",
            ("Hajin", "isis", "full"),
        ),
        (
            "Islamic State fighters retreated east. The group's remaining territory in Syria "
            "is limited to Hajin and Susah.",
            "en",
            ("Susah", "isis", "full"),
        ),
        ("L'EI est désormais cantonné à Hajin et Soussa.", "fr", ("Soussa", "isis", "full")),
        # a relative clause says who holds the place before it
        ("Hajin, which Islamic State still holds, was shelled.", "en", ("Hajin", "isis", "full")),
        (
            "Les FDS ont repris trois villages sans parvenir à entrer dans Hajin, que l'EI "
            "contrôle toujours.",
            "fr",
            ("Hajin", "isis", "full"),
        ),
        # a negated state restricted to the places it excepts
        (
            "Islamic State no longer controls any town in Iraq except Rawa.",
            "en",
            ("Rawa", "isis", "full"),
        ),
        (
            "L'EI ne contrôle plus aucune ville en Irak, à l'exception de Rawa.",
            "fr",
            ("Rawa", "isis", "full"),
        ),
        ("Islamic State holds no town apart from Hajin.", "en", ("Hajin", "isis", "full")),
        # more ways to say it changed hands or is held
        (
            "Rawa est passée vendredi sous contrôle gouvernemental.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
        (
            "Les troupes ont achevé de reprendre Rawa vendredi.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
        ("Hajin demeure sous l'emprise de l'EI.", "fr", ("Hajin", "isis", "full")),
        (
            "Iraqi forces wrested Rawa from Islamic State on Friday.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
        # dislodging a side from a place
        (
            "Syrian troops dislodged Islamic State from Mayadin on Saturday.",
            "en",
            ("Mayadin", "syrian_government", "full"),
        ),
        (
            "L'armée syrienne a délogé l'EI de Mayadin samedi.",
            "fr",
            ("Mayadin", "syrian_government", "full"),
        ),
        # more verbs of taking, and keeping
        ("Iraqi troops reclaimed Rawa on Friday.", "en", ("Rawa", "iraqi_forces", "full")),
        (
            "Les forces irakiennes ont mis la main sur Rawa vendredi.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
        ("Islamic State retains control of Hajin.", "en", ("Hajin", "isis", "full")),
        # a stronghold in apposition belongs to the side that names it
        (
            "Hajin, an Islamic State stronghold, was bombed on Friday.",
            "en",
            ("Hajin", "isis", "full"),
        ),
        ("Hajin, bastion de l'EI, a été bombardée vendredi.", "fr", ("Hajin", "isis", "full")),
    ],
)
def test_construction_gives_its_claim(body: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in _claims(body, lang)


def test_under_a_named_side_control_names_the_holder_not_the_attacker() -> None:
    claims = _claims("Iraqi forces attacked Hit, under Islamic State control since 2014.", "en")
    assert ("Hit", "isis", "full") in claims
    assert not any(side == "iraqi_forces" for _, side, _ in claims)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Islamic State lost control of Palmyra on Thursday.", "en"),
        ("Les jihadistes ont perdu le contrôle de Palmyre jeudi.", "fr"),
    ],
)
def test_losing_control_is_no_hold_by_the_loser(body: str, lang: str) -> None:
    assert not any(side == "isis" for _, side, _ in _claims(body, lang))


@pytest.mark.parametrize(
    ("body", "lang", "place"),
    [
        ("Hit, the last town held by Islamic State in the valley, fell on Monday.", "en", "Hit"),
        ("Palmyra, a city held by Islamic State since May, fell overnight.", "en", "Palmyra"),
    ],
)
def test_a_place_that_fell_went_from_its_holder(body: str, lang: str, place: str) -> None:
    doc = article(body, lang, PUB)
    claims = extract(doc, places_in(doc)).claims
    assert not any(c.side == "isis" and c.place_name == place for c in claims)
    gained = [c for c in claims if c.place_name == place]
    assert gained and all(c.extra.get("loser") == "isis" for c in gained)


def test_an_enclave_held_is_part_of_the_place() -> None:
    claims = _claims("Islamic State besieged the government-held enclave of Mayadin.", "en")
    assert claims == {("Mayadin", "syrian_government", "partial")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Iraqi forces drove from Haditha towards Rawa on Monday.", "en"),
        ("The bodies of two soldiers were recovered Monday near Anah.", "en"),
        ("L'ONG qui s'occupe des déplacés de Mossoul a lancé un appel.", "fr"),
        ("Islamic State fighters remained holed up in a few farms near Mayadin.", "en"),
        ("A rocket fell on a school in Rawa.", "en"),
        ("Prices fell in Rawa last week.", "en"),
        (
            "Fighting went on in Rawa. The town centre had been taken by Monday, they said.",
            "en",
        ),
        ("The army's losses were limited to Hajin.", "en"),
        ("Islamic State no longer controls Rawa.", "en"),
        # a place the side did not get to is not taken
        ("The SDF retook several villages from the militants without reaching Hajin.", "en"),
        ("Iraqi troops retook two villages, stopping short of Rawa.", "en"),
        ("Fighting was confined to the outskirts of Hajin.", "en"),
        ("Les combats se sont limités aux abords de Hajin.", "fr"),
    ],
)
def test_look_alikes_give_no_claim(body: str, lang: str) -> None:
    assert _claims(body, lang) == set()


def test_the_country_across_a_border_does_not_say_whose_troops_these_are() -> None:
    body = (
        "Les forces du régime syrien sont entrées mercredi dans Abu Kamal, dernière ville tenue "
        "par l'EI, à la frontière avec l'Irak.\n\nSelon une ONG, les troupes ont pénétré dans "
        "les quartiers sud de la localité."
    )
    sides = {side for _, side, _ in _claims(body, "fr")}
    assert "iraqi_forces" not in sides
    assert "syrian_government" in sides


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "elles" is feminine: the Forces, not the jihadistes named after them
        (
            "Les FDS ont pris Tabqa aux jihadistes. Elles contrôlent aussi Manbij.",
            ("Manbij", "sdf", "full"),
        ),
        # "ils" is masculine: the jihadistes, not the forces that drove them out
        (
            "Les forces irakiennes ont chassé les jihadistes de Hit. Ils tiennent encore Rawa.",
            ("Rawa", "isis", "full"),
        ),
    ],
)
def test_a_french_pronoun_agrees_in_gender_with_its_antecedent(body, expected):
    assert expected in _claims(body, "fr")


def test_the_division_holding_the_last_towns_is_held_in_part() -> None:
    doc = article(
        "Rawa est l'une des trois dernières localités de la province d'Anbar encore aux mains "
        "de l'EI.",
        "fr",
        PUB,
    )
    anbar = [c for c in extract(doc, places_in(doc)).claims if c.place_id == "gn:99592"]
    assert anbar and all((c.side, c.kind) == ("isis", "partial") for c in anbar)


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Après Mossoul, reprise en juillet, et Tal Afar, tombée fin août, l'armée vise "
            "désormais Hawija.",
            "fr",
            {("Mossoul", date(2017, 7, 1)), ("Tal Afar", date(2017, 8, 21))},
        ),
        (
            "Troops recaptured Hit on Oct. 20, while Rawa, retaken in April, is now calm.",
            "en",
            {("Hit", date(2017, 10, 20)), ("Rawa", date(2017, 4, 1))},
        ),
    ],
)
def test_two_captures_of_one_sentence_keep_their_own_dates(body, lang, expected):
    """Each capture is its own event, on its own day, about the place it describes."""
    doc = article(body, lang, PUB)
    found = extract(doc, places_in(doc)).events
    main = {(e.places[0].name, e.date) for e in found if e.type == "capture"}
    assert main == expected


def test_a_list_goes_on_past_an_abbreviated_month():
    """ "on Sept. 21 and Rawa on Nov. 17": the period of "Sept." does not end the list."""
    doc = article("Iraqi forces retook Anah on Sept. 21 and Rawa on Nov. 17.", "en", PUB)
    found = {(c.place_name, c.valid_from) for c in extract(doc, places_in(doc)).claims}
    assert found == {("Anah", date(2017, 9, 21)), ("Rawa", date(2017, 11, 17))}


def test_the_rest_of_a_place_goes_only_to_a_side_named_close_by() -> None:
    """ "IS holds 10 % of Raqqa": the other 90 % is not given to a government named three
    paragraphs earlier, nor to one of another country."""
    body = (
        "Iraqi forces retook Anah in September. "
        + "The campaign has been long and costly for the troops involved. " * 5
        + "In Raqqa, Islamic State is now confined to about 10 % of the city."
    )
    found = _claims(body, "en")
    assert ("Raqqa", "isis", "partial") in found
    assert all(place != "Raqqa" or side == "isis" for place, side, _ in found)


@pytest.mark.parametrize(
    ("body", "lang", "place", "day"),
    [
        # counted back from the day of the sentence to the event it introduces
        (
            "Iraqi forces retook Rawa on Friday, a day after they entered Anah.",
            "en",
            "Anah",
            date(2017, 11, 9),
        ),
        (
            "Syrian troops declared victory in Mayadin on Friday, three days after they "
            "captured Hajin.",
            "en",
            "Hajin",
            date(2017, 11, 7),
        ),
        # counted on from the last day named
        (
            "Iraqi forces entered Anah on Oct. 2. Two days later, they retook Rawa.",
            "en",
            "Rawa",
            date(2017, 10, 4),
        ),
        (
            "Les forces irakiennes ont pris Kirkouk le 16 octobre aux peshmergas, qui se sont "
            "retirés de Sinjar le lendemain.",
            "fr",
            "Sinjar",
            date(2017, 10, 17),
        ),
        # counted back from the last day named
        (
            "Iraqi forces entered Rawa on Thursday. Three days earlier they had retaken Anah.",
            "en",
            "Anah",
            date(2017, 11, 6),
        ),
        (
            "Les forces irakiennes sont entrées jeudi dans Rawa. La veille, elles avaient "
            "repris Anah.",
            "fr",
            "Anah",
            date(2017, 11, 8),
        ),
        (
            "Les forces irakiennes ont repris Rawa jeudi. Anah était tombée une semaine plus tôt.",
            "fr",
            "Anah",
            date(2017, 11, 2),
        ),
        # "the day before" a clause dates nothing back: the clause's event came after
        (
            "Iraqi forces retook Rawa on Thursday, the day before the Syrian army entered "
            "Abu Kamal.",
            "en",
            "Rawa",
            date(2017, 11, 9),
        ),
        # weeks count like days, to the week
        (
            "Iraqi forces retook Rawa on Friday. The gain comes two weeks after the recapture "
            "of Anah.",
            "en",
            "Anah",
            date(2017, 10, 27),
        ),
        # the day after a counted phrase belongs to the main verb, not the one introduced
        (
            "Deux jours après la prise d'Anah, samedi, les troupes ont repris Rawa.",
            "fr",
            "Rawa",
            date(2017, 11, 4),
        ),
        (
            "Deux jours après la prise d'Anah, samedi, les troupes ont repris Rawa.",
            "fr",
            "Anah",
            date(2017, 11, 2),
        ),
    ],
)
def test_a_day_counted_from_another_date(body, lang, place, day):
    doc = article(body, lang, PUB)
    found = {(c.place_name, c.valid_from) for c in extract(doc, places_in(doc)).claims}
    assert (place, day) in found


def test_a_day_counted_back_dates_only_the_event_it_introduces():
    """ "au lendemain du lancement de l'offensive, a annoncé X": the announcement is not
    the day before the capture."""
    body = (
        "Les peshmergas ont repris vendredi Sinjar, au lendemain du lancement de "
        "l'offensive, a annoncé le gouvernement régional."
    )
    doc = article(body, "fr", PUB)
    events = extract(doc, places_in(doc)).events
    dated = {e.type: e.date for e in events}
    assert dated.get("capture") == date(2017, 11, 10)
    assert dated.get("announcement") == date(2017, 11, 10)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("In Raqqa, the group's former Syrian stronghold, Islamic State is now absent.", "en"),
        ("Raqqa, ancien bastion de l'EI, se reconstruit lentement.", "fr"),
    ],
)
def test_a_former_stronghold_is_held_no_more(body: str, lang: str) -> None:
    assert not any(side == "isis" for _, side, _ in _claims(body, lang))


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # a side of the town is part of it
        (
            "Les forces gouvernementales tiennent la partie ouest de Mayadin.",
            "fr",
            ("Mayadin", "syrian_government", "partial"),
        ),
        (
            "Les forces irakiennes ont repris les quartiers est de Rawa vendredi.",
            "fr",
            ("Rawa", "iraqi_forces", "partial"),
        ),
        # reaching the centre of a town: inside, still fought over
        (
            "Iraqi forces reached the centre of Rawa on Friday.",
            "en",
            ("Rawa", "iraqi_forces", "contested"),
        ),
        (
            "Les forces irakiennes ont atteint le centre de Rawa vendredi.",
            "fr",
            ("Rawa", "iraqi_forces", "contested"),
        ),
    ],
)
def test_part_of_a_town_and_its_centre(
    body: str, lang: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _claims(body, lang)


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # a pronominal verb is active, whatever the auxiliary « être » before it
        ("L'EI s'est emparé de Rawa samedi.", "fr", ("Rawa", "isis", "full")),
        # "clear Z of Y": the passive subject is the place, the captor follows "by"
        (
            "Mayadin was cleared of Islamic State militants by Syrian troops on Saturday.",
            "en",
            ("Mayadin", "syrian_government", "full"),
        ),
        (
            "Rawa a été débarrassée de l'EI par l'armée irakienne vendredi.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
        # the holder inside a hyphenated participle after a copula
        (
            "Hajin is the last Islamic State-held town in the valley.",
            "en",
            ("Hajin", "isis", "full"),
        ),
    ],
)
def test_pronominal_and_place_object_verbs(body: str, lang: str, expected) -> None:
    assert expected in _claims(body, lang)


def test_a_cleared_province_with_no_captor_goes_to_nobody() -> None:
    body = "More than 3,000 square km of Homs province had been cleared of the group."
    assert _claims(body, "en") == set()


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Raqqa was Islamic State's last stronghold until October.", "en"),
        ("Islamic State held Raqqa until October.", "en"),
        ("Raqqa était le dernier bastion de l'EI jusqu'en octobre.", "fr"),
    ],
)
def test_a_hold_the_clause_ends_is_no_hold_now(body: str, lang: str) -> None:
    assert not any(side == "isis" for _, side, _ in _claims(body, lang))


def test_a_hold_until_now_still_holds() -> None:
    assert ("Raqqa", "isis", "full") in _claims("Islamic State has held Raqqa until now.", "en")


def test_a_day_inside_the_counted_phrase_is_the_day_of_its_event():
    """ "Two weeks after the fall of Hit on Oct. 2": Oct. 2 is the fall, not the anchor."""
    body = "Two weeks after the fall of Hit on Oct. 2, the army retook Rawa."
    doc = article(body, "en", PUB)
    found = {(c.place_name, c.valid_from) for c in extract(doc, places_in(doc)).claims}
    assert ("Hit", date(2017, 10, 2)) in found


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("A few months ago, Iraqi forces drove the group out of Mosul.", "en"),
        ("Quelques mois plus tôt, les forces irakiennes avaient chassé l'EI de Mossoul.", "fr"),
    ],
)
def test_a_vague_past_is_months_back_not_today(body: str, lang: str) -> None:
    doc = article(body, lang, PUB)
    claims = extract(doc, places_in(doc)).claims
    assert [c.valid_from for c in claims] == [date(2017, 8, 1)]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Fighters of Islamic State retook Rawa on Friday.", "en"),
        ("Les combattants de l'EI ont repris Rawa vendredi.", "fr"),
        ("Les combattants de Daech ont repris Rawa vendredi.", "fr"),
    ],
)
def test_the_group_its_fighters_belong_to_is_the_subject(body: str, lang: str) -> None:
    assert _claims(body, lang) == {("Rawa", "isis", "full")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Mosul was retaken in July, and Tal Afar in August.", "en"),
        ("Mossoul a été reprise en juillet, puis Tal Afar en août.", "fr"),
    ],
)
def test_a_gapped_conjunct_repeats_the_passive_with_its_own_date(body: str, lang: str) -> None:
    doc = article(body, lang, PUB)
    found = {(c.place_id, c.side, c.valid_from) for c in extract(doc, places_in(doc)).claims}
    assert ("gn:99072", "iraqi_forces", date(2017, 7, 1)) in found  # Mosul
    assert ("gn:93875", "iraqi_forces", date(2017, 8, 1)) in found  # Tal Afar


def test_a_place_back_in_government_hands_is_the_government_s() -> None:
    body = "Rawa is back in government hands after three years of Islamic State rule."
    assert _claims(body, "en") == {("Rawa", "iraqi_forces", "full")}


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Iraqi forces freed Rawa from Islamic State on Friday.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
        (
            "Iraqi forces flushed Islamic State out of Rawa on Friday.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
        ("Iraqi troops marched into Rawa on Friday.", "en", ("Rawa", "iraqi_forces", "contested")),
        (
            "The peshmerga handed over Sinjar to Iraqi forces on Tuesday.",
            "en",
            ("Sinjar", "iraqi_forces", "full"),
        ),
        (
            "Les peshmergas ont cédé Sinjar aux forces irakiennes mardi.",
            "fr",
            ("Sinjar", "iraqi_forces", "full"),
        ),
        (
            "Les forces irakiennes ont purgé Rawa des jihadistes vendredi.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
        (
            "Les forces irakiennes ont fait tomber Rawa vendredi.",
            "fr",
            ("Rawa", "iraqi_forces", "full"),
        ),
    ],
)
def test_more_verbs_of_taking_giving_up_and_entering(body: str, lang: str, expected) -> None:
    assert expected in _claims(body, lang)


def test_freeing_people_takes_no_place() -> None:
    assert _claims("Iraqi forces freed hostages held in Rawa on Friday.", "en") == set()


@pytest.mark.parametrize(
    "body",
    [
        "De violents combats se déroulaient vendredi dans Rawa, où sont entrées les forces "
        "irakiennes.",
        "Les combats font rage à Rawa, où ont pénétré jeudi les troupes irakiennes.",
    ],
)
def test_a_relative_with_its_subject_after_the_verb(body: str) -> None:
    assert ("Rawa", "iraqi_forces", "contested") in _claims(body, "fr")


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("Islamic State fighters are still entrenched in Hajin.", "en", ("Hajin", "isis", "full")),
        (
            "Les jihadistes de l'EI sont toujours retranchés à Hajin.",
            "fr",
            ("Hajin", "isis", "full"),
        ),
        ("Islamic State fighters remain holed up in Hajin.", "en", ("Hajin", "isis", "full")),
        ("Abu Kamal est toujours entre les mains de l'EI.", "fr", ("Abu Kamal", "isis", "full")),
        (
            "Islamic State's remaining territory in Syria includes Abu Kamal and Hajin.",
            "en",
            ("Hajin", "isis", "full"),
        ),
    ],
)
def test_states_of_holding_out(body: str, lang: str, expected) -> None:
    assert expected in _claims(body, lang)


def test_fighters_holed_up_then_driven_out_hold_nothing() -> None:
    body = "The last militants holed up in Hajin were driven out on Friday."
    assert not any(side == "isis" for _, side, _ in _claims(body, "en"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a temporal "après la reprise de Z par Y" is no topic: it says who took Z
        (
            "Après la reprise de Rawa par les forces irakiennes, l'EI ne contrôle plus aucune "
            "ville en Irak.",
            ("Rawa", "iraqi_forces", "full"),
        ),
        # the auxiliary of the first verb serves the participle coordinated with it
        (
            "L'EI a lancé une contre-offensive et repris une grande partie d'Abu Kamal.",
            ("Abu Kamal", "isis", "partial"),
        ),
    ],
)
def test_french_after_clauses_and_shared_auxiliaries(body: str, expected) -> None:
    assert expected in _claims(body, "fr")


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State lost its last significant town in Syria, Abu Kamal, in "
            "mid-October, and Iraqi forces retook Rawa, its final stronghold in Iraq, on Nov. 3.",
            "en",
        ),
        (
            "L'EI a perdu sa dernière ville importante en Syrie, Abu Kamal, à la mi-octobre, "
            "et les forces irakiennes ont repris Rawa, son dernier bastion, le 3 novembre.",
            "fr",
        ),
    ],
)
def test_a_date_across_a_new_clause_is_not_the_nearest(body: str, lang: str) -> None:
    doc = article(body, lang, PUB)
    found = {(c.place_name, c.valid_from) for c in extract(doc, places_in(doc)).claims}
    assert ("Rawa", date(2017, 11, 3)) in found


@pytest.mark.parametrize(
    ("body", "lang", "place"),
    [
        ("L'EI tient encore plusieurs villages autour de Hajin.", "fr", "Hajin"),
        ("Islamic State still holds villages around Hajin.", "en", "Hajin"),
        ("Islamic State still controls the countryside of Hajin.", "en", "Hajin"),
    ],
)
def test_the_countryside_around_a_town_is_a_share_of_it_not_the_town(
    body: str, lang: str, place: str
) -> None:
    assert (place, "isis", "partial") in _claims(body, lang)
    assert (place, "isis", "full") not in _claims(body, lang)


def test_the_last_locality_in_a_side_s_hands_is_held_by_it() -> None:
    body = "Les troupes irakiennes progressent vers Rawa, dernière localité aux mains de l'EI."
    assert ("Rawa", "isis", "full") in _claims(body, "fr")


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Troops moved towards Anah, where Islamic State fighters are dug in.", "en"),
        ("Les troupes avancent vers Anah, où les jihadistes de l'EI sont retranchés.", "fr"),
    ],
)
def test_a_destination_where_the_group_is_dug_in_is_held_by_it(body: str, lang: str) -> None:
    assert ("Anah", "isis", "full") in _claims(body, lang)


def test_clearing_the_last_pockets_of_a_city_takes_all_of_it() -> None:
    body = "The SDF cleared the last pockets of Islamic State militants from Raqqa on Tuesday."
    assert ("Raqqa", "sdf", "full") in _claims(body, "en")


def test_a_pronoun_after_the_subject_of_its_own_sentence_stands_for_that_subject() -> None:
    body = (
        "U.S.-backed Syrian fighters said Tuesday they had taken full control of Raqqa. The "
        "SDF had entered the city in June. Meanwhile Syrian government troops pressed their "
        "offensive in Deir ez-Zor province, where they captured the town of Mayadin."
    )
    claims = _claims(body, "en")
    assert ("Mayadin", "syrian_government", "full") in claims
    assert ("Mayadin", "sdf", "full") not in claims


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "The army declared victory over the militants in Abu Kamal on Thursday.",
            "en",
            ("Abu Kamal", "syrian_government", "full"),
        ),
        (
            "L'armée a proclamé la victoire sur l'EI à Albou Kamal jeudi.",
            "fr",
            ("Albou Kamal", "syrian_government", "full"),
        ),
        # a day between the verb and the victory; a qualifier before the place noun
        (
            "Le Premier ministre irakien a proclamé jeudi la victoire à Tal Afar.",
            "fr",
            ("Tal Afar", "iraqi_forces", "full"),
        ),
        (
            "Iraqi forces declared victory over the militants in the western district of Rawa.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
    ],
)
def test_a_side_that_declares_victory_in_a_town_holds_it(body: str, lang: str, expected) -> None:
    assert expected in _claims(body, lang)


def test_a_victory_in_a_debate_takes_nothing() -> None:
    assert (
        _claims("Islamic State said it declared victory in the debate on Thursday.", "en") == set()
    )


def test_a_relative_after_a_locating_province_is_about_the_town() -> None:
    body = (
        "L'armée syrienne a repris mardi Palmyre, dans la province de Homs, que l'EI avait "
        "reconquise samedi."
    )
    claims = _claims(body, "fr")
    assert ("Palmyre", "isis", "full") in claims
    assert not any(place == "province de Homs" for place, *_ in claims)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Les troupes irakiennes progressent dans Rawa.", "fr"),
        ("Iraqi troops are advancing inside Rawa.", "en"),
    ],
)
def test_advancing_inside_a_town_contests_it(body: str, lang: str) -> None:
    assert ("Rawa", "iraqi_forces", "contested") in _claims(body, lang)


def test_talks_that_progress_are_no_fighting() -> None:
    doc = article("Les négociations progressent dans le calme.", "fr", PUB)
    assert extract(doc, places_in(doc)).events == ()


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Il ne reste plus aux jihadistes dans le pays que Rawa et la région frontalière "
            "d'Akashat.",
            "fr",
            {("Rawa", "isis", "full"), ("Akashat", "isis", "full")},
        ),
        (
            "Islamic State is now left with only Hajin and a few villages near the border.",
            "en",
            {("Hajin", "isis", "full")},
        ),
    ],
)
def test_what_is_left_to_a_side_it_holds(body: str, lang: str, expected) -> None:
    assert expected <= _claims(body, lang)


def test_what_is_no_longer_left_is_not_held() -> None:
    assert _claims("Il ne reste plus rien à l'EI à Rawa.", "fr") == set()


def test_a_pocket_apposed_to_a_town_is_held_by_the_side_named_in_it() -> None:
    body = (
        "Syrian troops launched an offensive on Thursday to dislodge Islamic State from Hajin, "
        "one of two pockets still under the group's control, a monitor said."
    )
    assert ("Hajin", "isis", "full") in _claims(body, "en")


def test_an_event_reported_by_a_dated_statement_takes_the_statement_s_day() -> None:
    body = (
        "Islamic State fighters stormed back into much of Mayadin on Friday, three days after "
        "the army announced it had captured the town."
    )
    doc = article(body, "en", PUB)
    claims = {
        (c.place_name, c.side, c.kind, c.valid_from) for c in extract(doc, places_in(doc)).claims
    }
    assert ("Mayadin", "syrian_government", "full", date(2017, 11, 7)) in claims
    assert all(c[3] != PUB for c in claims if c[1] == "syrian_government")


def test_a_verb_without_a_date_takes_the_day_of_its_own_clause() -> None:
    body = "Des combats opposaient samedi l'armée aux jihadistes aux abords de Hajin."
    doc = article(body, "fr", PUB)
    claims = {
        (c.place_name, c.side, c.kind, c.valid_from) for c in extract(doc, places_in(doc)).claims
    }
    assert claims == {("Hajin", "syrian_government", "contested", date(2017, 11, 4))}


@pytest.mark.parametrize("part", ["outskirts", "eastern districts", "old city"])
def test_a_part_named_by_a_possessive_is_a_share_of_the_town(part: str) -> None:
    body = f"Iraqi forces captured Hajin's {part} on Tuesday."
    assert _claims(body, "en") == {("Hajin", "iraqi_forces", "partial")}


def test_a_word_starting_like_to_does_not_name_the_captor() -> None:
    # "totale" opens with "to": the side named after it, much later, took nothing
    body = (
        "Les FDS ont annoncé vendredi la libération totale de Raqqa, trois jours après la fin des "
        "combats dans l'ancienne capitale de l'EI."
    )
    claims = _claims(body, "fr")
    assert ("Raqqa", "isis", "full") not in claims
    assert ("Raqqa", "sdf", "full") in claims


def test_things_taken_inside_a_place_are_a_share_of_it() -> None:
    body = (
        "Les FDS avancent dans la province de Hassaké, où elles ont repris plusieurs champs "
        "pétroliers mardi."
    )
    assert ("province de Hassaké", "sdf", "partial") in _claims(body, "fr")
    assert ("province de Hassaké", "sdf", "full") not in _claims(body, "fr")


def _dated_claims(body: str, lang: str) -> set[tuple[str, str, str, date]]:
    doc = article(body, lang, PUB)
    return {
        (c.place_name, c.side, c.kind, c.valid_from) for c in extract(doc, places_in(doc)).claims
    }


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Iraqi troops were advancing on Anah and Rawa from the east. The towns have been "
            "in the hands of Islamic State since 2014.",
            "en",
        ),
        (
            "Les troupes irakiennes avancent vers Anah et Rawa. Les deux villes sont aux mains "
            "de l'EI depuis 2014.",
            "fr",
        ),
    ],
)
def test_a_plural_subject_stands_for_the_towns_just_listed(body: str, lang: str) -> None:
    claims = _dated_claims(body, lang)
    assert ("Anah", "isis", "full", date(2014, 1, 1)) in claims
    assert ("Rawa", "isis", "full", date(2014, 1, 1)) in claims


def test_a_plural_subject_with_a_count_that_does_not_match_stands_for_nothing() -> None:
    body = (
        "Iraqi troops were advancing on Anah and Rawa. The three towns have been in the hands "
        "of Islamic State since 2014."
    )
    assert _dated_claims(body, "en") == set()


def test_a_since_date_after_the_state_dates_every_subject_before_it() -> None:
    body = "Rawa and Anah have been under Islamic State control since 2014."
    claims = _dated_claims(body, "en")
    assert {c[3] for c in claims} == {date(2014, 1, 1)}
    assert {c[0] for c in claims} == {"Rawa", "Anah"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State still holds a stretch of the valley between Anah and the border, "
            "including Rawa.",
            "en",
        ),
        (
            "L'EI tient encore une bande de territoire entre Anah et la frontière, dont Rawa.",
            "fr",
        ),
    ],
)
def test_a_place_an_object_includes_is_held_not_its_landmarks(body: str, lang: str) -> None:
    assert _claims(body, lang) == {("Rawa", "isis", "full")}


def test_the_day_of_a_statement_dates_the_events_it_reports() -> None:
    body = (
        "Syrian troops have regained full control of Mayadin after driving Islamic State out "
        "of the town, a commander said on Sunday."
    )
    doc = article(body, "en", PUB)
    found = extract(doc, places_in(doc))
    assert {e.date for e in found.events if e.type == "capture"} == {date(2017, 11, 5)}
    assert {c.valid_from for c in found.claims} == {date(2017, 11, 5)}


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Islamic State seized Hit in 2014. Iraqi forces retook it on Thursday.",
            "en",
            {("Hit", "isis", "full"), ("Hit", "iraqi_forces", "full")},
        ),
        (
            "The army entered Mayadin on Monday, but Islamic State fighters recaptured much of "
            "it on Thursday.",
            "en",
            {("Mayadin", "syrian_government", "contested"), ("Mayadin", "isis", "partial")},
        ),
        (
            "L'armée est entrée dans Mayadin lundi, mais les jihadistes l'ont reprise jeudi.",
            "fr",
            {("Mayadin", "syrian_government", "contested"), ("Mayadin", "isis", "full")},
        ),
    ],
)
def test_a_pronoun_object_of_a_capture_is_the_town_just_named(body, lang, expected) -> None:
    assert _claims(body, lang) == expected


def test_a_pronoun_for_a_thing_takes_no_town() -> None:
    body = "Iraqi forces captured a tank near Rawa and destroyed it on Thursday."
    assert _claims(body, "en") == set()


def test_the_kurds_who_held_a_town_are_its_holder_not_the_next_clause_s_army() -> None:
    body = (
        "Iraqi forces took control of Kirkuk on Monday. The Kurds had held Kirkuk since 2014, "
        "when the Iraqi army fled an Islamic State advance."
    )
    claims = _dated_claims(body, "en")
    assert ("Kirkuk", "peshmerga", "full", date(2014, 1, 1)) in claims
    assert not any(c[1] == "iraqi_forces" and c[3].year == 2014 for c in claims)


def test_a_holder_in_another_clause_holds_nothing() -> None:
    body = "Hajin has been held since 2014, when Islamic State swept across the valley."
    assert _claims(body, "en") == set()


def test_a_relative_on_a_town_noun_in_apposition_is_about_the_place() -> None:
    body = (
        "L'armée irakienne est arrivée jeudi à Sinjar, ville du nord-ouest du pays que les "
        "peshmergas ont quittée dans la nuit."
    )
    claims = _claims(body, "fr")
    assert {c[0] for c in claims} == {"Sinjar"}
    assert ("Sinjar", "peshmerga", "full") not in claims


def test_a_relative_on_the_town_dates_its_holder_from_since() -> None:
    body = (
        "Syrian troops reached Mayadin on Thursday. Russian jets struck positions inside the "
        "town, which has been under Islamic State control since 2014."
    )
    assert ("Mayadin", "isis", "full", date(2014, 1, 1)) in _dated_claims(body, "en")


def test_the_filing_day_of_a_dateline_with_its_agency_dates_no_event() -> None:
    body = (
        "BEYROUTH, 24 octobre 2017 (AFP) - Les FDS ont pris le contrôle de Tabqa, a annoncé "
        "dimanche l'alliance."
    )
    doc = article(body, "fr", date(2017, 10, 24))
    claims = extract(doc, places_in(doc)).claims
    assert {(c.place_name, c.valid_from) for c in claims} == {("Tabqa", date(2017, 10, 22))}


def test_a_place_lost_that_opens_on_a_lower_case_article_is_lost() -> None:
    body = "Islamic State lost al-Qaim, its stronghold on the border, on Friday."
    claims = _claims(body, "en")
    assert ("al-Qaim", "iraqi_forces", "full") in claims
    assert ("al-Qaim", "isis", "full") not in claims  # the stronghold it was, before the loss


def test_a_region_listed_after_a_town_is_held_whole() -> None:
    body = "Il ne reste plus aux jihadistes en Syrie que Hajin et la province de Homs."
    claims = _claims(body, "fr")
    assert ("province de Homs", "isis", "full") in claims


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "L'EI reste toutefois présent à Rawa et al-Qaim, plus à l'ouest.",
            "fr",
            {("Rawa", "isis", "partial"), ("al-Qaim", "isis", "partial")},
        ),
        ("Islamic State still has a presence in Hajin.", "en", {("Hajin", "isis", "partial")}),
        ("Islamic State has no presence in Hajin.", "en", set()),
    ],
)
def test_a_presence_is_a_share_not_control(body: str, lang: str, expected) -> None:
    assert _claims(body, lang) == expected


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Les forces irakiennes ont repris Anah mardi, cinq jours après le lancement d'une "
            "offensive contre l'EI.",
            "fr",
        ),
        (
            "Iraqi forces retook Anah on Tuesday, five days after the launch of an offensive "
            "against Islamic State.",
            "en",
        ),
    ],
)
def test_the_launch_of_an_offensive_is_an_assault_counted_back(body: str, lang: str) -> None:
    doc = article(body, lang, PUB)
    events = {(e.type, e.date) for e in extract(doc, places_in(doc)).events}
    assert ("assault", date(2017, 11, 2)) in events
    assert ("capture", date(2017, 11, 7)) in events


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("If Iraqi forces retake Rawa, the group will lose its last town in Iraq.", "en"),
        ("Si les forces irakiennes reprennent Rawa, l'EI perdra sa dernière ville.", "fr"),
    ],
)
def test_a_hypothesis_claims_nothing(body: str, lang: str) -> None:
    assert _claims(body, lang) == set()


def test_a_concession_is_said_as_fact() -> None:
    body = "L'EI a perdu Mayadin, même si le groupe conserve des positions à Hajin."
    assert ("Hajin", "isis", "full") in _claims(body, "fr")


def test_a_side_retreating_to_a_town_does_not_leave_it() -> None:
    body = "Islamic State militants retreated to Hajin after losing Mayadin on Saturday."
    claims = _claims(body, "en")
    assert ("Mayadin", "syrian_government", "full") in claims
    assert not any(c[0] == "Hajin" for c in claims)


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "The army said it had cleared al-Qaim of militants on Friday.",
            "en",
            ("al-Qaim", "iraqi_forces", "full"),
        ),
        (
            "Iraqi soldiers hoisted the national flag over the town hall in Rawa on Friday.",
            "en",
            ("Rawa", "iraqi_forces", "full"),
        ),
        (
            "SDF fighters were still battling Islamic State inside Raqqa on Monday.",
            "en",
            ("Raqqa", "sdf", "contested"),
        ),
        (
            "Les FDS combattent toujours l'EI à l'intérieur de Raqqa.",
            "fr",
            ("Raqqa", "sdf", "contested"),
        ),
    ],
)
def test_more_verbs_of_control(body: str, lang: str, expected) -> None:
    assert expected in _claims(body, lang)


def test_a_capture_noun_with_its_agent_before_the_town() -> None:
    body = (
        "Le régime a repris Mayadin jeudi. Cette conquête intervient moins d'une semaine après "
        "la reprise par les forces irakiennes de la ville d'al-Qaim."
    )
    claims = _dated_claims(body, "fr")
    assert ("al-Qaim", "iraqi_forces", "full", date(2017, 11, 2)) in claims


def test_reaching_the_outskirts_leaves_the_town_held() -> None:
    body = (
        "Iraqi troops on Sunday reached the eastern outskirts of Rawa, the last town in the "
        "country held by Islamic State."
    )
    claims = _claims(body, "en")
    assert ("Rawa", "iraqi_forces", "contested") in claims
    assert ("Rawa", "isis", "full") in claims


def test_a_past_stronghold_of_a_town_just_taken_is_held_no_more() -> None:
    body = (
        "Les forces du régime ont repris samedi la ville de Mayadin. Mayadin était considérée "
        "comme l'un des derniers bastions de l'EI."
    )
    claims = _claims(body, "fr")
    assert ("Mayadin", "syrian_government", "full") in claims
    assert ("Mayadin", "isis", "full") not in claims


def test_a_present_stronghold_is_still_held() -> None:
    body = "Les forces du régime ont repris samedi Mayadin. Hajin est le dernier bastion de l'EI."
    assert ("Hajin", "isis", "full") in _claims(body, "fr")


def test_the_rest_of_the_city_held_is_a_share() -> None:
    body = (
        "Syrian troops reached Mayadin on Tuesday. They are now pushing to take the rest of "
        "the city, which is controlled by Islamic State militants."
    )
    assert ("Mayadin", "isis", "partial") in _claims(body, "en")


def test_foreign_auxiliaries_named_by_nationality_do_not_move_the_fighting() -> None:
    body = (
        "The Syrian army drove Islamic State out of Mayadin on Sunday. Hezbollah and Iraqi "
        "Shi'ite militias fought alongside government troops. The army said it had captured "
        "the town."
    )
    claims = _claims(body, "en")
    assert ("Mayadin", "syrian_government", "full") in claims
    assert not any(c[1] == "iraqi_forces" for c in claims)


def test_regained_control_is_one_capture_not_a_state_as_of_publication() -> None:
    body = "Islamic State fighters had regained control of most of Mayadin on Nov. 4."
    doc = article(body, "en", PUB)
    claims = {(c.side, c.kind, c.valid_from) for c in extract(doc, places_in(doc)).claims}
    assert claims == {("isis", "partial", date(2017, 11, 4))}


def test_a_perfect_infinitive_loss_is_a_loss() -> None:
    body = "Les jihadistes tiennent encore Hajin, après avoir perdu Mayadin le 14 octobre."
    claims = _dated_claims(body, "fr")
    assert ("Hajin", "isis", "full", PUB) in claims
    assert any(c[0] == "Mayadin" and c[1] != "isis" and c[3] == date(2017, 10, 14) for c in claims)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("L'assaut contre Rawa avait été lancé à l'aube.", "fr"),
        ("The assault on Rawa was launched at dawn.", "en"),
    ],
)
def test_a_launched_assault_in_the_passive_is_an_assault(body: str, lang: str) -> None:
    doc = article(body, lang, PUB)
    assert "assault" in {e.type for e in extract(doc, places_in(doc)).events}


def test_government_held_neighborhoods_are_the_government_s_share() -> None:
    body = (
        "Syrian troops broke an Islamic State siege of government-held neighborhoods in "
        "Mayadin on Saturday."
    )
    claims = _claims(body, "en")
    assert ("Mayadin", "syrian_government", "partial") in claims
    assert ("Mayadin", "isis", "full") not in claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Islamic State fighters in Rawa surrendered to Iraqi forces on Friday.", "en"),
        ("Les jihadistes de Rawa se sont rendus aux forces irakiennes vendredi.", "fr"),
    ],
)
def test_fighters_surrendering_in_a_town_give_it_up(body: str, lang: str) -> None:
    assert _claims(body, lang) == {("Rawa", "iraqi_forces", "full")}


def test_a_surrender_in_no_named_town_is_no_capture() -> None:
    body = "Hundreds of militants surrendered to Kurdish forces further north."
    doc = article(body, "en", PUB)
    found = extract(doc, places_in(doc))
    assert not found.claims and all(e.type != "capture" for e in found.events)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State militants were dislodged from their last positions in Hajin by the SDF.",
            "en",
        ),
        ("Les jihadistes ont été délogés de leurs dernières positions à Hajin par les FDS.", "fr"),
    ],
)
def test_driven_from_their_last_positions_in_a_town(body: str, lang: str) -> None:
    assert ("Hajin", "sdf", "full") in _claims(body, lang)


def test_a_capture_counted_years_back_is_background() -> None:
    body = "Iraqi forces recaptured Mosul on Sunday, three years after Islamic State overran it."
    claims = _dated_claims(body, "en")
    assert ("Mosul", "iraqi_forces", "full", date(2017, 11, 5)) in claims
    assert not any(c[1] == "isis" and c[3].year == 2017 for c in claims)


def test_the_centre_of_a_town_is_a_share_and_its_holdouts_hold_the_rest() -> None:
    body = (
        "Les forces irakiennes ont repris dimanche le contrôle du centre-ville de Tal Afar, une "
        "semaine après le début de l'offensive. Les combats se poursuivent dans trois quartiers "
        "du nord de la ville, où les jihadistes restent retranchés."
    )
    doc = article(body, "fr", PUB)
    found = extract(doc, places_in(doc))
    claims = {(c.place_name, c.side, c.kind) for c in found.claims}
    assert claims == {("Tal Afar", "iraqi_forces", "partial"), ("Tal Afar", "isis", "partial")}
    assert ("assault", date(2017, 10, 29)) in {(e.type, e.date) for e in found.events}


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "The jihadists still controlled a strip of about 30 km on the eastern bank of the "
            "river, from the outskirts of Hajin down to Susah near the Iraqi border.",
            "en",
            {("Hajin", "isis", "full"), ("Susah", "isis", "full")},
        ),
        (
            "Les forces irakiennes contrôlent toute la vallée de l'Euphrate, de Haditha à Hit "
            "et Ramadi.",
            "fr",
            {
                ("Haditha", "iraqi_forces", "full"),
                ("Hit", "iraqi_forces", "full"),
                ("Ramadi", "iraqi_forces", "full"),
            },
        ),
    ],
)
def test_the_ends_of_a_held_strip_are_held(body: str, lang: str, expected) -> None:
    assert expected <= _claims(body, lang)


def test_a_date_after_a_participle_is_the_participle_s_not_the_state_s() -> None:
    body = (
        "L'EI tient encore Rawa et Anah, visées depuis le 26 octobre par une offensive de l'armée."
    )
    claims = _dated_claims(body, "fr")
    assert ("Anah", "isis", "full", PUB) in claims
    assert not any(c[3] == date(2017, 10, 26) for c in claims)


def test_a_relative_holding_an_initialism_in_brackets_is_about_the_town_before() -> None:
    body = "Les troupes encerclent Hajin, où le groupe État islamique (EI) conserve des positions."
    assert ("Hajin", "isis", "full") in _claims(body, "fr")


def test_a_relative_after_a_landmark_is_about_the_place_the_landmark_locates() -> None:
    body = "L'EI tient la région de Hajin, face à Mayadin, où il conserve des positions."
    claims = _claims(body, "fr")
    assert ("Hajin", "isis", "full") in claims
    assert not any(c[0] == "Mayadin" for c in claims)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Islamic State lost Anah last month. Iraqi forces have not yet retaken Rawa.",
            "en",
        ),
        (
            "L'EI a perdu Anah le mois dernier. Les forces irakiennes n'ont pas encore repris "
            "Rawa.",
            "fr",
        ),
    ],
)
def test_a_town_not_yet_retaken_is_still_held_by_the_side_fought(body: str, lang: str) -> None:
    assert ("Rawa", "isis", "full") in _claims(body, lang)


def test_a_town_simply_not_retaken_says_nothing_of_its_holder() -> None:
    body = "Islamic State lost Anah last month. Iraqi forces did not retake Rawa on Friday."
    assert not any(c[0] == "Rawa" for c in _claims(body, "en"))


def test_a_town_its_holder_left_is_not_held_because_not_yet_entered() -> None:
    body = (
        "Islamic State fighters withdrew from Rawa overnight. Iraqi forces have not yet "
        "entered the town, a spokesman said."
    )
    assert ("Rawa", "isis", "full") not in _claims(body, "en")


def test_a_town_once_held_is_held_no_more() -> None:
    assert _claims("Rawa, once held by Islamic State, is calm.", "en") == set()


def test_a_town_a_side_has_yet_to_retake_is_held_by_the_side_named() -> None:
    body = "Iraqi forces have yet to retake Rawa from Islamic State."
    assert _claims(body, "en") == {("Rawa", "isis", "full")}


def test_foreign_auxiliaries_in_french_order_do_not_move_the_fighting() -> None:
    body = (
        "L'armée syrienne a chassé l'EI de Mayadin dimanche. Le Hezbollah et les milices "
        "chiites irakiennes ont combattu aux côtés des troupes gouvernementales. L'armée a "
        "affirmé avoir pris la ville."
    )
    claims = _claims(body, "fr")
    assert ("Mayadin", "syrian_government", "full") in claims
    assert not any(c[1] == "iraqi_forces" for c in claims)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Le groupe État islamique conserve toutefois Tabqa, plus à l'ouest.", "fr"),
        ("Islamic State kept control of Tabqa, further west.", "en"),
    ],
)
def test_a_side_that_keeps_a_town_holds_it(body: str, lang: str) -> None:
    assert _claims(body, lang) == {("Tabqa", "isis", "full")}


def test_a_day_between_take_and_its_object_keeps_the_capture() -> None:
    body = "Les FDS ont pris vendredi Tabqa, a annoncé samedi un porte-parole."
    assert _claims(body, "fr") == {("Tabqa", "sdf", "full")}
    assert _claims("Le ministre a pris vendredi la parole à Tabqa.", "fr") == set()


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Les FDS ont pilonné Tabqa, aux mains de l'EI, samedi.", "fr"),
        ("Les FDS ont pilonné Tabqa, sous le contrôle de l'EI, samedi.", "fr"),
        ("SDF fighters shelled Tabqa, in the hands of Islamic State, on Saturday.", "en"),
        ("SDF fighters shelled Tabqa, under the control of Islamic State, on Saturday.", "en"),
    ],
)
def test_the_holder_after_its_preposition_holds_whoever_is_the_subject(
    body: str, lang: str
) -> None:
    assert _claims(body, lang) == {("Tabqa", "isis", "full")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Les combattants kurdes ont achevé mardi la prise de Tabqa.", "fr"),
        ("Kurdish fighters completed the capture of Tabqa on Tuesday.", "en"),
    ],
)
def test_the_subject_of_a_verb_carrying_a_capture_noun_takes_the_place(body, lang) -> None:
    assert _claims(body, lang) == {("Tabqa", "sdf", "full")}
    doc = article(body, lang, PUB)
    (capture,) = [e for e in extract(doc, places_in(doc)).events if e.type == "capture"]
    assert [a.side for a in capture.actors if a.role == "agent"] == ["sdf"]


def test_the_kurds_after_a_preposition_are_kurdish_forces() -> None:
    body = (
        "La route permet aux Kurdes de relier Kobané aux territoires qu'ils contrôlent dans la "
        "province de Hassaké, dont ils tiennent une large partie."
    )
    assert ("province de Hassaké", "sdf", "partial") in _claims(body, "fr")


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Wounded Islamic State militants were taken to Rawa and Anah, two towns still in "
            "the group's hands.",
            "en",
        ),
        (
            "Les blessés de l'EI ont été évacués vers Rawa et Anah, deux villes toujours aux "
            "mains de l'EI.",
            "fr",
        ),
    ],
)
def test_a_counted_apposition_holds_as_many_places_as_it_counts(body, lang) -> None:
    assert _claims(body, lang) == {("Rawa", "isis", "full"), ("Anah", "isis", "full")}


def test_a_gerund_subject_of_a_modal_is_a_prospect() -> None:
    body = "Retaking Tabqa would open the road to Raqqa for the SDF."
    assert _claims(body, "en") == set()


def test_a_town_subject_set_off_by_its_apposition_is_the_town_named_before() -> None:
    body = (
        "Strikes hit Rawa on Thursday. The town, on the road from Anah to the border, fell to "
        "Islamic State on Friday."
    )
    assert _claims(body, "en") == {("Rawa", "isis", "full")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("L'armée irakienne reprenait Rawa.", ("Rawa", "iraqi_forces", "full")),
        ("L'EI perd Rawa face à l'armée irakienne.", ("Rawa", "iraqi_forces", "full")),
        ("Les jihadistes de l'EI détiennent encore Rawa.", ("Rawa", "isis", "full")),
        ("Les forces irakiennes pénètrent dans Rawa.", ("Rawa", "iraqi_forces", "contested")),
    ],
)
def test_french_tenses_and_verbs_of_control(body, expected) -> None:
    assert expected in _claims(body, "fr")


def test_a_side_that_loses_a_town_to_another_in_the_present() -> None:
    body = "Islamic State loses Rawa to Iraqi forces."
    assert _claims(body, "en") == {("Rawa", "iraqi_forces", "full")}
    assert _claims("Islamic State could lose Rawa.", "en") == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Turkish troops shelled Kurdish-held Tabqa on Friday.", ("Tabqa", "sdf", "full")),
        ("Iraqi forces advanced on Kurdish-held Rawa on Friday.", ("Rawa", "peshmerga", "full")),
    ],
)
def test_kurdish_held_is_the_sdf_in_syria_and_the_peshmerga_in_iraq(body, expected) -> None:
    assert expected in _claims(body, "en")


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("Les milices chiites ont repris Rawa jeudi.", "fr", ("Rawa", "iraqi_forces", "full")),
        (
            "Shiite militias captured Tabqa on Thursday.",
            "en",
            ("Tabqa", "syrian_government", "full"),
        ),
    ],
)
def test_shiite_militias_fight_for_the_government_of_their_country(body, lang, expected) -> None:
    assert _claims(body, lang) == {expected}


@pytest.mark.parametrize(
    "body",
    [
        "The SDF entered Tabqa on Monday. On Friday they seized a hill overlooking the town.",
        "The SDF entered Tabqa on Monday. On Friday they seized a hill overlooking Tabqa.",
    ],
)
def test_a_landmark_of_what_was_taken_is_not_taken(body: str) -> None:
    assert ("Tabqa", "sdf", "full") not in _claims(body, "en")


def test_a_capture_told_in_order_after_avant_de_with_its_day() -> None:
    body = "Les FDS sont entrées jeudi dans Tabqa, avant de s'emparer vendredi de la ville."
    assert ("Tabqa", "sdf", "full") in _claims(body, "fr")


def test_a_flag_raised_over_a_town_s_citadel_takes_part_of_it() -> None:
    body = "Les soldats syriens ont hissé le drapeau national sur la citadelle de Tabqa samedi."
    assert _claims(body, "fr") == {("Tabqa", "syrian_government", "partial")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Islamic State militants clung on to Rawa.", ("Rawa", "isis", "full")),
        ("Islamic State retains a foothold in Rawa.", ("Rawa", "isis", "partial")),
    ],
)
def test_clinging_to_a_town_holds_it_and_a_foothold_is_a_share(body, expected) -> None:
    assert _claims(body, "en") == {expected}


def test_troops_taking_up_positions_capture_nothing() -> None:
    body = "Iraqi troops took up positions in Rawa on Friday."
    assert ("Rawa", "iraqi_forces", "full") not in _claims(body, "en")


def test_a_verb_in_another_clause_does_not_share_the_first_verb_s_subject() -> None:
    body = (
        "Iraqi forces retook Anah on Friday and pushed towards the border, where Islamic State "
        "militants still hold Rawa."
    )
    claims = _claims(body, "en")
    assert ("Rawa", "isis", "full") in claims
    assert ("Rawa", "iraqi_forces", "full") not in claims


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Iraqi forces on Sunday declared the city of Rawa fully liberated.", "en"),
        ("Le Premier ministre irakien a déclaré dimanche Rawa totalement libérée.", "fr"),
    ],
)
def test_a_town_declared_liberated_is_taken(body: str, lang: str) -> None:
    assert _claims(body, lang) == {("Rawa", "iraqi_forces", "full")}


def test_a_town_s_government_complex_is_part_of_it() -> None:
    body = "Iraqi forces announced the capture of Rawa's government complex on Friday."
    assert _claims(body, "en") == {("Rawa", "iraqi_forces", "partial")}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Les forces irakiennes avaient repris l'est de Rawa fin janvier.", "fr"),
        ("Iraqi forces retook the eastern half of Rawa in January.", "en"),
    ],
)
def test_a_side_of_a_town_is_a_part_of_it(body: str, lang: str) -> None:
    assert {c[2] for c in _claims(body, lang)} == {"partial"}


def test_a_town_located_in_the_north_of_the_country_is_taken_whole() -> None:
    body = "Les forces irakiennes ont repris jeudi Rawa, dans le nord du pays."
    assert _claims(body, "fr") == {("Rawa", "iraqi_forces", "full")}


def test_the_proclamation_of_victory_in_a_town_is_its_capture_dated_the_day_before() -> None:
    body = (
        "Au lendemain de la proclamation de la victoire à Rawa par le Premier ministre irakien, "
        "des tirs résonnaient encore vendredi."
    )
    doc = article(body, "fr", PUB)
    result = extract(doc, places_in(doc))
    assert {(c.place_name, c.side, c.kind) for c in result.claims} == {
        ("Rawa", "iraqi_forces", "full")
    }
    assert [c.valid_from for c in result.claims] == [date(2017, 11, 9)]
