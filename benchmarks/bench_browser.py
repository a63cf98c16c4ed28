"""Browser benchmark: first load of the demo, and one ArrowRight step with ~100k events shown.

Drives Debian's Chromium (headless, SwiftShader WebGL, as the browser tests) through Playwright
against servers this script starts on 127.0.0.1, and prints each figure beside a naive
baseline measured in the same run:

(a) first load of the demo store until the map canvas has drawn (MapLibre ``loaded()`` with
    the event traces filled) and the date label is filled; goal < 3 s. Baseline: a plain Dash
    page whose layout carries the whole figure (every event of the window, style, control).
(b) ~100k visible events (synthetic, built with ``bench_web.build``): time from the ArrowRight
    key press to the map's redraw (the last MapLibre ``render`` frame once Plotly's
    ``plotly_afterplot`` has fired and the map's sources are loaded), median of ``--presses``;
    goal < 250 ms. Baseline: the same page
    answering each step with a whole new figure (``px.scatter_map`` of the window).

    .venv/bin/python benchmarks/bench_browser.py                     # 200k events over 28 days
    .venv/bin/python benchmarks/bench_browser.py --events 100000 --presses 6

Nothing is fetched from the internet: both servers serve every script, style and glyph, and
the run fails if the page asks any other host.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.browser.conftest import free_port, wait_for_http  # noqa: E402

CHROMIUM = os.environ.get("CONFLICTMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--use-angle=swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
VIEWPORT = {"width": 1280, "height": 800}
WINDOW = 14
DEMO_DAY = date(2017, 11, 10)  # the capture of Albu Kamal: the demo's busiest fortnight ends here

# In-page probes. The map object is MapLibre's, reached through Plotly's subplot.
MAP_JS = "document.querySelector('#map .js-plotly-plot')"
DRAWN_JS = f"""() => {{
    const gd = {MAP_JS};
    const label = document.querySelector('#date-label');
    if (!gd || !gd._fullLayout || !gd._fullLayout.map || !label) return false;
    const m = gd._fullLayout.map._subplot && gd._fullLayout.map._subplot.map;
    if (!m || !m.loaded() || !m.areTilesLoaded()) return false;
    const filled = (gd._fullData || [])
        .some(t => t.type === 'scattermap' && t.lon && t.lon.length > 0);
    return filled && label.textContent.trim().length > 0 ? performance.now() : false;
}}"""
INSTRUMENT_JS = f"""() => {{
    const gd = {MAP_JS};
    const b = window.__bench = {{t0: 0, after: [], render: [], shown: [], map: null}};
    const watch = () => {{
        // a whole new figure may rebuild the MapLibre map: listen on the current one
        const m = gd._fullLayout.map._subplot.map;
        if (m !== b.map) {{
            b.map = m;
            m.on('render', () => {{
                const issued = performance.now();
                b.render.push(issued);
                // the next animation frame starts once the compositor has taken this one
                // (without a GPU, once the software rasteriser has drawn it)
                requestAnimationFrame(() => b.shown.push([issued, performance.now()]));
            }});
        }}
    }};
    watch();
    document.addEventListener('keydown', e => {{
        if (e.key === 'ArrowRight') b.t0 = performance.now();
    }}, true);
    gd.on('plotly_afterplot', () => {{ b.after.push(performance.now()); watch(); }});
}}"""
REDRAWN_JS = """() => {
    // done: Plotly has applied the update and MapLibre has drawn its last frame since the key
    // press (sources loaded, no frame for 150 ms); the figures are the times that last frame
    // was issued and was shown (the next animation frame after it)
    const b = window.__bench;
    if (b.after.find(t => t > b.t0) === undefined || !b.map.loaded()) return false;
    const last = b.render.filter(t => t > b.t0).pop();
    if (last === undefined || performance.now() - last < 150) return false;
    const shown = b.shown.find(([issued]) => issued === last);
    if (shown === undefined) return false;
    return [last - b.t0, shown[1] - b.t0];
}"""
DISCS_JS = f"""() => ({MAP_JS})._fullData
    .filter(t => t.type === 'scattermap' && t.name !== 'selected')
    .reduce((n, t) => n + (t.lon ? t.lon.length : 0), 0)"""
IDLE_JS = "() => !document.querySelector('[data-dash-is-loading=\"true\"]')"


# -- servers ---------------------------------------------------------------------------------
def _start(cmd: list[str], port: int, tmp: Path, name: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(tmp)}
    log = (tmp / f"{name}.log").open("wb")
    process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    wait_for_http(f"http://127.0.0.1:{port}/", process, timeout=120.0)
    return process


def start_dashboard(db_url: str, tmp: Path) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    cmd = [sys.executable, "-m", "dashboard.cli", "serve", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--db", db_url, "--workers", "1"]
    return f"http://127.0.0.1:{port}", _start(cmd, port, tmp, "dashboard")


def start_naive(
    db_url: str, tmp: Path, day: date, size: tuple[int, int]
) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--serve-naive", db_url]
    cmd += ["--port", str(port), "--day", day.isoformat(), "--size", f"{size[0]}x{size[1]}"]
    return f"http://127.0.0.1:{port}", _start(cmd, port, tmp, "naive")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


# -- the naive page ----------------------------------------------------------------------------
def naive_figure(access: Any, style: dict[str, Any], day: date) -> Any:
    """Every event of the window, the style and the control layers, rebuilt as one figure."""
    import pandas as pd
    import plotly.express as px

    from dashboard.web.figures.map_figure import (
        DEFAULT_CENTER,
        DEFAULT_ZOOM,
        anchored_style,
        control_layers,
    )
    from dashboard.web.viewstate import ViewState

    view = ViewState(day=day, window=WINDOW)
    rows = access.event_rows(*view.visible_span(), view)
    frame = pd.DataFrame(
        {
            "id": list(rows["id"]),
            "lon": rows["lon"],
            "lat": rows["lat"],
            "type": list(rows["type"]),
            "date": [str(d) for d in rows["date"]],
            "side": [str(s).split(",")[0] or "unknown" for s in rows["sides"]],
            "place_name": list(rows["place_name"]),
        }
    )
    fig = px.scatter_map(
        frame,
        lat="lat",
        lon="lon",
        color="side",
        hover_name="place_name",
        hover_data={"type": True, "date": True, "lat": False, "lon": False},
        custom_data=["id"],
        zoom=DEFAULT_ZOOM,
        center=DEFAULT_CENTER,
    )
    fig.update_layout(
        map_style=anchored_style(style),
        map_layers=control_layers(access.snapshot(access.snapshot_day(day))),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        uirevision="map",
    )
    return fig


def serve_naive(db_url: str, port: int, day: date, size: tuple[int, int]) -> None:
    """A plain Dash page: the map figure in the layout, replaced whole on every step."""
    from dash import Dash, Input, Output, State, dcc, html

    from dashboard.config import assets_dir
    from dashboard.web.basemap import offline_style
    from dashboard.web.delivery import PLOTLY_BUNDLE
    from dashboard.web.plotly_config import graph_config
    from dashboard.web.queries import StoreAccess
    from dashboard.web.server import _Standalone
    from dashboard.web.viewstate import day_date, day_number

    access = StoreAccess(db_url)
    style = offline_style()
    # the app's assets (keyboard.js sends the keys) but Dash's own full plotly.js, as a plain
    # Dash page would have, not the app's partial bundle
    app = Dash(
        __name__,
        assets_folder=str(assets_dir()),
        assets_ignore=re.escape(PLOTLY_BUNDLE),
        serve_locally=True,
        update_title=None,
        compress=True,
    )

    def layout() -> html.Div:
        return html.Div(
            [
                dcc.Store(id="keyboard"),
                dcc.Store(id="day", data=day_number(day)),
                html.Div(day.isoformat(), id="date-label"),
                dcc.Graph(
                    id="map",
                    figure=naive_figure(access, style, day),
                    config=graph_config(),
                    style={"width": f"{size[0]}px", "height": f"{size[1]}px"},
                ),
            ]
        )

    app.layout = layout

    @app.callback(
        Output("map", "figure"),
        Output("day", "data"),
        Output("date-label", "children"),
        Input("keyboard", "data"),
        State("day", "data"),
        prevent_initial_call=True,
    )
    def step(key: dict[str, Any], current: int):
        shift = {"ArrowRight": 1, "ArrowLeft": -1}.get((key or {}).get("key"), 0)
        new = day_date(current + shift)
        return naive_figure(access, style, new), current + shift, new.isoformat()

    options = {"bind": f"127.0.0.1:{port}", "workers": 1, "threads": 4}
    options |= {"worker_class": "gthread", "timeout": 120, "loglevel": "warning"}
    _Standalone(app.server, options).run()


# -- measurements ------------------------------------------------------------------------------
def first_load(browser: Any, url: str, runs: int) -> list[float]:
    """Milliseconds from navigation start to a drawn map with its date label, fresh tab each."""
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        outside = _watch(page)
        page.goto(url, wait_until="commit")
        handle = page.wait_for_function(DRAWN_JS, polling="raf", timeout=120_000)
        times.append(float(handle.json_value()))
        _check(outside)
        context.close()
    return times


def steps(
    browser: Any, url: str, presses: int
) -> tuple[list[float], list[float], tuple[int, int], int]:
    """Milliseconds from each ArrowRight to the map's last frame being issued and being shown;
    also the map's size in pixels and the event discs it draws at the end."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    outside = _watch(page)
    page.goto(url, wait_until="commit")
    page.wait_for_function(DRAWN_JS, polling="raf", timeout=180_000)
    page.wait_for_function(IDLE_JS, timeout=120_000)
    box = page.locator("#map").bounding_box() or {"width": 0, "height": 0}
    page.evaluate(INSTRUMENT_JS)
    page.locator("#date-label").click()  # focus the page, not a control
    issued, shown = [], []
    for _ in range(presses):
        page.keyboard.press("ArrowRight")
        handle = page.wait_for_function(REDRAWN_JS, polling="raf", timeout=120_000)
        times = handle.json_value()
        issued.append(float(times[0]))
        shown.append(float(times[1]))
        page.wait_for_function(IDLE_JS, timeout=120_000)
    discs = int(page.evaluate(DISCS_JS))
    _check(outside)
    context.close()
    return issued, shown, (int(box["width"]), int(box["height"])), discs


def _watch(page: Any) -> list[str]:
    outside: list[str] = []
    local = ("http://127.0.0.1:", "data:", "blob:", "about:")
    page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
    return outside


def _check(outside: list[str]) -> None:
    if outside:
        raise SystemExit(f"the page asked a host other than 127.0.0.1: {outside[:3]}")


def _line(name: str, values: list[float]) -> str:
    return (
        f"{name:<34}: median {statistics.median(values):7.0f} ms"
        f"  (min {min(values):.0f}, max {max(values):.0f}, n={len(values)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--presses", type=int, default=10)
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--serve-naive", metavar="DB_URL")
    parser.add_argument("--port", type=int)
    parser.add_argument("--day")
    parser.add_argument("--size", default="720x440")
    args = parser.parse_args()
    if args.serve_naive:
        width, height = (int(v) for v in args.size.split("x"))
        serve_naive(args.serve_naive, args.port, date.fromisoformat(args.day), (width, height))
        return 0

    import bench_web
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as p:
        tmp = Path(tmp_name)
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)

        # (a) the demo store, first load
        demo_url = f"sqlite:///{tmp / 'demo.db'}"
        bench_web.build(demo_url, 0)
        from dashboard.web.queries import StoreAccess

        demo_query = f"/?date={DEMO_DAY.isoformat()}&window={WINDOW}"
        ours_url, ours = start_dashboard(demo_url, tmp)
        try:
            ours_load = first_load(browser, ours_url + demo_query, args.loads)
            _, _, size, _ = steps(browser, ours_url + demo_query, 1)
        finally:
            stop(ours)
        naive_url, naive = start_naive(demo_url, tmp, DEMO_DAY, size)
        try:
            naive_load = first_load(browser, naive_url + "/", args.loads)
        finally:
            stop(naive)

        # (b) ~100k events in the visible window, ArrowRight steps
        big_url = f"sqlite:///{tmp / 'big.db'}"
        took = bench_web.build(big_url, args.events, days=args.days)
        start_day = bench_web.FIRST + timedelta(days=args.days // 2)
        from dashboard.web.viewstate import ViewState

        view = ViewState(day=start_day, window=WINDOW)
        visible = len(StoreAccess(big_url).event_rows(*view.visible_span(), view)["id"])
        query = f"/?date={start_day.isoformat()}&window={WINDOW}"
        ours_url, ours = start_dashboard(big_url, tmp)
        try:
            ours_issued, ours_steps, size, discs = steps(browser, ours_url + query, args.presses)
        finally:
            stop(ours)
        naive_url, server = start_naive(big_url, tmp, start_day, size)
        try:
            plain = steps(browser, naive_url + "/", args.presses)
            naive_issued, naive_steps, _, naive_discs = plain
        finally:
            stop(server)
        browser.close()

    print(f"Chromium headless (SwiftShader), viewport {VIEWPORT['width']}x{VIEWPORT['height']}")
    print(f"(a) first load of the demo store, {WINDOW}-day window, goal < 3000 ms")
    print(_line("    dashboard", ours_load))
    print(_line("    naive (whole figure in layout)", naive_load))
    print(
        f"(b) ArrowRight to map redrawn, {visible:,} events visible "
        f"({args.events:,} over {args.days} days, built in {took:.0f} s), "
        f"map {size[0]}x{size[1]} px, goal < 250 ms"
    )
    print(
        f"    discs drawn: {discs:,} by the dashboard (one per side and screen cell on crowded"
        f" days), {naive_discs:,} by the naive page"
    )
    print(_line("    dashboard (patch one day), shown", ours_steps))
    print(_line("                             issued", ours_issued))
    print(_line("    naive (whole figure), shown", naive_steps))
    print(_line("                          issued", naive_issued))
    ratio = statistics.median(naive_steps) / statistics.median(ours_steps)
    print(f"    ratio: {ratio:.1f}x faster than replacing the figure")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
