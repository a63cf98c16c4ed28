"""The shared greedy choice of non-overlapping spans keeps what the plain definition keeps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dashboard.text.spans import keep_non_overlapping

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
