"""Generates the bad-input corpus into a folder (nothing large is committed).

`make_corpus(folder)` returns {case name: path}. Each case is something a student might drag
onto the app; every one must either load correctly or give a clear, one-line refusal.
"""

from __future__ import annotations

import os
from pathlib import Path

SENTENCE = "President Marek Holloway’s regime slaughtered the truth, critics said in Geneva. "


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def make_corpus(folder: Path, *, huge_mb: int = 50) -> dict[str, Path]:
    """Write every bad-input case into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Path] = {}
    cases["empty"] = _write(folder / "empty.txt", b"")
    cases["whitespace"] = _write(folder / "whitespace.txt", b" \n\t\n   \r\n")
    cases["binary"] = _write(folder / "binary.txt", bytes(range(256)) * 64)
    cases["nul_bytes"] = _write(folder / "nul.txt", SENTENCE.encode() + b"\x00\x00\x00" + SENTENCE.encode())
    cases["invalid_utf8"] = _write(folder / "invalid-utf8.txt", SENTENCE.encode() + b"\xff\xfe\xc3(\xa0" + b" tail")
    cases["utf16_le"] = _write(folder / "utf16le.txt", b"\xff\xfe" + SENTENCE.encode("utf-16-le"))
    cases["utf16_be"] = _write(folder / "utf16be.txt", b"\xfe\xff" + SENTENCE.encode("utf-16-be"))
    cases["cp1252"] = _write(folder / "cp1252.txt", "“Regime” — the so‑called ‘peace’ deal…".replace("\u2011", "-").encode("cp1252"))
    cases["latin1"] = _write(folder / "latin1.txt", "Café in Zürich, señor Muñoz\x81 said".encode("latin-1"))
    cases["one_mb_line"] = _write(folder / "one-line.txt", (SENTENCE.strip() + " ").encode() * (1024 * 1024 // len(SENTENCE.encode())))
    huge = folder / "huge.txt"
    with huge.open("wb") as handle:  # sparse where the file system allows: cheap to make
        handle.truncate(huge_mb * 1024 * 1024)
    cases["fifty_mb"] = huge
    cases["deep_lists"] = _write(folder / "deep-lists.md", "".join("  " * i + "- level\n" for i in range(1000)).encode())
    cases["deep_quotes"] = _write(folder / "deep-quotes.md", (">" * 1000 + " deep quote\n").encode())
    cases["hostile_markdown"] = _write(
        folder / "hostile.md",
        (
            "# Hostile\n\n<script>alert('x')</script>\n\n"
            "![tracker](https://example.invalid/pixel.png) and <img src=\"http://example.invalid/a.png\">\n\n"
            "[click](javascript:alert(1)) and [site](https://example.invalid/)\n\n"
            "<iframe src=\"https://example.invalid\"></iframe> The regime said so.\n"
        ).encode(),
    )
    rows = "\n".join("| " + " | ".join(f"cell {r}-{c} regime" for c in range(20)) + " |" for r in range(3000))
    header = "| " + " | ".join(f"h{c}" for c in range(20)) + " |\n|" + "---|" * 20 + "\n"
    cases["huge_table"] = _write(folder / "table.md", (header + rows + "\n").encode())
    cases["missing"] = folder / "does-not-exist.txt"
    directory = folder / "a-folder.txt"
    directory.mkdir(exist_ok=True)
    cases["directory"] = directory
    unreadable = _write(folder / "unreadable.txt", SENTENCE.encode())
    os.chmod(unreadable, 0)
    cases["unreadable"] = unreadable
    return cases


#: Cases the loader must refuse (the rest must load).
REFUSED = {"binary", "nul_bytes", "fifty_mb", "missing", "directory", "unreadable"}
