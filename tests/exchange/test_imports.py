"""ACLED, UCDP GED and generic CSV files become events and capture claims, on both backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.exchange import import_events, parse_mapping
from dashboard.store import Store
from tests.exchange.conftest import GENERIC_MAP

ALL_DAYS = (date(2000, 1, 1), date(2030, 1, 1))
STATUSES = ("automatic", "confirmed", "rejected")


def events_by_native(store: Store, article_id: str) -> dict[str, object]:
    return {e.notes or e.sentence: e for e in store.events_of_article(article_id)}


def test_acled_rows_become_typed_dated_placed_events(store: Store, acled_file: Path) -> None:
    summary = import_events(store, acled_file, "acled")
    assert summary.status == "new"
    assert summary.rows == 13
    assert summary.events == 11
    assert summary.ignored_types == {"Headquarters or base established": 1, "Peaceful protest": 1}
    events = {e.notes: e for e in store.events_of_article(summary.article_id)}
    tal_afar = events[
        "Invented row: government troops retook the centre of Tal Afar, the ministry said."
    ]
    assert tal_afar.type == "capture"
    assert tal_afar.date == date(2017, 8, 20)
    assert tal_afar.date_precision == "day"
    assert tal_afar.places[0].precision == "point"
    assert tal_afar.fatalities == 12
    assert tal_afar.source == "ACLED"
    assert tal_afar.attribution == "Invented Wire"
    assert {(a.side, a.role) for a in tal_afar.actors} == {
        ("iraqi_forces", "agent"),
        ("isis", "patient"),
    }
    shelling = events["Invented row: mortar fire on army positions near Hawija during the week."]
    assert (shelling.type, shelling.date_precision) == ("shelling", "week")
    bomb = events["Invented row: a car bomb in Anbar province some time in October."]
    assert (bomb.type, bomb.date_precision) == ("suicide_bombing", "month")
    assert bomb.places[0].precision == "governorate"
    strike = events["Invented row: coalition aircraft struck positions west of Tal Afar."]
    assert strike.type == "air_strike"
    assert strike.places[0].precision == "district"
    assert [a.side for a in strike.actors] == ["us_coalition", "isis"]


def test_acled_territory_changes_claim_the_place_for_the_winner(
    store: Store, acled_file: Path
) -> None:
    summary = import_events(store, acled_file, "acled")
    claims = {(c.place_name, c.side, c.valid_from) for c in store.claims_between(*ALL_DAYS)}
    assert claims == {
        ("Tal Afar", "iraqi_forces", date(2017, 8, 20)),
        ("Hawija", "iraqi_forces", date(2017, 10, 5)),
        ("Raqqa", "sdf", date(2017, 10, 17)),
        ("Deir ez-Zor", "syrian_government", date(2017, 11, 3)),
        ("Albu Kamal", "isis", date(2017, 11, 8)),
    }
    assert summary.claims == 5
    assert summary.earliest_changed_day == date(2017, 8, 20)


def test_actors_outside_the_sides_are_reported_not_guessed(store: Store, acled_file: Path) -> None:
    summary = import_events(store, acled_file, "acled")
    assert summary.unmapped_actors == {
        "Military Forces of Turkey (2016-)": 1,
        "Unidentified Armed Group (Syria)": 1,
    }
    (jarablus,) = [
        e for e in store.events_of_article(summary.article_id) if e.places[0].name == "Jarablus"
    ]
    assert jarablus.actors == ()


def test_ucdp_precisions_map_to_ours(store: Store, ucdp_file: Path) -> None:
    summary = import_events(store, ucdp_file, "ucdp")
    assert (summary.events, summary.claims) == (12, 0)
    by_place = {e.places[0].name: e for e in store.events_of_article(summary.article_id)}
    assert by_place["Mosul town"].date_precision == "day"
    assert by_place["Mosul town"].places[0].precision == "point"
    assert by_place["Hawija district"].places[0].precision == "district"
    assert by_place["Hawija district"].type == "assault"  # one-sided violence
    assert by_place["Anbar governorate"].places[0].precision == "governorate"
    assert by_place["Anbar governorate"].date_precision == "month"
    assert by_place["Iraq"].places[0].precision == "country"
    assert by_place["Iraq"].date_precision == "year"
    assert by_place["Euphrates valley"].places[0].precision == "region"
    mayadin = by_place["Mayadin town"]
    assert mayadin.date_precision == "week"
    assert mayadin.date_text == "2017-09-18 to 2017-09-20"
    assert [a.side for a in mayadin.actors] == ["syrian_government", "isis"]
    assert mayadin.fatalities == 9
    assert mayadin.attribution == '"Invented Agency,2017-09-20,Air raids"'
    idlib = by_place["Idlib district"]
    assert [a.side for a in idlib.actors] == ["syrian_government", "syrian_opposition"]


def test_generic_csv_follows_its_column_mapping(store: Store, generic_file: Path) -> None:
    summary = import_events(store, generic_file, "csv", GENERIC_MAP)
    assert (summary.events, summary.claims) == (12, 5)
    events = {e.notes: e for e in store.events_of_article(summary.article_id)}
    assert events["Strikes before the assault."].type == "air_strike"
    assert events["Districts retaken."].type == "capture"  # an ACLED name is accepted
    assert events["A car bomb at a checkpoint."].fatalities == 6
    claims = {(c.place_name, c.side) for c in store.claims_between(*ALL_DAYS)}
    assert ("Albu Kamal", "syrian_government") in claims
    assert ("Raqqa", "sdf") in claims


def test_map_option_parses_field_equals_column() -> None:
    assert parse_mapping("date=Date, lat=Y,lon=X,type=Kind") == {
        "date": "Date",
        "lat": "Y",
        "lon": "X",
        "type": "Kind",
    }


@pytest.mark.parametrize(
    ("name", "fmt", "mapping"),
    [
        ("acled_sample.csv", "acled", None),
        ("ucdp_sample.csv", "ucdp", None),
        ("generic_sample.csv", "csv", GENERIC_MAP),
    ],
)
def test_importing_the_same_file_twice_changes_nothing(
    store: Store, name: str, fmt: str, mapping: dict | None
) -> None:
    path = Path(__file__).parent / "data" / name
    first = import_events(store, path, fmt, mapping)
    counts = store.stats()["counts"]
    log = len(store.change_log())
    again = import_events(store, path, fmt, mapping)
    assert again.status == "unchanged"
    assert again.article_id == first.article_id
    assert again.earliest_changed_day is None
    assert store.stats()["counts"] == counts
    assert len(store.change_log()) == log


def test_the_file_is_a_pseudo_article_that_events_point_to(store: Store, acled_file: Path) -> None:
    summary = import_events(store, acled_file, "acled")
    article = store.article(summary.article_id)
    assert article is not None
    assert article.title == "acled_sample.csv"
    assert article.format == "acled"
    assert article.source == "ACLED"
    assert article.path == str(acled_file)
    assert "13 rows" in article.text
    assert all(e.article_id == article.id for e in store.events_of_article(article.id))


def test_an_event_already_imported_from_another_export_is_not_duplicated(
    store: Store, acled_file: Path, tmp_path: Path
) -> None:
    import_events(store, acled_file, "acled")
    lines = acled_file.read_text(encoding="utf-8").splitlines()
    overlap = tmp_path / "acled_next_month.csv"
    overlap.write_text("\n".join([lines[0], *lines[-3:]]) + "\n", encoding="utf-8")
    summary = import_events(store, overlap, "acled")
    assert summary.status == "new"
    assert summary.duplicates == 2  # SYR90011 and SYR90013; SYR90012 is a protest
    assert summary.events == 0
    assert store.stats()["counts"]["events"] == 11
