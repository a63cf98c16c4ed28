"""Publication dates of articles that carry no metadata: stamps, datelines and inference."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.dates import find_dates, infer_publication_date, parse_dateline

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FIRST_SEED = SHARED_SEEDS / "000_44c6d5d4010a164b.txt"
TODAY = date(2025, 6, 1)

# --------------------------------------------------------------------------- stamps and datelines


def test_french_publication_stamp_with_numeric_date():
    guess = parse_dateline("Titre\nPublié le 12/03/2016 à 09h40\nTexte.")
    assert guess is not None
    assert (guess.value, guess.method) == (date(2016, 3, 12), "published-stamp")
    assert guess.confidence >= 0.9


def test_english_published_stamp_with_written_date():
    guess = parse_dateline("Published: September 26, 2017\nIraqi forces ...")
    assert guess is not None
    assert guess.value == date(2017, 9, 26)


def test_updated_stamp_is_weaker_than_published_stamp():
    updated = parse_dateline("Mis à jour le 8 août 2016")
    published = parse_dateline("Publié le 8 août 2016")
    assert updated is not None and published is not None
    assert updated.confidence < published.confidence


def test_wire_dateline_with_year():
    guess = parse_dateline("Erbil, 22 janv 2016 (AFP) - Les peshmergas ont ...")
    assert guess is not None
    assert (guess.value, guess.method) == (date(2016, 1, 22), "dateline")


def test_wire_dateline_in_capitals_without_year_uses_reference():
    text = "MOSUL, Iraq, Jan 22 (Reuters) - Iraqi troops ..."
    guess = parse_dateline(text, "en", reference=date(2017, 2, 1))
    assert guess is not None
    assert guess.value == date(2017, 1, 22)


def test_wire_dateline_without_year_or_reference_is_not_a_date():
    assert parse_dateline("MOSUL, Jan 22 (Reuters) - Iraqi troops ...") is None


def test_text_without_stamp_or_dateline():
    assert parse_dateline("Les forces irakiennes avancent vers la frontière.") is None


def test_dateline_must_open_a_line():
    assert parse_dateline("Ils ont dit, 3 nov 2017 (AFP) - rien") is None


# --------------------------------------------------------------------------- inference

FR_MONDAY_OCTOBER = (
    "Lundi 17 octobre, les forces irakiennes ont lancé l'offensive pour reprendre la ville, "
    "aux mains des jihadistes depuis 2014. Les premiers villages ont été repris lundi soir."
)
EN_SUNDAY_MAY = (
    "On Sunday, May 17, militants seized the provincial capital after a sandstorm grounded "
    "coalition aircraft. The city had been contested since January 2014."
)
FR_SATURDAY_JUNE = (
    "Samedi 29 juin, les forces ont annoncé avoir repris le dernier quartier. La bataille "
    "avait commencé en 2017, et les combats se sont intensifiés la semaine dernière."
)
EN_THURSDAY_DECEMBER = (
    "The coalition said on Thursday, Dec. 9, that its advisers would stay. Combat "
    "operations ended in 2016, officials said on Thursday."
)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (FR_MONDAY_OCTOBER, "fr", date(2016, 10, 17)),
        (EN_SUNDAY_MAY, "en", date(2015, 5, 17)),
        (FR_SATURDAY_JUNE, "fr", date(2019, 6, 29)),
        (EN_THURSDAY_DECEMBER, "en", date(2021, 12, 9)),
    ],
    ids=["fr-monday-2016", "en-sunday-2015", "fr-saturday-2019", "en-thursday-2021"],
)
def test_weekday_with_day_month_picks_nearest_matching_year_after_mentioned_years(
    text, lang, expected
):
    guess = infer_publication_date(text, lang, today=TODAY)
    assert guess is not None
    assert (guess.value, guess.precision, guess.method) == (expected, "day", "weekday+daymonth")


def test_explanation_names_the_candidate_years_and_the_choice():
    guess = infer_publication_date(FR_MONDAY_OCTOBER, "fr", today=TODAY)
    assert guess is not None
    assert "2016" in guess.explanation and "2022" in guess.explanation
    assert "2014" in guess.explanation


def test_several_candidate_years_lower_confidence_than_one():
    several = infer_publication_date(FR_MONDAY_OCTOBER, "fr", today=TODAY)
    one = infer_publication_date(FR_MONDAY_OCTOBER, "fr", today=date(2021, 1, 1))
    assert several is not None and one is not None
    assert one.value == several.value
    assert one.confidence > several.confidence


def test_without_any_year_the_most_recent_matching_year_is_taken_with_low_confidence():
    guess = infer_publication_date("Dimanche 9 juillet, la ville a été reprise.", "fr", today=TODAY)
    assert guess is not None
    assert guess.value == date(2023, 7, 9)
    assert guess.confidence < 0.5


def test_two_weekday_dates_must_agree_on_the_year():
    text = (
        "Wednesday, March 1: troops entered the west bank. Saturday, March 4: they reached "
        "the bridge. The city fell in 2014."
    )
    guess = infer_publication_date(text, "en", today=TODAY)
    assert guess is not None
    assert guess.value == date(2017, 3, 4)


def test_no_future_publication_date_is_proposed():
    guess = infer_publication_date(EN_THURSDAY_DECEMBER, "en", today=date(2021, 6, 1))
    assert guess is None or guess.value <= date(2021, 6, 1)


def test_stamp_wins_over_inference():
    text = "Publié le 18/10/2016\n" + FR_MONDAY_OCTOBER
    guess = infer_publication_date(text, "fr", today=TODAY)
    assert guess is not None
    assert (guess.value, guess.method) == (date(2016, 10, 18), "published-stamp")


def test_yearless_dateline_is_combined_with_mentioned_years():
    text = "MOSUL, Jan 22 (Reuters) - Iraqi troops, fighting since October 2016, advanced."
    guess = infer_publication_date(text, "en", today=TODAY)
    assert guess is not None
    assert (guess.value, guess.method) == (date(2016, 1, 22), "dateline+year-mention")
    assert guess.confidence < 0.5


def test_latest_fully_dated_event_is_used_without_weekday():
    text = "Le 10 juillet 2017, la ville a été déclarée libérée; le 29 juin 2017, la mosquée."
    guess = infer_publication_date(text, "fr", today=TODAY)
    assert guess is not None
    assert (guess.value, guess.method) == (date(2017, 7, 10), "latest-mentioned-date")


def test_only_a_year_gives_year_precision():
    guess = infer_publication_date("The group has held the town since 2014.", "en", today=TODAY)
    assert guess is not None
    assert (guess.value, guess.precision, guess.method) == (
        date(2014, 1, 1),
        "year",
        "year-mention",
    )


def test_text_without_clues_gives_none():
    assert infer_publication_date("Les combats continuent.", "fr", today=TODAY) is None


def test_inferred_date_resolves_relative_mentions():
    guess = infer_publication_date(FR_MONDAY_OCTOBER, "fr", today=TODAY)
    assert guess is not None
    relative = [m for m in find_dates(FR_MONDAY_OCTOBER, "fr", guess.value) if m.relative]
    assert [m.value for m in relative] == [date(2016, 10, 17)]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2024, 12, 31)))
def test_weekday_anchor_with_same_year_mention_recovers_the_date(day):
    weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    month = day.strftime("%B")
    text = f"On {weekday[day.weekday()]}, {month} {day.day}, troops advanced. In {day.year} ..."
    guess = infer_publication_date(text, "en", today=TODAY)
    assert guess is not None
    assert guess.value == day


@given(st.text(max_size=300), st.sampled_from(["fr", "en"]))
def test_inference_never_crashes_on_random_text(text, lang):
    guess = infer_publication_date(text, lang, today=TODAY)
    assert guess is None or 0.0 <= guess.confidence <= 1.0


# --------------------------------------------------------------------------- the first real article


@pytest.mark.skipif(not FIRST_SEED.is_file(), reason=f"shared seed article absent: {FIRST_SEED}")
def test_first_seed_article_is_dated_friday_3_november_2017():
    text = FIRST_SEED.read_text(encoding="utf-8")
    guess = infer_publication_date(text, "fr", today=TODAY)
    assert guess is not None
    assert guess.value == date(2017, 11, 3)
    assert guess.method == "weekday+daymonth"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Nov 3 is a Friday in 2017, the first such year from 2014 on
        (
            "BAGHDAD, Nov 3 (Reuters) - Iraqi forces on Friday captured al-Qaim, held by the "
            "militants since 2014.",
            "en",
            date(2017, 11, 3),
        ),
        # filed the day after: 17 September is a Sunday in 2017 (a Saturday only in 2022),
        # the news is Saturday's
        (
            "BEYROUTH, 17 septembre (AFP) - Les forces du régime ont repris samedi la ville "
            "d'Uqayribat, que l'EI tenait depuis 2014. L'offensive avait commencé en 2017.",
            "fr",
            date(2017, 9, 17),
        ),
    ],
)
def test_a_dateline_without_year_takes_the_year_of_its_lead_s_weekday(text, lang, expected):
    guess = infer_publication_date(text, lang, today=TODAY)
    assert guess is not None
    assert (guess.value, guess.method) == (expected, "dateline+weekday")
    assert guess.confidence <= 0.5


def test_a_yearless_dateline_takes_the_year_nearest_its_neighbours():
    from dashboard.dates import year_from_neighbours

    text = "BAGHDAD, Dec 30 (Reuters) - Troops entered the town, officials said."
    guess = year_from_neighbours(text, "en", [date(2018, 1, 2), date(2018, 1, 4)], today=TODAY)
    assert guess is not None
    assert guess.value == date(2017, 12, 30)  # nearer early January 2018 than 2018-12-30
    assert year_from_neighbours(text, "en", [], today=TODAY) is None
    assert year_from_neighbours("Troops entered the town.", "en", [date(2018, 1, 2)]) is None


def test_neighbours_date_a_yearless_dateline_whatever_the_detected_language():
    from dashboard.dates import year_from_neighbours

    text = "LAGOS, Nov 3 (Wire) - Dem talk say di town don fall."
    guess = year_from_neighbours(text, "pcm", [date(2017, 11, 1)], today=TODAY)
    assert guess is not None and guess.value == date(2017, 11, 3)
