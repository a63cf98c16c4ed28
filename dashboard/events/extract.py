"""Events and control claims from one article, sentence by sentence, without a parser.

The pipeline for an article is: sentences (``dashboard.text``) -> triggers and their cues
(``classify``) -> a :class:`Reading` per trigger that fixes its agent, patient, places and
date -> one :class:`Event` per sentence and event type (and one more per trigger of that type
that carries its own date) -> claims (``claims``).

Why no syntax parser: English has no installed model and French wire copy is regular enough
for windowed rules; the optional ``nlp`` argument is accepted for a French spaCy pipeline but
the rules do not need it. A whole article costs a few dozen regex scans (about a millisecond).

Dates: a trigger takes the date mention nearest to it in its sentence (mentions are shared
out to the nearest trigger); else the last date of the paragraph before the sentence; else
the publication date, with precision ``"week"`` and lower confidence (the event happened
on or shortly before that day). The dateline date ("BEIRUT, Nov 9 —") is the publication day,
not an event date, and is skipped. A day counted from another date is one more mention: "two
days later" and "le lendemain" count on from the last day named; "three days after they
seized" and "au lendemain du lancement" count back from their sentence's day and date only
the event they introduce.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from dashboard.articles.model import Article
from dashboard.dates import DateMention, find_dates, shift_months
from dashboard.dates.lexicon import MONTHS_FULL, WEEKDAYS, alternation
from dashboard.events.actors import (
    KURDISH,
    ActorHit,
    alliances_of_the_story,
    allies_of_the_story,
    find_actor_hits,
    insurgents_of_the_story,
    jihadists_of_the_story,
    resolve_anaphora,
)
from dashboard.events.classify import (
    Cues,
    TriggerHit,
    cues_before,
    done_before,
    escaped_control,
    find_triggers,
)
from dashboard.events.context import SideResolver, country_cues
from dashboard.events.model import ActorMention, Claim, Event, stable_id
from dashboard.geoparse.model import PlaceMention
from dashboard.text import Sentence, split_article
from dashboard.text.spans import finditer_near

GROUND_SIDES = (
    "isis",
    "iraqi_forces",
    "syrian_government",
    "sdf",
    "peshmerga",
    "syrian_opposition",
)
# expelling verbs whose object is the place ("cleared Z of Y", « débarrasser Z de Y »)
_PLACE_OBJECT = re.compile(r"cleared|débarrass|purg", re.IGNORECASE)
CLAIM_FRAMES = ("take", "take_pass", "take_noun", "expel", "expelled", "lose", "enter", "leave")
CLAIMABLE_PRECISIONS = ("point", "district", "governorate")

# Events dated more than this long before publication are background ("seized Mosul in
# 2014"), not news: they are dropped rather than drawn on the current map.
BACKGROUND_DAYS = 365
CAPTION_FACTOR = 0.6
HEADLINE_FACTOR = 0.8
HEDGE_FACTOR = 0.6
FALLBACK_DATE_FACTOR = 0.75
_PRECISION_FACTOR = {"day": 1.0, "week": 0.9, "month": 0.8, "year": 0.7}

_DATELINE_TAIL = re.compile(r"\s*(?:—|–|--|-|:)\s")
_SINCE = re.compile(r"(?:since|depuis|from|dès)\s+(?:\w+\s+)?$", re.IGNORECASE)
_BY = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:par|by|to|aux\s+mains\s+(?:de|du|des|d'))\b\W*", re.I)
_REPORTING = re.compile(
    r"\b(?:said|says|told|reported|according\s+to|confirmed|stated|added|claimed|announced"
    r"|selon|d'après|a\s+indiqué|ont\s+indiqué|a\s+affirmé|ont\s+affirmé|a\s+précisé"
    r"|a\s+annoncé|ont\s+annoncé|a\s+déclaré|a\s+assuré|a\s+estimé|a\s+confirmé|cité\s+par"
    r"|a\s+raconté|fait\s+état|a\s+expliqué|a\s+souligné|a\s+commenté|ont\s+rapporté"
    r"|a\s+reconnu|a\s+admis|a\s+ajouté|a\s+insisté|a\s+martelé|admitted|acknowledged|insisted)\b",
    re.IGNORECASE,
)
_SELON = re.compile(r"\b(?:selon|d'après|according\s+to)\s+([^,.;»\"]{3,80})", re.IGNORECASE)
_TARGETED = re.compile(
    r"\b(?:destroyed|détruit|détruits|against|contre|sur\s+des|targeting|visant|hit)\b[^,.]*$",
    re.IGNORECASE,
)
_POSSESSOR_OF_THING = re.compile(
    r"['’]s?\s+(?!(?:own\s+)?(?:forces|troops|fighters|units|soldiers|men|army|militias?|allies"
    r"|jets|warplanes|aircraft|artillery|gunmen|militants|commanders?"
    # what a side holds is its own: "Islamic State's remaining territory includes"
    r"|remaining|territor(?:y|ies)|holdings?|control|hands|strongholds?|presence|last|final"
    r"|self-(?:declared|styled)|de\s+facto|capital|positions|bastions?|enclaves?|pockets?"
    # "Islamic State's capture of Palmyra", "its loss of Mosul": the side's own deed or loss
    r"|(?:(?:full|complete|total|final)\s+)?(?:recapture|liberation|capture|retaking|takeover|loss)"
    r"\s+of)\b)",
    re.IGNORECASE,
)
_OPENING_ARTICLE = re.compile(r"[\s«\"“]*(?:des|de|d['’])\s*", re.IGNORECASE)
_TAKEN_FROM = re.compile(
    r"\s+(?:(?:[\w'’-]+\s+){0,2}?)(?:au|aux|à\s+l['’]|à\s+la|from)\s*(?:the\s+)?", re.IGNORECASE
)
_ACTOR_AS_MODIFIER = re.compile(
    r"\s+(?:front\s+)?(?:lines|positions|posts|outposts|checkpoints|bases|defen[cs]es"
    r"|fortifications|trenches|convoys?|vehicles|targets)\b",
    re.IGNORECASE,
)
_SELF_DECLARED_CAPITAL = re.compile(
    r"(?:de\s+facto|self-declared|self-styled|self-proclaimed)\s+[\"“”']?capital"
    r"|capitale\s*»?\s*(?:autoproclamée|de\s+facto)",
    re.IGNORECASE,
)
_JOINED_SUBJECTS = re.compile(
    r"\s+(?:fighters\s+|forces\s+|combattants\s+)?(?:and|et)\s+(?:the\s+|les\s+|des\s+|l['’])?",
    re.IGNORECASE,
)
_LET_DO = re.compile(
    r".*\b(?:permis|permet(?:tent|tait|taient|tant|tra|trait)?|aidé|aide(?:nt|rait)?)\s+"
    r"(?:(?:déjà|ainsi|aussi|notamment)\s+)?(?:à\s+l['’]|à\s+la\s+|au\s+|aux\s+)",
    re.IGNORECASE,
)
_CLAUSE_ARTICLE = re.compile(
    r"(?:[,;:]|\b(?:quand|lorsque|où|et|mais|puis|que|qu['’]))\s*(?-i:des|Des)\s+\Z"
)
_DATELINE_ARTICLE = re.compile(
    r"[A-ZÀ-Ý][A-ZÀ-Ý' .-]{2,}(?:\s*\([^()]{1,30}\))?,[^—–\n]{1,40}?(?:—|–|--)\s*"
    r"(?i:des|de|d['’])\s*"
)
_BACKER_BEFORE = re.compile(
    r"\b(?:backed|supported|aided|assisted|helped|escorted|épaulée?s?|appuyée?s?|soutenue?s?"
    r"|aidée?s?|secondée?s?|accompagnée?s?)\s+(?:by|par)\b[^,;:.]{0,80}\Z"
    r"|\b(?:with\s+(?:the\s+)?(?:support|backing|help)\s+of|avec\s+l['’]appui\s+(?:de|du|des)"
    r"|avec\s+le\s+soutien\s+(?:de|du|des))\b[^,;:.]{0,80}\Z",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:from|against|by|of|to|à|aux|au|de|des|du|d'|par|contre|sur|selon)\s*"
    r"(?:l'|la\s+|les\s+|le\s+|the\s+|an?\s+|une?\s+)?[«\"\s]*\Z",
    re.IGNORECASE,
)
# "fighters of Islamic State", « les combattants de Daech »: the group the fighters belong
# to, after a noun of combatants, is the subject, not a complement
_MEMBERS_OF = re.compile(
    r"\b(?:fighters|militants|members|units|elements|gunmen|jihadists|forces|troops"
    r"|combattants|membres|unités|éléments|hommes|jihadistes|djihadistes|troupes"
    # « le réduit de l'EI se limite à Baghouz »: the side's pocket stands for the side
    r"|réduit|poche|pocket|enclave|territoire|territory)"
    r"\s+(?:of|from|de|du|des|d')\s*(?:l'|la\s+|les\s+|le\s+|the\s+)?[«\"\s]*\Z"
    # « le drapeau jaune des YPG flottait sur »: a side's flag stands for the side
    r"|(?:^|[,;:—]\s*)(?:le|les|un|the|a)\s+(?:drapeaux?|bannières?|flags?|banners?)\s+"
    r"(?:[\w-]+\s+)?(?:of|de|du|des|d')\s*"
    r"(?:l'|la\s+|les\s+|le\s+|the\s+)?\Z"
    # "the last members of a brigade allied to the al-Nusra Front": a group of that side
    r"|\b(?:brigades?|groups?|factions?|units?|fighters|militias?|groupes?|unités?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:allied|aligned|loyal|linked|affiliated|alliée?s?|affiliée?s?|liée?s?"
    r"|fidèles?)\s+(?:to|with|à|au|aux)\s*(?:l'|la\s+|les\s+|le\s+|the\s+)?\Z"
    # "The attack by the Khalid ibn al-Walid Army ... overran": the attack's side acts
    r"|(?:^|[\n.!?;:,—]\s*)(?:the|an?|la|le|l['’]|une?)\s*(?:[\w-]+\s+)?(?:attack|offensive"
    r"|assault|advance|push|onslaught|attaque|assaut|avancée|poussée)\s+(?:by|of|de|du|des|d['’])"
    r"\s*(?:l'|la\s+|les\s+|le\s+|the\s+)?\Z",
    re.IGNORECASE,
)
# a number of them opening a clause: « Samedi, une vingtaine de militaires étaient entrés »,
# "Dozens of soldiers entered" (not "killed hundreds of militants", an object)
_COUNT_OF_SUBJECT = re.compile(
    # (« Barzeh, où quelques centaines d'insurgés tiennent encore »: a relative's subject)
    r"(?:^|[,;:]\s*|\b(?:et|and|but|mais|puis|then|où|where)\s+)(?:(?:une|des|quelques|plusieurs|some"
    r"|several|a)\s+)?(?:dizaines?|vingtaines?|trentaine|quarantaine|cinquantaine|centaines?"
    r"|milliers|poignée|dozens|hundreds|thousands|scores|handful)\s+(?:of|de|d')\s*\Z",
    re.IGNORECASE,
)
_RELATIVE_SUBJECT = re.compile(
    r"(?P<pronoun>\b(?:which|who|that|qui))\s+(?:[\w'’-]+\s+){0,3}\Z", re.IGNORECASE
)
# What may stand between an actor and the relative pronoun that takes it up: its head noun
# and an acronym ("Kurdish peshmerga forces, which", "les Forces démocratiques (FDS), qui").
_ANTECEDENT_GAP = re.compile(
    r"^\s*(?:(?:forces|fighters|units|troops|militias?|militiamen|combatants|soldiers"
    r"|combattants|unités|troupes|soldats|milices?)\s*)?(?:\([^()]{1,20}\)\s*)?"
    # « de l'EIIL et de ses alliés sunnites, qui »: a side and its allies
    r"(?:(?:and|et)\s+(?:de\s+)?(?:its|their|ses|leurs)\s+(?:allies|alliés)(?:\s+[\w-]+)?\s*)?"
    r",?\s*$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;.:]")
_BY_AFTER = re.compile(r"\s+(?:by|par)\b(?!\s+(?:ailleurs|exemple|endroits|moments)\b)", re.I)
_PASSIVE_IN_TRIGGER = re.compile(r"^(?:been|was|were|be|is|are)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ResolvedActor:
    """An actor hit whose side is known (generic forces resolved from context)."""

    hit: ActorHit
    side: str

    def mention(self, role: str) -> ActorMention:
        h = self.hit
        return ActorMention(h.start, h.end, h.text, h.actor, self.side, role)


@dataclass
class Reading:
    """Everything the rules read around one trigger; claims are built from readings."""

    hit: TriggerHit
    sentence: Sentence
    cues: Cues
    agent: ResolvedActor | None
    patient: ResolvedActor | None
    speaker: ResolvedActor | None
    actors: list[ResolvedActor]
    places: list[PlaceMention]
    date: date | None
    date_precision: str
    date_mention: DateMention | None
    date_how: str
    attribution: str | None
    hedged: bool
    passive: bool
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def frame(self) -> str:
        frame = self.hit.spec.frame
        if self.passive and frame == "take":
            return "take_pass"
        if self.passive and frame == "expel":
            # "Rawa was cleared of Islamic State": these verbs take the place as object, so
            # their passive subject is the place taken, not the side driven out
            return "take_pass" if _PLACE_OBJECT.match(self.hit.text) else "expelled"
        return frame

    @property
    def realised(self) -> bool:
        return not self.cues.negated and not self.cues.intent


@dataclass(frozen=True)
class Extraction:
    """Events and claims read from one article."""

    events: tuple[Event, ...]
    claims: tuple[Claim, ...]


# --- entry points --------------------------------------------------------------------------


def extract(article: Article, places: Sequence[PlaceMention], *, nlp: Any = None) -> Extraction:
    """Events and control claims of ``article`` given its resolved place mentions.

    ``nlp`` is accepted so a caller holding a French spaCy pipeline can pass it once; the rules
    here do not depend on it.
    """
    from dashboard.events.claims import claims_from_readings

    readings = read_article(article, places)
    events, event_ids = _events_from_readings(article, readings)
    claims = claims_from_readings(article, readings, event_ids)
    return Extraction(tuple(events), tuple(claims))


def extract_events(
    article: Article, places: Sequence[PlaceMention], *, nlp: Any = None
) -> list[Event]:
    """Events of ``article`` (see :func:`extract`)."""
    return list(extract(article, places, nlp=nlp).events)


def extract_claims(
    article: Article, events: Sequence[Event] | None, places: Sequence[PlaceMention]
) -> list[Claim]:
    """Control claims of ``article``; ``events`` is accepted for symmetry but re-derived,
    since claims need each trigger's reading, not only the merged events."""
    return list(extract(article, places).claims)


# --- readings ------------------------------------------------------------------------------


def read_article(article: Article, places: Sequence[PlaceMention]) -> list[Reading]:
    """One :class:`Reading` per trigger of every sentence of ``article``."""
    text = article.text
    lang = article.language if article.language in ("fr", "en") else "en"
    reference = article.published
    sentences = split_article(article)
    found = alliances_of_the_story(
        insurgents_of_the_story(jihadists_of_the_story(find_actor_hits(text)))
    )
    hits = allies_of_the_story(text, resolve_anaphora(found))
    # "Militants overran the town" in a story that never names them: an armed subject of
    # unknown side, which no default captor may stand in for
    unknown = [h for h in found if h.kind == "anaphor" and h not in hits]
    resolver = SideResolver(country_cues(text, places, hits), hits)
    hits = _settle_kurdish_sides(hits, sentences, resolver)
    dates, since_dates = _event_dates(text, lang, reference, article)
    dates, forward = _with_day_offsets(text, dates, sentences, reference)
    dateline_end = _dateline_end(text, article)
    ordered_places = sorted(
        (p for p in [*places, *_territories_named(text, places)] if not p.start < dateline_end),
        key=lambda p: p.start,
    )
    resolver.places = ordered_places
    all_triggers = find_triggers(text, lang)
    # places, dates and triggers come sorted by offset: each sentence's are one slice of them
    place_starts = [p.start for p in ordered_places]
    date_starts = [d.start for d in dates]
    trigger_starts = [t.start for t in all_triggers]
    readings: list[Reading] = []
    reported: set[int] = set()  # triggers dated by the day of the statement reporting them
    last_date_in_paragraph: dict[int, DateMention] = {}
    last_day: DateMention | None = None
    lead = next((s for s in sentences if s.kind == "body"), None)
    story_day: DateMention | None = None
    for sentence in sentences:
        s_places = ordered_places[_between(place_starts, sentence.start, sentence.end)]
        s_dates = dates[_between(date_starts, sentence.start, sentence.end)]
        s_actors = _resolved_actors(hits, sentence, resolver)
        triggers = _usable_triggers(
            text,
            [
                t
                for t in all_triggers[_between(trigger_starts, sentence.start, sentence.end)]
                if t.end <= sentence.end
            ],
            s_actors,
        )
        # a surrender is a capture only of the town the fighters surrendered in ("IS fighters
        # in Rawa surrendered to"); "hundreds surrendered to Kurdish forces" takes nothing, and
        # "rebels surrendered Daraa to the government" gives up the town it names
        triggers = [
            t
            for t in triggers
            if t.spec.frame == "lose"
            or not _SURRENDER.match(t.text)
            or any(0 <= t.start - p.end <= 60 for p in s_places)
        ]
        primary = [t for t in triggers if t.spec.type not in (None, "announcement")]
        owner = _share_dates(s_dates, primary or triggers, forward, text)
        # (not a day counted back to an event: "Three weeks after they seized it, the town
        # was back in government hands on Saturday" dates only the seizure)
        opening = [
            d for d in s_dates if triggers and d.end <= triggers[0].start and id(d) not in forward
        ]
        for hit in triggers:
            if id(hit) not in owner and opening:
                # a date opening the sentence ("Le 2 novembre, ...") frames all its verbs
                owner[id(hit)] = [opening[-1]]
            pool = s_dates
            if hit.spec.frame == "hold":
                # a state is not dated by another verb's date ("ne contrôle plus qu'une
                # fraction de l'Anbar, qu'il avait conquise en 2014")
                claimed = {id(d) for t in primary for d in owner.get(id(t), [])}
                pool = [d for d in s_dates if id(d) not in claimed]
            pool = [d for d in pool if id(d) not in forward or _introduces(text, d, hit)]
            if id(hit) not in owner and pool and (hit not in primary or not primary):
                # statements and states are dated by the nearest date of their sentence
                owner[id(hit)] = [
                    min(pool, key=lambda d, h=hit: _distance(h.start, h.end, d.start, d.end))
                ]
        _reported_share_their_report(text, triggers, primary, owner)
        _clause_shares_its_day(text, s_dates, primary, owner, forward)
        reported |= _dated_by_their_report(text, primary, owner)
        _dated_by_when(
            text,
            [d for d in (*s_dates, *since_dates) if sentence.start <= d.start < sentence.end],
            primary,
            owner,
        )
        _ongoing_since(
            text,
            [d for d in since_dates if sentence.start <= d.start < sentence.end],
            triggers,
            owner,
        )
        fallback = last_date_in_paragraph.get(sentence.paragraph)
        if (story_day or last_day) is not None and _SAME_DAY.match(text, sentence.start):
            # « Le même jour, ... », "That same day": the day the story tells of, not a day of
            # its background named since ("four days after the link-up on Tuesday"); with no
            # day in its lead, the last day told, across a paragraph break
            fallback = story_day or last_day
        if sentence is lead and not s_dates and fallback is None:
            fallback = _lead_date(
                sentence, sentences, dates, ordered_places, triggers, all_triggers
            )
        if (
            fallback is None
            and story_day is not None  # (else nothing to carry over: the sentence not read)
            and lead is not None
            and sentence.paragraph > lead.paragraph
            and not _GOING_ON.search(sentence.text)
        ):
            # an undated sentence further on tells of the news the lead dated, unless it says
            # what is still going on ("are fighting", "not yet", « chaque jour »)
            fallback = story_day
        if sentence is lead:
            # ("Deux jours après avoir enfoncé les lignes": the day counted back is the
            # background's, not the news')
            story_day = _story_day(
                fallback, [d for d in s_dates if id(d) not in forward], reference
            )
        if triggers:
            # the reporting verbs of the sentence, read once for its speaker and its source
            reporting = list(_REPORTING.finditer(text, sentence.start, sentence.end))
            voice = (
                _speaker(text, sentence, s_actors, reporting),
                _attribution(text, sentence, s_actors, reporting),
            )
        else:
            voice = (None, None)
        if triggers and voice[0] is None:
            voice = (_speaker_after_quote(text, sentence, sentences, hits, resolver), voice[1])
        for hit in triggers:
            readings.append(
                _read(
                    text,
                    lang,
                    hit,
                    sentence,
                    s_actors,
                    hits,
                    s_places,
                    owner.get(id(hit), []),
                    fallback,
                    reference,
                    triggers,
                    resolver,
                    voice,
                )
            )
            readings[-1].extra["sentence_dates"] = s_dates
            readings[-1].extra["unknown_actors"] = unknown
            readings[-1].extra["since_dates"] = [
                d for d in since_dates if sentence.start <= d.start < sentence.end
            ]
        day_dates = [d for d in s_dates if d.precision == "day"]
        if day_dates:
            # only a dated day carries over: a month or year in the previous sentence is
            # usually background ("in September", "en 2014")
            last_date_in_paragraph[sentence.paragraph] = day_dates[-1]
            last_day = day_dates[-1]
    if lead is not None:
        _lead_told_later(lead, readings, reported)
    _coordinated_subjects(text, readings)
    return readings


def _between(starts: Sequence[int], start: int, end: int) -> slice:
    """The slice of a list sorted by offset (``starts``) whose items start in [start, end)."""
    return slice(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))


_RELATIVE_WORD = re.compile(
    r"\b(?:where|which|who|whom|that|when|while|où|qui|que|qu['’]|dont|lorsque|quand)\b",
    re.IGNORECASE,
)
_AND_THEN = r"(?:and|then|et|puis)"
_COORDINATION = re.compile(rf"\b{_AND_THEN}\b", re.IGNORECASE)


_PARTICIPLE_ASIDE = re.compile(r",\s*\w+ing\b[^,;.:«»\"“”]{0,80},", re.IGNORECASE)
# the second verb of a subject told once: "..., and a week later took Ain Issa"
_LATER_CONJUNCT = re.compile(
    r"[^,;.:«»\"“”]{0,60}?\s(?:and|et|puis)\s+(?:then\s+|puis\s+)?(?:(?:a|one|two|three|un|une|deux"
    r"|trois|\d+)\s+(?:days?|weeks?|months?|jours?|semaines?|mois)\s+(?:later|plus\s+tard)\s+"
    r"|(?:later|the\s+next\s+day|le\s+lendemain)\s+)?",
    re.IGNORECASE,
)
_SHARED_SUBJECT_JOINT = re.compile(
    r",?\s+(?:and|et|puis)\s+(?:(?:then|later|also|ont|a|avaient|avait)\s+)?\Z", re.IGNORECASE
)


_CLOSED_BEFORE_VERB = re.compile(
    r",\s*(?:which|who|qui|lequel|laquelle|lesquels|lesquelles)\b[^,;.:«»\"“”]{1,120},",
    re.IGNORECASE,
)
_CLOSED_RELATIVE = re.compile(
    r",\s*(?:d['’]où|où|qui|which|where|who|from\s+which)\b[^,;.:«»\"“”]{1,100},(?=\s+(?:and|et)\b)",
    re.IGNORECASE,
)


def _verb_pairs(text: str, readings: Sequence[Reading]) -> list[tuple[Reading, Reading]]:
    """Each verb with the verb before it, passing over the verbs of a relative clause closed
    in between: those have a subject of their own."""
    inside = {
        id(r)
        for r in readings
        for m in _CLOSED_RELATIVE.finditer(text, r.sentence.start, r.sentence.end)
        if m.start() <= r.hit.start < m.end()
    }
    pairs = []
    for before, reading in pairwise(readings):
        if id(before) in inside and id(reading) not in inside:
            earlier = [
                r
                for r in readings
                if r.hit.end <= before.hit.start
                and id(r) not in inside
                and r.sentence is reading.sentence
            ]
            if earlier:
                before = earlier[-1]
        pairs.append((before, reading))
    return pairs


def _coordinated_subjects(text: str, readings: Sequence[Reading]) -> None:
    """A verb coordinated with the one before it shares its subject: "Its fighters broke into
    the eastern districts in early October and by mid-October held 40 percent of the town";
    "Kurdish fighters drove Islamic State out of Kobani in January after a siege, and captured
    Tal Abyad in June": the side named between the two verbs is the first one's object."""
    for before, reading in _verb_pairs(text, readings):
        if (
            before.agent is None
            or not before.agent.side
            or before.sentence is not reading.sentence
            or before.passive
            or reading.passive
            or reading.hit.spec.frame == "event"
        ):
            continue
        # a relative clause closed before the second verb is about the place, not the subject
        # (« étaient entrés dans Aïn al-Fijé, d'où les rebelles venaient de se retirer, et
        # avaient hissé le drapeau »)
        gap = _CLOSED_RELATIVE.sub(", ", text[before.hit.end : reading.hit.start])
        if _RELATIVE_WORD.search(gap):
            continue  # "pushed towards the border, where the militants still hold al-Qaim"
        if reading.agent is None:
            # ("seized Tal Abyad on the Turkish border, cutting one of the group's main supply
            # lines, and a week later took Ain Issa": a participle set off between them)
            bare = _PARTICIPLE_ASIDE.sub(" ", gap)
            asides = [
                (before.hit.end + m.start(), before.hit.end + m.end())
                for m in _PARTICIPLE_ASIDE.finditer(gap)
            ]
            shared = (
                len(gap) <= 120
                and (
                    (_COORDINATION.search(gap) is not None and not re.search(r"[,;:.«»\"“”]", gap))
                    or _LATER_CONJUNCT.fullmatch(bare) is not None
                )
                and not any(
                    before.hit.end <= a.hit.start < reading.hit.start
                    and not any(s <= a.hit.start < e for s, e in asides)
                    for a in reading.actors
                )
            )
        else:
            shared = (
                before.agent.side in GROUND_SIDES
                and before.hit.end <= reading.agent.hit.start < reading.hit.start
                and len(gap) <= 120
                and _SHARED_SUBJECT_JOINT.search(gap) is not None
                and not re.search(r"[;:.«»\"“”]", gap)
            )
        if shared:
            reading.agent = before.agent


def _lead_told_later(lead: Sentence, readings: Sequence[Reading], reported: set[int]) -> None:
    """A lead event dated only by its statement's day takes the earlier day the next paragraph
    gives the same kind of event: "have recaptured the refinery, the command said on Friday.
    / Forces ... took control of its gates on Thursday"."""
    following = [
        r
        for r in readings
        if r.sentence.paragraph == lead.paragraph + 1
        and r.date_how == "sentence"
        and r.date_precision == "day"
        and r.date is not None
    ]
    for reading in readings:
        if (
            reading.sentence is not lead
            or id(reading.hit) not in reported
            or reading.date is None
            or reading.hit.spec.type in (None, "announcement")
        ):
            continue
        places = {p.place_id for p in reading.places}
        for later in following:
            shared = {p.place_id for p in later.places}
            if (
                later.hit.spec.type == reading.hit.spec.type
                and 1 <= (reading.date - later.date).days <= 3
                and (not shared or not places or shared & places)
            ):
                reading.date = later.date
                reading.date_mention = later.date_mention
                reading.extra["date_told_later"] = True
                break


# Between a statement and the event it reports: "declared they had taken", "said its forces
# had captured", « a annoncé avoir repris », « a affirmé que ses troupes avaient pris ».
_REPORTED_GAP = re.compile(
    r"\s*(?:that\s+|qu['’]\s*|que\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:had|has|have|avoir|avaient|avait|ont|a|été)?\s*\Z",
    re.IGNORECASE,
)


def _reported_share_their_report(
    text: str,
    triggers: Sequence[TriggerHit],
    primary: Sequence[TriggerHit],
    owner: dict[int, list[DateMention]],
) -> None:
    """An undated event reported by a dated statement happened by the statement's day:
    "two days after the army declared they had taken the town" dates the taking too, not
    the day of the sentence's main verb."""
    for hit in primary:
        if id(hit) in owner:
            continue
        before = [
            t
            for t in triggers
            if t.spec.type == "announcement" and t.end <= hit.start and id(t) in owner
        ]
        if before and _REPORTED_GAP.match(text[before[-1].end : hit.start]):
            owner[id(hit)] = owner[id(before[-1])]


_ALSO_RELATIVE = re.compile(
    r"\b(?:that|which|who|qui)\s+(?:(?:had|has|a|avait|ont|avaient)\s+)?(?:also|aussi|également)"
    r"\s+(?:\w+\s+)?\w+\Z",
    re.IGNORECASE,
)


def _clause_shares_its_day(
    text: str,
    s_dates: Sequence[DateMention],
    primary: Sequence[TriggerHit],
    owner: dict[int, list[DateMention]],
    forward: frozenset[int],
) -> None:
    """A verb left without a date takes the day of its own clause: in « des combats
    opposaient samedi l'armée aux jihadistes aux abords d'Albou Kamal » Saturday dates the
    fighting at the outskirts too, not the day of an earlier sentence."""
    for hit in primary:
        if id(hit) in owner:
            continue
        main = _main_verb_of_participle(text, hit, primary, owner)
        if main is not None:
            # « l'armée avait lancé mardi une offensive ..., s'emparant dans la journée de
            # Bachkoy », "launched an offensive on Tuesday, seizing three villages": the
            # participle's day is its main verb's
            owner[id(hit)] = owner[id(main)]
            continue
        earlier = [d for d in s_dates if id(d) not in forward and d.end <= hit.start]
        if (
            earlier
            and hit.spec.frame != "hold"
            and _WHILE_CLAUSE.search(text, earlier[-1].end, hit.start)
        ):
            # "retook Jalawla in late November, while the army retook Saadiya": at that time
            owner[id(hit)] = [earlier[-1]]
            continue
        pool = [d for d in s_dates if id(d) not in forward and d.precision == "day"]
        if not pool and _ALSO_RELATIVE.search(text, max(0, hit.start - 30), hit.end):
            # "fell in June 2014 during the offensive that also delivered Mosul": the
            # relative tells of the same time as its clause, to the month
            pool = [
                d
                for d in s_dates
                if id(d) not in forward and d.precision == "month" and d.end <= hit.start
            ]
            if pool:
                owner[id(hit)] = [pool[-1]]
            continue
        if not pool:
            continue
        best = min(pool, key=lambda d, h=hit: _clause_distance(text, h, d))
        between = text[min(hit.end, best.end) : max(hit.start, best.start)]
        if (
            (_clause_distance(text, hit, best) < 500 and not re.search(r"[,;:]", between))
            or _reported_on(text, hit, best)
            # "troops entered Rastan on Wednesday and hoisted the flag": the next verb of the
            # same subject, with no day of its own, happened that day too
            or (
                best.end <= hit.start
                and hit.spec.frame != "hold"
                and _NEXT_CONJUNCT.fullmatch(between)
                # (not "launched it on Aug. 20 and took Rawa within eight days")
                and not _SPAN_AFTER.search(text, hit.end, _clause_end(text, hit.end))
            )
        ):
            owner[id(hit)] = [best]


# a present participle right after the comma that closes its main clause ("..., seizing",
# « ..., s'emparant », « ..., prenant »)
_PARTICIPLE_OPENING = re.compile(r",\s*(?:s['’]\s*|se\s+|en\s+)?\Z")
_PRESENT_PARTICIPLE = re.compile(r"(?:\w+ing|\w+ant)\b", re.IGNORECASE)


def _main_verb_of_participle(
    text: str,
    hit: TriggerHit,
    primary: Sequence[TriggerHit],
    owner: dict[int, list[DateMention]],
) -> TriggerHit | None:
    """The dated trigger of the clause a present participle follows, if it is the one just
    before it and no full stop or semicolon stands between."""
    if not _PRESENT_PARTICIPLE.match(hit.text) or not _PARTICIPLE_OPENING.search(
        text, max(0, hit.start - 6), hit.start
    ):
        return None
    before = [t for t in primary if t.end <= hit.start]
    if not before or id(before[-1]) not in owner:
        return None
    main = before[-1]
    if re.search(r"[.;:]", text[main.end : hit.start]) or hit.start - main.end > 200:
        return None
    return main


_WHILE_CLAUSE = re.compile(
    r",\s*(?:(?:while|as(?!\s+well)|au\s+moment\s+où)\b|(?:tandis|alors|pendant)\s+qu(?:e\b|['’]))",
    re.IGNORECASE,
)
_SPAN_AFTER = re.compile(
    r"\b(?:within|after|in|over|later|en|après|au\s+bout\s+d[e'’]|dans)\s+(?:\w+\s+){0,2}"
    r"(?:days?|weeks?|months?|hours?|jours|semaines|mois|heures)\b|\blater\b|\bplus\s+tard\b",
    re.IGNORECASE,
)


def _clause_end(text: str, at: int) -> int:
    end = _CLAUSE_END.search(text, at)
    return end.start() if end else len(text)


def _ongoing_since(
    text: str,
    since: Sequence[DateMention],
    triggers: Sequence[TriggerHit],
    owner: dict[int, list[DateMention]],
) -> None:
    """Strikes or fighting kept up "since" a day began that day: "U.S. warplanes have been
    striking their positions since August 8", "has carried out hundreds of air strikes around
    the town since late September". A state held since a day is not an event (see claims)."""
    for hit in triggers:
        if (
            id(hit) in owner
            or hit.spec.frame not in ("event", "enter")
            or hit.spec.type == "announcement"
        ):
            continue
        after = [
            d
            for d in since
            # (« elles combattent depuis vendredi dans le quartier »: inside the verb's phrase)
            if hit.start <= d.start <= hit.end + 80
            and not re.search(r"[.;:]", text[hit.end : d.start])
            # ("the battle around Ramadi, which the group has held since May": the state's)
            and not _RELATIVE_WORD.search(text, hit.end, max(hit.end, d.start))
        ]
        if after:
            owner[id(hit)] = [after[0]]


def _reported_on(text: str, hit: TriggerHit, day: DateMention) -> bool:
    """The day is that of the statement reporting the verb, after it: "have regained Albu
    Kamal after ..., a commander said on Sunday"."""
    return (
        day.start > hit.end
        and not re.search(r"[;:]", text[hit.end : day.start])
        and _REPORTED_ON.search(text, max(0, day.start - 30), day.start) is not None
    )


def _dated_by_their_report(
    text: str, primary: Sequence[TriggerHit], owner: dict[int, list[DateMention]]
) -> set[int]:
    """Ids of the verbs whose day is that of the statement reporting them, after them:
    "have recaptured the refinery, the command said on Friday"."""
    out = set()
    for hit in primary:
        dates = owner.get(id(hit))
        if not dates:
            continue
        if _reported_on(text, hit, dates[0]):
            out.add(id(hit))
    return out


# "since January 2014, when they seized Fallujah", « en 2014, date à laquelle ils s'étaient
# emparés de Fallouja »: the relative is about the date right before it
_WHEN_AFTER_DATE = re.compile(
    r"\s*,?\s*(?:when|date\s+à\s+laquelle|lorsque|lorsqu['’]|quand|at\s+which\s+point)"
    r"\s*(?:[\w'’-]+\s+){0,6}?\Z",
    re.IGNORECASE,
)


def _dated_by_when(
    text: str,
    s_dates: Sequence[DateMention],
    primary: Sequence[TriggerHit],
    owner: dict[int, list[DateMention]],
) -> None:
    """A verb in a "when" clause hung on a date happened on that date, whatever else the
    sentence dates (even a "since" date, which otherwise dates no event)."""
    for hit in primary:
        before = [d for d in s_dates if d.end <= hit.start]
        if before:
            last = max(before, key=lambda d: d.end)
            if _WHEN_AFTER_DATE.match(text[last.end : hit.start]):
                owner[id(hit)] = [last]


_SURRENDER = re.compile(r"surrender|(?:se|s')\s*\w*\s+rendue?s?\b", re.IGNORECASE)
# a reporting verb right before a day: "…, a commander said on Sunday", « a indiqué dimanche »
_REPORTED_ON = re.compile(rf"(?:{_REPORTING.pattern})\s+(?:\w+\s+)?(?:on\s+)?\Z", re.IGNORECASE)


_GOING_ON = re.compile(
    r"\b(?:is|are|am)\s+(?:still\s+|now\s+)?\w+ing\b|\bnot\s+yet\b|\b(?:daily|every\s+day)\b"
    r"|\bcontinu(?:e|es|ing)\b|\bpas\s+encore\b|\bchaque\s+jour\b|\bquotidien(?:ne)?s?\b"
    r"|\b(?:continuent|continue|poursuivent|poursuit)\b",
    re.IGNORECASE,
)


def _story_day(
    fallback: DateMention | None, lead_dates: Sequence[DateMention], reference: date | None
) -> DateMention | None:
    """The day the news happened, as the lead tells it: a day of the week before the report."""
    days = [d for d in lead_dates if d.precision == "day"] or ([fallback] if fallback else [])
    if not days or reference is None:
        return None
    day = days[0]
    return day if 0 <= (reference - day.value).days <= 7 else None


def _lead_date(
    lead: Sentence,
    sentences: Sequence[Sentence],
    dates: Sequence[DateMention],
    places: Sequence[PlaceMention],
    triggers: Sequence[TriggerHit],
    all_triggers: Sequence[TriggerHit],
) -> DateMention | None:
    """The day of an undated lead, given in the paragraph after it.

    Wire leads often say what happened and leave the day to the next paragraph ("Iraqi troops
    have retaken Anah ... / Forces liberated the town on Thursday, the command said"). The
    first dated day of that paragraph is taken when the paragraph returns to the lead's place
    or to an event of the same type.
    """
    following = [s for s in sentences if s.paragraph == lead.paragraph + 1 and s.kind == "body"]
    if not following:
        return None
    lo, hi = following[0].start, following[-1].end
    day = next((d for d in dates if lo <= d.start < hi and d.precision == "day"), None)
    if day is None:
        return None
    kinds = {t.spec.type for t in triggers if t.spec.type not in (None, "announcement")}
    later_kinds = {t.spec.type for t in all_triggers if lo <= t.start < hi}
    lead_places = {p.place_id for p in places if lead.start <= p.start < lead.end}
    later_places = {p.place_id for p in places if lo <= p.start < hi}
    if (kinds & later_kinds) or (lead_places & later_places):
        return day
    return None


def _dateline_end(text: str, article: Article) -> int:
    """End of a wire dateline ("BAGDAD, 17 septembre —"): its place is where the story was
    filed, not where the events happened."""
    body = [p.start for p in article.paragraphs if p.kind == "body"] or [0]
    first = min(body)
    match = re.match(r"[^\n—–]{2,60}?\s(?P<dash>—|–|--?)\s", text[first : first + 80])
    if match is None:
        return -1
    if match.group("dash") == "-":
        # "BAGHDAD, Nov 14 (Reuters) - ": a plain hyphen only after a dateline's capitals or
        # its agency, not inside a first sentence
        head = match.group(0)
        word = re.match(r"[^\W\d_]+", head)
        if not ((word and word.group(0).isupper() and len(word.group(0)) > 1) or "(" in head):
            return -1
    return first + match.end()


def _event_dates(
    text: str, lang: str, reference: date | None, article: Article
) -> tuple[list[DateMention], list[DateMention]]:
    """Date mentions that can date an event, and the "since" dates set aside.

    Datelines are left out. "Since July"/"depuis le 14 octobre" does not date an event, but it
    says from when a state holds ("held by the army since July"), so it is returned apart.
    """
    body_starts = {p.start for p in article.paragraphs if p.kind == "body"} or {0}
    first_body = min(body_starts)
    kept, since = [], []
    dateline_end = _dateline_end(text, article)
    for mention in find_dates(text, lang, reference):
        if mention.start - first_body < 60 and _DATELINE_TAIL.match(text, mention.end):
            continue
        if mention.start < dateline_end:
            continue  # "BEYROUTH, 24 octobre 2017 (AFP) -": the filing day, not an event's
        if _SINCE.search(text[max(0, mention.start - 20) : mention.start]):
            since.append(mention)
            # « était tombée dès le 20 octobre », « dès juin »: "as early as" a calendar day or
            # month dates an event too (not « dès vendredi », closer to "since")
            as_early_as = _AS_EARLY_AS.search(text, max(0, mention.start - 8), mention.start)
            calendar = mention.precision in ("month", "year") or (
                mention.precision == "day" and mention.text[:1].isdigit()
            )
            if not (as_early_as and calendar):
                continue
        kept.append(mention)
    return kept, since


_SINCE_THEN = re.compile(
    r"\b(?:has|have|had)\s+since\s+(?:then\s+)?\Z|\b(?:ont|a)\s+depuis\s+(?:lors\s+)?\Z",
    re.IGNORECASE,
)
_AS_EARLY_AS = re.compile(r"\bdès\s+(?:le\s+)?\Z", re.IGNORECASE)
_NUMBER_WORDS = {
    "a": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3, "trois": 3,
    "four": 4, "quatre": 4, "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7,
}  # fmt: skip
# A day counted from another date of the text: "three days after their fighters seized",
# "au lendemain de l'entrée" (the event named after it came before the anchor date); "two
# days later", "le lendemain", "the next day" (the event of the clause came after it).
_DAYS_BEFORE_EVENT = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>after|before)\b"
    r"|\b(?P<nf>un|une|deux|trois|quatre|cinq|six|sept|\d{1,2})\s+"
    r"(?P<unitf>jours?|semaines?|mois|ans|années?)\s+(?P<dirf>après|avant)\b"
    r"|\bau\s+lendemain\s+(?:de|du|des|d')"
    # "a few days after", « quelques jours après », "days after": within the week before
    r"|(?<![\w-])(?P<few>(?:a\s+few|several|quelques|plusieurs)\s+"
    r"|(?<=,\s)|(?<=\bcame\s)|(?<=\bcomes\s)|(?<=\bjust\s)|(?<=\bonly\s))"
    r"(?P<fewunit>days|jours)\s+(?P<fewdir>after|before|après|avant)\b",
    re.IGNORECASE,
)
_DAYS_LATER = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>days?|weeks?)\s+later\b"
    r"|\b(?P<nf>deux|trois|quatre|cinq|six|sept|\d{1,2})\s+(?P<unitf>jours?|semaines?)\s+"
    r"plus\s+tard\b"
    r"|\b(?:the\s+(?:next|following)\s+day|the\s+day\s+after|(?<!au\s)le\s+lendemain)\b"
    r"(?!\s+(?:de|du|des|d'|of)\b)"
    # « puis le lendemain de Tikrit »: the next day, with the verb left out before the place
    r"|(?:(?<=\bpuis\s)|(?<=\bet\s))le\s+lendemain(?=\s+(?:de|d')\s*[A-Z])"
    # counted back from the last day named: "three days earlier", « la veille »
    r"|\b(?P<n2>a|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit2>days?|weeks?)\s+"
    r"(?:earlier|before(?=\s*[,.;]))"
    r"|\b(?P<nf2>un|une|deux|trois|quatre|cinq|six|sept|\d{1,2})\s+(?P<unitf2>jours?|semaines?)\s+"
    r"(?:plus\s+tôt|auparavant)\b"
    # « quelques jours plus tard », "a few days later": in the week after
    r"|(?<![\w-])(?:a\s+few|several|quelques|plusieurs)\s+(?P<fewlater>days|jours)\s+"
    r"(?:later|plus\s+tard)\b"
    # "Days earlier, troops had seized", « quelques jours plus tôt »: in the week before
    r"|(?<![\w-])(?:(?:a\s+few|several|quelques|plusieurs)\s+)?(?P<fewearlier>days|jours)\s+"
    r"(?:earlier|plus\s+tôt|auparavant)\b"
    r"|(?P<eve>\bthe\s+day\s+before(?=\s*[,.;])|\bthe\s+previous\s+day\b"
    r"|(?<!à\s)\bla\s+veille\b(?!\s+(?:de|du|des|d'|au|à)\b))",
    re.IGNORECASE,
)
# Every counted day above names its unit: the cheap scan that finds where to read them.
_COUNTED_UNIT = re.compile(
    r"(?<!\w)(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans|années?|lendemain"
    r"|veille)(?!\w)",
    re.IGNORECASE,
)
# "after three days of fierce fighting", « au terme de trois jours de combats »: the fighting
# ran through the days before the day the sentence tells of (so do "weeks of air strikes",
# « plusieurs jours de pilonnage », a span not counted)
_DAYS_OF_FIGHTING = re.compile(
    r"\b(?:after|following|in|over|ending|capp(?:ed|ing)|au\s+terme\s+de|à\s+l['’]issue\s+de"
    r"|après|en)\s+(?:(?:more\s+than|over|plus\s+de)\s+)?"
    r"(?P<n>a|one|two|three|four|five|six|seven|un|une|deux|trois|quatre|cinq|six|sept|\d{1,2}"
    r"|several|a\s+few|plusieurs|quelques|des)?\s*"
    r"(?P<unit>days|weeks?|jours|semaines?)\s+(?:of|de|d['’])\s*(?:[\w-]+\s+){0,2}?"
    r"(?:fighting|clashes|battles?|combats?|affrontements|street\s+fighting|(?:air\s+)?strikes"
    r"|shelling|bombardments?|frappes|pilonnages?|bombardements?)\b",
    re.IGNORECASE,
)
_AT_THE_TIME = re.compile(
    r"\bat\s+the\s+time\b(?!\s+of\b)|\bà\s+ce\s+moment(?:-là)?\b(?!\s+(?:de|où)\b)", re.I
)
_OFFSET_REACH = 400  # characters back to the date a day is counted from
# days in a counted unit, and the precision of a date counted in it
_UNIT_DAYS = {
    "day": (1, "day"),
    "jour": (1, "day"),
    "week": (7, "week"),
    "semaine": (7, "week"),
    "month": (30, "month"),
    "moi": (30, "month"),  # « mois » without its final s
    "year": (365, "year"),
    "an": (365, "year"),
    "année": (365, "year"),
}


# "Its defeat in Rawa comes two weeks after...": the news the article reports is the anchor
_COMES = re.compile(
    r"\b(?:comes?|came|intervient|survient|arrive|intervenait)\s+"
    r"(?:\w+\s+|moins\s+d['’]|plus\s+d['’]|less\s+than\s+|more\s+than\s+|à\s+peine\s+)?$",
    re.IGNORECASE,
)


# a clause of its own after a count: « au lendemain de la chute de Mossoul, et poursuivaient
# jeudi »
_SHORT_ASIDE = re.compile(r",\s*(?:[\w'’-]+\s*){1,4},")
_NEXT_CLAUSE = re.compile(r"[;:]|,\s*(?:and|et|but|mais|while|tandis|whereas|alors)\b", re.I)


def _own_day_follows(
    text: str,
    days: Sequence[DateMention],
    starts: Sequence[int],
    at: int,
    after: int,
    end: int,
) -> bool:
    """Whether the next day named from ``after`` on, before ``end``, belongs to the clause
    opened at ``at`` (no new clause between): the counted clause then names its own day."""
    nxt = bisect.bisect_left(starts, after)
    return (
        nxt < len(days)
        and days[nxt].start < end
        and not _NEXT_CLAUSE.search(text, at, days[nxt].start)
    )


def _few_days(
    match: re.Match[str],
    days: Sequence[DateMention],
    starts: Sequence[int],
    sentences: Sequence[Sentence],
    sentence_starts: Sequence[int],
    at: int,
) -> DateMention | None:
    """« quelques jours après avoir été chassés de Sinjar », said of a day of its sentence:
    the week before that day (after it, for "a few days before")."""
    k = bisect.bisect_right(sentence_starts, at) - 1
    own = sentences[k] if k >= 0 and at < sentences[k].end else None
    if own is None:
        return None
    if _own_day_follows(match.string, days, starts, at, match.end(), own.end):
        return None  # "came days after the group captured Ramadi on Sunday": its own day
    prev = bisect.bisect_left(starts, at) - 1
    anchor = days[prev] if prev >= 0 and days[prev].start >= own.start else None
    if anchor is None or anchor.end > at:
        return None
    back = match.group("fewdir").lower() in ("after", "après")
    value = anchor.value - timedelta(days=7) if back else anchor.value + timedelta(days=1)
    confidence = round(anchor.confidence * 0.8, 3)
    return DateMention(match.start(), match.end(), match.group(0), value, "week", True, confidence)


def _days_at_the_time(text: str, fine: Sequence[DateMention]) -> list[DateMention]:
    """ "The YPG denied at the time that Ain Issa had fallen": the day just told of."""
    starts = [d.start for d in fine]
    out = []
    for match in _AT_THE_TIME.finditer(text):
        j = bisect.bisect_left(starts, match.start()) - 1
        if j >= 0 and match.start() - fine[j].end <= _OFFSET_REACH:
            day = fine[j]
            confidence = round(day.confidence * 0.9, 3)
            out.append(
                DateMention(
                    match.start(),
                    match.end(),
                    match.group(0),
                    day.value,
                    day.precision,
                    True,
                    confidence,
                )
            )
    return out


def _days_of_fighting(
    text: str,
    mentions: Sequence[DateMention],
    fine: Sequence[DateMention],
    sentences: Sequence[Sentence],
    reference: date | None,
) -> list[DateMention]:
    """ "after three days of fierce fighting": the days before the day its sentence tells of
    (else the last day named, else publication)."""
    sentence_starts = [x.start for x in sentences]
    out = []
    for match in _DAYS_OF_FIGHTING.finditer(text):
        start = match.start("n") if match.group("n") else match.start("unit")
        if any(m.start <= start < m.end for m in mentions):
            continue
        k = bisect.bisect_right(sentence_starts, match.start()) - 1
        own = sentences[k] if k >= 0 else None
        inside = [d for d in fine if own is not None and own.start <= d.start < own.end]
        before = [
            d for d in fine if d.end <= match.start() and match.start() - d.end <= _OFFSET_REACH
        ]
        anchor = inside[0] if inside else (before[-1] if before else None)
        if anchor is not None and re.search(
            r"\b(?:but|mais|then|puis)\b", text[min(anchor.end, match.start()) : match.start()]
        ):
            continue  # "reached Palmyra on Saturday but were thrown back after two days"
        value = anchor.value if anchor is not None else reference
        if value is None:
            continue
        n = _days_of(match.group("n"), match.group("unit"))
        confidence = round((anchor.confidence if anchor is not None else 0.8) * 0.8, 3)
        out.append(
            DateMention(
                start,
                match.end(),
                text[start : match.end()],
                value - timedelta(days=n),
                "week",
                True,
                confidence,
            )
        )
    return out


def _days_of(count: str | None, unit: str) -> int:
    """Days in "five days", "a week", "weeks": a span not counted is taken as a week of days,
    or two of weeks."""
    week = unit.lower().startswith(("week", "semaine"))
    word = (count or "").lower()
    if word.isdigit() or word in _NUMBER_WORDS:
        n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        return n * 7 if week else n
    return 14 if week else 7


def _own_month(coarse: Sequence[DateMention], own: Sentence, at: int) -> DateMention | None:
    """The month named last before `at` in its own sentence."""
    before = [m for m in coarse if m.precision == "month" and own.start <= m.start and m.end <= at]
    return before[-1] if before else None


def _with_day_offsets(
    text: str,
    mentions: list[DateMention],
    sentences: Sequence[Sentence],
    reference: date | None = None,
) -> tuple[list[DateMention], frozenset[int]]:
    """Add the days counted from another date ("three days after", "le lendemain").

    "N days after Y" counts back from the day of its own sentence, on either side of it
    ("Two days after entering Anah, troops retook Rawa on Friday"); "N days later" counts on
    from the last day named before it, in this sentence or a recent one.
    The second value holds the ids of the days counted back to an event, which date only
    what follows them.
    """
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    fine = [m for m in mentions if m.precision == "day"]
    fine_starts = [m.start for m in fine]
    coarse = [m for m in mentions if m.precision in ("day", "month")]
    coarse_starts = [m.start for m in coarse]
    weekly = [m for m in mentions if m.precision in ("day", "week")]
    weekly_starts = [m.start for m in weekly]
    sentence_starts = [x.start for x in sentences]
    added = []
    forward: set[int] = set()
    replaced: set[int] = set()
    for pattern, sign in ((_DAYS_BEFORE_EVENT, -1), (_DAYS_LATER, 1)):
        for match in finditer_near(pattern, text, _COUNTED_UNIT):
            at = match.start()
            i = bisect.bisect_right(starts, at) - 1
            eve_of_publication = None
            if i >= 0 and mentions[i].end > at:
                if not (match.groupdict().get("eve") and mentions[i].start == at):
                    continue  # inside a date expression already read
                # « La veille » read as the eve of publication: the day before the last
                # day named, when the text names one
                eve_of_publication = mentions[i]
            groups = match.groupdict()
            if groups.get("fewunit"):
                few = _few_days(match, fine, fine_starts, sentences, sentence_starts, at)
                if few is not None:
                    added.append(few)
                    forward.add(id(few))
                continue
            unit = (
                groups.get("unit") or groups.get("unitf") or groups.get("unit2")
                or groups.get("unitf2") or ""
            ).lower()  # fmt: skip
            step, precision = _UNIT_DAYS.get(unit.rstrip("s"), (1, "day"))
            if precision in ("month", "year"):
                # "in January 2014, six months before it seized Mosul": months are counted
                # from a month as well as from a day
                days, day_starts = coarse, coarse_starts
            elif precision == "week" and sign > 0:
                # "In mid-June they seized Tal Abyad, and a week later took Ain Issa": weeks
                # are counted from a week as well as from a day
                days, day_starts = weekly, weekly_starts
            else:
                days, day_starts = fine, fine_starts
            j = bisect.bisect_left(day_starts, at)  # days[:j] start before the match
            anchor = None
            if sign < 0:
                k = bisect.bisect_right(sentence_starts, at) - 1
                own = sentences[k] if k >= 0 and at < sentences[k].end else None
                if own is not None:
                    if j > 0 and days[j - 1].start >= own.start:
                        anchor = days[j - 1]
                        if _own_day_follows(text, fine, fine_starts, at, at, own.end):
                            # "began on Thursday, four weeks after the alliance seized Idlib
                            # on March 28": the clause after the count names its own day
                            continue
                    elif j < len(days) and days[j].start < own.end:
                        anchor = days[j]
                    if anchor is None and precision in ("day", "week"):
                        # "fell in June 2014, a day after the militants overran Mosul": days
                        # counted from a month stay in that month
                        anchor = _own_month(coarse, own, at)
            else:
                j -= 1
                while j >= 0 and days[j].end > at:
                    j -= 1
                if j >= 0 and at - days[j].end <= _OFFSET_REACH:
                    anchor = days[j]
            if (
                anchor is not None
                and sign < 0
                and anchor.start > at
                # (a short aside between commas is no new clause: « après avoir conquis
                # Palmyre, plus à l'est, le 21 mai »)
                and not re.search(r"[,;:]", _SHORT_ASIDE.sub(" ", text[match.end() : anchor.start]))
            ):
                continue  # "two weeks after the fall of Mosul on July 10": the day is the fall's
            if anchor is None and sign < 0 and _COMES.search(text, max(0, at - 30), at):
                # the news just reported, or else the day of publication
                before = [d for d in days if d.end <= at and at - d.end <= _OFFSET_REACH]
                if before:
                    anchor = before[-1]
                elif reference is not None:
                    anchor = DateMention(at, at, "", reference, "day", True, 0.8)
            if (
                anchor is None
                and sign < 0
                and precision == "year"
                and reference is not None
                and groups.get("dir") != "before"
                and (groups.get("dirf") or "").lower() != "avant"
            ):
                # "Iraqi forces have recaptured Mosul, three years after the city fell": years
                # counted from a present the text does not date are counted from publication
                anchor = DateMention(at, at, "", reference, "day", True, 0.8)
            if anchor is None or anchor is eve_of_publication:
                continue
            if groups.get("fewearlier") or groups.get("fewlater"):
                confidence = round(anchor.confidence * 0.8, 3)
                value = anchor.value + timedelta(days=-3 if groups.get("fewearlier") else 1)
                added.append(
                    DateMention(
                        match.start(), match.end(), match.group(0), value, "week", True, confidence
                    )
                )
                continue
            if eve_of_publication is not None:
                replaced.add(id(eve_of_publication))
            word = (
                groups.get("n") or groups.get("nf") or groups.get("n2") or groups.get("nf2") or "1"
            ).lower()
            n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 1)
            if (
                groups.get("dir", "") in ("before",)
                or (groups.get("dirf") or "").lower() == "avant"
                or groups.get("n2")
                or groups.get("nf2")
                or groups.get("eve")
            ):
                n = -n
            if anchor.precision == "month" and precision in ("day", "week"):
                confidence = round(anchor.confidence * 0.9, 3)
                month = DateMention(
                    at, match.end(), match.group(0), anchor.value, "month", True, confidence
                )
                added.append(month)
                forward.add(id(month))
                continue
            # "two weeks after": a week's precision; "three years after": a year's
            mention = DateMention(
                match.start(),
                match.end(),
                match.group(0),
                shift_months(anchor.value, sign * n)
                if unit.startswith(("month", "moi"))
                else anchor.value + timedelta(days=sign * n * step),
                precision,
                True,
                round(anchor.confidence * 0.9, 3),
            )
            added.append(mention)
            if sign < 0:
                forward.add(id(mention))
    added.extend(_days_at_the_time(text, fine))
    fighting = _days_of_fighting(text, mentions, fine, sentences, reference)
    added.extend(fighting)
    forward.update(id(m) for m in fighting)  # they date the fighting they name, not a capture
    kept = [m for m in mentions if id(m) not in replaced]
    return sorted([*kept, *added], key=lambda m: m.start), frozenset(forward)


# "less than 10 percent of Iraqi territory", « plus de la moitié du territoire syrien »: the
# country a share is told of through its adjective
_TERRITORY_OF = re.compile(
    r"\b(?P<adj>Iraqi|Syrian)\s+(?:national\s+)?territory\b"
    r"|\bterritoire\s+(?:national\s+)?(?P<adj_fr>irakien|syrien)\b",
    re.IGNORECASE,
)
_COUNTRY_OF_ADJECTIVE = {"iraqi": "IQ", "irakien": "IQ", "syrian": "SY", "syrien": "SY"}


def _territories_named(text: str, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The country an adjective's "territory" stands for, as the article names it elsewhere."""
    out = []
    for match in _TERRITORY_OF.finditer(text):
        code = _COUNTRY_OF_ADJECTIVE[(match.group("adj") or match.group("adj_fr")).lower()]
        if any(p.start < match.end() and match.start() < p.end for p in places):
            continue
        named = next((p for p in places if p.precision == "country" and p.country == code), None)
        if named is not None:
            out.append(replace(named, start=match.start(), end=match.end(), text=match.group(0)))
    return out


def _settle_kurdish_sides(
    hits: list[ActorHit], sentences: Sequence[Sentence], resolver: SideResolver
) -> list[ActorHit]:
    """Kurdish forces are the peshmerga in Iraq and the SDF in Syria: the country of their
    sentence decides, once, so every later rule sees a real side."""
    starts = [s.start for s in sentences]
    out = []
    for hit in hits:
        if hit.side == KURDISH:
            k = max(0, bisect.bisect_right(starts, hit.start) - 1)
            lo, hi = (sentences[k].start, sentences[k].end) if sentences else (0, hit.end)
            hit = replace(hit, side=resolver.kurdish_at(hit.start, lo, hi))
        out.append(hit)
    return out


def _resolved_actors(
    hits: Sequence[ActorHit], sentence: Sentence, resolver: SideResolver
) -> list[ResolvedActor]:
    actors = []
    for hit in hits:
        if not sentence.start <= hit.start < sentence.end:
            continue
        side = hit.side
        if hit.kind == "generic":
            side = _command_antecedent(hit, hits) or resolver.government_at(
                hit.start, sentence.start, sentence.end
            )
        if side is None and hit.kind not in ("source", "civilian"):
            continue
        actors.append(ResolvedActor(hit, side or ""))
    return actors


def _command_antecedent(hit: ActorHit, hits: Sequence[ActorHit]) -> str | None:
    """ "the command"/"le commandement" refers back to the last command the article named."""
    if not re.search(r"command", hit.text, re.IGNORECASE):
        return None
    earlier = [
        h.side
        for h in hits
        if h.end <= hit.start and h.side and re.search(r"command", h.text, re.IGNORECASE)
    ]
    return earlier[-1] if earlier else None


_FALL_TO = re.compile(
    r"\s+of\s+(?:the\s+(?:town|city)\s+of\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+to\s",
)
_NOUN_HAPPENED = re.compile(
    r"\s+(?:of|de|d['’]|du|des)\s*[^,;.]{1,50}?\s+(?:came|followed|took\s+place|happened"
    r"|occurred|was\s+(?:announced|confirmed|completed)|(?:est|a\s+été)\s+(?:intervenue|survenue"
    r"|annoncée|confirmée|achevée))"
    # (a day follows: "came on Wednesday"; "comes two weeks after the fall of Y" is a topic)
    rf"\s+(?:on\s+)?(?:{alternation([*WEEKDAYS['en'], *WEEKDAYS['fr']])}|yesterday|hier"
    r"|la\s+veille|le\s+\d)\b",
    re.IGNORECASE,
)


# « La prise de Raqqa par les FDS, mardi, a mis fin à », "The capture of Raqqa by the SDF on
# Tuesday ended": the noun's captor and day say it happened
_MONTHS = alternation([*MONTHS_FULL["en"], *MONTHS_FULL["fr"]])
_NOUN_BY_ON = re.compile(
    r"\s+(?:of|de|d['’]|du|des)\s*[^,;.]{1,50}?\s+(?:by|par)\s+[^;.]{1,40}?,?\s+(?:on\s+)?"
    rf"(?:{alternation([*WEEKDAYS['en'], *WEEKDAYS['fr']])}|yesterday|hier|la\s+veille"
    # "The capture of Mosul by Islamic State in June 2014", « en juin 2014 », « le 10 juin »
    rf"|(?:in|en)\s+(?:(?:early|late|mid-?|début|fin|mi-)\s*)?(?:{_MONTHS}|\d{{4}})"
    rf"|(?:on|le)\s+(?:\d{{1,2}}\s+{_MONTHS}|{_MONTHS}\s+\d))\b",
    re.IGNORECASE,
)


_AIRCRAFT_BEFORE = re.compile(
    r"\b(?:aviation|avions?|appareils|chasseurs|hélicoptères|bombardiers|drones?|warplanes"
    r"|jets|aircraft|planes|helicopters|bombers)\b[^.;:]*\Z",
    re.IGNORECASE,
)
_FLED_FROM_FIGHTING = re.compile(
    r"\b(?:fled|flee(?:ing|s)?|displaced|uprooted|driven\s+from\s+their\s+homes|fui|fuient"
    r"|fuyaient|fuyant|fuir|déplacée?s?|chassée?s?\s+de\s+chez\s+eux)\b"
    r"(?:\s+(?:[\w'’-]+\s+){0,6}?)?(?:by|during|from|the|les|des|pendant|durant|by\s+the)?\s*"
    r"(?:(?:the|les|des|l['’])\s*)?(?:(?:weekend['’]s|recent|heavy|violents?)\s+)?\Z"
    r"|\b(?:since|depuis)\s+(?:the\s+)?(?:start|beginning|début|lancement)\s+(?:of\s+the|de\s+l['’]|des|du)\s*\Z",
    re.IGNORECASE,
)
_ENDING_BATTLE = re.compile(
    r"\b(?:ending|ended|end(?:s|ing)?\s+to|concluding|mettant\s+fin\s+à|met(?:tant)?\s+un\s+terme\s+à"
    r"|mettant\s+un\s+terme\s+à|clôturant)\s+(?:a|an|the|its|une?|la|le|l['’])?\s*"
    r"(?:[\w'’-]+\s+){0,3}\Z",
    re.IGNORECASE,
)
_GENERIC_STRIKE = re.compile(r"struck|pounded|had\s+hit|bombed|strikes", re.IGNORECASE)


def _usable_triggers(
    text: str, triggers: list[TriggerHit], actors: Sequence[ResolvedActor]
) -> list[TriggerHit]:
    """Drop trigger hits the sentence shows to be something else.

    An announcement needs an official speaker (a side, not a monitor); a flight of civilians
    is not a withdrawal; car bombs hit by an air strike are targets, not attacks.
    """
    kept = []
    officials = [a for a in actors if a.side and a.hit.kind not in ("source", "civilian")]
    for hit in triggers:
        kind = hit.spec.type
        if kind == "announcement" and not any(
            _distance(hit.start, hit.end, a.hit.start, a.hit.end) <= 30 for a in officials
        ):
            continue
        if (
            kind == "capture"
            and hit.spec.frame == "take_noun"
            and hit.start - _sentence_floor(text, hit.start) <= 2
            and not re.match(r"(?:after|après)\b", hit.text, re.IGNORECASE)
            # "The fall of Sinjar followed on Wednesday", « La chute de Z est intervenue
            # jeudi », "The fall of Tabqa to Islamic State last week": the noun is told as
            # something that happened, with its day or its captor
            and not _NOUN_HAPPENED.match(text, hit.end)
            and not _NOUN_BY_ON.match(text, hit.end)
            and not _FALL_TO.match(text, hit.end)
        ):
            # "La chute de Z priverait...", "The fall of Z leaves...": a known event as topic;
            # not "Après la reprise de Z par Y, ...", which says when
            continue
        if (
            kind == "capture"
            and hit.spec.frame in ("take", "take_pass")
            and _PEOPLE_TAKEN.search(text, hit.start, hit.end) is None
            and (
                (hit.spec.frame == "take" and _PEOPLE_AFTER.match(text, hit.end))
                # ("the hostages had been taken to Shaddadi": people, not ground; the trigger
                # may begin at "been")
                or _PEOPLE_BEFORE.search(
                    text[max(0, hit.start - 60) : hit.start]
                    + ("been " if hit.text.lower().startswith("been") else "")
                )
            )
        ):
            continue  # "captured 40 soldiers", "dozens were captured": people, not ground
        if kind == "withdrawal":
            before = [a for a in actors if a.hit.end <= hit.start]
            if before and before[-1].hit.kind == "civilian":
                continue
        if kind in ("armed_clash", "assault") and _FLED_FROM_FIGHTING.search(
            text, max(_sentence_floor(text, hit.start), hit.start - 60), hit.start
        ):
            # "thousands fled the fighting", « ont fui les combats », "displaced since the
            # start of the offensive": the war as the civilians' background, not an event
            continue
        if kind == "armed_clash" and _ENDING_BATTLE.search(
            text, max(_sentence_floor(text, hit.start), hit.start - 40), hit.start
        ):
            continue  # "retook Tikrit, ending a month-long battle": the capture ends it
        if (
            kind == "air_strike"
            and _GENERIC_STRIKE.fullmatch(hit.text)
            and any(
                t.spec.type in ("suicide_bombing", "shelling") and t.end <= hit.start
                for t in triggers
            )
        ):
            continue  # "a suicide car bomber struck", "Turkish artillery pounded": no aircraft
        if kind == "shelling" and _AIRCRAFT_BEFORE.search(
            text, max(_sentence_floor(text, hit.start), hit.start - 120), hit.start
        ):
            # « L'aviation irakienne et des appareils de la coalition avaient pilonné »,
            # "warplanes pounded": aircraft pounding a place is an air strike
            hit = replace(hit, spec=replace(hit.spec, type="air_strike"))
            kind = "air_strike"
        if kind == "suicide_bombing" and (
            any(t.spec.type == "air_strike" and t.start < hit.start for t in triggers)
            or _TARGETED.search(text[max(0, hit.start - 30) : hit.start])
        ):
            continue
        kept.append(hit)
    return kept


_PEOPLE = (
    r"(?:soldiers|troops|fighters|militants|jihadists|civilians|people|men|officers|prisoners"
    r"|hostages|members|policemen|workers|residents|soldats|militaires|combattants|jihadistes"
    r"|civils|personnes|hommes|officiers|prisonniers|otages|membres|policiers|habitants)\b"
)
_COUNT = (
    r"(?:\d+|dozens|hundreds|thousands|scores|several|many|some|two|three|four|five|six|seven"
    r"|eight|nine|ten|des\s+dizaines|des\s+centaines|plusieurs|quelques|deux|trois|quatre"
    r"|cinq|six|sept|huit|neuf|dix|une\s+dizaine|une\s+vingtaine)"
)
# people seized or taken: "captured 40 soldiers", "seized dozens of fighters"
_PEOPLE_AFTER = re.compile(
    r"\s+(?:(?:(?:about|some|at\s+least|more\s+than|over|nearly|environ|au\s+moins|plus\s+de)\s+)?"
    rf"{_COUNT}\s+(?:of\s+(?:the\s+)?|de\s+|d['’])?(?:[\w-]+\s+)?{_PEOPLE}"
    rf"|(?:the|les)\s+(?:[\w-]+\s+)?{_PEOPLE})",
    re.IGNORECASE,
)
# "dozens were captured on the way", « des dizaines de soldats ont été capturés »
_PEOPLE_BEFORE = re.compile(
    rf"(?:\b{_COUNT}(?:\s+(?:of\s+(?:the\s+)?|de\s+|d['’])?(?:[\w-]+\s+)?{_PEOPLE})?"
    rf"|\b{_PEOPLE})\s+(?:(?:were|was|had\s+been|have\s+been|ont\s+été|avaient\s+été|sont)\s+)"
    r"(?:(?:also|reportedly|aussi)\s+)?\Z",
    re.IGNORECASE,
)
_PEOPLE_TAKEN = re.compile(r"control|contrôle", re.IGNORECASE)


def _sentence_floor(text: str, offset: int) -> int:
    """Start of the sentence-like run holding ``offset`` (after the last stop or newline)."""
    cut = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset), text.rfind("— ", 0, offset))
    return 0 if cut < 0 else cut + 2


def _share_dates(
    dates: Sequence[DateMention],
    triggers: Sequence[TriggerHit],
    forward: frozenset[int] = frozenset(),
    text: str = "",
) -> dict[int, list[DateMention]]:
    """Each date mention goes to its nearest trigger, so one sentence can date two events.

    A day counted back to an event ("au lendemain du lancement", "three days after they
    seized") dates only a trigger after it: the verb before it has its own day.
    """
    owner: dict[int, list[DateMention]] = {}
    if not triggers:
        return owner
    # "launched an offensive to retake Rawa on Thursday": an aim is not dated by the day
    # after it while the verb that states it is there to take the day
    stated = [t for t in triggers if not _aim(text, t)]
    # a trigger a counted day introduces is dated by it: the other days of the sentence
    # belong to the other verbs ("Deux jours après la prise d'Anah, samedi, ... ont repris")
    counted = {
        id(t) for m in dates if id(m) in forward for t in triggers if _introduces(text, m, t)
    }
    for mention in dates:
        pool = [
            t
            for t in (stated or triggers)
            if id(mention) not in forward or _introduces(text, mention, t)
        ]
        if id(mention) not in forward:
            pool = [t for t in pool if id(t) not in counted]
        if not pool:
            continue
        # a clause's penalties add at most _MAX_PENALTY: a trigger farther than that beyond
        # the nearest cannot be the closest in clauses, so it is not weighed (long run-ons)
        raw = [_distance(t.start, t.end, mention.start, mention.end) for t in pool]
        reach = min(raw) + _MAX_PENALTY
        near = [t for t, d in zip(pool, raw, strict=True) if d <= reach]
        best = min(near, key=lambda t: _clause_distance(text, t, mention))
        if best.end <= mention.start and _APPOSITION_CLOSE.fullmatch(text, best.end, mention.start):
            # "captured Hajin, the first town to fall to the rebels in 2012, on Nov 6": the day
            # after an apposition's closing comma is the verb's before it
            opener = next(
                (
                    t
                    for t in reversed(pool)
                    if t.end <= best.start and _APPOSITION_OPEN.search(text, t.end, best.start)
                ),
                None,
            )
            if opener is not None:
                best = opener
        after_gap = mention.end <= best.start
        # "were patrolling Saraqeb on Tuesday after government forces recaptured the town on
        # Monday", "launched its campaign in mid-January, after retaking Aleppo in December":
        # the day before a subordinate or gerund clause is the main verb's (see
        # _clause_distance), and no one's when the main verb is no trigger
        subordinate = after_gap and _SUBORDINATE_SUBJECT_GAP.fullmatch(
            text, mention.end, best.start
        )
        # "was retaken last October after more than a year of fighting": the fighting lasted
        # up to that day, which is the main verb's
        span_of = after_gap and _AFTER_A_SPAN_OF.fullmatch(text, mention.end, best.start)
        if (
            subordinate
            or span_of
            or (after_gap and _GERUND_CLAUSE_GAP.fullmatch(text, mention.end, best.start))
        ):
            before = [t for t in near if t.end <= mention.start]
            if not before:
                continue
            if subordinate or span_of:
                # (the subordinate's own verb, with no date of its own, happened by then too:
                # "took Deir Hafer in March after the militants had pulled out of the town")
                owner.setdefault(id(best), []).append(mention)
            best = min(before, key=lambda t: _clause_distance(text, t, mention))
        owner.setdefault(id(best), []).append(mention)
    return owner


_AFTER_A_SPAN_OF = re.compile(
    r"\s+(?:after|following|après)\s+(?:more\s+than\s+|nearly\s+|almost\s+|over\s+"
    r"|plus\s+d['’]|près\s+d['’])?(?:a|an|one|two|three|four|five|six|several|un|une|deux"
    r"|trois|quatre|cinq|six|plusieurs|\d+)\s+(?:years?|months?|weeks?|days?|ans?|années?|mois"
    r"|semaines?|jours?)\s+(?:of|de|d['’])\s*",
    re.IGNORECASE,
)
_SUBORDINATE_SUBJECT_GAP = re.compile(
    r"\s+(?:after|before|since|when|once|until|as|while|après\s+que|avant\s+que|depuis\s+que"
    r"|lorsque|quand|dès\s+que|alors\s+que|tandis\s+que)\s+(?:(?:the|les?|la|l['’])\s*)?"
    # a subject named ("after Iraqi forces") or a side's common noun ("after the militants")
    # ("after government troops", "after pro-government forces": a modifier or two first)
    r"(?:(?-i:[A-Z][\w'’-]*)|(?:[\w'’-]+\s+){0,2}?(?:militants|jihadists|rebels|insurgents"
    r"|fighters|troops|soldiers|army|forces|jihadistes|djihadistes|rebelles|insurgés|combattants"
    r"|troupes|soldats|armée|forces))\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:(?:had|have|has|avaient|avait|ont|a)\s+)?",
    re.IGNORECASE,
)


_INVERTED_RELATIVE = re.compile(r"\boù\s+(?:sont|est|ont|a)\s+\Z", re.IGNORECASE)
_PURPOSE_BEFORE = re.compile(r"\b(?:to|pour|afin\s+de|d['’]|de)\s*$", re.IGNORECASE)
_INFINITIVE = re.compile(r"^\w+(?:er|ir|re)\b", re.IGNORECASE)


def _aim(text: str, hit: TriggerHit) -> bool:
    """An infinitive of purpose ("to retake", « pour reprendre »), not a noun after « de »."""
    if not _PURPOSE_BEFORE.search(text, max(0, hit.start - 16), hit.start):
        return False
    if done_before(text, hit.start):
        return False  # "the first city to fall to the group in January 2014": done
    if re.search(r"\bavant\s+d[e'’]\s*$", text[max(0, hit.start - 16) : hit.start], re.I):
        return False  # « avant de reprendre Rawa »: what came next, told in order
    return text[max(0, hit.start - 4) : hit.start].strip().lower() == "to" or bool(
        _INFINITIVE.match(hit.text)
    )


# A new clause between a date and a verb: ", and", ", but", "; ", « , et », « , mais ».
_NEXT_CONJUNCT = re.compile(rf"\s*{_AND_THEN}\s+(?:then\s+|puis\s+)?", re.IGNORECASE)
_NEW_CLAUSE = re.compile(
    r",\s*(?:and|but|while|whereas|et|mais|tandis\s+que|alors\s+que)\b|;", re.IGNORECASE
)


_MAX_PENALTY = 3000  # the most _clause_distance adds to the characters between


def _clause_distance(text: str, hit: TriggerHit, mention: DateMention) -> int:
    """Characters between a trigger and a date, much farther across a new clause: in "lost
    Abu Kamal in mid-November, and Iraqi forces retook Rawa, its last stronghold, on Nov 17"
    the middle of the month belongs to the loss, not to the retaking."""
    gap = (
        text[hit.end : mention.start] if mention.start >= hit.end else text[mention.end : hit.start]
    )
    return (
        _distance(hit.start, hit.end, mention.start, mention.end)
        + (1000 if _NEW_CLAUSE.search(gap) else 0)
        # "launched its offensive on Sept. 10 and broke into the town earlier this month": a
        # date closing one conjunct is not the next verb's
        + (500 if mention.end <= hit.start and _NEXT_CONJUNCT.fullmatch(gap) else 0)
        + (1000 if _across_relative(text, hit, mention, gap) else 0)
        # "seized the city in January 2014 after driving out rival factions": the date before
        # a participial clause belongs to the main verb, not to the gerund after it
        + (500 if mention.end <= hit.start and _GERUND_CLAUSE_GAP.fullmatch(gap) else 0)
        # "seized large parts of Anbar last year, taking the town of Hit in October": the
        # participle's own day comes after it
        # "drove Islamic State out of the town in November 2015, backed by U.S.-led air
        # strikes": a date before a participle's agent is the verb's before it
        + (500 if mention.end <= hit.start and _BACKED_BY_GAP.fullmatch(gap) else 0)
        # (and "was back in control of Palmyra on Monday, having swept into the city on Sunday")
        + (
            500
            if mention.end <= hit.start
            and (
                (re.fullmatch(r"\s*,\s*", gap) and re.fullmatch(r"\w+ing", hit.text, re.IGNORECASE))
                or re.fullmatch(r"\s*,\s*having\s+(?:been\s+)?", gap, re.IGNORECASE)
            )
            else 0
        )
    )


_BACKED_BY_GAP = re.compile(
    r"\s*,\s*(?:\w+(?:ed|é|ée|és|ées)\s+(?:by|par)\s+)(?:[\w'’.-]+\s+){0,3}", re.IGNORECASE
)
_GERUND_AFTER = re.compile(
    r"\b(?:after|before|while|by|upon|après\s+avoir|avant\s+d['’]avoir)\s+\Z"
    # « en reprenant plusieurs villages », « en s'emparant de Mayadine »
    # (not the pronoun of « ne les en chassent »)
    r"|(?:^|[,;]\s*|\bet\s+|\btout\s+)en\s+(?:s['’]\s*)?\Z",
    re.IGNORECASE,
)
_GERUND_CLAUSE_GAP = re.compile(
    r"\s*,?\s*(?:after|before|while|since|by|upon|après\s+avoir|avant\s+d['’]|en)\s+", re.IGNORECASE
)


_RELATIVE_OPENING = re.compile(r"(?:^|,)\s*(?:qui|which|who|que|qu['’]|où|where)\b[^,]*$", re.I)


_RESTRICTIVE_RELATIVE = re.compile(r"\b(?:who|which|that|qui)\s+[^,;.()«»\"“”]{3,100}$", re.I)
_MAIN_VERB_AFTER_RELATIVE = re.compile(
    r"\s+(?:were|was|are|is|have|has|had|ont|sont|a|est|étaient|était|avaient|avait)"
    r"(?:\s+(?:been|still|now|été|encore|toujours))?\s+",
    re.I,
)


def _across_relative(text: str, hit: TriggerHit, mention: DateMention, gap: str) -> bool:
    """The date sits in a relative clause the trigger is outside of: « Le régime, qui a repris
    Mayadine samedi dernier, avance vers Albou Kamal », "took Anah, which fell on Sunday"."""
    if mention.end <= hit.start:
        chunk = text[max(0, mention.start - 120) : mention.start]
        if _MAIN_VERB_AFTER_RELATIVE.fullmatch(gap):
            # "troops who broke into the city last week were fighting on Tuesday": the day
            # closes the relative clause, the main verb follows it
            return _RESTRICTIVE_RELATIVE.search(chunk) is not None
        if not gap.lstrip().startswith(","):
            return False
        return _RELATIVE_OPENING.search(chunk) is not None
    return re.match(r"[^,;.]*,\s*(?:qui|which|who|où|where)\b", gap, re.I) is not None


def _introduces(text: str, mention: DateMention, hit: TriggerHit) -> bool:
    """The trigger is the event a counted day introduces: right after it, in its clause."""
    # "two weeks after the recapture of": the trigger may open on the mention's own "after"
    gap = text[mention.end : hit.start]
    return hit.start > mention.start and len(gap) <= 90 and not re.search(r"[,;:]", gap)


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if b_start >= a_end:
        return b_start - a_end
    if a_start >= b_end:
        return a_start - b_end
    return 0


def _read(
    text: str,
    lang: str,
    hit: TriggerHit,
    sentence: Sentence,
    actors: Sequence[ResolvedActor],
    all_hits: Sequence[ActorHit],
    places: Sequence[PlaceMention],
    own_dates: Sequence[DateMention],
    fallback: DateMention | None,
    reference: date | None,
    triggers: Sequence[TriggerHit],
    resolver: SideResolver,
    voice: tuple[ResolvedActor | None, str | None],
) -> Reading:
    cues = cues_before(text, hit, sentence.start, lang)
    passive = (
        cues.passive
        # "militants were seen in the streets of Baiji": a presence, whose subject acts
        or (bool(_PASSIVE_IN_TRIGGER.match(hit.text)) and hit.spec.frame != "enter")
        or _apposed_participle(text, lang, hit, places)
    )
    speaker, attribution = voice
    pronoun = _pronoun_subject(text, hit, sentence, actors, all_hits, passive, triggers, resolver)
    if pronoun is not None:
        agent, patient = _roles(text, hit, sentence, [*actors, pronoun], speaker, passive, triggers)
    else:
        agent, patient = _roles(text, hit, sentence, actors, speaker, passive, triggers)
    if hit.spec.frame == "hold" and _SELF_DECLARED_CAPITAL.search(hit.text):
        # "the SDF are closing in on Raqqa, its de facto capital": only the Islamic State
        # group declared a capital in this war, so "its" is the group's
        earlier = [h for h in all_hits if h.side == "isis" and h.end <= hit.start]
        owner = earlier[-1] if earlier else None
        if owner is not None and (agent is None or agent.side != "isis"):
            agent, patient = ResolvedActor(hit=owner, side="isis"), None
        elif agent is not None and agent.side != "isis":
            # (« les troupes sont aux portes de Raqqa, capitale autoproclamée du groupe »:
            # not the troops' capital, whoever the group is)
            agent = None
    # « Zabadani échappe au contrôle du pouvoir depuis 2012 », "has been out of government
    # control since 2012": in this war, a Syrian town outside the regime's hands with no other
    # holder named is held by the rebels
    escaped = (
        cues.negated
        and agent is not None
        and agent.side == "syrian_government"
        and escaped_control(text, hit, sentence.start)
        and not any(a.side in GROUND_SIDES and a.side != agent.side for a in actors)
    )
    if escaped and agent is not None:
        agent = ResolvedActor(hit=agent.hit, side="syrian_opposition")
        cues = replace(cues, negated=False)
    when, precision, mention, how = _date_for(hit, own_dates, fallback, reference, text)
    if (
        reference is not None
        and _SINCE_THEN.search(text, max(sentence.start, hit.start - 30), hit.start)
        # (« ont depuis repris Tikrit, en avril 2015 »: the verb's own date after it stands)
        and not (mention is not None and how == "sentence" and mention.start >= hit.end)
    ):
        # "launched their offensive on June 19 and have since recaptured most of the
        # province": done between that day and now, and true as of the report
        when, precision, mention, how = reference, "week", None, "publication"
    reading = Reading(
        hit=hit,
        sentence=sentence,
        cues=cues,
        agent=agent,
        patient=patient,
        speaker=speaker,
        actors=list(actors),
        places=list(places),
        date=when,
        date_precision=precision,
        date_mention=mention,
        date_how=how,
        attribution=attribution,
        hedged=cues.hedged or _hedged_after(text, hit, sentence),
        passive=passive,
    )
    reading.extra["resolver"] = resolver
    reading.extra["all_hits"] = all_hits
    reading.extra["triggers"] = triggers
    reading.extra["all_places"] = resolver.places
    reading.extra["article_text"] = text
    if escaped:
        reading.extra["escaped_control"] = True
    return reading


_APPOSED = re.compile(r"\s*,\s*(?:\w+ly\s+)?\Z")


def _apposed_participle(
    text: str, lang: str, hit: TriggerHit, places: Sequence[PlaceMention]
) -> bool:
    """ "Palmyra, retaken in March," / "Hawija, captured on Oct 5,": a participle set after a
    place by a comma describes that place, so it reads as a passive (French bare participles
    are handled with the other cues)."""
    if lang != "en" or hit.spec.frame not in ("take", "expel"):
        return False
    if not hit.text.split()[0].lower().endswith(("ed", "en")):
        return False
    before = [p for p in places if p.end <= hit.start]
    return bool(before) and bool(_APPOSED.match(text[before[-1].end : hit.start]))


def _hedged_after(text: str, hit: TriggerHit, sentence: Sentence) -> bool:
    from dashboard.events.classify import sentence_hedged

    return sentence_hedged(text[hit.end : sentence.end])


# A date, then the conjunction of the next clause and its verb: "launched the campaign on
# Sept. 10 and captured Hajin, the biggest town, on Dec. 14" dates the launch, not the capture.
_CLAUSE_AFTER_DATE = re.compile(r"\s*,?\s*(?:and|et|puis|then|but|mais)\s+(?:\w+\s+){0,2}", re.I)


_SAME_DAY = re.compile(
    r"\W*(?:(?:on\s+)?(?:that|the)\s+same\s+day|le\s+même\s+jour|ce\s+même\s+jour"
    r"|ce\s+jour-là)\b",
    re.I,
)
_APPOSITION_OPEN = re.compile(
    r",\s*(?:the|an?|one\s+of\s+the|la|le|l['’]|une?|l['’]une?\s+des)\s[^,;()«»\"“”]*\Z", re.I
)
_APPOSITION_CLOSE = re.compile(r"[^,;.]{0,20},\s*(?:on|in|le|en|au|à)?\s*", re.I)
_IN_RELATIVE_AFTER = re.compile(
    r",\s*(?:[^,;]{0,40}?\s)?(?:où|qui|que|qu['’]|which|where|who|whose|dont)\s[^,;()«»\"“”]*\Z",
    re.I,
)


def _date_for(
    hit: TriggerHit,
    own: Sequence[DateMention],
    fallback: DateMention | None,
    reference: date | None,
    text: str,
) -> tuple[date | None, str, DateMention | None, str]:
    if len(own) > 1 and any(d.start >= hit.end for d in own):
        # the verb's own date follows it: one before it that ends the clause before is not it
        own = [d for d in own if not _CLAUSE_AFTER_DATE.fullmatch(text, d.end, hit.start)] or own
    # « ont hissé le drapeau à Deraa al-Balad, le quartier où la révolte avait éclaté en
    # 2011 »: a year past inside a relative clause after the verb is the relative's own
    # background (a day of the same days may date the verb: "strikes during the assault,
    # which began on Wednesday")
    own = [
        d
        for d in own
        if d.start < hit.end
        or reference is None
        or d.value is None
        or d.value.year >= reference.year
        or not _IN_RELATIVE_AFTER.search(text, hit.end, d.start)
    ]
    if own:
        best = min(own, key=lambda d: _distance(hit.start, hit.end, d.start, d.end))
        return best.value, best.precision, best, "sentence"
    if fallback is not None:
        return fallback.value, fallback.precision, fallback, "paragraph"
    if reference is None:
        # No date in the text and no publication date: an undated event, never "today".
        return None, "year", None, "none"
    return reference, "week", None, "publication"


def _speaker(
    text: str,
    sentence: Sentence,
    actors: Sequence[ResolvedActor],
    reporting: Sequence[re.Match[str]] | None = None,
) -> ResolvedActor | None:
    """The official who reports the sentence ("the command said", "a annoncé le Premier
    ministre"), when a reporting verb stands next to an actor with a side. ``reporting``: the
    sentence's reporting verbs, when already read."""
    best: tuple[int, ResolvedActor] | None = None
    quoted = _quoted_spans(text, sentence.start, sentence.end)
    if reporting is None:
        reporting = list(_REPORTING.finditer(text, sentence.start, sentence.end))
    for match in reporting:
        for actor in actors:
            if not actor.side or any(a <= actor.hit.start < b for a, b in quoted):
                continue  # a side the quotation names does not speak it
            gap = _distance(match.start(), match.end(), actor.hit.start, actor.hit.end)
            role = _ROLE_OF.search(text, max(0, actor.hit.start - 40), actor.hit.start)
            if 25 < gap <= 100 and role:
                # "said Brigadier General X, a spokesman for Iraqi forces": the speaker's
                # side is the body the role belongs to, further on in the clause
                gap = 25
            if gap <= 25 and (best is None or gap < best[0]):
                best = (gap, actor)
    return best[1] if best else None


def _speaker_after_quote(
    text: str,
    sentence: Sentence,
    sentences: Sequence[Sentence],
    hits: Sequence[ActorHit],
    resolver: SideResolver,
) -> ResolvedActor | None:
    """The speaker of a quotation the sentence opens and a later one closes: '"We hold about
    60 percent of Baiji. The rest will take a few more days," an army colonel said.'"""
    spans = _quoted_spans(text, sentence.start, sentence.end)
    if not spans or spans[-1][1] != sentence.end or text[spans[-1][0]] not in '«“"':
        return None  # no quotation left open at the end of the sentence
    closing = {"«": "»", "“": "”", '"': '"'}[text[spans[-1][0]]]
    for later in sentences[sentence.index + 1 : sentence.index + 4]:
        if later.paragraph != sentence.paragraph:
            return None
        at = text.find(closing, later.start, later.end)
        if at < 0:
            continue
        after = replace(later, start=at + 1)
        return _speaker(text, after, _resolved_actors(hits, after, resolver))
    return None


_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")


# the first quotation mark of a sentence closes a quotation when it is a closing mark or
# follows the quotation's last punctuation: 'ran," an SDF commander said.'
_CLOSES_EARLIER = re.compile(r'[^«“"”»]*?(?:[”»]|(?<=[.,!?…])")')


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where quotations stand in a sentence (a quotation left open runs to its end; one
    closed here but opened in an earlier sentence runs from its start)."""
    spans = []
    first = _CLOSES_EARLIER.match(text, start, end)
    if first is not None:
        spans.append((start, first.end()))
        start = first.end()
    spans += [(m.start(), m.end()) for m in _QUOTED.finditer(text, start, end)]
    last = spans[-1][1] if spans else start
    opening = re.search(r"[«“\"]", text[last:end])
    if opening:
        spans.append((last + opening.start(), end))
    return spans


_ROLE_OF = re.compile(
    r"\b(?:spokes(?:man|woman|person)|porte-parole|commanders?|commandants?|officers?|officials?"
    r"|officiers?|responsables?|chief|chef|head)\s+(?:for|of|de|des|du|d['’])\s*"
    r"(?:the\s+|l['’]|la\s+|le\s+|les\s+)?\Z",
    re.IGNORECASE,
)


def _attribution(
    text: str,
    sentence: Sentence,
    actors: Sequence[ResolvedActor],
    reporting: Sequence[re.Match[str]],
) -> str | None:
    """Who the sentence cites: a monitor, agency or official next to one of its reporting
    verbs (``reporting``)."""
    selon = _SELON.search(text, sentence.start, sentence.end)
    if selon:
        return selon.group(1).strip()
    best: tuple[int, str] | None = None
    for match in reporting:
        for actor in actors:
            gap = _distance(match.start(), match.end(), actor.hit.start, actor.hit.end)
            if gap <= 25 and (best is None or gap < best[0]):
                best = (gap, actor.hit.text)
    return best[1] if best else None


# A subject pronoun just before the verb: "Elles contrôlent aussi Kirkouk", "They now hold".
_SUBJECT_PRONOUN = re.compile(
    r"(?:^|[\s,;(]|(?<=qu')|(?<=qu’))(?P<pronoun>elles|ils|elle|il|they|it|ces\s+derniers|ces\s+dernières"
    r"|the\s+latter"
    # "Its fighters broke into the town", « Ses combattants sont entrés »: a possessive stands
    # for its owner like a pronoun
    r"|(?:its|their|ses|leurs)\s+(?:fighters|militants|forces|troops|men|units|combattants"
    r"|troupes|hommes|unités))\s+(?:\w+\s+){0,3}$",
    re.I,
)


# French subject pronouns agree in number with what they stand for; English "they" is used
# for groups either way, so it carries no number, but "it" never stands for "rebels".
_PRONOUN_NUMBER = {
    "elles": "plural",
    "ils": "plural",
    "elle": "singular",
    "il": "singular",
    "it": "singular",
}
_PLURAL_DETERMINERS = frozenset({"les", "des", "ces", "leurs", "aux", "plusieurs"})
_SINGULAR_DETERMINERS = frozenset({"le", "la", "du", "au", "son", "sa", "cette"})
_ELIDED = ("l'", "l’")  # "l'EI", "l’organisation"


# French pronouns also agree in gender: "elles" is "les forces", "les FDS"; "ils" is "les
# jihadistes", "les peshmergas". The gender of an actor comes from its head noun.
_PRONOUN_GENDER = {"elles": "f", "elle": "f", "ils": "m", "il": "m"}
_FEMININE_HEADS = frozenset(
    [
        "forces",
        "force",
        "troupes",
        "unités",
        "unité",
        "milices",
        "milice",
        "brigades",
        "brigade",
        "armée",
        "armées",
        "coalition",
        "organisation",
        "alliance",
        "police",
        "fds",
        "ypg",
        "sdf",
    ]
)
_MASCULINE_HEADS = frozenset(
    [
        "jihadistes",
        "djihadistes",
        "jihadiste",
        "djihadiste",
        "combattants",
        "combattant",
        "insurgés",
        "rebelles",
        "militants",
        "peshmergas",
        "peshmerga",
        "hachd",
        "régime",
        "gouvernement",
        "soldats",
        "soldat",
        "ei",
        "daech",
        "daesh",
        "groupe",
        "état",
        "paramilitaires",
    ]
)


def _gender_of(hit: ActorHit) -> str | None:
    """Grammatical gender of a French actor mention from its head noun; None when unknown."""
    words = hit.text.lower().replace("’", "'").split()
    if not words:
        return None
    head = words[0].split("'")[-1]
    if head in _FEMININE_HEADS:
        return "f"
    if head in _MASCULINE_HEADS:
        return "m"
    return None


def number_of(text: str, hit: ActorHit) -> str | None:
    """Grammatical number of an actor mention, from its determiner ("les forces irakiennes",
    "l'EI") or a plural common noun at its head; None when nothing says."""
    own = text[hit.start : hit.end].split()
    before = re.search(r"(\w+['’]?)\s*$", text[max(0, hit.start - 12) : hit.start])
    for word in (own[0].lower() if own else "", before.group(1).lower() if before else ""):
        if word in _PLURAL_DETERMINERS:
            return "plural"
        if word in _SINGULAR_DETERMINERS or word.startswith(_ELIDED):
            return "singular"
    if own and own[0].endswith(("s", "x")) and not own[0].isupper():
        return "plural"
    return None


def _pronoun_subject(
    text: str,
    hit: TriggerHit,
    sentence: Sentence,
    actors: Sequence[ResolvedActor],
    all_hits: Sequence[ActorHit],
    passive: bool,
    triggers: Sequence[TriggerHit] = (),
    resolver: SideResolver | None = None,
) -> ResolvedActor | None:
    """The side a subject pronoun stands for: the last armed side named before the sentence.

    Without this, "Elles contrôlent Kirkouk, où elles ont pris la place des peshmergas"
    hands Kirkuk to the only actor named in the sentence, the one that lost it.
    """
    if passive:
        return None
    window_start = max(sentence.start, hit.start - 40)
    match = _SUBJECT_PRONOUN.search(text[window_start : hit.start])
    if match is None:
        return None
    start, end = window_start + match.start("pronoun"), window_start + match.end("pronoun")
    if any(start <= a.hit.start < hit.start for a in actors):
        return None  # an actor named between the pronoun and the verb is the subject
    for actor in reversed(actors):
        # "The Syrian army said on Thursday it had captured Z": the speaker is the pronoun
        if actor.hit.end > start or not actor.side or actor.hit.kind in ("source", "civilian"):
            continue
        gap = text[actor.hit.end : start]
        if "," in gap and _OPEN_RELATIVE.search(text, sentence.start, actor.hit.start):
            continue  # "forces, who launched it with coalition air cover, said they": a side of
            # the relative clause, not the speaker
        # the speaker's own relative clause stands between it and its verb
        gap = _RELATIVE_AFTER_SPEAKER.sub("", gap, count=1)
        if len(gap) <= 40 and _REPORTING.search(gap) and not re.search(r"[.;:«»\"“”]", gap):
            pronoun = ActorHit(start, end, text[start:end], actor.hit.actor, actor.side, "actor")
            return ResolvedActor(hit=pronoun, side=actor.side)
        break
    # "Syrian troops pressed their offensive in the province, where they captured Z": the
    # subject of the sentence, named before the pronoun and not after a preposition
    ground = hit.spec.frame != "event"  # who takes or holds ground, not air power
    named = [
        a
        for a in actors
        if sentence.start <= a.hit.start
        and a.hit.end <= start
        and a.side
        and a.hit.kind not in ("source", "civilian")
        # "they are still fighting government troops in Hasaka, where they hold": the object
        # of a fight is not who the pronoun goes on with
        and not _FOUGHT_OBJECT.search(text, max(sentence.start, a.hit.start - 30), a.hit.start)
    ]
    # "they drove the militants out": the pronoun is not the side its verb acts on
    acted_on = next(
        (
            a.side
            for a in actors
            if a.hit.start >= hit.end and _OBJECT_GAP.fullmatch(text, hit.end, a.hit.start)
        ),
        None,
    )
    if acted_on is not None:
        named = [a for a in named if a.side != acted_on]
    subjects = [
        a
        for a in named
        if (a.side in GROUND_SIDES or not ground)
        and (
            not _AFTER_PREPOSITION.search(text[max(sentence.start, a.hit.start - 12) : a.hit.start])
            # "was captured by Kurdish fighters on Saturday, a day after they drove": who
            # acted, though named after "by"
            or _PASSIVE_BY.search(text, max(sentence.start, a.hit.start - 60), a.hit.start)
        )
        # "the group's last town": a possessor; "drove Islamic State out of Raqqa, ..., where
        # it seized": an object, past a clause break ("drove militants out of the districts
        # they had stormed": the pronoun of a relative clause on the object is the object)
        and not _POSSESSIVE_AFTER.match(text, a.hit.end)
        and not (
            _CLAUSE_BREAK.search(text, a.hit.end, start)
            and any(
                t.end <= a.hit.start
                and _OBJECT_GAP.fullmatch(text, t.end, a.hit.start)
                and not _BY_OR_TO_END.search(t.text)
                for t in triggers
                if sentence.start <= t.start
            )
        )
    ]
    pronoun_word = text[start:end].lower()
    number = _PRONOUN_NUMBER.get(pronoun_word)
    gender = _PRONOUN_GENDER.get(pronoun_word)

    def agrees(hit: ActorHit) -> bool:
        return (number is None or number_of(text, hit) in (None, number)) and (
            gender is None or _gender_of(hit) in (None, gender)
        )

    if subjects and not agrees(subjects[-1].hit):
        # « prive l'armée d'une route et renforce l'emprise des insurgés sur Deraa, dont ils
        # contrôlent la majeure partie »: « ils » are the insurgents, not the army
        agreeing_sides = {a.side for a in named if a.side in GROUND_SIDES and agrees(a.hit)}
        if len(agreeing_sides) == 1:
            subjects = [a for a in named if a.side in agreeing_sides]
    if subjects:
        actor = subjects[-1]
        pronoun = ActorHit(start, end, text[start:end], actor.hit.actor, actor.side, "actor")
        return ResolvedActor(hit=pronoun, side=actor.side)
    if pronoun_word in ("it", "its"):
        # "cuts the group's routes between its stronghold and the territory it holds": the
        # owner named in the sentence, even as a possessor or after a preposition
        owners = [
            a
            for a in actors
            if sentence.start <= a.hit.start
            and a.hit.end <= start
            and a.side in GROUND_SIDES
            and _POSSESSOR_OF_THING.match(text, a.hit.end)
        ]
        if owners:
            actor = owners[-1]
            pronoun = ActorHit(start, end, text[start:end], actor.hit.actor, actor.side, "actor")
            return ResolvedActor(hit=pronoun, side=actor.side)
    # « permet à l'EI de relier ses positions à celles qu'il tient »: the one side the
    # sentence names before the pronoun, even after a preposition, when it agrees
    agreeing = [
        a
        for a in named
        if a.side in GROUND_SIDES
        and (number is None or number_of(text, a.hit) in (None, number))
        and (gender is None or _gender_of(a.hit) in (None, gender))
    ]
    if len({a.side for a in agreeing}) == 1:
        actor = agreeing[0]
        pronoun = ActorHit(start, end, text[start:end], actor.hit.actor, actor.side, "actor")
        return ResolvedActor(hit=pronoun, side=actor.side)
    here = resolver.government_at(hit.start, sentence.start, sentence.end) if resolver else None
    if here is not None:
        # "government troops and fighters of the PMF took over Jalawla. On Monday they took
        # Kirkuk": a generic force named before is the government of where the verb acts
        all_hits = [
            replace(h, side=here)
            if h.kind == "generic" and not h.side and h.end <= sentence.start
            else h
            for h in all_hits
        ]
    earlier = [
        h
        for h in all_hits
        if h.end <= sentence.start
        and h.side
        and (h.side in GROUND_SIDES or not ground)
        and h.kind not in ("source", "civilian")
        and h.side != acted_on
        # (English "they", "its fighters" carry neither number nor gender)
        and (number is None or number_of(text, h) in (None, number))
        and (gender is None or _gender_of(h) in (None, gender))
    ]
    if not earlier:
        return None
    antecedent = earlier[-1]
    opening = _sentence_subject_before(text, earlier, sentence.start)
    if opening is not None and opening.side != antecedent.side:
        # "Kurdish forces have been on the offensive since they drove Islamic State out of
        # Kobani. In mid-June they seized Tal Abyad": the subject the sentence before opened
        # with goes on, not the side its verb acted on
        antecedent = opening
    if _AFTER_PREPOSITION.search(text, max(0, antecedent.start - 12), antecedent.start):
        # « Le groupe avait étendu son emprise (...) après la fuite du Front al-Nosra. Il
        # contrôle désormais »: the subject of the sentence before, not a side named in one
        # of its complements
        for h in reversed(earlier):
            if re.search(r"[.!?]\s", text[h.end : antecedent.start]):
                break  # only that sentence's subject
            if not _AFTER_PREPOSITION.search(text, max(0, h.start - 12), h.start):
                antecedent = h
                break
    pronoun = ActorHit(start, end, text[start:end], antecedent.actor, antecedent.side, "actor")
    return ResolvedActor(hit=pronoun, side=antecedent.side or "")


def _sentence_subject_before(text: str, earlier: Sequence[ActorHit], start: int) -> ActorHit | None:
    """The side opening the sentence just before ``start`` as its subject, when the sentence
    names it first and its own subject pronoun goes on with it ("Kurdish forces have been on
    the offensive since they drove ...")."""
    opening = max(text.rfind(". ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1
    inside = [h for h in earlier if h.start >= opening]
    if not inside:
        return None
    first = inside[0]
    lead = text[opening : first.start]
    if len(lead.strip()) > 12 or not _OPENING_ARTICLE_LEAD.fullmatch(lead):
        return None
    later = text[first.end : start]
    # (only when the sentence itself goes on with a pronoun for it)
    if not re.search(r"\b(?:they|ils|elles)\b", later, re.I):
        return None
    return first


_OPENING_ARTICLE_LEAD = re.compile(r"\s*(?:[«\"“]\s*)?(?:the|les?|la|l['’]|des)?\s*", re.I)
_OPEN_RELATIVE = re.compile(r",\s*(?:who|which|qui)\b[^,.;:]*\Z", re.I)
_RELATIVE_AFTER_SPEAKER = re.compile(r"^\s*,\s*(?:who|which|qui)\b[^,.;:]{0,120},", re.I)
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:and|et)\b", re.I)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
# Between a verb and its object: "drove Islamic State", « a chassé l'EI »
_OBJECT_GAP = re.compile(r"\s*(?:the\s+|les\s+|la\s+|le\s+|l['’]|des\s+)?", re.I)
_BY_OR_TO_END = re.compile(r"\b(?:by|to|par|à|aux?)$", re.I)
_FOUGHT_OBJECT = re.compile(
    r"\b(?:fight(?:s|ing)?|fought|battl(?:e|es|ed|ing)|attack(?:s|ed|ing)?|ambush(?:ed|ing)?"
    r"|repel(?:s|led|ling)?|combat(?:tent|tait|taient|tu|tre)|affront(?:ent|aient|ait|é)"
    r"|attaqu(?:ent|aient|ait|é)|repouss(?:ent|aient|ait|é))\s+"
    r"(?:the\s+|les\s+|la\s+|le\s+|l['’]|des\s+)?(?:[\w-]+\s+){0,2}?\Z",
    re.I,
)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:from|by|against|with|of|to|de|d'|du|des|par|contre|avec|à|aux)\s+"
    r"(?:the\s+|l'|la\s+|le\s+|les\s+)?$",
    re.I,
)
_PASSIVE_BY = re.compile(
    r"\b(?:was|were|been|été)\s+(?:[\w-]+\s+){0,2}?\w+(?:ed|en|t|é|ée|és|ées|is|ise|ises)"
    r"\s+(?:by|par)\s+(?:the\s+|l'|la\s+|le\s+|les\s+|des\s+)?$",
    re.I,
)
_BY_BEFORE = re.compile(r"\b(?:by|par)\s+(?:the\s+|l'|la\s+|le\s+|les\s+)?$", re.I)
# Verbs that carry a capture noun for their subject: "completed the capture of", « ont achevé
# la prise de », « ont parachevé la reconquête de »
_POSSESSOR_GAP = re.compile(r"['’]s?\s+(?:(?:full|complete|total|final)\s+)?")
_SUPPORT_VERB = re.compile(
    r"\b(?:achev(?:é|ée|ent|e|er|ait|aient)|parachev(?:é|ent|e|er)|termin(?:é|ent|e|er)"
    r"|finalis(?:é|ent|e|er)|complét(?:é|ent|er)|mené|mènent|mène|réussi"
    r"|complet(?:ed|es|ing|e)|finish(?:ed|es|ing)?|wrapped\s+up|achieved|carried\s+out)"
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:(?:the|their|its|la|leur|sa)\s+)?\Z",
    re.IGNORECASE,
)
# states whose subject holds the place after them: "X are in control of Z", "X is confined to Z"
SUBJECT_HOLDS = re.compile(
    r"(?:in|retain(?:s|ed|ing)?|keeps?|kept|keeping)\s+(?:\w+\s+)?control\s+of$"
    r"|(?:clung|cling(?:s|ing)?)\s+(?:on\s+)?to$"
    r"|(?:confined|limited|reduced|restricted)\s+to$",
    re.I,
)


# The opening of a quotation up to its verb, when the subject is the speaker's side: "We",
# "Our forces", « Nous », « Nos troupes » (not "they" nor a side the quote names).
_FIRST_PERSON_OPENING = re.compile(
    r"(?:^|[«“\"]\s*)(?:we|our\s+(?:\w+\s+)?(?:forces|troops|fighters|men|units|soldiers|heroes)"
    r"|nous|nos\s+(?:\w+\s+)?(?:forces|troupes|combattants|hommes|unités|soldats|héros))"
    r"(?:['’]ve)?\b[^«»“”\"]{0,60}$",
    re.IGNORECASE,
)


def _first_person_quote(text: str, hit: TriggerHit, sentence: Sentence) -> bool:
    """Whether the trigger's subject is the first person of a quotation it stands in."""
    head = text[sentence.start : hit.start]
    opening = max(head.rfind("«"), head.rfind("“"), head.rfind('"'))
    closing = _CLOSES_EARLIER.match(text, sentence.start, sentence.end)
    if opening < 0 and closing is not None and hit.end <= closing.end():
        # 'It was hard. We now control Tabqa," a commander said': the quotation began in an
        # earlier sentence and closes after the verb
        opening = 0
    elif opening < 0 or (head.count('"') % 2 == 0 and head.rfind('"') == opening):
        return False
    clause = head[opening:]
    if _OUR_HOLD.search(hit.text) or _OUR_FORCES_AFTER.match(text, hit.end):
        return True  # "Kirkuk is under our control", "in the hands of our forces"
    return _FIRST_PERSON_OPENING.search(clause) is not None and not re.search(
        r"[,;]\s*(?:they|ils|elles)\b", clause, re.IGNORECASE
    )


_OUR_HOLD = re.compile(r"\b(?:our|notre|nos)\b", re.IGNORECASE)
_OUR_FORCES_AFTER = re.compile(
    r"\s*(?:our|nos|notre)\s+(?:\w+\s+)?(?:forces|troops|fighters|men|units|soldiers|troupes"
    r"|combattants|hommes|unités|soldats)\b",
    re.IGNORECASE,
)


_NOUN_OF_ACTOR = re.compile(
    r"(?:l['’]|the\s+|an?\s+|une?\s+)?[\w-]+\s+(?:de|du|des|d['’]|of|by)\s*"
    r"(?:l['’]|la\s+|le\s+|les\s+|the\s+)?\Z",
    re.IGNORECASE,
)


_SUBORDINATOR = re.compile(
    r"\b(?:after|before|as|once|until|while|because|since|when|après\s+que|avant\s+que"
    r"|alors\s+que|tandis\s+que|lorsque|quand|dès\s+que|parce\s+que)\s",
    re.IGNORECASE,
)
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*(?:en\s+)?\Z", re.IGNORECASE)


def _subordinate_before_participle(
    text: str, hit: TriggerHit, sentence: Sentence
) -> tuple[int, int] | None:
    """The span of a subordinate clause closed by the comma before a participle ("..., after
    the peshmerga pulled back, taking Qaraqosh"; « ..., après que l'armée s'est retirée, en
    prenant »), whose subject is not the participle's."""
    if not _PARTICIPLE_AFTER_COMMA.search(text, sentence.start, hit.start):
        return None
    if not (
        re.match(r"\w+ing\b", hit.text, re.IGNORECASE)
        or text[max(sentence.start, hit.start - 3) : hit.start].lower().endswith("en ")
    ):
        return None
    comma = text.rfind(",", sentence.start, hit.start)
    last = None
    for m in _SUBORDINATOR.finditer(text, sentence.start, comma):
        if not re.search(r"[,;]", text[m.end() : comma]):
            last = m
    return (last.start(), comma) if last is not None else None


# What may open a sentence before a participle that opens it: "Having pulled back",
# « Après s'être repliés », « Repliés ».
FRONTED_PARTICIPLE = re.compile(
    r"\s*(?:having\s+(?:been\s+)?|après\s+(?:s['’]être|avoir)\s+)?", re.IGNORECASE
)
# One clause to a comma, then the main clause's subject: ", les combattants de "
_MAIN_SUBJECT_NEXT = re.compile(r"[^,;:.]*,\s*(?:[\w'’-]+\s+){0,3}", re.IGNORECASE)


def _roles(
    text: str,
    hit: TriggerHit,
    sentence: Sentence,
    actors: Sequence[ResolvedActor],
    speaker: ResolvedActor | None,
    passive: bool,
    triggers: Sequence[TriggerHit] = (),
) -> tuple[ResolvedActor | None, ResolvedActor | None]:
    """Agent and patient of a trigger from word order.

    Active voice: the nearest actor before the trigger acts; the first actor after it with
    another side undergoes ("retook Z from Y", "chassé Daech de Z"). Passive voice and
    "tenue par": the actor after "par"/"by"/"to" acts and the one before undergoes.
    """
    armed = [a for a in actors if a.side and a.hit.kind not in ("source", "civilian")]
    # a relative clause closed before the verb has a subject of its own: "The YPG, which drove
    # the group out of Kobani in January, controls much of the north"
    closed = [
        (m.start(), m.end())
        for m in _CLOSED_BEFORE_VERB.finditer(text, sentence.start, hit.start)
        if m.end() <= hit.start
    ]
    # an actor after a preposition ("from Islamic State", "à l'EI") is no subject
    before = [
        a
        for a in armed
        if a.hit.end <= hit.start
        and not any(s < a.hit.start < e for s, e in closed)
        # "broke the government's siege of Aleppo by capturing": a possessor, not a subject
        and not _POSSESSOR_OF_THING.match(text, a.hit.end)
        # "militants hit peshmerga lines, overrunning": a side naming a thing is no subject
        and not _ACTOR_AS_MODIFIER.match(text, a.hit.end)
        # « Les YPG, épaulées par des brigades de l'ASL, avaient pénétré »: who backs the
        # subject is not the subject
        and not _BACKER_BEFORE.search(text, max(sentence.start, a.hit.start - 90), a.hit.start)
        and (
            not _PREPOSITION_BEFORE.search(text[max(0, a.hit.start - 30) : a.hit.start])
            or _MEMBERS_OF.search(text[max(0, a.hit.start - 40) : a.hit.start])
            or _COUNT_OF_SUBJECT.search(text, max(sentence.start, a.hit.start - 40), a.hit.start)
            # « Des unités irakiennes y tenaient »: an article opening the sentence
            or _OPENING_ARTICLE.fullmatch(text, sentence.start, a.hit.start) is not None
            # (« BEYROUTH, 24 mars — Des rebelles ... se sont emparés »: after the dateline)
            or _DATELINE_ARTICLE.fullmatch(text, sentence.start, a.hit.start) is not None
            # « a permis au régime de reprendre Maaret al-Noomane »: who is let do it does it
            or _LET_DO.fullmatch(text, max(sentence.start, a.hit.start - 40), a.hit.start)
            is not None
            # (« En août 2013, des rebelles s'y étaient emparés »: after an opening phrase)
            or _CLAUSE_ARTICLE.search(text, max(sentence.start, a.hit.start - 14), a.hit.start)
            is not None
        )
    ]
    subordinate = _subordinate_before_participle(text, hit, sentence)
    if subordinate is not None and any(a.hit.end <= subordinate[0] for a in before):
        # "Islamic State swept across the plains after peshmerga forces pulled back, taking
        # Qaraqosh": the participle's subject is the main clause's, not the subordinate's
        # (but "had been protected by the peshmerga since Iraqi troops fled Mosul,
        # abandoning the city": no subject before, the participle goes on the subordinate)
        before = [a for a in before if not subordinate[0] <= a.hit.start < subordinate[1]]
    after = [a for a in armed if a.hit.start >= hit.end]
    by_agent = None
    if after and _BY.match(text[hit.end : after[0].hit.start + 1]):
        by_agent = after[0]
    frame = hit.spec.frame
    gap = text[hit.end : after[0].hit.start] if after else ""
    if (after and re.search(r"(?:par|by|of|de|du|des|d'|\bto|\baux?|\bà)$", hit.text, re.I)) and (
        len(gap) <= 15 or (frame == "take_pass" and len(gap) <= 40 and not _CLAUSE_END.search(gap))
    ):
        by_agent = after[0]  # "fell to the militants of Islamic State"
    if by_agent is None:
        # "Rawa was declared free of Islamic State by the Iraqi army": the agent follows "by"
        # further on in the clause, after the side driven out
        by_agent = next(
            (
                a
                for a in after
                if _BY_BEFORE.search(text[max(hit.end, a.hit.start - 20) : a.hit.start])
                and not _CLAUSE_END.search(text[hit.end : a.hit.start])
            ),
            None,
        )
    if after and _INVERTED_RELATIVE.search(text, max(0, hit.start - 12), hit.start):
        # « Rawa, où sont entrées les forces irakiennes »: the subject follows its verb
        return after[0], None
    inside = [a for a in armed if a.hit.start >= hit.start and a.hit.end <= hit.end]
    if frame == "hold" and inside:
        return inside[0], None  # "under Islamic State control": the holder is in the phrase
    if frame == "event" and inside and _NOUN_OF_ACTOR.match(text, hit.start, inside[0].hit.start):
        # « L'assaut de l'EI contre Palmyre a débuté »: the noun's owner leads the attack
        patient = next(
            (a for a in armed if a.side != inside[0].side and a.hit.start >= hit.end), None
        )
        return inside[0], patient
    if (
        (frame == "take_noun" or (frame == "lose" and hit.text.lower().endswith("loss")))
        and before
        and by_agent is None
        and _POSSESSOR_GAP.fullmatch(text, before[-1].hit.end, hit.start)
    ):
        # "Islamic State's capture of Palmyra": the possessor takes it; "its loss of": loses it
        return before[-1], None
    if (
        frame == "take_noun"
        and before
        and by_agent is None
        and _SUPPORT_VERB.search(text, max(sentence.start, hit.start - 60), hit.start)
    ):
        # « les YPG ont achevé mardi la prise de Tal Abyad », "completed the capture of": the
        # subject of the verb carrying the noun takes the place
        return before[-1], None
    # "the last town held by Islamic State": a participle before "by" is passive in meaning;
    # a state is not passive for its auxiliary ("Raqqa was under its control")
    held_by = frame == "hold" and _BY_AFTER.match(text, hit.end)
    if (
        (passive and frame != "hold")
        or held_by
        or frame in ("take_noun", "take_pass")
        or (
            re.search(r"(?:par|by|of|\bto)$", hit.text, re.I)
            and frame != "lose"
            and not SUBJECT_HOLDS.match(hit.text)  # "X are in control of Z": X holds
        )
    ):
        agent = by_agent
        patient = before[-1] if before and frame not in ("take_noun",) else None
        if (
            patient is None
            and after
            and after[0] is not agent
            and _TAKEN_FROM.fullmatch(text, hit.end, after[0].hit.start)
        ):
            patient = after[0]  # « repris au groupe État islamique », "retaken from IS"
        colon = text.rfind(":", patient.hit.end, hit.start) if patient is not None else -1
        if (
            agent is None
            and colon >= 0
            and any(
                patient.hit.end <= t.start < colon and t.spec.frame in ("take", "take_noun")
                for t in triggers
            )
        ):
            # « L'EI s'était emparé de plusieurs localités : Saadiya était tombée dès juin »:
            # what the colon spells out fell to the captor of the clause before it
            return patient, None
        if (
            agent is None
            and patient is None
            and (
                frame in ("take", "take_pass")
                # '"Saqba is completely in the hands of our forces," a military source said'
                or (frame == "hold" and _OUR_FORCES_AFTER.match(text, hit.end) is not None)
            )
            and speaker is not None
            and speaker.side in GROUND_SIDES
            and any(
                s <= hit.start < e for s, e in _quoted_spans(text, sentence.start, sentence.end)
            )
        ):
            # '"Jisr al-Shughour has been liberated," the coalition said': a capture the
            # speaker reports in its own words, with no captor named, is the speaker's
            agent = speaker
        return agent, patient
    agent = before[-1] if before else by_agent
    if (
        len(before) >= 2
        and before[-2].side != before[-1].side
        and _JOINED_SUBJECTS.fullmatch(text, before[-2].hit.end, before[-1].hit.start)
    ):
        # "Rebels and jihadists captured Tal al-Harra": the side named first leads
        agent = before[-2]
    window_start = max(sentence.start, hit.start - 40)
    relative = _RELATIVE_SUBJECT.search(text[window_start : hit.start])
    if relative:
        # "Kurdish peshmerga forces, which also hold Sinjar": the relative pronoun's
        # antecedent acts, even when it sits after a preposition ("under the control of X")
        pronoun_at = window_start + relative.start("pronoun")
        antecedent = [
            a
            for a in armed
            if a.hit.end <= pronoun_at and _ANTECEDENT_GAP.match(text[a.hit.end : pronoun_at])
        ]
        if antecedent:
            agent = antecedent[-1]
    if _GERUND_AFTER.search(text, max(sentence.start, hit.start - 20), hit.start):
        # "broke the siege by capturing Ramouseh", "after retaking the eastern half of the
        # city", « après avoir repris »: the subject of the sentence does it
        main = [a for a in before if sentence.start <= a.hit.start]
        if main and hit.spec.frame != "hold":
            agent = main[0]
    if (
        agent is None
        and after
        and (fronted := FRONTED_PARTICIPLE.fullmatch(text, sentence.start, hit.start))
        # a withdrawal is its subject's doing; another verb is only with "having"
        and (frame == "leave" or fronted.group().strip())
        and _MAIN_SUBJECT_NEXT.fullmatch(text, hit.end, after[0].hit.start)
    ):
        # "Having pulled back to the north, the rebels ...", « Repliés vers le nord, les
        # combattants de ... »: a participle opening the sentence is its subject's (but
        # « Chassés de Rawa, les jihadistes » undergo it, read above as a passive)
        agent = after[0]
        patient = next((a for a in after[1:] if a.side != agent.side), None)
        return agent, patient
    if agent is None and speaker is not None and hit.spec.type == "announcement":
        agent = speaker
    if agent is None and speaker is not None and _first_person_quote(text, hit, sentence):
        # '"We now control 80 percent of Fallujah," a spokesman for the army said': the
        # speaker's side is the subject of its own quotation
        agent = speaker
    if (
        agent is None
        and after
        and hit.spec.frame in ("hold",)
        # "The Kurds had held Kirkuk since 2014, when the Iraqi army fled": not another clause's
        and not _CLAUSE_END.search(text, hit.end, after[0].hit.start)
    ):
        agent = after[0]
    patient = next((a for a in after if agent is None or a.side != agent.side), None)
    if patient is not None and patient.hit.start - hit.end > 80:
        patient = None
    return agent, patient


# --- events --------------------------------------------------------------------------------


def _events_from_readings(
    article: Article, readings: Sequence[Reading]
) -> tuple[list[Event], dict[int, str]]:
    """One event per sentence and type; the first realised trigger of the type speaks for it.

    A type whose triggers are all intents ("prepare to retake") gives no event; one whose
    triggers are all negated gives a negated event.
    """
    groups: dict[tuple[int, str], list[Reading]] = {}
    for reading in readings:
        kind = reading.hit.spec.type
        if kind is None:
            continue
        groups.setdefault((reading.sentence.index, kind), []).append(reading)
    events: list[Event] = []
    ids: dict[int, str] = {}
    for (_, kind), group in sorted(groups.items()):
        usable = [r for r in group if not r.cues.intent]
        if not usable:
            continue
        lead = next((r for r in usable if r.realised), usable[0])
        if _is_background(lead, article.published):
            continue
        event = _event(article, kind, lead)
        events.append(event)
        for reading in group:
            ids[id(reading)] = event.id
        if kind == "capture" and lead.realised:
            events.extend(_coordinated_events(article, event, lead))
        for reading in _separately_dated(lead, usable):
            if _is_background(reading, article.published):
                continue
            other = _event(article, kind, reading)
            other = replace(
                other,
                id=stable_id(article.id, other.sentence_start, kind, str(reading.hit.start)),
            )
            events.append(other)
            ids[id(reading)] = other.id
    return _restatements_merged(events, ids)


_ONCE = frozenset({"capture", "withdrawal"})  # a town changes hands once a day


def _happening(event: Event) -> tuple[Any, ...] | None:
    """What makes two reports one capture or withdrawal: type, places, day and polarity."""
    # (the province or country that locates a town does not make another happening)
    fine = [p for p in event.places if p.precision in ("point", "district")]
    places = frozenset(p.place_id for p in (fine or event.places))
    if event.type not in _ONCE or not places or event.date is None:
        return None
    return (event.type, places, event.date, event.negated)


def _restatements_merged(
    events: list[Event], ids: dict[int, str]
) -> tuple[list[Event], dict[int, str]]:
    """One event per happening: a later sentence that reports the capture of (or withdrawal
    from) the same places on the same day (a quotation, a confirmation, a recap) restates the
    first. Strikes, clashes and statements recur, so each report of them stays an event.

    The body's first report speaks for the happening (a headline or caption only when the body
    does not tell it): a lead tells the news that later quotes and recaps echo, however surely
    they word it. The triggers of the others point at it, so the claims they give stay linked
    to it.
    """
    keys = [_happening(event) for event in events]
    best: dict[tuple[Any, ...], Event] = {}
    for event, key in zip(events, keys, strict=True):
        if key is None:
            continue
        held = best.get(key)
        if held is None or (_body(event), -event.sentence_start) > (
            _body(held),
            -held.sentence_start,
        ):
            best[key] = event
    merged: dict[str, str] = {}
    kept: list[Event] = []
    for event, key in zip(events, keys, strict=True):
        lead = best.get(key) if key is not None else None
        if lead is not None and lead is not event:
            merged[event.id] = lead.id
            continue
        kept.append(event)
    return kept, {k: merged.get(v, v) for k, v in ids.items()}


def _body(event: Event) -> bool:
    """Whether the event is told in the article's body (not a headline or a caption)."""
    return not {"caption", "headline"} & set(event.notes.split("; "))


def _separately_dated(lead: Reading, group: Sequence[Reading]) -> list[Reading]:
    """Other triggers of the type that carry their own date in the sentence: "Mossoul,
    reprise en juillet, et Tal Afar, tombée fin août" is two captures, each on its day."""
    seen = {lead.date}
    out = []
    for reading in group:
        if (
            reading is lead
            or not reading.realised
            or reading.date_how != "sentence"
            or reading.date in seen
            or not reading.places
        ):
            continue
        seen.add(reading.date)
        out.append(reading)
    return out


def _coordinated_events(article: Article, event: Event, reading: Reading) -> list[Event]:
    """One more capture per listed place that carries its own date ("ont repris Anah en
    septembre et Hawija le 5 octobre"): two captures on two days, not one."""
    from dashboard.events.claims import dated_objects

    out = []
    for place, mention in dated_objects(reading):
        if article.published and mention.value < article.published - timedelta(
            days=BACKGROUND_DAYS
        ):
            continue
        out.append(
            replace(
                event,
                id=stable_id(article.id, event.sentence_start, event.type, place.place_id),
                date=mention.value,
                date_precision=mention.precision,
                places=(place,),
                date_text=mention.text,
                date_start=mention.start,
                date_end=mention.end,
            )
        )
    return out


def _is_background(reading: Reading, published: date | None) -> bool:
    return (
        published is not None
        and reading.date is not None
        and reading.date < published - timedelta(days=BACKGROUND_DAYS)
    )


def _event(article: Article, kind: str, reading: Reading) -> Event:
    sentence = reading.sentence
    places = event_places(reading)
    actors: list[ActorMention] = []
    seen: set[tuple[int, int]] = set()
    for role, actor in (
        ("agent", reading.agent),
        ("patient", reading.patient),
        ("speaker", reading.speaker if kind == "announcement" else None),
    ):
        if actor is not None and (actor.hit.start, actor.hit.end) not in seen:
            actors.append(actor.mention(role))
            seen.add((actor.hit.start, actor.hit.end))
    for actor in reading.actors:
        if actor.side and (actor.hit.start, actor.hit.end) not in seen:
            actors.append(actor.mention("mentioned"))
            seen.add((actor.hit.start, actor.hit.end))
    mention = reading.date_mention
    notes = [f"frame={reading.frame}", f"date={reading.date_how}"]
    if reading.cues.negated:
        notes.append("negated")
    if reading.hedged:
        notes.append("hedged")
    if sentence.kind != "body":
        notes.append(sentence.kind)
    return Event(
        id=stable_id(article.id, sentence.start, kind),
        type=kind,
        date=reading.date,
        date_precision=reading.date_precision,
        places=tuple(places),
        actors=tuple(actors),
        article_id=article.id,
        source=article.source,
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        date_text=mention.text if mention else None,
        date_start=mention.start if mention else None,
        date_end=mention.end if mention else None,
        attribution=reading.attribution,
        negated=reading.cues.negated,
        confidence=confidence(reading),
        notes="; ".join(notes),
        trigger=reading.hit.text,
        trigger_start=reading.hit.start,
        trigger_end=reading.hit.end,
    )


_WORLD_AREAS = frozenset({"continent", "world_region"})


def event_places(reading: Reading) -> list[PlaceMention]:
    """Places of an event, main place first: the nearest named place after the trigger (its
    object in French and English word order), else the nearest before; countries and rivers
    only when nothing finer is named; never a continent or a world region ("across the Middle
    East"), whose point on the map would be a spot in one of its countries."""
    fine = [p for p in reading.places if p.precision in CLAIMABLE_PRECISIONS]
    pool = fine or [p for p in reading.places if p.kind not in _WORLD_AREAS]
    if not pool and reading.frame in ("take", "take_pass", "expel", "expelled", "enter"):
        # "took the town on Friday": the town named before, as its claim has it
        from dashboard.events.claims import objects_of

        return objects_of(reading)[:1]
    if not pool:
        return []
    hit = reading.hit
    after = [p for p in pool if p.start >= hit.end]
    before = [p for p in pool if p.end <= hit.start]
    main = after[0] if after else before[-1] if before else pool[0]
    if before and _APPOSED.fullmatch(
        reading.sentence.text[
            before[-1].end - reading.sentence.start : hit.start - reading.sentence.start
        ]
    ):
        main = before[-1]  # "Anah, reprise fin septembre, ...": the apposition is about Anah
    ordered = [main] + [p for p in pool if p is not main]
    unique: list[PlaceMention] = []
    for place in ordered:
        if all(place.place_id != u.place_id for u in unique):
            unique.append(place)
    return unique


def confidence(reading: Reading) -> float:
    """Trigger strength scaled by how the sentence qualifies it and how well it is dated."""
    value = reading.hit.spec.strength
    value *= _PRECISION_FACTOR.get(reading.date_precision, 0.7)
    if reading.date_how == "publication":
        value *= FALLBACK_DATE_FACTOR
    if reading.hedged:
        value *= HEDGE_FACTOR
    if reading.sentence.kind == "caption":
        value *= CAPTION_FACTOR
    elif reading.sentence.kind == "headline":
        value *= HEADLINE_FACTOR
    if reading.agent is None:
        value *= 0.9
    if reading.attribution:
        value = min(1.0, value * 1.05)
    return round(max(0.05, min(0.99, value)), 3)
