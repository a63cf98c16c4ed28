"""The map figure: Plotly MapLibre traces drawn over the offline basemap style."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

# Western Anbar and Deir ez-Zor: where the 2017 campaign the demo covers took place.
DEFAULT_CENTER = {"lat": 34.6, "lon": 41.0}
DEFAULT_ZOOM = 6.2


def base_map_figure(
    style: dict[str, Any],
    *,
    center: dict[str, float] | None = None,
    zoom: float = DEFAULT_ZOOM,
    uirevision: str = "map",
) -> go.Figure:
    """An empty map on the offline style; ``uirevision`` keeps pan and zoom across updates."""
    fig = go.Figure(go.Scattermap(lat=[], lon=[], mode="markers", name="events", hoverinfo="skip"))
    fig.update_layout(
        map={"style": style, "center": center or DEFAULT_CENTER, "zoom": zoom},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        showlegend=False,
        uirevision=uirevision,
        paper_bgcolor="rgba(0,0,0,0)",
    )
    return fig
