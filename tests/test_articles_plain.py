"""Plain-text articles: headline, agency line, captions, boilerplate and repeats."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.articles import read_articles, read_text

SEED = Path("/work/shared/seeds/000_44c6d5d4010a164b.txt")
FIXTURES = Path(__file__).parent / "data" / "articles_fixtures"


@pytest.fixture(scope="module")
def seed():
    if not SEED.is_file():
        pytest.skip(f"seed article not present at {SEED}")
    (article,) = read_articles(SEED)
    return article


def test_seed_text_starts_with_the_headline(seed):
    assert seed.title
    assert seed.text.startswith(seed.title + "\n\n")
    assert seed.paragraphs[0].kind == "headline"


def test_seed_section_kicker_and_rubric_are_not_the_headline(seed):
    first_lines = SEED.read_text(encoding="utf-8").split("\n")[:2]
    assert seed.title not in first_lines
    for kicker in first_lines:
        assert not seed.text.startswith(kicker)


def test_seed_agency_line_becomes_the_source(seed):
    assert seed.source == "AFP"
    assert "\n\nAFP\n\n" not in seed.text


def test_seed_repeated_photo_caption_is_kept_once_and_marked(seed):
    assert len(seed.captions) == 1
    start, end = seed.captions[0]
    caption = seed.text[start:end]
    assert caption.endswith("/AFP]")
    assert seed.text.count(caption) == 1


def test_seed_comment_form_boilerplate_is_gone(seed):
    lowered = seed.text.lower()
    assert "1500 / 1500" not in seed.text
    assert "commentaire" not in lowered
    assert "champ nécessaire" not in lowered
    assert "aimez-vous cet article" not in lowered


def test_seed_is_french_and_keeps_every_body_paragraph(seed):
    assert seed.language == "fr"
    assert seed.language_confidence > 0.9
    assert sum(p.kind == "body" for p in seed.paragraphs) >= 12
    assert seed.text.rstrip().endswith(".")


def test_paragraph_spans_cover_the_text_exactly(seed):
    rebuilt = "\n\n".join(seed.text[p.start : p.end] for p in seed.paragraphs)
    assert rebuilt == seed.text


def test_paragraph_lines_point_back_into_the_input_file(seed):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for paragraph in seed.paragraphs:
        assert paragraph.line is not None
        original = " ".join(lines[paragraph.line - 1].split())
        assert seed.text[paragraph.start : paragraph.end].startswith(original[:40])


def test_header_line_gives_the_publication_date():
    (article,) = read_articles(FIXTURES / "wire_en.txt")
    assert str(article.published) == "2016-03-14"
    assert article.published_origin == "header"
    assert "Published" not in article.text


def test_english_wire_boilerplate_is_removed_but_the_story_is_not():
    (article,) = read_articles(FIXTURES / "wire_en.txt")
    for furniture in ("Share this", "Read more", "Leave a comment", "cookies", "©", "250 / 1000"):
        assert furniture not in article.text
    assert "WORLD NEWS" not in article.text and "Middle East\n" not in article.text
    assert article.title == "Kurdish fighters push towards dam held by militants"
    assert article.source == "Reuters"
    assert article.text.rstrip().endswith("the coalition said in a statement.")


def test_caption_repeated_with_different_spacing_is_read_once():
    (article,) = read_articles(FIXTURES / "wire_en.txt")
    assert len(article.captions) == 1
    assert article.text.count("Peshmerga fighters advance") == 1


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    (article,) = read_articles(FIXTURES / "wire_fr_hardwrapped.txt")
    body = [article.text[p.start : p.end] for p in article.paragraphs if p.kind == "body"]
    assert len(body) == 2
    assert body[0].startswith("Les Unités de protection") and body[0].endswith("Royaume-Uni.")


def test_byline_with_agency_credit_gives_the_source_and_is_dropped():
    (article,) = read_articles(FIXTURES / "wire_fr_hardwrapped.txt")
    assert article.source == "AFP"
    assert "Jean Martin" not in article.text
    assert str(article.published) == "2015-06-12"


def test_french_share_and_read_also_lines_are_removed():
    (article,) = read_articles(FIXTURES / "wire_fr_hardwrapped.txt")
    for furniture in ("Lire aussi", "Partager", "Facebook", "Tous droits réservés", "\r"):
        assert furniture not in article.text


def test_article_without_headline_starts_with_its_first_paragraph():
    body = (
        "Troops entered the northern district on Monday morning after militants abandoned "
        "their positions overnight, according to two officers who spoke on condition of "
        "anonymity because they were not allowed to brief journalists."
    )
    article = read_text(body + "\n\nThey said the district was calm.")
    assert article.title is None
    assert article.text.startswith("Troops entered")


def test_non_breaking_spaces_and_crlf_are_normalised_before_offsets():
    article = read_text("Title\u00a0here\r\n\r\nBody\u00a0text said officials on Monday.\r\n")
    assert "\u00a0" not in article.text and "\r" not in article.text
    assert article.text == "Title here\n\nBody text said officials on Monday."


def test_curly_quotes_are_kept_as_written():
    article = read_text("Headline\n\nThe minister said « victory » and “done” today, on Monday.")
    assert "« victory »" in article.text and "“done”" in article.text


def test_in_a_two_paragraph_story_the_first_line_is_the_headline() -> None:
    article = read_text(
        "Clashes reported\n\nFighters attacked the town on Monday, officials said.\n",
        name="short.txt",
    )
    assert article.title == "Clashes reported"
    assert [p.kind for p in article.paragraphs] == ["headline", "body"]


def test_markup_in_a_headline_is_not_mistaken_for_a_breadcrumb() -> None:
    article = read_text(
        "Report <b>bold</b> & <i>markup</i>\n\nFighters attacked the town on Monday.\n",
        name="markup.txt",
    )
    assert article.title == "Report <b>bold</b> & <i>markup</i>"


def test_a_spaced_breadcrumb_above_the_headline_is_dropped() -> None:
    article = read_text(
        "Monde > Moyen-Orient\n\nLes forces irakiennes reprennent Rawa\n\n"
        "Les forces irakiennes ont repris vendredi la ville de Rawa, selon l'armée.\n",
        name="crumb.txt",
    )
    assert article.title == "Les forces irakiennes reprennent Rawa"
    assert "Monde" not in article.text
