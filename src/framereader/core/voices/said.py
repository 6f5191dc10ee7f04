"""What the parse tells about one act of saying (`core.nlp.speech` finds them; pure data)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
