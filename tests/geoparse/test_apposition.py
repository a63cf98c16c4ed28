"""A town followed by its state, province or country is sought inside it; initialisms are areas."""

from __future__ import annotations

import pytest


def _resolved(found, text):
    return [(m.name, m.country, m.admin1) for m in found if m.text.casefold() == text.casefold()]


@pytest.mark.parametrize(
    ("sentence", "town", "country", "admin1"),
    [
        ("GLASGOW, Ky. (AP) - Police in Glasgow arrested two men.", "Glasgow", "US", "Kentucky"),
        ("A rally was held in London, Ontario, on Sunday.", "London", "CA", "Ontario"),
        ("The mayor of Paris, Texas, spoke to reporters.", "Paris", "US", "Texas"),
    ],
)
def test_town_is_sought_inside_the_region_in_apposition(parse, sentence, town, country, admin1):
    found = _resolved(parse(sentence), town)
    assert found, sentence
    # every mention of the name follows the apposition, not only the one beside it
    assert {(c, a) for _, c, a in found} == {(country, admin1)}


def test_without_apposition_the_famous_place_stays(parse):
    found = _resolved(parse("A rally was held in London on Sunday."), "London")
    assert found == [("London", "GB", "England")]


def test_a_country_before_an_adjectival_initialism_is_not_situated(parse):
    found = parse("He was working in Russia, U.S. officials said on Wednesday.")
    assert [(m.text, m.kind, m.country) for m in found] == [
        ("Russia", "country", "RU"),
        ("U.S.", "country", "US"),
    ]


def test_a_list_of_towns_is_not_an_apposition(parse):
    found = parse("Clashes were reported in Raqqa, Deir ez-Zor, Hasakah and Qamishli.")
    assert {m.text: m.country for m in found} == {
        "Raqqa": "SY",
        "Deir ez-Zor": "SY",
        "Hasakah": "SY",
        "Qamishli": "SY",
    }


@pytest.mark.parametrize(("text", "country"), [("U.S.", "US"), ("UK", "GB"), ("US", "US")])
def test_initialisms_stand_for_countries(parse, text, country):
    found = parse(f"Talks between Syria and the {text} resumed in Aleppo.")
    hit = [m for m in found if m.text == text]
    assert hit, text
    assert (hit[0].kind, hit[0].country) == ("country", country)


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "country"),
    [
        # US-heavy stories that name a country or a state: the town of that name in Texas,
        # Indiana or New York must not win on proximity alone
        (
            "Farmers in Houston, Dallas and Austin, Texas, fear the tariffs on China.",
            "China",
            "country",
            "CN",
        ),
        (
            "Mayors from Kokomo, Logansport and Wabash, Indiana, flew to the summit in Peru.",
            "Peru",
            "country",
            "PE",
        ),
        (
            "Police in Albany, Syracuse and Buffalo said the men had fled to Florida.",
            "Florida",
            "admin1",
            "US",
        ),
    ],
)
def test_a_country_or_state_keeps_its_name_against_nearby_towns(
    parse, sentence, name, kind, country
):
    hit = [m for m in parse(sentence) if m.text == name]
    assert [(m.kind, m.country) for m in hit] == [(kind, country)]


def test_a_town_named_like_a_country_is_found_through_its_apposition(parse):
    hit = [
        m for m in parse("Firefighters in Lebanon, Pa., put out the blaze.") if m.text == "Lebanon"
    ]
    assert [(m.kind, m.country, m.admin1) for m in hit] == [("town", "US", "Pennsylvania")]


def test_a_state_abroad_does_not_keep_its_name_against_a_local_town(parse):
    """ "Nelson" in a story from British Columbia is the town, not the New Zealand region."""
    found = parse(
        "Officials in Kamloops, Kelowna and Vernon said the new office in Nelson opens Monday."
    )
    hit = [m for m in found if m.text == "Nelson"]
    assert [(m.kind in ("city", "town", "village"), m.country) for m in hit] == [(True, "CA")]


def test_a_namesake_abroad_is_not_pulled_in_by_nearness(parse):
    """In a story about the United States, "London" is not London, Ontario because Buffalo
    lies near it: nearness counts only in the countries the article is about."""
    found = parse("Buffalo, Rochester and Syracuse, New York, hired a London consultant.")
    hit = [m for m in found if m.text == "London"]
    assert [m.country for m in hit] == ["GB"]


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("The fair opened in Alresford, Hampshire, on Saturday.", "Hampshire", "GB"),
        ("Rain stopped play at Tollerton, Leicestershire.", "Leicestershire", "GB"),
        ("The open was won at Crail, Fife, last year.", "Fife", "GB"),
    ],
)
def test_a_county_closing_an_apposition_is_found_over_a_namesake_village(
    parse, sentence, name, country
):
    hit = [m for m in parse(sentence) if m.text == name]
    assert [(m.kind, m.country) for m in hit] == [("admin2", country)]


def test_a_street_situated_by_its_city_keeps_the_city(parse):
    hit = [
        m
        for m in parse("A woman of Ferndale Close, Edmonton, was charged.")
        if m.text == "Edmonton"
    ]
    assert [m.kind for m in hit] == ["city"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Meanwhile, SEEK funding rose by four percent.",  # folds like a Malaysian district
        "The senators backed the Healthy Youth, Act, a bill on education.",  # not the ACT
    ],
)
def test_the_apposition_slot_needs_the_division_written_as_named(parse, sentence):
    assert parse(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "initialism", "name"),
    [
        (
            "Canada's west is burning: the BC government declared an emergency.",
            "BC",
            "British Columbia",
        ),
        (
            "Floods hit Australia again, and towns across NSW were cut off.",
            "NSW",
            "New South Wales",
        ),
        ("South Africa's rains eased, police in KZN said.", "KZN", "Kwazulu-Natal"),
    ],
)
def test_a_division_initialism_is_read_in_a_story_about_its_country(
    parse, sentence, initialism, name
):
    hit = [m for m in parse(sentence) if m.text == initialism]
    assert [(m.name, m.kind) for m in hit] == [(name, "admin1")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The BC government declared an emergency.",  # no country named: any acronym
        "Canada's oldest totem dates from 500 BC, the museum said.",  # an era
    ],
)
def test_a_division_initialism_needs_its_country_and_no_number(parse, sentence):
    assert all(m.text != "BC" for m in parse(sentence))


def test_a_curated_county_situates_the_village_before_it(parse):
    """Counties that GeoNames no longer lists are curated regions: the apposition still
    tells a small village from the common word, and the county from a namesake village."""
    found = parse("Silverstone, Northamptonshire, hosts the race.")
    assert [(m.text, m.country, m.kind) for m in found] == [
        ("Silverstone", "GB", "village"),
        ("Northamptonshire", "GB", "region"),
    ]
    found = parse("Racing resumes at Croft, Yorkshire.")
    assert [(m.text, m.country) for m in found] == [("Croft", "GB"), ("Yorkshire", "GB")]


def test_a_county_of_the_apposition_is_read_near_the_village(parse):
    found = {m.text: m for m in parse("The race moved to Snetterton, Norfolk, last year.")}
    assert (found["Norfolk"].kind, found["Norfolk"].country) == ("admin2", "GB")


def test_a_place_missing_from_its_region_falls_back_to_the_region(parse):
    """No Rockingham of Northamptonshire is in the gazetteer: the county situates the mention
    at region precision, instead of the Australian town of that name."""
    hit = [m for m in parse("The final round is at Rockingham, Northamptonshire.")]
    rock = [m for m in hit if m.text == "Rockingham"]
    assert [(m.name, m.country, m.precision) for m in rock] == [
        ("Northamptonshire", "GB", "region")
    ]


def test_the_last_pair_of_a_list_keeps_its_own_town(parse):
    found = parse("Strikes hit Hasakah, Raqqa, Deir ez-Zor.")
    assert {m.text: (m.name, m.kind) for m in found}["Raqqa"][1] == "city"


def test_a_bare_state_name_follows_the_state_the_article_abbreviates(parse):
    found = parse(
        "CAMP MURRAY, Wash. - The team works in Washington communities. Trips to Guam and "
        "Washington, D.C., followed."
    )
    kinds = {m.text: m.kind for m in found}
    assert kinds["Washington"] == "admin1"
    assert kinds["Washington, D.C."] == "city"


def test_without_the_abbreviation_washington_is_the_capital(parse):
    found = parse("The team serves Washington communities.")
    assert [m.kind for m in found if m.text == "Washington"] == ["city"]


def test_a_country_named_like_a_state_among_that_country_s_states_is_the_state(parse):
    found = parse("Trips to Hawaii, Florida, Louisiana, Nevada and Georgia followed.")
    assert [(m.kind, m.country) for m in found if m.text == "Georgia"] == [("admin1", "US")]


def test_the_country_keeps_its_name_without_such_a_list(parse):
    found = parse("Russia and Georgia fought over South Ossetia, officials in Moscow said.")
    assert [(m.kind, m.country) for m in found if m.text == "Georgia"] == [("country", "GE")]
