"""The article pipeline end to end: read -> geoparse -> events and claims -> store.

Each stage is a small module with plain data between them; this module only chains them and
decides what happens to a file that fails (it is reported, the batch goes on, and nothing
partial from it is kept: the store writes each article in one transaction).
"""

from __future__ import annotations

import dataclasses
import sys
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
from dashboard.geoparse.model import PlaceMention

if TYPE_CHECKING:
    from dashboard.gazetteer import Gazetteer
    from dashboard.store import Store

# Bump when recognition, resolution or extraction rules change: re-ingesting an article then
# replaces its derived rows instead of reporting it unchanged.
PIPELINE_VERSION = "1"

Status = Literal["new", "unchanged", "updated", "failed"]


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the pipeline read in one article, before it is stored."""

    article: Article
    places: tuple[PlaceMention, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]


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
    from dashboard.geoparse import geoparse

    if use_ner:
        places = tuple(geoparse(article, gazetteer=gazetteer))
    else:
        places = tuple(geoparse(article, gazetteer=gazetteer, nlp=None))
    extraction = extract(article, list(places))
    return ArticleAnalysis(
        article=article,
        places=places,
        events=tuple(extraction.events),
        claims=tuple(extraction.claims),
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
    return [_ingest_one(store, article, name, actor) for article in articles]


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
                record(_ingest_one(store, article, str(file), actor))
    return summary


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


def refresh_control(store: Store, *, since: date | None) -> int:
    """Recompute control snapshots from ``since`` on, from every visible claim in the store.

    The timeline is rebuilt from the store rather than kept in memory, so any process (a CLI
    ingest, any web worker) gets the same result; the replacement is one transaction, so
    readers never see a half-updated series. Returns the number of snapshots written.
    """
    if since is None:
        return 0
    from dashboard.control import load_geography, snapshot_to_geojson
    from dashboard.exchange.areas import as_imported_areas, control_series

    claims = store.claims_until(date.max)
    # Imported control areas are the starting state, each from its own day on.
    imported = as_imported_areas(store.imported_areas())
    series = control_series(claims, load_geography(), imported)
    fresh = [(s.date, snapshot_to_geojson(s)["features"]) for s in series if s.date >= since]
    return store.replace_control_snapshots(since, fresh)
