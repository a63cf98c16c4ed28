"""Stories: the file format with its validation, the PDF and the standalone HTML file."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from dashboard.export.story import (
    Story,
    StoryInvalid,
    StoryStep,
    dumps_story,
    load_story,
    loads_story,
    save_story,
)
from dashboard.export.story_export import story_html, story_pdf
from tests.export.conftest import AL_QAIM, DAY

CAPTIONS = (
    "Iraqi forces open the offensive on al-Qaim.",
    "Iraqi troops seize the Husaybah crossing and enter al-Qaim.",
    "Abu Kamal changes hands twice in ten days.",
)


@pytest.fixture(scope="module")
def story(store) -> Story:
    event = store.events_between(DAY, DAY, AL_QAIM)[0]
    return Story(
        title="The border offensive",
        steps=(
            StoryStep(day=date(2017, 10, 26), caption=CAPTIONS[0]),
            StoryStep(day=DAY, bbox=AL_QAIM, caption=CAPTIONS[1], highlight=(event.id,)),
            StoryStep(
                day=date(2017, 11, 19),
                start=date(2017, 11, 8),
                center=(40.92, 34.45),
                zoom=8.5,
                caption=CAPTIONS[2],
            ),
        ),
    )


def test_story_round_trips_through_json_and_yaml(story: Story, tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    for name in ("story.json", "story.yaml"):
        save_story(story, tmp_path / name)
        assert load_story(tmp_path / name) == story


def test_validation_lists_every_problem_with_its_place() -> None:
    text = json.dumps(
        {
            "title": 3,
            "steps": [
                {"date": "2017-13-01", "caption": "x"},
                {"date": "2017-11-03", "from": "2017-11-09", "bbox": [42, 34, 41, 35]},
                {"date": "2017-11-03", "center": {"lat": 34}, "zoom": 40, "colour": "red"},
            ],
        }
    )
    with pytest.raises(StoryInvalid) as caught:
        loads_story(text)
    problems = "\n".join(caught.value.problems)
    assert "title: expected text" in problems
    assert "steps[0].date: '2017-13-01' is not a date" in problems
    assert "steps[1].from: 2017-11-09 is after the step's date 2017-11-03" in problems
    assert "steps[1].bbox" in problems
    assert "steps[2].center" in problems and "steps[2].zoom" in problems
    assert "steps[2].colour: unknown key" in problems


def test_broken_json_names_line_and_column() -> None:
    with pytest.raises(StoryInvalid, match="line 1, column"):
        loads_story('{"title": "x", "steps": [')


def test_empty_story_is_refused() -> None:
    with pytest.raises(StoryInvalid, match="non-empty list"):
        loads_story('{"title": "x", "steps": []}')


def test_saved_json_is_small_and_readable(story: Story) -> None:
    data = json.loads(dumps_story(story))
    assert data["conflictmap_story"] == 1
    assert set(data["steps"][2]) == {"date", "from", "center", "zoom", "caption"}


def test_pdf_has_a_page_per_step_with_its_caption(store, engine, story, artifacts) -> None:
    from pypdf import PdfReader

    data = story_pdf(store, story, engine)
    (artifacts / "story.pdf").write_bytes(data)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(story.steps)
    for page, caption in zip(reader.pages, CAPTIONS, strict=True):
        # NFKC undoes the typographic ligatures (ﬀ, ﬁ) Chromium prints.
        text = " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
        assert caption[:30] in text
        assert "Sources:" in text


@pytest.fixture(scope="module")
def story_file(store, story, artifacts: Path) -> Path:
    path = artifacts / "story.html"
    path.write_text(story_html(store, story), encoding="utf-8")
    return path


def test_html_embeds_plotly_and_fetches_nothing(story_file: Path) -> None:
    text = story_file.read_text(encoding="utf-8")
    assert "<script src=" not in text and "<link" not in text
    assert "PlotlyGeoAssets" in text


@pytest.mark.browser
def test_html_opens_from_disk_offline_and_steps_with_the_keyboard(
    story_file: Path, artifacts: Path, browser
) -> None:
    blocked: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()

        def route(r) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
                return
            blocked.append(r.request.url)
            r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(story_file.as_uri())
        page.wait_for_function("document.body.dataset.step === '1'", timeout=30000)
        # The map is drawn: filled control areas and event markers in the SVG.
        assert page.locator("#map .choroplethlocation").count() > 5
        assert page.locator("#map .scattergeo .point").count() > 0
        assert "1 / 3" in page.inner_text("#counter")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.body.dataset.step === '2'")
        assert CAPTIONS[1] in page.inner_text("#live")
        page.screenshot(path=str(artifacts / "story-html-step2.png"))
        page.keyboard.press("End")
        page.wait_for_function("document.body.dataset.step === '3'")
        page.keyboard.press("ArrowRight")  # past the end: stays on the last step
        page.keyboard.press("Home")
        page.wait_for_function("document.body.dataset.step === '1'")
        page.keyboard.press("ArrowLeft")  # before the start: stays on the first
        page.wait_for_timeout(200)
        assert page.evaluate("document.body.dataset.step") == "1"
    finally:
        context.close()
    assert blocked == []
    assert errors == []
