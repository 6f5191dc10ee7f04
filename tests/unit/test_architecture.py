"""The house's rules that import-linter cannot express alone: the spaCy wall names every part of
core but nlp, modules stay small, and few modules lie loose beside the feature folders."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "framereader"


def _children(package: Path) -> set[str]:
    return {p.stem for p in package.iterdir() if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()}


def test_the_spacy_wall_covers_every_part_of_core_but_nlp() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["name"] == "only core.nlp imports spaCy")
    listed = {name.removeprefix("framereader.core.") for name in contract["source_modules"]}
    assert listed == _children(SRC / "core") - {"nlp"}


def test_no_module_is_over_500_lines() -> None:
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert long == {}


def test_few_loose_modules_beside_the_feature_folders() -> None:
    loose_ui = [p.name for p in (SRC / "ui").glob("*.py")]
    loose_core = [p.name for p in (SRC / "core").glob("*.py")]
    assert len(loose_ui) <= 6 and len([p for p in (SRC / "ui").iterdir() if (p / "__init__.py").exists()]) >= 6
    assert len(loose_core) <= 8, loose_core


def test_tests_mirror_the_source_folders() -> None:
    for layer, tests in (("ui", ROOT / "tests" / "ui"), ("core", ROOT / "tests" / "unit")):
        features = {p.name for p in (SRC / layer).iterdir() if (p / "__init__.py").exists()}
        mirrored = {p.name for p in tests.iterdir() if p.is_dir() and p.name != "__pycache__"}  # written unless PYTHONDONTWRITEBYTECODE
        assert mirrored <= features, mirrored - features  # no test folder without its source folder
