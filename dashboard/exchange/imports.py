"""ACLED, UCDP GED and generic CSV files -> events (and capture claims) in the store.

Each file becomes one pseudo-article whose id is the hash of the file's bytes, so provenance
and idempotence work as for articles: every event points at the file it came from, and
importing the same file again changes nothing. The whole file is checked before anything is
stored; one bad row fails the import (naming every bad row) unless bad rows are skipped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from dashboard.events.model import DATE_PRECISIONS, EVENT_TYPES, ActorMention, Claim, Event
from dashboard.events.model import stable_id as _stable_id
from dashboard.exchange.errors import ImportFailed
from dashboard.exchange.mappings import (
    ACLED_DATE_PRECISIONS,
    ACLED_EVENT_TYPES,
    ACLED_PLACE_PRECISIONS,
    ACLED_SUB_EVENT_TYPES,
    ACLED_TERRITORY_CHANGES,
    COUNTRY_CODES,
    GROUND_SIDES,
    PLACE_KINDS,
    UCDP_DATE_PRECISIONS,
    UCDP_PLACE_PRECISIONS,
    UCDP_VIOLENCE_TYPES,
    date_precision_code,
    is_bystander,
    side_of_actor,
)
from dashboard.geoparse.model import PRECISIONS, PlaceMention

if TYPE_CHECKING:
    from dashboard.articles.model import Article
    from dashboard.gazetteer import Gazetteer
    from dashboard.store import Store

IMPORT_FORMATS = ("acled", "ucdp", "csv")
# Bump when a mapping table changes: re-importing a file then replaces its events.
IMPORT_VERSION = "1"
DATASET_LABELS = {"acled": "ACLED", "ucdp": "UCDP GED", "csv": "CSV import"}
# Coded datasets are checked by people; still below a confirmed event.
EVENT_CONFIDENCE = 0.9
CLAIM_CONFIDENCE = 0.8
# A gazetteer place of the same name this close stands for the dataset's point.
SAME_PLACE_KM = 5.0
MAX_LISTED_PROBLEMS = 20
_WIDTH = "\x00width"  # marks a row whose field count differs from the header's

REQUIRED = {
    "acled": ("event_date", "sub_event_type", "actor1", "latitude", "longitude"),
    "ucdp": ("id", "date_start", "side_a", "side_b", "latitude", "longitude"),
}
CSV_FIELDS = (
    "date",
    "lat",
    "lon",
    "type",
    "place",
    "actor1",
    "actor2",
    "id",
    "source",
    "notes",
    "fatalities",
    "date_precision",
    "place_precision",
    "country",
    "admin1",
)
CSV_REQUIRED = ("date", "lat", "lon", "type")


@dataclass(frozen=True)
class RowProblem:
    """One row that could not be imported: its line in the file and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class ImportSummary:
    """What an import stored and what it left out, and why."""

    path: str
    format: str
    article_id: str
    status: str  # new | unchanged | updated
    rows: int
    events: int
    claims: int
    skipped: tuple[RowProblem, ...] = ()
    ignored_types: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    unmapped_actors: dict[str, int] = field(default_factory=dict)
    claim_days: tuple[date, ...] = ()

    @property
    def earliest_changed_day(self) -> date | None:
        """Control must be recomputed from here on (None when nothing changed)."""
        if self.status == "unchanged" or not self.claim_days:
            return None
        return min(self.claim_days)

    def line(self) -> str:
        parts = [
            f"{self.path}: {self.status}, {self.rows} rows -> {self.events} events, "
            f"{self.claims} control claims"
        ]
        if self.skipped:
            parts.append(f"{len(self.skipped)} bad rows skipped")
        if self.ignored_types:
            kinds = ", ".join(f"{k} ({n})" for k, n in sorted(self.ignored_types.items()))
            parts.append(f"left out as not fighting: {kinds}")
        if self.duplicates:
            parts.append(f"{self.duplicates} already imported from another file")
        return "; ".join(parts)


class RowError(ValueError):
    """A value in one row that cannot be read; the caller adds the line number."""


@dataclass(frozen=True)
class ImportRow:
    """One dataset row in our terms, before it becomes an Event."""

    line: int
    native_id: str | None
    day: date
    date_precision: str
    date_text: str
    type: str | None  # None: a code outside our typology (left out)
    code: str  # the dataset's own type label, for the summary
    agent: str
    patient: str
    place: str
    lat: float
    lon: float
    place_precision: str
    country: str | None
    admin1: str | None
    fatalities: int | None
    source: str | None
    notes: str | None
    takes_territory: bool


# -- reading the table ---------------------------------------------------------------------


def read_table(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]], str]:
    """Header, rows with their line numbers, and the file's SHA-256: checks that the file is
    non-empty UTF-8 text with a header and at least one row."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"cannot read {path}: {exc.strerror or exc}") from None
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ImportFailed(f"{path} is empty; export the data again, with its header row")
    if b"\x00" in data[:8192] or data.startswith(b"PK\x03\x04"):
        raise ImportFailed(
            f"{path} is not a CSV text file (it holds binary data, e.g. a spreadsheet); save "
            "it as CSV (UTF-8) and import that"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            f"{path} is not UTF-8 text: byte 0x{data[exc.start]:02x} on line {line} cannot be "
            "decoded; re-save the file as CSV UTF-8 (Excel: 'CSV UTF-8'; iconv -f cp1252 "
            "-t utf-8)"
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ImportFailed(f"{path} has no header row") from None
    except csv.Error as exc:
        raise ImportFailed(f"{path}: line 1: the header cannot be read as CSV: {exc}") from None
    if len(header) < 2:
        raise ImportFailed(
            f"{path}: the header {first[:80]!r} has one column; is this a CSV file with "
            "commas, semicolons or tabs between columns?"
        )
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            line = reader.line_num
            if len(values) != len(header):
                rows.append((line, {_WIDTH: str(len(values))}))
                continue
            rows.append((line, dict(zip(header, values, strict=True))))
    except csv.Error as exc:
        raise ImportFailed(f"{path}: line {reader.line_num}: not valid CSV: {exc}") from None
    if not rows:
        raise ImportFailed(f"{path} has a header but no data rows")
    return header, rows, digest


def parse_mapping(text: str | None) -> dict[str, str]:
    """``date=Date,lat=Y,lon=X,type=Kind`` -> {"date": "Date", ...}, for ``--map``."""
    if not text:
        return {}
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        key, sep, column = part.partition("=")
        key, column = key.strip().lower(), column.strip()
        if not sep or not key or not column:
            raise ImportFailed(f"--map entry {part.strip()!r} is not FIELD=COLUMN")
        mapping[key] = column
    return mapping


# -- values ---------------------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%B %d, %Y")
_ISO_WITH_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}")


def parse_day(value: str, column: str) -> date:
    text = value.strip()
    if not text:
        raise RowError(f"{column} is empty")
    iso = _ISO_WITH_TIME.match(text)
    if iso:
        text = iso[1]
    for fmt in _DATE_FORMATS:
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if not 1900 <= day.year <= 2100:
            raise RowError(f"{column} {value!r} is outside 1900-2100")
        return day
    raise RowError(f"{column} {value!r} is not a date (expected YYYY-MM-DD or 15 October 2017)")


def parse_coordinate(value: str, column: str, limit: float) -> float:
    text = value.strip().replace(",", ".") if value.count(",") == 1 else value.strip()
    try:
        number = float(text)
    except ValueError:
        raise RowError(f"{column} {value!r} is not a number") from None
    if not -limit <= number <= limit or number != number:
        raise RowError(f"{column} {value!r} is out of range (-{limit:g} to {limit:g})")
    return number


def parse_count(value: str, column: str) -> int | None:
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise RowError(f"{column} {value!r} is not a number") from None
    if number < 0 or number != int(number):
        raise RowError(f"{column} {value!r} is not a count")
    return int(number)


def _code(value: str, table: Mapping[str, str], column: str, default: str) -> str:
    if not value.strip():
        return default
    found = date_precision_code(value, dict(table))
    if found is None:
        raise RowError(f"{column} {value!r} is not one of {', '.join(sorted(table))}")
    return found


def _text(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


# -- one row per format ---------------------------------------------------------------------


def acled_row(line: int, r: Mapping[str, str]) -> ImportRow:
    get = r.get
    day = parse_day(r["event_date"], "event_date")
    sub = (get("sub_event_type") or "").strip()
    kind = (get("event_type") or "").strip()
    if sub.lower() in ACLED_SUB_EVENT_TYPES:
        ours = ACLED_SUB_EVENT_TYPES[sub.lower()]
    elif kind.lower() in ACLED_EVENT_TYPES:
        ours = ACLED_EVENT_TYPES[kind.lower()]
    else:
        raise RowError(
            f"sub_event_type {sub!r} (event_type {kind!r}) is not an ACLED type this import "
            "knows; see dashboard/exchange/mappings.py"
        )
    lat = parse_coordinate(r["latitude"], "latitude", 90)
    lon = parse_coordinate(r["longitude"], "longitude", 180)
    country = (get("country") or "").strip().lower()
    return ImportRow(
        line=line,
        native_id=_text(get("event_id_cnty")),
        day=day,
        date_precision=_code(
            get("time_precision") or "", ACLED_DATE_PRECISIONS, "time_precision", "day"
        ),
        date_text=r["event_date"].strip(),
        type=ours,
        code=sub or kind,
        agent=_text(r["actor1"]) or "",
        patient=_text(get("actor2")) or "",
        place=_text(get("location")) or f"{lat:.4f}, {lon:.4f}",
        lat=lat,
        lon=lon,
        place_precision=_code(
            get("geo_precision") or "", ACLED_PLACE_PRECISIONS, "geo_precision", "point"
        ),
        country=COUNTRY_CODES.get(country),
        admin1=_text(get("admin1")),
        fatalities=parse_count(get("fatalities") or "", "fatalities"),
        source=_text(get("source")),
        notes=_text(get("notes")),
        takes_territory=sub.lower() in ACLED_TERRITORY_CHANGES,
    )


def ucdp_row(line: int, r: Mapping[str, str]) -> ImportRow:
    get = r.get
    start = parse_day(r["date_start"], "date_start")
    end_text = (get("date_end") or "").strip()
    end = parse_day(end_text, "date_end") if end_text else start
    if end < start:
        raise RowError(f"date_end {end_text!r} is before date_start {r['date_start'].strip()!r}")
    violence = (get("type_of_violence") or "").strip().removesuffix(".0")
    if violence and violence not in UCDP_VIOLENCE_TYPES:
        raise RowError(f"type_of_violence {violence!r} is not 1, 2 or 3")
    lat = parse_coordinate(r["latitude"], "latitude", 90)
    lon = parse_coordinate(r["longitude"], "longitude", 180)
    place = _text(get("where_coordinates")) or _text(get("adm_2")) or _text(get("adm_1"))
    country = (get("country") or "").strip().lower()
    notes = [n for n in (_text(get("dyad_name")), _text(get("where_description"))) if n]
    return ImportRow(
        line=line,
        native_id=_text(r["id"]),
        day=start,
        date_precision=_code(get("date_prec") or "", UCDP_DATE_PRECISIONS, "date_prec", "day"),
        date_text=start.isoformat() if end == start else f"{start} to {end}",
        type=UCDP_VIOLENCE_TYPES.get(violence or "1"),
        code=f"type_of_violence {violence or '1'}",
        agent=_text(r["side_a"]) or "",
        patient=_text(r["side_b"]) or "",
        place=place or f"{lat:.4f}, {lon:.4f}",
        lat=lat,
        lon=lon,
        place_precision=_code(
            get("where_prec") or "", UCDP_PLACE_PRECISIONS, "where_prec", "point"
        ),
        country=COUNTRY_CODES.get(country),
        admin1=_text(get("adm_1")),
        fatalities=parse_count(get("best") or "", "best"),
        source=_text(get("source_article")),
        notes="; ".join(notes) or None,
        takes_territory=False,
    )


def csv_row_reader(mapping: Mapping[str, str]) -> Callable[[int, Mapping[str, str]], ImportRow]:
    """A row reader for a generic CSV whose columns ``mapping`` names (field -> column)."""
    columns = dict(mapping)

    def get(r: Mapping[str, str], key: str) -> str:
        column = columns.get(key)
        return r.get(column, "") if column else ""

    def read(line: int, r: Mapping[str, str]) -> ImportRow:
        day = parse_day(get(r, "date"), columns["date"])
        lat = parse_coordinate(get(r, "lat"), columns["lat"], 90)
        lon = parse_coordinate(get(r, "lon"), columns["lon"], 180)
        code = get(r, "type").strip()
        ours = code.lower().replace(" ", "_")
        if ours not in EVENT_TYPES:
            if code.lower() not in ACLED_SUB_EVENT_TYPES:
                raise RowError(
                    f"{columns['type']} {code!r} is not one of {', '.join(EVENT_TYPES)} "
                    "(ACLED sub-event types are accepted too)"
                )
            ours = ACLED_SUB_EVENT_TYPES[code.lower()]
        place_precision = (get(r, "place_precision").strip().lower() or "point").replace("1.0", "1")
        if place_precision not in PRECISIONS:
            place_precision = ACLED_PLACE_PRECISIONS.get(place_precision, "")
            if not place_precision:
                raise RowError(
                    f"{columns.get('place_precision')} {get(r, 'place_precision')!r} is not one "
                    f"of {', '.join(PRECISIONS)}"
                )
        return ImportRow(
            line=line,
            native_id=_text(get(r, "id")),
            day=day,
            date_precision=_code(
                get(r, "date_precision"),
                {**ACLED_DATE_PRECISIONS, **{p: p for p in DATE_PRECISIONS}},
                columns.get("date_precision", "date_precision"),
                "day",
            ),
            date_text=get(r, "date").strip(),
            type=ours,
            code=code,
            agent=_text(get(r, "actor1")) or "",
            patient=_text(get(r, "actor2")) or "",
            place=_text(get(r, "place")) or f"{lat:.4f}, {lon:.4f}",
            lat=lat,
            lon=lon,
            place_precision=place_precision,
            country=COUNTRY_CODES.get(get(r, "country").strip().lower())
            or (get(r, "country").strip().upper() or None),
            admin1=_text(get(r, "admin1")),
            fatalities=parse_count(get(r, "fatalities"), columns.get("fatalities", "fatalities")),
            source=_text(get(r, "source")),
            notes=_text(get(r, "notes")),
            takes_territory=ours == "capture",
        )

    return read


def _check_columns(path: Path, fmt: str, header: Sequence[str], mapping: Mapping[str, str]) -> None:
    if fmt in REQUIRED:
        missing = [c for c in REQUIRED[fmt] if c not in header]
        if missing:
            raise ImportFailed(
                f"{path} lacks the {fmt.upper()} column(s) {', '.join(missing)} (found: "
                f"{', '.join(header[:12])}{'...' if len(header) > 12 else ''}); is it an "
                f"{fmt.upper()} export, or should it be imported with --format csv --map?"
            )
        return
    unknown = sorted(set(mapping) - set(CSV_FIELDS))
    if unknown:
        raise ImportFailed(
            f"--map names unknown field(s) {', '.join(unknown)}; fields are {', '.join(CSV_FIELDS)}"
        )
    unmapped = [k for k in CSV_REQUIRED if k not in mapping]
    if unmapped:
        raise ImportFailed(
            f"a generic CSV needs --map for {', '.join(unmapped)}, e.g. "
            "--map date=Date,lat=Y,lon=X,type=Kind"
        )
    absent = [f"{k}={c}" for k, c in mapping.items() if c not in header]
    if absent:
        raise ImportFailed(
            f"{path} has no column(s) {', '.join(absent)} (found: {', '.join(header)})"
        )


def read_rows(
    path: Path, fmt: str, mapping: Mapping[str, str] | None = None
) -> tuple[list[ImportRow], list[RowProblem], int, str]:
    """Every row of the file read into :class:`ImportRow`, and the problems found; also the
    number of data rows and the file's hash."""
    if fmt not in IMPORT_FORMATS:
        raise ImportFailed(f"unknown import format {fmt!r}; use one of {', '.join(IMPORT_FORMATS)}")
    header, raw, digest = read_table(path)
    if fmt != "csv":
        header = [h.lower() for h in header]
        raw = [(line, {k.strip().lower(): v for k, v in r.items()}) for line, r in raw]
    mapping = dict(mapping or {})
    _check_columns(path, fmt, header, mapping)
    reader = {"acled": acled_row, "ucdp": ucdp_row}.get(fmt) or csv_row_reader(mapping)
    rows: list[ImportRow] = []
    problems: list[RowProblem] = []
    first_line: dict[str, int] = {}
    for line, values in raw:
        width = values.get(_WIDTH)
        if width is not None:
            problems.append(
                RowProblem(line, f"has {width} fields where the header has {len(header)}")
            )
            continue
        try:
            row = reader(line, values)
        except RowError as exc:
            problems.append(RowProblem(line, str(exc)))
            continue
        if row.native_id is not None:
            if row.native_id in first_line:
                problems.append(
                    RowProblem(
                        line, f"id {row.native_id!r} repeats line {first_line[row.native_id]}"
                    )
                )
                continue
            first_line[row.native_id] = line
        rows.append(row)
    return rows, problems, len(raw), digest


# -- rows -> events -------------------------------------------------------------------------

PlaceResolver = Callable[
    [str, float, float], "tuple[str, str, float, float, str, str | None, str | None] | None"
]


def gazetteer_resolver(gazetteer: Gazetteer) -> PlaceResolver:
    """Ties a dataset's point to the gazetteer feature of that name within SAME_PLACE_KM, so
    imported claims and claims read from articles speak of the same place id."""
    from dashboard.gazetteer.query import distance_km

    def resolve(
        name: str, lat: float, lon: float
    ) -> tuple[str, str, float, float, str, str | None, str | None] | None:
        for c in gazetteer.lookup(name, limit=5):
            if distance_km(lat, lon, c.lat, c.lon) <= SAME_PLACE_KM:
                return c.id, c.name, c.lat, c.lon, c.kind, c.country or None, c.admin1 or None
        return None

    return resolve


def _mention(row: ImportRow, article_id: str, resolve: PlaceResolver | None) -> PlaceMention:
    found = (
        resolve(row.place, row.lat, row.lon) if resolve and row.place_precision == "point" else None
    )
    if found is not None:
        pid, name, lat, lon, kind, country, admin1 = found
    else:
        pid = "imp:" + _stable_id(
            row.place_precision, row.place, round(row.lat, 4), round(row.lon, 4)
        )
        name, lat, lon = row.place, row.lat, row.lon
        kind, country, admin1 = PLACE_KINDS[row.place_precision], row.country, row.admin1
    return PlaceMention(
        article_id=article_id,
        start=0,
        end=0,
        text=row.place,
        place_id=pid,
        name=name,
        lat=lat,
        lon=lon,
        kind=kind,
        precision=row.place_precision,
        country=country or row.country,
        admin1=admin1 or row.admin1,
        confidence=1.0,
    )


def event_id_for(fmt: str, article_id: str, row: ImportRow) -> str:
    """ACLED and UCDP ids are global, so the same event in two overlapping exports is one
    row; a generic CSV's ids are only unique within its file."""
    if row.native_id is not None and fmt in ("acled", "ucdp"):
        return _stable_id(fmt, row.native_id)
    return _stable_id(fmt, article_id, row.native_id or f"line {row.line}")


def to_event(
    row: ImportRow, fmt: str, article_id: str, resolve: PlaceResolver | None = None
) -> tuple[Event, Claim | None, list[str]]:
    """The event a row describes, the control claim a territory change implies (a point
    location, a day or week date and a winner that holds ground), and actor names that map
    to no side."""
    assert row.type is not None
    mention = _mention(row, article_id, resolve)
    actors, unmapped = [], []
    for name, role in ((row.agent, "agent"), (row.patient, "patient")):
        if not name:
            continue
        side = side_of_actor(name)
        if side is None:
            if not is_bystander(name):
                unmapped.append(name)
            continue
        actors.append(ActorMention(0, 0, name, name, side, role))
    event_id = event_id_for(fmt, article_id, row)
    sentence = row.notes or (
        f"{row.agent or 'unknown actor'}"
        + (f" vs {row.patient}" if row.patient else "")
        + f": {row.code} at {row.place} ({row.date_text})"
    )
    event = Event(
        id=event_id,
        type=row.type,
        date=row.day,
        date_precision=row.date_precision,
        places=(mention,),
        actors=tuple(actors),
        article_id=article_id,
        source=DATASET_LABELS[fmt],
        sentence=sentence,
        date_text=row.date_text,
        attribution=row.source,
        confidence=EVENT_CONFIDENCE,
        fatalities=row.fatalities,
        notes=row.notes,
    )
    winner = side_of_actor(row.agent) if row.agent else None
    claim = None
    if (
        row.takes_territory
        and winner in GROUND_SIDES
        and row.place_precision == "point"
        and row.date_precision in ("day", "week")
    ):
        claim = Claim(
            id=_stable_id(event_id, "claim"),
            place_id=mention.place_id,
            place_name=mention.name,
            lat=mention.lat,
            lon=mention.lon,
            precision="point",
            side=cast(str, winner),
            valid_from=row.day,
            kind="full",
            article_id=article_id,
            event_id=event_id,
            sentence=sentence,
            confidence=CLAIM_CONFIDENCE,
            extra={"rule": "imported_territory_change", "format": fmt, "line": row.line},
        )
    return event, claim, unmapped


def pseudo_article(
    path: Path, fmt: str, digest: str, rows: int, first: date | None, last: date | None
) -> Article:
    """The file as an article: no body, a one-line description, the file name as title."""
    from dashboard.articles.model import Article

    span = f", {first} to {last}" if first and last else ""
    return Article(
        id=digest[:16],
        text=f"{DATASET_LABELS[fmt]} file {path.name}: {rows} rows{span}.",
        title=path.name,
        language="und",
        language_confidence=0.0,
        published=None,
        published_origin="none",
        published_confidence=0.0,
        source=DATASET_LABELS[fmt],
        url=None,
        path=str(path),
        format=cast(Any, fmt),
    )


def _iter_events(
    rows: Sequence[ImportRow], fmt: str, article_id: str, resolve: PlaceResolver | None
) -> Iterator[tuple[Event, Claim | None, list[str]]]:
    for row in rows:
        yield to_event(row, fmt, article_id, resolve)


def import_events(
    store: Store,
    path: str | Path,
    format: str = "acled",
    mapping: Mapping[str, str] | None = None,
    actor: str = "import",
    *,
    skip_bad_rows: bool = False,
    gazetteer: Gazetteer | None = None,
) -> ImportSummary:
    """Import one ACLED, UCDP GED or generic CSV file as events (and capture claims).

    Every row is read before anything is written: with a bad row the import fails naming
    each bad row and its value, and stores nothing, unless ``skip_bad_rows`` (then each is
    reported in the summary). Rows whose type lies outside our typology (protests,
    agreements...) are left out and counted; events another file already imported (same
    ACLED or UCDP id) are counted as duplicates. ``gazetteer`` ties points to gazetteer
    places of the same name, so imported and article claims share place ids.
    """
    path = Path(path)
    rows, problems, total, digest = read_rows(path, format, mapping)
    if problems and not skip_bad_rows:
        listed = "\n  ".join(str(p) for p in problems[:MAX_LISTED_PROBLEMS])
        more = len(problems) - MAX_LISTED_PROBLEMS
        raise ImportFailed(
            f"{path}: {len(problems)} bad row(s), nothing imported:\n  {listed}"
            + (f"\n  ... and {more} more" if more > 0 else "")
            + "\nfix them, or import the good rows with --skip-bad-rows"
        )
    if not rows:
        raise ImportFailed(f"{path}: no usable rows ({len(problems)} bad); nothing imported")
    ignored = Counter(r.code for r in rows if r.type is None)
    kept = [r for r in rows if r.type is not None]
    article = pseudo_article(
        path,
        format,
        digest,
        total,
        min((r.day for r in rows), default=None),
        max((r.day for r in rows), default=None),
    )
    resolve = gazetteer_resolver(gazetteer) if gazetteer is not None else None
    events: list[Event] = []
    claims: list[Claim] = []
    unmapped: Counter[str] = Counter()
    for event, claim, names in _iter_events(kept, format, article.id, resolve):
        events.append(event)
        if claim is not None:
            claims.append(claim)
        unmapped.update(names)
    owners = store.event_owners([e.id for e in events])
    foreign = {eid for eid, owner in owners.items() if owner != article.id}
    if foreign:
        events = [e for e in events if e.id not in foreign]
        claims = [c for c in claims if c.event_id not in foreign]
    mentions = [e.places[0] for e in events]
    status = store.replace_article(
        article, mentions, events, claims, pipeline_version=IMPORT_VERSION, actor=actor
    )
    return ImportSummary(
        path=str(path),
        format=format,
        article_id=article.id,
        status=status,
        rows=total,
        events=len(events),
        claims=len(claims),
        skipped=tuple(problems),
        ignored_types=dict(ignored),
        duplicates=len(foreign),
        unmapped_actors=dict(unmapped),
        claim_days=tuple(sorted({c.valid_from for c in claims})),
    )
