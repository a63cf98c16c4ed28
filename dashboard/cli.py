"""The ``conflictmap`` command: parses arguments, calls the stages, prints results."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

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


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _cmd_parse(args: argparse.Namespace) -> int:
    from dashboard.articles import read_articles
    from dashboard.pipeline import analyse

    articles = read_articles(args.file, published=args.published)
    payload = [_analysis_json(analyse(article)) for article in articles]
    if args.json:
        print(
            json.dumps(payload if len(payload) != 1 else payload[0], ensure_ascii=False, indent=2)
        )
        return 0
    for item in payload:
        art = item["article"]
        print(
            f"# {art['title'] or art['id']}  ({art['language']}, published {art['published']}"
            f" [{art['published_origin']}])"
        )
        for w in art["warnings"]:
            print(f"  warning: {w}")
        print(f"places ({len(item['places'])}):")
        for p in item["places"]:
            print(
                f"  {p['text']!r:28} -> {p['name']} [{p['precision']}] "
                f"({p['lat']:.4f}, {p['lon']:.4f}) conf {p['confidence']:.2f}"
            )
        if item["unlocated"]:
            names = ", ".join(repr(u["text"]) for u in item["unlocated"])
            print(f"  not in the gazetteer (streets, buildings): {names}")
        print(f"events ({len(item['events'])}):")
        for e in item["events"]:
            sides = ", ".join(f"{a['text']}={a['side']}" for a in e["actors"])
            places = ", ".join(e["places"])
            print(
                f"  {e['date']} [{e['date_precision']}] {e['type']}: {places} | {sides}"
                f" conf {e['confidence']:.2f}"
            )
        print(f"claims ({len(item['claims'])}):")
        for c in item["claims"]:
            frac = f" {c['fraction']:.0%}" if c["fraction"] is not None else ""
            print(f"  {c['place']} -> {c['side']} from {c['from']} ({c['kind']}{frac})")
    return 0


def _analysis_json(analysis: Any) -> dict[str, Any]:
    """The ``parse --json`` document: plain names a reader can use without our classes."""
    a = analysis.article
    return {
        "article": {
            "id": a.id,
            "title": a.title,
            "language": a.language,
            "published": a.published.isoformat() if a.published else None,
            "published_origin": a.published_origin,
            "published_confidence": a.published_confidence,
            "source": a.source,
            "warnings": list(a.warnings),
        },
        "places": [
            {
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "place_id": p.place_id,
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "kind": p.kind,
                "precision": p.precision,
                "country": p.country,
                "admin1": p.admin1,
                "confidence": round(p.confidence, 3),
            }
            for p in analysis.places
        ],
        "unlocated": [
            {"text": u.text, "start": u.start, "end": u.end, "kind": u.head.lower()}
            for u in analysis.unlocated
        ],
        "events": [
            {
                "id": e.id,
                "type": e.type,
                "date": e.date.isoformat() if e.date else None,
                "date_precision": e.date_precision,
                "date_text": e.date_text,
                "places": [p.name for p in e.places],
                "actors": [{"text": x.text, "actor": x.actor, "side": x.side} for x in e.actors],
                "attribution": e.attribution,
                "negated": e.negated,
                "sentence": e.sentence,
                "sentence_start": e.sentence_start,
                "sentence_end": e.sentence_end,
                "confidence": round(e.confidence, 3),
            }
            for e in analysis.events
        ],
        "claims": [
            {
                "id": c.id,
                "place": c.place_name,
                "place_id": c.place_id,
                "lat": c.lat,
                "lon": c.lon,
                "precision": c.precision,
                "side": c.side,
                "from": c.valid_from.isoformat(),
                "kind": c.kind,
                "fraction": c.fraction,
                "sentence": c.sentence,
                "confidence": round(c.confidence, 3),
            }
            for c in analysis.claims
        ],
    }


class _Progress:
    """One status line on a terminal, rewritten per article; silent when piped."""

    def __init__(self) -> None:
        self.done = 0
        self.tty = sys.stderr.isatty()

    def __call__(self, result: Any) -> None:
        self.done += 1
        if result.status == "failed":
            self._clear()
            print(f"failed: {result.source}: {result.reason}", file=sys.stderr)
        if self.tty:
            print(
                f"\r{self.done} articles... {result.status}: {result.source}"[:100].ljust(100),
                end="",
                file=sys.stderr,
                flush=True,
            )

    def _clear(self) -> None:
        if self.tty:
            print("\r" + " " * 100 + "\r", end="", file=sys.stderr)

    def close(self) -> None:
        self._clear()


def _ingest(settings: Settings, paths: Sequence[str], published: date | None) -> Any:
    from dashboard.pipeline import ingest_paths, refresh_control
    from dashboard.store import open_store

    progress = _Progress()
    with open_store(settings.store_url) as store:
        try:
            summary = ingest_paths(store, paths, published=published, on_result=progress)
        finally:
            progress.close()
        refresh_control(store, since=summary.earliest_changed_day)
    return summary


def _cmd_ingest(args: argparse.Namespace) -> int:
    summary = _ingest(_settings(args), args.paths, args.published)
    print(summary.line())
    for failure in summary.failures:
        print(f"  failed: {failure.source}: {failure.reason}")
    return 1 if summary.failures else 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from dashboard.demo import demo_sources

    settings = _settings(args)
    summary = _ingest(settings, [str(p) for p in demo_sources()], None)
    print(f"demo store {settings.store_url}: {summary.line()}")
    return 1 if summary.failures else 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from dashboard import evaluation

    failed = evaluation.run(args.benchmarks, args.seed)
    return 1 if failed else 0


def _cmd_control(args: argparse.Namespace) -> int:
    from dashboard.store import open_store

    with open_store(_settings(args).store_url) as store:
        snapshot = store.control_snapshot_on(args.date)
    collection = {
        "type": "FeatureCollection",
        "properties": {
            "date": args.date.isoformat(),
            "snapshot": snapshot.date.isoformat() if snapshot else None,
        },
        "features": list(snapshot.features) if snapshot else [],
    }
    print(json.dumps(collection, ensure_ascii=False))
    if snapshot is None:
        print(f"no control snapshot on or before {args.date}", file=sys.stderr)
        return 1
    return 0


def _cmd_import_events(args: argparse.Namespace) -> int:
    from dashboard.exchange import import_events, parse_mapping
    from dashboard.gazetteer import load_gazetteer
    from dashboard.pipeline import refresh_control
    from dashboard.store import open_store

    mapping = parse_mapping(args.map)
    with open_store(_settings(args).store_url) as store:
        summary = import_events(
            store,
            args.file,
            args.format,
            mapping,
            skip_bad_rows=args.skip_bad_rows,
            gazetteer=load_gazetteer(),
        )
        refresh_control(store, since=summary.earliest_changed_day)
    print(summary.line())
    for problem in summary.skipped:
        print(f"  skipped {problem}")
    for name, count in sorted(summary.unmapped_actors.items()):
        print(f"  actor with no side: {name} ({count})")
    return 0


def _cmd_import_control(args: argparse.Namespace) -> int:
    from dashboard.exchange import import_control
    from dashboard.pipeline import refresh_control
    from dashboard.store import open_store

    with open_store(_settings(args).store_url) as store:
        summary = import_control(store, args.file, args.side, args.date)
        if summary.status == "new":
            refresh_control(store, since=summary.day)
    print(summary.line())
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from dashboard.exchange import export
    from dashboard.store import open_store

    with open_store(_settings(args).store_url) as store:
        summary = export(
            store, args.output, args.format, day=args.date, start=args.start, end=args.end
        )
    print(summary.line())
    return 0


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="store URL (sqlite:///file.db or postgresql://...); default: the embedded store",
    )


def _default_benchmarks() -> Path | None:
    from dashboard.evaluation import DEFAULT_BENCHMARKS

    return DEFAULT_BENCHMARKS if DEFAULT_BENCHMARKS.is_dir() else None


def _default_seed() -> Path | None:
    from dashboard.evaluation import DEFAULT_SEED

    return DEFAULT_SEED if DEFAULT_SEED.is_file() else None


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

    parse = commands.add_parser(
        "parse",
        help="read one article file and print its places, events and control claims",
        description="Read an article (text, HTML, JSON/JSONL, RSS/Atom) and print what it says: "
        "places with coordinates, dated events with actors and sides, and control claims.",
    )
    parse.add_argument("file", help="article file")
    parse.add_argument(
        "--published", type=_date_arg, default=None, help="publication date (YYYY-MM-DD) to use"
    )
    parse.add_argument("--json", action="store_true", help="print JSON")
    parse.set_defaults(func=_cmd_parse)

    ingest = commands.add_parser(
        "ingest",
        help="read articles into the store",
        description="Read articles (files, folders, globs, or - for stdin) into the store, one "
        "transaction per article: re-ingesting changes nothing; a failed file is reported and "
        "the batch goes on.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob or -")
    ingest.add_argument(
        "--published",
        type=_date_arg,
        default=None,
        help="publication date (YYYY-MM-DD) for files that carry none",
    )
    _add_db_option(ingest)
    ingest.set_defaults(func=_cmd_ingest)

    demo = commands.add_parser(
        "demo",
        help="fill the store with the bundled demo articles",
        description="Ingest the team-written demo articles about the autumn 2017 campaign "
        "(and the seed article of ../shared/seeds when run from a checkout that has it).",
    )
    _add_db_option(demo)
    demo.set_defaults(func=_cmd_demo)

    control = commands.add_parser(
        "control",
        help="print control areas, frontlines and places on a date",
        description="Print the control snapshot in force on a date as a GeoJSON "
        "FeatureCollection: areas, contested ground, frontlines and places, each with the "
        "claims (article, sentence) behind it.",
    )
    control.add_argument("--date", type=_date_arg, required=True, help="YYYY-MM-DD")
    control.add_argument("--format", choices=("geojson",), default="geojson")
    _add_db_option(control)
    control.set_defaults(func=_cmd_control)

    import_events = commands.add_parser(
        "import-events",
        help="import an ACLED, UCDP GED or generic CSV file of events",
        description="Import a structured event file as events (and control claims for "
        "territory changes), one pseudo-article per file: importing it again changes nothing. "
        "A bad row fails the whole file unless --skip-bad-rows.",
    )
    import_events.add_argument("file", help="CSV file")
    import_events.add_argument("--format", choices=("acled", "ucdp", "csv"), required=True)
    import_events.add_argument(
        "--map",
        default=None,
        metavar="FIELD=COLUMN,...",
        help="columns of a generic CSV, e.g. date=Date,lat=Y,lon=X,type=Kind,place=Town,"
        "actor1=Who,actor2=Against,source=Report,notes=Note",
    )
    import_events.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows, report the bad ones"
    )
    _add_db_option(import_events)
    import_events.set_defaults(func=_cmd_import_events)

    import_control = commands.add_parser(
        "import-control",
        help="import a known control area (GeoJSON polygons) as a starting state",
        description="Store the polygons of a GeoJSON file (EPSG:4326) as held by a side from "
        "a date on; the control model lays claims over them.",
    )
    import_control.add_argument("file", help="GeoJSON file of Polygon/MultiPolygon features")
    import_control.add_argument("--side", required=True, help="isis, iraqi_forces, sdf, ...")
    import_control.add_argument("--date", type=_date_arg, required=True, help="YYYY-MM-DD")
    _add_db_option(import_control)
    import_control.set_defaults(func=_cmd_import_control)

    export = commands.add_parser(
        "export",
        help="export events, claims and control of a day or range",
        description="Write events, claims and control (areas, frontlines, places), each with "
        "its sources, as GeoJSON, CSV (OUT_events.csv, OUT_claims.csv, OUT_control.csv) or "
        "a GeoPackage with one layer per kind. Without a date, everything.",
    )
    export.add_argument("--date", type=_date_arg, default=None, help="one day, YYYY-MM-DD")
    export.add_argument("--from", dest="start", type=_date_arg, default=None, help="YYYY-MM-DD")
    export.add_argument("--to", dest="end", type=_date_arg, default=None, help="YYYY-MM-DD")
    export.add_argument("--format", choices=("geojson", "csv", "gpkg"), required=True)
    export.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    _add_db_option(export)
    export.set_defaults(func=_cmd_export)

    evaluate = commands.add_parser(
        "eval",
        help="measure the pipeline on annotated corpora",
        description="Print recognition, resolution, event and claim scores on the team's "
        "corpus, the public geoparsing corpora and the seed article.",
    )
    evaluate.add_argument(
        "--benchmarks",
        type=Path,
        default=_default_benchmarks(),
        help="folder of public geoparsing corpora (default: ../shared/benchmarks/geoparsing)",
    )
    evaluate.add_argument("--seed", type=Path, default=_default_seed(), help="seed article")
    evaluate.set_defaults(func=_cmd_eval)

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

    from dashboard.export.commands import add_commands as add_export_commands

    add_export_commands(commands, _settings, _add_db_option)
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
