"""Work around a reference-counting bug in PySide6 6.12 on Python 3.11.

PySide6 6.12.0 returns `None` from every void method (and `True` from `Signal.emit`) without
taking a new reference, so each call lowers the reference count of those singletons by one.
On Python 3.12+ they are immortal and nothing happens; on 3.11 the interpreter aborts with
"none_dealloc: deallocating None" after some tens of thousands of Qt calls (styling a long
article is enough). Until the bug is fixed upstream, give the singletons a reference count so
large that it cannot reach zero — the same thing Python 3.12 does by design.
"""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 40


def immortalise_singletons() -> bool:
    """Raise the reference counts of None/True/False/Ellipsis/NotImplemented on Python < 3.12.

    Returns True when it did something. Idempotent in effect (the margin only ever grows).
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False, Ellipsis, NotImplemented):
        refcount = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is PyObject's first field
        if refcount.value < _MARGIN:
            refcount.value += _MARGIN
    return True
