"""Control claims: who holds which place from which day, as a sentence states or implies it.

Rules, by trigger frame (see ``classify``):

* ``take``/``take_pass``/``take_noun``/``expel``: the agent holds the object places (``full``)
  from the event date. With no agent named ("la chute d'al-Qaïm", "Anah a été reprise"), the
  government of the place's country is taken as the gainer, at lower confidence: in this
  theatre a town lost by the group without a named captor went to the state's forces.
* ``expelled`` ("Daech a été chassé de Z"): the named agent ("par Y") gains Z. Without one,
  the default government gains Z only when Z is a town and the expulsion is complete; a
  partial expulsion from a province ("chassé de la plupart de ses bastions à Deir Ezzor")
  gives no claim, since the text says neither who gained nor how much.
* ``lose`` ("X lost Z"): the default government gains Z, unless X is that government.
* ``enter`` ("entered", "pushed into", "aux abords de", "outskirts"): ``contested`` for the
  agent; a ``full`` claim for the same place and side in the article supersedes it.
* ``leave`` ("deserted", "fled", "se sont retirés de Z"): the other side named in the
  sentence (else the default government) gains Z; a destination ("towards Z2", "vers Z2")
  is never claimed.
* ``hold`` ("still holds", "tient encore", "dernier bastion", "held by"): the holder holds
  the places as of the publication date; a share ("plus de 35 % de", "just over a third of",
  "most of", "plusieurs quartiers") makes it ``partial`` with the stated fraction.

Never a claim: negated or intended events, background events, sides that hold no ground (the
US-led coalition), countries and rivers, and a hold on a place the same sentence reports
being taken or entered by someone else ("entered al-Qaim, the militants' last stronghold").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from dashboard.articles.model import Article
from dashboard.events.context import GOVERNMENT_OF, country_code
from dashboard.events.extract import (
    BACKGROUND_DAYS,
    CLAIMABLE_PRECISIONS,
    GROUND_SIDES,
    Reading,
    confidence,
)
from dashboard.events.model import Claim, stable_id
from dashboard.geoparse.model import PlaceMention

_I = re.IGNORECASE

# Words between a trigger and a place that make the place a landmark, not the object.
_RELATIONAL = re.compile(
    r"(?:\b(?:north|south|east|west|north-east|north-west|south-east|south-west)(?:ern)?\s+of"
    r"|\b(?:au|à\s+l')\s*(?:nord|sud|est|ouest)(?:-\w+)?\s+(?:de|d'|du)|\bnear|close\s+to"
    r"|\bprès\s+(?:de|d'|du)|\bface\s+(?:à|au)|\bfacing|\bopposite|\bacross\s+(?:\w+\s+){0,3}from"
    r"|\ben\s+face\s+(?:de|d'|du)|\bde\s+l'autre\s+côté\s+(?:de|d'|du)|\baux\s+abords\s+(?:de|d'|du)"
    r"|\boutskirts\s+of|\bkm\s+(?:from|de|d')|\btowards?|\bvers|\ben\s+direction\s+(?:de|d'|du)"
    r"|\bto\s+the\s+border|\bup\s+to|\bjusqu'(?:à|au)|\bfrom|\bbetween|\bentre|\bbeyond"
    r"|\bdepuis|\bvenus?\s+(?:de|d')|\bsitué(?:e)?\s+(?:à|au)|\blies\s+(?:\w+\s+){0,3}(?:of|from))"
    r"[^,;]{0,25}$",
    _I,
)
# What may separate two places of one list ("Anah, Rawa et al-Qaïm", "including Hajin and
# Susah", "ainsi que", "y compris les quartiers d'al-Karabla et de Saada").
# What leads from a departure verb to the place left ("withdrew from", "chassé ... de").
_SOURCE_GAP = re.compile(
    r"[^,;]{0,60}?\b(?:from|out\s+of|de|du|d'|des)\s*(?:the\s+|la\s+|le\s+|l')?"
    r"(?:(?:\w+\s+){0,2}(?:town|city|ville|localité|village)\s+(?:of|de|d'))?\s*$",
    _I,
)
_LIST_GAP = re.compile(
    r"^(?:[^.;]{0,45}?)(?:,|\bet|\band|\bni|\bor|\bou|\bas\s+well\s+as|\bainsi\s+que"
    r"|\bincluding|\bnotamment|\by\s+compris|\bsuch\s+as|\bcomme)\s*"
    r"(?:(?:la|le|les|the|of|de|d')\s*)?"
    r"(?:(?:\w+\s+){0,2}(?:ville|localité|région|town|city|villages?|quartiers?|district"
    r"|zones?|areas?)\s*"
    r"(?:de|d'|of|du)?\s*)?$",
    _I,
)
_PARTIAL = re.compile(
    r"\b(?:most\s+of|much\s+of|the\s+rest\s+of|parts?\s+of|a\s+fraction\s+of|a\s+strip\s+of"
    r"|pockets?\s+(?:of|in)|areas?\s+of|largely|partly|partially|la\s+majeure\s+partie"
    r"|la\s+plupart|l'essentiel|une\s+fraction|une\s+partie|plusieurs\s+quartiers"
    r"|quelques\s+quartiers|des\s+quartiers|une\s+portion|une\s+bande|en\s+grande\s+partie"
    r"|partiellement|la\s+quasi-totalité|une\s+poche|several\s+(?:districts|neighbourhoods)"
    r"|(?<!last\s)(?<!the\s)districts|(?<!last\s)neighbourhoods)\b",
    _I,
)
_PERCENT = re.compile(
    r"(?P<mod>plus\s+de|more\s+than|over|just\s+over|près\s+de|nearly|almost|about|environ"
    r"|around|roughly|moins\s+de|less\s+than|under|some|quelque)?\s*"
    r"(?P<num>\d{1,3}(?:[.,]\d+)?)\s*(?:%|pour\s*cent|per\s*cent|percent)",
    _I,
)
_WORD_FRACTION = re.compile(
    r"(?P<mod>plus\s+d'|plus\s+de|more\s+than|over|just\s+over|près\s+d'|nearly|about"
    r"|environ|around|roughly|moins\s+d'|less\s+than)?\s*"
    r"(?P<word>a\s+third|one\s+third|un\s+tiers|two\s+thirds|deux\s+tiers|half|la\s+moitié"
    r"|a\s+quarter|un\s+quart|three\s+quarters|trois\s+quarts)",
    _I,
)
_WORD_VALUE = {
    "a third": 1 / 3,
    "one third": 1 / 3,
    "un tiers": 1 / 3,
    "two thirds": 2 / 3,
    "deux tiers": 2 / 3,
    "half": 0.5,
    "la moitié": 0.5,
    "a quarter": 0.25,
    "un quart": 0.25,
    "three quarters": 0.75,
    "trois quarts": 0.75,
}
# "just over a third" is read as a little above the fraction; a stated percentage is kept as
# written ("plus de 35 %" -> 0.35) because it is already the figure the source chose.
_OVER = re.compile(r"over|plus|more", _I)
_LOCATIVE_HOLD_AFTER = re.compile(r"^[^,;.]{0,20}\b(?:est|is|was|était|:)\s", _I)
_HOLD_BY = re.compile(
    r"(?:par|by|hands\s+of|mains\s+(?:de|du|d')|control\s+of|sous\s+(?:le\s+)?contrôle)$", _I
)
# A definite description standing for a place named before: "contrôle 35 % de la province".
_DEFINITE = re.compile(
    r"[^,;.]{0,50}?\b(?:la|the|cette|this)\s+(?P<noun>province|governorate|ville|city|town"
    r"|localité|cité)\b",
    _I,
)
_NOUN_PRECISION = {
    "province": "governorate",
    "governorate": "governorate",
    "ville": "point",
    "city": "point",
    "town": "point",
    "localité": "point",
    "cité": "point",
}
_STRONGHOLD = re.compile(r"derni|last", _I)
_SIDE_PREFIX = {
    "government": None,
    "regime": "syrian_government",
    "jihadist": "isis",
    "militant": "isis",
    "is": "isis",
    "isis": "isis",
    "rebel": "syrian_opposition",
    "sdf": "sdf",
}


def claims_from_readings(
    article: Article, readings: Sequence[Reading], event_ids: dict[int, str]
) -> list[Claim]:
    """Claims from every trigger reading of an article, merged and deduplicated."""
    taken: dict[int, set[tuple[str, str]]] = {}
    for reading in readings:
        if reading.realised and reading.frame in ("take", "take_pass", "expel", "enter"):
            gainer = _gainer(reading)
            if gainer is None:
                continue
            for place in _objects(reading):
                taken.setdefault(reading.sentence.index, set()).add((place.place_id, gainer))
    claims: list[Claim] = []
    for reading in readings:
        if not reading.realised or reading.frame == "event" or reading.date is None:
            continue  # a claim needs a day to start from
        if article.published and (article.published - reading.date).days > BACKGROUND_DAYS:
            continue
        claims.extend(_claims_for(article, reading, event_ids.get(id(reading)), taken))
    return _consolidate(claims)


def _claims_for(
    article: Article,
    reading: Reading,
    event_id: str | None,
    taken: dict[int, set[tuple[str, str]]],
) -> list[Claim]:
    frame = reading.frame
    objects = _objects(reading)
    if not objects:
        return []
    out: list[Claim] = []
    if frame == "hold":
        holder = _holder(reading)
        if holder not in GROUND_SIDES:
            return []
        valid_from = article.published or reading.date
        in_sentence = taken.get(reading.sentence.index, set())
        for n, place in enumerate(objects):
            if any(pid == place.place_id and side != holder for pid, side in in_sentence):
                continue
            kind, fraction = _share(reading, place, objects[n - 1] if n else None)
            if kind == "full" and _held_within(reading, place):
                kind = "partial"  # "the last town they held in Anbar province": not all of it
            out.append(
                _claim(article, reading, event_id, place, holder, valid_from, kind, fraction)
            )
        return out
    gainer = _gainer(reading)
    inferred = reading.agent is None or reading.agent.side not in GROUND_SIDES
    for n, place in enumerate(objects):
        side = gainer or (_default_government(reading, place) if _may_default(reading) else None)
        if side not in GROUND_SIDES:
            continue
        if frame == "expelled" and reading.agent is None:
            kind, _ = _share(reading, place, objects[n - 1] if n else None)
            if kind != "full" or place.precision != "point":
                continue
        if frame == "enter":
            kind, fraction = "contested", None
        elif frame == "leave":
            kind, fraction = "full", None  # "largely abandoned" still leaves the place
        else:
            kind, fraction = _share(reading, place, objects[n - 1] if n else None)
        claim = _claim(article, reading, event_id, place, side, reading.date, kind, fraction)
        if inferred and gainer is None:
            claim = _scaled(claim, 0.7, "gainer inferred: government of the place's country")
        out.append(claim)
    return out


def _gainer(reading: Reading) -> str | None:
    """Side that gains ground through a change-of-control trigger, when the text names it."""
    frame = reading.frame
    if frame in ("take", "take_pass", "take_noun", "expel", "enter"):
        if reading.agent and reading.agent.side in GROUND_SIDES:
            return reading.agent.side
        return None
    if frame in ("expelled", "lose", "leave"):
        loser = reading.patient if frame == "expelled" else reading.agent
        if frame == "expelled" and reading.agent and reading.agent.side in GROUND_SIDES:
            return reading.agent.side
        if frame == "leave":
            others = [
                a.side
                for a in reading.actors
                if a.side in GROUND_SIDES and (loser is None or a.side != loser.side)
            ]
            if others:
                return others[0]
        return None
    return None


def _may_default(reading: Reading) -> bool:
    """Whether an unnamed gainer may be the government of the place's country."""
    frame = reading.frame
    if frame == "enter":
        return False
    loser = reading.patient if frame in ("expelled",) else reading.agent
    if frame in ("lose", "leave"):
        return loser is not None and loser.side not in GOVERNMENT_OF.values()
    return frame in ("take", "take_pass", "take_noun", "expelled")


def _default_government(reading: Reading, place: PlaceMention) -> str | None:
    code = country_code(place.country)
    return GOVERNMENT_OF.get(code) if code else None


def _holder(reading: Reading) -> str | None:
    text = reading.hit.text
    prefix = re.match(r"([\w]+)-held$", text, _I)
    if prefix:
        side = _SIDE_PREFIX.get(prefix.group(1).lower())
        if side is None and reading.agent is not None:
            return reading.agent.side
        return side
    if reading.agent is not None:
        return reading.agent.side
    if _STRONGHOLD.search(text) or re.match(r"(?:sa|son|ses|its|their)\b", text, _I):
        # "Sa dernière position importante est Z": the group named last before the sentence
        hits = reading.extra.get("all_hits", [])
        earlier = [h for h in hits if h.end <= reading.hit.start and h.side]
        if earlier:
            return earlier[-1].side
    return None


def _objects(reading: Reading) -> list[PlaceMention]:
    """Places a trigger is about, in order: its object and the places listed with it."""
    places = [p for p in reading.places if p.precision in CLAIMABLE_PRECISIONS]
    if not places:
        return []
    hit = reading.hit
    text_all = reading.sentence.text
    offset = reading.sentence.start
    frame = reading.frame
    backward = frame == "take_pass" or (
        frame == "hold" and (_HOLD_BY.search(hit.text) or _held_participle(reading))
    )
    if frame == "hold" and _STRONGHOLD.search(hit.text):
        after = [p for p in places if p.start >= hit.end]
        if after and _LOCATIVE_HOLD_AFTER.match(
            text_all[hit.end - offset : after[0].start - offset]
        ):
            backward = False
        else:
            backward = True
    if backward:
        before = [p for p in places if p.end <= hit.start and hit.start - p.end <= 60]
        return [before[-1]] if before else []
    limit = _next_claim_trigger(reading)
    after = [p for p in places if hit.end <= p.start < limit]
    definite = _DEFINITE.match(text_all, hit.end - offset)
    if definite and (not after or after[0].start - offset > definite.end() + 25):
        # "de la province" alone stands for a place named before; "la ville frontalière
        # d'Albou Kamal" is followed by its own name
        antecedent = _antecedent(
            reading,
            _NOUN_PRECISION[definite.group("noun").lower()],
            (offset + definite.start("noun"), offset + definite.end("noun")),
        )
        if antecedent is not None:
            reading.extra.setdefault("share_window", {})[antecedent.place_id] = text_all[
                max(0, hit.start - offset - 30) : definite.end()
            ]
            return [antecedent]
    if not after:
        return []
    first = after[0]
    gap = text_all[hit.end - offset : first.start - offset]
    source = frame in ("leave", "expel", "expelled") and _SOURCE_GAP.match(gap)
    if (_RELATIONAL.search(gap) and not source) or len(gap) > 120:
        return []
    chain = [first]
    for place in after[1:]:
        between = text_all[chain[-1].end - offset : place.start - offset]
        if _RELATIONAL.search(between) or not _LIST_GAP.match(between):
            break
        chain.append(place)
    unique: list[PlaceMention] = []
    for place in chain:
        if all(place.place_id != u.place_id for u in unique):
            unique.append(place)
    return unique


_WITHIN = re.compile(r"\b(?:in|inside|within|across|dans|en|au\s+sein\s+de)\b", _I)


def _held_within(reading: Reading, place: PlaceMention) -> bool:
    """A side holding something *in* a region holds part of it, not the whole region."""
    if place.precision not in ("governorate", "district", "country", "region"):
        return False
    text = reading.sentence.text
    gap = text[reading.hit.end - reading.sentence.start : place.start - reading.sentence.start]
    return bool(_WITHIN.search(gap))


def _antecedent(
    reading: Reading, precision: str, span: tuple[int, int] | None = None
) -> PlaceMention | None:
    """The place a definite description ("la province", "the city") stands for.

    The last place of that precision named before the trigger, unless a town named more
    recently sits in a governorate: "chassé de ses bastions à Deir Ezzor, mais contrôle 35 %
    de la province" means the town's governorate, not a province named sentences earlier.
    """
    pool = reading.extra.get("all_places", reading.places)
    earlier = [p for p in pool if p.end <= reading.hit.start]
    same = [p for p in earlier if p.precision == precision]
    if precision == "governorate" and span is not None:
        finer = [p for p in earlier if p.precision in ("point", "district") and p.admin1]
        if finer and (not same or finer[-1].start > same[-1].start):
            governorate = _governorate_of(
                finer[-1], span, reading.sentence.text, reading.sentence.start
            )
            if governorate is not None:
                return governorate
    return same[-1] if same else None


def _governorate_of(
    place: PlaceMention, span: tuple[int, int], sentence: str, sentence_start: int
) -> PlaceMention | None:
    """The governorate containing a place, as a mention located on the words that name it."""
    from dashboard.gazetteer import load_gazetteer

    candidates = load_gazetteer().lookup(place.admin1 or "", kind_hint="admin1", limit=5)
    match = next((c for c in candidates if c.kind == "admin1" and c.country == place.country), None)
    if match is None:
        return None
    start, end = span
    return PlaceMention(
        article_id=place.article_id,
        start=start,
        end=end,
        text=sentence[start - sentence_start : end - sentence_start],
        place_id=match.id,
        name=match.name,
        lat=match.lat,
        lon=match.lon,
        kind=match.kind,
        precision="governorate",
        country=match.country,
        admin1=match.admin1,
        confidence=round(place.confidence * 0.9, 3),
        sentence_index=place.sentence_index,
    )


def _held_participle(reading: Reading) -> bool:
    """ "the last town held by X", "tenue par X": the holder follows, the place precedes."""
    text = reading.sentence.text
    after = text[reading.hit.end - reading.sentence.start :]
    return bool(re.match(r"\s+(?:by|par)\b", after, _I)) or bool(
        re.match(r"tenue?s?\s", reading.hit.text, _I)
    )


def _next_claim_trigger(reading: Reading) -> int:
    for other in reading.extra.get("triggers", []):
        if other.start >= reading.hit.end and other.spec.frame not in ("event", "hold"):
            return other.start
    return reading.sentence.end


def _share(
    reading: Reading, place: PlaceMention, previous: PlaceMention | None
) -> tuple[str, float | None]:
    """``partial`` with a fraction when a share is stated before the place, else ``full``.

    The first place reads from a little before the trigger ("largely retook"); a listed
    place reads only from the place before it, so a share does not spread along a list.
    """
    override = reading.extra.get("share_window", {}).get(place.place_id)
    if override is not None:
        fraction = _fraction(override)
        if fraction is not None:
            return "partial", fraction
        return ("partial", None) if _PARTIAL.search(override) else ("full", None)
    if previous is not None and previous.end <= place.start:
        lo = previous.end
    else:
        lo = max(reading.sentence.start, min(reading.hit.start, place.start) - 30)
    window = reading.sentence.text[
        lo - reading.sentence.start : place.start - reading.sentence.start
    ]
    fraction = _fraction(window)
    if fraction is not None:
        return "partial", fraction
    if _PARTIAL.search(window):
        return "partial", None
    return "full", None


def _fraction(window: str) -> float | None:
    found = None
    for match in _PERCENT.finditer(window):
        found = float(match.group("num").replace(",", ".")) / 100
    for match in _WORD_FRACTION.finditer(window):
        value = _WORD_VALUE.get(re.sub(r"\s+", " ", match.group("word").lower()))
        if value is not None:
            if match.group("mod") and _OVER.search(match.group("mod")):
                value += 0.02
            found = value
    if found is None or not 0 < found <= 1:
        return None
    return round(found, 2)


def _claim(
    article: Article,
    reading: Reading,
    event_id: str | None,
    place: PlaceMention,
    side: str,
    valid_from: date,
    kind: str,
    fraction: float | None,
) -> Claim:
    sentence = reading.sentence
    conf = confidence(reading)
    if reading.frame == "hold":
        conf = round(min(0.99, conf / 0.75), 3) if reading.date_how == "publication" else conf
    if reading.frame in ("leave", "lose"):
        conf = round(conf * 0.8, 3)
    return Claim(
        id=stable_id(article.id, place.place_id, side, valid_from, kind, sentence.start),
        place_id=place.place_id,
        place_name=place.name,
        lat=place.lat,
        lon=place.lon,
        precision=place.precision,
        side=side,
        valid_from=valid_from,
        kind=kind,
        fraction=fraction,
        article_id=article.id,
        event_id=event_id,
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        confidence=conf,
        extra={
            "frame": reading.frame,
            "trigger": reading.hit.text,
            "place_start": place.start,
            "place_end": place.end,
        },
    )


def _scaled(claim: Claim, factor: float, note: str) -> Claim:
    extra = dict(claim.extra)
    extra["note"] = note
    return Claim(
        **{**claim.__dict__, "confidence": round(claim.confidence * factor, 3), "extra": extra}
    )


def _consolidate(claims: list[Claim]) -> list[Claim]:
    """One claim per place, side, day and kind; a full claim supersedes a contested one."""
    kept: list[Claim] = []
    for claim in sorted(claims, key=lambda c: -c.confidence):
        if any(
            k.place_id == claim.place_id
            and k.side == claim.side
            and k.kind == claim.kind
            and abs((k.valid_from - claim.valid_from).days) <= 1
            for k in kept
        ):
            continue
        kept.append(claim)
    full = {(c.place_id, c.side) for c in kept if c.kind == "full"}
    merged = [c for c in kept if not (c.kind == "contested" and (c.place_id, c.side) in full)]
    merged.sort(key=lambda c: (c.sentence_start, c.place_id, c.side))
    return merged
