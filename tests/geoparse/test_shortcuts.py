"""The geoparser's shortcuts give what the plain computations they replace give.

Counts kept once a sweep, bisections over running totals, gates before a scan: each is
checked against the straightforward form on random or real input.
"""

from __future__ import annotations

import random

from dashboard.geoparse.resolve import _SortedWeights, _weighted_median


def test_weighted_median_by_bisection_matches_the_walk() -> None:
    rng = random.Random(3)
    for _ in range(5000):
        # few distinct values, so ties and repeated pairs are common
        pairs = [(float(rng.randint(0, 5)), rng.randint(1, 4)) for _ in range(rng.randint(2, 12))]
        weights = _SortedWeights(pairs)
        assert weights.median() == _weighted_median(list(pairs))
        if len(pairs) >= 3:
            left_out = rng.choice(pairs)
            rest = sorted(pairs)
            rest.remove(left_out)
            assert weights.median(left_out) == _weighted_median(rest)
