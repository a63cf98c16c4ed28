"""The geoparser's shortcuts give what the plain computations they replace give.

Counts kept once a sweep, bisections over running totals, gates before a scan: each is
checked against the straightforward form on random or real input.
"""

from __future__ import annotations

import random

from dashboard.geoparse.recognise import (
    _AGE_AFTER,
    _LINK_AT_END,
    _LOWER_CASE_OPENERS,
    _ORG_BY_HEAD,
    _PAST_LATIN,
    _PREFIX_RES,
    _TOKEN,
    _WORD,
    _ages_after,
    _can_start,
    _comma_before_link,
    _lowers_as_regex,
    _organisation_spans,
    _tokens,
)
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


def _organisations_word_by_word(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    resume = 0
    for word in _WORD.finditer(text):
        at = word.start()
        if at < resume:
            continue
        pattern = _ORG_BY_HEAD.get(word.group(0).casefold())
        m = pattern.match(text, at) if pattern is not None else None
        if m is not None:
            out.append(m.span())
            resume = m.end()
    return out


def _organisations_through_tokens(text: str) -> list[tuple[int, int]]:
    return _organisation_spans(text, _tokens(text, [(0, len(text))]))


def test_organisation_heads_hold_no_underscore() -> None:
    # a word with an underscore is cut into several tokens: none would be the head
    assert not any("_" in head for head in _ORG_BY_HEAD)


def test_organisations_found_through_tokens_match_a_scan_of_every_word(
    demo_texts_cased: list[str],
) -> None:
    found = 0
    for text in demo_texts_cased:
        expected = _organisations_word_by_word(text)
        assert _organisations_through_tokens(text) == expected
        found += len(expected)
    assert found > 20


def test_organisations_after_initialisms_underscores_and_digits() -> None:
    for text in [
        "the U.S.-led coalition and the US-led coalition",
        "A.U.S.-led coalition, _U.S.-led coalition, x_al-Nusra, 2al-Nusra, al_Nusra",
        "U.S.-LED COALITION; u.s.-led coalition; Ｕ.S.-led coalition",
        "Hezbollah_ Hezbollah. HEZBOLLAH’s Islamic State and Islamic  State",
    ]:
        assert _organisations_through_tokens(text) == _organisations_word_by_word(text)
    rng = random.Random(11)
    pieces = ["U.S.", "-led", " coalition", "al", "-Nusra", " ", "_", ".", "2", "Islamic", "State"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _organisations_through_tokens(text) == _organisations_word_by_word(text)


def test_no_token_that_may_open_a_name_is_left_out_of_the_scan(demo_texts_cased: list[str]) -> None:
    rng = random.Random(13)
    alphabet = [*"aZ éÉ-’'_\u00a0", "al", "sub", "mer", "ʃa", "ɐ", "Ω", "щ", "١", "2"]
    made = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    opened = 0
    for text in [*demo_texts_cased, *made]:
        for tok in _tokens(text, [(0, len(text))]):
            if _can_start(text, tok):
                opened += 1
                assert tok.cap or tok.low in _LOWER_CASE_OPENERS or tok.text[0] >= _PAST_LATIN
    assert opened > 1000


def test_comma_before_a_link_read_back_without_copying() -> None:
    rng = random.Random(17)
    for _ in range(20000):
        text = "".join(rng.choice(", of\n\u00a0x") for _ in range(rng.randint(0, 10)))
        end = rng.randint(0, len(text))
        plain = text[:end].rstrip()[:-2].rstrip().endswith(",")
        assert _comma_before_link(text, end) == plain


def test_link_and_qualifier_searches_from_their_first_possible_offset(
    demo_texts_cased: list[str],
) -> None:
    rng = random.Random(19)
    windows = [t[k : k + 48] for t in demo_texts_cased for k in range(0, len(t) - 48, 7)]
    pieces = ["de ", "DE", "the ", "of", " ", "\n", "’", "'", "province", "Ville", "İ", "ſ", "x"]
    windows += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    for window in windows:
        at = max(0, len(window.rstrip()) - 3)
        assert bool(_LINK_AT_END.search(window, at)) == bool(_LINK_AT_END.search(window))
        if not _lowers_as_regex(window):
            continue
        low = window.lower()
        for head, pattern, _, _ in _PREFIX_RES:
            if head in low:
                m, n = pattern.search(window, low.find(head)), pattern.search(window)
                assert (m and m.span(1)) == (n and n.span(1))


def test_ages_and_administrations_branch_by_branch_match_the_whole_pattern(
    demo_texts_cased: list[str],
) -> None:
    rng = random.Random(23)
    pieces = [",", " ", "  ", "12", "1234", "a", "an", "-year-old", "administration", "-era"]
    pieces += ["Obama", "x", "\n", ", a 30-year-old", " administrations", "-eras"]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(5000)]
    for text in [*demo_texts_cased, *made]:
        whole = [m.span() for m in _AGE_AFTER.finditer(text)]
        assert [m.span() for m in _ages_after(text)] == whole
