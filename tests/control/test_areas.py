"""Geometry invariants of control areas and frontlines, on two made-up square countries."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dashboard.control import compute_snapshots, snapshot_on
from dashboard.control.areas import as_multipolygon, merge_pieces
from dashboard.control.geography import to_metric
from tests.control.conftest import FAST, SQUARES, claim

D = date(2017, 11, 3)
AOI_KM2 = shapely.union_all([to_metric(g) for g in SQUARES.countries.values()]).area / 1e6

places = st.lists(
    st.tuples(
        st.floats(39.05, 40.95).filter(lambda x: abs(x - 40.0) > 0.01),
        st.floats(33.55, 34.45),
        st.sampled_from(["isis", "iraqi_forces", "syrian_government", "contested"]),
    ),
    min_size=1,
    max_size=14,
    unique_by=lambda t: (round(t[0], 2), round(t[1], 2)),
)
geometry_settings = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def claims_for(spec):
    found = []
    for i, (lon, lat, side) in enumerate(spec):
        if side == "contested":
            found.append(claim(f"p{i}", "isis", D, lon=lon, lat=lat, kind="contested"))
        else:
            found.append(claim(f"p{i}", side, D, lon=lon, lat=lat))
    return found


def snapshot(claims):
    return compute_snapshots(claims, SQUARES, FAST)[0]


def metric_area(pieces) -> float:
    return float(to_metric(merge_pieces(pieces)).area) / 1e6


@geometry_settings
@given(places)
def test_areas_of_different_sides_never_overlap(spec):
    snap = snapshot(claims_for(spec))
    owners = sorted(snap.areas)
    for i, a in enumerate(owners):
        for b in owners[i + 1 :]:
            overlap = to_metric(
                shapely.intersection(merge_pieces(snap.areas[a]), merge_pieces(snap.areas[b]))
            )
            assert overlap.area / 1e6 < 0.01, (a, b)


@geometry_settings
@given(places)
def test_sides_contested_and_neutral_make_up_the_area_of_interest(spec):
    snap = snapshot(claims_for(spec))
    assert sum(snap.area_km2.values()) == pytest.approx(AOI_KM2, rel=1e-5)  # 1 m snap rounding
    assert sum(metric_area(p) for p in snap.areas.values()) == pytest.approx(AOI_KM2, rel=1e-4)


@geometry_settings
@given(places)
def test_one_side_holding_everything_draws_no_frontline(spec):
    snap = snapshot([claim(c.place_id, "isis", D, lon=c.lon, lat=c.lat) for c in claims_for(spec)])
    assert snap.frontlines == ()


@geometry_settings
@given(places, st.integers(0, 13))
def test_each_held_place_lies_in_its_sides_area(spec, pick):
    snap = snapshot(claims_for(spec))
    lon, lat, side = spec[pick % len(spec)]
    if side == "contested":
        side = "contested"
    assert as_multipolygon(snap.areas[side]).covers(shapely.Point(lon, lat))


@geometry_settings
@given(places, st.integers(0, 13))
# a lone place whose reach crosses the country's edge: its cell came back from GEOS as points
@example(spec=[(39.173474097545835, 33.64319829426157, "isis")], pick=0)
def test_a_capture_moves_the_frontline_past_the_captured_place(spec, pick):
    claims = [*claims_for(spec), claim("held", "iraqi_forces", D, lon=40.5, lat=34.0)]
    target = claims[pick % len(spec)]
    later = date(2017, 11, 20)
    claims.append(claim(target.place_id, "iraqi_forces", later, lon=target.lon, lat=target.lat))
    after = snapshot_on(compute_snapshots(claims, SQUARES, FAST), later)
    point = shapely.Point(target.lon, target.lat)
    assert as_multipolygon(after.areas["iraqi_forces"]).covers(point)
    own = after.ownership.owner
    ground = after.ground
    faces = ground.faces_of_place(target.place_id)
    assert (own[faces] == own[faces][0]).all()
    # no frontline edge runs through the captured place's own cell
    for line in after.frontlines:
        assert not line.geometry.contains(point)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(places, st.floats(0.1, 0.9))
def test_a_partial_claim_gives_the_side_at_least_its_share(spec, fraction):
    share_claim = claim(
        "SY.07",
        "isis",
        D,
        lon=39.5,
        lat=34.0,
        kind="partial",
        precision="governorate",
        fraction=fraction,
    )
    claims = [*claims_for(spec), share_claim]
    snap = snapshot(claims)
    ground = snap.ground
    faces = ground.region_faces[ground.region_index["SY.07"]]
    own = snap.ownership.owner[faces]
    share = ground.face_area_km2[faces][own == own.dtype.type(2)].sum()
    total = ground.face_area_km2[faces].sum()
    held_by_others = ground.face_area_km2[faces][(own != 2) & (own != 0)].sum()
    if (1 - held_by_others / total) >= fraction:  # enough ground that no one else holds
        assert share / total >= fraction - 0.005
    else:
        assert snap.unmet_constraints


def test_cells_do_not_cross_the_international_border():
    claims = [
        claim("west", "isis", D, lon=39.95, lat=34.0),
        claim("east", "iraqi_forces", D, lon=40.5, lat=34.0),
    ]
    snap = snapshot(claims)
    west_ground = merge_pieces(snap.areas["isis"])
    assert shapely.area(shapely.intersection(west_ground, SQUARES.countries["IQ"])) < 1e-8


def test_a_border_front_needs_a_side_that_crosses_it():
    allies = snapshot(
        [
            claim("west", "syrian_government", D, lon=39.95, lat=34.0),
            claim("east", "iraqi_forces", D, lon=40.05, lat=34.0),
        ]
    )
    assert allies.frontlines == ()
    enemies = snapshot(
        [
            claim("west", "isis", D, lon=39.95, lat=34.0),
            claim("east", "iraqi_forces", D, lon=40.05, lat=34.0),
        ]
    )
    assert [f.sides for f in enemies.frontlines] == [("isis", "iraqi_forces")]


def test_desert_beyond_reach_stays_neutral():
    snap = snapshot([claim("lone", "isis", D, lon=40.5, lat=34.0)])
    held = snap.area_km2["isis"]
    assert held == pytest.approx(np.pi * 25**2, rel=0.1)
    assert snap.area_km2["neutral"] > held
