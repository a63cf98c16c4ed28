"""Evaluation functions: the own gold corpus and the public corpora (skipped without shared/)."""

from __future__ import annotations

import pytest

from dashboard.geoparse.evaluate import (
    GoldDocument,
    GoldPlace,
    Scores,
    evaluate_own,
    evaluate_public,
    format_table,
    split_of,
)
from tests.conftest import ROOT

ARTICLES = ROOT / "dashboard" / "demo" / "articles"
GOLD = ROOT / "tests" / "data" / "gold"


def test_public_split_is_deterministic_and_roughly_half():
    ids = [f"doc-{i}" for i in range(400)]
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids]
    assert 150 < sum(split_of(i) == "dev" for i in ids) < 250


def test_scores_count_exact_spans_and_overlaps():
    s = Scores(tp=8, fp=2, fn=2, overlap_tp=9)
    assert (s.precision, s.recall) == (0.8, 0.8)
    assert s.overlap_f1 == pytest.approx(0.9)


def test_gold_document_carries_its_places():
    doc = GoldDocument("d", "in Raqqa", "en", (GoldPlace(3, 8, "Raqqa", 35.95, 39.01),), "dev")
    assert doc.text[doc.places[0].start : doc.places[0].end] == "Raqqa"


def test_own_dev_corpus_recognition_and_resolution(gazetteer):
    scores = evaluate_own(ARTICLES, GOLD, gazetteer)["dev"].as_dict()
    assert scores["F1"] >= 0.9
    assert scores["e2e_acc161"] >= 0.9
    assert "documents" in format_table(
        {"own": {"dev": evaluate_own(ARTICLES, GOLD, gazetteer)["dev"]}}
    )


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["geowebnews", "tr_news", "iraq_syria"])
def test_public_corpora_score_above_a_floor(shared_dir, gazetteer, corpus):
    bench = shared_dir / "benchmarks" / "geoparsing"
    if not bench.is_dir():
        pytest.skip(f"public geoparsing corpora not found at {bench}")
    scores = evaluate_public(corpus, bench, gazetteer)["all"].as_dict()
    assert scores["F1"] >= 0.6
    assert scores["e2e_id_acc161"] >= 0.75
