"""A story built, saved and presented in the page, as an educator preparing a class would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.export.story import validate_story
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_dashboard import _clean, _label, _open, _settle

pytestmark = pytest.mark.browser

CAPTIONS = "#story-body .story-caption-input input"
STAGE_CAPTION = "#story-stage-caption"


def _steps(pg) -> int:
    return pg.locator("#story-body .story-step").count()


def _add_step(pg, expected: int) -> None:
    pg.locator("#story-add").click()
    pg.wait_for_function(
        f"() => document.querySelectorAll('#story-body .story-step').length === {expected}"
    )


def _week_forward(pg, label_start: str) -> None:
    pg.locator("body").click(position={"x": 5, "y": 880})
    pg.keyboard.press("Shift+ArrowRight")
    pg.wait_for_function(
        "(s) => document.querySelector('#date-label').textContent.startsWith(s)", arg=label_start
    )
    _settle(pg)


def _type_caption(pg, index: int, text: str) -> None:
    box = pg.locator(CAPTIONS).nth(index)
    box.fill(text)
    box.press("Enter")
    pg.wait_for_function(
        """([i, t]) => {
            const doc = JSON.parse(localStorage.getItem('story') || 'null');
            return !!doc && doc.steps[i] && doc.steps[i].caption === t;
        }""",
        arg=[index, text],
    )


def _captions(pg) -> list[str]:
    return [pg.locator(CAPTIONS).nth(i).input_value() for i in range(_steps(pg))]


def _stage_shows(pg, caption: str, label_start: str) -> None:
    pg.wait_for_function(
        "([c, d]) => document.querySelector('#story-stage-caption').textContent === c"
        " && document.querySelector('#date-label').textContent.startsWith(d)",
        arg=[caption, label_start],
        timeout=20_000,
    )


def test_story_is_built_saved_and_presented_with_the_keyboard(dashboard_server, page, tmp_path):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-11-03&window=7&lat=34.45&lon=40.95&zoom=7.5")
    pg.locator("#story-button").click()
    pg.wait_for_selector("#story-panel:not([hidden])")

    _add_step(pg, 1)
    _week_forward(pg, "10 November")
    _add_step(pg, 2)
    _week_forward(pg, "17 November")
    _add_step(pg, 3)
    _type_caption(pg, 0, "Iraqi forces take Husaybah and enter al-Qaim.")
    _type_caption(pg, 1, "Abu Kamal changes hands.")
    _type_caption(pg, 2, "The border towns are contested again.")

    pg.locator("#story-body .story-step").nth(0).get_by_title("Move down").click()
    pg.wait_for_function(
        "() => document.querySelector('#story-body .story-when').textContent"
        ".startsWith('10 November')"
    )
    assert _captions(pg)[:2] == [
        "Abu Kamal changes hands.",
        "Iraqi forces take Husaybah and enter al-Qaim.",
    ]
    _type_caption(pg, 0, "Abu Kamal changes hands, for the first time.")
    title = pg.locator("input#story-title")
    title.fill("The border offensive")
    title.press("Enter")
    pg.wait_for_function(
        "() => (JSON.parse(localStorage.getItem('story')) || {}).title === 'The border offensive'"
    )
    pg.screenshot(path=str(ARTIFACTS / "story_drawer.png"))

    with pg.expect_download() as download:
        pg.locator("#story-save").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    doc = json.loads(Path(saved).read_text(encoding="utf-8"))
    assert validate_story(doc) == []
    assert saved.name == "the-border-offensive.json"
    assert doc["title"] == "The border offensive"
    assert [s["date"] for s in doc["steps"]] == ["2017-11-10", "2017-11-03", "2017-11-17"]
    assert doc["steps"][0]["caption"] == "Abu Kamal changes hands, for the first time."
    assert all(s["center"] and s["zoom"] for s in doc["steps"])

    pg.locator("#story-present").click()
    pg.wait_for_selector("html.story-presenting")
    _stage_shows(pg, "Abu Kamal changes hands, for the first time.", "10 November")
    assert pg.locator("#story-stage-counter").inner_text() == "1 / 3"
    _settle(pg)
    pg.screenshot(path=str(ARTIFACTS / "story_presenting.png"))

    pg.keyboard.press("ArrowRight")
    _stage_shows(pg, "Iraqi forces take Husaybah and enter al-Qaim.", "3 November")
    assert pg.locator("#story-stage-counter").inner_text() == "2 / 3"
    pg.keyboard.press("End")
    _stage_shows(pg, "The border towns are contested again.", "17 November")
    pg.keyboard.press("ArrowRight")  # past the end: stays on the last step
    pg.keyboard.press("Home")
    _stage_shows(pg, "Abu Kamal changes hands, for the first time.", "10 November")
    pg.keyboard.press("ArrowLeft")  # before the start: stays on the first step
    assert "10 November" in _label(pg)
    _settle(pg)

    pg.keyboard.press("Escape")
    pg.wait_for_function("() => !document.documentElement.classList.contains('story-presenting')")
    assert pg.locator("#story-stage").is_hidden()
    assert pg.locator(".topbar").is_visible()
    assert "date=2017-11-10" in pg.url  # the last step's view stays, shareable as usual
    _clean(record)


def test_a_broken_story_file_is_refused_with_every_problem_named(dashboard_server, page):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-11-03")
    pg.locator("#story-button").click()
    _add_step(pg, 1)
    broken = {"title": 3, "steps": [{"date": "2017-13-01", "zoom": 40, "colour": "red"}]}
    pg.locator("#story-load input[type=file]").set_input_files(
        files=[
            {
                "name": "broken.json",
                "mimeType": "application/json",
                "buffer": json.dumps(broken).encode(),
            }
        ]
    )
    message = pg.locator("#story-message .story-problems")
    message.wait_for()
    lines = message.locator("li").all_inner_texts()
    assert any(line.startswith("title: expected text") for line in lines)
    assert any(line.startswith("steps[0].date") for line in lines)
    assert any(line.startswith("steps[0].zoom") for line in lines)
    assert any(line.startswith("steps[0].colour: unknown key") for line in lines)
    assert "broken.json was not loaded" in message.inner_text()
    assert _steps(pg) == 1  # the story being written is kept
    _clean(record)


def test_a_story_exports_as_pdf_and_standalone_html(dashboard_server, page, tmp_path):
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-11-03&lat=34.45&lon=40.95&zoom=7.5")
    pg.locator("#story-button").click()
    _add_step(pg, 1)
    _type_caption(pg, 0, "Husaybah and al-Qaim retaken")
    with pg.expect_download() as download:
        pg.locator("#story-html").click()
    html_file = tmp_path / download.value.suggested_filename
    download.value.save_as(html_file)
    text = html_file.read_text(encoding="utf-8")
    assert html_file.suffix == ".html" and "Husaybah and al-Qaim retaken" in text
    assert "<script src=" not in text
    with pg.expect_download(timeout=90_000) as download:
        pg.locator("#story-pdf").click()
    pdf_file = tmp_path / download.value.suggested_filename
    download.value.save_as(pdf_file)
    assert pdf_file.read_bytes()[:5] == b"%PDF-"
    assert "Exported story.pdf" in pg.locator("#story-message").inner_text()
    _clean(record)


def test_captions_typed_one_after_another_are_all_kept(dashboard_server, page):
    """Saving one caption must not re-render the caption typed next: the drawer is drawn
    again only when its steps change, not after each caption."""
    pg, record = page
    _open(pg, dashboard_server, "?date=2017-11-03&window=7&lat=34.45&lon=40.95&zoom=7.5")
    pg.locator("#story-button").click()
    pg.wait_for_selector("#story-panel:not([hidden])")
    for n in range(1, 4):
        _add_step(pg, n)
    texts = ["First caption.", "Second caption.", "Third caption."]
    for i, text in enumerate(texts):
        box = pg.locator(CAPTIONS).nth(i)
        box.fill(text)
        box.press("Enter")  # no wait: the next caption is typed while this one is saved
    pg.wait_for_function(
        """(t) => {
            const doc = JSON.parse(localStorage.getItem('story') || 'null');
            return !!doc && JSON.stringify(doc.steps.map((s) => s.caption)) === t;
        }""",
        arg=json.dumps(texts, separators=(",", ":")),
        timeout=20_000,
    )
    _settle(pg)
    assert _captions(pg) == texts
    assert not record.page_errors
