"""Who holds each place on each day, decided from control claims by a few explicit rules.

The rules, in the order they are applied to the claims about one place up to a day:

1. *Contested inside.* A ``contested`` claim (forces entered, fighting inside), or a
   ``partial`` claim about a point place (a split city), makes the place contested until a
   strictly later ``full`` claim. A full claim on the same day wins: it is the stronger
   statement and usually reports the end of the fighting.
2. *Latest claim wins.* Otherwise the latest ``full`` claim names the holder.
3. *Conflicting reports.* If another side was named holder by a full claim within
   ``contest_window_days`` before the latest one, the place is contested, unless the latest
   side's support there is at least ``dominance_ratio`` times the strongest other side's. A
   capture reports a change of hands, so the loser's claims up to its day are the state it
   ended, not a conflicting report ("ISIS still holds Hawija" on the 2nd, "Iraqi forces
   retook Hawija" on the 5th).
4. *Confirmation and decay.* The holder's confidence combines every agreeing claim since
   the place last changed hands (noisy-or), each halved every ``half_life_days`` of age.
   Below ``confidence_floor`` the place reverts to unknown, and the ground falls back to
   whatever lies beneath it (a region claim, an imported area, or neutral).

Claims about a governorate or district are handled by the same rules for ``full`` and
``contested`` claims (the region is a place with a polygon). ``partial`` claims about a
region are not holders: they become :class:`PartialConstraint` values that
:mod:`dashboard.control.areas` uses to give the side at least its stated share.

Everything is a pure function of the claims; claims are sorted by :func:`claim_order_key`
first, so the result never depends on insertion order.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from dashboard.events.model import Claim

REGION_PRECISIONS = ("governorate", "district")
IGNORED_PRECISIONS = ("country",)

HELD = "held"
CONTESTED = "contested"
UNKNOWN = "unknown"

# the newest agreeing claims that count towards confidence; older ones add next to nothing
MAX_SUPPORT = 8
# the claims before a day that can decide it (the latest full claim, its window, the fighting
# since, and MAX_SUPPORT agreeing claims all lie among them in any realistic stream)
DECISION_TAIL = 48

_KIND_RANK = {"full": 0, "partial": 1, "contested": 2}


@dataclass(frozen=True)
class StateRules:
    """The parameters of the state rules; the defaults suit wire copy on a slow campaign."""

    contest_window_days: int = 3
    half_life_days: float = 90.0
    confidence_floor: float = 0.2
    dominance_ratio: float = 3.0
    ignored_statuses: frozenset[str] = frozenset({"rejected"})


@dataclass(frozen=True)
class PlaceState:
    """The state of one place on one day and the claims that decide it."""

    place_id: str
    state: str  # held | contested | unknown
    side: str | None  # the holder when held
    sides: tuple[str, ...]  # every side involved (the holder alone when held)
    confidence: float
    reason: str
    claims: tuple[str, ...]  # ids of the deciding claims, oldest first

    @property
    def key(self) -> tuple[str, str | None, tuple[str, ...]]:
        """What the map depends on: a change of this key is a change point."""
        return (self.state, self.side, self.sides)


@dataclass(frozen=True)
class PartialConstraint:
    """A side holds at least ``fraction`` of a region (``fraction`` None: presence only)."""

    region_id: str
    side: str
    fraction: float | None
    confidence: float
    claims: tuple[str, ...]


def claim_order_key(claim: Claim) -> tuple:
    """A total order on claims, so every result is independent of insertion order."""
    return (
        claim.valid_from,
        _KIND_RANK.get(claim.kind, 9),
        claim.side,
        -claim.confidence,
        claim.id,
    )


def evidence_date(claim: Claim) -> date:
    """The day a claim was last true as far as its source knows (for decay).

    A report published later that restates an old capture is fresh evidence, so an optional
    ``extra["reported_on"]`` (ISO date) later than ``valid_from`` is used when present.
    """
    if not claim.extra:
        return claim.valid_from
    reported = claim.extra.get("reported_on")
    if reported is None:
        return claim.valid_from
    if isinstance(reported, str):
        try:
            reported_day = date.fromisoformat(reported[:10])
        except ValueError:
            return claim.valid_from
        return max(reported_day, claim.valid_from)
    if isinstance(reported, date):
        return max(reported, claim.valid_from)
    return claim.valid_from


def is_region_claim(claim: Claim) -> bool:
    return claim.precision in REGION_PRECISIONS


def is_constraint_claim(claim: Claim) -> bool:
    """Partial claims about a region constrain areas instead of naming a holder."""
    return claim.kind == "partial" and is_region_claim(claim)


def usable_claims(claims: Iterable[Claim], rules: StateRules) -> list[Claim]:
    """Claims that can decide anything, in the total order."""
    kept = [
        c
        for c in claims
        if c.status not in rules.ignored_statuses and c.precision not in IGNORED_PRECISIONS
    ]
    return sorted(kept, key=claim_order_key)


def decayed(confidence: float, age_days: int, rules: StateRules) -> float:
    if age_days <= 0:
        return confidence
    return confidence * 0.5 ** (age_days / rules.half_life_days)


def combined(claims: Sequence[Claim], day: date, rules: StateRules) -> float:
    """Noisy-or of the decayed confidences: more agreeing reports, more confidence."""
    miss = 1.0
    for claim in claims:
        age = (day - evidence_date(claim)).days
        miss *= 1.0 - min(max(decayed(claim.confidence, age, rules), 0.0), 1.0)
    return 1.0 - miss


def _unknown(place_id: str, reason: str, claims: tuple[str, ...] = ()) -> PlaceState:
    return PlaceState(place_id, UNKNOWN, None, (), 0.0, reason, claims)


def _is_fighting(claim: Claim) -> bool:
    return claim.kind == "contested" or (claim.kind == "partial" and not is_region_claim(claim))


class _Rec(NamedTuple):
    """What the state rules read of a claim, with its days as ordinals (no date arithmetic
    and no ``extra`` lookups in the inner loops)."""

    day: int
    full: bool
    fighting: bool
    contested: bool
    side: str
    confidence: float
    evidence: int
    id: str
    change: bool = False  # reports a change of hands (a capture), not a state
    doubtful_from: str | None = None  # the loser, when the text names no winner


# Claim frames that report a place changing hands (see ``dashboard.events.classify``).
CHANGE_FRAMES = frozenset({"take", "take_pass", "take_noun", "expel", "expelled", "lose", "leave"})


def _rec(claim: Claim) -> _Rec:
    return _Rec(
        claim.valid_from.toordinal(),
        claim.kind == "full",
        _is_fighting(claim),
        claim.kind == "contested",
        claim.side,
        claim.confidence,
        evidence_date(claim).toordinal(),
        claim.id,
        claim.extra.get("frame") in CHANGE_FRAMES,
        claim.extra.get("loser") if claim.extra.get("gainer_inferred") else None,
    )


def _credible(fulls: Sequence[_Rec]) -> list[_Rec]:
    """Full claims without the inferred winners of a loss by a side that did not hold the
    place: "ISIS lost Raqqa", read as a government gain, says nothing once the SDF hold it."""
    out: list[_Rec] = []
    holder: str | None = None
    for r in fulls:
        if r.doubtful_from and holder is not None and holder not in (r.doubtful_from, r.side):
            continue
        out.append(r)
        holder = r.side
    return out


def _combined(recs: Sequence[_Rec], day: int, half_life: float) -> float:
    """:func:`combined` on ordinals: the same arithmetic in the same order, so the same floats."""
    miss = 1.0
    for r in recs:
        age = day - r.evidence
        c = r.confidence if age <= 0 else r.confidence * 0.5 ** (age / half_life)
        if c > 1.0:
            c = 1.0
        elif c < 0.0:
            c = 0.0
        miss *= 1.0 - c
    return 1.0 - miss


def _decide(
    fulls: Sequence[_Rec], fights: Sequence[_Rec], rules: StateRules
) -> tuple[str, str | None, tuple[str, ...], str, Sequence[_Rec]]:
    """State, holder, sides, reason and supporting claims, before decay is applied.

    ``fulls`` and ``fights`` are the full and fighting claims among the deciding tail, in order.
    """
    fulls = _credible(fulls)
    last_full = fulls[-1].day if fulls else None
    if fights and (last_full is None or fights[-1].day > last_full):
        since = fights if last_full is None else [r for r in fights if r.day > last_full]
        named = {r.side for r in since}
        if fulls:
            named.add(fulls[-1].side)
        reason = "fighting_inside" if any(r.contested for r in since) else "split_control"
        return CONTESTED, None, tuple(sorted(named)), reason, since
    assert fulls and last_full is not None
    side = fulls[-1].side
    window_start = last_full - rules.contest_window_days
    k = len(fulls)
    while k > 0 and fulls[k - 1].day >= window_start:
        k -= 1
    window = fulls[k:]
    changed = max((r.day for r in window if r.side == side and r.change), default=None)
    if changed is not None:
        # the state the capture ended is no conflicting report
        window = [r for r in window if r.side == side or r.day > changed]
    named = {r.side for r in window}
    if len(named) > 1:
        support = {
            s: _combined([r for r in window if r.side == s], last_full, rules.half_life_days)
            for s in sorted(named)
        }
        strongest_other = max(v for s, v in support.items() if s != side)
        if support[side] < rules.dominance_ratio * strongest_other:
            return CONTESTED, None, tuple(sorted(support)), "conflicting_reports", window
    # the agreeing run since the last full claim naming someone else (newest MAX_SUPPORT)
    run: list[_Rec] = []
    for r in reversed(fulls):
        if r.side != side:
            if r.day < window_start:
                break
            continue
        run.append(r)
        if len(run) == MAX_SUPPORT:
            break
    run.reverse()
    reason = "confirmed" if len(run) > 1 else "latest_claim"
    if len(named) > 1:
        reason = "outweighs_conflicting_reports"
    return HELD, side, (side,), reason, run


def _decision(
    place_id: str, active: Sequence[Claim], rules: StateRules
) -> tuple[str, str | None, tuple[str, ...], str, list[Claim]]:
    """State, holder, sides, reason and supporting claims, before decay is applied."""
    recs = [_rec(c) for c in active]
    back = {id(r): c for r, c in zip(recs, active, strict=True)}
    state, side, sides, reason, support = _decide(
        [r for r in recs if r.full], [r for r in recs if r.fighting], rules
    )
    return state, side, sides, reason, [back[id(r)] for r in support]


def place_state_on(
    place_id: str, claims: Sequence[Claim], day: date, rules: StateRules
) -> PlaceState:
    """The state of one place on ``day`` from its claims (sorted by :func:`claim_order_key`).

    The reference the histories are tested against: it decides one day from scratch.
    """
    deciding = [c for c in claims if not is_constraint_claim(c)]
    cut = bisect_right([c.valid_from for c in deciding], day)
    active = deciding[:cut]
    if not active:
        return _unknown(place_id, "no_claim")
    state, side, sides, reason, support = _decision(place_id, active[-DECISION_TAIL:], rules)
    ids = tuple(c.id for c in support)
    confidence = combined(support, day, rules)
    if confidence < rules.confidence_floor:
        return _unknown(place_id, "decayed", ids)
    return PlaceState(place_id, state, side, sides, round(confidence, 6), reason, ids)


@dataclass(frozen=True)
class StateHistory:
    """The states of one place as a step function: ``states[i]`` holds from ``starts[i]``.

    Only days where the state key changes are kept, so ``starts`` are the place's change
    points (claims that change the holder, and days when confidence decays below the floor).
    """

    place_id: str
    starts: tuple[date, ...]
    states: tuple[PlaceState, ...]

    def on(self, day: date) -> PlaceState:
        i = bisect_right(self.starts, day) - 1
        if i < 0:
            return _unknown(self.place_id, "no_claim")
        return self.states[i]


def _decay_day(
    support: Sequence[_Rec], start: int, end: int | None, rules: StateRules
) -> int | None:
    """The first day after ``start`` (and before ``end``) when the support decays below the floor.

    Confidence only falls between claims, so a bisection over days finds the crossing, and
    support still above the floor on ``end`` (the usual case: the next claim comes first)
    cannot cross before it.
    """
    if not support:
        return None
    half_life, floor = rules.half_life_days, rules.confidence_floor
    if end is not None and _combined(support, end, half_life) >= floor:
        return None
    newest = max(r.evidence for r in support)
    best = max(r.confidence for r in support)
    if best <= 0:
        return None
    # noisy-or of n claims is below n * max; that bounds the search
    bound = half_life * math.log2(max(1.0, len(support) * best / floor))
    hi = max(start, newest) + math.ceil(bound) + 1
    if end is not None:
        hi = min(hi, end)
    lo = start
    if _combined(support, lo, half_life) < floor:
        return None
    while hi - lo > 1:
        mid = lo + (hi - lo) // 2
        if _combined(support, mid, half_life) < floor:
            hi = mid
        else:
            lo = mid
    if end is not None and hi >= end:
        return None
    return hi


def place_history(place_id: str, claims: Iterable[Claim], rules: StateRules) -> StateHistory:
    """All change points of one place: evaluate at each claim day and at each decay crossing.

    One pass over the claims: the full and fighting claims of the deciding tail are kept as
    growing lists with a moving start, so each claim day costs the few claims that decide it
    rather than a scan of the tail (the reference :func:`place_state_on` gives the same states).
    """
    ordered = [c for c in usable_claims(claims, rules) if not is_constraint_claim(c)]
    return _history(place_id, ordered, rules)


def _history(place_id: str, claims: Sequence[Claim], rules: StateRules) -> StateHistory:
    """:func:`place_history` of claims already usable, deciding and in the total order."""
    ordered = [_rec(c) for c in claims]
    half_life, floor = rules.half_life_days, rules.confidence_floor
    starts: list[date] = []
    states: list[PlaceState] = []
    gone = (UNKNOWN, None, ())
    last: tuple | None = None  # the key of the last state kept

    fulls: list[_Rec] = []
    full_at: list[int] = []
    fights: list[_Rec] = []
    fight_at: list[int] = []
    f0 = g0 = 0
    n = len(ordered)
    i = 0
    while i < n:
        day = ordered[i].day
        while i < n and ordered[i].day == day:
            r = ordered[i]
            if r.full:
                fulls.append(r)
                full_at.append(i)
            elif r.fighting:
                fights.append(r)
                fight_at.append(i)
            i += 1
        nxt = ordered[i].day if i < n else None
        lo = i - DECISION_TAIL
        while f0 < len(full_at) and full_at[f0] < lo:
            f0 += 1
        while g0 < len(fight_at) and fight_at[g0] < lo:
            g0 += 1
        state, side, sides, reason, support = _decide(fulls[f0:], fights[g0:], rules)
        confidence = _combined(support, day, half_life)
        # states are built only where the key changes: most claim days restate the holder
        if confidence < floor:
            if last != gone:
                starts.append(date.fromordinal(day))
                states.append(_unknown(place_id, "decayed", tuple(r.id for r in support)))
                last = gone
            continue
        if last != (state, side, sides):
            ids = tuple(r.id for r in support)
            starts.append(date.fromordinal(day))
            states.append(
                PlaceState(place_id, state, side, sides, round(confidence, 6), reason, ids)
            )
            last = (state, side, sides)
        fades = _decay_day(support, day, nxt, rules)
        if fades is not None:
            starts.append(date.fromordinal(fades))
            states.append(_unknown(place_id, "decayed", tuple(r.id for r in support)))
            last = gone
    return StateHistory(place_id, tuple(starts), tuple(states))


def constraints_on(
    claims: Iterable[Claim], day: date, rules: StateRules
) -> list[PartialConstraint]:
    """Partial region claims in force on ``day``: the latest per (region, side), not decayed
    and not overtaken by a later full or contested claim about the same region."""
    ordered = usable_claims(claims, rules)
    latest_region_claim: dict[str, date] = {}
    partial: dict[tuple[str, str], Claim] = {}
    for claim in ordered:
        if claim.valid_from > day or not is_region_claim(claim):
            continue
        if is_constraint_claim(claim):
            partial[(claim.place_id, claim.side)] = claim
        else:
            latest_region_claim[claim.place_id] = claim.valid_from
    found = []
    for (region, side), claim in sorted(partial.items()):
        overtaken = latest_region_claim.get(region)
        if overtaken is not None and overtaken > claim.valid_from:
            continue
        confidence = combined([claim], day, rules)
        if confidence < rules.confidence_floor:
            continue
        found.append(PartialConstraint(region, side, claim.fraction, confidence, (claim.id,)))
    return found


def constraint_change_days(claims: Iterable[Claim], rules: StateRules) -> list[date]:
    """Days on which the set of partial constraints may change (claim days, decay days)."""
    days: set[date] = set()
    for claim in usable_claims(claims, rules):
        if not is_region_claim(claim):
            continue
        days.add(claim.valid_from)
        if is_constraint_claim(claim) and claim.confidence > rules.confidence_floor:
            # the day its decayed confidence first falls below the floor
            age = rules.half_life_days * math.log2(claim.confidence / rules.confidence_floor)
            days.add(evidence_date(claim) + timedelta(days=math.floor(age) + 1))
    return sorted(days)


def histories(claims: Iterable[Claim], rules: StateRules) -> dict[str, StateHistory]:
    """The history of every place named by a non-constraint claim."""
    by_place: dict[str, list[Claim]] = {}
    for claim in usable_claims(claims, rules):
        if not is_constraint_claim(claim):
            by_place.setdefault(claim.place_id, []).append(claim)
    return {pid: _history(pid, cs, rules) for pid, cs in sorted(by_place.items())}
