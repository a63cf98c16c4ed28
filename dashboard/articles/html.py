"""HTML pages: trafilatura's main-text extraction on the given string, never a fetch.

When trafilatura finds nothing (tiny or broken pages) a conservative extraction keeps only
headings, paragraphs, list items and captions outside navigation, forms and scripts.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dashboard.articles.clean import Block, clean_blocks
from dashboard.articles.compose import compose_article
from dashboard.articles.encoding import decode_bytes, normalise_text
from dashboard.articles.errors import UnreadableArticle
from dashboard.articles.model import Article

_LANG_ATTRIBUTE = re.compile(r"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z_-]{2,12})", re.I)
_DROPPED_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea",
)  # fmt: skip
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "pre")


def read_html(
    content: str | bytes, *, name: str | None = None, published: date | None = None
) -> Article:
    """Read the article in one HTML page, with title, date and site name from its metadata."""
    label = name or "<html>"
    html = decode_bytes(content, label) if isinstance(content, bytes) else normalise_text(content)
    extracted = _trafilatura(html)
    title = url = sitename = None
    metadata_date: date | None = None
    blocks: list[Block] = []
    if extracted is not None:
        title, url, sitename = extracted.title, extracted.url, extracted.sitename
        metadata_date = _iso_date(extracted.date)
        blocks = [Block(line) for line in (extracted.text or "").split("\n") if line.strip()]
    warnings: tuple[str, ...] = ()
    if not blocks:
        fallback_title, blocks = html_blocks(html)
        title = title or fallback_title
        warnings = ("main text not found by trafilatura; used a conservative extraction",)
    if not blocks:
        raise UnreadableArticle(label, "no article text found in the HTML")
    declared = _LANG_ATTRIBUTE.search(html[:5000])
    return compose_article(
        clean_blocks(blocks, title=normalise_text(title) if title else None),
        format="html",
        path=label,
        url=url,
        published=published,
        metadata_date=metadata_date,
        declared_language=declared.group(1) if declared else None,
        publisher=sitename,
        warnings=warnings,
    )


def html_blocks(html: str) -> tuple[str | None, list[Block]]:
    """Conservative extraction: visible block text outside page furniture; scripts dropped."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, []
    for element in root.xpath("//" + " | //".join(_DROPPED_TAGS)):
        element.drop_tree()
    title_element = root.find(".//title")
    title = title_element.text_content().strip() if title_element is not None else None
    h1 = root.find(".//h1")
    if h1 is not None and h1.text_content().strip():
        title = h1.text_content().strip()
    body = root.find("body")
    scope = body if body is not None else root
    blocks = [
        Block(" ".join(el.text_content().split()))
        for el in scope.iter(*_BLOCK_TAGS)
        if not any(ancestor.tag in _BLOCK_TAGS for ancestor in el.iterancestors())
    ]
    blocks = [b for b in blocks if b.text]
    if not blocks:
        loose = " ".join(scope.text_content().split())
        blocks = [Block(loose)] if loose else []
    return (" ".join(title.split()) or None) if title else None, blocks


def _trafilatura(html: str) -> Any:
    """Run trafilatura on the string; its failures on hostile markup mean "use the fallback"."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_tables=False,
            include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # any parser failure on untrusted markup falls back to lxml alone
        return None


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
