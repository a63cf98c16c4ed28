"""Parsing and redacting store URLs: the backend is chosen here, once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit, urlunsplit

from dashboard.store.errors import UnsupportedStoreUrl


def redact_url(url: str) -> str:
    """The URL with any password replaced, safe for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    netloc = f"{parts.username or ''}:***@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


@dataclass(frozen=True)
class SqliteTarget:
    path: Path
    timeout: float


def parse_sqlite_url(url: str) -> SqliteTarget:
    """``sqlite:///relative.db`` or ``sqlite:////abs/file.db``; ``?timeout=SECONDS`` for locks.

    Three slashes then a path, as SQLAlchemy spells it; the path keeps its own leading slash.
    """
    parts = urlsplit(url)
    if parts.netloc:
        raise UnsupportedStoreUrl(
            f"sqlite store URL {url!r} has a host part; write sqlite:///path/to/file.db"
        )
    path = parts.path[1:] if parts.path.startswith("/") else parts.path
    if not path or path == ":memory:":
        raise UnsupportedStoreUrl(
            f"sqlite store URL {url!r} names no file; write sqlite:///path/to/file.db"
        )
    query = parse_qs(parts.query)
    timeout = 10.0
    if "timeout" in query:
        try:
            timeout = float(query["timeout"][-1])
        except ValueError:
            raise UnsupportedStoreUrl(
                f"sqlite store URL {url!r}: timeout must be a number of seconds"
            ) from None
    return SqliteTarget(Path(path).expanduser(), timeout)


def backend_of(url: str) -> str:
    """``sqlite`` or ``postgresql``; anything else is refused with the accepted forms."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        return "sqlite"
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return "postgresql"
    raise UnsupportedStoreUrl(
        f"store URL {redact_url(url)!r} is not understood; use sqlite:///path/file.db or "
        "postgresql://user@host:port/database"
    )
