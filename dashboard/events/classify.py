"""Event triggers and the cues around them, in French and English.

A trigger is a word or phrase that reports an event of one of ``model.EVENT_TYPES`` (or a
state of control, ``frame="hold"``, which gives claims but no event). Each trigger carries a
*frame* that tells the claim rules who gains and who loses ground:

``take``      agent takes the object place ("retook Z", "ont repris Z", "s'emparer de Z");
``take_pass`` the place before was taken ("Z was retaken", "Z, reprise fin août", "Z fell");
``take_noun`` a nominal capture ("the recapture of Z", "la chute de Z", "la reprise de Z");
``expel``     agent drives a patient out of a place ("drove X out of Z", "chasser X de Z");
``expelled``  the subject was driven out ("X a été chassé de Z", "X was pushed out of Z");
``lose``      the subject lost a place ("X lost Z", "X a perdu Z");
``enter``     forces entered or reached a place still fought over ("entered Z", "les abords");
``leave``     the subject withdrew from a place ("fled", "se sont retirés", "a déserté");
``hold``      the subject holds a place ("still holds Z", "tient encore Z", "last stronghold");
``event``     no change of control (clashes, strikes, offensives, statements).

Patterns are compiled once at import. Voice, negation, hedging and intent are read from a
short window before the trigger (see :func:`cues_before`), which is what wire copy needs:
"n'ont pas encore repris", "had not yet launched", "prepare to retake", "aurait repris".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.dates.lexicon import MONTHS_ABBREVIATED, MONTHS_FULL, WEEKDAYS, alternation
from dashboard.events.actors import index_by_first_letter, prefix_gate
from dashboard.text.spans import keep_non_overlapping

_I = re.IGNORECASE


@dataclass(frozen=True)
class TriggerSpec:
    """One trigger family: event type (None for a pure state), frame, strength, pattern."""

    type: str | None
    frame: str
    strength: float
    pattern: str
    lang: str


def _spec(type_: str | None, frame: str, strength: float, lang: str, *alts: str) -> TriggerSpec:
    return TriggerSpec(type_, frame, strength, "|".join(alts), lang)


# English months (a time after "fell"), and a capitalised word that can name a place: not a
# weekday or a month ("recovered Monday").
_MONTH = rf"(?:{alternation([*MONTHS_FULL['en'], *MONTHS_ABBREVIATED['en']])})\.?"
# (a name may open on a lower-case Arabic article: "al-Qaim", "ad-Dawr")
_NAME = (
    rf"(?!(?:{alternation([*WEEKDAYS['en'], *MONTHS_FULL['en']])})\b)"
    r"(?-i:[A-Z]|[ae][lrdnstz]h?[-‐‑][A-Z])"
)
# French participles and finite forms; voice is decided from the auxiliary before them.
# « à plusieurs reprises », « à deux reprises »: "several times", no recapture
_REPEATEDLY = "".join(
    rf"(?<!{w}\s)"
    for w in [
        "plusieurs",
        "maintes",
        "nombreuses",
        "diverses",
        "quelques",
        "multiples",
        "deux",
        "trois",
    ]
)
# « ont pris vendredi al-Chaddadi »: a day may stand between the verb and its object
_FR_DAY = (
    rf"(?:{alternation([*WEEKDAYS['fr'], 'hier', 'avant-hier'])})"
    r"(?:\s+(?:matin|soir|après-midi|midi))?"
    # « ont pris en début de semaine le village », « dans la nuit », « ce week-end »
    r"|(?:en\s+(?:début|fin)\s+de\s+(?:semaine|journée|matinée|soirée)|dans\s+la\s+(?:nuit"
    r"|matinée|journée|soirée)|ce\s+week-end|ce\s+matin|en\s+milieu\s+de\s+(?:semaine|journée))"
)
# « ont pris en mars Bosra »: a month may stand there too
_FR_MONTH = rf"(?:{alternation(MONTHS_FULL['fr'])})"
# what a capture takes, as a noun phrase: « la ville de », « l'aéroport », « le contrôle »
_FR_PLACE_NOUN = (
    r"(?:la|le|les|l'|l’|cette|cet|ces)\s?(?:\w+\s+)?(?:villes?|localités?|villages?|bourgs?|quartiers?"
    r"|aéroport|base|champ|poste|centre|contrôle|totalité|majeure\s+partie)\b"
)
_FR_TAKE = (
    rf"(?:re)?pris(?:es?)?\s+(?:\w+\s+)?le\s+contrôle|{_REPEATEDLY}repris(?:es?)?"
    r"|reprend(?:re|s|ra|ront|rait)?|reprennent|reprenai(?:t|ent)|reconquis(?:es?)?|reconquérir"
    r"|libéré(?:es?|s)?|libérer|libèrent|libère|conquis(?:es?)?|(?:ré)?investi(?:es?|s)?"
    r"|tombée?s?(?!\s+sur\b)"  # shells « tombés sur » a town take nothing
    r"|empar(?:é|ée|és|ées|er|ent|ant|ait|aient|e|a|èrent|era|eront)|reprenant|pris(?:es?)?\s+(?:\w+\s+)?le\s+contrôle"
    # « qu'il avait lui-même enlevé aux forces gouvernementales »: taken from them (not
    # « enlevés par l'EI », people abducted)
    r"|enlev(?:é|ée|és|ées|er|ait|aient)(?=\s+(?:[\w-]+\s+){0,2}?(?:à|aux|au)\s)"
    # « Tabqa, qu'elles ont prise en mai »: the object is the relative's antecedent
    r"|(?<=qu['’]ils\s)(?:ont|avaient)\s+(?:re)?prise?s?\b|(?<=qu['’]il\s)(?:a|avait)\s+(?:re)?prise?s?\b"
    r"|(?<=qu['’]elles\s)(?:ont|avaient)\s+(?:re)?prises?\b"
    r"|(?<=qu['’]elle\s)(?:a|avait)\s+(?:re)?prises?\b"
    # « Tabqa, prise par les FDS en mai, »: a participle in apposition, its agent after « par »
    r"|(?<=,\s)pris(?:es?)?(?=\s+(?:[^,;.«»]{1,30}?\s)?par\s)"
    # « l'avait arrachée à l'EI », « ont arraché Hajine aux jihadistes »: wrested from
    r"|arrach(?:é|ée|és|ées|er|ent|ait|aient)(?=\s+(?:[^,;.]{1,40}\s)?(?:à|aux|au)\s)"
    r"|(?:pris|prendre|prennent|prend)\s+(?:le\s+)?contrôle|pris\s+plusieurs|pris(?=\s+(?:la|le|l'|les)\s)"
    # (not « ont pris la route de Kirkouk », « pris la fuite », « avons pris les enfants »)
    r"(?!\s+(?:la|le|les|l['’])\s*(?:route|fuite|direction|chemin|tête|parole|décision"
    r"|enfants|armes|relais|relève|pas|soin|temps|risque|otages?|habitants|familles|civils"
    r"|mesures?|précautions?|initiative|dessus|commandement)\b)"
    # « ont pris deux quartiers de Hit », « pris des villages »: a counted part of a place
    r"|pris(?=\s+(?:deux|trois|quatre|cinq|six|quelques|des|un|une)\s+(?:\w+\s+)?"
    r"(?:(?:de|d')\s*)?(?:quartiers?|villages?|localités?|positions?|secteurs?|collines?|hameaux)\b)"
    # « a permis aux jihadistes de prendre le bourg de Fafine »: a place noun after the verb
    rf"|(?:prendre|prennent|prend)(?=\s+{_FR_PLACE_NOUN})"
    rf"|(?:pris|prendre|prennent|prend)(?=\s+{_NAME})|pris(?=\s+(?:{_FR_DAY}|(?:en|fin|début|mi-)\s*{_FR_MONTH}|le\s+\d+(?:er)?\s+{_FR_MONTH})\s+(?:{_NAME}|{_FR_PLACE_NOUN}))|sécuris(?:é|ée|és|ées|er|ent)(?=\s+(?:{_NAME}|la\s+ville|le\s+village))"
    r"|rétabli\s+la\s+sécurité|pris(?:\s+[\w-]+){0,3}?\s+la\s+place(?=\s+(?:de|des|du|d'))"
    r"|hiss(?:é|ée|és|er|ent)\s+(?:le\s+|leur\s+|son\s+)?(?:\w+\s+)?drapeau(?:\s+[\w-]+)?"
    r"(?=\s+(?:sur|à|au-dessus))"
    r"|(?:mis|mettre|met|mettent)\s+la\s+main\s+sur|fait\s+tomber"
    # « ont pris possession de Rawa », « se sont rendus maîtres de », « a fait main basse sur »
    r"|pris\s+possession(?=\s+(?:de|du|des|d['’]))|rendue?s?\s+ma[îi]tre(?:sse)?s?(?=\s+(?:de|du|des|d['’]))"
    r"|fait\s+main\s+basse\s+sur"
    # « a proclamé la victoire sur l'EI à Z », « leur victoire à Z »
    # (« a proclamé lundi la victoire à Mossoul »: a day may stand between)
    r"|(?:(?:proclamé|annoncé|déclaré|célébré|fêté)(?:\s+[\w-]+)?\s+la|leur|sa)\s+victoire"
    rf"(?=\s+(?:sur\s+(?:[\w'’-]+\s+){{1,4}}?)?(?:à|dans)\s+(?:la\s+(?:[\w-]+\s+)?"
    rf"(?:ville|localité|région)\b|{_NAME}))"
)
# a place that passes to the side named after the preposition: "Z fell to Y", "Z est tombée
# aux mains de Y"; the place comes before, the gainer after (see ``extract._roles``)
_FR_FALL = (
    # (« était tombée dès le 20 octobre aux mains des forces irakiennes »: a day between)
    r"tomb(?:ée?s?|er)\s+(?:[\w'’-]+\s+){0,5}?(?:aux\s+mains|entre\s+les\s+mains|sous\s+(?:le\s+)?contrôle)"
    r"\s+(?:de|du|des|d')"
    # « les jihadistes de Rawa se sont rendus aux forces irakiennes »: the town goes with them
    r"|(?:se\s+sont|s'est|se\s+seraient|s'était|s'étaient)\s+rendue?s?\s+(?:aux|au|à)(?=\s)"
    r"|(?:re)?passée?s?\s+(?:\w+\s+)?sous\s+(?:le\s+)?contrôle\s+(?:de|du|des|d'|gouvernemental)"
    r"|(?:re)?passée?s?\s+(?:\w+\s+)?sous\s+(?:leur|son)\s+contrôle"
    # « est passée mardi aux mains des rebelles »
    r"|(?:re)?passée?s?\s+(?:[\w'’-]+\s+){0,3}?(?:aux\s+mains|entre\s+les\s+mains)"
    r"\s+(?:de|du|des|d')"
    # « Al-Waer est désormais libre de toute présence armée »: free of its holders
    r"|(?<=[\s«\"“])(?:(?:entièrement|totalement|complètement)\s+)?(?:libres?|débarrassée?s?|vidée?s?)"
    r"(?=\s+(?:de|d['’])\s*(?:toute\s+présence|tout\s+(?:combattant|jihadiste|terroriste|rebelle)"
    r"|(?:l['’]\s*|des\s+|ses\s+)?(?:jihadistes|terroristes|combattants|rebelles|insurgés|EI\b"
    r"|État\s+islamique))"
    # « désormais libre du terrorisme »
    r"|\s+du\s+terrorisme\b)"
    # « Makhmour et Gwer, perdues quelques jours plus tôt face aux jihadistes »: lost to them
    r"|(?:(?<=,\s)|(?<=\bété\s)|(?<=\best\s)|(?<=\bsont\s))perdue?s?\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:face\s+(?:à|aux|au)|au\s+profit\s+(?:de|du|des|d'))(?=\s|(?<=')\w)"
)
_EN_FALL = (
    r"f(?:ell|alls?|allen|alling)\s+(?:back\s+)?(?:to|into\s+the\s+hands\s+of)"
    # "Rawa fell on Friday", "the town fell within hours": a time follows, not a target
    rf"|fell(?=\s+(?:on\s+(?:\w+day|{_MONTH}\s+\d+)|in\s+(?:{_MONTH}|\d{{4}}|the\s+"
    r"(?:morning|afternoon|evening|night))|within|after|late|early|last|this|yesterday"
    r"|overnight|quickly)\b|\s*[,.;])"
    r"|(?:passed|returned)\s+(?:back\s+)?(?:to|under)\s+the\s+control\s+of"
    # "denied that Ain Issa had fallen": a fall told without its captor
    r"|(?:had|has|have)\s+fallen(?=\s*(?:[,.;]|$)|\s+(?:on|in|after|overnight|within)\b)"
    # "Islamic State fighters in Rawa surrendered to Iraqi forces": the town goes with them
    r"|surrender(?:ed|s)\s+to(?=\s)"
    # "the towns of Makhmour and Gwer, lost to Islamic State days earlier": lost to them
    r"|(?:(?<=,\s)|(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbeen\s))lost\s+(?:[\w'’-]+\s+){0,3}?to(?=\s)"
    # "The army declared Mosul free of militants": the place before is free of its holders
    # ("cleared of the group" is an expulsion: see the expelled frame)
    r"|(?<=[\s\"“])(?:(?:fully|completely|entirely)\s+)?(?:free|clear)(?=\s+of\s+(?:the\s+)?"
    r"(?:militants?|jihadists?|extremists?|terrorists?|terrorism|insurgents|fighters"
    r"|Islamic\s+State|IS|ISIS|ISIL|Daesh|the\s+group)\b)"
)
_EN_TAKE = (
    r"re-?captur(?:ed|es?|ing)|re-?t(?:ook|ake[ns]?|aking)|liberat(?:ed|es?|ing)"
    r"|seiz(?:ed|es?|ing)|took\s+(?:full\s+|total\s+|complete\s+)?control"
    # (not the noun: "The capture crowned a push", "the captured town")
    r"|(?<!\bthe\s)(?<!\bits\s)(?<!\bthis\s)(?<!\ba\s)(?<!\btheir\s)(?<!['’]s\s)"
    # (nor "fighters in captured army Humvees", "with captured weapons")
    r"(?<!\bin\s)(?<!\bwith\s)(?<!\busing\s)(?<!\bdriving\s)captur(?:ed|es?|ing)"
    r"|tak(?:en|es?|ing)\s+(?:full\s+|total\s+|complete\s+)?control|gained\s+control"
    # (not "Khanaqin, where the wounded were taken": people carried somewhere)
    r"|(?<!wounded\s)(?<!injured\s)(?<!bodies\s)(?<!prisoners\s)(?<!hostages\s)"
    r"(?<!civilians\s)(?<!casualties\s)(?<!detainees\s)(?<!dead\s)"
    r"(?:has|have|had|been|was|were)\s+(?:(?:also|now|already|just|since|finally|quickly"
    r"|reportedly)\s+)?taken|overran|overrun"
    # "seized large parts of Anbar, taking the town of Hit in October": a capture told as
    # what the first one brought
    rf"|(?<=,\s)(?:taking|overrunning)(?=\s+(?:(?:all|most|much|parts?)\s+of\s+)?"
    rf"(?:the\s+(?:[\w-]+\s+)?(?:town|city|village|base|airport|district)\b|{_NAME}))"
    # "the jihadists swept into Mosul": a sweep takes the town, it does not only enter it
    r"|swept\s+into"
    r"|won\s+back|won\s+(?:it|them)\s+back|(?:regained|recovered|reasserted|restored)\s+(?:full\s+|total\s+|complete\s+)?control"
    r"|regained|reclaim(?:ed|s|ing)|took\s+over|took\s+back|t(?:aken|aking)\s+back"
    # "finished clearing Rawa": a clearing carried to its end takes the place
    r"|(?:finish|complet)(?:ed|es?|ing)\s+(?:the\s+)?clearing(?:\s+of)?(?=\s)"
    r"|wrest(?:ed|s|ing)?"
    r"|declared\s+(?:fully\s+|completely\s+|entirely\s+)?(?:free|clear|cleared)(?=\s+of\b)"
    # "declared victory over the militants in the town", "their victory over IS in the city":
    # the winner holds the place where it won
    r"|(?:declared|proclaimed|claimed|announced|celebrated|their|its)\s+victory"
    # ("in the northern region of Tal Afar": a qualifier may stand before the place noun)
    # ("declared victory on April 14 in Eastern Ghouta": its day may come first)
    rf"(?=\s+(?:over\s+(?:[\w'’-]+\s+){{1,4}}?)?(?:on\s+(?:[\w.]+\s+){{1,3}}?)?"
    rf"(?:in|at)\s+(?:the\s+(?:[\w-]+\s+)?"
    rf"(?:town|city|village|region|district|area)\b|{_NAME}))"
    # verbs of control over a named place or a place noun, not "secured a deal"
    # (not "Free" of "Free Syrian Army units": freed, frees, freeing)
    rf"|(?:(?:secur|recover)(?:ed|es?|ing)|fre(?:ed|es|eing))(?=\s+(?:{_NAME}|the\s+(?:town|city|village|district|area"
    # ("The army secured it in June 2015": the place just told of)
    r"|border|crossing)\b|it\s+(?:in|on|at|after|last|that|this|from)\b))"
    r"|(?:rais|hoist)(?:ed|es|s|ing)?\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+)?flags?"
    r"(?=\s+(?:over|above|in|at|on)\b)"
    # bare "took": "it took the Conoco gas field", "which they took on Oct 14"; not the idioms
    r"|took(?!\s+(?:place|part|refuge|shelter|cover|hold|care|time|aim|note|office|charge"
    r"|responsibility|hostages?|prisoners?|advantage|steps?|measures|casualties|losses|fire"
    r"|heavy|a\s+toll|the\s+lives|lives|months|weeks|days|years|root|shape|effect"
    # "took up positions in Anah": where a force went, not what it captured
    r"|up|positions|position"
    # "the campaign took them last month to Tabqa": where it brought them
    r"|(?:them|it|him|us|the\s+\w+)\s+(?:\w+\s+){0,3}?to)\b)"
)

TRIGGERS: tuple[TriggerSpec, ...] = (
    # --- capture -----------------------------------------------------------------------------
    _spec("capture", "take", 0.8, "fr", _FR_TAKE),
    _spec("capture", "take", 0.8, "en", _EN_TAKE),
    # "Police units had deployed on Tuesday in Talbiseh", « la police militaire s'est
    # déployée à Rastane »: forces that deploy in a town hold it
    _spec(
        "capture",
        "take",
        0.6,
        "en",
        r"deployed(?=\s+(?:(?:on|late|early)\s+\w+\s+)?(?:in|into|inside)\s+(?:the\s+town\b|"
        rf"{_NAME}))",
    ),
    _spec(
        "capture",
        "take",
        0.6,
        "fr",
        r"déployée?s?(?=\s+(?:\w+\s+)?(?:à|dans)\s+(?:la\s+ville\b|"
        rf"{_NAME}))",
    ),
    _spec("capture", "take_pass", 0.8, "fr", _FR_FALL),
    _spec("capture", "take_pass", 0.8, "en", _EN_FALL),
    # A loss told with no one to gain the place, often denied: "denied that the town had
    # been lost", "did not take Haditha", « a démenti la perte du village »: an event, no claim
    _spec(
        "capture",
        "event",
        0.6,
        "en",
        r"(?:had|has|have)\s+been\s+lost\b(?!\s+to\b)"
        r"|(?<=\bnot\s)(?:re)?take\b|(?<=\bnot\s)(?:re)?taken\b|(?<=\bnot\syet\s)(?:re)?taken\b",
    ),
    _spec(
        "capture",
        "event",
        0.6,
        "fr",
        r"(?:la|sa|leur)\s+perte\s+(?:de|du|d['’])(?=\s*(?:(?:tout|toute)\s+)?(?:la\s+|le\s+|l['’])?"
        r"\s*(?:ville|village|localité|quartier|(?-i:[A-Z])))",
    ),
    _spec(
        "capture",
        "take_noun",
        0.6,
        "fr",
        # (« la « libération » de Tadef »: a word quoted from a side's claim)
        r"(?:la|sa|leur|une|de\s+la|après\s+la)\s+(?:[«\"“]\s*)?"
        r"(?:reprise|reconquête|libération|prise|chute)(?:\s*[»\"”])?"
        # (« la reprise par les forces irakiennes de la ville d'Al-Qaïm »: the agent between)
        r"(?=\s+(?:\w+\s+|par\s+(?:[\w'’-]+\s+){1,6}?)?(?:de|d'|du|des)\b)"
        r"|dont\s+la\s+(?:reprise|reconquête|libération|prise|chute)"
        # « la proclamation de la victoire à Mossoul par le Premier ministre »
        rf"|(?:la\s+)?proclamation\s+de\s+la\s+victoire(?=\s+(?:sur\s+(?:[\w'’-]+\s+){{1,4}}?)?"
        rf"(?:à|dans)\s+(?:la\s+ville\s+d[e'’]\s*)?{_NAME})",
    ),
    _spec(
        "capture",
        "take_noun",
        0.6,
        "en",
        r"(?:the|its|their|after\s+the)\s+(?:(?:full|complete|total|final)\s+)?"
        r"(?:recapture|liberation|capture|fall|loss|retaking|takeover)"
        r"(?=\s+of\b)|whose\s+(?:recapture|liberation|capture|fall|retaking|takeover)"
        # "Islamic State's capture of Palmyra": the noun of a side named as its possessor
        r"|(?<=['’]s\s)(?:(?:full|complete|total|final)\s+)?"
        r"(?:recapture|liberation|capture|retaking|takeover)(?=\s+of\b)",
    ),
    _spec(
        "capture",
        "expel",
        0.8,
        "fr",
        r"chass(?:é|ée|és|ées|er|ent|e|ait)|expuls(?:é|ée|és|ées|er)|débarrass(?:é|ée|és|er)"
        # « ont nettoyé Rawa des derniers jihadistes »: cleared of them, like « débarrassé »
        r"|nettoy(?:é|ée|és|ées|er)"
        r"|délog(?:é|ée|és|ées|er|ent|e|eait)|purg(?:é|ée|és|ées|er|ent|e)"
        # « ont été repoussés hors d'Anah », « refoulés de la ville »
        r"|(?:repouss|refoul)(?:é|ée|és|ées|er|ent|e|ait)(?=\s+(?:\w+\s+){0,2}?hors\s+(?:de|d['’]|du)"
        r"|\s+(?:de|d['’]|du)\s+(?:la\s+ville|la\s+localité|(?-i:[A-Z])))",
    ),
    _spec(
        "capture",
        "expel",
        0.8,
        "en",
        r"(?:drove|driven|drive|drives|driving|pushed|pushing|push|forced|kicked|ousted|flushed)"
        r"(?=\s+(?:\w+\s+){0,4}?out\b)|ousted|expelled|cleared(?=\s+(?:[\w'’-]+\s+){0,5}?of\b)"
        r"|(?:driven|chased|flushed|routed|dislodged|dislodge|dislodging)"
        r"(?=\s+(?:\w+\s+){0,3}?from\b)"
        # "drove Islamic State from Rawa", "pushed the militants from": a side moved off a place,
        # not a road travelled ("drove north from Baghdad")
        r"|(?:drove|drive|drives|driving|pushed|pushing)(?=\s+(?:them\s+|(?:the\s+)?"
        r"(?:(?:(?-i:[A-Z])[\w'’-]*|fighters)\s+){1,3}|(?:the\s+)?(?:militants|jihadists|insurgents"
        r"|extremists|fighters|rebels|group|terrorists)\s+)from\b)"
        r"|cleared\s+the\s+last",
    ),
    _spec(
        "capture",
        "lose",
        0.65,
        "fr",
        r"(?:a|ont|avait|avaient|avoir)\s+perdu(?:\s+le\s+contrôle\s+(?:de|du|des|d'))?"
        # « l'EI perd Rawa », « perdait le contrôle de Rawa »
        r"|perd(?:ait|aient|ent)?(?:\s+le\s+contrôle\s+(?:de|du|des|d'))?(?=\s+(?:la\s+ville\s+"
        r"|le\s+village\s+)?(?:d'|de\s+)?(?-i:[A-Z]))"
        r"|(?:a|ont|avait|avaient)\s+(?:(?:aussi|également|déjà|ainsi)\s+)?(?:cédé|remis|livré)(?:\s+le\s+contrôle\s+(?:de|du|des|d'))?"
        r"(?=\s+(?:la\s+ville\s+|le\s+village\s+)?(?:d'|de\s+)?(?-i:[A-Z]))"
        # « les rebelles ont rendu Deraa au régime »: given back to a side named after it
        # (not « a rendu Mossoul méconnaissable »)
        r"|(?:a|ont|avait|avaient)\s+(?:(?:finalement|aussi|également|déjà)\s+)?rendu"
        r"(?=\s+(?:la\s+ville\s+|le\s+village\s+)?(?:d'|de\s+)?(?-i:[A-Z])[\w\s'’-]{0,30}?"
        r"\s+(?:au|aux|à)\s)",
    ),
    _spec(
        "capture",
        "lose",
        0.65,
        "en",
        r"los(?:t|es?|ing)\s+(?:(?:full\s+|complete\s+)?control\s+of)"
        rf"|(?:lost|losing|loses|lose)(?=\s+(?:(?:its|their|the)\b|{_NAME}))"
        # "handed over Sinjar to Iraqi forces", "ceded the town to": a loss to a named side
        # (not "handing over tanks and artillery": weapons, not ground)
        r"|hand(?:ed|s|ing)\s+(?:over|back)(?:\s+control\s+of)?"
        r"(?!\s+(?:(?:their|its|heavy|light|the)\s+)*(?:weapons|arms|tanks|artillery|guns"
        r"|equipment|vehicles|ammunition|bodies|prisoners|hostages|detainees)\b)"
        # "handing the town to the army": a place given to a named side
        rf"|hand(?:ed|s|ing)(?=\s+(?:the\s+(?:town|city|village|area|base|crossing)|it|{_NAME}[\w'’-]*)"
        r"\s+(?:back\s+|over\s+)?to\s)"
        # "the offensive that also delivered Mosul to the militants"
        rf"|deliver(?:ed|s|ing)(?=\s+{_NAME}[\w\s'’-]{{0,30}}?\s+(?:in)?to\b)"
        rf"|ced(?:ed|es|ing)(?:\s+control\s+of)?(?=\s+(?:the\s+|{_NAME}))"
        # "rebels surrendered Daraa to the government": a place given up to a named side
        rf"|surrender(?:ed|s|ing)(?=\s+(?:the\s+(?:town|city|village)\s+of\s+)?{_NAME}"
        r"[\w\s'’-]{0,30}?\s+to\b)"
        # "Islamic State's loss of Mosul": the noun of the side named as its possessor
        r"|(?<=['’]s\s)(?:(?:final|eventual|swift)\s+)?loss(?=\s+of\b)",
    ),
    # --- entering a place that is still fought over ----------------------------------------
    _spec(
        "armed_clash",
        "enter",
        0.7,
        "fr",
        # (« entrées sans combat dans Rawa »: a manner may stand before the town)
        r"entr(?:é|ée|és|ées|er|ent|ant|ait|aient)\s+(?:\w+\s+){0,2}?(?:dans|à)"
        r"|(?:pénétr(?:é|ée|és|ées|ait|aient|ant)|pénètr(?:e|ent))\s+(?:\w+\s+)?dans"
        # « des insurgés se sont infiltrés dans des quartiers du nord de la ville »
        r"|infiltr(?:é|ée|és|ées|ent|aient)\s+(?:\w+\s+)?dans"
        # « des hommes armés ont été vus dans les rues de Baïji »: a presence inside the town
        r"|(?:ont|a|avaient|avait)\s+été\s+(?:vue?s?|aperçue?s?)(?=\s+(?:dans|aux)\s+(?:les\s+)?"
        r"(?:rues|centre|quartiers|abords|faubourgs|entrées?)\b)"
        # « Rawa, où sont entrées les forces irakiennes »: the subject follows the verb
        r"|(?<=où\ssont\s)entrée?s?|(?<=où\sest\s)entrée?|(?<=où\sont\s)pénétré"
        # « les quartiers orientaux, où elles ont pénétré la semaine dernière »
        r"|(?<=où\selles\sont\s)pénétré|(?<=où\sils\sont\s)pénétré"
        r"|(?<=où\selles\savaient\s)pénétré|(?<=où\sils\savaient\s)pénétré"
        r"|(?<=où\selles\ssont\s)entrées|(?<=où\sils\ssont\s)entrés"
        # (not « à refluer jusqu'aux abords d'Ithriya »: where a retreat stopped)
        r"|atteint\s+les\s+abords|(?<!jusqu')(?<!jusqu’)aux\s+abords|(?:a|ont)\s+avancé\s+dans"
        # « les FDS ont pris pied dans Raqqa »: inside, still fought over
        r"|pris\s+pied\s+(?:\w+\s+)?(?:dans|à)"
        # « les troupes progressent dans Rawa »: fighting inside the town
        rf"|progress(?:ent|e|aient|ait|é|ant)\s+(?:\w+\s+)?(?:dans|à\s+l'intérieur\s+de)"
        rf"(?=\s+(?:{_NAME}|(?:la|le|les)\s+(?:ville|localité|village|centre|quartiers?)\b))"
        r"|atteint\s+(?:le\s+centre|le\s+cœur|les\s+portes)(?=\s+(?:de|du|d')\b)"
        # « les FDS combattent l'EI à l'intérieur de Raqqa »: fighting inside the town
        r"|(?:combat(?:tent|tait|taient|tu)|se\s+battent|affrontent)\s+(?:[\w'’-]+\s+){0,4}?"
        r"(?:à\s+l'intérieur|au\s+cœur|dans\s+le\s+centre)(?=\s+(?:de|du|d')\b)"
        # « elles combattent depuis vendredi dans le quartier d'al-Karama »
        r"|(?:combat(?:tent|tait|taient)|se\s+battent|se\s+battaient)\s+(?:[\w'’-]+\s+){0,3}?"
        r"dans\s+(?:le\s+quartier|les\s+rues|la\s+ville|les\s+quartiers|le\s+centre)"
        r"(?=\s+(?:de|du|d'|des)\b)",
    ),
    _spec(
        "armed_clash",
        "enter",
        0.7,
        "en",
        r"entered|enter(?:s|ing)?(?=\s+the\s+(?:town|city|village|outskirts))|pushed\s+into"
        r"|infiltrated|slipped\s+into"
        # "the SDF gained a foothold in Raqqa": inside, still fought over
        r"|(?:gained|gain|gains|gaining|established|establishing|secured|won)\s+(?:a|their\s+first"
        r"|a\s+first)\s+foothold\s+(?:\w+\s+)?(?:in|inside)"
        # "militants were seen in the streets of Baiji": a presence inside the town
        r"|(?:were|was|have\s+been|had\s+been)\s+(?:seen|spotted|sighted)(?=\s+(?:in|on|inside)"
        r"\s+(?:the\s+)?(?:streets|centre|center|outskirts|edge|heart)\b)"
        r"|push(?:es|ing)?\s+into|stormed|broke\s+into"
        r"|reached\s+the\s+(?:\w+\s+)?(?:outskirts|edges?)(?=\s+of\b)"
        r"|reached\s+the\s+(?:centre|center|heart|gates)(?=\s+of\b)"
        r"|(?:fighting|fought|forced|forcing|made|making|battled|battling)\s+(?:their|its)\s+way\s+into|(?:moved|marched|rolled|advanced)\s+into"
        rf"|advanc(?:e|es|ed|ing)\s+(?:\w+\s+)?inside(?=\s+(?:{_NAME}|the\s+(?:town|city|village)\b))"
        # "SDF fighters were battling Islamic State inside Raqqa": fighting inside the town
        r"|(?:fighting|battling|fought|battled|clashing\s+with|clashed\s+with)\s+"
        rf"(?:[\w'’-]+\s+){{0,4}}?inside(?=\s+(?:{_NAME}|the\s+(?:town|city|village)\b))"
        # "were fighting house by house on Tuesday in the neighbourhood of al-Karama", "still
        # battling the army in the north of the town": fighting inside a quarter of the town
        r"|(?:fighting|battling|fought|battled)\s+(?:[\w'’\"“”-]+\s+){0,6}?in"
        r"(?=\s+the\s+(?:(?:neighbou?rhood|district|quarter|streets|cent(?:re|er)|heart)\s+of"
        r"|(?:north|south|east|west)(?:ern)?\s+(?:part\s+|half\s+|edge\s+)?of\s+the\s+"
        r"(?:town|city|village))\b)",
    ),
    # --- assaults and offensives -------------------------------------------------------------
    _spec(
        "assault",
        "event",
        0.7,
        "fr",
        # (« ont lancé mardi à l'aube une offensive »: a day and an hour between)
        r"lanc(?:é|ée|és|er|ent|ant|e)\s+(?:[\w'’-]+\s+){0,4}?(?:une?\s+|l'|leur\s+|la\s+)?"
        r"(?:\w+\s+)?(?:offensive|assaut|opération|attaque|contre-offensive)"
        # « l'offensive lancée le 6 mai », « celle lancée début février par l'armée »,
        # « L'offensive, lancée le 17 octobre »
        r"|(?:offensive|assaut|opération|contre-offensive|celle)\s*,?\s+(?:[\w'’-]+\s+){0,2}?"
        r"lancée?s?\b"
        # « le lancement, samedi, d'une vaste offensive »
        r"|lancement\s*,\s*(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s*,\s*(?:de|d['’])\s*(?:une|la|l['’]|leur)?"
        r"\s*(?:[\w'’-]+\s+)?(?:offensive|opération|assaut|contre-offensive)"
        # « mènent leur propre offensive contre », « au septième jour de leur offensive contre »
        r"|(?:mèn\w*|men(?:é|ée|és|er|ait|aient))\s+(?:une|leur|son|sa|l['’])\s*(?:[\w'’-]+\s+)?"
        r"(?:offensive|contre-offensive)"
        r"|(?:leur|son|sa|une|l['’])\s*(?:[\w'’-]+\s+)?offensive(?=\s+(?:contre|sur|vers)\b)"
        r"|(?:le\s+)?lancement\s+(?:\w+\s+)?(?:de\s+|d')(?:l'|leur\s+|la\s+|une\s+|son\s+)?"
        r"(?:\w+\s+)?(?:offensive|opération|assaut|attaque|contre-offensive)"
        r"|(?:le\s+)?début\s+(?:d'une|de\s+l')\s*(?:offensive|opération|bataille)"
        r"|donn(?:er|é|ent|ait|aient|ant|e)\s+l['’]assaut"
        # « ont tenté mercredi de reprendre », « avait tenté d'envahir en juin »: an attempt
        # (not « tentent de reprendre »: an effort going on, told with the fighting)
        r"|tent(?:é|ée|ait|aient)\s+(?:[\w'’-]+\s+){0,2}?(?:de|d['’])\s*(?:le\s+|la\s+|les\s+|l['’])?"
        r"(?:reprendre|prendre|s['’]emparer|pénétrer|envahir|percer|briser|investir)\b"
        # « Lancée vendredi par l'armée, ... », « Lancée à l'aube par des centaines de combattants »
        r"|(?<![\w,] )(?-i:Lancée?s?)(?=\s+(?:[\w'’-]+\s+){0,3}?(?:par|depuis|contre)\b)"
        # « L'assaut avait été lancé à l'aube »
        r"|(?:l'assaut|l'offensive|l'attaque|l'opération)(?:\s+[\w'’-]+){0,4}?"
        r"\s+(?:a|avait|ont|avaient)\s+été"
        r"\s+lancée?"
        r"|(?:progressent|progresse|avancent|avance|avançaient)\s+(?:\w+\s+){0,4}?"
        r"(?:vers|en\s+direction|le\s+long)|l'offensive\s+vise|franchi"
        # « L'assaut final avait débuté jeudi », « Lancée mardi, l'offensive a progressé »
        r"|(?:l'|l’)(?:assaut|offensive|attaque|opération)(?:\s+[\w'’-]+){0,4}?"
        r"\s+(?:a|avait|ont|avaient)\s+(?:débuté|commencé)"
        r"|lancée?s?(?:\s+[\w'’-]+){1,3}?\s*,\s*(?:l'|l’)(?:offensive|opération|attaque|assaut)",
    ),
    _spec(
        "assault",
        "event",
        0.7,
        "en",
        r"launch(?:ed|es|ing)?\s+(?:\w+\s+){0,2}?(?:an?\s+|the\s+|its\s+|their\s+)?"
        r"(?:\w+\s+)?(?:offensive|assault|operation|attack|push|counter-?offensive)"
        r"|(?:began|begun|begin|started|start|mounted)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?"
        r"(?:offensive|assault|operation|push)"
        r"|launch\s+of\s+(?:an?\s+|the\s+|its\s+|their\s+)(?:\w+\s+)?"
        r"(?:offensive|assault|operation|counter-?offensive)"
        r"|(?:the\s+)?(?:assault|offensive|attack|operation)(?:\s+[\w'’-]+){0,4}?"
        r"\s+(?:was|had\s+been|has\s+been)"
        r"\s+launched"
        # "a government offensive launched in July to reclaim the province", "the offensive,
        # launched on Oct. 17", "an offensive the PMF launched on May 12"
        r"|(?:offensive|assault|operation|counter-?offensive)\s*,?\s+(?:[\w'’-]+\s+){0,3}?"
        r"launched\b"
        # "the rebel offensive, which began on July 31"
        r"|(?:offensive|assault|counter-?offensive)\s*,\s*which\s+(?:had\s+)?(?:began|begun|started)"
        # "tried to break through the perimeter", "attempted to storm the town": an attempt
        r"|(?:tried|attempted)\s+(?:[\w'’-]+\s+)?to\s+(?:re)?(?:take|capture"
        r"|storm|seize|overrun|break\s+(?:through|into))\b"
        r"|press(?:ed|ing|es)?\s+(?:their|its|the)\s+(?:attack|assault|advance)"
        # "Launched on March 2 with some 30,000 men, the offensive ..."
        r"|(?<![\w,] )(?-i:Launched)(?=\s+(?:on|in|at|by|with|last|early|late)\b)"
        # "pressed an offensive north of Aleppo", "the launch of a long-awaited offensive"
        r"|press(?:ed|ing|es)?\s+(?:an?|the|its|their)\s+(?:[\w'’-]+\s+)?offensive"
        r"|launch\s+of\s+(?:an?\s+|the\s+|its\s+|their\s+)(?:[\w'’-]+\s+)?offensive"
        # "The offensive began on March 2", "where the ground assault began on Wednesday"
        r"|(?:offensive|assault|attack|operation|push)\s+(?:had\s+|has\s+)?"
        r"(?:began|begun|started|got\s+under\s+way|kicked\s+off)"
        r"|push\s+(?:on|towards?|into)|moved\s+on"
        # "militants used a sandstorm to mount a counter-attack around Hajin"
        r"|(?:mount(?:ed|s|ing)?|launch(?:ed|es|ing)?)\s+(?:an?\s+|their\s+|its\s+)?"
        r"(?:\w+\s+)?counter-?(?:attacks?|offensive)"
        r"|(?:advancing|advanced|advance|pushing)\s+(?:\w+\s+){0,3}?"
        r"(?:towards?|on|along|across)|assault\s+on|offensive\s+(?:on|against)",
    ),
    # --- armed clashes -----------------------------------------------------------------------
    _spec(
        "armed_clash",
        "event",
        0.7,
        "fr",
        r"combats?|affrontements?|accrochages?|heurts|batailles?|contre-attaque"
        r"|(?:est|sont|été)\s+attaquée?s?|attaqu(?:é|ent|ait)|encerclement"
        r"|opérations?\s+de\s+(?:ratissage|nettoyage)|en\s+affrontant|combattants?\s+de\s+rue"
        r"|se\s+(?:sont\s+)?battent|on\s+se\s+bat(?:tait)?\b|échanges?\s+de\s+tirs"
        # « soldats et jihadistes se sont encore affrontés », « se sont heurtés aux FDN »
        r"|s['’]affront(?:ent|aient|ait)|se\s+(?:sont\s+)?(?:(?:encore|de\s+nouveau)\s+)?"
        r"affront(?:és|ées|ent|aient)|(?:se\s+sont|s['’]est)\s+heurtée?s?\s+(?:à|aux)\b"
        r"|ouvert\s+le\s+feu|(?:les|l['’])\s*(?:ont|a|avaient|avait)\s+repoussée?s?"
        r"|repouss(?:é|ée|és|ées|er|ent|ait|aient|ant)\s+les\s+assaillants"
        # « ont brisé le siège imposé par l'EI à Deir Ezzor », « levé le siège de »
        r"|(?:bris(?:é|er|ent|ant|ait)|brisé|rompu|romp(?:re|ent)|lev(?:é|er|ent))\s+"
        r"(?:\w+\s+)?(?:le|leur|son|ce)\s+siège"
        r"|embuscades?"
        # « ont repoussé une attaque de l'EI » (but « l'offensive a été repoussée »: postponed)
        r"|repouss(?:é|ée|és|ées|er|ent|ait|aient|ant)\s+(?:[\w'’-]+\s+){0,2}?"
        r"(?:une?\s+|l'|l’|les\s+|des\s+|leur\s+|plusieurs\s+)(?:\w+\s+)?"
        r"(?:attaques?|assauts?|offensives?|contre-attaques?|contre-offensives?|incursions?)\b"
        r"|(?:attaque|assaut|offensive|contre-attaque|incursion)(?:\s+[\w'’-]+){0,6}?,?"
        r"\s+(?:a\s+été\s+|avait\s+été\s+)?repoussée\s+par",
    ),
    _spec(
        "armed_clash",
        "event",
        0.7,
        "en",
        r"clash(?:es|ed)?|fighting|fought|battles?|counter-?attack(?:ed|s)?|firefights?"
        r"|exchanges?\s+of\s+fire|attacked|punched\s+through|broke\s+the\s+siege"
        r"|clearing\s+operations?|street\s+fighting"
        # "were battling militants street by street", "held the jihadists off", "were beaten
        # back", "opened fire on"
        r"|battl(?:ing|ed)\b|held\s+(?:[\w'’-]+\s+){1,3}?off\b|(?:were|was)\s+beaten\s+back"
        r"|opened\s+fire"
        # "after a fight that lasted hours", "fighters on both sides were killed"
        r"|(?:after|in|during)\s+(?:a|the)\s+(?:[\w-]+\s+)?fight\b(?!\s+(?:against|over|for)\b)"
        r"|on\s+both\s+sides\s+(?:were|had\s+been)\s+killed"
        # "broke the Islamic State siege of Deir ez-Zor", "lifted the siege"
        r"|(?:br(?:oke|eak|eaks|eaking|oken)|lift(?:ed|s|ing)?|end(?:ed|s|ing)?)\s+(?:the\s+|a\s+)?"
        r"(?:[\w'’-]+\s+){0,3}?siege(?=\s+(?:of|on|around|imposed)\b)"
        # "ambushed an army convoy near Palmyra"
        r"|ambush(?:ed|es|ing)?"
        # "repelled an Islamic State attack on Haditha", "fought off a counter-attack"
        r"|(?:repel(?:led|s|ling)?|repulsed?|repulsing|fought\s+off|fight\s+off|beat\s+back"
        r"|beaten\s+back|thwarted|foiled)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:attacks?|assaults?|offensives?|counter-?attacks?|incursions?|raids?|advances?)\b"
        r"|(?:attacks?|assaults?|offensives?|incursions?)(?:\s+[\w'’-]+){0,6}?,?"
        r"\s+(?:was|were|had\s+been|has\s+been)\s+(?:repelled|repulsed|beaten\s+back|thwarted)",
    ),
    # --- air and ground fire -----------------------------------------------------------------
    _spec(
        "air_strike",
        "event",
        0.75,
        "fr",
        r"frappes?(?:\s+aériennes?)?|raids?\s+aériens?|bombardements?\s+aériens?"
        r"|bombardé(?:es?|s)?|frappes?\s+de\s+drones?|appui\s+aérien|couverture\s+aérienne"
        # « l'aviation américaine avait frappé des positions jihadistes »
        r"|(?:aviation|avions?|appareils|drones?|chasseurs|bombardiers)(?:\s+[\w'’-]+){0,4}?"
        r"\s+(?:a|ont|avait|avaient)\s+(?:(?:de\s+nouveau|aussi|également)\s+)?"
        # (« a mené ces derniers jours des dizaines de raids »: a time and a count between)
        r"(?:frappé|(?:mené|effectué|conduit)(?=\s+(?:[\w'’-]+\s+){0,6}?"
        r"(?:raids?|frappes?|bombardements?|sorties)\b))"
        # « les avions russes frappent presque chaque jour », « l'aviation bombarde »
        r"|(?:aviations?|avions?|hélicoptères|drones?|chasseurs|bombardiers)(?:\s+[\w'’-]+){0,3}?"
        r"\s+(?:frapp(?:e|ent|ait|aient)|bombard(?:e|ent|ait|aient)|pilonn(?:e|ent|ait|aient)"
        r"|multipli(?:e|ent|ait|aient)\s+les\s+(?:raids|frappes))\b"
        # « ont frappé jeudi soir les positions jihadistes », « avait frappé des dizaines de
        # positions de l'EI »: targets struck from the air
        r"|frapp(?:é|ée|és|ent|ait|aient)\s+(?:[\w'’-]+\s+){0,3}?(?:les|des|plusieurs|une?"
        r"|(?:des\s+)?(?:dizaines|centaines)\s+de|une\s+(?:vingtaine|trentaine|quarantaine)\s+de)"
        r"\s+(?:[\w-]+\s+){0,2}?(?:positions|cibles|convois|dépôts|bastions)\b"
        # « plus de 250 raids russes », « des dizaines de raids », « lors de raids sur »
        r"|raids?\s+(?:russes?|syriens?|américains?|irakiens?|turcs?|israéliens?"
        r"|de\s+la\s+coalition|de\s+l['’]aviation)\b|(?:\d+|dizaines\s+de|centaines\s+de)\s+raids\b"
        # barrel bombs: « des hélicoptères ont largué des barils d'explosifs »
        r"|barils?\s+(?:d['’]\s*)?explosifs|barils\s+tomb\w*"
        r"|largu(?:é|ée|és|ées|er|ent|ait|aient)\s+(?:[\w'’-]+\s+){0,5}?(?:barils|bombes)\b",
    ),
    _spec(
        "air_strike",
        "event",
        0.75,
        "en",
        r"air\s*strikes?|airstrikes?|air\s+raids?|drone\s+strikes?|strikes|air\s+cover"
        r"|air\s+support|bombed|bombing\s+raids?|pounded|struck|had\s+hit|aircraft\s+hit"
        # "Coalition jets started hitting targets inside Tikrit"
        r"|(?:jets|warplanes|aircraft|planes|drones|bombers|helicopters|gunships|air\s+force)"
        r"\s+(?:\w+\s+){0,2}?"
        r"(?:hit|hitting|striking|bombing|pounding|target(?:ed|ing)|fired\s+(?:on|at))\b"
        # "Russian jets carried out dozens of raids on Khan Sheikhoun"
        r"|(?:jets|warplanes|aircraft|planes|drones|bombers)\s+(?:\w+\s+){0,2}?"
        r"(?:carried\s+out|conducted|launched|flew|staged)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:raids?|strikes|sorties)\b"
        r"|barrel\s+bombs?"
        # "hit militant positions around Jubbah", "hitting targets near Raqqa"
        r"|(?:hit|hitting)\s+(?:[\w'’-]+\s+){0,2}?(?:positions|targets)\b",
    ),
    _spec(
        "shelling",
        "event",
        0.75,
        "fr",
        r"barrages?\s+d'artillerie|tirs?\s+d'artillerie|pilonnages?|pilonné(?:es?|s)?"
        # « l'artillerie pilonnait les abords de Jasim », « qui pilonnaient les lignes kurdes »
        r"|pilonn(?:e|ent|ait|aient|ant)\b"
        r"|obus|tirs?\s+de\s+(?:mortiers?|roquettes?)|roquettes?|mortiers?",
    ),
    _spec(
        "shelling",
        "event",
        0.75,
        "en",
        r"shelling|shelled|artillery\s+(?:fire|barrage)|mortar(?:\s+fire|\s+rounds?|s)?"
        r"|rocket\s+fire|rockets?\s+(?:hit|landed|fired)|barrage"
        # "fired rockets at", "Turkish artillery pounded"
        r"|fir(?:ed|ing|es)\s+(?:\w+\s+){0,2}?(?:rockets|mortars?|shells|missiles)"
        r"|artillery(?=\s+(?:\w+\s+){0,2}?(?:pounded|hit|struck|targeted|shelled|fired))",
    ),
    _spec(
        "suicide_bombing",
        "event",
        0.75,
        "fr",
        r"kamikazes?|voitures?\s+piégées?|véhicules?\s+piégés?|attentats?\s+suicides?"
        r"|camions?\s+piégés?",
    ),
    _spec(
        "suicide_bombing",
        "event",
        0.75,
        "en",
        r"suicide\s+(?:(?:car|truck)\s+)?(?:bomb(?:er|ers|ing|ings|s)?|attacks?)|car\s+bombs?"
        r"|VBIEDs?"
        r"|truck\s+bombs?",
    ),
    # --- withdrawals -------------------------------------------------------------------------
    _spec(
        "withdrawal",
        "leave",
        0.7,
        "fr",
        r"retir(?:é|ée|és|ées|er|ent|aient)|repli(?:é|ée|és|ées|er|ent)|abandonn(?:é|ée|és|er|ent)"
        r"|désert(?:é|ée|és|er|ent)|(?:en)?fui(?:e|s|es|r|ent)?|s'est\s+enfuie?|quitt(?:é|ée|és|er)"
        r"|évacu(?:é|ée|és|er)|(?:pris|prendre|prennent|prenaient)\s+la\s+fuite"
        # « après le repli des dernières unités », « le retrait des jihadistes »
        r"|(?:le|du|au|son|leur)\s+(?:\w+\s+)?(?:repli|retrait)(?:\s+\w+)?\s+(?:de|des|du|d')",
    ),
    # « ont reflué vers la ville », « la débandade des forces »: a retreat that names no place
    # left, so it hands nothing over
    _spec(
        "withdrawal",
        "event",
        0.7,
        "fr",
        r"reflu(?:é|ée|és|ées|er|ent|ait|aient)|débandade",
    ),
    _spec(
        "withdrawal",
        "leave",
        0.7,
        "en",
        r"withdr(?:ew|awn|aw|awing)|pulled\s+out|pull\s+out|pulled\s+back|pull(?:s|ing)?\s+back"
        r"|retreat(?:ed|ing)?|fled|flee(?:ing)?"
        # "the soldiers fell back to Morek" (not "fell back into government hands")
        r"|f(?:e|a)ll(?:s|ing)?\s+back(?!\s+(?:into|under|in|to\s+(?:the\s+)?(?:government|rebel"
        r"|army|militant|group)))"
        r"|abandon(?:ed|ing)?|desert(?:ed)(?!\s+areas)|evacuat(?:ed|ing)",
    ),
    # --- official announcements --------------------------------------------------------------
    _spec(
        "announcement",
        "event",
        0.7,
        "fr",
        r"(?:a|ont|avait|avaient)\s+annoncé|annonçant|(?:a|ont)\s+proclamé|proclamée?|proclamer"
        r"|dans\s+un\s+communiqué|a\s+publié\s+un\s+communiqué|célébrait|déclaré\s+la\s+victoire",
    ),
    _spec(
        "announcement",
        "event",
        0.7,
        "en",
        r"announc(?:ed|es|ing)|declared|proclaimed|hailed|said\s+in\s+a\s+statement"
        r"|in\s+a\s+statement|declaring|declaration\s+of\s+victory",
    ),
    # --- states of control (claims only) -----------------------------------------------------
    _spec(
        None,
        "hold",
        0.7,
        "fr",
        r"(?:dé)?tien(?:t|nent)|(?:dé)?ten(?:ait|aient|ons|ions)|(?:dé)?tenue?s?\s+par"
        # « les YPG affirment tenir toujours Tal Tamr »: a hold the subject asserts
        r"|(?:affirment|affirme|assurent|assure|disent|dit|déclarent|déclare|revendiquent"
        r"|revendique|soutiennent|soutient)\s+(?:(?:dé)?tenir|contrôler)\b"
        r"|(?:protégée?s?|défendue?s?|gardée?s?)\s+par"
        r"|contrôlée?s?\s+par|contrôl(?:e|ent|ait|aient|ons|ions)"
        # « la province d'Idleb, tenue en majeure partie par des groupes rebelles »: a share
        r"|(?:(?:dé)?tenue?s?|contrôlée?s?)\s+(?:en\s+(?:majeure|grande|bonne)\s+partie|en\s+partie"
        r"|majoritairement|largement|partiellement)\s+par"
        # « tenue depuis avril 2015 par l'Armée de la conquête »: a span before "par"
        r"|(?:(?:dé)?tenue?s?|contrôlée?s?)(?=\s+(?:depuis|dès)\s+[^,;.()«»]{1,30}?\s+par\b)"
        # « Deraa, partagée entre les deux camps », « divisée depuis 2012 »
        r"|(?:partagée?s?|divisée?s?)(?=\s+(?:depuis|entre)\b)"
        # « qu'il partage avec les Kurdes »: a share for each
        r"|(?<=qu'il\s)partage(?=\s+(?:\w+\s+)?avec\b)|(?<=qu'ils\s)partagent(?=\s+(?:\w+\s+)?avec\b)"
        r"|(?<=qu’il\s)partage(?=\s+(?:\w+\s+)?avec\b)|(?<=qu’ils\s)partagent(?=\s+(?:\w+\s+)?avec\b)"
        # « toute la province appartient désormais à l'EI »
        r"|appart(?:ient|iennent|enait|enaient)\s+(?:désormais\s+|entièrement\s+)?(?:à|aux?)"
        r"(?=\s+(?:l['’]\s*)?[A-ZÉ])"
        # « le groupe conserve toutefois Rakka », « gardent le contrôle de »
        # « Le régime garde toutefois Izraa »: keeps a place named
        rf"|(?<!la\s)(?<!les\s)(?<!sa\s)(?<!de\s)gard(?:e|ent|ait|aient)(?=\s+(?:(?:toutefois|encore|toujours|néanmoins|cependant"
        rf"|pourtant|aussi|également|donc)\s+)?{_NAME})"
        r"|conserv(?:e|ent|ait|aient)\b|gard(?:e|ent|ait|aient)\s+le\s+contrôle|aux\s+mains\s+(?:de|du|des|d')|sous\s+(?:le\s+)?contrôle(?:\s+(?:gouvernemental|irakien|syrien|kurde|rebelle|d?jihadiste))?"
        r"|sous\s+(?:leur|son|notre)\s+(?:(?:plein|entier|total)\s+)?contrôle"
        r"|sous\s+l'emprise\s+(?:de|du|des|d')|entre\s+les\s+mains\s+(?:de|du|des|d')"
        r"|entre\s+(?:leurs|ses|nos)\s+mains"
        # « sont retranchés à Hajine » (not « les derniers jihadistes retranchés dans ... ont
        # été chassés », a description before their expulsion)
        r"|(?:sont|est|restent|reste|demeurent)\s+(?:toujours\s+|encore\s+)?"
        r"(?:encerclée?s?|assiégée?s?)(?=\s+(?:à|au|aux|dans)\b)"
        r"|(?:sont|est|restent|reste|demeurent)\s+(?:toujours\s+|encore\s+)?retranchée?s?"
        r"(?:\s+(?:à|au|aux|dans)\b|(?=\s*(?:[,;.]|$)))|territoires?\s+restants?"
        r"|maîtres?(?=\s+(?:de|d'|des|du)\b)|(?<!s')(?<!s’)occup(?:e|ent|ait|aient)|occupée?s?\s+par"
        # « les secteurs gouvernementaux de l'ouest d'Alep »: districts of a town a side holds
        r"|(?:quartiers|secteurs|zones)\s+(?:gouvernementa(?:ux|les)|loyalistes|rebelles"
        r"|insurgés|kurdes)(?=\s+(?:de|du|des|d['’]))"
        # « As-Sanamein, grande ville de garnison »: a town the army garrisons, it holds
        r"|villes?[\s-]+(?:de\s+)?garnisons?\b"
        # « le bastion rebelle de Rawa », « l'enclave kurde d'Afrin »
        r"|(?:bastions?|fiefs?|réduits?|enclaves?|poches?)\s+(?:gouvernementa(?:l|ux|les?)"
        r"|loyalistes?|rebelles?|insurgée?s?|kurdes?|d?jihadistes?)(?=\s+(?:de|du|des|d['’]))"
        r"|derni(?:er|ère)s?\s+(?:grande?s?\s+|principale?s?\s+|centre\s+urbain\s+)?"
        r"(?:bastions?|fiefs?|villes?|localités?|bourgs?|villages?|positions?|réduits?"
        r"|centres?\s+urbains?)"
        r"|principa(?:l|ux)\s+(?:bastions?|fiefs?)|(?:bastions?|fiefs?)\s+principa(?:l|ux)"
        # « Hajin, bastion de l'EI, »: a stronghold is held by the side it belongs to
        r"|(?:bastions?|fiefs?)(?=\s+(?:de|du|des|d')\b)"
        # « Raqa, la « capitale » de facto de l'EI »: a group's capital is its own
        r"|capitale\s*»?\s*de\s+facto(?=\s+(?:de|du|des|d')\b)"
        r"|capitale\s*»?\s*autoproclamée(?=\s+(?:de|du|des|d')\b)"
        # « il a fait de Rakka son fief »: a place a side made its stronghold, it holds
        r"|(?:a|ont|avait|avaient)\s+fait(?=\s+(?:de|d['’])\s*[^,;.]{1,60}?\s(?:son|sa|leur)\s+"
        r"(?:(?:principale?|véritable|nouvelle?)\s+)?(?:fief|bastion|capitale|place\s+forte|"
        r"quartier\s+général|QG)\b)"
        r"|(?:cantonnée?s?|confinée?s?|réduite?s?|limitée?s?)\s+(?:à|au|aux)\b"
        # « le réduit de l'EI se limite désormais à Baghouz »
        r"|se\s+(?:limite|limitent|réduit|réduisent|résume)\s+(?:désormais\s+|aujourd'hui\s+)?"
        r"(?:à|au|aux)\b"
        r"(?:\s+(?:importante?s?|d'importance))?"
        # « l'EI reste toutefois présent à Rawa », « implanté dans »: a presence (a share, see
        # claims)
        r"|(?:rest(?:e|ent|ait|aient)|est|sont|étai(?:t|ent)|demeur(?:e|ent|ait|aient))\s+"
        r"(?:(?:toujours|encore|toutefois"
        r"|néanmoins|cependant|aussi|également)\s+)*(?:présente?s?|implantée?s?)"
        r"(?=\s+(?:à|au|aux|dans|en)\b)"
        # « le drapeau jaune des YPG flottait sur le poste-frontière »: a side's flag over a place
        r"|flott(?:e|ent|ait|aient)\s+(?:(?:désormais|toujours|encore|de\s+nouveau|à\s+nouveau)\s+)?"
        r"(?:sur|au-dessus\s+(?:de|du|des|d['’]))(?=\s)"
        # « le drapeau syrien a été hissé sur la citadelle »
        r"|(?:a|ont|avait|avaient)\s+été\s+(?:\w+\s+)?hissée?s?\s+(?:\w+\s+)?"
        r"(?:sur|à|dans|au-dessus\s+(?:de|du|des|d['’]))(?=\s)"
        # « Il ne reste plus aux jihadistes que Rawa »: what is left to a side is what it holds
        r"|(?<=\bne\s)reste(?:nt|ait)?\s+(?:(?:plus|encore|désormais|donc|alors)\s+)*"
        r"(?:à|aux|au)\b(?=\s+(?:[\w'’-]+\s+){1,6}?qu)",
    ),
    _spec(
        None,
        "hold",
        0.7,
        "en",
        # not people "held in Rawa" or "held hostage": a detention, not a hold of the place
        r"holds?|held(?!\s+(?:in|at|inside|captive|hostage|prisoner|talks|elections?)\b)|holding"
        # "Sinjar had been protected by the peshmerga": its defenders hold it
        r"|(?:protected|defended|guarded)(?=\s+by\b)"
        r"|controls?|controlled|in\s+control\s+of"
        r"|under\s+the\s+(?:(?:full|complete|total|effective)\s+)?control\s+of"
        # "Rawa came under the full control of Iraqi forces on Friday": dated as told
        r"|(?:returned|reverted|passed|came)\s+(?:back\s+)?under\s+the\s+"
        r"(?:(?:full|complete|total|effective)\s+)?control\s+of"
        # "Aleppo has been divided since 2012", "split between rebels and the army": a share
        # for each side (see claims)
        r"|(?:divided|split)(?=\s+(?:since|between|among)\b)"
        # "which it shares uneasily with the Kurds": a share for each
        r"|(?<=\bit\s)shares(?=\s+(?:\w+ly\s+)?with\b)|(?<=\bthey\s)share(?=\s+(?:\w+ly\s+)?with\b)"
        # "the whole province belongs to the Islamic State"
        r"|(?:now\s+)?belong(?:s|ed)?\s+(?:entirely\s+|wholly\s+)?to(?=\s+(?:the\s+)?[A-Z])"
        r"|under\s+(?:(?:full|complete|total|firm)\s+)?(?:[\w'’-]+\s+){1,3}?control(?!\s+of)"
        # "the town returned to government control": back under the side the adjective names
        r"|(?:returned|reverted|passed|came)\s+(?:back\s+)?(?:to|under)\s+(?:full\s+)?"
        r"(?:[\w'’-]+\s+){1,2}?control(?!\s+of)"
        # "the largest city under its rule", "towns under Islamic State rule"
        r"|under\s+(?:[\w'’-]+\s+){1,3}?rule\b(?!\s+of)"
        r"|in\s+(?:the\s+)?(?:group's|its|their|militants'|jihadists')\s+hands|hands\s+of"
        # (not "the Israeli-occupied Golan": an occupier that is no side of this war)
        r"|in\s+(?:[\w'’-]+\s+){1,2}?hands(?!\s+of)|(?<![-‐])occup(?:y|ies|ied|ying)"
        r"|last\s+(?:major\s+|significant\s+|remaining\s+|sizeable\s+)?"
        r"(?:strongholds?|bastions?|towns?|redoubts?|urban\s+strongholds?)"
        # "Hajin is the last Islamic State-held town": the holder sits inside the phrase (not
        # "cleared the last jihadist-held villages", a capture)
        r"|(?:is|was|are|were|remains?|remained)\s+(?:now\s+|still\s+)?the\s+last\s+(?:major\s+)?"
        r"(?:[\w'’]+\s+){0,2}?[\w'’]+-(?:held|controlled)"
        r"\s+(?:towns?|cities|city|strongholds?|villages?|areas?|territory)"
        r"|(?:main|key|principal|biggest|largest|major|final)\s+(?:remaining\s+)?(?:urban\s+)?"
        r"(?:strongholds?|bastions?)"
        # "Hajin, an Islamic State stronghold,": held by the side that names it
        r"|strongholds?|retain(?:s|ed|ing)?(?:\s+(?:full\s+)?control\s+of)?"
        # "Raqqa, the group's de facto capital", "its self-declared capital"
        r"|(?:de\s+facto|self-declared|self-styled|self-proclaimed)\s+[\"“”']?capital\b"
        # "the militants have turned Hawija into their main stronghold", "made Mosul its base"
        r"|(?:made|turned)(?=\s+[^,;.]{1,60}?\s(?:into\s+)?(?:its|their)\s+(?:(?:main|key|chief"
        r"|principal|de\s+facto|new)\s+)?(?:stronghold|bastion|capital|headquarters|base)\b)"
        r"|(?:keeps?|kept|keeping)\s+(?:(?:full|firm|its|their)\s+)?control\s+of"
        # "the government keeps the northern half of Daraa city", "The army also keeps the
        # air base": what a side keeps, it holds
        r"|keeps?(?=\s+(?:the|its|their|most|much|part|parts|half|several|some)\s)"
        # "Sanamayn, a garrison town on the highway": a town the army garrisons, it holds
        r"|(?:(?:government|army|regime)\s+)?garrison\s+towns?"
        # "Islamic State is now confined to a pocket around Hajin"
        r"|(?:confined|limited|reduced|restricted)\s+to"
        # "still has a presence in Hajin", "remains present in": a presence (a share)
        r"|(?:has|have|had|maintains?|maintained|retains?|retained)\s+(?:a\s+|some\s+)?"
        r"(?:(?:strong|significant|small|limited)\s+)?presence(?=\s+in\b)"
        r"|(?:is|are|remains?|remained)\s+(?:still\s+)?present(?=\s+in\b)"
        # "Islamic State is now left with only Rawa": what a side is left with, it holds
        r"|(?:is|are|was|were)\s+(?:now\s+|only\s+)?left\s+with(?=\s+(?:only|just|little\s+more"
        r"\s+than|a\s+handful|a\s+few|\w+\s+(?:towns?|villages?|pockets?)))"
        # "are entrenched in Hajin", "remain holed up in", "is besieged in": still holding it
        r"|(?:are|is|remain|remains|still)\s+(?:still\s+|now\s+)?"
        r"(?:entrenched|holed\s+up|besieged|dug\s+in)(?:\s+(?:in|inside|at)\b"
        # "Anah, where the militants are dug in": the place is the relative's antecedent
        r"|(?=\s*(?:[,;.]|$)))"
        r"|remaining\s+(?:territory|territories|holdings)"
        # "the Islamic State flag still flies over Rawa": a side's flag over a place
        r"|(?:flies|fly|flew|flying|flutters|fluttered)\s+(?:(?:again|still|now)\s+)?(?:over|above)(?=\s)"
        # "the national flag was raised in Daraa al-Balad", "has been hoisted over"
        r"|(?<=flag\s)(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:raised|hoisted)\s+"
        r"(?:over|above|in|on|at)(?=\s)"
        r"|(?<=flags\s)(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:raised|hoisted)\s+"
        r"(?:over|above|in|on|at)(?=\s)"
        # "the militants clung on to Rawa", "are clinging to Hajin"
        rf"|(?:clung|cling(?:s|ing)?)\s+(?:on\s+)?to(?=\s+(?:the\s+town|{_NAME}))",
    ),
)


# "Islamic State-held Abu Kamal": a hold participle may hang from its holder by a hyphen
_AFTER_HOLDER = r"(?<=[^\W\d_]-)(?=(?:held|controlled|occupied)\b)"


def _compile(spec: TriggerSpec) -> re.Pattern[str]:
    return re.compile(rf"(?:(?<![\w-])|{_AFTER_HOLDER})(?:{spec.pattern})(?![\w-])", _I)


COMPILED: dict[str, tuple[tuple[TriggerSpec, re.Pattern[str]], ...]] = {
    lang: tuple((s, _compile(s)) for s in TRIGGERS if s.lang == lang) for lang in ("fr", "en")
}


@dataclass(frozen=True)
class TriggerHit:
    start: int
    end: int
    text: str
    spec: TriggerSpec


# Every trigger starts a word (its pattern opens with a word-start lookbehind, or follows a
# holder's hyphen): the text is walked word by word and only the triggers whose first letter
# fits are tried, instead of one scan of the whole text per trigger family.
_GATES = {
    lang: index_by_first_letter([spec.pattern for spec, _ in specs])
    for lang, specs in COMPILED.items()
}


def _one_gate(
    specs: tuple[tuple[TriggerSpec, re.Pattern[str]], ...], chosen: tuple[int, ...]
) -> re.Pattern[str]:
    """A test ruling out the chosen triggers at once: at most word starts none fits. Their
    first atoms merged into a tree fail fastest; else one alternation of the triggers."""
    quick = prefix_gate((specs[i][0].pattern, False) for i in chosen)
    if quick is not None:
        return quick
    return re.compile("|".join(f"(?:{specs[i][1].pattern})" for i in chosen), _I)


# Most words start no trigger: the first atoms of all of a language's triggers, behind the
# word-start test, make one scan the regular-expression engine runs past them, instead of a
# Python step and a test per word; each trigger's own first atoms then rule it out before its
# full pattern.
_TRIGGER_START = {
    lang: re.compile(rf"(?<!\w)(?=\w)(?:{_one_gate(specs, tuple(range(len(specs)))).pattern})", _I)
    for lang, specs in COMPILED.items()
}
_SPEC_GATES = {
    lang: tuple(_one_gate(specs, (i,)) for i in range(len(specs)))
    for lang, specs in COMPILED.items()
}


def find_triggers(text: str, lang: str, start: int = 0, end: int | None = None) -> list[TriggerHit]:
    """Trigger hits inside ``text[start:end]``; overlaps keep the longest, ties the stronger."""
    end = len(text) if end is None else end
    code = lang if lang in COMPILED else "en"
    specs, gates = COMPILED[code], _SPEC_GATES[code]
    table, anywhere = _GATES[code]
    resume = [start] * len(specs)  # as a scan per trigger would: no overlap within one
    raw: list[TriggerHit] = []
    at = start
    while (word := _TRIGGER_START[code].search(text, at, end)) is not None:
        at = word.start()
        for index in table.get(text[at].lower(), anywhere):
            if at < resume[index] or gates[index].match(text, at, end) is None:
                continue
            spec, pattern = specs[index]
            m = pattern.match(text, at, end)
            if m is not None:
                raw.append(TriggerHit(m.start(), m.end(), m.group(0), spec))
                resume[index] = max(m.end(), at + 1)
        at += 1
    raw.sort(key=lambda h: (-(h.end - h.start), -h.spec.strength, h.start))
    return keep_non_overlapping(raw, lambda h: (h.start, h.end))


# --- cues read before a trigger, inside its clause ---------------------------------------------

# Where a clause starts: punctuation and the conjunctions that open a new proposition.
_CLAUSE_BREAK = re.compile(
    r"[,;:()«»\"“”—–]|\b(?:but|while|whereas|mais|tandis\s+que|alors\s+que|after|après|before"
    r"|avant|and\s+that|et\s+que|which|where|où|qui)\b",
    _I,
)
_NEG_EN = re.compile(
    r"\b(?:not|never|no|n't|neither|nor|without|denied|deny|denies|denying|rejected|failed\s+to)\b"
    r"|n't\b",
    _I,
)
_NEG_FR = re.compile(
    r"\b(?:ne|n')\s*(?:\w+\s+){0,2}?(?:pas|jamais|point|aucun|aucune|guère)\b|\bn'a\s+pu\b"
    r"|\b(?:sans|aucun|aucune|démenti|dément|nié|nie|nient|rejeté|nulle\s+part)\b",
    _I,
)
# French "ne ... plus que" is restrictive ("ne tient plus que X" = holds only X), not negation.
_FR_NO_LONGER = re.compile(
    r"\b(?:ne|n')\s*(?:\w+\s+){0,2}?plus\b(?!\s+(?:[\w'’-]+\s+){0,6}?qu(?:e\b|['’]))", _I
)
_INTENT_EN = re.compile(
    r"\b(?:to|will|would|shall|could|might|may|aim(?:s|ed)?\s+to|plan(?:s|ned)?\s+to"
    r"|prepar(?:e|es|ed|ing)\s+to|expected\s+to|vow(?:s|ed)?\s+to|seek(?:s|ing)?\s+to"
    r"|intend(?:s|ed)?\s+to|try(?:ing)?\s+to|tried\s+to|attempt(?:s|ed)?\s+to|bid\s+to"
    r"|in\s+order\s+to|about\s+to|set\s+to|ready\s+to)\b\s*(?:\w+\s+){0,1}$",
    _I,
)
_INTENT_FR = re.compile(
    r"\b(?:pour|afin\s+de|d'|de|à|va|vont|devrait|devraient|doit|doivent|s'apprêtent\s+à"
    r"|s'apprête\s+à|se\s+préparent\s+à|se\s+prépare\s+à|visant\s+à|vise\s+à|destinée?s?\s+à"
    r"|tentent\s+de|tente\s+de|cherchent\s+à|compte|comptent|entend|entendent|objectif\s*:?)"
    r"(?:(?<=')|(?<=:)|\b)\s*(?:\w+\s+){0,1}$",
    _I,
)
# Words that put an event noun in the future or the hypothetical ("the risk of clashes",
# "la prochaine bataille sera"), and futures after the trigger ("is expected to start").
_MODAL_NEAR = re.compile(
    r"\b(?:risk|risks|risque|risques|threat|menace|fears?|craindre|craint|prochaine?s?|next"
    r"|possible|éventuel(?:le)?s?|potential)\b(?:\s+\S+){0,3}\s*$"
    # "the coming battle for Raqqa", "an impending assault" (not "troops coming from Baghdad
    # attacked": the adjective right before its noun)
    r"|\b(?:coming|upcoming|looming|impending)\s+(?:[\w-]+\s+)?$"
    # "both sides have been preparing for weeks for a battle over Sadad"
    r"|\bprepar(?:e|es|ed|ing)\s+(?:\S+\s+){0,3}?for\s+(?:a|an|the)\s+(?:\S+\s+)?$",
    _I,
)
_STILL_LATER = re.compile(
    r"\b(?:will|would)\s+still\s*$|\b(?:will|would)\s+(?:continue|go\s+on)\s+to\s*$"
    r"|\b(?:continuera|continueront|continuerait|continueraient)\s+(?:de|à)\s*$",
    _I,
)
_FUTURE_AFTER = re.compile(
    # (an apposition set off by commas may stand between: « La bataille pour Mossoul, deuxième
    # ville du pays, pourrait commencer à l'automne »)
    r"[^,;.]{0,60}?(?:,[^,;.]{1,80},\s*)?\b(?:(?:is|are)\s+(?:expected|due|set|scheduled)\s+to"
    r"|(?:will|could|may|might)\s+(?:start|begin)|sera|seront|doi(?:t|vent)\s+commencer"
    r"|devrai(?:t|ent)\s+commencer|pourrai(?:t|ent)\s+(?:commencer|débuter|être\s+lancée?)"
    # « les combats les plus durs nous attendent », « la bataille à venir »
    r"|(?:nous|les|vous)\s+attend(?:ent|ait|aient)?|à\s+venir"
    r"|est\s+attendue?)\b",
    _I,
)
# A negated state restricted to what follows: "holds no town except Rawa", "ne contrôle plus
# aucune ville, sauf Rawa".
_EXCEPT_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:except|apart\s+from|other\s+than|save\s+for|sauf|hormis|excepté"
    r"|à\s+l'exception\s+(?:de|du|des|d'))",
    _I,
)
_COMPLETED_FR = re.compile(
    r"\b(?:achev|termin|fini)\w*\s+(?:\w+\s+)?d[e'’]\s*$"
    # « six mois avant de prendre Rawa »: what came a counted time later, told in order
    r"|\b(?:jours?|semaines?|mois|ans|années?)\s+(?:avant|plus\s+tôt)\s+d[e'’]\s*$"
    # « les peshmergas avaient dû abandonner Jalawla », « contraints de se retirer »: done
    r"|\b(?:a|ont|avait|avaient|eut|eurent)\s+dû\s+(?:s['’]|se\s+)?$"
    r"|\b(?:contraint|forcé|obligé)e?s?\s+(?:de|d['’])\s*(?:s['’]|se\s+)?$"
    # « l'offensive a permis au régime de reprendre Maaret al-Noomane »: done
    r"|\bpermis\s+(?:à\s+l['’]|à\s+la\s+|au\s+|aux\s+)(?:[\w'’-]+\s+){0,3}?(?:de\s+|d['’])$"
    # « la première ville à tomber aux mains de l'EI »: a rank among things done
    r"|\b(?:première|premier|deuxième|seconde|dernière|dernier|seule|seul)s?\s+"
    r"(?:[\w-]+\s+)?(?:villes?|localités?|villages?|capitales?|chefs?-lieux?|provinces?"
    r"|quartiers?|bastions?|bases?|secteurs?|zones?)\s+"
    r"(?:[\w-]+\s+)?à\s+(?:être\s+)?$",
    _I,
)
# "were forced to withdraw", "had to abandon": done, not aimed at; "the first city to fall
# to the group", "the last town to be retaken": a rank among things done (not "the next")
_COMPLETED_EN = re.compile(
    r"\b(?:forced|compelled|obliged|had)\s+to\s+$"
    # "the offensive allowed the army to retake Rawa": done
    r"|\b(?:allowed|enabled|helped)\s+(?:[\w'’-]+\s+){1,3}?to\s+$"
    r"|\b(?:first|second|third|last|latest|only)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:city|cities|towns?|villages?|places?|provinces?|capitals?|districts?"
    r"|neighbou?rhoods?|bases?|strongholds?|areas?|one|ones)\s+to\s+(?:be\s+)?$",
    _I,
)


def done_before(text: str, at: int) -> bool:
    """Whether the words before ``at`` make the infinitive there a thing done, not an aim:
    "the first city to fall", "were forced to withdraw", « contraints de se retirer »."""
    near = text[max(0, at - 60) : at]
    return bool(_COMPLETED_EN.search(near) or _COMPLETED_FR.search(near))


_BEFORE_FR = re.compile(r"\bavant\s+(?:de\s+|d['’])(?:s['’]|se\s+)?$", _I)
# a main verb in a past tense before « avant de »: the sequence is told, not planned
_PAST_MAIN_FR = re.compile(
    r"\b(?:a|ont|avait|avaient|est|sont|était|étaient)\s+(?:[\w'’-]+\s+){0,2}?"
    r"\w+(?:é|ée|és|ées|is|ise|it|u|us)\b",
    _I,
)
_DAY_NEXT_FR = re.compile(
    rf"\s+(?:{_FR_DAY}|le\s+lendemain|la\s+veille|le\s+\d{{1,2}}(?:er)?\s)", _I
)
# no trigger verb ends in -ier, and a shelling noun does: « tirs de mortier » is no aim;
# nor is « voiture piégée » (« à la voiture piégée »: a means, not an aim)
_FR_INFINITIVE = re.compile(
    r"(?:(?<!i)er|ir|(?<!è)(?<!voitu)(?<!lib)(?<!a)re)$", _I
)  # (not « libre »)
_FR_NEG_AFTER = re.compile(
    r"\s+(?:pas|jamais|guère|point|aucun|aucune|plus\s+(?!(?:\w+\s+){0,3}?qu))", _I
)
_FR_PERFECT = re.compile(r"\b(?:avoir|être|ayant|étant)\s+(?:\w+\s+){0,2}$", _I)
_PASSIVE_FR = re.compile(r"\b(?:été|étaient|était|est|sont|fut|furent)\s+(?:\w+\s+){0,2}$", _I)
# « l'EI a lancé une contre-offensive et repris Z »: the auxiliary of the first verb serves
# the participle coordinated with it
_SHARED_AUX_FR = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?[\w-]+(?:é|ée|és|ées|is|it|u|us)\s[^.;,]{0,60}?"
    r"\bet\s+(?:\w+\s+)?$",
    _I,
)
# a pronominal verb is active: « l'EI s'est emparé de Z », « se sont rapidement emparées »
_REFLEXIVE_FR = re.compile(
    r"\b(?:se\s+|s['’])(?:en\s+|y\s+)?(?:est|sont|était|étaient|serait|seraient|fut|furent)\s+(?:\w+\s+){0,2}$",
    _I,
)
_PASSIVE_EN = re.compile(
    r"\b(?:was|were|been|be|being|is|are|had\s+been|has\s+been)\s+(?:\w+\s+){0,2}$", _I
)
_AUX_FR = re.compile(
    r"\b(?:a|ont|avait|avaient|aurait|auraient|aura|auront|avoir|ayant|s'est|se\s+sont|sont|est"
    # the first and second persons of quotations: « nous avons repris », « j'ai vu »
    r"|avons|avions|avez|aviez|ai|avais|sommes|êtes)"
    # (« ont d'abord pris »: an adverb with an apostrophe between)
    r"[\s«»\"“”]+(?:[\w'’]+[\s«»\"“”]+){0,3}$",
    _I,
)
_HEDGE = re.compile(
    r"\b(?:aurait|auraient|seraient|serait|reportedly|allegedly|purportedly|unconfirmed"
    r"|(?:could|can)\s*not\s+be\s+(?:independently\s+)?(?:verified|confirmed)"
    r"|not\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)|n'a\s+pu\s+être\s+vérifiée?"
    r"|n'a\s+pas\s+été\s+confirmée?|non\s+confirmée?|de\s+source\s+indépendante|a\s+claim\s+that"
    r"|selon\s+des\s+sources?|said\s+to\s+have|believed\s+to|thought\s+to|il\s+semble)",
    _I,
)


# A state said with être and a noun, not a participle: "les jihadistes sont maîtres de Z".
# a predicate after "be" that is no passive: "sont maîtres de", "are in (full) control of"
_PREDICATE_NOUN = re.compile(r"maîtres?$|in\s+(?:\w+\s+)?control\s+of$", _I)


@dataclass(frozen=True)
class Cues:
    """What the words before a trigger say about it."""

    negated: bool
    intent: bool
    passive: bool
    hedged: bool


def clause_start(text: str, start: int, floor: int) -> int:
    """Offset where the clause holding ``start`` begins (not before ``floor``)."""
    last = floor
    for match in _CLAUSE_BREAK.finditer(text, floor, start):
        last = match.end()
    return last


# (« même si le groupe conserve des positions »: a concession, said as fact)
_CONDITION = re.compile(
    r"\b(?:if|unless|whether|(?<!même\s)si|à\s+moins\s+qu)\b|\b(?<!même\s)s['’](?:ils?|elles?)\b",
    re.IGNORECASE,
)


_MODAL_LATER = re.compile(
    r"[^,;.:!?]{0,80}?\b(?:would|could|will|might|may|should|must|can)\b", re.IGNORECASE
)

_CONDITION_OPENS = re.compile(r"\s*(?:if|unless|si|s['’](?:ils?|elles?))\b", re.IGNORECASE)


def cues_before(text: str, hit: TriggerHit, sentence_start: int, lang: str) -> Cues:
    """Negation, intent and voice read from the clause before a trigger."""
    c_start = clause_start(text, hit.start, sentence_start)
    window = text[c_start : hit.start]
    near = text[max(sentence_start, hit.start - 40) : hit.start]
    first_word = hit.text.split()[0]
    if lang == "fr":
        negated = bool(_NEG_FR.search(window)) or bool(_FR_NO_LONGER.search(window))
        infinitive = (
            hit.spec.frame != "hold"
            and bool(_FR_INFINITIVE.search(first_word))
            and not _FR_PERFECT.search(near)
            # « après avoir perdu Mayadine »: a perfect infinitive in the trigger itself
            and not re.match(r"(?:avoir|être)\s", hit.text, _I)
        )
        # a bare infinitive names an aim ("pour reprendre", "nulle part où fuir"), unless it
        # is a perfect infinitive ("après avoir chassé", "a annoncé avoir repris")
        intent = infinitive and (hit.spec.frame != "event" or bool(_INTENT_FR.search(near)))
        if _COMPLETED_FR.search(near):
            intent = False  # "ont achevé de reprendre Rawa": done, not aimed at
        if _BEFORE_FR.search(near) and (
            _DAY_NEXT_FR.match(text, hit.end)
            or _PAST_MAIN_FR.search(
                text, sentence_start, hit.start - len(near) + near.rfind("avant")
            )
        ):
            # « avant de s'emparer vendredi de la citadelle », « ont lancé des assauts ...
            # avant de prendre le contrôle d'al-Choula »: told in order, after what was done
            intent = False
        if re.search(r"\b(?:ne|n')\s*$", near) and _FR_NEG_AFTER.match(text, hit.end):
            negated = True
        passive = bool(_PASSIVE_FR.search(near)) and not _REFLEXIVE_FR.search(near)
        shared_aux = _SHARED_AUX_FR.search(text, max(sentence_start, hit.start - 90), hit.start)
        if (
            hit.spec.frame in ("take", "expel")
            and not _AUX_FR.search(near)
            and not shared_aux
            and not intent
            # (« les FDS s'étaient emparées de Soussa »: a reflexive, active)
            and not _REFLEXIVE_FR.search(near)
        ):
            # a bare participle ("Anah, reprise fin septembre") is passive in meaning
            passive = passive or first_word.lower().endswith(("is", "ise", "ises", "ée", "ées"))
            # a masculine participle opening the sentence or set off by a comma ("Chassé de
            # Mossoul en juillet, le groupe...", "Tal Afar, libéré fin août") is passive too
            opening = re.search(r"(?:^|[,;(—–])\s*$", text[sentence_start : hit.start])
            passive = passive or (bool(opening) and first_word.lower().endswith(("é", "és")))
    else:
        negated = bool(_NEG_EN.search(window))
        intent = bool(_INTENT_EN.search(near)) and not first_word.lower().endswith("ed")
        if _COMPLETED_EN.search(near):
            intent = False
        # ("were battling militants": a progressive, not a passive)
        passive = bool(_PASSIVE_EN.search(near)) and not first_word.lower().endswith("ing")
    if hit.spec.frame == "take_noun" and re.match(r"(?:après|after)\b", hit.text, _I):
        # "ne contrôle plus aucune ville après la reprise de Rawa": the noun phrase after the
        # preposition is not under the main verb's negation
        negated = bool(re.search(r"\b(?:pas|not|no|never|jamais)\s+$", near))
    if hit.spec.frame in ("enter", "leave") or _PREDICATE_NOUN.match(hit.text):
        # "sont entrées", "se sont retirés", "sont maîtres de": être is their auxiliary
        passive = False
    if negated and hit.spec.frame == "hold" and _EXCEPT_AFTER.match(text, hit.end):
        # "no longer controls any town in Iraq except Rawa": it holds Rawa
        negated = False
    if (
        lang != "fr"
        and first_word.lower().endswith("ing")
        and not window.strip()
        and _MODAL_LATER.match(text, hit.end)
    ):
        # "Retaking Baiji would secure the road north": a gerund subject of a modal verb is
        # a prospect, not an event
        intent = True
    hedged = bool(_HEDGE.search(window)) or first_word.lower().startswith(("aurai", "serai"))
    if _MODAL_NEAR.search(near) or _FUTURE_AFTER.match(text, hit.end):
        intent = True
    if hit.spec.frame == "hold" and _STILL_LATER.search(near):
        # "even if Ramadi falls, the militants will still control Fallujah": a state now that
        # lasts, not an aim (and not the hypothesis of the clause before the comma)
        return Cues(negated=negated, intent=False, passive=passive, hedged=hedged)
    if _CONDITION.search(window) or _CONDITION_OPENS.match(text, sentence_start, hit.start):
        # "If Iraqi forces retake Rawa, the group will lose its last town": a hypothesis
        intent = True
    if hit.spec.frame == "hold" and _ESCAPED_CONTROL.search(near):
        # « Elle échappait au contrôle du pouvoir depuis 2012 », "slipped out of government
        # control": the side named no longer holds it
        negated = True
    return Cues(negated=negated, intent=intent, passive=passive, hedged=hedged)


_ESCAPED_CONTROL = re.compile(
    r"\b(?:échapp\w*|soustrait\w*)\s+(?:au|à\s+(?:tout|son|leur))\s*\Z"
    r"|\b(?:out\s+of|beyond|escaped|slipped\s+(?:out\s+of|from))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?\Z",
    _I,
)


def escaped_control(text: str, hit: TriggerHit, sentence_start: int) -> bool:
    """Whether a state of control is told as escaped (« échappe au contrôle du pouvoir »)."""
    near = text[max(sentence_start, hit.start - 40) : hit.start]
    return hit.spec.frame == "hold" and _ESCAPED_CONTROL.search(near) is not None


def sentence_hedged(sentence: str) -> bool:
    """True when the sentence says its own claim is unverified or reported second-hand."""
    return bool(_HEDGE.search(sentence))
