"""Reading the shipped boundary, river and lake layers.

Two tiers of the same layers are shipped. ``analysis`` files keep the source vertices and are
what point-in-polygon, clipping and area code must use. ``display`` files are simplified on a
shared topology and rounded for the browser; they live under ``assets/`` so the Dash server
hands them to MapLibre as static files. Everything is EPSG:4326 GeoJSON.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd

from dashboard.config import assets_dir, geodata_dir
from dashboard.errors import GeodataMissing

Tier = Literal["analysis", "display"]

LAYER_NAMES: tuple[str, ...] = (
    "countries",
    "admin1",
    "iraq_admin2",
    "iraq_admin3",
    "rivers",
    "lakes",
)
TIERS: tuple[str, ...] = ("analysis", "display")
# Derived for the basemap only (shared boundary lines without coasts or clip edges, label
# points), so they exist in the display tier alone.
BASEMAP_LAYERS: tuple[str, ...] = ("boundaries", "labels")

# Where each tier lives, relative to the shipped folder named first.
_TIER_HOME: dict[str, tuple[str, str]] = {
    "analysis": ("geodata", "layers"),
    "display": ("assets", "geodata"),
}
MANIFEST_NAME = "manifest.json"
REBUILD_HINT = "rebuild with `python geodata/build.py --only layers` or reinstall conflictmap"


def relative_layer_path(name: str, tier: Tier = "analysis") -> tuple[str, str]:
    """The shipped folder ("geodata" or "assets") and the file path inside it.

    The build writes to these paths and the manifest records them, so both sides agree.
    """
    if tier not in _TIER_HOME:
        raise ValueError(f"unknown tier {tier!r}; expected one of {', '.join(TIERS)}")
    known = LAYER_NAMES + (BASEMAP_LAYERS if tier == "display" else ())
    if name not in known:
        raise ValueError(f"unknown {tier} layer {name!r}; expected one of {', '.join(known)}")
    root, folder = _TIER_HOME[tier]
    return root, f"{folder}/{name}.geojson"


def layer_path(name: str, tier: Tier = "analysis") -> Path:
    """Absolute path of a shipped layer file (it may not exist in an unbuilt checkout)."""
    root, relative = relative_layer_path(name, tier)
    base = geodata_dir() if root == "geodata" else assets_dir()
    return base / relative


def display_layer_url(name: str, assets_url: str = "/assets/") -> str:
    """Browser URL of a display layer, for MapLibre GeoJSON sources."""
    _, relative = relative_layer_path(name, "display")
    return assets_url.rstrip("/") + "/" + relative


def load_layer(name: str, tier: Tier = "analysis") -> gpd.GeoDataFrame:
    """A shipped layer as a GeoDataFrame (a fresh copy: callers may modify it freely).

    Reads are cached per file and modification time, so repeated calls in callbacks are cheap
    and a rebuilt file is picked up without restarting.
    """
    path = layer_path(name, tier)
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise GeodataMissing(
            f"geodata layer {name!r} ({tier}) not found at {path}; {REBUILD_HINT}"
        ) from None
    return _read_layer(str(path), stamp).copy()


@lru_cache(maxsize=32)
def _read_layer(path: str, stamp: int) -> gpd.GeoDataFrame:
    try:
        frame = gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio raises several DataSourceError subclasses
        raise GeodataMissing(
            f"geodata layer at {path} is unreadable ({exc}); {REBUILD_HINT}"
        ) from exc
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        frame = frame.set_crs(4326, allow_override=True)
    return frame


def manifest() -> dict[str, Any]:
    """The build's record of each shipped file: tier, counts, bounds, sources, licences."""
    path = geodata_dir() / MANIFEST_NAME
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise GeodataMissing(f"geodata manifest not found at {path}; {REBUILD_HINT}") from None
    return json.loads(_read_text(str(path), stamp))


@lru_cache(maxsize=4)
def _read_text(path: str, stamp: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def attributions() -> list[str]:
    """Attribution lines every map view and the About page must show, in display order."""
    return list(manifest()["attributions"])
