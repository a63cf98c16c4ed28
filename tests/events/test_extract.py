"""Event and claim rules, one behaviour per test, in short invented sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from builders import article, places_in
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.events.extract import extract

PUB = date(2017, 11, 10)  # a Friday


def _run(body: str, lang: str, **kwargs):
    doc = article(body, lang, PUB, **kwargs)
    return doc, extract(doc, places_in(doc))


def _types(result) -> set[str]:
    return {e.type for e in result.events}


def _claims(result) -> set[tuple[str, str, str]]:
    return {(c.place_name, c.side, c.kind) for c in result.claims}


def test_english_capture_makes_agent_hold_the_town_from_the_stated_day() -> None:
    _, result = _run("Iraqi forces retook Rawa from Islamic State on Wednesday.", "en")
    event = next(e for e in result.events if e.type == "capture")
    roles = {(a.side, a.role) for a in event.actors}
    assert ("iraqi_forces", "agent") in roles and ("isis", "patient") in roles
    assert event.date == date(2017, 11, 8) and event.date_precision == "day"
    claim = next(c for c in result.claims if c.place_name == "Rawa")
    assert (claim.side, claim.kind, claim.valid_from) == ("iraqi_forces", "full", date(2017, 11, 8))


def test_french_capture_from_isis_with_a_preposition() -> None:
    _, result = _run("L'armée syrienne a repris mercredi Mayadin à l'État islamique.", "fr")
    assert ("Mayadin", "syrian_government", "full") in _claims(result)


def test_french_passive_expulsion_makes_isis_the_patient() -> None:
    _, result = _run("Daech a été chassé de Hajin par les Forces démocratiques syriennes.", "fr")
    event = next(e for e in result.events if e.type == "capture")
    assert ("isis", "patient") in {(a.side, a.role) for a in event.actors}
    assert ("Hajin", "sdf", "full") in _claims(result)


def test_entering_a_town_is_contested_not_captured() -> None:
    _, result = _run("Government forces entered Mayadin on Thursday.", "en")
    assert "armed_clash" in _types(result)
    assert _claims(result) == {("Mayadin", "syrian_government", "contested")}


def test_french_negation_gives_a_negated_event_and_no_claim() -> None:
    _, result = _run("Les forces irakiennes n'ont pas encore repris Rawa.", "fr")
    assert [e.negated for e in result.events if e.type == "capture"] == [True]
    assert result.claims == ()


def test_english_denial_gives_no_claim() -> None:
    _, result = _run("Officials denied that the army had retaken Anah.", "en")
    assert result.claims == ()


def test_french_conditional_lowers_confidence() -> None:
    _, plain = _run("Les forces irakiennes ont repris Rawa lundi.", "fr")
    _, hedged = _run("Les forces irakiennes auraient repris Rawa lundi.", "fr")
    assert hedged.events[0].confidence < plain.events[0].confidence


def test_unverified_claim_lowers_confidence() -> None:
    _, plain = _run("Iraqi forces retook Rawa on Monday.", "en")
    _, hedged = _run("Iraqi forces retook Rawa on Monday, which could not be verified.", "en")
    assert hedged.events[0].confidence < plain.events[0].confidence


def test_intent_to_retake_is_not_a_capture() -> None:
    _, result = _run("Iraqi troops are preparing to retake Rawa.", "en")
    assert "capture" not in _types(result) and result.claims == ()


def test_french_intent_with_infinitive_is_not_a_capture() -> None:
    _, result = _run("Les troupes irakiennes s'apprêtent à reprendre Anah.", "fr")
    assert "capture" not in _types(result) and result.claims == ()


def test_still_holds_gives_a_claim_as_of_publication() -> None:
    _, result = _run("Islamic State still holds Hajin and Mayadin.", "en")
    assert {("Hajin", "isis", "full"), ("Mayadin", "isis", "full")} <= _claims(result)
    assert {c.valid_from for c in result.claims} == {PUB}


def test_french_percentage_gives_a_partial_claim_with_fraction() -> None:
    _, result = _run("Daech contrôle encore plus de 35 % de la province de Homs.", "fr")
    claim = next(c for c in result.claims if c.side == "isis")
    assert (claim.kind, claim.fraction, claim.precision) == ("partial", 0.35, "governorate")


@pytest.mark.parametrize(
    ("share", "fraction"),
    [
        ("about half", 0.5),
        ("about two-thirds", 0.67),
        ("three-quarters", 0.75),
        ("one-third", 0.33),
    ],
)
def test_english_word_fraction_gives_a_partial_claim(share: str, fraction: float) -> None:
    _, result = _run(f"Islamic State controls {share} of Homs province.", "en")
    claim = next(c for c in result.claims if c.side == "isis")
    assert (claim.kind, round(claim.fraction or 0, 2)) == ("partial", fraction)


def test_last_stronghold_is_held_by_the_group() -> None:
    _, result = _run("Anah, le dernier bastion de l'EI dans la région, est encerclé.", "fr")
    assert ("Anah", "isis", "full") in _claims(result)


def test_withdrawal_hands_the_place_to_the_other_side() -> None:
    _, result = _run("Islamic State fighters withdrew from Hit as Iraqi troops advanced.", "en")
    assert "withdrawal" in _types(result)
    assert ("Hit", "iraqi_forces", "full") in _claims(result)


def test_moving_towards_a_place_is_not_a_claim() -> None:
    _, result = _run("Les jihadistes ont fui vers Hajin.", "fr")
    assert all(c.place_name != "Hajin" for c in result.claims)


def test_coalition_strikes_never_give_the_coalition_ground() -> None:
    _, result = _run("The US-led coalition carried out air strikes on Hajin.", "en")
    assert "air_strike" in _types(result)
    assert all(c.side != "us_coalition" for c in result.claims)


def test_generic_army_takes_the_side_of_the_country_of_the_place() -> None:
    _, iraq = _run("The army retook Anah on Monday.", "en")
    _, syria = _run("The army retook Mayadin on Monday.", "en")
    assert {c.side for c in iraq.claims} == {"iraqi_forces"}
    assert {c.side for c in syria.claims} == {"syrian_government"}


def test_attribution_names_the_monitor() -> None:
    _, result = _run(
        "Selon l'Observatoire syrien des droits de l'homme, l'armée a repris Mayadin.", "fr"
    )
    assert result.events[0].attribution.startswith("l'Observatoire")


def test_date_falls_back_to_publication_with_week_precision() -> None:
    _, result = _run("Iraqi forces retook Anah.", "en")
    event = result.events[0]
    assert (event.date, event.date_precision, event.date_text) == (PUB, "week", None)


def test_date_falls_back_to_the_previous_day_in_the_paragraph() -> None:
    _, result = _run("Fighting began on Tuesday. Iraqi forces then retook Anah.", "en")
    capture = next(e for e in result.events if e.type == "capture")
    assert capture.date == date(2017, 11, 7)


def test_caption_events_have_lower_confidence_than_body_events() -> None:
    _, result = _run(
        "Iraqi forces retook Rawa on Monday.",
        "en",
        caption="Iraqi forces entered Anah on Monday.",
    )
    clash = next(e for e in result.events if e.type == "armed_clash")
    capture = next(e for e in result.events if e.type == "capture")
    assert "Anah" in clash.sentence and clash.confidence < capture.confidence


def test_a_caption_restating_the_body_is_the_body_s_event() -> None:
    doc, result = _run(
        "Iraqi forces retook Rawa on Monday.",
        "en",
        caption="Iraqi forces retook Rawa on Monday.",
    )
    (capture,) = [e for e in result.events if e.type == "capture"]
    body = next(p for p in doc.paragraphs if p.kind == "body")
    assert capture.sentence_start == body.start


def test_french_announcement_by_an_official() -> None:
    _, result = _run(
        "La reprise de Rawa a été annoncée lundi, a annoncé le Premier ministre Haider al-Abadi.",
        "fr",
    )
    assert "announcement" in _types(result)


def test_event_keeps_offsets_of_its_sentence_date_and_actors() -> None:
    doc, result = _run("Intro line.\n\nIraqi forces retook Rawa on Wednesday.", "en")
    event = result.events[0]
    assert doc.text[event.sentence_start : event.sentence_end] == event.sentence
    assert doc.text[event.date_start : event.date_end] == event.date_text
    for actor in event.actors:
        assert doc.text[actor.start : actor.end] == actor.text
    for place in event.places:
        assert doc.text[place.start : place.end] == place.text


_WORDS = st.sampled_from(
    [
        "Iraqi",
        "forces",
        "retook",
        "Rawa",
        "from",
        "Daech",
        "ne",
        "pas",
        "repris",
        "a",
        "été",
        "chassé",
        "de",
        "the",
        "group",
        "still",
        "holds",
        "35",
        "%",
        "of",
        "Homs",
        "province",
        ",",
        ".",
        "«",
        "»",
        "said",
        "on",
        "Monday",
        "lundi",
        "Anah",
        "entered",
        "n't",
        "l'EI",
        "contrôle",
        "encore",
        "vers",
        "towards",
        "fled",
        "frappes",
        "airstrikes",
        "\n\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.sampled_from(["fr", "en"]))
def test_extraction_never_crashes_and_offsets_slice_back(words: list[str], lang: str) -> None:
    body = " ".join(words).strip() or "."
    doc = article(body, lang, PUB)
    result = extract(doc, places_in(doc))
    for event in result.events:
        assert doc.text[event.sentence_start : event.sentence_end] == event.sentence
        for actor in event.actors:
            assert doc.text[actor.start : actor.end] == actor.text
        if event.date_start is not None:
            assert doc.text[event.date_start : event.date_end] == event.date_text
        assert 0 <= event.confidence <= 1
    for claim in result.claims:
        assert claim.side != "us_coalition" and claim.precision in ("point", "governorate")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["fr", "en", "de"]))
def test_extraction_never_crashes_on_random_text(body: str, lang: str) -> None:
    doc = article(body or ".", lang, PUB)
    extract(doc, places_in(doc))


def test_the_province_after_a_town_means_that_towns_governorate() -> None:
    doc = article(
        "The army advanced in Homs province last month.\n\n"
        "Islamic State has lost most of its strongholds around Mayadin but still controls "
        "about 40 % of the province.",
        "en",
        PUB,
    )
    places = [
        replace(p, admin1="Dayr Az Zawr") if p.text == "Mayadin" else p for p in places_in(doc)
    ]
    claim = next(c for c in extract(doc, places).claims if c.kind == "partial")
    assert (claim.place_name, claim.side, claim.fraction) == ("Dayr Az Zawr", "isis", 0.4)
    assert claim.precision == "governorate"


def test_the_province_after_its_own_name_keeps_that_province() -> None:
    _, result = _run(
        "Fighting raged near Mayadin.\n\n"
        "In Homs province, Islamic State still controls about 40 % of the province.",
        "en",
    )
    claim = next(c for c in result.claims if c.kind == "partial")
    assert claim.place_name == "Homs province"


def test_an_undated_article_gives_undated_events_and_no_claims() -> None:
    doc = article("Iraqi forces retook Rawa from Islamic State.", "en", PUB)
    doc = replace(doc, published=None, published_origin="none")
    result = extract(doc, places_in(doc))
    capture = next(e for e in result.events if e.type == "capture")
    assert capture.date is None
    assert result.claims == () or list(result.claims) == []


def test_holding_a_town_in_a_province_is_a_partial_hold_of_the_province() -> None:
    _, result = _run(
        "Rawa is the last town the jihadists held in Homs province, officials said.", "en"
    )
    province = [c for c in result.claims if c.place_name == "Homs province"]
    assert all(c.kind == "partial" and c.fraction is None for c in province)


def test_a_subject_pronoun_holds_for_the_side_named_before() -> None:
    _, result = _run(
        "Les forces irakiennes ont repris Anah en septembre.\n\n"
        "Elles contrôlent aussi Rawa, où elles ont remplacé les combattants de Daech.",
        "fr",
    )
    rawa = {c.side for c in result.claims if c.place_name == "Rawa"}
    assert rawa == {"iraqi_forces"}


def test_an_actor_between_the_pronoun_and_the_verb_stays_the_subject() -> None:
    _, result = _run(
        "The army advanced on Anah.\n\nThey said Islamic State still holds Rawa.", "en"
    )
    assert {c.side for c in result.claims if c.place_name == "Rawa"} == {"isis"}


def test_the_side_that_withdraws_never_gains_the_place_it_left() -> None:
    _, result = _run(
        "Les peshmergas kurdes, qui se sont retirés de Rawa mardi, ont rejoint leurs lignes.",
        "fr",
    )
    assert "peshmerga" not in {c.side for c in result.claims if c.place_name == "Rawa"}


def test_a_world_region_is_no_place_for_an_event_on_the_map() -> None:
    """ "across the Middle East" would put the event at a spot in Saudi Arabia."""
    from dashboard.gazetteer import load_gazetteer
    from dashboard.geoparse import geoparse

    doc = article(
        "Air strikes hit militants across the Middle East on Friday. Air strikes hit Hajin "
        "on Friday.",
        "en",
        date(2017, 11, 10),
    )
    events = extract(doc, geoparse(doc, load_gazetteer(), nlp=None)).events
    assert [[p.kind for p in e.places] for e in events] == [[], ["town"]]


@pytest.mark.parametrize(
    "body",
    [
        "Ramadi, Nov 10 (Reuters) - Iraqi forces said they had cleared the desert west of "
        "Rawa of Islamic State fighters.",
        "Ramadi (Reuters) - Iraqi forces said they had cleared the desert west of Rawa of "
        "Islamic State fighters.",
        "Ramadi, Nov 10 — Iraqi forces said they had cleared the desert west of Rawa of "
        "Islamic State fighters.",
    ],
)
def test_the_dateline_town_is_where_the_story_was_filed_not_an_event_place(body):
    doc = article(body, "en")
    result = extract(doc, places_in(doc))
    assert [[p.name for p in e.places] for e in result.events] == [["Rawa"]]


def test_a_hyphen_in_a_first_sentence_is_no_dateline():
    doc = article("Ramadi - the town east of Rawa - was calm as Iraqi forces retook Rawa.", "en")
    places = {p.name for e in extract(doc, places_in(doc)).events for p in e.places}
    assert "Ramadi" in places


def _dated(result) -> set[tuple[str, date | None]]:
    return {(e.type, e.date) for e in result.events}


@pytest.mark.parametrize(
    "body",
    [
        "Le Premier ministre a promis à plusieurs reprises de nettoyer Rawa.",
        "La ville de Rawa a changé de mains à deux reprises depuis 2014.",
    ],
)
def test_a_plusieurs_reprises_is_no_recapture(body: str) -> None:
    _, result = _run(body, "fr")
    assert "capture" not in _types(result)


def test_shells_falling_on_a_town_take_nothing_and_keep_their_day() -> None:
    _, result = _run("Des obus de mortier sont tombés sur Hajin lundi.", "fr")
    assert _dated(result) == {("shelling", date(2017, 11, 6))}
    assert _claims(result) == set()


@pytest.mark.parametrize(
    ("body", "lang", "day"),
    [
        ("The army began a push toward Abu Kamal on Saturday.", "en", date(2017, 11, 4)),
        ("Iraqi forces launched an offensive to retake Rawa on Thursday.", "en", date(2017, 11, 9)),
    ],
)
def test_an_assault_takes_the_day_of_its_clause_not_its_aim(body: str, lang: str, day) -> None:
    _, result = _run(body, lang)
    assert ("assault", day) in _dated(result)
    assert "capture" not in _types(result)  # retaking is the aim, not an event


def test_clearing_the_last_held_villages_stays_a_capture() -> None:
    _, result = _run("Syrian troops cleared the last jihadist-held villages near Hajin.", "en")
    assert "capture" in _types(result)


@pytest.mark.parametrize(
    ("text", "aim"),
    [
        ("They launched an offensive to retake Rawa.", True),
        ("Ils ont lancé une offensive pour reprendre Rawa.", True),
        ("L'armée a confirmé l'annonce de la reprise de Rawa.", False),  # a noun after « de »
    ],
)
def test_only_an_infinitive_of_purpose_is_an_aim(text: str, aim: bool) -> None:
    from dashboard.events.classify import find_triggers
    from dashboard.events.extract import _aim

    lang = "en" if text.startswith("They") else "fr"
    capture = next(h for h in find_triggers(text, lang) if h.spec.type == "capture")
    assert _aim(text, capture) is aim


def test_a_capture_restated_in_a_quotation_is_one_event_with_its_claims_linked() -> None:
    _, result = _run(
        "Iraqi forces retook Anah on Friday, the military said. "
        '"Our forces liberated Anah on Friday," a commander said.',
        "en",
    )
    captures = [e for e in result.events if e.type == "capture"]
    assert len(captures) == 1
    assert captures[0].sentence.startswith("Iraqi forces retook Anah")
    assert {c.event_id for c in result.claims} == {captures[0].id}


def test_strikes_reported_twice_stay_two_events() -> None:
    _, result = _run(
        "Coalition jets struck Hajin on Friday. Coalition aircraft struck Hajin again on Friday.",
        "en",
    )
    assert sum(e.type == "air_strike" for e in result.events) == 2
