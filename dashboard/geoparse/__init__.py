"""Toponym recognition and resolution: article text to resolved place mentions.

>>> from dashboard.geoparse import geoparse
>>> [m.name for m in geoparse("Fighting continued near Raqqa.")]  # doctest: +SKIP
['Ar Raqqah']
"""

from __future__ import annotations

from typing import Any

from dashboard.articles.model import Article
from dashboard.gazetteer import Gazetteer, load_gazetteer
from dashboard.geoparse.model import PRECISIONS, PlaceMention
from dashboard.geoparse.ner import entity_spans, load_ner
from dashboard.geoparse.recognise import Scheme, Span, recognise
from dashboard.geoparse.resolve import resolve
from dashboard.geoparse.rivers import river_lines

__all__ = [
    "PRECISIONS",
    "PlaceMention",
    "Scheme",
    "Span",
    "geoparse",
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
