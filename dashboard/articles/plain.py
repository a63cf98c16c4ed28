"""Plain-text page dumps: headline and kickers found by shape, boilerplate by general rules."""

from __future__ import annotations

from datetime import date

from dashboard.articles.clean import clean_blocks, split_plain_text
from dashboard.articles.compose import compose_article
from dashboard.articles.encoding import decode_bytes, normalise_text
from dashboard.articles.errors import UnreadableArticle
from dashboard.articles.model import Article


def read_text(
    content: str | bytes, *, name: str | None = None, published: date | None = None
) -> Article:
    """Read one article from plain text; ``name`` labels it in messages and ``Article.path``."""
    label = name or "<text>"
    text = decode_bytes(content, label) if isinstance(content, bytes) else normalise_text(content)
    if not text.strip():
        raise UnreadableArticle(label, "the file holds only whitespace")
    body = clean_blocks(split_plain_text(text))
    return compose_article(body, format="text", path=label, published=published)
