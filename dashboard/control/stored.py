"""A series of snapshots as the store keeps them: spans of features that stay unchanged over
runs of change points (see :mod:`dashboard.store.spans`).

Places come straight from their state histories: a place shows the same feature from one of
its change points to the next, whatever happens elsewhere, so its spans are its steps, found
without building a feature per place per snapshot. Areas and lines are converted per
snapshot, but only for owners whose areas, faces or deciding claims changed since the same
day was last converted; the others reuse what was found then.

The order of a snapshot's features is that of :func:`snapshot_to_geojson`, written as a
position that does not shift when another layer grows: areas by owner, then lines, then
places by their index in the ground.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import shapely

from dashboard.control.areas import (
    CODE_NAMES,
    FROM_CONSTRAINT,
    FROM_PLACE,
    FROM_REGION,
    GroundPlace,
)
from dashboard.control.geojson import (
    CODE_OF,
    frontline_features,
    owner_parts,
    owner_properties,
    place_feature,
)
from dashboard.control.state import PlaceState
from dashboard.control.timeline import ControlSnapshot, StatesOn
from dashboard.store.spans import (
    ControlSpan,
    FeatureRow,
    dumps_plain,
    feature_row,
    row_digest,
    spans_of_days,
    text_digest,
)

_OWNER_RANK = {name: i for i, name in enumerate(sorted(CODE_NAMES.values()))}
_PART = 10**7  # room for that many parts per owner
FINGERPRINT = "areas-1"
"""Changes whenever what :func:`owner_features` and :func:`frontline_features` make of their
inputs changes, so fingerprints stored by older code never match."""
PARTS_BUDGET = 128 * 2**20
"""Bytes of owner conversions kept for reuse (face lists, mostly)."""
LINES = 10**10
PLACES = 2 * 10**10

Entry = tuple[int, str, Callable[[], FeatureRow]]


class SeriesSpans:
    """Turns a series into spans, remembering what it converted so a later call converts only
    what changed. Kept with the series it describes (claims are compared by id only)."""

    def __init__(self) -> None:
        # per day: the snapshot converted, each group's (ord, digest) and part geometry digests
        self._layers: dict[date, tuple[ControlSnapshot, dict[str, list], dict[str, list]]] = {}
        self._places: dict[tuple[GroundPlace, PlaceState], str] = {}
        self._parts: OrderedDict[tuple, _Parts] = OrderedDict()
        self._parts_size = 0
        self._fingerprints: dict[date, tuple[ControlSnapshot, str]] = {}
        self._seeded: dict[date, tuple[str | None, Sequence[tuple[int, str]]]] = {}
        self._texts = GeometryTexts()

    def spans(self, snapshots: Sequence[ControlSnapshot]) -> list[ControlSpan]:
        """Spans covering every feature of ``snapshots`` (consecutive change points, in order;
        a span's ``first`` and ``end`` index this list)."""
        if snapshots:  # forget fingerprints of snapshots since recomputed: they hold them
            current = {s.date: s for s in snapshots}
            for day in [d for d in self._fingerprints if d >= snapshots[0].date]:
                if current.get(day) is not self._fingerprints[day][0]:
                    del self._fingerprints[day]
        layers = [self._area_layer(s) for s in snapshots]
        if snapshots:  # days that are no longer change points
            days = {s.date for s in snapshots}
            for gone in [d for d in self._layers if d >= snapshots[0].date and d not in days]:
                del self._layers[gone]
        return spans_of_days(layers) + self._place_spans(snapshots)

    def fingerprint(self, snapshot: ControlSnapshot) -> str:
        """:func:`area_fingerprint` of a snapshot, computed once per snapshot object."""
        found = self._fingerprints.get(snapshot.date)
        if found is None or found[0] is not snapshot:
            found = self._fingerprints[snapshot.date] = (snapshot, area_fingerprint(snapshot))
        return found[1]

    def seed(self, stored: Mapping[date, tuple[str | None, Sequence[tuple[int, str]]]]) -> None:
        """Take what the store holds of each day's areas and lines (the fingerprint they were
        made from, and their positions and digests), so a process that converted nothing yet
        converts only the days whose snapshot has another fingerprint."""
        self._seeded = {day: found for day, found in stored.items() if found[0] is not None}

    @property
    def fresh(self) -> bool:
        """Whether nothing was converted yet (a new process, or a rebuilt series)."""
        return not self._layers

    def first_changed(self, snapshots: Sequence[ControlSnapshot], since: date) -> date:
        """``since``, or an earlier day whose snapshot was written before and has been
        recomputed since (claims about a place never seen before redraw the ground from the
        first day): a refresh from there leaves no stale day behind."""
        days = {s.date for s in snapshots}
        earlier = [d for d in self._layers if d < since and d not in days]
        earlier += [s.date for s in snapshots if s.date < since and self._recomputed(s)]
        return min([since, *earlier])

    def _recomputed(self, snapshot: ControlSnapshot) -> bool:
        known = self._layers.get(snapshot.date)
        return known is not None and known[0] is not snapshot

    # -- areas and lines ------------------------------------------------------------------------
    def _area_layer(self, snapshot: ControlSnapshot) -> list[Entry]:
        known = self._layers.get(snapshot.date)
        groups: dict[str, list[tuple[int, str]]] = {}
        keys: dict[str, list[str]] = {}
        made: dict[str, list[Callable[[], FeatureRow]]] = {}
        changed = _changed_claims(known[0], snapshot) if known is not None else None

        def rows(group: str) -> list[Callable[[], FeatureRow]]:
            if group not in made:
                if group == "":
                    lines = [feature_row(f) for f in frontline_features(snapshot)]
                    made[group] = [(lambda row=row: row) for row in lines]
                    groups[group] = [(LINES + k, row_digest(r)) for k, r in enumerate(lines)]
                    keys[group] = []
                else:
                    before = None
                    if known is not None and changed is not None and group in known[2]:
                        parts = zip(known[2][group], known[1][group], strict=True)
                        before = (known[0], dict(parts))
                    made[group], found, keys[group] = self._owner_rows(
                        snapshot, group, before, changed
                    )
                    base = _OWNER_RANK[group] * _PART
                    groups[group] = [(base + k, d) for k, d in enumerate(found)]
            return made[group]

        seeded = self._seeded.pop(snapshot.date, None)
        if known is None and seeded is not None and seeded[0] == self.fingerprint(snapshot):
            names = sorted(CODE_NAMES.values())
            for ord_, digest in seeded[1]:
                group = "" if ord_ >= LINES else names[ord_ // _PART]
                groups.setdefault(group, []).append((ord_, digest))
            self._layers[snapshot.date] = (snapshot, groups, keys)
            return [
                (ord_, digest, _lazy(rows, group, k))
                for group, found in list(groups.items())
                for k, (ord_, digest) in enumerate(found)
            ]
        for group in [*sorted(snapshot.areas), ""]:
            if known is not None and group in known[1]:
                before = known[0]
                same = (
                    before is snapshot
                    or (group == "" and _same_lines(before, snapshot))
                    or (group != "" and _same_owner(before, snapshot, group, changed))
                )
                if same:
                    groups[group] = known[1][group]
                    keys[group] = known[2].get(group, [])
                    continue
            rows(group)
        self._layers[snapshot.date] = (snapshot, groups, keys)
        entries: list[Entry] = []
        for group, found in groups.items():
            for k, (ord_, digest) in enumerate(found):
                entries.append((ord_, digest, _lazy(rows, group, k)))
        return entries

    def _owner_rows(
        self,
        snapshot: ControlSnapshot,
        name: str,
        before: tuple[ControlSnapshot, dict[str, tuple[int, str]]] | None,
        changed: set[str] | None,
    ) -> tuple[list[Callable[[], FeatureRow]], list[str], list[str]]:
        """One owner's rows (made when asked for), digests and part geometry digests.

        Its parts and their GeoJSON text are reused from an earlier conversion of the same
        pieces over the same faces (the dissolve hands back the same pieces where nothing
        moved). A part the same day showed before (``before``: that snapshot, and its parts
        by geometry digest) keeps its digest when what decided its faces did not change, so
        its places and claims are not gathered again."""
        pieces = tuple(snapshot.areas[name])
        faces = np.flatnonzero(snapshot.ownership.owner == CODE_OF[name])
        key = (id(snapshot.ground), tuple(id(p) for p in pieces))
        known = self._parts.get(key)
        if (
            known is not None
            and known.ground is snapshot.ground
            and np.array_equal(known.faces, faces)
        ):
            self._parts.move_to_end(key)
        else:
            found = owner_parts(snapshot, name)
            texts, digests = self._texts.get(found.parts)
            part_faces = tuple(f.astype(np.int32) for f in found.faces)
            known = _Parts(snapshot.ground, pieces, faces, found.km2, part_faces, texts, digests)
            self._parts[key] = known  # the pieces are held, so their ids stay theirs
            self._parts_size += known.size
            while self._parts_size > PARTS_BUDGET and len(self._parts) > 1:
                self._parts_size -= self._parts.popitem(last=False)[1].size
        moved = _moved_sources(before[0], snapshot, changed) if before is not None else None
        makers, found_digests = [], []
        for k in range(len(known.texts)):
            maker = _owner_row(snapshot, name, known, k)
            old = before[1].get(known.digests[k]) if before is not None else None
            if old is not None and moved is not None and not moved(known.part_faces[k]):
                digest = old[1]
            else:
                row = maker()
                digest = row_digest(row, known.digests[k])
                maker = lambda row=row: row  # noqa: E731
            makers.append(maker)
            found_digests.append(digest)
        return makers, found_digests, list(known.digests)

    # -- places ---------------------------------------------------------------------------------
    def _place_spans(self, snapshots: Sequence[ControlSnapshot]) -> list[ControlSpan]:
        pieces: list[tuple[int, int, int, GroundPlace, PlaceState, Mapping[str, Any]]] = []
        k0 = 0
        while k0 < len(snapshots):
            head = snapshots[k0]
            k1 = k0 + 1
            while k1 < len(snapshots) and _same_source(snapshots[k1], head):
                k1 += 1
            pieces.extend(_steps(snapshots[k0:k1], k0))
            k0 = k1
        # one span per run of consecutive snapshots showing one place the same way
        pieces.sort(key=lambda p: (p[2], p[0]))
        spans: list[ControlSpan] = []
        last: list[Any] | None = None
        for first, end, ord_, place, state, claims in pieces:
            digest = self._place_digest(place, state, claims)
            if last is not None and last[2] == ord_ and last[1] == first and last[3] == digest:
                last[1] = end
                continue
            if last is not None:
                spans.append(ControlSpan(last[0], last[1], last[2], last[3], last[4]))
            last = [first, end, ord_, digest, _place_row(place, state, claims)]
        if last is not None:
            spans.append(ControlSpan(last[0], last[1], last[2], last[3], last[4]))
        return spans

    def _place_digest(
        self, place: GroundPlace, state: PlaceState, claims: Mapping[str, Any]
    ) -> str:
        key = (place, state)
        digest = self._places.get(key)
        if digest is None:
            digest = self._places[key] = row_digest(_place_row(place, state, claims)())
        return digest


class GeometryTexts:
    """GeoJSON text (and its digest) of polygons by their exact WKB, for the parts of areas
    that come back unchanged at other change points: encoding their coordinates is most of
    the cost of converting an area, and most parts are ones already seen."""

    def __init__(self, budget: int = 64 * 2**20) -> None:
        self.budget = budget
        self.size = 0
        self._found: dict[bytes, tuple[str, str]] = {}

    def get(self, parts: np.ndarray) -> tuple[list[str], list[str]]:
        texts, digests = [], []
        for part, wkb in zip(parts, shapely.to_wkb(parts), strict=True):
            key = hashlib.sha256(wkb).digest()
            found = self._found.pop(key, None)  # popped and put back: the newest last
            if found is None:
                text = dumps_plain(shapely.geometry.mapping(part))
                found = (text, text_digest(text))
                self.size += len(text)
            self._found[key] = found
            texts.append(found[0])
            digests.append(found[1])
        while self.size > self.budget and self._found:
            oldest = next(iter(self._found))
            self.size -= len(self._found.pop(oldest)[0])
        return texts, digests


@dataclass
class _Parts:
    """A conversion of one owner's pieces into parts, reused while they come back."""

    ground: Any
    pieces: tuple
    faces: np.ndarray
    km2: tuple[float, ...]
    part_faces: tuple[np.ndarray, ...]
    texts: list[str]
    digests: list[str]

    @property
    def size(self) -> int:
        """Roughly the bytes it holds (texts shared with other conversions counted each
        time: an overestimate, so the budget is never exceeded)."""
        return (
            self.faces.nbytes
            + sum(f.nbytes for f in self.part_faces)
            + sum(len(t) for t in self.texts)
        )


def _lazy(
    rows: Callable[[str], list[Callable[[], FeatureRow]]], group: str, k: int
) -> Callable[[], FeatureRow]:
    return lambda: rows(group)[k]()


def _owner_row(
    snapshot: ControlSnapshot, name: str, known: _Parts, k: int
) -> Callable[[], FeatureRow]:
    def make() -> FeatureRow:
        properties = owner_properties(snapshot, name, known.km2[k], known.part_faces[k])
        side = properties.pop("side")
        kind = properties.pop("kind")
        return (side, kind, known.texts[k], dumps_plain(properties))

    return make


def _moved_sources(
    a: ControlSnapshot, b: ControlSnapshot, changed: set[str] | None
) -> Callable[[np.ndarray], bool] | None:
    """Tells whether what decided some faces differs between two snapshots of one day (their
    sources, or the claims of the places, regions and constraints behind them); None when
    that cannot be told."""
    if changed is None or a.ground is not b.ground:
        return None
    ground, oa, ob = a.ground, a.ownership, b.ownership
    places = np.array([ground.place_index[p] for p in changed if p in ground.place_index])
    regions = np.array([ground.region_index[p] for p in changed if p in ground.region_index])
    same_constraints = a.constraints == b.constraints

    def moved(faces: np.ndarray) -> bool:
        kinds, index = ob.source_kind[faces], ob.source_index[faces]
        if not (
            np.array_equal(kinds, oa.source_kind[faces])
            and np.array_equal(index, oa.source_index[faces])
        ):
            return True
        if not same_constraints and (kinds == FROM_CONSTRAINT).any():
            return True
        return bool(
            (len(places) and np.isin(index[kinds == FROM_PLACE], places).any())
            or (len(regions) and np.isin(index[kinds == FROM_REGION], regions).any())
        )

    return moved


def _place_row(
    place: GroundPlace, state: PlaceState, claims: Mapping[str, Any]
) -> Callable[[], FeatureRow]:
    return lambda: feature_row(place_feature(place, state, claims))


def area_fingerprint(snapshot: ControlSnapshot) -> str:
    """A digest of everything a snapshot's areas and lines are made from: its ground (face
    points, places, regions), each owner's pieces, who holds every face and what decided it,
    the claims deciding every place and region, the constraints and the lines. Equal
    fingerprints give equal area and line features, so a process can trust the stored ones."""
    ground = snapshot.ground
    base = ground._cache.get("fingerprint")
    if base is None:
        h = hashlib.sha256(np.ascontiguousarray(ground.face_xy).tobytes())
        h.update(repr([p.id for p in ground.places]).encode())
        h.update(repr([r.id for r in ground.regions]).encode())
        base = ground._cache["fingerprint"] = h.hexdigest()
    keys = ground._cache.setdefault("piece_keys", {})
    if len(keys) > 200_000:
        keys.clear()
    h = hashlib.sha256(FINGERPRINT.encode())
    h.update(base.encode())
    for name in sorted(snapshot.areas):
        h.update(name.encode() + b"\x1f")
        for piece in snapshot.areas[name]:
            found = keys.get(id(piece))
            if found is None or found[0] is not piece:  # the piece is held: its id stays its own
                found = keys[id(piece)] = (piece, hashlib.sha256(shapely.to_wkb(piece)).digest())
            h.update(found[1])
    own = snapshot.ownership
    for array in (own.owner, own.source_kind, own.source_index):
        h.update(array.dtype.str.encode())
        h.update(np.ascontiguousarray(array).tobytes())
    h.update(repr(snapshot.constraints).encode())
    for line in snapshot.frontlines:
        h.update(repr((line.sides, line.kind, line.length_km, line.places)).encode())
        h.update(shapely.to_wkb(line.geometry))
    states = snapshot.place_states
    for pid in [*(p.id for p in ground.places), *(r.id for r in ground.regions)]:
        state = states.get(pid)
        h.update(repr(state.claims if state is not None else None).encode())
    return h.hexdigest()


def _same_source(a: ControlSnapshot, b: ControlSnapshot) -> bool:
    """Whether two snapshots read their places from one ground and one set of histories."""
    sa, sb = a.place_states, b.place_states
    return (
        a.ground is b.ground
        and isinstance(sa, StatesOn)
        and isinstance(sb, StatesOn)
        and sa.histories is sb.histories
        and a.claims is b.claims
    )


def _steps(
    snapshots: Sequence[ControlSnapshot], offset: int
) -> list[tuple[int, int, int, GroundPlace, PlaceState, Mapping[str, Any]]]:
    """``(first, end, ord, place, state, claims)`` for every place shown in these snapshots
    (one ground, one set of histories), one per step of its history that they show."""
    head = snapshots[0]
    ground, claims, states = head.ground, head.claims, head.place_states
    found = []
    if not isinstance(states, StatesOn):  # states given per snapshot: one step each
        for k, snapshot in enumerate(snapshots):
            for index, place in enumerate(snapshot.ground.places):
                state = snapshot.place_states.get(place.id)
                if state is not None and state.state != "unknown":
                    found.append((offset + k, offset + k + 1, PLACES + index, place, state, claims))
        return found
    days = [s.date for s in snapshots]
    n = len(days)
    histories = states.histories
    for index, place in enumerate(ground.places):
        history = histories.get(place.id)
        if history is None:
            continue
        starts, steps = history.starts, history.states
        t = max(bisect_right(starts, days[0]) - 1, 0)
        while t < len(starts):
            a = bisect_left(days, starts[t]) if starts[t] > days[0] else 0
            if a >= n:
                break
            b = bisect_left(days, starts[t + 1]) if t + 1 < len(starts) else n
            state = steps[t]
            if a < b and state.state != "unknown":
                found.append((offset + a, offset + b, PLACES + index, place, state, claims))
            t += 1
    return found


def _changed_claims(a: ControlSnapshot, b: ControlSnapshot) -> set[str] | None:
    """Places whose deciding claims differ between two snapshots of one day (None: unknown,
    so every owner is converted again)."""
    sa, sb = a.place_states, b.place_states
    if a.ground is not b.ground or a.date != b.date:
        return None
    if not (isinstance(sa, StatesOn) and isinstance(sb, StatesOn)):
        return None
    ha, hb = sa.histories, sb.histories
    if ha is hb:
        return set()
    if ha.keys() != hb.keys():
        return None
    day = a.date
    return {
        pid
        for pid, history in ha.items()
        if history is not hb[pid] and history.on(day).claims != hb[pid].on(day).claims
    }


def _same_pieces(a: Sequence[Any], b: Sequence[Any]) -> bool:
    return len(a) == len(b) and all(
        p is q or shapely.to_wkb(p) == shapely.to_wkb(q) for p, q in zip(a, b, strict=True)
    )


def _same_owner(
    a: ControlSnapshot, b: ControlSnapshot, name: str, changed: set[str] | None
) -> bool:
    """Whether one owner's area features are the same in two snapshots of one day, from what
    :func:`owner_features` reads: its pieces, its faces and what decided them, and the claims
    of the places and regions that did."""
    if changed is None or name not in a.areas or a.constraints != b.constraints:
        return False
    if not _same_pieces(a.areas[name], b.areas[name]):
        return False
    oa, ob = a.ownership, b.ownership
    code = CODE_OF[name]
    mine = oa.owner == code
    if not np.array_equal(mine, ob.owner == code):
        return False
    faces = np.flatnonzero(mine)
    kinds, index = oa.source_kind[faces], oa.source_index[faces]
    if not (
        np.array_equal(kinds, ob.source_kind[faces])
        and np.array_equal(index, ob.source_index[faces])
    ):
        return False
    if not changed:
        return True
    ground = a.ground
    places = [ground.place_index[p] for p in changed if p in ground.place_index]
    regions = [ground.region_index[p] for p in changed if p in ground.region_index]
    return not (
        np.isin(index[kinds == FROM_PLACE], places).any()
        or np.isin(index[kinds == FROM_REGION], regions).any()
    )


def _same_lines(a: ControlSnapshot, b: ControlSnapshot) -> bool:
    return len(a.frontlines) == len(b.frontlines) and all(
        (f.sides, f.kind, f.length_km, f.places) == (g.sides, g.kind, g.length_km, g.places)
        and (f.geometry is g.geometry or shapely.to_wkb(f.geometry) == shapely.to_wkb(g.geometry))
        for f, g in zip(a.frontlines, b.frontlines, strict=True)
    )
