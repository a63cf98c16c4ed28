"""Small, pure geometry operations shared by the layer build and the app.

Ring orientation matters because two consumers disagree: RFC 7946 GeoJSON (and MapLibre,
which does not care) wants counter-clockwise exterior rings, while Plotly ``geo`` traces
(d3-geo, spherical polygons) read a counter-clockwise exterior as "the whole globe minus this
shape" and then fill everything else.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

POLYGONAL = ("Polygon", "MultiPolygon")


def orient_rfc7946(geom: BaseGeometry) -> BaseGeometry:
    """Exterior rings counter-clockwise, holes clockwise, as RFC 7946 section 3.1.6 asks."""
    return shapely.orient_polygons(geom, exterior_cw=False)


def orient_for_plotly_geo(geom: BaseGeometry) -> BaseGeometry:
    """Exterior rings clockwise, holes counter-clockwise, as Plotly ``geo`` traces need.

    d3-geo treats polygons on the sphere and takes the clockwise side of a ring as the inside;
    feeding it RFC 7946 rings fills the rest of the world instead of the shape. Only use this
    for GeoJSON handed to ``go.Choropleth``/``go.Scattergeo``; MapLibre (``scattermap``,
    ``choroplethmap``) accepts either orientation.
    """
    return shapely.orient_polygons(geom, exterior_cw=True)


def polygonal_part(geom: BaseGeometry) -> BaseGeometry:
    """Repair a polygon and keep only its areal part.

    ``make_valid`` may turn a bow-tie or a spike into a collection with stray lines or points,
    which point-in-polygon and area code should never see.
    """
    if not geom.is_valid:
        geom = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    if geom.geom_type in POLYGONAL:
        return geom
    parts = [
        part
        for part in shapely.get_parts(geom)
        if part.geom_type in POLYGONAL and not part.is_empty
    ]
    polygons = [p for part in parts for p in shapely.get_parts(part)]
    if not polygons:
        return shapely.MultiPolygon()
    if len(polygons) == 1:
        return polygons[0]
    return shapely.MultiPolygon(polygons)


def lineal_part(geom: BaseGeometry) -> BaseGeometry:
    """Keep the line work of a geometry (drops points left over by clipping)."""
    lines = [
        line
        for part in shapely.get_parts(geom)
        for line in shapely.get_parts(part)
        if line.geom_type == "LineString" and not line.is_empty
    ]
    if len(lines) == 1:
        return lines[0]
    return shapely.MultiLineString(lines)


def round_coordinates(geom: BaseGeometry, decimals: int) -> BaseGeometry:
    """Round every vertex; shared vertices of neighbours round identically, so no gaps appear."""
    return shapely.transform(geom, lambda xy: np.round(xy, decimals))
