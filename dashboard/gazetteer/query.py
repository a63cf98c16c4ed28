"""Querying the shipped gazetteer: fast key checks for recognisers, ranked lookups for resolvers.

Ranking, in order of weight:

1. how the name matched — the feature's own name written exactly (case-insensitive) beats
   any alias folding to the same key, which beats a key whose Arabic article was rewritten
   ("Deir al-Zor" for "Deir ez-Zor"), which beats one whose article was dropped ("Qaim");
2. importance — population on a log scale, seats and capitals, a fixed weight for countries,
   governorates, districts, rivers…;
3. a regional prior per country (a constructor parameter, default: Iraq and Syria first, then
   their neighbours), so "Ana" means Anah on the Euphrates, not a village elsewhere, while
   "Paris" still means the capital of France;
4. hints: ``lang="fr"`` favours features whose French exonym matched ("Tigre" the river);
   ``kind_hint`` (or a qualifier in the text: "province de …", "… governorate", "fleuve …",
   "poste-frontière de …") favours features of those kinds.

Scores are in 0..1 and comparable across queries (the resolver can threshold them).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

from dashboard.errors import GeodataMissing
from dashboard.gazetteer.folding import article_variants, fold, spelling_variants
from dashboard.gazetteer.index_file import GAZETTEER_FILE, read_index, text_list
from dashboard.gazetteer.model import (
    FEATURE_APPROXIMATE,
    FEATURE_CAPITAL,
    FEATURE_CURATED,
    FEATURE_SEAT,
    KIND_CODE,
    KINDS,
    POSTING_FRENCH,
    POSTING_PRIMARY,
    POSTING_QUALIFIED,
    POSTING_RANK_MASK,
    Candidate,
)

# Iraq and Syria are the product's theatre; their neighbours come up constantly in its press.
DEFAULT_REGION_PRIOR: Mapping[str, float] = {
    "IQ": 1.0,
    "SY": 1.0,
    "TR": 0.5,
    "JO": 0.5,
    "LB": 0.5,
    "IR": 0.4,
    "SA": 0.4,
    "KW": 0.4,
    "IL": 0.3,
    "PS": 0.3,
    "EG": 0.2,
}

# Fixed importance of features that have no population worth comparing.
_KIND_IMPORTANCE = {
    "continent": 0.95,
    "world_region": 0.9,
    "country": 0.95,
    "admin1": 0.70,
    "admin2": 0.45,
    "admin3": 0.40,
    "river": 0.72,
    "lake": 0.55,
    "crossing": 0.50,
    "oilfield": 0.50,
    "region": 0.55,
    "sea": 0.85,
    "other": 0.35,
    # below the towns an airport is named after, above the villages a name may also be
    "airport": 0.45,
}
_BIG_AREA = 300_000
_DESIGNATED = re.compile(
    r"\b(?:County|Parish|Borough|City|District|Municipality|Province|Prefecture|Department"
    r"|Region|Oblast|Raion|Rayon|Kreis|Landkreis|Comarca|Provincia|Departamento|Municipio)\b"
    r"|\b(?:of|de|del|di)\b",
    re.IGNORECASE,
)
_BIG_AREA_CAP = 0.8
_MATCH_QUALITY = (0.88, 0.82, 0.74)  # by article rank: as written, "al" form, dropped
_OWN_NAME = 0.92  # the key came from the feature's own name, not only from an alternate name
_EXACT_NAME = 1.0  # the feature's own name, written exactly as queried (case aside)
_QUERY_VARIANT_PENALTY = 0.04
_FRENCH_BONUS = 0.08
# importance = _BASE + _SIZE_WEIGHT * size/rank + _REGION_WEIGHT * regional prior (sums to 1)
_BASE = 0.3
_SIZE_WEIGHT = 0.5
_REGION_WEIGHT = 0.2
# Features the curated table adds are there because this theatre's press names them; they
# have no population figure, so they get the importance of a small town.
_CURATED_FLOOR = 0.6
_KIND_MISS_FACTOR = 0.6

_ADMIN = ("admin1", "admin2", "admin3")
# Qualifiers the press puts around a name; they become kind hints and are removed.
_PREFIXES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(p, re.IGNORECASE), kinds)
    for p, kinds in (
        (r"^(?:la |le )?(?:province|gouvernorat|governorate|wilaya|muhafaza)\b", _ADMIN),
        (r"^(?:le )?(?:district|qada|caza|sous-district|nahiya)\b", ("admin2", "admin3")),
        (r"^(?:le )?(?:fleuve|rivière|river)\b", ("river",)),
        (r"^(?:le |la )?(?:lac|lake)\b", ("lake",)),
        (
            r"^(?:le |la )?(?:poste[- ]fronti[eè]re|point de passage|passage frontalier|"
            r"passage|border crossing|crossing|checkpoint)\b",
            ("crossing",),
        ),
        (r"^(?:le )?(?:champ (?:p[ée]trolier|de p[ée]trole)|gisement)\b", ("oilfield",)),
        (
            r"^(?:l['’]|la )?(?:a[ée]roport(?: international| militaire)?|base a[ée]rienne"
            r"(?: militaire)?)\b",
            ("airport",),
        ),
        (
            r"^(?:la )?(?:ville|city|town|localit[ée]|village|bourgade)\b",
            ("city", "town", "village"),
        ),
    )
)
_PREFIX_LINK = re.compile(r"^\s*(?:of the|of|de la|de l'|de l’|du|des|de|d'|d’)?\s*", re.IGNORECASE)
_SUFFIXES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(p, re.IGNORECASE), kinds)
    for p, kinds in (
        (r"\s+(?:province|governorate|gouvernorat)$", _ADMIN),
        (r"\s+region$", (*_ADMIN, "region")),  # "Kurdistan Region" is no governorate
        (r"\s+(?:district|sub-district|subdistrict)$", ("admin2", "admin3")),
        (r"\s+river$", ("river",)),
        (r"\s+(?:border crossing|crossing|border post)$", ("crossing",)),
        (r"\s+(?:oil ?field|gas ?field)$", ("oilfield",)),
        (
            r"\s+(?:(?:international|military)\s+)?(?:airport|air ?base|airfield|air field)$",
            ("airport",),
        ),
        (r"\s+(?:city|town)$", ("city", "town")),
    )
)
# Only names with an article-like word are worth the cost of computing article variants.
_ARTICLE_HINT = re.compile(
    r"(?:^|[\s\-])(?:[aeiu]l|[aeu](?:[tdrzsn]|sh|th|dh))(?:[\s\-]|$)", re.IGNORECASE
)
_QUALIFIER_WORDS = re.compile(
    r"province|gouvernorat|governorate|wilaya|muhafaza|district|qada|caza|nahiya|fleuve|"
    r"rivi[eè]re|river|lac\b|lake|fronti[eè]re|passage|crossing|checkpoint|champ|gisement|"
    r"field|ville|city|town|localit|village|bourgade|region|border|a[ée]roport|airport|air ?base"
    r"|base a[ée]rienne",
    re.IGNORECASE,
)


def split_qualifier(text: str) -> tuple[str, tuple[str, ...] | None]:
    """Separate a press qualifier from a name: "province de Deir Ezzor" → ("Deir Ezzor", admin).

    Returns the bare name and the kinds the qualifier implies (``None`` when there is none).
    """
    stripped = text.strip()
    for pattern, kinds in _PREFIXES:
        m = pattern.match(stripped)
        if m:
            rest = _PREFIX_LINK.sub("", stripped[m.end() :], count=1).strip()
            if rest:
                return rest, kinds
    for pattern, kinds in _SUFFIXES:
        m = pattern.search(stripped)
        if m and m.start() > 0:
            return stripped[: m.start()].strip(), kinds
    return stripped, None


class Gazetteer:
    """Read-only place index: sorted folded keys, postings, and per-feature arrays.

    Build one with :func:`load_gazetteer`; it is immutable and safe to share between threads.
    """

    def __init__(self, path: Path, region_prior: Mapping[str, float] | None = None) -> None:
        data = read_index(path)
        self.path = path
        meta = data["meta"]
        self.region_prior: Mapping[str, float] = dict(
            DEFAULT_REGION_PRIOR if region_prior is None else region_prior
        )
        self._keys: list[str] = text_list(data["keys"])
        self._key_start: list[int] = data["key_start"].tolist()
        self._post_feat: list[int] = data["post_feat"].tolist()
        self._post_flags: list[int] = data["post_flags"].tolist()
        self._rep: list[str] = text_list(data["rep"])
        self._spellings: list[str] = text_list(data["spellings"])
        self._id: list[str] = text_list(data["id"])
        self._name: list[str] = text_list(data["name"])
        self._source: list[str] = text_list(data["source"])
        self._lat, self._lon = data["lat"], data["lon"]
        self._lat_list: list[float] = self._lat.tolist()
        self._lon_list: list[float] = self._lon.tolist()
        self._population = data["population"]
        self._kind = data["kind"]
        self._flags = data["flags"]
        self._country = data["country"]
        self._admin1 = data["admin1"]
        self._countries: list[str] = meta["countries"]
        self._admin1_table: list[list[str]] = meta["admin1"]
        self.max_name_tokens: int = int(meta["max_name_tokens"])
        self._importance: list[float] = self._compute_importance().tolist()
        self._kind_list: list[int] = self._kind.tolist()
        self._ids: dict[str, int] | None = None

    # -- sizes and keys -------------------------------------------------------------------

    def __len__(self) -> int:
        """Number of features."""
        return len(self._lat)

    @property
    def keys(self) -> list[str]:
        """All folded keys, sorted (do not mutate); a recogniser can bisect it for prefixes."""
        return self._keys

    @property
    def key_count(self) -> int:
        return len(self._keys)

    def _key_index(self, key: str) -> int:
        i = bisect.bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            return i
        return -1

    def has_key(self, key: str) -> bool:
        """Whether an already folded key names any feature (≈0.5 µs, no allocation)."""
        i = bisect.bisect_left(self._keys, key)
        return i < len(self._keys) and self._keys[i] == key

    def has_prefix(self, prefix: str) -> bool:
        """Whether some key starts with this folded prefix (lets a scanner stop extending)."""
        i = bisect.bisect_left(self._keys, prefix)
        return i < len(self._keys) and self._keys[i].startswith(prefix)

    def key_or_prefix(self, key: str) -> tuple[bool, bool]:
        """:meth:`has_key` and :meth:`has_prefix` of one folded key from a single bisection
        (a scanner asks both at every word it extends a name by)."""
        i = bisect.bisect_left(self._keys, key)
        if i == len(self._keys):
            return False, False
        found = self._keys[i]
        return found == key, found.startswith(key)

    def spelled_as_indexed(self, text: str) -> bool:
        """Whether some place writes its name as ``text`` does, up to case, accents, spaces and
        punctuation, rather than only folding to the same key ("Putting" folds to Puting, a
        name of Anshun, but no place is spelled "Putting")."""
        key = fold(text)
        ki = self._key_index(key)
        if ki < 0:
            return False
        written = spelling_variants(text).get(key)
        if written is None:
            return True  # Arabic script: the key is the spelling
        return written in self._spellings[ki].split("\t")

    def contains_name(self, text: str) -> bool:
        """Whether a name as written (folded here) matches any key."""
        return self.has_key(fold(text))

    def candidates_for_key(self, key: str) -> list[int]:
        """Feature indices posted under a folded key (use :meth:`feature_at` to read them)."""
        i = self._key_index(key)
        if i < 0:
            return []
        return self._post_feat[self._key_start[i] : self._key_start[i + 1]]

    # -- features --------------------------------------------------------------------------

    def _compute_importance(self) -> np.ndarray:
        """Per-feature prior in 0..1: size and rank, then the regional prior, added linearly.

        Linear (not clipped) so a large city still outranks the same-named governorate when
        both sit in the favoured region.
        """
        pop = np.log10(self._population.astype(np.float64) + 1.0) / 7.0
        local = np.clip(pop, 0.0, 1.0)
        kinds = self._kind
        sized = local.copy()
        for kind, value in _KIND_IMPORTANCE.items():
            mask = kinds == KIND_CODE[kind]
            local[mask] = np.maximum(value, np.minimum(local[mask], value + 0.05))
        # a county of a million people ("Kent", "Essex") is the place a bare name means more
        # often than a small town abroad; the small discount, with the resolver's bonus for
        # settlements, keeps a town of comparable size ahead of the county named after it
        big_area = np.isin(kinds, [KIND_CODE[k] for k in ("admin2", "region")]) & (
            self._population >= _BIG_AREA
        )
        for fi in np.flatnonzero(big_area):
            # "Harris County", "City of Norfolk": a name with its designator is matched by the
            # bare word only through an alias, and bare words are people's names too
            if _DESIGNATED.search(self._name[fi]):
                big_area[fi] = False
        local[big_area] = np.maximum(
            local[big_area], np.minimum(sized[big_area] - 0.05, _BIG_AREA_CAP)
        )
        populated = np.isin(kinds, [KIND_CODE[k] for k in ("city", "town", "village")])
        local += np.where(populated & ((self._flags & FEATURE_SEAT) > 0), 0.05, 0.0)
        local += np.where((self._flags & FEATURE_CAPITAL) > 0, 0.1, 0.0)
        curated = (self._flags & FEATURE_CURATED) > 0
        local[curated] = np.maximum(local[curated], _CURATED_FLOOR)
        local = np.clip(local, 0.0, 1.0)
        prior = np.asarray(
            [min(max(self.region_prior.get(c, 0.0), 0.0), 1.0) for c in self._countries],
            dtype=np.float64,
        )
        return _BASE + _SIZE_WEIGHT * local + _REGION_WEIGHT * prior[self._country]

    def _candidate(self, fi: int, score: float, matched: str) -> Candidate:
        code, admin1 = self._admin1_table[int(self._admin1[fi])]
        return Candidate(
            id=self._id[fi],
            name=self._name[fi],
            lat=self._lat_list[fi],
            lon=self._lon_list[fi],
            kind=KINDS[self._kind_list[fi]],
            country=self._countries[int(self._country[fi])],
            admin1=admin1,
            admin1_code=code,
            population=int(self._population[fi]),
            score=score,
            matched=matched,
            approximate=bool(self._flags[fi] & FEATURE_APPROXIMATE),
            source=self._source[fi],
        )

    def feature_at(self, index: int) -> Candidate:
        """The feature stored at an index, as a candidate with score 0."""
        return self._candidate(index, 0.0, "")

    def get(self, feature_id: str) -> Candidate | None:
        """A feature by its stable id ("gn:170794", "cur:husaybah-crossing"), or ``None``."""
        if self._ids is None:
            self._ids = {fid: i for i, fid in enumerate(self._id)}
        index = self._ids.get(feature_id)
        return None if index is None else self.feature_at(index)

    # -- ranked lookup ---------------------------------------------------------------------

    def lookup(
        self,
        name: str,
        lang: str | None = None,
        limit: int = 10,
        kind_hint: str | Iterable[str] | None = None,
    ) -> list[Candidate]:
        """Ranked candidates for a place name as written, best first.

        ``kind_hint`` (one kind or several) favours those kinds without excluding others;
        a qualifier in the name ("province de …") sets it when not given.
        """
        return list(self._lookup_cached(name, lang, limit, _kinds_tuple(kind_hint)))

    @lru_cache(maxsize=50_000)  # noqa: B019 - the gazetteer lives for the process
    def _lookup_cached(
        self, name: str, lang: str | None, limit: int, kinds: tuple[str, ...] | None
    ) -> tuple[Candidate, ...]:
        return tuple(self.lookup_uncached(name, lang, limit, kinds))

    def lookup_uncached(
        self,
        name: str,
        lang: str | None = None,
        limit: int = 10,
        kind_hint: str | Iterable[str] | None = None,
    ) -> list[Candidate]:
        """:meth:`lookup` without the per-process result cache (for benchmarks)."""
        kinds = _kinds_tuple(kind_hint)
        text = name.strip()
        if _QUALIFIER_WORDS.search(text):
            bare, implied = split_qualifier(text)
            if implied is not None and bare:
                text = bare
                kinds = kinds or implied
        scored: dict[int, tuple[float, int]] = {}
        if text != name.strip():
            # the qualified form may itself be an alias ("poste-frontière de Husaybah")
            whole = name.strip()
            self._score_key(fold(whole), whole, lang, kinds, 0.0, scored)
        key = fold(text)
        self._score_key(key, text, lang, kinds, 0.0, scored)
        if not scored and _ARTICLE_HINT.search(text):
            for variant, rank in article_variants(text).items():
                if variant != key and rank:
                    self._score_key(variant, text, lang, kinds, _QUERY_VARIANT_PENALTY, scored)
        if not scored:
            return []
        best = sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
        return [self._candidate(fi, round(score, 6), self._rep[ki]) for fi, (score, ki) in best]

    def _score_key(
        self,
        key: str,
        text: str,
        lang: str | None,
        kinds: tuple[str, ...] | None,
        penalty: float,
        out: dict[int, tuple[float, int]],
    ) -> None:
        ki = self._key_index(key)
        if ki < 0:
            return
        start, end = self._key_start[ki], self._key_start[ki + 1]
        post_feat, post_flags, importance = self._post_feat, self._post_flags, self._importance
        kind_codes = {KIND_CODE[k] for k in kinds} if kinds else None
        french = lang == "fr"
        folded_text = text.casefold()
        for p in range(start, end):
            fi = post_feat[p]
            flags = post_flags[p]
            if flags & POSTING_QUALIFIED and not (kind_codes and self._kind_list[fi] in kind_codes):
                continue  # "Mosul" alone is the city, not its airport
            quality = _MATCH_QUALITY[flags & POSTING_RANK_MASK]
            if flags & POSTING_PRIMARY and quality == _MATCH_QUALITY[0]:
                name = self._name[fi]
                quality = _EXACT_NAME if name.casefold() == folded_text else _OWN_NAME
            score = (quality - penalty) * importance[fi]
            if french and flags & POSTING_FRENCH:
                score += _FRENCH_BONUS
            if kind_codes is not None and self._kind_list[fi] not in kind_codes:
                score *= _KIND_MISS_FACTOR
            score = min(score, 1.0)
            old = out.get(fi)
            if old is None or score > old[0]:
                out[fi] = (score, ki)


def _kinds_tuple(kind_hint: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if kind_hint is None:
        return None
    kinds = (kind_hint,) if isinstance(kind_hint, str) else tuple(kind_hint)
    unknown = [k for k in kinds if k not in KIND_CODE]
    if unknown:
        raise ValueError(f"unknown feature kind(s) {unknown}; expected some of {KINDS}")
    return kinds


_CACHE: dict[Path, Gazetteer] = {}


def default_gazetteer_path() -> Path:
    """Where the shipped gazetteer lives (inside the installed package or the checkout)."""
    from dashboard.config import geodata_dir

    return geodata_dir() / GAZETTEER_FILE


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The shipped gazetteer, loaded once per process (per path)."""
    if path is None:
        try:
            path = default_gazetteer_path()
        except Exception as exc:  # config raises when geodata/ itself is missing
            raise GeodataMissing(
                f"gazetteer not found ({exc}); rebuild it with: python geodata/build.py "
                "--only gazetteer"
            ) from exc
    path = Path(path)
    cached = _CACHE.get(path)
    if cached is not None:
        return cached
    if not path.is_file():
        raise GeodataMissing(
            f"gazetteer file {path} is missing; rebuild it with: "
            "python geodata/build.py --only gazetteer"
        )
    try:
        gazetteer = Gazetteer(path)
    except (OSError, ValueError, KeyError) as exc:
        raise GeodataMissing(
            f"gazetteer file {path} is unreadable ({exc}); rebuild it with: "
            "python geodata/build.py --only gazetteer"
        ) from exc
    _CACHE[path] = gazetteer
    return gazetteer


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (checks and tests)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
