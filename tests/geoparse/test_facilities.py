"""Named streets and buildings: reported beside the resolved places, never mapped."""

from __future__ import annotations

import pytest

from dashboard.geoparse import geoparse, geoparse_all
from dashboard.geoparse.facilities import facility_spans


def _names(text: str, lang: str = "en") -> list[str]:
    return [text[s:e] for s, e, _ in facility_spans(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police closed Royal Street on Monday.", ["Royal Street"]),
        ("The Royal Street fire spread.", ["Royal Street"]),
        ("He was taken to Alder Hey Children's Hospital.", ["Alder Hey Children's Hospital"]),
        ("She studied at the University of Alberta.", ["University of Alberta"]),
        (
            "Flights left Toronto's Pearson International Airport.",
            ["Pearson International Airport"],
        ),
        ("Traffic on Eglinton Avenue West was stopped.", ["Eglinton Avenue West"]),
        ("They walked along the rue Casa Calvo.", ["rue Casa Calvo"]),
        ("Residents met at Ballymore Town Hall on Friday.", ["Ballymore Town Hall"]),
        ("He appeared at Kirkby Magistrates' Court.", ["Kirkby Magistrates' Court"]),
        ("The petition reached the Lahore High Court.", ["Lahore High Court"]),
        ("Shops in the Al Noor Market Complex reopened.", ["Al Noor Market Complex"]),
        ("Voting took place at Kilmore Community Centre.", ["Kilmore Community Centre"]),
        ("He was held at the Pinewood Correctional Center.", ["Pinewood Correctional Center"]),
    ],
)
def test_facility_names_are_found_whole(text, expected):
    assert _names(text, "fr" if "rue " in text else "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Hospital was busy.",  # a facility word alone names nothing
        "Ministers from Mosul and Erbil met on\nUniversity grounds.",  # no name across lines
        "Crowds gathered at the West and the East Gate.",
        "A talk at the American Center drew students.",  # a nationality describes it
        "Classes at the French School resumed.",
        "The Pine Ridge School District hired a teacher.",  # the body that runs schools
        "The Lakeside Hospital Foundation raised funds.",
        "The state appealed to the Supreme Court on Monday.",  # the body, not a building
        "Lawyers asked the High Court for a stay.",
    ],
)
def test_no_facility_without_a_name(text):
    assert _names(text) == []


def test_literal_scheme_keeps_the_resolved_places_and_adds_the_unplaceable(gazetteer):
    text = "Police closed Royal Street near the French Quarter in New Orleans."
    located, facilities = geoparse_all(text, gazetteer, nlp=None)
    assert [m.text for m in located] == [m.text for m in geoparse(text, gazetteer, nlp=None)]
    assert {f.text for f in facilities} >= {"Royal Street", "French Quarter"}
    assert all(f.near is None for f in facilities if f.text == "Royal Street")


def test_inclusive_scheme_reads_the_whole_name_located_at_the_place_inside(gazetteer):
    located, facilities = geoparse_all(
        "He studied at the University of Alberta.", gazetteer, nlp=None, scheme="inclusive"
    )
    assert located == []
    (facility,) = facilities
    assert facility.text == "University of Alberta"
    assert facility.near is not None and facility.near.country == "CA"


def test_a_facility_the_gazetteer_spans_is_not_reported_twice(gazetteer):
    text = "Fighting closed the Husaybah border crossing and Rawa."
    located, facilities = geoparse_all(text, gazetteer, nlp=None)
    covered = [(m.start, m.end) for m in located]
    assert all(not any(s < f.end and f.start < e for s, e in covered) for f in facilities)


def _near(text: str, name: str, gazetteer) -> str | None:
    _, facilities = geoparse_all(text, gazetteer, nlp=None, lang="en", scheme="inclusive")
    (facility,) = [f for f in facilities if f.text == name]
    return facility.near.name if facility.near is not None else None


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a state in the name: the article's town in that state
        (
            "Students in Edmonton protested. The University of Alberta closed on Monday.",
            "University of Alberta",
            "Edmonton",
        ),
        # a nationality describes: the article's town, here abroad
        (
            "Tourists crowded New Orleans, where the French Quarter reopened on Friday.",
            "French Quarter",
            "New Orleans",
        ),
        # an embassy is abroad, in the town of another country
        (
            "Protesters in Paris gathered outside the Embassy of Armenia on Friday.",
            "Embassy of Armenia",
            "Paris",
        ),
    ],
)
def test_a_country_or_state_in_a_facility_name_is_narrowed_to_the_articles_town(
    gazetteer, text, name, expected
):
    assert _near(text, name, gazetteer) == expected


def test_an_embassy_with_no_town_abroad_is_not_placed_in_its_own_country(gazetteer):
    text = "Officials at the Embassy of Armenia said the talks in Yerevan would resume."
    assert _near(text, "Embassy of Armenia", gazetteer) is None


def test_the_facility_word_read_as_a_town_does_not_locate_it(gazetteer):
    # "Plantation" is a city in Florida; the word here only says what the place is
    text = "Visitors toured the Marigny Plantation on Sunday, then went on to New Orleans."
    assert _near(text, "Marigny Plantation", gazetteer) is None


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # the town its name recalls is not where it is
        (
            "said a professor at the University of St. Thomas in Houston, Texas.",
            "University of St. Thomas",
            "Houston",
        ),
        ("They own the Hotel Kyjev in Bratislava.", "Hotel Kyjev", "Bratislava"),
        # a nationality's facility placed by the text, not by the nearest town
        (
            "Players from Cairo trained at the British International School near Giza.",
            "British International School",
            "Giza",
        ),
    ],
)
def test_a_town_the_text_places_the_facility_in_locates_it(gazetteer, text, name, expected):
    assert _near(text, name, gazetteer) == expected


def test_a_state_without_a_town_of_its_own_in_the_article_still_locates_it(gazetteer):
    assert (
        _near("He studied at the University of Alberta.", "University of Alberta", gazetteer)
        == "Alberta"
    )
