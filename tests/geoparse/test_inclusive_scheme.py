"""Rules for the inclusive scheme (every toponym, proper-name spans), in English."""

from __future__ import annotations

import pytest

from dashboard.geoparse import geoparse


@pytest.fixture(scope="module")
def inclusive(gazetteer):
    def run(text: str, lang: str = "en"):
        return geoparse(text, gazetteer, nlp=None, lang=lang, scheme="inclusive")

    return run


def texts(found):
    return [m.text for m in found]


def test_two_word_demonym_is_one_mention_resolved_to_its_country(inclusive):
    found = inclusive("Two South Korean engineers were freed on Monday.")
    assert texts(found) == ["South Korean"]
    assert found[0].country == "KR"


@pytest.mark.parametrize(
    ("sentence", "word", "region", "kind", "country"),
    [
        ("Many Albertans voted early this year.", "Albertans", "Alberta", "admin1", "CA"),
        ("A Texan rancher sold the herd.", "Texan", "Texas", "admin1", "US"),
        ("Bakers prefer Sicilian almonds.", "Sicilian", "Sicilia", "admin1", "IT"),
        ("Kurdish fighters held the ridge.", "Kurdish", "Kurdistan Region", "region", "IQ"),
        ("Two West Virginian miners were hurt.", "West Virginian", "West Virginia", "admin1", "US"),
        ("She plays in the English league.", "English", "England", "admin1", "GB"),
    ],
)
def test_a_regional_demonym_resolves_to_its_region(
    inclusive, sentence, word, region, kind, country
):
    found = [m for m in inclusive(sentence) if m.text == word]
    assert [(m.name, m.kind, m.country) for m in found] == [(region, kind, country)]


def test_a_surname_folding_like_a_demonym_is_not_one(inclusive):
    found = inclusive("Coach Scott praised the defence.")
    assert all(m.kind != "admin1" for m in found), [(m.text, m.name) for m in found]


def test_regional_demonyms_are_not_places_under_the_literal_scheme(parse):
    assert parse("Kurdish and Texan volunteers met.") == []


def test_regional_adjective_resolves_to_the_continent(inclusive):
    found = inclusive("The summit gathered African ministers in a hotel.")
    assert texts(found) == ["African"]
    assert found[0].kind == "continent"


def test_plural_nationality_noun_is_a_demonym(inclusive):
    found = inclusive("Many Peruvians queued at the consulate.")
    assert texts(found) == ["Peruvians"]
    assert found[0].country == "PE"


def test_demonyms_stay_rejected_under_the_literal_scheme(parse):
    assert parse("Hungarian and Danish observers arrived.") == []


def test_lower_case_province_is_outside_the_proper_name(inclusive):
    assert texts(inclusive("Aid convoys reached Anbar province on Friday.")) == ["Anbar"]
    assert texts(inclusive("Floods hit the province of Anbar last week.")) == ["Anbar"]


def test_literal_scheme_keeps_the_designator(parse):
    assert texts(parse("Aid convoys reached Anbar province on Friday.")) == ["Anbar province"]


def test_state_police_names_the_state_only(inclusive):
    found = inclusive("Kentucky State Police closed the road after the crash.")
    assert texts(found) == ["Kentucky"]
    assert found[0].kind == "admin1"


def test_state_abbreviation_after_a_town_is_the_state(parse):
    found = parse("A farmer from Dover, Del. won the prize.")
    assert "Del." in texts(found)
    state = next(m for m in found if m.text == "Del.")
    assert (state.name, state.kind, state.country) == ("Delaware", "admin1", "US")


def test_state_abbreviation_needs_the_comma_cue(parse):
    assert "Ill." not in texts(parse("He felt Ill. Then he slept."))


def test_washington_dc_is_one_mention(parse):
    found = parse("The delegation flew to Washington, D.C. on Monday.")
    assert texts(found) == ["Washington, D.C."]
    assert found[0].country == "US"


def test_surname_seen_after_a_given_name_is_a_person_later(parse):
    text = "Coach Nick Burton trained the team. Later, Burton said the season went well."
    assert parse(text) == []


def test_surname_with_an_age_in_apposition_is_a_person(parse):
    assert parse("Officers arrested Ellen Sutton, 34, on Friday. Sutton was released.") == []


def test_locative_cue_keeps_the_place_despite_a_namesake(parse):
    text = "Nick Burton grew up in Burton upon Trent and now lives in Burton again."
    assert "Burton" in texts(parse(text))


def test_a_country_after_an_unknown_capitalised_word_stays_a_place(inclusive):
    found = inclusive("The newsletter Greenwatch Canada reported the spill.")
    assert "Canada" in texts(found)


def test_street_named_after_a_town_is_not_the_town(inclusive):
    found = inclusive("Residents of Hertford Road complained about the noise.")
    assert "Hertford" not in texts(found)


def test_saint_possessive_building_is_not_a_place(inclusive):
    found = inclusive("She was taken to St. Lucia's Hospital with burns.")
    assert texts(found) == []


def test_town_before_an_institution_with_words_between_stays(inclusive):
    assert "Toronto" in texts(inclusive("He works at the Toronto General Hospital clinic."))


def test_abbreviated_saint_joins_the_name(inclusive):
    assert texts(inclusive("The consulate in St. Petersburg closed.")) == ["St. Petersburg"]


def test_english_preposition_does_not_open_an_arabic_name(parse):
    found = parse("He appeared at Wood Green yesterday.")
    assert all(not m.text.startswith("at ") for m in found)


def test_glued_arabic_article_still_opens_a_name(parse):
    assert texts(parse("Convoys reached as-Sukhnah on Monday.")) == ["as-Sukhnah"]


def test_function_word_before_city_is_not_a_place(inclusive):
    assert inclusive("The city is urging residents to stay home.") == []


def test_capitalised_common_words_in_office_names_are_not_places(inclusive):
    found = inclusive("The European Central Bank and the Olympic committee met.")
    assert "Central" not in texts(found) and "Olympic" not in texts(found)


def test_white_house_is_the_institution(inclusive):
    assert inclusive("The White House condemned the attack.") == []


def test_single_letters_are_never_places(inclusive):
    assert inclusive("He wore a T-shirt to Texas A&M University.") == [
        m for m in inclusive("He wore a T-shirt to Texas A&M University.") if len(m.text) > 1
    ]


def test_town_followed_by_its_state_is_a_place(inclusive):
    found = inclusive("She grew up near Coalville, Utah, before moving east.")
    assert texts(found)[:2] == ["Coalville", "Utah"]


def test_dateline_town_is_a_place(inclusive):
    found = inclusive("INNISFAIL - A young skater returned home this week.")
    assert texts(found) == ["INNISFAIL"]


def test_eu_in_capitals_reads_as_europe(inclusive):
    found = inclusive("EU ministers met on Monday.")
    assert texts(found) == ["EU"]
    assert found[0].kind == "continent"


def test_eu_is_not_a_place_under_the_literal_scheme(parse):
    assert parse("EU ministers met on Monday.") == []


def test_capitalised_direction_is_part_of_the_name(inclusive):
    found = inclusive("Heavy rain fell across South Florida overnight.")
    assert texts(found) == ["South Florida"]
    assert found[0].name == "Florida"


def test_direction_after_another_capitalised_word_is_left_out(inclusive):
    found = inclusive("The Far North Florida region lies far from the capital.")
    assert texts(found) == ["Florida"]


def test_designator_before_of_is_outside_the_name(inclusive):
    found = inclusive("He sits for the District of Massachusetts bench.")
    assert texts(found) == ["Massachusetts"]


def test_a_name_accepted_once_is_a_place_elsewhere_in_the_article(inclusive):
    text = "INNISFAIL - A skater returned home. Innisfail fans cheered her."
    assert texts(inclusive(text)) == ["INNISFAIL", "Innisfail"]
    assert inclusive("Innisfail fans cheered her.") == []


def test_acronyms_do_not_spread(inclusive):
    text = "Delegates flew to CIS capitals. CIS trade grew."
    assert texts(inclusive(text)).count("CIS") <= 1


def test_full_name_after_a_title_marks_every_part(parse):
    text = "Sen. Marco Tyler spoke first. Tyler then left the chamber."
    assert "Tyler" not in texts(parse(text))


def test_age_after_an_article_marks_a_person(parse):
    text = "The gunman, Omer Burton, a 22-year-old officer, fired. Burton was arrested."
    assert "Burton" not in texts(parse(text))


def test_presidency_marks_a_person(parse):
    assert "Jackson" not in texts(parse("Rules from the Jackson administration were lifted."))


def test_third_item_of_a_list_of_places_is_a_place(inclusive):
    text = "Oil towns such as Alberta, Saskatchewan and Newfoundland struggled."
    assert texts(inclusive(text)) == ["Alberta", "Saskatchewan", "Newfoundland"]


def test_two_names_joined_by_and_do_not_vouch_for_each_other(inclusive):
    assert "Hamas" not in texts(inclusive("Israel and Hamas agreed to a truce."))


def test_dateline_month_is_not_listed_with_the_city(parse):
    assert texts(parse("BEIRUT, Nov 1 — Fighting resumed.")) == ["BEIRUT"]


def test_residence_after_a_name_and_age_is_a_place(inclusive):
    found = inclusive("Police arrested Vernon Hale, 40, of McKee on Friday.")
    assert "McKee" in texts(found)


def test_acronym_in_mixed_case_text_is_not_a_place(inclusive):
    assert inclusive("The agency TASS reported the figures on Monday.") == []


def test_country_abbreviation_in_capitals_stays_a_place(inclusive):
    found = inclusive("Exports to the UK rose sharply.")
    assert [(m.text, m.kind) for m in found] == [("UK", "country")]


def test_capitalised_headline_city_stays_a_place(parse):
    assert "PARIS" in texts(parse("PARIS (AP) — Police closed the avenue."))


@pytest.mark.parametrize(
    ("text", "demonym", "country"),
    [
        ("Thousands are stuck on the Greek islands.", "Greek", "GR"),
        ("Dutch investigators returned on Monday.", "Dutch", "NL"),
        ("A Saudi delegation arrived in the morning.", "Saudi", "SA"),
    ],
)
def test_a_demonym_wins_over_a_village_its_folded_spelling_matches(
    inclusive, text, demonym, country
):
    found = inclusive(text)
    assert texts(found) == [demonym]
    assert found[0].country == country


@pytest.mark.parametrize(
    "text",
    [
        "Rozen's wife, Julia, has taken on the search.",
        "Known locally as Smoky Mary, the steam line ran until 1932.",
    ],
)
def test_a_lone_given_name_with_no_place_cue_is_not_a_place(inclusive, text):
    assert inclusive(text) == []


def test_a_given_name_with_a_place_cue_or_naming_a_country_stays_a_place(inclusive):
    assert texts(inclusive("Talks with Georgia resumed on Monday.")) == ["Georgia"]
    found = inclusive("The cotton harvest began near the city of Mary in Turkmenistan.")
    assert "Mary" in texts(found)


@pytest.mark.parametrize(
    "sentence",
    [
        "It is the worst slump since World War II, analysts said.",  # not Warri
        "His Holiness Aram I addressed the crowd.",
        "Queen Elizabeth II opened the session.",
        "Pope John Paul II prayed for peace.",
        "Opposition Leader R.Sampanthan voted against it.",
    ],
)
def test_numerals_and_initials_close_no_place_name(inclusive, sentence):
    assert inclusive(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The oudist Zaid Al Harbi played last.",
        "A speech by Mohammad Al Kindi closed the night.",
    ],
)
def test_an_arabic_family_name_after_a_given_name_is_a_person(inclusive, sentence):
    assert inclusive(sentence) == []


def test_an_arabic_article_still_opens_a_place_after_a_verb(inclusive):
    assert texts(inclusive("Ahmed went to Al Anbar.")) == ["Al Anbar"]


def test_every_demonym_has_a_place_to_resolve_to():
    from dashboard.geoparse import lexicons as lx

    assert [c for c in set(lx.DEMONYMS.values()) if lx.demonym_target(c) is None] == []


@pytest.mark.parametrize(
    ("sentence", "text", "country"),
    [
        ("Turtles nest on Saint Lucian beaches.", "Saint Lucian", "LC"),
        ("The party hopes to win votes from rural Malays.", "Malays", "MY"),
    ],
)
def test_demonyms_read_as_their_country(gazetteer, sentence, text, country):
    found = geoparse(sentence, gazetteer, nlp=None, lang="en", scheme="inclusive")
    assert [(m.text, m.country) for m in found] == [(text, country)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Real Madrid travelled to Barcelona for the match.", ["Barcelona"]),
        ("Paris Saint-Germain beat Lyon 3-1 on Sunday.", ["Lyon"]),
        ("Taliban fighters attacked Kunduz on Monday.", ["Kunduz"]),
    ],
)
def test_clubs_and_armed_groups_hold_no_place_even_under_the_inclusive_scheme(
    inclusive, text, expected
):
    assert texts(inclusive(text)) == expected


def test_other_organisations_still_hold_their_place_under_the_inclusive_scheme(inclusive):
    assert "England" in texts(inclusive("Rates were raised by the Bank of England on Monday."))


def test_an_airline_s_country_is_named_but_places_no_other_name(inclusive):
    found = inclusive(
        "Officials from London's animal centre and Air Canada Cargo met in Kansas City. "
        "Air Canada flies the animals."
    )
    by_text = {m.text: m for m in found}
    assert by_text["London"].country == "GB"
    assert by_text["Canada"].country == "CA"  # still a place named, under this scheme


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Former New York Gov. Mario Cuomo died on Thursday.", "New York", "US"),
        ("Washington Governor Jay Inslee signed the bill.", "Washington", "US"),
        ("New York Attorney General Letitia James sued the firm.", "New York", "US"),
        ("Ontario Premier Doug Ford spoke in Toronto.", "Ontario", "CA"),
    ],
)
def test_a_state_s_office_holder_by_title_names_the_state(inclusive, text, name, country):
    found = {m.text: m for m in inclusive(text)}
    assert (found[name].country, found[name].kind) == (country, "admin1")


def test_a_city_s_mayor_stays_the_city_s(inclusive):
    found = {m.text: m for m in inclusive("New York Mayor Bill de Blasio spoke on Monday.")}
    assert found["New York"].kind == "city"
