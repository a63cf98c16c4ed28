"""Page structure only: which components exist and where. No data access, no callbacks."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.web import ids


def about_panel(attributions: list[str]) -> html.Div:
    """Data sources and licences, shown as plain text (never as HTML)."""
    return html.Div(
        id=ids.ABOUT_PANEL,
        className="about-panel",
        hidden=True,
        children=[
            html.Div(
                className="about-card",
                children=[
                    html.H2("About conflictmap"),
                    html.P(
                        "Territorial control and frontlines derived from news articles. "
                        "Every area, line and event on the map traces back to the sentences "
                        "it was read from."
                    ),
                    html.H3("Data and attributions"),
                    html.Ul([html.Li(line) for line in attributions], className="attributions"),
                    html.Button("Close", id=ids.ABOUT_CLOSE, className="button"),
                ],
            )
        ],
    )


def page(map_figure: Any, graph_config: dict[str, Any], attributions: list[str]) -> html.Div:
    return html.Div(
        className="app",
        children=[
            html.Header(
                className="topbar",
                children=[
                    html.H1("conflictmap", className="brand"),
                    html.Span("offline", className="badge", title="No request leaves this machine"),
                    html.Div(className="spacer"),
                    html.Button("About & data", id=ids.ABOUT_BUTTON, className="button"),
                ],
            ),
            html.Main(
                className="main",
                children=[
                    dcc.Graph(
                        id=ids.MAP,
                        figure=map_figure,
                        config=graph_config,
                        className="map",
                        style={"height": "100%"},
                    )
                ],
            ),
            about_panel(attributions),
        ],
    )
