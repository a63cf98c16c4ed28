"""Shipped boundary, river and lake layers: where they are, how to read them, whom to credit."""

from dashboard.geodata.geometry import orient_for_plotly_geo, orient_rfc7946
from dashboard.geodata.layers import (
    LAYER_NAMES,
    TIERS,
    attributions,
    display_layer_url,
    layer_path,
    load_layer,
    manifest,
)

__all__ = [
    "LAYER_NAMES",
    "TIERS",
    "attributions",
    "display_layer_url",
    "layer_path",
    "load_layer",
    "manifest",
    "orient_for_plotly_geo",
    "orient_rfc7946",
]
