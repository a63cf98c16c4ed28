"""Failures a user can fix, one type each; the CLI prints the message and exits non-zero."""

from __future__ import annotations


class ConflictmapError(Exception):
    """Base for errors whose message tells the user what is wrong and what to do."""

    exit_code = 1


class GeodataMissing(ConflictmapError):
    """A shipped geodata file is absent or unreadable (a broken install or an unbuilt checkout)."""
