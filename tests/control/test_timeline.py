"""Change points, incremental updates, explanations, movement and GeoJSON."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import numpy as np
import pytest
import shapely

from dashboard.control import (
    ControlTimeline,
    compute_snapshots,
    load_geography,
    movement_between,
    snapshot_on,
    snapshot_to_geojson,
)
from dashboard.control.areas import ImportedArea, as_multipolygon
from dashboard.control.timeline import snapshot_digest, snapshot_from_scratch
from tests.control.conftest import FAST, SQUARES, claim

D = date(2017, 11, 3)


@pytest.fixture(scope="module")
def geography():
    return load_geography()


def seed_claims():
    """The seed article's situation on 3 November 2017, written out by hand."""
    return [
        claim("husaybah", "iraqi_forces", D, lat=34.408, lon=40.971),
        claim("al-qaim", "iraqi_forces", D, lat=34.37, lon=41.09),
        claim("albu-kamal", "isis", D, lat=34.45226, lon=40.91854),
        claim("deir-ez-zor", "syrian_government", D, lat=35.33588, lon=40.14084),
        claim(
            "deir-ez-zor-governorate",
            "isis",
            D,
            lat=35.0736,
            lon=40.275,
            kind="partial",
            precision="governorate",
            fraction=0.35,
        ),
    ]


def test_seed_scenario_draws_a_front_between_al_qaim_and_albu_kamal(geography):
    snap = snapshot_on(compute_snapshots(seed_claims(), geography), D)
    between = shapely.LineString([(41.09, 34.37), (40.91854, 34.45226)])
    fronts = [f for f in snap.frontlines if set(f.sides) == {"isis", "iraqi_forces"}]
    assert fronts and fronts[0].geometry.intersects(between)
    for lon, lat, side in [
        (41.09, 34.37, "iraqi_forces"),
        (40.971, 34.408, "iraqi_forces"),
        (40.91854, 34.45226, "isis"),
        (40.14084, 35.33588, "syrian_government"),
    ]:
        assert as_multipolygon(snap.areas[side]).covers(shapely.Point(lon, lat)), side


def test_seed_scenario_gives_isis_its_share_of_deir_ez_zor(geography):
    snap = snapshot_on(compute_snapshots(seed_claims(), geography), D)
    ground = snap.ground
    faces = ground.region_faces[ground.region_index["deir-ez-zor-governorate"]]
    own = snap.ownership.owner[faces]
    area = ground.face_area_km2[faces]
    assert area[own == 2].sum() / area.sum() >= 0.35
    assert snap.unmet_constraints == ()


def test_snapshots_exist_only_at_change_points():
    claims = [
        claim("a", "isis", D, lon=40.5),
        claim("a", "isis", D + timedelta(days=5), lon=40.5, article="a2"),  # confirms only
        claim("a", "iraqi_forces", D + timedelta(days=30), lon=40.5),
    ]
    snaps = compute_snapshots(claims, SQUARES, FAST)
    assert [s.date for s in snaps][:2] == [D, D + timedelta(days=30)]
    assert snaps[-1].place_states["a"].reason == "decayed"
    assert snapshot_on(snaps, D + timedelta(days=10)).date == D
    assert snapshot_on(snaps, D - timedelta(days=1)) is None


def test_adding_claims_matches_computing_everything_at_once():
    rng = random.Random(4)
    claims = [
        claim(
            f"p{i % 6}",
            rng.choice(["isis", "iraqi_forces", "sdf"]),
            D + timedelta(days=rng.randrange(60)),
            lon=39.2 + 0.3 * (i % 6),
            lat=34.0,
            article=f"a{i}",
        )
        for i in range(30)
    ]
    whole = compute_snapshots(claims, SQUARES, FAST)
    timeline = ControlTimeline(SQUARES, FAST)
    timeline.add_claims(claims[:20])
    kept = {s.date: s for s in timeline.snapshots}
    first = timeline.add_claims(claims[20:])
    assert first == min(c.valid_from for c in claims[20:])
    assert [s.date for s in timeline.snapshots] == [s.date for s in whole]
    for mine, theirs in zip(timeline.snapshots, whole, strict=True):
        assert np.array_equal(mine.ownership.owner, theirs.ownership.owner)
        if mine.date < first:
            assert mine is kept[mine.date]


def test_results_do_not_depend_on_claim_insertion_order():
    claims = [
        claim(f"p{i}", side, D + timedelta(days=i % 3), lon=39.1 + 0.13 * i, lat=33.6 + 0.06 * i)
        for i, side in enumerate(["isis", "sdf", "iraqi_forces", "isis", "sdf"] * 3)
    ]
    shuffled = list(claims)
    random.Random(1).shuffle(shuffled)
    a = compute_snapshots(claims, SQUARES, FAST)
    b = compute_snapshots(shuffled, SQUARES, FAST)
    assert [s.date for s in a] == [s.date for s in b]
    for x, y in zip(a, b, strict=True):
        assert x.area_km2 == y.area_km2
        assert np.array_equal(x.ownership.owner, y.ownership.owner)


def test_explain_gives_the_claim_chain_and_the_rule():
    claims = [
        claim("a", "isis", D - timedelta(days=1), lon=40.5, article="old"),
        claim("a", "iraqi_forces", D, lon=40.5, article="new"),
    ]
    timeline = ControlTimeline(SQUARES, FAST)
    timeline.add_claims(claims)
    why = timeline.explain("a", D)
    assert why.state.state == "contested"
    assert "window" in why.why
    assert [(c.article_id, c.deciding) for c in why.claims] == [("old", True), ("new", True)]


def test_movement_counts_gains_and_points_an_arrow_at_the_capture():
    claims = [
        claim("west", "isis", D, lon=40.3, lat=34.0),
        claim("east", "iraqi_forces", D, lon=40.7, lat=34.0),
        claim("west", "iraqi_forces", D + timedelta(days=10), lon=40.3, lat=34.0),
    ]
    before, after = compute_snapshots(claims, SQUARES, FAST)[:2]
    moved = movement_between(before, after)
    rows = {r["side"]: r for r in moved.table}
    assert rows["iraqi_forces"]["gained_km2"] == pytest.approx(rows["isis"]["lost_km2"])
    assert [p["place_id"] for p in moved.changed_places] == ["west"]
    arrow = moved.arrows[0]
    assert arrow.side == "iraqi_forces" and arrow.places == ("west",)
    end = shapely.Point(arrow.geometry.coords[-1])
    assert end.distance(shapely.Point(40.3, 34.0)) < 1e-6


def test_geojson_carries_areas_frontlines_and_places_with_their_claims():
    claims = [
        claim("west", "isis", D, lon=40.3, lat=34.0),
        claim("east", "iraqi_forces", D, lon=40.7, lat=34.0),
    ]
    snap = compute_snapshots(claims, SQUARES, FAST)[0]
    collection = json.loads(json.dumps(snapshot_to_geojson(snap)))
    kinds = {f["properties"]["kind"] for f in collection["features"]}
    assert kinds == {"area", "neutral", "frontline", "place"}
    areas = [f for f in collection["features"] if f["properties"]["kind"] == "area"]
    assert {a["properties"]["side"] for a in areas} == {"isis", "iraqi_forces"}
    isis = next(a for a in areas if a["properties"]["side"] == "isis")
    assert isis["properties"]["places"] == ["west"]
    assert isis["properties"]["claims"] == [claims[0].id]
    assert isis["properties"]["area_km2"] > 0
    place = next(f for f in collection["features"] if f["properties"].get("id") == "west")
    assert place["properties"]["claims"][0]["sentence"] == claims[0].sentence


def test_change_point_snapshots_match_deciding_each_from_scratch():
    """Histories, tile caches, reused tiles and cached lines change nothing a snapshot shows."""
    rng = random.Random(11)
    sides = ["isis", "iraqi_forces", "sdf", "syrian_government", "peshmerga"]
    claims = [
        claim(
            f"p{i % 9}",
            rng.choice(sides),
            D + timedelta(days=rng.randrange(0, 400, 7)),
            lon=39.2 + 0.2 * (i % 9),
            lat=33.7 + 0.07 * (i % 5),
            kind=rng.choice(["full", "full", "full", "contested"]),
            confidence=rng.choice([0.3, 0.6, 0.9]),
            article=f"a{i}",
        )
        for i in range(60)
    ]
    claims.append(
        claim(
            "SY.07",
            "isis",
            D + timedelta(days=30),
            lon=39.5,
            lat=34.0,
            kind="partial",
            precision="governorate",
            fraction=0.4,
        )
    )
    area = ImportedArea("isis", shapely.box(40.3, 33.6, 40.9, 34.2), D, "map", confidence=0.5)
    timeline = ControlTimeline(SQUARES, FAST, imported=[area])
    timeline.add_claims(claims[:40])
    timeline.add_claims(claims[40:])
    assert len(timeline.snapshots) > 10
    for snap in timeline.snapshots:
        assert snapshot_digest(snap) == snapshot_digest(snapshot_from_scratch(timeline, snap.date))
