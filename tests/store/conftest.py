"""Store fixtures: every store test runs on SQLite in a temporary folder and on a real PostGIS.

The PostgreSQL server is started once per test run with scripts/pg-test-server.sh (as the
``postgres`` OS user when running as root), or taken from CONFLICTMAP_TEST_POSTGRES_URL. Each
test gets its own PostgreSQL schema, so tests never see each other's rows.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from postgres_server import PG_SCRIPT, PgServer, free_port

from dashboard.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
INSTALL_HINT = (
    "PostgreSQL/PostGIS server binaries are missing (looked for "
    "/usr/lib/postgresql/*/bin/initdb); install them with `apt-get install postgresql "
    "postgresql-15-postgis-3` (or `make system-deps`), or set CONFLICTMAP_TEST_POSTGRES_URL "
    "to an existing PostGIS database"
)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    external = os.environ.get("CONFLICTMAP_TEST_POSTGRES_URL")
    if external:
        server = PgServer(external, None)
    else:
        have_binaries = os.environ.get("PGBIN") or glob.glob("/usr/lib/postgresql/*/bin/initdb")
        if not have_binaries:
            pytest.fail(INSTALL_HINT, pytrace=False)
        data_dir = tempfile.mkdtemp(prefix="conflictmap-pg-", dir="/tmp")
        done = subprocess.run(
            ["bash", str(PG_SCRIPT), "start", data_dir, str(free_port())],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            shutil.rmtree(data_dir, ignore_errors=True)
            pytest.fail(f"could not start PostgreSQL: {done.stderr.strip()}", pytrace=False)
        server = PgServer(done.stdout.strip().splitlines()[-1], data_dir)
    with psycopg.connect(server.url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    yield server
    if server.owned:
        subprocess.run(["bash", str(PG_SCRIPT), "destroy", server.data_dir], timeout=90)
    else:
        with psycopg.connect(server.url, autocommit=True) as conn:
            for name in server.schemas:
                conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _url_maker(backend: str, request: pytest.FixtureRequest, folder: Path) -> Callable[[], str]:
    if backend == "sqlite":
        return lambda: f"sqlite:///{folder / f'store-{uuid.uuid4().hex[:8]}.db'}"
    server: PgServer = request.getfixturevalue("pg_server")
    return server.schema_url


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def new_store_url(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Callable[[], str]:
    """Makes URLs of fresh, empty stores on the test's backend."""
    return _url_maker(backend, request, tmp_path)


@pytest.fixture
def store_url(new_store_url: Callable[[], str]) -> str:
    return new_store_url()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """One store per module and backend, for property tests that query a fixed data set."""
    return _url_maker(request.param, request, tmp_path_factory.mktemp("store"))()
