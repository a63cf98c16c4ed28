"""Plain data shared by the gazetteer build and its queries: feature kinds and candidates."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

# Order matters: the shipped file stores the index into this tuple.
KINDS: tuple[str, ...] = (
    "city",
    "town",
    "village",
    "admin1",
    "admin2",
    "admin3",
    "country",
    "river",
    "lake",
    "crossing",
    "oilfield",
    "region",
    "other",
    "continent",
    "world_region",
    "sea",  # seas, oceans, gulfs, straits: one point near the middle of the water
    "airport",  # airports and air bases
)
KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}

# Flag bits of a feature.
FEATURE_CAPITAL = 1  # national capital
FEATURE_SEAT = 2  # seat of a first- or second-level division (GeoNames PPLA/PPLA2)
FEATURE_APPROXIMATE = 4  # position is a stand-in (label point, derived, or curated estimate)
FEATURE_CURATED = 8  # added or corrected by geodata/gazetteer_curated.tsv

# Flag bits of a posting (one key → one feature).
POSTING_RANK_MASK = 3  # 0 as written, 1 article rewritten to "al", 2 article dropped
POSTING_FRENCH = 4  # some French alias produced this key
POSTING_ENGLISH = 8  # the preferred/English name produced this key
POSTING_ARABIC = 16  # an Arabic-script alias produced this key
POSTING_PRIMARY = 32  # the feature's own name produced this key
# the key reaches the feature only with a qualifier: "Mosul" is the city, "Mosul airport" the
# airport, so the town's names are filed under its airport with this bit
POSTING_QUALIFIED = 64


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer feature proposed for a name, with how well it matched.

    ``score`` is in 0..1 and comparable across queries; ``matched`` is the indexed spelling
    that matched the query (any alias folding to the same key).
    """

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str
    admin1: str
    admin1_code: str
    population: int
    score: float = 0.0
    matched: str = ""
    approximate: bool = False
    source: str = ""

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping (coordinates rounded to about a metre)."""
        data = asdict(self)
        data["lat"] = round(self.lat, 5)
        data["lon"] = round(self.lon, 5)
        data["score"] = round(self.score, 4)
        return data


# Division names made only of common words ("Central", "Gulf", "North West", "Coast",
# "Islands") would turn every capitalised direction into a province of Papua New Guinea or
# Cameroon: such names reach their division only behind a qualifier ("North West province")
# or, in the resolver, in an article about the division's country.
_GENERIC = """north south east west northern southern eastern western central centre center middle
    upper lower inner outer northeast northwest southeast southwest north-east north-west
    south-east south-west northeastern northwestern southeastern southwestern mid far
    coast coastal gulf lake lakes island islands sea seas river rivers capital highlands
    highland lowlands lowland mountain mountains plains plain plateau plateaux valley delta
    border borders frontier interior littoral savannah savanes region province district
    county state city town area zone rural urban new great little greater the
    of and"""
GENERIC_WORDS = frozenset(_GENERIC.split())


def generic_name(name: str) -> bool:
    """Whether a name is made only of common words (directions, landforms, "province")."""
    words = re.split(r"[\s\-/]+", name.casefold().strip())
    return all(w in GENERIC_WORDS for w in words if w)
