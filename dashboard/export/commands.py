"""The ``snapshot`` and ``story`` subcommands, registered on the ``conflictmap`` parser.

Kept beside the export code so ``dashboard/cli.py`` only has to call :func:`add_commands`.
Each run creates one :class:`ExportEngine` (one browser) and closes it before exiting.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.store.records import BBox

SettingsOf = Callable[[argparse.Namespace], Any]


def _bbox_arg(text: str) -> BBox:
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 4:
        raise argparse.ArgumentTypeError(
            f"expected W,S,E,N in degrees (e.g. 40.3,34.0,41.8,34.9), got {text!r}"
        )
    west, south, east, north = values
    if not (west < east and south < north):
        raise argparse.ArgumentTypeError(f"{text!r} is not a box: need W < E and S < N")
    return west, south, east, north


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _format_of(path: Path, given: str | None, allowed: tuple[str, ...]) -> str:
    fmt = given or path.suffix.lstrip(".").lower()
    if fmt not in allowed:
        raise SystemExit(
            f"conflictmap: error: cannot tell the format of {path}; pass --format "
            f"{'|'.join(allowed)}"
        )
    return fmt


def _write(path: Path, data: bytes) -> None:
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _cmd_snapshot(args: argparse.Namespace, settings_of: SettingsOf) -> int:
    from dashboard.export.engine import ExportEngine
    from dashboard.export.snapshot import snapshot
    from dashboard.store import open_store

    out = Path(args.output)
    fmt = _format_of(out, args.format, ("png", "svg", "pdf"))
    if args.start and args.start > args.date:
        raise SystemExit(f"conflictmap: error: --from {args.start} is after --date {args.date}")
    with open_store(settings_of(args).store_url) as store, ExportEngine() as engine:
        data = snapshot(
            store,
            args.date,
            args.bbox,
            args.start,
            fmt,  # type: ignore[arg-type]
            args.width,
            args.height,
            args.scale,
            args.title,
            path=args.path,
            engine=engine,
        )
    _write(out, data)
    if str(out) != "-":
        print(f"wrote {out} ({fmt}, {len(data):,} bytes)", file=sys.stderr)
    return 0


def _cmd_story(args: argparse.Namespace, settings_of: SettingsOf) -> int:
    from dashboard.export.engine import ExportEngine
    from dashboard.export.story import load_story
    from dashboard.export.story_export import story_html, story_pdf
    from dashboard.store import open_store

    story = load_story(args.story)
    out = Path(args.output)
    fmt = _format_of(out, args.format, ("pdf", "html"))
    with open_store(settings_of(args).store_url) as store:
        if fmt == "html":
            data = story_html(store, story, width=args.width, height=args.height).encode("utf-8")
        else:
            with ExportEngine(tabs=2) as engine:
                data = story_pdf(store, story, engine, width=args.width, height=args.height)
    _write(out, data)
    print(f"wrote {out} ({fmt}, {len(story.steps)} steps, {len(data):,} bytes)", file=sys.stderr)
    return 0


def _cmd_animate(args: argparse.Namespace, settings_of: SettingsOf) -> int:
    from dashboard.export.engine import ExportEngine
    from dashboard.export.story_export import range_gif
    from dashboard.store import open_store

    with open_store(settings_of(args).store_url) as store, ExportEngine(tabs=2) as engine:
        data = range_gif(
            store,
            args.start,
            args.date,
            engine,
            bbox=args.bbox,
            every_days=args.every,
            width=args.width,
            height=args.height,
            frame_ms=args.frame_ms,
            title=args.title,
        )
    _write(Path(args.output), data)
    return 0


def add_commands(
    commands: Any,
    settings_of: SettingsOf,
    add_db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``snapshot``, ``story`` and ``animate`` on the CLI's subparsers."""
    snap = commands.add_parser(
        "snapshot",
        help="export the map of a view on a date as PNG, SVG or PDF",
        description="Export a slide-ready map: control areas, contested ground, frontlines, "
        "events and places with a title, the date, a legend, a scale bar, a north arrow and "
        "the articles behind what is shown. Needs Chromium (apt-get install chromium).",
    )
    snap.add_argument("--date", type=_date_arg, required=True, help="day shown (YYYY-MM-DD)")
    snap.add_argument(
        "--from",
        dest="start",
        type=_date_arg,
        default=None,
        help="first day of a range: events from this day to --date, control on --date",
    )
    snap.add_argument(
        "--bbox",
        type=_bbox_arg,
        default=None,
        metavar="W,S,E,N",
        help="area to show (default: the campaign overview)",
    )
    snap.add_argument(
        "--format",
        choices=("png", "svg", "pdf"),
        default=None,
        help="output format (default: from the file name)",
    )
    snap.add_argument("--width", type=int, default=1600, help="width in px (default 1600)")
    snap.add_argument("--height", type=int, default=900, help="height in px (default 900)")
    snap.add_argument("--scale", type=float, default=1, help="PNG pixel ratio (2 = 3200x1800)")
    snap.add_argument("--title", default=None, help="title printed at the top")
    snap.add_argument(
        "--path",
        choices=("auto", "vector", "maplibre"),
        default="auto",
        help="vector: Plotly geo vectors (default, every format); maplibre: the web app's map, "
        "rasterised",
    )
    snap.add_argument("-o", "--output", required=True, help="file to write (- for stdout)")
    add_db_option(snap)
    snap.set_defaults(func=lambda a: _cmd_snapshot(a, settings_of))

    story = commands.add_parser(
        "story",
        help="export a story (JSON or YAML) as a PDF or a standalone HTML presentation",
        description="Export a story: a PDF with one page per step, or one HTML file that "
        "opens from disk with no server or network (←/→, Home, End to step through).",
    )
    story.add_argument("story", help="story file (.json, .yaml)")
    story.add_argument("--format", choices=("pdf", "html"), default=None)
    story.add_argument("--width", type=int, default=1600)
    story.add_argument("--height", type=int, default=900)
    story.add_argument("-o", "--output", required=True, help="file to write")
    add_db_option(story)
    story.set_defaults(func=lambda a: _cmd_story(a, settings_of))

    animate = commands.add_parser(
        "animate",
        help="export an animated GIF of a date range",
        description="One frame per day (or --every N days) from --from to --date.",
    )
    animate.add_argument("--from", dest="start", type=_date_arg, required=True)
    animate.add_argument("--date", type=_date_arg, required=True, help="last day")
    animate.add_argument("--bbox", type=_bbox_arg, default=None, metavar="W,S,E,N")
    animate.add_argument("--every", type=int, default=1, help="days between frames")
    animate.add_argument("--width", type=int, default=1200)
    animate.add_argument("--height", type=int, default=675)
    animate.add_argument("--frame-ms", type=int, default=700, help="time per frame")
    animate.add_argument("--title", default=None)
    animate.add_argument("-o", "--output", required=True, help="GIF file to write")
    add_db_option(animate)
    animate.set_defaults(func=lambda a: _cmd_animate(a, settings_of))
