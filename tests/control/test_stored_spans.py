"""Spans of a series say the same as its snapshots' GeoJSON, and what is reused after new
claims (an owner's features, a place's step) is what converting again would give."""

from __future__ import annotations

from datetime import date, timedelta

from dashboard.control import ControlTimeline, snapshot_to_geojson
from dashboard.control.geojson import owner_features
from dashboard.control.stored import SeriesSpans, _changed_claims, _same_owner
from dashboard.store import features_digest
from dashboard.store.spans import day_digests, feature_row, row_digest
from tests.control.conftest import FAST, SQUARES, claim

D = date(2017, 6, 1)

FIRST = [
    claim("east", "iraqi_forces", D, lon=40.5, lat=34.0),
    claim("west", "isis", D, lon=39.5, lat=34.0),
    claim("north", "isis", D, lon=40.5, lat=34.3),
    claim("west", "sdf", D + timedelta(days=30), lon=39.5, lat=34.0),
    claim("north", "iraqi_forces", D + timedelta(days=50), lon=40.5, lat=34.3),
]
# a restatement that changes nothing on the map, and a capture that does, later on
LATER = [
    claim("east", "iraqi_forces", D + timedelta(days=10), lon=40.5, lat=34.0),
    claim("east", "isis", D + timedelta(days=40), lon=40.5, lat=34.0),
]


def digests_of(spans, n: int) -> list[str]:
    found = day_digests(n, spans, range(n))
    return [found[k][0] for k in range(n)]


def test_spans_give_each_snapshot_its_geojson_before_and_after_new_claims() -> None:
    timeline = ControlTimeline(SQUARES, FAST)
    timeline.add_claims(FIRST)
    spans = SeriesSpans()
    for claims in ([], LATER):
        timeline.add_claims(claims)
        snapshots = timeline.snapshots
        expected = [features_digest(snapshot_to_geojson(s)["features"]) for s in snapshots]
        made = spans.spans(snapshots)
        assert digests_of(made, len(snapshots)) == expected
        # a place shown unchanged over several change points is one span
        assert len([s for s in made if s.end - s.first > 1]) >= 1


def test_an_owner_said_to_be_the_same_converts_to_the_same_features() -> None:
    timeline = ControlTimeline(SQUARES, FAST)
    timeline.add_claims(FIRST)
    before = {s.date: s for s in timeline.snapshots}
    timeline.add_claims(LATER)
    verdicts, equal = [], []
    for b in timeline.snapshots:
        a = before.get(b.date)
        if a is None or a is b:
            continue
        changed = _changed_claims(a, b)
        for name in sorted(set(a.areas) & set(b.areas)):
            verdicts.append(_same_owner(a, b, name, changed))
            rows = [[row_digest(feature_row(f)) for f in owner_features(s, name)] for s in (a, b)]
            equal.append(rows[0] == rows[1])
    # never "same" for features that differ (it may miss a sameness: that only costs time)
    assert all(e for v, e in zip(verdicts, equal, strict=True) if v)
    assert True in verdicts and False in equal  # both cases were met
