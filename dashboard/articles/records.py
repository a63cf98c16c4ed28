"""JSON and JSON Lines exports: one article per record, under the key names scrapers use."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dashboard.articles.clean import clean_blocks, split_plain_text
from dashboard.articles.compose import compose_article
from dashboard.articles.encoding import decode_bytes, normalise_text
from dashboard.articles.errors import UnreadableArticle
from dashboard.articles.html import html_blocks
from dashboard.articles.model import Article

TEXT_KEYS = ("text", "body", "content", "article", "articleBody", "maintext", "full_text")
TITLE_KEYS = ("title", "headline", "name")
DATE_KEYS = ("published", "date", "pubDate", "datePublished", "published_at", "date_publish")
URL_KEYS = ("url", "link", "href")
SOURCE_KEYS = ("source", "publisher", "agency", "site", "sitename")
LANGUAGE_KEYS = ("lang", "language", "inLanguage")
_LIST_KEYS = ("articles", "items", "records", "data")
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|div|br|span|h[1-6]|a|article|section)\b[^>]*>", re.I)


def read_json(
    content: str | bytes, *, name: str | None = None, published: date | None = None
) -> list[Article]:
    """Read a JSON array/object or JSON Lines; a record without text is named in the error."""
    label = name or "<json>"
    text = decode_bytes(content, label) if isinstance(content, bytes) else normalise_text(content)
    records = _records(text, label)
    if not records:
        raise UnreadableArticle(label, "the JSON holds no records")
    return [
        _article(record, number, label, published) for number, record in enumerate(records, start=1)
    ]


def _records(text: str, label: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return _json_lines(text, label)
    if isinstance(data, Mapping):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return list(data[key])
        return [data]
    if isinstance(data, list):
        return data
    raise UnreadableArticle(label, "the JSON is neither an object nor a list of objects")


def _json_lines(text: str, label: str) -> list[Any]:
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise UnreadableArticle(
                label, f"line {number} is not valid JSON ({error.msg}, column {error.colno})"
            ) from None
    return records


def _article(record: Any, number: int, label: str, published: date | None) -> Article:
    if not isinstance(record, Mapping):
        raise UnreadableArticle(label, f"record {number} is not a JSON object")
    body = _first_text(record, TEXT_KEYS)
    if body is None:
        raise UnreadableArticle(
            label, f"record {number} has no text field (expected one of: {', '.join(TEXT_KEYS)})"
        )
    title = _first_text(record, TITLE_KEYS)
    body = normalise_text(body)
    if _LOOKS_LIKE_HTML.search(body):
        _, blocks = html_blocks(body)
    else:
        blocks = split_plain_text(body)
    return compose_article(
        clean_blocks(blocks, title=normalise_text(title) if title else None),
        format="json",
        path=label,
        url=_first_text(record, URL_KEYS),
        published=published,
        metadata_date=parse_metadata_date(_first_value(record, DATE_KEYS)),
        declared_language=_first_text(record, LANGUAGE_KEYS),
        metadata_source=_source(record),
        record=number,
    )


def parse_metadata_date(value: Any) -> date | None:
    """ISO 8601, RFC 822 (feeds) or epoch seconds; anything else is treated as absent."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _source(record: Mapping[str, Any]) -> str | None:
    value = _first_value(record, SOURCE_KEYS)
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _first_value(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _first_text(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n\n".join(value)
        if isinstance(value, str) and value.strip():
            return value
    return None
