"""The shared greedy choice of non-overlapping spans keeps what the plain definition keeps."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dashboard.text.spans import finditer_near, keep_non_overlapping

_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=40,
)


def _plain(ranked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for s, e in ranked:
        if not any(s < ke and ks < e for ks, ke in kept):
            kept.append((s, e))
    return sorted(kept)


@given(_SPANS)
def test_keeps_the_spans_the_plain_greedy_choice_keeps(spans):
    assert keep_non_overlapping(spans, lambda x: x) == _plain(spans)


def test_an_empty_span_is_left_out():
    assert keep_non_overlapping([(3, 3), (0, 6)], lambda x: x) == [(0, 6)]


def test_prefers_the_earlier_ranked_of_two_overlapping_spans():
    assert keep_non_overlapping([(5, 9), (0, 6), (9, 12)], lambda x: x) == [(5, 9), (9, 12)]


# Counted days, as the event dater reads them: every match holds one unit word.
_COUNTED = re.compile(
    r"\b(?:a|one|two|three|\d{1,2})\s+(?:days?|weeks?)\s+(?:later|after|before)\b"
    r"|\b(?:the\s+)?(?:next|following)\s+day\b|(?<=,\s)days\s+after\b",
    re.IGNORECASE,
)
_UNIT = re.compile(r"(?<!\w)(?:days?|weeks?)(?!\w)", re.IGNORECASE)
_PIECES = st.sampled_from(
    [
        "Two days later",
        " three weeks before ",
        "the following day",
        ", days after",
        "days",
        " day ",
        "week",
        "Fridays",
        " one day after the next day ",
        "x" * 30,
        " ",
        ". ",
        "holidays later",
    ]
)


@given(st.lists(_PIECES, max_size=30))
def test_finditer_near_finds_what_a_whole_scan_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = [m.span() for m in _COUNTED.finditer(text)]
    assert [m.span() for m in finditer_near(_COUNTED, text, _UNIT)] == expected


def test_finditer_near_reads_adjacent_and_chained_anchors() -> None:
    text = "Two days later, one day after the next day, troops left; three weeks before"
    spans = [m.group(0) for m in finditer_near(_COUNTED, text, _UNIT)]
    assert spans == ["Two days later", "one day after", "the next day", "three weeks before"]
