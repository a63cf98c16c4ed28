#!/usr/bin/env bash
# Runs the whole pytest suite with the services it needs, from the project's venv.
# "No tests collected" is a failure here: a suite that runs nothing proves nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
mkdir -p test-artifacts
"$BIN/python" -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
    echo "run-tests: pytest collected no tests" >&2
    exit 1
fi
exit "$status"
