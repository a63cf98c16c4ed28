"""One place where cleaned paragraphs and metadata become an Article, whatever the format."""

from __future__ import annotations

from datetime import date

from dashboard.articles.clean import CleanBody, assemble
from dashboard.articles.errors import UnreadableArticle
from dashboard.articles.language import detect_language, language_warnings
from dashboard.articles.model import Article, ArticleFormat, article_id
from dashboard.articles.published import choose_publication_date


def compose_article(
    body: CleanBody,
    *,
    format: ArticleFormat,
    path: str,
    url: str | None = None,
    published: date | None = None,
    metadata_date: date | None = None,
    declared_language: str | None = None,
    metadata_source: str | None = None,
    publisher: str | None = None,
    record: int | None = None,
    warnings: tuple[str, ...] = (),
) -> Article:
    """Detect language and date on the cleaned text, then freeze everything into an Article.

    Source: an explicit record field wins, then the agency credited in the text, then the
    site or feed name (``publisher``), since a wire story on a portal is still the agency's.
    """
    text, paragraphs = assemble(body.paragraphs)
    if not paragraphs:
        where = f"record {record}" if record is not None else "the file"
        raise UnreadableArticle(path, f"{where} has no text left once boilerplate is removed")
    guess = detect_language(text, declared=declared_language)
    first_body = next((t for t, kind, _ in body.paragraphs if kind == "body"), None)
    when = choose_publication_date(
        user=published,
        metadata=metadata_date,
        header_lines=body.date_lines,
        first_paragraph=first_body,
        text=text,
        lang=guess.code,
    )
    return Article(
        id=article_id(text),
        text=text,
        title=body.title,
        language=guess.code,
        language_confidence=guess.confidence,
        published=when.value,
        published_origin=when.origin,
        published_confidence=when.confidence,
        source=metadata_source or body.source or publisher,
        url=url,
        path=path,
        format=format,
        warnings=(*warnings, *language_warnings(guess), *when.warnings),
        paragraphs=paragraphs,
        record=record,
    )
