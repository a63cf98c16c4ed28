"""Articles added from the browser go through the same ingest path as the command line.

``dashboard.pipeline.ingest_bytes(store, name, data, published=None)`` does the reading,
geoparsing, extraction and storing; this module only decodes the upload, enforces the size
limit, reports each file's outcome and tells every view to re-read the store.
"""

from __future__ import annotations

import base64
import binascii
import importlib
from dataclasses import dataclass
from typing import Any

from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from dashboard.web import ids
from dashboard.web.queries import StoreAccess


@dataclass(frozen=True)
class FileOutcome:
    name: str
    status: str  # new | unchanged | updated | failed
    message: str


def pipeline_available() -> bool:
    """Whether the ingest pipeline is installed (the upload seam)."""
    try:
        module = importlib.import_module("dashboard.pipeline")
    except ImportError:
        return False
    return hasattr(module, "ingest_bytes")


def ingest_uploads(
    access: StoreAccess, names: list[str], contents: list[str], limit_bytes: int
) -> list[FileOutcome]:
    """Decode and ingest each uploaded file; one failure never stops the others."""
    try:
        from dashboard.pipeline import ingest_bytes
    except ImportError:
        return [
            FileOutcome(n, "failed", "ingest is not available in this installation") for n in names
        ]
    outcomes: list[FileOutcome] = []
    claim_days: list[Any] = []
    for name, content in zip(names, contents, strict=False):
        try:
            _, _, payload = (content or "").partition(",")
            data = base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError):
            outcomes.append(FileOutcome(name, "failed", "the upload could not be decoded"))
            continue
        if len(data) > limit_bytes:
            outcomes.append(
                FileOutcome(
                    name,
                    "failed",
                    f"{len(data) / 1e6:.1f} MB is over the {limit_bytes / 1e6:.0f} MB limit",
                )
            )
            continue
        try:
            results = ingest_bytes(access.store, name, data)
        except Exception as exc:  # a broken file is reported, not raised into the page
            outcomes.append(FileOutcome(name, "failed", f"{type(exc).__name__}: {exc}"))
            continue
        results = results if isinstance(results, list | tuple) else [results]
        if not results:
            outcomes.append(FileOutcome(name, "failed", "no article found in the file"))
        for result in results:
            outcomes.append(_outcome(name, result))
            claim_days.extend(getattr(result, "claim_days", ()) or ())
    if claim_days:
        _refresh_control(access, min(claim_days))
    return outcomes


def _outcome(name: str, result: Any) -> FileOutcome:
    status = str(getattr(result, "status", "failed"))
    title = getattr(result, "title", None)
    label = f"{name}: {title}" if title else name
    if status == "failed":
        return FileOutcome(label, status, getattr(result, "reason", None) or "could not be read")
    counts = ", ".join(
        f"{getattr(result, k, 0)} {k}" for k in ("events", "claims", "places") if hasattr(result, k)
    )
    return FileOutcome(label, status, counts or status)


def _refresh_control(access: StoreAccess, since: Any) -> None:
    """New claims move control from their first day on: recompute snapshots from there."""
    try:
        from dashboard.pipeline import refresh_control
    except ImportError:
        return
    refresh_control(access.store, since=since)


def outcome_list(outcomes: list[FileOutcome]) -> list[Any]:
    ok = sum(o.status != "failed" for o in outcomes)
    items = [
        html.Li(
            [html.B(o.name), f" — {o.status}: {o.message}"],
            className=f"outcome outcome-{o.status}",
        )
        for o in outcomes
    ]
    return [
        html.Span(f"{ok} of {len(outcomes)} files read", className="outcome-head"),
        html.Ul(items),
    ]


def register(app: Dash, access: StoreAccess, limit_bytes: int) -> None:
    @app.callback(
        Output(ids.UPLOAD_RESULT, "children"),
        Output(ids.DATA_VERSION, "data"),
        Input(ids.UPLOAD, "contents"),
        State(ids.UPLOAD, "filename"),
        State(ids.DATA_VERSION, "data"),
        prevent_initial_call=True,
        running=[
            (Output(ids.UPLOAD_RESULT, "className"), "upload-result busy", "upload-result"),
        ],
    )
    def upload(contents: list[str] | None, names: list[str] | None, version: int | None):
        if not contents:
            raise PreventUpdate
        names = names or [f"file {i + 1}" for i in range(len(contents))]
        outcomes = ingest_uploads(access, list(names), list(contents), limit_bytes)
        changed = any(o.status in ("new", "updated") for o in outcomes)
        return outcome_list(outcomes), (version or 0) + (1 if changed else 0)
