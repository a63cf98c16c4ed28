"""Plain rows the store returns besides the pipeline's own Event, Claim and Article."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

IngestOutcome = Literal["new", "unchanged", "updated"]
BBox = tuple[float, float, float, float]
"""(west, south, east, north) in degrees, WGS 84; edges are inclusive."""


@dataclass(frozen=True)
class ArticleSummary:
    """One line of the article list: no body text, so listing thousands stays cheap."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    path: str | None
    language: str
    published: date | None
    pipeline_version: str
    ingested_at: datetime


class SharedDict(dict[str, Any]):
    """A dict that refuses changes: a feature read from the store is the one every later
    read of the same span returns (so a day is assembled without copying ~10,000 of them);
    copy it (``dict(feature)``) to change it. Still a dict for JSON encoders."""

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a control feature read from the store is shared: copy it to change it")

    __setitem__ = __delitem__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def __copy__(self) -> dict[str, Any]:
        return dict(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        import copy

        return {k: copy.deepcopy(v, memo) for k, v in self.items()}

    def __reduce__(self) -> Any:
        return (dict, (dict(self),))


@dataclass(frozen=True)
class ControlSnapshot:
    """Control areas from a change point on, as GeoJSON features (side, kind in properties).

    Features (and their properties) are :class:`SharedDict`: read-only, shared between reads.
    """

    date: date
    features: tuple[dict[str, Any], ...]
    metadata: dict[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None


@dataclass(frozen=True)
class ChangeLogEntry:
    seq: int
    at: datetime
    actor: str
    table: str
    row_id: str
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class LogMark:
    """Where the change log stands, so a process can tell whether a store moved since it last
    looked: the highest sequence number ``seq``, how many entries lie at or below it, and when
    entry ``seq`` was written (None for an empty log).

    The count catches a transaction that took a lower number but committed later (possible on
    PostgreSQL); the time tells apart two stores that happen to reach the same number.
    """

    seq: int
    count: int
    at: datetime | None


@dataclass(frozen=True)
class DayCount:
    day: date
    key: str
    count: int


@dataclass(frozen=True)
class ImportedControlArea:
    """A control polygon imported as a starting state: who held it from which day, and from
    which file. ``geometry`` is a GeoJSON (Multi)Polygon mapping in WGS 84."""

    id: str
    side: str
    valid_on: date
    geometry: dict[str, Any]
    source: str
    properties: dict[str, Any] = field(default_factory=dict)
    imported_at: datetime | None = None
