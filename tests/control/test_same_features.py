"""``same_features`` says two snapshots of a day are alike only when their GeoJSON is."""

from __future__ import annotations

from datetime import date, timedelta

from dashboard.control import ControlTimeline, snapshot_to_geojson
from dashboard.control.geojson import same_features
from dashboard.store import features_digest
from tests.control.conftest import FAST, SQUARES, claim

D = date(2017, 6, 1)


def _digest(snapshot) -> str:
    return features_digest(snapshot_to_geojson(snapshot)["features"])


def test_same_features_agrees_with_the_features_after_new_claims() -> None:
    timeline = ControlTimeline(SQUARES, FAST)
    timeline.add_claims(
        [
            claim("east", "iraqi_forces", D, lon=40.5, lat=34.0),
            claim("west", "isis", D, lon=39.5, lat=34.0),
            claim("north", "isis", D, lon=40.5, lat=34.3),
            claim("west", "sdf", D + timedelta(days=30), lon=39.5, lat=34.0),
            claim("north", "iraqi_forces", D + timedelta(days=50), lon=40.5, lat=34.3),
        ]
    )
    before = {s.date: s for s in timeline.snapshots}
    # a restatement that changes nothing on the map, and a capture that does, later on
    timeline.add_claims(
        [
            claim("east", "iraqi_forces", D + timedelta(days=10), lon=40.5, lat=34.0),
            claim("east", "isis", D + timedelta(days=40), lon=40.5, lat=34.0),
        ]
    )
    pairs = [(before[s.date], s) for s in timeline.snapshots if s.date in before]
    recomputed = [(a, b) for a, b in pairs if a is not b]
    verdicts = [same_features(a, b) for a, b in recomputed]
    equal = [_digest(a) == _digest(b) for a, b in recomputed]
    # never "same" for features that differ (it may miss a sameness: that only costs time)
    assert all(e for v, e in zip(verdicts, equal, strict=True) if v)
    assert True in verdicts and False in equal  # both cases were met


def test_snapshots_on_other_grounds_are_never_the_same() -> None:
    one = ControlTimeline(SQUARES, FAST)
    one.add_claims([claim("east", "iraqi_forces", D)])
    two = ControlTimeline(SQUARES, FAST)
    two.add_claims([claim("east", "iraqi_forces", D)])
    assert not same_features(one.snapshots[0], two.snapshots[0])
    assert same_features(one.snapshots[0], one.snapshots[0])
