"""The dashboard driven as an analyst would: scrub, play, filter, brush, select, share."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.test_shell import _drawn_fraction

pytestmark = pytest.mark.browser

LABEL = "#date-label"


def _open(pg, server, query: str = "") -> None:
    pg.goto(server.url + "/" + query, wait_until="networkidle")
    pg.wait_for_selector("#map canvas.maplibregl-canvas", timeout=30_000)
    pg.wait_for_function(
        "() => document.querySelector('#date-label')?.textContent.includes('·')", timeout=20_000
    )
    _settle(pg)


MAP_DRAWN = """() => {
    const gd = document.querySelector('#map .js-plotly-plot');
    const m = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot
        && gd._fullLayout.map._subplot.map;
    return !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving();
}"""


QUIET = """() => {
    const busy = !!document.querySelector('[data-dash-is-loading="true"]');
    const q = window.__quiet = window.__quiet || {since: performance.now()};
    if (busy) { q.since = performance.now(); return false; }
    return performance.now() - q.since > 250;
}"""


def _settle(pg) -> None:
    """Wait until no Dash callback has been in flight for a quarter second (a chain of
    callbacks, such as a shared URL being applied, has gaps between its requests) and
    MapLibre has drawn what it was given."""
    pg.evaluate("() => { delete window.__quiet; }")
    pg.wait_for_function(QUIET, polling=50, timeout=20_000)
    pg.wait_for_function(MAP_DRAWN, timeout=20_000)


def _marker_xy(pg, at_least: int = 1) -> list[float] | None:
    """Page coordinates of a marker inside the map view that stands for ``at_least`` events
    at the same spot (markers of one spot are drawn exactly on top of each other)."""
    return pg.evaluate(
        """(atLeast) => {
            const gd = document.querySelector('#map .js-plotly-plot');
            const m = gd._fullLayout.map._subplot.map;
            const r = gd.getBoundingClientRect();
            const spots = new Map();
            for (const trace of gd.calcdata.slice(1)) {
                for (const point of trace) {
                    if (!point.lonlat || !isFinite(point.lonlat[0])) continue;
                    const key = point.lonlat.map(v => v.toFixed(4)).join(',');
                    spots.set(key, [(spots.get(key) || [0])[0] + 1, point.lonlat]);
                }
            }
            for (const [n, lonlat] of spots.values()) {
                if (n < atLeast) continue;
                const p = m.project(lonlat);
                if (p.x > 20 && p.y > 20 && p.x < r.width - 20 && p.y < r.height - 60)
                    return [r.left + p.x, r.top + p.y];
            }
            return null;
        }""",
        at_least,
    )


def _label(pg) -> str:
    return pg.locator(LABEL).inner_text()


def _query(pg) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(pg.url).query).items()}


def _event_letters(pg) -> list[str]:
    """Letters (event types) currently drawn in the map's event traces."""
    return pg.evaluate(
        "() => { const gd = document.querySelector('#map .js-plotly-plot');"
        " return gd.data.slice(1).flatMap(t => Array.from(t.text || [])); }"
    )


def _clean(record) -> None:
    assert record.external_requests() == []
    assert record.page_errors == []
    assert record.console_errors == []


def test_dashboard_draws_control_and_events_offline(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-11-10&window=14&lat=34.6&lon=40.9&zoom=7.2")
    pg.wait_for_function("() => document.querySelector('#changes').textContent.includes('km²')")
    _settle(pg)
    assert _drawn_fraction(pg.locator("#map").screenshot()) > 0.2
    assert "10 November 2017" in _label(pg)
    assert len(_event_letters(pg)) > 0
    assert "changed hands" in pg.locator("#changes").inner_text().lower()
    _clean(record)


# Notes, for every clear of a WebGL canvas, whether the map's style and sources had all loaded.
# MapLibre clears once or more at the start of each frame it paints.
CLEARS = """
(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, attrs) {
        const gl = getContext.call(this, type, attrs);
        if (gl && /webgl/.test(type) && !gl.__clears) {
            gl.__clears = true;
            const clear = gl.clear.bind(gl);
            gl.clear = function (bits) {
                const gd = document.querySelector('#map .js-plotly-plot');
                const m = gd && gd._fullLayout && gd._fullLayout.map
                    && gd._fullLayout.map._subplot && gd._fullLayout.map._subplot.map;
                const loaded = !!(m && m.style && m.style.loaded());
                (window.__clears = window.__clears || []).push(loaded);
                return clear(bits);
            };
        }
        return gl;
    };
})();
"""


def test_the_first_load_paints_the_map_only_once_everything_has_loaded(dashboard_server, page):
    """Without a GPU each painted frame is dear: while the page opens, frames paint nothing
    until the basemap and the figure's sources have loaded, and the painted map is whole."""
    pg, record = page
    pg.add_init_script(CLEARS)
    _open(pg, dashboard_server, "?date=2017-11-10&window=14&lat=34.6&lon=40.9&zoom=7.2")
    clears = pg.evaluate("() => window.__clears || []")
    assert clears, "the map was never painted"
    assert all(clears), f"{clears.count(False)} clears painted a map still loading"
    assert _drawn_fraction(pg.locator("#map").screenshot()) > 0.2
    assert len(_event_letters(pg)) > 0
    _clean(record)


def test_keyboard_steps_a_day_and_shift_steps_a_week(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-10-10")
    pg.locator("body").click(position={"x": 5, "y": 880})
    pg.keyboard.press("ArrowRight")
    pg.wait_for_function(
        "() => document.querySelector('#date-label').textContent.startsWith('11 October')"
    )
    pg.keyboard.press("Shift+ArrowRight")
    pg.wait_for_function(
        "() => document.querySelector('#date-label').textContent.startsWith('18 October')"
    )
    pg.keyboard.press("ArrowLeft")
    pg.wait_for_function(
        "() => document.querySelector('#date-label').textContent.startsWith('17 October')"
    )
    assert _query(pg)["date"] == "2017-10-17"
    _clean(record)


def test_play_runs_to_the_end_and_stops(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server)
    last = _label(pg).split(" · ")[0]
    pg.locator("body").click(position={"x": 5, "y": 880})
    pg.keyboard.press("Shift+ArrowLeft")
    pg.wait_for_function(
        f"() => !document.querySelector('#date-label').textContent.startsWith('{last}')"
    )
    pg.click("#play")
    assert pg.locator("#play").inner_text() == "Pause"
    pg.wait_for_function(
        f"() => document.querySelector('#date-label').textContent.startsWith('{last}')"
        " && document.querySelector('#play').textContent === 'Play'",
        timeout=20_000,
    )
    _clean(record)


def test_type_filter_leaves_only_that_type_on_the_map(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-11-20&window=14")
    pg.wait_for_function(
        "() => document.querySelector('#map .js-plotly-plot').data.slice(1)"
        ".some(t => (t.text || []).length > 0)",
        timeout=20_000,
    )
    assert set(_event_letters(pg)) - {"T"}, "fixture should show more than captures"
    for label in pg.locator("#filter-types label").all():
        if "Capture" not in label.inner_text():
            label.click()
            pg.wait_for_function("(el) => !el.checked", arg=label.locator("input").element_handle())
    pg.wait_for_function("() => (new URLSearchParams(location.search)).get('types') === 'capture'")
    _settle(pg)
    letters = _event_letters(pg)
    assert letters and set(letters) == {"T"}
    _clean(record)


def test_brushing_the_timeline_sets_the_range_and_filters_the_map(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-12-10")
    box = pg.locator("#timeline .nsewdrag").first.bounding_box()
    y = box["y"] + box["height"] / 2
    pg.mouse.move(box["x"] + box["width"] * 0.45, y)
    pg.mouse.down()
    pg.mouse.move(box["x"] + box["width"] * 0.6, y, steps=8)
    pg.mouse.up()
    pg.wait_for_function("() => (new URLSearchParams(location.search)).get('from') !== null")
    q = _query(pg)
    assert q["from"] < q["to"] and q["date"] == q["to"]
    pg.wait_for_function(
        "() => document.querySelector('#range-label').textContent.startsWith('Range')"
    )
    pg.click("#range-clear")
    pg.wait_for_function("() => (new URLSearchParams(location.search)).get('from') === null")
    _clean(record)


def test_clicking_an_event_shows_its_sentence_and_article(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-11-09&window=1&lat=34.45&lon=40.92&zoom=9")
    xy = _marker_xy(pg)
    assert xy is not None, "no event of the day is inside the map view"
    pg.mouse.click(xy[0], xy[1])
    pg.wait_for_selector("#event-detail blockquote.sentence", timeout=10_000)
    sentence = pg.locator("#event-detail blockquote.sentence")
    assert sentence.locator("mark").count() >= 1
    assert "9 November 2017" in pg.locator("#event-detail").inner_text()
    assert "event" in _query(pg)
    pg.click("#article-open")
    pg.locator("#article-panel").wait_for(state="visible")
    assert pg.locator("#article-body .mark-sentence").count() == 1
    pg.click("#article-close")
    pg.locator("#article-panel").wait_for(state="hidden")
    _clean(record)


def test_shared_url_restores_the_view(dashboard_server, page, browser):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-10-20")
    pg.click("#window label:has-text('the day')")
    pg.locator("#filter-sides label:has-text('Peshmerga')").click()
    pg.wait_for_function("() => (new URLSearchParams(location.search)).get('window') === '1'")
    pg.wait_for_function("() => (new URLSearchParams(location.search)).has('sides')")
    shared = pg.url
    other = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    other.goto(shared, wait_until="networkidle")
    other.wait_for_function(
        # the page may still be rendering its layout when the network goes quiet
        "() => document.querySelector('#date-label')?.textContent"
        ".startsWith('20 October 2017 · events 20 Oct')",
        timeout=20_000,
    )
    assert not other.locator("#filter-sides input[value='peshmerga']").is_checked()
    assert other.locator("#filter-sides input[value='isis']").is_checked()
    assert parse_qs(urlparse(other.url).query) == parse_qs(urlparse(shared).query)
    other.context.close()
    _clean(record)


def test_markup_in_a_sentence_is_shown_as_text_and_never_runs(dashboard_server, demo_store, page):
    pg, record = page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open(pg, dashboard_server, f"?date=2017-11-20&event={demo_store.hostile_event}")
    pg.wait_for_selector("#event-detail blockquote.sentence")
    text = pg.locator("#event-detail blockquote.sentence").inner_text()
    assert "<script>window.__xss = 1</script>" in text
    assert '<img src=x onerror="window.__xss=2">' in text
    pg.click("#article-open")
    pg.locator("#article-panel").wait_for(state="visible")
    assert "<b>bold</b>" in pg.locator("#article-body h2").inner_text()
    assert "<i>markup</i>" in pg.locator("#article-body").inner_text()
    assert pg.evaluate("() => window.__xss") is None
    assert (
        pg.locator(
            "#event-detail script, #event-detail img, #article-body img, #article-body b"
        ).count()
        == 0
    )
    assert dialogs == []
    assert not [u for u in record.requests if u.endswith("/x")]
    _clean(record)


def test_search_flies_the_map_to_a_place(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server)
    pg.fill("#search-input", "Albu Kamal")
    pg.press("#search-input", "Enter")
    pg.wait_for_function(
        "() => document.querySelector('#search-result').textContent.length > 0", timeout=30_000
    )
    result = pg.locator("#search-result").inner_text()
    assert "Kam" in result, result
    pg.wait_for_function(
        "() => { const gd = document.querySelector('#map .js-plotly-plot');"
        " const c = gd._fullLayout.map.center; return Math.abs(c.lon - 40.9) < 0.3"
        " && Math.abs(c.lat - 34.45) < 0.3 && gd._fullLayout.map.zoom > 9; }",
        timeout=10_000,
    )
    _clean(record)


def test_four_workers_answer_like_one(dashboard_server_4, page):
    pg, record = page
    _open(pg, dashboard_server_4, "?date=2017-10-01&window=7")
    pg.locator("body").click(position={"x": 5, "y": 880})
    for day in range(2, 8):
        pg.keyboard.press("ArrowRight")
        pg.wait_for_function(
            f"() => document.querySelector('#date-label').textContent.startsWith('{day} October')"
        )
    _settle(pg)
    letters = sorted(_event_letters(pg))
    _open(pg, dashboard_server_4, "?date=2017-10-07&window=7")
    pg.wait_for_function(
        "(want) => JSON.stringify(document.querySelector('#map .js-plotly-plot').data.slice(1)"
        ".flatMap(t => Array.from(t.text || [])).sort()) === want",
        arg=json.dumps(letters, separators=(",", ":")),
        timeout=20_000,
    )
    _clean(record)


def test_upload_ingests_an_article(dashboard_server, page, tmp_path):
    from dashboard.web.callbacks.upload import pipeline_available

    if not pipeline_available():
        pytest.skip("dashboard.pipeline.ingest_bytes is not available yet: upload cannot ingest")
    pg, record = page
    _open(pg, dashboard_server)
    article = tmp_path / "rawa.txt"
    article.write_text(
        "Iraqi forces retake Rawa\n\nRAWA, Nov 17 - Iraqi forces retook Rawa on Friday."
    )
    pg.set_input_files("#upload input[type=file]", [str(article)])
    pg.wait_for_function(
        "() => document.querySelector('#upload-result').textContent.includes(' read')",
        timeout=60_000,
    )
    text = pg.locator("#upload-result").inner_text()
    assert re.search(r"rawa\.txt.* — (added|updated|unchanged): .*\d+ places?", text), text
    _clean(record)


def test_events_at_one_place_are_listed_and_each_can_be_read(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-11-09&window=1&lat=34.45&lon=40.92&zoom=9")
    xy = _marker_xy(pg, at_least=2)
    assert xy is not None, "the fixture should have several events at one place that day"
    pg.mouse.click(xy[0], xy[1])
    pg.wait_for_selector("#event-list .pick.active", timeout=10_000)
    picks = pg.locator("#event-list .pick")
    assert picks.count() >= 2
    assert re.match(r"\d+ events at ", pg.locator("#event-list h4").inner_text(), re.I)
    # the address follows the selection a moment after the list shows it (on a busy machine,
    # after the active pick is drawn)
    pg.wait_for_function("() => new URLSearchParams(location.search).has('event')")
    first = _query(pg)["event"]
    other = pg.locator("#event-list .pick:not(.active)").first
    other.click()
    pg.wait_for_function(f"() => (new URLSearchParams(location.search)).get('event') !== '{first}'")
    pg.wait_for_selector("#event-list .pick.active")
    assert pg.locator("#event-list .pick.active").count() == 1
    assert "9 November 2017" in pg.locator("#event-detail").inner_text()
    _clean(record)


def test_clicking_a_timeline_bar_selects_that_days_main_event(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-12-01&window=1")
    xy = pg.evaluate(
        """() => {
            const gd = document.querySelector('#timeline .js-plotly-plot');
            const fl = gd._fullLayout, r = gd.getBoundingClientRect();
            const x = fl.xaxis.l2p(fl.xaxis.d2l('2017-11-09 12:00')) + fl._size.l;
            const y = fl.yaxis.l2p(1) + fl._size.t;
            return [r.left + x, r.top + y];
        }"""
    )
    pg.mouse.click(xy[0], xy[1])
    pg.wait_for_function(
        "() => document.querySelector('#date-label').textContent.startsWith('9 November 2017')"
    )
    pg.wait_for_selector("#event-detail blockquote.sentence", timeout=10_000)
    assert "9 November 2017" in pg.locator("#event-detail").inner_text()
    heading = pg.locator("#event-list h4").inner_text()
    assert re.match(r"\d+ located events? on 9 Nov 2017", heading, re.I), heading
    assert pg.locator("#event-list .pick.active").count() == 1
    _clean(record)


def test_a_file_over_the_upload_limit_is_named_with_the_reason(dashboard_server, page, tmp_path):
    pg, record = page
    _open(pg, dashboard_server)
    big = tmp_path / "big-dump.txt"
    big.write_bytes(b"x" * 10_500_000)
    pg.set_input_files("#upload input[type=file]", [str(big)])
    pg.wait_for_function(
        "() => document.querySelector('#upload-result').textContent.includes('big-dump.txt')",
        timeout=20_000,
    )
    text = pg.locator("#upload-result").inner_text()
    assert "over the 10 MB upload limit" in text and "nothing was read" in text, text
    pg.click("#upload-dismiss")
    pg.locator("#upload-result").wait_for(state="hidden")
    _clean(record)
