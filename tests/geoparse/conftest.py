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
