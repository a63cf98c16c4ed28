"""When an article was published: metadata, a header line, a dateline, or an inference.

Only absolute dates are read here (``3 novembre 2017``, ``Nov. 3, 2017``, ``2017-11-03``);
relative and partial expressions belong to :mod:`dashboard.dates`, reached through a seam that
degrades to "no date" while that module or its functions are missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from dashboard.articles.model import PublishedOrigin

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "janvier january jan janv",
        "février fevrier february feb fév fev févr fevr",
        "mars march mar",
        "avril april apr avr",
        "mai may",
        "juin june jun",
        "juillet july jul juil",
        "août aout august aug",
        "septembre september sep sept",
        "octobre october oct",
        "novembre november nov",
        "décembre decembre december dec déc",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = "|".join(sorted((re.escape(name) for name in _MONTHS), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b",
    re.I,
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})\b")
_HEADER_PREFIX = re.compile(
    r"^\s*(?:publié|publiée|publication|mis à jour|mise à jour|modifié|modifiée|"
    r"première publication|published|updated|last updated|posted|first published|date)\b",
    re.I,
)
_FILLER = re.compile(
    r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|le|on|à|a|at|gmt|utc|cet|cest|am|pm|heure de paris|"
    r"h|\d{1,2}[h:]\d{2}(?::\d{2})?)\b",
    re.I,
)

_DATE_RULE_LANGUAGES = frozenset({"fr", "en"})  # the languages dashboard.dates has rules for
CONFIDENCE: dict[str, float] = {
    "user": 1.0,
    "metadata": 0.95,
    "header": 0.9,
    "dateline": 0.85,
    "inferred_cap": 0.6,
}


@dataclass(frozen=True)
class PublicationDate:
    """The chosen publication date with where it came from, for ``Article.published*``."""

    value: date | None
    origin: PublishedOrigin
    confidence: float
    warnings: tuple[str, ...] = ()


def find_absolute_date(text: str, *, lang: str | None = None) -> tuple[date, int, int] | None:
    """The first full calendar date written in ``text``, with its span.

    Numeric dates like 03/11/2017 are read day-first, except in English where an ambiguous one
    is skipped rather than guessed.
    """
    found: list[tuple[int, int, date]] = []
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            month = match.group("month")
            month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
            value = _safe_date(match.group("year"), month_number, match.group("day"))
            if value is not None:
                found.append((match.start(), match.end(), value))
    for match in _NUMERIC.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        if a > 12 or (b <= 12 and lang != "en"):
            day, month_number = a, b
        elif b > 12:
            day, month_number = b, a
        else:
            continue
        value = _safe_date(match.group("year"), month_number, day)
        if value is not None:
            found.append((match.start(), match.end(), value))
    if not found:
        return None
    start, end, value = min(found, key=lambda item: item[0])
    return value, start, end


def is_date_line(line: str) -> bool:
    """A header line stating when the article appeared, not a sentence that contains a date."""
    if len(line) > 120:
        return False
    hit = find_absolute_date(line)
    if hit is None:
        return False
    if _HEADER_PREFIX.match(line):
        return True
    leftover = line[: hit[1]] + " " + line[hit[2] :]
    leftover = _FILLER.sub(" ", leftover)
    return len(re.findall(r"[^\W\d_]{2,}", leftover)) <= 1


def choose_publication_date(
    *,
    user: date | None,
    metadata: date | None,
    header_lines: tuple[str, ...],
    first_paragraph: str | None,
    text: str,
    lang: str,
) -> PublicationDate:
    """Pick the most trustworthy date: user > metadata > header line > dateline > inference."""
    if user is not None:
        return PublicationDate(user, "user", CONFIDENCE["user"])
    if metadata is not None:
        return PublicationDate(metadata, "metadata", CONFIDENCE["metadata"])
    for line in header_lines:
        stamp = _stamp(line, lang)
        if stamp is not None:
            return PublicationDate(stamp[0], "header", min(stamp[1], CONFIDENCE["header"]))
        hit = find_absolute_date(line, lang=lang)
        if hit is not None:
            return PublicationDate(hit[0], "header", CONFIDENCE["header"])
    if first_paragraph:
        from_dateline = _dateline_date(first_paragraph, lang)
        if from_dateline is not None:
            return PublicationDate(from_dateline[0], "dateline", from_dateline[1])
    return _inferred(text, lang)


def _stamp(text: str, lang: str) -> tuple[date, float] | None:
    """Ask :func:`dashboard.dates.parse_dateline` first: it knows more date shapes than we do."""
    parse_dateline = _dates_function("parse_dateline")
    if parse_dateline is None:
        return None
    result = parse_dateline(text, lang if lang in _DATE_RULE_LANGUAGES else None)
    value = _as_date(result)
    if value is None:
        return None
    confidence = float(getattr(result, "confidence", CONFIDENCE["dateline"]) or 0.0)
    return value, confidence


def _dateline_date(paragraph: str, lang: str) -> tuple[date, float] | None:
    """A date in the opening dateline (``BAGHDAD, Nov 3, 2017 (Reuters) -``)."""
    head = re.match(r"^[^\n]{0,100}?\([^()\n]{2,40}\)\s*[-–—]", paragraph)
    stamp = _stamp(head.group(0) if head else paragraph[:200], lang)
    if stamp is not None:
        return stamp[0], min(stamp[1], CONFIDENCE["dateline"])
    if head is None:
        return None
    hit = find_absolute_date(head.group(0), lang=lang)
    return (hit[0], CONFIDENCE["dateline"]) if hit else None


def _inferred(text: str, lang: str) -> PublicationDate:
    infer = _dates_function("infer_publication_date")
    if infer is None:
        return PublicationDate(
            None,
            "none",
            0.0,
            ("no publication date (date inference is not available in this version)",),
        )
    if lang not in _DATE_RULE_LANGUAGES:
        return PublicationDate(
            None, "none", 0.0, (f"no publication date (no date rules for language '{lang}')",)
        )
    guess = infer(text, lang)
    value = _as_date(guess)
    if guess is None or value is None:
        return PublicationDate(None, "none", 0.0, ("no publication date",))
    confidence = min(float(getattr(guess, "confidence", 0.5) or 0.0), CONFIDENCE["inferred_cap"])
    explanation = getattr(guess, "explanation", "") or "inferred from the text"
    precision = getattr(guess, "precision", None)
    note = f"publication date inferred: {explanation}"
    if precision and precision != "day":
        note += f" (precision: {precision})"
    return PublicationDate(value, "inferred", round(confidence, 3), (note,))


def _dates_function(name: str) -> Any:
    """Seam to :mod:`dashboard.dates`: None while the module or the function is not there."""
    try:
        from dashboard import dates
    except ImportError:
        return None
    return getattr(dates, name, None)


def _as_date(result: Any) -> date | None:
    """Accept a ``date`` or a result object carrying one as ``value`` or ``date``."""
    if result is None:
        return None
    if isinstance(result, date):
        return result if type(result) is date else result.date()  # type: ignore[attr-defined]
    for attribute in ("value", "date"):
        value = getattr(result, attribute, None)
        if isinstance(value, date):
            return value if type(value) is date else value.date()  # type: ignore[attr-defined]
    return None


def _safe_date(year: str | int, month: int | None, day: str | int) -> date | None:
    if month is None:
        return None
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value if 1900 <= value.year <= 2100 else None
