"""How ACLED and UCDP GED codes map to this project's typology, precisions and sides.

Plain tables, so the README and the tests can quote them. Where a code has no equivalent the
table says None and the row is left out and counted, rather than forced into a wrong type.
"""

from __future__ import annotations

import re

from dashboard.events.actors import KURDISH, find_actor_hits

# ACLED sub_event_type -> our event type. Territory changes are captures: the winner (actor1,
# as ACLED codes them) gains a control claim when it is a side that holds ground.
ACLED_SUB_EVENT_TYPES: dict[str, str | None] = {
    "armed clash": "armed_clash",
    "government regains territory": "capture",
    "non-state actor overtakes territory": "capture",
    "non-violent transfer of territory": "capture",
    "air/drone strike": "air_strike",
    "shelling/artillery/missile attack": "shelling",
    "suicide bomb": "suicide_bombing",
    "remote explosive/landmine/ied": "assault",
    "grenade": "assault",
    "chemical weapon": "assault",
    "attack": "assault",
    "abduction/forced disappearance": "assault",
    "sexual violence": "assault",
    # Strategic developments, protests and riots are not fighting: left out, counted.
    "headquarters or base established": None,
    "agreement": None,
    "arrests": None,
    "change to group/activity": None,
    "disrupted weapons use": None,
    "looting/property destruction": None,
    "other": None,
    "peaceful protest": None,
    "protest with intervention": None,
    "excessive force against protesters": None,
    "violent demonstration": None,
    "mob violence": None,
}
# ACLED event_type, for a sub-event type this table does not know.
ACLED_EVENT_TYPES: dict[str, str | None] = {
    "battles": "armed_clash",
    "explosions/remote violence": "assault",
    "violence against civilians": "assault",
    "strategic developments": None,
    "protests": None,
    "riots": None,
}
# Sub-event types whose actor1 takes the place: a control claim for actor1's side.
ACLED_TERRITORY_CHANGES = frozenset(
    {
        "government regains territory",
        "non-state actor overtakes territory",
        "non-violent transfer of territory",
    }
)

# UCDP GED type_of_violence: 1 state-based, 2 non-state, 3 one-sided (against civilians).
UCDP_VIOLENCE_TYPES: dict[str, str] = {"1": "armed_clash", "2": "armed_clash", "3": "assault"}

# ACLED time_precision: 1 the day is known, 2 the week, 3 the month.
ACLED_DATE_PRECISIONS = {"1": "day", "2": "week", "3": "month"}
# UCDP date_prec: 1 exact day, 2 within 2-6 days, 3 within a week, 4 within a month,
# 5 within a year (or more).
UCDP_DATE_PRECISIONS = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
# ACLED geo_precision: 1 the town itself, 2 near it or its district, 3 the governorate.
ACLED_PLACE_PRECISIONS = {"1": "point", "2": "district", "3": "governorate"}
# UCDP where_prec: 1 exact place, 2 within 25 km, 3 second-order division, 4 first-order
# division, 5 a linear feature or part of a country, 6 the country, 7 waters or airspace.
UCDP_PLACE_PRECISIONS = {
    "1": "point",
    "2": "point",
    "3": "district",
    "4": "governorate",
    "5": "region",
    "6": "country",
    "7": "country",
}
PLACE_KINDS = {
    "point": "town",
    "district": "district",
    "governorate": "governorate",
    "region": "region",
    "country": "country",
}

COUNTRY_CODES = {
    "iraq": "IQ",
    "syria": "SY",
    "turkey": "TR",
    "jordan": "JO",
    "lebanon": "LB",
    "iran": "IR",
    "saudi arabia": "SA",
    "israel": "IL",
}

# Sides that can hold ground: the coalition fights from the air and holds none itself.
GROUND_SIDES = frozenset(
    {"isis", "iraqi_forces", "syrian_government", "sdf", "peshmerga", "syrian_opposition"}
)

# Whose side a state's forces fight on in this theatre (see dashboard.events.actors: Russia
# and Iran fought for Damascus; the US, UK and France led the coalition).
STATE_SIDES = {
    "iraq": "iraqi_forces",
    "syria": "syrian_government",
    "russia": "syrian_government",
    "russia (soviet union)": "syrian_government",
    "iran": "syrian_government",
    "united states": "us_coalition",
    "united states of america": "us_coalition",
    "united kingdom": "us_coalition",
    "france": "us_coalition",
    "australia": "us_coalition",
    "kurdistan regional government": "peshmerga",
}
# Dataset names the lexicon does not hold, as ACLED and UCDP spell them.
DATASET_ACTORS = {
    "is": "isis",
    "syrian insurgents": "syrian_opposition",
    "qsd: syrian democratic forces": "sdf",
    "ypg: people's protection units": "sdf",
    "pmf: popular mobilization forces": "iraqi_forces",
}
_STATE_FORCES = re.compile(
    r"^(?:(?:military|police|government|air|security|special)\s+forces\s+of|government\s+of)"
    r"\s+(?:the\s+)?(?P<state>[^(]+?)\s*(?:\(.*)?$",
    re.IGNORECASE,
)


def side_of_actor(name: str) -> str | None:
    """The side a dataset's actor name fights for, or None (civilians, unidentified groups,
    actors outside this war's sides).

    Order: dataset spellings, then "Military Forces of X (dates)" / "Government of X" by
    state, then the project's actor lexicon (only hits that fix a side by themselves, never
    "the group" or "the army", which need an article's context).
    """
    text = " ".join(name.split())
    if not text:
        return None
    known = DATASET_ACTORS.get(text.lower())
    if known is not None:
        return known
    match = _STATE_FORCES.match(text)
    if match:
        side = STATE_SIDES.get(match["state"].lower())
        if side is not None:
            return side
    for hit in find_actor_hits(text):
        # Kurdish forces are a side only with a country (peshmerga in Iraq, SDF in Syria)
        if hit.kind == "actor" and hit.side is not None and hit.side != KURDISH:
            return hit.side
    return None


def is_bystander(name: str) -> bool:
    """Civilians, protesters and the like: actors that are no side, by design."""
    text = name.strip().lower()
    if text.startswith(("civilians", "protesters", "rioters", "refugees")):
        return True
    return any(hit.kind == "civilian" for hit in find_actor_hits(name))


def date_precision_code(value: str, table: dict[str, str]) -> str | None:
    """A precision code ("1", "2.0") or our own word ("week") as our date precision."""
    word = value.strip().lower()
    if word in table.values():
        return word
    if word.endswith(".0"):
        word = word[:-2]
    return table.get(word)
