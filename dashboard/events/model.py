"""Plain data for events and control claims: every fact keeps the sentence it came from."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from dashboard.geoparse.model import PlaceMention

# Sides that can hold or contest ground. The coalition fights but holds no territory itself.
SIDES = (
    "isis",
    "iraqi_forces",
    "syrian_government",
    "sdf",
    "us_coalition",
    "peshmerga",
    "syrian_opposition",
)

# A typology close to ACLED's sub-event types, narrowed to what wire copy on this war reports.
EVENT_TYPES = (
    "armed_clash",
    "capture",
    "assault",
    "air_strike",
    "shelling",
    "suicide_bombing",
    "withdrawal",
    "announcement",
)

DATE_PRECISIONS = ("day", "week", "month", "year")
CLAIM_KINDS = ("full", "partial", "contested")
STATUSES = ("automatic", "confirmed", "rejected")


def stable_id(*parts: object) -> str:
    """Deterministic id so re-reading the same article yields the same rows."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:20]


# What an actor does in the sentence of an event: who acts, who undergoes it, who reports it.
ACTOR_ROLES = ("agent", "patient", "speaker", "mentioned")


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: str
    side: str
    role: str = "mentioned"


@dataclass(frozen=True)
class Event:
    """Something that happened somewhere, on some day, by someone, as one sentence reports it."""

    id: str
    type: str
    date: date | None
    date_precision: str
    places: tuple[PlaceMention, ...]
    actors: tuple[ActorMention, ...] = ()
    article_id: str | None = None
    source: str | None = None
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    date_text: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    attribution: str | None = None
    negated: bool = False
    confidence: float = 0.5
    status: str = "automatic"
    fatalities: int | None = None
    notes: str | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data

    @property
    def acting_side(self) -> str:
        """The side a marker of this event is coloured by: the side that acts when the
        sentence names exactly one, else the first of its sides by name, else "unknown".

        "IS fighters attacked coalition positions" is an IS event; colouring by whichever side
        sorts first would paint it the coalition's colour.
        """
        agents = {a.side for a in self.actors if a.role == "agent" and a.side}
        if len(agents) == 1:
            return next(iter(agents))
        sides = sorted({a.side for a in self.actors if a.side})
        return sides[0] if sides else "unknown"

    @property
    def sides_acting_first(self) -> list[str]:
        """Every side named, the acting side first (map rows colour by the first)."""
        sides = sorted({a.side for a in self.actors if a.side})
        acting = self.acting_side
        return [acting, *(s for s in sides if s != acting)] if acting in sides else sides


@dataclass(frozen=True)
class Claim:
    """Who controls a place from a date on, as stated or implied by one sentence."""

    id: str
    place_id: str
    place_name: str
    lat: float
    lon: float
    precision: str
    side: str
    valid_from: date
    kind: str = "full"
    fraction: float | None = None
    article_id: str | None = None
    event_id: str | None = None
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    confidence: float = 0.5
    status: str = "automatic"
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["valid_from"] = self.valid_from.isoformat()
        return data
