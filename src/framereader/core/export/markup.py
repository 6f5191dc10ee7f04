"""Small HTML helpers shared by the handout sections: escaping that defuses URL schemes, names
and numbers as the handout prints them."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

SCHEME_RE = re.compile(r"(?i)(https?|ftp|file|javascript|data|mailto)(:)")


def esc(text: Any) -> str:
    """HTML-escape, and defuse URL schemes so no "http:" text reaches the output."""
    return SCHEME_RE.sub(r"\1&#58;", html.escape(str(text), quote=True))


def defuse(page: str) -> str:
    """Defuse schemes that adjacent escaped segments may have joined ("...http" + ":...")."""
    return SCHEME_RE.sub(r"\1&#58;", page)


def text_html(text: str) -> str:
    """Escaped text with line breaks as `<br>`."""
    return esc(text).replace("\n", "<br>")


def css_ident(value: str) -> str:
    """`value` made safe as (part of) a CSS class name."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", value) or "_"


#: What a text with no file and no title is called.
PASTED_TITLE = "Pasted text"


def display_name(source: str) -> str:
    """A file path's name, or "Pasted text" for a text pasted from the clipboard."""
    if source in ("clipboard", "untitled") or not source:
        return PASTED_TITLE if source == "clipboard" else source or "untitled"
    return Path(source).name or source


def fmt(value: float) -> str:
    """A density for print: one decimal below 100."""
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 actor", "3 actors"."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def names_list(names: list[str], limit: int) -> str:
    """"A, B and C" or "A, B, C and 4 more" (escaped)."""
    shown = [esc(n) for n in names[:limit]]
    if len(names) > limit:
        return ", ".join(shown) + f" and {len(names) - limit} more"
    if len(shown) > 1:
        return ", ".join(shown[:-1]) + " and " + shown[-1]
    return "".join(shown)
