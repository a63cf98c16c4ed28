"""RSS 2.0 and Atom feeds: each item becomes an article, its HTML content stripped of tags.

feedparser is handed an in-memory stream: given a string it would treat a URL as something
to download, and nothing here may reach the network.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

from dashboard.articles.clean import Block, clean_blocks, split_plain_text
from dashboard.articles.compose import compose_article
from dashboard.articles.encoding import normalise_text
from dashboard.articles.errors import UnreadableArticle
from dashboard.articles.html import html_blocks
from dashboard.articles.model import Article


def read_feed(
    content: str | bytes, *, name: str | None = None, published: date | None = None
) -> list[Article]:
    """Read every item of an RSS or Atom feed; the feed's own title is the fallback source."""
    import feedparser

    label = name or "<feed>"
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not data.strip():
        raise UnreadableArticle(label, "the file is empty")
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable feed ({problem})" if problem else "the feed holds no items"
        raise UnreadableArticle(label, reason)
    version = str(parsed.get("version", ""))
    format = "atom" if version.startswith("atom") else "rss"
    feed_title = _clean(parsed.feed.get("title"))
    feed_language = parsed.feed.get("language")
    return [
        _article(entry, number, label, published, format, feed_title, feed_language)
        for number, entry in enumerate(parsed.entries, start=1)
    ]


def _article(
    entry: Any,
    number: int,
    label: str,
    published: date | None,
    format: Any,
    feed_title: str | None,
    feed_language: str | None,
) -> Article:
    content = _entry_html(entry)
    if content is None:
        raise UnreadableArticle(label, f"item {number} has no content or description")
    blocks: list[Block]
    if "<" in content:
        _, blocks = html_blocks(f"<html><body>{content}</body></html>")
    else:
        blocks = split_plain_text(normalise_text(content))
    title = _clean(entry.get("title"))
    item_source = entry.get("source") or {}
    return compose_article(
        clean_blocks(blocks, title=title),
        format=format,
        path=label,
        url=entry.get("link"),
        published=published,
        metadata_date=_entry_date(entry),
        declared_language=_entry_language(entry) or feed_language,
        metadata_source=_clean(item_source.get("title")) if hasattr(item_source, "get") else None,
        publisher=feed_title,
        record=number,
    )


def _entry_html(entry: Any) -> str | None:
    """Full content (``content:encoded``, Atom ``content``) before the summary/description."""
    for part in entry.get("content") or ():
        value = part.get("value")
        if value and value.strip():
            return normalise_text(value)
    summary = entry.get("summary")
    return normalise_text(summary) if summary and summary.strip() else None


def _entry_language(entry: Any) -> str | None:
    for part in entry.get("content") or ():
        if part.get("language"):
            return str(part["language"])
    detail = entry.get("summary_detail") or {}
    return detail.get("language") if hasattr(detail, "get") else None


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime(*value[:6], tzinfo=UTC).date()
    return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(normalise_text(value).split())
    return text or None
