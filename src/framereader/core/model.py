"""The data model shared by every layer: frozen dataclasses holding plain, JSON-ready values.

Every span is a pair of Python code-point offsets into `Document.text` with the invariant
`text == document.text[start:end]`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar

BlockKind = Literal["heading", "paragraph", "list_item", "quote", "code"]
EmphasisKind = Literal["em", "strong", "code", "link"]
#: Which of the two texts: the one type for a side in core and ui alike.
Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")


def other_side(side: Side) -> Side:
    """The opposite side."""
    return "right" if side == "left" else "left"


def sorted_counts(keys: Iterable[str]) -> dict[str, int]:
    """How often each key occurs, by key (an analysis's entity, framing and quoted counts)."""
    return dict(sorted(Counter(keys).items()))


class Counted(Protocol):
    """What one text holds of something compared (an actor's mentions, a speaker's quotations)."""

    @property
    def count(self) -> int: ...


C = TypeVar("C", bound=Counted)


class BothSides(Generic[C]):
    """Something compared across the two texts (an actor, a voice): a dataclass that declares
    the fields `left` and `right`, one `Counted` record per text, and gets `side` and `total`."""

    left: C
    right: C

    def side(self, side: Side) -> C:
        return self.left if side == "left" else self.right

    @property
    def total(self) -> int:
        """How often both texts count it together."""
        return self.left.count + self.right.count


@dataclass(frozen=True)
class Block:
    """A structural block of the plain text: [start, end) excludes the separating newline."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0  # heading level 1-6; nesting depth for list items and quotes


@dataclass(frozen=True)
class Emphasis:
    """An inline style range from Markdown (emphasis, strong, code span, link text)."""

    kind: EmphasisKind
    start: int
    end: int


DocumentFormat = Literal["text", "markdown", "html", "mhtml", "pdf", "docx", "odt", "rtf"]


@dataclass(frozen=True)
class DocumentMeta:
    """What a document says about itself; None where unknown.

    `title` comes from the file's metadata, else its first heading (the user may edit it);
    `date` is an ISO date string ("2024-03-05") when one was found; `language` is an ISO 639-1
    code from offline detection with its `language_confidence` (0-1).
    """

    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    language: str | None = None
    language_confidence: float | None = None

    def to_json(self) -> dict[str, Any]:
        """A plain dict (every field, None included)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> "DocumentMeta":
        """Rebuild from `to_json()` output; unknown keys and wrong types are ignored."""
        if not isinstance(data, dict):
            return cls()
        values: dict[str, Any] = {}
        for name in ("title", "author", "date", "site", "language"):
            value = data.get(name)
            values[name] = value[:1000] if isinstance(value, str) and value.strip() else None
        confidence = data.get("language_confidence")
        if isinstance(confidence, (int, float)) and not isinstance(confidence, bool) and 0 <= confidence <= 1:
            values["language_confidence"] = float(confidence)
        return cls(**values)


@dataclass(frozen=True)
class Document:
    """A loaded text: normalised plain text (only `\\n` newlines) plus its structure."""

    text: str
    blocks: tuple[Block, ...] = ()
    emphasis: tuple[Emphasis, ...] = ()
    source: str = "untitled"  # a file path, or "clipboard"/"untitled"
    encoding: str = "utf-8"
    note: str | None = None  # e.g. "decoded as cp1252 because it is not valid UTF-8"
    format: DocumentFormat = "text"
    meta: DocumentMeta = field(default_factory=DocumentMeta)

    @property
    def name(self) -> str:
        """A short display name: the file name, or the source label (shown through
        `platform.text_safety.safe_text`: a name may hold bytes that are not UTF-8)."""
        return Path(self.source).name if self.source not in ("clipboard", "untitled") else self.source

    @property
    def title(self) -> str:
        """The title to show: the metadata title (or first heading) found at load time, else `name`."""
        return self.meta.title or self.name

    def meta_json(self) -> dict[str, Any]:
        """The `"meta"` object of `framereader analyze`: title, author, date, site, format, language."""
        return {
            "title": self.title,
            "author": self.meta.author,
            "date": self.meta.date,
            "site": self.meta.site,
            "format": self.format,
            "language": self.meta.language,
            "language_confidence": self.meta.language_confidence,
        }


@dataclass(frozen=True)
class EntitySpan:
    """A named entity exactly as spaCy's `doc.ents` gave it."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class FramingSpan:
    """A match of a lexicon term; `term` is the lexicon's headword, `text` the matched words.

    `rule` is "" for a plain lexicon entry, else the id of the context rule that found or
    widened the span (see `core.nlp.rules`); `negated` is True after "not", "never"..."""

    start: int
    end: int
    category: str  # category id
    term: str
    text: str
    rule: str = ""
    negated: bool = False
    #: inside a quotation (a voice, `Quote`) or the writer's scare quotes: not the writer's own words
    quoted: bool = False
    #: who said it (the quotation's `speaker`), "" when not quoted or not known
    speaker: str = ""
    #: inside quotation marks that give no one's words: the writer's scare quotes ("the
    #: Orwellian fiction of a "special military operation""), a title, a headline's quotation
    #: (then `quoted` is True and `speaker` "")
    scare: bool = False


@dataclass(frozen=True)
class ChoiceSpan:
    """A member of a word-choice set (`core.lexicons.wordchoice`): `set_id` names the set, `term`
    is the member's own text (not the inflected form), `text` the matched words; a `reference`
    member is the set's neutral or default name (counted, not marked in the reader); `quoted`:
    inside a direct quotation, so the speaker's choice of name rather than the writer's, or
    inside the writer's scare quotes (`scare`: what critics call "the Valdorian regime"), so a
    name the writer keeps at a distance rather than chooses."""

    start: int
    end: int
    set_id: str
    term: str
    text: str
    reference: bool = False
    quoted: bool = False
    scare: bool = False


@dataclass(frozen=True)
class Descriptor:
    """A word a text attaches to an entity mention, with the offsets of its evidence."""

    word: str  # the descriptor's lemma/lower form, e.g. "regime"
    relation: Literal["amod", "compound", "title", "appos", "poss", "copula"]
    mention_start: int  # the entity mention it describes
    mention_end: int
    start: int  # the descriptor word itself
    end: int
    sentence_start: int  # the sentence that shows it, for "jump to evidence"
    sentence_end: int
    negated: bool = False  # "Holloway is not a pragmatist", "never embarrassed"

    @property
    def label(self) -> str:
        """The word as shown to readers: "not pragmatist" when the text negates it."""
        return f"not {self.word}" if self.negated else self.word


@dataclass(frozen=True)
class Role:
    """A verb an entity mention (or a pronoun) takes part in, from the dependency parse.

    `role` is "agent" (active subject, by-agent of a passive) or "patient" (object, passive
    subject); `arg_start`/`arg_end` is the entity mention, or the pronoun when `pronoun` is set
    (then `window_start` is where the search for its antecedent may begin: the previous
    sentence). `start`/`end` cover the verb's clause, `verb_start`/`verb_end` the verb itself.
    """

    role: Literal["agent", "patient"]
    verb: str  # lemma, lower case
    voice: Literal["active", "passive"]
    arg_start: int
    arg_end: int
    start: int
    end: int
    verb_start: int
    verb_end: int
    pronoun: str = ""  # lower-case pronoun ("he", "its") when the argument is one
    window_start: int = 0


@dataclass(frozen=True)
class Passive:
    """A passive clause; `agent` is the by-agent's text, None when the text does not say who."""

    start: int
    end: int
    verb: str  # lemma, lower case
    verb_start: int
    verb_end: int
    agent: str | None = None


QuoteKind = Literal["direct", "indirect"]


@dataclass(frozen=True)
class Quote:
    """A voice: words a text gives to someone, between quotation marks (`direct`) or reported
    ("X said (that) ...", "according to X, ...": `indirect`), see `core.voices`.

    `start`/`end` cover the quoted or reported words (inside the marks); `speaker` is the
    actor's name when known, else the words as written ("a White House spokesman", "she"),
    "" when no speaker was found; `speaker_start`/`speaker_end` is the speaker's mention at
    the attribution (0, 0 when none); `verb` is the attribution verb's lemma with its particle
    ("say", "lash out"), None for "according to" or when none was found; `how` says in plain
    words how the speaker was found ("subject of 'said'", "according to")."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str = ""
    speaker_start: int = 0
    speaker_end: int = 0
    verb: str | None = None
    verb_start: int = 0
    verb_end: int = 0
    speaker_is_actor: bool = False
    how: str = ""

    @property
    def attributed(self) -> bool:
        return bool(self.speaker)

    def to_json(self) -> dict[str, Any]:
        """The `analyze --full` "quotes" item."""
        return {
            "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
            "speaker": self.speaker or None,
            "speaker_start": self.speaker_start if self.speaker else None,
            "speaker_end": self.speaker_end if self.speaker else None,
            "speaker_is_actor": self.speaker_is_actor,
            "verb": self.verb,
            "verb_start": self.verb_start if self.verb else None,
            "verb_end": self.verb_end if self.verb else None,
            "how": self.how,
        }


@dataclass(frozen=True)
class Reference:
    """A pronoun linked to the named actor it stands for, and why (`core.nlp.references`).

    [start, end) is the pronoun ("he"), [antecedent_start, antecedent_end) the named mention it
    resolves to, `actor` the actor's fullest name in the text ("Marcus Bell"), `evidence` the
    reason in plain words ("the only woman named before, Ana Ruiz"). Only confident links are
    made: none when two candidates fit."""

    start: int
    end: int
    text: str
    antecedent_start: int
    antecedent_end: int
    actor: str
    evidence: str

    def to_json(self) -> dict[str, Any]:
        """The `references` item of `framereader analyze --full`."""
        return asdict(self)


@dataclass(frozen=True)
class ModelInfo:
    """A spaCy pipeline: the one that produced an analysis, or an installed one as
    `core.nlp.discovery.list_pipelines` finds it (its folder in `path`); `note` says why
    entities may be missing."""

    name: str
    version: str
    lang: str = "en"
    components: tuple[str, ...] = ()
    note: str | None = None
    path: str = ""


@dataclass(frozen=True)
class Analysis:
    """What core found in one document. Deterministic for the same text, model and lexicons."""

    source: str
    text: str
    model: ModelInfo
    entities: tuple[EntitySpan, ...]
    framing: tuple[FramingSpan, ...]
    words: int
    descriptors: tuple[Descriptor, ...] = ()
    roles: tuple[Role, ...] = ()  # who does what to whom (with descriptors, see core.nlp.agency)
    passives: tuple[Passive, ...] = ()
    entity_counts: dict[str, int] = field(default_factory=dict)
    framing_counts: dict[str, int] = field(default_factory=dict)
    #: passages the reader left out of the analysis (`core.edits`): sorted, disjoint [start, end)
    excluded: tuple[tuple[int, int], ...] = ()
    #: the voices in the text, in text order (`core.voices`): direct quotations from the first
    #: pass, reported speech and speakers once the text is parsed
    quotes: tuple[Quote, ...] = ()
    #: per category, how many of `framing_counts` lie inside quotations (`FramingSpan.quoted`)
    quoted_counts: dict[str, int] = field(default_factory=dict)
    #: members of word-choice sets the text uses (`core.nlp.choices`), by position
    choices: tuple[ChoiceSpan, ...] = ()
    #: pronouns linked to a named actor (from the parse, see `core.nlp.references`)
    references: tuple[Reference, ...] = ()
    #: how many entities the one-name-one-label step changed (`core.nlp.labels`)
    relabelled: int = 0
    #: the reader's merges and splits of actors (`core.state.edits`): ("merge", name, into) or
    #: ("split", name, ""), in the order made; the comparison applies them to both texts
    actor_edits: tuple[tuple[str, str, str], ...] = ()

    def density(self) -> dict[str, float]:
        """Framing terms per 1,000 words, per category."""
        if not self.words:
            return {cat: 0.0 for cat in self.framing_counts}
        return {cat: round(n * 1000.0 / self.words, 2) for cat, n in self.framing_counts.items()}

    def own_counts(self) -> dict[str, int]:
        """Framing terms per category in the writer's own words (quotations left out)."""
        own = {cat: n - self.quoted_counts.get(cat, 0) for cat, n in self.framing_counts.items()}
        return {cat: n for cat, n in own.items() if n}

    def counts(self, include_quoted: bool = False) -> dict[str, int]:
        """`framing_counts` with `include_quoted`, else `own_counts()`."""
        return dict(self.framing_counts) if include_quoted else self.own_counts()

    def group_counts(self, groups: dict[str, str] | None = None) -> dict[str, int]:
        """Framing terms per category group (`loaded` words, rhetorical `device`s); `groups`
        maps category ids to groups (`core.lexicons.files.category_groups`), others go by id."""
        from .categories import group_of

        counts: dict[str, int] = {}
        for cat, n in self.framing_counts.items():
            group = group_of(cat, groups)
            counts[group] = counts.get(group, 0) + n
        return dict(sorted(counts.items()))

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape printed by `framereader analyze`."""
        return {
            "source": self.source,
            "text": self.text,
            "model": {"name": self.model.name, "version": self.model.version, "note": self.model.note},
            "entities": [asdict(e) for e in self.entities],
            "framing": [asdict(f) for f in self.framing],
            "counts": {"entities": dict(self.entity_counts), "framing": dict(self.framing_counts),
                       "quoted": dict(self.quoted_counts)},
            "density": self.density(),
            "words": self.words,
            "excluded": [list(span) for span in self.excluded],
            "choices": [asdict(c) for c in self.choices],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], descriptors: list[dict[str, Any]] | None = None) -> "Analysis":
        """Rebuild an Analysis from `to_json()` output (used by the on-disk cache)."""
        model = data["model"]
        return cls(
            source=data["source"],
            text=data["text"],
            model=ModelInfo(name=model["name"], version=model["version"], note=model.get("note")),
            entities=tuple(EntitySpan(**e) for e in data["entities"]),
            framing=tuple(FramingSpan(**f) for f in data["framing"]),
            words=int(data["words"]),
            descriptors=tuple(Descriptor(**d) for d in (descriptors or [])),
            entity_counts=dict(data["counts"]["entities"]),
            framing_counts=dict(data["counts"]["framing"]),
            quoted_counts=dict(data["counts"].get("quoted", {})),
            choices=tuple(ChoiceSpan(**c) for c in data.get("choices", ())),
        )
