"""How sides and event types look, fixed once so every figure, legend and export agrees.

Colours are the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
Islamic State is shown in neutral grey (the convention of most published maps of the war).
Contested ground is a white wash inside a dark dashed outline: no hue at all, so it can never
be mistaken for a side (an orange fill read as Syrian government or SDF at map opacity).
Event types are letters drawn in the map's own local font: the offline style has no sprite
sheet, so MapLibre cannot draw icon symbols, and a letter inside a side-coloured disc keeps
both dimensions readable at a glance (the legend spells each letter out).
"""

from __future__ import annotations

SIDE_LABELS: dict[str, str] = {
    "isis": "Islamic State",
    "iraqi_forces": "Iraqi forces",
    "syrian_government": "Syrian government",
    "sdf": "SDF",
    "peshmerga": "Peshmerga",
    "syrian_opposition": "Syrian opposition",
    "us_coalition": "US-led coalition",
    "unknown": "Side not stated",
}

SIDE_COLOURS: dict[str, str] = {
    "isis": "#8a8a8a",
    "iraqi_forces": "#0072B2",
    "syrian_government": "#D55E00",
    "sdf": "#F0E442",
    "peshmerga": "#009E73",
    "syrian_opposition": "#56B4E9",
    "us_coalition": "#CC79A7",
    "unknown": "#d9d9d9",
}

# Sides that hold ground, in legend order.
TERRITORIAL_SIDES: tuple[str, ...] = (
    "isis",
    "iraqi_forces",
    "syrian_government",
    "sdf",
    "peshmerga",
    "syrian_opposition",
)

CONTESTED_COLOUR = "#ffffff"
CONTESTED_OUTLINE = "#2b2b2b"
FRONTLINE_COLOUR = "#1b1b1b"
SELECTION_COLOUR = "#111111"
TIMELINE_CURSOR = "#1b1b1b"

TYPE_LABELS: dict[str, str] = {
    "armed_clash": "Armed clash",
    "capture": "Capture",
    "assault": "Assault",
    "air_strike": "Air strike",
    "shelling": "Shelling",
    "suicide_bombing": "Suicide bombing",
    "withdrawal": "Withdrawal",
    "announcement": "Announcement",
}

TYPE_LETTERS: dict[str, str] = {
    "armed_clash": "C",
    "capture": "T",
    "assault": "A",
    "air_strike": "S",
    "shelling": "H",
    "suicide_bombing": "B",
    "withdrawal": "W",
    "announcement": "i",
}

# Which type speaks first where events of one spot are listed or drawn as one disc: control
# changes (what moves the map), then fighting, then reports.
TYPE_WEIGHT: dict[str, int] = {
    "capture": 0,
    "withdrawal": 1,
    "assault": 2,
    "armed_clash": 3,
    "suicide_bombing": 4,
    "air_strike": 5,
    "shelling": 6,
    "announcement": 7,
}

# A second, type-keyed palette for the timeline's "by type" view (Tol's muted scheme).
TYPE_COLOURS: dict[str, str] = {
    "armed_clash": "#CC6677",
    "capture": "#332288",
    "assault": "#DDCC77",
    "air_strike": "#117733",
    "shelling": "#88CCEE",
    "suicide_bombing": "#882255",
    "withdrawal": "#44AA99",
    "announcement": "#999933",
}

PRECISION_LABELS: dict[str, str] = {
    "day": "Exact day",
    "week": "Within a week",
    "month": "Within a month",
    "year": "Within a year",
}


def side_label(side: str) -> str:
    """Plain-words name of a side slug (unknown slugs are shown as written)."""
    return SIDE_LABELS.get(side, side.replace("_", " ").capitalize())


def side_colour(side: str) -> str:
    return SIDE_COLOURS.get(side, SIDE_COLOURS["unknown"])


def type_label(kind: str) -> str:
    return TYPE_LABELS.get(kind, kind.replace("_", " ").capitalize())


def type_letter(kind: str) -> str:
    return TYPE_LETTERS.get(kind, "?")
