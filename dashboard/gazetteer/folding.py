"""Name folding: one matching key for the many ways the press spells a place.

French and English articles transliterate the same Arabic name differently ("Deir ez-Zor",
"Deir Ezzor", "Dayr az-Zawr"; "Albou Kamal", "Albu Kamal"; "Mossoul", "Mosul"). Folding maps a
name to a key that is equal for spellings that differ only in accents, case, punctuation,
spacing, doubled letters and a few safe transliteration pairs, so the gazetteer can be a
plain sorted list of keys.

The same :func:`fold` runs at build time (on every alias) and at query time (on the text), so
any rule here is automatically symmetric. Rules that would merge distinct places too often
(e.g. ``kh``→``k``, ``y``→``i``) are deliberately left out; the build reports how many
features each rule set merges so a new rule can be judged by numbers, not by one example.

Arabic articles are handled by *variants* (:func:`article_variants`) rather than inside
:func:`fold`: the index stores the key with the article as written, with every article
rewritten to ``al``, and with articles removed, and ranking knows which variant matched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["ARTICLE_RANK", "article_variants", "fold", "fold_tokens", "is_arabic"]

# Letters NFKD does not decompose, mapped to the Latin letters the press uses for them.
_SPECIAL_LETTERS = {
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "ß": "ss",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ə": "e",
    "Ə": "e",
    "ʃ": "sh",
}

# Apostrophe-like marks (ayn, hamza, quotes, primes) vanish: "Qa'im", "Qā’im", "Qaʾim" agree.
_VANISH = "'’‘`´ʻʼʽʾʿˈ′″\"“”«»‹›ʹ"
# Separators become spaces so token rules can see word edges before spaces are removed.
_SEPARATORS = "-‐‑‒–—―_.,;:/\\()[]{}·•|!?+&"

# Arabic-script normalisation: alef/hamza/ya/taa-marbuta forms and Persian letters fold to one
# letter each; harakat, tatweel and hamza-alone vanish.
_ARABIC_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ئ": "ي",
    "ی": "ي",
    "ې": "ي",
    "ؤ": "و",
    "ک": "ك",
    "ڪ": "ك",
    "ء": "",
    "ـ": "",
}


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for ch in _VANISH:
        table[ord(ch)] = None
    for ch in _SEPARATORS:
        table[ord(ch)] = " "
    for src, dst in _SPECIAL_LETTERS.items():
        table[ord(src)] = dst
    for src, dst in _ARABIC_MAP.items():
        table[ord(src)] = dst or None
    # combining marks (Latin diacritics after NFKD) and Arabic harakat/superscript alef
    for cp in range(0x300, 0x370):
        table[cp] = None
    for cp in list(range(0x610, 0x61B)) + list(range(0x64B, 0x660)) + [0x670, 0x6D6, 0x6DC]:
        table[cp] = None
    for cp in (0xA0, 0x2009, 0x202F, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF):
        table[cp] = " "
    return table


_TABLE = _build_table()

# French elision at a word start ("d'Anbar", "l'Euphrate", "qu'Alep") is not part of the name.
_ELISION = re.compile(r"(?:(?<=\s)|^)(?:[dlj]|qu)['’ʼ](?=\w)")
# A word-final "h" after a vowel is a transliteration of taa marbuta or just spelling noise:
# Raqqah/Raqqa, Anah/Ana, Rawah/Rawa, Husaybah/Husayba.
_FINAL_H = re.compile(r"(?<=[aeiou])h(?=\s|$)")
_DOUBLED = re.compile(r"(.)\1+")
_ARABIC_RANGE = re.compile(r"[\u0600-\u06ff]")

# Ordered transliteration pairs applied to the space-free key. Each was checked against the
# whole gazetteer for collisions (see ``folding_collisions`` in the build).
_TRANSLIT: tuple[tuple[str, str], ...] = (
    ("dj", "j"),  # French Djerablous, Djebel
    ("tch", "ch"),
    ("ch", "sh"),  # French Cheikh / English Sheikh
    ("dh", "d"),  # Dhi Qar / Di Qar
    ("ou", "u"),  # French Mossoul, Albou Kamal
    ("oo", "u"),
    ("ee", "i"),  # Mayadeen / Mayadin
    ("q", "k"),  # Qaim / Kaim, Iraq / Irak
    ("ck", "k"),
)


def is_arabic(text: str) -> bool:
    """True when the text contains Arabic-script letters."""
    return _ARABIC_RANGE.search(text) is not None


def fold_tokens(text: str) -> list[str]:
    """Normalise a name into lowercase ASCII-ish tokens (accents, quotes and elision removed).

    Token boundaries still matter here because article and final-``h`` rules look at them;
    :func:`fold` joins the tokens into the key.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
    text = text.casefold()
    if "'" in text or "’" in text or "ʼ" in text:
        text = _ELISION.sub("", text)
    text = text.translate(_TABLE)
    if "h" in text:
        text = _FINAL_H.sub("", text)
    return text.split()


def _join_key(tokens: list[str]) -> str:
    """The tokens joined, transliteration pairs applied and doubled letters merged, repeated
    until nothing changes: a pass can make a new match ("oou" -> "ou" -> "u", a lone final
    "h" joined to a vowel), and a key must fold to itself."""
    key = "".join(tokens)
    for _ in range(8):  # a fixed point comes after one or two passes in practice
        before = key
        if key.endswith("h"):
            key = _FINAL_H.sub("", key)
        for src, dst in _TRANSLIT:
            if src in key:
                key = key.replace(src, dst)
        key = _DOUBLED.sub(r"\1", key)
        if key == before:
            break
    return key


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Matching key of a place name: equal for spellings that differ only in noise.

    >>> fold("Deir ez-Zor") == fold("Deir Ezzor") == fold("DEIR EZ ZOR")
    True
    >>> fold("Albou Kamal") == fold("Albu Kamal")
    True
    """
    return _join_key(fold_tokens(text))


# Article tokens. "al"/"el" are articles anywhere before another word; the assimilated forms
# (ad-, ar-, as-, ash-, at-, az-, an-, ez-…) only when the next word starts with the letter
# they assimilate to, which keeps English/French "as", "an", "en", "et" safe.
_PLAIN_ARTICLES = frozenset({"al", "el", "il", "ul"})
_SUN_ARTICLES = {
    f"{v}{c}": c for v in "aeu" for c in ("t", "th", "d", "dh", "r", "z", "s", "sh", "n")
}
_ARABIC_ARTICLE = "ال"

# How the variant was made; lower is a closer match.
ARTICLE_RANK = {"as_written": 0, "al_form": 1, "stripped": 2}


def _is_article(tokens: list[str], i: int) -> bool:
    tok = tokens[i]
    if i + 1 >= len(tokens):
        return False
    if tok in _PLAIN_ARTICLES:
        return True
    follow = _SUN_ARTICLES.get(tok)
    return follow is not None and tokens[i + 1].startswith(follow)


def article_variants(text: str) -> dict[str, int]:
    """All keys a name is indexed under, each with its :data:`ARTICLE_RANK`.

    "Deir ez-Zor" → ``deirezor`` (as written), ``deiralzor`` (article as "al"), ``deirzor``
    (article dropped); "al-Qaïm" → ``alkaim`` and ``kaim``.
    """
    out: dict[str, int] = {}
    if is_arabic(text):
        tokens = fold_tokens(text)
        out[_join_key(tokens)] = 0
        stripped = [t[2:] if t.startswith(_ARABIC_ARTICLE) and len(t) > 3 else t for t in tokens]
        stripped = [t for t in stripped if t]
        if stripped != tokens and stripped:
            out.setdefault(_join_key(stripped), 2)
        return out
    for tokens, rank in _latin_variants(fold_tokens(text)):
        out.setdefault(_join_key(tokens), rank)
    return out


def _latin_variants(tokens: list[str]) -> list[tuple[list[str], int]]:
    """The token lists a Latin-script name is indexed as, with their :data:`ARTICLE_RANK`.

    A glued article written as one word ("Alqaim", "Albukamal") is left alone: splitting it
    would also split Alabama or Alexandria.
    """
    if not tokens:
        return []
    out = [(tokens, 0)]
    positions = [i for i in range(len(tokens)) if _is_article(tokens, i)]
    if positions:
        out.append(([("al" if i in positions else t) for i, t in enumerate(tokens)], 1))
        stripped = [t for i, t in enumerate(tokens) if i not in positions]
        if stripped:
            out.append((stripped, 2))
    return out


def spelling(tokens: list[str]) -> str:
    """A name as written, up to case, accents, spaces and punctuation: unlike a key, it keeps
    doubled letters and spelling variants, so "Putting" is not "Puting" (Anshun) here."""
    return "".join(ch for ch in "".join(tokens) if ch.isalnum())


def spelling_variants(text: str) -> dict[str, str]:
    """Key -> spelling, for every key :func:`article_variants` indexes ``text`` under."""
    if is_arabic(text):
        return {}
    out: dict[str, str] = {}
    for tokens, _ in _latin_variants(fold_tokens(text)):
        out.setdefault(_join_key(tokens), spelling(tokens))
    return out
