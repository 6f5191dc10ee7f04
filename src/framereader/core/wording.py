"""Grammar in plain words: how a descriptor's relation to its actor and an actor's part in a
clause read for a class. Readers see examples ("X's …", "X is a …"), never the parser's terms
(amod, poss, copula, nsubj…); those stay in the data export and, for the curious, in tooltips.
Pure Python: the legend, the comparison dock, tooltips, the handout and the exercise share it."""

from __future__ import annotations

#: Each descriptor relation as an example with the actor as X (`relation_example`).
RELATION_EXAMPLES: dict[str, str] = {
    "amod": "the … X",
    "compound": "called ‘… X’",
    "title": "called ‘… X’",
    "appos": "X, the …",
    "poss": "X's …",
    "copula": "X is a …",
}

#: Each descriptor relation in a sentence, for glossaries and tooltips.
RELATION_NAMES: dict[str, str] = {
    "amod": "a word before the name (“the reckless minister”)",
    "compound": "a word the name is called by (“opposition leader Smith”)",
    "title": "a title or role (“President Smith”)",
    "appos": "a description after the name (“Smith, a former banker,”)",
    "poss": "something the name is said to have (“Smith's regime”)",
    "copula": "what the name is said to be (“Smith is a gambler”)",
}

#: An actor's part in a clause: the one who acts, or the one acted on.
ROLE_WORDS: dict[str, str] = {"agent": "acts", "patient": "acted on"}


def relation_example(relation: str) -> str:
    """The example pattern of a descriptor relation ("poss" → "X's …"); "about X" for a
    relation this table does not know, so no parser term is ever shown."""
    return RELATION_EXAMPLES.get(relation, "about X")


def relation_sentence(relation: str) -> str:
    """A relation explained in a sentence ("copula" → "what the name is said to be (…)")."""
    return RELATION_NAMES.get(relation, "a word the text attaches to the name")


def role_word(role: str) -> str:
    """"agent" → "acts", "patient" → "acted on" (anything else as it is)."""
    return ROLE_WORDS.get(role, role)
