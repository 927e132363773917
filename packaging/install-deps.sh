#!/usr/bin/env bash
# Installs the Debian 12 packages Chronomap needs to build, test and run, if any is missing.
# Safe to run again: with everything present it only checks and returns.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite qt6-qpa-plugins libgl-dev
    libqcustomplot-dev libqcustomplot2.1-qt6
    libsqlite3-dev sqlite3 libigraph-dev libpq-dev postgresql-15 postgresql-contrib
    xvfb xauth desktop-file-utils appstream shared-mime-info python3
    poppler-utils
    file # cpack -G DEB: CPackDeb runs file(1) to find what dpkg-shlibdeps must read
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing: ${missing[*]}" >&2
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
