"""Towns the map labels come from change points across the period, not only its two ends."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dashboard.web.app import _places

DAYS = [date(2017, 9, 1) + timedelta(days=10 * i) for i in range(12)]


def _place(name: str, side: str, lon: float) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"kind": "place", "name": name, "side": side},
        "geometry": {"type": "Point", "coordinates": [lon, 34.5]},
    }


class _Store:
    identity = "fake-store"

    def control_snapshot_digests(self) -> dict[date, str]:
        return {d: f"digest-{d}" for d in DAYS}


class Access:
    """Anah changes hands mid-period; the last change point shows nothing (all aged out)."""

    def __init__(self) -> None:
        self.store = _Store()
        self.reads: list[date] = []

    def snapshot(self, day: date) -> dict[str, Any]:
        self.reads.append(day)
        if day == DAYS[-1]:
            return {"type": "FeatureCollection", "features": []}
        anah = "isis" if day < DAYS[6] else "iraqi_forces"
        feats = [_place("Anah", anah, 41.9), _place("Rawa", "isis", 41.95)]
        if day >= DAYS[3]:
            feats.append(_place("Haditha", "iraqi_forces", 42.4))
        return {"type": "FeatureCollection", "features": feats}


def test_towns_of_the_whole_period_are_labelled_and_changed_hands_first():
    access = Access()
    places = _places(access)
    ranks = {f["properties"]["name"]: f["properties"]["rank"] for f in places["features"]}
    assert set(ranks) == {"Anah", "Rawa", "Haditha"}
    assert ranks["Anah"] == min(ranks.values())  # it changed hands
    assert len(access.reads) <= 7
    access.reads.clear()
    assert _places(access) == places and access.reads == []  # unchanged store: not read again
