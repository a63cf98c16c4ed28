"""Invariants over arbitrary input: no crash but UnreadableArticle, stable ids, exact spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.articles import UnreadableArticle, article_id, read_articles, read_text

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéàç ,.", min_size=1, max_size=200)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["x.txt", "x.html", "x.json", "x.xml", "x"]))
def test_random_bytes_give_articles_or_unreadable_article(data, name):
    try:
        articles = read_articles(data, name=name)
    except UnreadableArticle:
        return
    for article in articles:
        assert article.text.strip()


@settings(max_examples=100, deadline=None)
@given(words, words)
def test_id_is_stable_for_same_text_and_different_for_different_text(a, b):
    assert article_id(a) == article_id(a)
    assert article_id(a) == article_id("  " + a.replace(" ", "  ") + "\n")
    if " ".join(a.split()) != " ".join(b.split()):
        assert article_id(a) != article_id(b)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(words, min_size=4, max_size=12).map(" ".join), min_size=1, max_size=6))
def test_paragraph_spans_always_slice_text_exactly(paragraphs):
    try:
        article = read_text("\n\n".join(paragraphs))
    except UnreadableArticle:
        return
    assert "\n\n".join(article.text[p.start : p.end] for p in article.paragraphs) == article.text


def test_same_story_read_twice_has_the_same_id():
    story = "Headline\n\nTroops entered the town on Monday, officials said."
    assert read_text(story).id == read_text(story.replace(" ", "  ")).id
    assert read_text(story).id != read_text(story.replace("Monday", "Tuesday")).id
