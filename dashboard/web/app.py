"""The Dash app factory: settings in, a ready app out; no globals, so tests build their own.

The layout is a function: every page load reads the store's period, sources and places, so a
newly ingested article shows up on reload without restarting the server.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import flask
from dash import Dash, html

from dashboard.config import Settings, assets_dir
from dashboard.geodata import attributions
from dashboard.web import delivery, layout
from dashboard.web.basemap import offline_style
from dashboard.web.callbacks import about, search, selection, story, time, upload, view
from dashboard.web.figures.density import detail_level
from dashboard.web.figures.map_figure import (
    DEFAULT_ZOOM,
    map_figure_json,
    place_style_layers,
    places_collection,
)
from dashboard.web.plotly_config import graph_config
from dashboard.web.queries import ALL_PRECISIONS, ALL_SIDES, ALL_TYPES, StoreAccess
from dashboard.web.stepping import apply_slots, first_view
from dashboard.web.viewstate import ViewState, day_date, day_number, parse_query, view_from_controls

# Shown when the store is empty: the autumn 2017 campaign the demo covers.
EMPTY_PERIOD = (date(2017, 9, 1), date(2017, 12, 31))


def _places(access: StoreAccess, samples: int = 6) -> dict[str, Any]:
    """Towns to label: those shown by a few change points spread over the store's period, the
    ones whose holder differs between the first and the last of them ranked first (they are
    what the period is about). The last change point alone is often the day every claim has
    aged out, showing no town at all. Kept per process under the digests of the change points
    read, so a page load reads them again only after the store changed."""
    digests = access.store.control_snapshot_digests()
    days = list(digests)
    if not days:
        return places_collection([])
    step = max(1, (len(days) - 1) // max(1, samples - 1))
    picked = tuple(sorted({*days[::step], days[-1]}))
    key = (access.store.identity, picked, tuple(digests[d] for d in picked))
    if None in key[2]:  # a store written before days carried digests: nothing to key on
        return _places_on(access, picked)
    found = _PLACES.get(key)
    if found is None:
        found = _PLACES[key] = _places_on(access, picked)
        while len(_PLACES) > 4:
            _PLACES.pop(next(iter(_PLACES)))
    return found


_PLACES: dict[tuple[Any, ...], dict[str, Any]] = {}


def _places_on(access: StoreAccess, days: tuple[date, ...]) -> dict[str, Any]:
    seen: dict[str, list[tuple[str | None, float, float]]] = {}
    for day in days:
        for f in access.snapshot(day)["features"]:
            p = f.get("properties") or {}
            g = f.get("geometry") or {}
            if p.get("kind") == "place" and p.get("name") and g.get("type") == "Point":
                side = p.get("side") or p.get("state")
                seen.setdefault(p["name"], []).append((side, *g["coordinates"][:2]))
    rows = []
    for name, states in seen.items():
        changed = states[0][0] != states[-1][0]
        rows.append((name, states[-1][1], states[-1][2], 2 if changed else 1))
    return places_collection(rows)


def _page_search() -> str:
    """The query string of the page the layout is requested for (``?date=…``), or ``""``.

    The renderer asks for the layout from the page itself, so the request's referrer is the
    page's address; without one the page opens on the default view and the shared-URL
    callback applies the query as before.
    """
    if not flask.has_request_context():
        return ""
    query = urlsplit(flask.request.referrer or "").query
    return f"?{query}" if query else ""


def _opening_view(
    search: str, bounds: tuple[date, date], sources: tuple[str, ...], fallback: date
) -> ViewState:
    """The view a page opened at ``search`` shows, read exactly as the controls would be.

    The same reading as the shared-URL callback (a date outside the period is clamped) and
    then as :func:`view_of`, so the first step finds the stores already up to date.
    """
    first, last = bounds
    if not search:
        return ViewState(day=last)
    parsed = parse_query(search, ViewState(day=fallback))
    lo, hi = day_number(first), day_number(last)
    view = view_from_controls(
        min(max(day_number(parsed.day), lo), hi),
        {"from": parsed.range[0].isoformat(), "to": parsed.range[1].isoformat()}
        if parsed.range
        else None,
        parsed.window,
        parsed.by,
        list(parsed.sides) if parsed.sides is not None else None,
        list(parsed.types) if parsed.types is not None else None,
        list(parsed.sources) if parsed.sources is not None else None,
        list(parsed.precisions) if parsed.precisions is not None else None,
        parsed.min_confidence,
        all_sides=ALL_SIDES,
        all_types=ALL_TYPES,
        all_sources=sources,
        all_precisions=ALL_PRECISIONS,
        fallback_day=day_date(hi),
    )
    return replace(view, event=parsed.event, map_view=parsed.map_view)


def _control_cache(size: int) -> Any:
    """This app's control series cache (None when the pipeline is not installed)."""
    try:
        from dashboard.pipeline import ControlCache
    except ImportError:
        return None
    return ControlCache(size=size)


def create_app(settings: Settings) -> Dash:
    server = flask.Flask(__name__)
    delivery.configure_compression(server)
    app = Dash(
        __name__,
        server=server,
        title="conflictmap",
        assets_folder=str(assets_dir()),
        serve_locally=True,
        update_title=None,
        compress=True,
    )
    app.server.config["CONFLICTMAP_SETTINGS"] = settings
    delivery.serve_assets_whole(server, app.config.requests_pathname_prefix)
    app.index_string = delivery.with_early_requests(
        app.index_string, app.config.requests_pathname_prefix
    )
    access = StoreAccess(settings.store_url)
    limit_mb = settings.upload_limit_mb
    config = graph_config()
    credits = attributions()
    base_style = offline_style()

    def period() -> tuple[date, date]:
        return access.day_bounds(EMPTY_PERIOD)

    fallback = EMPTY_PERIOD

    def page() -> html.Div:
        first, last = period()
        sources = access.sources()
        query = _page_search()
        view_state = _opening_view(query, (first, last), sources, fallback[1])
        data = layout.PageData(
            first_day=first,
            last_day=last,
            view=view_state,
            sources=sources,
            sides=ALL_SIDES,
            types=ALL_TYPES,
            precisions=ALL_PRECISIONS,
            upload_limit_mb=limit_mb,
        )
        # The page opens drawn: events, control and date label come with the layout, and the
        # stores say what is drawn, so the first step (and any later one) sends only changes.
        shown_view = view_state.map_view
        level = detail_level(shown_view.zoom if shown_view else None, DEFAULT_ZOOM)
        opening = first_view(access, view_state, level)
        figure = map_figure_json(
            place_style_layers(base_style, _places(access)),
            center={"lat": shown_view.lat, "lon": shown_view.lon} if shown_view else None,
            zoom=shown_view.zoom if shown_view else DEFAULT_ZOOM,
            layers=opening.layers,
        )
        apply_slots(figure, opening.slots)
        selected_day = None
        if view_state.event:
            event = access.store.event(view_state.event)
            selected_day = event.date if event else None
        timeline = view.timeline_for(
            access,
            view_state.by,
            list(view_state.sides) if view_state.sides is not None else None,
            list(view_state.types) if view_state.types is not None else None,
            view_state.day,
            view_state.range,
            (first, last),
            selected_day,
            view_state,
        )
        stats = access.store.stats()
        counts = stats.get("counts", {})
        status = (
            f"{counts.get('events', 0):,} events from {counts.get('articles', 0):,} articles · "
            f"{counts.get('control_snapshots', 0):,} control change points · store: "
            f"{stats.get('backend', '?')}"
        )
        return layout.page(
            figure,
            config,
            credits,
            data,
            timeline,
            status,
            opening=layout.Opening(
                loaded=opening.loaded,
                shown=opening.shown,
                changes=opening.changes,
                label=opening.label,
                search=query,
                level=level,
                ahead=opening.ahead,
            ),
        )

    app.layout = page
    # Callbacks need the period only as a fallback date; it is re-read on every page load.
    about.register(app)
    time.register(app, fallback)
    view.register(app, access, fallback)
    selection.register(app, access, fallback)
    search.register(app)
    upload.register(
        app, access, layout.upload_limit_bytes(limit_mb), _control_cache(settings.control_cache)
    )
    story.register(app, access)
    # Dash registers its script bundles on the first request; under threaded gunicorn a
    # second request arriving in that gap gets a 500 for every bundle. Do it up front.
    with app.server.test_request_context("/"):
        app._setup_server()
    return app
