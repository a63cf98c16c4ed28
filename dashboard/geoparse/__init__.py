"""Toponym recognition and resolution: article text to resolved place mentions.

>>> from dashboard.geoparse import geoparse
>>> [m.name for m in geoparse("Fighting continued near Raqqa.")]  # doctest: +SKIP
['Ar Raqqah']
"""

from __future__ import annotations

from typing import Any

from dashboard.articles.model import Article
from dashboard.gazetteer import Gazetteer, load_gazetteer
from dashboard.geoparse.facilities import FacilityMention, merge_facilities
from dashboard.geoparse.model import PRECISIONS, PlaceMention
from dashboard.geoparse.ner import entity_spans, load_ner
from dashboard.geoparse.recognise import Scheme, Span, recognise
from dashboard.geoparse.resolve import resolve
from dashboard.geoparse.rivers import river_lines

__all__ = [
    "PRECISIONS",
    "FacilityMention",
    "PlaceMention",
    "Scheme",
    "Span",
    "geoparse",
    "geoparse_all",
    "recognise",
    "resolve",
]

_USE_DEFAULT_NER: Any = object()


def geoparse(
    article: Article | str,
    gazetteer: Gazetteer | None = None,
    nlp: Any = _USE_DEFAULT_NER,
    lang: str | None = None,
    scheme: Scheme = "literal",
) -> list[PlaceMention]:
    """The places an article names, each resolved to one gazetteer feature, in text order.

    ``nlp`` defaults to the cached French spaCy model for French articles when installed;
    pass ``None`` to run on the gazetteer and rules alone (faster, same API).
    """
    return _resolved(article, gazetteer, nlp, lang, scheme)


def geoparse_all(
    article: Article | str,
    gazetteer: Gazetteer | None = None,
    nlp: Any = _USE_DEFAULT_NER,
    lang: str | None = None,
    scheme: Scheme = "literal",
) -> tuple[list[PlaceMention], list[FacilityMention]]:
    """The resolved places and the named streets and buildings no gazetteer holds.

    Under the inclusive scheme a facility name replaces the place names read inside it, so
    the resolved list can differ from :func:`geoparse`'s; under the literal one it does not.
    """
    located = _resolved(article, gazetteer, nlp, lang, scheme)
    text = article if isinstance(article, str) else article.text
    language = lang or ("en" if isinstance(article, str) else article.language)
    return merge_facilities(text, located, language, scheme)


def _resolved(
    article: Article | str, gazetteer: Gazetteer | None, nlp: Any, lang: str | None, scheme: Scheme
) -> list[PlaceMention]:
    gaz = gazetteer or load_gazetteer()
    if isinstance(article, str):
        text, language = article, lang or "en"
    else:
        text, language = article.text, lang or article.language
    if nlp is _USE_DEFAULT_NER:
        nlp = load_ner(language) if language else None
    ner = entity_spans(nlp, text) if nlp is not None and text.strip() else []
    spans = recognise(article, language, gaz, ner_spans=ner, scheme=scheme)
    return resolve(spans, article, gaz, lang=language, rivers=river_lines())
