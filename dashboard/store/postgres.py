"""The scale-out backend: PostgreSQL with PostGIS, through psycopg 3."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

import psycopg
from psycopg import conninfo, errors

from dashboard.store.errors import (
    StoreConflict,
    StoreError,
    StoreLocked,
    StoreUnavailable,
)
from dashboard.store.records import BBox
from dashboard.store.sqlstore import SqlStore, Transaction
from dashboard.store.url import redact_url

T = TypeVar("T")

# Any fixed number: all conflictmap processes migrating one database queue on it.
_MIGRATION_LOCK = 7_361_002


@lru_cache(maxsize=512)
def _pg(sql: str) -> str:
    """Shared SQL is written with ``?``; psycopg wants ``%s`` (and no other ``%``)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _PostgresTransaction:
    def __init__(self, conn: psycopg.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(_pg(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(_pg(sql), rows)  # pipelined: one round trip for the batch

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(_pg(sql), params).fetchall()


class PostgresStore(SqlStore):
    """One connection in autocommit mode with explicit transactions; a dropped connection
    (server restart, idle timeout) is re-opened once and the whole operation re-run, which is
    safe because every write is idempotent (ingest checks the content hash, status changes
    check the current status)."""

    backend = "postgresql"

    def __init__(self, url: str, *, connect_timeout: int = 5) -> None:
        self._dsn = url
        self.url = redact_url(url)
        try:
            info = conninfo.conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise StoreUnavailable(f"cannot parse the store URL {self.url}: {exc}") from None
        self._where = f"{info.get('host') or 'localhost'}:{info.get('port') or 5432}"
        self._database = info.get("dbname") or info.get("user") or ""
        self._password = str(info.get("password") or "")
        self._extra = {} if "connect_timeout" in info else {"connect_timeout": connect_timeout}
        self._lock = threading.RLock()
        self._conn: psycopg.Connection | None = self._connect()

    def _scrub(self, text: str) -> str:
        return text.replace(self._password, "***") if self._password else text

    def _connect(self) -> psycopg.Connection:
        try:
            return psycopg.connect(self._dsn, autocommit=True, **self._extra)
        except psycopg.Error as exc:
            reason = self._scrub(str(exc).strip().splitlines()[0] if str(exc).strip() else "")
            raise StoreUnavailable(
                f"cannot connect to PostgreSQL at {self._where} (database "
                f"{self._database!r}): {reason}; start the server or fix "
                "CONFLICTMAP_DATABASE_URL"
            ) from None

    def _translate(self, exc: psycopg.Error) -> Exception:
        if isinstance(exc, errors.LockNotAvailable | errors.QueryCanceled):
            return StoreLocked(f"PostgreSQL at {self._where} timed out waiting: {exc}")
        if isinstance(exc, errors.InsufficientPrivilege):
            return StoreUnavailable(
                f"PostgreSQL at {self._where} refused: {self._scrub(str(exc))}; if this is the "
                f"PostGIS extension, ask an administrator to run CREATE EXTENSION postgis in "
                f"database {self._database!r}"
            )
        if isinstance(exc, psycopg.IntegrityError):
            return StoreConflict(str(exc).splitlines()[0])
        if isinstance(exc, psycopg.OperationalError):
            return StoreUnavailable(
                f"lost the connection to PostgreSQL at {self._where}: "
                f"{self._scrub(str(exc).strip())}; check that the server is running"
            )
        return exc

    def _run(self, work: Callable[[psycopg.Connection], T]) -> T:
        with self._lock:
            for attempt in (1, 2):
                if self._conn is None or self._conn.closed:
                    self._conn = self._connect()
                conn = self._conn
                try:
                    return work(conn)
                except StoreError:
                    raise
                except psycopg.OperationalError as exc:
                    if attempt == 1 and (conn.broken or conn.closed):
                        conn.close()
                        self._conn = None
                        continue
                    raise self._translate(exc) from exc
                except psycopg.Error as exc:
                    translated = self._translate(exc)
                    if translated is exc:
                        raise
                    raise translated from exc
            raise AssertionError("unreachable")

    # -- dialect ----------------------------------------------------------------------------
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._run(lambda conn: conn.execute(_pg(sql), params).fetchall())

    def _transact(self, work: Callable[[Transaction], T]) -> T:
        def in_transaction(conn: psycopg.Connection) -> T:
            with conn.transaction():
                return work(_PostgresTransaction(conn))

        return self._run(in_transaction)

    def _has_table(self, name: str) -> bool:
        found = self._read(
            "SELECT 1 FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name = ?",
            (name,),
        )
        return bool(found)

    def _lock_for_migration(self, tx: Transaction) -> None:
        tx.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))

    def _run_script(self, tx: Transaction, sql: str) -> None:
        # No parameters: psycopg sends the whole file as one simple-protocol query.
        assert isinstance(tx, _PostgresTransaction)
        tx._conn.execute(sql.encode("utf-8"))

    def _area_filter(self, bbox: BBox | None, first: int, last: int) -> tuple[str, str, list[Any]]:
        if bbox is None:
            return "events e", "e.day BETWEEN ? AND ?", [first, last]
        west, south, east, north = bbox
        return (
            "events e",
            "e.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND e.day BETWEEN ? AND ? "
            "AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?",
            [west, south, east, north, first, last, west, east, south, north],
        )

    # jsonb comes back decoded; its text is what the cache bound counts
    _SPAN_TEXT = "octet_length(s.geometry::text) + octet_length(s.properties::text)"

    def _span_filter(self, day: int) -> tuple[str, str, list[Any]]:
        return "control_spans s", "int4range(s.first_day, s.end_day) @> ?::integer", [day]

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
