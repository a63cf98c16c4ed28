"""Events, claims and control of a day or a range as GeoJSON, CSV or GeoPackage.

Every row carries its sources: the article (or imported file) id, title, source, URL or path,
and the sentence, so a map made from an export can still be checked line by line. Layers are
collected once as plain rows (:func:`collect`), then written by one small writer per format;
files are written beside the target and moved into place, so a failed export leaves no half
file behind.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry import Point, mapping, shape
from shapely.geometry.base import BaseGeometry

from dashboard.exchange.errors import ExportFailed

if TYPE_CHECKING:
    from dashboard.events.model import Claim, Event
    from dashboard.store import ArticleSummary, Store

EXPORT_FORMATS = ("geojson", "csv", "gpkg")
LAYERS = ("events", "claims", "control_areas", "frontlines", "places")
# The GeoJSON ``kind`` of each layer's features, and the CSV file each goes to.
FEATURE_KINDS = {
    "events": "event",
    "claims": "claim",
    "control_areas": "control_area",
    "frontlines": "frontline",
    "places": "place",
}
CSV_FILES = {
    "events": "events",
    "claims": "claims",
    "control_areas": "control",
    "frontlines": "control",
    "places": "control",
}
GEOMETRY_TYPES = {
    "events": "Point",
    "claims": "Point",
    "control_areas": "MultiPolygon",
    "frontlines": "MultiLineString",
    "places": "Point",
}
SOURCE_COLUMNS = (
    "article_id",
    "article_title",
    "article_source",
    "article_url",
    "article_path",
    "sentence",
)
CONTROL_COLUMNS = ("valid_from", "valid_to", "places", "claim_ids", "sources")
COLUMNS: dict[str, tuple[str, ...]] = {
    "events": (
        "id",
        "type",
        "date",
        "date_precision",
        "sides",
        "actors",
        "place_id",
        "place_name",
        "place_precision",
        "confidence",
        "status",
        "fatalities",
        "source",
        "attribution",
        "notes",
        *SOURCE_COLUMNS,
    ),
    "claims": (
        "id",
        "place_id",
        "place_name",
        "precision",
        "side",
        "valid_from",
        "claim_kind",
        "fraction",
        "confidence",
        "status",
        "event_id",
        *SOURCE_COLUMNS,
    ),
    "control_areas": ("owner", "side", "area_km2", *CONTROL_COLUMNS),
    "frontlines": ("line_kind", "sides", "length_km", *CONTROL_COLUMNS),
    "places": ("place_id", "name", "side", "state", "confidence", "reason", *CONTROL_COLUMNS),
}
ALL_STATUSES = ("automatic", "confirmed", "rejected")


@dataclass(frozen=True)
class Row:
    """One exported feature: a geometry (lon/lat, or None) and flat properties."""

    geometry: BaseGeometry | None
    properties: dict[str, Any]


@dataclass(frozen=True)
class ExportSummary:
    paths: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    start: date | None = None
    end: date | None = None

    def line(self) -> str:
        counts = ", ".join(f"{n} {layer}" for layer, n in self.counts.items())
        return f"wrote {', '.join(self.paths)}: {counts}"


# -- what to export -------------------------------------------------------------------------


def export_range(
    day: date | None, start: date | None, end: date | None
) -> tuple[date | None, date | None]:
    """One day, a range, or everything (None, None)."""
    if day is not None and (start is not None or end is not None):
        raise ExportFailed("give either one date or a range (--from and --to), not both")
    if day is not None:
        return day, day
    if (start is None) != (end is None):
        raise ExportFailed("a range needs both ends: --from YYYY-MM-DD --to YYYY-MM-DD")
    if start is not None and end is not None and start > end:
        raise ExportFailed(f"the range starts ({start}) after it ends ({end})")
    return start, end


def _source_columns(article: ArticleSummary | None, article_id: str | None, sentence: str) -> dict:
    return {
        "article_id": article_id,
        "article_title": article.title if article else None,
        "article_source": article.source if article else None,
        "article_url": article.url if article else None,
        "article_path": article.path if article else None,
        "sentence": sentence,
    }


def event_row(event: Event, articles: Mapping[str, ArticleSummary]) -> Row:
    main = event.places[0] if event.places else None
    return Row(
        Point(main.lon, main.lat) if main else None,
        {
            "id": event.id,
            "type": event.type,
            "date": event.date.isoformat() if event.date else None,
            "date_precision": event.date_precision,
            "sides": ",".join(sorted({a.side for a in event.actors})),
            "actors": "; ".join(f"{a.text}={a.side}" for a in event.actors),
            "place_id": main.place_id if main else None,
            "place_name": main.name if main else None,
            "place_precision": main.precision if main else None,
            "confidence": round(event.confidence, 4),
            "status": event.status,
            "fatalities": event.fatalities,
            "source": event.source,
            "attribution": event.attribution,
            "notes": event.notes,
            **_source_columns(
                articles.get(event.article_id or ""), event.article_id, event.sentence
            ),
        },
    )


def claim_row(claim: Claim, articles: Mapping[str, ArticleSummary]) -> Row:
    return Row(
        Point(claim.lon, claim.lat),
        {
            "id": claim.id,
            "place_id": claim.place_id,
            "place_name": claim.place_name,
            "precision": claim.precision,
            "side": claim.side,
            "valid_from": claim.valid_from.isoformat(),
            "claim_kind": claim.kind,
            "fraction": claim.fraction,
            "confidence": round(claim.confidence, 4),
            "status": claim.status,
            "event_id": claim.event_id,
            **_source_columns(
                articles.get(claim.article_id or ""), claim.article_id, claim.sentence
            ),
        },
    )


def _snapshot_days(all_days: Sequence[date], start: date | None, end: date | None) -> list[date]:
    """The snapshot in force at ``start`` and every change point up to ``end``."""
    if start is None or end is None:
        return list(all_days)
    in_force = [d for d in all_days if d <= start][-1:]
    return in_force + [d for d in all_days if start < d <= end]


class _Sources:
    """Claim ids and imported areas -> the source records every control row carries."""

    def __init__(
        self, claims: Iterable[Claim], articles: Mapping[str, ArticleSummary], imported: list
    ) -> None:
        self.claims = {c.id: c for c in claims}
        self.articles = articles
        self.imported = [(a, shape(a.geometry)) for a in imported]

    def of_claims(self, claim_ids: Iterable[str]) -> list[dict[str, Any]]:
        found = []
        for cid in sorted(set(claim_ids)):
            claim = self.claims.get(cid)
            article_id = claim.article_id if claim else None
            found.append(
                {
                    "claim_id": cid,
                    **_source_columns(
                        self.articles.get(article_id or ""),
                        article_id,
                        claim.sentence if claim else "",
                    ),
                }
            )
        return found

    def of_imports(self, geometry: BaseGeometry, side: str | None, day: date) -> list[dict]:
        found = []
        for area, polygon in self.imported:
            if area.side != side or area.valid_on > day:
                continue
            if shapely.area(shapely.intersection(polygon, geometry)) <= 0:
                continue
            found.append(
                {
                    "imported_area": area.id,
                    "article_title": area.source,
                    "article_path": area.properties.get("path"),
                    "valid_on": area.valid_on.isoformat(),
                }
            )
        return found


def control_rows(
    features: Iterable[Mapping[str, Any]],
    day: date,
    valid_to: date | None,
    sources: _Sources,
) -> dict[str, list[Row]]:
    """One stored snapshot's features as control_areas, frontlines and places rows (neutral
    ground is left out: it is what no claim speaks of)."""
    features = list(features)
    place_claims: dict[str, list[str]] = {}
    for f in features:
        props = f["properties"]
        if props.get("kind") == "place":
            place_claims[props["id"]] = [c["id"] for c in props.get("claims", [])]
    span = {"valid_from": day.isoformat(), "valid_to": valid_to.isoformat() if valid_to else None}
    rows: dict[str, list[Row]] = {"control_areas": [], "frontlines": [], "places": []}
    for f in features:
        props = f["properties"]
        geometry = shape(f["geometry"])
        kind = props.get("kind")
        if kind == "place":
            claim_ids = place_claims.get(props["id"], [])
            rows["places"].append(
                Row(
                    geometry,
                    {
                        "place_id": props["id"],
                        "name": props.get("name"),
                        "side": props.get("side"),
                        "state": props.get("state"),
                        "confidence": props.get("confidence"),
                        "reason": props.get("reason"),
                        **span,
                        "places": [props["id"]],
                        "claim_ids": claim_ids,
                        "sources": sources.of_claims(claim_ids),
                    },
                )
            )
        elif geometry.geom_type in ("LineString", "MultiLineString"):
            places = list(props.get("places", []))
            claim_ids = [c for p in places for c in place_claims.get(p, [])]
            rows["frontlines"].append(
                Row(
                    geometry,
                    {
                        "line_kind": kind,
                        "sides": ",".join(props.get("sides", [])),
                        "length_km": props.get("length_km"),
                        **span,
                        "places": places,
                        "claim_ids": sorted(set(claim_ids)),
                        "sources": sources.of_claims(claim_ids),
                    },
                )
            )
        elif kind != "neutral":  # nobody's ground: no source to cite, and most of the map
            side = props.get("side")
            claim_ids = list(props.get("claims", []))
            rows["control_areas"].append(
                Row(
                    geometry,
                    {
                        "owner": side or kind,
                        "side": side,
                        "area_km2": props.get("area_km2"),
                        **span,
                        "places": list(props.get("places", [])),
                        "claim_ids": claim_ids,
                        "sources": sources.of_claims(claim_ids)
                        + sources.of_imports(geometry, side, day),
                    },
                )
            )
    return rows


def collect(store: Store, start: date | None, end: date | None) -> dict[str, list[Row]]:
    """Every layer's rows for ``start``..``end`` (everything when both are None): events and
    claims dated in the range, and each control snapshot in force during it."""
    first, last = (start, end) if start and end else (date.min, date.max)
    articles = {a.id: a for a in store.articles()}
    layers: dict[str, list[Row]] = {name: [] for name in LAYERS}
    layers["events"] = [event_row(e, articles) for e in store.events_between(first, last)]
    layers["claims"] = [claim_row(c, articles) for c in store.claims_between(first, last)]
    all_days = store.control_snapshot_days()
    days = _snapshot_days(all_days, start, end)
    if days:
        sources = _Sources(
            store.claims_until(max(days), statuses=ALL_STATUSES),
            articles,
            store.imported_areas(max(days)),
        )
        following = dict(pairwise(all_days))
        for day in days:
            snapshot = store.control_snapshot_on(day)
            if snapshot is None:
                continue
            after = following.get(day)
            valid_to = after - timedelta(days=1) if after else None
            for layer, rows in control_rows(snapshot.features, day, valid_to, sources).items():
                layers[layer].extend(rows)
    return layers


# -- writers --------------------------------------------------------------------------------


def _flat(value: Any) -> Any:
    """Lists and records become JSON text for CSV and GeoPackage columns."""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _replace_atomically(target: Path, write: Any) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
    )
    os.close(handle)
    os.unlink(temp)  # writers (GDAL) want to create the file themselves
    try:
        write(Path(temp))
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def write_geojson(layers: Mapping[str, list[Row]], out: Path, meta: dict[str, Any]) -> list[Path]:
    features = [
        {
            "type": "Feature",
            "geometry": mapping(row.geometry) if row.geometry is not None else None,
            "properties": {"kind": FEATURE_KINDS[layer], **row.properties},
        }
        for layer in LAYERS
        for row in layers[layer]
    ]
    collection = {"type": "FeatureCollection", "properties": meta, "features": features}

    def write(path: Path) -> None:
        path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")

    _replace_atomically(out, write)
    return [out]


def write_csv(layers: Mapping[str, list[Row]], out: Path) -> list[Path]:
    """OUT_events.csv, OUT_claims.csv and OUT_control.csv (areas, frontlines and places,
    told apart by ``kind``); geometries as WKT, points also as lon/lat."""
    stem = out.name[:-4] if out.name.lower().endswith(".csv") else out.name
    written = []
    for name in dict.fromkeys(CSV_FILES.values()):
        members = [layer for layer in LAYERS if CSV_FILES[layer] == name]
        columns: list[str] = ["kind"]
        for layer in members:
            columns += [c for c in COLUMNS[layer] if c not in columns]
        columns += ["lon", "lat", "wkt"]
        target = out.with_name(f"{stem}_{name}.csv")

        def write(path: Path, members: list[str] = members, columns: list[str] = columns) -> None:
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns)
                writer.writeheader()
                for layer in members:
                    for row in layers[layer]:
                        geom = row.geometry
                        point = geom is not None and geom.geom_type == "Point"
                        writer.writerow(
                            {
                                "kind": FEATURE_KINDS[layer],
                                **{k: _flat(v) for k, v in row.properties.items()},
                                "lon": geom.x if point else None,
                                "lat": geom.y if point else None,
                                "wkt": geom.wkt if geom is not None else None,
                            }
                        )

        _replace_atomically(target, write)
        written.append(target)
    return written


def write_gpkg(layers: Mapping[str, list[Row]], out: Path) -> list[Path]:
    """One GeoPackage layer per kind, EPSG:4326, every layer present even when empty."""
    import geopandas as gpd
    import pandas as pd
    import pyogrio

    def write(path: Path) -> None:
        for layer in LAYERS:
            rows = layers[layer]
            frame = pd.DataFrame(
                [{k: _flat(row.properties.get(k)) for k in COLUMNS[layer]} for row in rows],
                columns=list(COLUMNS[layer]),
            )
            geometry = gpd.GeoSeries([row.geometry for row in rows], crs="EPSG:4326")
            table = gpd.GeoDataFrame(frame, geometry=geometry.values, crs="EPSG:4326")
            pyogrio.write_dataframe(
                table,
                path,
                layer=layer,
                driver="GPKG",
                geometry_type=GEOMETRY_TYPES[layer],
                promote_to_multi=GEOMETRY_TYPES[layer].startswith("Multi"),
            )

    _replace_atomically(out, write)
    return [out]


def export(
    store: Store,
    out: str | Path,
    fmt: str = "geojson",
    day: date | None = None,
    start: date | None = None,
    end: date | None = None,
) -> ExportSummary:
    """Write events, claims and control (areas, frontlines, places) of a day, a range or
    everything: ``geojson`` one FeatureCollection with a ``kind`` per feature; ``csv``
    OUT_events.csv, OUT_claims.csv, OUT_control.csv; ``gpkg`` one layer per kind."""
    if fmt not in EXPORT_FORMATS:
        raise ExportFailed(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    start, end = export_range(day, start, end)
    out = Path(out)
    if fmt == "gpkg" and out.suffix.lower() != ".gpkg":
        out = out.with_name(out.name + ".gpkg")  # GDAL and QGIS expect the extension
    if out.is_dir():
        raise ExportFailed(f"{out} is a folder; name a file to write, e.g. {out / 'export'}")
    layers = collect(store, start, end)
    counts = {layer: len(layers[layer]) for layer in LAYERS}
    meta = {
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "counts": counts,
        "crs": "EPSG:4326",
    }
    try:
        if fmt == "geojson":
            paths = write_geojson(layers, out, meta)
        elif fmt == "csv":
            paths = write_csv(layers, out)
        else:
            paths = write_gpkg(layers, out)
    except OSError as exc:
        raise ExportFailed(f"cannot write {out}: {exc.strerror or exc}") from None
    return ExportSummary(tuple(str(p) for p in paths), counts, start, end)
