"""Exchange tests run on both store backends with the store suite's own fixtures (SQLite in a
temporary folder, and a real PostGIS server), plus the committed sample files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
STORE_TESTS = Path(__file__).resolve().parents[1] / "store"

if str(STORE_TESTS) not in sys.path:
    sys.path.insert(0, str(STORE_TESTS))  # the store conftest imports its siblings by name
_spec = importlib.util.spec_from_file_location("store_backends", STORE_TESTS / "conftest.py")
assert _spec is not None and _spec.loader is not None
_backends = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_backends)

pg_server = _backends.pg_server
backend = _backends.backend
new_store_url = _backends.new_store_url
store_url = _backends.store_url
store = _backends.store

GENERIC_MAP = {
    "date": "Date",
    "lat": "Y",
    "lon": "X",
    "type": "Kind",
    "place": "Town",
    "actor1": "Who",
    "actor2": "Against",
    "id": "Ref",
    "source": "Report",
    "notes": "Note",
    "fatalities": "Dead",
}


@pytest.fixture
def acled_file() -> Path:
    return DATA / "acled_sample.csv"


@pytest.fixture
def ucdp_file() -> Path:
    return DATA / "ucdp_sample.csv"


@pytest.fixture
def generic_file() -> Path:
    return DATA / "generic_sample.csv"
