"""Sentences are shown as text with their mentions marked; control changes add up."""

from __future__ import annotations

import json

from dash import html
from shapely.geometry import box, mapping

from dashboard.web.control_changes import area_km2, control_changes
from dashboard.web.panels import Span, event_detail, highlighted
from tests.web.store_fixture import HOSTILE_SENTENCE


def _texts(component) -> list[str]:
    out = []
    if isinstance(component, str):
        return [component]
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None:
            out += _texts(child)
    return out


def test_marks_cut_the_sentence_at_the_given_offsets():
    pieces = highlighted("Troops took Rawa on Monday.", [Span(12, 16, "place", "Rawa")])
    assert pieces[0] == "Troops took "
    assert isinstance(pieces[1], html.Mark) and pieces[1].children == "Rawa"
    assert pieces[2] == " on Monday."


def test_markup_in_a_sentence_stays_plain_text():
    pieces = highlighted(HOSTILE_SENTENCE, [Span(0, 8, "actor", "x")])
    assert "".join(_texts(html.Div(pieces))) == HOSTILE_SENTENCE
    serialised = json.dumps(html.Div(pieces).to_plotly_json(), default=str)
    assert "dangerouslySetInnerHTML" not in serialised


def test_no_event_asks_for_a_click():
    assert "Click an event" in "".join(_texts(html.Div(event_detail(None, None, None))))


def _area(side, geom, **props):
    return {
        "type": "Feature",
        "geometry": mapping(geom),
        "properties": {"kind": "area", "side": side, **props},
    }


def _place(name, side):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [41, 34]},
        "properties": {"kind": "place", "name": name, "side": side, "state": "held"},
    }


def test_equal_area_measure_of_a_one_degree_cell_near_34_north():
    km2 = area_km2(_area("isis", box(40.5, 33.5, 41.5, 34.5)))
    assert 10_000 < km2 < 10_500  # 111.3 km x 92.3 km at 34 degrees N


def test_changes_list_places_that_changed_hands_and_area_moved():
    before = {
        "features": [
            _area("isis", box(40, 34, 41, 35), area_km2=100.0),
            _place("Rawa", "isis"),
            _place("Anah", "iraqi_forces"),
        ]
    }
    after = {
        "features": [
            _area("isis", box(40, 34, 41, 35), area_km2=60.0),
            _area("iraqi_forces", box(41, 34, 42, 35), area_km2=40.0),
            _place("Rawa", "iraqi_forces"),
            _place("Anah", "iraqi_forces"),
        ]
    }
    places, areas = control_changes(before, after)
    assert [(p.name, p.before, p.after) for p in places] == [("Rawa", "isis", "iraqi_forces")]
    by_side = {a.side: a.change_km2 for a in areas}
    assert by_side == {"isis": -40.0, "iraqi_forces": 40.0}


def test_the_changes_table_colours_only_ground_gained_or_lost():
    from datetime import date

    from dashboard.web.control_changes import SideArea
    from dashboard.web.panels import changes_panel

    areas = [
        SideArea("iraqi_forces", 100.0, 250.0),
        SideArea("isis", 300.0, 150.0),
        SideArea("sdf", 80.0, 80.2),  # rounds to no change
    ]
    panel = changes_panel([], areas, (date(2017, 11, 11), date(2017, 11, 17)))

    def cells_of(component) -> list[html.Td]:
        if isinstance(component, html.Td):
            return [component]
        children = getattr(component, "children", None)
        kids = children if isinstance(children, list) else [children]
        return [cell for kid in kids if kid is not None for cell in cells_of(kid)]

    cells = [
        cell
        for part in panel
        for cell in cells_of(part)
        if str(cell.children).startswith(("+", "-"))
    ]
    assert [(c.children, c.className) for c in cells] == [
        ("+150", "num gain"),
        ("-150", "num loss"),
        ("+0", "num "),
    ]
