"""Greedy choice of non-overlapping spans, shared by the date, actor and trigger scanners.

Each scanner proposes candidate matches, ranks them (longest first, then its own tie-breaks)
and keeps every candidate that overlaps none already kept. Kept spans never overlap, so they
sit in a list sorted by start where one binary search answers "is this span free?": the
choice is O(n log n) instead of comparing every candidate with every span kept.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
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
