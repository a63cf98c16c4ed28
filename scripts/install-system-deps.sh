#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium for the real-browser tests and for
# snapshot exports, PostgreSQL + PostGIS for the scale-out store tests.
# Idempotent: installs only what is missing. Uses sudo when not run as root.
set -euo pipefail

packages=(chromium fonts-dejavu-core fonts-open-sans postgresql postgresql-15-postgis-3 poppler-utils)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "system packages: all present"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
fi
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system packages: done"
