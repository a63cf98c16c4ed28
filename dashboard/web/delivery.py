"""How the page's files reach the browser: compressed once, and plotly.js asked for early.

Two costs of a first load that have nothing to do with the data:

* Flask-Compress compresses every response as it goes out; for plotly.js (4.8 MB) that is
  150 ms or more of server CPU on every page load. The script bundles and assets never change
  while the server runs, so their compressed bytes are kept (bounded, per process); data
  responses are never kept.
* Dash loads plotly.js only once the graph component asks for it, after the layout has
  arrived: a preload hint in the page starts that download with the other scripts.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import flask

STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
PLOTLY_PATH = "_dash-component-suites/plotly/package_data/plotly.min.js"
_NOT_KEPT = "\x00"


class StaticCompressionCache:
    """A Flask-Compress cache backend that keeps only static files, least recently used out.

    Flask-Compress stores every response it compresses when a cache is set; keys it should not
    keep (data responses) come marked by :func:`cache_key` and are dropped here.
    """

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._bytes = 0
        self._max = max_bytes
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key: str, value: bytes) -> None:
        if _NOT_KEPT in key or len(value) > self._max:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old)
            self._items[key] = value
            self._bytes += len(value)
            while self._bytes > self._max:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped)


def cache_key(request: flask.Request) -> str:
    """Path and query for a GET of a static file (the query carries its version); a marked,
    never-kept key for anything else."""
    path = request.path
    if request.method == "GET" and any(p in path for p in STATIC_PREFIXES):
        return f"{path}?{request.query_string.decode('latin-1')}"
    return _NOT_KEPT


def configure_compression(server: flask.Flask) -> None:
    """Settings Flask-Compress reads when Dash enables it (they must be set before)."""
    cache = StaticCompressionCache()
    server.config["COMPRESS_CACHE_BACKEND"] = lambda: cache
    server.config["COMPRESS_CACHE_KEY"] = cache_key


def with_plotly_preload(index_string: str, prefix: str) -> str:
    """The page template with a preload hint for plotly.js, at the exact address Dash's graph
    component later asks for (a different address would download it twice)."""
    hint = f'<link rel="preload" as="script" href="{prefix}{PLOTLY_PATH}">'
    if "{%css%}" not in index_string:
        return index_string
    return index_string.replace("{%css%}", "{%css%}\n        " + hint, 1)
