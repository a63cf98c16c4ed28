"""Files in, articles out: size limit, format sniffing, folders, globs and stdin.

This is the only module of the package that touches the file system; the readers it calls
work on bytes and strings.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from dashboard.articles.encoding import decode_bytes
from dashboard.articles.errors import ArticleTooLarge, UnreadableArticle
from dashboard.articles.feeds import read_feed
from dashboard.articles.html import read_html
from dashboard.articles.model import Article
from dashboard.articles.plain import read_text
from dashboard.articles.records import read_json

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
STDIN = "-"

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "json", ".ndjson": "json",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip
_FEED_ROOT = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
_HTML_START = re.compile(r"^(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.I)
_HTML_TAGS = re.compile(r"<(?:p|div|article|h1|h2|span|a)\b[^>]*>", re.I)


@dataclass(frozen=True)
class ReadFailure:
    """A file a batch could not read, and why, so one bad file does not stop the others."""

    path: str
    reason: str


def read_articles(
    path_or_bytes: str | Path | bytes,
    *,
    name: str | None = None,
    published: date | None = None,
) -> list[Article]:
    """Read every article in a file (JSON Lines and feeds hold many), choosing the reader by
    content first and extension second, since saved pages often carry the wrong extension."""
    if isinstance(path_or_bytes, bytes):
        label = name or "<bytes>"
        if len(path_or_bytes) > MAX_ARTICLE_BYTES:
            raise ArticleTooLarge(label, len(path_or_bytes), MAX_ARTICLE_BYTES)
        data = path_or_bytes
    else:
        label = name or str(path_or_bytes)
        data = _read_file(Path(path_or_bytes), label)
    return _dispatch(data, label, published)


def read_many(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    stdin: BinaryIO | None = None,
) -> tuple[list[Article], list[ReadFailure]]:
    """Read files, folders (recursively), globs and ``-`` (stdin), going on after failures."""
    articles: list[Article] = []
    failures: list[ReadFailure] = []
    for item in paths:
        if str(item) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                data = stream.read(MAX_ARTICLE_BYTES + 1)
                if len(data) > MAX_ARTICLE_BYTES:
                    raise ArticleTooLarge("<stdin>", len(data), MAX_ARTICLE_BYTES)
                articles.extend(_dispatch(data, "<stdin>", published))
            except UnreadableArticle as error:
                failures.append(ReadFailure(error.path, error.reason))
            continue
        files, problem = expand_path(item)
        if problem:
            failures.append(ReadFailure(str(item), problem))
        for file in files:
            try:
                articles.extend(read_articles(file, published=published))
            except UnreadableArticle as error:
                failures.append(ReadFailure(error.path, error.reason))
    return articles, failures


def expand_path(item: str | Path) -> tuple[list[Path], str | None]:
    """A file, every file under a folder, or a glob's matches, in a stable (sorted) order."""
    path = Path(item)
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path))
        )
        return files, None if files else "the folder holds no files"
    if path.exists():
        return [path], None
    if glob.has_magic(str(item)):
        matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True))
        files = [p for p in matches if p.is_file()]
        return files, None if files else "no file matches this pattern"
    return [], "no such file or folder"


def _read_file(path: Path, label: str) -> bytes:
    try:
        if path.is_dir():
            raise UnreadableArticle(label, "it is a folder; pass its files or use read_many")
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleTooLarge(label, size, MAX_ARTICLE_BYTES)
        with path.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise UnreadableArticle(label, "no such file") from None
    except PermissionError:
        raise UnreadableArticle(label, "permission denied") from None
    except OSError as error:
        raise UnreadableArticle(label, error.strerror or str(error)) from None
    if len(data) > MAX_ARTICLE_BYTES:  # the file grew, or is a device/pipe with no real size
        raise ArticleTooLarge(label, len(data), MAX_ARTICLE_BYTES)
    return data


def _dispatch(data: bytes, label: str, published: date | None) -> list[Article]:
    text = decode_bytes(data, label)
    kind = sniff_format(text, Path(label).suffix.lower())
    if kind == "feed":
        return read_feed(data, name=label, published=published)
    if kind == "json":
        return read_json(text, name=label, published=published)
    if kind == "html":
        return [read_html(text, name=label, published=published)]
    return [read_text(text, name=label, published=published)]


def sniff_format(text: str, extension: str = "") -> str:
    """``text``, ``html``, ``json`` or ``feed``: clear content signals beat the extension."""
    head = text.lstrip()[:2048]
    if _FEED_ROOT.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if head[:1] in "{[" and head and _is_json(text):
        return "json"
    by_extension = _EXTENSIONS.get(extension)
    if by_extension == "json" and not _is_json(text):
        return "text"
    if by_extension == "feed":
        return "html" if _HTML_TAGS.search(head) else "text"
    if by_extension:
        return by_extension
    return "html" if len(_HTML_TAGS.findall(head)) >= 2 else "text"


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
        return True
    except json.JSONDecodeError:
        pass
    lines = [line for line in text.split("\n") if line.strip()]
    try:
        return bool(lines) and all(isinstance(json.loads(line), dict) for line in lines[:5])
    except json.JSONDecodeError:
        return False


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
