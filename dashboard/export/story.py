"""Stories: an ordered walk through a campaign, one map view and caption per step.

A story is small, hand-editable JSON (or YAML), so an educator can write one in a text editor,
the web app can download and upload it, and the exports (one PDF page or one slide of a
standalone HTML file per step) read the same file::

    {
      "conflictmap_story": 1,
      "title": "The border offensive, autumn 2017",
      "steps": [
        {"date": "2017-11-03", "bbox": [40.3, 34.0, 41.8, 34.9],
         "caption": "Iraqi forces take the Husaybah crossing and enter al-Qaim.",
         "highlight": ["3f9a0c1d2e4b5a6c7d8e"]},
        {"date": "2017-11-19", "from": "2017-11-08",
         "center": {"lat": 34.45, "lon": 40.92}, "zoom": 9, "caption": "..."}
      ]
    }

A step shows one day (``date``) or a range (``from`` .. ``date``: events of the whole range,
control on the last day), and either a ``bbox`` [west, south, east, north] or the web map's
``center`` and ``zoom``. Validation reports every problem at once, each with its place in
the file, because a story is typed by hand.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.errors import ConflictmapError
from dashboard.store.records import BBox

SCHEMA_VERSION = 1
MAX_STEPS = 500
MAX_CAPTION = 2000

STEP_KEYS = ("date", "from", "bbox", "center", "zoom", "caption", "highlight", "title")
STORY_KEYS = ("conflictmap_story", "title", "description", "steps")


class StoryInvalid(ConflictmapError):
    """A story file that does not follow the format; ``problems`` lists every mistake."""

    def __init__(self, problems: Sequence[str], source: str = "story") -> None:
        self.problems = list(problems)
        listed = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"{source} is not a valid story ({len(self.problems)} problems):\n{listed}"
        )


@dataclass(frozen=True)
class StoryStep:
    """One step: what day (or range) and where, what to say, which events to point at."""

    day: date
    caption: str = ""
    start: date | None = None
    bbox: BBox | None = None
    center: tuple[float, float] | None = None  # (lon, lat)
    zoom: float | None = None
    highlight: tuple[str, ...] = ()
    title: str | None = None


@dataclass(frozen=True)
class Story:
    title: str
    steps: tuple[StoryStep, ...]
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


# -- validation ---------------------------------------------------------------------------------
def _date(value: Any, where: str, problems: list[str]) -> date | None:
    if not isinstance(value, str):
        problems.append(f'{where}: expected a date as "YYYY-MM-DD", got {value!r}')
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}: {value!r} is not a date (expected YYYY-MM-DD)")
        return None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def validate_story(data: Any) -> list[str]:
    """Every problem in a story document, as "where: what is wrong" lines (empty when valid)."""
    problems: list[str] = []
    if not isinstance(data, Mapping):
        return [
            f'the document must be an object with "title" and "steps", got {type(data).__name__}'
        ]
    version = data.get("conflictmap_story", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        problems.append(
            f"conflictmap_story: this version reads story format {SCHEMA_VERSION}, the file is "
            f"format {version!r}"
        )
    for key in data:
        if key not in STORY_KEYS:
            problems.append(f"{key}: unknown key (expected one of {', '.join(STORY_KEYS)})")
    if not isinstance(data.get("title", ""), str):
        problems.append("title: expected text")
    if not isinstance(data.get("description", ""), str):
        problems.append("description: expected text")
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        problems.append("steps: expected a non-empty list of steps")
        return problems
    if len(steps) > MAX_STEPS:
        problems.append(f"steps: {len(steps)} steps, at most {MAX_STEPS} are allowed")
    for i, step in enumerate(steps):
        problems.extend(_step_problems(step, f"steps[{i}]"))
    return problems


def _step_problems(step: Any, at: str) -> list[str]:
    problems: list[str] = []
    if not isinstance(step, Mapping):
        return [f'{at}: expected an object with at least "date", got {type(step).__name__}']
    for key in step:
        if key not in STEP_KEYS:
            problems.append(f"{at}.{key}: unknown key (expected one of {', '.join(STEP_KEYS)})")
    day = _date(step.get("date"), f"{at}.date", problems) if "date" in step else None
    if "date" not in step:
        problems.append(f"{at}.date: missing (the day the step shows, YYYY-MM-DD)")
    if "from" in step:
        start = _date(step["from"], f"{at}.from", problems)
        if start and day and start > day:
            problems.append(f"{at}.from: {start} is after the step's date {day}")
    if "bbox" in step:
        bbox = step["bbox"]
        if not (isinstance(bbox, list) and len(bbox) == 4 and all(_number(v) for v in bbox)):
            problems.append(f"{at}.bbox: expected [west, south, east, north] in degrees")
        else:
            west, south, east, north = bbox
            if not (-180 <= west < east <= 180 and -85 <= south < north <= 85):
                problems.append(
                    f"{at}.bbox: {bbox} is not a box (west < east within ±180, south < north "
                    "within ±85)"
                )
        if "center" in step or "zoom" in step:
            problems.append(f"{at}: give either bbox or center and zoom, not both")
    elif "center" in step or "zoom" in step:
        center = step.get("center")
        if not (
            isinstance(center, Mapping)
            and _number(center.get("lat"))
            and _number(center.get("lon"))
            and -85 <= center["lat"] <= 85
            and -180 <= center["lon"] <= 180
        ):
            problems.append(f'{at}.center: expected {{"lat": ..., "lon": ...}} in degrees')
        if not (_number(step.get("zoom")) and 0 <= step["zoom"] <= 22):
            problems.append(f"{at}.zoom: expected a number from 0 to 22 (the web map's zoom)")
    caption = step.get("caption", "")
    if not isinstance(caption, str):
        problems.append(f"{at}.caption: expected text")
    elif len(caption) > MAX_CAPTION:
        problems.append(f"{at}.caption: {len(caption)} characters, at most {MAX_CAPTION}")
    if "title" in step and not isinstance(step["title"], str):
        problems.append(f"{at}.title: expected text")
    highlight = step.get("highlight", [])
    if not (isinstance(highlight, list) and all(isinstance(h, str) for h in highlight)):
        problems.append(f"{at}.highlight: expected a list of event ids (text)")
    return problems


# -- conversion ---------------------------------------------------------------------------------
def story_from_dict(data: Any, *, source: str = "story") -> Story:
    """A validated :class:`Story`; raises :class:`StoryInvalid` listing every problem."""
    problems = validate_story(data)
    if problems:
        raise StoryInvalid(problems, source)
    steps = []
    for raw in data["steps"]:
        center = raw.get("center")
        steps.append(
            StoryStep(
                day=date.fromisoformat(raw["date"]),
                start=date.fromisoformat(raw["from"]) if raw.get("from") else None,
                caption=raw.get("caption", ""),
                bbox=tuple(float(v) for v in raw["bbox"]) if raw.get("bbox") else None,  # type: ignore[arg-type]
                center=(float(center["lon"]), float(center["lat"])) if center else None,
                zoom=float(raw["zoom"]) if raw.get("zoom") is not None else None,
                highlight=tuple(raw.get("highlight", ())),
                title=raw.get("title"),
            )
        )
    return Story(
        title=data.get("title", ""), steps=tuple(steps), description=data.get("description", "")
    )


def story_to_dict(story: Story) -> dict[str, Any]:
    """The file form of a story: only the keys a step uses, so files stay small and readable."""
    steps = []
    for step in story.steps:
        raw: dict[str, Any] = {"date": step.day.isoformat()}
        if step.start:
            raw["from"] = step.start.isoformat()
        if step.bbox:
            raw["bbox"] = [round(v, 5) for v in step.bbox]
        elif step.center and step.zoom is not None:
            raw["center"] = {"lat": round(step.center[1], 5), "lon": round(step.center[0], 5)}
            raw["zoom"] = round(step.zoom, 3)
        if step.title:
            raw["title"] = step.title
        raw["caption"] = step.caption
        if step.highlight:
            raw["highlight"] = list(step.highlight)
        steps.append(raw)
    out: dict[str, Any] = {"conflictmap_story": SCHEMA_VERSION, "title": story.title}
    if story.description:
        out["description"] = story.description
    out["steps"] = steps
    return out


def _is_yaml(name: str) -> bool:
    return name.lower().endswith((".yaml", ".yml"))


def loads_story(text: str, *, name: str = "story.json") -> Story:
    """Parse a story from text; YAML when ``name`` ends in .yaml/.yml (needs PyYAML)."""
    if _is_yaml(name):
        try:
            import yaml
        except ImportError:
            raise StoryInvalid(
                ["YAML stories need PyYAML: pip install pyyaml (or save the story as JSON)"], name
            ) from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise StoryInvalid([f"not valid YAML: {exc}"], name) from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise StoryInvalid(
                [f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"], name
            ) from None
    if isinstance(data, Mapping) and "date" in data and "steps" not in data:
        data = {"title": "", "steps": [data]}
    return story_from_dict(data, source=name)


def dumps_story(story: Story, *, name: str = "story.json") -> str:
    data = story_to_dict(story)
    if _is_yaml(name):
        import yaml

        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_story(path: str | Path) -> Story:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryInvalid([f"cannot read the file: {exc}"], str(path)) from None
    return loads_story(text, name=path.name)


def save_story(story: Story, path: str | Path) -> None:
    path = Path(path)
    path.write_text(dumps_story(story, name=path.name), encoding="utf-8")
