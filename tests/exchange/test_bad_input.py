"""Bad files fail with a message that names the file, the row and the value, and store
nothing; --skip-bad-rows imports the good rows and reports each bad one."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.exchange import ImportFailed, import_events
from dashboard.store import Store
from tests.exchange.conftest import GENERIC_MAP

HEADER = (
    "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,"
    "location,admin1,latitude,longitude,geo_precision,source,notes,fatalities"
)
GOOD = (
    "IRQ1,2017-08-20,1,Battles,Armed clash,Military Forces of Iraq (2014-),"
    "Islamic State (Iraq),Tal Afar,Ninewa,36.379,42.449,1,Invented Wire,Invented.,2"
)


def write(tmp_path: Path, text: str | bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def acled(tmp_path: Path, *rows: str) -> Path:
    return write(tmp_path, "\n".join([HEADER, *rows]) + "\n")


def assert_nothing_stored(store: Store) -> None:
    counts = store.stats()["counts"]
    assert (counts["articles"], counts["events"], counts["claims"]) == (0, 0, 0)


def test_missing_required_columns_are_named(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "event_date,actor1,location\n2017-08-20,IS,Mosul\n")
    with pytest.raises(ImportFailed) as failure:
        import_events(store, path, "acled")
    message = str(failure.value)
    assert str(path) in message
    assert "sub_event_type, latitude, longitude" in message
    assert_nothing_stored(store)


def test_a_malformed_date_names_its_line_and_value(store: Store, tmp_path: Path) -> None:
    path = acled(tmp_path, GOOD, GOOD.replace("IRQ1,2017-08-20", "IRQ2,2017-13-45"))
    with pytest.raises(ImportFailed) as failure:
        import_events(store, path, "acled")
    message = str(failure.value)
    assert "line 3: event_date '2017-13-45' is not a date" in message
    assert "nothing imported" in message and "--skip-bad-rows" in message
    assert_nothing_stored(store)


def test_coordinates_out_of_range_name_their_line_and_value(store: Store, tmp_path: Path) -> None:
    path = acled(tmp_path, GOOD.replace("36.379,42.449", "136.379,42.449"), GOOD)
    with pytest.raises(ImportFailed, match=r"line 2: latitude '136.379' is out of range"):
        import_events(store, path, "acled")
    assert_nothing_stored(store)


def test_every_bad_row_is_listed_at_once(store: Store, tmp_path: Path) -> None:
    path = acled(
        tmp_path,
        GOOD.replace("36.379,42.449", "x,42.449"),
        GOOD.replace("IRQ1", "IRQ2").replace("42.449", "420"),
        GOOD.replace("IRQ1", "IRQ3").replace(",1,Battles", ",9,Battles"),
    )
    with pytest.raises(ImportFailed) as failure:
        import_events(store, path, "acled")
    message = str(failure.value)
    assert "3 bad row(s)" in message
    assert "line 2: latitude 'x' is not a number" in message
    assert "line 3: longitude '420' is out of range" in message
    assert "line 4: time_precision '9' is not one of 1, 2, 3" in message


def test_skip_bad_rows_imports_the_rest_and_reports_each(store: Store, tmp_path: Path) -> None:
    bad = GOOD.replace("IRQ1,2017-08-20", "IRQ2,20 Foo 2017")
    path = acled(tmp_path, GOOD, bad, GOOD.replace("IRQ1", "IRQ1"))
    summary = import_events(store, path, "acled", skip_bad_rows=True)
    assert summary.events == 1
    assert [str(p) for p in summary.skipped] == [
        "line 3: event_date '20 Foo 2017' is not a date (expected YYYY-MM-DD or 15 October 2017)",
        "line 4: id 'IRQ1' repeats line 2",
    ]
    assert "2 bad rows skipped" in summary.line()


def test_an_empty_file_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"export\.csv is empty"):
        import_events(store, write(tmp_path, ""), "acled")
    with pytest.raises(ImportFailed, match="has a header but no data rows"):
        import_events(store, write(tmp_path, HEADER + "\n\n"), "acled")
    assert_nothing_stored(store)


def test_a_file_in_another_encoding_is_refused_with_the_fix(store: Store, tmp_path: Path) -> None:
    text = "\n".join([HEADER, GOOD.replace("Tal Afar", "Tall ʿAfar é")]) + "\n"
    path = write(tmp_path, text.replace("ʿ", "").encode("cp1252"))
    with pytest.raises(ImportFailed) as failure:
        import_events(store, path, "acled")
    message = str(failure.value)
    assert "is not UTF-8 text: byte 0xe9 on line 2" in message
    assert "re-save the file as CSV UTF-8" in message
    assert_nothing_stored(store)


def test_a_spreadsheet_is_refused(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, b"PK\x03\x04\x14\x00\x06\x00binary", "export.xlsx")
    with pytest.raises(ImportFailed, match=r"not a CSV text file.*save it as CSV"):
        import_events(store, path, "acled")


def test_a_row_with_too_many_fields_is_named(store: Store, tmp_path: Path) -> None:
    path = acled(tmp_path, GOOD + ",extra")
    with pytest.raises(ImportFailed, match="line 2: has 16 fields where the header has 15"):
        import_events(store, path, "acled")


def test_an_unknown_acled_type_is_named(store: Store, tmp_path: Path) -> None:
    path = acled(tmp_path, GOOD.replace("Battles,Armed clash", "Duels,Pistols at dawn"))
    with pytest.raises(ImportFailed, match="sub_event_type 'Pistols at dawn'"):
        import_events(store, path, "acled")


def test_a_generic_csv_needs_its_mapping(store: Store, generic_file: Path) -> None:
    with pytest.raises(ImportFailed, match="needs --map for date, lat, lon, type"):
        import_events(store, generic_file, "csv")
    with pytest.raises(ImportFailed, match=r"has no column\(s\) lat=Latitude"):
        import_events(store, generic_file, "csv", {**GENERIC_MAP, "lat": "Latitude"})
    with pytest.raises(ImportFailed, match=r"unknown field.*colour"):
        import_events(store, generic_file, "csv", {**GENERIC_MAP, "colour": "Kind"})
    assert_nothing_stored(store)


def test_a_generic_type_outside_the_typology_is_named(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "Date,Y,X,Kind\n2017-01-02,36.3,43.1,parade\n")
    mapping = {"date": "Date", "lat": "Y", "lon": "X", "type": "Kind"}
    with pytest.raises(ImportFailed, match="line 2: Kind 'parade' is not one of armed_clash"):
        import_events(store, path, "csv", mapping)


def test_ucdp_end_before_start_is_named(store: Store, ucdp_file: Path, tmp_path: Path) -> None:
    lines = ucdp_file.read_text(encoding="utf-8").splitlines()
    broken = lines[1].replace("2017-07-01,2017-07-01", "2017-07-01,2017-06-01")
    path = write(tmp_path, "\n".join([lines[0], broken]) + "\n")
    with pytest.raises(ImportFailed, match="line 2: date_end '2017-06-01' is before"):
        import_events(store, path, "ucdp")


def test_the_wrong_format_names_the_missing_columns(store: Store, ucdp_file: Path) -> None:
    with pytest.raises(ImportFailed, match=r"lacks the ACLED column.*event_date"):
        import_events(store, ucdp_file, "acled")
