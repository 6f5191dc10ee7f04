#!/bin/sh
# Installs the system libraries Qt 6 (PySide6-Essentials) needs on Debian/Ubuntu.
# Called by `make` only when Qt fails to start offscreen.
set -e
PACKAGES="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system libraries for Qt: $PACKAGES"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
else
    echo "Qt could not start. Please install these system packages (Debian/Ubuntu names): $PACKAGES" >&2
    exit 1
fi
