"""Tiny articles and place mentions written in the tests, so each rule is shown in isolation."""

from __future__ import annotations

import bisect
import re
from datetime import date

from dashboard.articles.model import Article, Paragraph, article_id
from dashboard.geoparse.model import PlaceMention
from dashboard.geoparse.recognise import sentence_bounds

# name -> (place_id, lat, lon, precision, country)
PLACES: dict[str, tuple[str, float, float, str, str | None]] = {
    "Rawa": ("gn:92004", 34.48, 41.92, "point", "IQ"),
    "Anah": ("gn:99131", 34.37, 41.99, "point", "IQ"),
    "Hit": ("gn:94787", 33.64, 42.83, "point", "IQ"),
    "Mayadin": ("gn:170017", 35.02, 40.45, "point", "SY"),
    "Hajin": ("gn:171000", 34.69, 40.83, "point", "SY"),
    "Tabqa": ("gn:163345", 35.83, 38.55, "point", "SY"),
    "province de Homs": ("gn:169575", 34.5, 37.9, "governorate", "SY"),
    "Anbar": ("gn:99592", 33.23, 41.53, "governorate", "IQ"),
    "province d'Anbar": ("gn:99592", 33.23, 41.53, "governorate", "IQ"),
    "Homs province": ("gn:169575", 34.5, 37.9, "governorate", "SY"),
    "Sinjar": ("gn:94298", 36.32, 41.87, "point", "IQ"),
    "Makhmour": ("gn:99237", 35.78, 43.58, "point", "IQ"),
    "Kirkuk": ("gn:94796", 35.47, 44.39, "point", "IQ"),
    "Kirkouk": ("gn:94796", 35.47, 44.39, "point", "IQ"),
    "Haditha": ("gn:96994", 34.14, 42.38, "point", "IQ"),
    "Ramadi": ("gn:91875", 33.42, 43.3, "point", "IQ"),
    "Husaybah": ("name:Husaybah", 34.39, 40.99, "point", "IQ"),
    "al-Qaim": ("gn:92138", 34.37, 41.09, "point", "IQ"),
    "Akashat": ("gn:99414", 33.58, 40.6, "point", "IQ"),
    "Mosul": ("gn:99072", 36.34, 43.13, "point", "IQ"),
    "Mossoul": ("gn:99072", 36.34, 43.13, "point", "IQ"),
    "Tal Afar": ("gn:93875", 36.38, 42.45, "point", "IQ"),
    "Abu Kamal": ("gn:174186", 34.45, 40.92, "point", "SY"),
    "Albou Kamal": ("gn:174186", 34.45, 40.92, "point", "SY"),
    "Palmyra": ("gn:163096", 34.56, 38.27, "point", "SY"),
    "Palmyre": ("gn:163096", 34.56, 38.27, "point", "SY"),
    "Manbij": ("gn:166749", 36.53, 37.95, "point", "SY"),
    "Raqqa": ("gn:172955", 35.95, 39.01, "point", "SY"),
    "Rakka": ("gn:172955", 35.95, 39.01, "point", "SY"),
    "Susah": ("gn:163179", 34.48, 40.98, "point", "SY"),
    "Soussa": ("gn:163179", 34.48, 40.98, "point", "SY"),
    "Hasakah province": ("gn:173813", 36.5, 40.7, "governorate", "SY"),
    "province de Hassaké": ("gn:173813", 36.5, 40.7, "governorate", "SY"),
    "Deir ez-Zor province": ("gn:170792", 35.0, 40.2, "governorate", "SY"),
    "Euphrate": ("name:Euphrates", 34.47, 41.91, "river", None),
    "Euphrates": ("name:Euphrates", 34.47, 41.91, "river", None),
    "Tikrit": ("name:Tikrit", 34.6, 43.68, "point", "IQ"),
    "Hawija": ("gn:390188", 35.33, 43.78, "point", "IQ"),
    "Idlib": ("gn:169389", 35.93, 36.63, "point", "SY"),
    "Idleb": ("gn:169389", 35.93, 36.63, "point", "SY"),
    "Afrin": ("name:Afrin", 36.51, 36.87, "point", "SY"),
    "Afrine": ("name:Afrin", 36.51, 36.87, "point", "SY"),
    "Aleppo": ("gn:170063", 36.2, 37.16, "point", "SY"),
    "Alep": ("gn:170063", 36.2, 37.16, "point", "SY"),
    "Turkey": ("name:Turkey", 39.0, 35.0, "country", "TR"),
    "Jordan": ("name:Jordan", 31.0, 36.0, "country", "JO"),
    "Syrie": ("gn:163843", 35.0, 38.0, "country", "SY"),
    "Syria": ("gn:163843", 35.0, 38.0, "country", "SY"),
    "Irak": ("name:Iraq", 33.0, 44.0, "country", "IQ"),
    "Eastern Ghouta": ("name:Eastern Ghouta", 33.55, 36.4, "region", "SY"),
    "Idlib province": ("gn:169388", 35.75, 36.6, "governorate", "SY"),
    "Daraa province": ("gn:170903", 32.9, 36.2, "governorate", "SY"),
    "Quneitra province": ("gn:173334", 33.05, 35.9, "governorate", "SY"),
    "Jarabulus": ("gn:169304", 36.82, 38.01, "point", "SY"),
    "al-Raï": ("gn:163600", 36.6, 37.53, "point", "SY"),
    "province d'Alep": ("gn:170062", 36.2, 37.5, "governorate", "SY"),
    "Dabiq": ("gn:170500", 36.54, 37.27, "point", "SY"),
    "al-Bab": ("gn:174448", 36.37, 37.52, "point", "SY"),
    "province d'Idleb": ("gn:169388", 35.75, 36.6, "governorate", "SY"),
    "Aïn al-Fijé": ("gn:172232", 33.65, 36.18, "point", "SY"),
    "Daraya": ("gn:170652", 33.46, 36.24, "point", "SY"),
    "Damas": ("gn:170654", 33.51, 36.29, "point", "SY"),
    "Damascus": ("gn:170654", 33.51, 36.29, "point", "SY"),
    "Jobar": ("gn:170655", 33.53, 36.33, "point", "SY"),
    "Aleppo province": ("gn:170062", 36.2, 37.5, "governorate", "SY"),
    "Raqqa province": ("gn:163806", 35.9, 38.9, "governorate", "SY"),
    "Tabqa air base": ("name:Tabqa air base", 35.75, 38.57, "point", "SY"),
    "champ d'Omar": ("name:Al-Omar oil field", 35.06, 40.53, "point", "SY"),
    "Omar oil field": ("name:Al-Omar oil field", 35.06, 40.53, "point", "SY"),
    "champ de Conoco": ("name:Conoco gas field", 35.3, 40.3, "point", "SY"),
    "Mashlab": ("name:Mashlab", 35.95, 39.05, "district", "SY"),
    "Ariha": ("gn:173576", 35.81, 36.61, "point", "SY"),
    "Hama province": ("gn:170015", 35.2, 37.0, "governorate", "SY"),
    "Ruhaiba": ("gn:172070", 33.74, 36.7, "point", "SY"),
    "Jayrud": ("gn:169118", 33.81, 36.74, "point", "SY"),
    "Yarmouk camp": ("name:Yarmouk camp", 33.47, 36.3, "district", "SY"),
    "Hajar al-Aswad": ("gn:169909", 33.46, 36.3, "point", "SY"),
    "Jarablus": ("gn:169304", 36.82, 38.01, "point", "SY"),
    "al-Baghdadi": ("name:Baghdadi", 33.87, 42.54, "point", "IQ"),
    "Tal Hamis": ("gn:163029", 36.72, 41.58, "point", "SY"),
    "Kessab": ("gn:169000", 35.93, 35.99, "point", "SY"),
    "poste-frontière de Kessab": ("name:Kessab crossing", 35.94, 35.98, "point", "SY"),
    "province de Lattaquié": ("gn:173576b", 35.6, 36.0, "governorate", "SY"),
    "Yabroud": ("gn:163270", 33.97, 36.66, "point", "SY"),
    "Tadef": ("gn:163400", 36.33, 37.53, "point", "SY"),
    "Sadad": ("gn:163500", 34.31, 36.92, "point", "SY"),
    "Baghouz": ("gn:173000", 34.46, 40.95, "point", "SY"),
    "province de Deir Ezzor": ("gn:170792", 35.0, 40.2, "governorate", "SY"),
    "Mahin": ("gn:167300", 34.25, 37.02, "point", "SY"),
    "al-Karama": ("name:Karama", 36.35, 43.2, "district", "IQ"),
    "Karama": ("name:Karama", 36.35, 43.2, "district", "IQ"),
    "Gogjali": ("name:Gogjali", 36.35, 43.25, "district", "IQ"),
    "Sakhour": ("name:Sakhour", 36.22, 37.18, "district", "SY"),
    "Haidariya": ("name:Haidariya", 36.23, 37.17, "district", "SY"),
    "Homs": ("gn:169577", 34.73, 36.72, "point", "SY"),
    "Erbil": ("gn:95446", 36.19, 44.01, "point", "IQ"),
    "Bartella": ("gn:99548", 36.35, 43.38, "point", "IQ"),
    "Sheikh Najjar": ("name:Sheikh Najjar", 36.27, 37.26, "point", "SY"),
    "Rastan": ("name:Rastan", 34.93, 36.73, "point", "SY"),
    "Talbissé": ("name:Talbiseh", 34.84, 36.73, "point", "SY"),
    "Jarablous": ("name:Jarabulus", 36.82, 38.01, "point", "SY"),
    "al-Chaddadi": ("name:Shaddadi", 36.06, 40.73, "point", "SY"),
    "Joura": ("name:Al-Joura", 35.33, 40.12, "district", "SY"),
    "al-Baghaliyeh": ("name:Al-Baghaliyeh", 35.36, 40.1, "district", "SY"),
    "Deir Ezzor": ("gn:170794", 35.33, 40.14, "point", "SY"),
    "aéroport militaire de Deir Ezzor": ("name:Deir ez-Zor Airport", 35.28, 40.18, "point", "SY"),
    "Qoussour": ("name:Al-Qusour", 35.34, 40.13, "district", "SY"),
    "aéroport de Tabqa": ("name:Tabqa airport", 35.75, 38.57, "point", "SY"),
    "Tal Tamr": ("gn:163032", 36.65, 40.37, "point", "SY"),
    "Bosra al-Cham": ("gn:170017b", 32.52, 36.48, "point", "SY"),
    "province de Deraa": ("gn:170903", 32.9, 36.2, "governorate", "SY"),
    "Deraa": ("gn:170904", 32.62, 36.1, "point", "SY"),
    "Soueïda": ("gn:163808", 32.7, 36.57, "governorate", "SY"),
    "Golan": ("name:Golan Heights", 33.0, 35.8, "region", "SY"),
    "Yarmouk basin": ("name:Yarmouk basin", 32.77, 35.9, "region", "SY"),
    "Qalamoun": ("name:Qalamoun Mountains", 33.95, 36.6, "region", "SY"),
    "Iraq": ("name:Iraq", 33.0, 44.0, "country", "IQ"),
}


def article(
    body: str,
    lang: str,
    published: date = date(2017, 11, 10),
    *,
    headline: str | None = None,
    caption: str | None = None,
) -> Article:
    """An article whose paragraphs are separated by blank lines, optionally with a headline
    before and a caption after the body."""
    parts: list[tuple[str, str]] = []
    if headline:
        parts.append(("headline", headline))
    parts.extend(("body", p) for p in body.split("\n\n"))
    if caption:
        parts.append(("caption", caption))
    text = ""
    paragraphs = []
    for kind, content in parts:
        if text:
            text += "\n\n"
        paragraphs.append(Paragraph(len(text), len(text) + len(content), kind))  # type: ignore[arg-type]
        text += content
    return Article(
        id=article_id(text),
        text=text,
        title=headline,
        language=lang,
        language_confidence=1.0,
        published=published,
        published_origin="user",
        published_confidence=1.0,
        source="test",
        url=None,
        path=None,
        format="text",
        paragraphs=tuple(paragraphs),
    )


def _kind(name: str, precision: str) -> str:
    if precision in ("region", "river"):
        return precision
    lowered = name.lower()
    if "air base" in lowered or "airport" in lowered or "aéroport" in lowered:
        return "airport"
    if "field" in lowered or "champ" in lowered:
        return "oilfield"
    if "crossing" in lowered or "poste-frontière" in lowered:
        return "crossing"
    if name in _CITIES:
        return "city"
    return "town"


# the large cities among the names above, as the gazetteer kinds them
_CITIES = frozenset({"Mosul", "Mossoul", "Aleppo", "Alep", "Homs", "Erbil", "Deir Ezzor"})


def places_in(doc: Article) -> list[PlaceMention]:
    """Every occurrence of a known place name in the article, longest names first."""
    taken: list[tuple[int, int]] = []
    found = []
    # the sentence of each mention, counted as the geoparser counts them
    ends = [end for _, end, _ in sentence_bounds(doc)]
    for name in sorted(PLACES, key=len, reverse=True):
        place_id, lat, lon, precision, country = PLACES[name]
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(
                PlaceMention(
                    doc.id,
                    m.start(),
                    m.end(),
                    name,
                    place_id,
                    name,
                    lat,
                    lon,
                    _kind(name, precision),
                    precision,
                    country,
                    None,
                    1.0,
                    sentence_index=min(bisect.bisect_right(ends, m.start()), len(ends) - 1),
                )
            )
    return sorted(found, key=lambda p: p.start)
