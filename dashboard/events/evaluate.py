"""Score event and claim extraction against the gold annotations of the demo corpus.

Gold place mentions are fed in instead of the geoparser's output, so the numbers measure this
stage alone. Matching follows ``tests/data/gold/README.md``:

* an event matches a gold event in the same sentence with the same type (one-to-one);
* date accuracy is the share of matched events dated to the exact gold day;
* actor-side accuracy is the share of matched events (with gold actors) whose set of agent,
  patient and speaker sides equals the gold set; side recall counts gold sides found;
* a claim matches a gold claim with the same place, side and kind, ``valid_from`` within a day;
  gold claims annotated twice (same place, side, kind and start, from two sentences) count once;
* a date of precision ``week`` ("mi-octobre", "fin août", "at the end of May") stands for the
  window the date parser opens at it (:data:`WEEK_WINDOW_DAYS` from its first day): the gold
  gives one best-estimate day inside that window, which the text alone cannot pin, so any gold
  day inside the window counts as right, for event dates and claim starts alike.

Only the annotated ``text`` is scored: events read from the headline the reader puts before
it are left out, as the gold does not annotate titles.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from dashboard.articles import Article, read_json
from dashboard.events.extract import extract
from dashboard.events.model import Claim, Event
from dashboard.geoparse.model import PlaceMention
from dashboard.geoparse.recognise import sentence_bounds

ROOT = Path(__file__).resolve().parents[2]
ARTICLES_DIR = ROOT / "dashboard" / "demo" / "articles"
GOLD_DIR = ROOT / "tests" / "data" / "gold"
# Team-written articles on other episodes of the war, each beside its ``<name>.gold.json``;
# held out from rule writing (see its README).
EXTRA_DIR = ROOT / "tests" / "data" / "gold_extra"
SCORED_ROLES = ("agent", "patient", "speaker")
# "mi-octobre" opens on the 11th, "fin août" on the 21st: a window of about ten days.
WEEK_WINDOW_DAYS = 10


def date_matches(predicted: date | None, precision: str, gold: date, slack: int = 0) -> bool:
    """Whether a predicted date agrees with a gold day (``slack`` days either side)."""
    if predicted is None:
        return False
    if precision == "week":
        return -slack <= (gold - predicted).days <= WEEK_WINDOW_DAYS + slack
    return abs((predicted - gold).days) <= slack


@cache
def _countries() -> tuple[list[str], Any]:
    """Country polygons of the shipped layer, indexed once for point-in-polygon."""
    import shapely

    from dashboard.geodata import load_layer

    layer = load_layer("countries")
    layer = layer[layer["country"].notna()]
    return list(layer["country"]), shapely.STRtree(list(layer.geometry))


_SAME_PLACE_KM = 25.0  # a gazetteer feature this close to a gold point under its name is it


def _geoparsed(
    lat: float, lon: float, gold_kind: str, name: str, mention: str = ""
) -> tuple[str | None, str | None]:
    """The country and first-level division a geoparser would attach to a gold place: those of
    the gazetteer's feature of that name at the gold point, else the shipped country polygon
    containing the point (a coarse polygon puts a border post like Kessab's on the wrong side
    of the line) and no division."""
    import shapely

    from dashboard.gazetteer import distance_km, load_gazetteer

    if gold_kind == "country":
        return {"Iraq": "IQ", "Syria": "SY"}.get(name), None
    if gold_kind == "river":
        return None, None
    gazetteer = load_gazetteer()
    for text in dict.fromkeys(t for t in (mention, name) if t):
        near = [
            c
            for c in gazetteer.lookup(text, limit=10)
            if c.country and distance_km(lat, lon, c.lat, c.lon) <= _SAME_PLACE_KM
        ]
        if near:
            found = min(near, key=lambda c: distance_km(lat, lon, c.lat, c.lon))
            return found.country, found.admin1 or None
    codes, tree = _countries()
    hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
    return (codes[int(hits[0])] if len(hits) else None), None


def _nth(text: str, needle: str, n: int) -> int:
    pos, start = -1, 0
    for _ in range(n):
        pos = text.find(needle, start)
        if pos < 0:
            return -1
        start = pos + len(needle)
    return pos


def raw_offsets(article: Article, raw_text: str) -> list[int] | None:
    """Offset in ``article.text`` of every character of the annotated ``raw_text``.

    The reader may normalise whitespace (a bullet list's single newlines become paragraph
    breaks), so the raw text is not always a verbatim slice of the article; the two are aligned
    character by character, skipping whitespace on either side. None when they differ in more
    than whitespace.
    """
    text = article.text
    start = text.find(raw_text.strip().split("\n", 1)[0][:60])
    if start < 0:
        return None
    offsets: list[int] = []
    j = start
    # leading whitespace of the raw text maps to the start
    offsets.extend(j for _ in range(len(raw_text) - len(raw_text.lstrip())))
    i = len(offsets)
    while i < len(raw_text):
        ch = raw_text[i]
        if j < len(text) and text[j] == ch:
            offsets.append(j)
            i, j = i + 1, j + 1
        elif ch.isspace():
            offsets.append(j)
            i += 1
        elif j < len(text) and text[j].isspace():
            j += 1
        else:
            return None
    return offsets


def gold_places(article: Article, raw_text: str, gold: dict[str, Any]) -> list[PlaceMention]:
    """PlaceMentions built from the gold annotation, at offsets of ``article.text``."""
    offsets = raw_offsets(article, raw_text) or []
    # the sentence of each mention, counted as the geoparser counts them
    sentence_ends = [end for _, end, _ in sentence_bounds(article)]
    mentions = []
    for place in gold["places"]:
        pos = _nth(raw_text, place["mention"], place["occurrence"])
        if pos < 0 or not offsets:
            continue
        start = offsets[pos]
        end = offsets[pos + len(place["mention"]) - 1] + 1
        geonameid = place.get("geonameid")
        country, admin1 = _geoparsed(
            place["lat"], place["lon"], place["kind"], place["name"], place["mention"]
        )
        mentions.append(
            PlaceMention(
                article_id=article.id,
                start=start,
                end=end,
                text=article.text[start:end],
                place_id=f"gn:{geonameid}" if geonameid else f"name:{place['name']}",
                name=place["name"],
                lat=place["lat"],
                lon=place["lon"],
                kind=place["kind"],
                precision=place["precision"],
                country=country,
                admin1=admin1,
                confidence=1.0,
                sentence_index=min(
                    bisect.bisect_right(sentence_ends, start), max(len(sentence_ends) - 1, 0)
                ),
            )
        )
    return mentions


def load_split(
    split: str, corpus: Path | None = None
) -> Iterable[tuple[str, Article, str, dict[str, Any]]]:
    """(name, article, raw text, gold) for each article of ``split`` ("dev", "test", "all").

    ``corpus`` is a directory holding articles with their gold beside them as
    ``<name>.gold.json`` (such as :data:`EXTRA_DIR`); by default the demo corpus is read, with
    its gold in ``tests/data/gold``.
    """
    gold_paths = sorted(corpus.glob("*.gold.json")) if corpus else sorted(GOLD_DIR.glob("*.json"))
    articles_dir = corpus or ARTICLES_DIR
    for gold_path in gold_paths:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if split != "all" and gold.get("split") != split:
            continue
        article_path = articles_dir / gold["article"]
        raw = json.loads(article_path.read_text(encoding="utf-8"))
        article = read_json(article_path.read_bytes(), name=str(article_path))[0]
        yield gold["article"], article, raw["text"], gold


def _ratio(num: int, den: int) -> float:
    return round(num / den, 3) if den else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def evaluate_events(
    split: str = "dev", *, details: bool = False, corpus: Path | None = None
) -> dict[str, Any]:
    """Precision, recall and F1 of events and claims on a split of the demo corpus, or of
    another annotated ``corpus`` directory (see :func:`load_split`)."""
    tp = fp = fn = 0
    date_ok = neg_ok = 0
    side_exact = side_scored = side_found = side_total = 0
    c_tp = c_fp = c_fn = 0
    report: list[dict[str, Any]] = []
    for name, article, raw_text, gold in load_split(split, corpus):
        offsets = raw_offsets(article, raw_text) or [-1]
        places = gold_places(article, raw_text, gold)
        result = extract(article, places)
        events = [e for e in result.events if e.sentence_start >= offsets[0]]
        matched, unmatched_gold, extra = _match_events(raw_text, offsets, gold, events)
        tp += len(matched)
        fn += len(unmatched_gold)
        fp += len(extra)
        for g, e in matched:
            date_ok += date_matches(e.date, e.date_precision, date.fromisoformat(g["date"]))
            neg_ok += e.negated == bool(g.get("negated"))
            gold_sides = {a["side"] for a in g.get("actors", [])}
            if gold_sides:
                pred = {a.side for a in e.actors if a.role in SCORED_ROLES}
                every = {a.side for a in e.actors}
                side_scored += 1
                side_exact += pred == gold_sides
                side_total += len(gold_sides)
                side_found += len(gold_sides & every)
        ctp, cmiss, cextra = _match_claims(gold["claims"], list(result.claims), _gold_ids(gold))
        c_tp += len(ctp)
        c_fn += len(cmiss)
        c_fp += len(cextra)
        if details:
            report.append(
                {
                    "article": name,
                    "missed_events": [(g["type"], g["sentence_contains"]) for g in unmatched_gold],
                    "extra_events": [(e.type, e.sentence[:90]) for e in extra],
                    "wrong_dates": [
                        (
                            g["type"],
                            g["date"],
                            e.date.isoformat() if e.date else None,
                            g["sentence_contains"],
                        )
                        for g, e in matched
                        if not date_matches(e.date, e.date_precision, date.fromisoformat(g["date"]))
                    ],
                    "missed_claims": [(c["place"], c["side"], c["from"], c["kind"]) for c in cmiss],
                    "extra_claims": [
                        (c.place_name, c.side, c.valid_from.isoformat(), c.kind, c.sentence[:70])
                        for c in cextra
                    ],
                }
            )
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    c_precision, c_recall = _ratio(c_tp, c_tp + c_fp), _ratio(c_tp, c_tp + c_fn)
    out: dict[str, Any] = {
        "split": split,
        "events": {
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
            "date_accuracy": _ratio(date_ok, tp),
            "negation_accuracy": _ratio(neg_ok, tp),
            "actor_side_exact": _ratio(side_exact, side_scored),
            "actor_side_recall": _ratio(side_found, side_total),
        },
        "claims": {
            "tp": c_tp,
            "fp": c_fp,
            "fn": c_fn,
            "precision": c_precision,
            "recall": c_recall,
            "f1": _f1(c_precision, c_recall),
        },
    }
    if details:
        out["articles"] = report
    return out


def _match_events(
    raw_text: str, offsets: list[int], gold: dict[str, Any], events: list[Event]
) -> tuple[list[tuple[dict[str, Any], Event]], list[dict[str, Any]], list[Event]]:
    free = list(events)
    matched = []
    missed = []
    for g in gold["events"]:
        pos = raw_text.find(g["sentence_contains"])
        offset = offsets[pos] if 0 <= pos < len(offsets) else -1
        hit = next(
            (
                e
                for e in free
                if e.type == g["type"] and e.sentence_start <= offset < e.sentence_end
            ),
            None,
        )
        if hit is None:
            missed.append(g)
        else:
            matched.append((g, hit))
            free.remove(hit)
    return matched, missed, free


def _gold_ids(gold: dict[str, Any]) -> dict[str, set[str]]:
    """The gazetteer ids each gold place name stands for, by its GeoNames id."""
    ids: dict[str, set[str]] = {}
    for place in gold.get("places", []):
        if place.get("geonameid"):
            ids.setdefault(place["name"], set()).add(f"gn:{place['geonameid']}")
    return ids


def _match_claims(
    gold: list[dict[str, Any]], claims: list[Claim], ids: dict[str, set[str]] | None = None
) -> tuple[list[tuple[dict[str, Any], Claim]], list[dict[str, Any]], list[Claim]]:
    """Gold claims matched to claims found. A claim names its place as the gold does, or
    carries its id: a province the rules reach through a town's division bears the
    gazetteer's name ("Ar Raqqah" for the gold's "Raqqa Governorate")."""
    ids = ids or {}
    free = list(claims)
    matched = []
    missed = []
    for g in _distinct_claims(gold):
        day = date.fromisoformat(g["from"])
        same = ids.get(g["place"], set())
        hit = next(
            (
                c
                for c in free
                if (c.place_name == g["place"] or c.place_id in same)
                and c.side == g["side"]
                and c.kind == g["kind"]
                and date_matches(c.valid_from, c.extra.get("date_precision", "day"), day, 1)
            ),
            None,
        )
        if hit is None:
            missed.append(g)
        else:
            matched.append((g, hit))
            free.remove(hit)
    return matched, missed, free


def _distinct_claims(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A claim annotated once per sentence that restates it is one claim: the extractor keeps
    one claim per place, side, kind and day, so a repeat could never be matched."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for g in gold:
        key = (g["place"], g["side"], g["kind"], g["from"])
        if key not in seen:
            seen.add(key)
            out.append(g)
    return out


def with_published(article: Article, published: date) -> Article:
    """Copy of ``article`` with a publication date (for texts whose reader found none)."""
    return replace(article, published=published)
