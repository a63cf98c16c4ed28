"""Store failures a user can act on; each message names the store (never its password)."""

from __future__ import annotations

from dashboard.errors import ConflictmapError


class StoreError(ConflictmapError):
    """Base for everything the store raises on purpose."""


class UnsupportedStoreUrl(StoreError):
    """The store URL has a scheme or form no backend understands."""


class StoreUnavailable(StoreError):
    """The store cannot be reached: server down, folder not writable, file not openable."""


class StoreCorrupt(StoreError):
    """The file is not a SQLite database, or its pages are damaged."""


class StoreLocked(StoreError):
    """Another program held a lock for longer than the store's timeout."""


class SchemaTooNew(StoreError):
    """The store was written by a newer conflictmap; this one would misread it."""


class StoreConflict(StoreError):
    """A write broke a uniqueness or reference rule, e.g. an event id already owned elsewhere."""


class RecordNotFound(StoreError, KeyError):
    """A status change or lookup named an id the store does not hold."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""
