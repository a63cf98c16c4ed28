"""Control snapshots as spans: each feature stored once for the run of change points that
show it unchanged, so a late claim rewrites the few features it changes, not every feature of
every later snapshot.

A snapshot is the spans in force on its day, ordered by ``ord``. This module is the pure part:
turning per-day feature lists into spans, deciding which stored spans stay, move or go when a
series is synchronised, and the digest of each day's features. The SQL lives in
:mod:`dashboard.store.sqlstore`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

OPEN_END = 2**31 - 1
"""``end_day`` of a span nothing later has replaced (the largest day both backends index)."""

FeatureRow = tuple[Any, str, str, str]
"""A stored feature: side, kind, GeoJSON geometry text, properties text (without side and
kind)."""


@dataclass(frozen=True, slots=True)
class ControlSpan:
    """One feature shown unchanged at position ``ord`` in the snapshots ``days[first:end]`` of
    the series it is synchronised with; ``row`` makes its stored row, and is called only when
    the span has to be written."""

    first: int
    end: int
    ord: int
    digest: str
    row: Callable[[], FeatureRow]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _as_json(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps_plain(value: Any) -> str:
    """JSON text of GeoJSON without first copying every coordinate pair into a list: the
    encoder writes tuples as arrays already (control snapshots hold millions of pairs)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_as_json)


def feature_row(feature: Mapping[str, Any], ord_: int = 0) -> FeatureRow:
    """A GeoJSON feature as stored: side and kind become columns, the rest stays JSON."""
    geometry = feature.get("geometry")
    if hasattr(geometry, "__geo_interface__"):
        geometry = geometry.__geo_interface__
    if not isinstance(geometry, Mapping) or "type" not in geometry:
        raise ValueError(f"control feature {ord_} has no GeoJSON geometry")
    properties = dict(feature.get("properties") or {})
    side = properties.pop("side", None)
    kind = properties.pop("kind", "area")
    return (side, kind, dumps_plain(geometry), _dumps(properties))


def row_digest(row: FeatureRow, geometry_digest: str | None = None) -> str:
    """What tells two stored features apart: equal for rows that read back the same.
    ``geometry_digest`` is :func:`text_digest` of the geometry text, when already known."""
    h = hashlib.sha256(repr((row[0], row[1])).encode())
    h.update(b"\x1f")
    h.update((geometry_digest or text_digest(row[2])).encode())
    h.update(b"\x1f")
    h.update(row[3].encode())
    return h.hexdigest()[:32]


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def sequence_digest(digests: Iterable[str]) -> str:
    """The digest of a snapshot: its features' digests in reading order."""
    return hashlib.sha256("\n".join(digests).encode()).hexdigest()


def spans_of_days(
    days: Sequence[Sequence[tuple[int, str, Callable[[], FeatureRow]]]],
) -> list[ControlSpan]:
    """Spans for consecutive snapshots given as ``(ord, digest, row)`` lists: a feature at the
    same position with the same digest on consecutive days is one span."""
    spans: list[ControlSpan] = []
    open_: dict[int, tuple[int, str, Callable[[], FeatureRow]]] = {}
    for k, features in enumerate(days):
        seen: set[int] = set()
        for ord_, digest, row in features:
            if ord_ in seen:
                raise ValueError(f"two control features of one snapshot share position {ord_}")
            seen.add(ord_)
            current = open_.get(ord_)
            if current is not None and current[1] == digest:
                continue
            if current is not None:
                spans.append(ControlSpan(current[0], k, ord_, current[1], current[2]))
            open_[ord_] = (k, digest, row)
        for ord_ in [o for o in open_ if o not in seen]:
            start, digest, row = open_.pop(ord_)
            spans.append(ControlSpan(start, k, ord_, digest, row))
    for ord_, (start, digest, row) in open_.items():
        spans.append(ControlSpan(start, len(days), ord_, digest, row))
    return spans


StoredSpan = tuple[int, int, int, int, str | None]
"""A stored span as read for synchronising: id, first_day, end_day, ord, digest."""


@dataclass
class SpanPlan:
    """What to do to the stored spans so the days ``since`` and later show the wanted ones."""

    kept: int = 0
    inserts: list[ControlSpan] = field(default_factory=list)
    deletes: list[int] = field(default_factory=list)
    ends: list[tuple[int, int]] = field(default_factory=list)  # (end_day, id)
    ords: list[tuple[int, int]] = field(default_factory=list)  # (ord, id)
    changed: set[int] = field(default_factory=set)  # indexes of days that may show otherwise


def plan_spans(
    first: int,
    days: Sequence[int],
    stored: Iterable[StoredSpan],
    wanted: Sequence[ControlSpan],
    *,
    rewrite: bool = False,
) -> SpanPlan:
    """Match stored spans that reach day ``first`` or later against the wanted ones.

    Both sides are compared by the wanted days they cover, so a stored span that also covers
    days before ``first`` (left alone) or days no longer in the series still matches. A stored
    span that matches but for its position or its end is updated in place; one that no
    longer matches is cut back to end at ``first`` when it began earlier, and deleted
    otherwise. ``rewrite`` keeps nothing (a full replacement).
    """
    from bisect import bisect_left

    plan = SpanPlan()
    n = len(days)
    stored_keys: dict[tuple[int, str | None, int, int], tuple[int, int, int]] = {}
    left: list[tuple[int, int, int, int, str | None, int, int]] = []
    for id_, f, e, ord_, digest in stored:
        i = bisect_left(days, max(f, first))
        j = bisect_left(days, e)
        if i >= j or rewrite or digest is None:
            left.append((id_, f, e, ord_, digest, i, j))
            continue
        key = (ord_, digest, i, j)
        if key in stored_keys:
            left.append((id_, f, e, ord_, digest, i, j))
        else:
            stored_keys[key] = (id_, f, e)
    pending: list[ControlSpan] = []
    for span in wanted:
        key = (span.ord, span.digest, span.first, span.end)
        found = None if rewrite else stored_keys.pop(key, None)
        if found is None:
            pending.append(span)
        else:
            plan.kept += 1
    # leftovers of the exact match: the same feature moved (another position) or cut short
    for (ord_, digest, i, j), (id_, f, e) in stored_keys.items():
        left.append((id_, f, e, ord_, digest, i, j))
    by_place: dict[tuple[str | None, int, int], list[int]] = {}
    by_start: dict[tuple[int, str | None, int], list[int]] = {}
    for k, (_, f, _, ord_, digest, i, j) in enumerate(left):
        if digest is not None and i < j and not rewrite:
            if f >= first:  # a span reaching back before ``first`` keeps its place there
                by_place.setdefault((digest, i, j), []).append(k)
            by_start.setdefault((ord_, digest, i), []).append(k)
    used: set[int] = set()

    def take(candidates: list[int] | None) -> int | None:
        while candidates:
            k = candidates.pop()
            if k not in used:
                used.add(k)
                return k
        return None

    for span in pending:
        k = take(by_place.get((span.digest, span.first, span.end)))
        if k is not None:
            plan.ords.append((span.ord, left[k][0]))
            plan.changed.update(range(span.first, span.end))
            continue
        k = take(by_start.get((span.ord, span.digest, span.first)))
        if k is not None:
            j_old = left[k][6]
            plan.ends.append((days[span.end] if span.end < n else OPEN_END, left[k][0]))
            plan.changed.update(range(min(j_old, span.end), max(j_old, span.end)))
            continue
        plan.inserts.append(span)
        plan.changed.update(range(span.first, span.end))
    for k, (id_, f, _, _, _, i, j) in enumerate(left):
        if k in used:
            continue
        plan.changed.update(range(i, j))
        if f < first:
            plan.ends.append((first, id_))
        else:
            plan.deletes.append(id_)
    return plan


def day_digests(
    n: int, spans: Sequence[ControlSpan], wanted: Iterable[int]
) -> dict[int, tuple[str, int]]:
    """The digest and feature count of each wanted day (an index into the series) from the
    spans covering it, in reading order."""
    wanted = set(wanted)
    if not wanted:
        return {}
    starts: list[list[ControlSpan]] = [[] for _ in range(n + 1)]
    ends: list[list[ControlSpan]] = [[] for _ in range(n + 1)]
    for span in spans:
        if not 0 <= span.first < span.end <= n:
            raise ValueError(f"a control span covers days {span.first}..{span.end} of {n}")
        starts[span.first].append(span)
        ends[span.end].append(span)
    active: dict[int, str] = {}
    found: dict[int, tuple[str, int]] = {}
    for k in range(max(wanted) + 1):
        for span in ends[k]:
            del active[span.ord]
        for span in starts[k]:
            if span.ord in active:
                raise ValueError(f"two control features of one snapshot share position {span.ord}")
            active[span.ord] = span.digest
        if k in wanted:
            found[k] = (sequence_digest(active[o] for o in sorted(active)), len(active))
    return found
