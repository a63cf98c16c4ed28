"""Failures of imports and exports a user can fix; each message names the file, the row and
what to do."""

from __future__ import annotations

from dashboard.errors import ConflictmapError


class ExchangeError(ConflictmapError):
    """Base for everything imports and exports raise on purpose."""


class ImportFailed(ExchangeError):
    """A file could not be imported; nothing from it was stored."""


class ExportFailed(ExchangeError):
    """An export could not be written (bad arguments, unwritable destination)."""
