"""Greedy choice of non-overlapping spans, shared by the date, actor and trigger scanners.

Each scanner proposes candidate matches, ranks them (longest first, then its own tie-breaks)
and keeps every candidate that overlaps none already kept. Kept spans never overlap, so they
sit in a list sorted by start where one binary search answers "is this span free?": the
choice is O(n log n) instead of comparing every candidate with every span kept.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def keep_non_overlapping(ranked: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """The items of ``ranked``, in that order of preference, that overlap no item kept
    before them; returned in text order. Empty spans match nothing and are left out."""
    starts: list[int] = []
    ends: list[int] = []
    kept: list[tuple[int, T]] = []
    for item in ranked:
        start, end = span(item)
        if end <= start:
            continue
        i = bisect.bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue  # the kept span starting before this one reaches into it
        if i < len(starts) and starts[i] < end:
            continue  # a kept span starts inside this one
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, (start, item))
    return [item for _, item in kept]


def finditer_near(
    pattern: re.Pattern[str], text: str, anchor: re.Pattern[str], reach: int = 60
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern every match of which holds a hit of
    ``anchor`` (a cheap scan: the unit words of "three days later"), read only within
    ``reach`` characters around each hit.

    A pattern with no literal to start from is tried at every offset of the text; most
    texts hold few anchors. Matches come in text order, never overlapping, as finditer's.
    """
    last_end = 0
    for hit in anchor.finditer(text):
        start = max(last_end, hit.start() - reach)
        if start > hit.start():
            continue  # the last match already covered this anchor
        for m in pattern.finditer(text, start, min(len(text), hit.end() + reach)):
            if m.start() > hit.start():
                break  # beyond this anchor: the next window reads it
            last_end = max(m.end(), m.start() + 1)
            yield m
