"""Toponym recognition: gazetteer-driven longest match, then cues and rejection rules.

Why gazetteer-first: there is no English NER model on the registry and the small French one
misses governorates, so the gazetteer's folded keys are the recall engine and the context
decides. The scan walks token n-grams and stops extending as soon as no key starts with the
folded prefix (``has_prefix``), so an article costs a few thousand bisections.

Two annotation schemes are supported because corpora disagree on what a toponym is:

* ``"literal"`` (this project's gold guideline): places used as places. Demonyms, capitals
  used for governments ("Baghdad said"), and names inside organisation names are rejected.
* ``"inclusive"`` (GeoWebNews, TR-News): every toponym including associative uses: demonyms
  resolve to their country, metonymy and names embedded in organisations are kept.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate, pairwise, starmap
from operator import ne
from typing import Literal

from dashboard.articles.model import Article
from dashboard.gazetteer import Candidate, Gazetteer, fold
from dashboard.gazetteer.folding import article_variants, fold_tokens
from dashboard.geoparse import lexicons as lx
from dashboard.text import split_sentences

Scheme = Literal["literal", "inclusive"]

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")
# What may sit between two tokens of one name: a space, a hyphen, an apostrophe (Qa'im).
_JOIN_GAP = re.compile(r"[ \u00a0\t]?[-‐‑'’ʼ]?[ \u00a0\t]?")
_ELIDED = frozenset({"d", "l", "j", "qu", "s", "n", "c", "m", "t"})
_APOSTROPHES = "'’ʼ"
# "US-led", "Iran-backed": a modifier of a group, not a place under the literal scheme.
_MODIFIER_SUFFIX = re.compile(r"[-‐‑](?:led|backed|based|allied|held|controlled)\b", re.I)
# "a pro-Damascus militia", « les milices pro-Téhéran »: a stance, not a place mentioned
_STANCE_PREFIX = re.compile(r"\b(?:pro|anti)[-‐‑]\Z", re.I)
_WORD = re.compile(r"\w+")


def _org_head(name: str) -> str:
    return _WORD.match(name.casefold()).group(0)  # type: ignore[union-attr]


# Organisations grouped by their first word, so a text word is tried against the few names
# that can start with it rather than one alternation of them all.
_ORG_BY_HEAD: dict[str, re.Pattern[str]] = {
    head: re.compile(
        "|".join(
            re.escape(o).replace(r"\ ", r"\s+") + r"(?!\w)"
            for o in sorted(lx.ORGANISATIONS, key=len, reverse=True)
            if _org_head(o) == head
        ),
        re.IGNORECASE,
    )
    for head in {_org_head(o) for o in lx.ORGANISATIONS}
}


def _organisation_spans(text: str, toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans of the listed organisations; each word of the text is looked up by itself and
    only a word that opens some name is matched against the names it opens.

    The words (runs of ``\\w``) are found through the tokens, already cut: a word that opens
    a name has no underscore, so it is a token itself or a letter of a dotted initialism
    ("U" of "U.S.-led"); each place found this way is checked as a word again.
    """
    out: list[tuple[int, int]] = []
    resume = 0
    for at in _org_head_offsets(toks):
        if at < resume:
            continue
        word = _WORD_START.match(text, at)
        pattern = _ORG_BY_HEAD.get(word.group(0).casefold()) if word is not None else None
        if pattern is None:
            continue
        m = pattern.match(text, at)
        if m is not None:
            out.append(m.span())
            resume = m.end()
    return out


_WORD_START = re.compile(r"(?<!\w)\w+")


def _org_head_offsets(toks: Sequence[Token]) -> list[int]:
    """Where a word that may open an organisation's name starts, ascending."""
    found = [t.start for t in toks if t.low in _ORG_BY_HEAD]
    dotted = [
        t.start + k
        for t in toks
        if "." in t.text
        for k in range(0, len(t.text), 2)  # "u.s.": the letters before each full stop
        if t.text[k].casefold() in _ORG_BY_HEAD
    ]
    return sorted(found + dotted) if dotted else found


def _named_body(
    text: str,
    start: int,
    end: int,
    masked: list[tuple[int, int]],
    bodies: frozenset[str] = lx.NEVER_PLACES,
) -> bool:
    """The name lies inside one of ``bodies``: by default an armed group's or a club's name,
    which holds no place."""
    return any(
        s < end and start < e and " ".join(text[s:e].casefold().replace("’", "'").split()) in bodies
        for s, e in masked
    )


# An airline's country or city is a place named, but says nothing of where the story is: a
# flight of Air Canada does not make London the Ontario town.
_AIRLINES = frozenset(lx.AIRLINES)


# Trailing capitalised words that turn a place into an organisation or an event.
_ORG_TAILS = frozenset(
    [
        "times",
        "post",
        "journal",
        "herald",
        "tribune",
        "news",
        "press",
        "observatory",
        "university",
        "college",
        "institute",
        "council",
        "government",
        "ministry",
        "party",
        "front",
        "forces",
        "force",
        "army",
        "police",
        "company",
        "corp",
        "inc",
        "ltd",
        "bank",
        "airlines",
        "airways",
        "club",
        "fc",
        "united",
        "city-fc",
        "museum",
        "hospital",
        "school",
        "church",
        "mosque",
        "purchase",
        "regional",
        "democratic",
    ]
)


@dataclass(slots=True)
class Token:
    """A word of the text with the facts the rules read.

    Not frozen: an article has hundreds of tokens, and a frozen dataclass's ``__init__``
    (``object.__setattr__`` per field) costs several times a plain slotted one. Nothing
    changes a token once made.
    """

    start: int
    end: int
    text: str
    low: str
    cap: bool
    upper: bool
    sent: int
    first: bool  # first word of its sentence


@dataclass(frozen=True)
class Span:
    """A recognised toponym: ``text`` is the mention, ``name`` the bare name inside it.

    ``kind_hint`` comes from a qualifier ("province de", "the town of"); ``cue`` in 0..1 is how
    much the context says "place" (qualifier, locative preposition, NER); ``demonym`` holds an
    ISO country code when the mention is a country adjective (inclusive scheme only).
    """

    start: int
    end: int
    text: str
    name: str
    name_start: int
    name_end: int
    key: str
    kind_hint: tuple[str, ...] | None = None
    cue: float = 0.0
    sentence_index: int = 0
    paragraph_kind: str = "body"
    demonym: str | None = None
    evidence: tuple[str, ...] = field(default_factory=tuple)
    context_only: bool = False  # a state or country named inside a name: context, no mention
    voteless: bool = False  # a mention that is no context: "Canada" of "Air Canada"


def _tokens(text: str, sentences: Sequence[tuple[int, int]]) -> list[Token]:
    """The words of the text, built column by column: a loop over matches cost more than
    the rules that read the tokens afterwards."""
    # split on the captured token pattern: words at odd places, the gaps between them at
    # even ones; the offsets are running lengths, with no match object per word
    parts = _TOKEN_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    starts = offsets[1:-1:2]
    sents = _sentence_indices(starts, sentences)
    firsts = [True, *map(ne, sents[1:], sents[:-1])] if sents else []
    return list(
        starmap(
            Token,
            zip(
                starts,
                offsets[2::2],  # ends
                words,
                [word.casefold() for word in words],
                [word[0].isupper() for word in words],
                [len(word) > 1 and word.isupper() for word in words],
                sents,
                firsts,
                strict=True,
            ),
        )
    )


_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


def _sentence_indices(starts: list[int], sentences: Sequence[tuple[int, int]]) -> list[int]:
    """The sentence of each token (by its start, ascending): the first sentence, from the
    previous token's on, that ends after it, or the last one. One bisection per sentence."""
    out: list[int] = []
    done = 0
    for si, (_, end) in enumerate(sentences[:-1]):
        upto = bisect.bisect_left(starts, end, done)
        out += [si] * (upto - done)
        done = upto
    out += [max(len(sentences) - 1, 0)] * (len(starts) - done)
    return out


def _is_latin(word: str) -> bool:
    return word[0].isalpha() and ord(word[0]) < 0x0250


def _joinable(text: str, a: Token, b: Token) -> bool:
    if a.sent != b.sent:
        return False
    gap = text[a.end : b.start]
    if gap == ". " and a.low in _ABBREVIATED_PREFIXES:
        return True  # "St. Petersburg", "Mt. Hermon"
    return bool(gap) and len(gap) <= 3 and _JOIN_GAP.fullmatch(gap) is not None


_ABBREVIATED_PREFIXES = frozenset({"st", "ste", "mt", "ft", "pt"})


def _is_elision(text: str, tok: Token) -> bool:
    return tok.low in _ELIDED and tok.end < len(text) and text[tok.end] in _APOSTROPHES


# French writes the common noun of a sea or strait in lower case before its name.
_WATER_HEADS = frozenset({"mer", "golfe", "océan", "détroit", "canal"})


def _can_start(text: str, tok: Token) -> bool:
    if _is_elision(text, tok):
        return False
    if not _is_latin(tok.text):
        return tok.text[0].isalpha()
    if tok.cap:
        return True
    if tok.low in _WATER_HEADS:
        return True  # « mer Rouge », « golfe Persique »: only a whole name is kept
    if (
        tok.low == "sub"
        and text[tok.end : tok.end + 2][:1] in "-‐‑"
        and text[tok.end + 1 :][:1].isupper()
    ):
        return True  # "sub-Saharan Africa", written in lower case in running text
    if tok.low not in lx.LEADING_PARTICLES:
        return False
    # "as-Sukhnah", "al Qaim": glued particles, or al/el; "at Wood Green" is a preposition
    glued = tok.end < len(text) and text[tok.end] in "-‐‑'’ʼ"
    return glued or tok.low in ("al", "el")


_ROMAN = re.compile(r"[IVX]{1,4}")


def _can_end(tok: Token) -> bool:
    # "World War II", "Aram I", "Leader R.": a numeral or an initial closes no place name
    if tok.text.isupper() and (len(tok.text) == 1 or _ROMAN.fullmatch(tok.text)):
        return False
    return tok.cap or tok.low in lx.NAME_ADJECTIVES or not _is_latin(tok.text)


# "Lyon 3-1", "Paris 2:0": a score, not the city's third arrondissement
_SCORE = re.compile(r"(?<=\d)\s*[-–:]\s*\d")


# What follows an apostrophe in English contractions and possessives: "Iraq's", "they'd".
_CONTRACTION_TAILS = frozenset({"s", "t", "d", "ll", "re", "ve", "m"})


def _ayn_joined(text: str, a: Token, b: Token) -> bool:
    """``b`` goes on a word after an apostrophe that writes an ayn or a hamza: the "im" of
    "Qa'im", the "dan" of "Ma'dan" are inside the name, lower case as they are."""
    return (
        b.start == a.end + 1
        and text[a.end] in _APOSTROPHES
        and b.text.isalpha()
        and b.text.islower()
        and b.low not in _CONTRACTION_TAILS
        and a.text.isalpha()
        and a.low not in _ELIDED
    )


def _inside_ok(tok: Token) -> bool:
    return (
        tok.cap
        or tok.low in lx.NAME_PARTICLES
        or tok.low in lx.NAME_ADJECTIVES
        or not _is_latin(tok.text)
    )


@dataclass
class _Raw:
    i: int  # first token index of the name
    j: int  # last token index of the name (inclusive)
    key: str


def _scan(text: str, toks: list[Token], gaz: Gazetteer, max_tokens: int) -> list[_Raw]:
    """Longest gazetteer match starting at each token, left to right, non-overlapping."""
    found: list[_Raw] = []
    n = len(toks)
    # most words are lower-case Latin words that open no name: a set look-up leaves them out
    # before the full test
    starts = [
        k
        for k, t in enumerate(toks)
        if (t.cap or t.low in _LOWER_CASE_OPENERS or t.text[0] >= _PAST_LATIN)
        and _can_start(text, t)
    ]
    free = 0  # the first token after the last name found
    for i in starts:
        if i < free:
            continue
        tok = toks[i]
        best: _Raw | None = None
        j = i
        while j < n and j - i < max_tokens:
            ayn = j > i and _ayn_joined(text, toks[j - 1], toks[j])
            if (
                j > i
                and not ayn
                and (not _joinable(text, toks[j - 1], toks[j]) or not _inside_ok(toks[j]))
            ):
                break
            if j > i and _is_elision(text, toks[j]):
                j += 1  # « Afrique de l'Ouest »: "l'" has no key of its own, the name goes on
                continue
            key = fold(text[tok.start : toks[j].end])
            if not key:
                break
            # one word holds no article: the article needs a separator after it
            alt = _article_key(text[tok.start : toks[j].end], key) if j > i else None
            is_key, is_prefix = gaz.key_or_prefix(key)
            found_key = key if is_key else alt if alt and gaz.has_key(alt) else None
            if (
                found_key is not None
                and (ayn or _can_end(toks[j]))
                and not _state_of_org(text, toks, i, j)
                and not _SCORE.match(text, toks[j].end)
            ):
                best = _Raw(i, j, found_key)
            if not is_prefix and not (alt and gaz.has_prefix(alt)):
                break
            j += 1
        # "But I'm sure": the name, if any, starts after the opener; "A Coruña" stays
        # unless a longer name starts after "A" ("A New Mexico native")
        if (
            best is not None
            and best.j > best.i
            and tok.first
            and tok.low in _OPENERS
            and (tok.low != "a" or _longer_after(text, toks, gaz, best, max_tokens))
        ):
            best = None
        if best is not None and (toks[best.i].cap or best.j > best.i):
            found.append(best)
            free = best.j + 1
    return found


# What :func:`_can_start` lets open a name besides a capital or a letter past Latin
_LOWER_CASE_OPENERS = _WATER_HEADS | {"sub"} | lx.LEADING_PARTICLES
_PAST_LATIN = "\u0250"


_ARTICLE_TOKEN = re.compile(r"(?:^|[\s\-‐‑])(?:el|il|ul|[eu](?:[tdrzsn]|sh|th|dh))[\s\-‐‑]", re.I)


def _article_key(name: str, key: str) -> str | None:
    """The key of a name with its Arabic article written as the index writes it: "Deir
    el-Zour" is indexed as "Deir al-Zour" (and "Deir ez-Zor" as written), not as "el"."""
    if not _ARTICLE_TOKEN.search(name):
        return None
    for variant, rank in article_variants(name).items():
        if rank == 1 and variant != key:
            return variant
    return None


def _longer_after(
    text: str, toks: list[Token], gaz: Gazetteer, best: _Raw, max_tokens: int
) -> bool:
    """A gazetteer name starting at the token after ``best``'s first ends beyond ``best``."""
    i = best.i + 1
    for j in range(best.j + 1, min(len(toks), i + max_tokens)):
        if not _joinable(text, toks[j - 1], toks[j]) or not _inside_ok(toks[j]):
            return False
        if _can_end(toks[j]) and gaz.has_key(fold(text[toks[i].start : toks[j].end])):
            return True
    return False


# Words that open a sentence and never a place name of several words: "But I" is not Buti,
# "A New Mexico native" names New Mexico, not Änew. Arabic articles ("An Najaf", "As
# Samawah") and "In" ("In Amenas") open real names and are not here.
_OPENER_WORDS = """a but and or if when while i he she it we they you this that these those his
    her its our their my your after before since until so yet then there here what who why how
    mais et ou si quand il elle ils elles je nous vous"""
_OPENERS = frozenset(_OPENER_WORDS.split())


def _state_of_org(text: str, toks: list[Token], i: int, j: int) -> bool:
    """ "Kentucky State" in "Kentucky State Police": the state's name is "Kentucky"."""
    return j > i and toks[j].low == "state" and _next_cap(text, toks, j)


def _words_before(toks: list[Token], i: int, k: int) -> list[str]:
    return [t.low for t in toks[max(0, i - k) : i] if t.sent == toks[i].sent]


_LINK = r"(?:de\s+la\s+|de\s+l['’]\s*|d['’]\s*|de\s+|du\s+|des\s+|of\s+the\s+|of\s+)"
# French adjectives between a designator and its name: « la province orientale de Deir Ezzor »
_FR_ADJECTIVE = (
    r"(?:\s+(?:orientale?|occidentale?|septentrionale?|méridionale?|centrale?|frontalière"
    r"|frontalier|voisine?|désertique|pétrolière|stratégique|syrienne|irakienne|kurde|sunnite"
    r"|chiite|natale|côtière|agricole|disputée?|rebelle|majoritairement\s+\w+))?"
)
# (first word lower-cased, pattern, kinds, part-of-mention), longest qualifier first
_PREFIX_RES: tuple[tuple[str, re.Pattern[str], tuple[str, ...], bool], ...] = tuple(
    (
        words[0].lower(),
        re.compile(
            r"(?<!\w)("
            + r"[\s\-]+".join(re.escape(w) for w in words)
            + _FR_ADJECTIVE
            + r")\s+"
            + _LINK
            + r"$",
            re.IGNORECASE,
        ),
        kinds,
        include,
    )
    for words, kinds, include in sorted(
        lx.PREFIX_QUALIFIERS, key=lambda q: len(" ".join(q[0])), reverse=True
    )
)


def _lowers_as_regex(text: str) -> bool:
    """Whether ``str.lower`` matches words in ``text`` as ``re.IGNORECASE`` does: so when its
    letters are all Latin-1 (beyond, "ſ", "K" and "İ" match "s", "k" and "i" as well)."""
    return text.isascii() or all(ord(ch) < 0x100 or not ch.isalpha() for ch in text)


_LINK_AT_END = re.compile(r"(?:\b(?:de|du|des|of|la|the)\s+|['’]\s*)$", re.IGNORECASE)


def _prefix_qualifier(
    text: str, toks: list[Token], i: int
) -> tuple[int, tuple[str, ...] | None, bool, float]:
    """A qualifier right before token ``i``: (mention start, kinds, part-of-mention, cue).

    "province de l'Anbar" makes the mention start at "province" (the designator fixes the
    referent); "la ville de Deir Ezzor" only hints the kind.
    """
    start = toks[i].start
    window = text[max(0, start - 48) : start]
    # the link closes the window but for spaces, and is three letters at most: the search
    # starts there rather than at every offset
    if not _LINK_AT_END.search(window, max(0, len(window.rstrip()) - 3)):
        return start, None, False, 0.0  # every qualifier ends on its link ("de", "of")
    # a pattern is searched at every offset; one whose first word the window lacks is not,
    # and one whose first word it holds from that word's first place on
    low = window.lower() if _lowers_as_regex(window) else None
    for head, pattern, kinds, include in _PREFIX_RES:
        at = 0
        if low is not None:
            if head not in low:
                continue
            at = low.find(head)
        m = pattern.search(window, at)
        if m:
            if not include and _RANKING.search(window, 0, m.start(1)):
                # « dernière ville d'Irak », "the largest city of Iraq": the town is ranked
                # within the area named after it, which is no town
                return start, None, False, 0.0
            q_start = start - len(window) + m.start(1)
            return (q_start if include else start), kinds, include, 0.9
    return start, None, False, 0.0


_AIRPORT = ("airport",)
_DAM = ("other",)  # a dam, read under its full name ("Mosul Dam", « barrage de Tabqa »)
_SITES = (_AIRPORT, _DAM)


def _site_held(gaz: Gazetteer, kinds: tuple[str, ...], name: str, whole: str) -> bool:
    """Whether the gazetteer holds the airfield or the dam a qualifier names: an airfield
    under the town's name, a dam under its full name."""
    if kinds == _AIRPORT:
        found = gaz.lookup(name, limit=1, kind_hint=_AIRPORT)
        return bool(found) and found[0].kind == "airport"
    return gaz.has_key(fold(whole))


_RANKING = re.compile(
    r"\b(?:derni(?:er|ère)s?|premi(?:er|ère)s?|seule?s?|principale?s?|grande?s?|deuxième"
    r"|seconde?|last|first|only|largest|biggest|main|major|key)\s+\Z",
    re.IGNORECASE,
)


_SUFFIX_HEADS = frozenset(words[0] for words, _, _ in lx.SUFFIX_QUALIFIERS)


def _suffix_qualifier(
    text: str, toks: list[Token], j: int
) -> tuple[int, tuple[str, ...] | None, bool, float]:
    """A designator right after the name ("Anbar province", "Raqqa city"), separated by
    spaces only: in "WASHINGTON (AP) - City halls", "City" qualifies nothing."""
    end = toks[j].end
    if j + 1 >= len(toks) or toks[j + 1].low not in _SUFFIX_HEADS:
        return end, None, False, 0.0
    for words, kinds, include in lx.SUFFIX_QUALIFIERS:
        n = len(words)
        if j + n >= len(toks):
            continue
        got = toks[j + 1 : j + 1 + n]
        if any(t.sent != toks[j].sent for t in got):
            continue
        if text[end : got[0].start].strip():
            continue
        if [t.low for t in got] == list(words):
            return (got[-1].end if include else end), kinds, include, 0.9
    return end, None, False, 0.0


# Common nouns that name what a district or area serves, not where it is: capitalised before
# a designator they fold onto foreign names ("School" is Korea's "Shoul").
_SERVICE_TEXT = """school water fire business congressional judicial police sewer library
    hospital irrigation election electoral historic financial shopping entertainment
    conservation transit health"""
_SERVICE_WORDS = frozenset(_SERVICE_TEXT.split())

_CAPITALISED_DESIGNATORS = frozenset({"state", "county", "province", "governorate", "district"})


def _proper_name_bounds(
    text: str, toks: list[Token], j: int, m_start: int, m_end: int, ns: int, ne: int
) -> tuple[int, int]:
    """Mention bounds when only proper names count (GeoWebNews, TR-News guidelines).

    A lower-case designator is a common noun outside the name ("Idlib province", "the
    province of Aydin" annotate the bare name); a capitalised one is part of it ("Benue
    State", "Collier County"), except "State" before another capitalised word ("Kentucky
    State Police" is an organisation naming Kentucky).
    """
    if m_start < ns and (not text[m_start].isupper() or text[m_start:ns].rstrip().endswith("of")):
        m_start = ns  # "the province of Aydin", "District of Massachusetts": the bare name
    elif m_start == ns:
        m_start = _directional_prefix(text, toks, ns, m_start)
    if m_end > ne:
        nxt = toks[j + 1]
        if not nxt.cap or (nxt.low == "state" and _next_cap(text, toks, j + 1)):
            m_end = ne
    elif j + 1 < len(toks):
        nxt = toks[j + 1]
        if (
            nxt.cap
            and not nxt.upper
            and nxt.low in _CAPITALISED_DESIGNATORS
            and text[ne : nxt.start] == " "
            and not (nxt.low == "state" and _next_cap(text, toks, j + 1))
        ):
            m_end = nxt.end
    return m_start, m_end


_DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "upper",
        "lower",
        "greater",
    ]
)


def _directional_prefix(text: str, toks: list[Token], ns: int, m_start: int) -> int:
    """ "South Florida", "Upper Edmonton": a capitalised direction is part of the name.

    Not after another capitalised word ("Far North Queensland" names Queensland) and not
    at the start of a sentence, where capitals say nothing.
    """
    k = bisect.bisect_left(toks, ns, key=lambda t: t.start)
    if k == 0 or k >= len(toks):
        return m_start
    prev = toks[k - 1]
    if (
        prev.cap
        and not prev.upper
        and not prev.first
        and prev.low in _DIRECTIONS
        and text[prev.end : ns] == " "
        and not (k >= 2 and toks[k - 2].cap and toks[k - 2].sent == prev.sent)
    ):
        return prev.start
    return m_start


def _next_cap(text: str, toks: list[Token], k: int) -> bool:
    """Token ``k`` is directly followed by a capitalised word of the same name chain."""
    return (
        k + 1 < len(toks)
        and toks[k + 1].cap
        and toks[k + 1].sent == toks[k].sent
        and text[toks[k].end : toks[k + 1].start] == " "
    )


_DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][\w.]*\.?)?"  # ", Ky." or ", Iraq"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"  # ", Nov 3" or " Nov. 3, 2017"
    r"\s+(?:—|–|--?|\()\s*"
)


def _dateline(text: str, toks: list[Token], i: int, j: int) -> bool:
    """A wire-story dateline at a text's start: "WINNIPEG — ...", "GLASGOW, Ky. (AP) ...",
    "BAGHDAD, Nov 3 (Reuters) -"."""
    first = toks[i]
    if not first.first or not (first.upper or first.start == 0):
        return False
    if (
        first.start == 0
        and all(t.upper for t in toks[i : j + 1])
        and toks[j].end - first.start >= 4
        and first.low not in lx.FUNCTION_WORDS
        and re.match(r" [A-Z][a-z]", text[toks[j].end : toks[j].end + 3])
    ):
        return True  # "WASHINGTON Christopher Steele, who ...": the dash lost on the way
    return _DATELINE_AFTER.match(text, toks[j].end, toks[j].end + 32) is not None


def _after_town(text: str, toks: list[Token], i: int, j: int) -> bool:
    """The name closes a "Town, Region" apposition ("Coalville, Utah.")."""
    if i == 0 or text[toks[i - 1].end : toks[i].start] != ", " or not toks[i - 1].cap:
        return False
    return j + 1 >= len(toks) or not toks[j + 1].cap or toks[j + 1].sent != toks[j].sent


_DIVISION_KINDS = ("admin1", "admin2")


def _division_named(
    gaz: Gazetteer, name: str, kinds: tuple[str, ...] = _DIVISION_KINDS
) -> Candidate | None:
    """A state, province or county (or another of ``kinds``) written exactly ``name`` (an
    initialism only in capitals: "Act" is not the ACT), if any is."""
    for cand in gaz.lookup(name, limit=5, kind_hint=kinds):
        if cand.kind not in kinds or fold_tokens(name) != fold_tokens(cand.matched):
            continue
        if cand.matched.isupper() and not name.isupper():
            continue
        return cand
    return None


def _water_named(gaz: Gazetteer, name: str) -> bool:
    """A sea, ocean, gulf or strait is written exactly ``name``."""
    key = fold_tokens(name)
    return any(
        c.kind == "sea" and key in (fold_tokens(c.name), fold_tokens(c.matched))
        for c in gaz.lookup(name, limit=5, kind_hint=("sea",))
    )


_MAJOR_TOWN = 50_000


def _apposed_division(
    text: str, toks: list[Token], i: int, j: int, gaz: Gazetteer, name: str
) -> tuple[str, ...] | None:
    """ "Thruxton, Hampshire.": a division closing a "Place, Division" apposition.

    News text situates a small place by the county or state after it, so a division's name in
    that slot is a place even when a village elsewhere shares it and ranks higher. The kind
    hint returned is the division's, unless a sizeable town has the name too: a street is
    situated by its town ("Dunnock Close, Edmonton"), and the resolver then weighs both.
    """
    if not _after_town(text, toks, i, j):
        return None
    if toks[i - 1].first and toks[i - 1].low in lx.FUNCTION_WORDS:
        return None
    division = _division_named(gaz, name)
    if division is None:
        return None
    towns = [
        c
        for c in gaz.lookup(name, limit=5)
        if c.kind not in _DIVISION_KINDS and c.population >= _MAJOR_TOWN
    ]
    return () if towns else (division.kind,)


def _region_after(text: str, toks: list[Token], j: int, gaz: Gazetteer) -> bool:
    """ "Clacton, Essex", "Price, Utah": a town followed by its state, province or country.

    The comma apposition is how news text situates a small place; the second name must be a
    first-level division or a country (or a state abbreviation) for the cue to count.
    """
    k = j + 1
    if k >= len(toks) or text[toks[j].end : toks[k].start] != ", ":
        return False
    nxt = toks[k]
    if not nxt.cap or nxt.sent != toks[j].sent:
        return False
    abbrev = nxt.low[:-1] if nxt.low.endswith(".") else nxt.low
    if abbrev in lx.STATE_ABBREVIATIONS and (
        nxt.text.endswith(".") or text[nxt.end : nxt.end + 1] == "."
    ):
        return True
    for last in (k + 1, k):
        if last >= len(toks) or (last > k and not _joinable(text, nxt, toks[last])):
            continue
        after = toks[last + 1] if last + 1 < len(toks) else None
        if (
            after is not None
            and after.sent == nxt.sent
            and (after.cap or text[toks[last].end : after.start] in _APOS)
        ):
            continue  # "U.S. District Court", "Georgia's father": not a bare region name
        name = text[nxt.start : toks[last].end]
        top = gaz.lookup(name, limit=1)
        if (
            top
            and top[0].kind in ("admin1", "country", "region")
            and fold(name) == fold(top[0].matched)
        ):
            return True
        if _division_named(gaz, name) is not None:
            return True
    return False


# A possessive followed by an office of government names a state or a country.
_GOVERNED = re.compile(
    r"['’]s?\s+(?:(?:[a-z]+\s+)?(?:premier|governor|government|legislature|parliament|cabinet"
    r"|ministry|minister|president|prime\s+minister|assembly|senate|attorney\s+general)"
    r"|provincial|state\s+(?:government|legislature|senate|assembly))\b"
)
_GOVERNED_KINDS = ("admin1", "country")
# "Virginia officials said", "Ontario authorities": the people of a government, whose state or
# province outranks a town of the name abroad (a city's own officials stay the city's when no
# division bears its name)
_OFFICIALS_AFTER = re.compile(
    r"\s+(?:(?:state\s+|provincial\s+)?(?:officials|authorities|lawmakers|legislators|regulators)\b"
    # a state's office-holders by title: "New York Gov. Andrew Cuomo", "Ontario Premier Doug
    # Ford", "Washington Attorney General Bob Ferguson" (a city's mayor is the city's)
    r"|(?:Lt\.\s+)?Gov\.|(?:Lieutenant\s+)?Governor\b|Premier\b|Attorney\s+General\b"
    r"|Sen\.\s+[A-Z]|Senator\s+[A-Z]|Secretary\s+of\s+State\b)"
)


def _locative_cue(text: str, toks: list[Token], i: int) -> float:
    before = _words_before(toks, i, 3)
    if not before:
        return 0.0
    if len(before) >= 2 and " ".join(before[-2:]) in lx.LOCATIVE_PHRASES:
        return 0.6
    if len(before) >= 3 and " ".join(before[-3:]) in lx.LOCATIVE_PHRASES:
        return 0.6
    last = before[-1]
    if last in ("de", "d", "du") and len(before) >= 2:
        return 0.25 if before[-2] in ("près", "abords", "région", "sud", "nord", "est") else 0.15
    if last in lx.LOCATIVE_CUES or last in lx.TAKING_VERBS:
        return 0.45
    if last == "of" and _comma_before_link(text, toks[i].start):
        return 0.45  # residence after a name: "Vernon Adkins, 40, of McKee"
    if last in ("l", "la", "le") and len(before) >= 2 and before[-2] in lx.LOCATIVE_CUES:
        return 0.4
    if last == "the" and len(before) >= 2 and before[-2] in lx.LOCATIVE_CUES:
        return 0.35
    return 0.0


def _comma_before_link(text: str, end: int) -> bool:
    """``text[:end].rstrip()[:-2].rstrip().endswith(",")``: a comma before the two letters
    of a link, read back from ``end`` without copying the text before it."""
    k = end
    while k > 0 and text[k - 1].isspace():
        k -= 1
    k -= 2
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k > 0 and text[k - 1] == ","


_LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "across", "dans", "à", "en", "près", "au", "aux"}
)


def _locative_object(text: str, toks: list[Token], i: int) -> bool:
    """The name is the object of a locative preposition ("officials in Erbil said"), so the
    speech verb after it has another subject and the place is literal."""
    if i == 0 or toks[i - 1].sent != toks[i].sent:
        return False
    prev = toks[i - 1]
    return prev.low in _LOCATIVE_PREPOSITIONS and text[prev.end : toks[i].start].isspace()


def _metonymic(text: str, toks: list[Token], j: int) -> bool:
    """A name followed by a speech verb ("Baghdad said", "Moscou a démenti").

    Punctuation between them ends the clause: in « chassé de Rawa, ont annoncé les
    autorités » the verb's subject comes after it.
    """
    k = j + 1
    steps = 0
    while k < len(toks) and toks[k].sent == toks[j].sent and steps < 3:
        if text[toks[k - 1].end : toks[k].start].strip(" '’"):
            return False
        w = toks[k].low
        if w in lx.SPEECH_VERBS and w != "a":
            return True
        if w in lx.SPEECH_AUX or w in ("not", "pas", "n", "ne", "also", "aussi"):
            k += 1
            steps += 1
            continue
        return False
    return False


_AGENCY = frozenset(
    {"agence", "agency", "agences", "journal", "chaîne", "channel", "tv", "télévision"}
)


def _agency_context(toks: list[Token], i: int) -> bool:
    """ "l'agence officielle Sana", "the state news agency Sana": a medium, not a place."""
    return any(w in _AGENCY for w in _words_before(toks, i, 3))


# The words that make a news agency named like a place a source: "Petra reported", "Xinhua
# news agency", "according to Petra", "(Xinhua)".
_AS_SOURCE_AFTER = frozenset(
    {"reported", "reports", "said", "says", "quoted", "cited", "news", "agency", "rapporte"}
)
_AS_SOURCE_BEFORE = re.compile(
    r"(?:according\s+to|selon|told|quoted\s+by|cited\s+by)\s+$", re.IGNORECASE
)


def _news_agency(text: str, toks: list[Token], i: int, j: int) -> bool:
    """A news agency quoted as a source, not the place it is named like."""
    if i != j or toks[i].low not in lx.NEWS_AGENCIES:
        return False
    start, end = toks[i].start, toks[i].end
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True
    nxt = toks[j + 1] if j + 1 < len(toks) and toks[j + 1].sent == toks[i].sent else None
    if nxt is not None and nxt.low in _AS_SOURCE_AFTER:
        return True
    return _AS_SOURCE_BEFORE.search(text, max(0, start - 20), start) is not None


def _person_context(text: str, toks: list[Token], i: int, j: int) -> bool:
    """Titles and given names before, or a surname after, mark a person's name."""
    if i > 0 and toks[i - 1].sent == toks[i].sent:
        prev = toks[i - 1]
        if prev.low in lx.PERSON_TITLES and (prev.cap or prev.low in ("m", "mr", "mme")):
            return True
        titled = prev.low in lx.PERSON_TITLES or prev.low in lx.OCCUPATIONS
        if titled and text[prev.end : toks[i].start] in (" ", "\u00a0"):
            return True
        if (
            prev.cap
            and prev.low in lx.FIRST_NAMES
            and _joinable(text, prev, toks[i])
            and not prev.first
        ):
            return True
        if (
            prev.cap
            and prev.low in lx.FIRST_NAMES
            and prev.first
            and _joinable(text, prev, toks[i])
        ):
            return True
        # "Zaid Al Harbi", "Mohammad Al Kindi": an Arabic family name after a given name
        if (
            prev.low in ("al", "el")
            and i > 1
            and toks[i - 2].sent == toks[i].sent
            and toks[i - 2].low in lx.FIRST_NAMES
            and toks[i - 2].cap
            and _joinable(text, toks[i - 2], prev)
            and _joinable(text, prev, toks[i])
        ):
            return True
    if toks[i].low in lx.FIRST_NAMES and j == i and j + 1 < len(toks):
        nxt = toks[j + 1]
        if _joinable(text, toks[j], nxt) and (
            nxt.cap or (j + 2 < len(toks) and _article_prefix(text, nxt, toks[j + 2]))
        ):
            return True
    if i == j and j + 1 < len(toks):
        # "Frederick Wu", "Fenggang Yang": a one-word place name before a surname is a given
        # name; not before a longer capitalised chain ("Sullivan Goss Gallery" reads on)
        nxt = toks[j + 1]
        if (
            nxt.cap
            and not nxt.upper
            and nxt.low in lx.SURNAMES
            and _joinable(text, toks[j], nxt)
            and not _next_cap(text, toks, j + 1)
        ):
            return True
    return False


_AGE_BEFORE = re.compile(r"\b(?:\d{1,3}|[A-Za-z]+)-year-old\s+")
_AGE_AFTER = re.compile(r",\s*(?:\d{1,3},|an?\s+\d{1,3}-year-old\b)|\s+administration\b|-era\b")
# Its branches, each with a word every match holds: they start with different characters
# and none can run into another's match, so their matches, merged, are the pattern's; the
# middle one, tried at every space, is tried only in a text that mentions an administration.
_AGE_AFTER_BRANCHES = tuple(
    (word, re.compile(branch))
    for word, branch in (
        (",", r",\s*(?:\d{1,3},|an?\s+\d{1,3}-year-old\b)"),
        ("administration", r"\s+administration\b"),
        ("-era", r"-era\b"),
    )
)


def _ages_after(text: str) -> list[re.Match[str]]:
    """``_AGE_AFTER.finditer(text)``, branch by branch."""
    found = [
        m for word, branch in _AGE_AFTER_BRANCHES if word in text for m in branch.finditer(text)
    ]
    return sorted(found, key=lambda m: m.start())


def _person_names(text: str, toks: list[Token], gaz: Gazetteer, lower_vocab: set[str]) -> set[str]:
    """Words the article uses as people's names, so a bare "Burton" later is not the town.

    Evidence, all from the article itself: a given name or a title before a capitalised word
    ("Nick Burton", "Sen. Marco Rubio"), a middle initial ("Charles W. Murphy"), an age in
    apposition ("Burton, 39,", "Altintas, a 22-year-old"), a presidency ("the Obama
    administration", "Obama-era rules"), or a two-word capitalised chain whose first word is
    neither a place, a place modifier nor an ordinary word ("Dewly Nelson"; not when the
    second word is a country or a big city: "DeSmog Canada" is a publication).
    """
    names: set[str] = set()
    n = len(toks)
    for k, t in enumerate(toks):
        if not t.cap or t.upper or k + 1 >= n:
            continue
        nxt = toks[k + 1]
        if nxt.sent != t.sent or not nxt.cap or nxt.upper:
            continue
        gap = text[t.end : nxt.start]
        if len(t.text) == 1 and gap == ". " and k > 0 and toks[k - 1].cap:
            names.add(nxt.low)  # middle initial
            continue
        if gap != " " and not (t.low in lx.PERSON_TITLES and gap == ". "):
            continue
        if nxt.low in lx.PLACE_MODIFIERS or nxt.low in _ORG_TAILS:
            continue
        if t.low in lx.FIRST_NAMES or t.low in lx.PERSON_TITLES:
            names.add(nxt.low)
            # the rest of the name: "Sen. Marco Rubio", "John Paul Jones"
            m = k + 1
            while (
                m - k < 3
                and _next_cap(text, toks, m)
                and toks[m + 1].low not in _ORG_TAILS
                and not _major_place(gaz, toks[m + 1].text)
            ):
                m += 1
                names.add(toks[m].low)
            continue
        chain_start = k == 0 or not (
            toks[k - 1].cap
            and toks[k - 1].sent == t.sent
            and text[toks[k - 1].end : t.start] == " "
        )
        chain_end = not _next_cap(text, toks, k + 1)
        if (
            chain_start
            and chain_end
            and t.low not in lower_vocab
            and t.low not in lx.PLACE_MODIFIERS
            and t.low not in lx.FUNCTION_WORDS
            and t.low not in lx.DEMONYMS
            and t.low not in lx.NEVER_ALONE
            and not gaz.has_prefix(fold(t.text))
            and not _major_place(gaz, nxt.text)
        ):
            names.add(nxt.low)
    for m in _ages_after(text):
        k = _token_ending_at(toks, m.start())
        if k is None or not toks[k].cap or toks[k].upper:
            continue
        if m.group().startswith(",") and not (k > 0 and toks[k - 1].cap):
            continue  # an age follows a full name ("Ellen Sutton, 34,")
        names.add(toks[k].low)  # or "the Obama administration", "Obama-era rules"
    # every match holds "-year-old"; without it the pattern would still be tried at each word
    ages_before = _AGE_BEFORE.finditer(text) if "-year-old" in text else ()
    for m in ages_before:
        # "Nine-year-old Georgia Stevens": a full name after an age ("a 30-year-old Georgia
        # man" is a place of origin: one capitalised word before a common noun)
        k = bisect.bisect_left(toks, m.end(), key=lambda t: t.start)
        if k + 1 >= len(toks) or toks[k].start != m.end():
            continue
        first, last = toks[k], toks[k + 1]
        if (
            first.cap
            and last.cap
            and not first.upper
            and not last.upper
            and first.sent == last.sent
            and text[first.end : last.start] == " "
            and last.low not in _ORG_TAILS
            and last.low not in lx.PLACE_MODIFIERS
            and not _major_place(gaz, last.text)
        ):
            names.update((first.low, last.low))
    return names


def _major_place(gaz: Gazetteer, name: str) -> bool:
    """A country, continent, first-level division or big city: rarely a surname."""
    cands = gaz.lookup(name, limit=1)
    return bool(cands) and _major(cands[0])


def _short_province_name(candidate: Candidate, low: str, lower_vocab: set[str]) -> bool:
    """ "Zhejiang" for "Zhejiang Sheng": a big province by the first words of its name.

    GeoNames names such provinces with their designator, so the name as printed only
    matches an alias and scores like one; other aliases of big provinces ("Mel", "Uka",
    "Région") are too often noise to stand alone.
    """
    return (
        candidate.kind == "admin1"
        and _major(candidate)
        and low not in lower_vocab
        and _starts_with(fold_tokens(candidate.name), fold_tokens(candidate.matched))
    )


def _starts_with(words: list[str], head: list[str]) -> bool:
    return 0 < len(head) < len(words) and words[: len(head)] == head


def _major(candidate: Candidate) -> bool:
    if candidate.kind in ("country", "continent", "world_region", "sea"):
        return True
    if candidate.kind == "admin1" and not candidate.population:
        return True  # a governorate of the region: its sources give no population
    return candidate.population > 1_000_000  # a province of 400,000 ("Mary") is no landmark


def _token_ending_at(toks: list[Token], end: int) -> int | None:
    k = bisect.bisect_left(toks, end, key=lambda t: t.end)
    return k if k < len(toks) and toks[k].end == end else None


def _article_prefix(text: str, tok: Token, nxt: Token) -> bool:
    """An Arabic article glued to the next word ("al-Zobai"), not the French "et"."""
    if tok.low not in lx.LEADING_PARTICLES or tok.sent != nxt.sent:
        return False
    gap = text[tok.end : nxt.start]
    return gap in ("-", "‐", "‑") or (tok.low in ("al", "el") and gap == " ")


def _chain_neighbour(text: str, toks: list[Token], i: int, j: int) -> bool:
    """The match is one part of a longer capitalised name ("Jordan Peterson", "Paris Match")."""
    if j + 1 < len(toks):
        nxt = toks[j + 1]
        if (
            nxt.cap
            and not nxt.upper
            and _joinable(text, toks[j], nxt)
            and text[toks[j].end : nxt.start] == " "
        ):
            return True
        if (
            j + 2 < len(toks)
            and _article_prefix(text, nxt, toks[j + 2])
            and _joinable(text, toks[j], nxt)
            and toks[j + 2].cap
        ):
            return True
    if i > 0:
        prev = toks[i - 1]
        if (
            prev.cap
            and not prev.upper
            and not prev.first
            and text[prev.end : toks[i].start] == " "
            and prev.low not in lx.PERSON_TITLES
        ):
            return True
    return False


_INSTITUTION_KEYS = frozenset(fold(name) for name in lx.INSTITUTIONS | lx.GENERIC_QUARTERS)
_FACILITY_GAP = re.compile(r" |['’]s ")


def _facility_tail(text: str, toks: list[Token], j: int) -> bool:
    """The name is the first part of a street's or a building's name.

    The facility word follows at once or after a possessive: "Hertford Road", "St.
    Michael's Hospital" are named after the place or saint. With words in between ("Toronto
    General Hospital") the name says where the institution is, and stays a place.
    """
    k = j + 1
    if k + 1 < len(toks) and toks[k].text == "s" and text[toks[j].end : toks[k].start] in _APOS:
        k += 1  # the possessive "'s" is a token of its own
    if k >= len(toks):
        return False
    nxt = toks[k]
    gap = text[toks[j].end : nxt.start]
    return (
        nxt.cap
        and nxt.sent == toks[j].sent
        and nxt.low in lx.FACILITY_HEADS
        and _FACILITY_GAP.fullmatch(gap) is not None
    )


_APOS = frozenset(_APOSTROPHES)


def _org_tail(text: str, toks: list[Token], j: int) -> bool:
    if j + 1 < len(toks):
        nxt = toks[j + 1]
        if nxt.cap and nxt.low in _ORG_TAILS and _joinable(text, toks[j], nxt):
            return True
    return False


def _demonym_spans(text: str, toks: list[Token], masked: list[tuple[int, int]]) -> list[_Raw]:
    """Capitalised country adjectives, longest first ("South African" before "African")."""
    out: list[_Raw] = []
    idx = 0
    while idx < len(toks):
        found = None
        for n in range(min(lx.DEMONYM_MAX_WORDS, len(toks) - idx), 0, -1):
            words = toks[idx : idx + n]
            if not all(t.cap for t in words):
                continue
            if any(text[a.end : b.start] != " " or a.sent != b.sent for a, b in pairwise(words)):
                continue
            key = " ".join(t.low for t in words)
            if key in lx.UPPER_CASE_ONLY and not words[0].upper:
                continue
            if key in lx.DEMONYMS and not _overlaps(words[0].start, words[-1].end, masked):
                found = _Raw(idx, idx + n - 1, key)
                break
        if found is not None:
            out.append(found)
            idx = found.j + 1
        else:
            idx += 1
    return out


def _state_abbreviations(text: str, toks: list[Token]) -> list[Span]:
    """AP-style state abbreviations after a town: "Severn, Md.", "Walker County (Ga.)".

    The period is part of the mention; the comma or bracket before it and the capitalised
    town before that are the cue, so "Mass." or "Ill." in running text are left alone.
    "Washington, D.C." is the city's full name and stays one mention.
    """
    out: list[Span] = []
    for idx, tok in enumerate(toks):
        if not tok.cap or idx == 0:
            continue
        end = tok.end
        if tok.text.endswith("."):
            key = tok.low[:-1]
        elif end < len(text) and text[end] == ".":
            key, end = tok.low, end + 1
        else:
            continue
        state = lx.STATE_ABBREVIATIONS.get(key)
        prev = toks[idx - 1]
        gap = text[prev.end : tok.start]
        if state is None or not prev.cap or gap not in (", ", " (", ",\u00a0", " "):
            continue
        if key == "d.c" and prev.low == "washington":
            out.append(
                Span(
                    prev.start,
                    end,
                    text[prev.start : end],
                    "Washington",
                    prev.start,
                    end,
                    "washington",
                    ("city",),
                    0.9,
                    evidence=("abbreviation",),
                )
            )
            continue
        if gap == " ":
            continue
        out.append(
            Span(
                tok.start,
                end,
                text[tok.start : end],
                state,
                tok.start,
                end,
                fold(state),
                ("admin1",),
                0.9,
                evidence=("abbreviation",),
            )
        )
    return out


def _overlaps(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def sentence_bounds(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, paragraph kind) of the sentences a mention's ``sentence_index`` counts."""
    if article.paragraphs:
        spans = [(p.start, p.end, p.kind) for p in article.paragraphs]
        sentences = split_sentences(article.text, spans)
    else:
        sentences = split_sentences(article.text)
    return [(s.start, s.end, s.kind) for s in sentences]


def recognise(
    article: Article | str,
    lang: str | None = None,
    gazetteer: Gazetteer | None = None,
    ner_spans: Sequence[tuple[int, int, str]] = (),
    scheme: Scheme = "literal",
) -> list[Span]:
    """Candidate toponym spans of an article (or a bare text), in text order.

    ``ner_spans`` are optional (start, end, label) entities from a NER model: LOC/GPE raise
    the cue, PER lowers it; nothing depends on them being present.
    """
    from dashboard.gazetteer import load_gazetteer

    gaz = gazetteer or load_gazetteer()
    if isinstance(article, str):
        text = article
        bounds = [(s.start, s.end, s.kind) for s in split_sentences(text)]
        lang = lang or "en"
    else:
        text = article.text
        bounds = sentence_bounds(article)
        lang = lang or article.language
    if not text.strip():
        return []
    sentences = [(s, e) for s, e, _ in bounds] or [(0, len(text))]
    kinds = [k for _, _, k in bounds] or ["body"]
    toks = _tokens(text, sentences)
    masked = _organisation_spans(text, toks)
    lower_vocab = {t.low for t in toks if not t.cap}
    people = _person_names(text, toks, gaz, lower_vocab)
    raws = _scan(text, toks, gaz, max(gaz.max_name_tokens, 1))
    if scheme == "inclusive":
        demonyms = _demonym_spans(text, toks, [])
        # a two-word demonym ("South Korean") wins over a shorter name read inside it, and a
        # demonym over a gazetteer hit on the same words: folded keys match "Greek" to Gerik
        # and "Dutch" to Dūsh, villages nobody means by the capitalised adjective
        multi = [(toks[d.i].start, toks[d.j].end) for d in demonyms if d.j > d.i]
        same = {(d.i, d.j) for d in demonyms}
        raws = [
            r
            for r in raws
            if not _overlaps(toks[r.i].start, toks[r.j].end, multi) and (r.i, r.j) not in same
        ]
        taken = [(toks[r.i].start, toks[r.j].end) for r in raws]
        for d in demonyms:
            if not _overlaps(toks[d.i].start, toks[d.j].end, taken):
                raws.append(d)
        raws.sort(key=lambda r: r.i)
    abbreviations = _state_abbreviations(text, toks)
    if abbreviations:
        cut = [(a.start, a.end) for a in abbreviations]
        raws = [r for r in raws if not _overlaps(toks[r.i].start, toks[r.j].end, cut)]
    ner_loc = [(s, e) for s, e, lab in ner_spans if lab in ("LOC", "GPE", "FAC")]
    ner_per = [(s, e) for s, e, lab in ner_spans if lab in ("PER", "PERSON", "ORG")]

    def judge(
        raw: _Raw, *, seen_place: bool = False, countries: frozenset[str] = frozenset()
    ) -> Span | None:
        si = toks[raw.i].sent
        return _judge(
            text, toks, raw, gaz, lang, scheme, masked, lower_vocab, ner_loc, ner_per, people,
            seen_place=seen_place, countries=countries,
            paragraph_kind=kinds[si] if si < len(kinds) else "body",
        )  # fmt: skip

    judged = [judge(raw) for raw in raws]
    # one sense per article: a name accepted once as a place is a place elsewhere too,
    # unless a rule other than "too weak without context" rejects it there
    accepted = {
        raw.key
        for raw, span in zip(raws, judged, strict=True)
        if span is not None and not span.context_only
    }
    countries = _countries_named(gaz, lang, judged)
    for k, raw in enumerate(raws):
        if judged[k] is not None:
            continue
        initialism = raw.i == raw.j and toks[raw.i].upper and len(raw.key) <= 4
        if initialism and countries:
            judged[k] = judge(raw, countries=countries)
        if (
            judged[k] is None
            and _may_spread(toks[raw.i], raw, people, lower_vocab)
            # the list around a name is read only for a name still rejected
            and (raw.key in accepted or _coordinated(text, toks, raws, judged, k))
        ):
            judged[k] = judge(raw, seen_place=True)
    spans = [span for span in judged if span is not None]
    if abbreviations:
        placed = [
            replace(
                a,
                paragraph_kind=kinds[a.sentence_index] if a.sentence_index < len(kinds) else "body",
            )
            for a in abbreviations
        ]
        spans = sorted([*spans, *placed], key=lambda sp: sp.start)
    defined = _defined_initialisms(text, toks, spans, lower_vocab, kinds)
    if defined:
        spans = sorted([*spans, *defined], key=lambda sp: sp.start)
    return _plural_designators(text, spans)


_PLURAL_AFTER = re.compile(
    r"\s+(?:(?P<admin>provinces|governorates|gouvernorats|states|régions|regions)"
    r"|(?P<district>districts|counties))\b",
    re.IGNORECASE,
)
_PLURAL_BEFORE = re.compile(
    r"\b(?:(?P<admin>provinces|governorates|gouvernorats|states)|(?P<district>districts|counties))"
    r"\s+(?:of\s+(?:the\s+)?|de\s+|d['’]|du\s+)$",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|et\s+)?|\s+(?:and|et|&)\s+)(?:de\s+|d['’]|of\s+)?")


def _plural_designators(text: str, spans: list[Span]) -> list[Span]:
    """ "Idlib and Hama provinces", « les provinces d'Idleb et de Hama »: a plural designator
    qualifies every name of the list it closes or opens, not only the one beside it."""
    out = list(spans)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _LIST_JOIN.fullmatch(text, out[j].end, out[j + 1].start):
            j += 1
        if j > i:
            after = _PLURAL_AFTER.match(text, out[j].end)
            before = _PLURAL_BEFORE.search(text, max(0, out[i].start - 30), out[i].start)
            found = after or before
            if found is not None:
                hint = lx.ADMIN if found.group("admin") else ("admin2", "admin3")
                for k in range(i, j + 1):
                    if out[k].kind_hint is None and out[k].demonym is None:
                        out[k] = replace(out[k], kind_hint=hint)
        i = j + 1
    return out


_INITIALISM_TOKEN = re.compile(r"[A-Z]{2,4}")


@lru_cache(maxsize=4096)  # asked of every place an article names, the same few each time
def _initials(name: str) -> str:
    """ "South Africa" SA, "KwaZulu-Natal" KZN, "République démocratique du Congo" RDC."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(c for w in words for c in w if c.isupper()) if len(words) >= 2 else ""


def _standalone(text: str, tok: Token) -> bool:
    """Not part of a model or a code: "AK-47", "F-16"."""
    before = text[tok.start - 1 : tok.start] if tok.start else ""
    return before not in ("-", "/") and text[tok.end : tok.end + 1] not in ("-", "/")


def _defined_initialisms(
    text: str, toks: list[Token], spans: list[Span], lower_vocab: set[str], kinds: list[str]
) -> list[Span]:
    """ "SA" in a story that names South Africa (or South Africans), "DRC" in one that names
    the Democratic Republic of the Congo: an article's own shorthand for a place it names.

    Only capitals standing alone ("AK-47" in a story about Abu Kamal is a rifle), only the
    initials of a name of two words or more the article reads as a place, not a news agency,
    and not a word the text also writes in lower case ("IT" beside "it").
    """
    by_initials: dict[str, list[Span]] = {}
    for span in spans:
        if span.context_only:
            continue
        name = span.name
        if span.demonym is not None:
            target = lx.demonym_target(span.demonym)
            if target is None:
                continue
            name = target[0]
        initials = _initials(name)
        if len(initials) >= 2 and _INITIALISM_TOKEN.fullmatch(initials):
            by_initials.setdefault(initials, []).append(span)
    if not by_initials:
        return []
    ambiguous = {k for k, v in by_initials.items() if len({(sp.name, sp.demonym) for sp in v}) > 1}
    taken = sorted((sp.start, sp.end) for sp in spans)
    starts = [a for a, _ in taken]
    out = []
    for tok in toks:
        sources = by_initials.get(tok.text)
        if not sources:
            continue
        k = bisect.bisect_left(starts, tok.end)  # spans starting before the token ends
        if (
            tok.low in lower_vocab
            or tok.low in lx.NEWS_AGENCIES
            or not _standalone(text, tok)
            or any(b > tok.start for _, b in taken[max(0, k - 2) : k])
            or tok.text in ambiguous
        ):
            continue
        source = sources[0]
        out.append(
            replace(
                source,
                start=tok.start,
                end=tok.end,
                text=tok.text,
                name_start=tok.start,
                name_end=tok.end,
                sentence_index=tok.sent,
                paragraph_kind=kinds[tok.sent] if tok.sent < len(kinds) else "body",
                evidence=("initials of a place the article names",),
            )
        )
    return out


def _countries_named(gaz: Gazetteer, lang: str | None, judged: list[Span | None]) -> frozenset[str]:
    """Countries the article names outright, by a country's own name or a demonym."""
    found: set[str] = set()
    for span in judged:
        if span is None:
            continue
        if span.demonym is not None:
            found.add(span.demonym)
            continue
        top = gaz.lookup(span.name, lang=lang, limit=1, kind_hint=span.kind_hint)
        if top and top[0].kind == "country":
            found.add(top[0].country)
    return frozenset(found)


_COORDINATION = re.compile(r"\s*(?:,|,?\s+(?:and|or|et|ou))\s+")


def _coordinated(
    text: str, toks: list[Token], raws: list[_Raw], judged: list[Span | None], k: int
) -> bool:
    """The name is an item of a list of three or more names, one of them an accepted place
    ("Alberta, Saskatchewan and Newfoundland"); two names joined by "and" may be a place and
    a group ("Israel and Hamas").

    Not for short names nor before a number ("BEIRUT, Nov 1"): a date, not a list.
    """
    raw = raws[k]
    end = toks[raw.j].end
    if len(raw.key) <= 3 or re.match(r"\s*\d", text[end : end + 3]):
        return False

    def linked(a: int, b: int) -> bool:
        ra, rb = raws[a], raws[b]
        return toks[ra.j].sent == toks[rb.i].sent and bool(
            _COORDINATION.fullmatch(text, toks[ra.j].end, toks[rb.i].start)
        )

    lo = k
    while lo > 0 and linked(lo - 1, lo):
        lo -= 1
    hi = k
    while hi + 1 < len(raws) and linked(hi, hi + 1):
        hi += 1
    return hi - lo >= 2 and any(judged[n] is not None for n in range(lo, hi + 1) if n != k)


def _acronym(text: str, toks: list[Token], i: int, j: int) -> bool:
    """A short word in capitals inside mixed-case text ("TASS reported", "the CMB"): an
    acronym, unlike a capitalised headline or dateline where the neighbours are capitals too.
    """
    tok = toks[i]
    if i != j or not tok.upper or "." in tok.text or len(tok.text) > 5:
        return False
    for k in (i - 1, i + 1):
        if 0 <= k < len(toks) and toks[k].sent == tok.sent and toks[k].upper:
            return False
    return True


def _may_spread(first: Token, raw: _Raw, people: set[str], lower_vocab: set[str]) -> bool:
    """Whether a name accepted elsewhere in the article may be accepted here too.

    Not acronyms (one reading of "CIS" says nothing of the others), nor words the article
    uses as given names, titles or surnames, nor ordinary words it also writes in lower case.
    """
    if raw.i != raw.j:
        return True
    low = first.low
    return not (
        (first.upper and "." not in first.text)
        or low in lx.FIRST_NAMES
        or low in lx.PERSON_TITLES
        or low in people
        or low in lx.FUNCTION_WORDS
        or low in lower_vocab
    )


_DOTTED_INITIALISM = re.compile(r"(?:[A-Z]\.){2,3}")


def _judge(
    text: str,
    toks: list[Token],
    raw: _Raw,
    gaz: Gazetteer,
    lang: str,
    scheme: Scheme,
    masked: list[tuple[int, int]],
    lower_vocab: set[str],
    ner_loc: list[tuple[int, int]],
    ner_per: list[tuple[int, int]],
    people: frozenset[str] | set[str] = frozenset(),
    seen_place: bool = False,
    countries: frozenset[str] = frozenset(),
    paragraph_kind: str = "body",
) -> Span | None:
    """Apply cues and rejection rules to one gazetteer hit; ``None`` rejects it.

    ``countries`` are those of the places already accepted in the article (second pass);
    ``paragraph_kind`` is the kind of the paragraph the hit is in, which the span records
    with its sentence.
    """
    i, j = raw.i, raw.j
    first, last = toks[i], toks[j]
    ns, ne = first.start, last.end
    name = text[ns:ne]
    evidence: list[str] = ["gazetteer"]
    # a demonym as written: folded keys would read "Scott" as "Scots"
    demonym = lx.DEMONYMS.get(" ".join(t.low for t in toks[i : j + 1]))
    if demonym is not None and (scheme == "inclusive" or not gaz.has_key(raw.key)):
        return Span(
            ns,
            ne,
            name,
            name,
            ns,
            ne,
            raw.key,
            ("country",),
            0.5,
            first.sent,
            paragraph_kind,
            demonym=demonym,
            evidence=("demonym",),
        )
    in_org = _overlaps(ns, ne, masked)
    if in_org and (
        scheme == "literal" or first.low in lx.GROUP_WORDS or _named_body(text, ns, ne, masked)
    ):
        return None
    single = i == j
    low = first.low
    if single and (low in lx.GROUP_WORDS or low in lx.DEMONYMS):
        return None
    if single and len(low) == 1:
        return None  # "T-shirt", "Texas A&M"
    if single and low in lx.CORPORATE_SUFFIXES and text[max(0, ns - 2) : ns] == ", ":
        return None  # "Rothstein, P.A.": the firm's legal form
    if single and low in lx.FUNCTION_WORDS and not first.upper:
        return None  # even before "city": "The city is ..."
    if raw.key in _INSTITUTION_KEYS or _facility_tail(text, toks, j):
        return None
    if single and low in _SERVICE_WORDS and first.cap:
        return None  # "School District", "Fire District": a service area named by a noun
    # qualifiers and cues
    m_start, kinds, _, q_cue = _prefix_qualifier(text, toks, i)
    m_end, s_kinds, _, s_cue = _suffix_qualifier(text, toks, j)
    # "a New Jersey airport", « barrage de Raqqa »: no such site is known, so the name is the
    # state's or the town's, the site a part of it; « l'aéroport militaire de Raqqa » stays the
    # mention the guideline marks, read as the town's name
    if kinds in _SITES and not _site_held(gaz, kinds, name, text[m_start : toks[j].end]):
        french = kinds == _AIRPORT and text[m_start : toks[i].start].lower().startswith("aéroport")
        kinds = None
        if not french:
            m_start, q_cue = toks[i].start, 0.0
    if s_kinds in _SITES and not _site_held(gaz, s_kinds, name, text[toks[i].start : m_end]):
        m_end, s_kinds, s_cue = toks[j].end, None, 0.0
    if scheme == "inclusive":
        m_start, m_end = _proper_name_bounds(text, toks, j, m_start, m_end, ns, ne)
    kind_hint = kinds or s_kinds
    if kind_hint is None and _GOVERNED.match(text, ne):
        kind_hint = _GOVERNED_KINDS  # "Ontario's premier": the province, not the Californian city
        evidence.append("government")
    elif kind_hint is None and _OFFICIALS_AFTER.match(text, ne) and _division_named(gaz, name):
        kind_hint = _GOVERNED_KINDS
        evidence.append("government")
    cue = max(q_cue, s_cue)
    if cue:
        evidence.append("qualifier")
    loc = _locative_cue(text, toks, i)
    if loc:
        evidence.append("locative")
    said_loc = loc  # a locative word, not an apposition, can outweigh a person's name
    dateline = _dateline(text, toks, i, j)
    apposed = _apposed_division(text, toks, i, j, gaz, name)
    if apposed is not None:
        loc = max(loc, 0.6)
        kind_hint = kind_hint or apposed or None
        evidence.append("apposed division")
    if _region_after(text, toks, j, gaz) or dateline:
        loc = max(loc, 0.6)
        evidence.append("dateline" if dateline else "apposition")
    if seen_place:
        loc = max(loc, 0.45)
        evidence.append("same-name")
    cue = max(cue, loc)
    if _overlaps(ns, ne, ner_loc):
        cue = max(cue, 0.5)
        evidence.append("ner")
    person_ner = _overlaps(ns, ne, ner_per) and not _overlaps(ns, ne, ner_loc)
    strong = q_cue > 0 or s_cue > 0
    # rejection rules
    if not strong:
        if _person_context(text, toks, i, j) or _agency_context(toks, i):
            return None
        if _news_agency(text, toks, i, j):
            return None
        # "Queen Elizabeth II", "John Paul II": a regnal numeral follows a person's name
        if (
            j + 1 < len(toks)
            and len(toks[j + 1].text) > 1
            and _ROMAN.fullmatch(toks[j + 1].text)
            and text[last.end : toks[j + 1].start] == " "
        ):
            return None
        # a word the article uses as a person's name, with no locative cue here
        if single and low in people and said_loc < 0.4 and not first.upper:
            return None
        if single and first.cap and not first.upper and low in lx.NEVER_ALONE:
            return None
        sentence_initial = single and first.first and first.cap and not first.upper
        if sentence_initial and (low in lx.FUNCTION_WORDS or low in lower_vocab):
            return None
        # an ordinary word of the article, capitalised as the first word of a longer name
        # ("in Far North Queensland" when the text also says "far")
        if single and low in lower_vocab and not first.upper and _next_cap(text, toks, j):
            return None
        if single and low in lx.FUNCTION_WORDS and not first.upper:
            return None
        if scheme == "literal" and (
            _chain_neighbour(text, toks, i, j)
            or _org_tail(text, toks, j)
            or _MODIFIER_SUFFIX.match(text, ne)
            or _STANCE_PREFIX.search(text, max(0, ns - 6), ns)
            # "the mayor of Hamilton said": the speech verb is the mayor's
            or (
                _metonymic(text, toks, j) and not _locative_object(text, toks, i) and said_loc < 0.6
            )
        ):
            # not a place mentioned, but "the Ohio Department of Transportation" or "Virginia
            # officials said" still tells which Athens or Alexandria the article means
            area = _division_named(gaz, name, ("admin1", "country"))
            if area is None:
                return None
            return Span(
                ns, ne, text[ns:ne], name, ns, ne, raw.key, (area.kind,), 0.0,
                first.sent, paragraph_kind, evidence=("context only",), context_only=True,
            )  # fmt: skip
    if kind_hint is None and i > 0 and toks[i - 1].low == "the" and _water_named(gaz, name):
        # "the Atlantic", "the Pacific": the ocean, not the Iowa or Missouri village
        kind_hint = ("sea",)
    # short names need context or a strong regional reading
    cands = gaz.lookup(name, lang=lang, limit=3, kind_hint=kind_hint)
    if not cands:
        return None
    top = cands[0]
    regional = gaz.region_prior.get(top.country, 0.0) >= 0.5
    if not strong and not regional and not gaz.spelled_as_indexed(name):
        # "Putting" folds to Puting (Anshun), "Parra" to Para, "Ooh La La" to Ulala: loose
        # spellings serve the region's transliterated names, not English words elsewhere
        return None
    # a dotted initialism of a state or province ("the B.C. border", "P.E.I."), not an era
    # ("500 B.C.")
    after_number = re.search(r"\d\s*$", text[max(0, first.start - 8) : first.start]) is not None
    dotted_division = (
        single
        and top.kind == "admin1"
        and bool(_DOTTED_INITIALISM.fullmatch(first.text))
        and not after_number
    )
    # "the BC government", "across NSW": a division's initialism in a story about its country
    if (
        single
        and first.upper
        and top.kind == "admin1"
        and top.country in countries
        and not after_number
    ):
        dotted_division = True
        evidence.append("initialism of a division of the article's country")
    if (
        not strong
        and loc < 0.6
        and _acronym(text, toks, i, j)
        and top.kind not in ("country", "continent", "world_region")
        and not (regional and top.population > 100_000)
        and not dotted_division
    ):
        return None
    if len(raw.key) <= 3 and not strong and loc < 0.4:
        big = top.kind in ("country", "continent", "world_region") or top.population > 1_000_000
        region_of_town = top.kind in ("admin1", "country") and _after_town(text, toks, i, j)
        if (
            not (first.upper and (big or (top.kind == "admin1" and "." in first.text)))
            and not (regional and len(raw.key) == 3 and first.cap)
            and not region_of_town
        ):
            return None
    if person_ner and not strong and not regional:
        return None
    # a weak, far-away, single-word match with no context is more likely a common word
    if (
        not strong
        and single
        and cue < 0.4
        and top.score < 0.6
        and not regional
        and not dotted_division
        and not _short_province_name(top, low, lower_vocab)
    ):
        return None
    # a lone given name with no context ("his wife, Julia,"; "Smoky Mary") names a person
    # far more often than a town of that name; countries, regions and big cities stay
    given_name = single and low in lx.FIRST_NAMES
    if given_name and not strong and cue < 0.4 and not (_major(top) or regional):
        return None
    return Span(
        m_start,
        m_end,
        text[m_start:m_end],
        name,
        ns,
        ne,
        raw.key,
        kind_hint,
        min(cue, 1.0),
        first.sent,
        paragraph_kind,
        evidence=tuple(evidence),
        voteless=in_org and _named_body(text, ns, ne, masked, _AIRLINES),
    )
