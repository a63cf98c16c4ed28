"""Where things land on the page: Web Mercator maths for a map drawn in a fixed pixel frame.

Both render paths use the spherical Mercator projection (MapLibre's, and Plotly ``geo``'s
``mercator``), so a bounding box widened to the frame's aspect ratio fills the frame exactly on
either path. Knowing the projection here, rather than asking the browser, is what lets the
pure figure builders place labels without collisions, fan out stacked event markers, draw a
true scale bar and convert a web-app view (centre and zoom) into a box.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dashboard.store.records import BBox

EARTH_CIRCUMFERENCE_KM = 40075.016686
TILE_SIZE = 512  # MapLibre's world is 512 px wide at zoom 0
MAX_LAT = 85.05112878


def mercator_y(lat: float) -> float:
    """Latitude to Web Mercator y in [0, 1], 0 at the north edge of the world."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    phi = math.radians(lat)
    return (1 - math.log(math.tan(math.pi / 4 + phi / 2)) / math.pi) / 2


def mercator_lat(y: float) -> float:
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))


def mercator_x(lon: float) -> float:
    return (lon + 180.0) / 360.0


@dataclass(frozen=True)
class MapFrame:
    """A map drawn in a ``width`` x ``height`` pixel box showing exactly ``bbox``."""

    bbox: BBox
    width: float
    height: float

    @property
    def zoom(self) -> float:
        """MapLibre zoom that shows this box at this pixel width."""
        west, _, east, _ = self.bbox
        span = mercator_x(east) - mercator_x(west)
        return math.log2(self.width / (span * TILE_SIZE))

    @property
    def center(self) -> dict[str, float]:
        west, south, east, north = self.bbox
        y = (mercator_y(north) + mercator_y(south)) / 2
        return {"lon": (west + east) / 2, "lat": mercator_lat(y)}

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Pixel position inside the frame, (0, 0) at its top-left corner."""
        west, south, east, north = self.bbox
        x0, x1 = mercator_x(west), mercator_x(east)
        y0, y1 = mercator_y(north), mercator_y(south)
        return (
            (mercator_x(lon) - x0) / (x1 - x0) * self.width,
            (mercator_y(lat) - y0) / (y1 - y0) * self.height,
        )

    def unproject(self, x: float, y: float) -> tuple[float, float]:
        west, south, east, north = self.bbox
        x0, x1 = mercator_x(west), mercator_x(east)
        y0, y1 = mercator_y(north), mercator_y(south)
        lon = (x0 + x / self.width * (x1 - x0)) * 360.0 - 180.0
        return lon, mercator_lat(y0 + y / self.height * (y1 - y0))

    def km_per_px(self) -> float:
        """Ground distance of one pixel at the frame's centre latitude."""
        world_px = TILE_SIZE * 2**self.zoom
        return EARTH_CIRCUMFERENCE_KM * math.cos(math.radians(self.center["lat"])) / world_px

    def contains(self, lon: float, lat: float, margin_px: float = 0.0) -> bool:
        x, y = self.project(lon, lat)
        return (
            -margin_px <= x <= self.width + margin_px and -margin_px <= y <= self.height + margin_px
        )

    def padded_bbox(self, fraction: float = 0.1) -> BBox:
        west, south, east, north = self.bbox
        dx, dy = (east - west) * fraction, (north - south) * fraction
        return (west - dx, south - dy, east + dx, north + dy)


def fit_bbox(bbox: BBox, width: float, height: float) -> MapFrame:
    """Widen ``bbox`` (never crop it) to the frame's aspect ratio, keeping its centre."""
    west, south, east, north = bbox
    if not (west < east and south < north):
        raise ValueError(f"empty bounding box {bbox}: expected west < east and south < north")
    x0, x1 = mercator_x(west), mercator_x(east)
    y0, y1 = mercator_y(north), mercator_y(south)
    want = width / height
    have = (x1 - x0) / (y1 - y0)
    if have < want:  # too tall: widen east-west
        half = (y1 - y0) * want / 2
        mid = (x0 + x1) / 2
        x0, x1 = mid - half, mid + half
    else:  # too wide: extend north-south
        half = (x1 - x0) / want / 2
        mid = (y0 + y1) / 2
        y0, y1 = mid - half, mid + half
    fitted = (x0 * 360 - 180, mercator_lat(y1), x1 * 360 - 180, mercator_lat(y0))
    return MapFrame(fitted, width, height)


def bbox_for_view(center: dict[str, float], zoom: float, width: float, height: float) -> BBox:
    """The box a web-app view (MapLibre centre and zoom) shows in a frame of this size."""
    world_px = TILE_SIZE * 2**zoom
    cx, cy = mercator_x(center["lon"]), mercator_y(center["lat"])
    dx, dy = width / 2 / world_px, height / 2 / world_px
    return (
        (cx - dx) * 360 - 180,
        mercator_lat(cy + dy),
        (cx + dx) * 360 - 180,
        mercator_lat(cy - dy),
    )


NICE_KM: tuple[float, ...] = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000)


def scale_bar_km(frame: MapFrame, most_px: float) -> tuple[float, float]:
    """The longest round distance (km) whose bar fits in ``most_px``, and its length in px."""
    per_px = frame.km_per_px()
    km = NICE_KM[0]
    for candidate in NICE_KM:
        if candidate / per_px <= most_px:
            km = candidate
    return km, km / per_px
