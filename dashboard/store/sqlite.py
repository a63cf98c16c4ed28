"""The embedded backend: one SQLite file in WAL mode, events boxed in an R*Tree."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from dashboard.store.errors import (
    StoreConflict,
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreUnavailable,
)
from dashboard.store.records import BBox
from dashboard.store.sqlstore import SqlStore, Transaction

T = TypeVar("T")


class _SqliteTransaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._conn.executemany(sql, rows)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, params).fetchall()


def split_statements(script: str) -> list[str]:
    """Cut a script into statements SQLite can run one by one inside our own transaction.

    ``executescript`` would commit first, so a failed migration could leave half a schema;
    ``sqlite3.complete_statement`` knows that a trigger's ``BEGIN ... END;`` is one statement.
    """
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"migration ends inside a statement: {pending.strip()[:80]!r}")
    return statements


class SqliteStore(SqlStore):
    """WAL so readers never wait for the ingest; synchronous=NORMAL, which survives a killed
    process (a power cut may lose the last commits, never consistency)."""

    backend = "sqlite"

    def __init__(self, path: Path, *, timeout: float = 10.0, url: str | None = None) -> None:
        self.path = path
        self.timeout = timeout
        self.url = url or f"sqlite:///{path}"
        self._lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot create the folder {path.parent} for the store: {exc.strerror}; "
                "choose another place with CONFLICTMAP_DATA_DIR or CONFLICTMAP_DATABASE_URL"
            ) from exc
        if path.is_dir():
            raise StoreUnavailable(f"the store path {path} is a folder; name a .db file instead")
        try:
            self._conn = sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise self._translate(exc) from exc
        try:
            with self._errors():
                # Reading the header first fails cleanly on a non-database file, before any
                # pragma could try to write to it.
                self._conn.execute("PRAGMA schema_version").fetchone()
                self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
                self._conn.execute("PRAGMA foreign_keys = ON")
                mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise StoreLocked(
                        f"cannot switch {path} to WAL mode (it stays {mode!r}): another program "
                        "has it open; close it and retry"
                    )
                self._conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            self._conn.close()
            raise

    @property
    def identity(self) -> str:
        """The file itself, however the URL spelt its path."""
        return f"sqlite:{self.path.resolve()}"

    # -- dialect ----------------------------------------------------------------------------
    def _translate(self, exc: sqlite3.Error) -> Exception:
        name = getattr(exc, "sqlite_errorname", "") or ""
        message = str(exc)
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in message:
            return StoreLocked(
                f"the store {self.path} is locked by another program (waited {self.timeout:g} s: "
                f"{message}); let the other conflictmap process finish, or wait longer with "
                "?timeout=SECONDS in the store URL"
            )
        if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "malformed" in message:
            return StoreCorrupt(
                f"{self.path} is not a usable conflictmap store ({message}); it was left "
                "untouched: move it aside and ingest again, or point CONFLICTMAP_DATABASE_URL "
                "at another file"
            )
        if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_FULL")):
            return StoreUnavailable(
                f"cannot write the store {self.path} ({message}); check the file's permissions "
                "and free disk space"
            )
        if isinstance(exc, sqlite3.IntegrityError):
            return StoreConflict(message)
        return exc

    def _errors(self) -> _ErrorTranslation:
        return _ErrorTranslation(self)

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock, self._errors():
            return self._conn.execute(sql, params).fetchall()

    def _transact(self, work: Callable[[Transaction], T]) -> T:
        with self._lock, self._errors():
            # IMMEDIATE takes the write lock up front, so waiting happens here under the busy
            # timeout rather than as a deadlock when a reader upgrades.
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                result = work(_SqliteTransaction(self._conn))
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            return result

    def _has_table(self, name: str) -> bool:
        return bool(
            self._read("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        )

    def _run_script(self, tx: Transaction, sql: str) -> None:
        for statement in split_statements(sql):
            tx.execute(statement)

    def _area_filter(self, bbox: BBox | None, first: int, last: int) -> tuple[str, str, list[Any]]:
        if bbox is None:
            return "events e", "e.day BETWEEN ? AND ?", [first, last]
        west, south, east, north = bbox
        # The R*Tree stores 32-bit floats rounded outwards, so it can only over-select: the
        # exact lon/lat test afterwards trims its edges. CROSS JOIN makes the tree drive.
        return (
            "event_boxes b CROSS JOIN events e",
            "b.min_lon <= ? AND b.max_lon >= ? AND b.min_lat <= ? AND b.max_lat >= ? "
            "AND b.min_day <= ? AND b.max_day >= ? AND e.seq = b.id "
            "AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ? AND e.day BETWEEN ? AND ?",
            [east, west, north, south, last, first, west, east, south, north, first, last],
        )

    def _span_filter(self, day: int) -> tuple[str, str, list[Any]]:
        # CROSS JOIN makes the interval tree drive, as for event boxes
        return (
            "control_span_days i CROSS JOIN control_spans s",
            "i.first_day <= ? AND i.last_day >= ? AND s.id = i.id",
            [day, day],
        )

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class _ErrorTranslation:
    """Turns sqlite3 errors into the store's own, keeping the original as the cause."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        if isinstance(exc, sqlite3.Error) and not isinstance(exc, StoreError):
            translated = self._store._translate(exc)
            if translated is not exc:
                raise translated from exc
        return False
