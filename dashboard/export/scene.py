"""What one exported view shows, read from the store once as plain data.

The figure builders never touch the store: they get a :class:`Scene` (control features,
located events, labelled places and the articles behind them) for a day or a date range and
a box. This module is the only part of the export that reads the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import shapely
from shapely.geometry import box, shape

from dashboard.store import Store
from dashboard.store.records import BBox
from dashboard.web.basemap import ATTRIBUTION


@dataclass(frozen=True)
class EventMark:
    """One located event as drawn: the side colouring it and the letter of its type."""

    id: str
    lon: float
    lat: float
    type: str
    side: str
    place: str
    day: date
    article_id: str | None
    highlighted: bool = False


@dataclass(frozen=True)
class PlaceMark:
    """A town the control model has a state for (held by a side, or contested)."""

    name: str
    lon: float
    lat: float
    side: str | None
    state: str


@dataclass(frozen=True)
class SourceRef:
    """An article behind something shown, cited in the footer."""

    article_id: str
    title: str | None
    source: str | None
    published: date | None
    events: int = 0


@dataclass(frozen=True)
class Scene:
    """Everything a snapshot of one view draws, as plain data."""

    day: date
    start: date | None
    bbox: BBox
    snapshot_day: date | None
    control: tuple[dict[str, Any], ...]
    events: tuple[EventMark, ...]
    places: tuple[PlaceMark, ...]
    sources: tuple[SourceRef, ...]
    attribution: str = ATTRIBUTION
    highlighted: frozenset[str] = field(default_factory=frozenset)

    @property
    def sides_shown(self) -> tuple[str, ...]:
        """Territorial sides with an area in view, then sides of events, in palette order."""
        sides = {f["properties"].get("side") for f in self.control if _kind(f) == "area"}
        sides |= {e.side for e in self.events}
        return tuple(sides - {None})  # type: ignore[arg-type]

    @property
    def types_shown(self) -> tuple[str, ...]:
        return tuple(sorted({e.type for e in self.events}))

    @property
    def has_contested(self) -> bool:
        return any(_kind(f) == "contested" for f in self.control) or any(
            p.state == "contested" for p in self.places
        )

    @property
    def has_frontline(self) -> bool:
        return any(_kind(f) == "frontline" for f in self.control)


def _kind(feature: Mapping[str, Any]) -> str | None:
    return (feature.get("properties") or {}).get("kind")


def _in_view(feature: Mapping[str, Any], view: Any) -> bool:
    geometry = feature.get("geometry")
    if not geometry:
        return False
    try:
        return bool(view.intersects(shape(geometry)))
    except (ValueError, TypeError, shapely.errors.GEOSException):
        return False


def gather_scene(
    store: Store,
    day: date,
    bbox: BBox,
    *,
    start: date | None = None,
    highlight: Iterable[str] = (),
) -> Scene:
    """Read what the view of ``bbox`` shows on ``day`` (events from ``start`` to ``day``)."""
    if start is not None and start > day:
        raise ValueError(f"the range starts after it ends: {start} > {day}")
    view = box(*bbox)
    snapshot = store.control_snapshot_on(day)
    control = tuple(
        f
        for f in (snapshot.features if snapshot else ())
        if _kind(f) in ("area", "contested", "frontline", "place") and _in_view(f, view)
    )
    highlighted = frozenset(highlight)
    events = []
    for event in store.events_between(start or day, day, bbox):
        if not event.places or event.date is None:
            continue
        place = event.places[0]
        events.append(
            EventMark(
                id=event.id,
                lon=place.lon,
                lat=place.lat,
                type=event.type,
                side=event.acting_side,
                place=place.name,
                day=event.date,
                article_id=event.article_id,
                highlighted=event.id in highlighted,
            )
        )
    places = tuple(
        PlaceMark(
            name=str(f["properties"].get("name") or ""),
            lon=float(f["geometry"]["coordinates"][0]),
            lat=float(f["geometry"]["coordinates"][1]),
            side=f["properties"].get("side"),
            state=str(f["properties"].get("state") or "held"),
        )
        for f in control
        if _kind(f) == "place" and f["properties"].get("name")
    )
    sources = _sources(store, day, control, events)
    return Scene(
        day=day,
        start=start,
        bbox=bbox,
        snapshot_day=snapshot.date if snapshot else None,
        control=tuple(f for f in control if _kind(f) != "place"),
        events=tuple(events),
        places=places,
        sources=sources,
        highlighted=highlighted,
    )


def _sources(
    store: Store,
    day: date,
    control: Sequence[Mapping[str, Any]],
    events: Sequence[EventMark],
) -> tuple[SourceRef, ...]:
    """Articles of the events shown first (most events first), then those behind the control
    areas and places in view (newest first): the order a reader checks them in."""
    per_article = Counter(e.article_id for e in events if e.article_id)
    claim_ids: set[str] = set()
    control_articles: set[str] = set()
    for feature in control:
        props = feature.get("properties") or {}
        for ref in props.get("claims") or ():
            if isinstance(ref, Mapping):
                if ref.get("article_id"):
                    control_articles.add(str(ref["article_id"]))
            else:
                claim_ids.add(str(ref))
    if claim_ids:
        for claim in store.claims_until(day):
            if claim.id in claim_ids and claim.article_id:
                control_articles.add(claim.article_id)
    wanted = set(per_article) | control_articles
    if not wanted:
        return ()
    summaries = {a.id: a for a in store.articles() if a.id in wanted}
    refs = [
        SourceRef(
            article_id=aid,
            title=summaries[aid].title,
            source=summaries[aid].source,
            published=summaries[aid].published,
            events=per_article.get(aid, 0),
        )
        for aid in wanted
        if aid in summaries
    ]
    refs.sort(key=lambda r: (-r.events, -(r.published or date.min).toordinal(), r.title or ""))
    return tuple(refs)
