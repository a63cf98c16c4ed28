"""Sentence segmentation: offsets slice back, abbreviations and quotes do not cut sentences."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from dashboard.text import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_french_courtesy_title_does_not_end_a_sentence() -> None:
    assert _texts("M. Dupont est arrivé. Il est reparti.") == [
        "M. Dupont est arrivé.",
        "Il est reparti.",
    ]


def test_english_title_and_month_abbreviation_do_not_end_a_sentence() -> None:
    assert _texts("Gen. Smith spoke on Sept. 5 in the town. He left.") == [
        "Gen. Smith spoke on Sept. 5 in the town.",
        "He left.",
    ]


def test_dotted_acronym_does_not_end_a_sentence() -> None:
    assert _texts("The U.S. Army arrived. It stayed.") == ["The U.S. Army arrived.", "It stayed."]


def test_initial_in_a_name_does_not_end_a_sentence() -> None:
    assert _texts("George W. Bush spoke. Then he left.") == [
        "George W. Bush spoke.",
        "Then he left.",
    ]


def test_decimal_number_and_ordinal_stay_inside_the_sentence() -> None:
    assert _texts("La 7e division a avancé de 3.5 km. Elle s'arrête.") == [
        "La 7e division a avancé de 3.5 km.",
        "Elle s'arrête.",
    ]


def test_french_closing_guillemet_belongs_to_the_sentence_it_closes() -> None:
    assert _texts("« C'est terminé. » Le général est parti.") == [
        "« C'est terminé. »",
        "Le général est parti.",
    ]


def test_quoted_speech_followed_by_lowercase_verb_is_one_sentence() -> None:
    assert _texts('"We hold the bridge." he said. Nothing more.') == [
        '"We hold the bridge." he said.',
        "Nothing more.",
    ]


def test_paragraph_break_always_ends_a_sentence() -> None:
    assert _texts("A line without a stop\n\nAnother paragraph") == [
        "A line without a stop",
        "Another paragraph",
    ]


def test_headline_and_caption_are_single_sentences() -> None:
    text = "Title. With stop\n\nBody one. Body two.\n\nPhoto. Caption two."
    spans = [(0, 16, "headline"), (18, 37, "body"), (39, len(text), "caption")]
    sentences = split_sentences(text, spans)
    assert [(s.kind, s.text) for s in sentences] == [
        ("headline", "Title. With stop"),
        ("body", "Body one."),
        ("body", "Body two."),
        ("caption", "Photo. Caption two."),
    ]


@given(st.text(alphabet=st.sampled_from(list("aB .!?«»\"\n7eU.S'é")), max_size=200))
def test_every_sentence_slices_back_to_its_text(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text and sentence.text


def test_a_text_with_no_stops_is_cut_into_bounded_sentences_that_keep_every_character():
    """A run-on text (a scraped table, a hostile file) is read in bounded pieces, so rules
    that read a sentence per trigger stay linear on it; real sentences are far shorter."""
    from dashboard.text.sentences import MAX_SENTENCE

    text = "Iraqi forces retook Rawa on Friday, a day after " * 400
    pieces = split_sentences(text)
    assert len(pieces) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in pieces)
    assert all(s.text == text[s.start : s.end] for s in pieces)
    # cut after a comma, and nothing but spaces falls between two pieces
    assert pieces[0].text.endswith(",")
    assert all(not text[a.end : b.start].strip() for a, b in pairwise(pieces))


def test_a_text_split_again_gives_equal_sentences_in_a_new_list() -> None:
    from dashboard.text import sentences as module

    text = "Iraqi forces retook Rawa. " * 200
    first = split_sentences(text, [(0, len(text), "body")])
    again = split_sentences(text, [(0, len(text), "body")])
    assert again == first and again is not first
    assert split_sentences(text, [[0, len(text), "body"]]) == first  # spans as lists
    limit = module.MAX_SENTENCE
    module.MAX_SENTENCE = 10**9  # the limit is read at each split, as before
    try:
        endless = "a day after " * 400
        assert len(split_sentences(endless)) == 1
    finally:
        module.MAX_SENTENCE = limit
    assert len(split_sentences(endless)) > 1
