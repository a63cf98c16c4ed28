"""Reading articles: text, HTML, JSON and feeds become clean :class:`Article` records.

Everything later in the pipeline indexes ``Article.text``; nothing here touches the network.
"""

from dashboard.articles.errors import ArticleTooLarge, UnreadableArticle
from dashboard.articles.feeds import read_feed
from dashboard.articles.files import MAX_ARTICLE_BYTES, ReadFailure, read_articles, read_many
from dashboard.articles.html import read_html
from dashboard.articles.language import SUPPORTED_LANGUAGES
from dashboard.articles.model import Article, Paragraph, article_id
from dashboard.articles.plain import read_text
from dashboard.articles.records import read_json

__all__ = [
    "MAX_ARTICLE_BYTES",
    "SUPPORTED_LANGUAGES",
    "Article",
    "ArticleTooLarge",
    "Paragraph",
    "ReadFailure",
    "UnreadableArticle",
    "article_id",
    "read_articles",
    "read_feed",
    "read_html",
    "read_json",
    "read_many",
    "read_text",
]
