"""Resolution: kind cues, one sense per article, country and spatial context."""

from __future__ import annotations

import pytest

from dashboard.gazetteer import distance_km
from dashboard.geoparse import geoparse


def by_text(found):
    return {m.text: m for m in found}


def test_province_and_city_of_the_same_name_stay_distinct(parse):
    found = by_text(
        parse("Dans la province de Deir Ezzor, le régime a repris la ville de Deir Ezzor.", "fr")
    )
    assert found["province de Deir Ezzor"].kind == "admin1"
    assert found["Deir Ezzor"].kind in ("city", "town")


def test_same_name_resolves_to_the_same_feature_within_an_article(parse):
    found = parse("Troops entered Anah. Later, residents fled Anah by boat.")
    assert len(found) == 2 and found[0].place_id == found[1].place_id


def test_ambiguous_name_follows_the_article_country(parse):
    found = by_text(parse("Iraqi troops reached Rawa, in Iraq, after taking Anah."))
    assert found["Rawa"].country == "IQ"
    assert found["Anah"].country == "IQ"


def test_a_locality_is_no_capital_of_the_same_name(parse):
    text = (
        "Les troupes irakiennes ont repris lundi Rachad. La localité de Riyad, à l'est, est "
        "également passée sous leur contrôle."
    )
    found = by_text(parse(text, "fr"))
    assert found["Riyad"].country == "IQ" and found["Riyad"].kind in ("town", "village")


def test_river_is_pinned_near_the_places_of_the_article(parse):
    found = by_text(parse("Fighters crossed the Euphrates near Mayadin."))
    river, town = found["Euphrates"], found["Mayadin"]
    assert distance_km(river.lat, river.lon, town.lat, town.lon) < 30


def test_precision_follows_the_feature_kind(parse):
    found = by_text(parse("Fighting in Syria spread from Raqqa to Deir ez-Zor province."))
    assert found["Syria"].precision == "country"
    assert found["Raqqa"].precision == "point"
    assert found["Deir ez-Zor province"].precision == "governorate"


def test_confidence_is_a_probability_and_higher_when_cued(parse):
    found = parse("Le régime a repris la ville de Mayadine et la province de Raqqa.", "fr")
    assert found and all(0.0 <= m.confidence <= 1.0 for m in found)


def test_offsets_point_at_the_mention(parse):
    text = "Après Mossoul, les forces visent Tal Afar et Hawija."
    for m in parse(text, "fr"):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Peshmerga from Iraqi Kurdistan crossed into Syria near Faysh Khabur.", "Iraqi Kurdistan"),
        # the lower-case adjective stays outside the mention; the name alone is enough
        ("Le Kurdistan irakien a organisé un référendum le 25 septembre.", "Kurdistan"),
        ("Oil exports from Kurdistan resumed through Turkey.", "Kurdistan"),
    ],
)
def test_kurdistan_is_the_kurdistan_region_of_iraq(parse, sentence, name):
    lang = "fr" if sentence.startswith("Le ") else "en"
    hit = [m for m in parse(sentence, lang=lang) if m.text == name]
    assert [(m.place_id, m.precision) for m in hit] == [("region:iraqi-kurdistan", "region")]


def test_the_middle_east_is_a_region_not_a_village_of_that_name(parse):
    hit = [
        m for m in parse("Attacks rose across the Middle East in March.") if m.text == "Middle East"
    ]
    assert [(m.kind, m.precision) for m in hit] == [("world_region", "region")]


def test_a_bare_name_follows_the_county_the_article_names(parse):
    """ "Suffolk County police ... in Suffolk": one place, not the Virginia town of Suffolk."""
    found = parse("Suffolk County police said the man had lived in Suffolk for years.")
    ids = {m.text: m.place_id for m in found}
    assert ids["Suffolk"] == ids["Suffolk County"]
    assert {m.kind for m in found} == {"admin2"}


def test_a_bare_city_does_not_follow_its_province(parse):
    found = parse("Fighting went on in Deir ez-Zor province, and in Deir ez-Zor the army held.")
    kinds = {m.text: m.kind for m in found}
    assert kinds == {"Deir ez-Zor province": "admin1", "Deir ez-Zor": "city"}


@pytest.mark.parametrize(
    ("sentence", "lang", "name", "kind"),
    [
        ("Rawa, dernière ville d'Irak aux mains de l'EI, est tombée.", "fr", "Irak", "country"),
        ("Mosul, the largest city of Iraq, fell in 2014.", "en", "Iraq", "country"),
    ],
)
def test_a_ranked_town_of_an_area_leaves_the_area_its_kind(parse, sentence, lang, name, kind):
    hit = [m for m in parse(sentence, lang) if m.text == name]
    assert [m.kind for m in hit] == [kind]


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("Floods hit Yorkshire on Monday.", "Yorkshire", "region"),
        ("Storms hit Cornwall overnight.", "Cornwall", "admin2"),
        ("Schools in Essex stayed shut.", "Essex", "admin2"),
    ],
)
def test_a_big_county_outranks_a_small_town_abroad(parse, sentence, name, kind):
    hit = [m for m in parse(sentence) if m.text == name]
    assert [(m.kind, m.country) for m in hit] == [(kind, "GB")]


@pytest.mark.parametrize("sentence", ["Mr King said so.", "Kamala Harris spoke on Monday."])
def test_a_county_named_with_its_designator_is_not_read_from_a_surname(parse, sentence):
    assert all(m.kind != "admin2" for m in parse(sentence))


def test_baghdad_s_green_zone_is_a_place(parse):
    found = parse("Two rockets hit the Green Zone in Baghdad overnight.")
    assert [(m.text, m.country) for m in found] == [("Green Zone", "IQ"), ("Baghdad", "IQ")]


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("WASHINGTON (AP) - Officials met in Provo and Ogden, Utah, on Monday.", "literal"),
        # the dash lost on the way (the literal scheme reads a capitalised word after the
        # name as part of an organisation's name)
        ("WASHINGTON Officials met in Provo and Ogden, Utah, on Monday.", "inclusive"),
    ],
)
def test_a_bare_dateline_is_the_city_wire_services_mean(gazetteer, text, scheme):
    """Provo and Ogden lie near Washington, Utah; the dateline is still the capital."""
    found = geoparse(text, gazetteer, nlp=None, lang="en", scheme=scheme)
    hit = [m for m in found if m.text == "WASHINGTON"]
    assert [(m.kind, m.admin1) for m in hit] == [("city", "District of Columbia")]


def test_a_capitalised_article_opening_the_text_is_no_dateline(parse):
    assert all(m.text != "AN" for m in parse("AN Edmonton man was jailed on Monday."))


@pytest.mark.parametrize("nation", ["England", "Scotland", "Wales"])
def test_a_nation_of_the_united_kingdom_is_not_a_village_of_the_story_s_country(parse, nation):
    text = (
        f"BIRMINGHAM, Ala. - A Birmingham choir is on tour in {nation}. "
        "The choir will return to Alabama on Friday."
    )
    found = {m.text: m for m in parse(text)}
    assert found[nation].country == "GB"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "COLUMBUS, Ohio - A nurse from Dayton is safe after she was caught up in unrest "
            "in Greece. Protesters clashed with police in Athens on Friday, she said. "
            "She flies home to Ohio on Monday.",
            "Athens",
            "GR",
        ),
        (
            "MACON, Ga. - Two Macon firefighters are volunteering in Ireland this month. "
            "They reached Dublin on Tuesday after a long flight. They return to Georgia in May.",
            "Dublin",
            "IE",
        ),
        # a country adjective places no one: the consulate is in Russia's city
        (
            "Russia will close the US consulate in St. Petersburg, Russian officials said. "
            "Moscow expelled sixty diplomats.",
            "St. Petersburg",
            "RU",
        ),
    ],
)
def test_a_foreign_country_the_story_just_placed_someone_in_reads_the_next_names(
    parse, text, name, country
):
    found = {m.text: m for m in parse(text)}
    assert found[name].country == country


@pytest.mark.parametrize(
    ("text", "lang", "name", "country"),
    [
        ("Residents of Newcastle and Sunderland queued for hours.", "en", "Newcastle", "GB"),
        ("Des inondations ont frappé Valence et Alicante.", "fr", "Valence", "ES"),
    ],
)
def test_a_city_and_its_district_are_one_sure_reading_that_places_its_neighbours(
    parse, text, lang, name, country
):
    # Sunderland and Alicante are each both a city and the district named after it: that is
    # no doubt about where they are, so they place the ambiguous name beside them
    found = {m.text: m for m in parse(text, lang)}
    assert found[name].country == country


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        (
            "Flooding closed roads in Columbus and Athens, the Ohio Department of "
            "Transportation said.",
            "Athens",
            "Ohio",
        ),
        (
            "A Lexington man was charged after a crash near Richmond, Kentucky State Police said.",
            "Richmond",
            "Kentucky",
        ),
    ],
)
def test_a_state_named_inside_a_body_s_name_places_the_article_without_being_a_mention(
    parse, text, name, state
):
    found = parse(text)
    by_text = {m.text: m for m in found}
    assert by_text[name].admin1 == state
    assert state not in by_text  # the department and the police are not places


def test_a_county_the_article_names_places_its_towns_in_its_state(parse):
    found = {
        m.text: m
        for m in parse("A crash near Lakewood injured three, Ocean County officials said.")
    }
    assert found["Lakewood"].admin1 == "New Jersey"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les combats se poursuivent à Deraa et à Soueïda, dans le sud du pays.", "fr"),
        ("Rebels attacked Idlib and Hama on Monday.", "en"),
    ],
)
def test_a_bare_governorate_name_of_the_region_is_its_seat(parse, text, lang):
    assert {m.kind for m in parse(text, lang)} <= {"city", "town"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rebels attacked Idlib and Hama provinces.", "en"),
        ("Les rebelles ont attaqué les provinces d'Idleb et de Hama.", "fr"),
        ("Rebels attacked the provinces of Idlib, Hama and Latakia.", "en"),
    ],
)
def test_a_plural_designator_qualifies_every_name_of_its_list(parse, text, lang):
    found = parse(text, lang)
    assert len(found) >= 2 and {m.kind for m in found} == {"admin1"}


def test_an_airline_named_after_a_country_names_no_place_and_moves_none(parse):
    found = parse(
        "Officials from London's animal reception centre and Air Canada helped. A vice "
        "president of Air Canada said transporting animals is complex."
    )
    assert [m.text for m in found] == ["London"]
    assert found[0].country == "GB"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Police in Worcester said the man had travelled from Birmingham and Coventry.", "GB"),
        ("The ferry from Vancouver to Victoria was delayed.", "CA"),
    ],
)
def test_unsure_towns_of_one_country_lean_on_each_other(parse, text, country):
    assert {m.country for m in parse(text)} == {country}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Schools in Arlington will open late, Virginia officials said.", "Virginia", "US"),
        ("The ferry was cancelled, Ontario officials said.", "Ontario", "CA"),
    ],
)
def test_officials_of_a_name_are_those_of_its_state_or_province(parse, text, name, country):
    found = by_text(parse(text))
    assert (found[name].country, found[name].kind) == (country, "admin1")


def test_a_city_s_officials_stay_the_city_s(parse):
    found = by_text(parse("Chicago officials said the parade was cancelled."))
    assert found["Chicago"].kind == "city"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # each name alone is the larger Canadian or American namesake
        (
            "Pupils from an Edmonton school planted a garden. The design was chosen by the "
            "people of Edmonton, said the Enfield councillor in charge of schools.",
            "GB",
        ),
        ("The bus from Enfield to Edmonton was cancelled.", "GB"),
    ],
)
def test_two_namesakes_near_each_other_are_read_together(parse, text, country):
    found = by_text(parse(text))
    assert {found["Edmonton"].country, found["Enfield"].country} == {country}


def test_a_lone_namesake_keeps_its_likeliest_reading(parse):
    found = by_text(parse("Pupils from an Edmonton school planted a garden."))
    assert found["Edmonton"].country == "CA"
