"""Date expressions in French and English news text, and publication dates inferred from them.

``find_dates`` returns :class:`DateMention` (offsets, resolved date, precision as ACLED/UCDP
record it, whether it was relative, confidence). ``infer_publication_date`` and
``parse_dateline`` supply the reference date that relative expressions need when an article
comes without metadata. Pure functions: no I/O, no models, no network.
"""

from dashboard.dates.mentions import PRECISIONS, DateMention, find_dates, shift_months
from dashboard.dates.publication import (
    PublicationDateGuess,
    infer_publication_date,
    parse_dateline,
    year_from_neighbours,
)

__all__ = [
    "PRECISIONS",
    "DateMention",
    "PublicationDateGuess",
    "find_dates",
    "infer_publication_date",
    "parse_dateline",
    "shift_months",
    "year_from_neighbours",
]
