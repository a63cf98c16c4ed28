"""Consistency checks for the team-written demo articles and their gold annotations."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
ARTICLES_DIR = ROOT / "dashboard" / "demo" / "articles"
GOLD_DIR = ROOT / "tests" / "data" / "gold"
EXTRA_DIR = ROOT / "tests" / "data" / "gold_extra"

SIDES = {
    "isis",
    "iraqi_forces",
    "syrian_government",
    "sdf",
    "us_coalition",
    "peshmerga",
    "syrian_opposition",
}
EVENT_TYPES = {
    "armed_clash",
    "capture",
    "assault",
    "air_strike",
    "shelling",
    "suicide_bombing",
    "withdrawal",
    "announcement",
}
PRECISIONS = {"point", "district", "governorate", "country", "river", "region"}
KINDS = {
    "city",
    "town",
    "village",
    "admin1",
    "admin2",
    "country",
    "river",
    "crossing",
    "oilfield",
    "airport",
    "region",
}
DATE_PRECISIONS = {"day", "week", "month", "year"}
CLAIM_KINDS = {"full", "partial", "contested"}
BBOX_EXEMPT_KINDS = {"country", "region"}
LON_RANGE = (34.0, 50.0)
LAT_RANGE = (28.0, 39.0)
ARTICLE_KEYS = {"title", "source", "published", "language", "url", "text"}


def _load(directory: Path) -> dict[str, dict]:
    return {
        p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))
    }


ARTICLES = _load(ARTICLES_DIR)
GOLD = _load(GOLD_DIR)
_EXTRA = _load(EXTRA_DIR)
EXTRA_ARTICLES = {n: a for n, a in _EXTRA.items() if not n.endswith(".gold.json")}
EXTRA_GOLD = {
    n.replace(".gold.json", ".json"): g for n, g in _EXTRA.items() if n.endswith(".gold.json")
}

# Every annotated article, demo and held-out extra set alike: (article, gold, allowed splits).
ANNOTATED = {
    **{f"demo/{n}": (ARTICLES[n], GOLD[n], {"dev", "test"}) for n in GOLD if n in ARTICLES},
    **{
        f"extra/{n}": (EXTRA_ARTICLES[n], EXTRA_GOLD[n], {"dev", "test"})
        for n in EXTRA_GOLD
        if n in EXTRA_ARTICLES
    },
}


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _nth_occurrence(text: str, mention: str, n: int) -> int:
    """Start offset of the n-th (1-based, non-overlapping) occurrence of mention, or -1."""
    pos = -1
    start = 0
    for _ in range(n):
        pos = text.find(mention, start)
        if pos < 0:
            return -1
        start = pos + len(mention)
    return pos


def test_corpus_size_and_pairing() -> None:
    assert len(ARTICLES) >= 32
    assert set(ARTICLES) == set(GOLD), "every article needs a gold file and vice versa"


def test_test_split_size_and_languages() -> None:
    test_langs = [ARTICLES[name]["language"] for name, g in GOLD.items() if g["split"] == "test"]
    assert len(test_langs) >= 10
    assert {"fr", "en"} <= set(test_langs)


def test_extra_set_pairing_and_schema() -> None:
    assert len(EXTRA_ARTICLES) >= 8
    splits = [g["split"] for g in EXTRA_GOLD.values()]
    assert splits.count("test") >= splits.count("dev"), "most of the extra set stays held out"
    assert set(EXTRA_ARTICLES) == set(EXTRA_GOLD), "every extra article needs a gold file"
    for name, art in EXTRA_ARTICLES.items():
        assert set(art) == ARTICLE_KEYS, name
        assert art["source"] == "conflictmap extra set (team-written)", name
        assert art["language"] in {"fr", "en"}, name
        assert name == f"{art['published']}_{name.split('_', 1)[1]}"
        assert name.endswith(f"_{art['language']}.json")
        assert EXTRA_GOLD[name]["article"] == name


def test_both_languages_balanced() -> None:
    langs = [a["language"] for a in ARTICLES.values()]
    assert abs(langs.count("fr") - langs.count("en")) <= len(langs) // 5


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_schema(name: str) -> None:
    art = ARTICLES[name]
    assert set(art) == ARTICLE_KEYS
    assert art["source"] == "conflictmap demo (team-written)"
    assert art["url"] is None
    assert art["language"] in {"fr", "en"}
    published = _date(art["published"])
    assert name == f"{art['published']}_{name.split('_', 1)[1]}"
    assert name.endswith(f"_{art['language']}.json")
    assert dt.date(2017, 9, 1) <= published <= dt.date(2017, 12, 31)
    assert art["title"].strip()
    assert 150 <= len(art["text"].split()) <= 450


@pytest.mark.parametrize("name", sorted(ANNOTATED))
def test_gold_places(name: str) -> None:
    art, gold, splits = ANNOTATED[name]
    text = art["text"]
    assert gold["article"] == name.split("/", 1)[1]
    assert gold["split"] in splits
    assert gold["places"], "every article names at least one place"
    seen = set()
    for place in gold["places"]:
        key = (place["mention"], place["occurrence"])
        assert key not in seen, f"duplicate annotation {key}"
        seen.add(key)
        assert isinstance(place["occurrence"], int) and place["occurrence"] >= 1
        assert _nth_occurrence(text, place["mention"], place["occurrence"]) >= 0, key
        assert place["name"].strip()
        assert place["precision"] in PRECISIONS
        assert place["kind"] in KINDS
        gid = place["geonameid"]
        assert gid is None or (isinstance(gid, int) and gid > 0)
        if gid is None:
            assert place.get("note"), f"{key}: coordinates without a GeoNames id need a note"
        lat, lon = place["lat"], place["lon"]
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        if place["kind"] not in BBOX_EXEMPT_KINDS:
            assert LAT_RANGE[0] <= lat <= LAT_RANGE[1], key
            assert LON_RANGE[0] <= lon <= LON_RANGE[1], key


@pytest.mark.parametrize("name", sorted(ANNOTATED))
def test_gold_events(name: str) -> None:
    art, gold, _ = ANNOTATED[name]
    published = _date(art["published"])
    names = {p["name"] for p in gold["places"]}
    for event in gold["events"]:
        assert event["sentence_contains"] in art["text"]
        assert event["type"] in EVENT_TYPES
        assert event["date_precision"] in DATE_PRECISIONS
        assert _date(event["date"]) <= published
        assert isinstance(event["negated"], bool)
        assert event["places"], event["sentence_contains"]
        assert set(event["places"]) <= names, event["sentence_contains"]
        for actor in event["actors"]:
            assert actor["side"] in SIDES
            assert actor["mention"] in art["text"]


@pytest.mark.parametrize("name", sorted(ANNOTATED))
def test_gold_claims(name: str) -> None:
    art, gold, _ = ANNOTATED[name]
    published = _date(art["published"])
    names = {p["name"] for p in gold["places"]}
    for claim in gold["claims"]:
        assert claim["sentence_contains"] in art["text"]
        assert claim["place"] in names
        assert claim["side"] in SIDES
        assert claim["kind"] in CLAIM_KINDS
        assert _date(claim["from"]) <= published
        fraction = claim["fraction"]
        if fraction is not None:
            assert claim["kind"] == "partial"
            assert 0 < fraction < 1


def test_canonical_places_are_consistent() -> None:
    """A canonical place name maps to the same id and kind in every gold file."""
    seen: dict[str, tuple] = {}
    for _, gold, _ in ANNOTATED.values():
        for place in gold["places"]:
            if place["kind"] == "river":
                continue
            sig = (place["geonameid"], place["lat"], place["lon"], place["kind"])
            assert seen.setdefault(place["name"], sig) == sig, place["name"]
