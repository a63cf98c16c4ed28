"""A weak, uncued match far from an article's tight cluster of places is left out."""

from __future__ import annotations

from dashboard.gazetteer import Candidate
from dashboard.geoparse.recognise import Span
from dashboard.geoparse.resolve import _Group, _without_far_weak_outliers


def _group(name: str, lat: float, lon: float, score: float, cue: float = 0.0) -> _Group:
    span = Span(0, len(name), name, name, 0, len(name), name.lower(), cue=cue)
    candidate = Candidate(
        id=f"t:{name}",
        name=name,
        lat=lat,
        lon=lon,
        kind="town",
        country="SY",
        admin1="",
        admin1_code="",
        population=0,
        score=score,
        matched=name,
    )
    return _Group([span], [candidate])


EUPHRATES = [
    _group("Hajin", 34.69, 40.83, 0.8),
    _group("Susah", 34.53, 40.96, 0.8),
    _group("Mayadin", 35.02, 40.45, 0.8),
]


def test_a_weak_far_match_beside_a_tight_cluster_is_dropped() -> None:
    far = _group("Korla", 41.76, 86.15, 0.55)
    kept = _without_far_weak_outliers([*EUPHRATES, far])
    assert far not in kept and len(kept) == 3


def test_a_strong_or_cued_far_match_is_kept() -> None:
    strong = _group("Paris", 48.85, 2.35, 0.9)
    cued = _group("Korla", 41.76, 86.15, 0.55, cue=0.8)
    kept = _without_far_weak_outliers([*EUPHRATES, strong, cued])
    assert strong in kept and cued in kept


def test_without_a_cluster_nothing_is_dropped() -> None:
    far = _group("Korla", 41.76, 86.15, 0.55)
    groups = [EUPHRATES[0], far]
    assert _without_far_weak_outliers(groups) == groups
