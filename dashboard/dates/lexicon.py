"""Month, weekday, season and number words for French and English wire copy.

Kept as data so the grammar in :mod:`dashboard.dates.mentions` stays language-neutral: each
table maps a spelling (lower case, accents optional where the press drops them) to its value.
Abbreviations are listed apart because they are only trusted next to a day number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MONTHS_FULL: dict[str, dict[str, int]] = {
    "fr": {
        "janvier": 1,
        "février": 2,
        "fevrier": 2,
        "mars": 3,
        "avril": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "août": 8,
        "aout": 8,
        "septembre": 9,
        "octobre": 10,
        "novembre": 11,
        "décembre": 12,
        "decembre": 12,
    },
    "en": {
        "january": 1,
        "february": 2,
        "march": 3,
        "april": 4,
        "may": 5,
        "june": 6,
        "july": 7,
        "august": 8,
        "september": 9,
        "october": 10,
        "november": 11,
        "december": 12,
    },
}

MONTHS_ABBREVIATED: dict[str, dict[str, int]] = {
    "fr": {
        "janv": 1,
        "févr": 2,
        "fevr": 2,
        "fév": 2,
        "fev": 2,
        "avr": 4,
        "juil": 7,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "déc": 12,
        "dec": 12,
    },
    "en": {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    },
}

# English month names that are also common first names or words; a capitalised word right
# after them ("August Strindberg", "in May Iraqi ..." is rare next to "Theresa May's") means
# the month reading is refused unless a day number or a year settles it.
EN_MONTHS_ALSO_NAMES = frozenset({"april", "may", "june", "august"})

WEEKDAYS: dict[str, dict[str, int]] = {
    "fr": {
        "lundi": 0,
        "mardi": 1,
        "mercredi": 2,
        "jeudi": 3,
        "vendredi": 4,
        "samedi": 5,
        "dimanche": 6,
    },
    "en": {
        "monday": 0,
        "tuesday": 1,
        "wednesday": 2,
        "thursday": 3,
        "friday": 4,
        "saturday": 5,
        "sunday": 6,
    },
}

# Only accepted inside a full date ("Fri, Nov. 3"): alone, "Sun" and "Sat" are mostly not days.
WEEKDAYS_ABBREVIATED: dict[str, dict[str, int]] = {
    "fr": {},
    "en": {
        "mon": 0,
        "tue": 1,
        "tues": 1,
        "wed": 2,
        "thu": 3,
        "thur": 3,
        "thurs": 3,
        "fri": 4,
        "sat": 5,
        "sun": 6,
    },
}

# Meteorological seasons, by the month they start in.
SEASONS: dict[str, dict[str, int]] = {
    "fr": {"printemps": 3, "été": 6, "ete": 6, "automne": 9, "hiver": 12},
    "en": {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12},
}

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "fr": {
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "quinze": 15,
        "vingt": 20,
        "trente": 30,
    },
    "en": {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "fifteen": 15,
        "twenty": 20,
        "thirty": 30,
    },
}


def fold(word: str) -> str:
    """Lower-case and normalise apostrophes so lookups ignore typography ("Août", "aout")."""
    return unicodedata.normalize("NFC", word).lower().replace("’", "'")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so "sept" never shadows "septembre"."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in ordered)
