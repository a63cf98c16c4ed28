"""Opening and closing the About/Data and article panels happens in the browser."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output

from dashboard.web import ids


def register(app: Dash) -> None:
    toggle = ClientsideFunction(namespace="conflictmap", function_name="toggle")
    app.clientside_callback(
        toggle,
        Output(ids.ABOUT_PANEL, "hidden"),
        Input(ids.ABOUT_BUTTON, "n_clicks"),
        Input(ids.ABOUT_CLOSE, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        toggle,
        Output(ids.ARTICLE_PANEL, "hidden", allow_duplicate=True),
        Input(ids.ARTICLE_CLOSE, "n_clicks"),
        prevent_initial_call=True,
    )
