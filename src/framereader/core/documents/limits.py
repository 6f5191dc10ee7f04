"""Limits and container safety shared by every format: reading files, zip members and XML.

* Files are opened with ``O_NONBLOCK`` and checked with ``fstat`` on the opened descriptor, so a
  path swapped for a FIFO or a device between a check and the open can never block or stream
  forever; reads are always bounded.
* Plain text and Markdown files may be at most `MAX_BYTES` (20 MB); containers (PDF, Word,
  OpenDocument, RTF, saved web pages) at most `MAX_CONTAINER_BYTES`, and the text extracted from
  any of them at most `MAX_BYTES` in UTF-8.
* Zip members are read only after their declared sizes and compression ratios pass, and reading
  stops at the declared size (so a lying header cannot inflate more), bounding time and memory.
* XML is parsed with defusedxml: no DTDs, no entities, nothing external.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..errors import DocumentError
from ..platform.safe_read import NotARegularFile, human_size, limit_label, open_regular

MAX_BYTES = 20 * 1024 * 1024  # plain text files, and the text extracted from any file
MAX_CONTAINER_BYTES = 100 * 1024 * 1024  # PDF, Word, OpenDocument, RTF, saved pages on disk
MAX_ZIP_MEMBERS = 5_000
MAX_ZIP_MEMBER_BYTES = 200 * 1024 * 1024  # one uncompressed member (XML of a huge document)
MAX_ZIP_TOTAL_BYTES = 400 * 1024 * 1024  # all members we read, uncompressed
MAX_ZIP_RATIO = 200  # uncompressed/compressed for members larger than a few KB
RATIO_FREE_BYTES = 1024 * 1024  # small members may compress as well as they like
_READ_CHUNK = 1024 * 1024


_gc_lock = threading.Lock()
_gc_users = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is built.

    Parsers create millions of short-lived objects; a full collection over them takes hundreds of
    milliseconds and runs in whichever thread allocates, so it would stall the GUI thread while a
    worker loads a big file. Nested and concurrent uses are counted; the last one out restores it.
    """
    global _gc_users, _gc_was_enabled
    with _gc_lock:
        if _gc_users == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0 and _gc_was_enabled:
                gc.enable()


def check_file_size(source: str, size: int, limit: int) -> None:
    """Refuse a file larger than `limit` bytes, saying its size precisely."""
    if size > limit:
        raise DocumentError(source, f"The file is {human_size(size)}, more than the {limit_label(limit)} limit.")


def check_text_size(source: str, text: str, limit: int | None = None) -> None:
    """Refuse extracted text larger than `limit` (default `MAX_BYTES`) in UTF-8."""
    limit = MAX_BYTES if limit is None else limit
    if len(text) * 4 <= limit:
        return
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > limit:
        raise DocumentError(
            source, f"The text in this file is {human_size(size)}, more than the {limit_label(limit)} limit."
        )


class FileHead:
    """An opened regular file: its size and first bytes, read without ever blocking."""

    def __init__(self, source: str, fd: int, size: int, head: bytes) -> None:
        self.source = source
        self.fd = fd
        self.size = size
        self.head = head

    def read_all(self, limit: int) -> bytes:
        """The whole file, refusing it (by size) if it is or grows beyond `limit` bytes."""
        check_file_size(self.source, self.size, limit)
        parts = [self.head]
        total = len(self.head)
        try:
            while total <= limit:
                chunk = os.read(self.fd, min(_READ_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                parts.append(chunk)
                total += len(chunk)
        except OSError as exc:
            raise _os_error(self.source, exc) from None
        check_file_size(self.source, total, limit)
        return b"".join(parts)

    def close(self) -> None:
        """Close the descriptor."""
        try:
            os.close(self.fd)
        except OSError:
            pass


def open_file(source: str, head_bytes: int) -> FileHead:
    """Open `source` for reading without blocking; only regular files are accepted."""
    try:
        fd, info = open_regular(source)
    except ValueError:  # a NUL character in the path
        raise DocumentError(source, "The file name is not valid.") from None
    except NotARegularFile as exc:
        if exc.kind == "a folder":
            raise DocumentError(source, "This is a folder, not a file.") from None
        raise DocumentError(source, "This is not a regular file (it may be a pipe or a device), so it cannot be opened.") from None
    except OSError as exc:
        raise _os_error(source, exc) from None
    try:
        check_file_size(source, info.st_size, MAX_CONTAINER_BYTES)
        head = os.read(fd, head_bytes)
    except OSError as exc:
        os.close(fd)
        raise _os_error(source, exc) from None
    except BaseException:
        os.close(fd)
        raise
    return FileHead(source, fd, info.st_size, head)


def _os_error(source: str, exc: OSError) -> DocumentError:
    """A DocumentError for an OS failure while opening or reading."""
    if exc.errno in (errno.ENOENT, errno.ENOTDIR) or isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return DocumentError(source, "The file does not exist (it may have been moved or deleted).")
    if exc.errno == errno.EISDIR:
        return DocumentError(source, "This is a folder, not a file.")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return DocumentError(source, "You do not have permission to read this file.")
    if exc.errno == errno.ENAMETOOLONG:
        return DocumentError(source, "The file name is too long.")
    return DocumentError(source, f"The file could not be read ({exc.strerror or exc}).")


# --------------------------------------------------------------------------- zip containers


class SafeZip:
    """A zip archive whose members are read with size and ratio limits."""

    def __init__(self, source: str, archive: zipfile.ZipFile) -> None:
        self.source = source
        self.archive = archive
        self.read_total = 0

    def names(self) -> list[str]:
        """Member names."""
        return self.archive.namelist()

    def has(self, name: str) -> bool:
        """True when the archive has a member called `name`."""
        try:
            self.archive.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str, limit: int = MAX_ZIP_MEMBER_BYTES) -> bytes:
        """A member's bytes; refuses bombs by declared size, ratio and the bytes actually inflated."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise DocumentError(self.source, f"The file is damaged: its part “{name}” is missing.") from None
        self.check_declared(info, limit)
        parts: list[bytes] = []
        total = 0
        try:
            with self.archive.open(info) as member:
                while True:
                    chunk = member.read(_READ_CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > info.file_size or total > limit:
                        raise _bomb(self.source)
                    parts.append(chunk)
        except DocumentError:
            raise
        except RuntimeError as exc:  # encrypted members
            raise DocumentError(self.source, f"The file is encrypted or cannot be unpacked ({_short(exc)}).") from None
        except Exception as exc:  # zlib.error, BadZipFile (bad CRC), EOFError, lzma/bz2 errors…
            raise DocumentError(self.source, f"The file is damaged or truncated ({_short(exc)}).") from None
        self.read_total += total
        if self.read_total > MAX_ZIP_TOTAL_BYTES:
            raise _bomb(self.source)
        return b"".join(parts)

    def check_declared(self, info: zipfile.ZipInfo, limit: int = MAX_ZIP_MEMBER_BYTES) -> None:
        """Refuse a member whose declared size or ratio is beyond the limits."""
        if info.file_size > limit or self.read_total + info.file_size > MAX_ZIP_TOTAL_BYTES:
            raise _bomb(self.source)
        if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise _bomb(self.source)


def open_zip(source: str, data: bytes) -> SafeZip:
    """Open zip bytes, checking the member count and every declared size before anything is inflated."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise DocumentError(source, f"The file is damaged or truncated; it is not a readable zip container ({_short(exc)}).") from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise DocumentError(source, f"The file holds {len(infos):,} parts, more than the {MAX_ZIP_MEMBERS:,} FrameReader accepts.")
    declared = sum(info.file_size for info in infos)
    if declared > MAX_ZIP_TOTAL_BYTES * 4:
        raise _bomb(source)
    return SafeZip(source, archive)


def _bomb(source: str) -> DocumentError:
    """The refusal for a decompression bomb."""
    return DocumentError(
        source,
        "The file unpacks to far more data than a document holds (it may be a zip bomb), so it was not opened.",
    )


def _short(exc: BaseException) -> str:
    """A short description of an exception for messages."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return text[:120]


# --------------------------------------------------------------------------- XML


def parse_xml(source: str, data: bytes, part: str) -> Element:
    """Parse XML safely (no DTD, no entities, nothing external); a DocumentError on any problem."""
    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise DocumentError(
            source, f"The file's part “{part}” declares a DTD or entities, which FrameReader refuses for safety."
        ) from None
    except Exception as exc:  # expat's ParseError, or recursion on absurd nesting
        raise DocumentError(source, f"The file is damaged: its part “{part}” is not valid XML ({_short(exc)}).") from None


def check_xml_safe(source: str, data: bytes, part: str) -> None:
    """Refuse XML with a DTD or entity declarations without building a tree of it."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:8]:
        parse_xml(source, data, part)  # UTF-16 XML: let the safe parser decide
        return
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise DocumentError(
            source, f"The file's part “{part}” declares a DTD or entities, which FrameReader refuses for safety."
        )
