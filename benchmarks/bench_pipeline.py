"""Pipeline benchmark: articles per second per core on ~3 kB articles, after model load.

Articles are built by joining demo-corpus texts (French and English) into ~3,000-character
documents and read through the real reader. Measured in one process, on one core:

* ``analyse`` (geoparsing with French NER when installed, events, claims), models loaded once;
* the same with the rules alone (no spaCy);
* ingest into a fresh SQLite store (analysis + one transaction per article);
* a naive baseline that loads the language model again for every article, as a script that
  calls spaCy per document would, timed on a few articles;
* a run-on text with no full stop (a scraped table, a hostile file: 48 kB, a thousand
  capture verbs), read with sentences bounded as shipped and, as the naive baseline, with the
  bound lifted: rules that read a sentence per trigger are quadratic on one endless sentence.

    .venv/bin/python benchmarks/bench_pipeline.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.articles import read_articles  # noqa: E402
from dashboard.gazetteer import load_gazetteer  # noqa: E402
from dashboard.geoparse.ner import load_ner  # noqa: E402
from dashboard.pipeline import analyse, ingest_article  # noqa: E402
from dashboard.store import open_store  # noqa: E402
from dashboard.text import sentences  # noqa: E402

TARGET_CHARS = 3000


def make_articles() -> list:
    """Real Article objects of about TARGET_CHARS characters, in both languages.

    Paragraphs of the demo corpus are joined in order, and an article is closed at the
    paragraph boundary nearest TARGET_CHARS, so the mean size is what the goal names.
    """
    records: dict[str, list[dict]] = {"en": [], "fr": []}
    for path in sorted((ROOT / "dashboard" / "demo" / "articles").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        records.setdefault(record["language"], []).append(record)
    articles = []
    for lang, items in records.items():
        buffer, published, n = "", None, 0
        for record in items * 2:
            published = record["published"]
            for paragraph in record["text"].split("\n\n"):
                grown = buffer + ("\n\n" if buffer else "") + paragraph
                if buffer and abs(len(grown) - TARGET_CHARS) > abs(len(buffer) - TARGET_CHARS):
                    articles += _article(lang, n, buffer, published)
                    n += 1
                    grown = paragraph
                buffer = grown
    return articles


def _article(lang: str, n: int, text: str, published: str) -> list:
    doc = {"title": f"Bench {lang} {n}", "text": text, "language": lang, "published": published}
    return read_articles(json.dumps(doc).encode(), name=f"bench-{lang}-{n}.json")


def rate(articles: list, run) -> tuple[float, float]:
    started = time.perf_counter()
    for article in articles:
        run(article)
    elapsed = time.perf_counter() - started
    return len(articles) / elapsed, elapsed


def main() -> int:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the goal says
    articles = make_articles()
    size = sum(len(a.text) for a in articles) / len(articles)
    print(f"{len(articles)} articles, mean {size:,.0f} characters, one core")

    started = time.perf_counter()
    load_gazetteer()
    ner = load_ner("fr")
    print(f"model load (gazetteer + French NER): {time.perf_counter() - started:.2f} s")
    for article in articles[:2]:
        analyse(article)  # warm caches (river lines, layers)

    with_ner, _ = rate(articles, lambda a: analyse(a))
    rules, _ = rate(articles, lambda a: analyse(a, use_ner=False))
    with tempfile.TemporaryDirectory() as tmp, open_store(f"sqlite:///{tmp}/bench.db") as store:
        stored, _ = rate(articles, lambda a: ingest_article(store, a, actor="bench"))

    naive_sample = [a for a in articles if a.language == "fr"][:3] or articles[:3]

    def naive(article) -> None:
        load_ner.cache_clear()
        analyse(article)

    naive_rate, _ = rate(naive_sample, naive)
    load_ner.cache_clear()
    state = "on" if ner is not None else "unavailable"
    print(f"analyse, NER {state + ':':15} {with_ner:7.1f} articles/s")
    print(f"analyse, rules only:        {rules:7.1f} articles/s")
    print(f"ingest into SQLite:         {stored:7.1f} articles/s (analysis + store)")
    print(f"naive (model per article):  {naive_rate:7.1f} articles/s on {len(naive_sample)}")
    print(f"ratio analyse / naive:      {with_ner / naive_rate:7.1f}x   (goal: >= 20 articles/s)")

    endless = "Iraqi forces retook Rawa on Friday, a day after " * 1000
    run_on = _article("en", 0, endless, "2017-11-10")
    _, bounded = rate(run_on, lambda a: analyse(a, use_ner=False))
    limit = sentences.MAX_SENTENCE
    sentences.MAX_SENTENCE = 10**9
    try:
        _, unbounded = rate(run_on, lambda a: analyse(a, use_ner=False))
    finally:
        sentences.MAX_SENTENCE = limit
    print(f"run-on text, {len(run_on[0].text):,} characters with no stop: {bounded:.2f} s")
    print(f"  naive (one unbounded sentence): {unbounded:.2f} s, {unbounded / bounded:.1f}x slower")
    return 0


if __name__ == "__main__":
    sys.exit(main())
