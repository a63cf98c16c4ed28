"""Article-level context that single sentences lack: whose army "the army" is, what "it" held.

Wire copy names a force once ("Iraqi forces") and then says "the troops", "l'armée", "the
command". Which government that is follows from the nearest country cue: the country of a
place named close by (from the geoparser), a country name, or a nationality word; failing
that, the government side last named in the article. Countries are ISO 3166 alpha-2 codes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.events.actors import ActorHit
from dashboard.geoparse.model import PlaceMention

# The government side that holds ground for each country of the theatre.
GOVERNMENT_OF = {"IQ": "iraqi_forces", "SY": "syrian_government"}
COUNTRY_OF_SIDE = {"iraqi_forces": "IQ", "syrian_government": "SY"}

_COUNTRY_NAMES = {
    "IQ": "IQ",
    "IRAQ": "IQ",
    "IRAK": "IQ",
    "SY": "SY",
    "SYRIA": "SY",
    "SYRIE": "SY",
}
_NATIONALITY = re.compile(
    r"\b(?:(?P<iq>irakien(?:ne)?s?|iraqi|irak|iraq|côté\s+irakien|bagdad|baghdad)"
    r"|(?P<sy>syrien(?:ne)?s?|syrian|syrie|syria|côté\s+syrien|damas|damascus))\b",
    re.IGNORECASE,
)
# Actors whose names contain a nationality word that says nothing about the government side.
_NEUTRAL_KINDS = ("source", "civilian")
# The country across a border ("à la frontière avec l'Irak", "the Syrian border") is not
# where the sentence's forces are.
_ACROSS_BORDER = re.compile(
    r"(?:(?:frontière|border|frontier)\s+(?:avec|with)\s+(?:l'|le\s+|la\s+|the\s+)?|frontière\s+)\Z",
    re.IGNORECASE,
)
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)\b", re.IGNORECASE)
# Foreign auxiliaries named by their nationality say nothing of where the fighting is:
# "Hezbollah and Iraqi Shi'ite militias fought alongside government troops" (in Syria).
_FOREIGN_AUXILIARIES = re.compile(
    r"(?:\s+(?:shi['’]?ite|shia|sunni)s?)?\s+(?:militias?|militiamen|paramilitar\w*|volunteers)\b",
    re.IGNORECASE,
)
# the French order: « les milices chiites irakiennes »
_FOREIGN_AUXILIARIES_BEFORE = re.compile(
    r"\b(?:milices?|miliciens|paramilitaires)(?:\s+(?:chiites?|sunnites?))?\s+\Z", re.IGNORECASE
)
# How far back a country cue still frames a sentence that has none (about two sentences).
_CARRY_CHARS = 300
_NEUTRAL_SIDES = ("sdf", "syrian_opposition", "peshmerga", "us_coalition", "isis")


def _across_border(text: str, at: int) -> bool:
    return _ACROSS_BORDER.search(text, max(0, at - 40), at) is not None


def country_code(value: str | None) -> str | None:
    """ISO code for a PlaceMention country given as a code or an English/French name."""
    if not value:
        return None
    return _COUNTRY_NAMES.get(value.strip().upper())


@dataclass(frozen=True)
class CountryCue:
    offset: int
    country: str


def country_cues(
    text: str, places: Sequence[PlaceMention], hits: Sequence[ActorHit]
) -> list[CountryCue]:
    """Offsets where the text points at Iraq or Syria, sorted; nationality words inside the
    names of monitors or non-state forces ("Syrian Observatory", "Forces démocratiques
    syriennes") are ignored."""
    cues: list[CountryCue] = []
    for place in places:
        code = country_code(place.country)
        if code in GOVERNMENT_OF and not _across_border(text, place.start):
            cues.append(CountryCue(place.start, code))
    masked = [
        (h.start, h.end) for h in hits if h.kind in _NEUTRAL_KINDS or h.side in _NEUTRAL_SIDES
    ]
    for match in _NATIONALITY.finditer(text):
        if any(s <= match.start() < e for s, e in masked):
            continue
        if _FOREIGN_AUXILIARIES.match(text, match.end()) or _FOREIGN_AUXILIARIES_BEFORE.search(
            text, max(0, match.start() - 30), match.start()
        ):
            continue  # "Iraqi Shi'ite militias fought alongside government troops" in Syria
        if _across_border(text, match.start()) or _BORDER_AFTER.match(text, match.end()):
            continue
        cues.append(CountryCue(match.start(), "IQ" if match.group("iq") else "SY"))
    cues.sort(key=lambda c: c.offset)
    return cues


class SideResolver:
    """Gives generic government forces a side from the country cues around them."""

    def __init__(self, cues: Sequence[CountryCue], hits: Sequence[ActorHit]) -> None:
        self._cues = list(cues)
        self.places: list[PlaceMention] = []
        self._offsets = [c.offset for c in self._cues]
        explicit = [
            (h.start, h.side) for h in hits if h.side in COUNTRY_OF_SIDE and h.kind == "actor"
        ]
        self._explicit = explicit
        counts = {"IQ": 0, "SY": 0}
        for cue in self._cues:
            counts[cue.country] += 1
        self._majority = max(counts, key=lambda k: counts[k]) if any(counts.values()) else None

    def country_near(self, offset: int, lo: int, hi: int) -> str | None:
        """Country of the cue nearest ``offset`` within ``[lo, hi)``."""
        i = bisect.bisect_left(self._offsets, offset)
        best: tuple[int, str] | None = None
        for j in (i - 2, i - 1, i, i + 1):
            if 0 <= j < len(self._cues) and lo <= self._offsets[j] < hi:
                distance = abs(self._offsets[j] - offset)
                if best is None or distance < best[0]:
                    best = (distance, self._cues[j].country)
        # widen the search when the neighbours fall outside the span
        if best is None:
            for cue in self._cues:
                if lo <= cue.offset < hi:
                    distance = abs(cue.offset - offset)
                    if best is None or distance < best[0]:
                        best = (distance, cue.country)
        return best[1] if best else None

    def kurdish_at(self, offset: int, lo: int, hi: int) -> str:
        """Side of Kurdish forces at ``offset``: the peshmerga in Iraq, the SDF in Syria."""
        country = (
            self.country_near(offset, lo, hi)
            or self.country_near(offset, max(0, lo - _CARRY_CHARS), lo)
            or self._majority
        )
        return "sdf" if country == "SY" else "peshmerga"

    def government_at(self, offset: int, lo: int, hi: int) -> str | None:
        """Government side for a generic force at ``offset`` in the sentence ``[lo, hi)``."""
        country = self.country_near(offset, lo, hi) or self.country_near(
            offset, max(0, lo - _CARRY_CHARS), lo
        )
        if country is None:
            earlier = [side for start, side in self._explicit if start < offset]
            if earlier:
                return earlier[-1]
            country = self._majority
        return GOVERNMENT_OF.get(country) if country else None
