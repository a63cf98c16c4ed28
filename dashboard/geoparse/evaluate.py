"""Geoparsing evaluation on public corpora and on the project's own gold corpus.

Protocols (stated so figures can be compared):

* Recognition: precision/recall/F1 with **exact character-span** match, as in the published
  GeoWebNews recomputation the project compares with (peer scores §4); an overlap-match F1 is
  reported beside it because corpora disagree on whether "Anbar province" or "Anbar" is the
  mention.
* Resolution, end to end: over toponyms recognised with an exact span that have gold
  coordinates: Acc@161 km, mean and median error (km); on the own corpus also the share within
  10 km.
* Resolution on gold spans: every gold toponym with coordinates is given to the resolver (the
  article's other gold spans are its context), which is how Mordecai 3's resolution figures are
  usually compared (its README evaluates the ranking model on annotated place names).

Public corpora are split deterministically by a hash of the document id into ``dev`` and
``test`` halves; rules may be examined on dev errors only, and the test half is the headline.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.articles.model import Article
from dashboard.gazetteer import Gazetteer, distance_km, fold
from dashboard.geoparse import lexicons as lx
from dashboard.geoparse.facilities import FacilityMention
from dashboard.geoparse.model import PlaceMention
from dashboard.geoparse.recognise import Scheme, Span
from dashboard.geoparse.resolve import resolve
from dashboard.geoparse.rivers import river_lines

# GeoWebNews annotation types that are not toponyms (the exclusion list of its dataset code).
_GWN_NOT_TOPONYM = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})
PUBLIC_CORPORA = {
    "geowebnews": "geowebnews.jsonl",
    "tr_news": "tr_news.jsonl",
    "iraq_syria": "iraq_syria_region_subset.jsonl",
}


@dataclass(frozen=True)
class GoldPlace:
    """One gold toponym: span in the document text and, when known, its coordinates."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    """A document with its gold toponyms, from any corpus."""

    id: str
    text: str
    lang: str
    places: tuple[GoldPlace, ...]
    split: str
    article: Article | None = None
    offset: int = 0  # where the gold text starts inside ``article.text``


@dataclass
class Scores:
    """Recognition and resolution figures for one corpus slice."""

    documents: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    overlap_tp: int = 0
    unlocated: int = 0  # recognised streets and buildings left without coordinates
    errors_km: list[float] = field(default_factory=list)
    gold_span_errors_km: list[float] = field(default_factory=list)
    # the same, counting a prediction with the gold GeoNames id as 0 km: the shipped gazetteer
    # places countries and governorates at label points, not at GeoNames' nominal centres
    errors_km_id: list[float] = field(default_factory=list)
    gold_span_errors_km_id: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def overlap_f1(self) -> float:
        """F1 when any character overlap counts as a match (each gold matched at most once)."""
        pred = self.tp + self.fp
        gold = self.tp + self.fn
        p = self.overlap_tp / pred if pred else 0.0
        r = self.overlap_tp / gold if gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Rounded figures for printing or JSON."""
        return {
            "documents": self.documents,
            "P": round(self.precision, 3),
            "R": round(self.recall, 3),
            "F1": round(self.f1, 3),
            "F1_overlap": round(self.overlap_f1, 3),
            "TP": self.tp,
            "FP": self.fp,
            "FN": self.fn,
            "unlocated": self.unlocated,
            **_error_stats("e2e", self.errors_km),
            **_error_stats("gold_spans", self.gold_span_errors_km),
            **_error_stats("e2e_id", self.errors_km_id),
            **_error_stats("gold_spans_id", self.gold_span_errors_km_id),
        }


def _error_stats(prefix: str, errors: list[float]) -> dict[str, Any]:
    if not errors:
        return {f"{prefix}_n": 0}
    return {
        f"{prefix}_n": len(errors),
        f"{prefix}_acc161": round(sum(e <= 161 for e in errors) / len(errors), 3),
        f"{prefix}_within10": round(sum(e <= 10 for e in errors) / len(errors), 3),
        f"{prefix}_mean_km": round(statistics.fmean(errors), 1),
        f"{prefix}_median_km": round(statistics.median(errors), 1),
    }


def split_of(doc_id: str) -> str:
    """Deterministic dev/test half of a public-corpus document (by a hash of its id)."""
    return "dev" if hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 0 else "test"


def _is_gold_toponym(row: dict[str, Any]) -> bool:
    if "type" in row:
        return bool(row.get("is_toponym")) and row["type"] not in _GWN_NOT_TOPONYM
    return True


def read_public_corpus(path: Path) -> Iterator[GoldDocument]:
    """Documents of a public JSONL corpus with gold toponyms under its own guideline."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            places = tuple(
                GoldPlace(
                    t["start"],
                    t["end"],
                    d["text"][t["start"] : t["end"]],
                    t.get("lat"),
                    t.get("lon"),
                    str(t["geonameid"]) if t.get("geonameid") else None,
                )
                for t in d["toponyms"]
                if _is_gold_toponym(t) and t.get("start") is not None and t.get("end") is not None
            )
            yield GoldDocument(d["id"], d["text"], d.get("lang") or "en", places, split_of(d["id"]))


def read_own_corpus(articles_dir: Path, gold_dir: Path) -> Iterator[GoldDocument]:
    """The demo articles with their gold places; offsets found with ``str.find`` per guideline."""
    from dashboard.articles import read_articles

    for gold_path in sorted(gold_dir.glob("*.json")):
        article_path = articles_dir / gold_path.name
        if not article_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        record = json.loads(article_path.read_text(encoding="utf-8"))
        text = record["text"]
        places = []
        for p in gold.get("places", []):
            start = _nth_occurrence(text, p["mention"], int(p.get("occurrence", 1)))
            if start < 0:
                continue
            gid = str(p["geonameid"]) if p.get("geonameid") else None
            end = start + len(p["mention"])
            places.append(GoldPlace(start, end, p["mention"], p.get("lat"), p.get("lon"), gid))
        article = read_articles(article_path)[0]
        offset = article.text.find(text)
        if offset < 0:
            article, offset = None, 0
        yield GoldDocument(
            gold_path.stem,
            text,
            record.get("language") or "en",
            tuple(places),
            gold.get("split", "dev"),
            article,
            offset,
        )


def _nth_occurrence(text: str, sub: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find(sub, pos + (len(sub) if pos >= 0 else 1))
        if pos < 0:
            return -1
    return pos


Predicted = PlaceMention | FacilityMention
Parser = Callable[[GoldDocument], list[Predicted]]


def default_parser(gazetteer: Gazetteer, scheme: Scheme = "literal", nlp: Any = None) -> Parser:
    """A parser for :func:`score_documents`: geoparse the article (or the bare text).

    Named streets and buildings count as recognised toponyms; those no gazetteer can place
    are left out of the resolution figures (as before they were recognised) and counted.
    """
    from dashboard.geoparse import geoparse_all

    def parse(doc: GoldDocument) -> list[Predicted]:
        if doc.article is not None:
            places, facilities = geoparse_all(doc.article, gazetteer, nlp=nlp, scheme=scheme)
            shift = doc.offset
            return [
                _shifted(m, -shift)
                for m in [*places, *facilities]
                if m.start >= shift and m.end <= shift + len(doc.text)
            ]
        places, facilities = geoparse_all(
            doc.text, gazetteer, nlp=nlp, lang=doc.lang, scheme=scheme
        )
        return [*places, *facilities]

    return parse


def _shifted(m: Predicted, delta: int) -> Predicted:
    from dataclasses import replace

    return replace(m, start=m.start + delta, end=m.end + delta)


def _gold_spans(doc: GoldDocument) -> list[Span]:
    spans = []
    for g in doc.places:
        key = fold(g.text)
        demonym = lx.DEMONYMS.get(g.text.casefold())
        spans.append(
            Span(g.start, g.end, g.text, g.text, g.start, g.end, key, None, 0.5, demonym=demonym)
        )
    return spans


def score_documents(
    docs: Iterable[GoldDocument], parse: Parser, gazetteer: Gazetteer
) -> dict[str, Scores]:
    """Scores per split ("dev", "test") and over everything ("all")."""
    out = {"dev": Scores(), "test": Scores(), "all": Scores()}
    for doc in docs:
        predicted = parse(doc)
        gold_resolved = resolve(
            _gold_spans(doc), doc.text, gazetteer, lang=doc.lang, rivers=river_lines()
        )
        for key in (doc.split, "all"):
            _score_one(out.setdefault(key, Scores()), doc, predicted, gold_resolved)
    return out


def _score_one(
    s: Scores, doc: GoldDocument, predicted: list[Predicted], gold_resolved: list[PlaceMention]
) -> None:
    s.documents += 1
    gold_by_span = {(g.start, g.end): g for g in doc.places}
    pred_spans = {(m.start, m.end): m for m in predicted}
    for span, m in pred_spans.items():
        g = gold_by_span.get(span)
        if g is None:
            s.fp += 1
            continue
        s.tp += 1
        if g.lat is not None and g.lon is not None:
            at = _coordinates(m)
            if at is None:
                s.unlocated += 1  # recognised, but no gazetteer can place it: not resolved
                continue
            err = distance_km(g.lat, g.lon, *at)
            s.errors_km.append(err)
            s.errors_km_id.append(0.0 if _same_id(g, m) else err)
    s.fn += sum(1 for span in gold_by_span if span not in pred_spans)
    used: set[tuple[int, int]] = set()
    for m in predicted:
        for span in gold_by_span:
            if span not in used and m.start < span[1] and span[0] < m.end:
                used.add(span)
                s.overlap_tp += 1
                break
    resolved = {(m.start, m.end): m for m in gold_resolved}
    for span, g in gold_by_span.items():
        if g.lat is None or g.lon is None:
            continue
        m = resolved.get(span)
        # a gold toponym the gazetteer cannot resolve counts as a maximal error
        err = distance_km(g.lat, g.lon, m.lat, m.lon) if m is not None else _UNPLACED_KM
        s.gold_span_errors_km.append(err)
        s.gold_span_errors_km_id.append(0.0 if m is not None and _same_id(g, m) else err)


_UNPLACED_KM = 20_000.0  # a gold toponym the gazetteer cannot resolve is as wrong as can be


def _coordinates(m: Predicted) -> tuple[float, float] | None:
    if isinstance(m, FacilityMention):
        return (m.near.lat, m.near.lon) if m.near is not None else None
    return m.lat, m.lon


def _same_id(gold: GoldPlace, m: Predicted) -> bool:
    return (
        isinstance(m, PlaceMention)
        and gold.geonameid is not None
        and m.place_id == f"gn:{gold.geonameid}"
    )


def evaluate_public(
    corpus: str,
    benchmarks_dir: Path,
    gazetteer: Gazetteer,
    scheme: Scheme = "inclusive",
    nlp: Any = None,
) -> dict[str, Scores]:
    """Scores on one public corpus ("geowebnews", "tr_news", "iraq_syria") under its guideline."""
    path = benchmarks_dir / PUBLIC_CORPORA[corpus]
    return score_documents(
        read_public_corpus(path), default_parser(gazetteer, scheme, nlp), gazetteer
    )


def evaluate_own(
    articles_dir: Path, gold_dir: Path, gazetteer: Gazetteer, nlp: Any = None
) -> dict[str, Scores]:
    """Scores on the project's own gold corpus (dev and test splits), literal scheme."""
    docs = list(read_own_corpus(articles_dir, gold_dir))
    return score_documents(docs, default_parser(gazetteer, "literal", nlp), gazetteer)


def format_table(rows: dict[str, dict[str, Scores]]) -> str:
    """A plain-text table: one line per corpus and split."""
    cols = (
        "documents",
        "P",
        "R",
        "F1",
        "F1_overlap",
        "e2e_n",
        "e2e_acc161",
        "e2e_mean_km",
        "e2e_median_km",
        "e2e_within10",
        "e2e_id_acc161",
        "e2e_id_mean_km",
        "gold_spans_n",
        "gold_spans_acc161",
        "gold_spans_mean_km",
        "gold_spans_median_km",
        "gold_spans_id_acc161",
    )
    lines = ["corpus/split  " + "  ".join(cols)]
    for name, by_split in rows.items():
        for split, sc in by_split.items():
            d = sc.as_dict()
            lines.append(f"{name}/{split}  " + "  ".join(str(d.get(c, "-")) for c in cols))
    return "\n".join(lines)
