"""Rules an analyst would question: who draws a frontline, what imported areas and country
claims do, each on the two made-up square countries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import shapely

from dashboard.control import (
    AreaRules,
    ControlRules,
    ControlTimeline,
    ImportedArea,
    compute_snapshots,
    snapshot_on,
)
from dashboard.control.areas import imported_fade_day
from dashboard.control.relations import FrontRules, Hostility
from dashboard.events.model import Claim
from tests.control.conftest import FAST, SQUARES, claim

D = date(2017, 11, 3)


def kinds_on(claims, day, rules=FAST):
    snap = snapshot_on(compute_snapshots(claims, SQUARES, rules), day)
    return {f.sides: f.kind for f in snap.frontlines}


def neighbours(west_side, east_side, day=D, lon=40.5):
    """Two places 0.2° apart inside Iraq, so their cells touch."""
    return [
        claim("west", west_side, day, lon=lon - 0.1, lat=34.0),
        claim("east", east_side, day, lon=lon + 0.1, lat=34.0),
    ]


def test_sdf_meeting_the_government_is_a_boundary_not_a_frontline():
    kinds = kinds_on(neighbours("syrian_government", "sdf", lon=39.5), D)
    assert kinds == {("syrian_government", "sdf"): "boundary"}


def test_every_side_fights_isis():
    for side in ("sdf", "syrian_government", "peshmerga", "iraqi_forces"):
        kinds = kinds_on(neighbours("isis", side), D)
        assert list(kinds.values()) == ["frontline"], side


def test_iraqi_forces_and_peshmerga_fight_only_over_kirkuk_in_october_2017():
    claims = neighbours("iraqi_forces", "peshmerga", day=date(2017, 10, 1))
    snaps = compute_snapshots(claims, SQUARES, FAST)
    assert {date(2017, 10, 16), date(2017, 10, 28)} <= {s.date for s in snaps}
    pair = ("iraqi_forces", "peshmerga")
    assert {f.sides: f.kind for f in snapshot_on(snaps, date(2017, 10, 10)).frontlines} == {
        pair: "boundary"
    }
    assert {f.sides: f.kind for f in snapshot_on(snaps, date(2017, 10, 20)).frontlines} == {
        pair: "frontline"
    }
    assert {f.sides: f.kind for f in snapshot_on(snaps, date(2017, 11, 1)).frontlines} == {
        pair: "boundary"
    }


def test_declared_adversaries_replace_the_defaults():
    fronts = FrontRules(enemies_of_all=(), hostilities=(Hostility(("sdf", "syrian_government")),))
    rules = replace(FAST, areas=replace(FAST.areas, fronts=fronts))
    assert list(kinds_on(neighbours("syrian_government", "sdf", lon=39.5), D, rules).values()) == [
        "frontline"
    ]
    everyone = ControlRules(areas=AreaRules(grid_km=12.0, fronts=FrontRules.everyone()))
    assert list(kinds_on(neighbours("iraqi_forces", "peshmerga"), D, everyone).values()) == [
        "frontline"
    ]


def test_contact_with_contested_ground_is_a_contested_edge():
    claims = [
        claim("west", "isis", D, lon=40.4, lat=34.0, kind="contested"),
        claim("east", "iraqi_forces", D, lon=40.6, lat=34.0),
    ]
    assert list(kinds_on(claims, D).values()) == ["contested_edge"]


EAST_HALF = shapely.box(40.2, 33.6, 40.9, 34.4)


def test_an_imported_area_fades_like_an_unconfirmed_claim():
    area = ImportedArea("isis", EAST_HALF, D, "published map", confidence=0.6)
    claims = [claim("far", "iraqi_forces", D, lon=39.5, lat=34.0)]
    timeline = ControlTimeline(SQUARES, FAST, imported=[area])
    timeline.add_claims(claims)
    fade = imported_fade_day(area, FAST.state)
    assert fade == D + timedelta(days=143)  # 90 days x log2(0.6 / 0.2), as a claim of 0.6
    assert fade in timeline.change_points
    assert timeline.snapshot_on(fade - timedelta(days=1)).area_km2.get("isis", 0) > 1000
    assert timeline.snapshot_on(fade).area_km2.get("isis", 0) == 0


def test_explain_names_the_imported_area_beneath_a_place_and_when_it_fades():
    area = ImportedArea("isis", EAST_HALF, D, "published map")
    place = claim("town", "iraqi_forces", D - timedelta(days=400), lon=40.5, lat=34.0)
    timeline = ControlTimeline(SQUARES, FAST, imported=[area])
    timeline.add_claims([place])
    why = timeline.explain("town", D + timedelta(days=10))
    assert why.state.reason == "decayed"
    (beneath,) = why.imported
    assert (beneath.side, beneath.source, beneath.in_force) == ("isis", "published map", True)
    assert "imported as held by isis" in why.why
    later = timeline.explain("town", beneath.fades_on)
    assert not later.imported[0].in_force and "faded" in later.why


def test_country_claims_draw_no_ground_and_explain_says_so():
    whole: Claim = claim("IQ", "iraqi_forces", D, lon=43.0, lat=33.0, precision="country")
    town = claim("town", "isis", D, lon=40.5, lat=34.0)
    timeline = ControlTimeline(SQUARES, FAST)
    timeline.add_claims([whole, town])
    assert "iraqi_forces" not in timeline.snapshot_on(D).area_km2
    why = timeline.explain("IQ", D)
    assert why.state.state == "unknown"
    assert "whole country are not used" in why.why
    assert [(c.claim_id, c.used, c.deciding) for c in why.claims] == [(whole.id, False, False)]
