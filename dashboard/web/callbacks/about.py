"""Opening and closing the About/Data panel happens in the browser: no server round trip."""

from __future__ import annotations

from dash import Dash, Input, Output

from dashboard.web import ids


def register(app: Dash) -> None:
    app.clientside_callback(
        """
        function(openClicks, closeClicks) {
            const ctx = window.dash_clientside.callback_context;
            if (!ctx.triggered.length) { return true; }
            return !ctx.triggered[0].prop_id.startsWith(OPEN_ID);
        }
        """.replace("OPEN_ID", repr(ids.ABOUT_BUTTON + ".")),
        Output(ids.ABOUT_PANEL, "hidden"),
        Input(ids.ABOUT_BUTTON, "n_clicks"),
        Input(ids.ABOUT_CLOSE, "n_clicks"),
        prevent_initial_call=True,
    )
