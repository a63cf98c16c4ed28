"""Failures a user can fix get one clear error each: corrupt or locked files, a server that is
down or restarts."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from datetime import date
from pathlib import Path

import psycopg
import pytest
from factories import make_bundle
from postgres_server import PgServer, free_port

from dashboard.errors import ConflictmapError
from dashboard.store import (
    StoreCorrupt,
    StoreLocked,
    StoreUnavailable,
    UnsupportedStoreUrl,
    open_store,
    redact_url,
)


def ingest(store, i: int) -> str:
    b = make_bundle(i)
    return store.replace_article(b.article, b.mentions, b.events, b.claims)


# -- SQLite -----------------------------------------------------------------------------------


def test_missing_folders_are_created(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "store.db"
    with open_store(f"sqlite:///{target}") as store:
        assert ingest(store, 1) == "new"
    assert target.is_file()


def test_pragmas_are_set(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path}/s.db") as store:
        conn = store._conn  # type: ignore[attr-defined]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database, it is a news article\n" * 200,
        b"SQLite format 3\x00" + b"\xff" * 4080,
    ],
)
def test_non_database_file_is_reported_corrupt_and_left_untouched(
    tmp_path: Path, content: bytes
) -> None:
    target = tmp_path / "conflictmap.db"
    target.write_bytes(content)
    with pytest.raises(StoreCorrupt, match=str(target)) as raised:
        open_store(f"sqlite:///{target}")
    assert isinstance(raised.value, ConflictmapError)
    assert "move it aside" in str(raised.value)
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(content).digest()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conflictmap.db"]


def test_locked_file_gives_a_clear_error_after_the_timeout(tmp_path: Path) -> None:
    target = tmp_path / "store.db"
    open_store(f"sqlite:///{target}").close()
    holder = sqlite3.connect(target, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with open_store(f"sqlite:///{target}?timeout=0.3") as store:
            assert store.stats()["counts"]["articles"] == 0  # WAL: reading still works
            started = time.monotonic()
            with pytest.raises(StoreLocked, match=rf"{target}.*locked.*timeout=SECONDS"):
                ingest(store, 1)
            assert 0.25 <= time.monotonic() - started < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store(f"sqlite:///{target}") as store:
        assert ingest(store, 1) == "new"


def test_exclusive_locking_mode_blocks_opening_with_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "store.db"
    open_store(f"sqlite:///{target}").close()
    holder = sqlite3.connect(target, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreLocked, match=str(target)):
            open_store(f"sqlite:///{target}?timeout=0.2")
    finally:
        holder.close()


@pytest.mark.parametrize(
    "url", ["mysql://x@y/z", "sqlite://host/file.db", "sqlite:///", "sqlite:///f.db?timeout=soon"]
)
def test_unsupported_urls_are_refused(url: str) -> None:
    with pytest.raises(UnsupportedStoreUrl):
        open_store(url)


def test_passwords_never_appear_in_urls_shown() -> None:
    assert redact_url("postgresql://ann:s3cret@db:5433/cm") == "postgresql://ann:***@db:5433/cm"
    assert redact_url("sqlite:////x/y.db") == "sqlite:////x/y.db"


# -- PostgreSQL -------------------------------------------------------------------------------


@pytest.mark.postgres
def test_server_down_names_host_and_port_but_not_the_password() -> None:
    port = free_port()
    with pytest.raises(StoreUnavailable, match=rf"127\.0\.0\.1:{port}") as raised:
        open_store(f"postgresql://ann:s3cret@127.0.0.1:{port}/conflictmap")
    assert "s3cret" not in str(raised.value)
    assert "start the server" in str(raised.value)


@pytest.mark.postgres
def test_dropped_connection_is_reopened_once(pg_server: PgServer) -> None:
    url = pg_server.schema_url()
    with open_store(url) as store:
        ingest(store, 1)
        pid = store._conn.info.backend_pid  # type: ignore[attr-defined]
        with psycopg.connect(pg_server.url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert store.stats()["counts"]["articles"] == 1
        assert ingest(store, 2) == "new"


@pytest.mark.postgres
def test_server_restart_between_two_queries_is_survived(pg_server: PgServer) -> None:
    if not pg_server.owned:
        pytest.skip("CONFLICTMAP_TEST_POSTGRES_URL names a server these tests may not restart")
    url = pg_server.schema_url()
    with open_store(url) as store:
        ingest(store, 1)
        pg_server.control("restart")
        assert len(store.events_between(date(2016, 1, 1), date(2017, 1, 1))) == 3
        pg_server.control("stop")
        try:
            with pytest.raises(StoreUnavailable, match=r"127\.0\.0\.1:\d+"):
                store.stats()
        finally:
            pg_server.control("start")
        assert ingest(store, 2) == "new"
