#!/bin/sh
# The system packages (Debian/Ubuntu names) each make target needs, installed with apt-get when
# missing. Checks first and does nothing, in well under a second, when nothing is missing, so
# `make` calls it every time. Before installing it says what and why; apt's output is shown.
#   run   Qt 6 (PySide6-Essentials) opens a real window: fonts, EGL/GL, xkbcommon, D-Bus, GLib,
#         and every library Qt's xcb platform plugin links (found with `ldd`: libxcb-icccm4,
#         libxcb-keysyms1, libxcb-cursor0 ...).
#   test  run's, plus Xvfb, xauth and xdotool: a test starts a virtual display and presses keys.
#   dist  test's, plus what PyInstaller needs: objdump (binutils) and Python's shared library.
#   deb   dist's, plus dpkg-deb (dpkg).
# Without root (or without apt-get) it prints the apt-get line to run instead.
# Usage: sh packaging/install-sysdeps.sh run|test|dist|deb [PYTHON]   (PYTHON: the venv's python)
set -e
TARGET=${1:-test}
PYTHON=${2:-python3}
BASE_PACKAGES="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core"

qt_dir() {
    "$PYTHON" -c "import os, PySide6; print(os.path.join(os.path.dirname(PySide6.__file__), 'Qt'))" 2>/dev/null
}

# Debian package for a shared library name: libxcb-icccm.so.4 -> libxcb-icccm4,
# libxkbcommon-x11.so.0 -> libxkbcommon-x11-0, libX11-xcb.so.1 -> libx11-xcb1.
package_for() {
    case "$1" in
        libglib-2.0.so.*|libgobject-2.0.so.*|libgthread-2.0.so.*|libgio-2.0.so.*) echo "libglib2.0-0"; return ;;
        libQt6*|libpyside*|libshiboken*) return ;;  # Qt's own, shipped in the wheel
    esac
    name=$(echo "${1%%.so.*}" | tr 'A-Z' 'a-z')
    version=${1##*.so.}
    version=${version%%.*}
    case "$name" in
        *[0-9]) echo "$name-$version" ;;
        *) echo "$name$version" ;;
    esac
}

# Shared libraries the xcb plugin (and Qt's GUI libraries) need that the loader cannot find.
missing_libraries() {
    qt=$(qt_dir) || return 0
    [ -n "$qt" ] || return 0
    for lib in "$qt/plugins/platforms/libqxcb.so" "$qt/lib/libQt6XcbQpa.so.6" "$qt/lib/libQt6Gui.so.6" \
               "$qt/lib/libQt6Widgets.so.6" "$qt/lib/libQt6DBus.so.6" "$qt"/plugins/xcbglintegrations/*.so; do
        [ -f "$lib" ] || continue
        LD_LIBRARY_PATH="$qt/lib" ldd "$lib" 2>/dev/null | awk '/not found/ {print $1}'
    done | sort -u
}

has_library() {
    ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
    "$ldconfig" -p 2>/dev/null | grep -q "$1"
}

# Lines of "why: package package ..." for what is missing.
missing() {
    window=""
    for lib in $(missing_libraries); do
        window="$window $(package_for "$lib")"
    done
    has_library "libxcb-cursor.so.0" || window="$window libxcb-cursor0"  # Qt 6.5+ insists on it
    if ! QT_QPA_PLATFORM=offscreen "$PYTHON" -c "from PySide6.QtWidgets import QApplication; QApplication([])" \
            >/dev/null 2>&1; then
        window="$window $BASE_PACKAGES"
    fi
    [ -n "$window" ] && echo "Qt's window (the libraries its xcb platform plugin links):$window"
    [ "$TARGET" = run ] && return 0
    tools=""
    command -v Xvfb >/dev/null 2>&1 || tools="$tools xvfb"
    command -v xauth >/dev/null 2>&1 || tools="$tools xauth"
    command -v xdotool >/dev/null 2>&1 || tools="$tools xdotool"
    [ -n "$tools" ] && echo "a virtual display and key presses for the real-window tests:$tools"
    [ "$TARGET" = test ] && return 0
    build=""
    command -v objdump >/dev/null 2>&1 || build="$build binutils"
    # PyInstaller bundles Python's shared library; Debian's python3 links it statically and
    # ships the shared one as libpython3.X.
    soname=$("$PYTHON" -c "import sysconfig; print(sysconfig.get_config_var('INSTSONAME') or '')" 2>/dev/null)
    libdir=$("$PYTHON" -c "import sysconfig; print(sysconfig.get_config_var('LIBDIR') or '')" 2>/dev/null)
    if [ -n "$soname" ] && [ ! -e "$libdir/$soname" ] && ! has_library "$soname"; then
        build="$build $(echo "$soname" | sed 's/\.so.*//')"
    fi
    [ -n "$build" ] && echo "PyInstaller (objdump, Python's shared library):$build"
    [ "$TARGET" = dist ] && return 0
    command -v dpkg-deb >/dev/null 2>&1 || echo "building the .deb: dpkg"
    return 0
}

NEEDS=$(missing)
[ -z "$NEEDS" ] && exit 0
PACKAGES=$(echo "$NEEDS" | sed 's/^[^:]*://' | tr ' ' '\n' | grep . | sort -u | tr '\n' ' ')
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing system packages with apt-get, for"
    echo "$NEEDS" | sed 's/^/      /'
    apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $PACKAGES
    STILL=$(missing_libraries | tr '\n' ' ')
    if [ -n "$(echo "$STILL" | tr -d ' ')" ]; then
        echo "Qt's xcb platform plugin still cannot find: $STILL" >&2
        exit 1
    fi
else
    echo "FrameReader needs these system packages (Debian/Ubuntu names), for"
    echo "$NEEDS" | sed 's/^/    /'
    echo "  sudo apt-get update && sudo apt-get install $PACKAGES" >&2
    # Tests still run offscreen without the window's libraries; only a failing offscreen start,
    # or a missing build tool, is fatal.
    QT_QPA_PLATFORM=offscreen "$PYTHON" -c "from PySide6.QtWidgets import QApplication; QApplication([])" \
        >/dev/null 2>&1 || exit 1
    case "$TARGET" in dist|deb) exit 1 ;; esac
fi
