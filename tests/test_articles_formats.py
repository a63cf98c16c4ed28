"""HTML pages, JSON records and feeds read into the same Article shape."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.articles import (
    UnreadableArticle,
    read_articles,
    read_feed,
    read_html,
    read_json,
)
from dashboard.articles.files import sniff_format

FIXTURES = Path(__file__).parent / "data" / "articles_fixtures"


def test_html_page_keeps_the_article_and_drops_navigation_ads_comments_and_scripts():
    (article,) = read_articles(FIXTURES / "page_en.html")
    assert article.format == "html"
    assert article.title == "Army retakes bridge in western Iraq"
    assert article.text.startswith(article.title + "\n\n")
    assert "strategic bridge over the Euphrates" in article.text
    for furniture in ("Home", "Subscribe", "Celebrity", "Leave a comment", "cookies", "©"):
        assert furniture not in article.text
    assert "injected" not in article.text and "tracking" not in article.text


def test_html_metadata_gives_date_site_and_url():
    (article,) = read_articles(FIXTURES / "page_en.html")
    assert article.published == date(2017, 10, 5)
    assert article.published_origin == "metadata"
    assert article.source == "Desert Gazette"
    assert article.url == "https://example.org/news/army-retakes-bridge"
    assert article.language == "en"


def test_small_html_page_still_yields_its_paragraph_without_breadcrumbs():
    (article,) = read_articles(FIXTURES / "page_fr_small.html")
    assert "près de Palmyre" in article.text
    assert "Accueil" not in article.text and "Mentions" not in article.text
    assert article.language == "fr"


def test_broken_html_still_gives_the_text_that_is_there():
    (article,) = read_articles(FIXTURES / "broken.html")
    assert "military convoy was attacked" in article.text
    assert "searched nearby farms" in article.text


def test_html_with_no_text_is_a_clear_error():
    with pytest.raises(UnreadableArticle, match="no article text"):
        read_html("<html><body><script>var a = 1;</script></body></html>", name="blank.html")


def test_jsonl_records_each_become_an_article_with_their_metadata():
    articles = read_articles(FIXTURES / "records.jsonl")
    assert [a.record for a in articles] == [1, 2, 3]
    first, second, third = articles
    assert first.title == "Militants withdraw from desert outpost"
    assert first.published == date(2017, 11, 3) and first.published_origin == "metadata"
    assert first.url == "https://example.org/a/1" and first.source == "Example Wire"
    assert second.language == "fr" and second.source == "AFP"
    assert "Partager" not in second.text and "<p>" not in second.text
    assert third.published is None and third.published_origin == "none"
    assert {a.format for a in articles} == {"json"}


def test_json_record_without_text_is_named_in_the_error():
    with pytest.raises(UnreadableArticle, match="record 2 has no text field"):
        read_articles(FIXTURES / "missing_text.json")


def test_invalid_json_line_is_named_in_the_error():
    content = '{"text": "Troops advanced on Monday, officials said."}\n{"text": oops}\n'
    with pytest.raises(UnreadableArticle, match="line 2 is not valid JSON"):
        read_json(content, name="bad.jsonl")


def test_rss_items_prefer_full_content_and_lose_their_tags_and_scripts():
    first, second = read_articles(FIXTURES / "feed_rss.xml")
    assert first.format == "rss" and first.record == 1
    assert first.title == "Town retaken after two-day battle"
    assert "Residents began returning" in first.text
    assert "Short summary" not in first.text
    assert "alert" not in first.text and "Share this" not in first.text and "<" not in first.text
    assert first.published == date(2017, 10, 17)
    assert second.text.endswith("after engineers cleared mines.")
    assert second.source == "Frontline Dispatches"


def test_atom_entry_becomes_a_french_article_with_its_published_date():
    (entry,) = read_articles(FIXTURES / "feed_atom.xml")
    assert entry.format == "atom"
    assert entry.language == "fr"
    assert entry.published == date(2016, 10, 20)
    assert entry.url == "https://example.org/atom/1"


def test_feed_without_items_is_a_clear_error():
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    with pytest.raises(UnreadableArticle, match="no items"):
        read_feed(empty, name="empty.rss")


def test_feed_with_a_url_looking_body_is_never_fetched():
    with pytest.raises(UnreadableArticle):
        read_feed("https://example.org/feed.xml", name="url.xml")


@pytest.mark.parametrize(
    ("content", "extension", "expected"),
    [
        ('<?xml version="1.0"?><rss version="2.0"></rss>', ".txt", "feed"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt", "html"),
        ('[{"text": "a"}]', ".txt", "json"),
        ('{"text": "a"}\n{"text": "b"}\n', "", "json"),
        ("{not json at all", ".json", "text"),
        ("Plain words on a line.", ".html", "html"),
        ("Plain words on a line.", "", "text"),
    ],
)
def test_content_sniffing_beats_a_misleading_extension(content, extension, expected):
    assert sniff_format(content, extension) == expected


def test_bytes_can_be_read_with_a_name_for_messages():
    data = b"Headline\n\nOfficials said the town was retaken on Monday morning."
    (article,) = read_articles(data, name="pasted.txt")
    assert article.path == "pasted.txt" and article.format == "text"
