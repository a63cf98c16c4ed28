"""The one store interface every caller uses; SQLite and PostGIS implement it identically."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from types import TracebackType
from typing import TYPE_CHECKING, Any

from dashboard.events.model import Claim, Event
from dashboard.geoparse.model import PlaceMention
from dashboard.store.records import (
    ArticleSummary,
    BBox,
    ChangeLogEntry,
    ControlSnapshot,
    DayCount,
    ImportedControlArea,
    IngestOutcome,
    LogMark,
)
from dashboard.store.spans import ControlSpan

if TYPE_CHECKING:
    from dashboard.articles.model import Article

VISIBLE_STATUSES: tuple[str, ...] = ("automatic", "confirmed")


class Store(ABC):
    """Articles, their places, events and claims, control snapshots and an append-only log.

    Opened with :func:`dashboard.store.open_store`; the URL picks the backend once.
    """

    backend: str
    url: str
    """The store URL with any password hidden."""

    @property
    def identity(self) -> str:
        """What names the data behind this handle: two handles on one store share it, so a
        per-process cache of derived data can be keyed by it."""
        return self.url

    # -- lifecycle ---------------------------------------------------------------------------
    @abstractmethod
    def migrate(self) -> int:
        """Apply pending migrations (done on open); returns the schema version now in force."""

    @abstractmethod
    def schema_version(self) -> int:
        """The highest migration applied to this store."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection; the store object is unusable afterwards."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------
    @abstractmethod
    def replace_article(
        self,
        article: Article,
        mentions: Iterable[PlaceMention],
        events: Iterable[Event],
        claims: Iterable[Claim],
        *,
        pipeline_version: str | None = None,
        actor: str = "cli",
    ) -> IngestOutcome:
        """Store one article and everything derived from it, in one transaction.

        ``"unchanged"`` when the same content was already stored by this pipeline version (or a
        newer one: older code never overwrites newer output), ``"updated"`` when a newer
        pipeline version replaced its derived rows, ``"new"`` otherwise. Reviewed statuses
        (confirmed/rejected) survive an update for events and claims whose ids persist.
        """

    @abstractmethod
    def set_event_status(self, event_id: str, status: str, actor: str) -> None:
        """Confirm or reject an event (or put it back to automatic); logged with who did it."""

    @abstractmethod
    def set_claim_status(self, claim_id: str, status: str, actor: str) -> None:
        """Confirm or reject a control claim; logged with who did it."""

    @abstractmethod
    def save_control_snapshot(
        self,
        day: date,
        features: Iterable[Mapping[str, Any]],
        *,
        metadata: Mapping[str, Any] | None = None,
        actor: str = "control",
    ) -> None:
        """Store control areas valid from ``day`` until the next snapshot, replacing that day's.

        ``features`` are GeoJSON Feature mappings; ``properties.side`` and ``properties.kind``
        are stored as columns, and a geometry may be any object with ``__geo_interface__``.
        """

    # -- reading -----------------------------------------------------------------------------
    @abstractmethod
    def replace_control_snapshots(
        self,
        since: date,
        snapshots: Iterable[tuple[date, Iterable[Mapping[str, Any]]]],
        *,
        actor: str = "control",
    ) -> int:
        """Atomically replace every snapshot dated ``since`` or later by ``snapshots``.

        Readers see either the old series or the new one, never a mix; returns how many
        snapshots were written.
        """

    @abstractmethod
    def sync_control_snapshots(
        self,
        since: date,
        snapshots: Iterable[tuple[date, str, Callable[[], Any]]],
        *,
        actor: str = "control",
    ) -> int:
        """Make the snapshots dated ``since`` or later exactly ``snapshots``, writing only what
        differs, in one transaction.

        Each entry is ``(day, digest, features)``: ``digest`` is :func:`features_digest` of the
        features, and ``features`` is called only when the stored snapshot of that day has
        another digest (or none); it returns GeoJSON features or, to spare converting them
        twice, their :func:`prepare_features`. Stored days not listed are deleted. Readers
        see the old series or the new one, never a mix; returns how many were written.
        """

    @abstractmethod
    def sync_control_spans(
        self,
        since: date,
        days: Sequence[date],
        spans: Iterable[ControlSpan],
        *,
        metadata: Callable[[int], Mapping[str, Any]] | None = None,
        actor: str = "control",
    ) -> int:
        """Make the snapshots dated ``since`` or later exactly ``days``, each showing the
        spans that cover it (``days[span.first:span.end]``), in one transaction.

        Snapshots are stored as spans (a feature once for the run of change points that show
        it unchanged), so a claim that changes a few places rewrites those places' spans and
        the areas that changed, not every feature of every later snapshot. A stored span equal
        to a wanted one stays; ``span.row`` is called only for spans written, and
        ``metadata(k)`` only for the days ``days[k]`` written. Returns how many snapshots now
        show something else than before.
        """

    @abstractmethod
    def control_layer(
        self, since: date, below: int
    ) -> dict[date, tuple[dict[str, Any], list[tuple[int, str]]]]:
        """For each snapshot dated ``since`` or later: its metadata, and the position and
        digest of each of its features positioned below ``below``, in order; so a process
        that did not write them can tell which ones it would write the same."""

    @abstractmethod
    def control_snapshot_digests(self, since: date | None = None) -> dict[date, str | None]:
        """The digest of each stored snapshot dated ``since`` or later (None for a snapshot
        stored without one), so a caller can tell which ones it needs to write: equal
        digests mean the same features read back in the same order."""

    @abstractmethod
    def article(self, article_id: str) -> Article | None:
        """The stored article with its full text, or None."""

    @abstractmethod
    def articles(self) -> list[ArticleSummary]:
        """Every stored article without its text, newest publication first."""

    @abstractmethod
    def place_mentions(self, article_id: str) -> list[PlaceMention]:
        """The resolved place mentions of one article, in text order."""

    @abstractmethod
    def event(self, event_id: str) -> Event | None:
        """One event by id, whatever its status."""

    @abstractmethod
    def events_of_article(self, article_id: str) -> list[Event]:
        """Every event read from one article, in text order."""

    @abstractmethod
    def events_between(
        self,
        start: date,
        end: date,
        bbox: BBox | None = None,
        *,
        sides: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        min_confidence: float = 0.0,
        statuses: Sequence[str] = VISIBLE_STATUSES,
        sources: Sequence[str] | None = None,
        precisions: Sequence[str] | None = None,
    ) -> list[Event]:
        """Events dated ``start``..``end`` (inclusive) whose main place lies in ``bbox``.

        ``sides`` keeps events with at least one actor on one of those sides; ``sources``
        keeps events whose source (the article's, or the dataset's for imported events) is
        listed; ``precisions`` keeps events whose date precision is listed. Undated events are
        never returned; events without a place only when ``bbox`` is None.
        """

    @abstractmethod
    def event_rows(
        self,
        start: date,
        end: date,
        bbox: BBox | None = None,
        *,
        sides: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        min_confidence: float = 0.0,
        statuses: Sequence[str] = VISIBLE_STATUSES,
        sources: Sequence[str] | None = None,
        precisions: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        """The same selection as :meth:`events_between` as columns, for maps of 100k points.

        Keys: ``id``, ``type``, ``sides``, ``status``, ``place_name``, ``article_id``,
        ``source``, ``date_precision`` (lists);
        ``date`` (numpy datetime64[D]), ``lon``, ``lat``, ``confidence``, ``fatalities``
        (numpy float64, NaN when unknown).
        """

    @abstractmethod
    def claims_between(
        self,
        start: date,
        end: date,
        bbox: BBox | None = None,
        *,
        statuses: Sequence[str] = VISIBLE_STATUSES,
    ) -> list[Claim]:
        """Claims valid from a day in ``start``..``end`` (inclusive), optionally inside ``bbox``."""

    @abstractmethod
    def claims_until(
        self,
        day: date,
        bbox: BBox | None = None,
        *,
        statuses: Sequence[str] = VISIBLE_STATUSES,
    ) -> list[Claim]:
        """Every claim valid from ``day`` or earlier: the control model's input for that day."""

    @abstractmethod
    def claims_of_articles(
        self,
        article_ids: Sequence[str],
        *,
        statuses: Sequence[str] = VISIBLE_STATUSES,
    ) -> list[Claim]:
        """The claims read from these articles, in the order of :meth:`claims_until`: what an
        incremental control refresh adds after new articles arrive."""

    @abstractmethod
    def control_snapshot_on(self, day: date) -> ControlSnapshot | None:
        """The latest control snapshot at or before ``day``, or None before the first."""

    @abstractmethod
    def control_snapshot_days(self) -> list[date]:
        """The change points that have a snapshot, in order (the time slider's stops)."""

    @abstractmethod
    def counts_by_day(
        self,
        start: date,
        end: date,
        by: str = "side",
        bbox: BBox | None = None,
        *,
        statuses: Sequence[str] = VISIBLE_STATUSES,
        sides: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        min_confidence: float = 0.0,
        sources: Sequence[str] | None = None,
        precisions: Sequence[str] | None = None,
    ) -> list[DayCount]:
        """Events per day and side (an event counts once per side; "unknown" when none) or type.

        The filters select events as :meth:`events_between` does, so a timeline can show what
        the map shows; grouped by side with ``sides`` given, an event counts only under the
        listed sides it has.
        """

    @abstractmethod
    def event_owners(self, event_ids: Sequence[str]) -> dict[str, str | None]:
        """The article each of these event ids is stored under (absent ids are left out).

        Imports use it to skip events another file already brought in.
        """

    @abstractmethod
    def save_imported_area(
        self, area: ImportedControlArea, *, actor: str = "import"
    ) -> IngestOutcome:
        """Store a control polygon imported as a starting state; ``"unchanged"`` when an area
        with the same id is already stored, ``"new"`` otherwise."""

    @abstractmethod
    def imported_areas(self, until: date | None = None) -> list[ImportedControlArea]:
        """Imported control areas valid from ``until`` or earlier (all when None), by day."""

    @abstractmethod
    def change_log(self, since: int = 0, limit: int | None = None) -> list[ChangeLogEntry]:
        """Log entries after sequence number ``since``, oldest first."""

    @abstractmethod
    def log_mark(self, upto: int | None = None) -> LogMark:
        """Where the change log stands now (``upto`` None), or what it now holds at or below
        sequence number ``upto``: a cache that saved a mark is still valid exactly when
        ``log_mark(mark.seq) == mark``, and only entries after ``mark.seq`` are new to it."""

    @abstractmethod
    def stats(self) -> dict[str, Any]:
        """Row counts, date range and schema version, for ``conflictmap status`` and the web app."""
