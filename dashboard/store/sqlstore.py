"""Everything both backends do the same way, in small explicit SQL with ``?`` placeholders.

A backend supplies only what differs: connecting, running a transaction (and retrying it on a
dropped connection), the bounding-box filter over its spatial index, JSON and date decoding,
and how a migration script is executed.
"""

from __future__ import annotations

import gc
import itertools
import json
import re
import threading
from abc import abstractmethod
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol, TypeVar

import numpy as np
import orjson

from dashboard import __version__
from dashboard.events.model import STATUSES, ActorMention, Claim, Event
from dashboard.geoparse.model import PlaceMention
from dashboard.store.base import VISIBLE_STATUSES, Store
from dashboard.store.errors import RecordNotFound, SchemaTooNew, StoreConflict
from dashboard.store.records import (
    ArticleSummary,
    BBox,
    ChangeLogEntry,
    ControlSnapshot,
    DayCount,
    ImportedControlArea,
    IngestOutcome,
    LogMark,
    SharedDict,
)
from dashboard.store.schema import SCHEMA_VERSION_DDL, Migration, load_migrations
from dashboard.store.spans import (
    OPEN_END,
    ControlSpan,
    FeatureRow,
    day_digests,
    dumps_plain,
    feature_row,
    plan_spans,
    row_digest,
    sequence_digest,
    spans_of_days,
)

T = TypeVar("T")

EPOCH = date(1970, 1, 1)
_EPOCH_ORDINAL = EPOCH.toordinal()
_PLACE_FIELDS = tuple(f.name for f in fields(PlaceMention))
_ACTOR_FIELDS = tuple(f.name for f in fields(ActorMention))


def day_number(value: date) -> int:
    """Days since 1970-01-01: integers make date ranges plain index comparisons."""
    return value.toordinal() - _EPOCH_ORDINAL


def day_date(number: int) -> date:
    return date.fromordinal(number + _EPOCH_ORDINAL)


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Orders "0.10.0" after "0.9.2" and "2" after "1"; non-numeric parts compare as text."""
    parts = re.split(r"[.\-+]", version)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _in(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _check_bbox(bbox: BBox) -> BBox:
    west, south, east, north = (float(v) for v in bbox)
    if west > east or south > north:
        raise ValueError(f"bbox must be (west, south, east, north) with west<=east, got {bbox}")
    return west, south, east, north


class Transaction(Protocol):
    """What shared code may do inside a backend's transaction."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...


# -- SQL shared by both backends ------------------------------------------------------------

ARTICLE_COLUMNS = (
    "id, source, url, path, title, language, language_confidence, published, published_origin, "
    "published_confidence, format, text, warnings, paragraphs, record, ingested_at, "
    "pipeline_version"
)
INSERT_ARTICLE = f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({_in(range(17))})"
UPDATE_ARTICLE = (
    "UPDATE articles SET source = ?, url = ?, path = ?, title = ?, language = ?, "
    "language_confidence = ?, published = ?, published_origin = ?, published_confidence = ?, "
    "format = ?, text = ?, warnings = ?, paragraphs = ?, record = ?, ingested_at = ?, "
    "pipeline_version = ? WHERE id = ?"
)
UPSERT_PLACE = (
    "INSERT INTO places (id, name, kind, lat, lon, country, admin1) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
    "lat = excluded.lat, lon = excluded.lon, country = excluded.country, admin1 = excluded.admin1"
)
INSERT_MENTION = (
    "INSERT INTO place_mentions (article_id, ord, start_offset, end_offset, text, place_id, "
    "confidence, precision, sentence_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
EVENT_WRITE_COLUMNS = (
    "id, article_id, type, day, date_precision, lon, lat, place_id, place_name, sides, places, "
    "actors, source, sentence, sentence_start, sentence_end, date_text, date_start, date_end, "
    "attribution, negated, confidence, status, fatalities, notes"
)
INSERT_EVENT = f"INSERT INTO events ({EVENT_WRITE_COLUMNS}) VALUES ({_in(range(25))})"
INSERT_SIDE = "INSERT INTO event_sides (event_id, side) VALUES (?, ?)"
EVENT_READ_COLUMNS = (
    "e.id, e.type, e.day, e.date_precision, e.places, e.actors, e.article_id, e.source, "
    "e.sentence, e.sentence_start, e.sentence_end, e.date_text, e.date_start, e.date_end, "
    "e.attribution, e.negated, e.confidence, e.status, e.fatalities, e.notes"
)
CLAIM_COLUMNS = (
    "id, place_id, place_name, lat, lon, precision, side, valid_day, kind, fraction, article_id, "
    "event_id, sentence, sentence_start, sentence_end, confidence, status, extra"
)
INSERT_CLAIM = f"INSERT INTO claims ({CLAIM_COLUMNS}) VALUES ({_in(range(18))})"
INSERT_LOG = (
    "INSERT INTO change_log (at, actor, table_name, row_id, action, detail) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


class SqlStore(Store):
    """The shared implementation; subclasses are the thin dialect layer."""

    backend: str
    url: str

    # -- dialect hooks -----------------------------------------------------------------------
    @abstractmethod
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one query outside any write transaction and return all rows."""

    @abstractmethod
    def _transact(self, work: Callable[[Transaction], T]) -> T:
        """Run ``work`` in one write transaction: all of it commits or none of it does."""

    @abstractmethod
    def _has_table(self, name: str) -> bool:
        """Whether this store's own schema holds a table of that name."""

    @abstractmethod
    def _run_script(self, tx: Transaction, sql: str) -> None:
        """Execute a migration file inside the current transaction."""

    def _lock_for_migration(self, tx: Transaction) -> None:
        """Keep two processes from migrating at once (SQLite's write lock already does)."""

    @abstractmethod
    def _area_filter(self, bbox: BBox | None, first: int, last: int) -> tuple[str, str, list[Any]]:
        """FROM clause (aliasing events as ``e``), WHERE clause and its parameters for events
        dated ``first``..``last`` inside ``bbox``, using the backend's spatial index."""

    @staticmethod
    def _json(value: Any) -> Any:
        """Decode a JSON column (SQLite hands back text; PostgreSQL already-decoded jsonb)."""
        return orjson.loads(value) if isinstance(value, str) else value

    @staticmethod
    def _date(value: Any) -> date | None:
        if value is None or isinstance(value, date):
            return value
        return date.fromisoformat(value)

    @staticmethod
    def _datetime(value: Any) -> datetime:
        return value if isinstance(value, datetime) else datetime.fromisoformat(value)

    # -- migrations --------------------------------------------------------------------------
    def _migrations(self) -> tuple[Migration, ...]:
        return load_migrations(self.backend)

    def schema_version(self) -> int:
        if not self._has_table("schema_version"):
            return 0
        return int(self._read("SELECT MAX(version) FROM schema_version")[0][0] or 0)

    def migrate(self) -> int:
        migrations = self._migrations()
        latest = migrations[-1].version if migrations else 0
        current = self.schema_version()
        self._refuse_newer(current, latest)
        if current == latest:
            return current

        def work(tx: Transaction) -> int:
            self._lock_for_migration(tx)
            tx.execute(SCHEMA_VERSION_DDL)
            applied = int(tx.rows("SELECT MAX(version) FROM schema_version")[0][0] or 0)
            self._refuse_newer(applied, latest)
            for migration in migrations:
                if migration.version > applied:
                    self._run_script(tx, migration.sql)
                    tx.execute(
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                        (migration.version, migration.name, _now()),
                    )
            return latest

        return self._transact(work)

    def _refuse_newer(self, current: int, latest: int) -> None:
        if current > latest:
            raise SchemaTooNew(
                f"the store {self.url} has schema version {current}, newer than this "
                f"conflictmap {__version__} understands ({latest}); upgrade conflictmap, or "
                "point CONFLICTMAP_DATABASE_URL at another store"
            )

    # -- writing -----------------------------------------------------------------------------
    def replace_article(
        self,
        article: Any,
        mentions: Iterable[PlaceMention],
        events: Iterable[Event],
        claims: Iterable[Claim],
        *,
        pipeline_version: str | None = None,
        actor: str = "cli",
    ) -> IngestOutcome:
        version = pipeline_version or __version__
        mentions, events, claims = list(mentions), list(events), list(claims)
        article_id: str = article.id
        # Build every row before the transaction so the write lock is held only for writing.
        article_row = self._article_row(article, version)
        places: dict[str, tuple[Any, ...]] = {}
        mention_rows = []
        for ord_, m in enumerate(mentions):
            if m.article_id != article_id:
                raise ValueError(f"place mention {m.text!r} belongs to article {m.article_id}")
            places[m.place_id] = self._place_row(m)
            mention_rows.append(
                (
                    article_id,
                    ord_,
                    m.start,
                    m.end,
                    m.text,
                    m.place_id,
                    m.confidence,
                    m.precision,
                    m.sentence_index,
                )
            )
        event_rows, side_rows = [], []
        for e in events:
            if e.article_id not in (None, article_id):
                raise ValueError(
                    f"event {e.id} belongs to article {e.article_id}, not {article_id}"
                )
            for p in e.places:
                places.setdefault(p.place_id, self._place_row(p))
            row, sides = self._event_row(e, article_id)
            event_rows.append(row)
            side_rows.extend((e.id, side) for side in sides)
        claim_rows = []
        for c in claims:
            if c.article_id not in (None, article_id):
                raise ValueError(
                    f"claim {c.id} belongs to article {c.article_id}, not {article_id}"
                )
            claim_rows.append(self._claim_row(c, article_id))
        for kind, ids in (
            ("event", [r[0] for r in event_rows]),
            ("claim", [r[0] for r in claim_rows]),
        ):
            if len(set(ids)) != len(ids):
                raise ValueError(f"article {article_id} lists the same {kind} id twice")
        place_rows = [places[k] for k in sorted(places)]  # one order everywhere: no deadlocks
        detail = {
            "pipeline_version": version,
            "mentions": len(mention_rows),
            "events": len(event_rows),
            "claims": len(claim_rows),
        }

        def work(tx: Transaction) -> IngestOutcome:
            found = tx.rows("SELECT pipeline_version FROM articles WHERE id = ?", (article_id,))
            if found and _version_key(found[0][0]) >= _version_key(version):
                return "unchanged"
            reviewed: dict[str, str] = {}
            if found:
                for table in ("events", "claims"):
                    reviewed.update(
                        tx.rows(
                            f"SELECT id, status FROM {table} "
                            "WHERE article_id = ? AND status <> 'automatic'",
                            (article_id,),
                        )
                    )
                tx.execute("DELETE FROM place_mentions WHERE article_id = ?", (article_id,))
                tx.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
                tx.execute(
                    "DELETE FROM event_sides WHERE event_id IN "
                    "(SELECT id FROM events WHERE article_id = ?)",
                    (article_id,),
                )
                tx.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
                tx.execute(UPDATE_ARTICLE, (*article_row[1:], article_id))
            else:
                tx.execute(INSERT_ARTICLE, article_row)
            if place_rows:
                tx.executemany(UPSERT_PLACE, place_rows)
            if mention_rows:
                tx.executemany(INSERT_MENTION, mention_rows)
            if event_rows:
                tx.executemany(INSERT_EVENT, _keep_reviewed(event_rows, reviewed, 22))
            if side_rows:
                tx.executemany(INSERT_SIDE, side_rows)
            if claim_rows:
                tx.executemany(INSERT_CLAIM, _keep_reviewed(claim_rows, reviewed, 16))
            log = dict(detail, previous_version=found[0][0]) if found else detail
            tx.execute(
                INSERT_LOG,
                (
                    _now(),
                    actor,
                    "articles",
                    article_id,
                    "update" if found else "insert",
                    _dumps(log),
                ),
            )
            return "updated" if found else "new"

        try:
            return self._transact(work)
        except StoreConflict as exc:
            raise StoreConflict(f"article {article_id} could not be stored: {exc}") from exc

    def _article_row(self, article: Any, version: str) -> tuple[Any, ...]:
        published = getattr(article, "published", None)
        paragraphs = [
            {"start": p.start, "end": p.end, "kind": p.kind, "line": p.line}
            for p in getattr(article, "paragraphs", ())
        ]
        return (
            article.id,
            getattr(article, "source", None),
            getattr(article, "url", None),
            str(article.path) if getattr(article, "path", None) is not None else None,
            getattr(article, "title", None),
            getattr(article, "language", "und"),
            float(getattr(article, "language_confidence", 0.0)),
            published.isoformat() if published else None,
            getattr(article, "published_origin", "none"),
            float(getattr(article, "published_confidence", 0.0)),
            getattr(article, "format", "text"),
            article.text,
            _dumps(list(getattr(article, "warnings", ()))),
            _dumps(paragraphs),
            getattr(article, "record", None),
            _now(),
            version,
        )

    @staticmethod
    def _place_row(m: PlaceMention) -> tuple[Any, ...]:
        return (m.place_id, m.name, m.kind, m.lat, m.lon, m.country, m.admin1)

    @staticmethod
    def _event_row(e: Event, article_id: str) -> tuple[tuple[Any, ...], list[str]]:
        main = e.places[0] if e.places else None
        sides = e.sides_acting_first
        places = [{f: getattr(p, f) for f in _PLACE_FIELDS} for p in e.places]
        actors = [{f: getattr(a, f) for f in _ACTOR_FIELDS} for a in e.actors]
        row = (
            e.id,
            article_id,
            e.type,
            day_number(e.date) if e.date else None,
            e.date_precision,
            main.lon if main else None,
            main.lat if main else None,
            main.place_id if main else None,
            main.name if main else None,
            ",".join(sides),
            _dumps(places),
            _dumps(actors),
            e.source,
            e.sentence,
            e.sentence_start,
            e.sentence_end,
            e.date_text,
            e.date_start,
            e.date_end,
            e.attribution,
            bool(e.negated),
            float(e.confidence),
            e.status,
            e.fatalities,
            e.notes,
        )
        return row, sides

    @staticmethod
    def _claim_row(c: Claim, article_id: str) -> tuple[Any, ...]:
        return (
            c.id,
            c.place_id,
            c.place_name,
            c.lat,
            c.lon,
            c.precision,
            c.side,
            day_number(c.valid_from),
            c.kind,
            c.fraction,
            article_id,
            c.event_id,
            c.sentence,
            c.sentence_start,
            c.sentence_end,
            float(c.confidence),
            c.status,
            _dumps(c.extra),
        )

    def set_event_status(self, event_id: str, status: str, actor: str) -> None:
        self._set_status("events", event_id, status, actor)

    def set_claim_status(self, claim_id: str, status: str, actor: str) -> None:
        self._set_status("claims", claim_id, status, actor)

    def _set_status(self, table: str, row_id: str, status: str, actor: str) -> None:
        """Idempotent: setting the status a row already has writes nothing and logs nothing."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, got {status!r}")

        def work(tx: Transaction) -> None:
            found = tx.rows(f"SELECT status FROM {table} WHERE id = ?", (row_id,))
            if not found:
                raise RecordNotFound(f"no {table[:-1]} with id {row_id!r} in {self.url}")
            previous = found[0][0]
            if previous == status:
                return
            tx.execute(f"UPDATE {table} SET status = ? WHERE id = ?", (status, row_id))
            detail = _dumps({"from": previous, "to": status})
            tx.execute(INSERT_LOG, (_now(), actor, table, row_id, "status", detail))

        self._transact(work)

    def save_control_snapshot(
        self,
        day: date,
        features: Iterable[Mapping[str, Any]],
        *,
        metadata: Mapping[str, Any] | None = None,
        actor: str = "control",
    ) -> None:
        prepared = prepare_features(features)
        number = day_number(day)

        def work(tx: Transaction) -> None:
            later = [
                int(r[0])
                for r in tx.rows(
                    "SELECT day FROM control_snapshots WHERE day > ? ORDER BY day", (number,)
                )
            ]
            days = [number, *later]
            given = {number: prepared.entries()}
            spans = self._spans_keeping(tx, number, days, given)
            self._sync_spans(
                tx, number, days, spans, force={0}, metadata={0: metadata or {}}, actor=actor
            )

        self._transact(work)

    def replace_control_snapshots(
        self,
        since: date,
        snapshots: Iterable[tuple[date, Iterable[Mapping[str, Any]]]],
        *,
        actor: str = "control",
    ) -> int:
        prepared = sorted(
            ((day_number(day), prepare_features(features)) for day, features in snapshots),
            key=lambda p: p[0],
        )
        if any(number < day_number(since) for number, _ in prepared):
            raise ValueError(f"a snapshot to store is dated before {since.isoformat()}")
        if len({number for number, _ in prepared}) != len(prepared):
            raise ValueError("two snapshots to store share a day")
        days = [number for number, _ in prepared]
        spans = spans_of_days([features.entries() for _, features in prepared])

        def work(tx: Transaction) -> int:
            return self._sync_spans(
                tx, day_number(since), days, spans, rewrite=True, actor=actor, since=since
            )

        return self._transact(work)

    def sync_control_snapshots(
        self,
        since: date,
        snapshots: Iterable[
            tuple[date, str, Callable[[], Iterable[Mapping[str, Any]] | PreparedFeatures]]
        ],
        *,
        actor: str = "control",
    ) -> int:
        wanted = sorted(snapshots, key=lambda w: w[0])
        if any(day < since for day, _, _ in wanted):
            raise ValueError(f"a snapshot to store is dated before {since.isoformat()}")
        if len({day for day, _, _ in wanted}) != len(wanted):
            raise ValueError("two snapshots to store share a day")
        first = day_number(since)
        days = [day_number(day) for day, _, _ in wanted]

        def work(tx: Transaction) -> int:
            stored = dict(
                tx.rows("SELECT day, digest FROM control_snapshots WHERE day >= ?", (first,))
            )
            given: dict[int, list[tuple[int, str, Callable[[], FeatureRow]]]] = {}
            for number, (_, digest, features) in zip(days, wanted, strict=True):
                if stored.get(number) == digest:
                    continue  # kept: its features are the stored ones
                made = features()
                if not isinstance(made, PreparedFeatures):
                    made = prepare_features(made)
                given[number] = made.entries()
            spans = self._spans_keeping(tx, first, days, given)
            return self._sync_spans(tx, first, days, spans, actor=actor, since=since)

        return self._transact(work)

    def sync_control_spans(
        self,
        since: date,
        days: Sequence[date],
        spans: Iterable[ControlSpan],
        *,
        metadata: Callable[[int], Mapping[str, Any]] | None = None,
        actor: str = "control",
    ) -> int:
        numbers = [day_number(day) for day in days]
        if any(a >= b for a, b in itertools.pairwise(numbers)):
            raise ValueError("the snapshot days to store are not in order, or repeat one")
        if numbers and numbers[0] < day_number(since):
            raise ValueError(f"a snapshot to store is dated before {since.isoformat()}")
        wanted = list(spans)

        def work(tx: Transaction) -> int:
            return self._sync_spans(
                tx, day_number(since), numbers, wanted, metadata=metadata, actor=actor, since=since
            )

        return self._transact(work)

    def _spans_keeping(
        self,
        tx: Transaction,
        first: int,
        days: Sequence[int],
        given: Mapping[int, Sequence[tuple[int, str, Callable[[], FeatureRow]]]],
    ) -> list[ControlSpan]:
        """Spans for ``days``: the features ``given`` for some, and for every other day the
        features stored for it now (read back only if a span of them has to be written)."""

        per_day: list[list[tuple[int, str, Callable[[], FeatureRow]]]] = [
            list(given[d]) if d in given else [] for d in days
        ]
        if len(given) < len(days):
            for id_, f, e, ord_, digest in tx.rows(
                "SELECT id, first_day, end_day, ord, digest FROM control_spans WHERE end_day > ? "
                "ORDER BY ord",
                (first,),
            ):
                row = self._stored_row(tx, int(id_))
                for k in range(bisect_left(days, max(f, first)), bisect_left(days, e)):
                    if days[k] not in given:
                        per_day[k].append((int(ord_), digest or f"stored:{id_}", row))
        return spans_of_days(per_day)

    def _stored_row(self, tx: Transaction, id_: int) -> Callable[[], FeatureRow]:
        def row() -> FeatureRow:
            side, kind, geometry, properties = tx.rows(
                "SELECT side, kind, geometry, properties FROM control_spans WHERE id = ?", (id_,)
            )[0]
            return (side, kind, _json_text(geometry), _json_text(properties))

        return row

    def _sync_spans(
        self,
        tx: Transaction,
        first: int,
        days: Sequence[int],
        spans: Sequence[ControlSpan],
        *,
        rewrite: bool = False,
        force: Iterable[int] = (),
        metadata: Mapping[int, Mapping[str, Any]]
        | Callable[[int], Mapping[str, Any]]
        | None = None,
        actor: str,
        since: date | None = None,
    ) -> int:
        """Make the snapshots dated ``first`` (a day number) or later exactly ``days``, each
        showing the ``spans`` that cover it, writing only spans that differ; returns how many
        snapshots now show something else (all of them with ``rewrite``)."""
        stored_days = {
            int(number): digest
            for number, digest in tx.rows(
                "SELECT day, digest FROM control_snapshots WHERE day >= ?", (first,)
            )
        }
        stored = [
            (int(r[0]), int(r[1]), int(r[2]), int(r[3]), r[4])
            for r in tx.rows(
                "SELECT id, first_day, end_day, ord, digest FROM control_spans WHERE end_day > ?",
                (first,),
            )
        ]
        plan = plan_spans(first, days, stored, spans, rewrite=rewrite)
        forced = set(range(len(days))) if rewrite else set(force)
        need = plan.changed | forced
        need.update(k for k, d in enumerate(days) if stored_days.get(d) is None)
        digests = day_digests(len(days), spans, need)
        n = len(days)
        # every row is made before anything is deleted: a kept day's rows may be read back
        inserts = [
            (
                days[s.first],
                days[s.end] if s.end < n else OPEN_END,
                s.ord,
                s.digest,
                *s.row(),
            )
            for s in plan.inserts
        ]
        if plan.deletes:
            tx.executemany("DELETE FROM control_spans WHERE id = ?", [(i,) for i in plan.deletes])
        if plan.ends:
            tx.executemany("UPDATE control_spans SET end_day = ? WHERE id = ?", plan.ends)
        if plan.ords:
            tx.executemany("UPDATE control_spans SET ord = ? WHERE id = ?", plan.ords)
        if inserts:
            tx.executemany(
                "INSERT INTO control_spans (first_day, end_day, ord, digest, side, kind, "
                "geometry, properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                inserts,
            )
        wanted_days = set(days)
        origin = (since or day_date(first)).isoformat()
        for number in sorted(set(stored_days) - wanted_days):
            tx.execute("DELETE FROM control_snapshots WHERE day = ?", (number,))
            detail = _dumps({"replaced_from": origin})
            tx.execute(
                INSERT_LOG, (_now(), actor, "control_snapshots", _iso(number), "delete", detail)
            )
        written = 0
        for k in sorted(need):
            number = days[k]
            digest, count = digests[k]
            existed = number in stored_days
            if existed and stored_days[number] == digest and k not in forced:
                continue
            if callable(metadata):
                meta = _dumps(dict(metadata(k)))
            else:
                meta = _dumps(dict((metadata or {}).get(k, {})))
            if existed:
                tx.execute(
                    "UPDATE control_snapshots SET created_at = ?, metadata = ?, digest = ? "
                    "WHERE day = ?",
                    (_now(), meta, digest, number),
                )
            else:
                tx.execute(
                    "INSERT INTO control_snapshots (day, created_at, metadata, digest) "
                    "VALUES (?, ?, ?, ?)",
                    (number, _now(), meta, digest),
                )
            tx.execute(
                INSERT_LOG,
                (
                    _now(),
                    actor,
                    "control_snapshots",
                    _iso(number),
                    "update" if existed else "insert",
                    _dumps({"features": count}),
                ),
            )
            written += 1
        return written

    # -- reading -----------------------------------------------------------------------------
    def article(self, article_id: str) -> Any:
        from dashboard.articles.model import Article, Paragraph

        found = self._read(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        if not found:
            return None
        r = found[0]
        return Article(
            id=r[0],
            source=r[1],
            url=r[2],
            path=r[3],
            title=r[4],
            language=r[5],
            language_confidence=r[6],
            published=self._date(r[7]),
            published_origin=r[8],
            published_confidence=r[9],
            format=r[10],
            text=r[11],
            warnings=tuple(self._json(r[12])),
            paragraphs=tuple(Paragraph(**p) for p in self._json(r[13])),
            record=r[14],
        )

    def articles(self) -> list[ArticleSummary]:
        rows = self._read(
            "SELECT id, title, source, url, path, language, published, pipeline_version, "
            "ingested_at FROM articles ORDER BY published DESC, id"
        )
        return [
            ArticleSummary(
                r[0], r[1], r[2], r[3], r[4], r[5], self._date(r[6]), r[7], self._datetime(r[8])
            )
            for r in rows
        ]

    def place_mentions(self, article_id: str) -> list[PlaceMention]:
        rows = self._read(
            "SELECT m.article_id, m.start_offset, m.end_offset, m.text, m.place_id, p.name, "
            "p.lat, p.lon, p.kind, m.precision, p.country, p.admin1, m.confidence, "
            "m.sentence_index FROM place_mentions m JOIN places p ON p.id = m.place_id "
            "WHERE m.article_id = ? ORDER BY m.ord",
            (article_id,),
        )
        return [PlaceMention(*r) for r in rows]

    def _event(self, r: Sequence[Any]) -> Event:
        return Event(
            id=r[0],
            type=r[1],
            date=day_date(r[2]) if r[2] is not None else None,
            date_precision=r[3],
            places=tuple(PlaceMention(**p) for p in self._json(r[4])),
            actors=tuple(ActorMention(**a) for a in self._json(r[5])),
            article_id=r[6],
            source=r[7],
            sentence=r[8],
            sentence_start=r[9],
            sentence_end=r[10],
            date_text=r[11],
            date_start=r[12],
            date_end=r[13],
            attribution=r[14],
            negated=bool(r[15]),
            confidence=r[16],
            status=r[17],
            fatalities=r[18],
            notes=r[19],
        )

    def event(self, event_id: str) -> Event | None:
        found = self._read(f"SELECT {EVENT_READ_COLUMNS} FROM events e WHERE e.id = ?", (event_id,))
        return self._event(found[0]) if found else None

    def events_of_article(self, article_id: str) -> list[Event]:
        rows = self._read(
            f"SELECT {EVENT_READ_COLUMNS} FROM events e WHERE e.article_id = ? "
            "ORDER BY e.sentence_start, e.id",
            (article_id,),
        )
        return [self._event(r) for r in rows]

    def _select_events(
        self,
        columns: str,
        start: date,
        end: date,
        bbox: BBox | None,
        selection: EventFilter,
    ) -> list[tuple[Any, ...]]:
        if selection.selects_nothing():
            return []
        source, where, params = self._area_filter(
            _check_bbox(bbox) if bbox else None, day_number(start), day_number(end)
        )
        conditions, more = selection.sql()
        sql = f"SELECT {columns} FROM {source} WHERE {where} {conditions} ORDER BY e.day, e.id"
        return self._read(sql, [*params, *more])

    def events_between(
        self,
        start: date,
        end: date,
        bbox: BBox | None = None,
        *,
        sides: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        min_confidence: float = 0.0,
        statuses: Sequence[str] = VISIBLE_STATUSES,
        sources: Sequence[str] | None = None,
        precisions: Sequence[str] | None = None,
    ) -> list[Event]:
        selection = EventFilter(statuses, sides, types, min_confidence, sources, precisions)
        rows = self._select_events(EVENT_READ_COLUMNS, start, end, bbox, selection)
        return [self._event(r) for r in rows]

    def event_rows(
        self,
        start: date,
        end: date,
        bbox: BBox | None = None,
        *,
        sides: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        min_confidence: float = 0.0,
        statuses: Sequence[str] = VISIBLE_STATUSES,
        sources: Sequence[str] | None = None,
        precisions: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        rows = self._select_events(
            "e.id, e.day, e.lon, e.lat, e.type, e.sides, e.confidence, e.status, e.place_name, "
            "e.article_id, e.fatalities, e.source, e.date_precision",
            start,
            end,
            bbox,
            EventFilter(statuses, sides, types, min_confidence, sources, precisions),
        )
        columns = list(zip(*rows, strict=True)) if rows else [()] * 13

        def floats(values: Sequence[Any]) -> np.ndarray:
            return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

        days = np.array(columns[1], dtype=np.int64).astype("datetime64[D]")
        return {
            "id": list(columns[0]),
            "date": days,
            "lon": floats(columns[2]),
            "lat": floats(columns[3]),
            "type": list(columns[4]),
            "sides": list(columns[5]),
            "confidence": floats(columns[6]),
            "status": list(columns[7]),
            "place_name": list(columns[8]),
            "article_id": list(columns[9]),
            "fatalities": floats(columns[10]),
            "source": list(columns[11]),
            "date_precision": list(columns[12]),
        }

    def _claim(self, r: Sequence[Any]) -> Claim:
        return Claim(
            id=r[0],
            place_id=r[1],
            place_name=r[2],
            lat=r[3],
            lon=r[4],
            precision=r[5],
            side=r[6],
            valid_from=day_date(r[7]),
            kind=r[8],
            fraction=r[9],
            article_id=r[10],
            event_id=r[11],
            sentence=r[12],
            sentence_start=r[13],
            sentence_end=r[14],
            confidence=r[15],
            status=r[16],
            extra=self._json(r[17]),
        )

    def _select_claims(
        self, first: int | None, last: int, bbox: BBox | None, statuses: Sequence[str]
    ) -> list[Claim]:
        if not statuses:
            return []
        sql = [f"SELECT {CLAIM_COLUMNS} FROM claims WHERE valid_day <= ?"]
        params: list[Any] = [last]
        if first is not None:
            sql.append("AND valid_day >= ?")
            params.append(first)
        if bbox is not None:
            west, south, east, north = _check_bbox(bbox)
            sql.append("AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            params.extend((west, east, south, north))
        sql.append(f"AND status IN ({_in(statuses)}) ORDER BY valid_day, id")
        params.extend(statuses)
        return [self._claim(r) for r in self._read(" ".join(sql), params)]

    def claims_between(
        self,
        start: date,
        end: date,
        bbox: BBox | None = None,
        *,
        statuses: Sequence[str] = VISIBLE_STATUSES,
    ) -> list[Claim]:
        return self._select_claims(day_number(start), day_number(end), bbox, statuses)

    def claims_until(
        self,
        day: date,
        bbox: BBox | None = None,
        *,
        statuses: Sequence[str] = VISIBLE_STATUSES,
    ) -> list[Claim]:
        return self._select_claims(None, day_number(day), bbox, statuses)

    def claims_of_articles(
        self,
        article_ids: Sequence[str],
        *,
        statuses: Sequence[str] = VISIBLE_STATUSES,
    ) -> list[Claim]:
        ids = list(dict.fromkeys(article_ids))
        if not ids or not statuses:
            return []
        found: list[Claim] = []
        for at in range(0, len(ids), 500):  # well under both backends' parameter limits
            chunk = ids[at : at + 500]
            rows = self._read(
                f"SELECT {CLAIM_COLUMNS} FROM claims WHERE article_id IN ({_in(chunk)}) "
                f"AND status IN ({_in(statuses)}) ORDER BY valid_day, id",
                [*chunk, *statuses],
            )
            found.extend(self._claim(r) for r in rows)
        if len(ids) > 500:
            found.sort(key=lambda c: c.valid_from)  # stable: ids stay in the database's order
        return found

    _SPAN_TEXT = "length(s.geometry) + length(s.properties)"
    """SQL for the JSON text a span's row decodes from (bounds the decoded-span cache)."""

    @abstractmethod
    def _span_filter(self, day: int) -> tuple[str, str, list[Any]]:
        """FROM clause (aliasing control_spans as ``s``), WHERE clause and its parameters for
        the spans in force on ``day``, using the backend's interval index."""

    def control_snapshot_on(self, day: date) -> ControlSnapshot | None:
        with _no_cycle_collection():
            return self._control_snapshot_on(day)

    def _control_snapshot_on(self, day: date) -> ControlSnapshot | None:
        head = self._read(
            "SELECT day, created_at, metadata, digest FROM control_snapshots WHERE day = "
            "(SELECT MAX(day) FROM control_snapshots WHERE day <= ?)",
            (day_number(day),),
        )
        if not head:
            return None
        number, created_at, metadata, digest = head[0]
        number = int(number)
        decoded = self._decoded_spans()
        day = self._day_from_last(decoded, number, digest)
        if day is None:
            entries = self._day_in_full(decoded, number)
            order = sorted(entries)
            day = AssembledDay(
                number,
                entries,
                order,
                [entries[o][1] or "" for o in order],
                [entries[o][2][3] for o in order],
            )
        if digest is not None:
            self._last_day = day
        features = tuple(day.features)
        return ControlSnapshot(
            day_date(number), features, self._json(metadata), self._datetime(created_at)
        )

    def _day_in_full(self, decoded: DecodedSpans, number: int) -> dict[int, Any]:
        """The spans in force on a day, by position: ``ord -> (id, digest, decoded)``."""
        source, where, params = self._span_filter(number)
        index = self._read(f"SELECT s.id, s.ord, s.digest FROM {source} WHERE {where}", params)
        found = decoded.lookup([digest for _, _, digest in index])
        missing = [id_ for (id_, _, _), hit in zip(index, found, strict=True) if hit is None]
        whole = f"{source} WHERE {where}"
        if 2 * len(missing) > len(index):
            return {
                ord_: (id_, hit[2], hit)
                for id_, ord_, hit in self._decode_spans(decoded, whole, params)
            }
        by_id = self._decode_ids(decoded, missing)
        entries = {}
        for (id_, ord_, digest), hit in zip(index, found, strict=True):
            hit = hit if hit is not None else by_id.get(id_)
            if hit is None or hit[2] != digest:  # written in between: read it in one statement
                return {o: (i, h[2], h) for i, o, h in self._decode_spans(decoded, whole, params)}
            entries[int(ord_)] = (id_, digest, hit)
        return entries

    def _day_from_last(
        self, decoded: DecodedSpans, number: int, digest: str | None
    ) -> AssembledDay | None:
        """The day assembled from the last day this handle read and the spans that start or
        end between the two; None when a full read is the way (nothing read yet, days far
        apart, or what was assembled is not what the store says the day shows)."""
        last: AssembledDay | None = getattr(self, "_last_day", None)
        if last is None or digest is None:
            return None
        day = last
        if last.number != number:
            lo, hi = min(last.number, number), max(last.number, number)
            rows = self._read(
                "SELECT id, first_day, end_day, ord, digest FROM control_spans "
                "WHERE (first_day > ? AND first_day <= ?) OR (end_day > ? AND end_day <= ?)",
                (lo, hi, lo, hi),
            )
            if 4 * len(rows) > len(last.entries) + 400:
                return None  # far apart: reading the day itself is cheaper
            day = last.copy(number)
            for id_, f, e, ord_, _ in rows:
                if not f <= number < e and day.entries.get(ord_, (None,))[0] == id_:
                    day.remove(ord_)
            coming = [(id_, int(ord_), d) for id_, f, e, ord_, d in rows if f <= number < e]
            found = decoded.lookup([d for _, _, d in coming])
            by_id = self._decode_ids(
                decoded,
                [id_ for (id_, _, _), hit in zip(coming, found, strict=True) if hit is None],
            )
            for (id_, ord_, d), hit in zip(coming, found, strict=True):
                hit = hit if hit is not None else by_id.get(id_)
                if hit is None or hit[2] != d:
                    return None
                day.put(ord_, (id_, d, hit))
        if sequence_digest(day.digests) != digest:
            return None  # the store changed in between
        return day

    def _decode_ids(self, decoded: DecodedSpans, ids: Sequence[Any]) -> dict[Any, Any]:
        by_id: dict[Any, Any] = {}
        for at in range(0, len(ids), 500):
            chunk = list(ids[at : at + 500])
            query = f"control_spans s WHERE s.id IN ({_in(chunk)})"
            by_id.update((i, h) for i, _, h in self._decode_spans(decoded, query, chunk))
        return by_id

    def _decoded_spans(self) -> DecodedSpans:
        found = getattr(self, "_decoded", None)
        if found is None:
            found = self._decoded = DecodedSpans()
        return found

    def _decode_spans(
        self, decoded: DecodedSpans, query: str, params: Sequence[Any]
    ) -> list[tuple[Any, int, DecodedSpan]]:
        """``(id, ord, (geometry, properties, digest, feature))`` of the spans a query selects
        (``query`` follows FROM), each kept in ``decoded`` by digest."""
        rows = self._read(
            f"SELECT s.id, s.ord, s.digest, s.side, s.kind, s.geometry, s.properties, "
            f"{self._SPAN_TEXT} FROM {query}",
            params,
        )
        decode = self._json
        made = []
        for id_, ord_, digest, side, kind, geometry, properties, text in rows:
            hit = decoded.get(digest)
            if hit is None:
                shape = decode(geometry)
                props = SharedDict({"side": side, "kind": kind, **decode(properties)})
                feature = SharedDict({"type": "Feature", "geometry": shape, "properties": props})
                hit = (shape, props, digest, feature)
                decoded.put(digest, hit, int(text))
            made.append((id_, int(ord_), hit))
        return made

    def control_layer(
        self, since: date, below: int
    ) -> dict[date, tuple[dict[str, Any], list[tuple[int, str]]]]:

        first = day_number(since)
        heads = self._read(
            "SELECT day, metadata FROM control_snapshots WHERE day >= ? ORDER BY day", (first,)
        )
        numbers = [int(number) for number, _ in heads]
        found: list[list[tuple[int, str]]] = [[] for _ in numbers]
        for f, e, ord_, digest in self._read(
            "SELECT first_day, end_day, ord, digest FROM control_spans "
            "WHERE end_day > ? AND ord < ? ORDER BY ord",
            (first, below),
        ):
            for k in range(bisect_left(numbers, max(f, first)), bisect_left(numbers, e)):
                found[k].append((int(ord_), digest))
        return {
            day_date(number): (self._json(metadata), layer)
            for (number, metadata), layer in zip(heads, found, strict=True)
        }

    def control_snapshot_digests(self, since: date | None = None) -> dict[date, str | None]:
        rows = self._read(
            "SELECT day, digest FROM control_snapshots WHERE day >= ? ORDER BY day",
            (day_number(since) if since is not None else -(2**31),),
        )
        return {day_date(number): digest for number, digest in rows}

    def control_snapshot_days(self) -> list[date]:
        return [
            day_date(r[0]) for r in self._read("SELECT day FROM control_snapshots ORDER BY day")
        ]

    def counts_by_day(
        self,
        start: date,
        end: date,
        by: str = "side",
        bbox: BBox | None = None,
        *,
        statuses: Sequence[str] = VISIBLE_STATUSES,
        sides: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        min_confidence: float = 0.0,
        sources: Sequence[str] | None = None,
        precisions: Sequence[str] | None = None,
    ) -> list[DayCount]:
        if by not in ("side", "type"):
            raise ValueError(f"counts_by_day groups by 'side' or 'type', not {by!r}")
        selection = EventFilter(statuses, sides, types, min_confidence, sources, precisions)
        if selection.selects_nothing():
            return []
        source, where, params = self._area_filter(
            _check_bbox(bbox) if bbox else None, day_number(start), day_number(end)
        )
        join_params: list[Any] = []
        if by == "side" and sides is not None:
            # Only the chosen sides are counted; the inner join also keeps only their events.
            key = "s.side"
            source += f" JOIN event_sides s ON s.event_id = e.id AND s.side IN ({_in(sides)})"
            join_params = list(sides)
            selection = replace(selection, sides=None)
        elif by == "side":
            key = "COALESCE(s.side, 'unknown')"
            source += " LEFT JOIN event_sides s ON s.event_id = e.id"
        else:
            key = "e.type"
        conditions, more = selection.sql()
        rows = self._read(
            f"SELECT e.day, {key}, COUNT(*) FROM {source} WHERE {where} {conditions} "
            f"GROUP BY e.day, {key} ORDER BY 1, 2",
            [*join_params, *params, *more],
        )
        return [DayCount(day_date(d), k, int(n)) for d, k, n in rows]

    def event_owners(self, event_ids: Sequence[str]) -> dict[str, str | None]:
        owners: dict[str, str | None] = {}
        ids = list(dict.fromkeys(event_ids))
        for at in range(0, len(ids), 500):  # well under both backends' parameter limits
            chunk = ids[at : at + 500]
            owners.update(
                self._read(f"SELECT id, article_id FROM events WHERE id IN ({_in(chunk)})", chunk)
            )
        return owners

    def save_imported_area(
        self, area: ImportedControlArea, *, actor: str = "import"
    ) -> IngestOutcome:
        row = (
            area.id,
            area.side,
            day_number(area.valid_on),
            _dumps(_plain(area.geometry)),
            area.source,
            _dumps(dict(area.properties)),
            _now(),
        )

        def work(tx: Transaction) -> IngestOutcome:
            if tx.rows("SELECT 1 FROM imported_areas WHERE id = ?", (area.id,)):
                return "unchanged"
            tx.execute(
                "INSERT INTO imported_areas (id, side, valid_day, geometry, source, properties, "
                "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            detail = {"side": area.side, "day": area.valid_on.isoformat(), "source": area.source}
            tx.execute(
                INSERT_LOG, (_now(), actor, "imported_areas", area.id, "insert", _dumps(detail))
            )
            return "new"

        return self._transact(work)

    def imported_areas(self, until: date | None = None) -> list[ImportedControlArea]:
        sql = (
            "SELECT id, side, valid_day, geometry, source, properties, imported_at "
            "FROM imported_areas"
        )
        params: list[Any] = []
        if until is not None:
            sql += " WHERE valid_day <= ?"
            params.append(day_number(until))
        rows = self._read(sql + " ORDER BY valid_day, id", params)
        return [
            ImportedControlArea(
                r[0],
                r[1],
                day_date(r[2]),
                self._json(r[3]),
                r[4],
                self._json(r[5]),
                self._datetime(r[6]),
            )
            for r in rows
        ]

    def change_log(self, since: int = 0, limit: int | None = None) -> list[ChangeLogEntry]:
        sql = (
            "SELECT seq, at, actor, table_name, row_id, action, detail FROM change_log "
            "WHERE seq > ? ORDER BY seq"
        )
        params: list[Any] = [since]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [
            ChangeLogEntry(
                int(r[0]), self._datetime(r[1]), r[2], r[3], r[4], r[5], self._json(r[6])
            )
            for r in self._read(sql, params)
        ]

    def log_mark(self, upto: int | None = None) -> LogMark:
        # one statement each, so the count and the entry are read from one state of the log
        if upto is None:
            rows = self._read(
                "SELECT seq, at, (SELECT COUNT(*) FROM change_log) FROM change_log "
                "ORDER BY seq DESC LIMIT 1"
            )
            if not rows:
                return LogMark(0, 0, None)
            seq, at, count = rows[0]
            return LogMark(int(seq), int(count), self._datetime(at))
        count, at = self._read(
            "SELECT (SELECT COUNT(*) FROM change_log WHERE seq <= ?), "
            "(SELECT at FROM change_log WHERE seq = ?)",
            (upto, upto),
        )[0]
        return LogMark(upto, int(count), self._datetime(at) if at is not None else None)

    def stats(self) -> dict[str, Any]:
        counts = {}
        for table in (
            "articles",
            "places",
            "place_mentions",
            "events",
            "claims",
            "control_snapshots",
            "imported_areas",
            "change_log",
        ):
            counts[table] = int(self._read(f"SELECT COUNT(*) FROM {table}")[0][0])
        first, last = self._read("SELECT MIN(day), MAX(day) FROM events")[0]
        by_status = dict(self._read("SELECT status, COUNT(*) FROM events GROUP BY status"))
        return {
            "backend": self.backend,
            "url": self.url,
            "schema_version": self.schema_version(),
            "counts": counts,
            "events_by_status": {k: int(v) for k, v in by_status.items()},
            "first_event": day_date(first) if first is not None else None,
            "last_event": day_date(last) if last is not None else None,
        }


@dataclass(frozen=True)
class EventFilter:
    """What the event queries select besides day and box, as SQL over ``events e``."""

    statuses: Sequence[str] = VISIBLE_STATUSES
    sides: Sequence[str] | None = None
    types: Sequence[str] | None = None
    min_confidence: float = 0.0
    sources: Sequence[str] | None = None
    precisions: Sequence[str] | None = None

    def selects_nothing(self) -> bool:
        """An empty list means "none of them", so no query is needed."""
        lists = (self.sides, self.types, self.sources, self.precisions)
        return not self.statuses or any(v is not None and not v for v in lists)

    def sql(self) -> tuple[str, list[Any]]:
        """``AND ...`` conditions and their parameters, in order."""
        sql = [f"AND e.status IN ({_in(self.statuses)})"]
        params: list[Any] = list(self.statuses)
        if self.min_confidence > 0:
            sql.append("AND e.confidence >= ?")
            params.append(self.min_confidence)
        for column, values in (
            ("e.type", self.types),
            ("e.source", self.sources),
            ("e.date_precision", self.precisions),
        ):
            if values is not None:
                sql.append(f"AND {column} IN ({_in(values)})")
                params.extend(values)
        if self.sides is not None:
            sql.append(
                "AND EXISTS (SELECT 1 FROM event_sides s "
                f"WHERE s.event_id = e.id AND s.side IN ({_in(self.sides)}))"
            )
            params.extend(self.sides)
        return " ".join(sql), params


def _keep_reviewed(
    rows: list[tuple[Any, ...]], reviewed: Mapping[str, str], status_at: int
) -> list[tuple[Any, ...]]:
    """Carry a human's confirm/reject over to the re-extracted row with the same id."""
    if not reviewed:
        return rows
    kept = []
    for row in rows:
        status = reviewed.get(row[0])
        if status is not None and row[status_at] == "automatic":
            row = (*row[:status_at], status, *row[status_at + 1 :])
        kept.append(row)
    return kept


def _plain(value: Any) -> Any:
    """GeoJSON with tuples turned into lists, so it survives a JSON round trip unchanged."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _dumps_plain(value: Any) -> str:
    """``_dumps(_plain(value))`` without first copying every coordinate pair into a list."""
    return dumps_plain(value)


def _json_text(value: Any) -> str:
    """A JSON column as text (PostgreSQL hands back jsonb already decoded)."""
    return value if isinstance(value, str) else _dumps(value)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cycle collector while a day is decoded, and hand what it decoded straight to
    the oldest generation.

    Decoding creates some 15,000 lists (coordinate pairs) that hold no cycles and live on in
    the decoded-span cache. Each collection they would trigger walks every object already
    decoded, and the first young collection after the read would still walk all of them once
    (5-8 ms a step). ``freeze`` then ``unfreeze`` moves every tracked object to the oldest
    generation without walking any: only full collections look at them there. Cyclic garbage
    made just before the read waits for the next full collection too, which the process's
    other allocations keep triggering. A process that froze objects on purpose (a pre-fork
    server) is left alone: unfreezing would undo that.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was:
            gc.enable()


DecodedSpan = tuple[Any, dict[str, Any], str | None, dict[str, Any]]
"""A span as read: geometry, properties, digest, and the GeoJSON feature every read returns."""


@dataclass(slots=True)
class AssembledDay:
    """The spans in force on a day: ``entries`` maps ``ord -> (id, digest, decoded span)``,
    and ``order``, ``digests`` and ``features`` are kept in reading order beside it, so the
    next day is this one patched with the few spans that start or end in between (a step
    through the time slider) rather than ten thousand rebuilt."""

    number: int
    entries: dict[int, tuple[Any, str | None, DecodedSpan]]
    order: list[int]
    digests: list[str]  # "" for a span written before spans carried digests
    features: list[dict[str, Any]]

    def copy(self, number: int) -> AssembledDay:
        return AssembledDay(
            number, dict(self.entries), self.order[:], self.digests[:], self.features[:]
        )

    def remove(self, ord_: int) -> None:
        del self.entries[ord_]
        at = bisect_left(self.order, ord_)
        del self.order[at], self.digests[at], self.features[at]

    def put(self, ord_: int, entry: tuple[Any, str | None, DecodedSpan]) -> None:
        at = bisect_left(self.order, ord_)
        if ord_ in self.entries:
            self.digests[at], self.features[at] = entry[1] or "", entry[2][3]
        else:
            self.order.insert(at, ord_)
            self.digests.insert(at, entry[1] or "")
            self.features.insert(at, entry[2][3])
        self.entries[ord_] = entry


class DecodedSpans:
    """Control features already decoded, by digest: a span's content never changes under its
    digest, and successive days share nearly all their features, so stepping through the
    days decodes only what changed. One per store handle, least recently used first out.

    Bounded by count and by the stored JSON text the spans were decoded from: the areas
    around places that changed hands are new spans at every step, each a large polygon with
    the claims of thousands of places, and a count alone let a worker stepping through 300
    days of a 10,000-place campaign grow to 1.2 GB. Decoded, a byte of text takes about four.
    """

    def __init__(self, limit: int = 40_000, text_limit: int = 48_000_000) -> None:
        self.limit = limit
        self.text_limit = text_limit
        self.text = 0
        self._found: OrderedDict[str, tuple[DecodedSpan, int]] = OrderedDict()
        self._lock = threading.Lock()

    def lookup(self, digests: Sequence[str | None]) -> list[Any]:
        with self._lock:
            found = []
            for digest in digests:
                hit = self._found.get(digest) if digest is not None else None
                if hit is not None:
                    self._found.move_to_end(digest)  # type: ignore[arg-type]
                found.append(hit[0] if hit is not None else None)
            return found

    def get(self, digest: str | None) -> Any:
        return self.lookup([digest])[0]

    def put(self, digest: str | None, value: DecodedSpan, text: int = 0) -> None:
        """Keep ``value``, decoded from ``text`` characters of stored JSON."""
        if digest is None:
            return
        with self._lock:
            old = self._found.pop(digest, None)
            if old is not None:
                self.text -= old[1]
            self._found[digest] = (value, text)
            self.text += text
            while len(self._found) > 1 and (
                len(self._found) > self.limit or self.text > self.text_limit
            ):
                self.text -= self._found.popitem(last=False)[1][1]

    def __len__(self) -> int:
        return len(self._found)


@dataclass(frozen=True)
class PreparedFeatures:
    """Control features already turned into stored rows, with the digest of each row and of
    them all: made once for comparing, reused for writing."""

    rows: tuple[FeatureRow, ...]
    digests: tuple[str, ...]
    digest: str

    def entries(self) -> list[tuple[int, str, Callable[[], FeatureRow]]]:
        """``(ord, digest, row)`` for each feature, in order."""
        return [
            (ord_, digest, (lambda row=row: row))
            for ord_, (row, digest) in enumerate(zip(self.rows, self.digests, strict=True))
        ]


def prepare_features(features: Iterable[Mapping[str, Any]]) -> PreparedFeatures:
    """Rows and digests of control features, for :meth:`SqlStore.sync_control_snapshots`."""
    rows = tuple(feature_row(f, i) for i, f in enumerate(features))
    digests = tuple(row_digest(r) for r in rows)
    return PreparedFeatures(rows, digests, sequence_digest(digests))


def features_digest(features: Iterable[Mapping[str, Any]]) -> str:
    """The digest :meth:`SqlStore.sync_control_snapshots` compares: equal for features that
    read back the same, so a snapshot that did not change is not rewritten."""
    return prepare_features(features).digest


def _iso(number: int) -> str:
    return (date(1970, 1, 1) + timedelta(days=number)).isoformat()
