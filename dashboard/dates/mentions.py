"""Date expressions in French and English news text -> :class:`DateMention`.

Two steps, kept apart because publication-date inference needs the first without the second:

1. :func:`parse_expressions` finds expressions and records what they literally say (a weekday,
   a day and month without a year, "three days ago"...) as :class:`Expression`.
2. :func:`resolve` turns one expression into a calendar date against a reference date (usually
   the publication date).

Rules are hand-written regular expressions compiled once at import, so a call costs a few
regex scans of the text and no allocation of heavy objects.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dashboard.dates.lexicon import (
    EN_MONTHS_ALSO_NAMES,
    MONTHS_ABBREVIATED,
    MONTHS_FULL,
    NUMBER_WORDS,
    SEASONS,
    WEEKDAYS,
    WEEKDAYS_ABBREVIATED,
    alternation,
    fold,
)
from dashboard.dates.prefixes import finditer_gated, gate_of
from dashboard.text.spans import keep_non_overlapping

PRECISIONS = ("day", "week", "month", "year")

# A year-less day-month may name a day slightly after the reference (an announced event);
# beyond this many days it is taken to be last year's.
FUTURE_GRACE_DAYS = 7

# Thirds of a month for "début/mi-/fin" and "early/mid-/late": the first day of each third.
_PART_START_DAY = {"early": 1, "mid": 11, "late": 21}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text and the date it stands for.

    ``value`` is the first day of the period for precisions coarser than a day. ``relative``
    is true when the expression only makes sense against the reference date ("hier", "last
    week", "Friday"); a day and month without a year is not relative (it names the day) but
    its year comes from the reference, which ``confidence`` reflects.
    """

    start: int
    end: int
    text: str
    value: date
    precision: str
    relative: bool
    confidence: float


@dataclass(frozen=True, slots=True)
class Expression:
    """What a date expression literally says, before any reference date is applied.

    ``kind`` selects the resolution rule: "calendar" (any of year/month/day given),
    "numeric_ambiguous" (an English a/b/yyyy where both orders are valid), "day_shift",
    "weekday", "weekday_dom" (a weekday with a day of month, "mardi 7"), "dom" (a day of the
    month alone, "on the 17th"), "night" (the night
    from ``weekday`` to ``weekday2``), "period" (this/last/next ``unit``), "ago" and
    "season"/"month_rel" (a month or season shifted by ``amount``), "calendar_rel_year" (a
    day or month in the year ``amount`` years from the reference's: "in May last year").
    """

    start: int
    end: int
    kind: str
    precision: str
    confidence: float
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    weekday2: int | None = None
    unit: str = ""
    amount: int = 0


# --------------------------------------------------------------------------- grammar

_AP = "['’]"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d%]|[.,]\d)"
_DAY_GUARD = r"(?![\d%]|[.,:/]\d)"
_DAY_FR = r"\b(?P<day>3[01]|[12]\d|0?[1-9]|premier)(?:er|ᵉʳ)?" + _DAY_GUARD
_DAY2_FR = r"\b(?P<day2>3[01]|[12]\d|0?[1-9]|premier)(?:er|ᵉʳ)?" + _DAY_GUARD
_DAY_EN = r"\b(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?" + _DAY_GUARD
_DAY2_EN = r"\b(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?" + _DAY_GUARD

_PARTS = {
    "fr": {
        "early": r"(?:tout\s+)?début|en\s+début|au\s+(?:tout\s+)?début|dès\s+le\s+début",
        "mid": r"mi|à\s+la\s+mi|vers\s+la\s+mi",
        "late": r"(?:toute?\s+)?fin|en\s+fin|à\s+la\s+fin|vers\s+la\s+fin",
        "whole": r"courant|dans\s+le\s+courant",
    },
    "en": {
        "early": r"(?:in\s+)?early|(?:at\s+)?the\s+(?:beginning|start)\s+of|beginning\s+of",
        "mid": r"(?:in\s+)?mid|(?:in\s+)?the\s+middle\s+of",
        "late": r"(?:in\s+)?late|(?:at\s+)?the\s+end\s+of|end\s+of",
        "whole": r"(?:in\s+the\s+)?course\s+of",
    },
}


def _fragments(lang: str) -> dict[str, str]:
    months_full = alternation(MONTHS_FULL[lang])
    months_abbr = alternation(MONTHS_ABBREVIATED[lang])
    weekdays = alternation(WEEKDAYS[lang])
    weekdays_any = alternation({**WEEKDAYS[lang], **WEEKDAYS_ABBREVIATED[lang]})
    parts = "|".join(f"(?P<{name}>{rx})" for name, rx in _PARTS[lang].items())
    return {
        "@MONTH@": rf"(?P<mon>{months_full})\b",
        "@MONTH_ANY@": rf"(?P<mon>(?:{months_full})\b|(?:{months_abbr})\b\.?)",
        "@MON1_ANY@": rf"(?P<mon1>(?:{months_full})\b|(?:{months_abbr})\b\.?)",
        "@WD@": rf"\b(?P<wd>{weekdays})\b",
        "@WD2@": rf"\b(?P<wd2>{weekdays})\b",
        "@WD_ANY@": rf"\b(?P<wd>(?:{weekdays})\b|(?:{weekdays_any})\b\.?)",
        "@DAY@": _DAY_FR if lang == "fr" else _DAY_EN,
        "@DAY2@": _DAY2_FR if lang == "fr" else _DAY2_EN,
        "@YEAR@": _YEAR,
        "@PART@": rf"\b(?:{parts})",
        "@SEASON@": rf"(?P<season>{alternation(SEASONS[lang])})\b",
        "@NUM@": rf"(?P<num>\d{{1,3}}|(?:{alternation(NUMBER_WORDS[lang])})\b)",
    }


def _compile(pattern: str, lang: str) -> re.Pattern[str]:
    """Rules run on :func:`_lowered` text: case-sensitive matching is about 3x faster."""
    for key, value in _fragments(lang).items():
        pattern = pattern.replace(key, value)
    return re.compile(pattern, re.VERBOSE)


# Lower-casing that keeps every offset: characters whose lower case is longer ("İ") stay.
_LOWER = {
    code: lowered
    for code in range(0x250)
    if (lowered := chr(code).lower()) != chr(code) and len(lowered) == 1
}
_LOWER[ord("’")] = "'"


def _lowered(text: str) -> str:
    return text.translate(_LOWER)


# Each rule: (pattern with @FRAGMENTS@, handler name). Patterns are VERBOSE: spaces are free.
_RULE_SOURCES: dict[str, list[tuple[str, str]]] = {
    "fr": [
        (
            r"(?P<d> (?:@WD@ \s*,?\s+ (?:le\s+)?)? @DAY@ \s+ @MONTH_ANY@ (?:\s+ @YEAR@)? )",
            "daymonth",
        ),
        (
            r"(?:dans\s+)?\bla\s+nuit\s+du\s+ (?P<d> @DAY@ \s+ (?:au|à) \s+ @DAY2@ \s+"
            r" @MONTH_ANY@ (?:\s+ @YEAR@)? )",
            "night_dates",
        ),
        (
            r"(?:\bdu|\bentre\s+le|\bles) \s+ (?P<d> @DAY@ (?:\s+ @MON1_ANY@)?"
            r" \s+ (?:au|et(?:\s+le)?|-|–) \s+ @DAY2@ \s+ @MONTH_ANY@ (?:\s+ @YEAR@)? )",
            "range",
        ),
        (r"(?<![\w-])(?P<d> @DAY@ \s*[-–]\s* @DAY2@ \s+ @MONTH_ANY@ (?:\s+ @YEAR@)? )", "range"),
        (r"(?<!\w)(?P<d> @MONTH_ANY@ \s+ (?:de\s+l['’]an\s+)? @YEAR@ )", "monthyear"),
        (
            r"(?P<d> @PART@ (?:\s*-\s*|\s+) (?:(?:du\s+)?mois\s+)?"
            r" (?:(?:de\s+|d['’]\s*)(?:l['’]ann[ée]e\s+)?)?"
            r" (?: @MONTH@ (?:\s+ @YEAR@)? | (?P<yonly>(?:19|20)\d\d)(?![\d%]|[.,]\d) ) )",
            "part",
        ),
        (
            r"(?: \b(?:en|depuis|dès|jusqu['’]en|avant|après|pour|vers|d['’]ici|entre|de"
            r"|à\s+partir\s+d[e'’]|(?:au|le|ce|du)\s+mois\s+d[e'’]) \s*"
            r" | (?<=\b[dD]['’]) )"
            r" (?P<d> @MONTH@ (?:\s+(?P<rel>dernier|passé|prochain))? )(?!-)",
            "month_ctx",
        ),
        (r"(?P<d> @MONTH@ \s+ (?P<rel>dernier|passé|prochain)\b )", "month_ctx"),
        (
            r"\b(?:en|depuis|dès|jusqu['’]en|avant|après|l['’]année|l['’]an|année"
            r"|au\s+cours\s+de\s+l['’]année) \s+ (?P<d> @YEAR@ )",
            "year_ctx",
        ),
        (
            r"(?:\b(?:à|pendant|durant)\s+)?"
            r"(?P<d> (?:\b(?P<this>cet|ce)\s+|\bl['’]\s*|\bau\s+|\ben\s+) @SEASON@"
            r" (?:\s+(?P<rel>dernier|prochain)\b | \s+(?:de\s+l['’]ann[ée]e\s+)? @YEAR@ )? )",
            "season",
        ),
        (
            r"(?P<d> (?:\bdans\s+)?\bla\s+nuit\s+(?:de|du) \s+ @WD@"
            r" (?:\s+ (?:à|au) \s+ @WD2@ )? )",
            "night",
        ),
        (
            r"(?P<d> (?:\b(?P<this>ce|cette)\s+)? @WD@"
            r" (?:\s+(?P<rel>dernier|passé|prochain)\b"
            r" | (?P<lastweek>\s+de\s+la\s+semaine\s+(?:dernière|passée)\b))?"
            r" (?:\s+(?:matin|soir|midi|après-midi|apres-midi|en\s+soirée|en\s+matinée"
            r"|en\s+(?:fin|début)\s+de\s+(?:journée|matinée|soirée|après-midi)))? )",
            "weekday",
        ),
        (
            r"(?P<d> @WD@ \s+ @DAY@ ) (?= \s*[,.;:)] | \s+(?:au|et|à|dans|entre|matin|soir)\b )",
            "weekday_dom",
        ),
        (
            r"(?P<d> \bavant[-\s]hier\b | \baprès[-\s]demain\b | \bapres[-\s]demain\b"
            r" | \bhier (?:\s+(?:soir|matin|midi|après-midi))?\b"
            r" | \baujourd['’]hui | \bce\s+(?:matin|midi|soir)\b | \bcet\s+après-midi\b"
            r" | \bcette\s+nuit\b | \bla\s+nuit\s+dernière\b | \bdemain (?:\s+(?:soir|matin))?\b"
            # "la veille" alone is the day before the story's; "la veille de X" is X's eve
            r" | \bla\s+veille (?:\s+au\s+soir)?\b (?!\s+(?:de|du|des|d['’]|au\s+matin)) )",
            "day_shift",
        ),
        (
            r"(?P<d> \bla\s+semaine\s+(?:dernière|passée|prochaine)\b | \bcette\s+semaine\b"
            r" | \ben\s+(?:début|fin)\s+de\s+semaine (?:\s+(?:dernière|passée)\b)?"
            r" | \bplus\s+tôt\s+(?:dans\s+la|cette)\s+semaine\b"
            r" | \ble\s+mois\s+(?:dernier|passé|prochain)\b | \bce\s+mois-ci\b"
            r" | \bl['’]an\s+(?:dernier|passé|prochain)\b"
            r" | \bl['’]année\s+(?:dernière|passée|prochaine)\b | \bcette\s+année\b"
            r" | \ble\s+week-?end\s+(?:dernier|passé|prochain)\b | \bce\s+week-?end\b"
            # « ces derniers jours », « au cours des derniers jours »: the days just past
            r" | \bces\s+derniers\s+jours\b | \bces\s+jours\s+derniers\b"
            r" | \bau\s+cours\s+des\s+(?:derniers|tout\s+derniers)\s+jours\b )",
            "period",
        ),
        (
            r"(?P<d> \bil\s+y\s+a \s+ @NUM@ \s+"
            r" (?P<unit>heures?|jours?|semaines?|mois|ans?|années?)\b )",
            "ago",
        ),
        (
            r"(?P<d> \bil\s+y\s+a \s+ (?P<few>quelques|plusieurs|des) \s+ (?P<unit>semaines|mois)\b"
            r" | \b(?P<few2>quelques|plusieurs|des) \s+ (?P<unit2>semaines|mois) \s+"
            r" plus\s+tôt\b )",
            "ago",
        ),
    ],
    "en": [
        (
            r"(?P<d> (?: @WD_ANY@ ,?\s+ (?:the\s+)?)? @DAY@ \s+ (?:of\s+)? @MONTH_ANY@"
            r" (?:,?\s+ @YEAR@)? )",
            "daymonth",
        ),
        (
            r"(?P<d> (?: @WD_ANY@ ,?\s+ )? @MONTH_ANY@ \s+ @DAY@ (?:,?\s+ @YEAR@)? )",
            "daymonth",
        ),
        (
            r"(?P<d> @MONTH_ANY@ \s+ @DAY@ \s* (?:-|–|to|and|through) \s* @DAY2@"
            r" (?:,?\s+ @YEAR@)? )",
            "range",
        ),
        (
            r"(?<![\w-])(?P<d> @DAY@ \s* (?:-|–|to|and) \s* @DAY2@ \s+ (?:of\s+)? @MONTH_ANY@"
            r" (?:,?\s+ @YEAR@)? )",
            "range",
        ),
        (
            r"(?P<d> (?:\bthe\s+)?\bnight\s+of\s+ @MONTH_ANY@ \s+ @DAY@ \s* (?:-|–|to|into)"
            r" \s* @DAY2@ (?:,?\s+ @YEAR@)? )",
            "night_dates",
        ),
        (r"(?<!\w)(?P<d> @MONTH_ANY@ \s+ (?:of\s+)? @YEAR@ )", "monthyear"),
        # "on the 17th": a day of the month just past (not "on the 17th day of the siege")
        (
            r"\bon\s+ (?P<d> the\s+ (?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th) )\b"
            r" (?!\s+(?:day|century|division|brigade|regiment|anniversary|floor|of)\b)",
            "dom",
        ),
        (
            r"(?P<d> @PART@ (?:\s*-\s*|\s+) (?: @MONTH@ (?:,?\s+ @YEAR@)?"
            r" | (?P<yonly>(?:19|20)\d\d)(?![\d%]|[.,]\d) ) )",
            "part",
        ),
        (
            r"\b(?:in|since|until|till|by|during|through|throughout|before|after|from|of|to"
            r"|between|(?P<rel>last|this|next|that)) \s+ (?P<d> @MONTH@ )(?!-)",
            "month_ctx",
        ),
        (
            r"\b(?:in|since|until|by|before|after|during|throughout|through|from|year|of)"
            r" \s+ (?P<d> @YEAR@ )",
            "year_ctx",
        ),
        (
            r"(?P<d> (?:\b(?P<mod>this|last|next|the|in|during|early|late)\s+)?(?:the\s+)?"
            r" \b @SEASON@ (?:\s+of)? (?:\s+ @YEAR@)? )",
            "season",
        ),
        (
            r"(?P<d> (?:\b(?:on\s+)?the\s+night\s+of|\bovernight(?:\s+from)?) \s+ @WD@"
            r" (?:\s+(?:to|into|and)\s+ @WD2@ )? (?:\s+night\b)? )",
            "night",
        ),
        (
            r"(?P<d> (?:\b(?P<rel>last|this|next|early|late|earlier\s+on|late\s+on|early\s+on)"
            r"\s+)? @WD@ (?:\s+(?:morning|afternoon|evening|night|overnight)\b)?"
            r" (?P<lastweek>\s+(?:of\s+)?last\s+week\b)? )",
            "weekday",
        ),
        (
            r"(?P<d> \bthe\s+day\s+before\s+yesterday\b | \bthe\s+day\s+after\s+tomorrow\b"
            r" | \byesterday (?:\s+(?:morning|afternoon|evening))?\b"
            r" | \b(?:earlier\s+|later\s+)?today\b | \btonight\b"
            r" | \bthis\s+(?:morning|afternoon|evening)\b | \blast\s+night\b"
            # a bare "overnight" in a report is the night just past (not "overnight from
            # Tuesday", read as a night above)
            r" | \bovernight\b (?!\s+(?:from|on|into|of|to|stays?|bags?)\b)"
            r" | \btomorrow (?:\s+(?:morning|afternoon|evening|night))?\b )",
            "day_shift",
        ),
        (
            r"(?P<d> \b(?:earlier\s+|later\s+)?(?:last|this|next)"
            r"\s+(?:weekend|week|month|year)\b | \b(?:over|at|during)\s+the\s+weekend\b"
            # "in recent days", "over the past few days": the days just past
            r" | \bin\s+recent\s+days\b | \b(?:in|over|during)\s+the\s+(?:past|last)\s+"
            r"(?:few\s+|several\s+|two\s+|three\s+)?days\b )",
            "period",
        ),
        (
            r"(?P<d> \b(?:@NUM@|(?P<couple>a\s+couple\s+of)) \s+"
            r" (?P<unit>hours?|days?|weeks?|months?|years?) \s+ ago\b )",
            "ago",
        ),
        (
            r"(?P<d> \b(?:(?P<few>a\s+few|several|some)\s+)? (?P<unit>weeks|months) \s+"
            r" (?:ago|earlier)\b )",
            "ago",
        ),
    ],
}

_NUMERIC = re.compile(
    r"(?<![\w/.:-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?![\w/]|[.:-]\d)"
)
_ISO = re.compile(
    r"(?<![\w/.:-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?![0-9A-SU-Za-z_/]|[.:-]\d)"
)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|fr|uk|io|info|gov|int|edu|co|be|ch"
    r"|ca|de|iq|sy|tr|lb|ir|news)/\S*|\S+@\S+\.\w+",
    re.IGNORECASE,
)
_NOT_A_DAY_BEFORE = {
    "fr": re.compile(r"(?:\bchaque|\btous\s+les|\bjournal\s+du)\s+$", re.I),
    "en": re.compile(
        r"(?:\bevery|\beach|\bon\s+a|\bblack|\bgood|\bbloody|\bpalm|\beaster|\bholy|\bsuper"
        r"|\bcyber|\bash|\bmaundy|\bthe)\s+$",
        re.I,
    ),
}
_NOT_A_DAY_AFTER = {
    "fr": re.compile(r"^\s*(?:saint|gras)\b", re.I),
    "en": re.compile(r"^(?:\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Star)\b)"),
}
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]|['’]s\b")


# --------------------------------------------------------------------------- handlers

_Handler = Callable[[re.Match[str], str, str], "Expression | None"]


def _span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("d")


def _day_number(raw: str) -> int:
    return 1 if raw.lower() == "premier" else int(raw)


def _month_number(raw: str, lang: str) -> int:
    word = fold(raw).rstrip(".")
    return MONTHS_FULL[lang].get(word) or MONTHS_ABBREVIATED[lang][word]


def _weekday_number(raw: str, lang: str) -> int:
    word = fold(raw).rstrip(".")
    return WEEKDAYS[lang].get(word, WEEKDAYS_ABBREVIATED[lang].get(word, 0))


def _month_is_plausible(m: re.Match[str], group: str, lang: str, text: str) -> bool:
    """English month words double as verbs and names ("march", "may", "August Strindberg")."""
    if lang != "en" or m.group(group) is None:
        return True
    raw = text[m.start(group) : m.end(group)]
    if raw.islower():
        return False
    word = fold(raw).rstrip(".")
    return not (word in EN_MONTHS_ALSO_NAMES and _NAME_AFTER.match(text, m.end(group)))


def _weekday_is_plausible(m: re.Match[str], lang: str, text: str) -> bool:
    start = m.start("wd")
    if _NOT_A_DAY_BEFORE[lang].search(text[max(0, start - 24) : start]):
        return False
    return not _NOT_A_DAY_AFTER[lang].match(text[m.end("wd") : m.end("wd") + 12])


def _daymonth(m: re.Match[str], lang: str, text: str) -> Expression | None:
    if not _month_is_plausible(m, "mon", lang, text):
        return None
    weekday = _weekday_number(m.group("wd"), lang) if m.group("wd") else None
    year = int(m.group("year")) if m.group("year") else None
    start, end = _span(m)
    return Expression(
        start,
        end,
        "calendar",
        "day",
        0.95 if year else 0.85,
        year=year,
        month=_month_number(m.group("mon"), lang),
        day=_day_number(m.group("day")),
        weekday=weekday,
    )


def _range(m: re.Match[str], lang: str, text: str) -> Expression | None:
    if not _month_is_plausible(m, "mon", lang, text):
        return None
    month = _month_number(m.group("mon"), lang)
    first, last = _day_number(m.group("day")), _day_number(m.group("day2"))
    first_month = month
    if "mon1" in m.groupdict() and m.group("mon1"):
        first_month = _month_number(m.group("mon1"), lang)
    elif first >= last:
        return None
    span_days = (last - first) if first_month == month else (last + 31 - first)
    year = int(m.group("year")) if m.group("year") else None
    start, end = _span(m)
    return Expression(
        start,
        end,
        "calendar",
        "week" if span_days <= 7 else "month",
        0.9 if year else 0.8,
        year=year,
        month=first_month,
        day=first,
    )


def _night_dates(m: re.Match[str], lang: str, text: str) -> Expression | None:
    if not _month_is_plausible(m, "mon", lang, text):
        return None
    first, last = _day_number(m.group("day")), _day_number(m.group("day2"))
    if last != first + 1:
        return None
    year = int(m.group("year")) if m.group("year") else None
    start, end = _span(m)
    return Expression(
        start,
        end,
        "calendar",
        "day",
        0.9 if year else 0.8,
        year=year,
        month=_month_number(m.group("mon"), lang),
        day=first,
    )


def _monthyear(m: re.Match[str], lang: str, text: str) -> Expression | None:
    if lang == "en" and text[m.start("mon") : m.end("mon")].islower():
        return None
    start, end = _span(m)
    month = _month_number(m.group("mon"), lang)
    return Expression(start, end, "calendar", "month", 0.95, year=int(m.group("year")), month=month)


def _part(m: re.Match[str], lang: str, text: str) -> Expression | None:
    start, end = _span(m)
    part = next(name for name in ("early", "mid", "late", "whole") if m.group(name))
    if m.group("yonly"):
        return Expression(start, end, "calendar", "year", 0.9, year=int(m.group("yonly")))
    if not _month_is_plausible(m, "mon", lang, text):
        return None
    year = int(m.group("year")) if m.group("year") else None
    month = _month_number(m.group("mon"), lang)
    if part == "whole":
        return Expression(start, end, "calendar", "month", 0.9 if year else 0.75, year, month)
    return Expression(
        start,
        end,
        "calendar",
        "week",
        0.75 if year else 0.65,
        year=year,
        month=month,
        day=_PART_START_DAY[part],
    )


def _month_ctx(m: re.Match[str], lang: str, text: str) -> Expression | None:
    if not _month_is_plausible(m, "mon", lang, text):
        return None
    start, end = _span(m)
    month = _month_number(m.group("mon"), lang)
    rel = fold(m.group("rel") or "")
    if rel in ("dernier", "passé", "last"):
        return Expression(start, end, "month_rel", "month", 0.85, month=month, amount=-1)
    if rel in ("prochain", "next"):
        return Expression(start, end, "month_rel", "month", 0.8, month=month, amount=1)
    if rel == "this":
        return Expression(start, end, "month_rel", "month", 0.75, month=month, amount=0)
    if rel == "that":
        # "fell in June 2014 ... won it back that November": the year of the text before it
        return Expression(start, end, "month_that", "month", 0.7, month=month)
    return Expression(start, end, "calendar", "month", 0.75, month=month)


def _year_ctx(m: re.Match[str], lang: str, text: str) -> Expression | None:
    start, end = _span(m)
    return Expression(start, end, "calendar", "year", 0.9, year=int(m.group("year")))


def _season(m: re.Match[str], lang: str, text: str) -> Expression | None:
    start, end = _span(m)
    season = fold(m.group("season"))
    first_month = SEASONS[lang][season]
    year = int(m.group("year")) if m.group("year") else None
    groups = m.groupdict()
    modifier = fold(groups.get("mod") or groups.get("this") or groups.get("rel") or "")
    if lang == "en":
        if year is None and modifier not in ("this", "last", "next", "in", "during"):
            return None
        if season == "fall" and year is None and modifier not in ("this", "last", "next"):
            return None
        if modifier in ("in", "during") and year is None and "the" not in fold(m.group("d")):
            return None
    if year is not None:
        if first_month == 12:  # "winter 2016" straddles two years: take its January.
            return Expression(start, end, "calendar", "month", 0.45, year=year, month=1)
        return Expression(start, end, "calendar", "month", 0.55, year=year, month=first_month)
    amount = {"dernier": -1, "last": -1, "prochain": 1, "next": 1}.get(modifier, 0)
    confidence = (
        0.5 if modifier in ("cet", "ce", "this", "dernier", "last", "prochain", "next") else 0.35
    )
    return Expression(start, end, "season", "month", confidence, month=first_month, amount=amount)


def _night(m: re.Match[str], lang: str, text: str) -> Expression | None:
    start, end = _span(m)
    first = _weekday_number(m.group("wd"), lang)
    second = _weekday_number(m.group("wd2"), lang) if m.group("wd2") else None
    if second is not None and second != (first + 1) % 7:
        return None
    return Expression(start, end, "night", "day", 0.8, weekday=first, weekday2=second)


def _weekday(m: re.Match[str], lang: str, text: str) -> Expression | None:
    if not _weekday_is_plausible(m, lang, text):
        return None
    start, end = _span(m)
    groups = m.groupdict()
    rel = fold(groups.get("rel") or "")
    this = fold(groups.get("this") or "")
    weekday = _weekday_number(m.group("wd"), lang)
    if groups.get("lastweek"):
        # "Tuesday last week", « mardi de la semaine dernière »: that day of the week before
        return Expression(start, end, "weekday", "day", 0.85, weekday=weekday, unit="last_week")
    if rel in ("dernier", "passé", "last"):
        return Expression(start, end, "weekday", "day", 0.85, weekday=weekday, unit="before")
    if rel in ("prochain", "next"):
        return Expression(start, end, "weekday", "day", 0.75, weekday=weekday, unit="after")
    confidence = 0.65 if (rel == "this" or this) else 0.8
    return Expression(
        start, end, "weekday", "day", confidence, weekday=weekday, unit="on_or_before"
    )


def _weekday_dom(m: re.Match[str], lang: str, text: str) -> Expression | None:
    if not _weekday_is_plausible(m, lang, text):
        return None
    start, end = _span(m)
    weekday = _weekday_number(m.group("wd"), lang)
    day = _day_number(m.group("day"))
    return Expression(start, end, "weekday_dom", "day", 0.8, day=day, weekday=weekday)


_DAY_SHIFTS = (
    ("avant", -2),
    ("the day before yesterday", -2),
    ("après", 2),
    ("apres", 2),
    ("the day after tomorrow", 2),
    ("hier", -1),
    ("la veille", -1),
    ("yesterday", -1),
    ("la nuit derni", -1),
    ("last night", -1),
    ("demain", 1),
    ("tomorrow", 1),
)


def _dom(m: re.Match[str], lang: str, text: str) -> Expression | None:
    start, end = _span(m)
    return Expression(start, end, "dom", "day", 0.7, day=_day_number(m.group("day")))


def _day_shift(m: re.Match[str], lang: str, text: str) -> Expression | None:
    start, end = _span(m)
    phrase = " ".join(fold(m.group("d")).split())
    if lang == "en" and phrase.endswith("today") and text[max(0, start - 4) : start] == "USA ":
        return None
    amount = next((shift for key, shift in _DAY_SHIFTS if phrase.startswith(key)), 0)
    confidence = 0.7 if amount > 0 or phrase in ("cette nuit", "overnight") else 0.9
    return Expression(start, end, "day_shift", "day", confidence, amount=amount)


def _period(m: re.Match[str], lang: str, text: str) -> Expression | None:
    start, end = _span(m)
    phrase = " ".join(fold(m.group("d")).split())
    if phrase.endswith(("days", "jours", "jours derniers")):
        unit = "recent_days"  # "in recent days", « ces derniers jours »
    elif phrase.startswith(("over ", "at ", "during ")):
        unit = "past_weekend"  # "over the weekend": the one just past, or the one under way
    elif "weekend" in phrase or "week-end" in phrase:
        unit = "weekend"
    elif "semaine" in phrase or "week" in phrase:
        unit = "week"
    elif "mois" in phrase or "month" in phrase:
        unit = "month"
    else:
        unit = "year"
    if any(w in phrase for w in ("dernier", "dernière", "passé", "last")):
        amount = -1
    elif any(w in phrase for w in ("prochain", "next")):
        amount = 1
    else:
        amount = 0
    precision = {
        "weekend": "week",
        "past_weekend": "week",
        "week": "week",
        "recent_days": "week",
    }.get(unit, unit)
    return Expression(start, end, "period", precision, 0.85, unit=unit, amount=amount)


def _ago(m: re.Match[str], lang: str, text: str) -> Expression | None:
    start, end = _span(m)
    groups = m.groupdict()
    if "few" in groups:
        # "a few months ago", « quelques semaines plus tôt »: some time back, how long unsaid;
        # dated about three units back, with a low confidence
        unit_word = fold(groups.get("unit") or groups.get("unit2") or "")
        unit = "week" if unit_word.startswith(("semaine", "week")) else "month"
        return Expression(start, end, "ago", unit, 0.5, unit=unit, amount=3)
    if groups.get("couple"):
        number = 2
    else:
        raw = fold(m.group("num"))
        number = int(raw) if raw.isdigit() else NUMBER_WORDS[lang][raw]
    unit_word = fold(m.group("unit"))
    if unit_word.startswith(("heure", "hour")):
        unit, precision, number = "day", "day", number // 24
    elif unit_word.startswith(("jour", "day")):
        unit, precision = "day", ("day" if number <= 7 else "week")
    elif unit_word.startswith(("semaine", "week")):
        unit, precision = "week", "week"
    elif unit_word.startswith(("mois", "month")):
        unit, precision = "month", "month"
    else:
        unit, precision = "year", "year"
    if number > 200 or (number == 0 and unit != "day"):
        return None
    return Expression(start, end, "ago", precision, 0.85, unit=unit, amount=number)


_HANDLERS: dict[str, _Handler] = {
    "daymonth": _daymonth,
    "range": _range,
    "night_dates": _night_dates,
    "monthyear": _monthyear,
    "part": _part,
    "month_ctx": _month_ctx,
    "year_ctx": _year_ctx,
    "season": _season,
    "night": _night,
    "weekday": _weekday,
    "weekday_dom": _weekday_dom,
    "dom": _dom,
    "day_shift": _day_shift,
    "period": _period,
    "ago": _ago,
}

_RULES: dict[str, tuple[tuple[re.Pattern[str], _Handler], ...]] = {
    lang: tuple((_compile(source, lang), _HANDLERS[name]) for source, name in sources)
    for lang, sources in _RULE_SOURCES.items()
}
# Each rule's quick test (see dates.prefixes): most offsets start no date, and the rule is
# tried only where its first words fit.
_GATES: dict[str, tuple[re.Pattern[str] | None, ...]] = {
    lang: tuple(gate_of(pattern) for pattern, _ in rules) for lang, rules in _RULES.items()
}


def _numeric(text: str, lang: str) -> Iterator[Expression]:
    """Digits-only dates: ISO year-first, then day/month/year (French) or ambiguous (English)."""
    for m in _ISO.finditer(text):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if is_valid_date(year, month, day):
            yield Expression(m.start(), m.end(), "calendar", "day", 0.95, year, month, day)
    for m in _NUMERIC.finditer(text):
        a, b, raw_year = int(m.group("a")), int(m.group("b")), m.group("y")
        if len(raw_year) == 2:
            if m.group("sep") != "/":
                continue
            year, confidence = 2000 + int(raw_year), 0.7
        else:
            year, confidence = int(raw_year), 0.9
        if not 1900 <= year <= 2099:
            continue
        if lang == "fr" or a > 12:
            if is_valid_date(year, b, a):
                yield Expression(m.start(), m.end(), "calendar", "day", confidence, year, b, a)
        elif b > 12 or a == b:
            if is_valid_date(year, a, b):
                yield Expression(m.start(), m.end(), "calendar", "day", confidence, year, a, b)
        elif is_valid_date(year, a, b) and is_valid_date(year, b, a):
            yield Expression(
                m.start(), m.end(), "numeric_ambiguous", "day", 0.5, year=year, month=a, day=b
            )


def is_valid_date(year: int, month: int, day: int) -> bool:
    """Whether the triple names a real calendar day (rules accept "31 novembre" first)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def normalise_lang(lang: str) -> str:
    """Accept "fr", "FR", "fr-FR", "en_GB"...; refuse languages the rules do not cover."""
    code = lang.strip().lower()[:2]
    if code not in _RULES:
        raise ValueError(f"no date rules for language {lang!r}; use 'fr' or 'en'")
    return code


def parse_expressions(text: str, lang: str) -> list[Expression]:
    """All date expressions in ``text``, non-overlapping (longest wins), sorted by offset.

    Expressions inside URLs and e-mail addresses are dropped: their digits are not dates
    the article reports.
    """
    code = normalise_lang(lang)
    candidates: list[Expression] = []
    lowered = _lowered(text)
    for (pattern, handler), gate in zip(_RULES[code], _GATES[code], strict=True):
        for m in finditer_gated(pattern, gate, lowered):
            expression = handler(m, code, text)
            if expression is not None and expression.end > expression.start:
                candidates.append(expression)
    candidates.extend(_numeric(text, code))
    candidates.extend(_the_month(lowered))
    if not candidates:
        return []
    if "/" in text or "@" in text or "www" in text:
        blocked = [m.span() for m in _URL.finditer(text)]
        candidates = [c for c in candidates if not _overlaps_any(c.start, c.end, blocked)]
    return _with_that_year(_with_their_year(_longest_non_overlapping(candidates), text), text)


# The month a text just named, told again: "followed by Hajin at the end of the month",
# « suivie de Deir Attiyé à la fin du mois », "later that month", « le même mois »
_THE_MONTH = re.compile(
    r"\b(?P<late>(?:à\s+la\s+|en\s+|vers\s+la\s+)?fin\s+du\s+(?:même\s+)?mois"
    r"|(?:at\s+|towards\s+|by\s+)?the\s+end\s+of\s+the\s+(?:same\s+)?month)"
    r"|\b(?P<early>(?:au\s+|en\s+)?début\s+du\s+(?:même\s+)?mois"
    r"|(?:at\s+)?the\s+(?:start|beginning)\s+of\s+the\s+(?:same\s+)?month)"
    r"|\b(?P<same>later\s+(?:that|the\s+same)\s+month|(?:in\s+)?(?:the|that)\s+same\s+month"
    r"|(?:in\s+)?that\s+month|(?:dans\s+)?le\s+même\s+mois|ce\s+(?:même\s+)?mois-là"
    r"|plus\s+tard\s+(?:dans\s+)?le\s+même\s+mois)\b",
)


_THE_MONTH_GATE = gate_of(_THE_MONTH)
_SAME_MONTH = re.compile(r"même|same|that", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _the_month(lowered: str) -> Iterator[Expression]:
    for m in finditer_gated(_THE_MONTH, _THE_MONTH_GATE, lowered):
        if m.group("same"):
            yield Expression(m.start(), m.end(), "the_month", "month", 0.6)
        else:
            day = _PART_START_DAY["late" if m.group("late") else "early"]
            yield Expression(m.start(), m.end(), "the_month", "week", 0.6, day=day)


def _with_their_year(expressions: list[Expression], text: str) -> list[Expression]:
    """A day or month followed by the year it falls in, told relatively ("in May last year",
    « en mars de l'an dernier », "on Jan. 3 this year"), is one expression of that year."""
    out: list[Expression] = []
    for e in expressions:
        if (
            out
            and e.kind == "period"
            and e.unit == "year"
            and out[-1].kind == "calendar"
            and out[-1].year is None
            and out[-1].month is not None
            and _YEAR_OF_GAP.fullmatch(text, out[-1].end, e.start)
        ):
            out[-1] = replace(
                out[-1], end=e.end, kind="calendar_rel_year", amount=e.amount, confidence=0.85
            )
            continue
        out.append(e)
    return out


_YEAR_OF_GAP = re.compile(r"\s*,?\s*(?:de\s+|of\s+)?", re.IGNORECASE)


def _with_that_year(expressions: list[Expression], text: str) -> list[Expression]:
    """A month of "that year" ("fell in June 2015 ... in May of that year", « en mai de la même
    année », « de cette année-là ») is in the year the text named before it, not this one."""
    out: list[Expression] = []
    for e in expressions:
        if e.year is None and e.month is not None and e.kind in ("calendar", "calendar_rel_year"):
            that = _THAT_YEAR_AFTER.match(text, e.end)
            if e.kind == "calendar_rel_year" and e.amount == 0 and text.startswith("-là", e.end):
                e = replace(e, end=e.end + 3, kind="month_that", amount=0)  # « cette année-là »
            elif e.kind == "calendar" and that is not None:
                e = replace(e, end=that.end(), kind="month_that")
        out.append(e)
    return out


_THAT_YEAR_AFTER = re.compile(
    r"\s*,?\s*(?:of\s+)?(?:that|the\s+same)\s+year\b"
    r"|\s*,?\s*(?:de\s+)?(?:la\s+même\s+année|cette\s+année-là)",
    re.IGNORECASE,
)


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def _longest_non_overlapping(candidates: list[Expression]) -> list[Expression]:
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, c.start))
    return keep_non_overlapping(ranked, lambda c: (c.start, c.end))


# --------------------------------------------------------------------------- resolution


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months away, or the last day of a shorter month:
    "six months before" a date counts calendar months, not blocks of 30 days."""
    year, month = _add_months(day.year, day.month, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def weekday_on_or_before(reference: date, weekday: int) -> date:
    """The press convention for a bare weekday: the latest such day not after the reference."""
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def year_nearest_before(month: int, day: int | None, reference: date) -> int:
    """The year putting (month, day) nearest before ``reference``, or just after it."""
    if day is None:
        return reference.year if month <= reference.month else reference.year - 1
    limit = reference + timedelta(days=FUTURE_GRACE_DAYS)
    for year in (reference.year + 1, reference.year, reference.year - 1):
        if is_valid_date(year, month, day) and date(year, month, day) <= limit:
            return year
    return reference.year - 1


def resolve(
    expression: Expression, reference: date | None, fallback_year: int | None = None
) -> tuple[date, float] | None:
    """The date and confidence of ``expression`` against ``reference``, or None if unknowable.

    Without a reference, only expressions that name their year resolve, plus year-less
    calendar dates when ``fallback_year`` (a year stated elsewhere in the text) is given;
    those get a low confidence.
    """
    e = expression
    if e.kind == "calendar":
        return _resolve_calendar(e, reference, fallback_year)
    if e.kind == "calendar_rel_year":
        if reference is None:
            return None
        year = reference.year + e.amount
        month, day = e.month or 1, e.day or 1
        if not is_valid_date(year, month, day):
            return None
        return date(year, month, day), e.confidence
    if e.kind == "numeric_ambiguous":
        if reference is None or e.year is None or e.month is None or e.day is None:
            return None
        options = [date(e.year, e.month, e.day), date(e.year, e.day, e.month)]
        return min(options, key=lambda d: abs((d - reference).days)), e.confidence
    if reference is None:
        return None
    value = _resolve_relative(e, reference)
    return None if value is None else (value, e.confidence)


def _resolve_calendar(
    e: Expression, reference: date | None, fallback_year: int | None
) -> tuple[date, float] | None:
    confidence = e.confidence
    year = e.year
    if year is None:
        if e.month is None:
            return None
        if reference is not None:
            year = year_nearest_before(e.month, e.day if e.precision == "day" else None, reference)
        elif fallback_year is not None:
            year, confidence = fallback_year, min(confidence, 0.4)
        else:
            return None
    month, day = e.month or 1, e.day or 1
    if not is_valid_date(year, month, day):
        return None
    value = date(year, month, day)
    if e.weekday is not None:
        confidence = min(1.0, confidence + 0.05) if value.weekday() == e.weekday else 0.5
    return value, confidence


def _resolve_relative(e: Expression, reference: date) -> date | None:
    if e.kind == "day_shift":
        return reference + timedelta(days=e.amount)
    if e.kind == "weekday" and e.weekday is not None:
        if e.unit == "before":
            return reference - timedelta(days=(reference.weekday() - e.weekday - 1) % 7 + 1)
        if e.unit == "after":
            return reference + timedelta(days=(e.weekday - reference.weekday() - 1) % 7 + 1)
        if e.unit == "last_week":
            return _monday(reference) - timedelta(weeks=1) + timedelta(days=e.weekday)
        return weekday_on_or_before(reference, e.weekday)
    if e.kind == "night" and e.weekday is not None:
        if e.weekday2 is not None:
            return weekday_on_or_before(reference, e.weekday2) - timedelta(days=1)
        return weekday_on_or_before(reference, e.weekday)
    if e.kind == "weekday_dom" and e.day is not None:
        return _weekday_dom(e.weekday or 0, e.day, reference)
    if e.kind == "dom" and e.day is not None:
        return _day_of_month_before(e.day, reference)
    if e.kind == "period":
        return _period_start(e.unit, e.amount, reference)
    if e.kind == "ago":
        return _ago_value(e.unit, e.amount, reference)
    if e.kind == "month_rel" and e.month is not None:
        return _month_rel(e.month, e.amount, reference)
    if e.kind == "season" and e.month is not None:
        return _season_start(e.month, e.amount, reference)
    return None


def _weekday_dom(weekday: int, day: int, reference: date) -> date | None:
    """Latest date not far after the reference that has both this weekday and day of month."""
    year, month = reference.year, reference.month
    limit = reference + timedelta(days=3)
    for _ in range(30):
        if is_valid_date(year, month, day):
            candidate = date(year, month, day)
            if candidate <= limit and candidate.weekday() == weekday:
                return candidate
        year, month = _add_months(year, month, -1)
    return None


def _day_of_month_before(day: int, reference: date) -> date | None:
    """The latest date with this day of the month, on or before the reference."""
    year, month = reference.year, reference.month
    for _ in range(3):
        if is_valid_date(year, month, day) and date(year, month, day) <= reference:
            return date(year, month, day)
        year, month = _add_months(year, month, -1)
    return None


def _period_start(unit: str, amount: int, reference: date) -> date:
    if unit == "recent_days":
        return reference - timedelta(days=2)  # the middle of the days just past
    if unit == "week":
        return _monday(reference) + timedelta(weeks=amount)
    if unit == "past_weekend":
        return reference - timedelta(days=(reference.weekday() - 5) % 7)
    if unit == "weekend":
        saturday = _monday(reference) + timedelta(days=5)
        if amount == 0 and reference.weekday() <= 1:  # early in the week: the one just past
            return saturday - timedelta(weeks=1)
        return saturday + timedelta(weeks=amount)
    if unit == "month":
        year, month = _add_months(reference.year, reference.month, amount)
        return date(year, month, 1)
    return date(reference.year + amount, 1, 1)


def _ago_value(unit: str, amount: int, reference: date) -> date:
    if unit == "day":
        return reference - timedelta(days=amount)
    if unit == "week":
        return reference - timedelta(weeks=amount)
    if unit == "month":
        year, month = _add_months(reference.year, reference.month, -amount)
        return date(year, month, 1)
    return date(reference.year - amount, 1, 1)


def _month_rel(month: int, amount: int, reference: date) -> date:
    if amount < 0:
        year = reference.year if month < reference.month else reference.year - 1
    elif amount > 0:
        year = reference.year if month > reference.month else reference.year + 1
    else:
        year = reference.year
    return date(year, month, 1)


def _season_start(first_month: int, amount: int, reference: date) -> date:
    """First day of this (0), the last finished (-1) or the next (+1) season of that kind."""
    starts = [date(y, first_month, 1) for y in range(reference.year - 2, reference.year + 2)]
    if amount < 0:
        finished = [s for s in starts if _add_months(s.year, s.month, 3) <= _ym(reference)]
        return finished[-1]
    if amount > 0:
        return next(s for s in starts if s > reference)
    ongoing = [s for s in starts if s <= reference < _first_of(*_add_months(s.year, s.month, 3))]
    if ongoing:
        return ongoing[0]
    if first_month == 12:
        return date(reference.year if reference.month >= 9 else reference.year - 1, 12, 1)
    return date(reference.year, first_month, 1)


def _ym(day: date) -> tuple[int, int]:
    return day.year, day.month


def _first_of(year: int, month: int) -> date:
    return date(year, month, 1)


# --------------------------------------------------------------------------- public


def find_dates(text: str, lang: str, reference: date | None) -> list[DateMention]:
    """Date mentions in ``text``, resolved against ``reference`` (usually the publication date).

    Sorted by offset and non-overlapping; when expressions overlap the longest wins
    ("Vendredi 3 novembre" rather than "Vendredi"). ``lang`` is "fr" or "en".

    A bare weekday resolves to the latest such day on or before the reference; a day and month
    without a year to the year putting it nearest before the reference (or at most
    ``FUTURE_GRACE_DAYS`` after it).

    Without a reference, expressions that state their year resolve normally; a year-less day
    or month borrows the year of the nearest dated expression earlier in the text (else later)
    with confidence at most 0.4; anything still unresolvable (weekdays, "hier", "last week",
    or a year-less date in a text with no year) is left out rather than guessed.
    """
    expressions = parse_expressions(text, lang)
    years = _stated_years(expressions) if reference is None else []
    mentions: list[DateMention] = []
    for e in expressions:
        if e.kind == "month_that":
            told = [x.year for x in expressions if x.year is not None and x.end <= e.start]
            e = replace(e, kind="calendar", year=told[-1] if told else None)
        if e.kind == "the_month":
            # the month named last before it, else the reference's own month; a bare « au
            # début du mois », "at the end of the month" looks back only within its sentence
            # (« reprise en août » a sentence earlier does not make « les troupes avaient conquis
            # al-Choula au début du mois » August), "the same month" any distance
            told = next(
                (m for m in reversed(mentions) if m.precision in ("day", "week", "month")), None
            )
            if (
                told is not None
                and reference is not None
                and not _SAME_MONTH.search(text, e.start, e.end)
                and _SENTENCE_END.search(text, told.end, e.start)
            ):
                told = None
            base = told.value if told is not None else reference
            if base is None:
                continue
            e = replace(e, kind="calendar", year=base.year, month=base.month)
        fallback = _nearest_year(years, e.start) if years else None
        resolved = resolve(e, reference, fallback)
        if resolved is None:
            continue
        value, confidence = resolved
        mentions.append(
            DateMention(
                start=e.start,
                end=e.end,
                text=text[e.start : e.end],
                value=value,
                precision=e.precision,
                relative=e.kind not in ("calendar", "numeric_ambiguous"),
                confidence=round(confidence, 2),
            )
        )
    return mentions


def _stated_years(expressions: list[Expression]) -> list[tuple[int, int]]:
    """(offset, year) of expressions giving a month and a year: a usable year for neighbours."""
    return [
        (e.start, e.year)
        for e in expressions
        if e.kind == "calendar" and e.year is not None and e.month is not None
    ]


def _nearest_year(years: list[tuple[int, int]], offset: int) -> int:
    before = [year for start, year in years if start <= offset]
    return before[-1] if before else years[0][1]
