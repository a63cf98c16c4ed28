"""Fixtures for geoparsing tests: the shipped gazetteer and a rules-only parser."""

from __future__ import annotations

import pytest

from dashboard.gazetteer import Gazetteer, load_gazetteer
from dashboard.geoparse import PlaceMention, geoparse


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def parse(gazetteer):
    """Geoparse a bare sentence without NER (the rules must work on their own)."""

    def run(text: str, lang: str = "en") -> list[PlaceMention]:
        return geoparse(text, gazetteer, nlp=None, lang=lang)

    return run


@pytest.fixture(scope="session")
def claims_of(gazetteer):
    """The control claims the whole pipeline reads in a text, as (place, side, kind)."""
    from datetime import date

    from dashboard.articles import read_text
    from dashboard.pipeline import analyse

    def run(body: str, lang: str = "en") -> set[tuple[str, str, str]]:
        doc = read_text(body, published=date(2017, 5, 12))
        assert doc.language == lang  # the text reads as the language it was written in
        result = analyse(doc, gazetteer=gazetteer, use_ner=False)
        return {(c.place_name, c.side, c.kind) for c in result.claims}

    return run
