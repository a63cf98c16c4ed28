"""The article pipeline end to end: read -> geoparse -> events and claims -> store.

Each stage is a small module with plain data between them; this module only chains them and
decides what happens to a file that fails (it is reported, the batch goes on, and nothing
partial from it is kept: the store writes each article in one transaction).
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dashboard.articles import read_articles
from dashboard.articles.errors import UnreadableArticle
from dashboard.articles.files import MAX_ARTICLE_BYTES, STDIN, expand_path
from dashboard.articles.model import Article
from dashboard.events.model import Claim, Event
from dashboard.geoparse.facilities import FacilityMention
from dashboard.geoparse.model import PlaceMention

if TYPE_CHECKING:
    from dashboard.control import ControlRules, Geography
    from dashboard.control.stored import SeriesSpans
    from dashboard.exchange.areas import ControlSeries
    from dashboard.gazetteer import Gazetteer
    from dashboard.store import LogMark, Store

# Bump when recognition, resolution or extraction rules change: re-ingesting an article then
# replaces its derived rows instead of reporting it unchanged.
PIPELINE_VERSION = "25"

Status = Literal["new", "unchanged", "updated", "failed"]


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the pipeline read in one article, before it is stored."""

    article: Article
    places: tuple[PlaceMention, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    # named streets and buildings no gazetteer holds: reported, never mapped
    unlocated: tuple[FacilityMention, ...] = ()


@dataclass(frozen=True)
class IngestResult:
    """What happened to one article (or to a whole file that could not be read)."""

    source: str
    status: Status
    article_id: str | None = None
    title: str | None = None
    reason: str | None = None
    places: int = 0
    events: int = 0
    claims: int = 0
    warnings: tuple[str, ...] = ()
    claim_days: tuple[date, ...] = ()
    """Days the stored claims start on: control must be recomputed from the earliest."""


@dataclass
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failures(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def earliest_changed_day(self) -> date | None:
        """Control must be recomputed from here on: the first day a stored claim speaks of."""
        return min(
            (d for r in self.results if r.status in ("new", "updated") for d in r.claim_days),
            default=None,
        )

    def line(self) -> str:
        read = len(self.results) - self.count("failed")
        return (
            f"read {read}, new {self.count('new')}, unchanged {self.count('unchanged')}, "
            f"updated {self.count('updated')}, failed {self.count('failed')}"
        )


def analyse(
    article: Article, *, gazetteer: Gazetteer | None = None, use_ner: bool = True
) -> ArticleAnalysis:
    """Run geoparsing and event extraction on one article; pure apart from loading models.

    ``use_ner`` lets spaCy's French model (when installed, loaded once per process) add
    evidence for toponyms; the rules work without it.
    """
    from dashboard.events.extract import extract
    from dashboard.geoparse import geoparse_all

    if use_ner:
        located, unlocated = geoparse_all(article, gazetteer=gazetteer)
    else:
        located, unlocated = geoparse_all(article, gazetteer=gazetteer, nlp=None)
    places = tuple(located)
    extraction = extract(article, list(places))
    return ArticleAnalysis(
        article=article,
        places=places,
        events=tuple(extraction.events),
        claims=tuple(extraction.claims),
        unlocated=tuple(unlocated),
    )


def ingest_article(store: Store, article: Article, *, actor: str = "cli") -> IngestResult:
    analysis = analyse(article)
    status = store.replace_article(
        analysis.article,
        analysis.places,
        analysis.events,
        analysis.claims,
        pipeline_version=PIPELINE_VERSION,
        actor=actor,
    )
    return IngestResult(
        source=article.path or article.url or article.title or article.id,
        status=status,
        article_id=article.id,
        title=article.title,
        places=len(analysis.places),
        events=len(analysis.events),
        claims=len(analysis.claims),
        warnings=article.warnings,
        claim_days=tuple(sorted({c.valid_from for c in analysis.claims})),
    )


def ingest_bytes(
    store: Store,
    name: str,
    data: bytes,
    *,
    published: date | None = None,
    actor: str = "web",
) -> list[IngestResult]:
    """Ingest one uploaded file (it may hold several articles, e.g. JSON Lines or a feed)."""
    try:
        articles = read_articles(data, name=name, published=published)
    except UnreadableArticle as error:
        return [IngestResult(source=name, status="failed", reason=error.reason)]
    results = [_ingest_one(store, a, name, actor) for a in articles if a.published is not None]
    undated = [a for a in articles if a.published is None]
    neighbours = _store_dates(store) if undated else []
    return [
        *results,
        *(_ingest_one(store, _dated_by_neighbours(a, neighbours), name, actor) for a in undated),
    ]


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    actor: str = "cli",
    on_result: Callable[[IngestResult], None] | None = None,
    stdin: object | None = None,
) -> IngestSummary:
    """Ingest files, folders, globs and ``-``, one article per transaction, going on after
    failures; ``on_result`` is called after each article (progress bars, logs)."""
    summary = IngestSummary()
    undated: list[tuple[Article, str]] = []

    def record(result: IngestResult) -> None:
        summary.results.append(result)
        if on_result is not None:
            on_result(result)

    for item in paths:
        if str(item) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(MAX_ARTICLE_BYTES + 1)  # type: ignore[attr-defined]
            for result in ingest_bytes(store, "<stdin>", data, published=published, actor=actor):
                record(result)
            continue
        files, problem = expand_path(item)
        if problem:
            record(IngestResult(source=str(item), status="failed", reason=problem))
        for file in files:
            try:
                articles = read_articles(file, published=published)
            except UnreadableArticle as error:
                record(IngestResult(source=str(file), status="failed", reason=error.reason))
                continue
            for article in articles:
                if article.published is None:
                    undated.append((article, str(file)))  # dated by the batch, once it is in
                    continue
                record(_ingest_one(store, article, str(file), actor))
    neighbours = _store_dates(store) if undated else []
    for article, source in undated:
        record(_ingest_one(store, _dated_by_neighbours(article, neighbours), source, actor))
    return summary


def _store_dates(store: Store) -> list[date]:
    """Publication dates of the store's articles, read once per batch."""
    return [a.published for a in store.articles() if a.published is not None]


def _dated_by_neighbours(article: Article, neighbours: list[date]) -> Article:
    """An article whose dateline lacks its year ("BAGHDAD, Nov 3 (Reuters) -") and whose text
    gives no other clue, dated by the year of the articles the store already holds."""
    from dashboard.dates import year_from_neighbours

    if article.published is not None:
        return article
    guess = year_from_neighbours(article.text, article.language, neighbours)
    if guess is None:
        return article
    return dataclasses.replace(
        article,
        published=guess.value,
        published_origin="inferred",
        published_confidence=guess.confidence,
        warnings=(*article.warnings, f"publication date inferred: {guess.explanation}"),
    )


def _ingest_one(store: Store, article: Article, source: str, actor: str) -> IngestResult:
    from dashboard.errors import ConflictmapError
    from dashboard.store import StoreError

    try:
        result = ingest_article(store, article, actor=actor)
    except StoreError:
        raise  # the store itself is unusable: stop the batch, the message says why
    except (ConflictmapError, ValueError) as error:
        return IngestResult(
            source=source, status="failed", article_id=article.id, reason=str(error)
        )
    return dataclasses.replace(result, source=source)


class ControlCache:
    """The control series this process last built for a store, reused while the store's change
    log says only new articles arrived since.

    Several processes (web workers, CLI runs) share one store, so the store stays the source of
    truth and this is only a cache: before each use it is checked against the store's change
    log (:meth:`Store.log_mark`). Added articles are replayed as new claims; any other change
    (an article replaced, a claim reviewed, an area imported, an entry of an unknown kind, the
    geography files rebuilt) or a log that no longer matches the mark means a full rebuild.
    Refreshes in one process are serialised by a lock; the timelines are not thread-safe.
    """

    # change-log tables whose entries do not touch what control is computed from
    IGNORED_TABLES = frozenset({"control_snapshots", "events"})

    def __init__(self, size: int = 2) -> None:
        self.size = size
        self.lock = threading.Lock()
        self.entries: list[_CachedSeries] = []
        self.rebuilds = 0
        self.increments = 0

    def clear(self) -> None:
        """Forget every cached series (the next refresh rebuilds from the store)."""
        with self.lock:
            self.entries.clear()

    def series(
        self, store: Store, geography: Geography | None, rules: ControlRules | None
    ) -> _CachedSeries:
        """The series for the store as it is now: the cached one brought up to date, or a new
        one built from every claim. Call with :attr:`lock` held."""
        token = _geography_token() if geography is None else None
        entry = self._find(store.identity, geography, token, rules)
        if entry is not None:
            self.entries.remove(entry)  # put back only once it is known to be current
            if self._catch_up(store, entry):
                self.increments += 1
                self.entries.insert(0, entry)
                return entry
        entry = self._build(store, geography, token, rules)
        self.rebuilds += 1
        self.entries.insert(0, entry)
        del self.entries[self.size :]
        return entry

    def _find(
        self,
        identity: str,
        geography: Geography | None,
        token: tuple | None,
        rules: ControlRules | None,
    ) -> _CachedSeries | None:
        for entry in self.entries:
            same_geography = (
                entry.geography is geography if geography is not None else entry.token == token
            )
            if entry.identity == identity and same_geography and entry.rules is rules:
                return entry
        return None

    def _build(
        self,
        store: Store,
        geography: Geography | None,
        token: tuple | None,
        rules: ControlRules | None,
    ) -> _CachedSeries:
        from dashboard.control import load_geography
        from dashboard.exchange.areas import ControlSeries, as_imported_areas

        # The mark is read before the inputs: whatever lands in between is replayed next time
        # (adding a claim twice changes nothing) or forces a rebuild.
        mark = store.log_mark()
        records = store.imported_areas()
        # Imported control areas are the starting state, each from its own day on.
        series = ControlSeries(
            geography if geography is not None else load_geography(),
            as_imported_areas(records),
            rules,
        )
        series.add_claims(store.claims_until(date.max))
        return _CachedSeries(store.identity, geography, token, rules, mark, series)

    def _catch_up(self, store: Store, entry: _CachedSeries) -> bool:
        """Replay the articles added since the entry's mark; False when only a rebuild will do."""
        if store.log_mark(entry.mark.seq) != entry.mark:
            return False  # another store at the same place, or an entry committed late
        changes = store.change_log(since=entry.mark.seq)
        if not changes:
            return True
        added: list[str] = []
        for change in changes:
            if change.table in self.IGNORED_TABLES:
                continue
            if change.table == "articles" and change.action == "insert":
                if change.detail.get("claims", 1):
                    added.append(change.row_id)
                continue
            return False
        claims = store.claims_of_articles(added) if added else []
        known = entry.series.before.claims
        if any(c.id in known and known[c.id] != c for c in claims):
            return False  # a claim id came back with other content: not an addition
        if claims:
            entry.series.add_claims(claims)
        from dashboard.store import LogMark

        last = changes[-1]
        # counted as seen: an entry numbered lower that commits later shows in the next check
        entry.mark = LogMark(last.seq, entry.mark.count + len(changes), last.at)
        return True


@dataclass
class _CachedSeries:
    identity: str
    geography: Geography | None
    token: tuple | None
    rules: ControlRules | None
    mark: LogMark
    series: ControlSeries
    spans: SeriesSpans = field(default_factory=lambda: _series_spans())
    """What was converted of the series' snapshots, so a refresh converts only what changed."""


def _series_spans() -> SeriesSpans:
    from dashboard.control.stored import SeriesSpans

    return SeriesSpans()


def _geography_token() -> tuple:
    """The shipped layers :func:`load_geography` reads, by modification time: a rebuilt file
    means another geography, so the cached series is not reused."""
    from dashboard.geodata.layers import layer_path

    token = []
    for name in ("countries", "admin1", "rivers", "iraq_admin2"):
        try:
            token.append((name, layer_path(name, "analysis").stat().st_mtime_ns))
        except OSError:
            token.append((name, None))
    return tuple(token)


CONTROL_CACHE = ControlCache()
"""The process's cache; tests and tools that want their own pass another to refresh_control."""


def refresh_control(
    store: Store,
    *,
    since: date | None,
    geography: Geography | None = None,
    rules: ControlRules | None = None,
    cache: ControlCache | None = None,
) -> int:
    """Recompute control snapshots from ``since`` on, from every visible claim in the store.

    The series is kept per process (``cache``, by default :data:`CONTROL_CACHE`) and checked
    against the store's change log first, so after new articles only what their claims affect
    is recomputed; any other change rebuilds it from the store, and every process gets the
    same result. The store keeps each feature once for the run of change points that show it
    unchanged, so only the features that differ are converted and written, in one
    transaction: readers never see a half-updated series. Returns the number of snapshots
    that changed.
    """
    if since is None:
        return 0
    from dashboard.control.stored import PLACES

    cache = cache if cache is not None else CONTROL_CACHE
    with cache.lock:
        entry = cache.series(store, geography, rules)
        since = entry.spans.first_changed(entry.series.snapshots, since)
        snapshots = [s for s in entry.series.snapshots if s.date >= since]
        layers = entry.spans
        if layers.fresh:  # trust what the store holds where it was made from the same inputs
            stored = store.control_layer(since, PLACES)
            layers.seed({day: (meta.get("areas"), found) for day, (meta, found) in stored.items()})
        spans = layers.spans(snapshots)
        return store.sync_control_spans(
            since,
            [s.date for s in snapshots],
            spans,
            metadata=lambda k: {"areas": layers.fingerprint(snapshots[k])},
        )
