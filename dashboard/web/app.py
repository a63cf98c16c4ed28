"""The Dash app factory: settings in, a ready app out; no globals, so tests build their own.

The layout is a function: every page load reads the store's period, sources and places, so a
newly ingested article shows up on reload without restarting the server.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import Dash, html

from dashboard.config import Settings, assets_dir
from dashboard.geodata import attributions
from dashboard.web import layout
from dashboard.web.basemap import offline_style
from dashboard.web.callbacks import about, search, selection, story, time, upload, view
from dashboard.web.figures.map_figure import base_map_figure, place_style_layers, places_collection
from dashboard.web.plotly_config import graph_config
from dashboard.web.queries import ALL_PRECISIONS, ALL_SIDES, ALL_TYPES, StoreAccess
from dashboard.web.viewstate import ViewState

# Shown when the store is empty: the autumn 2017 campaign the demo covers.
EMPTY_PERIOD = (date(2017, 9, 1), date(2017, 12, 31))


def _places(access: StoreAccess) -> dict[str, Any]:
    """Towns to label: those in the first and last control snapshots, the ones that changed
    hands between them ranked first (they are what the period is about)."""
    days = access.store.control_snapshot_days()
    if not days:
        return places_collection([])
    first, last = access.snapshot(days[0]), access.snapshot(days[-1])

    def holders(fc: dict[str, Any]) -> dict[str, tuple[str | None, float, float]]:
        out = {}
        for f in fc["features"]:
            p = f.get("properties") or {}
            g = f.get("geometry") or {}
            if p.get("kind") == "place" and p.get("name") and g.get("type") == "Point":
                out[p["name"]] = (p.get("side") or p.get("state"), *g["coordinates"][:2])
        return out

    before, after = holders(first), holders(last)
    rows = []
    for name, (side, lon, lat) in {**before, **after}.items():
        changed = name in before and name in after and before[name][0] != side
        rows.append((name, lon, lat, 2 if changed else 1))
    return places_collection(rows)


def create_app(settings: Settings) -> Dash:
    app = Dash(
        __name__,
        title="conflictmap",
        assets_folder=str(assets_dir()),
        serve_locally=True,
        update_title=None,
        compress=True,
    )
    app.server.config["CONFLICTMAP_SETTINGS"] = settings
    access = StoreAccess(settings.store_url)
    limit_mb = settings.upload_limit_mb
    config = graph_config()
    credits = attributions()
    base_style = offline_style()

    def period() -> tuple[date, date]:
        return access.day_bounds(EMPTY_PERIOD)

    def page() -> html.Div:
        first, last = period()
        data = layout.PageData(
            first_day=first,
            last_day=last,
            view=ViewState(day=last),
            sources=access.sources(),
            sides=ALL_SIDES,
            types=ALL_TYPES,
            precisions=ALL_PRECISIONS,
            upload_limit_mb=limit_mb,
        )
        figure = base_map_figure(place_style_layers(base_style, _places(access)))
        timeline = view.timeline_for(access, "side", None, None, last, None, (first, last))
        stats = access.store.stats()
        counts = stats.get("counts", {})
        status = (
            f"{counts.get('events', 0):,} events from {counts.get('articles', 0):,} articles · "
            f"{counts.get('control_snapshots', 0):,} control change points · store: "
            f"{stats.get('backend', '?')}"
        )
        return layout.page(figure, config, credits, data, timeline, status)

    app.layout = page
    # Callbacks need the period only as a fallback date; it is re-read on every page load.
    fallback = EMPTY_PERIOD
    about.register(app)
    time.register(app, fallback)
    view.register(app, access, fallback)
    selection.register(app, access, fallback)
    search.register(app)
    upload.register(app, access, layout.upload_limit_bytes(limit_mb))
    story.register(app, access)
    # Dash registers its script bundles on the first request; under threaded gunicorn a
    # second request arriving in that gap gets a 500 for every bundle. Do it up front.
    with app.server.test_request_context("/"):
        app._setup_server()
    return app
