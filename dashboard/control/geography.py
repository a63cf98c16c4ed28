"""The fixed geography control areas are built on: countries, governorates, districts, rivers.

Plain data so the core can be tested on small made-up shapes; :func:`load_geography` is the
one place that reads the shipped layers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

# Lambert azimuthal equal-area centred on the theatre: every km² figure is computed here.
METRIC_CRS = "+proj=laea +lat_0=34 +lon_0=40 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
DEFAULT_AOI = ("IQ", "SY")

_TO_METRIC = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
_TO_LONLAT = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)


def _apply(transformer: Transformer, geoms):
    def move(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, move)


def to_metric(geoms):
    """Lon/lat (EPSG:4326) geometries into the equal-area metric projection."""
    return _apply(_TO_METRIC, geoms)


def to_lonlat(geoms):
    """Metric geometries back to lon/lat for GeoJSON."""
    return _apply(_TO_LONLAT, geoms)


def metric_xy(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    x, y = _TO_METRIC.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


@dataclass(frozen=True)
class Geography:
    """Polygons in lon/lat: the area of interest is the union of ``countries``."""

    countries: dict[str, BaseGeometry]
    governorates: dict[str, tuple[str, BaseGeometry]] = field(default_factory=dict)
    districts: dict[str, tuple[str, BaseGeometry]] = field(default_factory=dict)
    rivers: tuple[BaseGeometry, ...] = ()


def load_geography(aoi: tuple[str, ...] = DEFAULT_AOI, districts: bool = True) -> Geography:
    """Countries, governorates (admin1), Iraqi districts (admin2) and rivers of the area."""
    from dashboard.geodata import load_layer

    countries = load_layer("countries")
    countries = countries[countries["country"].isin(aoi) & (countries["kind"] == "country")]
    admin1 = load_layer("admin1")
    admin1 = admin1[admin1["country"].isin(aoi) & admin1["gn_a1_code"].notna()]
    rivers = load_layer("rivers")
    area = shapely.union_all(countries.geometry.values)
    rivers = rivers[rivers.geometry.intersects(area)]
    found_districts: dict[str, tuple[str, BaseGeometry]] = {}
    if districts and "IQ" in aoi:
        admin2 = load_layer("iraq_admin2")
        code = "id" if "id" in admin2.columns else admin2.columns[0]
        for key, geom in zip(admin2[code], admin2.geometry, strict=True):
            found_districts[str(key)] = ("IQ", shapely.make_valid(geom))
    return Geography(
        countries={
            str(c): shapely.make_valid(g)
            for c, g in zip(countries["country"], countries.geometry, strict=True)
        },
        governorates={
            str(code): (str(c), shapely.make_valid(g))
            for code, c, g in zip(
                admin1["gn_a1_code"], admin1["country"], admin1.geometry, strict=True
            )
        },
        districts=found_districts,
        rivers=tuple(rivers.geometry.values),
    )
