"""When was an article published, when its metadata does not say?

Relative expressions ("vendredi", "la semaine dernière") need a reference date, and many
scraped or pasted articles carry none. This module finds one, in order of trust:

1. a publication stamp or wire dateline ("Publié le 03/11/2017", "BAGHDAD, Nov 3 (Reuters) -");
2. a weekday written together with its day and month ("Vendredi 3 novembre"): only some years
   make that day a Friday, and the years the text mentions bound the search from below;
3. the latest fully dated event the text reports;
4. the latest year the text mentions (the article is no earlier than that).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dashboard.dates.mentions import (
    Expression,
    is_valid_date,
    normalise_lang,
    parse_expressions,
    year_nearest_before,
)

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Publication stamps: the rest of the line is searched for a date.
_STAMPS = (
    (
        "fr",
        "published-stamp",
        re.compile(r"\b(?:Publiée?|Paru)\s+le\s*:?\s*(?P<rest>[^\n]{4,80})", re.IGNORECASE),
    ),
    (
        "en",
        "published-stamp",
        re.compile(
            r"\b(?:First\s+published|Published|Posted)\s*(?:on\b)?\s*:?\s*(?P<rest>[^\n]{4,80})",
            re.IGNORECASE,
        ),
    ),
    (
        "fr",
        "updated-stamp",
        re.compile(
            r"\b(?:Mis\s+à\s+jour|Actualisée?|Modifiée?)\s+le\s*:?\s*(?P<rest>[^\n]{4,80})",
            re.IGNORECASE,
        ),
    ),
    (
        "en",
        "updated-stamp",
        re.compile(
            r"\b(?:Last\s+updated|Updated)\s*(?:on\b)?\s*:?\s*(?P<rest>[^\n]{4,80})",
            re.IGNORECASE,
        ),
    ),
)

# "PLACE[, REGION][ (other)], DATE (AGENCY) -" at the start of a line. Place names are
# capitalised words, possibly joined by lower-case particles ("Ras al-Ain", "Deir ez-Zor").
_PLACE_WORD = r"[A-ZÀ-Ý][\w'’.]*"
_PARTICLE = r"(?:al|el|ez|ed|ad|as|ash|an|ar|ibn|bin|de|du|des|la|le|les|d'|l'|d’|l’)"
_PLACE = rf"{_PLACE_WORD}(?:[ -](?:{_PARTICLE}[ -])*{_PLACE_WORD}){{0,4}}"
_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>{_PLACE}(?:,\s*{_PLACE})?)\s*(?:\([^()\n]{{1,30}}\)\s*)?,\s*"
    r"(?P<rest>[^()\n]{3,40}?)\s*\((?P<agency>[A-Za-z][\w .&/-]{0,30})\)\s*[-–—]",
    re.MULTILINE,
)
_DATELINE_WINDOW = 2000


@dataclass(frozen=True)
class PublicationDateGuess:
    """A publication date inferred from the text, with how and how sure."""

    value: date
    precision: str
    confidence: float
    method: str
    explanation: str


@dataclass(frozen=True, slots=True)
class _Stamp:
    year: int | None
    month: int
    day: int
    method: str
    snippet: str
    ambiguous: bool


def _leading_date(rest: str, languages: tuple[str, ...]) -> tuple[Expression, str] | None:
    """The day-precision date that opens ``rest`` (after at most a few characters)."""
    for lang in languages:
        for e in parse_expressions(rest, lang):
            if e.start > 3:
                break
            if e.kind in ("calendar", "numeric_ambiguous") and e.precision == "day":
                return e, rest[e.start : e.end]
    return None


def _find_stamp(text: str, lang: str | None) -> _Stamp | None:
    order = ("fr", "en") if lang != "en" else ("en", "fr")
    for stamp_lang, method, pattern in _STAMPS:
        for m in pattern.finditer(text):
            found = _leading_date(m.group("rest"), (stamp_lang,))
            if found is None:
                continue
            e, snippet = found
            if e.month is None or e.day is None:
                continue
            return _Stamp(e.year, e.month, e.day, method, snippet, e.kind == "numeric_ambiguous")
    for m in _DATELINE.finditer(text, 0, _DATELINE_WINDOW):
        found = _leading_date(m.group("rest"), order)
        if found is None:
            continue
        e, snippet = found
        if e.month is None or e.day is None:
            continue
        return _Stamp(e.year, e.month, e.day, "dateline", snippet, e.kind == "numeric_ambiguous")
    return None


def parse_dateline(
    text: str, lang: str | None = None, reference: date | None = None
) -> PublicationDateGuess | None:
    """The date of a publication stamp or wire dateline, trusted over anything inferred.

    Recognises "Publié le 03/11/2017 à 14h05", "Published: November 3, 2017", "Updated ..."
    (a weaker hint) and wire datelines such as "Beyrouth, 3 nov 2017 (AFP) -" or "BAGHDAD,
    Nov 3 (Reuters) -". A dateline without a year resolves only against ``reference``;
    otherwise None (see :func:`infer_publication_date`, which combines it with other clues).
    """
    stamp = _find_stamp(text, normalise_lang(lang) if lang else None)
    if stamp is None:
        return None
    confidence = {"published-stamp": 0.95, "dateline": 0.9, "updated-stamp": 0.8}[stamp.method]
    year = stamp.year
    how = f"the text carries a {stamp.method.replace('-', ' ')} '{stamp.snippet}'"
    if year is None:
        if reference is None:
            return None
        year = year_nearest_before(stamp.month, stamp.day, reference)
        confidence -= 0.1
        how += f", its year taken from the reference date {reference.isoformat()}"
    if stamp.ambiguous:
        confidence = 0.6
        how += " (day and month order ambiguous; month first assumed)"
    if not is_valid_date(year, stamp.month, stamp.day):
        return None
    value = date(year, stamp.month, stamp.day)
    return PublicationDateGuess(value, "day", confidence, stamp.method, f"{how}: {value}.")


def infer_publication_date(
    text: str, lang: str, *, today: date | None = None, window_years: int = 10
) -> PublicationDateGuess | None:
    """Best guess of when ``text`` was published, or None when it holds no usable clue.

    A weekday written with its day and month ("Vendredi 3 novembre") matches only some years;
    among them, the article is taken to be from the nearest year not before the latest year it
    mentions, and at most ``window_years`` after it (news refers to recent years). Nothing
    later than ``today`` (default: the current date) is proposed.
    """
    code = normalise_lang(lang)
    today = today or date.today()
    stamped = parse_dateline(text, code)
    if stamped is not None and stamped.value <= today:
        return stamped

    expressions = parse_expressions(text, code)
    years = sorted({e.year for e in expressions if e.year is not None and e.year <= today.year})
    max_year = years[-1] if years else None

    anchored = _from_weekday_anchors(text, expressions, max_year, today, window_years)
    if anchored is not None:
        return anchored

    stamp = _find_stamp(text, code)
    if stamp is not None and stamp.year is None:
        weekday_guess = _from_dateline_weekday(
            text, expressions, stamp, max_year, today, window_years
        )
        if weekday_guess is not None:
            return weekday_guess
    if (
        stamp is not None
        and stamp.year is None
        and max_year is not None
        and is_valid_date(max_year, stamp.month, stamp.day)
    ):
        value = date(max_year, stamp.month, stamp.day)
        return PublicationDateGuess(
            value,
            "day",
            0.35,
            "dateline+year-mention",
            f"the {stamp.method} '{stamp.snippet}' has no year; the latest year the text "
            f"mentions, {max_year}, is assumed: {value}.",
        )

    latest = _latest_dated(text, expressions, today)
    if latest is not None:
        value, precision, snippet = latest
        return PublicationDateGuess(
            value,
            precision,
            0.5,
            "latest-mentioned-date",
            f"the latest fully dated event the text reports is '{snippet}' ({value}); "
            "the article is taken to be from then or shortly after.",
        )
    if max_year is not None:
        return PublicationDateGuess(
            date(max_year, 1, 1),
            "year",
            0.3,
            "year-mention",
            f"the latest year the text mentions is {max_year}; the article is from "
            "that year or later.",
        )
    return None


def _from_weekday_anchors(
    text: str,
    expressions: list[Expression],
    max_year: int | None,
    today: date,
    window_years: int,
) -> PublicationDateGuess | None:
    anchors = [
        e
        for e in expressions
        if e.kind == "calendar"
        and e.weekday is not None
        and e.year is None
        and e.month is not None
        and e.day is not None
    ]
    if not anchors:
        return None
    if max_year is not None:
        low, high = max_year, min(today.year, max_year + window_years)
    else:
        low, high = today.year - 3 * window_years, today.year
    votes: dict[int, int] = {}
    per_anchor: list[list[int]] = []
    for e in anchors:
        fitting = [
            y
            for y in range(low, high + 1)
            if is_valid_date(y, e.month or 1, e.day or 1)
            and date(y, e.month or 1, e.day or 1).weekday() == e.weekday
            and date(y, e.month or 1, e.day or 1) <= today
        ]
        per_anchor.append(fitting)
        for y in fitting:
            votes[y] = votes.get(y, 0) + 1
    if not votes:
        return None
    best = max(votes.values())
    tied = sorted(y for y, n in votes.items() if n == best)
    year = tied[0] if max_year is not None else tied[-1]
    matching = [
        (date(year, e.month or 1, e.day or 1), e)
        for e, fitting in zip(anchors, per_anchor, strict=True)
        if year in fitting
    ]
    value, anchor = max(matching, key=lambda pair: pair[0])
    candidates = sorted(votes)
    snippet = text[anchor.start : anchor.end]
    weekday = _WEEKDAY_NAMES[value.weekday()]
    listed = ", ".join(str(y) for y in candidates)
    if max_year is not None:
        confidence = 0.8 if len(candidates) == 1 else 0.7
        reason = (
            f"the text mentions years up to {max_year}, so the nearest such year not before "
            f"it is taken"
        )
    else:
        confidence = 0.35
        reason = "the text mentions no year, so the most recent such year is taken"
    return PublicationDateGuess(
        value,
        "day",
        confidence,
        "weekday+daymonth",
        f"'{snippet}' is a {weekday} in {listed} (between {low} and {high}); {reason}: {value}.",
    )


def _from_dateline_weekday(
    text: str,
    expressions: list[Expression],
    stamp: _Stamp,
    max_year: int | None,
    today: date,
    window_years: int,
) -> PublicationDateGuess | None:
    """A dateline without its year ("BAGHDAD, Nov 3 (Reuters) -") and the weekday its lead
    reports ("on Friday"): wire copy is filed on the day of the news or the day after, so
    only the years where that date falls on that weekday, or on the next day, fit. The years
    the text mentions are bounds from below ("held since 2014")."""
    named = [e for e in expressions if e.kind == "weekday" and e.weekday is not None]
    if not named:
        return None
    weekday = named[0].weekday
    if max_year is not None:
        low, high = max_year, min(today.year, max_year + window_years)
    else:
        low, high = today.year - window_years, today.year
    fitting = [
        (y, lag)
        for y in range(low, high + 1)
        for lag in (0, 1)
        if is_valid_date(y, stamp.month, stamp.day)
        and date(y, stamp.month, stamp.day) <= today
        and date(y, stamp.month, stamp.day).weekday() == (weekday + lag) % 7
    ]
    if not fitting:
        return None
    # the nearest year to those the text mentions (else the latest), same day before next day
    year, lag = min(fitting) if max_year is not None else max(fitting, key=lambda f: (f[0], -f[1]))
    value = date(year, stamp.month, stamp.day)
    snippet = text[named[0].start : named[0].end]
    bound = (
        f"not before {max_year}, the latest year the text mentions"
        if max_year is not None
        else "the text names no year; the most recent is taken"
    )
    when = "the same day" if lag == 0 else "the day after"
    return PublicationDateGuess(
        value,
        "day",
        0.5 if lag == 0 else 0.4,
        "dateline+weekday",
        f"the {stamp.method} '{stamp.snippet}' has no year; the news it files is from "
        f"'{snippet}', so it is taken to be filed {when}: {value} "
        f"({_WEEKDAY_NAMES[value.weekday()]}), {bound}.",
    )


def year_from_neighbours(
    text: str, lang: str, neighbours: Sequence[date], *, today: date | None = None
) -> PublicationDateGuess | None:
    """A dateline without its year dated by the articles read with it.

    "BAGHDAD, Nov 3 (Reuters) -" in a text that names no year and no weekday is a day of
    some year; filed among articles of late 2017, it is most likely 3 November 2017. The
    year taken puts the day nearest the middle of the neighbours' dates, never after
    ``today``. None without a yearless dateline or without dated neighbours.
    """
    dated = sorted(d for d in neighbours if d is not None)
    if not dated:
        return None
    # a text in another language may still open on a French or English wire dateline
    stamp = _find_stamp(text, lang if lang in ("fr", "en") else None)
    if stamp is None or stamp.year is not None or stamp.month is None or stamp.day is None:
        return None
    today = today or date.today()
    middle = dated[len(dated) // 2]
    fitting = [
        date(y, stamp.month, stamp.day)
        for y in (middle.year - 1, middle.year, middle.year + 1)
        if is_valid_date(y, stamp.month, stamp.day) and date(y, stamp.month, stamp.day) <= today
    ]
    if not fitting:
        return None
    value = min(fitting, key=lambda d: abs((d - middle).days))
    return PublicationDateGuess(
        value,
        "day",
        0.3,
        "dateline+neighbours",
        f"the {stamp.method} '{stamp.snippet}' has no year and the text no other clue; the "
        f"{len(dated)} dated article(s) read with it centre on {middle}, so {value.year} is "
        f"taken: {value}.",
    )


def _latest_dated(
    text: str, expressions: list[Expression], today: date
) -> tuple[date, str, str] | None:
    """The latest calendar expression with at least a year and a month, not after ``today``."""
    dated: list[tuple[date, str, Expression]] = []
    for e in expressions:
        if e.kind != "calendar" or e.year is None or e.month is None:
            continue
        day = e.day or 1
        if is_valid_date(e.year, e.month, day) and date(e.year, e.month, day) <= today:
            dated.append((date(e.year, e.month, day), e.precision, e))
    if not dated:
        return None
    value, precision, e = max(dated, key=lambda item: item[0])
    return value, precision, text[e.start : e.end]
