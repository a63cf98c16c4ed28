"""Who is who in the war against the Islamic State group: aliases in French and English -> side.

The lexicon is data: each :class:`ActorEntry` names an actor, the side slug it fights for (one of
``model.SIDES``) and how it is recognised. Sides follow the usage of ACLED and UCDP GED coders
for this theatre (2014-2019):

* the Popular Mobilisation Forces (Hashd al-Shaabi) and Sunni tribal fighters in Iraq fought
  under the Iraqi Joint Operations Command, so they code as ``iraqi_forces``;
* Russian forces, Hezbollah, Iranian-backed militias and the Tiger Forces fought for Damascus,
  so they code as ``syrian_government``;
* the YPG is the core of the SDF, so both code as ``sdf``;
* monitors, news agencies and state media report events but take no part in them
  (``kind="source"``), and civilians never hold ground (``kind="civilian"``).

``kind`` says how the side is known:

``actor``      the alias fixes the side ("forces irakiennes", "Daech", "SDF");
``generic``    a government force whose country comes from context ("the army", "les troupes",
               "government forces"); :func:`find_actors` leaves ``side`` empty for the
               extractor to resolve from the places and nationality words around it;
``anaphor``    "the group", "le groupe", "the militants": ISIS only once the article has named
               ISIS, since the same words can mean any armed group; likewise "the alliance"
               is the SDF only once the article has named the SDF;
``source``     a reporter of events (monitor, agency, state media): used for attribution;
``civilian``   residents and displaced people: a flight of civilians is not a withdrawal.

Matching visits each word start once and tries only the entries whose aliases can begin with
its first letter; overlapping hits keep the longest span so "Forces démocratiques syriennes"
wins over "syriennes".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dashboard.dates.prefixes import closing, prefix_gate, top_branches
from dashboard.text.spans import keep_non_overlapping

# Nouns for armed units, used to build "<noun> <nationality>" (fr) and "<nationality> <noun>"
# (en) patterns without listing every combination.
_FR_UNITS = (
    r"(?:forces(?:\s+(?:armées|gouvernementales|de\s+sécurité|spéciales|du\s+gouvernement))?"
    r"|troupes(?:\s+d'élite)?|armée|soldats|unités|aviation|police(?:\s+fédérale)?"
    r"|militaires|combattants|gouvernement|ministère(?:\s+de\s+la\s+Défense)?|chasseurs"
    r"|avions|autorités|commandants?|officiers?|responsables?)"
)
_EN_UNITS = (
    r"(?:(?:government\s+|security\s+|federal\s+|special\s+|armed\s+)?forces|troops|army"
    r"|soldiers|units|air\s+force|aircraft|jets|warplanes|military|police|government"
    r"|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|commanders?|officers?|officials?"
    r"|air\s+power|air\s+strikes|airstrikes|gunships|fighters)"
)


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the lexicon and the regular expression that finds its aliases."""

    actor: str
    side: str | None
    kind: str
    pattern: str
    case_sensitive: bool = False


@dataclass(frozen=True)
class ActorHit:
    """A lexicon hit in a text; ``side`` is None for generic forces until context resolves it."""

    start: int
    end: int
    text: str
    actor: str
    side: str | None
    kind: str


# Arabic words of group names that English and French papers transliterate each their own
# way ("Jaysh al-Islam", « Jaïch al-Islam »; "Khalid ibn al-Walid", « Khaled ben Walid »):
# an alias written one way matches the others.
_TRANSLITERATIONS = (
    (re.compile(r"\bJa(?:i|y|ï)[sc]h\b"), r"J(?:a[iyï]|e[iy])(?:sh|ch)"),
    (re.compile(r"\bFa(?:y|i)laq\b"), r"F(?:a[iy]|ei)laq"),
    (re.compile(r"\bKhal[ie]d\b"), r"Kh[aâ]l[ie]d"),
    (re.compile(r"\b(?:ibn|ben|bin)\\ "), r"(?:ibn|ben|bin)\ "),
    (re.compile(r"\bal\\-Walid\b"), r"(?:al\-)?Walid"),
    (re.compile(r"\bal\\-(?:Sham|Cham)\b"), r"al\-[SC]ham"),
    (re.compile(r"\bRahmane?\b"), r"Rahmane?"),
)


def _words(*aliases: str) -> str:
    """Alternation of literal aliases (spaces match any whitespace), longest first."""
    ordered = sorted(aliases, key=len, reverse=True)
    out = []
    for alias in ordered:
        escaped = re.escape(alias)
        for word, variants in _TRANSLITERATIONS:
            escaped = word.sub(lambda _m, v=variants: v, escaped)
        out.append(escaped.replace(r"\ ", r"\s+"))
    return "|".join(dict.fromkeys(out))


KURDISH = "kurdish"  # placeholder side, settled per sentence by country (see events.context)
JIHADIST_REBELS = "Syrian jihadist rebels"
INSURGENTS = "insurgents"
_JIHADIST_WORD = re.compile(r"d?jihadist", re.IGNORECASE)

LEXICON: tuple[ActorEntry, ...] = (
    # --- The Islamic State group -------------------------------------------------------------
    ActorEntry(
        "Islamic State",
        "isis",
        "actor",
        _words(
            "Islamic State",
            "Islamic State group",
            "Islamic State of Iraq and the Levant",
            "Islamic State of Iraq and Syria",
            "Islamic State in Iraq and the Levant",
            "Islamic State in Iraq and Syria",
            "Islamic State of Iraq",
            "État islamique en Irak et au Levant",
            "Etat islamique en Irak et au Levant",
            "État islamique en Irak et en Syrie",
            "État islamique",
            "Etat islamique",
            "groupe État islamique",
            "groupe Etat islamique",
            "organisation État islamique",
            "Daesh",
            "Daech",
            "Da'esh",
            "jihadists",
            "jihadist fighters",
            "djihadistes",
            "jihadistes",
            "califat",
            # the group's affiliates fighting under its banner
            "Khalid ibn al-Walid Army",
            "Jaish Khalid ibn al-Walid",
            "Armée Khalid ibn al-Walid",
            "caliphate",
        ),
    ),
    ActorEntry("Islamic State", "isis", "actor", r"ISIS|ISIL|IS|EI|EIIL", case_sensitive=True),
    # "ISIL-led fighters", "Islamic State-led insurgents": the fighters of the group that leads
    ActorEntry(
        "Islamic State",
        "isis",
        "actor",
        r"(?:ISIS|ISIL|IS|Islamic\s+State)-led\s+(?:fighters|militants|insurgents|forces|rebels)",
        case_sensitive=True,
    ),
    ActorEntry(
        "Islamic State",
        "isis",
        "anaphor",
        _words(
            "the group",
            "le groupe",
            "the militants",
            "militants",
            "the organisation",
            "the organization",
            "l'organisation",
            "le groupe ultraradical",
            "le groupe jihadiste",
            "le groupe djihadiste",
            "the jihadist group",
            "the extremist group",
            "the extremists",
            "extremists",
            "les extrémistes",
            "extrémistes",
            "terroristes",
            "terrorists",
        ),
    ),
    # Insurgents are the Islamic State group's fighters in a story of its war, and the rebels'
    # in a story of the Syrian insurgency; the story settles which (see insurgents_of_the_story)
    ActorEntry(
        INSURGENTS,
        None,
        "anaphor",
        _words("insurgents", "the insurgents", "insurgés", "les insurgés", "insurgent fighters"),
    ),
    # --- Iraq --------------------------------------------------------------------------------
    ActorEntry(
        "Iraqi forces",
        "iraqi_forces",
        "actor",
        rf"(?:Iraqi|Iraq's)\s+(?!Kurdish|Kurd)(?:[a-z-]+\s+)?{_EN_UNITS}"
        rf"|{_FR_UNITS}\s+(?!kurdes)(?:[a-zé]+\s+)?(?:irakien(?:ne)?s?|d'Irak)"
        r"|(?:l'|the\s+)?(?:aviation|armée|ministère\s+de\s+la\s+Défense|gouvernement)"
        r"\s+irakien(?:ne)?",
    ),
    ActorEntry(
        "Iraqi Counter-Terrorism Service",
        "iraqi_forces",
        "actor",
        _words(
            "Counter-Terrorism Service",
            "Counter Terrorism Service",
            "counter-terrorism troops",
            "counter-terrorism forces",
            "counter-terrorism units",
            "CTS",
            "ISOF",
            "Golden Division",
            "Services antiterroristes",
            "Service antiterroriste",
            "Service de contre-terrorisme",
            "forces antiterroristes",
            "unités antiterroristes",
            "troupes antiterroristes",
            "Division d'or",
        ),
    ),
    ActorEntry(
        "Iraqi federal police",
        "iraqi_forces",
        "actor",
        # Baghdad's forces as against the Kurdish region's: « les forces fédérales »
        _words(
            "police fédérale",
            "federal police",
            "Federal Police",
            "forces fédérales",
            "troupes fédérales",
            "federal forces",
            "federal troops",
            "Iraqi federal forces",
        ),
    ),
    ActorEntry(
        "Popular Mobilisation Forces",
        "iraqi_forces",
        "actor",
        _words(
            "Popular Mobilisation Forces",
            "Popular Mobilization Forces",
            "Popular Mobilisation units",
            "Popular Mobilization units",
            "Popular Mobilisation",
            "Popular Mobilization",
            "PMF",
            "PMU",
            "Hashed",
            "Hashd",
            "Hashd al-Shaabi",
            "Hashed al-Shaabi",
            "Hachd",
            "Hachd al-Chaabi",
            "Mobilisation populaire",
            "unités de la Mobilisation populaire",
            "paramilitaires du Hachd al-Chaabi",
            # its best-known factions (not Lebanon's Hezbollah, which fought in Syria)
            "Kataib Hezbollah",
            "Kata'ib Hezbollah",
            "Kataeb Hezbollah",
            "Kataëb Hezbollah",
            "Brigades du Hezbollah",
            "Hezbollah Brigades",
            "Asaib Ahl al-Haq",
            "Asa'ib Ahl al-Haq",
            "Assaïb Ahl al-Haq",
            "Badr Organisation",
            "Badr Organization",
            "organisation Badr",
            "Badr militia",
            "milice Badr",
            "Harakat al-Nujaba",
            "Saraya al-Salam",
        ),
    ),
    ActorEntry(
        "Iraqi tribal fighters",
        "iraqi_forces",
        "actor",
        _words(
            "tribal fighters",
            "tribal forces",
            "combattants tribaux",
            "tribus sunnites",
            "Sunni tribal fighters",
        ),
    ),
    ActorEntry(
        "Joint Operations Command",
        "iraqi_forces",
        "actor",
        _words(
            "Joint Operations Command",
            "Joint Operations Command in Iraq",
            "commandement des opérations conjointes",
            "Commandement des opérations conjointes",
            "commandement conjoint des opérations",
        ),
    ),
    ActorEntry(
        "Iraqi prime minister",
        "iraqi_forces",
        "actor",
        _words(
            "Prime Minister Haider al-Abadi",
            "Haider al-Abadi",
            "Haider al-Abbadi",
            "Premier ministre Haider al-Abadi",
            "Premier ministre Haider al-Abbadi",
            "al-Abadi",
            "al-Abbadi",
            "prime minister's office",
            "Prime Minister",
            "prime minister",
            "Premier ministre",
            "chef du gouvernement irakien",
        ),
    ),
    # --- Syrian government and allies --------------------------------------------------------
    ActorEntry(
        "Syrian Democratic Forces",
        "sdf",
        "actor",
        _words(
            "Syrian Democratic Forces",
            "US-backed Syrian Democratic Forces",
            "Forces démocratiques syriennes",
            "alliance arabo-kurde",
            "Arab-Kurdish alliance",
            "People's Protection Units",
            "Unités de protection du peuple",
        )
        + r"|\b(?:SDF|FDS|YPG)\b"
        # in Syria, the fighters Washington backs are the SDF's ("U.S.-backed Syrian fighters")
        + r"|(?:U\.?S\.?|American|Washington)[-\s]backed\s+(?:Syrian\s+|Kurdish-led\s+|Arab\s+)?"
        r"(?:fighters|forces|militias?|troops|alliance)"
        r"|(?:combattants|forces|milices)\s+(?:syriens\s+|syriennes\s+|kurdes\s+)?"
        r"soutenu(?:e)?s\s+par\s+(?:Washington|les\s+États-Unis)",
    ),
    ActorEntry(
        "Syrian Democratic Forces",
        "sdf",
        "anaphor",
        _words(
            "the alliance",
            "l'alliance",
            "cette alliance",
            "the Kurdish-led alliance",
            "the US-backed alliance",
            "the US-led alliance",
            "the Kurdish-Arab alliance",
            "l'alliance kurdo-arabe",
            "l'alliance soutenue par Washington",
            "the same alliance",
            "la même alliance",
        ),
    ),
    ActorEntry(
        "Syrian government forces",
        "syrian_government",
        "actor",
        # (not "Syrian Kurdish fighters", "Syrian rebel forces", « combattants kurdes syriens »)
        rf"Syrian\s+(?!Democratic|Kurdish|Kurd|rebels?\b|opposition|Arab\s+(?:allies|fighters))"
        rf"(?:[a-z-]+\s+)?{_EN_UNITS}"
        rf"|{_FR_UNITS}\s+(?!démocratiques|kurdes|rebelles|arabes)(?:[a-zé]+\s+)?"
        r"(?:syrien(?:ne)?s?|du\s+régime(?:\s+syrien)?|prorégime)"
        r"|(?:l'|the\s+)?(?:aviation|armée|gouvernement)\s+syrien(?:ne)?"
        r"|régime\s+(?:syrien|de\s+Damas|de\s+Bachar\s+al-Assad)|le\s+régime|the\s+regime"
        # « aux mains du régime », « l'armée du régime »
        r"|(?<=\bdu\s)régime|(?<=\bau\s)régime"
        # (the regime is Syria's; a "pro-government" force is of the country it fights in)
        r"|Syrian\s+regime|pro-?(?:regime|Assad)\s+(?:forces|fighters|militias|militiamen|gunmen|troops)"
        r"|(?:forces|troupes|milices|miliciens|combattants|hommes|unités)\s+pro-?(?:régime|Assad)"
        r"|loyalists|loyalistes"
        r"|Tiger\s+Forces|Forces\s+du\s+Tigre|Syrian\s+Arab\s+Army"
        # the army's own units and the militias raised beside it
        r"|(?:the\s+)?Republican\s+Guard|Garde\s+républicaine|(?:Fourth|4th)\s+(?:Armou?red\s+)?Division"
        r"|National\s+Defen[cs]e\s+Forces|Forces\s+de\s+défense\s+nationale|\bNDF\b"
        r"|Desert\s+Hawks|Faucons\s+du\s+désert|Liwa\s+al-Quds|brigade\s+al-Qods",
    ),
    ActorEntry(
        "Russian forces",
        "syrian_government",
        "actor",
        rf"Russian\s+(?:[a-z-]+\s+)?{_EN_UNITS}|Russia's\s+(?:military|army|air\s+force)"
        rf"|Russian-backed\s+forces|Moscow's\s+allies"
        rf"|{_FR_UNITS}\s+(?:[a-zé]+\s+)?russes?|ministère\s+russe\s+de\s+la\s+Défense"
        r"|aviation\s+russe",
    ),
    ActorEntry(
        "Hezbollah",
        "syrian_government",
        "actor",
        _words("Hezbollah", "Hizbollah", "Hezbollah libanais"),
    ),
    # Shiite and Iranian-backed militias fight beside the government of the country they are
    # in: the Hashd in Iraq, Damascus's allies in Syria.
    ActorEntry(
        "Shiite militias",
        None,
        "generic",
        _words("milices chiites", "Shiite militias", "Shiite militia fighters", "Shia militias")
        + r"|Iranian-backed\s+militias|milices\s+pro-iraniennes",
    ),
    # --- US-led coalition ---------------------------------------------------------------------
    ActorEntry(
        "US-led coalition",
        "us_coalition",
        "actor",
        _words(
            "US-led coalition",
            "U.S.-led coalition",
            "US-led coalition aircraft",
            "coalition aircraft",
            "coalition jets",
            "coalition warplanes",
            "international coalition",
            "coalition internationale",
            "coalition internationale antijihadiste",
            "coalition menée par les Américains",
            "coalition menée par les États-Unis",
            "coalition antijihadiste",
            "the coalition",
            "la coalition",
            "Coalition",
            "coalition",
            "US forces",
            "U.S. forces",
            "American forces",
            "forces américaines",
        )
        # "US troops", « les soldats américains », "American warplanes"
        + rf"|(?:US|U\.S\.|American)\s+(?:[a-z-]+\s+)?{_EN_UNITS}"
        + rf"|{_FR_UNITS}\s+(?:[a-zé]+\s+)?américain(?:e)?s",
    ),
    # --- Kurds of Iraq ------------------------------------------------------------------------
    ActorEntry(
        "Peshmerga",
        "peshmerga",
        "actor",
        _words(
            "Kurdish peshmerga",
            "Kurdish peshmerga fighters",
            "peshmerga",
            "peshmergas",
            "peshmergas kurdes",
            "Peshmerga",
        ),
    ),
    # Kurdish forces are the peshmerga in Iraq and the SDF's Kurdish units in Syria: the side
    # ("kurdish") is settled by the country of the sentence, like the army's.
    ActorEntry(
        "Kurdish forces",
        KURDISH,
        "actor",
        _words(
            "forces kurdes",
            "Kurdish forces",
            "Kurdish-led forces",
            "US-backed Kurdish-led forces",
            "Kurdish fighters",
            "Kurdish militia",
            "Kurdish militias",
            "milice kurde",
            "milices kurdes",
            "combattants kurdes",
            "milices kurdes",
            "forces à dominante kurde",
            # "The Kurds had held Kirkuk since 2014": in war copy, the Kurdish forces
            "the Kurds",
            "les Kurdes",
            "aux Kurdes",
            "Kurdish troops",
            "Kurdish security forces",
            "troupes kurdes",
            "unités kurdes",
            "Kurdish units",
            "Kurdish-led units",
            "Kurdish-led fighters",
            "Kurdish-led troops",
            "Kurdish-led militia",
            "Kurdish-led alliance",
            "U.S.-backed Kurdish-led forces",
            "U.S.-backed Kurdish fighters",
            "US-backed Kurdish fighters",
            "combattants kurdes syriens",
            "Syrian Kurdish fighters",
            "Syrian Kurdish forces",
        ),
    ),
    # --- Syrian opposition ---------------------------------------------------------------------
    ActorEntry(
        "Syrian rebels",
        "syrian_opposition",
        "actor",
        _words(
            "Free Syrian Army",
            # (not "Syrian Army units" inside "Free Syrian Army units")
            "Free Syrian Army units",
            "Free Syrian Army fighters",
            "Free Syrian Army brigades",
            "Free Syrian Army brigade",
            "Armée syrienne libre",
            "rebels",
            "rebelles",
            "Syrian rebels",
            "rebelles syriens",
            "opposition fighters",
            "armed opposition",
            "the armed opposition",
            "Syrian opposition forces",
            "opposition forces",
            "opposition armée",
            "l'opposition armée",
            "forces de l'opposition",
            "combattants de l'opposition",
            "rebel fighters",
            "rebel groups",
            "rebel and jihadist groups",
            "rebel and Islamist groups",
            "rebel factions",
            "rebel brigades",
            "rebel battalions",
            "rebel units",
            "brigades rebelles",
            "factions rebelles",
            "groupes rebelles",
            "rebel forces",
            "rebel alliance",
            "rebel coalition",
            "alliance rebelle",
            "coalition rebelle",
            "Islamist rebels",
            "rebelles islamistes",
            # a rebel who speaks for them: "said a rebel commander", « un commandant rebelle »
            "rebel commander",
            "rebel commanders",
            "rebel spokesman",
            "rebel official",
            "rebel officials",
            "rebel leader",
            "rebel source",
            "commandant rebelle",
            "commandants rebelles",
            "chef rebelle",
            "porte-parole rebelle",
            "responsable rebelle",
            "responsables rebelles",
            "source rebelle",
            # the alliances and factions of the Syrian insurgency (2012-2019)
            "Fatah Halab",
            "Fateh Halab",
            "Ahrar al-Sham",
            "Ahrar al-Cham",
            "Jaish al-Islam",
            "Jaich al-Islam",
            "Faylaq al-Rahman",
            "National Liberation Front",
            "Front national de libération",
            "Syrian National Army",
            "Armée nationale syrienne",
            "Liwa al-Tawhid",
            "Tawhid Brigade",
            "al-Tawhid Brigade",
            "brigade al-Tawhid",
            "Northern Storm",
            "Tempête du Nord",
            "Sultan Murad",
            "Sultan Mourad",
            "Hamza Division",
            "division Hamza",
            "Levant Front",
            "Front du Levant",
            "Jabhat al-Shamiya",
            "Faylaq al-Sham",
            "Failaq al-Sham",
            "Nour al-Din al-Zenki",
            "Nour al-Din al-Zinki",
            "Nureddin al-Zinki",
            "Noureddine al-Zinki",
            "Noureddine al-Zenki",
            "Jaish al-Izza",
            "Jaysh al-Izza",
            "Jaish al-Nasr",
            "Jaysh al-Nasr",
            "Jaysh al-Islam",
            "Jaych al-Islam",
            "Army of Islam",
            "Armée de l'islam",
            "Southern Front",
            "Front du Sud",
            "Islamic Front",
            "Front islamique",
            "Farouq Brigades",
            "Farouk Brigades",
            "brigades al-Farouk",
            "Suqour al-Sham",
            "Maghawir al-Thawra",
            "Jaish Maghawir al-Thawra",
            "Revolutionary Commando Army",
            "New Syrian Army",
            "Nouvelle armée syrienne",
            # Turkey's army fought alongside the rebels it backs (Euphrates Shield, Olive
            # Branch): coded with them, as the gold conventions do
            "Turkish-backed rebels",
            "Turkish-backed fighters",
            "Turkish-backed forces",
            "Turkey-backed rebels",
            "Turkey-backed fighters",
            "pro-Turkish rebels",
            "pro-Turkish fighters",
            "Turkish-backed factions",
            "Turkish-backed groups",
            "Turkish-backed militias",
            "Turkish-led forces",
            "Turkish-led fighters",
            "Turkish-led rebels",
            "Turkish-led troops",
            "forces menées par la Turquie",
            "forces emmenées par la Turquie",
            "Turkey-backed factions",
            "Turkey-backed forces",
            "pro-Turkish factions",
            "factions proturques",
            "factions pro-turques",
            "factions soutenues par Ankara",
            "factions soutenues par la Turquie",
            "rebelles proturcs",
            "rebelles pro-turcs",
            "rebelles soutenus par Ankara",
            "rebelles soutenus par la Turquie",
            "supplétifs syriens",
            "Turkish troops",
            "Turkish forces",
            "Turkish army",
            "Turkish military",
            "Turkish soldiers",
            "Turkish tanks",
            "Turkish jets",
            "Turkish warplanes",
            "Turkish artillery",
            "Turkish drones",
            "artillerie turque",
            "drones turcs",
            "armée turque",
            "forces turques",
            "troupes turques",
            "soldats turcs",
            "chars turcs",
            "aviation turque",
        )
        + r"|\b(?:FSA|ASL)\b",
    ),
    # The jihadist wing of the insurgency, al-Qaeda's Syrian branch and the alliances it led:
    # rebels to the coders, and "the jihadists" of a story that never names the Islamic State
    ActorEntry(
        JIHADIST_REBELS,
        "syrian_opposition",
        "actor",
        _words(
            "Army of Conquest",
            "Armée de la conquête",
            "Jaish al-Fatah",
            "Jaysh al-Fatah",
            "Jaich al-Fateh",
            "Jaich al-Fatah",
            "Nusra Front",
            "al-Nusra Front",
            "Jabhat al-Nusra",
            "Front al-Nosra",
            "Front al-Nusra",
            "Jabhat Fateh al-Sham",
            "Fateh al-Sham",
            "Hayat Tahrir al-Sham",
            "Hayat Tahrir al-Cham",
            "Hayat Tahrir al-Chams",
            "Jund al-Aqsa",
            "Turkistan Islamic Party",
            "Parti islamique du Turkestan",
            "Hurras al-Din",
            "Horas al-Din",
        )
        + r"|\b(?:HTS|HTC)\b"
        # "Nusra, Ahrar al-Sham and local brigades", "Nusra-aligned fighters"
        + r"|\b(?:al-)?(?:Nusra|Nosra)\b",
    ),
    # --- Government forces whose country comes from context -------------------------------
    ActorEntry(
        "government forces",
        None,
        "generic",
        _words(
            "government forces",
            "government troops",
            "pro-government forces",
            "pro-government fighters",
            "pro-government militias",
            "pro-government militiamen",
            "pro-government gunmen",
            "pro-government troops",
            "forces progouvernementales",
            "milices progouvernementales",
            "miliciens progouvernementaux",
            "combattants progouvernementaux",
            "the government",
            "the army",
            "army units",
            "army officer",
            "army colonel",
            "an officer",
            "a senior officer",
            "un officier",
            "un officier supérieur",
            "army commander",
            "army general",
            "army spokesman",
            "military source",
            "military commander",
            "security source",
            "the military",
            "the troops",
            "troops",
            "the command",
            "the army's general command",
            "army general command",
            "general command",
            "military spokesman",
            "military officials",
            "forces gouvernementales",
            "troupes gouvernementales",
            "le gouvernement",
            "gouvernement",
            # « toujours contrôlée par le pouvoir »: the state, in French copy
            "le pouvoir",
            "du pouvoir",
            "l'armée",
            "unités de l'armée",
            "les troupes",
            "troupes",
            "le commandement",
            "commandement de l'armée",
            "porte-parole militaire",
            "responsables militaires",
            "autorités militaires",
            "source militaire",
            "forces armées",
            "armée",
            "security forces",
            "the security forces",
            "forces de sécurité",
            "les forces de sécurité",
            "soldiers",
            "soldats",
            "elite units",
            "elite forces",
            "unités d'élite",
            "forces d'élite",
            "militaires",
            "des militaires",
            "policiers",
            "police units",
            "unités de police",
        ),
    ),
    # --- Reporters of events: attribution, never actors ---------------------------------------
    ActorEntry(
        "Syrian Observatory for Human Rights",
        None,
        "source",
        _words(
            "Syrian Observatory for Human Rights",
            "Observatoire syrien des droits de l'homme",
            "Observatoire syrien des droits de l’homme",
            "the Observatory",
            "l'Observatoire",
            "Observatory",
            "war monitor",
            "the monitor",
            "monitoring group",
            "l'ONG",
        )
        + r"|\b(?:OSDH|SOHR)\b",
    ),
    ActorEntry(
        "news agency",
        None,
        "source",
        _words(
            "state media",
            "state television",
            "télévision d'État",
            "médias d'État",
            "agence officielle Sana",
            "Sana",
            "SANA",
            "Amaq",
            "agence Amaq",
            "Reuters",
            "Associated Press",
            "witnesses",
            "témoins",
            "analysts",
            "analystes",
            "aid agencies",
        )
        + r"|\bAFP\b|\bAP\b",
    ),
    ActorEntry(
        "civilians",
        None,
        "civilian",
        _words(
            "civilians",
            "civils",
            "residents",
            "habitants",
            "displaced",
            "déplacés",
            "families",
            "familles",
            "réfugiés",
            "refugees",
            "people",
            "personnes",
        ),
    ),
)


# "Islamic State-held Abu Kamal", "ISIS-controlled": the holder joined to its participle
_END = r"(?!\w)(?!-(?!(?:held|controlled|occupied)\b))"


def _compile(entry: ActorEntry) -> re.Pattern[str]:
    flags = 0 if entry.case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w-])(?:{entry.pattern}){_END}", flags)


_COMPILED: tuple[tuple[ActorEntry, re.Pattern[str]], ...] = tuple(
    (entry, _compile(entry)) for entry in LEXICON
)


def first_letters(pattern: str) -> frozenset[str] | None:
    """Lower-cased characters a match of ``pattern`` can start with; None when any can.

    Conservative: anything this small reader does not follow (classes, ``\\s``, ``.``) gives
    None, so gating the lexicon on it never loses a hit.
    """
    letters: set[str] = set()
    for branch in top_branches(pattern):
        found = _branch_letters(branch)
        if found is None:
            return None
        letters |= found
    return frozenset(letters)


def _branch_letters(branch: str) -> set[str] | None:
    letters: set[str] = set()
    i = 0
    while i < len(branch):
        if branch.startswith(r"\b", i):
            i += 2
            continue
        if branch.startswith(("(?!", "(?<!", "(?=", "(?<="), i):
            i = closing(branch, i) + 1
            continue
        if branch[i] == "(":
            end = closing(branch, i)
            inner = first_letters(branch[i + 3 if branch.startswith("(?:", i) else i + 1 : end])
            if inner is None:
                return None
            letters |= inner
            if branch[end + 1 : end + 2] in ("?", "*"):
                i = end + 2  # an optional group: what follows may start the match too
                continue
            return letters
        if branch[i] == "\\":
            if branch[i + 1 : i + 2].isalnum():
                return None  # \s, \w, \d...
            char, after = branch[i + 1 : i + 2], i + 2
        elif branch[i] in "[.^$":
            return None
        else:
            char, after = branch[i], i + 1
        letters.add(char.lower())
        if branch[after : after + 1] in ("?", "*"):
            i = after + 1
            continue
        return letters
    return None  # a branch that can match the empty string


def _gate(indexes: tuple[int, ...]) -> re.Pattern[str]:
    """A test ruling out the given entries at once: most words start no alias. The entries'
    first atoms merged into a tree fail fastest; else one alternation of the entries."""
    entries = [LEXICON[i] for i in indexes]
    quick = prefix_gate((entry.pattern, entry.case_sensitive) for entry in entries)
    if quick is not None:
        return quick
    return re.compile(
        "|".join(
            f"(?-i:{entry.pattern})" if entry.case_sensitive else f"(?:{entry.pattern})"
            for entry in (LEXICON[i] for i in indexes)
        ),
        re.IGNORECASE,
    )


def index_by_first_letter(
    patterns: Sequence[str],
) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """For each first letter, the indexes of the patterns a word starting with it may match
    (those that can start with anything included); and those that can start with anything."""
    anywhere: list[int] = []
    table: dict[str, list[int]] = {}
    for index, pattern in enumerate(patterns):
        letters = first_letters(pattern)
        if letters is None:
            anywhere.append(index)
            continue
        for letter in letters:
            table.setdefault(letter, []).append(index)
    return {k: tuple(sorted(v + anywhere)) for k, v in table.items()}, tuple(anywhere)


# A word start is the only place an alias can begin (every entry opens with ``(?<![\w-])``);
# its first letter picks the few entries worth trying, so the article is scanned once
# instead of once per entry.
_ENTRIES_BY_LETTER, _ENTRIES_ANYWHERE = index_by_first_letter([e.pattern for e in LEXICON])
_WORD_START = (
    r"(?<![\w-])\w"
    if _ENTRIES_ANYWHERE
    else r"(?<![\w-])[" + re.escape("".join(sorted(_ENTRIES_BY_LETTER))) + "]"
)
# Most word starts begin no alias: the first atoms of all entries, behind the word-start test,
# make one scan that the regular-expression engine runs past them, instead of a Python step
# and a test per word. Each entry's own first atoms then rule it out before its full pattern.
_ALIAS_START = re.compile(
    rf"(?={_WORD_START})(?:{_gate(tuple(range(len(LEXICON)))).pattern})", re.IGNORECASE
)
_ENTRY_GATES: tuple[re.Pattern[str] | None, ...] = tuple(
    prefix_gate([(entry.pattern, entry.case_sensitive)]) for entry in LEXICON
)


def alias_matches(text: str) -> list[ActorHit]:
    """Every match of every lexicon entry in ``text``, overlaps kept, by offset then entry."""
    raw: list[ActorHit] = []
    at = 0
    while (start := _ALIAS_START.search(text, at)) is not None:
        at = start.start()
        for index in _ENTRIES_BY_LETTER.get(text[at].lower(), _ENTRIES_ANYWHERE):
            entry, pattern = _COMPILED[index]
            gate = _ENTRY_GATES[index]
            if gate is not None and gate.match(text, at) is None:
                continue
            match = pattern.match(text, at)
            if match is not None:
                raw.append(
                    ActorHit(at, match.end(), match.group(0), entry.actor, entry.side, entry.kind)
                )
        at += 1
    return raw


def find_actor_hits(text: str) -> list[ActorHit]:
    """Every lexicon hit in ``text``, overlaps resolved for the longest span, by offset."""
    raw = alias_matches(text)
    raw.sort(key=lambda h: (-(h.end - h.start), h.start))
    kept = keep_non_overlapping(raw, lambda h: (h.start, h.end))
    # "fighters in Iraqi army uniforms", « en uniforme de l'armée »: dress, not a side
    kept = [
        h
        for h in kept
        if not _DRESS_AFTER.match(text, h.end)
        and not _DRESS_BEFORE.search(text, max(0, h.start - 25), h.start)
    ]
    return _heads_joined(text, kept)


_DRESS_AFTER = re.compile(r"\s+(?:uniforms?|fatigues|clothing)\b", re.IGNORECASE)
_DRESS_BEFORE = re.compile(
    r"\b(?:uniformes?|tenues?|treillis)\s+(?:de\s+|d['’])?(?:l['’]|la\s+|le\s+|les\s+)?\Z",
    re.IGNORECASE,
)


_HEAD_NOUN = re.compile(r"(?:the\s+)?(?:coalition|alliance|front)", re.IGNORECASE)
_HEAD_OF = re.compile(r"\s+(?:of|de|des|d['’])\s*(?:(?-i:[A-Z])[\w-]*\s+)?", re.IGNORECASE)


def _heads_joined(text: str, hits: list[ActorHit]) -> list[ActorHit]:
    """ "The Army of Conquest coalition": a bare "coalition" right after a named group is
    that group's head noun, not the US-led coalition; « une coalition de factions
    rebelles », "an alliance of rebel groups": the head of the groups named after it."""
    out: list[ActorHit] = []
    for hit in hits:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.side != hit.side
            and _HEAD_NOUN.fullmatch(previous.text)
            and _HEAD_OF.fullmatch(text, previous.end, hit.start)
        ):
            out[-1] = ActorHit(
                previous.start, hit.end, text[previous.start : hit.end], hit.actor, hit.side,
                hit.kind,
            )  # fmt: skip
            continue
        if (
            previous is not None
            and previous.side
            and previous.side != hit.side
            and _HEAD_NOUN.fullmatch(hit.text)
            and text[previous.end : hit.start].strip() == ""
        ):
            out[-1] = ActorHit(
                previous.start,
                hit.end,
                text[previous.start : hit.end],
                previous.actor,
                previous.side,
                previous.kind,
            )
            continue
        out.append(hit)
    return out


def jihadists_of_the_story(hits: Sequence[ActorHit]) -> list[ActorHit]:
    """ "The jihadists" of a story that names al-Qaeda's Syrian branch (Nusra, Hayat Tahrir
    al-Sham) and never the Islamic State group are that branch's fighters."""
    named_is = any(h.side == "isis" and not _JIHADIST_WORD.match(h.text) for h in hits)
    rebels = any(h.actor == JIHADIST_REBELS for h in hits)
    if named_is or not rebels:
        return list(hits)
    return [
        ActorHit(h.start, h.end, h.text, JIHADIST_REBELS, "syrian_opposition", h.kind)
        if h.side == "isis" and _JIHADIST_WORD.match(h.text)
        else h
        for h in hits
    ]


def insurgents_of_the_story(hits: Sequence[ActorHit]) -> list[ActorHit]:
    """ "The insurgents" are the side the story names among the Islamic State group and the
    Syrian rebels: the one it names, or, when it names both, the one it named last before
    them ("the rebels ... the insurgents still hold Nawa"); else nobody known."""
    out: list[ActorHit] = []
    last: str | None = None
    for h in hits:
        if h.actor == INSURGENTS:
            out.append(
                ActorHit(h.start, h.end, h.text, h.actor, last, "actor" if last else "anaphor")
            )
            continue
        if h.side in ("isis", "syrian_opposition") and h.kind == "actor":
            last = h.side
        out.append(h)
    named = {h.side for h in hits if h.side in ("isis", "syrian_opposition") and h.kind == "actor"}
    if len(named) == 1:
        # (named only after them: "The insurgents ... Islamic State said")
        side = next(iter(named))
        out = [
            ActorHit(h.start, h.end, h.text, h.actor, side, "actor") if h.actor == INSURGENTS else h
            for h in out
        ]
    return out


_ALLIANCE_WORD = re.compile(r"\b(?:alliance|coalition)\b", re.IGNORECASE)
# "the coalition", « l'alliance », "the same alliance": the one the story last named
_BARE_ALLIANCE = re.compile(
    r"(?:the|la|l['’]|cette)\s*(?:same\s+|même\s+)?(?:coalition|alliance)", re.IGNORECASE
)


def alliances_of_the_story(hits: Sequence[ActorHit]) -> list[ActorHit]:
    """ "The alliance", "the coalition" are the ones the story last named ("a rebel alliance
    led by the Nusra Front ... four weeks after the same alliance seized Idlib"); else the
    SDF and the US-led coalition."""
    out: list[ActorHit] = []
    last_alliance: ActorHit | None = None
    for h in hits:
        if _BARE_ALLIANCE.fullmatch(h.text):
            if last_alliance is not None and last_alliance.side != h.side:
                named = last_alliance
                h = ActorHit(h.start, h.end, h.text, named.actor, named.side, "actor")
        elif h.kind == "actor" and h.side and _ALLIANCE_WORD.search(h.text):
            last_alliance = h
        out.append(h)
    return out


# "Islamic State and allied tribal fighters", « les combattants kurdes et leurs alliés
# rebelles »: the second group fights on the first one's side
_ALLIED_AFTER = re.compile(
    r"\s*(?:fighters\s+|combattants\s+)?(?:,\s*|\s+(?:and|et)\s+)(?:its\s+|their\s+|ses\s+|leurs\s+)?"
    r"(?:allied|alliés|alliées|allies|alliés)\s+(?:(?:local|Sunni|sunnites?|locaux|arabes?|Arab)\s+)?\Z",
    re.IGNORECASE,
)


def allies_of_the_story(text: str, hits: Sequence[ActorHit]) -> list[ActorHit]:
    """A group named as another's allies takes that one's side, whatever its own name says
    (tribal fighters were mostly the Iraqi government's, but not those allied to the group)."""
    out: list[ActorHit] = []
    for hit in hits:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.side
            and previous.side != hit.side
            and hit.start - previous.end <= 40
            and _ALLIED_AFTER.fullmatch(text, previous.end, hit.start)
        ):
            hit = ActorHit(hit.start, hit.end, hit.text, previous.actor, previous.side, hit.kind)
        out.append(hit)
    return out


def resolve_anaphora(hits: Iterable[ActorHit]) -> list[ActorHit]:
    """Drop anaphors ("the group", "the alliance") that come before the article names the
    side they stand for (the Islamic State, the SDF)."""
    resolved: list[ActorHit] = []
    named: set[str | None] = set()
    for hit in hits:
        if hit.kind == "anaphor":
            if hit.side not in named:
                continue
        else:
            named.add(hit.side)
        resolved.append(hit)
    return resolved
