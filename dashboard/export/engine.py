"""The one module that talks to a browser: Plotly figures in, PNG/SVG/PDF bytes out.

Kaleido drives a real Chromium. Starting one costs seconds, rendering with a running one tens
of milliseconds, so :class:`ExportEngine` keeps one browser warm for as many exports as its
owner wants and is closed explicitly (or by ``with``). There is no module-level browser: each
caller (the CLI run, a test session, a benchmark) creates its own engine.

Offline by construction: plotly.js is the copy inside the installed ``plotly`` package, MathJax
is disabled (kaleido would otherwise load it from a CDN), topojson is read from the shipped
``assets/topojson/`` folder, and the browser's proxy is a closed local port, so any request a
page or Chromium itself might attempt over HTTP(S) fails at once instead of leaving the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import threading
from collections.abc import Coroutine, Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Literal, TypeVar

from dashboard.config import assets_dir
from dashboard.errors import ConflictmapError

Format = Literal["png", "svg", "pdf"]
FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
BROWSER_ENV = "CONFLICTMAP_CHROMIUM"
_BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Nothing listens on the discard port: Chromium's own background requests and any stray page
# request fail immediately; file:// loads (plotly.js, topojson, glyphs) never use a proxy.
_NO_NETWORK_PROXY = "http://127.0.0.1:9"

T = TypeVar("T")


class BrowserMissing(ConflictmapError):
    """No Chromium to render images with."""


class ExportFailed(ConflictmapError):
    """The browser could not render a figure (bad figure, timeout, crashed browser)."""


def find_browser(env: Mapping[str, str] | None = None) -> Path:
    """The Chromium to use: ``$CONFLICTMAP_CHROMIUM``, else Debian's, else one on ``PATH``."""
    env = os.environ if env is None else env
    chosen = env.get(BROWSER_ENV)
    if chosen:
        path = Path(chosen)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise BrowserMissing(
            f"{BROWSER_ENV}={chosen} is not an executable file; point it at a Chromium or "
            "Chrome binary, or unset it to use Debian's chromium"
        )
    for name in ("/usr/bin/chromium", *_BROWSER_NAMES):
        found = shutil.which(name)
        if found:
            return Path(found)
    raise BrowserMissing(
        "image export needs a Chromium browser and none was found: install Debian's chromium "
        f"(apt-get install chromium) or set {BROWSER_ENV} to a Chromium/Chrome executable"
    )


def plotly_js_path() -> Path:
    """plotly.js as shipped inside the installed plotly package (never a CDN copy)."""
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise ExportFailed(f"plotly.js not found at {path}; reinstall the plotly package")
    return path


def topojson_dir() -> Path:
    return assets_dir() / "topojson"


class ExportEngine:
    """A warm headless Chromium rendering Plotly figures, driven from synchronous code.

    Kaleido is asynchronous; the engine runs its own event loop on a private thread so the
    callers (CLI, tests, Dash callbacks) stay synchronous and never share a loop. ``tabs``
    > 1 renders that many figures at once (story exports use it on multi-core machines).
    """

    def __init__(
        self,
        *,
        browser: Path | str | None = None,
        tabs: int = 1,
        timeout: float = 90.0,
    ) -> None:
        self.browser = Path(browser) if browser else find_browser()
        if not self.browser.is_file():
            raise BrowserMissing(
                f"no browser at {self.browser}: install Debian's chromium (apt-get install "
                f"chromium) or set {BROWSER_ENV} to a Chromium/Chrome executable"
            )
        self.tabs = max(1, tabs)
        self.timeout = timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self.renders = 0

    # -- lifecycle -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> ExportEngine:
        """Launch the browser (idempotent); the first render calls it when needed."""
        if self.running:
            return self
        loop = asyncio.new_event_loop()
        thread = threading.Thread(
            target=loop.run_forever, name="conflictmap-export-engine", daemon=True
        )
        thread.start()
        self._loop, self._thread = loop, thread
        try:
            self._kaleido = self._call(self._open())
        except BaseException:
            self._stop_loop()
            raise
        return self

    async def _open(self) -> Any:
        k = _warm_kaleido_class()(
            n=self.tabs,
            timeout=self.timeout,
            plotlyjs=str(plotly_js_path()),
            mathjax=False,
            path=str(self.browser),
            proxy_server=_NO_NETWORK_PROXY,
        )
        try:
            await k.open()
        except Exception as exc:
            raise ExportFailed(f"could not start the browser at {self.browser}: {exc}") from exc
        return k

    def close(self) -> None:
        """Quit the browser and stop the engine's thread; safe to call twice."""
        if self._kaleido is not None:
            k, self._kaleido = self._kaleido, None
            # A browser that already died has nothing left to close.
            with contextlib.suppress(Exception):
                self._call(k.close())
        self._stop_loop()

    def _stop_loop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=10)
            self._loop.close()
        self._loop, self._thread = None, None

    def __enter__(self) -> ExportEngine:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        assert self._loop is not None
        future: Future[T] = asyncio.run_coroutine_threadsafe(coro, self._loop)
        return future.result()

    # -- rendering -----------------------------------------------------------------------------
    def render(
        self,
        figure: Any,
        fmt: Format = "png",
        *,
        width: int,
        height: int,
        scale: float = 1,
    ) -> bytes:
        """One figure as image bytes; ``figure`` is a ``go.Figure`` or its dict."""
        return self.render_many([figure], fmt, width=width, height=height, scale=scale)[0]

    def render_many(
        self,
        figures: Sequence[Any],
        fmt: Format = "png",
        *,
        width: int,
        height: int,
        scale: float = 1,
    ) -> list[bytes]:
        """Several figures, spread over the engine's tabs, in input order."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
        self.start()
        opts = {"format": fmt, "width": int(width), "height": int(height), "scale": scale}
        topojson = topojson_dir().as_uri() + "/"

        async def all_of() -> list[bytes]:
            k = self._kaleido
            jobs = [
                k.calc_fig(_as_dict(fig), opts=dict(opts), topojson=topojson) for fig in figures
            ]
            return list(await asyncio.gather(*jobs))

        try:
            out = self._call(all_of())
        except ConflictmapError:
            raise
        except Exception as exc:
            raise ExportFailed(f"the browser could not render the figure: {exc}") from exc
        self.renders += len(out)
        return out


RELOAD_EVERY = 40
"""Renders between page reloads: often enough to bound leaks, rare enough to stay warm."""


def _warm_kaleido_class() -> type:
    """Kaleido, minus its page reload after every render.

    Kaleido reloads its tab (plotly.js, then a fresh MapLibre worker pool and WebGL context)
    after each figure; that reload is most of the cost of a warm export (0.25 s of a 0.3 s
    ``geo`` PNG, and seconds for a map). Reusing the page is safe because Plotly renders every
    export into a new, purged graph div; the page is still reloaded every ``RELOAD_EVERY``
    renders to bound any leak.
    """
    import kaleido

    class WarmKaleido(kaleido.Kaleido):
        _since_reload = 0

        async def _return_kaleido_tab(self, tab: Any) -> None:
            self._since_reload += 1
            if self._since_reload >= RELOAD_EVERY:
                self._since_reload = 0
                await tab.reload()
            await self.tabs_ready.put(tab)

    return WarmKaleido


def _as_dict(figure: Any) -> dict[str, Any]:
    return figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else dict(figure)
