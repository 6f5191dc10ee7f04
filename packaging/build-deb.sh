#!/bin/sh
# Wraps the PyInstaller one-folder build into a Debian package, with dpkg-deb (no network at
# install time: everything is inside). Installs:
#   /opt/framereader/                      the one-folder build (the app and its _internal/)
#   /usr/bin/framereader                   a two-line wrapper that runs it
#   /usr/share/applications/io.github.framereader.FrameReader.desktop   the menu entry
#   /usr/share/icons/hicolor/scalable/apps/framereader.svg             its icon
#   /usr/share/metainfo/io.github.framereader.FrameReader.metainfo.xml AppStream metadata
# Depends, found with ldd and dpkg -S on the build machine: the Debian packages of the system
# libraries Qt's xcb platform plugin and GUI libraries link (libxcb-*, libxkbcommon-x11,
# EGL/GL, fontconfig, GLib, D-Bus ...; PyInstaller carries copies of some of them, the
# package still declares them), those of every library the build links without carrying it,
# and a font.
# Usage: sh packaging/build-deb.sh dist/framereader OUTDIR [PYTHON]  (PYTHON: the venv's, with PySide6)
set -e
BUILD=${1:?usage: build-deb.sh BUILD_DIR OUTDIR [PYTHON]}
OUT=${2:-dist}
PYTHON=${3:-.venv/bin/python}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
NAME=framereader
APP_ID=io.github.framereader.FrameReader
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/src/framereader/__init__.py")
ARCH=$(dpkg --print-architecture)
[ -x "$BUILD/$NAME" ] || { echo "build-deb: $BUILD/$NAME is missing: run make dist first" >&2; exit 1; }

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
echo "==> Staging the package in $STAGE"
mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/metainfo" "$STAGE/DEBIAN" \
    "$STAGE/usr/share/doc/$NAME"
cp -a "$BUILD" "$STAGE/opt/$NAME"
cat > "$STAGE/usr/bin/$NAME" <<EOF
#!/bin/sh
exec /opt/$NAME/$NAME "\$@"
EOF
chmod 755 "$STAGE/usr/bin/$NAME"
install -m 644 "$HERE/$APP_ID.desktop" "$STAGE/usr/share/applications/$APP_ID.desktop"
install -m 644 "$ROOT/resources/icons/framereader.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/framereader.svg"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
printf 'FrameReader %s, built with PyInstaller from the repository.\nLicense: MIT.\n' "$VERSION" \
    > "$STAGE/usr/share/doc/$NAME/copyright"

echo "==> Finding the system libraries the build and Qt's xcb plugin link (ldd), and their packages (dpkg -S)"
# The libraries FILE names itself (NEEDED, not their own dependencies), as ldd resolves them
# with LD_LIBRARY_PATH=$2.
direct_libraries() {
    needed=$(objdump -p "$1" 2>/dev/null | awk '$1 == "NEEDED" {print $2}')
    [ -n "$needed" ] || return 0
    LD_LIBRARY_PATH="$2" ldd "$1" 2>/dev/null | awk -v needed="$needed" '
        BEGIN { n = split(needed, list, "\n"); for (i = 1; i <= n; i++) want[list[i]] = 1 }
        $2 == "=>" && $3 ~ /^\// && ($1 in want) {print $3}'
}
LIBDIRS=$(find "$STAGE/opt/$NAME" -name '*.so*' -type f -exec dirname {} + | sort -u | tr '\n' ':')
OUTSIDE=$(find "$STAGE/opt/$NAME" -type f \( -name '*.so*' -o -name "$NAME" \) | while read -r f; do
              direct_libraries "$f" "$LIBDIRS"
          done | sort -u)
QT=$("$PYTHON" -c "import os, PySide6; print(os.path.join(os.path.dirname(PySide6.__file__), 'Qt'))")
XCB=$(for f in "$QT/plugins/platforms/libqxcb.so" "$QT/lib/libQt6XcbQpa.so.6" "$QT/lib/libQt6Gui.so.6" \
               "$QT/lib/libQt6Widgets.so.6" "$QT/lib/libQt6DBus.so.6" "$QT"/plugins/xcbglintegrations/*.so; do
          [ -f "$f" ] && direct_libraries "$f" "$QT/lib"
      done | sort -u)
PACKAGES=""
for lib in $OUTSIDE $XCB; do
    case "$lib" in "$STAGE"/*|"$QT"/*) continue ;; esac  # carried in the build, or Qt's own
    real=$(readlink -f "$lib")
    package=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || true)
    package=$(echo "$package" | head -1 | cut -d: -f1)
    [ -n "$package" ] && PACKAGES="$PACKAGES $package"
done
# libc6 is essential; a font so Qt can draw text.
DEPENDS=$(echo "$PACKAGES fonts-dejavu-core" | tr ' ' '\n' | grep . | grep -v '^libc6$' | sort -u | paste -sd, - \
    | sed 's/,/, /g')
echo "    Depends: $DEPENDS"

SIZE=$(du -sk "$STAGE" --exclude=DEBIAN | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: FrameReader developers <framereader@users.noreply.github.com>
Installed-Size: $SIZE
Depends: $DEPENDS
Section: education
Priority: optional
Homepage: https://github.com/framereader/framereader
Description: offline reader that shows how two texts frame the same events
 FrameReader opens two articles side by side: a local spaCy pipeline colours the
 named entities, editable framing lexicons colour the loaded words, and a
 comparison view shows which actors both texts mention and the words each text
 attaches to them. Made for media-literacy lessons (presenter mode, handouts,
 lesson files). It never opens a network connection.
EOF

mkdir -p "$OUT"
DEB="$OUT/${NAME}_${VERSION}_${ARCH}.deb"
echo "==> Building $DEB with dpkg-deb (compressing about $((SIZE / 1024)) MB)"
dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$DEB"
ls -l "$DEB"
