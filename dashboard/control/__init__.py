"""Claims -> control state per place, control areas per side, frontlines and movement.

Pure core: claims and geography in, snapshots out. Which sides fight each other (so which
lines of contact are frontlines) is declared in :mod:`dashboard.control.relations`.
:func:`load_geography` is the only function that reads files; :func:`publish_snapshots` is
the seam the store calls.
"""

from dashboard.control.areas import AreaRules, GroundPlace, ImportedArea, RegionPlace
from dashboard.control.frontlines import Frontline, frontlines_between
from dashboard.control.geography import Geography, load_geography
from dashboard.control.geojson import snapshot_to_geojson
from dashboard.control.movement import Arrow, Movement, movement_between
from dashboard.control.publish import publish_snapshots
from dashboard.control.relations import FrontRules, Hostility
from dashboard.control.state import PartialConstraint, PlaceState, StateRules, place_state_on
from dashboard.control.timeline import (
    ControlRules,
    ControlSnapshot,
    ControlTimeline,
    Explanation,
    compute_snapshots,
    explain,
    snapshot_on,
)

__all__ = [
    "AreaRules",
    "Arrow",
    "ControlRules",
    "ControlSnapshot",
    "ControlTimeline",
    "Explanation",
    "FrontRules",
    "Frontline",
    "Geography",
    "GroundPlace",
    "Hostility",
    "ImportedArea",
    "Movement",
    "PartialConstraint",
    "PlaceState",
    "RegionPlace",
    "StateRules",
    "compute_snapshots",
    "explain",
    "frontlines_between",
    "load_geography",
    "movement_between",
    "place_state_on",
    "publish_snapshots",
    "snapshot_on",
    "snapshot_to_geojson",
]
