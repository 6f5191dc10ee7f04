"""FrameReader never opens a network connection. One library on our import path would still
create a socket: `import spacy` imports `spacy.cli` → `requests` → `urllib3`, whose import
binds an IPv6 socket to probe for IPv6 support. `import_without_sockets()` imports urllib3 first
with socket creation refused, so the probe concludes "no IPv6" and no socket ever exists."""

from __future__ import annotations

import importlib
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def sockets_refused() -> Iterator[None]:
    """Within the block, creating a socket raises OSError."""
    import ssl  # ssl subclasses socket.socket at import: let it see the real one

    original = socket.socket

    class Refused(original):  # type: ignore[misc,valid-type]
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            raise OSError("FrameReader works offline: no sockets")

    socket.socket = Refused  # type: ignore[misc]
    try:
        yield
    finally:
        socket.socket = original  # type: ignore[misc]


_importing = threading.Lock()  # one patch of socket.socket at a time (threads import too)


def import_without_sockets(module: str = "urllib3.util.connection") -> None:
    """Import `module` (default: urllib3's connection helpers) with sockets refused; once it is
    imported this returns at once."""
    if module in sys.modules:
        return
    with _importing:
        if module in sys.modules:
            return
        try:
            with sockets_refused():
                importlib.import_module(module)
        except ImportError:
            pass
