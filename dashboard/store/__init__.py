"""Schema, migrations, and the SQLite and PostGIS backends behind one :class:`Store` interface.

>>> store = open_store("sqlite:///tmp/conflictmap.db")   # doctest: +SKIP
>>> store.events_between(date(2016, 10, 17), date(2016, 10, 31), (42.9, 36.1, 43.4, 36.5))
"""

from __future__ import annotations

from dashboard.store.base import VISIBLE_STATUSES, Store
from dashboard.store.errors import (
    RecordNotFound,
    SchemaTooNew,
    StoreConflict,
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreUnavailable,
    UnsupportedStoreUrl,
)
from dashboard.store.records import (
    ArticleSummary,
    BBox,
    ChangeLogEntry,
    ControlSnapshot,
    DayCount,
    ImportedControlArea,
    IngestOutcome,
    LogMark,
)
from dashboard.store.spans import ControlSpan, feature_row, row_digest
from dashboard.store.sqlstore import PreparedFeatures, features_digest, prepare_features
from dashboard.store.url import backend_of, parse_sqlite_url, redact_url


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open the store a URL names, choosing its backend here and nowhere else.

    ``sqlite:///path/file.db[?timeout=SECONDS]`` (the embedded default; the folder is created)
    or ``postgresql://user[:password]@host[:port]/database`` (PostGIS). Migrations run on open
    so every caller sees the current schema.
    """
    backend = backend_of(url)
    store: Store
    if backend == "sqlite":
        from dashboard.store.sqlite import SqliteStore

        target = parse_sqlite_url(url)
        store = SqliteStore(target.path, timeout=target.timeout, url=url)
    else:
        try:
            from dashboard.store.postgres import PostgresStore
        except ImportError as exc:
            raise StoreUnavailable(
                f"the store URL {redact_url(url)} needs psycopg 3: pip install 'psycopg[binary]'"
            ) from exc
        store = PostgresStore(url)
    if migrate:
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
    return store


__all__ = [
    "VISIBLE_STATUSES",
    "ArticleSummary",
    "BBox",
    "ChangeLogEntry",
    "ControlSnapshot",
    "ControlSpan",
    "DayCount",
    "ImportedControlArea",
    "IngestOutcome",
    "LogMark",
    "PreparedFeatures",
    "RecordNotFound",
    "SchemaTooNew",
    "Store",
    "StoreConflict",
    "StoreCorrupt",
    "StoreError",
    "StoreLocked",
    "StoreUnavailable",
    "UnsupportedStoreUrl",
    "feature_row",
    "features_digest",
    "open_store",
    "prepare_features",
    "redact_url",
    "row_digest",
]
