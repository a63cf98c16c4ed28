"""General rules of wire copy for control claims and dates, each in short invented sentences."""

from __future__ import annotations

from datetime import date

from builders import article, places_in

from dashboard.events.extract import extract

PUB = date(2017, 11, 10)  # a Friday


def _run(body: str, lang: str):
    doc = article(body, lang, PUB)
    return extract(doc, places_in(doc))


def _claims(result) -> set[tuple[str, str, str, date]]:
    return {(c.place_name, c.side, c.kind, c.valid_from) for c in result.claims}


def _fractions(result) -> dict[tuple[str, str], float | None]:
    return {(c.place_name, c.side): c.fraction for c in result.claims}


# --- shares ---------------------------------------------------------------------------------


def test_share_the_group_still_holds_leaves_the_rest_to_the_side_fighting_it() -> None:
    result = _run("Les FDS avancent dans Tabqa, où l'EI ne tient plus que 20 % de la ville.", "fr")
    fractions = _fractions(result)
    assert fractions[("Tabqa", "isis")] == 0.2
    assert fractions[("Tabqa", "sdf")] == 0.8


def test_no_complement_for_a_province_share() -> None:
    result = _run("The army is advancing. Islamic State holds 30 % of Homs province.", "en")
    assert {side for _, side, _, _ in _claims(result)} == {"isis"}


def test_a_bare_percentage_is_a_share_of_the_place_named_before() -> None:
    result = _run(
        "The SDF control most of Hajin. Islamic State still holds about 15 %, near the river.",
        "en",
    )
    assert _fractions(result)[("Hajin", "isis")] == 0.15


def test_districts_held_are_part_of_the_place_the_sentence_opens_on() -> None:
    result = _run("In Mayadin, Islamic State still holds several eastern districts.", "en")
    assert ("Mayadin", "isis", "partial", PUB) in _claims(result)


def test_nearly_all_of_a_province_is_a_partial_hold() -> None:
    result = _run("Islamic State controls nearly all of Homs province.", "en")
    assert ("Homs province", "isis", "partial", PUB) in _claims(result)


# --- lists ------------------------------------------------------------------------------------


def test_a_province_locating_a_list_does_not_end_it() -> None:
    result = _run("Government forces control Rawa and Anah in Anbar, as well as Hit.", "en")
    held = {place for place, side, _, _ in _claims(result) if side == "iraqi_forces"}
    assert held == {"Rawa", "Anah", "Hit"}


def test_each_listed_place_keeps_its_own_date_and_event() -> None:
    result = _run("Les forces irakiennes ont repris Anah en septembre et Rawa le 8 novembre.", "fr")
    claims = _claims(result)
    assert ("Anah", "iraqi_forces", "full", date(2017, 9, 1)) in claims
    assert ("Rawa", "iraqi_forces", "full", date(2017, 11, 8)) in claims
    captures = sorted(e.date for e in result.events if e.type == "capture")
    assert captures == [date(2017, 9, 1), date(2017, 11, 8)]


def test_then_continues_a_list_of_captures() -> None:
    result = _run("L'armée a repris Rawa mardi puis Anah mercredi.", "fr")
    claims = _claims(result)
    assert ("Rawa", "iraqi_forces", "full", date(2017, 11, 7)) in claims
    assert ("Anah", "iraqi_forces", "full", date(2017, 11, 8)) in claims


def test_an_apposed_participle_is_a_passive_about_the_place_before_it() -> None:
    result = _run("Residents are returning to Rawa, retaken on Wednesday, and to Hit.", "en")
    assert _claims(result) == {("Rawa", "iraqi_forces", "full", date(2017, 11, 8))}


def test_places_inside_an_apposition_do_not_break_a_held_list() -> None:
    result = _run("The Syrian army holds Mayadin, captured near Hajin on Monday, and Tabqa.", "en")
    claims = _claims(result)
    held = {place for place, side, _, valid in claims if valid == PUB}
    # Mayadin is held since its capture on Monday: one claim from that day, by its holder
    assert held == {"Tabqa"}
    assert ("Mayadin", "syrian_government", "full", date(2017, 11, 6)) in claims
    assert not any(place == "Hajin" for place, _, _, _ in claims)


def test_a_landmark_before_a_passive_hold_is_not_the_held_place() -> None:
    result = _run("Tabqa, west of Hajin, is held by the SDF.", "en")
    assert {place for place, _, _, _ in _claims(result)} == {"Tabqa"}


# --- nominal and relative captures ---------------------------------------------------------


def test_dont_la_reprise_refers_to_the_place_before() -> None:
    result = _run("Les habitants rentrent à Rawa, dont la reprise a été annoncée mercredi.", "fr")
    assert any(e.type == "capture" for e in result.events)
    assert ("Rawa", "iraqi_forces", "full", date(2017, 11, 8)) in _claims(result)


def test_a_relative_pronoun_takes_its_antecedent_as_holder() -> None:
    result = _run("Mayadin is under the control of Syrian troops, which also hold Hajin.", "en")
    assert ("Hajin", "syrian_government", "full", PUB) in _claims(result)


def test_the_alliance_is_the_sdf_once_they_are_named() -> None:
    named = _run("The SDF entered Hajin on Monday. The alliance now controls Tabqa.", "en")
    assert ("Tabqa", "sdf", "full", PUB) in _claims(named)
    unnamed = _run("The alliance now controls Tabqa.", "en")
    assert unnamed.claims == ()


# --- gainers nobody names ------------------------------------------------------------------


def test_a_loss_with_no_captor_goes_to_the_only_local_side_the_article_names() -> None:
    result = _run("The SDF are advancing on the eastern bank. Hajin was retaken on Tuesday.", "en")
    assert _claims(result) == {("Hajin", "sdf", "full", date(2017, 11, 7))}


def test_with_two_local_sides_named_the_government_stays_the_default() -> None:
    result = _run(
        "The SDF and the Syrian army are both advancing. Hajin was retaken on Tuesday.", "en"
    )
    assert ("Hajin", "syrian_government", "full", date(2017, 11, 7)) in _claims(result)


# --- dates -----------------------------------------------------------------------------------


def test_since_dates_a_state_from_that_day() -> None:
    result = _run("Mayadin has been held by government forces since October.", "en")
    assert _claims(result) == {("Mayadin", "syrian_government", "full", date(2017, 10, 1))}


def test_since_inside_a_relative_clause_does_not_date_the_hold() -> None:
    result = _run("Islamic State holds Hajin, which has been besieged since July.", "en")
    assert ("Hajin", "isis", "full", PUB) in _claims(result)


def test_an_undated_lead_takes_the_day_of_the_next_paragraph() -> None:
    result = _run(
        "Iraqi troops have retaken Rawa, the command said.\n\n"
        "Soldiers entered Rawa on Wednesday and raised the flag.",
        "en",
    )
    capture = next(e for e in result.events if e.type == "capture")
    assert capture.date == date(2017, 11, 8)


def test_an_undated_lead_about_something_else_keeps_the_publication_date() -> None:
    result = _run(
        "Iraqi troops have retaken Rawa, the command said.\n\nAir strikes hit Hajin on Wednesday.",
        "en",
    )
    capture = next(e for e in result.events if e.type == "capture")
    assert capture.date == PUB


# --- events -----------------------------------------------------------------------------------


def _typed(result) -> set[tuple[str, date]]:
    return {(e.type, e.date) for e in result.events}


def test_an_offensive_that_began_on_a_day_is_an_assault_launched_that_day() -> None:
    cases = [
        ("The offensive began on November 2 with some 5,000 fighters near Tabqa.", "en"),
        ("L'assaut final sur Tabqa avait débuté le 2 novembre.", "fr"),
        ("Lancée le 2 novembre, l'offensive sur Tabqa a progressé plus vite que prévu.", "fr"),
    ]
    for body, lang in cases:
        assert ("assault", date(2017, 11, 2)) in _typed(_run(body, lang)), body


def test_jets_hitting_targets_are_air_strikes() -> None:
    result = _run("Coalition jets started hitting targets inside Tabqa on Wednesday.", "en")
    assert ("air_strike", date(2017, 11, 8)) in _typed(result)


def test_a_lead_dated_by_its_statement_takes_the_earlier_day_told_next() -> None:
    body = (
        "Syrian troops have recaptured Tabqa from Islamic State, the army said on Friday.\n\n"
        "Soldiers entered the town and took control of its centre on Wednesday, the army said."
    )
    captures = {d for t, d in _typed(_run(body, "en")) if t == "capture"}
    assert captures == {date(2017, 11, 8)}


def test_a_lead_dated_by_its_statement_keeps_it_when_nothing_earlier_is_told() -> None:
    body = (
        "Syrian troops have recaptured Tabqa from Islamic State, the army said on Friday.\n\n"
        "Engineers were clearing mines in the town."
    )
    captures = {d for t, d in _typed(_run(body, "en")) if t == "capture"}
    assert captures == {date(2017, 11, 10)}


def test_a_battle_that_could_begin_is_no_event_yet() -> None:
    for body, lang in [
        (
            "La bataille pour Tabqa, dernière ville du secteur aux mains de l'EI, pourrait "
            "commencer à l'automne.",
            "fr",
        ),
        ("The battle for Tabqa, the group's last town in the area, could begin in autumn.", "en"),
    ]:
        assert not [e for e in _run(body, lang).events if e.type == "armed_clash"], body


def test_french_aircraft_that_led_raids_or_struck_are_air_strikes() -> None:
    for body in (
        "Samedi, l'aviation russe a mené des dizaines de raids autour de Tabqa.",
        "Samedi, l'aviation de la coalition internationale a frappé à plusieurs reprises Tabqa.",
    ):
        assert ("air_strike", date(2017, 11, 4)) in _typed(_run(body, "fr")), body


def test_french_aircraft_that_struck_is_an_air_strike_not_an_entry() -> None:
    result = _run(
        "Samedi, l'aviation américaine avait frappé des positions jihadistes aux abords de Tabqa.",
        "fr",
    )
    assert ("air_strike", date(2017, 11, 4)) in _typed(result)
    assert not result.claims


def test_a_share_of_a_country_is_claimed_and_a_whole_one_is_not() -> None:
    result = _run("Islamic State now holds about half of Syria's territory.", "en")
    assert _fractions(result) == {("Syria", "isis"): 0.5}
    assert not _run("Islamic State controls Syria.", "en").claims


def test_a_state_of_years_ago_claims_nothing_now() -> None:
    body = "The group, which in 2014 controlled a third of Iraq and much of Syria, is in retreat."
    assert not _run(body, "en").claims


def test_a_capture_recalled_from_years_back_keeps_its_claim_but_not_its_event() -> None:
    result = _run("Islamic State seized Tabqa in August 2014.", "en")
    assert _claims(result) == {("Tabqa", "isis", "full", date(2014, 8, 1))}
    assert not result.events  # the timeline stays on the news


def test_a_capture_restated_of_the_town_is_the_same_capture() -> None:
    body = (
        "US-backed fighters have captured Tabqa from Islamic State, the SDF said on Saturday.\n\n"
        "The Syrian Democratic Forces took the town on Saturday after weeks of fighting."
    )
    result = _run(body, "en")
    captures = [e for e in result.events if e.type == "capture"]
    assert len(captures) == 1
    assert [p.text for p in captures[0].places] == ["Tabqa"]


def test_a_date_closing_one_conjunct_is_not_the_next_verbs() -> None:
    body = (
        "The SDF launched its offensive on Tabqa on Sept. 10 and broke into the town earlier "
        "this month."
    )
    typed = _typed(_run(body, "en"))
    assert ("assault", date(2017, 9, 10)) in typed
    assert ("armed_clash", date(2017, 11, 1)) in typed


def test_pulling_back_and_a_retreat_noun_are_withdrawals_and_a_push_towards_an_assault() -> None:
    cases = [
        ("Islamic State fighters pulled back on Wednesday to villages east of Tabqa.", "en"),
        ("Les jihadistes ont pris Tabqa mercredi après le repli des unités de l'armée.", "fr"),
    ]
    for body, lang in cases:
        assert "withdrawal" in {t for t, _ in _typed(_run(body, lang))}, body
    push = _run("The SDF prepared a push towards Tabqa on Wednesday.", "en")
    assert "assault" in {t for t, _ in _typed(push)}


def test_a_capture_noun_opening_a_sentence_reports_an_event_when_it_happened_on_a_day() -> None:
    assert ("capture", date(2017, 11, 8)) in _typed(
        _run("The fall of Tabqa came on Wednesday, a Kurdish official said.", "en")
    )
    assert ("capture", date(2017, 11, 8)) in _typed(
        _run("La chute de Tabqa est intervenue mercredi.", "fr")
    )
    # a known event as topic stays none: "comes two weeks after ..."
    topic = _run("La reprise de Tabqa intervient deux semaines après la fin des combats.", "fr")
    assert not [e for e in topic.events if e.type == "capture"]


def test_a_date_inside_a_relative_clause_dates_only_its_verb() -> None:
    body = (
        "Le régime syrien, qui a repris Tabqa samedi dernier, avance de son côté vers Raqqa, "
        "dernière grande ville tenue par l'EI dans le pays."
    )
    typed = _typed(_run(body, "fr"))
    assert ("capture", date(2017, 11, 4)) in typed
    assert ("assault", date(2017, 11, 10)) in typed


def test_the_noun_capture_without_its_place_is_no_event() -> None:
    result = _run("The capture crowned a desert push along the road to Tabqa.", "en")
    assert not [e for e in result.events if e.type == "capture"]


def test_the_fall_of_a_town_to_a_side_opening_a_sentence_is_its_capture() -> None:
    result = _run("The fall of Tabqa to Islamic State fighters last week alarmed officials.", "en")
    assert _claims(result) == {("Tabqa", "isis", "full", date(2017, 10, 30))}
