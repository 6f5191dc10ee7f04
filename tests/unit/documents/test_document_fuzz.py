"""Damaged documents: truncated and byte-flipped copies of every fixture load or give a
DocumentError, never another exception, a hang or a traceback."""

from __future__ import annotations

import random
import time
from pathlib import Path

import document_fixtures as fx
import pytest

from framereader.core.documents import load_document
from framereader.core.errors import DocumentError

MUTATIONS = 25


def _fixtures(tmp_path: Path) -> dict[str, bytes]:
    page = fx.saved_page()
    return {
        "page.html": page.encode("utf-8"),
        "page.mhtml": fx.mhtml(page),
        "memo.docx": fx.make_docx(tmp_path / "memo.docx").read_bytes(),
        "notice.odt": fx.make_odt(tmp_path / "notice.odt").read_bytes(),
        "plain.pdf": fx.make_tj_pdf(tmp_path / "plain.pdf", pages=3).read_bytes(),
        "letter.rtf": rb"{\rtf1\ansi{\info{\title T}}\pard Hello \b world\b0.\par\pard Again.\par}",
    }


def _mutants(data: bytes, rng: random.Random) -> list[bytes]:
    out = []
    for index in range(MUTATIONS):
        if index % 3 == 0:  # truncated
            out.append(data[: rng.randrange(1, len(data))])
        else:  # a few bytes overwritten
            mutable = bytearray(data)
            for _ in range(rng.randrange(1, 12)):
                mutable[rng.randrange(len(mutable))] = rng.randrange(256)
            out.append(bytes(mutable))
    return out


@pytest.mark.parametrize("name", ["page.html", "page.mhtml", "memo.docx", "notice.odt", "plain.pdf", "letter.rtf"])
def test_damaged_copies_load_or_are_refused_cleanly(tmp_path: Path, name: str) -> None:
    data = _fixtures(tmp_path)[name]
    rng = random.Random(f"fuzz-{name}")
    refused = 0
    for number, mutant in enumerate(_mutants(data, rng)):
        path = tmp_path / f"m{number}-{name}"
        path.write_bytes(mutant)
        started = time.perf_counter()
        try:
            doc = load_document(path)
        except DocumentError as exc:
            refused += 1
            assert exc.path == str(path) and "\n" not in exc.message and exc.reason
        else:
            for block in doc.blocks:
                assert 0 <= block.start <= block.end <= len(doc.text)
        assert time.perf_counter() - started < 5.0
    assert refused >= 1  # at least the shortest truncations are refused
