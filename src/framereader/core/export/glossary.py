"""Plain-English names for entity labels and descriptor relations, and the optional glossary
section that maps the codes (as they appear in the JSON export) to those names.

The handout itself never prints a label code next to a name: it says "People" or "Organisations".
"""

from __future__ import annotations

from collections.abc import Iterable

from ..kinds import LABEL_NAMES, label_name
from .markup import esc

#: How each descriptor relation reads in plain English.
RELATION_NAMES: dict[str, str] = {
    "amod": "an adjective before the name (“the reckless minister”)",
    "compound": "a noun before the name (“opposition leader Smith”)",
    "title": "a title or role (“President Smith”)",
    "appos": "a description after the name (“Smith, a former banker,”)",
    "poss": "something the name is said to have (“Smith's regime”)",
    "copula": "what the name is said to be (“Smith is a gambler”)",
}


def glossary_html(labels: Iterable[str]) -> str:
    """The glossary section: terms used in the handout, then the entity label codes (those of
    `labels` first, as found in the texts) as they appear in the JSON export."""
    found = sorted(set(labels), key=lambda code: (code not in LABEL_NAMES, label_name(code)))
    terms = (
        ("Framing term", "a word or phrase listed in a lexicon because it tends to steer how a reader sees "
                         "the people or events it describes. A listed word is a prompt for discussion, not a verdict."),
        ("Per 1,000 words", "how often a category appears, scaled so that a long and a short text can be compared."),
        ("Actor", "a person, organisation, place or group named in a text; different spellings of one name "
                  "(“Holloway”, “President Holloway”) are counted together."),
        ("Descriptor", "a word a text attaches to an actor: " + "; ".join(RELATION_NAMES.values()) + "."),
    )
    rows = "".join(f"<tr><td><b>{esc(term)}</b></td><td>{esc(text)}</td></tr>" for term, text in terms)
    codes = "".join(f"<tr><td>{esc(code)}</td><td>{esc(label_name(code))}</td></tr>" for code in found)
    code_table = (
        '<table class="data keep glossary-codes"><tr><th>Code in the data export</th><th>Meaning</th></tr>'
        f"{codes}</table>"
        if codes
        else ""
    )
    return (
        '<h2 id="glossary">Glossary</h2>'
        f'<table class="data keep glossary"><tr><th>Term</th><th>Meaning</th></tr>{rows}</table>{code_table}'
    )
