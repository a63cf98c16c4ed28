"""Find a place by name, in any spelling the gazetteer knows, and fly the map to it."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard.web import ids

# How close to zoom for each kind of place: a town fills the view, a province fits in it.
ZOOM_BY_KIND: dict[str, float] = {
    "continent": 2.5,
    "world_region": 3.5,
    "sea": 4.0,
    "country": 5.0,
    "admin1": 7.0,
    "governorate": 7.0,
    "admin2": 8.5,
    "district": 8.5,
    "region": 7.0,
    "river": 7.0,
}
DEFAULT_PLACE_ZOOM = 10.5


def register(app: Dash) -> None:
    @app.callback(
        Output(ids.FLY_TO, "data", allow_duplicate=True),
        Output(ids.SEARCH_RESULT, "children"),
        Input(ids.SEARCH_BUTTON, "n_clicks"),
        Input(ids.SEARCH_INPUT, "value"),
        State(ids.FLY_TO, "data"),
        prevent_initial_call=True,
    )
    def find(_clicks: int, name: str | None, previous: dict[str, Any] | None):
        if not name or not name.strip():
            raise PreventUpdate
        from dashboard.gazetteer import load_gazetteer

        try:
            found = load_gazetteer().lookup(name.strip(), limit=1)
        except Exception as exc:  # a missing gazetteer must not break the page
            return None, f"Place search unavailable: {exc}"
        if not found:
            return None, f"No place called “{name.strip()}” in the gazetteer"
        best = found[0]
        rev = int((previous or {}).get("n", 0)) + 1
        where = ", ".join(x for x in (best.admin1, best.country) if x)
        return (
            {
                "lat": best.lat,
                "lon": best.lon,
                "zoom": ZOOM_BY_KIND.get(best.kind, DEFAULT_PLACE_ZOOM),
                "rev": f"search-{rev}",
                "n": rev,
                "name": best.name,
            },
            f"{best.name} ({best.kind}{', ' + where if where else ''})",
        )
