"""Small made-up geography and a claim builder shared by the control tests."""

from __future__ import annotations

from datetime import date

import pytest
import shapely

from dashboard.control import AreaRules, ControlRules, Geography
from dashboard.events.model import Claim

# Two square countries side by side on the Iraq-Syria border meridian, one governorate each.
WEST = shapely.box(39.0, 33.5, 40.0, 34.5)
EAST = shapely.box(40.0, 33.5, 41.0, 34.5)
SQUARES = Geography(
    countries={"SY": WEST, "IQ": EAST},
    governorates={"SY.07": ("SY", WEST), "IQ.01": ("IQ", EAST)},
)
FAST = ControlRules(areas=AreaRules(grid_km=12.0, tile_km=60.0))


def claim(
    place: str,
    side: str,
    day: date,
    *,
    lon: float = 40.5,
    lat: float = 34.0,
    kind: str = "full",
    precision: str = "point",
    fraction: float | None = None,
    confidence: float = 0.5,
    article: str = "a1",
) -> Claim:
    return Claim(
        id=f"{place}|{side}|{day.isoformat()}|{kind}|{article}",
        place_id=place,
        place_name=place.title(),
        lat=lat,
        lon=lon,
        precision=precision,
        side=side,
        valid_from=day,
        kind=kind,
        fraction=fraction,
        article_id=article,
        sentence=f"{side} {kind} {place}",
        confidence=confidence,
    )


@pytest.fixture()
def squares() -> Geography:
    return SQUARES
