"""A snapshot as one GeoJSON FeatureCollection: areas, frontlines and places, each traceable
to the claims behind it (what ``conflictmap control --date D --format geojson`` prints).

Every line of contact is a feature; its ``kind`` says what it is: ``frontline`` between
adversaries, ``boundary`` between sides that are not fighting, ``contested_edge`` along
contested ground (see :mod:`dashboard.control.relations`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from dashboard.control.areas import (
    CODE_NAMES,
    FROM_CONSTRAINT,
    FROM_PLACE,
    FROM_REGION,
    GroundPlace,
    merge_pieces,
)
from dashboard.control.geography import to_metric
from dashboard.control.state import PlaceState
from dashboard.control.timeline import ControlSnapshot
from dashboard.events.model import Claim

_AREA_KIND = {"contested": "contested", "neutral": "neutral"}
CODE_OF = {name: code for code, name in CODE_NAMES.items()}


def _claim_ref(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "sentence": claim.sentence,
        "date": claim.valid_from.isoformat(),
        "side": claim.side,
        "kind": claim.kind,
    }


def _sources(snapshot: ControlSnapshot, faces: np.ndarray) -> tuple[list[str], list[str]]:
    """Place ids and claim ids that decided these faces."""
    ground, own = snapshot.ground, snapshot.ownership
    places: set[str] = set()
    claims: set[str] = set()
    kinds, index = own.source_kind[faces], own.source_index[faces]
    for i in np.unique(index[kinds == FROM_PLACE]):
        pid = ground.places[i].id
        places.add(pid)
        claims.update(snapshot.place_states[pid].claims)
    for i in np.unique(index[kinds == FROM_REGION]):
        rid = ground.regions[i].id
        places.add(rid)
        claims.update(snapshot.place_states[rid].claims)
    for i in np.unique(index[kinds == FROM_CONSTRAINT]):
        constraint = snapshot.constraints[i]
        places.add(constraint.region_id)
        claims.update(constraint.claims)
    return sorted(places), sorted(claims)


@dataclass(frozen=True)
class OwnerParts:
    """One owner's area as connected parts: what its features' geometry and size come from,
    and which faces each part holds (what its places and claims come from)."""

    parts: np.ndarray  # lon/lat polygons
    km2: tuple[float, ...]
    faces: tuple[np.ndarray, ...]


def owner_parts(snapshot: ControlSnapshot, name: str) -> OwnerParts:
    """Merge one owner's pieces into connected parts and find the faces inside each."""
    ground, owner = snapshot.ground, snapshot.ownership.owner
    merged = merge_pieces(snapshot.areas[name])
    parts = shapely.get_parts(merged)
    metric_parts = to_metric(parts)
    faces = np.flatnonzero(owner == CODE_OF[name])
    points = ground._cache.get("face_points")
    if points is None:
        points = ground._cache["face_points"] = shapely.points(ground.face_xy)
    # each part, prepared once, against a tree of face points: far cheaper than testing
    # every point against unprepared parts, and the same pairs
    tree = shapely.STRtree(points[faces])
    pi, fi = tree.query(metric_parts, predicate="contains")
    return OwnerParts(
        parts,
        tuple(round(float(m.area) / 1e6, 3) for m in metric_parts),
        tuple(faces[fi[pi == k]] for k in range(len(parts))),
    )


def owner_properties(
    snapshot: ControlSnapshot, name: str, km2: float, faces: np.ndarray
) -> dict[str, Any]:
    """The properties of one part of an owner's area."""
    places, claims = _sources(snapshot, faces)
    return {
        "kind": _AREA_KIND.get(name, "area"),
        "side": name if name not in _AREA_KIND else None,
        "area_km2": km2,
        "places": places,
        "claims": claims,
    }


def owner_features(snapshot: ControlSnapshot, name: str) -> list[dict[str, Any]]:
    """The area features of one owner (a side, contested or neutral): one per connected part."""
    found = owner_parts(snapshot, name)
    return [
        {
            "type": "Feature",
            "geometry": shapely.geometry.mapping(part),
            "properties": owner_properties(snapshot, name, km2, faces),
        }
        for part, km2, faces in zip(found.parts, found.km2, found.faces, strict=True)
    ]


def frontline_features(snapshot: ControlSnapshot) -> list[dict[str, Any]]:
    """One feature per line of contact, in the snapshot's order."""
    return [
        {
            "type": "Feature",
            "geometry": shapely.geometry.mapping(line.geometry),
            "properties": {
                "kind": line.kind,
                "sides": list(line.sides),
                "length_km": line.length_km,
                "places": list(line.places),
            },
        }
        for line in snapshot.frontlines
    ]


def place_feature(
    place: GroundPlace, state: PlaceState, claims: Mapping[str, Claim]
) -> dict[str, Any]:
    """A place in a known state, with the claims that decided it."""
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "kind": "place",
            "id": place.id,
            "name": place.name,
            "side": state.side,
            "sides": list(state.sides),
            "state": state.state,
            "confidence": state.confidence,
            "reason": state.reason,
            "claims": [_claim_ref(claims[c]) for c in state.claims],
        },
    }


def snapshot_to_geojson(snapshot: ControlSnapshot) -> dict[str, Any]:
    """FeatureCollection: one feature per connected area of an owner, per frontline, per place."""
    features: list[dict[str, Any]] = []
    for name in sorted(snapshot.areas):
        features.extend(owner_features(snapshot, name))
    features.extend(frontline_features(snapshot))
    for place in snapshot.ground.places:
        state = snapshot.place_states.get(place.id)
        if state is None or state.state == "unknown":
            continue
        features.append(place_feature(place, state, snapshot.claims))
    return {
        "type": "FeatureCollection",
        "properties": {
            "date": snapshot.date.isoformat(),
            "area_km2": dict(snapshot.area_km2),
            "unmet_constraints": [list(u) for u in snapshot.unmet_constraints],
        },
        "features": features,
    }


def same_features(a: ControlSnapshot, b: ControlSnapshot) -> bool:
    """Whether two snapshots give the same features (dates aside), without building them.

    Snapshots recomputed after new claims are new objects, most of them showing what they
    showed before; this tells so from what :func:`snapshot_to_geojson` reads (ground, owners
    and what decided them, pieces, lines, constraints, the state of every place), so only the
    ones that really changed are converted and stored again. Claims are compared by id only:
    a caller must not have changed a known claim's content in between.
    """
    if a.ground is not b.ground:
        return False
    own_a, own_b = a.ownership, b.ownership
    if not (
        np.array_equal(own_a.owner, own_b.owner)
        and np.array_equal(own_a.source_kind, own_b.source_kind)
        and np.array_equal(own_a.source_index, own_b.source_index)
        and a.constraints == b.constraints
    ):
        return False
    if a.areas.keys() != b.areas.keys() or any(
        len(a.areas[name]) != len(b.areas[name])
        or any(
            p is not q and shapely.to_wkb(p) != shapely.to_wkb(q)
            for p, q in zip(a.areas[name], b.areas[name], strict=True)
        )
        for name in a.areas
    ):
        return False
    if len(a.frontlines) != len(b.frontlines) or any(
        (f.sides, f.kind, f.length_km, f.places) != (g.sides, g.kind, g.length_km, g.places)
        or shapely.to_wkb(f.geometry) != shapely.to_wkb(g.geometry)
        for f, g in zip(a.frontlines, b.frontlines, strict=True)
    ):
        return False
    return _same_states(a.place_states, b.place_states)


def _same_states(a: Any, b: Any) -> bool:
    """Every place's state equal; histories shared by both snapshots are skipped unread."""
    from dashboard.control.timeline import StatesOn

    if isinstance(a, StatesOn) and isinstance(b, StatesOn) and a.day == b.day:
        if a.histories.keys() != b.histories.keys():
            return False
        return all(
            hist is b.histories[pid] or hist.on(a.day) == b.histories[pid].on(b.day)
            for pid, hist in a.histories.items()
        )
    return a.keys() == b.keys() and all(a[pid] == b[pid] for pid in a)
