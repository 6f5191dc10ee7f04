"""Check that a PyInstaller one-folder build carries every file FrameReader reads at run time.

Runs packaging/runtime_files.py (a user's session: every document format, language detection,
analysis, comparison, handouts, the window) in this Python, then looks for each file it
read in the build: data files and package metadata at the same place under `_internal/`,
resources under `_internal/resources/`, shared libraries by name anywhere in the build.
Exits 1 and lists what is missing.
Usage: .venv/bin/python packaging/check_bundle.py dist/framereader
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Read by the session only to make its test documents (python-docx writes from a template);
#: the app only reads .docx files.
FIXTURE_ONLY = {"docx/templates/default.docx"}


def package_of(relative: str) -> str:
    """`py3langid/data/model.npz.xz` -> `py3langid`; `spacy-3.8.dist-info/METADATA` -> `spacy`."""
    first = relative.split("/", 1)[0]
    return first.split("-")[0] if first.endswith(".dist-info") else first


def metadata_name(relative: str) -> str:
    """`spacy-3.8.18.dist-info/METADATA` -> `spacy-3.8.18.dist-info`."""
    return relative.split("/", 1)[0]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    build = Path(argv[0]).resolve()
    internal = build / "_internal"
    if not internal.is_dir():
        print(f"check_bundle: {build} is not a PyInstaller one-folder build (no _internal/)", file=sys.stderr)
        return 2
    print("check_bundle: running a session that opens every format, analyses, compares, exports and "
          "shows the window, recording the files it reads…", flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(HERE / "runtime_files.py")], env=env, capture_output=True,
                            text=True, timeout=900)
    if result.returncode != 0:
        print(result.stderr[-4000:], file=sys.stderr)
        return 1
    found = json.loads(result.stdout)
    names = {path.name for path in build.rglob("*")}
    bundled_metadata = {path.name for path in internal.glob("*.dist-info")}
    missing: list[str] = []
    for relative in found["data"]:
        if relative not in FIXTURE_ONLY and not (internal / relative).is_file():
            missing.append(f"data file {relative}")
    for relative in found["resources"]:
        if not (internal / "resources" / relative).is_file():
            missing.append(f"resource {relative}")
    for relative in found["binaries"]:
        if Path(relative).name not in names:
            missing.append(f"shared library {relative}")
    # Metadata: the session's entry-point scans read every installed distribution's; the build
    # needs those of the packages it contains (spaCy's plugins, version look-ups).
    imported = {package_of(r) for r in (*found["data"], *found["binaries"])}
    for relative in found["metadata"]:
        dist = metadata_name(relative)
        if package_of(relative).lower().replace("-", "_") in {i.lower() for i in imported} \
                and dist not in bundled_metadata:
            missing.append(f"metadata {dist}")
    by_package = Counter(package_of(r) for r in found["data"] if r not in FIXTURE_ONLY)
    print(f"check_bundle: {len(found['data']) - len(FIXTURE_ONLY & set(found['data']))} data files "
          f"({', '.join(f'{p} {n}' for p, n in sorted(by_package.items()))}), "
          f"{len(found['resources'])} resources, {len(found['binaries'])} shared libraries, "
          f"{len(bundled_metadata)} distributions' metadata in the build")
    if missing:
        print(f"check_bundle: {len(missing)} files read at run time are missing from {build}:", file=sys.stderr)
        for line in sorted(set(missing)):
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"check_bundle: every file the session read is in {build}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
