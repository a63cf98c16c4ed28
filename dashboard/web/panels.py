"""Side-panel content built from plain data: pure functions returning Dash components.

Article text is untrusted. It only ever becomes the *children* strings of Dash components,
which React renders as text nodes; nothing here uses raw HTML or Markdown, so a sentence
containing ``<script>`` shows those characters and runs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dash import html

from dashboard.events.model import Event
from dashboard.web import ids
from dashboard.web import symbology as sym
from dashboard.web.control_changes import PlaceChange, SideArea
from dashboard.web.picking import Pick


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of a text, in that text's own offsets."""

    start: int
    end: int
    kind: str  # place | date | actor
    title: str


def _locate(text: str, start: int, end: int, expected: str | None) -> tuple[int, int] | None:
    """Trust the offsets when they cut out the expected words, else look the words up."""
    if 0 <= start < end <= len(text) and (expected is None or text[start:end] == expected):
        return start, end
    if expected:
        at = text.find(expected)
        if at >= 0:
            return at, at + len(expected)
    return None


def event_spans(event: Event) -> list[Span]:
    """Place, date and actor mentions of an event, in offsets of ``event.sentence``."""
    base = event.sentence_start
    found: list[Span] = []
    for place in event.places:
        hit = _locate(event.sentence, place.start - base, place.end - base, place.text)
        if hit:
            found.append(Span(*hit, "place", f"Place: {place.name}"))
    for actor in event.actors:
        hit = _locate(event.sentence, actor.start - base, actor.end - base, actor.text)
        if hit:
            found.append(Span(*hit, "actor", f"Actor: {sym.side_label(actor.side)}"))
    if event.date_start is not None and event.date_end is not None:
        hit = _locate(
            event.sentence, event.date_start - base, event.date_end - base, event.date_text
        )
        if hit:
            when = event.date.isoformat() if event.date else "undated"
            found.append(Span(*hit, "date", f"Date: {when} ({event.date_precision})"))
    return found


def highlighted(text: str, spans: Iterable[Span]) -> list[Any]:
    """``text`` as strings and ``html.Mark`` pieces; overlapping spans keep the earliest."""
    pieces: list[Any] = []
    at = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < at:
            continue
        if span.start > at:
            pieces.append(text[at : span.start])
        pieces.append(
            html.Mark(text[span.start : span.end], className=f"mark-{span.kind}", title=span.title)
        )
        at = span.end
    if at < len(text):
        pieces.append(text[at:])
    return pieces


def _date_words(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "undated"


def event_detail(event: Event | None, title: str | None, published: date | None) -> list[Any]:
    """The selected event: its sentence with mentions marked, and where it was read."""
    if event is None:
        return [
            html.P(
                "Click an event on the map to read the sentence it came from.",
                className="hint",
            )
        ]
    sides = sorted({a.side for a in event.actors})
    facts = [
        ("Type", sym.type_label(event.type)),
        (
            "Date",
            f"{_date_words(event.date)} "
            f"({sym.PRECISION_LABELS.get(event.date_precision, event.date_precision)})",
        ),
        ("Place", ", ".join(p.name for p in event.places) or "not located"),
        ("Sides", ", ".join(sym.side_label(s) for s in sides) or "not stated"),
        ("Confidence", f"{event.confidence:.0%}"),
    ]
    if event.fatalities is not None:
        facts.append(("Fatalities", str(event.fatalities)))
    if event.attribution:
        facts.append(("Attributed to", event.attribution))
    if event.negated:
        facts.append(("Note", "the sentence denies this happened"))
    return [
        html.Blockquote(highlighted(event.sentence, event_spans(event)), className="sentence"),
        html.Dl(
            [item for k, v in facts for item in (html.Dt(k), html.Dd(v))],
            className="facts",
        ),
        html.Div(
            className="source-line",
            children=[
                html.Span(title or "Untitled article", className="article-title"),
                html.Span(
                    f"{event.source or 'unknown source'} · {_date_words(published)}",
                    className="muted",
                ),
            ],
        ),
    ]


def _shift(spans: Iterable[Span], start: int, end: int) -> list[Span]:
    """Spans clipped to ``start``..``end`` and re-based on ``start``."""
    return [
        Span(max(s.start, start) - start, min(s.end, end) - start, s.kind, s.title)
        for s in spans
        if s.start < end and s.end > start
    ]


def article_view(
    title: str | None,
    source: str | None,
    published: date | None,
    text: str,
    spans: Sequence[Span] = (),
    sentence: tuple[int, int] | None = None,
) -> list[Any]:
    """The whole article as text, paragraphs kept, the event's sentence and mentions marked."""
    paragraphs: list[Any] = []
    at = 0
    for index, block in enumerate(text.split("\n\n")):
        start, end = at, at + len(block)
        at = end + 2
        if index == 0 and title and block.strip() == title.strip():
            continue  # the headline is already the panel's title
        if sentence is None or sentence[1] <= start or sentence[0] >= end:
            paragraphs.append(html.P(highlighted(block, _shift(spans, start, end))))
            continue
        a, b = max(sentence[0], start), min(sentence[1], end)
        paragraphs.append(
            html.P(
                [
                    *highlighted(block[: a - start], _shift(spans, start, a)),
                    html.Mark(
                        highlighted(block[a - start : b - start], _shift(spans, a, b)),
                        className="mark-sentence",
                        title="The event's sentence",
                    ),
                    *highlighted(block[b - start :], _shift(spans, b, end)),
                ]
            )
        )
    return [
        html.H2(title or "Untitled article"),
        html.P(f"{source or 'unknown source'} · {_date_words(published)}", className="muted"),
        html.Div(paragraphs, className="article-text"),
    ]


def _holder(slug: str) -> Any:
    if slug == "contested":
        return html.Span("contested", className="chip chip-contested")
    if slug == "unknown":
        return html.Span("unknown", className="chip")
    return html.Span(
        sym.side_label(slug),
        className="chip",
        style={"borderColor": sym.side_colour(slug), "background": sym.side_colour(slug) + "33"},
    )


def _trend(change_km2: float) -> str:
    """Green for ground gained, red for ground lost, plain for what rounds to no change."""
    if round(change_km2) > 0:
        return "gain"
    return "loss" if round(change_km2) < 0 else ""


def changes_heading(span: tuple[date, date]) -> Any:
    """The period the control changes panel compares: its first child."""
    start, end = span
    return html.P(f"{_date_words(start)} → {_date_words(end)}", className="muted")


def changes_panel(
    changes: Sequence[PlaceChange], areas: Sequence[SideArea], span: tuple[date, date]
) -> list[Any]:
    """Places that changed hands and ground gained or lost per side between two days."""
    head = changes_heading(span)
    if not changes and not any(abs(a.change_km2) >= 0.5 for a in areas):
        return [head, html.P("No change of control in this period.", className="hint")]
    rows = [
        html.Tr(
            [
                html.Td(
                    html.Span(className="swatch", style={"background": sym.side_colour(a.side)})
                ),
                html.Td(sym.side_label(a.side)),
                html.Td(f"{a.after_km2:,.0f} km²", className="num"),
                html.Td(f"{a.change_km2:+,.0f}", className="num " + _trend(a.change_km2)),
            ]
        )
        for a in areas
        if a.before_km2 or a.after_km2
    ]
    places = [
        html.Tr(
            [
                html.Td(c.name, className="place-name"),
                html.Td([_holder(c.before), " → ", _holder(c.after)], className="holders"),
            ]
        )
        for c in changes
    ]
    return [
        head,
        html.Table(
            [
                html.Thead(
                    html.Tr([html.Th(""), html.Th("Side"), html.Th("Holds"), html.Th("Change")])
                ),
                html.Tbody(rows),
            ],
            className="areas",
        ),
        html.H4(f"Changed hands ({len(changes)})"),
        html.Table(html.Tbody(places), className="changed-places")
        if places
        else html.P("None.", className="hint"),
    ]


def legend() -> list[Any]:
    """What the filters do not already say: contested ground, frontlines, event discs.

    Side colours and type letters are shown in the side and type filters themselves, so the
    legend stays short enough to fit the left column at 1280x800.
    """
    items = [
        html.Li([html.Span(className="swatch swatch-contested"), "Contested ground"]),
        html.Li([html.Span(className="swatch-line"), "Frontline"]),
        html.Li(
            [
                html.Span("T", className="letter letter-disc"),
                "Event: colour = side that acts, letter = type",
            ]
        ),
        html.Li([html.Span(className="swatch swatch-selected"), "Selected event"]),
    ]
    return [html.Ul(items, className="legend-list")]


def event_list(pick: Pick | None) -> list[Any]:
    """Events at one spot or on one day, each a button that selects it (the chosen one marked).

    Markers at the same place cover each other on the map; this list is how each one is read.
    """
    if pick is None or (not pick.listed and not pick.title):
        return []
    if not pick.listed:
        return [html.P(pick.title, className="hint")]
    items = [
        html.Li(
            html.Button(
                [
                    html.Span(
                        sym.type_letter(e.type),
                        className="letter",
                        style={"background": sym.side_colour(e.side)},
                    ),
                    html.Span(
                        [
                            html.Span(
                                f"{sym.type_label(e.type)} · {e.place}", className="pick-what"
                            ),
                            html.Span(
                                " · ".join(
                                    x
                                    for x in (
                                        f"{e.day.day} {e.day:%b %Y}",
                                        sym.side_label(e.side),
                                        e.source,
                                        f"{e.confidence:.0%}"
                                        if e.confidence == e.confidence
                                        else "",
                                    )
                                    if x
                                ),
                                className="pick-when muted",
                            ),
                        ],
                        className="pick-text",
                    ),
                ],
                id={"type": ids.EVENT_PICK, "event": e.id},
                className="pick active" if e.id == pick.event_id else "pick",
                n_clicks=0,
                title="Show this event",
            )
        )
        for e in pick.listed
    ]
    more = [html.P(f"and {pick.more} more", className="hint")] if pick.more else []
    return [html.H4(pick.title), html.Ul(items, className="pick-list"), *more]
