"""Snapshots of control at change points only, kept up to date as claims arrive.

A change point is a day on which the state of some place changes (a new holder, a place
becoming contested, a claim decaying below the floor), a partial region claim starts or
stops, an imported area fades, or a dated relation between two sides starts or ends.
Between change points nothing on the map moves, so ``snapshot_on(day)`` is a bisect.

What is incremental when claims are added (:meth:`ControlTimeline.add_claims`):

* only places named by the new claims get their state history recomputed;
* snapshots before the earliest new claim date are kept as they are;
* from that date on, every change point is recomputed, but face owners are an array
  update, and the dissolve re-unions only tiles whose set of faces changed (tile pieces are
  cached across snapshots), so unaffected ground is reused, not recomputed;
* claims about a place the ground has never seen rebuild the faces (cells depend on the set
  of places), and then every snapshot is recomputed.

Imported areas (the starting state) fade like an unconfirmed claim (see
:func:`dashboard.control.areas.imported_fade_day`); the day one fades is a change point.

:meth:`ControlTimeline.explain` tells why a place is in its state: the claims about it, the
rule that applied, the imported areas beneath it (in force or faded), and the claims about
the whole country, which are listed but never decide ground (a country names no ground to
place: holding "Iraq" says nothing about where the front runs).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from dashboard.control.areas import (
    CODE_NAMES,
    AreaRules,
    Ground,
    GroundPlace,
    ImportedArea,
    Ownership,
    RegionPlace,
    area_by_code,
    assign_owners,
    build_ground,
    dissolve_pieces,
    imported_fade_day,
    place_codes,
)
from dashboard.control.frontlines import Frontline, contact_kind, frontlines_between
from dashboard.control.geography import Geography
from dashboard.control.relations import FrontRules
from dashboard.control.state import (
    IGNORED_PRECISIONS,
    REGION_PRECISIONS,
    PartialConstraint,
    PlaceState,
    StateHistory,
    StateRules,
    claim_order_key,
    constraint_change_days,
    constraints_on,
    histories,
    is_constraint_claim,
    place_state_on,
    usable_claims,
)
from dashboard.events.model import Claim

# how a claim's optional extra["place_kind"] maps to reach
_KIND_IMPORTANCE = {
    "capital": "city",
    "city": "city",
    "town": "town",
    "village": "village",
    "airport": "village",
    "base": "village",
    "crossing": "village",
    "oil_field": "village",
    "field": "village",
    "dam": "village",
}


@dataclass(frozen=True)
class ControlRules:
    """All parameters of the control model in one value."""

    state: StateRules = field(default_factory=StateRules)
    areas: AreaRules = field(default_factory=AreaRules)


class StatesOn(Mapping[str, PlaceState]):
    """The states of all known places on one day, read lazily from their histories.

    Snapshots share the histories instead of copying 10,000 states each.
    """

    def __init__(self, histories: Mapping[str, StateHistory], day: date) -> None:
        self._histories = histories
        self._day = day

    @property
    def histories(self) -> Mapping[str, StateHistory]:
        return self._histories

    @property
    def day(self) -> date:
        return self._day

    def __getitem__(self, place_id: str) -> PlaceState:
        return self._histories[place_id].on(self._day)

    def __iter__(self) -> Iterator[str]:
        return iter(self._histories)

    def __len__(self) -> int:
        return len(self._histories)


@dataclass(frozen=True)
class ControlSnapshot:
    """The map from ``date`` until the next change point.

    ``areas`` maps each owner ("isis", ..., "contested", "neutral") to lon/lat pieces, one per
    tile (see :func:`dashboard.control.areas.merge_pieces` for one seamless geometry).
    """

    date: date
    areas: Mapping[str, tuple]
    area_km2: Mapping[str, float]
    frontlines: tuple[Frontline, ...]
    place_states: Mapping[str, PlaceState]
    constraints: tuple[PartialConstraint, ...]
    ownership: Ownership
    ground: Ground = field(repr=False)
    claims: Mapping[str, Claim] = field(repr=False)

    @property
    def unmet_constraints(self) -> tuple:
        return self.ownership.unmet


def resolve_region(claim: Claim, geography: Geography) -> RegionPlace | None:
    """The governorate or district polygon a region claim is about.

    ``extra["admin_code"]`` or a place id equal to a code wins; otherwise the polygon of that
    level containing the claim's coordinates.
    """
    import shapely

    level = claim.precision
    table = geography.districts if level == "district" else geography.governorates
    code = (claim.extra or {}).get("admin_code") or (
        claim.place_id if claim.place_id in table else None
    )
    if code is None:
        point = shapely.Point(claim.lon, claim.lat)
        for key in sorted(table):
            if table[key][1].covers(point):
                code = key
                break
    if code is None or code not in table:
        return None
    return RegionPlace(claim.place_id, claim.place_name, level, str(code))


def ground_inputs(
    claims: Iterable[Claim],
    geography: Geography,
    importance: Mapping[str, str] | None = None,
) -> tuple[list[GroundPlace], list[RegionPlace]]:
    """The places and regions the claims name (the first claim in the total order fixes the
    coordinates). Importance: ``importance[place_id]``, else ``extra["place_kind"]``, else town.
    A district the geography lacks (Syria) is treated as a city-sized point."""
    importance = importance or {}
    places: dict[str, GroundPlace] = {}
    regions: dict[str, RegionPlace] = {}
    for claim in sorted(claims, key=claim_order_key):
        if claim.precision in IGNORED_PRECISIONS:
            continue
        if claim.place_id in places or claim.place_id in regions:
            continue
        if claim.precision in REGION_PRECISIONS:
            region = resolve_region(claim, geography)
            if region is not None:
                regions[claim.place_id] = region
                continue
            if claim.precision == "governorate":
                continue
        kind = importance.get(claim.place_id)
        if kind is None:
            kind = _KIND_IMPORTANCE.get(str((claim.extra or {}).get("place_kind", "")), "town")
            if claim.precision == "district":
                kind = "city"
        places[claim.place_id] = GroundPlace(
            claim.place_id, claim.place_name, claim.lon, claim.lat, kind
        )
    return list(places.values()), list(regions.values())


def _snapshot(
    day: date,
    ground: Ground,
    codes: np.ndarray,
    hist: Mapping[str, StateHistory],
    constraints: Sequence[PartialConstraint],
    claims: Mapping[str, Claim],
    imported_live: tuple[bool, ...] | None = None,
) -> ControlSnapshot:
    states = StatesOn(hist, day)
    region_states = {r.id: states[r.id] for r in ground.regions if r.id in hist}
    ownership = assign_owners(ground, codes, region_states, constraints, imported_live)
    return ControlSnapshot(
        date=day,
        areas=dissolve_pieces(ground, ownership.owner),
        area_km2=area_by_code(ground, ownership.owner),
        frontlines=tuple(frontlines_between(ground, ownership.owner, day)),
        place_states=states,
        constraints=tuple(constraints),
        ownership=ownership,
        ground=ground,
        claims=claims,
    )


class ControlTimeline:
    """All claims in, one :class:`ControlSnapshot` per change point out.

    The store calls :meth:`add_claims` with new claims and saves :attr:`snapshots` from
    the returned date on; the web asks :meth:`snapshot_on` and :meth:`explain`.
    """

    def __init__(
        self,
        geography: Geography,
        rules: ControlRules | None = None,
        imported: Sequence[ImportedArea] = (),
        importance: Mapping[str, str] | None = None,
    ) -> None:
        self.geography = geography
        self.rules = rules or ControlRules()
        self.imported = tuple(imported)
        self.importance = dict(importance or {})
        self.claims: dict[str, Claim] = {}
        self.ground: Ground | None = None
        self.histories: dict[str, StateHistory] = {}
        self.snapshots: list[ControlSnapshot] = []
        self._constraint_days: list[date] = []

    @property
    def change_points(self) -> list[date]:
        return [s.date for s in self.snapshots]

    def add_claims(self, claims: Iterable[Claim]) -> date | None:
        """Take new claims (a claim with a known id replaces the old one); return the first
        date whose snapshot changed, or None if nothing could change."""
        new = [c for c in claims if self.claims.get(c.id) != c]
        if not new:
            return None
        for claim in new:
            self.claims[claim.id] = claim
        start = min(c.valid_from for c in new)
        known = self.ground is not None and all(
            c.place_id in self.ground.place_index
            or c.place_id in self.ground.region_index
            or c.precision in IGNORED_PRECISIONS
            for c in new
        )
        if not known:
            # sorted once here, so the sorts below run over ordered input (linear for Timsort)
            everything = sorted(self.claims.values(), key=claim_order_key)
            places, regions = ground_inputs(everything, self.geography, self.importance)
            self.ground = build_ground(
                places, self.geography, regions, self.imported, self.rules.areas
            )
            start = date.min
        touched = {c.place_id for c in new if not is_constraint_claim(c)}
        if not known:
            self.histories = histories(everything, self.rules.state)
        else:
            fresh = histories(
                (c for c in self.claims.values() if c.place_id in touched), self.rules.state
            )
            self.histories = {**self.histories, **fresh}
        self._constraint_days = constraint_change_days(
            (c for c in self.claims.values() if c.precision in REGION_PRECISIONS), self.rules.state
        )
        self._recompute_from(start)
        return start if start != date.min else (self.snapshots[0].date if self.snapshots else None)

    def _recompute_from(self, start: date) -> None:
        assert self.ground is not None
        ground = self.ground
        keep = [s for s in self.snapshots if s.date < start]
        changes: dict[date, list[tuple[int, PlaceState]]] = {}
        for pid, hist in self.histories.items():
            index = ground.place_index.get(pid, -1)
            for day, state in zip(hist.starts, hist.states, strict=True):
                if day >= start:
                    changes.setdefault(day, []).append((index, state))
        for day in self._constraint_days:
            if day >= start:
                changes.setdefault(day, [])
        fades = [imported_fade_day(a, self.rules.state) for a in ground.imported]
        for day in fades:
            if day >= start:
                changes.setdefault(day, [])
        # the days a dated relation between two sides starts and ends redraw the lines (once
        # there is a map to redraw)
        begins = min([*changes, *(s.date for s in keep[:1])], default=None)
        turns = {
            d
            for d in relation_days(self.rules.areas.fronts)
            if d >= start and begins is not None and d > begins
        }
        for day in turns:
            changes.setdefault(day, [])
        days = sorted(changes)
        if not days:
            self.snapshots = keep
            return
        first = days[0]
        codes = place_codes(ground, StatesOn(self.histories, first))
        region_claims = usable_claims(
            (c for c in self.claims.values() if c.precision in REGION_PRECISIONS), self.rules.state
        )
        constraint_days = set(self._constraint_days)
        constraints: list[PartialConstraint] = constraints_on(
            region_claims, first, self.rules.state
        )
        result = keep
        previous = (keep[-1].constraints, _live(fades, keep[-1].date)) if keep else None
        for day in days:
            for index, state in changes[day]:
                if index >= 0:
                    codes[index] = place_codes_one(state)
            if day in constraint_days:
                constraints = constraints_on(region_claims, day, self.rules.state)
            live = _live(fades, day)
            if (
                not changes[day]
                and (tuple(constraints), live) == previous
                and not (day in turns and result and _relation_turns(result[-1], day))
            ):
                continue  # a claim day on which nothing on the map changed
            previous = (tuple(constraints), live)
            result.append(
                _snapshot(day, ground, codes.copy(), self.histories, constraints, self.claims, live)
            )
        self.snapshots = result

    def snapshot_on(self, day: date) -> ControlSnapshot | None:
        """The snapshot in force on ``day`` (the last change point at or before it)."""
        return snapshot_on(self.snapshots, day)

    def explain(self, place_id: str, day: date) -> Explanation:
        """Why a place is in its state on ``day``, with every claim behind it."""
        return explain(place_id, day, self.claims.values(), self.rules.state, self.imported)


def _relation_turns(snapshot: ControlSnapshot, day: date) -> bool:
    """Whether a line of ``snapshot`` changes kind on ``day`` (a dated relation turned)."""
    codes = {name: code for code, name in CODE_NAMES.items()}
    ground = snapshot.ground
    return any(
        contact_kind(ground, codes[f.sides[0]], codes[f.sides[1]], day) != f.kind
        for f in snapshot.frontlines
    )


def relation_days(fronts: FrontRules) -> list[date]:
    """Days on which a dated relation starts or stops (the day after its last day)."""
    days = set()
    for hostility in fronts.hostilities:
        if hostility.start is not None:
            days.add(hostility.start)
        if hostility.end is not None and hostility.end < date.max:
            days.add(hostility.end + timedelta(days=1))
    return sorted(days)


def _live(fades: Sequence[date], day: date) -> tuple[bool, ...]:
    """Which imported areas are still in force on ``day``."""
    return tuple(day < fade for fade in fades)


def place_codes_one(state: PlaceState) -> int:
    from dashboard.control.areas import CONTESTED_CODE, SIDE_CODES

    if state.state == "held" and state.side in SIDE_CODES:
        return SIDE_CODES[state.side]
    if state.state == "contested":
        return CONTESTED_CODE
    return -1


def snapshot_on(snapshots: Sequence[ControlSnapshot], day: date) -> ControlSnapshot | None:
    """Bisect the ordered change-point snapshots for the one in force on ``day``."""
    i = bisect_right([s.date for s in snapshots], day) - 1
    return snapshots[i] if i >= 0 else None


def snapshot_from_scratch(timeline: ControlTimeline, day: date) -> ControlSnapshot:
    """The map on ``day`` decided from nothing but the timeline's claims and ground: every place
    from its own claims (:func:`place_state_on`), every piece unioned anew in the metric
    projection, every line merged anew. Slow; it is what the change-point snapshots (their
    histories, caches and reused tiles) are checked against."""
    import shapely

    from dashboard.control.areas import subtiles, union_by_subtile
    from dashboard.control.frontlines import front_edges
    from dashboard.control.geography import to_lonlat

    assert timeline.ground is not None
    ground, rules = timeline.ground, timeline.rules
    by_place: dict[str, list[Claim]] = {}
    for c in usable_claims(timeline.claims.values(), rules.state):
        if not is_constraint_claim(c):
            by_place.setdefault(c.place_id, []).append(c)
    states = {pid: place_state_on(pid, cs, day, rules.state) for pid, cs in by_place.items()}
    region_claims = [c for c in timeline.claims.values() if c.precision in REGION_PRECISIONS]
    constraints = constraints_on(region_claims, day, rules.state)
    live = _live([imported_fade_day(a, rules.state) for a in ground.imported], day)
    region_states = {r.id: states[r.id] for r in ground.regions if r.id in states}
    ownership = assign_owners(ground, place_codes(ground, states), region_states, constraints, live)
    owner = ownership.owner
    areas = {}
    sub = subtiles(ground)
    for code in np.unique(owner).tolist():
        members = np.flatnonzero(owner == code)
        tiles = ground.face_tile[members]
        order = np.argsort(tiles, kind="stable")
        chunks = np.split(members[order], np.flatnonzero(np.diff(tiles[order])) + 1)
        areas[CODE_NAMES[code]] = tuple(
            to_lonlat(union_by_subtile(ground.faces, sub, code, c)) for c in chunks
        )
    lines = []
    km = shapely.length(ground.edges) / 1000.0
    place_ids = np.array([p.id for p in ground.places], dtype=object)
    for (ca, cb), edges in front_edges(ground, owner).items():
        merged = shapely.line_merge(shapely.multilinestrings(to_lonlat(ground.edges[edges])))
        faces = np.concatenate([ground.edge_left[edges], ground.edge_right[edges]])
        place_idx = np.unique(ground.face_place[faces])
        lines.append(
            Frontline(
                sides=(CODE_NAMES[ca], CODE_NAMES[cb]),
                kind=contact_kind(ground, ca, cb, day),
                geometry=merged,
                length_km=round(float(km[edges].sum()), 3),
                places=tuple(place_ids[place_idx[place_idx >= 0]].tolist()),
            )
        )
    return ControlSnapshot(
        date=day,
        areas=areas,
        area_km2=area_by_code(ground, owner),
        frontlines=tuple(lines),
        place_states=states,
        constraints=tuple(constraints),
        ownership=ownership,
        ground=ground,
        claims=timeline.claims,
    )


def snapshot_digest(snapshot: ControlSnapshot) -> str:
    """A digest of everything a snapshot shows: pieces and lines (exact WKB), areas, face
    owners, the state key of every claimed place and the constraints in force."""
    import hashlib

    import shapely

    h = hashlib.sha256(snapshot.date.isoformat().encode())
    for name in sorted(snapshot.areas):
        h.update(name.encode())
        for piece in snapshot.areas[name]:
            h.update(shapely.to_wkb(piece))
    h.update(repr(sorted(snapshot.area_km2.items())).encode())
    for line in snapshot.frontlines:
        h.update(repr((line.sides, line.kind, line.length_km, line.places)).encode())
        h.update(shapely.to_wkb(line.geometry))
    h.update(snapshot.ownership.owner.tobytes())
    h.update(repr(snapshot.ownership.unmet).encode())
    for pid in sorted(snapshot.place_states):
        state = snapshot.place_states[pid]
        if state.reason != "no_claim":
            h.update(repr((pid, state.key)).encode())
    h.update(repr([(c.region_id, c.side, c.fraction) for c in snapshot.constraints]).encode())
    return h.hexdigest()


def compute_snapshots(
    claims: Iterable[Claim],
    geography: Geography,
    rules: ControlRules | None = None,
    imported: Sequence[ImportedArea] = (),
    importance: Mapping[str, str] | None = None,
) -> list[ControlSnapshot]:
    """Pure entry point: every change-point snapshot for these claims."""
    timeline = ControlTimeline(geography, rules, imported, importance)
    timeline.add_claims(claims)
    return timeline.snapshots


_REASONS = {
    "no_claim": "no claim about this place yet",
    "latest_claim": "the latest claim names the holder",
    "confirmed": "the latest claim names the holder and earlier claims agree",
    "outweighs_conflicting_reports": (
        "conflicting reports in the window, outweighed by agreeing ones"
    ),
    "conflicting_reports": "claims from different sides within the contest window",
    "fighting_inside": "fighting reported inside, and no later full claim",
    "split_control": "reported as split between sides, and no later full claim",
    "decayed": "the deciding claims are too old: confidence fell below the floor",
}


@dataclass(frozen=True)
class ClaimRef:
    """A claim as a reader needs it to check the map."""

    claim_id: str
    article_id: str | None
    sentence: str
    valid_from: date
    side: str
    kind: str
    fraction: float | None
    confidence: float
    deciding: bool
    used: bool = True  # False: a claim about a whole country, which never decides ground


@dataclass(frozen=True)
class ImportedRef:
    """An imported area beneath a place: what shows where the place's own claims do not."""

    side: str
    source: str
    valid_on: date
    fades_on: date
    in_force: bool


@dataclass(frozen=True)
class Explanation:
    place_id: str
    day: date
    state: PlaceState
    why: str
    claims: tuple[ClaimRef, ...]  # every claim about the place up to the day, oldest first
    imported: tuple[ImportedRef, ...] = ()  # imported areas covering the place


def _ref(claim: Claim, deciding: bool, used: bool = True) -> ClaimRef:
    return ClaimRef(
        claim.id,
        claim.article_id,
        claim.sentence,
        claim.valid_from,
        claim.side,
        claim.kind,
        claim.fraction,
        claim.confidence,
        deciding,
        used,
    )


def _imported_beneath(
    about: Sequence[Claim], day: date, imported: Sequence[ImportedArea], rules: StateRules
) -> tuple[ImportedRef, ...]:
    """Imported areas covering the place's point (the first claim in the order fixes it)."""
    if not about or not imported:
        return ()
    import shapely

    point = shapely.Point(about[0].lon, about[0].lat)
    found = []
    for area in imported:
        if not area.geometry.covers(point):
            continue
        fade = imported_fade_day(area, rules)
        found.append(ImportedRef(area.side, area.source, area.valid_on, fade, day < fade))
    return tuple(sorted(found, key=lambda r: (r.valid_on, r.side, r.source)))


def explain(
    place_id: str,
    day: date,
    claims: Iterable[Claim],
    rules: StateRules,
    imported: Sequence[ImportedArea] = (),
) -> Explanation:
    """The chain of claims that decides a place's state on ``day``, the rule that applied,
    what lies beneath it, and the claims that were left out and why."""
    mine = [c for c in claims if c.place_id == place_id]
    about = [c for c in usable_claims(mine, rules) if c.place_id == place_id]
    country = sorted(
        (
            c
            for c in mine
            if c.precision in IGNORED_PRECISIONS
            and c.status not in rules.ignored_statuses
            and c.valid_from <= day
        ),
        key=claim_order_key,
    )
    state = place_state_on(place_id, about, day, rules)
    deciding = set(state.claims)
    chain = [_ref(c, c.id in deciding) for c in about if c.valid_from <= day]
    chain += [_ref(c, False, used=False) for c in country]
    chain.sort(key=lambda r: r.valid_from)
    why = _REASONS.get(state.reason, state.reason)
    if any(is_constraint_claim(c) for c in about if c.valid_from <= day):
        why += "; partial claims about this region set a minimum share for their side"
    if country:
        why += (
            f"; {len(country)} claim(s) about the whole country are not used for control "
            "areas: a country names no ground to place"
        )
    beneath = _imported_beneath(about or country, day, imported, rules)
    for ref in beneath:
        source = f" ({ref.source})" if ref.source else ""
        if ref.in_force:
            why += (
                f"; beneath it, an area imported as held by {ref.side} on {ref.valid_on}"
                f"{source}, in force until {ref.fades_on} unless restated"
            )
        else:
            why += (
                f"; the area imported as held by {ref.side} on {ref.valid_on}{source} "
                f"faded on {ref.fades_on}, like an unconfirmed claim"
            )
    return Explanation(place_id, day, state, why, tuple(chain), beneath)
