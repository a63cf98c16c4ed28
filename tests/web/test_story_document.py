"""The story document the web app edits: steps from views, edits, uploads, steps as views."""

from __future__ import annotations

import base64
import json
from datetime import date

from dashboard.export.frame import bbox_for_view
from dashboard.export.story import loads_story, validate_story
from dashboard.web import story_layout as sl
from dashboard.web.viewstate import MapView, ViewState, parse_query

VIEW = {"lat": 34.45, "lon": 40.95, "zoom": 7.5}


def _doc(*captions: str) -> dict:
    doc = sl.empty_story()
    for i, caption in enumerate(captions):
        step = sl.step_from_view(date(2017, 11, 3 + i), None, VIEW, None, caption)
        doc = sl.add_step(doc, step)
    return doc


def _upload(text: str) -> str:
    return "data:application/json;base64," + base64.b64encode(text.encode()).decode()


def test_a_step_from_the_view_is_a_valid_story_step():
    step = sl.step_from_view(date(2017, 11, 3), None, VIEW, "ev-1", "Al-Qaim falls.")
    assert step == {
        "date": "2017-11-03",
        "center": {"lat": 34.45, "lon": 40.95},
        "zoom": 7.5,
        "caption": "Al-Qaim falls.",
        "highlight": ["ev-1"],
    }
    assert validate_story({"title": "", "steps": [step]}) == []


def test_a_brushed_range_becomes_from_and_a_date_inside_it():
    step = sl.step_from_view(
        date(2017, 12, 1), {"from": "2017-11-01", "to": "2017-11-19"}, None, None
    )
    assert (step["from"], step["date"]) == ("2017-11-01", "2017-11-19")
    assert "center" not in step and "highlight" not in step


def test_moving_a_step_swaps_it_with_its_neighbour_and_stops_at_the_ends():
    doc = _doc("a", "b", "c")
    moved = sl.move_step(doc, 0, 1)
    assert [s["caption"] for s in moved["steps"]] == ["b", "a", "c"]
    assert [s["caption"] for s in doc["steps"]] == ["a", "b", "c"]  # the input is untouched
    assert sl.move_step(doc, 2, 1) == doc
    assert sl.move_step(doc, 0, -1) == doc


def test_deleting_a_step_removes_only_that_step():
    assert [s["caption"] for s in sl.delete_step(_doc("a", "b", "c"), 1)["steps"]] == ["a", "c"]
    assert sl.delete_step(_doc("a"), 5) == _doc("a")


def test_typed_title_and_captions_override_the_stored_ones():
    doc = sl.with_texts(_doc("a", "b"), "Autumn 2017", ["A", None])
    assert doc["title"] == "Autumn 2017"
    assert [s["caption"] for s in doc["steps"]] == ["A", "b"]


def test_tampered_local_storage_reads_as_an_empty_story():
    assert sl.normalise_story({"steps": "nonsense"})["steps"] == []
    assert sl.normalise_story(None) == sl.empty_story()


def test_an_uploaded_story_round_trips_to_the_same_document():
    doc = sl.with_texts(_doc("a", "b"), "Border", None)
    loaded, problems = sl.document_from_upload(_upload(json.dumps(doc)), "border.json")
    assert problems == []
    assert loaded == doc
    assert loads_story(json.dumps(loaded)).title == "Border"


def test_a_broken_upload_names_every_problem():
    text = json.dumps({"title": 3, "steps": [{"date": "2017-13-01", "zoom": 40}]})
    loaded, problems = sl.document_from_upload(_upload(text), "broken.json")
    assert loaded is None
    assert any(p.startswith("title:") for p in problems)
    assert any(p.startswith("steps[0].date:") for p in problems)
    assert any(p.startswith("steps[0].zoom:") for p in problems)


def test_an_upload_that_is_not_json_says_where_it_breaks():
    loaded, problems = sl.document_from_upload(_upload("{oops"), "bad.json")
    assert loaded is None and "line 1" in problems[0]
    assert sl.document_from_upload(None, "x.json")[1] == ["x.json: the file is empty"]


def test_a_step_becomes_the_query_a_shared_url_would_carry():
    step = {
        "date": "2017-11-19",
        "from": "2017-11-08",
        "center": {"lat": 34.45, "lon": 40.95},
        "zoom": 9,
        "highlight": ["ev-7"],
    }
    query, view = sl.step_target(step, "?date=2017-10-01&window=14&sides=isis", date(2017, 12, 31))
    back = parse_query(query, ViewState(day=date(2000, 1, 1)))
    assert back.day == date(2017, 11, 19)
    assert back.range == (date(2017, 11, 8), date(2017, 11, 19))
    assert back.event == "ev-7"
    assert back.map_view == MapView(34.45, 40.95, 9.0)
    assert (back.window, back.sides) == (14, ("isis",))  # the viewer's filters are kept
    assert view.map_view == back.map_view


def test_a_step_without_a_highlight_clears_the_selection():
    step = {"date": "2017-11-03", "caption": ""}
    _query, view = sl.step_target(step, "?date=2017-10-01&event=ev-1", date(2017, 12, 31))
    assert view.event is None and view.range is None


def test_a_bbox_step_is_shown_whole_at_the_map_size():
    bbox = (40.3, 34.0, 41.8, 34.9)
    mv = sl.view_for_bbox(bbox, 900, 600)
    west, south, east, north = bbox_for_view({"lat": mv.lat, "lon": mv.lon}, mv.zoom, 900, 600)
    assert west <= bbox[0] + 1e-3 and east >= bbox[2] - 1e-3
    assert south <= bbox[1] + 1e-3 and north >= bbox[3] - 1e-3
    assert min(abs(east - west - 1.5), abs(north - south - 0.9)) < 0.01  # fitted, not loose


def test_file_names_come_from_the_title():
    assert (
        sl.story_filename("The border offensive, 2017!", "json") == "the-border-offensive-2017.json"
    )
    assert sl.story_filename("", "pdf") == "story.pdf"
