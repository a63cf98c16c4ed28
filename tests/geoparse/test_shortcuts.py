"""The geoparser's shortcuts give what the plain computations they replace give.

Counts kept once a sweep, bisections over running totals, gates before a scan: each is
checked against the straightforward form on random or real input.
"""

from __future__ import annotations

import random

from dashboard.geoparse.recognise import _TOKEN, _tokens
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


def _tokens_one_by_one(text: str, sentences: list[tuple[int, int]]) -> list[tuple]:
    out = []
    si, seen = 0, -1
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        while si + 1 < len(sentences) and s >= sentences[si][1]:
            si += 1
        word = m.group()
        cap, upper = word[0].isupper(), len(word) > 1 and word.isupper()
        out.append((s, e, word, word.casefold(), cap, upper, si, seen != si))
        seen = si
    return out


def test_tokens_built_by_columns_match_a_loop_over_matches() -> None:
    rng = random.Random(5)
    alphabet = [*"aZé U.S. d'l’-_ 12\n.Ωщ\u00a0", "ﬁ", "İ", "ß", "ǅ", "١"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(0, 5))))
        sentences = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
        if rng.random() < 0.2:
            rng.shuffle(sentences)  # the loop's semantics hold for any order
        if rng.random() < 0.1:
            sentences = []
        fields = ("start", "end", "text", "low", "cap", "upper", "sent", "first")
        got = [tuple(getattr(t, f) for f in fields) for t in _tokens(text, sentences)]
        assert got == _tokens_one_by_one(text, sentences)
