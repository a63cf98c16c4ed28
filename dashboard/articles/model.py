"""The Article record every later stage reads, and the content hash that identifies it."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

ParagraphKind = Literal["headline", "body", "caption"]
ArticleFormat = Literal["text", "html", "json", "rss", "atom"]
PublishedOrigin = Literal["metadata", "header", "dateline", "user", "inferred", "none"]

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of ``Article.text``: ``text[start:end]`` is its exact content.

    ``line`` is the 1-based line of the input where the paragraph began (plain text only), so a
    place or event found at an offset in ``text`` can be traced back to the file a user opened.
    """

    start: int
    end: int
    kind: ParagraphKind
    line: int | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned news article; ``text`` is the single source of character offsets downstream.

    ``text`` holds the headline first, then paragraphs separated by one blank line, with site
    boilerplate removed and repeated passages kept once. ``paragraphs`` maps every offset of
    ``text`` to its paragraph and kind, so photo captions can be down-weighted.
    """

    id: str
    text: str
    title: str | None
    language: str
    language_confidence: float
    published: date | None
    published_origin: PublishedOrigin
    published_confidence: float
    source: str | None
    url: str | None
    path: str | None
    format: ArticleFormat
    warnings: tuple[str, ...] = ()
    paragraphs: tuple[Paragraph, ...] = field(default=(), repr=False)
    record: int | None = None

    @property
    def captions(self) -> tuple[tuple[int, int], ...]:
        """Spans of photo captions in ``text``: real content, but often a repeat of the body."""
        return tuple((p.start, p.end) for p in self.paragraphs if p.kind == "caption")

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding a character offset of ``text`` (None between paragraphs)."""
        for paragraph in self.paragraphs:
            if paragraph.start <= offset < paragraph.end:
                return paragraph
        return None


def normalise_for_id(text: str) -> str:
    """Canonical form hashed for the id, so re-wrapped or re-spaced copies share one id."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """Stable id from the body alone: the same story read twice (or from two files) is one row."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]
