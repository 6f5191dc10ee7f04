#!/bin/sh
# Installs what Qt 6 (PySide6-Essentials) needs to open a real window on Debian/Ubuntu, and the
# virtual X server the real-window smoke test runs under. Checks first and does nothing when
# nothing is missing, so `make` calls it every time:
#   - Qt starts offscreen (fonts, EGL/GL, xkbcommon, D-Bus, GLib);
#   - every library the xcb platform plugin links is found (`ldd` on PySide6's libqxcb.so and
#     libQt6XcbQpa.so: libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0 ...);
#   - Xvfb, xauth and xdotool (the smoke test starts a display and presses keys in it).
# Usage: sh packaging/install-qt-sysdeps.sh [PYTHON]   (the virtualenv's python; default python3)
set -e
PYTHON=${1:-python3}
BASE_PACKAGES="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core"
# Qt names libxcb-cursor0 itself (Qt 6.5+ refuses the xcb platform without it).
XCB_ALWAYS="libxcb-cursor0"
TOOLS="xvfb xauth xdotool"

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

missing_packages() {
    for lib in $(missing_libraries); do
        package_for "$lib"
    done
    ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
    if ! "$ldconfig" -p 2>/dev/null | grep -q "libxcb-cursor.so.0"; then
        echo "$XCB_ALWAYS"
    fi
    command -v Xvfb >/dev/null 2>&1 || echo xvfb
    command -v xauth >/dev/null 2>&1 || echo xauth
    command -v xdotool >/dev/null 2>&1 || echo xdotool
    if ! QT_QPA_PLATFORM=offscreen "$PYTHON" -c "from PySide6.QtWidgets import QApplication; QApplication([])" \
            >/dev/null 2>&1; then
        echo "$BASE_PACKAGES" | tr ' ' '\n'
    fi
}

PACKAGES=$(missing_packages | sort -u | tr '\n' ' ')
if [ -z "$(echo "$PACKAGES" | tr -d ' ')" ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages for Qt's window and the smoke test: $PACKAGES"
    apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
    STILL=$(missing_libraries | tr '\n' ' ')
    if [ -n "$(echo "$STILL" | tr -d ' ')" ]; then
        echo "Qt's xcb platform plugin still cannot find: $STILL" >&2
        exit 1
    fi
else
    echo "Please install these system packages (Debian/Ubuntu names): $PACKAGES" >&2
    echo "  sudo apt-get update && sudo apt-get install $PACKAGES" >&2
    # Without them Qt may still run offscreen (tests); only a failing offscreen start is fatal.
    QT_QPA_PLATFORM=offscreen "$PYTHON" -c "from PySide6.QtWidgets import QApplication; QApplication([])" \
        >/dev/null 2>&1 || exit 1
fi
