"""Hand-built place mentions for the first real article (AFP, 3 November 2017).

The geoparser is not an input of these tests: each toponym of the seed is located by its
spelling in the text and given the feature a correct geoparser would return.
"""

from __future__ import annotations

import re

from dashboard.articles import Article
from dashboard.geoparse.model import PlaceMention

# spelling pattern -> (place_id, name, lat, lon, kind, precision, country, admin1)
SEED_FEATURES: tuple[tuple[str, tuple], ...] = (
    (
        r"poste-frontière de Husaybah",
        (
            "cur:husaybah-crossing",
            "Husaybah border crossing",
            34.4082,
            40.9707,
            "crossing",
            "point",
            "IQ",
            "IQ.01",
        ),
    ),
    (
        r"province de Deir Ezzor",
        (
            "gn:170792",
            "Deir ez-Zor Governorate",
            35.0736,
            40.275,
            "admin1",
            "governorate",
            "SY",
            "SY.07",
        ),
    ),
    (
        r"province de l'Anbar",
        ("gn:99592", "Al-Anbar Governorate", 33.4, 42.0, "admin1", "governorate", "IQ", "IQ.01"),
    ),
    (r"al-Qaïm|Al-Qaïm", ("gn:92138", "Al-Qaim", 34.37, 41.09, "town", "point", "IQ", "IQ.01")),
    (
        r"Albou Kamal",
        ("gn:174448", "Abu Kamal", 34.45226, 40.91854, "town", "point", "SY", "SY.07"),
    ),
    (
        r"ville de Deir Ezzor",
        ("gn:170794", "Deir ez-Zor", 35.33588, 40.14084, "city", "point", "SY", "SY.07"),
    ),
    (
        r"Deir Ezzor",
        (
            "gn:170792",
            "Deir ez-Zor Governorate",
            35.0736,
            40.275,
            "admin1",
            "governorate",
            "SY",
            "SY.07",
        ),
    ),
    (
        r"al-Karabla",
        ("cur:al-karabla", "Al-Karabla", 34.385, 41.045, "town", "point", "IQ", "IQ.01"),
    ),
    (r"Saada", ("cur:saada", "Saada", 34.362, 41.125, "village", "point", "IQ", "IQ.01")),
    (r"Husaybah", ("cur:husaybah", "Husaybah", 34.39251, 40.98945, "town", "point", "IQ", "IQ.01")),
    (r"Irak", ("gn:99237", "Iraq", 33.0, 44.0, "country", "country", "IQ", None)),
    (r"Syrie", ("gn:163843", "Syria", 35.0, 38.0, "country", "country", "SY", None)),
    (r"Euphrate", ("name:Euphrates", "Euphrates", 34.47, 41.91, "river", "river", None, None)),
)


def seed_places(article: Article) -> list[PlaceMention]:
    """Place mentions of the seed article; longer spellings claim their span first."""
    taken: list[tuple[int, int]] = []
    mentions: list[PlaceMention] = []
    for pattern, feature in SEED_FEATURES:
        place_id, name, lat, lon, kind, precision, country, admin1 = feature
        for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", article.text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            mentions.append(
                PlaceMention(
                    article.id,
                    match.start(),
                    match.end(),
                    match.group(0),
                    place_id,
                    name,
                    lat,
                    lon,
                    kind,
                    precision,
                    country,
                    admin1,
                    0.9,
                )
            )
    return sorted(mentions, key=lambda m: m.start)
