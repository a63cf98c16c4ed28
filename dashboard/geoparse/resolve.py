"""Toponym resolution: pick one gazetteer feature per recognised span, with a confidence.

Ranking starts from the gazetteer's own score (match quality, importance, regional prior,
French exonyms, qualifier kinds) and adds what only the article knows:

* country context: countries named in the article, and the majority country of the mentions
  that resolve without doubt, pull ambiguous names to them;
* containment: a candidate inside a governorate the article names ("Anbar") gains;
* spatial coherence: candidates near the centroid of the confidently resolved places gain,
  recomputed twice so one confident cluster can pull its neighbours in; only in the countries
  the article is about (London, Ontario is near a story from Buffalo, but not in its country);
* two namesakes read together: two ambiguous names with sizeable towns a few kilometres
  apart among their readings are those towns ("Edmonton" and "Enfield", north London);
* a place named inside an airline's name ("Air Canada") is a mention but no context;
* one sense per article: the same name with the same kind of qualifier resolves to the same
  feature ("la province de Deir Ezzor" and "la ville de Deir Ezzor" stay different);
* situating apposition: a town followed by its state, province or country ("London, Ky.",
  "Paris, Texas") is sought inside it, and so is every other mention of the same name; a
  place a city owns ("London's Heathrow") is sought near the city;
* initialisms ("U.S.", "UK") stand for countries and divisions, not for towns that happen to
  carry the letters as a code;
* a country's or state's own name stays that area: the article's context does not pull it
  to a town sharing the name ("China" in a story from Texas), only an apposition does
  ("Lebanon, Pa.").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, KeysView, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from math import floor
from typing import Any

from dashboard.articles.model import Article
from dashboard.gazetteer import Candidate, Gazetteer, distance_km, fold
from dashboard.gazetteer.model import generic_name
from dashboard.geoparse import lexicons as lx
from dashboard.geoparse.model import PlaceMention
from dashboard.geoparse.recognise import Span
from dashboard.geoparse.rivers import nearest_on_line

PRECISION_BY_KIND = {
    "city": "point",
    "town": "point",
    "village": "point",
    "crossing": "point",
    "oilfield": "point",
    "airport": "point",
    "other": "point",
    "lake": "point",
    "admin2": "district",
    "admin3": "district",
    "admin1": "governorate",
    "country": "country",
    "river": "river",
    "continent": "region",
    "world_region": "region",
    "sea": "region",
    "region": "region",
}
_POINT_KINDS = frozenset(
    {
        "city",
        "town",
        "village",
        "crossing",
        "oilfield",
        "airport",
        "other",
        "admin2",
        "admin3",
        "admin1",
    }
)
_SETTLEMENT = frozenset({"city", "town", "village"})
_NAMESAKES = _SETTLEMENT | {"admin2"}  # what a country's or a state's name is read as in error
_STATE_NAMING = frozenset({"admin1", "admin2"})  # a county names its state too
_W_COUNTRY = 0.10  # candidate in a country the article names or mostly talks about
_W_ADMIN1 = 0.08  # candidate inside a governorate the article names
_W_NEAR = 0.18  # at the centroid of confident places; fades to zero at _NEAR_KM
_NEAR_KM = 1500.0
_W_SETTLEMENT = 0.03  # a bare name means the town more often than the district named after it
_W_SITUATED = 0.35  # inside the division or country named in apposition ("London, Ky.")
_W_STATE_LIST = 0.15  # a state of the country whose states the article names around it
_REGIONAL = 0.5  # region prior of the theatre's countries (Iraq, Syria and neighbours)
_LIMIT = 12
_SURE_MARGIN = 0.08  # a reading this far ahead of the next is sure enough to be context
# a foreign country the story has just placed someone in ("was in Greece when ...") votes
# again for its own reading of the next names: "Athens" two sentences later is not the Ohio
# town, even in an Ohio story
_W_LOCAL = 0.10
_LOCAL_SENTENCES = 2  # the same sentence or the two before
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|to|into|from|across|throughout|around|visiting|en|au|aux|à|dans|vers|depuis)"
    r"\s+(?:(?:the|northern|southern|eastern|western|central|neighbouring|neighboring)\s+)*\Z",
    re.IGNORECASE,
)
_INITIALISM = re.compile(r"(?:[A-Z]\.?){2,3}")
_AREA_KINDS = frozenset({"country", "admin1", "continent", "world_region", "region"})
# the region of an apposition closes its phrase: "Glasgow, Ky., police said", "Paris, Texas."
# but not "in Russia, U.S. officials said" nor a list "Raqqa, Deir ez-Zor, Hasakah"
_PHRASE_ENDS = re.compile(r"\s*(?:$|[.;:)(\]\"”’—–-]|,\s*[a-z0-9])")
# A weak match far from an article's tight cluster of places is more likely a folding
# accident (a Syrian village read as a Chinese city) than a real mention: leave it out.
_OUTLIER_KM = 1500.0
_CLUSTER_KM = 300.0
_WEAK_SCORE = 0.65


@dataclass(eq=False)  # groups refer to each other (appositions): compared by identity
class _Group:
    """Spans sharing a name and a qualifier kind: resolved together, one feature."""

    spans: list[Span]
    candidates: list[Candidate]
    choice: int = 0
    margin: float = 1.0
    best: float = 0.0
    within: list[_Group] = field(default_factory=list)  # regions named in apposition
    situates: list[_Group] = field(default_factory=list)  # towns it is in apposition to
    owners: list[_Group] = field(default_factory=list)  # "London's Heathrow": the city before
    votes: int = 0  # the mentions that are context for the others (not an airline's "Canada")

    @property
    def sure(self) -> bool:
        """Whether its reading stands clear of the next one (or has no rival)."""
        return self.margin >= _SURE_MARGIN or len(self.candidates) == 1


def _group_key(span: Span) -> tuple[str, tuple[str, ...] | None, str | None]:
    return span.key, span.kind_hint, span.demonym


def _candidates(span: Span, gaz: Gazetteer, lang: str | None) -> list[Candidate]:
    if span.demonym:
        target = lx.demonym_target(span.demonym)
        if target is None:
            return []
        name, kind = target
        found = [c for c in gaz.lookup(name, limit=5) if c.kind == kind]
        return found[:1]
    found = gaz.lookup(span.name, lang=lang, limit=_LIMIT, kind_hint=span.kind_hint)
    if _INITIALISM.fullmatch(span.text) and ("." in span.text or span.text.isupper()):
        areas = [c for c in found if c.kind in _AREA_KINDS]
        return areas or found
    if span.text != span.name:
        # the qualified form may itself be an alias ("poste-frontière de Husaybah")
        whole = gaz.lookup(span.text, lang=lang, limit=_LIMIT, kind_hint=span.kind_hint)
        seen = {c.id for c in whole}
        found = sorted(whole + [c for c in found if c.id not in seen], key=lambda c: -c.score)
    return found


def _rank(groups: list[_Group], gaz: Gazetteer, text: str) -> None:
    """Re-score every group's candidates with the article context; three sweeps.

    A group's context is the article's other places: its own mentions do not vote for the
    reading they are being weighed against (ten mentions of "London" in a story about
    London, Ontario would otherwise keep it in England).

    A sweep reads only each group's reading and whether it is sure, so the last sweep is
    left out when the second changed neither: it would start where the second did and
    end where the second ended.
    """
    pairs = _paired_readings(groups)
    started_from = None
    for sweep in range(3):
        readings = [(g.choice, g.sure) for g in groups]
        if sweep == 2 and readings == started_from:
            break
        started_from = readings
        # the readings this sweep starts from, so the order of the groups does not matter
        picks = [(g, g.candidates[g.choice]) for g in groups if g.votes and g.candidates and g.sure]
        weights: Counter[str] = Counter()
        for g, c in picks:
            if c.country:
                weights[c.country] += 2 * g.votes
        # unsure readings still lean, at half weight: "Worcester ... Birmingham and Coventry"
        # are three English towns though each alone could be American; they vote with their
        # first reading, so that they do not sway each other back and forth between sweeps
        for g in groups:
            if g.votes and g.candidates and not g.sure:
                c = g.candidates[0]
                if c.country and c.kind in _SETTLEMENT:
                    weights[c.country] += g.votes
        # countries the text places someone in ("was in Greece"), by sentence; a country
        # adjective ("the US consulate in St. Petersburg") places no one
        placed_in = [
            (g, c.country, sp.sentence_index)
            for g, c in picks
            if c.kind == "country"
            for sp in g.spans
            if not sp.voteless
            and _LOCATIVE_BEFORE.search(text[max(0, sp.start - 24) : sp.start]) is not None
        ]
        chosen = dict(picks)
        # what the confident readings name, counted once a sweep: a group's context is the
        # count less its own reading, not a new pass over all the others for every group
        country_picks = Counter(c.country for _, c in picks if c.kind == "country")
        state_picks = Counter(c.admin1_code for _, c in picks if c.kind in _STATE_NAMING)
        # the confident places' coordinates, sorted once a sweep: a group's centroid leaves
        # out its own point rather than sorting the others again
        lats = _SortedWeights((c.lat, o.votes) for o, c in picks if c.kind in _POINT_KINDS)
        lons = _SortedWeights((c.lon, o.votes) for o, c in picks if c.kind in _POINT_KINDS)
        for g in groups:
            if len(g.candidates) < 2:
                g.best = g.candidates[0].score if g.candidates else 0.0
                continue
            own = chosen.get(g)
            named_countries = _named_by_others(
                country_picks, own.country if own is not None and own.kind == "country" else None
            )
            # the sentences of its mentions and the few before each
            near = {
                si
                for sp in g.spans
                for si in range(sp.sentence_index - _LOCAL_SENTENCES, sp.sentence_index + 1)
            }
            local_countries = {country for o, country, si in placed_in if o is not g and si in near}
            if own is not None and own.country:
                majority = _majority(weights, own.country, 2 * g.votes)
            elif (
                g.candidates
                and g.candidates[0].country in weights
                and g.candidates[0].kind in _SETTLEMENT
            ):
                majority = _majority(weights, g.candidates[0].country, g.votes)
            else:
                majority = _majority(weights, None, 0)
            admin1s = _named_by_others(
                state_picks,
                own.admin1_code if own is not None and own.kind in _STATE_NAMING else None,
            )
            centroid = None
            if sweep > 0:
                if own is not None and own.kind in _POINT_KINDS:
                    if len(lats) >= 3:  # two others at least
                        weight = g.votes
                        centroid = lats.median((own.lat, weight)), lons.median((own.lon, weight))
                elif len(lats) >= 2:
                    centroid = lats.median(), lons.median()
            scores = []
            hinted = g.spans[0].kind_hint is not None
            # a country's own name stays the country, and a state's the state in a story
            # about its country: towns and counties that share it ("China", Texas; "Florida",
            # New York; Scotland County) need an apposition to win ("Lebanon, Pa."); a state
            # abroad does not ("Nelson" in a Canadian story is the town, not the New Zealand
            # region), but the nations of the United Kingdom do
            top = g.candidates[0]
            about = named_countries | {majority}
            country_name = (
                top.kind == "country"
                or top.id in lx.NATIONS_AS_DIVISIONS
                or (top.kind == "admin1" and top.country in about)
            )
            # a listed state wins only against a country of its name ("Georgia"): a town or a
            # governorate of the same name keeps its own reading
            against_country = top.kind == "country"
            # "Hawaii, Florida, Nevada and Georgia": states of one country named around it
            state_lists: Mapping[str, int] = (
                Counter(c.country for o, c in picks if o is not g and c.kind == "admin1")
                if against_country
                else {}
            )
            # a bare dateline ("WASHINGTON (AP) -") is the city wire services write it for,
            # whatever small namesake lies near the story's other places
            dateline = not g.within and any("dateline" in sp.evidence for sp in g.spans)
            # in the region's press a bare governorate name is mostly its seat ("à Deraa",
            # "in Idlib"): the seat ranks as high as the governorate and, as a town, wins;
            # elsewhere the division keeps its name ("Quebec" is the province)
            seats_of = {
                c.admin1_code: c.score
                for c in g.candidates
                if c.kind == "admin1"
                and c.admin1_code
                and gaz.region_prior.get(c.country, 0.0) >= _REGIONAL
            }
            linked = bool(g.within or g.situates or g.owners)  # rare: skip the scans
            paired = pairs.get(id(g), ())
            for k, c in enumerate(g.candidates):
                s = c.score
                if k in paired:
                    s += _W_PAIRED
                if not hinted and c.kind in _SETTLEMENT and c.admin1_code in seats_of:
                    s = max(s, seats_of[c.admin1_code])  # the seat stands as high as its name
                situated = linked and (
                    any(_inside(c, r.candidates[r.choice]) for r in g.within)
                    or any(_inside(t, c) for town in g.situates for t in town.candidates)
                    or any(_of_city(c, o.candidates[o.choice]) for o in g.owners)
                )
                namesake = c.kind in _NAMESAKES and c.admin1_code not in seats_of
                if (country_name and namesake and not situated) or dateline:
                    scores.append(s)
                    continue
                if c.country and (c.country in named_countries or c.country == majority):
                    s += _W_COUNTRY
                if c.country in local_countries and c.country != majority:
                    s += _W_LOCAL
                if c.admin1_code and c.admin1_code in admin1s and c.kind != "admin1":
                    s += _W_ADMIN1
                if (
                    centroid is not None
                    and c.kind in _POINT_KINDS
                    and (majority is None or c.country in about)
                ):
                    d = distance_km(centroid[0], centroid[1], c.lat, c.lon)
                    s += _W_NEAR * max(0.0, 1.0 - d / _NEAR_KM)
                if not hinted and c.kind in _SETTLEMENT:
                    s += _W_SETTLEMENT
                if situated:
                    s += _W_SITUATED
                if against_country and c.kind == "admin1" and state_lists[c.country] >= 2:
                    s += _W_STATE_LIST
                scores.append(s)
            order = sorted(range(len(scores)), key=lambda k: -scores[k])
            g.choice = order[0]
            g.best = scores[order[0]]
            g.margin = _margin(g.candidates, scores, order)


_SAME_PLACE_KM = 50.0
# Two ambiguous names whose readings include two sizeable towns a few kilometres apart are
# those towns: "Edmonton" and "Enfield" together are two districts of north London, not a
# Canadian city and a Nova Scotia village 3,700 km apart. Only sizeable towns and only the
# other name's likeliest readings, or every name would find some village near some other.
_W_PAIRED = 0.10
_PAIRED_KM = 25.0
_PAIRED_POPULATION = 50_000
_PAIRED_READINGS = 3


def _paired_readings(groups: list[_Group]) -> dict[int, set[int]]:
    """For each ambiguous group (by id), its readings near a likely reading of another."""
    towns = []
    for g in groups:
        if g.votes and len(g.candidates) > 1:
            found = [(k, c) for k, c in enumerate(g.candidates) if _sizeable_town(c)]
            if found:
                towns.append((g, found))
    out: dict[int, set[int]] = {}
    if len(towns) < 2:
        return out
    # the likeliest readings of each name, the ones another name's readings are paired with,
    # filed by cells of a quarter of a degree so a reading is only measured against its own
    cells: dict[tuple[int, int], list[tuple[_Group, Candidate]]] = defaultdict(list)
    for g, found in towns:
        for k, c in found:
            if k < _PAIRED_READINGS:
                cells[floor(c.lat * 4), floor(c.lon * 4)].append((g, c))
    for g, found in towns:
        for k, c in found:
            row, col = floor(c.lat * 4), floor(c.lon * 4)
            if any(
                o is not g
                and x.id != c.id
                and distance_km(c.lat, c.lon, x.lat, x.lon) <= _PAIRED_KM
                for dr in (-1, 0, 1)
                for dc in (-2, -1, 0, 1, 2)
                for o, x in cells.get((row + dr, col + dc), ())
            ):
                out.setdefault(id(g), set()).add(k)
    return out


def _sizeable_town(c: Candidate) -> bool:
    return c.kind in _NAMESAKES and c.population >= _PAIRED_POPULATION


def _margin(candidates: list[Candidate], scores: list[float], order: list[int]) -> float:
    """How far the best reading leads the best one elsewhere: a city and the district named
    after it (Alicante, Sunderland) are one place to the reader, not a doubt."""
    best = candidates[order[0]]
    for k in order[1:]:
        c = candidates[k]
        if distance_km(best.lat, best.lon, c.lat, c.lon) > _SAME_PLACE_KM:
            return scores[order[0]] - scores[k]
    return scores[order[0]]


_COUNTY = re.compile(r"\s+(?:County|Parish|Borough)$")


def _follow_named_counties(groups: list[_Group]) -> None:
    """A bare name follows the county the article names with it: "Suffolk County police ...
    in Suffolk" is one place. Only counties: a bare "Deir ez-Zor" is the city even when the
    article also names the province."""
    counties = {}
    for g in groups:
        bare = _COUNTY.sub("", g.spans[0].text)
        if bare != g.spans[0].text and g.candidates[g.choice].kind == "admin2":
            counties[fold(bare)] = g.candidates[g.choice]
    _bare_names_follow(groups, counties)


def _bare_names_follow(groups: list[_Group], named: dict[str, Candidate]) -> None:
    """Bare, unqualified mentions of a name (folded) take the feature the article fixed for it."""
    if not named:
        return
    for g in groups:
        feature = named.get(fold(g.spans[0].text))
        if feature is None or g.spans[0].kind_hint:
            continue
        for k, c in enumerate(g.candidates):
            if c.id == feature.id:
                g.choice = k


# counties and curated regions carry no containment codes: near their point is inside
_WITHIN_KM = {"admin2": 80.0, "region": 150.0}
_SITUATING_KINDS = frozenset({"country", "admin1", *_WITHIN_KM})


def _follow_abbreviated_states(groups: list[_Group]) -> None:
    """A bare state name follows the state the article abbreviates: in a story datelined
    "CAMP MURRAY, Wash.", "Washington communities" are the state's, not the capital's
    (which the article would write "Washington, D.C.")."""
    states = {}
    for g in groups:
        c = g.candidates[g.choice]
        text = g.spans[0].text
        if c.kind == "admin1" and text.endswith(".") and fold(text) != fold(c.name):
            states[fold(c.name)] = c
    _bare_names_follow(groups, states)


def _inside(c: Candidate, region: Candidate) -> bool:
    if c.kind in _AREA_KINDS or not c.country or c.country != region.country:
        return False
    if region.kind == "country":
        return True
    if region.kind in _WITHIN_KM:
        return c.id != region.id and (
            distance_km(c.lat, c.lon, region.lat, region.lon) <= _WITHIN_KM[region.kind]
        )
    return region.kind == "admin1" and bool(c.admin1_code) and c.admin1_code == region.admin1_code


_OF_CITY_KM = 50.0  # "London's Heathrow", "Toronto's Pearson airport": a place of the city


def _of_city(c: Candidate, city: Candidate) -> bool:
    return (
        city.kind in _SETTLEMENT
        and c.id != city.id
        and c.country == city.country
        and distance_km(c.lat, c.lon, city.lat, city.lon) <= _OF_CITY_KM
    )


def _link_appositions(groups: list[_Group], text: str) -> None:
    """Note, for each group, the regions its mentions are situated in ("Glasgow, Ky."), and
    the city a possessive makes it part of ("London's Heathrow")."""
    group_of = {id(s): g for g in groups for s in g.spans}
    spans = sorted((s for g in groups for s in g.spans), key=lambda s: s.start)
    for a, b in pairwise(spans):
        if text[a.end : b.start] in ("'s ", "’s "):
            owner, place = group_of[id(a)], group_of[id(b)]
            if owner is not place and all(o is not owner for o in place.owners):
                place.owners.append(owner)
            continue
        if text[a.end : b.start] != ", " or not _PHRASE_ENDS.match(text, b.end):
            continue
        town, region = group_of[id(a)], group_of[id(b)]
        if (
            town is not region
            and _may_be_situated(town, region)
            and all(r is not region for r in town.within)
            and any(c.kind in _SITUATING_KINDS for c in region.candidates)
        ):
            town.within.append(region)
            region.situates.append(town)


_ELSEWHERE_KM = 1000.0


_DIVISIONS = ("admin1", "admin2")


def _divisions_of_the_country(groups: list[_Group], gaz: Gazetteer, lang: str | None) -> None:
    """ "the North West and Limpopo": a division named only with common words is reached
    bare in a story about its country, when the reading chosen lies in no country the
    story names.

    Such names ("North West", "Central", "Eastern") are filed for their divisions behind a
    qualifier only, so that every capitalised direction is not a province somewhere.
    """
    weights: Counter[str] = Counter()
    for g in groups:
        c = g.candidates[g.choice]
        if g.votes and c.country and g.sure:
            weights[c.country] += g.votes
    if not weights:
        return
    for g in groups:
        chosen = g.candidates[g.choice]
        if chosen.kind in _AREA_KINDS or not chosen.country or not generic_name(g.spans[0].name):
            continue
        own = g.votes if g.sure else 0
        if weights[chosen.country] - own > 0:
            continue  # the reading is in a country the story names
        country = _majority(weights, chosen.country, own)
        if country is None:
            continue
        held = {c.id for c in g.candidates}
        found = [
            c
            for c in gaz.lookup(g.spans[0].name, lang=lang, limit=_LIMIT, kind_hint=_DIVISIONS)
            if c.kind in _DIVISIONS and c.country == country and c.id not in held
        ]
        if len(found) == 1:
            g.candidates.append(found[0])
            g.choice = len(g.candidates) - 1
            g.margin = 0.0


def _fall_back_to_regions(groups: list[_Group]) -> None:
    """ "Rockingham, Northamptonshire" with no Rockingham in that county: the county.

    A small place missing from the gazetteer is still situated by the region named after it;
    a namesake on another continent is the one reading sure to be wrong. Only a reading far
    from the region falls back, so the last pair of a list ("Hasakah, Raqqa, Deir ez-Zor.")
    keeps its own town.
    """
    for g in groups:
        chosen = g.candidates[g.choice]
        for r in g.within:
            region = r.candidates[r.choice]
            if region.kind not in ("admin1", *_WITHIN_KM) or _inside(chosen, region):
                continue
            if distance_km(chosen.lat, chosen.lon, region.lat, region.lon) > _ELSEWHERE_KM:
                g.candidates.append(region)
                g.choice = len(g.candidates) - 1
                g.margin = 0.0
                break


def _may_be_situated(town: _Group, region: _Group) -> bool:
    """A town's name may be an area's ("Lebanon, Pa.") if the state named holds such a town.

    A country before a country is a list or a clause ("in Russia, U.S. officials said").
    """
    if town.candidates[0].kind not in _AREA_KINDS:
        return True
    states = [r for r in region.candidates if r.kind == "admin1"]
    return any(_inside(t, r) for t in town.candidates if t.kind in _SETTLEMENT for r in states)


def _majority(weights: Mapping[str, int], country: str | None, discount: int) -> str | None:
    """The country with the most weight once ``discount`` is taken off ``country``'s, if
    positive; a tie names no majority ("Birmingham" between an English and an American town)."""
    best, best_weight, tie = None, 0, False
    for name, weight in weights.items():
        if name == country:
            weight -= discount
        if weight <= 0:
            continue
        if weight > best_weight:
            best, best_weight, tie = name, weight, False
        elif weight == best_weight:
            tie = True
    return None if tie else best


def _weighted_median(values: list[tuple[float, int]]) -> float:
    """The value at half the total weight; ``values`` is sorted in place (cheap when sorted)."""
    values.sort()
    total = sum(w for _, w in values)
    acc = 0
    for v, w in values:
        acc += w
        if acc * 2 >= total:
            return v
    return values[-1][0]


def _named_by_others(counts: Counter[str], own: str | None) -> set[str] | KeysView[str]:
    """The names ``counts`` holds once one count of ``own`` (a group's own reading) is taken
    off: every name, unless that reading was its only one."""
    if own is not None and counts[own] == 1:
        return counts.keys() - {own}
    return counts.keys()


class _SortedWeights:
    """(value, weight) pairs, sorted, with their running total of weight: the weighted
    median, with or without one pair, is then two bisections instead of a copy of the list,
    a sort and a walk for every group of a sweep."""

    def __init__(self, pairs: Iterable[tuple[float, int]]) -> None:
        self.pairs = sorted(pairs)
        self.running = list(accumulate(w for _, w in self.pairs))

    def __len__(self) -> int:
        return len(self.pairs)

    def median(self, leaving_out: tuple[float, int] | None = None) -> float:
        """:func:`_weighted_median` of the pairs less one equal to ``leaving_out``."""
        if leaving_out is None:
            half = (self.running[-1] + 1) // 2  # the least running weight reaching half
            return self.pairs[bisect_left(self.running, half)][0]
        cut, weight = bisect_left(self.pairs, leaving_out), leaving_out[1]
        half = (self.running[-1] - weight + 1) // 2
        k = bisect_left(self.running, half, 0, cut)  # a pair before the one left out
        if k == cut:  # or after it, where the running totals include its weight
            k = bisect_left(self.running, half + weight, cut + 1)
        return self.pairs[k][0]


def _centroid(pts: Sequence[tuple[float, float, int]]) -> tuple[float, float]:
    """Weighted median of latitudes and longitudes: one far outlier cannot drag it."""
    return (
        _weighted_median([(p[0], p[2]) for p in pts]),
        _weighted_median([(p[1], p[2]) for p in pts]),
    )


def _article_focus(groups: list[_Group]) -> tuple[float, float] | None:
    """Where the article is about: the weighted median of its settlements and facilities."""
    pts = [
        (g.candidates[g.choice].lat, g.candidates[g.choice].lon, len(g.spans))
        for g in groups
        if g.candidates[g.choice].kind in _SETTLEMENT | {"crossing", "oilfield", "admin3"}
    ]
    return _centroid(pts) if pts else None


def _without_far_weak_outliers(groups: list[_Group]) -> list[_Group]:
    """Drop weakly matched, uncued places far from a tight cluster of the article's others."""
    kept = []
    for g in groups:
        c = g.candidates[g.choice]
        cue = max(s.cue for s in g.spans)
        if c.kind not in _POINT_KINDS or c.score >= _WEAK_SCORE or cue >= 0.5:
            kept.append(g)
            continue
        others = [
            (o.candidates[o.choice].lat, o.candidates[o.choice].lon, len(o.spans))
            for o in groups
            if o is not g and o.candidates[o.choice].kind in _SETTLEMENT | {"crossing", "oilfield"}
        ]
        if len(others) < 3:
            kept.append(g)
            continue
        focus = _centroid(others)
        near = sum(1 for lat, lon, _ in others if distance_km(*focus, lat, lon) <= _CLUSTER_KM)
        far = distance_km(*focus, c.lat, c.lon) > _OUTLIER_KM
        if not (far and near >= 3):
            kept.append(g)
    return kept


def _confidence(group: _Group) -> float:
    """Margin over the runner-up, how good the top score is, and the context cue."""
    cue = max(s.cue for s in group.spans)
    top = min(group.best, 1.0)
    margin = min(group.margin / 0.15, 1.0) if len(group.candidates) > 1 else 1.0
    value = 0.45 * top + 0.35 * margin + 0.2 * cue
    return round(max(0.0, min(1.0, value)), 3)


def resolve(
    spans: Sequence[Span],
    article: Article | str,
    gazetteer: Gazetteer,
    lang: str | None = None,
    rivers: Mapping[str, Any] | None = None,
) -> list[PlaceMention]:
    """Resolve recognised spans to gazetteer features, in text order.

    ``rivers`` (lower-cased name → line geometry) lets a river mention be pinned to the part
    of the river nearest the article's other places instead of the river's nominal point.
    """
    if isinstance(article, str):
        article_id, language, text = "", lang, article
    else:
        article_id, language, text = article.id, lang or article.language, article.text
    by_key: dict[tuple[str, tuple[str, ...] | None, str | None], list[Span]] = defaultdict(list)
    for span in spans:
        by_key[_group_key(span)].append(span)
    groups = []
    for members in by_key.values():
        cands = _candidates(members[0], gazetteer, language)
        if cands:
            groups.append(_Group(members, cands, votes=sum(not s.voteless for s in members)))
    for g in groups:
        if len(g.candidates) > 1:
            g.margin = _margin(
                g.candidates, [c.score for c in g.candidates], list(range(len(g.candidates)))
            )
        g.best = g.candidates[0].score
    _link_appositions(groups, text)
    _rank(groups, gazetteer, text)
    _follow_named_counties(groups)
    _follow_abbreviated_states(groups)
    _divisions_of_the_country(groups, gazetteer, language)
    _fall_back_to_regions(groups)
    groups = _without_far_weak_outliers(groups)
    focus = _article_focus(groups)
    out: list[PlaceMention] = []
    for g in groups:
        c = g.candidates[g.choice]
        conf = _confidence(g)
        lat, lon = c.lat, c.lon
        line = rivers.get(c.name.casefold()) if rivers and c.kind == "river" else None
        if line is not None and focus is not None:
            lat, lon = nearest_on_line(line, *focus)
        for s in g.spans:
            if s.context_only:
                continue  # it voted for the article's other readings; it names no place
            out.append(
                PlaceMention(
                    article_id=article_id,
                    start=s.start,
                    end=s.end,
                    text=s.text,
                    place_id=c.id,
                    name=c.name,
                    lat=lat,
                    lon=lon,
                    kind=c.kind,
                    precision=PRECISION_BY_KIND.get(c.kind, "point"),
                    country=c.country or None,
                    admin1=c.admin1 or None,
                    confidence=conf,
                    sentence_index=s.sentence_index,
                )
            )
    out.sort(key=lambda m: (m.start, m.end))
    return out
