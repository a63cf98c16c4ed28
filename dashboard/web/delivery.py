"""How the page's files reach the browser: compressed once, the page's own plotly.js, and
the layout asked for early.

Three costs of a first load that have nothing to do with the data:

* Flask-Compress compresses every response as it goes out; for plotly.js (3 MB) that is
  100 ms or more of server CPU on every page load. The script bundles and assets never change
  while the server runs, so their compressed bytes are kept (bounded, per process); data
  responses are never kept. Dash sends assets as file streams, which Flask-Compress
  compresses chunk by chunk and never keeps, so they are read whole first.
* The full plotly.js (4.8 MB) takes about half a second to evaluate, mostly for trace types
  the page never draws. ``assets/plotly-map-bar.min.js`` (built by
  ``scripts/build-plotly-bundle.sh``) carries only scatter, scattermap and bar; as an asset it
  runs before Dash's renderer and sets ``window.Plotly``, and Dash's graph component loads its
  own copy only when ``window.Plotly`` is missing, so the full bundle is never fetched.
* Dash's renderer asks for the layout only after every script has run: see
  :func:`with_early_requests`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import flask

STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
PLOTLY_BUNDLE = "plotly-map-bar.min.js"
DASH_PLOTLY_PATH = "_dash-component-suites/plotly/package_data/plotly.min.js"
EARLY_REQUESTS = ("_dash-layout", "_dash-dependencies")
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


def serve_assets_whole(server: flask.Flask, prefix: str = "/") -> None:
    """Read asset files into the response so Flask-Compress compresses them once and keeps
    them; streamed, they would be compressed anew on every request.

    Call after Dash has set up compression: Flask runs later-registered ``after_request``
    functions first, so this one sees the response before Flask-Compress does.
    """
    assets = f"{prefix}assets/"

    @server.after_request
    def _whole(response: flask.Response) -> flask.Response:
        if (
            flask.request.method == "GET"
            and flask.request.path.startswith(assets)
            and response.status_code == 200
            and response.is_streamed
        ):
            body = response.response
            response.direct_passthrough = False
            data = b"".join(response.iter_encoded())
            if hasattr(body, "close"):
                body.close()
            response.set_data(data)
        return response


def with_early_requests(index_string: str, prefix: str) -> str:
    """The page template with preload hints for the layout and the callback list.

    Dash's renderer asks for both only once every script has run (plotly.js alone takes a few
    hundred milliseconds); asked for by the page's head instead, the server builds the layout
    while the browser is still evaluating scripts, and the renderer's own request is answered
    from the preload. ``crossorigin="anonymous"`` gives the hint the same request mode and
    credentials as the renderer's ``fetch`` (without it the browser would fetch twice), and
    the layout request carries the page's address as its referrer, as the renderer's does.
    """
    hints = "\n        ".join(
        f'<link rel="preload" as="fetch" crossorigin="anonymous" href="{prefix}{path}">'
        for path in EARLY_REQUESTS
    )
    if "{%css%}" not in index_string:
        return index_string
    return index_string.replace("{%css%}", "{%css%}\n        " + hints, 1)
