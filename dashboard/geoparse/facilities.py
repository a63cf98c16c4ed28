"""Named streets, buildings and venues: places the gazetteer cannot hold, still worth reporting.

"Royal Street", "Alder Hey Children's Hospital", "University of Alberta", "rue Casa Calvo"
name places an analyst may need, but no shipped gazetteer lists them, so they cannot be
resolved to coordinates. They are found from the shape of the name (capitalised words with a
facility word before or after them) and reported beside the resolved places as *unlocated*
mentions, so the text's places are all accounted for and gazetteer gaps are visible. They never
feed events or control, which need coordinates.

Under the inclusive annotation scheme (GeoWebNews), the whole facility name is the toponym: a
place name read inside it ("Cavan" in "Cavan Institute") gives way to it, and the facility is
located at that place, or, when that place is a country or a state, at the article's town in
it. Under the literal scheme the place name inside keeps its reading and the facility is only
reported when it contains no resolved place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from dashboard.dates.lexicon import WEEKDAYS
from dashboard.geoparse import lexicons as lx
from dashboard.geoparse.model import PlaceMention
from dashboard.geoparse.recognise import Scheme

# A word of a proper name: capitalised, an abbreviated saint or mount, or an ordinal number.
_WORD = r"(?:St\.|Mt\.|Ft\.|[A-Z][\w’'&]*(?:-[A-Z][\w’'&]*)*|\d+(?:st|nd|rd|th))"
_JOIN = r"(?:of|the|de|du|des|la|le)"
_SP = r"[^\S\n]+"  # spaces within a line: a name does not run over a line break
_NAME = rf"{_WORD}(?:{_SP}(?:{_JOIN}{_SP})?{_WORD}){{0,5}}?"
_SUFFIX_HEADS = (
    r"Street|St\.|Road|Rd\.|Avenue|Ave\.|Drive|Lane|Boulevard|Blvd\.|Highway|Square|Plaza"
    r"|Hospital|Castle|Palace|Gallery|Theatre|Theater|Church|Cathedral|Chapel|Mosque|Temple"
    r"|Airport|Station|Stadium|Arena|Racecourse|Bridge|Gardens|Museum|Library|Tower|Hotel|Inn"
    r"|Mall|Market|Prison|Jail|Cemetery|School|Elementary|Academy|Institute|College|University"
    r"|Park|Canal|Railroad|Railway|Dam|Plantation|Quarter|Golf\s+Club|Mountains|Hills|Delta"
    r"|Hall|Court|Complex|Centre|Center"
)
_SUFFIX = re.compile(
    rf"(?<![\w’'.-])(?P<name>{_NAME}){_SP}(?P<head>{_SUFFIX_HEADS})"
    rf"(?:{_SP}(?:{_SUFFIX_HEADS}))*"  # "Market Complex", "Station Square"
    rf"(?:{_SP}(?:West|East|North|South)\b)?(?![\w’'-])"
)
# The facility word a suffix match ends on, found with a cheap scan: the words start with a
# literal letter, where _SUFFIX starts with a lookbehind and is tried at every offset.
_SUFFIX_HEAD = re.compile(rf"(?:{_SUFFIX_HEADS})(?![\w’'-])")
# Heads that name an institution: after a bare nationality ("the Islamic Centre", "an American
# school") they describe rather than name it; a quarter or a street is still named by one.
_INSTITUTION_HEADS = frozenset(
    {"Centre", "Center", "Institute", "Academy", "College", "School", "Church", "Mosque"}
)
# A court named only by its rank is the institution: "moved the Supreme Court". One named
# by its place is the courthouse ("Delhi High Court", "Wood Green Crown Court").
_COURT_BODY = re.compile(
    r"(?:Supreme|High|Appeals?|Constitutional|District|Federal|Circuit|Superior|Criminal"
    r"|Crown|Magistrates['’]?|Cassation)[^\S\n]+Court"
)
_ORGANISATION_AFTER = re.compile(
    r"[^\S\n]+(?:District|Board|Foundation|Trust|Council|Committee|Authority|Commission"
    r"|Association|Department|Corporation|Company)\b"
)
# Head words of the patterns below, matched case-sensitively: a text holding none of a
# pattern's heads is not searched with it (each search tries every offset of the text).
_PREFIX_HEADS = ("Lake", "Mount", "Hotel", "Rue", "Avenue", "Boulevard", "Camp", "Fort")
_OF_HEADS = ("University", "Embassy", "Gulf", "Bay", "Isle", "Cape")
_FR_HEADS = (
    "rue", "place", "avenue", "boulevard", "quai", "pont", "hôpital", "mosquée", "église",
    "cathédrale", "stade", "aéroport", "barrage", "université", "prison",
)  # fmt: skip
_PREFIX = re.compile(
    rf"(?<![\w’'.-])(?P<head>{'|'.join(_PREFIX_HEADS)}){_SP}(?P<name>{_WORD}"
    rf"(?:{_SP}{_WORD})?)(?![\w’'-])"
)
_OF = re.compile(
    rf"(?<![\w’'.-])(?P<head>{'|'.join(_OF_HEADS)}){_SP}of{_SP}(?:the{_SP})?"
    rf"(?P<name>{_WORD}(?:{_SP}(?:of{_SP})?{_WORD}){{0,4}})(?![\w’'-])"
)
_FR = re.compile(
    rf"(?<![\w’'-])(?P<head>{'|'.join(_FR_HEADS)})\s+"
    rf"(?P<name>(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’]|al-)\s*)?{_WORD}(?:[\s-]+{_WORD}){{0,3}})"
    r"(?![\w’'-])"
)
# Words that open a sentence or a phrase without being part of the name after them.
_LEADING = (
    lx.FUNCTION_WORDS
    | {"near", "près", "l", "yesterday", "today", "hier", "aujourd'hui"}
    | {day for names in WEEKDAYS.values() for day in names}
)


@dataclass(frozen=True)
class FacilityMention:
    """A named street, building or venue; ``near`` is the place that locates it, if any."""

    start: int
    end: int
    text: str
    head: str
    near: PlaceMention | None = None

    @property
    def located(self) -> bool:
        return self.near is not None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["near"] = self.near.to_dict() if self.near is not None else None
        return out


def facility_spans(text: str, lang: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, head) of facility names in ``text``; overlaps keep the longest."""
    found: list[tuple[int, int, str]] = []
    # each pattern only where the text holds a head word every match of it holds
    patterns = [_SUFFIX] if _SUFFIX_HEAD.search(text) else []
    for pattern, heads in ((_PREFIX, _PREFIX_HEADS), (_OF, _OF_HEADS), (_FR, _FR_HEADS)):
        if (pattern is not _FR or lang == "fr") and any(head in text for head in heads):
            patterns.append(pattern)
    for pattern in patterns:
        for m in pattern.finditer(text):
            suffix = pattern is _SUFFIX
            start = _trim_leading(text, m.start(), None if suffix else m.start("name"))
            if suffix and start is not None:
                start = _after_possessor(text, start, m.start("head"))
            if start is None or (suffix and start >= m.start("head")):
                continue  # nothing of a name is left before the facility word
            if suffix and _COURT_BODY.fullmatch(text, start, m.end()):
                continue  # "the Supreme Court", "Tianjin High Court": a body, not a building
            if _ORGANISATION_AFTER.match(text, m.end()):
                continue  # "Box Elder School District": the body that runs it, not a place
            if (
                suffix
                and m.group("head") in _INSTITUTION_HEADS
                and text[start : m.start("head")].strip().casefold() in lx.DEMONYMS
            ):
                continue  # "the American Center": a nationality, not a name
            found.append((start, m.end(), m.group("head")))
    found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for span in found:
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept)


_POSSESSIVE = re.compile(r"[\w.-]+['’]s?[^\S\n]+(?=\S)")


def _after_possessor(text: str, start: int, head: int) -> int:
    """ "Toronto's Pearson Airport": the owner named before the name is not part of it, but
    "St. Michael's Hospital" and "Children's Hospital" are named with the possessive."""
    last = start
    for m in _POSSESSIVE.finditer(text, start, head):
        if m.end() < head:
            last = m.end()
    return last


_WORD_AND_SPACE = re.compile(r"([\w’'&.-]+)\s+")


def _trim_leading(text: str, start: int, name_start: int | None) -> int | None:
    """Drop sentence- or phrase-opening words from a suffix match ("The Royal Street")."""
    if name_start is not None:
        return start  # a prefix head opens the name itself
    while (word := _WORD_AND_SPACE.match(text, start)) is not None:
        if word.group(1).lower() not in _LEADING:
            return start
        start = word.end()
    return None


def merge_facilities(
    text: str,
    located: Sequence[PlaceMention],
    lang: str | None,
    scheme: Scheme = "literal",
) -> tuple[list[PlaceMention], list[FacilityMention]]:
    """Resolved places and the facilities named around them, after the scheme's rule.

    A facility the gazetteer already covers (a resolved place spans it) or that cuts through
    a resolved name is not reported. Inclusive: resolved places inside a facility give way
    to it and locate it. Literal: a facility holding a resolved place is left to that place.
    """
    kept = list(located)
    facilities: list[FacilityMention] = []
    for start, end, head in facility_spans(text, lang):
        inside = [m for m in kept if start <= m.start and m.end <= end]
        across = [
            m
            for m in kept
            if m.start < end and start < m.end and not (start <= m.start and m.end <= end)
        ]
        if across:
            continue  # a resolved name covers or straddles it: the gazetteer's reading wins
        if inside and scheme != "inclusive":
            continue
        near = _locate(text, start, end, head, inside, located)
        if inside:
            kept = [m for m in kept if m not in inside]
        facilities.append(FacilityMention(start, end, text[start:end], head, near))
    return kept, facilities


_LOCATED_IN = re.compile(r"[^\S\n]+(?:in|at|near|à|près[^\S\n]+de|dans)[^\S\n]+")


def _locate(
    text: str,
    start: int,
    end: int,
    head: str,
    inside: Sequence[PlaceMention],
    located: Sequence[PlaceMention],
) -> PlaceMention | None:
    """Where a facility is, from the place its name holds and the article's towns.

    A town or district in the name locates it ("Cavan Institute"). A country or a state only
    says which one: "University of Alberta" is in the Alberta town the article names, and a
    nationality describes rather than locates ("French Quarter", "British International
    School": the article's nearest town). An embassy is abroad, in a town of another country.
    The facility word itself read as a town ("Marigny Plantation", "Nile Delta") says nothing.
    A town the text places it in says most: "the University of St. Thomas in Houston" is in
    Houston, whatever town its name recalls.
    """
    after = _LOCATED_IN.match(text, end)
    if after is not None:
        here = next(
            (m for m in located if m.start == after.end() and m.precision in ("point", "district")),
            None,
        )
        if here is not None:
            return here
    inside = [m for m in inside if not head.startswith(text[m.start : m.end])]
    own = inside[0] if inside else None
    if own is None or own.precision in ("point", "district"):
        return own
    towns = [m for m in located if m.precision == "point" and not start <= m.start < end]
    embassy = head == "Embassy"
    within = [
        m
        for m in towns
        if (m.country != own.country if embassy else m.country == own.country)
        and (embassy or own.precision != "governorate" or m.admin1 == own.admin1)
    ]
    if within or embassy:
        towns = within
    if not towns:
        return None if embassy else own
    return min(towns, key=lambda m: (abs(m.start - start), m.start > start))
