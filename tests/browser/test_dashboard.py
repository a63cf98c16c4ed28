"""The dashboard driven as an analyst would: scrub, play, filter, brush, select, share."""

from __future__ import annotations

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
        "() => document.querySelector('#date-label').textContent.includes('·')", timeout=20_000
    )
    _settle(pg)


def _settle(pg) -> None:
    """Wait until no Dash callback is in flight, then a beat for Plotly to draw."""
    pg.wait_for_function(
        "() => !document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=20_000
    )
    pg.wait_for_timeout(400)


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
    pg.wait_for_timeout(1500)
    assert _drawn_fraction(pg.locator("#map").screenshot()) > 0.2
    assert "10 November 2017" in _label(pg)
    assert len(_event_letters(pg)) > 0
    assert "changed hands" in pg.locator("#changes").inner_text().lower()
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
            pg.wait_for_timeout(150)
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
    pg.wait_for_timeout(1500)
    xy = pg.evaluate(
        """() => {
            const gd = document.querySelector('#map .js-plotly-plot');
            const m = gd._fullLayout.map._subplot.map;
            const r = gd.getBoundingClientRect();
            for (const trace of gd.calcdata.slice(1)) {
                for (const point of trace) {
                    if (!point.lonlat) continue;
                    const p = m.project(point.lonlat);
                    if (p.x > 20 && p.y > 20 && p.x < r.width - 20 && p.y < r.height - 60)
                        return [r.left + p.x, r.top + p.y];
                }
            }
            return null;
        }"""
    )
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
        "() => document.querySelector('#date-label').textContent"
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
    for _ in range(6):
        pg.keyboard.press("ArrowRight")
        pg.wait_for_timeout(120)
    pg.wait_for_function(
        "() => document.querySelector('#date-label').textContent.startsWith('7 October')"
    )
    pg.wait_for_timeout(1200)
    letters = sorted(_event_letters(pg))
    pg.goto(dashboard_server_4.url + "/?date=2017-10-07&window=7", wait_until="networkidle")
    pg.wait_for_function(
        "() => document.querySelector('#date-label').textContent.startsWith('7 October')"
    )
    pg.wait_for_timeout(1200)
    assert sorted(_event_letters(pg)) == letters
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
        "() => document.querySelector('#upload-result').textContent.includes('files read')",
        timeout=60_000,
    )
    text = pg.locator("#upload-result").inner_text()
    assert re.search(r"rawa\.txt.* — (new|updated|unchanged)", text), text
    _clean(record)
