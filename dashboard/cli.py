"""The ``conflictmap`` command: parses arguments, calls the stages, prints results."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from dashboard import __version__
from dashboard.config import ConfigError, Settings
from dashboard.errors import ConflictmapError


def _cmd_geocode(args: argparse.Namespace) -> int:
    from dashboard.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    candidates = gazetteer.lookup(args.name, lang=args.lang, limit=args.limit)
    if not candidates:
        if args.json:
            print("[]")
        print(f"no place matches {args.name!r}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps([c.to_dict() for c in candidates], ensure_ascii=False, indent=2))
        return 0
    for rank, c in enumerate(candidates, 1):
        where = ", ".join(part for part in (c.admin1, c.country) if part)
        print(
            f"{rank:>2}. {c.name} [{c.kind}] {where}  "
            f"({c.lat:.5f}, {c.lon:.5f})  score {c.score:.3f}"
        )
    return 0


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env().with_overrides(
        database_url=getattr(args, "db", None),
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
    )


def _cmd_serve(args: argparse.Namespace) -> int:
    from dashboard.web.server import serve

    settings = _settings(args)
    print(f"conflictmap: serving on http://{settings.host}:{settings.port}", file=sys.stderr)
    serve(settings, workers=args.workers)
    return 0


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="store URL (sqlite:///file.db or postgresql://...); default: the embedded store",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conflictmap",
        description=(
            "Offline conflict map: read news articles, resolve the places they name, "
            "and map territorial control and frontlines over time."
        ),
    )
    parser.add_argument("--version", action="version", version=f"conflictmap {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    geocode = commands.add_parser(
        "geocode",
        help="look a place name up in the shipped gazetteer",
        description="Print the gazetteer's ranked candidates for a place name, any spelling.",
    )
    geocode.add_argument("name", help="place name as written, e.g. 'Albou Kamal' or 'Deir Ezzor'")
    geocode.add_argument(
        "--lang", choices=("fr", "en"), default=None, help="language the name is written in"
    )
    geocode.add_argument("--limit", type=int, default=10, help="most candidates to print")
    geocode.add_argument("--json", action="store_true", help="print a JSON list of candidates")
    geocode.set_defaults(func=_cmd_geocode)

    serve = commands.add_parser(
        "serve",
        help="serve the dashboard in a browser",
        description="Serve the dashboard (default http://127.0.0.1:8050) from the store.",
    )
    serve.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", default=None, help="port to listen on (default 8050)")
    serve.add_argument("--workers", type=int, default=1, help="gunicorn worker processes")
    _add_db_option(serve)
    serve.set_defaults(func=_cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except (ConflictmapError, ConfigError) as exc:
        print(f"conflictmap: error: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error of ours.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
