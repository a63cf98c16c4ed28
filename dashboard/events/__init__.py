"""Events, actors, sides and control claims read from sentences.

``extract(article, places)`` returns an :class:`Extraction` with the events and claims of one
article; ``evaluate.evaluate_events(split)`` scores it against the demo corpus gold.
"""

from dashboard.events.extract import Extraction, extract, extract_claims, extract_events

__all__ = ["Extraction", "extract", "extract_claims", "extract_events"]
