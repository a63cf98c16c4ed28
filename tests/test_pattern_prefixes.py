"""The quick tests built from the first atoms of hand-written patterns never lose a match.

Every actor alias, trigger and date rule is tried only where its gate matches; a gate that
missed one offset would silently drop a fact. These checks run the real patterns, gated and
not, over the demo corpus and over case-changed copies of it.
"""

from __future__ import annotations

import re

from dashboard.dates import mentions
from dashboard.dates.prefixes import (
    closing,
    finditer_gated,
    gate_of,
    prefix_gate,
    search_gated,
    top_branches,
)
from dashboard.events import actors, claims, classify


def test_top_level_branches_skip_groups_classes_and_escapes() -> None:
    assert top_branches(r"a|(b|c)|[|]|\||d") == ["a", "(b|c)", "[|]", r"\|", "d"]
    assert top_branches("") == [""]


def test_a_group_closes_at_its_own_parenthesis() -> None:
    pattern = r"x(a(?:b|\))[)]c)y"
    # the escaped parenthesis and the one in a class close nothing
    assert closing(pattern, 1) == pattern.index("y") - 1
    assert closing(pattern, 3) == pattern.index("[") - 1


def test_a_backreference_gives_no_gate() -> None:
    assert prefix_gate([(r"(a)\1", False)]) is None


def test_gated_scans_find_what_plain_scans_find(demo_texts_cased: list[str]) -> None:
    patterns = [p for _, p in classify.COMPILED["en"] + classify.COMPILED["fr"]]
    patterns += [v for v in vars(mentions).values() if isinstance(v, re.Pattern)]
    checked = 0
    for pattern in patterns:
        gate = gate_of(pattern)
        for text in demo_texts_cased:
            gated = [m.span() for m in finditer_gated(pattern, gate, text)]
            assert gated == [m.span() for m in pattern.finditer(text)], pattern.pattern[:80]
            checked += len(gated)
    assert checked > 1000


def test_the_alias_gate_passes_every_alias_hit(demo_texts_cased: list[str]) -> None:
    gate = prefix_gate((entry.pattern, entry.case_sensitive) for entry in actors.LEXICON)
    assert gate is not None
    hits = 0
    for text in demo_texts_cased:
        for entry in actors.LEXICON:
            flags = 0 if entry.case_sensitive else re.IGNORECASE
            for match in re.finditer(rf"(?:{entry.pattern})", text, flags):
                assert gate.match(text, match.start()), (entry.actor, match.group(0))
                hits += 1
    assert hits > 500


def test_the_gated_alias_scan_finds_what_a_plain_scan_finds(demo_texts_cased: list[str]) -> None:
    # the plain scan: every entry tried at every word start, no gate and no first-letter index
    word_start = re.compile(r"(?<![\w-])")
    found = 0
    for text in [*demo_texts_cased, "", "-ISIS", "l'EI", "x" * 50]:
        plain = [
            actors.ActorHit(at, m.end(), m.group(0), entry.actor, entry.side, entry.kind)
            for at in range(len(text))
            if word_start.match(text, at)
            for entry, pattern in actors._COMPILED
            if (m := pattern.match(text, at)) is not None
        ]
        assert actors.alias_matches(text) == plain
        found += len(plain)
    assert found > 500


def _plain_triggers(text: str, lang: str) -> list[classify.TriggerHit]:
    """Every trigger tried at every word start, no gate and no first-letter index."""
    raw: list[classify.TriggerHit] = []
    for spec, pattern in classify.COMPILED[lang]:
        resume = 0
        for word in re.finditer(r"(?<!\w)\w", text):
            m = pattern.match(text, word.start()) if word.start() >= resume else None
            if m is not None:
                raw.append(classify.TriggerHit(m.start(), m.end(), m.group(0), spec))
                resume = max(m.end(), word.start() + 1)
    raw.sort(key=lambda h: (-(h.end - h.start), -h.spec.strength, h.start))
    return classify.keep_non_overlapping(raw, lambda h: (h.start, h.end))


def test_the_gated_trigger_scan_finds_what_a_plain_scan_finds(demo_texts_cased: list[str]) -> None:
    found = 0
    for text in [*demo_texts_cased, "", "x" * 50]:
        for lang in ("en", "fr"):
            plain = _plain_triggers(text, lang)
            assert classify.find_triggers(text, lang) == plain
            found += len(plain)
    assert found > 500


def test_gated_searches_find_what_plain_searches_find(demo_texts_cased: list[str]) -> None:
    # the share and landmark phrases are searched in short windows of a sentence
    pairs = [
        (claims._PARTIAL, claims._PARTIAL_GATE),
        (claims._RELATIONAL, claims._RELATIONAL_START),
    ]
    found = 0
    for pattern, gate in pairs:
        assert gate is not None
        for text in demo_texts_cased:
            for pos in range(0, len(text), 23):
                for endpos in (pos + 30, pos + 90):
                    plain = pattern.search(text, pos, endpos)
                    gated = search_gated(pattern, gate, text, pos, endpos)
                    assert (gated and gated.span()) == (plain and plain.span()), pattern.pattern[
                        :60
                    ]
                    found += plain is not None
    assert found > 1000


def test_a_share_figure_is_read_behind_its_quick_tests(demo_texts_cased: list[str]) -> None:
    # the window before each place is where a figure is read; every offset of the corpus tried
    figures = 0
    for text in [*demo_texts_cased, "12 %, deux tiers, nine-tenths, HALF, la moitié, 3 PER CENT"]:
        for pos in range(0, len(text), 7):
            window = text[pos : pos + 60]
            plain = None
            for m in claims._PERCENT.finditer(window):
                plain = float(m.group("num").replace(",", ".")) / 100
            for m in claims._NTH_FRACTION.finditer(window):
                plain = (
                    claims._NUMERATORS[m.group("num").lower()]
                    / claims._DENOMINATORS[m.group("den").lower().rstrip("s")]
                )
            for m in claims._WORD_FRACTION.finditer(window):
                value = claims._WORD_VALUE.get(re.sub(r"[\s-]+", " ", m.group("word").lower()))
                if value is not None:
                    plain = (
                        value + 0.02
                        if m.group("mod") and claims._OVER.search(m.group("mod"))
                        else value
                    )
            expected = None if plain is None or not 0 < plain <= 1 else round(plain, 2)
            assert claims._fraction(window) == expected, window
            figures += expected is not None
    assert figures > 20
