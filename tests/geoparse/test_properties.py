"""Invariants that hold for any input: offsets slice back, nothing crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.geoparse import geoparse

_PLACES = ["Raqqa", "al-Qaïm", "Deir ez-Zor", "Anbar province", "l'Euphrate", "Irak", "Paris"]
_WORDS = ["the", "de", "la", "near", "vers", "troops", "forces", ",", ".", "\n\n", "Il", "Sa"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PLACES + _WORDS), max_size=30), st.sampled_from(["en", "fr"]))
def test_offsets_slice_back_to_the_mention(words, lang):
    text = " ".join(words)
    for m in geoparse(text, nlp=None, lang=lang):
        assert text[m.start : m.end] == m.text
        assert 0.0 <= m.confidence <= 1.0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.sampled_from(["en", "fr", "ar", None]))
def test_geoparse_never_crashes_on_random_unicode(text, lang):
    for m in geoparse(text, nlp=None, lang=lang):
        assert text[m.start : m.end] == m.text
