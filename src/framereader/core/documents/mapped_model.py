"""py3langid's model tables as flat files in the user cache, mapped read-only.

Unpacked, the model is about 67 MB: a byte-level automaton (39 MB) and a feature-by-language
table (28 MB). Held on the heap, that would stay resident for as long as the window is open, for
a check that takes 3 ms per document. Instead the tables are unpacked once into
`cache_dir()/language-model/<version>/` (a temp folder, then `os.replace`, so a crash or a second
process never leaves half a model), mapped read-only, and after each detection the mapped pages
are given back (`MappedModel.release`): the OS keeps them in its page cache, the process does not.
Anything unexpected (an older py3langid layout, a read-only cache, a foreign byte order) falls
back to py3langid's own in-memory loader.
"""

from __future__ import annotations

import json
import lzma
import mmap
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..platform.paths import cache_dir

#: The arrays of py3langid's `model.npz.xz` (its 0.4 layout) that the identifier needs.
TABLES = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_MANIFEST = "manifest.json"
_TYPECODES: dict[int, Literal["H", "I", "Q"]] = {2: "H", 4: "I", 8: "Q"}  # unsigned sizes memoryview.cast knows


@dataclass
class MappedModel:
    """The read-only maps behind an identifier's two large tables."""

    maps: tuple[mmap.mmap, ...]

    def release(self) -> None:
        """Drop the mapped pages from this process's resident memory; the next detection maps
        what it reads back in from the OS page cache (no-op where madvise is missing)."""
        advice = getattr(mmap, "MADV_DONTNEED", None)
        if advice is None:
            return
        for mapped in self.maps:
            try:
                mapped.madvise(advice)
            except (OSError, ValueError):
                return


def load_identifier() -> tuple[Any, MappedModel | None]:
    """py3langid's identifier with normalised probabilities, its large tables mapped from the
    cache when possible (then also the maps, to release after each use)."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        folder = cached_tables(Path(MODEL_DIR) / MODEL_FILE)
        return _mapped_identifier(folder, LanguageIdentifier, np)
    except (OSError, ValueError, KeyError, TypeError, lzma.LZMAError):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True), None


def cached_tables(source: Path) -> Path:
    """The folder holding `source`'s tables as flat files, unpacked now if not yet there."""
    stamp = source.stat()
    version = _py3langid_version()
    folder = cache_dir() / "language-model" / f"{version}-{stamp.st_size}-{int(stamp.st_mtime)}"
    if (folder / _MANIFEST).is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=folder.parent))
    try:
        _unpack(source, scratch)
        try:
            os.replace(scratch, folder)
        except OSError:
            if not (folder / _MANIFEST).is_file():  # not simply another process first
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return folder


def _unpack(source: Path, folder: Path) -> None:
    """Write each table of the `.npz.xz` model as raw bytes plus a manifest of dtypes and shapes."""
    import numpy as np

    manifest: dict[str, list[Any]] = {}
    with tempfile.TemporaryFile(suffix=".npz") as npz:
        with lzma.open(source) as packed:
            shutil.copyfileobj(packed, npz, length=1 << 20)
        npz.seek(0)
        with np.load(npz, allow_pickle=False) as data:
            for name in TABLES:
                array = np.ascontiguousarray(data[name])
                with open(folder / f"{name}.bin", "wb") as out:
                    out.write(array.data.cast("B"))
                manifest[name] = [array.dtype.str, list(array.shape)]
    (folder / _MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def _mapped_identifier(folder: Path, identifier_class: Any, np: Any) -> tuple[Any, MappedModel]:
    manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
    arrays: dict[str, Any] = {}
    maps: dict[str, mmap.mmap] = {}
    for name in TABLES:
        dtype_text, shape = manifest[name]
        dtype = np.dtype(dtype_text)
        if dtype.byteorder not in ("=", "|", "<" if sys.byteorder == "little" else ">"):
            raise ValueError(f"{name}: byte order {dtype_text} is not this machine's")
        with open(folder / f"{name}.bin", "rb") as raw:
            mapped = mmap.mmap(raw.fileno(), 0, access=mmap.ACCESS_READ)
        count = int(np.prod(shape)) if shape else 1
        if mapped.size() != count * dtype.itemsize:
            raise ValueError(f"{name}: {mapped.size()} bytes, expected {count * dtype.itemsize}")
        maps[name] = mapped
        arrays[name] = np.frombuffer(mapped, dtype=dtype, count=count).reshape(shape)
    nextmove = arrays["nextmove"]
    if nextmove.dtype.kind != "u" or nextmove.dtype.itemsize not in _TYPECODES:
        raise ValueError(f"nextmove: unexpected type {nextmove.dtype}")
    # memoryview indexing gives Python ints at array speed; the automaton is walked byte by byte
    automaton = memoryview(maps["nextmove"]).cast(_TYPECODES[nextmove.dtype.itemsize])
    identifier = identifier_class(
        arrays["ptc"], np.array(arrays["pc"]), arrays["classes"].tolist(), automaton,
        arrays["out_feat"].tolist(), norm_probs=True, tk_row=arrays["nextmove_row"].tolist())
    small = [maps[name] for name in ("pc", "classes", "nextmove_row", "out_feat")]
    del arrays
    for mapped in small:  # copied out above; only the two large tables stay mapped
        try:
            mapped.close()
        except BufferError:
            pass
    return identifier, MappedModel((maps["ptc"], maps["nextmove"]))


def _py3langid_version() -> str:
    try:
        from importlib.metadata import version

        return version("py3langid")
    except Exception:  # a missing distribution record only changes the folder name
        return "unknown"
