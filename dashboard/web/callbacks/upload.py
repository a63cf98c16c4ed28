"""Articles added from the browser go through the same ingest path as the command line.

``dashboard.pipeline.ingest_bytes(store, name, data, published=None)`` does the reading,
geoparsing, extraction and storing; this module only decodes the upload, enforces the size
limit, reports each file's outcome (what it yielded, or why it failed) and tells every view to
re-read the store. Files over the limit never reach the server: ``assets/upload.js`` names them
(``UPLOAD_REJECTED``) and they are listed here beside the files that were read.
"""

from __future__ import annotations

import base64
import binascii
import importlib
from dataclasses import dataclass
from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, ctx, html
from dash.exceptions import PreventUpdate

from dashboard.web import ids
from dashboard.web.queries import StoreAccess


@dataclass(frozen=True)
class FileOutcome:
    name: str
    status: str  # new | unchanged | updated | failed | refused
    message: str


def _megabytes(size: float) -> str:
    return f"{size / 1e6:.1f} MB" if size < 10e6 else f"{size / 1e6:.0f} MB"


def refused_outcomes(rejected: dict[str, Any] | None) -> list[FileOutcome]:
    """Files the browser kept back because they are over the limit, one line each."""
    limit = float((rejected or {}).get("limit") or 0)
    return [
        FileOutcome(
            str(f.get("name") or "unnamed file"),
            "refused",
            f"{_megabytes(float(f.get('size') or 0))} is over the {_megabytes(limit)} upload "
            "limit; nothing was read (split the file, or add it with `conflictmap ingest`)",
        )
        for f in (rejected or {}).get("refused") or []
    ]


def pipeline_available() -> bool:
    """Whether the ingest pipeline is installed (the upload seam)."""
    try:
        module = importlib.import_module("dashboard.pipeline")
    except ImportError:
        return False
    return hasattr(module, "ingest_bytes")


def ingest_uploads(
    access: StoreAccess,
    names: list[str],
    contents: list[str],
    limit_bytes: int,
    cache: Any = None,
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
                    f"{_megabytes(len(data))} is over the {_megabytes(limit_bytes)} upload limit",
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
        _refresh_control(access, min(claim_days), cache)
    return outcomes


def _outcome(name: str, result: Any) -> FileOutcome:
    status = str(getattr(result, "status", "failed"))
    title = getattr(result, "title", None)
    label = f"{name}: {title}" if title else name
    if status == "failed":
        return FileOutcome(label, status, getattr(result, "reason", None) or "could not be read")
    return FileOutcome(label, status, yielded(result))


def yielded(result: Any) -> str:
    """What an article gave: "4 places, 2 events, 1 claim" (a claim moves control)."""
    parts = []
    for attr, one in (("places", "place"), ("events", "event"), ("claims", "claim")):
        if hasattr(result, attr):
            n = int(getattr(result, attr) or 0)
            parts.append(f"{n} {one}{'' if n == 1 else 's'}")
    found = ", ".join(parts) or "nothing"
    if str(getattr(result, "status", "")) == "unchanged":
        return f"already in the store ({found})"
    return found


def _refresh_control(access: StoreAccess, since: Any, cache: Any = None) -> None:
    """New claims move control from their first day on: recompute snapshots from there."""
    try:
        from dashboard.pipeline import refresh_control
    except ImportError:
        return
    refresh_control(access.store, since=since, cache=cache)


STATUS_WORDS = {
    "new": "added",
    "updated": "updated",
    "unchanged": "unchanged",
    "failed": "failed",
    "refused": "not uploaded",
}


def outcome_list(outcomes: list[FileOutcome], reading: int = 0) -> list[Any]:
    """One line per file: what it yielded, or why it was not read; ``reading`` files pending."""
    ok = sum(o.status not in ("failed", "refused") for o in outcomes)
    items = [
        html.Li(
            [html.B(o.name), f" — {STATUS_WORDS.get(o.status, o.status)}: {o.message}"],
            className=f"outcome outcome-{o.status}",
        )
        for o in outcomes
    ]
    if reading:
        items.append(
            html.Li(f"Reading {reading} file{'s' if reading != 1 else ''}…", className="outcome")
        )
        head = f"{len(outcomes)} file{'s' if len(outcomes) != 1 else ''} not uploaded"
    else:
        head = f"{ok} of {len(outcomes)} file{'s' if len(outcomes) != 1 else ''} read"
    return [
        html.Span(head, className="outcome-head"),
        html.Ul(items),
    ]


def register(app: Dash, access: StoreAccess, limit_bytes: int, cache: Any = None) -> None:
    """Upload callbacks; ``cache`` keeps this worker's control series between uploads."""

    @app.callback(
        Output(ids.UPLOAD_RESULT, "children"),
        Output(ids.DATA_VERSION, "data"),
        Input(ids.UPLOAD, "contents"),
        Input(ids.UPLOAD_REJECTED, "data"),
        State(ids.UPLOAD, "filename"),
        State(ids.DATA_VERSION, "data"),
        prevent_initial_call=True,
        running=[
            (Output(ids.UPLOAD_RESULT, "className"), "upload-result busy", "upload-result"),
        ],
    )
    def upload(
        contents: list[str] | None,
        rejected: dict[str, Any] | None,
        names: list[str] | None,
        version: int | None,
    ):
        refused = refused_outcomes(rejected)
        if ctx.triggered_id == ids.UPLOAD_REJECTED:
            if not rejected:
                raise PreventUpdate
            # the browser looked at a new batch: report refusals now, clear older outcomes
            reading = int((rejected or {}).get("accepted") or 0)
            if not refused:
                return [], version
            return outcome_list(refused, reading=reading), version
        if not contents:
            raise PreventUpdate
        names = names or [f"file {i + 1}" for i in range(len(contents))]
        outcomes = ingest_uploads(access, list(names), list(contents), limit_bytes, cache)
        changed = any(o.status in ("new", "updated") for o in outcomes)
        return outcome_list([*refused, *outcomes]), (version or 0) + (1 if changed else 0)

    app.clientside_callback(
        ClientsideFunction(namespace="conflictmap", function_name="dismiss"),
        Output(ids.UPLOAD_RESULT, "children", allow_duplicate=True),
        Input(ids.UPLOAD_DISMISS, "n_clicks"),
        prevent_initial_call=True,
    )
