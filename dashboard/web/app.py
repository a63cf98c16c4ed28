"""The Dash app factory: settings in, a ready app out; no globals, so tests build their own."""

from __future__ import annotations

from dash import Dash

from dashboard.config import Settings, assets_dir
from dashboard.geodata import attributions
from dashboard.web import layout
from dashboard.web.basemap import offline_style
from dashboard.web.callbacks import about
from dashboard.web.figures.map_figure import base_map_figure
from dashboard.web.plotly_config import graph_config


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
    figure = base_map_figure(offline_style())
    app.layout = layout.page(figure, graph_config(), attributions())
    about.register(app)
    return app
