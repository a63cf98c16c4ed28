#!/usr/bin/env bash
# Rebuild assets/plotly-map-bar.min.js: plotly.js with only the trace types the page draws.
#
# The full plotly.js (4.8 MB) spends most of its start-up on trace types the page never uses;
# this bundle carries scatter, scattermap and bar. Packages come from the npm registry at the
# exact versions in scripts/plotly-bundle/package-lock.json, so a rebuild gives the same file.
# The plotly.js version must be the one the installed plotly Python package expects
# (tests/web/test_plotly_bundle.py checks it): after upgrading plotly, set it in
# scripts/plotly-bundle/package.json, run `npm install --package-lock-only` there, and rerun.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/scripts/plotly-bundle"
OUT="$ROOT/assets/plotly-map-bar.min.js"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cp "$SRC/package.json" "$SRC/package-lock.json" "$SRC/entry.js" "$SRC/build.js" "$WORK/"
cd "$WORK"
# --ignore-scripts: nothing runs at install time (esbuild's binary comes as a package)
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
node build.js "$OUT"
sha256sum "$OUT" | sed "s#$ROOT/##"
