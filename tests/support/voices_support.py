"""Two analyses built by hand whose voices include speakers given only by a pronoun that no
name is linked to ("she said"), as the parse leaves them (tests of the voices table, the tab
and the handout's "Only the left text quotes …" line)."""

from __future__ import annotations

from framereader.core.model import Analysis, EntitySpan, ModelInfo, Quote

LEFT = ('Lawyer Amina Hussain filed the claim. "These children were praying quietly," she said. '
        "Victor Lindgren said the city had no evidence. Daniel Kerr said officers would give warnings.")
RIGHT = ('Head teacher Sarah Collins spoke to the paper. "I run a school, not a mosque," she said. '
         '"Every child is welcome," she told parents. Victor Lindgren was at the meeting. '
         '"Nobody has shown me a single arrest," he said.')


def _entity(text: str, name: str) -> EntitySpan:
    start = text.index(name)
    return EntitySpan(start, start + len(name), "PERSON", name)


def _direct(text: str, words: str, pronoun: str, after: str) -> Quote:
    start = text.index(words)
    at = text.index(after, start) + after.index(pronoun)
    return Quote(start, start + len(words), words, "direct", speaker=pronoun, speaker_start=at,
                 speaker_end=at + len(pronoun), verb="say", how="subject of 'said'; a pronoun, shown as written")


def _reported(text: str, name: str, words: str) -> Quote:
    start, at = text.index(words), text.index(name)
    return Quote(start, start + len(words), words, "indirect", speaker=name, speaker_start=at,
                 speaker_end=at + len(name), verb="say", speaker_is_actor=True)


def analysis_of(text: str, names: list[str], quotes: list[Quote]) -> Analysis:
    return Analysis(source="t", text=text, model=ModelInfo("m", "1"), entities=tuple(_entity(text, n) for n in names),
                    framing=(), words=len(text.split()), quotes=tuple(sorted(quotes, key=lambda q: q.start)))


def unnamed_pair() -> tuple[Analysis, Analysis]:
    left = analysis_of(LEFT, ["Amina Hussain", "Victor Lindgren", "Daniel Kerr"], [
        _direct(LEFT, "These children were praying quietly,", "she", '," she said'),
        _reported(LEFT, "Victor Lindgren", "the city had no evidence"),
        _reported(LEFT, "Daniel Kerr", "officers would give warnings"),
    ])
    right = analysis_of(RIGHT, ["Sarah Collins", "Victor Lindgren"], [
        _direct(RIGHT, "I run a school, not a mosque,", "she", '," she said'),
        _direct(RIGHT, "Every child is welcome,", "she", '," she told'),
        _direct(RIGHT, "Nobody has shown me a single arrest,", "he", '," he said'),
    ])
    return left, right
