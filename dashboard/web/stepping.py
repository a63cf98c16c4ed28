"""One move of the date (or of the filters): the smallest update that brings the page there.

The browser tells the server which day span each event slot already holds (``loaded``) and
which control snapshot the map shows (``shown``); the answer resends only slots whose span or
filters changed and the control layers only when the snapshot in force changed. A one-day
step with a seven-day window is therefore one day of events, two numbers for the cursor and
nothing else. Everything is derived from the store and the request: no server memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dash import Patch, no_update

from dashboard.web.control_changes import control_changes
from dashboard.web.figures import density
from dashboard.web.figures import map_figure as mf
from dashboard.web.figures import timeline as tl
from dashboard.web.panels import changes_heading, changes_panel
from dashboard.web.queries import StoreAccess
from dashboard.web.viewstate import N_SLOTS, ViewState, day_date, day_number, slot_plan


@dataclass
class StepResult:
    map_patch: Any
    timeline_patch: Any
    loaded: dict[str, Any]
    shown: dict[str, Any]
    changes: Any
    label: str
    ahead: dict[str, Any] | None = None


def step_ahead(
    access: StoreAccess,
    view: ViewState,
    level: int | None,
    forward: bool = True,
    snapshot_days: list[date] | None = None,
    snapshot: Callable[[date | None], Any] | None = None,
) -> dict[str, Any] | None:
    """What the next one-day step in the same direction will draw, sent in advance: one
    slot of events, and the control layers when a new snapshot takes force that day.

    The browser applies it the moment the date moves (``assets/conflictmap.js``), so a step
    redraws the map without waiting for the server; the step that follows then finds it drawn
    and sends only the rest. Only without a brushed range: a window's days rotate through the
    slots one at a time, a range's chunks do not. ``snapshot`` reads a change point's
    snapshot (the step's own reader, so a snapshot it has read is not read again).
    """
    if view.range is not None:
        return None
    target = view.day + timedelta(days=1 if forward else -1)
    entering = target if forward else target - timedelta(days=view.window - 1)
    number = day_number(entering)
    slot = number % view.window
    rows = access.event_rows(entering, entering, view)
    patch = Patch()
    for prop, value in mf.slot_update(rows, level).items():
        _assign(patch, slot, prop, value)
    ahead: dict[str, Any] = {
        "day": day_number(target),
        "key": view.filter_key(),
        "window": view.window,
        "level": level,
        "slot": str(slot),
        "entry": _slot_entry((number, number), len(rows["id"]), level),
        "count": len(rows["id"]),
    }
    days = access.store.control_snapshot_days() if snapshot_days is None else snapshot_days
    now, then = (access.snapshot_day(d, days) for d in (view.day, target))
    if then != now:
        read = snapshot or access.snapshot
        _patch_layers(patch, read(then), read(now))
        ahead["snapshot"] = then.isoformat() if then else None
    ahead["patch"] = patch.to_plotly_json()
    return ahead


def _words(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def take_ahead(
    loaded: dict[str, Any],
    ahead: dict[str, Any] | None,
    view: ViewState,
    level: int | None,
    shown: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """What the browser's ``stepAhead`` does when the date moves to ``view.day``: the loaded
    slots and shown control with the step ahead recorded, or None when it does not fit."""
    fits = (
        bool(ahead)
        and ahead.get("day") == day_number(view.day)
        and loaded.get("key") == ahead.get("key") == view.filter_key()
        and ahead.get("window") == view.window
        and ahead.get("level") == level
        and view.range is None
    )
    if not fits or ahead is None:
        return None
    drawn = {
        **loaded,
        "slots": {**loaded.get("slots", {}), ahead["slot"]: ahead["entry"]},
        "counts": {**loaded.get("counts", {}), ahead["slot"]: ahead["count"]},
    }
    control = dict(shown or {})
    if "snapshot" in ahead:
        control["snapshot"] = ahead["snapshot"]
    return drawn, control


def date_label(view: ViewState) -> str:
    lo, hi = view.visible_span()
    shown = _words(hi) if lo == hi else f"{_words(lo)} – {_words(hi)}"
    return f"{view.day.day} {view.day:%B %Y} · events {shown}"


def step(
    access: StoreAccess,
    view: ViewState,
    loaded: dict[str, Any] | None,
    shown: dict[str, Any] | None,
    *,
    level: int | None = None,
    force: bool = False,
) -> StepResult:
    """Patches for the map and timeline that move the page from ``loaded``/``shown`` to ``view``.

    ``level`` is the map's whole zoom level: crowded days are drawn merged at it (see
    :mod:`density`), and redrawn when it changes. ``force`` (after an ingest) treats the page
    as empty so everything is re-read.
    """
    loaded = loaded or {}
    shown = shown or {}
    key = view.filter_key()
    have: dict[str, list[int]] = (
        loaded.get("slots", {}) if (loaded.get("key") == key and not force) else {}
    )
    counts_had: dict[str, int] = loaded.get("counts", {}) if have else {}
    plan = slot_plan(view)
    map_patch = Patch()
    touched = False
    previous = loaded.get("slots", {})
    new_slots: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    for slot in range(N_SLOTS):
        want = plan.get(slot)
        now = have.get(str(slot))
        if want is None:
            if str(slot) in previous or force:
                for prop, value in mf.EMPTY_SLOT.items():
                    _assign(map_patch, slot, prop, value)
                touched = True
            continue
        if _reusable(now, want, level) and str(slot) in counts_had:
            new_slots[str(slot)] = list(now)
            counts[str(slot)] = counts_had[str(slot)]
            continue
        rows = access.event_rows(day_date(want[0]), day_date(want[1]), view)
        counts[str(slot)] = len(rows["id"])
        new_slots[str(slot)] = _slot_entry(want, len(rows["id"]), level)
        for prop, value in mf.slot_update(rows, level).items():
            _assign(map_patch, slot, prop, value)
        touched = True
    size = mf.marker_size(sum(counts.values()))
    if size != loaded.get("size") or force:
        for slot in range(N_SLOTS):
            _assign(map_patch, slot, "marker.size", size)
        touched = True

    snapshot_days = access.store.control_snapshot_days()
    in_force = access.snapshot_day(view.day, snapshot_days)
    in_force_key = in_force.isoformat() if in_force else None
    new_shown = dict(shown)
    read: dict[str | None, Any] = {}  # snapshots read in this step (in force = compared often)

    def snapshot_of(key: str | None) -> Any:
        if key not in read:
            read[key] = access.snapshot(date.fromisoformat(key) if key else None)
        return read[key]

    if force or shown.get("snapshot", "none") != in_force_key:
        drawn = None if force or "snapshot" not in shown else snapshot_of(shown["snapshot"])
        _patch_layers(map_patch, snapshot_of(in_force_key), drawn)
        new_shown["snapshot"] = in_force_key
        touched = True

    first, last = view.comparison_span()
    pair = [
        (d.isoformat() if d else None)
        for d in (
            access.snapshot_day(first, snapshot_days),
            access.snapshot_day(last, snapshot_days),
        )
    ]
    changes: Any = no_update
    span = [first.isoformat(), last.isoformat()]
    if force or shown.get("compare") != pair:
        before = snapshot_of(pair[0]) if pair[0] else None
        after = snapshot_of(pair[1]) if pair[1] else None
        places, areas = control_changes(before, after)
        changes = changes_panel(places, areas, (first, last))
        new_shown["compare"] = pair
    elif shown.get("span") != span:
        # the same two snapshots compared over another period: only the heading moves
        changes = Patch()
        changes[0] = changes_heading((first, last))
    new_shown["span"] = span

    timeline_patch = Patch()
    timeline_touched = False
    if force or shown.get("cursor") != view.day.isoformat():
        cursor = tl.cursor_shape(view.day)
        timeline_patch["layout"]["shapes"][tl.CURSOR_SHAPE]["x0"] = cursor["x0"]
        timeline_patch["layout"]["shapes"][tl.CURSOR_SHAPE]["x1"] = cursor["x1"]
        timeline_touched = True
    if view.range != _range_of(shown):
        band = tl.range_shape(view.range)
        for prop in ("x0", "x1", "visible"):
            timeline_patch["layout"]["shapes"][tl.RANGE_SHAPE][prop] = band[prop]
        timeline_touched = True
    new_shown["range"] = [d.isoformat() for d in view.range] if view.range else None
    new_shown["cursor"] = view.day.isoformat()

    previous_day = shown.get("cursor")
    forward = previous_day is None or view.day >= date.fromisoformat(previous_day)
    return StepResult(
        map_patch=map_patch if touched else no_update,
        timeline_patch=timeline_patch if timeline_touched else no_update,
        loaded={"key": key, "slots": new_slots, "counts": counts, "size": size},
        shown=new_shown,
        changes=changes,
        label=date_label(view),
        ahead=step_ahead(
            access,
            view,
            level,
            forward,
            snapshot_days,
            lambda d: snapshot_of(d.isoformat() if d else None),
        ),
    )


def _patch_layers(patch: Patch, fc: Any, drawn: Any | None) -> None:
    """Assign the control layers' sources for snapshot ``fc``; with the snapshot the map
    shows (``drawn``), only the layers that differ (a change point seldom moves every side,
    and each source replaced is tiled again)."""
    old = mf.control_layers(drawn) if drawn is not None else None
    for i, layer in enumerate(mf.control_layers(fc)):
        if old is None or old[i]["source"] != layer["source"]:
            patch["layout"]["map"]["layers"][i]["source"] = layer["source"]


def _slot_entry(span: tuple[int, int], count: int, level: int | None) -> list[int]:
    """What the browser is told a slot holds: its days and the level it was merged at (-1:
    one disc per event, whatever the zoom)."""
    merged = level is not None and count > density.MERGE_OVER
    return [span[0], span[1], level if merged and level is not None else -1]


def _reusable(now: list[int] | None, want: tuple[int, int], level: int | None) -> bool:
    if now is None or list(now[:2]) != [want[0], want[1]]:
        return False
    drawn_at = now[2] if len(now) > 2 else -1
    return drawn_at == -1 or drawn_at == level


def _range_of(shown: dict[str, Any]) -> tuple[date, date] | None:
    raw = shown.get("range")
    if not raw:
        return None
    return date.fromisoformat(raw[0]), date.fromisoformat(raw[1])


def _assign(patch: Patch, slot: int, prop: str, value: Any) -> None:
    trace = patch["data"][mf.slot_trace_index(slot)]
    if "." in prop:
        outer, inner = prop.split(".", 1)
        trace[outer][inner] = value
    else:
        trace[prop] = value


@dataclass
class FirstView:
    """What the page needs to open already showing ``view``: the map's event slots and
    control layers, and the stores and panels a later :func:`step` starts from."""

    slots: dict[int, dict[str, Any]]
    layers: list[dict[str, Any]]
    loaded: dict[str, Any]
    shown: dict[str, Any]
    changes: Any
    label: str
    ahead: dict[str, Any] | None = None


def first_view(access: StoreAccess, view: ViewState, level: int | None = None) -> FirstView:
    """The view drawn in full, for the layout served with the page (no callback needed).

    The ``loaded``/``shown`` stores describe exactly what is drawn, so the first :func:`step`
    (run when the page starts) finds nothing to resend.
    """
    slots: dict[int, dict[str, Any]] = {}
    new_slots: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    for slot, want in slot_plan(view).items():
        rows = access.event_rows(day_date(want[0]), day_date(want[1]), view)
        slots[slot] = mf.slot_update(rows, level)
        new_slots[str(slot)] = _slot_entry(want, len(rows["id"]), level)
        counts[str(slot)] = len(rows["id"])
    size = mf.marker_size(sum(counts.values()))
    for slot in range(N_SLOTS):
        slots.setdefault(slot, {})["marker.size"] = size
    snapshot_days = access.store.control_snapshot_days()
    in_force = access.snapshot_day(view.day, snapshot_days)
    read: dict[date | None, Any] = {}

    def snapshot_of(day: date | None) -> Any:
        if day not in read:
            read[day] = access.snapshot(day)
        return read[day]

    layers = mf.control_layers(snapshot_of(in_force))
    first, last = view.comparison_span()
    pair_days = [access.snapshot_day(d, snapshot_days) for d in (first, last)]
    before = snapshot_of(pair_days[0]) if pair_days[0] else None
    after = snapshot_of(pair_days[1]) if pair_days[1] else None
    places, areas = control_changes(before, after)
    shown = {
        "snapshot": in_force.isoformat() if in_force else None,
        "compare": [d.isoformat() if d else None for d in pair_days],
        "span": [first.isoformat(), last.isoformat()],
        "range": [d.isoformat() for d in view.range] if view.range else None,
        "cursor": view.day.isoformat(),
    }
    return FirstView(
        slots=slots,
        layers=layers,
        loaded={"key": view.filter_key(), "slots": new_slots, "counts": counts, "size": size},
        shown=shown,
        changes=changes_panel(places, areas, (first, last)),
        label=date_label(view),
        ahead=step_ahead(access, view, level, snapshot_days=snapshot_days, snapshot=snapshot_of),
    )


def apply_slots(figure: dict[str, Any], slots: dict[int, dict[str, Any]]) -> None:
    """Write :func:`first_view` slot properties into a figure dict, as a step's patch would."""
    for slot, props in slots.items():
        trace = figure["data"][mf.slot_trace_index(slot)]
        for prop, value in props.items():
            if "." in prop:
                outer, inner = prop.split(".", 1)
                trace.setdefault(outer, {})[inner] = value
            else:
                trace[prop] = value
