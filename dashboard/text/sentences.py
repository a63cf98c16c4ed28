"""Rule-based sentence segmentation for French and English wire copy, keeping offsets.

Later stages cite the sentence a fact came from, so every :class:`Sentence` is an exact slice
``text[start:end]``. No model is needed: a sentence ends at ``.``, ``!``, ``?`` or ``…``
(optionally followed by closing quotes or brackets) when the next word starts a new sentence,
unless the word before the stop is a known abbreviation, an initial or a dotted acronym.
Paragraph breaks always end a sentence; headlines and captions are one sentence each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from dashboard.articles.model import Article

# Abbreviations that take a full stop but rarely end a sentence, lower-cased, without the dot.
# Months are included because wire datelines write "Sept. 5" and "Nov. 9".
_ABBREVIATIONS = frozenset(
    " ".join(
        """
    m mm mme mmes mlle dr pr me st ste gén gal col cdt lt sgt cap capt maj brig gen adm cpl
    mr mrs ms messrs jr sr rev hon sen rep gov pres prof vs etc cf env av apr no nos nr
    art vol p pp ch fig approx est dept univ corp inc ltd co bd bld
    jan janv feb fév févr mar apr avr jun jul juil aug sep sept oct nov dec déc
    """.splitlines()
    ).split(" ")
) - {""}

# Stop, closing material, then the gap to the next sentence.
_STOP = re.compile(r"([.!?…]+)((?:[ \u00a0\u202f]?[»”]|[\"'’)\]])*)(\s+)")
# What a new sentence may start with: a capital, a digit, an opening quote or dash.
_STARTER = re.compile(r"[\"'«“‘(\[—–-]*\s*[A-ZÀ-ÖØ-Þ0-9]")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# No sentence of real news runs this long (the longest in the shipped corpora is under 800
# characters); a text with no stops is cut at its last clause break or space before the
# limit, so the rules that read a sentence per trigger stay linear on such input.
MAX_SENTENCE = 2000
_CUT = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s"))


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text`` equals the article text sliced at ``start:end``."""

    start: int
    end: int
    text: str
    index: int
    kind: str = "body"
    paragraph: int = 0


def _last_word(before: str) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(before)``, tried on the last characters first: a search tries
    every offset, and ``before`` runs back to the start of the sentence."""
    tail = max(0, len(before) - 40)
    match = _WORD_BEFORE.search(before, tail)
    if match is not None and tail and match.start() == tail:
        match = _WORD_BEFORE.search(before)  # the word may start before the tail
    return match


def _is_abbreviation(before: str) -> bool:
    """True when the token before a full stop is an abbreviation, initial or dotted acronym."""
    match = _last_word(before)
    if not match:
        return False
    token = match.group(1).lstrip("'’-")
    if not token:
        return False
    if "." in token:  # "U.S", "J.-C" — dotted acronyms keep going
        parts = [p for p in re.split(r"[.-]", token) if p]
        if parts and all(len(p) <= 2 for p in parts):
            return True
    if len(token) == 1 and token.isupper():  # an initial, "George W. Bush"
        return True
    return token.lower() in _ABBREVIATIONS


def _split_span(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, trimmed of surrounding whitespace."""
    cursor = start
    for match in _STOP.finditer(text, start, end):
        stop_end = match.end(2)
        next_start = match.end(3)
        if next_start >= end:
            break
        if not _STARTER.match(text, next_start):
            continue
        if match.group(1) == "." and _is_abbreviation(text[cursor : match.start(1)]):
            continue
        yield from _trimmed(text, cursor, stop_end)
        cursor = next_start
    yield from _trimmed(text, cursor, end)


def _bounded(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`MAX_SENTENCE` characters."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = limit
        for pattern in _CUT:
            found = [m.end() for m in pattern.finditer(text, start + MAX_SENTENCE // 2, limit)]
            if found:
                cut = found[-1]
                break
        yield from _trimmed(text, start, cut)
        start = cut
    yield from _trimmed(text, start, end)


def _trimmed(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _paragraph_spans(text: str) -> list[tuple[int, int, str]]:
    """Paragraphs of a bare text: blank lines separate them; all are body text."""
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((cursor, match.start(), "body"))
        cursor = match.end()
    spans.append((cursor, len(text), "body"))
    return spans


def split_sentences(
    text: str, paragraphs: Iterable[tuple[int, int, str]] | None = None
) -> list[Sentence]:
    """Sentences of ``text``; ``paragraphs`` are (start, end, kind) spans, else blank lines.

    A single newline does not end a sentence: plain-text feeds wrap lines inside paragraphs.
    """
    spans = tuple(paragraphs) if paragraphs is not None else None
    try:
        hash(spans)
    except TypeError:  # spans given as lists: split without the cache
        return list(_split(text, spans))
    return list(_split_cached(text, spans, MAX_SENTENCE))


@lru_cache(maxsize=4)
def _split_cached(
    text: str, spans: tuple[tuple[int, int, str], ...] | None, limit: int
) -> tuple[Sentence, ...]:
    """The last few texts' sentences: geoparsing and event extraction each split the article
    they are given, one after the other; sentences are immutable, so they can share them.
    ``limit`` is :data:`MAX_SENTENCE` when they were split, which a benchmark changes."""
    return _split(text, spans)


def _split(text: str, paragraphs: Iterable[tuple[int, int, str]] | None) -> tuple[Sentence, ...]:
    spans = list(paragraphs) if paragraphs is not None else _paragraph_spans(text)
    sentences: list[Sentence] = []
    for number, (p_start, p_end, kind) in enumerate(spans):
        if kind in ("headline", "caption"):
            pieces = list(_trimmed(text, p_start, p_end))
        else:
            pieces = list(_split_span(text, p_start, p_end))
        bounded = [b for a, z in pieces for b in _bounded(text, a, z)]
        for s_start, s_end in bounded:
            sentences.append(
                Sentence(s_start, s_end, text[s_start:s_end], len(sentences), kind, number)
            )
    return tuple(sentences)


def split_article(article: Article) -> list[Sentence]:
    """Sentences of an article, using its paragraph map when the reader produced one."""
    if article.paragraphs:
        spans = [(p.start, p.end, p.kind) for p in article.paragraphs]
        return split_sentences(article.text, spans)
    return split_sentences(article.text)
