"""The place index: build it from GeoNames and friends, fold names, and look places up.

>>> from dashboard.gazetteer import load_gazetteer, fold
>>> load_gazetteer().lookup("Albou Kamal", lang="fr")[0].name  # doctest: +SKIP
'Ālbū Kamāl'
"""

from dashboard.gazetteer.folding import fold
from dashboard.gazetteer.model import KINDS, Candidate
from dashboard.gazetteer.query import (
    DEFAULT_REGION_PRIOR,
    Gazetteer,
    distance_km,
    load_gazetteer,
    split_qualifier,
)

__all__ = [
    "DEFAULT_REGION_PRIOR",
    "KINDS",
    "Candidate",
    "Gazetteer",
    "distance_km",
    "fold",
    "load_gazetteer",
    "split_qualifier",
]
