"""Plain data produced by geoparsing and consumed by events, the store and the map."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# How exactly a resolved place pins the ground: a town is a point, a governorate an area.
PRECISIONS = ("point", "district", "governorate", "country", "river", "region")


@dataclass(frozen=True)
class PlaceMention:
    """One occurrence of a place name in an article, resolved to one gazetteer feature."""

    article_id: str
    start: int
    end: int
    text: str
    place_id: str
    name: str
    lat: float
    lon: float
    kind: str
    precision: str
    country: str | None
    admin1: str | None
    confidence: float
    sentence_index: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
