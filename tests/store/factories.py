"""Small, realistic store inputs built from code: articles about the campaign and what was
read from them. Deterministic per index, so a re-run produces identical rows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from dashboard.articles.model import Article, Paragraph, article_id
from dashboard.events.model import ActorMention, Claim, Event, stable_id
from dashboard.geoparse.model import PlaceMention

# (id, name, lat, lon, country, admin1)
PLACES = (
    ("gn:99072", "Mosul", 36.335, 43.119, "IQ", "Nineveh"),
    ("gn:99131", "Tikrit", 34.607, 43.678, "IQ", "Salah ad Din"),
    ("gn:98463", "Fallujah", 33.349, 43.784, "IQ", "Anbar"),
    ("gn:99608", "Ramadi", 33.426, 43.299, "IQ", "Anbar"),
    ("gn:163915", "Raqqa", 35.953, 39.009, "SY", "Raqqa"),
    ("gn:170604", "Kobani", 36.891, 38.354, "SY", "Aleppo"),
    ("gn:170017", "Deir ez-Zor", 35.336, 40.141, "SY", "Deir ez-Zor"),
    ("gn:172408", "Palmyra", 34.551, 38.269, "SY", "Homs"),
)
SIDE_PAIRS = (
    ("iraqi_forces", "isis"),
    ("sdf", "isis"),
    ("syrian_government", "isis"),
    ("peshmerga", "isis"),
)
TYPES = ("armed_clash", "capture", "air_strike", "shelling", "withdrawal")
FIRST_DAY = date(2016, 10, 17)


@dataclass(frozen=True)
class Bundle:
    article: Article
    mentions: tuple[PlaceMention, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]


def mention(aid: str, k: int, place: tuple, start: int, sentence_index: int = 0) -> PlaceMention:
    pid, name, lat, lon, country, admin1 = place
    return PlaceMention(
        article_id=aid,
        start=start,
        end=start + len(name),
        text=name,
        place_id=pid,
        name=name,
        lat=lat,
        lon=lon,
        kind="city",
        precision="point",
        country=country,
        admin1=admin1,
        confidence=0.9 - 0.01 * (k % 7),
        sentence_index=sentence_index,
    )


def make_bundle(i: int, *, events: int = 3, claims: int = 2, variant: int = 0) -> Bundle:
    """Article ``i`` with ``events`` events and ``claims`` claims; ``variant`` changes what a
    newer pipeline would extract from the same text (so the article id stays the same)."""
    place = PLACES[i % len(PLACES)]
    other = PLACES[(i + 3) % len(PLACES)]
    sides = SIDE_PAIRS[i % len(SIDE_PAIRS)]
    day = FIRST_DAY + timedelta(days=i % 90)
    headline = f"Forces advance on {place[1]} (report {i})"
    body = (
        f"{place[1]}, {day:%B} {day.day} - Government forces and their allies pushed into "
        f"{place[1]} on Monday, officials said, as fighting spread towards {other[1]}. "
    ) * max(1, events // 4)
    text = f"{headline}\n\n{body}"
    aid = article_id(text)
    article = Article(
        id=aid,
        text=text,
        title=headline,
        language="en",
        language_confidence=0.99,
        published=day,
        published_origin="dateline",
        published_confidence=0.8,
        source="Reuters",
        url=f"https://example.org/news/{i}",
        path=f"articles/{i:05d}.txt",
        format="text",
        warnings=("boilerplate removed",) if i % 2 else (),
        paragraphs=(
            Paragraph(0, len(headline), "headline", 1),
            Paragraph(len(headline) + 2, len(text), "body", 3),
        ),
        record=None,
    )
    start = len(headline) + 2
    mentions = (
        mention(aid, 0, place, start),
        mention(aid, 1, place, start + 60, 0),
        mention(aid, 2, other, start + 140, 1),
    )
    evs = []
    for k in range(events):
        where = mentions[2] if k % 3 == 2 else mentions[0]
        sentence_start = start + 10 * k
        evs.append(
            Event(
                id=stable_id(aid, "event", k, variant),
                type=TYPES[(i + k + variant) % len(TYPES)],
                date=day - timedelta(days=k % 3),
                date_precision="day",
                places=(where,),
                actors=(
                    ActorMention(
                        sentence_start, sentence_start + 16, "Government forces", sides[0], sides[0]
                    ),
                    ActorMention(
                        sentence_start + 30, sentence_start + 34, "ISIS", "isis", sides[1]
                    ),
                ),
                article_id=aid,
                source="Reuters",
                sentence=f"Government forces pushed into {where.name} (k={k}, v={variant}).",
                sentence_start=sentence_start,
                sentence_end=sentence_start + 80,
                date_text="on Monday",
                date_start=sentence_start + 40,
                date_end=sentence_start + 49,
                attribution="officials said" if k % 2 else None,
                negated=k % 5 == 4,
                confidence=0.4 + 0.1 * (k % 6),
                status="automatic",
                fatalities=k if k % 2 else None,
                notes=None,
            )
        )
    cls = []
    for k in range(claims):
        where = mentions[0] if k % 2 == 0 else mentions[2]
        cls.append(
            Claim(
                id=stable_id(aid, "claim", k, variant),
                place_id=where.place_id,
                place_name=where.name,
                lat=where.lat,
                lon=where.lon,
                precision="point",
                side=sides[k % 2],
                valid_from=day - timedelta(days=k),
                kind="full" if k % 3 else "partial",
                fraction=None if k % 3 else 0.5,
                article_id=aid,
                event_id=evs[0].id if evs else None,
                sentence=evs[0].sentence if evs else "",
                sentence_start=start,
                sentence_end=start + 80,
                confidence=0.7,
                status="automatic",
                extra={"rule": "capture_implies_control", "variant": variant},
            )
        )
    return Bundle(article, mentions, tuple(evs), tuple(cls))


def full_event(aid: str) -> Event:
    """An event with every optional field set, for round trips."""
    place = mention(aid, 0, PLACES[0], 12, 2)
    second = replace(mention(aid, 1, PLACES[1], 40, 2), country=None, admin1=None, kind="town")
    return Event(
        id=stable_id(aid, "full"),
        type="suicide_bombing",
        date=date(2017, 7, 9),
        date_precision="week",
        places=(place, second),
        actors=(ActorMention(0, 4, "ISIS", "isis", "isis"),),
        article_id=aid,
        source="AP",
        sentence="An ISIS car bomb hit Mosul, a week after Tikrit, police said – “no” comment.",
        sentence_start=3,
        sentence_end=80,
        date_text="a week after",
        date_start=30,
        date_end=42,
        attribution="police said",
        negated=True,
        confidence=0.87654321,
        status="confirmed",
        fatalities=14,
        notes="contested figure",
    )
