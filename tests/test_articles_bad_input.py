"""Files that are not articles fail with one clear UnreadableArticle; batches go on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dashboard.articles import (
    MAX_ARTICLE_BYTES,
    ArticleTooLarge,
    UnreadableArticle,
    read_articles,
    read_many,
)
from dashboard.errors import ConflictmapError

FIXTURES = Path(__file__).parent / "data" / "articles_fixtures"
STORY = "Headline here\n\nOfficials said troops entered the town on Monday after heavy fighting.\n"


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("empty.txt", "empty"),
        ("whitespace.txt", "only whitespace"),
        ("binary.bin", "binary"),
    ],
)
def test_unusable_file_is_refused_with_a_reason_naming_it(fixture, reason):
    with pytest.raises(UnreadableArticle, match=reason) as caught:
        read_articles(FIXTURES / fixture)
    assert fixture in str(caught.value)
    assert isinstance(caught.value, ConflictmapError)


def test_latin1_file_is_decoded():
    (article,) = read_articles(FIXTURES / "latin1_fr.txt")
    assert "état-major" in article.text and "sûre" in article.text
    assert article.language == "fr"


def test_utf16_file_with_bom_is_decoded():
    (article,) = read_articles(FIXTURES / "utf16_bom_en.txt")
    assert article.title == "Troops retake airport outside city"
    assert article.source == "AP"


def test_utf8_bom_is_not_part_of_the_text():
    (article,) = read_articles(b"\xef\xbb\xbf" + STORY.encode(), name="bom.txt")
    assert article.text.startswith("Headline here")


def test_oversized_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:  # sparse: costs no disk and no reading
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(ArticleTooLarge, match="10 MB limit") as caught:
        read_articles(big)
    assert "dump.txt" in str(caught.value)


def test_missing_file_and_folder_are_clear_errors(tmp_path):
    with pytest.raises(UnreadableArticle, match="no such file"):
        read_articles(tmp_path / "absent.txt")
    with pytest.raises(UnreadableArticle, match="folder"):
        read_articles(tmp_path)


def test_unsupported_language_is_read_with_a_warning():
    (article,) = read_articles(FIXTURES / "german.txt")
    assert article.language == "de"
    assert "language 'de' not supported: places and events may be missed" in article.warnings


def test_too_short_text_has_undetermined_language():
    (article,) = read_articles(b"Mosul\n\nYes.", name="short.txt")
    assert article.language == "und"
    assert any("language could not be identified" in w for w in article.warnings)


def test_batch_goes_on_after_failures_and_reports_each(tmp_path):
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nul.bin").write_bytes(b"\x00\x01\x02" * 50)
    articles, failures = read_many([tmp_path, tmp_path / "missing.txt"])
    assert len(articles) == 1
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert set(reasons) == {"empty.txt", "nul.bin", "missing.txt"}
    assert "empty" in reasons["empty.txt"] and "no such" in reasons["missing.txt"]


def test_batch_expands_globs_and_reads_stdin(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY.replace("Monday", "Tuesday"), encoding="utf-8")
    articles, failures = read_many(
        [str(tmp_path / "*.txt"), "-", str(tmp_path / "*.nothing")],
        stdin=io.BytesIO(STORY.replace("Monday", "Friday").encode()),
    )
    assert len(articles) == 3 and articles[2].path == "<stdin>"
    assert [f.reason for f in failures] == ["no file matches this pattern"]


def test_batch_skips_hidden_files_in_folders(tmp_path):
    (tmp_path / ".cache").write_bytes(b"\x00\x00")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    articles, failures = read_many([tmp_path])
    assert len(articles) == 1 and failures == []


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\xff" * 100,  # decodes as UTF-16 to a run of one letter
        b"abcdefghij" * 10,  # letters, but no word ever ends
    ],
)
def test_bytes_that_decode_to_no_words_are_refused_as_binary(data: bytes) -> None:
    with pytest.raises(UnreadableArticle, match="binary") as caught:
        read_articles(data, name="odd.txt")
    assert "odd.txt" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "encodings"),
    [
        (STORY, ("utf-8", "utf-16-le")),
        # a script written without spaces
        (
            "据报道，伊拉克军队周一进入了该镇，并与武装分子发生激烈交火，当地官员表示局势仍然紧张。",
            ("utf-8",),
        ),
        ("Hit", ("utf-8",)),  # a bare name is too short to judge
    ],
)
def test_text_with_words_is_still_read(text: str, encodings: tuple[str, ...]) -> None:
    for encoding in encodings:
        (article,) = read_articles(text.encode(encoding), name="ok.txt")
        assert article.text.strip() == text.strip()
