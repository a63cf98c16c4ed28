"""Structured data in and out: ACLED, UCDP GED and generic CSV imports, control areas to start
from, and exports of events, claims and control as GeoJSON, CSV or GeoPackage.

Readers and writers live here; the mapping tables in :mod:`dashboard.exchange.mappings` are
plain data so they can be read, tested and documented on their own.
"""

from dashboard.exchange.areas import ControlImportSummary, control_series, import_control
from dashboard.exchange.errors import ExchangeError, ExportFailed, ImportFailed
from dashboard.exchange.exports import EXPORT_FORMATS, ExportSummary, export
from dashboard.exchange.imports import (
    IMPORT_FORMATS,
    ImportSummary,
    RowProblem,
    import_events,
    parse_mapping,
)

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "ControlImportSummary",
    "ExchangeError",
    "ExportFailed",
    "ExportSummary",
    "ImportFailed",
    "ImportSummary",
    "RowProblem",
    "control_series",
    "export",
    "import_control",
    "import_events",
    "parse_mapping",
]
