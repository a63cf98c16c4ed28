"""Which sides are at war with each other, so that a line where their grounds meet is a front.

Two sides' areas can touch without any fighting across the line: the SDF and the Syrian
government shared long lines along the Euphrates in 2017-2018 with almost no fighting across
them, and Iraqi forces and the Peshmerga held adjacent ground against ISIS for years before
clashing over Kirkuk in October 2017. So every line of contact gets a kind:

* ``frontline`` between two sides that are adversaries on that day;
* ``contested_edge`` where a side's ground meets contested ground;
* ``boundary`` between any other two sides: a line of contact, not of fighting.

Adversaries are declared, not inferred from claims (claims say who holds a place, not who
fights whom). By default every side is an adversary of ISIS; the Syrian government and the
opposition fight each other, and so do the (Turkish-backed) opposition and the SDF; Iraqi
forces and the Peshmerga are adversaries only from 16 to 27 October 2017 (Kirkuk to the
ceasefire), a dated relation. Change them with ``AreaRules(fronts=FrontRules(...))``;
:meth:`FrontRules.everyone` makes every contact a frontline. A dated relation needs the day:
without one (``day=None``) only undated relations count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard.events.model import SIDES


@dataclass(frozen=True)
class Hostility:
    """Two sides at war, from ``start`` to ``end`` inclusive (None: open-ended)."""

    sides: tuple[str, str]
    start: date | None = None
    end: date | None = None

    def in_force(self, day: date | None) -> bool:
        if self.start is None and self.end is None:
            return True
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


KIRKUK_CRISIS = Hostility(("iraqi_forces", "peshmerga"), date(2017, 10, 16), date(2017, 10, 27))

DEFAULT_HOSTILITIES = (
    Hostility(("syrian_government", "syrian_opposition")),
    Hostility(("sdf", "syrian_opposition")),
    KIRKUK_CRISIS,
)


@dataclass(frozen=True)
class FrontRules:
    """Who fights whom: ``enemies_of_all`` against every other side, plus ``hostilities``."""

    enemies_of_all: tuple[str, ...] = ("isis",)
    hostilities: tuple[Hostility, ...] = DEFAULT_HOSTILITIES

    @classmethod
    def everyone(cls) -> FrontRules:
        """Every contact between two sides is a frontline (no boundaries)."""
        return cls(enemies_of_all=SIDES, hostilities=())

    def adversaries(self, a: str, b: str, day: date | None = None) -> bool:
        """Whether ground held by ``a`` meeting ground held by ``b`` is a front on ``day``."""
        if a == b:
            return False
        if a in self.enemies_of_all or b in self.enemies_of_all:
            return True
        pair = {a, b}
        return any(set(h.sides) == pair and h.in_force(day) for h in self.hostilities)
