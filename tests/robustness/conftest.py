"""The bad-input corpus, generated once per session into a temp folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from corpus import make_corpus  # noqa: E402


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    cases = make_corpus(tmp_path_factory.mktemp("bad-input"))
    yield cases
    os.chmod(cases["unreadable"], 0o644)


@pytest.fixture
def unreadable_is_enforced(corpus) -> bool:
    """Root can read a chmod-000 file; tests then simulate the PermissionError instead."""
    try:
        corpus["unreadable"].read_bytes()
    except PermissionError:
        return True
    return False
