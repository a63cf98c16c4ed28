"""Control claims: who holds which place from which day, as a sentence states or implies it.

Rules, by trigger frame (see ``classify``):

* ``take``/``take_pass``/``take_noun``/``expel``: the agent holds the object places (``full``)
  from the event date. With no agent named ("la chute d'al-Qaïm", "Anah a été reprise"), the
  government of the place's country is taken as the gainer, at lower confidence: in this
  theatre a town lost by the group without a named captor went to the state's forces. In a
  story naming several sides of that country, a capture within days of the one its lead
  reports is that captor's (the operation the story is about).
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
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from dashboard.articles.model import Article
from dashboard.dates import DateMention
from dashboard.dates.prefixes import gate_of, search_gated
from dashboard.events.actors import KURDISH, ActorHit, prefix_gate
from dashboard.events.context import COUNTRY_OF_SIDE, GOVERNMENT_OF, country_code
from dashboard.events.extract import (
    CLAIMABLE_PRECISIONS,
    FRONTED_PARTICIPLE,
    GROUND_SIDES,
    SUBJECT_HOLDS,
    Reading,
    ResolvedActor,
    confidence,
    number_of,
)
from dashboard.events.model import Claim, stable_id
from dashboard.gazetteer import distance_km
from dashboard.geoparse.model import PlaceMention

_I = re.IGNORECASE
# A change of control recalled from years back ("seized Fallujah in January 2014") still says
# who held the place from then on; the events list keeps to the last year (BACKGROUND_DAYS),
# so the timeline stays on the news.
HISTORY_DAYS = 10 * 365

# Words between a trigger and a place that make the place a landmark, not the object.
_RELATIONAL_PHRASE = (
    # ("the north and east of Hasakah" is a part of it, not a landmark)
    r"(?<!the\s)(?<!and\s)(?<!held\s)(?<!controlled\s)\b(?:north|south|east|west|north-east|north-west|south-east"
    r"|south-west)(?:ern)?\s+of"
    # "villages to the north and east of Sarrin", « au nord et à l'est de »: around it
    r"|\bto\s+the\s+(?:north|south|east|west)(?:-\w+)?\s+and\s+(?:the\s+)?(?:north|south|east|west)"
    r"(?:-\w+)?\s+of|\bau\s+(?:nord|sud)(?:-\w+)?\s+et\s+à\s+l['’]\s*(?:est|ouest)\s+(?:de|d'|du)"
    r"|\b(?:au|à\s+l')\s*(?:nord|sud|est|ouest)(?:-\w+)?\s+(?:de|d'|du)"
    # (not a figure: « près de 90 % de la ville », "close to 90 percent of Raqqa")
    r"|\bnear\b(?!\s*\d)|close\s+to(?!\s*\d)"
    r"|\bprès\s+(?:de|d'|du)(?!\s*\d)|\bproches?\s+(?:de|d'|du)|\bà\s+proximité\s+(?:de|d'|du)"
    r"|\bnon\s+loin\s+(?:de|d'|du)|\bface\s+(?:à|au)|\bfacing|\bopposite|\bacross\s+(?:\w+\s+){0,3}from"
    r"|\ben\s+face\s+(?:de|d'|du)|\bde\s+l'autre\s+côté\s+(?:de|d'|du)|\baux\s+abords\s+(?:de|d'|du)"
    r"|\boutskirts\s+of|\bfringes?\s+of|(?<!aux\s)\benvirons\s+(?:de|d'|du)|\bvicinity\s+of|\b(?:km|kilom[eè]t(?:er|re)s?|miles|mètres)\s+(?:from|of|de|d')|\btowards?|\bvers|\ben\s+direction\s+(?:de|d'|du)"
    r"|\bto\s+the\s+border|\bup\s+to|\bjusqu'(?:à|au)|(?<!apart\s)\bfrom|\bbetween|\bentre|\bbeyond"
    r"|\bdepuis|\bvenus?\s+(?:de|d')|\bsitué(?:e)?\s+(?:à|au)|\blies\s+(?:\w+\s+){0,3}(?:of|from)"
    # the ends of a road: "the highway linking Aleppo to Hasaka", « la route reliant Alep à »
    r"|\b(?:linking|connecting|reliant|qui\s+relie)\b|\b(?:road|highway|route|axe)\s+(?:(?:north|south|east|west)\s+)?(?:to\b|de\b|d['’]|vers\b)"
    # a place the side did not get to: "sans pour autant atteindre Hajine", "short of Hajin"
    r"|\bsans\s+(?:pour\s+autant\s+)?(?:atteindre|parvenir|entrer|prendre|reprendre)"
    r"|\bwithout\s+(?:reaching|entering|taking)|\bshort\s+of|\bbefore\s+reaching"
    r"|\bavant\s+d'atteindre"
    # "seized a strategic hill overlooking the town": a landmark of what was taken
    r"|\boverlooking|\bsurplombant|\bdominant"
)
_RELATIONAL = re.compile(rf"(?:{_RELATIONAL_PHRASE})[^,;]{{0,25}}$", _I)
# the phrases' first letters as a tree: most spans hold none of them, found in one quick scan
_RELATIONAL_START = prefix_gate([(_RELATIONAL_PHRASE, False)])


def _landmark_before(gap: str) -> bool:
    """Whether a gap ends on a relational phrase other than a bare "from" or « depuis »."""
    match = _LANDMARK_BEFORE.search(gap)
    return match is not None and not re.fullmatch(
        r"(?:from|depuis)\b.*", match.group(0).strip(), _I | re.S
    )


def _relational(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` ends on a relational phrase ("south of", « près de »,
    "towards") and at most 25 characters with no comma or semicolon. Neither the phrase nor
    what follows it holds a comma or semicolon, so the search starts after the last one."""
    length = len(text)
    start = min(max(start, 0), length)  # offsets clipped as a pattern's pos and endpos are
    end = length if end is None else min(max(end, 0), length)
    start = max(start, text.rfind(",", start, end) + 1, text.rfind(";", start, end) + 1)
    return search_gated(_RELATIONAL, _RELATIONAL_START, text, start, end) is not None


# What may separate two places of one list ("Anah, Rawa et al-Qaïm", "including Hajin and
# Susah", "ainsi que", "y compris les quartiers d'al-Karabla et de Saada").
# What leads from a departure verb to the place left ("withdrew from", "chassé ... de").
# a relational phrase just before the place (« près de », "north of"): its preposition is a
# landmark's, not the place a side was driven from (which a bare "from", « depuis » would be)
_LANDMARK_BEFORE = re.compile(rf"(?:{_RELATIONAL_PHRASE})\s*(?:the\s+|la\s+|le\s+|l['’])?\s*$", _I)
_SOURCE_GAP = re.compile(
    r"[^,;]{0,60}?\b(?:from|out\s+of|de|du|d'|des)\s*(?:the\s+|la\s+|le\s+|l')?"
    r"(?:(?:\w+\s+){0,2}(?:town|city|ville|localité|village)\s+(?:of|de|d'))?"
    # "dislodged from their last positions in Hajin", « de leurs dernières positions à »
    r"(?:(?:their|its|the|leurs?|ses)\s+(?:(?:last|remaining|final|dernières?|ultimes?)\s+)?"
    r"(?:positions?|strongholds?|footholds?|bases?|bastions?|redoubts?)\s+(?:in|at|inside|à|dans)\s+)?"
    r"\s*$",
    _I,
)
_SHARE_LEAD = (
    r"(?:(?:(?:la\s+)?(?:majeure\s+partie|plus\s+grande\s+partie|plupart|quasi-totalité|moitié"
    r"|totalité)"
    r"|une\s+(?:(?:grande|petite|bonne|large)\s+)?partie|(?:de\s+)?(?:vastes|larges)\s+pans)\s+"
    r"(?:de\s+la\s+|de\s+l'|du\s+|des\s+|d'|de\s+)"
    r"|(?:most|much|(?:(?:large|vast|big|small|great|significant)\s+)?parts?|half|all"
    r"|nearly\s+all|almost\s+all|the\s+rest)\s+of\s+(?:the\s+)?)?"
)
_LIST_TAIL = (
    r"\s*(?:(?:la|le|les|the|of|de|d'|des|l['’])\s*)?"
    + _SHARE_LEAD
    # "as well as most of neighbouring Deir ez-Zor province"
    + r"(?:(?:neighbou?ring|nearby|northern|southern|eastern|western|central)\s+)?"
    + r"(?:(?:\w+\s+){0,2}"
    r"(?:villes?|localités?|régions?|towns?|city|cities|villages?|quartiers?|districts?|zones?"
    r"|areas?)(?:\s+[^\W\d_]+)??\s*(?:de|d'|of|du)?\s*"  # « la région frontalière d' »
    # "parts of the provincial capital, Ramadi": a capital named in apposition
    r"|(?:(?:provincial|regional)\s+)?(?:capital|chef-lieu|capitale(?:\s+provinciale)?)\s*,\s*)?$"
)
# inside a list, a period only ends an abbreviated month before its day ("on Sept. 21 and")
_LIST_GAP = re.compile(
    r"^(?:(?:[^.;]|\.(?=\s\d)){0,45}?)(?:,|\bet|\band|\bni|\bor|\bou|\bas\s+well\s+as"
    r"|\bainsi\s+qu(?:e\b|['’])|\bpuis|\bthen"
    # "Salma fell on January 12, followed on the 24th by Rabia", « suivi le 24 par Rabia »
    r"|\bsuivie?s?\s+(?:par|de|d')|\bfollowed\s+by"
    r"|\bincluding|\bnotamment|\by\s+compris|\bsuch\s+as|\bcomme)"
    + _LIST_TAIL
    # an explicit addition may follow an apposition about the place before ("Albou Kamal,
    # leur dernier bastion urbain, à la frontière, ainsi que Hajine")
    + r"|^(?:[^.;]{0,100}?)(?:\bas\s+well\s+as|\bainsi\s+qu(?:e\b|['’])|\bde\s+même\s+que"
    r"|\btout\s+comme"
    r"|\balong\s+with)" + _LIST_TAIL,
    _I,
)
# The words that join one listed place to the next; a share stated before them belongs to the
# place before ("a third of the province, most of it desert, as well as Albu Kamal").
_SEPARATOR = re.compile(
    r"(?:(?:,|;|\bet\b|\band\b|\bas\s+well\s+as\b|\bainsi\s+qu(?:e\b|['’])|\bde\s+même\s+que\b"
    r"|\btout\s+comme\b|\balong\s+with\b|\bincluding\b|\by\s+compris\b)"
    # "quartiers du centre et de l'est de Z": a complement joined to another, not a new place
    # (nor "the north and east of Hasakah": two sides of one place)
    r"(?!\s*(?:de|du|des|d'|of|(?:north|south|east|west)(?:ern)?\s+of"
    r"|(?:le\s+|l')?(?:nord|sud|est|ouest)\s+(?:de|du|d'))\b))",
    _I,
)
# What lies around a town rather than in it: "villages around Hajin", « terres autour de »
_COUNTRYSIDE = (
    r"(?:villages?|localités|hamlets?|hameaux|areas?|zones?|positions|farmland|countryside"
    r"|terres|fermes|vergers|farms|orchards)"
)
_PARTIAL = re.compile(
    r"\b(?:most\s+of|much\s+of|(?:nearly|almost)\s+all\s+of|the\s+rest\s+of|the\s+remaining|le\s+reste|parts?\s+of|a\s+fraction\s+of"
    # "a shrinking strip of the province", "a narrow sliver of"
    r"|an?\s+(?:[\w-]+\s+){0,2}?(?:strip|sliver|corner|patch|band)\s+(?:of|in)\b"
    r"|(?<!last\s)pockets?\s+(?:of|in)|areas?\s+of|largely|partly|partially|la\s+majeure\s+partie"
    # "almost entirely in the hands of", « presque entièrement aux mains de »: not all of it
    r"|(?:almost|nearly|presque|quasi(?:ment)?)\s+(?:entirely|completely|totalement|entièrement)"
    r"|largement|en\s+grande\s+partie|partiellement|(?:dans\s+)?sa\s+quasi-totalité"
    r"|en\s+(?:majeure|bonne)\s+partie|(?<!\w)en\s+partie|majoritairement"
    r"|(?:a|its|their)\s+foothold\s+in"
    # « de vastes pans du nord de l'Irak », "large swathes of eastern Syria"
    r"|(?:vastes|larges|grands|pans)\s+(?:pans\s+)?(?:de|du|des|d')|swathes?\s+of|swaths?\s+of"
    r"|tracts?\s+of|(?:wide|long|large|vast|narrow)\s+stretch(?:es)?\s+of"
    r"|la\s+plupart|l'essentiel|une\s+fraction|une\s+partie|plusieurs\s+quartiers"
    r"|une\s+(?:grande|petite|bonne|large)\s+partie|la\s+plus\s+grande\s+partie"
    r"|(?:quelques|plusieurs|certains|des|(?:de\s+)?(?:larges|vastes|grands))\s+secteurs"
    r"|several\s+sectors"
    r"|quelques\s+quartiers|des\s+quartiers|(?<!tous\s)les\s+quartiers\s+(?:de|d'|du)|une\s+portion|une\s+bande|en\s+grande\s+partie"
    r"|partiellement|la\s+quasi-totalité|une\s+poche|several\s+(?:districts|neighbou?rhoods)"
    # the centre of a town is a part of it: « le centre-ville de Tal Afar », "downtown Raqqa"
    r"|centre-ville|centre\s+de\s+la\s+ville|(?:the\s+)?city\s+cent(?:re|er)\s+of|downtown"
    r"|(?:le|the)\s+cent(?:re|er)\s+(?:de|d'|du|of)|citadelle\s+(?:de|d'|du)|citadel\s+of"
    # a side of the town, right before its name: "eastern Mosul", "west Mosul"
    r"|(?-i:\b(?:[Ee]astern|[Ww]estern|[Nn]orthern|[Ss]outhern|[Ee]ast|[Ww]est|[Nn]orth|[Ss]outh))"
    r"(?=\s*(?:¦|$))"
    # a site of the town, right before its name: « le stade de Raqqa », "the national
    # hospital in Raqqa" (not « l'aéroport de Mossoul, le siège du gouvernorat et »)
    r"|(?:le\s+stade|l['’]hôpital|le\s+complexe|les\s+bâtiments|la\s+grande\s+mosquée"
    r"|le\s+pont|l['’]université)\s+(?:[\w'’-]+\s+){0,2}?(?:de|d['’]|du|à)(?=\s*(?:¦|$))"
    r"|the\s+(?:[\w'’-]+\s+){0,2}?(?:stadium|hospital|complex|compound|university|mosque|bridge"
    r"|headquarters)\s+(?:of|in)(?=\s*(?:¦|$))"
    # "the old city of Mosul", « la vieille ville de Mossoul », "the vast majority of"
    r"|(?:the\s+)?old\s+city\s+of|(?:la\s+)?vieille\s+ville\s+(?:de|d')"
    r"|(?:the\s+)?(?:vast|overwhelming|great)\s+majority\s+of|(?:la\s+)?(?:grande|large)\s+majorité"
    # "a few streets of the Old City", « quelques rues de la vieille ville »: a few blocks
    r"|(?:a\s+few|a\s+handful\s+of|some|several|quelques|plusieurs|une\s+poignée\s+de)\s+"
    r"(?:\w+\s+)?(?:streets|blocks|houses"
    r"|buildings|rues|pâtés\s+de\s+maisons|maisons|bâtiments|immeubles)"
    # « l'est de la ville », "the eastern half of Mosul": a side of it
    # (not « dans le nord du pays », "in the north of the country": where, not how much)
    r"|(?<!dans\s)(?<!dans\sl['’])(?:l['’]|le\s+)(?:est|ouest|nord|sud)\s+(?:de|d['’]|du)"
    r"|(?<!in\s)the\s+(?:east|west|north|south|eastern|western|northern|southern)"
    r"(?:\s+and\s+(?:east|west|north|south))?(?:\s+(?:half|part|side|bank))?\s+of"
    # "the government-held west of Aleppo"
    r"|(?:held|controlled)\s+(?:east|west|north|south)(?:ern)?(?:\s+(?:half|part|side))?\s+of|(?:la\s+)?moitié\s+(?:est|ouest|nord|sud|orientale"
    r"|occidentale)"
    # « la partie ouest de Z », « les quartiers est de Z »: a side of the town, not all of it
    r"|la\s+partie|les\s+parties|quartiers(?=\s+(?:nord|sud|est|ouest|orientaux|occidentaux"
    r"|septentrionaux|méridionaux|du\s+(?:nord|sud|centre)|de\s+l'(?:est|ouest)))"
    r"|(?<!last\s)(?<!the\s)districts|(?<!last\s)neighbou?rhoods"
    # (« une enclave autour de Rastan »: the towns it is around are held whole)
    r"|enclaves?(?!\s+(?:around|autour)\b)"
    # one quarter of the town: « le quartier d'al-Bakr à Hit », "a neighbourhood in western
    # Hit", "the Gogjali district in Mosul", "two neighbourhoods of"
    # (not "the border district of al-Qaim", the place itself, nor "the last neighbourhoods")
    r"|(?:un|une|deux|trois|quatre|cinq|a|one|another|two|three|four|five)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:quartiers?|neighbou?rhoods?|districts?|secteurs?|faubourgs?"
    r"|suburbs?)\s+(?:[\w'’-]+\s+){0,2}?(?:de|d['’]|du|à|dans|of|in|on)"
    # (not « le quartier voisin de Barzeh », "the nearby district of Barzeh": the place itself)
    r"|(?:le|ce|the)\s+(?!(?:last|final|dernier|neighbou?ring|nearby|adjacent)\b)"
    r"(?:[\w'’-]+\s+){0,3}?(?:quartier|neighbou?rhood"
    r"|district|secteur|faubourg|suburb)\s+(?!(?:voisin|limitrophe|adjacent)\b)"
    r"(?:(?:[\w'’-]+\s+){1,2}(?:de|d['’]|du|à|dans|of|in)"
    r"|(?:à|dans|in|on))"
    r"|(?-i:the\s+(?:al-)?[A-Z][\w'’-]*\s+(?:district|neighbou?rhood|quarter)\s+of)"
    # the countryside around a town, not the town: "villages around Hajin", « autour de »
    rf"|{_COUNTRYSIDE}"
    r"\s+(?:\w+\s+)?(?:around|near|outside|surrounding|entourant|autour\s+(?:de|d'|du)"
    r"|près\s+(?:de|d'|du)"
    r"|aux\s+alentours\s+(?:de|d'|du)|aux\s+environs\s+(?:de|d'|du))"
    r"|(?:the\s+)?(?:countryside|outskirts|environs|surroundings)\s+of"
    # "the grain silos at the entrance of the town", « à l'entrée de la ville »: its edge
    r"|(?:à\s+l['’]entrée|aux\s+portes|at\s+the\s+(?:entrance|gates))\s+(?:de|d['’]|du|of)"
    # « dans les faubourgs ouest de cette ville »: its edge, not the town
    r"|(?:les\s+)?(?:faubourgs|abords|environs)(?:\s+(?:nord|sud|est|ouest))?\s+(?:de|d'|du)"
    # "high ground on the northern edge of the town", « la lisière nord de »
    r"|(?:(?:north|south|east|west)(?:ern)?\s+)?edges?\s+of|(?:la\s+)?lisière\s+(?:\w+\s+)?(?:de|d'|du)"
    r"|(?:la\s+)?(?:campagne|périphérie)\s+(?:de|d'|du))\b",
    _I,
)
# the first words of every share as a tree: most windows hold none of them
_PARTIAL_GATE = gate_of(_PARTIAL)
_DESTINATION_BEFORE = re.compile(
    r"\b(?:pour|for|to|towards?|vers|en\s+direction\s+(?:de|d'|du)|à\s+destination\s+(?:de|d'|du))"
    r"\s*(?:the\s+|la\s+|le\s+|l['’])?(?:(?:province|town|city|ville)\s+(?:of|de|d['’])\s*)?\Z"
    # "fell back towards the group's stronghold of Raqqa", « vers leur fief de Raqqa »
    r"|\b(?:towards?|vers|en\s+direction\s+(?:de|d'|du))\s+(?:[\w'’-]+\s+){1,4}?"
    r"(?:of|de|d['’]|du)\s*\Z",
    _I,
)


def _destination(reading: Reading, place: PlaceMention) -> bool:
    """Whether a place after a withdrawal is where the side went ("towards Raqqa")."""
    at = place.start - reading.sentence.start
    return _DESTINATION_BEFORE.search(reading.sentence.text, max(0, at - 60), at) is not None


_SUBPLACES_BEFORE = re.compile(
    r"\b(?:dozens|scores|several|a\s+(?:string|number|series|handful|dozen)\s+of|many|numerous"
    r"|some|dizaines|plusieurs|quelques|une\s+série\s+de|une\s+(?:dizaine|vingtaine|trentaine)"
    r"|de\s+nombreu(?:x|ses)|des|\d+|two|three|four|five|six|seven|eight|nine|ten|deux|trois"
    r"|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:of\s+|de\s+|d['’])?(?:[\w'’-]+\s+){0,2}?"
    r"(?:villages|towns|localités|bases|hamlets|hameaux|bourgades|hills|collines|outposts"
    r"|checkpoints)\b(?:\s+(?:[\w'’-]+\s+){0,3}?)?\s*(?:in|of|across|throughout|de|du|dans"
    r"|à\s+travers)\s+(?:the\s+|la\s+|l['’]\s*)?\Z",
    _I,
)
_AROUND_IT = re.compile(
    rf"{_COUNTRYSIDE}\s+(?:\w+\s+)?(?:around|surrounding|entourant"
    r"|autour\s+(?:de|d'|du)|aux\s+alentours\s+(?:de|d'|du)|aux\s+environs\s+(?:de|d'|du))"
    r"\s*(?:the\s+|la\s+|le\s+|l['’])?\Z",
    _I,
)


def _partial(window: str) -> bool:
    """Whether ``window`` states a share without a figure ("most of", « en partie »)."""
    return search_gated(_PARTIAL, _PARTIAL_GATE, window) is not None


_PERCENT = re.compile(
    r"(?P<mod>plus\s+de|more\s+than|over|just\s+over|près\s+de|nearly|almost|about|environ"
    r"|around|roughly|moins\s+de|less\s+than|under|some|quelque)?\s*"
    r"(?P<num>\d{1,3}(?:[.,]\d+)?)\s*(?:%|pour\s*cent|per\s*cent|percent)",
    _I,
)
_WORD_FRACTION = re.compile(
    r"(?P<mod>plus\s+d'|plus\s+de|more\s+than|over|just\s+over|près\s+d'|nearly|about"
    r"|environ|around|roughly|moins\s+d'|less\s+than)?\s*"
    r"(?P<word>(?:a|one)[\s-]+third|un\s+tiers|two[\s-]+thirds|deux\s+tiers|(?:one[\s-]+)?half"
    r"|la\s+moitié|(?:a|one)[\s-]+quarter|un\s+quart|three[\s-]+quarters|trois\s+quarts)",
    _I,
)
_WORD_VALUE = {
    "a third": 1 / 3,
    "one half": 0.5,
    "one quarter": 0.25,
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
_SHARE_HELD_BY = re.compile(r"\s(?:en|majoritairement|largement|partiellement)\b.*\spar$", _I)
_SHARE_OPENS = re.compile(
    r"(?:^|[—–]\s*|:\s*)\W*(?:most|much|parts?|half|nearly\s+all|large\s+parts|la\s+majeure"
    r"\s+partie|la\s+plupart|une\s+partie|une\s+grande\s+partie|la\s+moitié)\s+"
    r"(?:of|de|du|des|d['’])\s*(?:the\s+|la\s+|l['’])?\Z"
    # "Several districts of north-eastern Aleppo, including...", « Plusieurs quartiers du
    # nord-est d'Alep, dont... »: some districts of the town
    r"|(?:^|[—–]\s*|:\s*)\W*(?:several|some|many|two|three|plusieurs|certains|quelques|deux|trois"
    r"|de\s+nombreux)\s+(?:[\w-]+\s+)?(?:quartiers|districts|neighbou?rhoods|secteurs)\s+"
    r"(?:of|de|du|des|d['’])\s*(?:(?:the\s+|la\s+|l['’]|le\s+)?(?:north|south|east|west|nord|sud"
    r"|est|ouest|centre|center)(?:-\w+)?\s+(?:of\s+|de\s+|du\s+|d['’])?|(?:north|south|east"
    r"|west)(?:-\w+)?ern\s+)?(?:the\s+|la\s+|l['’])?\Z",
    _I,
)
_NUMERATORS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
}  # fmt: skip
_DENOMINATORS = {"tenth": 10, "fifth": 5, "dixième": 10, "cinquième": 5}
_NTH_FRACTION = re.compile(
    r"\b(?P<num>two|three|four|five|six|seven|eight|nine|deux|trois|quatre|cinq|six|sept|huit"
    r"|neuf)[\s-]+(?P<den>tenths|fifths|dixièmes|cinquièmes)\b",
    _I,
)
# "just over a third" is read as a little above the fraction; a stated percentage is kept as
# written ("plus de 35 %" -> 0.35) because it is already the figure the source chose.
_OVER = re.compile(r"over|plus|more", _I)
_LOCATIVE_HOLD_AFTER = re.compile(r"^[^,;.]{0,20}(?<!['’])\b(?:est|is|was|était|:)\s", _I)
# French adjectives naming the side that holds a place: « sous contrôle kurde »
_FR_SIDE_ADJECTIVES = r"irakien|syrien|kurde|rebelle|d?jihadiste"
_HOLD_BY = re.compile(
    r"(?:par|by|belong(?:s|ed)?\s+(?:\w+\s+)?to|appart\w+\s+(?:\w+\s+)?(?:à|aux?)|hands\s+of|mains\s+(?:de|du|des|d')|control\s+of"
    r"|sous\s+(?:le\s+|leur\s+|son\s+|notre\s+)?(?:(?:plein|entier|total)\s+)?contrôle"
    rf"(?:\s+(?:gouvernemental|{_FR_SIDE_ADJECTIVES}))?"
    r"|emprise\s+(?:de|du|des|d')"
    r"|^under\s.*(?:control|rule)|^(?:returned|reverted|passed|came)\s.*control|^in\s.*hands"
    r"|entre\s+(?:leurs|ses|nos)\s+mains)$",
    _I,
)
# A definite description standing for a place named before: "contrôle 35 % de la province".
_DEFINITE = re.compile(
    r"[^,;.]{0,50}?\b(?:la|the|cette|this|le|l['’])\s*"
    # "recaptured the strategic town in northwestern Idlib province"
    r"(?:(?:strategic|key|embattled|besieged|northern|southern|eastern|western|border|desert"
    r"|stratégique|frontalière|assiégée|former|ancienne|rebel"
    # « la troisième ville du pays », "the second city"
    r"|deuxième|troisième|seconde|second|third|largest|biggest|plus\s+grande)\s+)?"
    r"(?P<noun>province|governorate|ville|city|town|village|neighbou?rhoods|districts|quartiers"
    r"|localité|cité|agglomération"
    # "now control more than 90 percent of the former enclave": the area named before
    r"|enclave"
    # "The SDF took the base from the militants in March": the facility named before
    r"|air\s+base|airbase|base\s+aérienne|base|airport|airfield|aéroport|oil\s*field|dam"
    r"|barrage|crossing)\b",
    _I,
)


_LOCATED_AFTER_NOUN = re.compile(r"\s*,?\s*(?:in|dans|en|near|près|au|à\s+l['’])\b", _I)


def _own_name_after(text: str, noun_end: int, place_start: int) -> bool:
    """Whether the place after a definite noun is its own name ("la ville frontalière
    d'Albou Kamal"), not one that locates it ("the town in northwestern Idlib province") or
    an example in it (« le sud de la province, notamment la ville d'al-Chaddadi »)."""
    return (
        place_start - noun_end <= 25
        and not _LOCATED_AFTER_NOUN.match(text, noun_end)
        and not _INCLUDING.search(text, noun_end, place_start)
        # ("the rebel enclave east of Damascus": a landmark, not the enclave's name)
        and not _relational(text, noun_end, place_start)
    )


def _definite_object(text: str, at: int) -> re.Match[str] | None:
    """The definite noun a verb takes as object ("retook the town"), unless it only locates
    the object ("seized a hill overlooking the town")."""
    found = _DEFINITE.match(text, at)
    if found is None or _relational(text, at, found.start("noun")):
        return None
    if _NAMED_THING_LOCATED.search(text, at, found.start("noun")):
        return None  # "holds the Division 17 base on the northern edge of the city"
    return found


# A named thing the gazetteer does not hold, then where it lies: the verb's object is the
# thing, and the definite noun after it only locates it.
_NAMED_THING_LOCATED = re.compile(
    r"\b(?:the|le|la|les|l['’])\s*[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:on|at|in|inside|outside|near|sur|à|au|dans|près\s+de)\s",
)


_BASE_KINDS = frozenset({"airport", "base", "other"})
_FACILITY_NOUN_KINDS = {
    "base": _BASE_KINDS,
    "airbase": _BASE_KINDS,
    "baseaérienne": _BASE_KINDS,
    "airport": _BASE_KINDS,
    "airfield": _BASE_KINDS,
    "aéroport": _BASE_KINDS,
    "oilfield": frozenset({"oilfield"}),
    "dam": frozenset({"dam", "other"}),
    "barrage": frozenset({"dam", "other"}),
    "crossing": frozenset({"crossing"}),
}


def _noun_kinds(noun: str) -> frozenset[str] | None:
    """The place kinds a noun stands for: "the base", an air base named before; « la
    localité », a town, not the border crossing named with it."""
    word = re.sub(r"\s+", "", noun.lower())
    if word == "agglomération":
        return _CITY_KINDS  # a conurbation: a city, not a town named since
    if word in ("ville", "city", "town", "village", "localité", "cité"):
        return _TOWN_KINDS
    if word == "enclave":
        return _AREA_KINDS
    if word in ("neighbourhoods", "neighborhoods", "districts", "quartiers"):
        return _TOWN_KINDS  # "broke into the eastern neighbourhoods": of the town named before
    return _FACILITY_NOUN_KINDS.get(word)


_RANKED = re.compile(
    r"\b(?:deuxième|troisième|seconde|second|third|largest|biggest|plus\s+grande)\s", _I
)
_CITY_KINDS = frozenset({"city"})
_AREA_KINDS = frozenset({"region"})
_NOUN_PRECISION = {
    "enclave": "region",
    "province": "governorate",
    "governorate": "governorate",
    "agglomération": "point",
    "ville": "point",
    "city": "point",
    "town": "point",
    "localité": "point",
    "cité": "point",
}
# the side a place was lost to, named after it
_LOST_TO_WORDS = (
    r"\b(?:to|au\s+profit\s+(?:de|du|des|d')|aux\s+mains\s+(?:de|du|des|d')|face\s+(?:à|aux?)"
    # « a livré Mossoul aux jihadistes », « cédé la ville au régime »
    r"|aux|au|à)\s*"
    r"(?:the\s+|l'|la\s+|le\s+|les\s+)?"
)
_LOST_TO = re.compile(_LOST_TO_WORDS + "$", _I)
# "to the Syrian army", "to the US-backed SDF": up to two words of the side's name before it
_LOST_TO_LEAD = re.compile(_LOST_TO_WORDS + r"(?:[\w-]+\s+){0,2}$", _I)
# A division that only says where the towns of a phrase lie: "l'une des dernières localités
# de la province d'Anbar encore aux mains de l'EI", "one of the last towns in Anbar held by".
_CONTAINER_OF = re.compile(
    r"\b(?:localités?|villes?|bourgs?|villages?|towns?|cities|city|bastions?|strongholds?"
    r"|positions?|places?)\s+(?:\w+\s+){0,2}?(?:de\s+la|du|de|d'|of(?:\s+the)?|in(?:\s+the)?"
    r"|dans\s+la|en)\s*(?:province|gouvernorat|governorate|région|region)?\s*(?:de\s+|d'|of\s+)?$",
    _I,
)
_DISTANCE_BEFORE = re.compile(
    r"(?:\b\d+|\ba\s+few|\bseveral|\bsome|\bquelques|\bplusieurs|\bune\s+\w+aine\s+de)\s*"
    r"(?:km|kilomet(?:re|er)s?|kilomètres|miles?)\s+(?:\([^()]{1,30}\)\s+)?(?:to\s+the\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of"
    r"|(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de|d['’]|du))\s*\Z",
    _I,
)
_GOAL_BEFORE = re.compile(
    r"\b(?:towards?|into|against|on|at|vers|sur|contre)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’]"
    r"|its\s+|their\s+|son\s+|sa\s+|ses\s+|leurs?\s+)?(?:[\w'’-]+\s+){0,3}\Z",
    _I,
)
_STRONGHOLD = re.compile(
    r"derni|principa|\b(?:last|main|key|biggest|largest|major|final|strongholds?|bastions?"
    r"|fiefs?|capitale?|garrison|garnison)\b",
    _I,
)
# A governorate or country that only locates the towns of a list ("Hit and Haditha in Anbar,
# as well as Tikrit"): skipped, and the list goes on after it.
_CONTAINER_GAP = re.compile(
    r"^\s*(?:in|inside|dans|en|au|à)\s+(?:(?:the|la|le|l'|les)\s*)?"
    r"(?:(?:western|eastern|northern|southern|central|north-?\w*|south-?\w*)\s+)?"
    r"(?:province\s+(?:of|de|d')\s*)?$",
    _I,
)
# A share with no place after it: "still holds about 35 %", "control the remaining 90 %".
_BARE_SHARE = re.compile(
    r"\s*(?:(?:about|around|some|roughly|nearly|only|just|qu'|que|plus\s+qu'|environ|près\s+de"
    r"|the\s+remaining|le\s+reste|les|the|moins\s+de|less\s+than|more\s+than)\s*)*"
    r"\d{1,3}(?:[.,]\d+)?\s*(?:%|per\s*cent|pour\s*cent)(?!\s*(?:of|de|du|d')\b)",
    _I,
)
# Districts held, with no place of their own: "hold several western districts".
_DISTRICTS = re.compile(
    r"\s*(?:(?:still|encore|toujours|only|que|qu'|plus\s+que)\s+)*(?:(?:several|a\s+few|some"
    r"|plusieurs|quelques|des|les|the|\d+|two|three|four|five|six|seven|eight|nine|ten|deux"
    r"|trois|quatre|cinq|sept|huit|neuf|dix)\s+(?:\w+\s+)?(?:districts|neighbou?rhoods|quartiers)\b"
    r"|(?:le|the)\s+(?:town\s+|city\s+)?cent(?:re|er)(?:-ville)?\b"
    # "the old city", « la vieille ville »: a quarter of the town
    r"|(?:the\s+old\s+(?:city|town)|la\s+vieille\s+ville)\b)"
    r"(?!\s+(?:of|de|d'|du)\s+[A-ZÀ-Ý])",
    _I,
)
# A sentence that opens on a place: "In Raqqa, ...", "Dans la ville de Deir Ezzor, ...".
_FRONTED = re.compile(
    r"\W*(?:in|at|inside|within|à|dans|à\s+l['’]intérieur\s+de)\s+"
    r"(?:(?:la\s+)?ville\s+de\s+|the\s+city\s+of\s+)?",
    _I,
)
_NON_ISIS_GROUND = tuple(side for side in GROUND_SIDES if side != "isis")
_CONFINED = re.compile(
    r"\b(?:confined|limited|reduced|restricted|cantonnée?s?|confinée?s?|réduite?s?|limitée?s?"
    r"|se\s+(?:limite|limitent|réduit|réduisent|résume)(?:\s+(?:désormais|aujourd'hui))?)"
    r"\s+(?:to|à|au|aux)\s*$",
    _I,
)
# Sides that can hold ground in each country, for a gainer the text does not name.
_SIDES_IN = {
    "IQ": ("iraqi_forces", "peshmerga"),
    "SY": ("syrian_government", "sdf", "syrian_opposition"),
}
# How a date right after a listed place is read as that place's own date ("Akashat à la
# mi-septembre puis Anah le 21 septembre").
_OWN_DATE_GAP = re.compile(r"^[^,.;]{0,12}$")
# « puis Baïji, une quarantaine de kilomètres plus au nord, en octobre »: the date after the
# place's apposition, set off by commas
_APPOSED_OWN_DATE_GAP = re.compile(
    r"^\s*,\s*(?:[^,.;()«»\"“”]{1,80},\s*)?(?:in|on|en|le|au\s+début\s+de|à\s+la\s+mi-|fin|début)\s*$",
    _I,
)
# (not "Sheikh Najjar, le premier quartier à avoir échappé au régime, en juillet 2012": the
# date of the apposition's own verb)
_APPOSED_CLAUSE = re.compile(
    r"\b(?:qui|dont|où|which|that|who|whose|where|ayant|having)\b"
    r"|\b(?:à\s+(?:avoir|être)|to\s+(?:have|be|fall))\b",
    _I,
)
_COORDINATOR = re.compile(r"\b(?:and|then|et|puis)\b", _I)
# (« puis, le 17 octobre, la ville de Rawa »: the place's own article and noun)
_DATE_OPENS_PLACE = re.compile(
    r"^\s*,?\s*(?:de|d['’]|du|des|of|par|by"
    r"|(?:the|le|la|les|l['’])\s*(?:(?:town|city|village|ville|localité|bourg)\s+(?:of|de|d['’])\s*)?)?"
    r"\s*$",
    _I,
)
_SIDE_PREFIX = {
    "government": None,
    "regime": "syrian_government",
    "jihadist": "isis",
    "militant": "isis",
    "is": "isis",
    "isis": "isis",
    "rebel": "syrian_opposition",
    "sdf": "sdf",
    "kurdish": KURDISH,  # "the Kurdish-held enclave of Afrin": the SDF in Syria, peshmerga in Iraq
}
_KURDS_OF = {"syrian_government": "sdf", "iraqi_forces": "peshmerga"}


_PREFIXES = "|".join(_SIDE_PREFIX)
_PREFIX_BEFORE = re.compile(r"\b(" + _PREFIXES + r")-\Z", _I)
# "in rebel hands", "under Iraqi control", « sous contrôle kurde »: the side's adjective
_SIDE_ADJECTIVE = {
    **_SIDE_PREFIX,
    "iraqi": "iraqi_forces",
    "syrian": "syrian_government",
    "irakien": "iraqi_forces",
    "syrien": "syrian_government",
    "kurde": KURDISH,
    "rebelle": "syrian_opposition",
    "jihadiste": "isis",
    "djihadiste": "isis",
}
_UNDER_SIDE = re.compile(
    r"\b(?:in|under|to)\s+(" + _PREFIXES + r"|iraqi|syrian)\s+(?:hands|control)$"
    rf"|\bsous\s+(?:le\s+)?contrôle\s+({_FR_SIDE_ADJECTIVES})$",
    _I,
)


# a hold told as what came after the move: "which rebels took in 2013 and which has since
# become the group's capital", « qui est depuis devenue son fief »
_SINCE_THEN_BEFORE = re.compile(
    r"\b(?:has|have|had)\s+since\b|\bsince\s+then\b|\b(?:est|sont|a|ont)\s+depuis\b"
    r"|\bdepuis\s+lors\b",
    _I,
)
# Frames that move a place to a side; a hold the same sentence states for another side
# describes the place before the move.
# ("Islamic State had lost al-Qaim, its stronghold on the border": held before the loss)
TAKING_FRAMES = ("take", "take_pass", "take_noun", "expel", "expelled", "enter", "lose", "leave")


def claims_from_readings(
    article: Article, readings: Sequence[Reading], event_ids: dict[int, str]
) -> list[Claim]:
    """Claims from every trigger reading of an article, merged and deduplicated."""
    # each pass below asks for the same readings' objects: read them once
    memo: dict[int, list[PlaceMention]] = {}

    def objects_of_reading(reading: Reading) -> list[PlaceMention]:
        if id(reading) not in memo:
            memo[id(reading)] = _objects(reading)
        return memo[id(reading)]

    story = _story_gainer(readings)
    for reading in readings:
        reading.extra["story_gainer"] = story
    taken: dict[int, set[tuple[str, str]]] = {}
    for reading in readings:
        if (
            reading.realised
            and reading.frame in TAKING_FRAMES
            # "reached the outskirts of Rawa, the last town held by IS": still held
            and not (reading.frame == "enter" and _AT_THE_EDGE.search(reading.hit.text))
        ):
            # "la reprise de Mossoul, plus grande ville tenue par le groupe": the hold
            # describes the place before it was taken, by a captor named or not
            gainer = _gainer(reading)
            objects = objects_of_reading(reading)
            for n, place in enumerate(objects):
                if reading.frame == "leave" and _destination(reading, place):
                    continue  # where they went, not what they left
                side = _gaining_side(reading, place, objects[n - 1] if n else None, gainer, {})
                # (a share taken leaves the rest held: "fighting to take the last districts
                # the group holds in Mosul, after retaking the eastern half of the city")
                partly = _share(reading, place, objects[n - 1] if n else None)[0] == "partial"
                if side is not None and not partly:
                    taken.setdefault(reading.sentence.index, set()).add((place.place_id, side))
    _mark_held_since_then(readings, objects_of_reading)
    held: dict[int, dict[str, str]] = {}
    last_held: dict[int, set[str]] = {}
    for reading in readings:
        if reading.realised and reading.frame == "hold":
            holder = _holder(reading)
            if holder in GROUND_SIDES:
                for place in objects_of_reading(reading):
                    held.setdefault(reading.sentence.index, {}).setdefault(place.place_id, holder)
                    if _STRONGHOLD.search(reading.hit.text):
                        last_held.setdefault(reading.sentence.index, set()).add(place.place_id)
    claims: list[Claim] = []
    for reading in readings:
        if reading.frame == "event" and reading.realised and reading.date is not None:
            claims.extend(_siege_broken_claims(article, reading, event_ids.get(id(reading))))
        if not reading.realised or reading.frame == "event" or reading.date is None:
            continue  # a claim needs a day to start from
        if article.published and (article.published - reading.date).days > HISTORY_DAYS:
            continue
        holders = held.get(reading.sentence.index, {})
        strongholds = frozenset(last_held.get(reading.sentence.index, ()))
        made = _claims_for(
            article,
            reading,
            event_ids.get(id(reading)),
            taken,
            holders,
            strongholds,
            objects_of_reading(reading),
        )
        claims.extend(made)
        claims.extend(_compared_captures(article, reading, event_ids.get(id(reading)), made))
    claims.extend(_reversed_captures(article, readings, objects_of_reading, event_ids))
    claims.extend(_shared_holds(article, readings, objects_of_reading, event_ids))
    claims.extend(_not_yet_taken(article, readings))
    claims = _named_gainer_elsewhere(_nearest_trigger_dates(claims), article.published)
    return _consolidate(_drop_restated_holds(_drop_holds_before_a_gain(claims)))


_BACK_IN = re.compile(r"\bback\s+(?:in|under|into)\b|\b(?:de\s+nouveau|à\s+nouveau)\b", _I)
# « Sinjar est depuis aux mains des forces fédérales », "has since been held by": held from
# the change the text told last, with no date of its own
_BARE_SINCE = re.compile(
    r"\b(?:est|sont|était|étaient)\s+depuis\s+(?=(?:aux?|entre|sous)\s|tenue?s?\b|contrôlée?s?\b)"
    r"|\b(?:has|have)\s+since\s+been\b|\bdepuis\s+lors\b|\bsince\s+then\b",
    _I,
)


def _mark_held_since_then(
    readings: Sequence[Reading], objects_of_reading: Callable[[Reading], list[PlaceMention]]
) -> None:
    """Give a hold told as lasting "since" the day of the last dated change of its place."""
    changed: dict[str, DateMention] = {}
    for reading in readings:
        if not reading.realised:
            continue
        if reading.frame in TAKING_FRAMES:
            if reading.date_how == "sentence" and reading.date_mention is not None:
                for place in objects_of_reading(reading):
                    changed[place.place_id] = reading.date_mention
            continue
        if reading.frame != "hold" or not changed:
            continue
        start = reading.sentence.start
        if _BARE_SINCE.search(reading.sentence.text, 0, reading.hit.end - start):
            reading.extra["changed_on"] = {
                place.place_id: changed[place.place_id]
                for place in objects_of_reading(reading)
                if place.place_id in changed
            }


# "have not yet retaken Rawa", « n'ont pas encore repris Rawa », "have yet to enter Hajin"
_NOT_YET = re.compile(
    r"\b(?:not\s+yet|yet\s+to|still\s+not|pas\s+encore|toujours\s+pas|pas\s+toujours)\b"
    r"[^,;.]{0,30}$",
    _I,
)


def _not_yet_taken(article: Article, readings: Sequence[Reading]) -> list[Claim]:
    """A side that has not yet taken a place leaves it to the side it fights there.

    The holder is the side named as losing it ("not yet retaken Rawa from IS"), else Islamic
    State when the article names it and the taker is another side; as of publication.
    """
    out: list[Claim] = []
    published = article.published
    if published is None:
        return out
    for reading in readings:
        if reading.frame not in ("take", "expel", "enter"):
            continue
        head = reading.sentence.text[: reading.hit.start - reading.sentence.start]
        not_yet = _NOT_YET.search(head)
        # "have not yet retaken" is negated, "have yet to retake" an aim still unmet
        if not not_yet or not (reading.cues.negated or "yet to" in not_yet.group(0).lower()):
            continue
        taker = reading.agent.side if reading.agent is not None else None
        holder = reading.patient.side if reading.patient is not None else None
        if holder is None and taker not in (None, "isis"):
            named = {h.side for h in reading.extra.get("all_hits", [])}
            holder = "isis" if "isis" in named else None
        if holder not in GROUND_SIDES or holder == taker:
            continue
        for place in _objects(reading):
            if place.precision != "point":
                continue
            claim = _claim(article, reading, None, place, holder, published, "full", None)
            claim.extra["frame"] = "hold"
            claim.extra["not_yet"] = True
            out.append(_scaled(claim, 0.75, "held: not yet taken by the other side"))
    return out


_UNOPPOSED = re.compile(
    r"\b(?:no shots? (?:was|were|had been) fired"
    r"|without (?:a fight|(?:firing|a) (?:a |single )*shot"
    r"|(?:meeting |any |encountering )*resistance)"
    r"|unopposed|(?:met|encountered|faced) no resistance"
    r"|sans (?:combats?|combattre|coup férir|(?:rencontrer )?(?:de |aucune )?résistance"
    r"|(?:tirer|qu'un) (?:un )?(?:seul )?coup de feu)|aucun coup de feu n'a été tiré"
    r"|n'ont rencontré aucune résistance)",
    _I,
)
_STILL = re.compile(r"\b(?:still|toujours|encore)\b", _I)


def _drop_holds_before_a_gain(claims: list[Claim]) -> list[Claim]:
    """A state told in the past about a place the article says another side has just gained
    describes it before the gain: « Mayadine était considérée comme l'un des derniers bastions
    de l'EI » after « le régime a repris Mayadine samedi ». One told with "still" ("its
    fighters were still holding out in the town", "soldiers were still holed up in its
    hospital", "in the northern part of the town") is the losing side's foothold after the
    gain: the place is contested."""
    gains = [c for c in claims if c.extra.get("frame") != "hold" and c.kind == "full"]
    out = []
    for c in claims:
        after_gain = (
            c.extra.get("frame") == "hold"
            and (c.extra.get("past") or c.extra.get("not_yet") or c.extra.get("still"))
            and any(
                g.place_id == c.place_id
                and g.side != c.side
                and 0 <= (c.valid_from - g.valid_from).days <= 31
                for g in gains
            )
        )
        if not after_gain:
            out.append(c)
        elif c.extra.get("still"):
            out.append(_with_kind(c, "contested") if _foothold(c) else c)
    return out


def _foothold(claim: Claim) -> bool:
    """Whether a hold kept after the other side's gain is a foothold in a contested place:
    the whole place, or a minor part of a town ("still holding out in the northern part of
    the town"); most of it, or a part of a province, stays a share."""
    if claim.kind == "full":
        return True
    return (
        claim.kind == "partial"
        and claim.precision == "point"
        and (claim.fraction is None or claim.fraction < 0.5)
        # ("still holding the southern districts of the city": whole quarters, a share)
        and not _QUARTERS.search(claim.sentence)
    )


_QUARTERS = re.compile(r"\b(?:districts|neighbou?rhoods|quartiers)\b", _I)


def _with_kind(claim: Claim, kind: str) -> Claim:
    """The claim with another kind, under the id that kind gives it (ids must stay unique)."""
    return replace(
        claim,
        kind=kind,
        id=stable_id(
            claim.article_id,
            claim.place_id,
            claim.side,
            claim.valid_from,
            kind,
            claim.sentence_start,
        ),
    )


def _nearest_trigger_dates(claims: list[Claim]) -> list[Claim]:
    """A place that two triggers of one sentence date differently takes its nearest one.

    "Chassé de Mossoul en juillet puis de Tal Afar, dont la reprise a été proclamée jeudi":
    Tal Afar is listed under the July expulsion but dated by its own noun, right after it.
    """
    alike: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        alike[(claim.sentence_start, claim.place_id, claim.side, claim.kind)].append(claim)
    kept = []
    for claim in claims:
        rivals = [
            c
            for c in alike[(claim.sentence_start, claim.place_id, claim.side, claim.kind)]
            if c is not claim
            and abs((c.valid_from - claim.valid_from).days) > 1
            and c.extra.get("frame") != "hold"
        ]
        if claim.extra.get("frame") != "hold" and any(
            # a day the text names beats a week counted ("moins d'une semaine après la chute
            # de Manbij, dont les FDS ont pris le contrôle le 12 août"), then the nearer verb
            (_FINENESS.get(c.extra.get("date_precision"), 3), _trigger_distance(c))
            < (_FINENESS.get(claim.extra.get("date_precision"), 3), _trigger_distance(claim))
            for c in rivals
        ):
            continue
        kept.append(claim)
    return kept


_FINENESS = {"day": 0, "week": 1, "month": 2, "year": 3}


def _trigger_distance(claim: Claim) -> int:
    trigger = claim.extra.get("trigger_start", 0)
    start, end = claim.extra.get("place_start", 0), claim.extra.get("place_end", 0)
    return start - trigger if trigger <= start else trigger - end


_SAME_TOWN_KM = 15.0  # a town's airport, base or refinery lies within this of its centre
_BACKGROUND_DAYS = 180  # an unattributed capture this long before the report is history


def _losing_now(claims: list[Claim], claim: Claim, published: date | None) -> str | None:
    """The one side the report shows holding part of a place another side is taking from
    it, for an unattributed capture of that place long before the report."""
    if published is None or (published - claim.valid_from).days < _BACKGROUND_DAYS:
        return None
    recent = [
        c
        for c in claims
        if c.place_id == claim.place_id
        and c is not claim
        and 0 <= (published - c.valid_from).days <= 30
    ]
    holding = {c.side for c in recent if c.extra.get("frame") == "hold"}
    taking = {c.side for c in recent if c.extra.get("frame") != "hold"}
    if len(holding - taking) == 1 and taking and not taking & holding:
        return next(iter(holding - taking))
    return None


def _named_gainer_elsewhere(claims: list[Claim], published: date | None = None) -> list[Claim]:
    """An unnamed captor is the side the article names as gaining or holding that place.

    "Chassé de Rakka il y a deux semaines" leaves the captor unsaid; "Rakka est entièrement
    contrôlée par les FDS" further down names it. Only a single such side is taken; with
    none or several, the government of the place's country stays.
    """
    out = []
    for claim in claims:
        if "gainer inferred" not in claim.extra.get("note", "") and not claim.extra.get(
            "gainer_inferred"
        ):
            out.append(claim)
            continue
        losing_now = _losing_now(claims, claim, published)
        if losing_now is not None:
            # « un mois après la prise de Mossoul », in a story of the city's retaking from
            # the jihadists: a capture of years back went to the side now losing the place
            out.append(Claim(**{**claim.__dict__, "side": losing_now}))
            continue
        if any(
            c.place_id == claim.place_id
            and c.sentence_start == claim.sentence_start
            and c.article_id == claim.article_id
            and c.extra.get("frame") != "hold"
            and "gainer inferred" not in c.extra.get("note", "")
            and not c.extra.get("gainer_inferred")
            # (« la reprise de Ramadi le 28 décembre, (...) tombé aux mains de l'EI en mai
            # 2015 »: another change, months apart)
            and abs((c.valid_from - claim.valid_from).days) <= 31
            for c in claims
        ):
            # « après la chute de Palmyre, la cité antique conquise par l'EI le 21 mai »: the
            # sentence names who took it, with its own day
            continue
        named = {
            c.side
            for c in claims
            if c.place_id == claim.place_id
            and c.side != claim.side
            and c.extra.get("frame") != "hold"
            and "gainer inferred" not in c.extra.get("note", "")
            # ("Islamic State fighters stormed Ain Issa. By midday the town had fallen": to
            # the side that went in; "has fallen to ISIL, except for its edges": to the side
            # that took most of it)
            and c.kind in ("full", "contested", "partial")
            and abs((c.valid_from - claim.valid_from).days) <= 3
            # (not a side still fighting in the town the day after it fell)
            and (c.kind != "contested" or c.valid_from <= claim.valid_from)
        }
        if not named:
            # (« La ville est tombée », says an official the day after the group took it: the
            # same fall, whichever side took it)
            named = {
                c.side
                for c in claims
                if c.place_id == claim.place_id
                and c.side not in ("isis", claim.side)
                and "gainer inferred" not in c.extra.get("note", "")
                and c.kind in ("full", "partial")
                # (« la reprise de Kirkouk ... Les peshmergas la contrôlaient depuis juin
                # 2014 »: who held it before it fell is who lost it)
                and not (c.extra.get("frame") == "hold" and c.valid_from < claim.valid_from)
            }
        if not named and not claim.extra.get("story_captor"):
            # « Les jihadistes ont pris Mossoul mardi (...) L'aéroport de Mossoul est tombé
            # mardi »: a site of a town taken that day went with the town (not a village of the
            # operation the story reports, when a nearby one changed hands the other way)
            named = {
                c.side
                for c in claims
                if c.place_id != claim.place_id
                and c.side != claim.side
                and c.precision == "point"
                and c.extra.get("frame") != "hold"
                and "gainer inferred" not in c.extra.get("note", "")
                and c.kind == "full"
                and abs((c.valid_from - claim.valid_from).days) <= 1
                and distance_km(c.lat, c.lon, claim.lat, claim.lon) <= _SAME_TOWN_KM
            }
        if not named:
            # "Hours after the town fell, ..." in a story that says the group now holds most of
            # the town: the one side holding it that day took it
            named = {
                c.side
                for c in claims
                if c.place_id == claim.place_id
                and c.side != claim.side
                and c.extra.get("frame") == "hold"
                and not (c.extra.get("past") or c.extra.get("still") or c.extra.get("not_yet"))
                and c.kind in ("full", "partial")
                and abs((c.valid_from - claim.valid_from).days) <= 1
            }
            if len(named) != 1:
                named = set()
        if not named:
            # "The capture crowned a push that began last week with the fall of al-Sukhnah",
            # in a story of the group's advance: the side every named capture of those weeks
            # went to took this place too
            country = COUNTRY_OF_SIDE.get(claim.side)
            local = {"isis", *_SIDES_IN.get(country or "", ())}
            gained = {
                (c.side, c.place_id)
                for c in claims
                if c.side in local
                and c.extra.get("frame") != "hold"
                and "gainer inferred" not in c.extra.get("note", "")
                and c.kind == "full"
                and abs((c.valid_from - claim.valid_from).days) <= 21
            }
            gains = {side for side, _ in gained}
            # (two places at least: one recapture nearby is no momentum)
            if len(gains) == 1 and len(gained) >= 2 and claim.side not in gains:
                named = gains
        named.discard(claim.extra.get("loser", ""))  # ("repris au groupe EI": not to it)
        if len(named) == 1:
            claim = Claim(**{**claim.__dict__, "side": named.pop()})
        out.append(claim)
    return out


def _drop_restated_holds(claims: list[Claim]) -> list[Claim]:
    """A state whose start the same sentence gives is one claim, from that start.

    "Iraqi forces hold Hawija, retaken on Oct 5" says Hawija has been theirs since Oct 5:
    the hold as of the publication day adds nothing to the capture, so it is left out.
    """
    gained = [c for c in claims if c.extra.get("frame") != "hold" and c.kind == "full"]
    return [
        c
        for c in claims
        if c.extra.get("frame") != "hold"
        or not any(
            g.sentence_start == c.sentence_start
            and g.place_id == c.place_id
            and g.side == c.side
            and g.valid_from <= c.valid_from
            and c.kind == "full"  # "now holds only a fraction of what it took" is news
            # ("took Manbij on Aug 12 and still hold the town": kept to this day, also news)
            and not c.extra.get("still_held")
            for g in gained
        )
    ]


_BARE_EDGE = re.compile(r"aux\s+abords|at\s+the\s+(?:outskirts|edges?|gates)", _I)


def _struck_at_the_edge(reading: Reading) -> bool:
    """« l'aviation a frappé des positions jihadistes aux abords d'Amerli »: the outskirts
    locate what a strike or a shelling hit, and no one entered them."""
    if not _BARE_EDGE.fullmatch(reading.hit.text):
        return False
    start = reading.sentence.start
    clause = reading.sentence.text[: reading.hit.start - start]
    clause = re.split(r"[,;:]", clause)[-1]
    clause_start = reading.hit.start - len(clause)
    return any(
        t.spec.type in ("air_strike", "shelling") and clause_start <= t.start < reading.hit.start
        for t in reading.extra.get("triggers", [])
    )


def _claims_for(
    article: Article,
    reading: Reading,
    event_id: str | None,
    taken: dict[int, set[tuple[str, str]]],
    holders: dict[str, str] | None = None,
    strongholds: frozenset[str] = frozenset(),
    objects: list[PlaceMention] | None = None,
) -> list[Claim]:
    frame = reading.frame
    if frame == "enter" and _struck_at_the_edge(reading):
        return []
    if frame in TAKING_FRAMES and _FOR_A_WHILE.search(
        reading.sentence.text,
        max(0, reading.hit.start - reading.sentence.start - 20),
        reading.hit.start - reading.sentence.start,
    ):
        return []  # "briefly drove them out of the town centre": ground not kept
    if frame == "hold" and _DIVIDED.fullmatch(reading.hit.text):
        return _divided_claims(article, reading, event_id)
    if objects is None:
        objects = _objects(reading)
    if not objects:
        return []
    out: list[Claim] = []
    if frame == "hold" and _held_in_taken_object(reading):
        return []  # "took over the last rebel-held towns": what they were before
    if frame == "hold":
        holder = _holder(reading)
        if holder not in GROUND_SIDES:
            return []
        undated = not reading.extra.get("sentence_dates") and not reading.extra.get("since_dates")
        if undated and _HAD_HELD.search(
            reading.sentence.text, 0, reading.hit.end - reading.sentence.start
        ):
            # "Karma, a town the militants had held for more than two years": a state before
            # the story's change, undated, is no hold as of publication
            return []
        if (
            undated
            and _IMPERFECT_HOLD.fullmatch(reading.hit.text)
            and _FOR_AN_UNDATED_SPAN.match(
                reading.sentence.text, reading.hit.end - reading.sentence.start
            )
        ):
            # « Les jihadistes tenaient al-Moutassim depuis plusieurs mois »: the same, told in
            # the imperfect
            return []
        published = article.published or reading.date
        in_sentence = taken.get(reading.sentence.index, set())
        # "three weeks after the militants seized it, the town was back in government hands on
        # Saturday": the state that followed the taking, from the day it is told
        back = _BACK_IN.search(
            reading.sentence.text,
            max(0, reading.hit.start - reading.sentence.start - 12),
            reading.hit.end - reading.sentence.start,
        )
        for n, place in enumerate(objects):
            escaped = _escaped_on(reading)
            if escaped is None and any(
                pid == place.place_id and side != holder for pid, side in in_sentence
            ):
                # a place the sentence says another side took, unless the hold is told as
                # what it was before ("took the crossing, which had been in rebel hands since
                # 2015")
                before_then = _PLUPERFECT.search(
                    reading.sentence.text, 0, reading.hit.start - reading.sentence.start
                ) or _HELD_BEFORE_THEN.search(
                    reading.sentence.text, 0, reading.hit.end - reading.sentence.start
                )
                # ("Held by rebels since 2012, Daraya was retaken": a fronted past state)
                fronted = not reading.sentence.text[
                    : reading.hit.start - reading.sentence.start
                ].strip(" \t\n\"«“'")
                before_then = before_then or (fronted or None)
                # (« à l'EI, qui la contrôlait depuis 2014 », "which had held it since 2014":
                # a past tense of its own)
                since_then = _SINCE_THEN_BEFORE.search(
                    reading.sentence.text,
                    max(0, reading.hit.start - reading.sentence.start - 50),
                    reading.hit.start - reading.sentence.start,
                )
                if (
                    since_then is None
                    and back is None
                    and (before_then is None or _since(reading, place, None) is None)
                ):
                    continue
            kind, fraction = _share(reading, place, objects[n - 1] if n else None)
            if escaped is not None and fraction is None:
                # (the apposition describes the place: « le plus vaste quartier rebelle »)
                kind = "full"
            if reading.extra.get("share_window", {}).get(place.place_id) == _POSITIONS_HELD:
                kind = "contested"  # « des unités irakiennes y tenaient encore des positions »
            if place.precision == "country" and kind != "partial":
                continue  # a country is claimed only as a share held
            if kind == "full" and _PRESENCE.search(reading.hit.text):
                kind = "partial"  # « l'EI reste présent à Rawa et Al-Qaïm »: not control
            if kind == "full" and _HELD_OUT.match(
                reading.sentence.text, reading.hit.end - reading.sentence.start
            ):
                kind = "partial"  # "insurgents still holding out in Zabadani": under siege there
            if kind == "full" and _held_within(reading, place, objects[n - 1] if n else None):
                kind = "partial"  # "the last town they held in Anbar province": not all of it
            since = _since(reading, place, objects[n + 1] if n + 1 < len(objects) else None)
            since = since or escaped or _held_by_then(reading)
            if since is None and (back or _BECAME_HELD.match(reading.hit.text)):
                # "returned to government control on Thursday", "came under rebel control in
                # 2015": a state that began when the sentence says
                since = reading.date_mention if reading.date_how == "sentence" else None
            if (
                since is None
                and reading.date_how == "sentence"
                and reading.date is not None
                and reading.date_mention is not None
                and published is not None
                and (published - reading.date).days > 60
                and reading.date_mention.end <= reading.hit.start
                and re.fullmatch(
                    r"[^,;.]{0,20}", _text_of(reading, reading.date_mention.end, reading.hit.start)
                )
            ):
                # "the group, which in 2014 controlled a third of Iraq": a state of long ago,
                # with no telling when it began or ended
                continue
            if since is None:
                since = reading.extra.get("changed_on", {}).get(place.place_id)
            if since is None:
                since = _held_for_a_span(reading)
            if since is None:
                since = _declared_on(reading, published)
            if since is None:
                since = _past_day_of_state(reading, published)
            valid_from = since.value if since is not None else published
            claim = _claim(article, reading, event_id, place, holder, valid_from, kind, fraction)
            claim.extra["date_precision"] = since.precision if since is not None else "day"
            if (
                since is None
                and not back
                and _PAST_STATE.search(
                    reading.sentence.text, 0, reading.hit.start - reading.sentence.start
                )
            ):
                claim.extra["past"] = True
            if _STILL.search(
                reading.sentence.text,
                max(0, reading.hit.start - reading.sentence.start - 25),
                reading.hit.end - reading.sentence.start,
            ):
                # "saying its fighters were still holding out": a side's own account against
                # the gain, not the place as it was before it
                claim.extra["still"] = True
            if claim.extra.get("still") or _STILL.match(
                reading.sentence.text, reading.hit.end - reading.sentence.start + 1
            ):
                claim.extra["still_held"] = True  # « tiennent toujours »
            out.append(claim)
            complement = _complement(article, reading, event_id, place, holder, kind, fraction)
            if complement is not None:
                out.append(complement)
        return out
    gainer = _gainer(reading)
    inferred = reading.agent is None or reading.agent.side not in GROUND_SIDES
    for n, place in enumerate(objects):
        # "losing Raqqa to the SDF, and Mayadin and Deir ez-Zor to the Syrian army": each
        # place goes to the side after its own "to"
        own_gainer = _lost_to_after(reading, place) if frame == "lose" else None
        if gainer is None and frame in ("take_pass", "take_noun"):
            # « la chute de Mossoul face à l'offensive de l'EI », "the fall of Mosul to"
            own_gainer = _fell_to_after(reading, place) or _holder_since_the_fall(reading, place)
        side = _gaining_side(
            reading,
            place,
            objects[n - 1] if n else None,
            own_gainer or gainer,
            holders,
            strongholds,
        )
        if side is None:
            continue
        if frame == "enter":
            # forces that walk in unopposed hold the place; otherwise it is fought over
            kind = "full" if _UNOPPOSED.search(reading.sentence.text) else "contested"
            fraction = None
        elif frame == "leave":
            if _destination(reading, place):
                continue  # « ont quitté la ville pour la province d'Idleb »: where they went
            kind, fraction = "full", None  # "largely abandoned" still leaves the place
        else:
            kind, fraction = _share(reading, place, objects[n - 1] if n else None)
            if place.precision == "governorate" and _SUBPLACES_BEFORE.search(
                reading.sentence.text,
                max(0, place.start - reading.sentence.start - 90),
                place.start - reading.sentence.start,
            ):
                # "seizing dozens of villages in Aleppo province", « plusieurs bases de l'armée
                # dans la province de Raqa »: places of the province, not how much of it
                continue
            if kind == "partial" and _AROUND_IT.search(
                reading.sentence.text,
                max(0, place.start - reading.sentence.start - 60),
                place.start - reading.sentence.start,
            ):
                # "seized villages around Hajin", « des terres agricoles autour de »: the
                # country around the town, not the town
                continue
        own = own_date(
            reading,
            place,
            objects[n + 1] if n + 1 < len(objects) else None,
            objects[n - 1] if n else None,
        )
        when = own.value if own is not None else reading.date
        claim = _claim(article, reading, event_id, place, side, when, kind, fraction)
        if own is not None:
            claim.extra["date_precision"] = own.precision
        if inferred and gainer is None:
            claim = _scaled(claim, 0.7, "gainer inferred: government of the place's country")
            if place.place_id in reading.extra.get("story_captor", ()):
                claim.extra["story_captor"] = True
        if gainer is None:
            # what the text does say: who lost it (the control rules weigh the guess by it)
            claim.extra["gainer_inferred"] = True
            loser = reading.agent if frame in ("lose", "leave") else reading.patient
            held_by = (holders or {}).get(place.place_id)
            if loser is not None and loser.side in GROUND_SIDES and loser.side != side:
                claim.extra["loser"] = loser.side
            elif loser is None and held_by in GROUND_SIDES and held_by != side:
                claim.extra["loser"] = held_by  # "the last town held by IS fell"
        out.append(claim)
    return out


# « jusque-là tenu par le régime », "until then held by the army": a holder no more
_UNTIL_THEN_WORDS = r"\b(?:jusque-là|jusqu['’]alors|until\s+then|till\s+then|hitherto)\s+"
_HELD_BY_WORDS = r"(?:tenue?s?|contrôlée?s?|held|controlled)\s+(?:par|by)\s+"
_UNTIL_THEN = re.compile(rf"{_UNTIL_THEN_WORDS}(?:{_HELD_BY_WORDS})?\Z", _I)
_UNTIL_THEN_HELD = re.compile(rf"(?:\s*,)?[^,;.]{{0,60}}?{_UNTIL_THEN_WORDS}{_HELD_BY_WORDS}", _I)


def _former_holder(reading: Reading, place: PlaceMention) -> str | None:
    """The side a description of the place says held it until then."""
    text, offset = reading.sentence.text, reading.sentence.start
    until = _UNTIL_THEN_HELD.match(text, place.end - offset)
    if until is None:
        return None
    at = offset + until.end()
    for actor in reading.actors:
        if at <= actor.hit.start <= at + 30 and actor.side in GROUND_SIDES:
            return actor.side
    return None


def _gaining_side(
    reading: Reading,
    place: PlaceMention,
    previous: PlaceMention | None,
    gainer: str | None,
    holders: dict[str, str],
    strongholds: frozenset[str] = frozenset(),
) -> str | None:
    """The side a change-of-control reading gives ``place`` to, or None when it gives none."""
    side = gainer
    falls = reading.hit.spec.frame == "take_pass"  # "fell", "passed under the control of"
    # "Rawa, Islamic State's last bastion in Iraq, was retaken": a last stronghold is what
    # the place was before it was taken, so it went from its holder, like a place that fell
    falls = falls or place.place_id in strongholds
    if (
        side is None
        and reading.frame == "leave"
        and holders.get(place.place_id) not in (None, reading.agent.side if reading.agent else None)
    ):
        # "Islamic State fighters were in full control of Raqqa after the last rebels pulled
        # out of the city": left to the side the sentence says holds it
        return holders[place.place_id]
    if side is None and reading.frame in ("take_pass", "expelled") and holders and not falls:
        # "it controls the al-Omar field, captured on Oct 22": taken by its holder; but a
        # place that fell went from its holder ("Rawa, the last town held by IS, fell")
        side = holders.get(place.place_id)
    former = _former_holder(reading, place)
    if side is None and former is not None:
        # « la prise d'al-Baghaliyeh, un faubourg jusque-là tenu par le régime »: taken from
        # the side that held it, by the one other side the sentence names
        others = {
            a.side
            for a in reading.actors
            if a.side in GROUND_SIDES
            and a.side != former
            and a.hit.kind not in ("source", "civilian")
        }
        return others.pop() if len(others) == 1 else None
    if side is None and _may_default(reading):
        side = _default_government(reading, place)
    if side not in GROUND_SIDES:
        return None
    expelling = reading.frame == "expelled" or reading.hit.spec.frame == "expel"
    if expelling and reading.agent is None:
        # with no captor named, only a complete expulsion from a town moves it ("Raqqa
        # province had been cleared of the group" gives nobody the province)
        kind, _ = _share(reading, place, previous)
        if kind != "full" or place.precision != "point":
            return None
    return side


def _gainer(reading: Reading) -> str | None:
    """Side that gains ground through a change-of-control trigger, when the text names it."""
    frame = reading.frame
    if frame in ("take", "take_pass", "take_noun", "expel", "enter"):
        if reading.agent and reading.agent.side in GROUND_SIDES:
            return reading.agent.side
        if frame == "take_pass" and _POSSESSIVE.search(reading.hit.text):
            # « Riyad est passée sous leur contrôle »: the side the possessive stands for
            side = _last_side_before(reading)
            return side if side in GROUND_SIDES else None
        return None
    if frame in ("expelled", "lose", "leave"):
        loser = reading.patient if frame == "expelled" else reading.agent
        if frame == "expelled" and reading.agent and reading.agent.side in GROUND_SIDES:
            return reading.agent.side
        if frame == "leave" and loser is not None:
            # "fled Mosul, abandoning it to the militants"; not a side of another clause
            # ("Sinjar had been protected by the peshmerga since Iraqi troops fled Mosul")
            others = [
                a.side
                for a in reading.actors
                if a.side in GROUND_SIDES
                and (loser is None or a.side != loser.side)
                and not _OTHER_CLAUSE.search(_between(reading, a.hit, reading.hit))
            ]
            if others:
                return others[0]
        winner = reading.patient
        if frame == "lose" and winner is not None and winner.side in GROUND_SIDES:
            # "lost Sinjar to Islamic State", "a perdu Tabqa au profit des FDS"
            start = reading.sentence.start
            before = reading.sentence.text[reading.hit.end - start : winner.hit.start - start]
            if _LOST_TO.search(before):
                return winner.side
        return None
    return None


_OTHER_CLAUSE = re.compile(
    r"\b(?:since|when|after|before|as|while|until|because|depuis\s+que|quand|lorsque|après"
    r"|avant|alors\s+que|tandis\s+que|parce\s+que|puisque)\b|;",
    _I,
)


def _between(reading: Reading, a: Any, b: Any) -> str:
    """The sentence text between two hits, whichever comes first."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return _text_of(reading, max(reading.sentence.start, lo), max(reading.sentence.start, hi))


def _first_side_after(reading: Reading, place: PlaceMention) -> tuple[ResolvedActor, str] | None:
    """The first actor with a ground side after a place, and the words between them."""
    for actor in reading.actors:
        if actor.hit.start >= place.end and actor.side in GROUND_SIDES:
            return actor, _text_of(reading, place.end, actor.hit.start)
    return None


def _lost_to_after(reading: Reading, place: PlaceMention) -> str | None:
    """The side a lost place went to, named after "to" following the place."""
    found = _first_side_after(reading, place)
    if found is None or re.search(r"[;.]", found[1]) or len(found[1]) > 120:
        return None
    actor = found[0]
    lead = _text_of(reading, max(reading.sentence.start, actor.hit.start - 40), actor.hit.start)
    return actor.side if _LOST_TO_LEAD.search(lead) else None


_FELL_TO_LEAD = re.compile(
    r"\b(?:to|face\s+(?:à|aux?)|aux\s+mains\s+(?:de|du|des|d['’]))\s*(?:the\s+|l['’]|la\s+|le\s+|les\s+)?"
    r"(?:(?:offensive|advance|onslaught|avancée|assaut|attaque)\s+(?:éclair\s+)?"
    r"(?:of|by|de|du|des|d['’])\s*(?:the\s+|l['’]|la\s+|le\s+|les\s+)?)?(?:[\w-]+\s+){0,2}\Z",
    _I,
)


def _fell_to_after(reading: Reading, place: PlaceMention) -> str | None:
    """The side a fallen place went to, named right after it: « la chute de Mossoul face à
    l'offensive éclair de l'EI », "the fall of Mosul to the militants"."""
    found = _first_side_after(reading, place)
    if found is None or re.search(r"[,;.]", found[1]) or len(found[1]) > 60:
        return None
    return found[0].side if _FELL_TO_LEAD.search(found[1]) else None


_SINCE_THE_FALL = re.compile(
    r"\W*(?:depuis|since|after|après)\s+(?:la\s+chute|the\s+fall)\s+(?:de|d['’]|of)\s*\Z", _I
)


def _holder_since_the_fall(reading: Reading, place: PlaceMention) -> str | None:
    """ "Since the fall of Mosul in June, Islamic State has controlled most of the province":
    the side the main clause says holds ground since a captorless fall took the place."""
    if not _SINCE_THE_FALL.fullmatch(
        reading.sentence.text, 0, place.start - reading.sentence.start
    ):
        return None
    found = _first_side_after(reading, place)
    # the fronted clause closes before the main clause's subject
    if found is None or "," not in found[1] or re.search(r"[;.]", found[1]) or len(found[1]) > 60:
        return None
    return found[0].side


_STORY_DAYS = 3  # a capture this close to the lead's is part of the operation it reports


def _story_gainer(readings: Sequence[Reading]) -> tuple[str, date] | None:
    """The side the story's first reported capture names as its captor, with its day: the
    operation the article is about."""
    for reading in readings:
        if (
            reading.sentence.kind == "body"
            and reading.realised
            and reading.date is not None
            and reading.frame in ("take", "take_pass", "take_noun", "expel", "expelled")
        ):
            side = _gainer(reading)
            if side in GROUND_SIDES:
                return side, reading.date
    return None


def _may_default(reading: Reading) -> bool:
    """Whether an unnamed gainer may be the government of the place's country."""
    frame = reading.frame
    if frame == "enter":
        return False
    if frame == "take" and _unknown_subject(reading):
        return False
    loser = reading.patient if frame in ("expelled",) else reading.agent
    if frame in ("lose", "leave"):
        return loser is not None and loser.side not in GOVERNMENT_OF.values()
    return frame in ("take", "take_pass", "take_noun", "expelled")


_RELATIVE_SUBJECT_GAP = re.compile(r"\s*,\s*(?:who|which|qui)\s+(?:[\w'’-]+\s+){0,3}$", _I)


def _unknown_subject(reading: Reading) -> bool:
    """Whether an armed group of unknown side is the subject ("Militants overran Z")."""
    start, text = reading.sentence.start, reading.sentence.text
    return any(
        start <= h.start
        and h.end <= reading.hit.start
        and (
            not re.search(r"[,;:]", text[h.end - start : reading.hit.start - start])
            # "The militants, who seized Mosul in 2014, ..."
            or _RELATIVE_SUBJECT_GAP.match(text[h.end - start : reading.hit.start - start])
        )
        for h in reading.extra.get("unknown_actors", [])
    )


def _default_government(reading: Reading, place: PlaceMention) -> str | None:
    """The side that gains a place the text names no captor for.

    The government of the place's country, unless the article names another side that holds
    ground in that country and not the government: a story about the SDF east of the Euphrates
    ("the town, reprise mardi") reports an SDF gain, not a government one. With several such
    sides named, the one named in the sentence wins; failing that the government does.
    """
    code = country_code(place.country)
    if not code:
        return None
    loser = reading.patient if reading.frame == "expelled" else reading.agent
    lost = (
        {loser.side}
        if loser is not None and reading.frame in ("expelled", "lose", "leave")
        else set()
    )
    local = tuple(side for side in _SIDES_IN.get(code, ()) if side not in lost)
    named = _named_sides(reading)
    in_article = [side for side in local if side in named]
    government = GOVERNMENT_OF.get(code)
    if len(in_article) == 1:
        return in_article[0]
    in_sentence = {a.side for a in reading.actors if a.side in local}
    if len(in_sentence) == 1:
        return next(iter(in_sentence))
    story = reading.extra.get("story_gainer")
    if (
        story is not None
        and story[0] in in_article
        and reading.date is not None
        and abs((reading.date - story[1]).days) <= _STORY_DAYS
    ):
        # « Une dizaine de villages sont repassés sous le contrôle des peshmergas ... Le village
        # d'Albou Najm a été repris dans la matinée »: a capture of the operation the story
        # reports is its captor's
        reading.extra.setdefault("story_captor", set()).add(place.place_id)
        return story[0]
    if reading.frame in ("lose", "leave") and len(in_article) > 1:
        # "ISIS lost Raqqa and Abu Kamal" in a story naming both the SDF and the army: the
        # text says who lost, not who won
        return None
    return government


def _named_sides(reading: Reading) -> set[str]:
    """Ground sides the article names, generic forces counted as their resolved government."""
    cache = reading.extra.get("named_sides")
    if cache is not None:
        return cache
    sides = {
        side
        for hit in reading.extra.get("all_hits", [])
        if hit.kind in ("actor", "generic") and (side := _side_of(reading, hit)) in GROUND_SIDES
    }
    reading.extra["named_sides"] = sides
    return sides


def _side_of(reading: Reading, hit: Any) -> str | None:
    """A lexicon hit's side, a generic force counted as the government it serves there."""
    if hit.kind != "generic":
        return hit.side
    resolver = reading.extra.get("resolver")
    return resolver.government_at(hit.start, hit.start, hit.end) if resolver else None


# A hold the clause itself ends: "held Raqqa until October", « dernier bastion de l'EI
# jusqu'en octobre ». "Until now" and « jusqu'à aujourd'hui » still hold.
_ENDED_HOLD = re.compile(
    r"[^.;:!?,]{0,60}?\b(?:until|till|jusqu['’]\s?(?:à|au|aux|en))\s+"
    r"(?!(?:now|today|the\s+present|this\s+day|aujourd['’]hui|maintenant|présent|nos\s+jours"
    r"|ce\s+jour)\b)",
    _I,
)


_BECAME_HELD = re.compile(
    r"(?:returned|reverted|passed|came)\b"
    # "the flag was raised over Rawa on Thursday": held from the day it went up
    r"|(?:was|were|has\s+been|had\s+been|a|ont|avait|avaient)\s+(?:été\s+)?(?:\w+\s+)?"
    r"(?:raised|hoisted|hissée?s?)\b",
    _I,
)
_PAST_HOLD_VERB = re.compile(r"\w+(?:ait|aient)|held|controlled|kept|retained|occupied", _I)


def _past_day_of_state(reading: Reading, published: date | None) -> DateMention | None:
    """The day a past-tense state is told of: « À la mi-journée dimanche, un commandant
    affirmait que les forces contrôlaient déjà 90 % de Saadiya » holds from Sunday."""
    mention = reading.date_mention
    text, at = reading.sentence.text, reading.hit.start - reading.sentence.start
    if (
        published is None
        or mention is None
        or reading.date_how != "sentence"
        or mention.precision not in ("day", "week")
        or not 0 < (published - mention.value).days <= (7 if mention.precision == "day" else 14)
        or not (
            _PAST_HOLD_VERB.fullmatch(reading.hit.text.split()[-1])
            # "its fighters were still holding out": a past progressive
            or _WERE_BEFORE.search(text, max(0, at - 20), at)
        )
        # ("the government-held west of Aleppo": an adjective, no tense)
        or text[at - 1 : at] == "-"
        or _BY_AFTER_HOLD.match(text, reading.hit.end - reading.sentence.start)
    ):
        return None
    return mention


# whose flag flies over a place: "the Iraqi flag", « le drapeau national », the black flag of
# Islamic State
_FLAG_BEFORE = re.compile(
    r"\b(iraqi|syrian|kurdish|national|black)\s+flags?\s+(?:\w+\s+){0,3}\Z"
    r"|\bdrapeaux?\s+(irakiens?|syriens?|kurdes?|nationa(?:l|ux)|noirs?)\s+(?:\w+\s+){0,3}\Z",
    _I,
)
_FLAG_SIDE = {
    "iraq": "iraqi_forces",
    "irak": "iraqi_forces",
    "syri": "syrian_government",
    "kurd": KURDISH,
    "nati": "government",
    "blac": "isis",
    "noir": "isis",
}


_WERE_BEFORE = re.compile(
    r"\b(?:was|were|était|étaient)\s+(?:(?:still|already|encore|déjà|toujours)\s+)?"
    # (« Ankara a assuré vendredi que la ville était « entièrement sous contrôle » »)
    r"[«\"“]?\s*(?:(?:entirely|fully|entièrement|totalement)\s+)?\Z",
    _I,
)
_BY_AFTER_HOLD = re.compile(r"\s+(?:by|par)\b", _I)


def _holder(reading: Reading) -> str | None:
    """The side a hold reading says holds its places, or None when it says none now."""
    text = reading.hit.text
    if _ENDED_HOLD.match(reading.sentence.text, reading.hit.end - reading.sentence.start):
        return None
    if _UNTIL_THEN.search(reading.sentence.text, 0, reading.hit.start - reading.sentence.start):
        return None  # « jusque-là tenu par le régime »: held no more
    government = _government_in_phrase(reading)
    flag = _FLAG_BEFORE.search(reading.sentence.text, 0, reading.hit.start - reading.sentence.start)
    if flag is not None and (reading.agent is None or reading.agent.hit.start >= reading.hit.end):
        # "the Iraqi flag flies over Rawa", « le drapeau national a été hissé »: the flag's side
        return _in_country(reading, _FLAG_SIDE[next(g for g in flag.groups() if g).lower()[:4]])
    sided = _SIDED_AREAS.match(text)
    if sided:
        adjective = next(g for g in sided.groups() if g)
        return _in_country(reading, _AREA_ADJECTIVE_SIDE[adjective.lower()[:5]])
    under = _UNDER_SIDE.search(text)
    prefix = (
        re.match(r"([\w]+)-held$", text, _I)
        # "was the last rebel-held town", "in rebel hands", "under regime control"
        or re.search(r"\b(" + _PREFIXES + r")-(?:held|controlled)\b", text, _I)
        or under
        or _prefix_before(reading)
    )
    if prefix:
        words = _SIDE_ADJECTIVE if prefix is under else _SIDE_PREFIX
        side = words.get(next(g for g in prefix.groups() if g).lower()) or government
        if side == KURDISH:
            return _in_country(reading, side)
        if side is None and reading.agent is not None:
            return reading.agent.side
        return side
    if government is not None and (
        reading.agent is None
        or reading.agent.hit.start >= reading.hit.end
        # "Three weeks after the militants seized it, the town was back in government hands":
        # a subject of another clause
        or "," in _text_of(reading, reading.agent.hit.end, reading.hit.start)
    ):
        # "back in government hands", even "after three years of Islamic State rule"
        return government
    if _CONFINED.search(text) and reading.agent is not None:
        # "Islamic State is confined to", "the group's territory is limited to"; not "the
        # army's losses were limited to"
        gap = reading.sentence.text[
            reading.agent.hit.end - reading.sentence.start : reading.hit.start
            - reading.sentence.start
        ]
        if not _CONFINED_SUBJECT.match(gap):
            return None
    if _ONCE_BEFORE.search(reading.sentence.text, 0, reading.hit.start - reading.sentence.start):
        return None  # "Rawa, once held by Islamic State", « autrefois tenue par l'EI »
    stronghold = _STRONGHOLD.search(text) is not None
    if stronghold:
        if _FORMER.search(reading.sentence.text[: reading.hit.start - reading.sentence.start]):
            return None  # "the group's former stronghold", « son ancien bastion »: held no more
        qualifier = _STRONGHOLD_QUALIFIER.search(
            reading.sentence.text, 0, reading.hit.start - reading.sentence.start
        )
        if qualifier is not None:
            # "a pro-government stronghold", « un bastion rebelle »: the adjective names it
            word = qualifier.group(1).lower().replace("-", "")
            return _in_country(reading, _QUALIFIED_SIDE.get(word, "government"))
        after = _STRONGHOLD_QUALIFIER_AFTER.match(
            reading.sentence.text, reading.hit.end - reading.sentence.start
        )
        if after is not None:
            # « l'un des principaux bastions rebelles de la région »: French puts it after
            word = after.group(1).lower()
            key = next((k for stem, k in _QUALIFIER_STEMS if word.startswith(stem)), "government")
            return _in_country(reading, _QUALIFIED_SIDE.get(key, "government"))
        owner = _stronghold_possessor(reading)
        if owner is not None:
            return owner  # "Troops shelled Hajin, the group's main stronghold": the group's
        if _POSSESSED.search(reading.sentence.text, 0, reading.hit.start - reading.sentence.start):
            # "an offensive on Mosul, the group's last big stronghold", with no group named
            # before: someone's stronghold, not the subject's
            return None
        # "Albou Kamal, dernière ville tenue par l'EI": the stronghold's owner follows it, and
        # the subject of the sentence is the side advancing on it
        owner = _owner_after(reading) or _holder_of_relative(reading)
        if owner is not None:
            return owner
    if _HOLDER_NEXT.search(text) or _UNDER_CONTROL.search(text):
        # « Hajine, aux mains de l'EI », "in the hands of", « sous le contrôle de »: the holder
        # follows its preposition, whoever is the subject of the sentence
        owner = _owner_after(reading, _ARTICLE_GAP if _HOLDER_NEXT.search(text) else _OF_GAP)
        if owner is not None:
            return owner
    fronted = _fronted_holder(reading)
    if fronted is not None:
        return fronted
    if reading.agent is not None:
        return reading.agent.side
    if stronghold or _POSSESSIVE.search(text):
        # "Sa dernière position importante est Z", "the town was under their control": the
        # group named last before the sentence (a stronghold is an armed group's, not that
        # of a government force named only as "the army")
        possessive = _POSSESSIVE.search(text)
        number = _POSSESSOR_NUMBER.get(possessive.group(0).lower()) if possessive else None
        # an owner of the possessive's number if there is one, else the last side named
        return _last_side_before(
            reading, generic=not stronghold, number=number
        ) or _last_side_before(reading, generic=not stronghold)
    return None


# « Maître de Mossoul depuis le 10 juin, l'EI a pris Sinjar », "In control of Mosul since
# June, the group seized Sinjar": a state fronted before the subject it tells of
_FRONTED_STATE = re.compile(r"maîtres?|in\s+(?:\w+\s+)?control\s+of", _I)
_FRONTED_SUBJECT_GAP = re.compile(r"[^,;:.]*,\s*(?:the\s+|l['’]\s*|les?\s+|la\s+)?\Z", _I)


def _fronted_holder(reading: Reading) -> str | None:
    """The subject after a state opening the sentence, which the state tells of."""
    text, start = reading.sentence.text, reading.sentence.start
    if text[: reading.hit.start - start].strip(' \t\n«"“') or not _FRONTED_STATE.fullmatch(
        reading.hit.text
    ):
        return None
    for actor in reading.actors:
        if actor.hit.start >= reading.hit.end and actor.side:
            gap = text[reading.hit.end - start : actor.hit.start - start]
            if _FRONTED_SUBJECT_GAP.match(gap) and actor.hit.kind not in ("source", "civilian"):
                return actor.side
            return None
    return None


_POSSESSOR_GAP = re.compile(
    r"['’]s?\s+(?:(?:main|last|key|major|big|biggest|large|largest|remaining|final|principal"
    r"|de\s+facto|self-styled|most\s+important|only|other|urban|northern|southern|eastern"
    r"|western)\s+){0,3}\Z",
    _I,
)
# a stronghold owned by a group named only by its noun ("the group's last big stronghold")
_POSSESSED = re.compile(
    r"\b(?:group|militants|jihadists|rebels|insurgents|organisation|organization)"
    + _POSSESSOR_GAP.pattern,
    _I,
)


def _stronghold_possessor(reading: Reading) -> str | None:
    """The side whose possessive names a stronghold: "the group's main stronghold"."""
    text = reading.extra.get("article_text", "")
    for hit in reversed(reading.extra.get("all_hits", [])):
        if hit.end > reading.hit.start:
            continue
        if hit.start < reading.sentence.start:
            return None
        if _POSSESSOR_GAP.match(text, hit.end, reading.hit.start):
            if hit.kind in ("source", "civilian") or hit.side is None:
                return None
            return hit.side
        return None  # only the side named right before the stronghold owns it
    return None


# French possessives agree with their possessor: « leurs mains » are several's, « ses » one's
_POSSESSOR_NUMBER = {
    "leur": "plural",
    "leurs": "plural",
    "sa": "singular",
    "son": "singular",
    "ses": "singular",
}


_STRONGHOLD_QUALIFIER_AFTER = re.compile(
    r"\s+(rebelles?|insurgée?s?|jihadistes?|djihadistes?|kurdes?|loyalistes?"
    r"|gouvernementa(?:l|ux|les?)|du\s+régime|prorégime|de\s+l['’]opposition)\b",
    _I,
)
_QUALIFIER_STEMS = (
    ("rebel", "rebel"),
    ("insurg", "rebel"),
    ("jihad", "jihadist"),
    ("djihad", "jihadist"),
    ("kurde", "kurdish"),
    ("du", "regime"),
    ("prorégime", "proregime"),
    ("de", "opposition"),
)
_STRONGHOLD_QUALIFIER = re.compile(
    r"\b(pro-?government|pro-?regime|government|regime|loyalist|rebel|opposition|jihadist"
    r"|kurdish)\s+(?:(?:key|main|last|major)\s+)?\Z",
    _I,
)
# « les quartiers rebelles de l'est d'Alep »: districts named by the side that holds them
_SIDED_AREAS_GAP = re.compile(
    r"\s+(?:de|du|des|d['’])\s*(?:(?:la\s+|le\s+|l['’])?(?:nord|sud|est|ouest|centre)(?:-\w+)?\s+"
    r"(?:de\s+|du\s+|d['’])\s*)?(?:(?:la\s+)?ville\s+(?:de\s+|d['’]))?",
    _I,
)
_STRONGHOLD_OF_A_SIDE = re.compile(r"(?:bastions?|fiefs?|réduits?|enclaves?|poches?)\s", _I)
_STRONGHOLD_GAP = re.compile(r"\s+(?:de|d['’])\s*", _I)
_OF_THE_TOWN = re.compile(r"\s+(?:de\s+la\s+ville|of\s+the\s+(?:city|town))\b", _I)
_SIDED_AREAS = re.compile(
    r"(?:quartiers|secteurs|zones)\s+(gouvernementa(?:ux|les)|loyalistes|rebelles|insurgés|kurdes)$"
    # « le bastion rebelle de Rawa », « l'enclave kurde d'Afrin »: a stronghold named by its side
    r"|(?:bastions?|fiefs?|réduits?|enclaves?|poches?)\s+(gouvernementa(?:l|ux|les?)|loyalistes?"
    r"|rebelles?|insurgée?s?|kurdes?|d?jihadistes?)$",
    _I,
)
_AREA_ADJECTIVE_SIDE = {
    "gouve": "government",
    "loyal": "government",
    "rebel": "syrian_opposition",
    "insur": "syrian_opposition",
    "kurde": KURDISH,
    "jihad": "isis",
    "djiha": "isis",
}
# A gain undone as soon as told: "briefly drove them out", « ont un temps repris »
_FOR_A_WHILE = re.compile(
    r"\b(?:briefly|momentarily|temporarily|brièvement|momentanément|temporairement"
    r"|un\s+temps|un\s+moment|quelques\s+heures)\s+(?:\w+\s+)?$",
    _I,
)
_HAD_HELD = re.compile(
    r"\b(?:had\s+(?:been\s+)?(?:held|controlled|occupied)|(?:avait|avaient)\s+(?:tenu|contrôlé|occupé))\Z",
    _I,
)
_IMPERFECT_HOLD = re.compile(r"(?:ten|contrôl|occup|déten)ai(?:t|ent)", _I)
_FOR_AN_UNDATED_SPAN = re.compile(
    r"[^,;.:]{0,60}?\bdepuis\s+(?:plusieurs|des|quelques|de\s+longs|de\s+longues|deux|trois"
    r"|quatre|\d+)\s+(?:mois|semaines|années|ans)\b",
    _I,
)
_QUALIFIED_SIDE = {
    "proregime": "syrian_government",
    "regime": "syrian_government",
    "rebel": "syrian_opposition",
    "opposition": "syrian_opposition",
    "jihadist": "isis",
    "kurdish": KURDISH,
}
_POSSESSIVE = re.compile(r"\b(?:sa|son|ses|leurs?|its|their)\b", _I)


def _last_side_before(
    reading: Reading, generic: bool = True, number: str | None = None
) -> str | None:
    """The side named last before the trigger, a generic force counted as its government,
    of the grammatical number the possessive asks for, when it asks for one."""
    text = reading.extra.get("article_text", "")
    for hit in reversed(reading.extra.get("all_hits", [])):
        if hit.end > reading.hit.start or hit.kind in ("source", "civilian"):
            continue
        if (hit.kind == "generic" and not generic) or (
            number is not None and number_of(text, hit) not in (None, number)
        ):
            continue
        side = _side_of(reading, hit)
        if side in GROUND_SIDES:
            return side
    return None


_RELATIVE_HOLDER_GAP = re.compile(
    r"^\s+(?:(?:that|which|que|qu['’])\s*)?(?:(?:the|l['’]|le|la|les)\s*)?$", _I
)
_HOLDS_NEXT = re.compile(
    r"\s+(?:(?:still|now|encore|toujours|désormais)\s+)?(?:holds?|held|controls?|controlled"
    r"|tien(?:t|nent)|ten(?:ait|aient)|contrôl(?:e|ent|ait|aient))\b",
    _I,
)


def _holder_of_relative(reading: Reading) -> str | None:
    """The side of a relative clause after a stronghold: "the last town the group holds"."""
    text, start = reading.sentence.text, reading.sentence.start
    for actor in reading.actors:
        if actor.hit.start < reading.hit.end or not actor.side:
            continue
        gap = text[reading.hit.end - start : actor.hit.start - start]
        if _RELATIVE_HOLDER_GAP.match(gap) and _HOLDS_NEXT.match(text, actor.hit.end - start):
            return actor.side
        break
    return None


_UNDER_CONTROL = re.compile(r"\b(?:sous|under)\s+(?:the\s+|le\s+)?contr[ôo]le?$", _I)
_HOLDER_NEXT = re.compile(r"(?:\b(?:de|du|des|of|by|par|to|à|aux?)|\bd['’])$", _I)

_ONCE_BEFORE = re.compile(
    r"\b(?:once|formerly|previously|autrefois|jadis|anciennement|naguère)\s+\Z", _I
)
_FORMER = re.compile(r"\b(?:former|once|ex|ancien(?:ne)?s?)(?:[\s-]+[\w'’-]+){0,3}?\s*$", _I)

_CONFINED_SUBJECT = re.compile(
    r"^(?:['’]s\s+(?:remaining\s+)?(?:territory|territories|presence|holdings?|areas?|zones?"
    r"|control|fighters|militants|forces)|\s+(?:fighters|militants|forces|combattants|jihadistes))?"
    r"(?:\s+(?:in|en|au)\s+[\w'-]+)?\s+(?:is|are|was|were|has\s+been|have\s+been|est|sont|était"
    r"|étaient|a\s+été|ont\s+été)\s+(?:(?:now|largely|mostly|désormais|maintenant|largement)\s+)?$"
    # « le réduit de l'EI dans la province de Deir Ezzor se limite désormais à »: the pocket
    # and where it lies, then the reflexive verb
    r"|^(?:\s+(?:in|dans|en)\s+(?:the\s+|la\s+|le\s+|l['’])?[^,;.]{1,40}?)?\s*$",
    _I,
)


def _prefix_before(reading: Reading) -> re.Match[str] | None:
    """The holder before a bare participle's hyphen ("government-held neighbourhoods"): the
    trigger starts after the hyphen."""
    if not re.fullmatch(r"held|controlled|occupied", reading.hit.text, _I):
        return None
    return _PREFIX_BEFORE.search(
        reading.sentence.text, 0, reading.hit.start - reading.sentence.start
    )


def _government_in_phrase(reading: Reading) -> str | None:
    """The government side a hold phrase names without naming the country ("in government
    hands", "government-held"): the government of the sentence's country."""
    prefix = _prefix_before(reading)
    named = prefix is not None and prefix.group(1).lower() == "government"
    # ("a garrison town", « ville de garnison »: the state's garrison)
    government = r"\bgovernment\b|gouvernementa(?:l|le|ux|les)\b|\bgarrison|\bgarnison"
    if not named and not re.search(government, reading.hit.text, _I):
        return None
    return _sentence_government(reading)


def _in_country(reading: Reading, side: str) -> str | None:
    """A side named without its country ("government", the Kurds), as the side of the country
    the sentence is about."""
    if side == "government":
        return _sentence_government(reading)
    return _KURDS_OF.get(_sentence_government(reading) or "") if side == KURDISH else side


def _sentence_government(reading: Reading) -> str | None:
    """The government side of the country the reading's sentence is about."""
    resolver = reading.extra.get("resolver")
    if resolver is None:
        return None
    sentence = reading.sentence
    return resolver.government_at(reading.hit.start, sentence.start, sentence.end)


_OWNER_GAP = re.compile(
    r"^[^,;.]{0,30}?\b(?:by|par|of|de|du|des|d')\s*(?:the\s+|l'|la\s+|le\s+|les\s+)?$", _I
)


_OF_GAP = re.compile(r"^\s+(?:of|de|du|des|d['’])\s*(?:the\s+|l['’]|la\s+|le\s+|les\s+)?$", _I)
_ARTICLE_GAP = re.compile(r"^\s*(?:the\s+|l['’]|la\s+|le\s+|les\s+)?$", _I)


def _owner_after(reading: Reading, gap_pattern: re.Pattern[str] = _OWNER_GAP) -> str | None:
    """The side a stronghold belongs to, named right after it ("held by X", "of the group",
    "tenue par l'EI", "du groupe")."""
    text = reading.sentence.text
    offset = reading.sentence.start
    for actor in reading.actors:
        if actor.hit.start < reading.hit.end or actor.side not in GROUND_SIDES:
            continue
        if actor.hit.kind in ("source", "civilian"):
            continue
        gap = text[reading.hit.end - offset : actor.hit.start - offset]
        return actor.side if gap_pattern.match(gap) else None
    return None


_OPENING_QUOTES = "«“"
_CLOSING_QUOTES = "»”"


def _quote_end(text: str, start: int, end: int) -> int | None:
    """Where quoted speech around ``text[start:end]`` closes, or None when it is not quoted.

    Only speech set off by a comma counts (« … », estime X; "…," he said): a quoted phrase
    inside the sentence (avaient « repris le contrôle intégral » du poste-frontière de X)
    runs on to its object.
    """
    opened = max(text.rfind(q, 0, start) for q in _OPENING_QUOTES)
    if opened >= 0 and not any(q in text[opened:start] for q in _CLOSING_QUOTES):
        closes = [i for i in (text.find(q, end) for q in _CLOSING_QUOTES) if i >= 0]
    elif text.count('"', 0, start) % 2 == 1:  # straight quotes open and close alike
        closes = [i for i in (text.find('"', end),) if i >= 0]
    else:
        return None
    if not closes:
        return None
    close = min(closes)
    set_off = text[:close].rstrip().endswith(",") or text[close + 1 :].lstrip().startswith(",")
    return close if set_off else None


# "about half of Syria's territory", « de larges pans du nord et de l'ouest de l'Irak »
_COUNTRY_SHARE_BEFORE = re.compile(
    r"\b(?:swathes?|swaths?|pans|parts?|portions?|half|moitié|partie|tiers|third|quarter|quart"
    r"|%|percent|per\s+cent|pour\s*cent|much|most)\s+(?:of|de|du|des|d['’])\s*"
    r"(?:(?:(?:the|la|le|du|de|des|et|and|north|south|east|west|nord|sud|est|ouest"
    r"|northern|southern|eastern|western)\b|l['’])\s*['’]?\s*){0,8}$",
    _I,
)


def _declared_on(reading: Reading, published: date | None) -> DateMention | None:
    """The day a declaration of control was made: "declared full control of Aleppo on
    Thursday", « a annoncé jeudi contrôler toute la ville » hold from that day."""
    mention = reading.date_mention
    if (
        mention is None
        or reading.date_how != "sentence"
        or reading.date_precision != "day"
        or (published is not None and mention.value > published)
    ):
        return None
    declared = any(
        t.spec.type == "announcement" and t.end <= reading.hit.start
        for t in reading.extra.get("triggers", [])
        if t.start >= reading.sentence.start
    )
    return mention if declared else None


def _held_by_then(reading: Reading) -> DateMention | None:
    """The date a state was reached by, right before its verb: "by mid-October held roughly
    40 percent of the town", « à la mi-octobre, contrôlait déjà »."""
    for mention in reading.extra.get("sentence_dates", []):
        if mention.end > reading.hit.start:
            continue
        if re.fullmatch(
            r"\s*,?\s*(?:already\s+|déjà\s+)?", _text_of(reading, mention.end, reading.hit.start)
        ) and re.search(
            r"\b(?:by|dès)\s+(?:the\s+|la\s+)?$",
            _text_of(reading, max(reading.sentence.start, mention.start - 12), mention.start),
        ):
            return mention
    # "cleared it in early September, by which time they held 65 percent": the date before
    back = _BY_WHICH_TIME.search(
        reading.sentence.text, 0, reading.hit.start - reading.sentence.start
    )
    if back is not None:
        at = reading.sentence.start + back.start()
        earlier = [d for d in reading.extra.get("sentence_dates", []) if d.end <= at]
        if earlier:
            return earlier[-1]
    return None


_BY_WHICH_TIME = re.compile(
    r"\b(?:by\s+which\s+time|by\s+then|by\s+that\s+time|à\s+ce\s+moment-là|à\s+cette\s+date"
    r"|date\s+à\s+laquelle)\b[^.;:]{0,40}$",
    _I,
)


def _text_of(reading: Reading, start: int, end: int) -> str:
    """The sentence text between two article offsets."""
    offset = reading.sentence.start
    return reading.sentence.text[start - offset : end - offset]


def _country_share(reading: Reading, place: PlaceMention) -> bool:
    """A country a hold gives a share of ("holds about half of Syria's territory"): the
    control map leaves countries out, but the claim is kept with its sentence."""
    if reading.frame != "hold" or place.precision != "country" or place.start < reading.hit.end:
        return False
    head = reading.sentence.text[: place.start - reading.sentence.start]
    return _COUNTRY_SHARE_BEFORE.search(head[-80:]) is not None


_DECLARED_BEFORE = re.compile(
    r"\b(?:declared|pronounced|proclaimed|announced|déclaré|proclamé|annoncé)e?s?\s+"
    r"(?:(?:the\s+(?:city|town)\s+of|la\s+ville\s+d[e'’]|la\s+localité\s+d[e'’])\s*)?$",
    _I,
)
_DECLARED_GAP = re.compile(
    r"\s+(?:(?:fully|completely|entirely|totally|now|officially|totalement|entièrement"
    r"|complètement|officiellement)\s+)?",
    _I,
)


def _declared_object(reading: Reading, places: Sequence[PlaceMention]) -> PlaceMention | None:
    """ "declared the city of Fallujah fully liberated", « a déclaré Mossoul libérée »: the
    place stands between the declaring verb and the participle."""
    text = reading.sentence.text
    offset = reading.sentence.start
    before = [p for p in places if p.end <= reading.hit.start]
    if not before:
        return None
    place = before[-1]
    if not _DECLARED_GAP.fullmatch(text, place.end - offset, reading.hit.start - offset):
        return None
    head = text[max(0, place.start - offset - 50) : place.start - offset]
    return place if _DECLARED_BEFORE.search(head) else None


def objects_of(reading: Reading) -> list[PlaceMention]:
    """Places a change-of-control trigger is about, named in its sentence or before it."""
    return _objects(reading)


# "Anah fell in October, Rawa in November", « Haditha était tombée en juin, Anah en août »:
# a place and its date after a comma, the verb left out
_GAPPED_CONJUNCT = re.compile(r"\s*,\s*(?:(?:and|et|puis|then)\s+)?\Z", _I)
_GAPPED_DATE = re.compile(
    r"\s+(?:in|on|by|en|le|dès|au\s+début\s+du\s+mois\s+d['’]|à\s+la\s+mi-|fin|début)?\s*\Z",
    _I,
)
_GAPPED_END = re.compile(r"\s*(?:[.;]|,|\Z)")


def _gapped_conjuncts(reading: Reading, objects: list[PlaceMention]) -> list[PlaceMention]:
    """Places named after a clause with only their own date, the verb shared."""
    if not objects or reading.frame not in TAKING_FRAMES:
        return []
    text, offset = reading.sentence.text, reading.sentence.start
    dates = reading.extra.get("sentence_dates", [])
    triggers = reading.extra.get("triggers", [])
    start = max(reading.hit.end, objects[-1].end)
    out: list[PlaceMention] = []
    for place in reading.places:
        if place.start < start or place in objects:
            continue
        if not _GAPPED_CONJUNCT.search(text, start - offset, place.start - offset):
            break
        if any(start <= t.start < place.start for t in triggers if t is not reading.hit):
            break  # another verb's clause
        date = next((d for d in dates if d.start >= place.end), None)
        if (
            date is None
            or not _GAPPED_DATE.fullmatch(text, place.end - offset, date.start - offset)
            or not _GAPPED_END.match(text, date.end - offset)
        ):
            break
        out.append(place)
        start = date.end
    return out


def _objects(reading: Reading) -> list[PlaceMention]:
    """Places a trigger is about, in order: its object, the places listed with it and those
    a clause with the verb left out adds ("Anah fell in October, Rawa in November")."""
    named = _named_objects(reading)
    objects = named + _gapped_conjuncts(reading, named) + _districts_conjunct(reading, named)
    text, offset = reading.sentence.text, reading.sentence.start
    unnamed = (
        _UNNAMED_OBJECT.match(text, reading.hit.end - offset) if reading.frame == "take" else None
    )
    if unnamed is not None and not any(
        0 <= p.start - offset - unnamed.end() <= 3 for p in reading.places
    ):
        # "militants overran two nearby villages and pounded the town": the villages taken are
        # not named, and the town named elsewhere was not taken
        return []
    if len(objects) < 2:
        return objects
    # « Deux secteurs situés au sud de Ramadi, Tash et Humeira, ont été repris »: a place that
    # only locates the others is not taken with them
    located: set[int] = set()
    previous = None
    for p in sorted(objects, key=lambda p: p.start):
        if _LOCATED_BY.search(text, max(0, p.start - offset - 30), p.start - offset) or (
            previous is not None
            and id(previous) in located
            and _PAIR_GAP.fullmatch(text, previous.end - offset, p.start - offset)
        ):
            located.add(id(p))  # ("north of Mosul and Tal Afar": both locate)
        previous = p
    kept = [p for p in objects if id(p) not in located]
    return kept or objects


_UNNAMED_OBJECT = re.compile(
    r"\s+(?:(?:two|three|four|five|six|several|a\s+few|a\s+number\s+of|a\s+string\s+of"
    r"|dozens\s+of|deux|trois|quatre|cinq|six|plusieurs|quelques|une\s+série\s+de)\s+)"
    r"(?:[\w'’-]+\s+){0,2}?(?:villages?|hamlets?|hills?|positions?|outposts?|checkpoints?"
    r"|hameaux|collines?|localités|postes?)\b"
    r"(?!\s+(?:of|in|inside|at|around|near|outside|de|d['’]|du|des|dans|à|autour|près)\b)"
    r"\s*,?\s*",
    _I,
)
_LOCATED_BY = re.compile(
    r"(?:\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|\bnear"
    r"|\b(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de|du|d['’])"
    r"|\bprès\s+(?:de|du|d['’]))\s*(?:the\s+|la\s+|le\s+|l['’])?\s*\Z",
    _I,
)


# "controls the military airport and the western districts": districts with no name of their
# own, joined to what a side holds, are a share of the town the sentence is about
_AND_DISTRICTS = re.compile(
    r"\s*(?:,\s*|\s+)(?:et|and)\s+(?:les|the|des|plusieurs|several|some|quelques)\s+"
    r"(?:[\w'’-]+\s+)?(?:quartiers|districts|neighbou?rhoods)\b"
    r"(?!\s+(?:de|d['’]|du|of)\s*(?:la\s+|l['’])?(?-i:[A-ZÀ-Ý]))",
    _I,
)


_DISTRICTS_AND = re.compile(
    r"\s+(?:(?:still|now|encore|toujours)\s+)?(?:les|the|des|plusieurs|several|some|quelques)\s+"
    r"(?:[\w'’-]+\s+)?(?:quartiers|districts|neighbou?rhoods)(?:\s+[\w'’-]+)?\s+(?:et|and)\s+"
    r"(?:the\s+|l['’]|le\s+|la\s+|les\s+)?",
    _I,
)


def _districts_conjunct(reading: Reading, named: list[PlaceMention]) -> list[PlaceMention]:
    if reading.frame != "hold" or not named:
        return []
    text, offset = reading.sentence.text, reading.sentence.start
    if not _AND_DISTRICTS.match(text, named[-1].end - offset) and not (
        named[0].start >= reading.hit.end
        and _DISTRICTS_AND.fullmatch(text, reading.hit.end - offset, named[0].start - offset)
    ):
        return []
    fronted = _FRONTED.match(text)
    framed = next(
        (p for p in reading.places if fronted and p.start - offset == fronted.end()), None
    )
    town = framed or _antecedent(reading, "point", kinds=_TOWN_KINDS)
    if town is None or town in named or town.kind not in _TOWN_KINDS:
        return []
    reading.extra.setdefault("share_window", {})[town.place_id] = "districts"
    return [town]


_VERB_AFTER_RELATIVE = re.compile(
    r"\s+(?:have|has|had|were|was|are|is|will|would)\b(?!\s+(?:since|been\s+held|in|on|at)\b)",
    _I,
)


_STRONGHOLD_NOUN = re.compile(r"strongholds?|bastions?|fiefs?", _I)
_SHARE_OF_IT_AFTER = re.compile(
    r"\s+(?:most|much|parts?|half|the\s+rest|the\s+bulk|large\s+parts|a\s+third|two\s+thirds"
    r"|\d{1,3}\s*(?:%|percent|per\s+cent))\s+of\s+it\b",
    _I,
)
_HOLD_AROUND = re.compile(r"\s+(?:around|near|outside|beyond|autour\s+(?:de|d['’]|du))\b", _I)
_CAPITAL_APPOSED = re.compile(
    r"\s*,\s*(?:the\s+|la\s+|le\s+)?(?:provincial\s+)?(?:capital|capitale|chef-lieu)\s+"
    r"(?:of|de|du|d['’])\s*(?:(?:the\s+|la\s+)?(?:province|governorate|gouvernorat)\s+"
    r"(?:of|de|du|d['’])\s*)?(?:the\s+|la\s+|l['’])?",
    _I,
)
_APPOSITION_THEN_VERB = re.compile(
    r"\s*(?:province|governorate)?\s*,\s*(?:(?:which|that|qui)\s+(?:[\w'’-]+\s+){0,3})?", _I
)


_ESCAPED_APPOSED = re.compile(
    r"\s*,\s*(?:le|la|l['’]|the)\s*(?:[\w'’-]+\s+){0,12}?(?:à\s+avoir|qui\s+(?:a|avait)"
    r"|to\s+have|which\s+(?:had\s+)?|that\s+(?:had\s+)?)\s*(?:\w+\s+){0,2}?"
    r"(?:échapp\w*|soustrait\w*|escaped|slipped|fallen\s+out|fell\s+out)\s+"
    r"(?:au|à\s+(?:tout|son|leur)|out\s+of|from)\s*(?:the\s+)?(?:[\w'’-]+\s+){0,2}?",
    _I,
)


_ESCAPED_PAST = re.compile(
    r"\b(?:à\s+avoir|a|avait|ont|avaient|had|has|have)\s+(?:\w+\s+)?"
    r"(?:échapp\w*|soustrait\w*|escaped|slipped)\b[^,;.]{0,20}\Z",
    _I,
)


def _escaped_on(reading: Reading) -> DateMention | None:
    """The day a place slipped from a side's control, told in a past tense with its date
    ("à avoir échappé au contrôle du régime, en juillet 2012"): held by the other side
    from then on, even in a sentence about its recapture."""
    if not reading.extra.get("escaped_control"):
        return None
    text, offset = reading.sentence.text, reading.sentence.start
    if not _ESCAPED_PAST.search(
        text, max(0, reading.hit.start - offset - 45), reading.hit.start - offset
    ):
        return None
    for mention in reading.extra.get("sentence_dates", []):
        if mention.start >= reading.hit.end:
            gap = text[reading.hit.end - offset : mention.start - offset]
            return mention if len(gap) <= 40 and not re.search(r"[.;]", gap) else None
    return None


def _named_objects(reading: Reading) -> list[PlaceMention]:
    places = [
        p
        for p in reading.places
        if p.precision in CLAIMABLE_PRECISIONS
        # a named area of the war ("much of Eastern Ghouta", « le Qalamoun »), not a sea or a
        # world region
        or (p.precision == "region" and p.kind == "region")
        or _country_share(reading, p)
    ]
    hit = reading.hit
    text_all = reading.sentence.text
    offset = reading.sentence.start
    if reading.extra.get("escaped_control"):
        # « Zabadani échappe au contrôle du pouvoir »: the subject named right before
        subject = [
            p
            for p in places
            if p.end <= hit.start
            and (
                (
                    hit.start - p.end <= 45
                    and not re.search(r"[,;:]", text_all[p.end - offset : hit.start - offset])
                )
                # « Sheikh Najjar, le premier quartier à avoir échappé au contrôle du régime »
                or _ESCAPED_APPOSED.fullmatch(text_all, p.end - offset, hit.start - offset)
                is not None
            )
        ]
        return subject[-1:]
    if reading.frame == "hold" and _HOLD_AROUND.match(text_all, hit.end - offset):
        return []  # "widening the government's hold around the Anbar provincial capital"
    if reading.frame == "hold" and _STRONGHOLD_NOUN.fullmatch(hit.text):
        named = next((p for p in places if p.start >= hit.end), None)
        if named is not None and _OF_GAP.match(text_all[hit.end - offset : named.start - offset]):
            return [named]  # "around its stronghold of Raqqa", « son fief de Raqqa »
    if reading.frame in ("take_pass", "hold"):
        named_before = [p for p in places if p.end <= hit.start]
        if (
            len(named_before) >= 2
            and named_before[-1].precision == "governorate"
            and named_before[-2].precision == "point"
            and _CAPITAL_APPOSED.fullmatch(
                text_all, named_before[-2].end - offset, named_before[-1].start - offset
            )
            and _APPOSITION_THEN_VERB.fullmatch(
                text_all, named_before[-1].end - offset, hit.start - offset
            )
        ):
            # « la reprise de Ramadi, chef-lieu de la province d'Anbar, tombé aux mains de l'EI
            # en mai 2015 »: the participle is the capital's, which the province only places
            return [named_before[-2]]
    if reading.frame == "take" and _VERB_AFTER_RELATIVE.match(text_all, hit.end - offset):
        # "Many of the men they took have not come back, said a shopkeeper who reached Homs":
        # a verb that runs straight into the main clause's took what comes before it
        return []
    if reading.frame == "hold" and _fronted_holder(reading) is not None:
        # « Maître de la province depuis 2014, l'EI encercle les quartiers ouest »: the state
        # fronted tells of the places before its comma only
        close = text_all.find(",", hit.end - offset)
        if close >= 0:
            places = [p for p in places if p.start < offset + close]
    if not places and not (
        reading.frame in ("hold", "take_pass")
        or (
            # "They retook the town": a place named before, read below
            reading.frame in ("take", "expel", "enter")
            and reading.agent is not None
            and (
                _definite_object(text_all, hit.end - offset)
                or _pronoun_object(reading)
                or _PLURAL_OBJECT.match(text_all, hit.end - offset)
            )
        )
    ):
        return []
    frame = reading.frame
    declared_it = frame == "take_pass" and _IT_BEFORE.search(
        text_all, max(0, hit.start - offset - 30), hit.start - offset
    )
    if (frame in ("take", "expel", "enter") and reading.agent is not None) or declared_it:
        # ("declared it free of militants": the pronoun before a state of being freed)
        pronoun = _pronoun_object(reading)
        if pronoun is not None:
            # "recaptured much of it the next day", « les jihadistes l'ont reprise »: the town
            # just named
            found = _antecedent(reading, "point", kinds=_TOWN_KINDS, landmarks=False)
            lead = _SUBJECT_NOUN_OPENING.match(text_all)
            previous = _previous_sentence_subject(reading)
            reach = 300
            if lead is None and previous is not None:
                # "The medium-sized field has changed hands several times. The army secured
                # it in June 2015": the site the previous sentence was about, however far back
                # it was named
                site = _antecedent(reading, "point", kinds=previous, landmarks=False)
                if site is not None:
                    found, reach = site, 3000
            if lead is not None:
                # "The airport had been in Islamic State's hands since January 2014, when the
                # group seized it": the site the sentence opens on
                found = (
                    _antecedent(
                        reading, "point", kinds=_noun_kinds(lead.group("noun")), landmarks=False
                    )
                    or found
                )
            subject = next(
                (
                    p
                    for p in reversed(places)
                    if offset <= p.start
                    and p.end <= hit.start
                    and p.precision == "point"
                    and not _relational(text_all, 0, p.start - offset)
                    # (« La station de Khafsa, d'où provient l'eau d'Alep, est repassée (...)
                    # qui l'ont reprise »: not a town named inside an aside)
                    and not _IN_ASIDE.search(
                        text_all, max(0, p.start - offset - 200), p.start - offset
                    )
                ),
                None,
            )
            if (
                subject is not None
                and reach == 300
                and (
                    found is None
                    or found.start < subject.start
                    # ("Maan, a village north of Hama, (...) forces that had captured it": the
                    # town that only locates is not what "it" stands for)
                    or (
                        found.start >= offset
                        and (
                            _relational(text_all, found.start - offset - 30, found.start - offset)
                            or _IN_ASIDE.search(
                                text_all, max(0, found.start - offset - 200), found.start - offset
                            )
                            is not None
                        )
                    )
                )
            ):
                # « Situé sur la route qui relie Hassaké à Mossoul, le poste de Yaroubiyé était
                # tenu par l'armée, quand des rebelles s'en étaient emparés »: the site the
                # sentence is about, not a town named to locate it
                found = subject
            if found is not None and hit.start - found.end <= reach:
                reading.extra.setdefault("share_window", {})[found.place_id] = pronoun
                return [found]
    if frame == "hold" and _SIDED_AREAS.match(hit.text):
        # « les secteurs gouvernementaux de l'ouest d'Alep »: a share of the town after them
        # (their « les » is an article, not a pronoun standing for a town named before)
        named = next((p for p in places if p.start >= hit.end), None)
        stronghold = _STRONGHOLD_OF_A_SIDE.match(hit.text) is not None
        # (« l'enclave rebelle du sud-ouest de Damas »: the town only locates the enclave)
        gap = _STRONGHOLD_GAP if stronghold else _SIDED_AREAS_GAP
        if named is None or not gap.fullmatch(text_all, hit.end - offset, named.start - offset):
            if stronghold:
                return []
            if not _OF_THE_TOWN.match(text_all, hit.end - offset):
                return []
            # « tente d'encercler les quartiers insurgés de la ville »: the town named before
            named = _antecedent(reading, "point", kinds=_TOWN_KINDS)
            if named is None:
                return []
        # (« le bastion rebelle de Rawa »: the whole town)
        reading.extra.setdefault("share_window", {})[named.place_id] = (
            "" if stronghold else "part of"
        )
        return [named]
    share_of_it = _SHARE_OF_IT_AFTER.match(text_all, hit.end - offset) if frame == "hold" else None
    if share_of_it is not None:
        # "stormed Hajin on Tuesday and now controls most of it": a share of the town just named
        found = _antecedent(reading, "point", kinds=_TOWN_KINDS, landmarks=False)
        if found is not None and hit.start - found.end <= 300:
            reading.extra.setdefault("share_window", {})[found.place_id] = share_of_it.group(0)
            return [found]
    if frame == "hold" and (
        _HELD_IT_BEFORE.search(text_all, max(0, hit.start - offset - 12), hit.start - offset)
        or _IT_AFTER.match(text_all, hit.end - offset)
    ):
        # « à l'EI, qui la contrôlait depuis 2014 », "which had held it since 2014": the
        # town just named
        found = _antecedent(reading, "point", kinds=_TOWN_KINDS)
        if found is not None and hit.start - found.end <= 300:
            return [found]
    if frame == "hold" and _ITS_PART_AFTER.match(text_all, hit.end - offset):
        # "stormed Aleppo in July 2012 and have held most of its eastern half since": a part
        # of the town just named
        found = _antecedent(reading, "point", kinds=_TOWN_KINDS, landmarks=False)
        if found is not None and hit.start - found.end <= 300:
            reading.extra.setdefault("share_window", {})[found.place_id] = "part of"
            return [found]
    if frame == "take" and _FLAG_OVER_BUILDING.match(text_all, hit.end - offset):
        # « avaient hissé le drapeau sur le bâtiment abritant la source », "raised the flag
        # over the town hall": a building of the town the sentence is in
        found = _antecedent(reading, "point", kinds=_TOWN_KINDS)
        if found is not None and found.start >= reading.sentence.start:
            # ("entered Ruhaiba and neighbouring Jayrud ... and raised the flag": both)
            chain = [found]
            for p in reversed([p for p in places if p.end <= found.start]):
                if not _LIST_GAP.match(text_all[p.end - offset : chain[0].start - offset]):
                    break
                chain.insert(0, p)
            return chain
    if frame == "hold" and text_all[hit.start - offset - 1 : hit.start - offset] == "-":
        # "Tal Hamis, an Islamic State-held town some 90 km to the east": the town in
        # apposition before the adjective
        named = [p for p in places if p.end <= hit.start]
        if named and _HELD_ADJECTIVE_APPOSED.match(
            text_all, named[-1].end - offset, hit.start - offset
        ):
            return [named[-1]]
    if frame == "hold" and _SOME_THERE.match(text_all, hit.end - offset):
        # "Rebels hold most of Idlib province, while the government still controls a handful
        # of towns there": a share of the place just named
        named = [p for p in places if p.end <= hit.start]
        if named:
            shares = reading.extra.setdefault("share_window", {})
            shares[named[-1].place_id] = "part of"
            return [named[-1], *_held_whole_among(reading, places)]
    if frame in ("take", "take_pass") and _AMONG_BEFORE.search(
        text_all, max(0, hit.start - offset - 40), hit.start - offset
    ):
        # « Parmi les localités reprises jeudi figurent al-Khouein, Atchane et Oum
        # al-Khalakhil », "Among the villages retaken were Rawa and Anah": the list after
        listed = _AMONG_VERB.match(text_all, hit.end - offset)
        first = next((p for p in places if listed and p.start - offset == listed.end()), None)
        if first is not None:
            return _listed_from(reading, first, [p for p in places if p.start >= first.start], [])
    if frame in ("take", "take_pass"):
        declared = _declared_object(reading, places)
        if declared is not None:
            return [declared]
    backward = frame == "take_pass" or (
        frame == "hold"
        and (_HOLD_BY.search(hit.text) or _held_participle(reading))
        and not SUBJECT_HOLDS.match(hit.text)  # "X are in control of Z": Z follows
    )
    if frame == "hold" and _STRONGHOLD.search(hit.text):
        after = [p for p in places if p.start >= hit.end]
        if after and _LOCATIVE_HOLD_AFTER.match(
            text_all[hit.end - offset : after[0].start - offset]
        ):
            backward = False
        elif _GOAL_BEFORE.search(text_all, max(0, hit.start - offset - 60), hit.start - offset):
            # "a stepping stone towards the group's de facto capital": a stronghold named
            # only as a goal or a target describes no place of the sentence
            return []
        else:
            backward = True
    subject = _PROVINCE_SUBJECT.search(text_all, 0, hit.start - offset) if backward else None
    if subject is not None:
        # "With Tabqa gone, the whole province belongs to the Islamic State": the province
        # named before, or that of the town named since, not the town itself
        noun = re.search(r"province|governorate", subject.group(0), _I)
        span = (offset + subject.start() + noun.start(), offset + subject.start() + noun.end())
        province = _antecedent(reading, "governorate", span)
        if province is not None:
            return [province]
    if backward and _OPENING_DEFINITE.match(text_all, 0, hit.start - offset):
        # "The town, in Salahuddin province on the highway to Mosul, fell to Islamic State":
        # the places of the apposition locate the town the subject stands for, named before
        pool = reading.extra.get("all_places", reading.places)
        towns = [
            p
            for p in pool
            if p.end <= reading.sentence.start and p.precision == "point" and p.kind in _TOWN_KINDS
        ]
        if towns:
            return [towns[-1]]
    if backward:
        # "Tal Afar, a mainly Turkmen city between Mosul and Sinjar, fell to the group": the
        # places of the description locate its subject, which comes before it
        # ("was taken": the auxiliary is the trigger's own first word)
        aux = _LEADING_AUX.match(hit.text)
        verb_at = hit.start - offset + (aux.end() if aux else 0)
        described = next(
            (
                p
                for p in places
                if p.end <= hit.start
                and _DESCRIBED_SUBJECT.match(
                    text_all, _past_head_noun(text_all, p.end - offset), verb_at
                )
            ),
            None,
        )
        if described is None:
            # "Fallujah, the first city to fall to the group": the town the rank describes
            named = [p for p in places if p.end <= hit.start]
            if named and _RANKED_APPOSITION.match(
                text_all, named[-1].end - offset, hit.start - offset
            ):
                described = named[-1]
        if described is not None:
            named_next = next((p for p in places if p.start >= described.end), None)
            if (
                named_next is not None
                and named_next.end <= hit.start
                and _NAMED_IN_APPOSITION.fullmatch(
                    text_all, described.end - offset, named_next.start - offset
                )
            ):
                # "Islamic State's last foothold in Hasakah province, the town of Markada,
                # fell": the apposition names the subject, the province locates it
                described = named_next
            # ("Kirkuk, by contrast, remains under their control, as do Sinjar and Makhmour")
            return [described, *(p for p in _compared(reading, places) if p is not described)]
    if backward:
        # « cette ville du nord de la Syrie tenue par le groupe État islamique »: the town the
        # noun stands for, which the country only locates
        area = next(
            (
                p
                for p in reversed(places)
                if p.end <= hit.start
                and hit.start - p.end <= 40
                and p.precision in ("country", "governorate")
                and _LOCATED_TOWN_NOUN.search(
                    text_all, max(0, p.start - offset - 60), p.start - offset
                )
            ),
            None,
        )
        if area is not None:
            town = _antecedent(reading, "point", kinds=_TOWN_KINDS)
            if town is not None and town.end <= area.start:
                return [town]
        towns = _counted_towns_of_an_area(reading, places)
        if towns:
            return towns
    if backward or _RELATIVE_NOUN.match(hit.text):
        before = [
            p
            for p in places
            if p.end <= hit.start
            and (
                hit.start - p.end <= 60
                or _COUNTED_APPOSITION.match(text_all, p.end - offset, hit.start - offset)
                # "Foua and Kefraya, whose inhabitants are mostly Shi'ite, are among the last
                # places still in government hands"
                or _CLOSED_RELATIVE_TO_VERB.fullmatch(text_all, p.end - offset, hit.start - offset)
                or _DESCRIBED_THEN_RELATIVE.fullmatch(text_all, p.end - offset, hit.start - offset)
            )
            and (
                _APPOSED_TRIGGER.match(text_all[p.end - offset : hit.start - offset])
                # "towards Tal Abyad, which remains in Islamic State hands": a relative after
                # the place is about it, wherever the sentence was going (not about a landmark:
                # "the Conoco field east of Deir ez-Zor, which remains under its control")
                or (
                    _RELATIVE_STATE.fullmatch(text_all, p.end - offset, hit.start - offset)
                    and not (
                        _relational(text_all, p.start - offset - 30, p.start - offset)
                        and not _GOAL_BEFORE.search(
                            text_all, max(0, p.start - offset - 30), p.start - offset
                        )
                        # ("the front runs a few km north of Tal Kayf, which remains in the
                        # group's hands": a distance names no landmark of its own)
                        and not _DISTANCE_BEFORE.search(
                            text_all, max(0, p.start - offset - 50), p.start - offset
                        )
                    )
                )
                # "Hawija, an Islamic State stronghold to the west that fell to the group in
                # June 2014": the relative is the described place's, wherever it lay
                or _DESCRIBED_THEN_RELATIVE.fullmatch(text_all, p.end - offset, hit.start - offset)
                or _COUNTED_APPOSITION.match(text_all, p.end - offset, hit.start - offset)
                or not _relational(text_all[max(0, p.start - offset - 30) : p.start - offset])
                # « vers les quartiers de Homs encore tenus par les rebelles »: a participle
                # right after the place describes it, wherever the sentence goes
                or (
                    frame == "hold"
                    and _ATTACHED_PARTICIPLE.match(text_all, p.end - offset, hit.start - offset)
                )
            )
        ]
        for p in before:
            if p.precision != "point" and _CONTAINER_OF.search(
                text_all[max(0, p.start - offset - 50) : p.start - offset]
            ):
                # the towns held lie in it: part of the division, not all of it
                reading.extra.setdefault("share_window", {})[p.place_id] = "part of"
        if not before and frame == "hold" and _STRONGHOLD.search(hit.text):
            # "Raqqa, which rebels took in 2013 and which has since become the de facto
            # capital of the group": the relative's place, named further back
            relative = _relative_antecedent(reading, places)
            if relative is not None:
                return [relative]
        if not before and frame == "hold":
            demonstrative = _demonstrative_object(reading)
            if demonstrative is not None:
                return [demonstrative]
        if (
            not before
            and frame == "hold"
            and _PARTS_HELD_BEFORE.search(
                text_all, max(0, hit.start - offset - 40), hit.start - offset
            )
        ):
            # "the last few blocks held by the group in Mosul's old city": parts of the place
            # that locates them
            agent_end = reading.agent.hit.end if reading.agent is not None else hit.end
            located = next((p for p in places if p.start >= agent_end), None)
            if located is not None and _IN_PLACE.fullmatch(
                text_all, agent_end - offset, located.start - offset
            ):
                reading.extra.setdefault("share_window", {})[located.place_id] = "part of"
                return [located]
        if not before:
            return _fronted_subject(reading, places) or _definite_subject(reading)
        if _NEW_SUBJECT_NOUN.search(text_all, before[-1].end - offset, hit.start - offset):
            # "entered the centre of Saqlawiya and the town is now completely liberated": the
            # subject of the new clause, which says how much
            subject = _definite_subject(reading)
            if subject:
                return subject
        if _RELATIVE_NOUN.match(hit.text):
            return [before[-1]]
        if (
            before
            and frame == "hold"
            and before[-1].precision in ("governorate", "country")
            and _IN_CONTAINER.search(text_all, 0, before[-1].start - offset)
            and not (
                len(before) >= 2
                and _LOCATING_GAP.fullmatch(
                    text_all, before[-2].end - offset, before[-1].start - offset
                )
            )
        ):
            # "closer to the al-Ghab plain in neighbouring Hama province, a pro-government
            # stronghold": the province locates the plain, which the stronghold describes
            return []
        if (
            len(before) >= 2
            and before[-1].precision in ("governorate", "country")
            and before[-2].precision == "point"
            and _LOCATING_GAP.fullmatch(
                text_all, before[-2].end - offset, before[-1].start - offset
            )
            and (
                re.match(r"\s*(?:province|governorate)?\s*,", text_all[before[-1].end - offset :])
                or hit.start - before[-1].end <= 2
            )
        ):
            # "al-Raï, dans le nord de la province d'Alep, est repassée": the province
            # says where the town lies
            before = before[:-1]
        if len(before) >= 2 and _LANDMARK_APPOSITION.fullmatch(
            text_all, before[-2].end - offset, before[-1].start - offset
        ):
            # « Makhmour et Gwer, au sud-ouest d'Erbil, perdues face aux jihadistes »: the
            # town named to locate them is no part of what was lost
            before = before[:-1]
        if (
            frame == "take_pass"
            and _SINGULAR_PARTICIPLE.fullmatch(hit.text)
            and re.fullmatch(r"\s*,\s*", text_all[before[-1].end - offset : hit.start - offset])
        ):
            # « l'EI tient Saadiya et une partie de Jalawla, tombée le 11 août »: a singular
            # participle apposed to the last place is that place's alone, all of it
            reading.extra.setdefault("share_window", {})[before[-1].place_id] = ""
            return [before[-1]]
        chain = _backward_list(reading, places, before[-1])
        intro = _INCLUDING.search(text_all, 0, chain[0].start - offset)
        container = [p for p in places if intro and p.end - offset == intro.start()]
        if container and _SHARE_OPENS.search(text_all, 0, container[0].start - offset):
            # « Plusieurs quartiers d'Alep, dont Sakhour et Haidariya, sont tombés »: the
            # districts named, and a share of the town
            chain.insert(0, container[0])
        chain += [p for p in _gapped(reading, places) if p not in chain]
        chain += [p for p in _followed(reading, places) if p not in chain]
        chain.sort(key=lambda p: p.start)  # each reads its own date up to the next
        return chain + [p for p in _compared(reading, places) if p not in chain]
    apposed = _apposition_spans(reading)
    limit = _next_claim_trigger(reading, apposed)
    contrast = _CONTRAST.search(text_all, hit.end - offset, limit - offset)
    if contrast is not None:
        # "the government controls the city centre while the YPG holds the north of Z"
        limit = offset + contrast.start()
    after = [
        p
        for p in places
        if hit.end <= p.start < limit and not any(s <= p.start < e for s, e in apposed)
    ]
    quote_end = _quote_end(text_all, hit.start - offset, hit.end - offset)
    if quote_end is not None:
        # « L'EI a perdu ses villes », estime un officier, qui attend une offensive sur
        # Hawija: a quoted verb's objects stay inside the quotation
        after = [p for p in after if p.start - offset < quote_end]
    relative = _relative_antecedent(reading, places)
    if relative is None and frame == "hold":
        # « trois quartiers du nord de la ville, où les jihadistes restent retranchés »: the
        # relative hangs from the town the text is about, and a share named before it counts
        noun = _TOWN_BEFORE_RELATIVE.search(text_all, 0, hit.start - offset)
        town = _antecedent(reading, "point", kinds=_TOWN_KINDS) if noun else None
        if noun and town is not None and hit.start - town.end <= 400:
            share = text_all[max(0, noun.start() - 40) : noun.start()]
            reading.extra.setdefault("share_window", {})[town.place_id] = share
            return [town]
    if relative is not None:
        clause_end = re.search(r"[,;.]|$", text_all[hit.end - offset :])
        stop = hit.end + (clause_end.start() if clause_end else 0)
        in_clause = [p for p in after if p.start < stop]
        if frame == "hold" and _DISTRICTS.match(text_all, hit.end - offset):
            # "Deir Ezzor, où l'EI ne tient plus que quelques quartiers": part of the town
            reading.extra.setdefault("share_window", {})[relative.place_id] = "several districts"
            return [relative]
        named = next((p for p in after if p.start - hit.end <= 80), None)
        held_things = (
            _ONLY.sub(" ", text_all[hit.end - offset : named.start - offset]) if named else ""
        )
        if (
            not in_clause
            and named is not None
            and _SOME_THINGS.match(held_things)
            and _INCLUDING.search(text_all, 0, named.start - offset)
        ):
            # « la province d'Anbar, où l'armée ne tient plus que quelques localités, dont
            # Haditha »: the towns named are what is held, not the place the relative is about
            in_clause = [named]
        if not in_clause:
            # "Mayadin, which they took on Oct 14", "Tabqa, qu'elles ont prise en mai",
            # "Kirkouk, où elles ont pris la place des peshmergas": the antecedent is the object,
            # and a share is read inside the clause ("which the group largely retook")
            tail = re.match(r"[^,;.]{0,30}", text_all[hit.end - offset :])
            window_end = hit.end - offset + (tail.end() if tail else 0)
            reading.extra.setdefault("share_window", {})[relative.place_id] = (
                "part of"  # « où elles ont repris plusieurs champs pétroliers »: things in it
                if _SOME_THINGS.match(text_all, hit.end - offset)
                else text_all[relative.end - offset : window_end]
            )
            return [*_listed_before(reading, places, relative), relative]
    plural = _PLURAL_OBJECT.match(text_all, hit.end - offset)
    if plural is not None and frame in ("take", "hold", "expel", "enter"):
        # "Iraqi troops retook both towns in October", « ont repris les deux villes »: the
        # towns listed last before the sentence
        towns = _listed_towns_before(
            reading,
            plural.group("count")
            or plural.group("countf")
            or ("two" if plural.group("both") else None),
            any_kind=plural.group("towns") is None,
            upto=hit.start,
        )
        if towns:
            return towns
    definite = _definite_object(text_all, hit.end - offset)
    if frame == "hold" and _DISTRICTS.match(text_all, hit.end - offset):
        definite = None  # "the city centre" is a part of the city, read below
    if (
        definite
        and after
        and after[0].start - offset < definite.start("noun")
        and not _relational(text_all, hit.end - offset, after[0].start - offset)
    ):
        # "have held Sinjar since they drove Islamic State out of the town": the place named
        # is the object, the noun after it another verb's
        definite = None
    if definite and not (
        after
        # (« la deuxième ville d'Irak »: the country locates the town, it does not name it)
        and after[0].precision != "country"
        and _own_name_after(text_all, definite.end(), after[0].start - offset)
    ):
        # "de la province" alone stands for a place named before; "la ville frontalière
        # d'Albou Kamal" is followed by its own name
        noun = definite.group("noun")
        antecedent = _antecedent(
            reading,
            _NOUN_PRECISION.get(noun.lower(), "point"),
            (offset + definite.start("noun"), offset + definite.end("noun")),
            # "the second city", « la troisième ville du pays »: a city, not a town named since
            kinds=_CITY_KINDS if _RANKED.search(definite.group(0)) else _noun_kinds(noun),
        )
        if antecedent is not None:
            reading.extra.setdefault("share_window", {})[antecedent.place_id] = (
                # "controls the whole of the city's western half": a part of it
                "part of"
                if _PART_AFTER.match(text_all, definite.end())
                else text_all[max(0, hit.start - offset - 30) : definite.end()]
            )
            included = next(
                (
                    p
                    for p in after
                    if p.start - offset >= definite.end()
                    and _INCLUDING.search(text_all, definite.end(), p.start - offset)
                    and not re.search(r"[.;:]", text_all[definite.end() : p.start - offset])
                ),
                None,
            )
            if included is not None:
                # « tient toujours le sud de la province, notamment la ville d'al-Chaddadi »:
                # a share of the province, and the towns named in it
                return [
                    antecedent,
                    *_listed_from(reading, included, after[after.index(included) :], []),
                ]
            return [antecedent]
    if frame == "hold" and _DISTRICTS.match(text_all, hit.end - offset):
        fronted = _FRONTED.match(text_all)
        framed = [p for p in places if fronted and p.start - offset == fronted.end()]
        if framed and framed[0].end <= hit.start:
            # "In Deir ez-Zor city, government troops hold several western districts": a part
            # of the place the sentence opens on, and the districts it names ("among them
            # Mashlab")
            reading.extra.setdefault("share_window", {})[framed[0].place_id] = "several districts"
            districts = [p for p in after if p.precision == "district"]
            return [framed[0], *_held_whole_among(reading, districts)]
        examples = bool(after) and bool(
            _INCLUDING.search(text_all, hit.end - offset, after[0].start - offset)
        )
        if not framed and (
            not after
            or _relational(text_all, hit.end - offset, after[0].start - offset)
            or examples
        ):
            # "À Rakka, les FDS contrôlent 65 % de la ville. L'EI tient encore le centre-ville
            # et plusieurs quartiers du nord": districts of the town the text is about (and
            # "held six neighbourhoods and had come within 2 km of the shrine": not the shrine;
            # "holds several districts, including Mashlab": those named are held whole)
            antecedent = _last_place_before(reading, towns_only=True)
            if antecedent is not None:
                reading.extra.setdefault("share_window", {})[antecedent.place_id] = "districts"
                named = _held_whole_among(reading, after) if examples else []
                return [antecedent, *(p for p in named if p is not antecedent)]
    if frame == "hold":
        bare = _BARE_SHARE.match(text_all, hit.end - offset)
        confined = _CONFINED.search(text_all[: hit.end - offset])
        share_alone = bool(bare) and (not after or after[0].start - offset > bare.end() + 25)
        if share_alone or (confined and not after):
            # "still holds about 35 %" / "the remaining 90 %": a share of the place the
            # previous sentence was about
            antecedent = _last_place_before(reading)
            if antecedent is not None:
                window_end = bare.end() if bare else hit.end - offset + 40
                reading.extra.setdefault("share_window", {})[antecedent.place_id] = text_all[
                    max(0, hit.start - offset - 30) : window_end
                ]
                return [antecedent]
    if not after and frame == "hold":
        demonstrative = _demonstrative_object(reading)
        if demonstrative is not None:
            return [demonstrative]
    # « y tiennent toujours plusieurs quartiers ainsi que l'aéroport militaire »: a part of
    # the town and a site of it
    site_too = (
        after
        and after[0].kind in _SITES_OF_A_TOWN
        and _DISTRICTS_HELD.search(text_all, hit.end - offset, after[0].start - offset)
        and _AS_WELL_AS.search(text_all, hit.end - offset, after[0].start - offset)
    )
    if (
        (not after or site_too)
        and frame in ("hold", "enter")
        and _THERE_BEFORE.search(text_all, max(0, hit.start - offset - 40), hit.start - offset)
    ):
        # « Les jihadistes y tenaient encore des positions », « s'y sont retranchés »: the
        # town or district named just before, held in part when the clause says so
        clause = re.split(r"[,;.]", text_all[hit.end - offset :], maxsplit=1)[0]
        antecedent = (
            # « les insurgés n'y tiennent plus que les quartiers du sud-est »: districts of the
            # town, not a district named before
            _antecedent(reading, "point", kinds=_TOWN_KINDS)
            if _DISTRICTS_HELD.search(clause)
            else _town_or_district_before(reading)
        )
        if antecedent is not None and hit.start - antecedent.end <= 300:
            part = _SOME_PART.search(clause) or _DISTRICTS_HELD.search(clause)
            share = "" if part is None else "partly"
            if part is not None and part.group(0).lower().endswith(("positions", "îlots")):
                share = _POSITIONS_HELD  # a foothold in a town fought over
            reading.extra.setdefault("share_window", {})[antecedent.place_id] = share
            return [antecedent, after[0]] if site_too else [antecedent]
    if not after:
        return []
    first = after[0]
    gap = _cut(
        text_all, hit.end - offset, first.start - offset, apposed + _since_spans(reading), offset
    )
    # (« chassé les jihadistes près de Rawa »: a landmark's "de", not where they were driven from)
    source = (
        frame in ("leave", "expel", "expelled")
        and _SOURCE_GAP.match(gap)
        and not _landmark_before(gap)
    )
    if (
        frame == "leave"
        and "," in gap
        and FRONTED_PARTICIPLE.fullmatch(text_all, 0, hit.start - offset)
    ):
        # "Having pulled back to the north, the rebels still hold Haditha", « Repliés vers le
        # nord, les rebelles tiennent ... »: the place after the comma is the main verb's
        return []
    if frame == "leave" and (_DESTINATION_GAP.match(gap) or _RETREAT_AREA_GAP.match(gap)):
        # "retreated to Hajin", « se sont repliés vers Hajine »: where they went; "in retreat
        # across Anbar", « en recul dans toute la province »: where they are giving ground
        return []
    if frame == "hold" and _HELD_STRIP.search(gap) and len(gap) <= 120:
        # "still controlled a strip of 30 km from the outskirts of Hajin down to Susah and
        # al-Shaafa", "along the river between Hajin and Susah": the ends of a strip held
        ends = _strip_ends(text_all, offset, after)
        if ends:
            # the towns at its ends are held, from their outskirts on
            shares = reading.extra.setdefault("share_window", {})
            for place in ends:
                shares.setdefault(place.place_id, "")
            return ends
    side_of = frame == "hold" and _HELD_SIDE_OF.fullmatch(gap) is not None
    if side_of:
        # "the government-held west of Aleppo": a side of the town, held
        reading.extra.setdefault("share_window", {})[first.place_id] = "the west of"
    if (_relational(gap) and not source and not side_of) or len(gap) > 120:
        # "controls a stretch of the valley between Rawa and the border, including al-Qaim":
        # the place the object includes is named after it
        included = _introduced_after(reading, after, _INCLUDING)
        if included is None and frame == "hold" and _POCKET.search(gap):
            # « tiennent une poche au nord de Homs, autour des localités de Rastan et de
            # Talbissé »: the towns the pocket is around are held
            included = _introduced_after(reading, after, _AROUND)
        if included is None:
            return []
        first = included
        after = after[after.index(included) :]
    chain = _listed_from(reading, first, after, apposed)
    if frame == "hold":
        # "controls Hawija and a stretch of the valley near the border, including the towns of
        # Anah and Rawa": the towns the held area includes are held too
        end = chain[-1].end
        included = next(
            (
                p
                for p in after
                if p.start >= end
                and p.start - end <= 160
                and _INCLUDING.search(text_all, 0, p.start - offset)
                and not re.search(r"[.;:]", text_all[end - offset : p.start - offset])
                # (not a clause of its own: « où l'armée ne tient plus que ..., dont Haditha »)
                and not _RELATIVE_CLAUSE.search(
                    _INCLUDING.sub("", text_all[end - offset : p.start - offset])
                )
            ),
            None,
        )
        if included is not None:
            chain += _listed_from(reading, included, after[after.index(included) :], apposed)
    unique: list[PlaceMention] = []
    for place in chain:
        if all(place.place_id != u.place_id for u in unique):
            unique.append(place)
    return unique


def _town_or_district_before(reading: Reading) -> PlaceMention | None:
    """The town or town district named last before the trigger, which « y » and « celui-ci »
    stand for (« À Jobar, les combats se poursuivaient. L'armée y tient »)."""
    candidates = [
        p
        for p in (
            _antecedent(reading, "point", kinds=_TOWN_KINDS),
            _antecedent(reading, "district"),
        )
        if p is not None
    ]
    return max(candidates, key=lambda p: p.start) if candidates else None


def _demonstrative_object(reading: Reading) -> PlaceMention | None:
    """« la majeure partie de celui-ci reste aux mains des rebelles »: the town or district
    just named, with the share said of it."""
    offset = reading.sentence.start
    found = _DEMONSTRATIVE_BEFORE.search(
        reading.sentence.text,
        max(0, reading.hit.start - offset - 60),
        reading.hit.start - offset,
    )
    if found is None:
        return None
    antecedent = _town_or_district_before(reading)
    if antecedent is None or reading.hit.start - antecedent.end > 300:
        return None
    reading.extra.setdefault("share_window", {})[antecedent.place_id] = found.group(0)
    return antecedent


_CLOSED_RELATIVE_TO_VERB = re.compile(
    r"\s*,\s*(?:whose|who|which|dont|qui|où|where)\b[^,;.]{1,80},\s*[^,;.()«»\"“”]{0,60}", _I
)
_POSITIONS_HELD = "partly: positions held"
_DEMONSTRATIVE_BEFORE = re.compile(
    r"(?:[\w'’-]+\s+){0,4}(?:de|d['’])\s*(?:celui-ci|celle-ci)\s+"
    r"(?:(?:reste|restent|est|sont|demeure|demeurent|était|étaient)\s+)?(?:encore\s+|toujours\s+)?\Z",
    _I,
)
# French « y » before its verb: « y tenaient », « s'y sont retranchés », « y sont entrés »
_THERE_BEFORE = re.compile(
    r"(?:\b|\s)(?:s['’])?y\s+(?:(?:ont|a|avaient|avait|sont|est|étaient|était)\s+)?"
    r"(?:(?:encore|toujours|déjà|désormais)\s+)?\Z",
    _I,
)
_DISTRICTS_HELD = re.compile(
    r"\b(?:les|des|quelques|plusieurs|the|some|several)\s+(?:\w+\s+)?(?:quartiers|districts"
    r"|neighbou?rhoods)\b",
    _I,
)
_SOME_PART = re.compile(
    r"\b(?:des|quelques|plusieurs|deux|trois|certaines?|certains)\s+(?:\w+\s+)?"
    r"(?:positions|quartiers|poches|îlots|secteurs|rues|bâtiments|maisons|immeubles"
    r"|pâtés\s+de\s+maisons)\b"
    r"|\b(?:une|la)\s+(?:petite\s+|grande\s+)?(?:partie|poche)\b",
    _I,
)
_HELD_SIDE_OF = re.compile(
    r"\s+(?:north|south|east|west)(?:ern)?(?:\s+(?:half|part|side))?\s+of\s+(?:the\s+)?", _I
)
_CONTRAST = re.compile(r"(?:,\s*|\s)(?:while|whereas|but|tandis\s+qu|alors\s+qu|mais)\b", _I)


def _listed_from(
    reading: Reading,
    first: PlaceMention,
    after: Sequence[PlaceMention],
    apposed: Sequence[tuple[int, int]],
) -> list[PlaceMention]:
    """``first`` and the places listed with it ("Anah, Rawa et al-Qaïm")."""
    text_all = reading.sentence.text
    offset = reading.sentence.start
    chain = [first]
    previous_end = first.end
    located = False
    # a date of its own may open a listed place: « de Mossoul puis le lendemain de Tikrit »
    dated = [(d.start, d.end) for d in reading.extra.get("sentence_dates", [])]
    for place in after[1:]:
        if place.start < previous_end:
            continue
        between = _cut(
            text_all, previous_end - offset, place.start - offset, [*apposed, *dated], offset
        )
        if place.precision in ("governorate", "country") and _CONTAINER_GAP.match(between):
            previous_end = place.end  # "in Anbar": locates the list, which goes on after it
            continue
        if _CITY_DISTRICT_OF.fullmatch(between) and chain[-1].precision == "point":
            # "much of the Damascus district of Jobar": the city only names whose district
            chain[-1] = place
            previous_end = place.end
            continue
        if (
            place.precision in ("governorate", "country", "region")
            and not located
            and _DESCRIBING_APPOSITION.fullmatch(between)
        ):
            # "retook Ramadi, the capital of Anbar province, in December, and Hit in April":
            # the province describes the town; a conjunct with its own date may follow
            located = True
            previous_end = place.end
            continue
        if (
            located
            and _GAP_BEFORE.search(between)
            and _GAP_DATE_AFTER.match(text_all, place.end - offset)
        ):
            chain.append(place)  # "..., in December, and Hit in April": verb left out
            previous_end = place.end
            located = False
            continue
        if _relational(between):
            if between.lstrip().startswith(",") and not located:
                # "Al-Qaryatayn, à une centaine de kilomètres au sud-ouest de Palmyre, ainsi
                # que la majeure partie de la province": a landmark in apposition, after which
                # only an explicit addition goes on with the list
                located = True
                continue
            break
        if not _LIST_GAP.match(between) or (
            located
            and not _ADDITION.search(between)
            # « Tal Afar, à l'ouest de Mossoul, et Hawija »: the landmark's apposition closed
            and not _CLOSED_APPOSITION_AND.search(between)
        ):
            break
        if _subject_of_next(reading, place):
            break  # "retook Anah, and Rawa is still held by IS": Rawa opens a new clause
        chain.append(place)
        previous_end = place.end
        located = False
    return chain


_CLOSED_APPOSITION_AND = re.compile(r",\s*(?:et|and)\s+(?:the\s+|la\s+|le\s+|l['’])?\Z", _I)
_CITY_DISTRICT_OF = re.compile(
    r"\s+(?:district|neighbou?rhood|suburb|quarter)\s+of\s+(?:the\s+)?", _I
)
_DESCRIBING_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:the|la|le|l['’])\s*(?:(?:provincial\s+)?capital|chef-lieu|capitale"
    r"|main\s+town|largest\s+(?:town|city)|plus\s+grande\s+ville)\s+(?:of|de|du|d['’])"
    # "Arbin and Zamalka, two of the main towns of Eastern Ghouta, as well as Jobar"
    r"|(?:(?:one|two|three|l['’]une?|deux|trois)\s+(?:of\s+the|des)|(?:an?|une?)"
    r"|(?:the|les)\s+(?:two|three|deux|trois))\s+(?:[^\W\d_]+\s+){0,2}"
    r"(?:towns?|cities|city|villages?|suburbs?|districts?|localités?|villes?|faubourgs?"
    r"|quartiers?|banlieues?)\s+(?:of|in|de|du|des|d['’]|dans))\s*(?:the\s+|la\s+|le\s+|l['’])?"
    r"(?:province\s+(?:of\s+|de\s+|d['’]))?",
    _I,
)
_ADDITION = re.compile(
    # (« ainsi qu'Anah »: the elided « qu' » ends on its apostrophe)
    r",\s*(?:as\s+well\s+as|ainsi\s+qu(?:e\b|['’])|de\s+même\s+que|tout\s+comme|along\s+with)"
    r"(?:\b|(?<=['’]))",
    _I,
)


_ITS_PART_AFTER = re.compile(
    r"\s+(?:(?:most|much|parts?)\s+of\s+)?(?:its|ses|sa|son)\s+(?:(?:northern|southern|eastern"
    r"|western|\w+ern)\s+)?(?:outskirts|edges?|suburbs|districts|neighbou?rhoods|streets"
    r"|abords|faubourgs|quartiers|périphérie|banlieue|half|side|moitié)\b",
    _I,
)
# "Among the villages retaken were", « Parmi les localités reprises jeudi figurent »
_AMONG_BEFORE = re.compile(
    r"\b(?:parmi|among)\s+(?:les|the|ces|these)\s+(?:[\w'’-]+\s+){0,2}\Z", _I
)
_AMONG_VERB = re.compile(
    r"[^,;.]{0,40}?\b(?:figurent|figuraient|figure|were|are|was|is|included|includes?)\s+"
    r"(?:(?:les\s+)?(?:localités|villages?|villes?)\s+(?:de|d['’])\s*)?",
    _I,
)
# Districts a relative clause is about: "the eastern neighbourhoods, where they entered"
_DISTRICTS_RELATIVE = re.compile(
    r"\b(?:les|the|its|ses)\s+(?:[\w-]+\s+)?(?:quartiers|districts|neighbou?rhoods|secteurs)"
    r"(?:\s+[\w-]+)?\s*,\s*(?:où|where|into\s+which|dans\s+lesquels)\s+(?:[\w'’-]+\s+){0,3}\Z",
    _I,
)
# A French past participle that can only be singular: « tombée », « reprise », « libéré »
_SINGULAR_PARTICIPLE = re.compile(r"[^\W\d_]+(?:ée|é|ise)", _I)
# An aside opened before a place and not yet closed: ", d'où provient l'eau d'"
_IN_ASIDE = re.compile(r",\s*(?:d['’]où|où|dont|which|where|whose)\b[^,;.]*\Z", _I)
# A pronoun standing for the object of a capture: "retook it", "much of it", « l'ont reprise ».
_IT_AFTER = re.compile(
    r"\s+(?:(?:much|most|parts?|half|all|some|the\s+rest|control)\s+of\s+)?it\b(?!['’]s)", _I
)
_IT_BEFORE = re.compile(
    r"\bl['’]\s*(?:ont|a|avaient|avait|auraient|aurait|avoir)\s+(?:\w+\s+)?\Z"
    # "declared it liberated", "pronounced it free of"
    r"|\b(?:declared|declares|declaring|pronounced|proclaimed)\s+it\s+"
    r"(?:(?:fully|completely|entirely)\s+)?\Z"
    r"|\b(?:la|l['’])\s*(?:reprendre|prendre|reconquérir)?\Z"
    # « avant que les jihadistes ne les en chassent », « s'en sont emparés »: from it, of it
    r"|\b(?:les|l['’]|s['’])\s*en\s+(?:(?:ont|a|avaient|avait|sont|est|étaient|était)\s+)?\Z",
    _I,
)


_INTO_IT = re.compile(r"\s+(?:back\s+)?(?:into|inside)\s+it\b", _I)
_FOR_A_SPAN = re.compile(
    r"\s+(?:it|them|the\s+town|the\s+city)\s+for\s+(?:(?:about|nearly|almost|only|just)\s+)?"
    r"(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)\b",
    _I,
)


def _held_for_a_span(reading: Reading) -> DateMention | None:
    """ "stormed back into it on Feb. 27 and held it for four days": a past hold for a span
    begins on the day of the verb it is coordinated with."""
    offset = reading.sentence.start
    if not re.fullmatch(r"held|kept", reading.hit.text, _I) or not _FOR_A_SPAN.match(
        reading.sentence.text, reading.hit.end - offset
    ):
        return None
    before = [d for d in reading.extra.get("sentence_dates", []) if d.end <= reading.hit.start]
    return before[-1] if before else None


def _pronoun_object(reading: Reading) -> str | None:
    """The pronoun a capture verb takes for its object, with the share it states, if any."""
    text = reading.sentence.text
    offset = reading.sentence.start
    after = _IT_AFTER.match(text, reading.hit.end - offset)
    if after is not None:
        return after.group(0)
    part = _ITS_PART_AFTER.match(text, reading.hit.end - offset)
    if part is not None:
        return "part of"  # "had entered its outskirts", « ont pris ses faubourgs »
    if re.search(r"\s(?:it|them)\s+back$", reading.hit.text, _I):
        return "it"  # "won it back": the pronoun inside the verb
    if reading.frame == "enter" and _INTO_IT.match(text, reading.hit.end - offset):
        return "it"  # "stormed back into it on Feb. 27"
    if _IT_BEFORE.search(text, max(0, reading.hit.start - offset - 20), reading.hit.start - offset):
        return "it"
    return None


def _held_whole_among(reading: Reading, candidates: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The places a share's clause names after "among them", « dont », "including": held
    whole ("controls a handful of towns there, among them Ariha")."""
    text = reading.sentence.text
    offset = reading.sentence.start
    hit = reading.hit
    listed = [
        p
        for p in candidates
        if p.start >= hit.end
        and _INCLUDING.search(text, 0, p.start - offset)
        and not re.search(r"[.;:]", text[hit.end - offset : p.start - offset])
    ]
    shares = reading.extra.setdefault("share_window", {})
    for p in listed:
        shares[p.place_id] = ""
    return listed


_IN_CONTAINER = re.compile(
    r"\b(?:in|dans)\s+(?:the\s+|la\s+|le\s+|l['’])?(?:(?:neighbou?ring|nearby|northern|southern"
    r"|eastern|western|central|voisine?)\s+)?(?:(?:province|governorate|gouvernorat)\s+(?:of|de|d['’])"
    r"\s*)?\Z",
    _I,
)
_TAKEN_OBJECT_LEAD = re.compile(
    r"\s+(?:(?:the|its|their|les|la|le|l['’]|ses|leurs)\s*)?(?:(?:last|remaining|final|few"
    r"|derniers?|dernières?)\s+)?(?:[\w'’]+\s+)?[\w'’]+-",
    _I,
)


def _held_in_taken_object(reading: Reading) -> bool:
    """Whether a held adjective qualifies the object of a capture in its sentence: "took over
    the last rebel-held towns of the eastern Qalamoun" tells what they were before."""
    text = reading.extra.get("article_text", "")
    for other in reading.extra.get("triggers", []):
        if (
            other.spec.frame in ("take", "expel")
            and other.end <= reading.hit.start
            and _TAKEN_OBJECT_LEAD.fullmatch(text, other.end, reading.hit.start)
        ):
            return True
    return False


_HEAD_NOUN_AFTER = re.compile(
    r"\s+(?:mountains?|range|valley|plain|hills|desert|region|area|countryside|montagnes?"
    r"|vallée|plaine|désert|région|(?:industrial\s+)?(?:city|zone|area|park|district)"
    r"|zone\s+industrielle|cité\s+industrielle)\b",
    _I,
)


def _past_head_noun(text: str, at: int) -> int:
    """Where a name's description may start: after its head noun ("the Qalamoun mountains,
    from the border to the desert, were")."""
    head = _HEAD_NOUN_AFTER.match(text, at)
    return head.end() if head else at


_DESCRIBED_AFTER = re.compile(
    r"\s*,\s*(?:une?|a|an|la|the)\s+(?:[\w'’-]+\s+){0,2}?(?:localité|ville|town|city|village"
    r"|bourgade|bourg|cité)\b",
    _I,
)
_HELD_ADJECTIVE_APPOSED = re.compile(
    r"\s*,\s*(?:a|an|the|one\s+of\s+the|la|une|l['’])\s+(?:[\w'’]+\s+){0,4}[\w'’]+-\Z", _I
)
_SOME_THERE = re.compile(
    r"\s+(?:only\s+)?(?:a\s+handful\s+of|a\s+few|some|several|a\s+number\s+of|pockets?\s+of)\s+"
    r"(?:[\w-]+\s+)?(?:towns|villages|areas|positions|districts|neighbou?rhoods|pockets|bases)"
    r"\s+there\b",
    _I,
)
_FLAG_OVER_BUILDING = re.compile(
    r"\s+(?:over|above|atop|on|sur|au-dessus\s+(?:du|de\s+la|de\s+l['’]|des))\s+"
    r"(?:the\s+|its\s+|le\s+|la\s+|l['’]|les\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:bâtiments?|buildings?|mairie|town\s+hall|city\s+hall|hall|headquarters|siège|citadel"
    r"|citadelle|tower|tour|roof|toit|palace|palais|château|castle|mosque|mosquée|hospital"
    r"|hôpital|court|tribunal|station|gare|school|école)\b",
    _I,
)
# a French object pronoun right before a verb of holding: « qui la contrôlait », « qui l'occupe »
_HELD_IT_BEFORE = re.compile(r"(?:^|\s)(?:la|les|l['’])\s*\Z", _I)

# What leads from a withdrawal to where the side went, not what it left.
_DESTINATION_GAP = re.compile(
    r"\s*(?:(?:back|further|deeper)\s+)?(?:to|into|towards?|toward|across\s+(?:the\s+)?\w+\s+(?:to|into)"
    r"|vers|en\s+direction\s+(?:de|d'|du)|jusqu'(?:à|au)|à|au|aux|dans)\s+"
    r"(?:the\s+|la\s+|le\s+|l'|les\s+)?(?:(?:town|city|village|ville|localité)\s+(?:of|de|d')\s*)?$",
    _I,
)

_RETREAT_AREA_GAP = re.compile(
    r"\s*(?:across|throughout|all\s+over|around|in|within|partout\s+(?:en|dans|au)"
    r"|dans\s+(?:tout|toute|tous|toutes)|à\s+travers)\s+"
    r"(?:the\s+|la\s+|le\s+|l'|les\s+)?(?:(?:\w+\s+){0,2}(?:province|region|country|governorate"
    r"|valley|town|city|village|ville|localité|région|vallée|pays)\s+(?:of|de|d'|du)\s*)?$",
    _I,
)

# A held strip or area whose ends are named: "a strip of about 30 km ... from (the outskirts
# of) Hajin down to Susah", "mostly along the river between Hajin and Susah", « une bande de
# territoire entre Hajine et Soussa ».
_HELD_STRIP = re.compile(
    r"\b(?:strip|stretch|band|swathe|pocket|area|zone|territory|corridor|bande|poche|zone"
    r"|territoire|portion|river|fleuve|valley|vallée)\b[^;.]{0,80}?"
    r"\b(?:from|between|de|d'|entre)\s+(?:the\s+outskirts\s+of\s+|la\s+périphérie\s+de\s+)?$",
    _I,
)
_STRIP_LINK = re.compile(
    r"^\s*(?:(?:all\s+the\s+way\s+|down\s+|up\s+)?to|and|as\s+far\s+as|jusqu'(?:à|au)"
    r"|à|et)\s+(?:the\s+town\s+of\s+|la\s+ville\s+de\s+)?$",
    _I,
)


def _strip_ends(text: str, offset: int, after: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The places that close a held strip: the first after "from"/"between" and those
    linked to it by "to", "and", "jusqu'à" (a list after the last end goes on)."""
    if not after:
        return []
    ends = [after[0]]
    for place in after[1:]:
        gap = text[ends[-1].end - offset : place.start - offset]
        # the other end follows the first right away ("between Anah and the border,
        # including Rawa" names one end only); a list may follow the other end
        if _STRIP_LINK.match(gap) or (len(ends) >= 2 and _LIST_GAP.match(gap)):
            ends.append(place)
        else:
            break
    return ends if len(ends) >= 2 else []


def _introduced_after(
    reading: Reading, after: Sequence[PlaceMention], intro: re.Pattern[str]
) -> PlaceMention | None:
    """The first place after the trigger that ``intro`` opens ("including", "around"), in the
    same clause and within 160 characters."""
    text, offset, end = reading.sentence.text, reading.sentence.start, reading.hit.end
    return next(
        (
            p
            for p in after
            if intro.search(text, 0, p.start - offset)
            and not re.search(r"[.;:]", text[end - offset : p.start - offset])
            and p.start - end <= 160
        ),
        None,
    )


_POCKET = re.compile(r"\b(?:pockets?|enclaves?|poches?|réduits?)\b", _I)
_AROUND = re.compile(
    r"\b(?:around|autour)\s+(?:(?:the\s+)?(?:towns?|villages?|cities)\s+of\s+|(?:des|de\s+la|du|de)\s+"
    r"(?:(?:localités|villes|villages|localité|ville)\s+(?:de|d['’])\s*)?|d['’])?$",
    _I,
)
# What introduces a place an object includes: ", including al-Qaim", « , dont Albou Kamal ».
_INCLUDING = re.compile(
    r",\s*(?:including|notably|among\s+them|notamment|dont|y\s+compris)\s+"
    r"(?:(?:the\s+)?(?:towns?|city|cities|villages?)\s+of\s+"
    r"|(?:la\s+|les\s+)?(?:villes?|localités?)\s+(?:[\w-]+\s+)?(?:de\s+|d')"
    r"|l')?$",
    _I,
)


# A trigger set right after its place, as an apposition: "Anah, reprise fin septembre",
# "Albou Kamal, dernière ville tenue par l'EI". What locates the place ("face à Anah") does not
# make it a landmark then: the apposition is about that place.
_PARTS_HELD_BEFORE = re.compile(
    r"\b(?:blocks|districts|neighbou?rhoods|areas|pockets|parts|villages|streets|positions"
    r"|quartiers|secteurs|zones|poches|rues|villages|positions)\s+(?:still\s+|encore\s+)?\Z",
    _I,
)
_IN_PLACE = re.compile(r"\s+(?:in|inside|of|dans|à|de|du)\s+(?:the\s+|la\s+|le\s+|l['’])?", _I)
_DESCRIBED_THEN_RELATIVE = re.compile(
    r"\s*,\s*(?:an?|the|une?|la|le|l['’])\s+[^,;.:«»\"“”]{1,100}?\s+(?:that|which|qui)\s+"
    r"(?:(?:had|has|have|was|were|avait|a|est|était)\s+)?(?:(?:been|été)\s+)?",
    _I,
)
_RELATIVE_STATE = re.compile(
    r"\s*,\s*(?:which|that|qui)\s+(?:(?:still|now|has|had|have|is|was|are|were|remains?"
    r"|remained|been|reste|restait|restent|est|était|sont|demeure|toujours|encore)\s+){1,3}",
    _I,
)
_APPOSED_TRIGGER = re.compile(
    r"^\s*(?:\([^()]{1,30}\)\s*)?,\s*"
    # « Jarablous, près de la frontière turque, contrôlée par »: where it lies first
    r"(?:(?:(?:près|non\s+loin|à\s+proximité)\s+(?:de|du|des|d['’])|near|close\s+to)"
    r"[^,;.:«»\"“”]{1,40},\s*)?"
    # « Soueïda, à majorité druze et toujours contrôlée par le pouvoir »: a description first
    r"(?:[^,;.:«»\"“”]{1,40}?\s+(?:et|and)\s+(?=(?:still|toujours|encore|now|désormais)\b))?"
    r"(?:(?:the|its|their|la|le|l'|sa|son|leur|an|a|une|un|one\s+of\s+(?:the|its|their|two|three"
    r"|four|a\s+few|several|\d+)|l'une?\s+des|une?\s+des)\s*)?"
    # "al-Shaddadi, the group's main stronghold": its owner named before it
    r"(?:(?:[\w-]+\s+){0,2}[\w-]+['’]s?\s+)?"
    # "Hawija, an Islamic State stronghold", "a rebel bastion": its owner as a modifier
    r"(?:(?:(?-i:[A-Z])[\w-]*\s+){1,3}|(?:rebel|jihadist|militant|government|regime|army"
    r"|opposition|Kurdish)\s+)?"
    # "Hawija, one of two pockets still under the group's control"
    r"(?:(?:last|remaining|few|derni(?:er|ère)s?|rares?)\s+)?"
    r"(?:(?:pockets?|areas?|enclaves?|poches?|zones?|secteurs?)\s+)?"
    # « vers Rastan, ville tenue par les insurgés », "a small town held by": its head noun
    r"(?:(?:[\w-]+\s+)?(?:towns?|city|cities|villages?|villes?|localités?|bourgades?|cités?"
    r"|bourgs?)\s+(?:(?-i:[a-zéèàçûôî'’-])+\s+){0,2}?)?"
    r"(?:(?:still|yet|now|encore|toujours|désormais)\s+)?"
    # « la province d'Idleb, presque entièrement aux mains de l'opposition »
    r"(?:(?:almost|nearly|virtually|entirely|fully|largely|mostly|partly|presque|quasi"
    r"|quasiment|entièrement|totalement|largement|en\s+grande\s+partie|partiellement)\s+){0,2}$",
    _I,
)
# A comparison that extends a state to more places: "..., as do Sinjar and Makhmour",
# "..., tout comme Husaybah", "de même que Husaybah".
_COMPARED = re.compile(r",?\s*(?:as\s+(?:do|does|is|are)|tout\s+comme|de\s+même\s+que)\s+$", _I)


_COUNTED_APPOSITION = re.compile(
    # (after where the last one lies: « al-Bab, à une trentaine de kilomètres au sud, deux »)
    r"(?:\s*,[^,;.:]{1,60}(?=,))?"
    r"\s*,\s*(?:the\s+|les\s+)?(?:(?P<count>two|three|four|deux|trois|quatre)\s+"
    r"(?:towns|cities|villages|villes|localités|bourgs)\b"
    # "the Yarmouk camp and neighbouring Hajar al-Aswad, both held by the group"
    r"|(?P<both>both|tous\s+deux|toutes\s+deux)\b)",
    _I,
)


_LANDMARK_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:à\s+)?(?:environ\s+|une\s+|about\s+|some\s+)?(?:\d+|quelques|une?\s+\w+aines?)"
    r"\s+(?:de\s+)?(?:km|kilomètres|kilometres|kilometers|miles)\s+)?"
    r"(?:(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de|du|d['’])"
    r"|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|(?:près|non\s+loin)\s+(?:de|du|d['’])"
    r"|near|close\s+to)\s*(?:the\s+|la\s+|l['’])?",
    _I,
)
_APPOSED_PARTICIPLE = re.compile(
    # (past where the list lies: "Makhmour and Gwer, southwest of Erbil, lost to")
    rf"(?:{_LANDMARK_APPOSITION.pattern}[^,;.:]{{1,40}})?"
    r"\s*,\s*(?:(?:which|that|qui)\s+(?:had\s+been|were|was)\s+)?",
    _I,
)


def _backward_list(
    reading: Reading, places: Sequence[PlaceMention], last: PlaceMention
) -> list[PlaceMention]:
    """The place before a passive or "held by" trigger and the places listed with it:
    "Kirkouk, Sinjar et Makhmour sont tenues par les peshmergas"."""
    text = reading.sentence.text
    offset = reading.sentence.start
    others = [t for t in reading.extra.get("triggers", []) if t is not reading.hit]
    armed = [a for a in reading.actors if a.side and a.hit.kind not in ("source", "civilian")]
    counted = _COUNTED_APPOSITION.match(text, last.end - offset, reading.hit.start - offset)
    if counted:
        # "Hawija and Shirqat, two towns still in the group's hands": the count says how many
        # of the places listed before are meant, whatever verb they hang on
        wanted = _COUNTS[counted.group("count").lower()] if counted.group("count") else 2
        listed = [last]
        for place in reversed([p for p in places if p.end <= last.start]):
            if len(listed) == wanted or not _LIST_GAP.match(
                text[place.end - offset : listed[0].start - offset]
            ):
                break
            listed.insert(0, place)
        if len(listed) == wanted:
            return listed
    chain = [last]
    # "retook Makhmour and Gwer, lost to the jihadists days earlier": a participle set off
    # after a list tells of the whole list, whichever verb the list hangs on
    apposed = _APPOSED_PARTICIPLE.fullmatch(text, last.end - offset, reading.hit.start - offset)
    for place in reversed([p for p in places if p.end <= last.start]):
        head = chain[0]
        if (place.precision == "governorate") != (head.precision == "governorate"):
            break
        between = text[place.end - offset : head.start - offset]
        if _relational(between) or not _LIST_GAP.match(between):
            break
        if apposed:
            # (not past a verb of its own: « Mossoul, reprise en juillet, et Tal Afar, tombée »)
            if any(place.end <= t.start < head.start for t in others):
                break
            chain.insert(0, place)
            continue
        # a trigger or a side just before the place, or after it, makes it another clause's
        lead = (place.start - 40, head.start)
        if any(lead[0] <= t.end <= lead[1] for t in others) or any(
            lead[0] <= a.hit.end <= lead[1] for a in armed
        ):
            break
        chain.insert(0, place)
    unique: list[PlaceMention] = []
    for place in chain:
        if all(place.place_id != u.place_id for u in unique):
            unique.append(place)
    return unique


def _compared(reading: Reading, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Places a comparison after the trigger puts in the same state ("as do Sinjar and
    Makhmour", "tout comme Husaybah ... et Akashat")."""
    text = reading.sentence.text
    offset = reading.sentence.start
    after = [p for p in places if p.start >= reading.hit.end]
    for n, place in enumerate(after):
        lead = text[max(reading.hit.end, place.start - 60) - offset : place.start - offset]
        if not _COMPARED.search(lead):
            continue
        chain = [place]
        for nxt in after[n + 1 :]:
            between = text[chain[-1].end - offset : nxt.start - offset]
            if _relational(between) or not _LIST_GAP.match(between):
                break
            chain.append(nxt)
        return chain
    return []


# A relative clause opening right after a place: "Mayadin, which they took", "Tabqa,
# qu'elles ont prise", "Kirkouk, où elles ont pris".
_RELATIVE_OBJECT = re.compile(
    # (an initialism in brackets may stand in the clause: « où le groupe État islamique (EI) »)
    # (« Manbij, dont les FDS ont pris le contrôle »: the control of which)
    # (« Albou Richa, un secteur agricole voisin dont l'EI s'est emparé »: after a description
    # that names no place)
    r"\s*(?:,|\()\s*(?:(?:un|une|a|an)\s+[^,;.()]{1,50}?\s+)?"
    r"(?:which|that|que|qu'|où|where|dont)\b(?:[^,;.()]|\([^(),;.]{1,12}\))"
    # (its subject may carry an apposition: « dont les FDS, une alliance arabo-kurde, ont »)
    r"{0,60}(?:,[^,;.()]{1,60},[^,;.()]{0,30})?$|"
    r"\s*(?:,|\()\s*qu'[^,;.()]{0,60}$"
    # "Raqqa, which rebels took in 2013 and which has since become the group's capital": a
    # second relative joined to the first is about the same place
    r"|\s*,\s*(?:which|that|qui|que|qu'|où|where)\b[^,;.()]{0,60}?\b(?:and|et)\s+"
    r"(?:which|that|qui|que|qu'|où|where)\b[^,;.()]{0,60}$"
    # "Sinjar, ville yazidie du nord-ouest de l'Irak que les peshmergas ont quittée": the
    # relative hangs from a town noun in apposition to the place
    r"|\s*,\s*(?:(?:a|an|the|une|la|cette|this)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:town|city|village|ville|localité|cité|bourgade|bourg|capital|capitale|chef-lieu"
    r"|stronghold|bastion|fief)\b[^;.()]{0,50}?"
    r"(?:\s|')(?:which|that|que|qu'|où|where|dont)\b[^,;.()]{0,60}$"
    # an English relative without its pronoun: "Sinjar, the town Islamic State overran"
    r"|\s*,\s*(?:the|an?)\s+(?:[\w'’-]+\s+){0,2}?(?:town|city|village|base|airport|crossing"
    r"|enclave|province|district|stronghold|bastion|field|capital)\s+"
    # ("Ramadi, the provincial capital they overran in May")
    r"(?=(?-i:[A-Z])|(?:the|its|their|they|it)\s|(?:rebels|militants|jihadists|insurgents)\s)"
    r"(?:[\w'’-]+\s+){1,4}(?:had\s+|has\s+|have\s+)?$",
    _I,
)


# "Jalawla and Saadiya, two Diyala towns still held by Islamic State": the province names the
# kind of towns, the towns listed before are what the verb is about
_AREA_AS_MODIFIER = re.compile(r"\s+(?:towns?|villages?|cities|city)\b", _I)
_COUNT_BEFORE_AREA = re.compile(
    r"\s*,\s*(?:the\s+)?(?:two|three|four|five|both|several|other)\s+\Z", _I
)


def _counted_towns_of_an_area(
    reading: Reading, places: Sequence[PlaceMention]
) -> list[PlaceMention]:
    text, offset = reading.sentence.text, reading.sentence.start
    before = [p for p in places if p.end <= reading.hit.start]
    for n in range(len(before) - 1, 0, -1):
        area = before[n]
        if reading.hit.start - area.end > 60:
            break
        if area.precision not in ("country", "governorate") or not _AREA_AS_MODIFIER.match(
            text, area.end - offset
        ):
            continue
        gap = _COUNT_BEFORE_AREA.search(text, 0, area.start - offset)
        if gap is None or before[n - 1].end - offset != gap.start():
            continue
        return [*_chain_before(text, offset, before[: n - 1], before[n - 1]), before[n - 1]]
    return []


def _listed_before(
    reading: Reading, places: Sequence[PlaceMention], last: PlaceMention
) -> list[PlaceMention]:
    """The places listed right before ``last`` that a relative set off by a comma after it
    tells of too: « dont Joura et Qoussour, que le régime contrôle toujours »."""
    text, offset = reading.sentence.text, reading.sentence.start
    if not re.match(r"\s*,", text[last.end - offset :]):
        return []
    same = [p for p in places if p.end <= last.start and p.precision == last.precision]
    return _chain_before(text, offset, same, last)


def _chain_before(
    text: str, offset: int, places: Sequence[PlaceMention], last: PlaceMention
) -> list[PlaceMention]:
    """The places of ``places`` listed right before ``last`` ("Joura et Qoussour")."""
    chain: list[PlaceMention] = []
    head = last
    for place in reversed([p for p in places if p.end <= last.start]):
        if not _PAIR_GAP.fullmatch(text, place.end - offset, head.start - offset):
            break
        chain.insert(0, place)
        head = place
    return chain


# the link of a short list: "Joura et Qoussour", "Anah, Rawa and al-Qaim"
_PAIR_GAP = re.compile(r"\s*(?:,\s*|\s(?:and|et)\s+(?:de\s+|d['’]|of\s+)?)", _I)


# « Imam Gharbi, un village de la rive ouest du Tigre situé à 70 km au sud de Mossoul, dont
# l'EI s'était emparé »: a description in apposition, then the relative, which is about the
# place described, not the landmark the description names
_RELATIVE_AT_END = re.compile(
    r",\s*(?:dont|which|that|que|qu['’]|où|where)\b(?:[^,;.()]|\([^(),;.]{1,12}\)){0,60}\Z",
    _I,
)
_DESCRIPTION_OPENS = re.compile(
    r",\s*(?:un|une|a|an|the|la|le|l['’])\s*(?:[\w'’-]+\s+){0,2}?"
    r"(?:village|town|city|localité|ville|bourg|cité|district|quartier|faubourg|suburb)\b"
    r"[^,;.()]*\Z",
    _I,
)


def _described_before_relative(
    head: str, offset: int, before: Sequence[PlaceMention]
) -> PlaceMention | None:
    relative = _RELATIVE_AT_END.search(head)
    if relative is None:
        return None
    opening = _DESCRIPTION_OPENS.search(head, 0, relative.start())
    if opening is None:
        return None
    described = [p for p in before if p.end - offset <= opening.start()]
    inside = [p for p in before if opening.start() <= p.start - offset < relative.start()]
    if not described or not inside:
        return None
    gap = head[described[-1].end - offset : opening.start()]
    if len(gap) > 20 or "," in gap:  # ("Rawa on Thursday, a town ...": its day may stand there)
        return None
    return described[-1]


def _relative_antecedent(reading: Reading, places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place a relative clause holding the trigger is about, if one stands right before
    its pronoun."""
    text = reading.sentence.text
    offset = reading.sentence.start
    head = text[: reading.hit.start - offset]
    before = [p for p in places if p.end <= reading.hit.start]
    if not before:
        return None
    last = before[-1]
    if (
        last.precision == "river"
        and len(before) >= 2
        and _LOCATED_RELATIVE.match(head, before[-2].end - offset)
    ):
        # "Hit, further down the Euphrates, which they seized last October": the river
        # locates the town the relative is about
        last = before[-2]
        before = before[:-1]
    described = _described_before_relative(head, offset, before)
    if described is not None:
        return described
    # "Tabqa, about 40 km upstream on the Euphrates, which they captured": an apposition that
    # locates the town stands between it and its relative
    relative = _RELATIVE_OBJECT.match(head, last.end - offset) or _LOCATED_RELATIVE.match(
        head, last.end - offset
    )
    if relative is None and len(before) >= 2 and last.precision in ("country", "governorate"):
        # « Al-Qaryatayn, une localité du centre de la Syrie dont ils se sont emparés »: the
        # country only locates the town the relative is about
        relative = _RELATIVE_OBJECT.match(head, before[-2].end - offset)
        if relative is None:
            return None
        last = before[-2]
    located_noun = _NOUN_BEFORE_LANDMARK.search(text, 0, last.start - offset)
    if located_noun is not None and _THAT_RELATIVE.match(head, last.end - offset):
        # "retaking from Islamic State a town just north of Mosul that the militants had held
        # since 2014": the relative tells of the town the noun stands for, not the landmark
        pool = reading.extra.get("all_places", reading.places)
        towns = [
            p
            for p in pool
            if p.end <= offset + located_noun.start()
            and p.kind in _TOWN_KINDS
            and p.start >= offset
        ]
        return towns[-1] if towns else None
    if relative is None:
        if last.kind in _TOWN_KINDS and _DISTRICTS_RELATIVE.search(head, last.end - offset):
            # « Dans Mossoul même, (...) dans les quartiers orientaux, où elles ont pénétré »:
            # the districts are the town's, named before them
            return last
        return None
    if (
        len(before) >= 2
        and last.precision != "point"
        and _LOCATING_GAP.fullmatch(text, before[-2].end - offset, last.start - offset)
    ):
        # "Al-Qaryatayn, dans la province de Homs, que l'EI avait reconquise": the province
        # only says where the town lies; the relative is about the town
        last = before[-2]
    if (
        len(before) >= 2
        and last.precision == "country"
        and _BORDER_WITH.fullmatch(text, before[-2].end - offset, last.start - offset)
    ):
        # "the Nasib border crossing with Jordan, which had been in rebel hands": the crossing
        last = before[-2]
    if (
        re.search(r"\b(?:où|where)\b", relative.group(0), _I)
        and not _HOLDING_OUT.search(reading.hit.text)
        and _relational(text[max(0, last.start - offset - 30) : last.start - offset])
    ):
        # "opposite Deir al-Zor, where they took several villages": a landmark; but "towards
        # Anah, where the militants are dug in" says who is in Anah, and in « la région de
        # Roumana, face à al-Qaïm, où l'EI conserve des positions » the landmark locates
        # the place named before it, which the relative is about
        if len(before) >= 2 and _APPOSED_LANDMARK.fullmatch(
            text, before[-2].end - offset, last.start - offset
        ):
            return before[-2]
        return None
    return last


# "a town just north of", « une localité au sud de »: a town located by the place after it
_NOUN_BEFORE_LANDMARK = re.compile(
    r"\b(?:a|an|the|une?|la|le)\s+(?:[\w-]+\s+)?(?:town|city|village|ville|localité|bourg)\s+"
    r"(?:(?:just|some|about|\d+\s*km|juste|à\s+quelques\s+km)\s+)*"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)"
    r"(?:-(?:est|ouest))?\s+(?:de|du|d['’])|near|près\s+(?:de|du|d['’]))\s*\Z",
    _I,
)
_THAT_RELATIVE = re.compile(r"\s*,?\s*(?:which|that|que|qu['’])\b[^,;.()]{0,60}$", _I)
_LOCATED_RELATIVE = re.compile(
    r"\s*,[^,;.()]{0,50}?\b(?:km|kilom[eè]tres?|miles?|upstream|downstream|on\s+the|along"
    r"|(?:further|farther)\s+(?:up|down)"
    r"|sur\s+l[ae']|en\s+amont|en\s+aval|au\s+bord"
    # « l'aéroport militaire, au sud-est, où l'armée tient bon »
    r"|(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?"
    r"|(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)"
    r"(?:\b|(?<=['’]))[^,;.()]{0,40},\s*"
    r"(?:which|that|que|qu['’]|où|where)\b[^,;.()]{0,60}$",
    _I,
)
_HELD_BEFORE_THEN = re.compile(r"(?:\w(?:ait|aient)|\bhad\s+(?:\w+\s+)?\w+)\Z", _I)
_PLUPERFECT = re.compile(r"\b(?:had\s+been|avait\s+été|étaient|était)\s+(?:\w+\s+)?\Z", _I)
_BORDER_WITH = re.compile(
    r"\s+(?:with|avec|on\s+the\s+border\s+with|à\s+la\s+frontière\s+(?:avec|de))\s+(?:the\s+|la\s+|le\s+|l['’])?",
    _I,
)
_LOCATED_TOWN_NOUN = re.compile(
    # ("Baiji, the refinery town in Salahuddin that fell to the militants in June")
    r"\b(?:cette|la|this|the)\s+(?:[\w-]+\s+)?(?:ville|localité|town|city)\s+(?:du|de\s+la|de\s+l['’]|de|d['’]"
    r"|in|of)\s*(?:(?:nord|sud|est|ouest|centre|north|south|east|west|northern|southern|eastern"
    r"|western)\s*(?:de\s+la|de\s+l['’]|du|de|d['’]|of)?\s*)?(?:the\s+)?$",
    _I,
)
_RANKED_APPOSITION = re.compile(
    r"\s*,\s*(?:the|la|le)\s+(?:first|second|third|last|only|première|premier|deuxième|seconde"
    r"|dernière|dernier|seule|seul)\s+(?:[\w-]+\s+)?(?:town|city|village|provincial\s+capital"
    r"|capital|ville|localité|capitale|chef-lieu)\s+(?:[\w-]+\s+)?(?:to\s+(?:be\s+)?|à\s+(?:être\s+)?)$",
    _I,
)
_LEADING_AUX = re.compile(r"(?:was|were|is|are|has|have|had|been|est|sont|fut|a|ont)\s+", _I)
_DESCRIBED_SUBJECT = re.compile(
    # ("Kafr Batna, one of the largest towns in the south of Eastern Ghouta, fell")
    # (French may drop the article: « Zouiya, village de la tribu des Joubour au nord de
    # Baïji, tombé en début de semaine »)
    r"\s*,\s*(?:(?:a|an|une?|the|la|le|l['’]|one\s+of\s+the|l['’]une?\s+des)\s+"
    r"(?:[\w'’-]+\s+){0,4}?|(?=(?:village|ville|localité|bourg|cité)\s+(?:de|du|des|d['’])\s))"
    r"(?:towns?|cities|city|villages?|hubs?|localités|villes"
    r"|capital|capitale|chef-lieu"
    r"|crossroads|district|ville|localité|bourg|cité|carrefour|district|pocket|enclave|area"
    r"|region|strip|poche|enclave|zone|région|bande)\b[^;:.,]{0,160},\s*"
    r"(?:[\w'’-]+\s+){0,3}$"
    # any noun phrase set off by commas ("a way station on the group's supply lines between
    # Syria and Iraq,"), when nothing but the verb's auxiliary follows it
    # (French drops the article: « Bosra al-Cham, cité antique inscrite au patrimoine
    # mondial et dernier bastion du régime dans l'est de la province, est tombée »)
    # (not a list of examples: « Plusieurs quartiers d'Alep, dont Sakhour, sont tombés »)
    r"|\s*,\s*(?!(?:including|notably|among\s+them|notamment|dont|y\s+compris)\b)"
    r"(?:(?:a|an|une?|the|la|le|l['’])\s*|(?-i:[a-zé]))[^;:.,«»\"“”]{0,140},\s*"
    # (« c'est la ville de Qousseir, verrou rebelle de la province, qui est passée »)
    r"(?:(?:qui|which|that)\s+)?"
    r"(?:(?:was|were|has|had|is|have|been|a|ont|avait|été|est|fut|était|sont|étaient|remains?"
    r"|remained|reste|restent|restait|demeure|demeurent)\s+){1,2}"
    # ("the Qalamoun mountains, from the border to the desert, were now entirely under")
    r"(?:(?:now|still|already|entirely|fully|largely|back|désormais|toujours|encore|déjà"
    r"|entièrement|totalement|dans\s+sa\s+quasi-totalité|en\s+grande\s+partie|in\s+large\s+part"
    r"|de\s+nouveau)\s+){0,2}"
    # the words that open a held state ("is in the hands of", « est aux mains de »)
    r"(?:(?:in|into|under)\s+(?:the\s+)?|aux\s+|entre\s+les\s+|sous\s+(?:le\s+)?)?$",
    _I,
)
_ATTACHED_PARTICIPLE = re.compile(
    r"\s+(?:(?:still|now|encore|toujours|désormais|déjà|already|largely|entièrement)\s+){0,2}$", _I
)
_APPOSED_LANDMARK = re.compile(
    r"\s*,\s*(?:face\s+(?:à|au)|en\s+face\s+(?:de|d'|du)|opposite|across\s+from|près\s+(?:de|d'|du)"
    r"|near|à\s+l'(?:est|ouest)\s+(?:de|d'|du)|au\s+(?:nord|sud)\s+(?:de|d'|du)"
    r"|(?:north|south|east|west)\s+of)\s*",
    _I,
)
_NAMED_IN_APPOSITION = re.compile(
    r"\s*(?:province|governorate)?\s*,\s*(?:the|la|le|l['’])\s*(?:[\w-]+\s+)?"
    r"(?:town|city|village|ville|localité|cité|bourg)\s+(?:of|de|d['’])\s*",
    _I,
)
_LOCATING_GAP = re.compile(
    # (", the group's last stronghold in Anbar province,": the stronghold's province)
    r"\s*,\s*(?:(?:a|an|une?|the|la|le|its|their|son|sa|leur|(?:the\s+)?[\w-]+['’]s)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:town|city|village|ville|localité|bourg|cité|stronghold|bastion"
    r"|fief|foothold|redoubt|outpost|réduit)\s+)?(?:in|dans|en)\s+(?:the\s+|la\s+|le\s+|l'|les\s+)?"
    # « dans le nord de la province d'Alep », "in the north of", "in northern"
    r"(?:(?:(?:north|south|east|west|nord|sud|est|ouest|centre|center|centre)(?:-\w+)?\s+"
    r"(?:of|de|du|d')\s*(?:the\s+|la\s+|l')?"
    r"|(?:northern|southern|eastern|western|central|north-\w+|south-\w+)\s+))?"
    r"(?:(?:province|governorate|gouvernorat|région|region)\s+(?:of\s+|de\s+|d'|du\s+)?)?"
    # « Jisr al-Choughour, ville de la province voisine d'Idleb »
    r"|\s*,\s*(?:(?:a|an|une?|the|la)\s+)?(?:[\w-]+\s+)?(?:town|city|village|ville|localité|bourg"
    r"|cité)\s+(?:de|of)\s+(?:the\s+|la\s+|l')?(?:(?:neighbou?ring|voisine)\s+)?"
    r"(?:province|governorate|gouvernorat)\s+(?:voisine\s+)?(?:of\s+|de\s+|d'|du\s+)",
    _I,
)
_TOWN_BEFORE_RELATIVE = re.compile(
    r"\b(?:la|the|this|cette)\s+(?:ville|town|city|localité)\s*,?\s*(?:où|where|qui|which|that)\s+"
    r"[^,;.()]{0,50}$",
    _I,
)
_HOLDING_OUT = re.compile(r"entrenched|holed\s+up|dug\s+in|retranché", _I)


def _fronted_subject(reading: Reading, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The subject after a participial clause that opens the sentence: "Libérée en juillet,
    Mossoul se reconstruit", "Retaken in March, Palmyra is calm", « Tenue par les rebelles
    depuis 2012, Wadi Barada s'ajoute »."""
    if reading.frame != "take_pass" and not (
        reading.frame == "hold" and (_HOLD_BY.search(reading.hit.text) or _held_participle(reading))
    ):
        return []
    text = reading.sentence.text
    offset = reading.sentence.start
    head = text[: reading.hit.start - offset]
    if head.strip(" \t\n\"«“'") and not _DATELINE_ONLY.fullmatch(head):
        return []
    comma = re.search(r",\s*", text[reading.hit.end - offset :])
    if comma is None:
        return []
    subject_at = reading.hit.end + comma.end()
    first = next((p for p in places if p.start >= subject_at), None)
    if first is None or not _SUBJECT_LEAD.match(text[subject_at - offset : first.start - offset]):
        return []
    return [first]


# a wire dateline before the opening clause: "BEYROUTH, 16 juin — Tombé jeudi aux mains de"
_DATELINE_ONLY = re.compile(
    r"\s*(?-i:[A-ZÉ][A-ZÉÈ'’ -]+)(?:\s*\([^)]{1,40}\))?,[^—–\n]{1,40}?\s(?:—|–|--?)\s*", _I
)
_OPENING_DEFINITE = re.compile(
    r"\s*(?:the|la|cette|this)\s+(?:town|city|ville|localité|cité)\s*,[^,;:.]{0,160},\s*"
    r"(?:[\w'’-]+\s+){0,3}$",
    _I,
)


def _definite_subject(reading: Reading) -> list[PlaceMention]:
    """The town a definite subject stands for: "By nightfall the town had been retaken", "La
    ville a été reprise dans la soirée", "the city was fully under its control"."""
    head = reading.sentence.text[: reading.hit.start - reading.sentence.start]
    plural = _PLURAL_SUBJECT.search(head)
    if plural is not None:
        # ("Both towns remain in its hands": the last two named)
        noun = re.search(r"(\w+)\W*\Z", plural.group(0).split(",")[0])
        return _listed_towns_before(
            reading,
            plural.group("count") or ("two" if plural.group("both") else None),
            any_kind=plural.group("towns") is None,
            kinds=_SITE_NOUN_KINDS.get(noun.group(1).lower()) if noun else None,
        )
    definite = _DEFINITE_SUBJECT.search(head)
    if definite is None:
        return []
    found = _antecedent(reading, "point", kinds=_noun_kinds(definite.group("noun")) or _TOWN_KINDS)
    if found is None:
        return []
    share = head[max(0, definite.start() - 30) : definite.start()]
    if not (_partial(share) or _fraction(share) is not None):
        # "entered the centre of Saqlawiya and the town is now completely liberated": the
        # subject says how much, not the words before the town's name
        share = head[definite.start() :]
    # ("pushing to take the rest of the city, which is controlled by IS": a share of it)
    reading.extra.setdefault("share_window", {})[found.place_id] = share
    return [found]


# "The towns have been in the hands of the extremists since 2014", « les deux villes »
_PLURAL_SUBJECT = re.compile(
    # ("confirmed that the two villages were back under government control")
    r"(?:^|[.;]\s*|\b(?:that|que)\s+)\s*(?:the|these|(?P<both>both)|les|ces)\s+"
    r"(?:(?P<count>two|three|four|deux|trois|quatre)"
    r"\s+)?(?:(?P<towns>towns|cities|villages|villes|localités)"
    # « Les deux gisements (...) étaient tombés »: the sites just listed, whatever their kind
    r"|(?<=two\s)(?:fields|bases|sites)|(?<=deux\s)(?:gisements|champs|bases|sites))"
    # (a figure may hold a point: « d'environ 30.000 barils par jour »)
    r"\b(?:[^;.:]|(?<=\d)\.(?=\d)){0,80}?$",
    _I,
)
_SITE_NOUN_KINDS = {
    "gisements": frozenset({"oilfield"}),
    "champs": frozenset({"oilfield"}),
    "fields": frozenset({"oilfield"}),
    "bases": _BASE_KINDS,
}
_PLURAL_OBJECT = re.compile(
    r"(?:\s+(?:still|toujours|encore|now|désormais|already|déjà))?"
    # ("cleared the last fighters from both towns": the towns they were driven from)
    r"(?:\s+(?:fighters|militants|rebels|jihadists|insurgents|combattants|rebelles|jihadistes)"
    r"\s+(?:from|out\s+of|de|des))?"
    r"\s+(?:(?:(?P<both>both)|the|these|those)\s+(?:(?P<count>two|three|four)\s+)?|(?:les|ces)\s+"
    r"(?P<countf>deux|trois|quatre)\s+)(?:(?P<towns>towns|cities|villages|villes|localités)"
    # "the group still holds both areas": the places just listed, whatever their kind
    r"|areas|zones|sites|fields|secteurs|champs)\b",
    _I,
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "deux": 2, "trois": 3, "quatre": 4}


def _listed_towns_before(
    reading: Reading,
    count: str | None,
    any_kind: bool = False,
    upto: int | None = None,
    kinds: frozenset[str] | None = None,
) -> list[PlaceMention]:
    """The towns a plural subject stands for: the last list of towns named before it
    ("advancing on al-Qaim and Rawa. The towns have been..."); with ``any_kind``, the last
    list of places ("the Mazrur field and the Jazal mountains. The group holds both areas").
    An object may also stand for towns its own sentence named before ``upto`` ("took Rawa and
    Anah in 2014 and still holds the two towns"). ``kinds`` narrows the places to those the
    noun names (« les deux gisements »: the oil fields named last)."""
    pool = reading.extra.get("all_places", reading.places)
    limit = reading.sentence.start if upto is None else upto
    if kinds is not None:
        pool = [p for p in pool if p.kind in kinds]
    towns = [
        p
        for p in pool
        if p.end <= limit
        and (
            p.kind in _TOWN_KINDS
            or (
                any_kind
                and (p.precision in CLAIMABLE_PRECISIONS or p.kind == p.precision == "region")
            )
        )
    ]
    # (sites of the kind named are rarer: the last ones may stand further back)
    if not towns or limit - towns[-1].end > (300 if kinds is None else 2000):
        return []
    text = reading.extra.get("article_text", "")
    while (
        len(towns) > 1
        and text
        and towns[-1].start - towns[-2].end <= 40
        and _relational(text, towns[-2].end, towns[-1].start)
    ):
        towns = towns[:-1]  # "Albu Shijil and Shiha, near the town of Khalidiya": it locates
    listed = [towns[-1]]
    for place in reversed(towns[:-1]):
        if listed[0].start - place.end > 40:
            break
        listed.insert(0, place)
    unique = list({p.place_id: p for p in listed}.values())
    wanted = _COUNTS.get((count or "").lower())
    if wanted is not None and len(unique) < wanted and not any_kind:
        # "Kafr Batna fell to government forces, and troops overran Saqba. (...) cleared the
        # last fighters from both towns": as many towns as counted, named in one sentence
        told = [p for p in towns if p.sentence_index == towns[-1].sentence_index]
        unique = list({p.place_id: p for p in told}.values())
    if wanted is not None and wanted == 2 and len(unique) > wanted:
        unique = unique[-wanted:]  # "both": the last two named
    if len(unique) < 2 or (wanted is not None and len(unique) != wanted):
        return []
    return unique


_TOWN_KINDS = frozenset({"city", "town", "village"})
_SITES_OF_A_TOWN = frozenset({"airport", "oilfield", "crossing"})
_AS_WELL_AS = re.compile(r"\b(?:ainsi\s+que|as\s+well\s+as|and|et)\b", _I)
# A sentence opening on a definite noun for a place: "The airport had been ...", « La ville »
# A site a sentence opens on, after a few adjectives: "The medium-sized field, which ...",
# « Le gisement, d'une capacité de ... »
_SITE_OPENING = re.compile(
    r"\W*(?:the|la|le|l['’]|this|cette|ce)\s*(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>oil\s*field|gas\s*field|field|champ|gisement|air\s+base|airbase|airport"
    r"|aéroport|base\s+aérienne|base|dam|barrage|crossing|poste-frontière)\b(?!['’]s)",
    _I,
)
_SITE_OPENING_KINDS = {
    "oilfield": frozenset({"oilfield"}),
    "gasfield": frozenset({"oilfield"}),
    "field": frozenset({"oilfield"}),
    "champ": frozenset({"oilfield"}),
    "gisement": frozenset({"oilfield"}),
    "poste-frontière": frozenset({"crossing"}),
}


def _previous_sentence_subject(reading: Reading) -> frozenset[str] | None:
    """The kinds of site the sentence before the reading's opens on, if it opens on one."""
    text = reading.extra.get("article_text", "")
    end = reading.sentence.start
    if not text or end <= 0:
        return None
    head = text[max(0, end - 400) : end].rstrip()
    cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("\n"))
    opening = _SITE_OPENING.match(head, cut + 1 if cut >= 0 else 0)
    if opening is None:
        return None
    noun = re.sub(r"\s+", "", opening.group("noun").lower())
    return _SITE_OPENING_KINDS.get(noun) or _noun_kinds(noun)


_SUBJECT_NOUN_OPENING = re.compile(
    r"\W*(?:the|la|le|l['’]|cette|this)\s*(?P<noun>town|city|ville|localité|cité|air\s+base"
    r"|airbase|airport|aéroport|base\s+aérienne|crossing|dam|barrage)\b(?!['’]s)",
    _I,
)
# A definite subject close before its verb, in the same clause.
_NEW_SUBJECT_NOUN = re.compile(
    r"(?:,|;|\band\b|\bet\b)\s+(?:the|la)\s+(?:town|city|ville|localité)\s+"
    r"(?:(?:is|was|has|had|est|a|avait|était)\b)[^,;.:]{0,40}\Z",
    _I,
)
_DEFINITE_SUBJECT = re.compile(
    r"\b(?:the|la|cette|this)\s+(?:(?:whole|entire|old|besieged|embattled|ancient|border"
    r"|northern|southern|eastern|western|strategic|riverside|desert|same)\s+)?"
    r"(?P<noun>ville|city|town|localité|cité"
    # "The airport had been in Islamic State's hands since 2014": the site named before
    r"|air\s+base|airbase|airport|aéroport|base\s+aérienne|crossing|barrage|dam)\b"
    r"(?!\s+(?:centre|center|hall|council|limits|edge|outskirts)\b|['’]s)"
    # "strikes on positions inside the town, which has been under their control since 2014"
    r"(?:(?:\s*,\s*(?:which|that|qui)\b)?[^,;.:]{0,40}"
    # « des raids sur la ville, désormais entièrement tenue par les jihadistes »
    r"|\s*,\s*(?:(?:now|still|already|fully|entirely|largely|désormais|toujours|encore|déjà"
    r"|entièrement|totalement|largement)\s+){0,3})$",
    _I,
)


# A province standing as the subject right before its verb: "the whole province belongs to",
# « toute la province appartient désormais à »
_PROVINCE_SUBJECT = re.compile(
    r"(?:^|[,;:«\"“]\s*|\b(?:and|et|but|mais|now|désormais)\s+)"
    r"(?:the\s+(?:whole|entire)\s+|toute\s+la\s+|la\s+|the\s+)(?:province|governorate)\s+"
    r"(?:(?:is|was|now|still|désormais|est|toujours)\s+)*\Z",
    _I,
)
# What may open the subject before its name: "la ville de", "the town of".
_SUBJECT_LEAD = re.compile(
    r"^(?:(?:la|le|l'|the)\s*(?:(?:ville|localité|cité|town|city|village|bourg)"
    # (« le village chrétien de », "the Christian town of": an adjective or two between)
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:de|d'|of)\s*)?)?$"
    r"|^(?:the|a)\s+(?:[\w'’-]+\s+){0,2}?(?:town|city|village)\s+of\s*$",
    _I,
)


_SUBJECT_GAP = re.compile(r"^\s+(?:[\w'-]+\s+){0,3}$")


def _subject_of_next(reading: Reading, place: PlaceMention) -> bool:
    """Whether a listed place is the subject of a later trigger of its sentence ("Rawa is
    still held by", "Hit a été reprise"), which makes it that trigger's, not this one's."""
    text = reading.sentence.text
    offset = reading.sentence.start
    for other in reading.extra.get("triggers", []):
        if other is reading.hit or other.start < place.end:
            continue
        if other.spec.frame == "event":
            continue
        return bool(_SUBJECT_GAP.match(text[place.end - offset : other.start - offset]))
    return False


# Nominal captures whose place is the relative pronoun's antecedent: "Hawija, dont la reprise
# a été proclamée jeudi", "Anah, whose recapture was announced on Friday".
# An indefinite object taken inside a place: "where they seized several oil fields".
_SOME_THINGS = re.compile(
    r"\s+(?:plusieurs|quelques|de\s+nombreu(?:x|ses)|une\s+série\s+de|several|some|many"
    r"|a\s+number\s+of|a\s+series\s+of|dozens\s+of|a\s+few|two|three|four|deux|trois|quatre"
    r"|\d+)\s+[^\W\d_]",
    _I,
)
# « ne tiennent plus que », "hold only": a restriction before what is held
_ONLY = re.compile(r"^\s*(?:(?:ne\s+)?(?:plus\s+|encore\s+)?qu(?:e\s+|['’])|only\s+|just\s+)", _I)
_RELATIVE_NOUN = re.compile(r"(?:dont|whose)\b", _I)


def _apposition_spans(reading: Reading) -> list[tuple[int, int]]:
    """Spans of participial appositions after a place ("Palmyra, retaken in March,"): the
    places inside them belong to the apposition, not to the list around it."""
    spans = []
    text = reading.sentence.text
    offset = reading.sentence.start
    for other in reading.extra.get("triggers", []):
        if other is reading.hit or other.start <= reading.hit.end:
            continue
        after_comma = text[: other.start - offset].rstrip().endswith(",")
        # (« Tabqa, qu'elles ont prise en mai, Manbij et Chaddadi »: a relative clause too)
        relative = _RELATIVE_OPENER.search(text, 0, other.start - offset)
        if other.spec.frame not in ("take", "expel") or not (after_comma or relative):
            continue
        close = re.search(r",|;|$", text[other.end - offset :])
        end = other.end + (close.start() if close else 0)
        spans.append((offset + relative.start() + 1 if relative else other.start, end))
    return spans


_RELATIVE_OPENER = re.compile(
    r",\s*(?:qu['’]\s*(?:il|ils|elle|elles|on)|que\s+(?:[\w'’-]+\s+){1,3}|which\s+(?:[\w'’-]+\s+){1,3})"
    r"\s*\Z",
    _I,
)


_SINCE_BEFORE = re.compile(r"\b(?:depuis|since|dès)\s+(?:(?:le|la|l'|the)\s+)?\Z", _I)


def _since_spans(reading: Reading) -> list[tuple[int, int]]:
    """Spans of "since <date>" phrases (article offsets): « tient depuis janvier la ville de
    Fallouja » holds the town; "depuis" there starts no place of origin."""
    text = reading.extra.get("article_text", "")
    dates = [*reading.extra.get("sentence_dates", []), *reading.extra.get("since_dates", [])]
    spans = []
    for mention in dates:
        lead = _SINCE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        if lead is not None:
            spans.append((lead.start(), mention.end))
    return spans


def _cut(text: str, lo: int, hi: int, spans: list[tuple[int, int]], offset: int) -> str:
    """``text[lo:hi]`` (sentence offsets) without the apposition spans (article offsets)."""
    out, cursor = [], lo
    for start, end in sorted(spans):
        start, end = start - offset, end - offset
        if end <= cursor or start >= hi:
            continue
        out.append(text[cursor : max(cursor, start)])
        cursor = min(hi, end)
    out.append(text[cursor:hi])
    return "".join(out)


_FACILITIES = ("airport", "oilfield", "gasfield", "crossing", "base", "dam")


# What names a place only as a road's end or a heading: « la route qui relie Mossoul à »,
# "advancing towards"
_ROAD_END_LEAD = re.compile(
    r"\b(?:qui\s+relie|reliant|linking|connecting|vers|towards?|en\s+direction\s+(?:de|d['’]|du)"
    r"|road\s+to|route\s+(?:de|d['’]|du|vers))[^,;]{0,25}$",
    _I,
)


def _last_place_before(reading: Reading, towns_only: bool = False) -> PlaceMention | None:
    """The last claimable place named before the trigger, within a few sentences; with
    ``towns_only``, the last town named before the sentence (districts belong to a town, not
    to an airport or a field)."""
    pool = reading.extra.get("all_places", reading.places)
    limit = reading.sentence.start if towns_only else reading.hit.start
    earlier = [
        p
        for p in pool
        if p.end <= limit
        and reading.hit.start - p.end <= 400
        # (a town's districts belong to a town, not to a district named before)
        and p.precision in (("point",) if towns_only else ("point", "district"))
        and not (towns_only and p.kind in _FACILITIES)
    ]
    text = reading.extra.get("article_text", "")
    if text:
        # "In Ramadi, 110 km west of Baghdad, ... 'We still hold the centre'": the town the
        # story is in, not the landmark that locates it (« progressaient vers Badouch, afin de
        # couper la route qui relie Mossoul à Tal Afar. Les jihadistes tiennent toujours la
        # vieille ville »: the town named further back, not the ends of a road)
        located = [p for p in earlier if not _relational(_own_lead(text, p.start))]
        if (
            not located
            and towns_only
            and earlier
            and all(_ROAD_END_LEAD.search(_own_lead(text, p.start)) for p in earlier)
        ):
            located = [
                p
                for p in pool
                if p.end <= limit
                and p.precision == "point"
                and p.kind in _TOWN_KINDS
                and not _relational(_own_lead(text, p.start))
            ]
        earlier = located or earlier
    return earlier[-1] if earlier else None


_GAP_BEFORE = re.compile(r"(?:,\s*|\s)(?:and|et|puis|then|,)\s+(?:then\s+|puis\s+)?\Z", re.I)
_GAP_DATE_AFTER = re.compile(
    r"\s+(?:in|on|en|le|fin|début|mi-|à\s+la\s+mi-|at\s+the\s+(?:end|start)\s+of|late"
    r"|early|mid-)\s*\S*\s*(?:[.;]|$)",
    re.I,
)


_FOLLOWED_BY = re.compile(
    r",\s*(?:suivie?s?|followed)\s+(?:[\w'’-]+\s+){0,3}?(?:de|d['’]|par|by)\s*"
    r"(?:la\s+ville\s+(?:de\s+|d['’])|the\s+town\s+of\s+)?",
    _I,
)
# the next of the places that followed: « , puis de Nabak », "and Anah", « et de Nabak »
_FOLLOWED_NEXT = re.compile(
    r"[^,;.]{0,40}?(?:,\s*(?:puis\s+|then\s+)?|\s+(?:et|and|puis|then)\s+(?:puis\s+)?)"
    r"(?:de\s+|d['’]|par\s+|by\s+)?",
    _I,
)


def _followed(reading: Reading, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Places that fell after the one a passive tells of, each on its own date: « Qara était
    tombée le 19 novembre, suivie de Deir Attiyé à la fin du mois, puis de Nabak en
    décembre », "Rawa fell on Nov. 19, followed by Anah a week later"."""
    text, offset = reading.sentence.text, reading.sentence.start
    intro = _FOLLOWED_BY.search(text, reading.hit.end - offset)
    if intro is None:
        return []
    after = [p for p in places if p.start - offset >= intro.end()]
    if not after or after[0].start - offset != intro.end():
        return []
    out = [after[0]]
    for place in after[1:]:
        if not _FOLLOWED_NEXT.fullmatch(text, out[-1].end - offset, place.start - offset):
            break
        out.append(place)
    return out


def _gapped(reading: Reading, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """ "Mosul was retaken in July, and Tal Afar in August": a conjunct that repeats the
    passive with its verb left out, a place and its own date."""
    text = reading.sentence.text
    offset = reading.sentence.start
    out = []
    for p in places:
        if p.start < reading.hit.end:
            continue
        if _GAP_BEFORE.search(text, 0, p.start - offset) and _GAP_DATE_AFTER.match(
            text, p.end - offset
        ):
            out.append(p)
    return out


def dated_objects(reading: Reading) -> list[tuple[PlaceMention, DateMention]]:
    """Listed objects of a capture that carry a date of their own, other than the trigger's."""
    objects = _objects(reading)
    out = []
    for n, place in enumerate(objects):
        own = own_date(
            reading,
            place,
            objects[n + 1] if n + 1 < len(objects) else None,
            objects[n - 1] if n else None,
        )
        if own is not None and own.value != reading.date:
            out.append((place, own))
    return out


_PARTICIPLE_SINCE = re.compile(
    r",\s*(?:\w+\s+)?\w+(?:é|ée|és|ées|ed|en)\s+(?:since|depuis|from|dès)\b", _I
)


_ANOTHER_VERB = re.compile(
    r"\b(?:but|mais|while|tandis|whereas|alors\s+que)\b"
    r"|\b\w+(?:ed|en|é|ée|és|ées)\s+(?:by|par)\b",
    _I,
)


_FRONTED_SINCE = re.compile(r"\s*(?:since|depuis)?\s*", _I)
_FRONTED_SINCE_GAP = re.compile(r"\s*,\s*(?:[\w'’-]+\s+){1,5}?", _I)
_PLACE_TO_SINCE = re.compile(r"\s*(?:province|governorate|city|town|region)?\s*", _I)
_SINCE_CLAUSE = re.compile(
    # ("since the Army of Conquest captured the provincial capital, Idlib city, in March")
    r"\b(?:since|depuis\s+que|depuis\s+qu['’])\s+(?!(?:then|lors)\b)"
    r"[^,.;:]{3,60}?(?:,[^,.;:]{1,30},[^,.;:]{0,20}?)?"
    r"\s(?:on|in|le|en)\s+$",
    _I,
)


def _since(
    reading: Reading, place: PlaceMention, following: PlaceMention | None
) -> DateMention | None:
    """The "since"/"depuis" date of a held place: the one right after it, before the next
    place of the list ("contrôle Mayadine depuis le 14 octobre et la ville de Deir Ezzor"),
    or right before it ("ainsi que, depuis le 23 septembre, le champ de Conoco")."""
    text = reading.sentence.text
    offset = reading.sentence.start
    since = [
        *reading.extra.get("since_dates", []),
        # "since Iraqi troops fled Mosul on June 10": the day of the event that began it
        *(
            d
            for d in reading.extra.get("sentence_dates", [])
            if d.start > reading.hit.end
            and _SINCE_CLAUSE.search(text, max(0, d.start - offset - 110), d.start - offset)
        ),
    ]
    if not since:
        return None
    for d in since:
        if (
            d.end <= reading.hit.start
            and _FRONTED_SINCE.fullmatch(text, 0, d.start - offset)
            and _FRONTED_SINCE_GAP.fullmatch(text, d.end - offset, reading.hit.start - offset)
        ):
            # « Depuis dimanche dernier, les jihadistes tiennent de nouveau Abou Hamam »: a
            # day opening the sentence dates its state
            return d
    if place.end <= reading.hit.start:
        # a subject before the state: "Rawa and Qaim have been in its hands since 2014", "The
        # towns have been held since 2014": the date after the verb dates every subject
        later = [
            d
            for d in since
            if d.start >= reading.hit.end
            and not re.search(r"[,.;]", text[reading.hit.end - offset : d.start - offset])
            # "hold parts of the city but have been besieged since January": another verb's
            and not _ANOTHER_VERB.search(text[reading.hit.end - offset : d.start - offset])
        ]
        if later:
            return later[0]
        # ("pounded Hajar al-Aswad, held by the group, since last Thursday": the day after
        # the state's clause is closed belongs to the pounding)
        return None
    stop = following.start if following is not None else reading.sentence.end
    after = [
        d
        for d in since
        if place.end <= d.start < stop
        and not _RELATIVE_CLAUSE.search(text[place.end - offset : d.start - offset])
        # « Husaybah, visées depuis le 26 octobre par une offensive »: the participle's date
        and not _PARTICIPLE_SINCE.search(text[place.end - offset : d.start - offset])
        and not _ANOTHER_VERB.search(text[place.end - offset : d.start - offset])
    ]
    if after:
        return after[0]
    for d in reading.extra.get("sentence_dates", []):
        # "have held almost all of Idlib province since the Army of Conquest captured the
        # provincial capital, Idlib city, in March": the clause right after the place dates it
        if d.start <= place.end:
            continue
        clause = _SINCE_CLAUSE.search(text, max(0, d.start - offset - 110), d.start - offset)
        if clause is not None and _PLACE_TO_SINCE.fullmatch(
            text, place.end - offset, clause.start()
        ):
            return d
    for d in since:
        gap = text[d.end - offset : place.start - offset]
        # only a date inside the state's own clause, after its verb: "has controlled Raqqa
        # since Oct 17 and also holds Tabqa" does not date Tabqa
        if d.start < reading.hit.end:
            continue
        if d.end <= place.start and len(gap) <= 30 and not re.search(r"[.;]", gap):
            return d
    return None


# A relative clause between a place and a "since" date describes something else ("Hawija, a
# town that has been cut off since last year").
_RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|who|where|qui|que|qu'|où|dont)\b", _I)


_FIGHTING_DAYS = re.compile(r"(?:fighting|clashes|battles?|combats?|affrontements)$", _I)


def own_date(
    reading: Reading,
    place: PlaceMention,
    following: PlaceMention | None,
    previous: PlaceMention | None = None,
) -> DateMention | None:
    """A date written right after a listed place, when it is not the trigger's own date:
    "ont repris Anah en septembre et Hawija le 5 octobre" dates each town apart; or right
    before a place listed after another: « de Mossoul puis le lendemain de Tikrit »."""
    if place.start < reading.hit.start:
        # "recaptured Albu Kamal on Saturday, two days after the army said it had taken the
        # town": a place before the trigger was dated by its own clause's verb
        return None
    dates = reading.extra.get("sentence_dates", [])
    stop = following.start if following is not None else reading.sentence.end
    text = reading.sentence.text
    offset = reading.sentence.start
    if previous is not None and previous.end <= place.start:
        for d in dates:
            if (
                d is not reading.date_mention
                and previous.end <= d.start
                and d.end <= place.start
                and _DATE_OPENS_PLACE.match(text[d.end - offset : place.start - offset])
            ):
                return d
    for d in dates:
        if d is reading.date_mention or not place.end <= d.start < stop:
            continue
        if _FIGHTING_DAYS.search(d.text):
            continue  # "took Idlib after three days of fighting": the fighting's days
        gap = text[place.end - offset : d.start - offset]
        if (
            _OWN_DATE_GAP.match(gap)
            or (_APPOSED_OWN_DATE_GAP.match(gap) and not _APPOSED_CLAUSE.search(gap))
        ) and not _COORDINATOR.search(gap):
            return d  # (not "Mossoul puis le lendemain de Tikrit": the next place's)
    return None


def _complement(
    article: Article,
    reading: Reading,
    event_id: str | None,
    place: PlaceMention,
    holder: str,
    kind: str,
    fraction: float | None,
) -> Claim | None:
    """The rest of a town whose share the group still holds goes to the side fighting it.

    "L'EI ne tient plus que 20 % de Rakka" in a story about the SDF means the SDF hold the
    other 80 %. Only for a town or city (a province's remainder may be split among several
    sides) and only when the text names the other side: in the sentence, else the last ground
    side named before it.
    """
    if holder != "isis" or kind != "partial" or fraction is None or place.precision != "point":
        return None
    others = [a for a in reading.actors if a.side in GROUND_SIDES and a.side != "isis"]
    side = others[0].side if others else None
    if side is None:
        resolver = reading.extra.get("resolver")
        for hit in reversed(reading.extra.get("all_hits", [])):
            if hit.end > reading.hit.start or reading.hit.start - hit.end > 250:
                continue
            candidate = hit.side
            if hit.kind == "generic" and resolver is not None:
                candidate = resolver.government_at(hit.start, hit.start, hit.end)
            if (
                hit.kind in ("actor", "generic")
                and candidate in _NON_ISIS_GROUND
                # a government holds no ground abroad: Iraqi forces named before a line on
                # Raqqa do not hold the rest of it
                and COUNTRY_OF_SIDE.get(candidate, place.country) == place.country
            ):
                side = candidate
                break
    if side is None:
        return None
    rest = round(1 - fraction, 2)
    claim = _claim(
        article,
        reading,
        event_id,
        place,
        side,
        article.published or reading.date,
        "partial",
        rest,
    )
    return _scaled(claim, 0.8, "complement of the share the group still holds")


_AT_THE_EDGE = re.compile(r"outskirts|abords|portes|gates|edges?", _I)
# A state told in the past: "Mayadin was the group's main stronghold", « était considérée ».
_PAST_STATE = re.compile(
    r"\b(?:was|were|had\s+been|used\s+to\s+be|était|étaient|avait\s+été|avaient\s+été"
    r"|fut|furent)\b[^,;.]{0,60}$",
    _I,
)
_HELD_OUT = re.compile(r"\s+out\b", _I)
_PRESENCE = re.compile(r"\b(?:présente?s?|implantée?s?|presence|present)\b", _I)
_WITHIN = re.compile(r"\b(?:in|inside|within|across|dans|en|au\s+sein\s+de)\b", _I)


def _held_within(
    reading: Reading, place: PlaceMention, previous: PlaceMention | None = None
) -> bool:
    """A side holding something *in* a region holds part of it, not the whole region.

    Only the words since the place listed before count: in « il ne reste plus aux jihadistes
    en Irak que Rawa et la région d'Al-Qaïm » the region is held whole.
    """
    if place.precision not in ("governorate", "district", "country", "region"):
        return False
    text = reading.sentence.text
    start = reading.hit.end
    if previous is not None and start <= previous.end <= place.start:
        start = previous.end
    gap = text[start - reading.sentence.start : place.start - reading.sentence.start]
    return bool(_WITHIN.search(gap))


_EDGE_OF = re.compile(
    r"(?:\baux\s+abords\s+(?:de|d'|du)|\boutskirts\s+of|\bedges?\s+of|\bgates\s+of"
    r"|\bportes\s+(?:de|d'|du)|\bentrées?\s+(?:de|d'|du))\s*\Z",
    _I,
)


_IN_RELATIVE = re.compile(
    # ("follows that of Karma": a pronoun standing for a noun, not a relative)
    r"\b(?:that|which|who|qui|que|qu['’])\s+(?!of\b)(?:(?!and\b|et\b)[\w'’-]+\s+){1,3}\Z",
    _I,
)


def _own_lead(text: str, start: int) -> str:
    """The words before a place in its own sentence, up to 40 characters: "... south of
    the capital. Jisr al-Shughour has been a flashpoint" names no landmark."""
    return re.split(r"[.!?]\s+|\n", text[max(0, start - 40) : start])[-1]


def _antecedent(
    reading: Reading,
    precision: str,
    span: tuple[int, int] | None = None,
    kinds: frozenset[str] | None = None,
    landmarks: bool = True,
) -> PlaceMention | None:
    """The place a definite description ("la province", "the city") stands for.

    The last place of that precision (and of one of ``kinds``, when given) named before the
    trigger, unless a town named more recently sits in a governorate: "chassé de ses bastions
    à Deir Ezzor, mais contrôle 35 % de la province" means the town's governorate, not a
    province named sentences earlier.
    """
    pool = reading.extra.get("all_places", reading.places)
    earlier = [p for p in pool if p.end <= reading.hit.start]
    same = [p for p in earlier if p.precision == precision and (kinds is None or p.kind in kinds)]
    text = reading.extra.get("article_text", "")
    opening = reading.sentence.start

    def located(p: PlaceMention) -> bool:
        # "pushing the peshmerga back towards Erbil. The peshmerga had taken the city in
        # 2014": a place an earlier sentence named only as a direction or a landmark is not
        # what "the city" stands for
        if p.start >= opening:
            # "Rebels left Darayya, south-west of Damascus, ..., handing the town to the army"
            return not _LOCATED_BY.search(text, max(opening, p.start - 30), p.start)
        return (
            not _relational(_own_lead(text, p.start))
            # "convoys were seen on the outskirts of Samarra. Insurgents slipped into the
            # city": a place whose edge the story reached is where it is
            or bool(_EDGE_OF.search(text, max(0, p.start - 40), p.start))
            # « ont poussé vers Sadad, une localité à majorité chrétienne »: a place the story
            # stops to describe is one it is about
            or bool(_DESCRIBED_AFTER.match(text, p.end))
        )

    def topical(p: PlaceMention) -> bool:
        # "...fell in June 2014 during the offensive that also delivered Mosul to the
        # militants. Government forces won it back": a place told inside an earlier
        # sentence's relative clause is not what the sentence after it is about
        return located(p) and (
            p.start >= opening or not _IN_RELATIVE.search(_own_lead(text, p.start))
        )

    villages: dict[str, bool] = {}

    def called_village(p: PlaceMention) -> bool:
        # « des villages entourant la ville »: the town, not the village named since
        if p.place_id not in villages:
            villages[p.place_id] = any(
                q.place_id == p.place_id
                and _CALLED_VILLAGE.search(text, max(0, q.start - 30), q.start)
                for q in earlier
            )
        return villages[p.place_id]

    city_noun = bool(text and span is not None and _CITY_NOUN.fullmatch(text, span[0], span[1]))
    found = None
    # the last place of the preferred kind: topical, else located, else any; read from the
    # end, so a long article is not read whole for every definite noun
    # (a pronoun never stands for a place named only as a landmark: "on the highway between
    # Damascus and Baghdad. Islamic State overran it in May": the post, not Baghdad)
    fallback = (lambda p: True,) if landmarks or not text else ()
    for test in ((topical, located) if text else ()) + fallback:
        fitting = (p for p in reversed(same) if test(p))
        first = next(fitting, None)
        if first is None:
            continue
        found = first
        if city_noun and called_village(first):
            found = next((p for p in fitting if not called_village(p)), first)
        break
    if precision == "governorate" and span is not None:
        finer = [p for p in earlier if p.precision in ("point", "district") and p.admin1]
        if finer and (found is None or finer[-1].start > found.start):
            governorate = _governorate_of(
                finer[-1], span, reading.sentence.text, reading.sentence.start
            )
            if governorate is not None:
                return governorate
    return found


_CITY_NOUN = re.compile(r"ville|city|town|cité", _I)
_CALLED_VILLAGE = re.compile(r"\bvillage\s+(?:de\s+|d['’]\s*|of\s+(?:the\s+)?)?\Z", _I)


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


_DIVIDED = re.compile(r"divided|split|partagée?s?|divisée?s?|shares?|partagent|partage", _I)
_BOTH_SIDES = re.compile(
    r"\s+(?:(?:since|depuis)\s+[^,;.]{1,40}?\s+)?(?:between|among|entre)\s+"
    r"(?:the\s+two\s+(?:sides|camps)|both\s+sides|les\s+deux\s+camps|les\s+deux\s+parties)\b",
    _I,
)
_DIVIDED_SUBJECT_GAP = re.compile(
    r"\s*(?:,[^;:.]{0,80},)?\s*(?:(?:has|have|had|is|was|been|remains?|est|était|reste|a\s+été"
    r"|demeure)\s+){0,2}$|\s*,\s*$"
    # "Hasakah and Qamishli, which it shares with the Kurds", « qu'il partage avec »
    r"|\s*,\s*(?:which\s+(?:it|they)|qu['’]ils?)\s+$",
    _I,
)


_LISTED_PLACES_GAP = re.compile(
    r"\s*(?:,|\s(?:and|et))\s+(?:(?:of|de|d['’]|du)\s*)?(?:(?:the\s+)?(?:city|town)\s+of\s+"
    r"|la\s+ville\s+(?:de\s+|d['’]))?",
    _I,
)


def _divided_claims(article: Article, reading: Reading, event_id: str | None) -> list[Claim]:
    """A place divided between two sides: a share for each.

    "Aleppo, once Syria's commercial hub, has been divided since rebels stormed it in 2012";
    « Deraa, partagée entre les deux camps ». The sides are the ones named after "between"
    or, for "the two sides" or none named, the last two ground sides the story names.
    """
    text = reading.sentence.text
    offset = reading.sentence.start
    before = [
        p
        for p in reading.places
        if p.end <= reading.hit.start
        and p.precision in ("point", "district")
        and _DIVIDED_SUBJECT_GAP.fullmatch(text, p.end - offset, reading.hit.start - offset)
    ]
    if not before:
        return []
    place = before[-1]
    # "parts of the city of Hasakah and of Qamishli, which it shares": each town listed
    listed = [place]
    for p in reversed([p for p in reading.places if p.end <= place.start]):
        if p.precision != place.precision or not _LISTED_PLACES_GAP.fullmatch(
            text, p.end - offset, listed[0].start - offset
        ):
            break
        listed.insert(0, p)
    clause_end = re.search(r"[;.]|$", text[reading.hit.end - offset :])
    stop = reading.hit.end + (clause_end.start() if clause_end else 0)
    government = _sentence_government(reading)

    def side_of(hit: ActorHit) -> str | None:
        if hit.kind in ("source", "civilian"):
            return None
        side = hit.side or (government if hit.kind == "generic" else None)
        return side if side in GROUND_SIDES else None

    hits = reading.extra.get("all_hits", [])
    named = [side_of(h) for h in hits if reading.hit.end <= h.start < stop]
    sides = list(dict.fromkeys(s for s in named if s))
    if len(sides) < 2 or _BOTH_SIDES.match(text, reading.hit.end - offset):
        earlier = [side_of(h) for h in hits if h.end <= stop]
        sides = list(dict.fromkeys(s for s in reversed(earlier) if s))[:2]
    if len(sides) != 2:
        return []
    since = _since(reading, place, None)
    published = article.published or reading.date
    valid_from = since.value if since is not None else published
    if valid_from is None:
        return []
    out = []
    for town in listed:
        for side in sides:
            claim = _claim(article, reading, event_id, town, side, valid_from, "partial", None)
            claim.extra["date_precision"] = since.precision if since is not None else "day"
            out.append(_scaled(claim, 0.8, "divided between two sides"))
    return out


def _held_participle(reading: Reading) -> bool:
    """ "the last town held by X", "tenue par X": the holder follows, the place precedes."""
    text = reading.sentence.text
    after = text[reading.hit.end - reading.sentence.start :]
    return bool(
        re.match(r"\s+(?:by|par)\b(?!\s+(?:ailleurs|exemple|endroits|moments))", after, _I)
        # « tenue depuis avril 2015 par »
        or re.match(r"\s+(?:depuis|dès)\s+[^,;.()«»]{1,30}?\s+par\b", after, _I)
    ) or bool(re.match(r"tenue?s?\s", reading.hit.text, _I))


def _next_claim_trigger(reading: Reading, apposed: Sequence[tuple[int, int]] = ()) -> int:
    """Where the next change of control starts; an apposition ("Palmyra, retaken in March,")
    describes a listed place and does not end the list."""
    for other in reading.extra.get("triggers", []):
        if any(s <= other.start < e for s, e in apposed):
            continue
        if other.start < reading.hit.end or other.spec.frame == "event":
            continue
        text = reading.sentence.text
        lead = text[
            max(0, other.start - reading.sentence.start - 40) : other.start - reading.sentence.start
        ]
        if other.spec.frame != "hold" or (
            _FINITE_HOLD.fullmatch(other.text) and _NEW_PREDICATE.search(lead)
        ):
            # (« qui tient déjà de vastes territoires en Syrie, contrôle en outre Fallouja »:
            # the next verb of holding takes its own objects)
            return other.start
    return reading.sentence.end


_FINITE_HOLD = re.compile(r"(?:dé)?tien(?:t|nent)|contrôl(?:e|ent)|holds|controls", _I)
# what opens a new predicate before a verb of holding: « ..., contrôle en outre », "and holds"
_NEW_PREDICATE = re.compile(r"(?:,|\bet|\band|\bqui|\bwhich|\bwho)\s+(?:[\w'’-]+\s+){0,2}$", _I)


# A part of a place named by a possessive after it: "Hawija's outskirts", "the city's eastern
# districts", "Raqqa's old city".
_PART_AFTER = re.compile(
    # "Mosul airport", "the Baiji refinery": a site named after the town is a part of it
    r"\s+(?:international\s+|military\s+)?(?:airport|air\s*base|airbase|military\s+base"
    r"|refinery|dam|stadium|university|citadel)\b"
    r"|['’]s\s+(?:(?:eastern|western|northern|southern|outer|old|southeastern|southwestern"
    r"|northeastern|northwestern|central|industrial)\s+)?(?:outskirts|suburbs?|edges?|districts"
    r"|neighbou?rhoods|quarters?|outer\s+districts|old\s+city|periphery|centre|center|downtown"
    # "Fallujah's government complex": a building or a site of the town is a part of it
    r"|(?:government\s+)?(?:complex|compound|headquarters|buildings?|hospital|airport|university"
    r"|citadel|castle|stadium|mosque|bridges?|district|neighbou?rhood|(?:main\s+)?square)"
    # "Mosul's western half", "the city's eastern side"
    r"|(?:eastern|western|northern|southern|\w+ern)\s+(?:half|side|bank|part|sector|section))\b",
    _I,
)


# A mention naming a town's airfield or dam: when the gazetteer holds no such site it
# resolves to the town, of which the site is only a part.
_SITE_HOSTS = frozenset({"city", "town", "village", "admin1", "admin2", "admin3"})
_SITE_NAMED = re.compile(
    r"\b(?:airport|air\s*base|airfield|aéroport|base\s+aérienne|dam|barrage)\b", _I
)


_ALL_BUT_A_PART = re.compile(
    r"[^.;:]{0,40}?,?\s*(?:except\s+(?:for\s+)?|but\s+not\s+|save\s+for\s+"
    r"|à\s+l['’]exception\s+(?:de\s+|d['’]|des\s+|du\s+)|sauf\s+|hormis\s+)"
    r"(?:its|their|the|a\s+few|some|two|three|an?|ses|sa|son|leurs?|le|la|les|l['’]|quelques|deux"
    r"|trois|une?)"
    r"\s*(?:[\w'’-]+\s+){0,2}?(?:edges?|outskirts|suburbs?|districts?|neighbou?rhoods?|quarters?"
    r"|streets|pockets?|centre|center|north|south|east|west|abords|faubourgs?|quartiers?|rues"
    r"|poches?|périphérie|lisière|centre-ville|nord|sud|est|ouest"
    # "all of it except a sliver of the south-east", « sauf une petite partie »
    r"|slivers?|strips?|corners?|parts?|portions?|areas?|partie|bande|secteurs?)\b",
    _I,
)
_CLOSED_APPOSITION = re.compile(r"\s*,[^,;]{1,80},\s*")
_COORDINATED_VERB = re.compile(r"\b(?:and|et|then|puis)\s+\Z", _I)


_AND_OF = re.compile(
    r"\s+(?:and|et)\s+(?:of|de|d['’]|du|des)\s*(?:(?:the\s+)?(?:city|town)\s+of\s+|la\s+ville\s+(?:de\s+|d['’]))?",
    _I,
)


def _share(
    reading: Reading, place: PlaceMention, previous: PlaceMention | None
) -> tuple[str, float | None]:
    """``partial`` with a fraction when a share is stated before the place, else ``full``.

    The first place reads from a little before the trigger ("largely retook"); a listed
    place reads only from the place before it, so a share does not spread along a list.
    """
    if _PART_AFTER.match(reading.sentence.text, place.end - reading.sentence.start):
        return "partial", None  # "captured Hawija's outskirts": a part of the town
    if place.kind in _SITE_HOSTS and _SITE_NAMED.search(place.text):
        return "partial", None  # "Hamdan airport", read as the town the gazetteer knows
    if _ALL_BUT_A_PART.match(
        reading.sentence.text, max(place.end, reading.hit.end) - reading.sentence.start
    ):
        return "partial", None  # "Fallujah has fallen to ISIL, except for its edges"
    if (
        previous is None
        and place.start >= reading.hit.end
        and _INCLUDING.search(reading.sentence.text, 0, place.start - reading.sentence.start)
    ):
        return "full", None  # "took several districts, including Masaken Hanano": all of it
    override = reading.extra.get("share_window", {}).get(place.place_id)
    if override is not None:
        fraction = _fraction(override)
        if fraction is not None:
            return "partial", fraction
        return ("partial", None) if _partial(override) else ("full", None)
    if (
        previous is not None
        and previous.precision == place.precision == "governorate"
        and re.fullmatch(
            r"\s+(?:and|et)\s+",
            reading.sentence.text[
                previous.end - reading.sentence.start : place.start - reading.sentence.start
            ],
        )
    ):
        # "large parts of Daraa province and Quneitra province": one share of both
        lead = reading.sentence.text[
            max(0, previous.start - reading.sentence.start - 30) : previous.start
            - reading.sentence.start
        ]
        if _fraction(lead) is None and _partial(lead):
            return "partial", None
    if previous is not None and _AND_OF.fullmatch(
        reading.sentence.text,
        previous.end - reading.sentence.start,
        place.start - reading.sentence.start,
    ):
        # "holds parts of the city of Hasakah and of Qamishli": the share said again by "of"
        lead = reading.sentence.text[
            max(0, previous.start - reading.sentence.start - 40) : previous.start
            - reading.sentence.start
        ]
        if _fraction(lead) is None and _partial(lead):
            return "partial", None
    if previous is not None and previous.end <= place.start:
        lo = previous.end
    elif (
        place.end <= reading.hit.start
        and re.match(r"\s*[,(]", reading.sentence.text[place.end - reading.sentence.start :])
        # (not a share that opens the sentence as its subject: "Most of al-Baghdadi, a town
        # in Anbar, was in the militants' hands")
        and not _SHARE_OPENS.search(reading.sentence.text, 0, place.start - reading.sentence.start)
        # ("left parts of Ramadi, the capital of Anbar province, under militant control": an
        # apposition closed before the trigger leaves the share to it)
        and not (
            reading.frame == "hold"
            and _CLOSED_APPOSITION.fullmatch(
                reading.sentence.text,
                place.end - reading.sentence.start,
                reading.hit.start - reading.sentence.start,
            )
        )
    ):
        # "reached the outskirts of Rawa, the last town held by IS": the words before an
        # apposed place belong to another verb
        lo = place.end
    else:
        lo = max(reading.sentence.start, min(reading.hit.start, place.start) - 30)
        if place.start >= reading.hit.end:
            # the words before the verb belong to its own clause, not to one a comma closed
            # (« qui tient ... dans l'est de la Syrie voisine, contrôle en outre Fallouja »)
            head = reading.sentence.text[
                lo - reading.sentence.start : reading.hit.start - reading.sentence.start
            ]
            lo += max(head.rfind(","), head.rfind(";")) + 1
            if _COORDINATED_VERB.search(head):
                # "launched its campaign against the enclave on Sept. 10 and captured Hajin":
                # the words before "and" are the first verb's
                lo = reading.hit.start
    window = reading.sentence.text[
        lo - reading.sentence.start : place.start - reading.sentence.start
    ]
    if previous is None and place.end <= reading.hit.start:
        # a place before its trigger: "Rakka aux deux tiers reprise", "Z, largely retaken"
        # (the place itself stands between the two pieces: no phrase runs across it); an
        # apposition about the place is no share of it ("Sinjar, home to most of Iraq's
        # Yazidis, had been protected by")
        tail = reading.sentence.text[
            _past_head_noun(reading.sentence.text, place.end - reading.sentence.start) : (
                reading.hit.start - reading.sentence.start
            )
        ]
        window += " ¦ " + re.sub(r"^\s*,[^,;]*,", " ", tail)
        if _SHARE_HELD_BY.search(reading.hit.text):
            window += " ¦ " + reading.hit.text  # « Idleb, tenue en majeure partie par »
    joints = [
        m
        for m in _SEPARATOR.finditer(window)
        if (lo + m.start() >= reading.hit.end or previous is not None)
        # (not the comma of a name in apposition: "half of the provincial capital, Hajin")
        and not (m.group(0) == "," and _NAMED_NOUN.search(window, 0, m.start()))
    ]
    if joints:
        window = window[joints[-1].end() :]
    fraction = _fraction(window)
    if fraction is not None:
        return "partial", fraction
    if _partial(window):
        return "partial", None
    return "full", None


_NAMED_NOUN = re.compile(
    r"\b(?:chef-lieu|capitale(?:\s+provinciale)?|(?:provincial\s+)?capital|ville|city|town"
    r"|localité)\s*\Z",
    _I,
)


# Words every figure of a share holds: most windows hold none, and the scans for a figure
# (each tried at every offset) are skipped
_DIGIT = re.compile(r"\d")
_NTH_WORD = re.compile(r"tenths|fifths|dixièmes|cinquièmes", _I)
_FRACTION_WORD = re.compile(r"third|tiers|half|moitié|quart", _I)


def _fraction(window: str) -> float | None:
    found = None
    for match in _PERCENT.finditer(window) if _DIGIT.search(window) else ():
        found = float(match.group("num").replace(",", ".")) / 100
    for match in _NTH_FRACTION.finditer(window) if _NTH_WORD.search(window) else ():
        # "nine-tenths of the town", « les quatre cinquièmes de la ville »
        found = (
            _NUMERATORS[match.group("num").lower()]
            / _DENOMINATORS[match.group("den").lower().rstrip("s")]
        )
    for match in _WORD_FRACTION.finditer(window) if _FRACTION_WORD.search(window) else ():
        value = _WORD_VALUE.get(re.sub(r"[\s-]+", " ", match.group("word").lower()))
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
            "date_precision": "day" if valid_from != reading.date else reading.date_precision,
            "frame": reading.frame,
            "trigger": reading.hit.text,
            "place_start": place.start,
            "place_end": place.end,
            "trigger_start": reading.hit.start,
        },
    )


# A capture compared with another: "Tikrit fell in June, a day after Mosul", « repris par le
# pouvoir, après Daraya, fin août, et Mouadamiyat al-Cham, en octobre », « six mois avant
# Mossoul »: the place after the comparison went the same way.
_CAPTURE_COMPARED = re.compile(
    r",\s*(?:(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|une?|deux"
    r"|trois|quatre|cinq|six|sept|huit|neuf|dix|(?P<few>a\s+few|several|quelques|plusieurs))\s+"
    r"(?P<unit>days?|weeks?|months?|jours?|semaines?|mois)\s+)?"
    r"(?P<way>after|before|après|avant|en\s+même\s+temps\s+que|at\s+the\s+same\s+time\s+as)"
    r"\s+\Z",
    _I,
)
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3, "trois": 3,
    "four": 4, "quatre": 4, "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7, "eight": 8,
    "huit": 8, "nine": 9, "neuf": 9, "ten": 10, "dix": 10,
}  # fmt: skip
# What may follow the place compared: the end of the clause, or its own date
_COMPARED_DATE_GAP = re.compile(r"\s*,?\s*(?:(?:en|in|on|le)\s+)?", _I)
_CAPTURE_COMPARED_END = re.compile(r"\s*(?:[,.;)]|\Z)")
_CAPTURE_COMPARED_NEXT = re.compile(r"\s*,?\s*(?:et|and)\s+\Z", _I)


def _compared_captures(
    article: Article, reading: Reading, event_id: str | None, made: list[Claim]
) -> list[Claim]:
    """Claims for the places a capture is compared with ("a day after Mosul"): the same side
    took them, on their own date when the text gives one, else on the capture's date moved by
    the interval told."""
    gained = [c for c in made if c.kind == "full" and c.extra.get("frame") != "hold"]
    if not gained or reading.frame not in TAKING_FRAMES or reading.cues.negated:
        return []
    side, main = gained[0].side, gained[0]
    text, offset = reading.sentence.text, reading.sentence.start
    dates = reading.extra.get("sentence_dates", [])
    claimed = {c.place_id for c in made}
    start = max(reading.hit.end, max(c.extra["place_end"] for c in gained))
    out: list[Claim] = []
    previous: tuple[PlaceMention, date, str] | None = None
    for place in reading.places:
        if place.start < start or place.place_id in claimed:
            continue
        head = text[: place.start - offset]
        compared = _CAPTURE_COMPARED.search(head, start - offset)
        if compared is None and previous is not None:
            # « après Daraya, fin août, et Mouadamiyat al-Cham, en octobre »: the list goes on
            if _CAPTURE_COMPARED_NEXT.fullmatch(
                text, previous[0].end - offset, place.start - offset
            ):
                compared = previous  # type: ignore[assignment]
            else:
                own = next((d for d in dates if d.start >= previous[0].end), None)
                if own is not None and _CAPTURE_COMPARED_NEXT.fullmatch(
                    text, own.end - offset, place.start - offset
                ):
                    compared = previous  # type: ignore[assignment]
        if compared is None or re.search(r"[.;:]", text[start - offset : place.start - offset]):
            previous = None
            continue
        own = next(
            (
                d
                for d in dates
                if d.start >= place.end
                and _COMPARED_DATE_GAP.fullmatch(text, place.end - offset, d.start - offset)
            ),
            None,
        )
        if own is None and not _CAPTURE_COMPARED_END.match(text, place.end - offset):
            previous = None
            continue  # "after Mosul fell": another clause, read on its own
        if own is not None:
            day, precision = own.value, own.precision
        elif isinstance(compared, tuple):
            day, precision = compared[1], compared[2]
        else:
            moved = _moved(main.valid_from, main.extra.get("date_precision", "day"), compared)
            if moved is None:
                previous = None
                continue
            day, precision = moved
        claim = _claim(article, reading, event_id, place, side, day, "full", None)
        claim.extra["date_precision"] = precision
        claim.extra["note"] = "compared with the capture told"
        out.append(claim)
        claimed.add(place.place_id)
        previous = (place, day, precision)
    return out


# "overran the town on Monday before being driven out", "only to be pushed back", « avant
# d'en être chassés par l'armée »: a capture undone in the same sentence
_REVERSAL_LINK = re.compile(
    r"\b(?:before|only\s+to|avant\s+(?:d['’]\s*(?:en\s+)?être|d['’]\s*en|que)|puis)\b", _I
)


def _reversed_captures(
    article: Article,
    readings: Sequence[Reading],
    objects_of: Callable[[Reading], list[PlaceMention]],
    event_ids: dict[int, str],
) -> list[Claim]:
    """Claims for places a sentence says were taken and then lost again ("Nusra fighters swept
    into Maaloula before the army pushed them out a week later"): the expulsion names no place,
    only the side driven out, so it gives back the places of the capture before it.

    The place goes to the side the expulsion names, else to the side the place's country
    would fall back to; never to the side that had taken it.
    """
    out: list[Claim] = []
    last: tuple[Reading, list[PlaceMention], str] | None = None
    for reading in readings:
        if last is not None and last[0].sentence.index != reading.sentence.index:
            last = None
        if not reading.realised:
            continue
        frame = reading.frame
        objects = objects_of(reading)
        if frame in ("expel", "expelled") and not objects and last is not None:
            taking, places, taker = last
            text, offset = reading.sentence.text, reading.sentence.start
            link = _REVERSAL_LINK.search(text, taking.hit.end - offset, reading.hit.start - offset)
            if link is None or re.search(r"[;:]", text[taking.hit.end - offset : link.start()]):
                continue
            at = offset + link.start()
            named = next(
                (
                    a.side
                    for a in reading.actors
                    if a.hit.start >= at and a.side in GROUND_SIDES and a.side != taker
                ),
                None,
            )
            when = _reversal_day(reading, taking, at)
            if when is None:
                continue
            day, precision = when
            for place in places:
                side = named or _default_government(taking, place)
                if side is None or side == taker or side not in GROUND_SIDES:
                    continue
                claim = _claim(
                    article, reading, event_ids.get(id(reading)), place, side, day, "full", None
                )
                claim.extra["date_precision"] = precision
                claim.extra["note"] = "a capture undone in the same sentence"
                out.append(claim)
            last = None
            continue
        last = _places_given(reading, objects, holds=False) or last
    return out


# "Kurdish forces control most of Qamishli, while government troops still hold the airport and
# several districts", « tandis que l'armée conserve l'ouest »: the other side holds a part of
# the place the clause before named
_SHARE_LINK = re.compile(
    r"(?:,\s*|\s)(?:while|whereas|but|and|tandis\s+qu(?:e\b|['’])|alors\s+qu(?:e\b|['’])|mais|et)\b",
    _I,
)
_PART_OF_IT = re.compile(
    r"\s*(?:(?:still|only|encore|toujours|seulement|only)\s+)?(?:on\s+to\s+)?"
    r"(?:the|its|a\s+few|some|several|a\s+handful\s+of|l['’]|le|la|les|quelques|plusieurs"
    r"|certains|des|une\s+poignée\s+de)\s*(?:[\w'’-]+\s+){0,2}?"
    r"(?:airport|air\s+base|military\s+base|old\s+city|cent(?:re|er)|citadel"
    r"|(?:north|south|east|west)(?:ern)?(?:\s+(?:half|part|side|bank))?|districts?"
    r"|neighbou?rhoods?|quarters?|rest|remainder|suburbs?|streets|blocks|houses"
    r"|aéroport|base|vieille\s+ville|centre|citadelle|est|ouest|nord|sud|quartiers?|secteurs?"
    r"|reste|faubourgs?|rues|maisons|moitié)\b",
    _I,
)


_SHARED_KINDS = _SITE_HOSTS | {"region"}  # places with parts of their own


def _shared_holds(
    article: Article,
    readings: Sequence[Reading],
    objects_of: Callable[[Reading], list[PlaceMention]],
    event_ids: dict[int, str],
) -> list[Claim]:
    """Partial claims for a side a sentence says holds a part of the place its clause before
    gave another side: the second hold names no place, only the part ("the airport", "the
    west", « plusieurs quartiers »)."""
    out: list[Claim] = []
    last: tuple[Reading, list[PlaceMention], str] | None = None
    for reading in readings:
        if last is not None and last[0].sentence.index != reading.sentence.index:
            last = None
        if not reading.realised or reading.date is None:
            continue
        objects = objects_of(reading)
        frame = reading.frame
        if frame == "hold" and not objects and last is not None:
            _, places, first = last
            holder = _holder(reading)
            text, offset = reading.sentence.text, reading.sentence.start
            gap = text[max(p.end for p in places) - offset : reading.hit.start - offset]
            if (
                holder in GROUND_SIDES
                and holder != first
                and _SHARE_LINK.search(gap)
                and not re.search(r"[.;:]", gap)
                and _PART_OF_IT.match(text, reading.hit.end - offset)
            ):
                for place in places:
                    if place.kind not in _SHARED_KINDS:
                        continue  # (« plusieurs quartiers ainsi que l'aéroport »: a site is
                        # no place with parts of its own)
                    claim = _claim(
                        article,
                        reading,
                        event_ids.get(id(reading)),
                        place,
                        holder,
                        reading.date,
                        "partial",
                        None,
                    )
                    claim.extra["note"] = "a part of the place the clause before names"
                    out.append(claim)
            last = None
            continue
        last = _places_given(reading, objects, holds=True) or last
    return out


_GIVING_FRAMES = ("take", "take_pass", "take_noun", "expel", "enter")


def _places_given(
    reading: Reading, objects: list[PlaceMention], holds: bool
) -> tuple[Reading, list[PlaceMention], str] | None:
    """The places a capture (or, with ``holds``, a hold) gives a side, with that side: what a
    later clause of the sentence may undo or share."""
    frame = reading.frame
    if not objects or not (frame in _GIVING_FRAMES or (holds and frame == "hold")):
        return None
    side = _holder(reading) if frame == "hold" else _gainer(reading)
    return (reading, objects, side) if side in GROUND_SIDES else None


def _reversal_day(reading: Reading, taking: Reading, link: int) -> tuple[date, str] | None:
    """When a capture was undone: a date told after the link ("before Islamic State drove them
    out in January 2014"), else the expulsion's own day if it has one after the capture ("a
    week later"), else the capture's day. A capture told only to the month stays so coarse."""
    for mention in reading.extra.get("sentence_dates", []):
        if link <= mention.start < reading.sentence.end:
            if mention.relative and taking.date_precision != "day":
                # ("in early September ... about a week later": no finer than the capture)
                return mention.value, _coarser(mention.precision, taking.date_precision)
            return mention.value, mention.precision
    if taking.date is None:
        return None
    if (
        reading.date is not None
        and reading.date_how != "publication"
        and reading.date >= taking.date
        and taking.date_precision in ("day", "week")
    ):
        return reading.date, _coarser(reading.date_precision, taking.date_precision)
    return taking.date, taking.date_precision


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=lambda p: _FINENESS.get(p, 0))


def _moved(day: date, precision: str, compared: re.Match[str]) -> tuple[date, str] | None:
    """The date of a capture told as so long after or before another one of ``day``."""
    if not compared.group("way").lower().startswith(("after", "before", "après", "avant")):
        return day, precision  # « en même temps que Zoummar »: the same day
    if precision in ("month", "year"):
        return day, precision  # "fell in June, a day after Mosul": in June too
    if not compared.group("unit"):
        return None  # a bare "after Daraya" with no date of its own: when is not told
    unit = compared.group("unit").lower()
    sign = -1 if compared.group("way").lower() in ("after", "après") else 1
    if compared.group("few"):
        # "a few days after Mosul": within the week before (or after)
        if not unit.startswith(("day", "jour")):
            return None
        return (day - timedelta(days=7) if sign < 0 else day + timedelta(days=1)), "week"
    count = _COUNT_WORDS.get(compared.group("count").lower())
    if count is None:
        count = int(compared.group("count")) if compared.group("count").isdigit() else None
    if count is None:
        return None
    if unit.startswith(("day", "jour")):
        return day + timedelta(days=sign * count), "day"
    if unit.startswith(("week", "semaine")):
        return day + timedelta(days=sign * 7 * count), "week"
    month = day.year * 12 + day.month - 1 + sign * count
    return date(month // 12, month % 12 + 1, 1), "month"


_SIEGE_BROKEN = re.compile(
    r"\b(?:br(?:oke|eak|eaks|eaking|oken)|lift(?:ed|s|ing)?|end(?:ed|s|ing)?|bris\w*|rompu"
    r"|romp\w*|lev\w*)\b.*\bsi[eè]ge\b",
    _I,
)
# between the siege and the place besieged: "of", « de », « imposé par l'EI à »
_SIEGE_OF = re.compile(
    r"\s*(?:(?:of|on|around|de|d['’]|du|des|autour\s+(?:de|d['’]|du))\s*|imposed\s+[^,;.]{1,40}?"
    r"\s+on\s+|imposé\s+[^,;.]{1,40}?\s+(?:à|au|aux)\s+)(?:the\s+|la\s+|le\s+|l['’]\s*)?"
    r"(?:(?:town|city|village|ville|localité|base|aéroport|airport|refinery|raffinerie)\s+"
    r"(?:of|de|d['’])\s*)?",
    _I,
)


def _siege_broken_claims(article: Article, reading: Reading, event_id: str | None) -> list[Claim]:
    """A side that breaks a siege reaches its own besieged: "broke the siege of Kweiris air
    base", « ont brisé le siège de Nobl et Zahraa » say who holds the place besieged."""
    if not _SIEGE_BROKEN.search(reading.hit.text) or reading.cues.negated:
        return []
    side = reading.agent.side if reading.agent else None
    if side not in GROUND_SIDES:
        return []
    text, offset = reading.sentence.text, reading.sentence.start
    after = [p for p in reading.places if p.start >= reading.hit.end]
    if not after or not _SIEGE_OF.fullmatch(
        text, reading.hit.end - offset, after[0].start - offset
    ):
        return []
    besieged = [after[0]]
    for place in after[1:]:
        if not _LISTED_PLACES_GAP.fullmatch(text, besieged[-1].end - offset, place.start - offset):
            break
        besieged.append(place)
    out = []
    for place in besieged:
        if place.precision not in CLAIMABLE_PRECISIONS:
            continue
        # (a city's besieged enclave is a part of it)
        kind = "partial" if place.kind == "city" else "full"
        claim = _claim(article, reading, event_id, place, side, reading.date, kind, None)
        out.append(_scaled(claim, 0.8, "siege broken by the side that holds the place"))
    return out


def _scaled(claim: Claim, factor: float, note: str) -> Claim:
    extra = dict(claim.extra)
    extra["note"] = note
    return Claim(
        **{**claim.__dict__, "confidence": round(claim.confidence * factor, 3), "extra": extra}
    )


def _consolidate(claims: list[Claim]) -> list[Claim]:
    """One claim per place, side, day and kind; a full claim supersedes a contested one."""
    # "Our heroes entered the centre of Saqlawiya and the town is now completely liberated":
    # a gain the same sentence says is whole is no share
    whole_in_sentence = {
        (c.place_id, c.side, c.sentence_start)
        for c in claims
        if c.kind == "full" and c.extra.get("frame") != "hold"
    }
    claims = [
        c
        for c in claims
        if not (
            c.kind == "partial"
            and c.extra.get("frame") != "hold"
            and (c.place_id, c.side, c.sentence_start) in whole_in_sentence
        )
    ]
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
    full: dict[tuple[str, str], list[date]] = defaultdict(list)
    for c in kept:
        if c.kind == "full":
            full[(c.place_id, c.side)].append(c.valid_from)
    # "the last districts the group holds in the old city of Mosul, its main stronghold": the
    # share the sentence states says more than the stronghold's hold on the whole
    shares = {(c.place_id, c.side, c.sentence_start) for c in kept if c.kind == "partial"}
    kept = [
        c
        for c in kept
        if not (
            c.kind == "full"
            and c.extra.get("frame") == "hold"
            and (c.place_id, c.side, c.sentence_start) in shares
        )
    ]
    # (not a foothold a side says it still keeps against another side's gain: its own account)
    # ("stormed the city in July 2012, taking most of its eastern half": the share says more
    # than the fighting inside)
    shared = {(c.place_id, c.side, c.sentence_start) for c in kept if c.kind == "partial"}
    merged = [
        c
        for c in kept
        if not (
            c.kind == "contested"
            and not c.extra.get("still")
            and (
                # (a capture years before is no gain of the fight the story tells now)
                any((c.valid_from - day).days <= 31 for day in full.get((c.place_id, c.side), ()))
                or (c.place_id, c.side, c.sentence_start) in shared
            )
        )
    ]
    merged.sort(key=lambda c: (c.sentence_start, c.place_id, c.side))
    return merged
