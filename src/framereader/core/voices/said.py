"""What the parse tells about acts of saying (`core.nlp.speech` finds them; pure data): each
attribution (`Said`), and all that a text's parse found about its voices (`SpeechFound`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model import Quote

#: How the speaker is given at the attribution.
SpeakerForm = Literal["entity", "pronoun", "phrase", "none"]


@dataclass(frozen=True)
class Said:
    """A verb of saying (or "according to") with its speaker, as written at the attribution.

    `speaker_*` is the speaker's mention: an entity (`form` "entity"), a pronoun, or a noun
    phrase; `head` is the phrase's head noun, lower case ("chair" in "the chair"), for
    resolving a role to a named actor. `how` describes the link in plain words."""

    verb: str | None
    verb_start: int
    verb_end: int
    speaker: str
    speaker_start: int
    speaker_end: int
    form: SpeakerForm
    how: str
    head: str = ""
    label: str = ""  # the entity label when `form` is "entity"


@dataclass
class SpeechFound:
    """What the parse says about voices (`core.nlp.speech`): the attributions of the direct
    quotations, the colon intros, the reported speech and the speakers' role nouns."""

    links: list[tuple[int, Said]] = field(default_factory=list)  # (index in `quotes`, attribution)
    intros: list[tuple[int, Said]] = field(default_factory=list)  # (offset after the colon, attribution)
    indirect: list[tuple[Quote, Said]] = field(default_factory=list)
    #: (role noun, mention start, mention end): "finance chair, Tomasz Wróbel" gives
    #: ("chair", …), "Home Office minister Priti Chauhan" gives ("minister", …)
    roles: list[tuple[str, int, int]] = field(default_factory=list)

    def extend(self, more: SpeechFound) -> None:
        """Add what the parse of a further run found."""
        self.links.extend(more.links)
        self.intros.extend(more.intros)
        self.indirect.extend(more.indirect)
        self.roles.extend(more.roles)
