"""Matching passages in the reader: passages of the two texts that report the same thing share a
faint band colour, passages only one text has are hatched grey ("Only in this text"), *Go to
Counterpart* (Ctrl+J, or the pane's context menu) shows the match of the passage at the cursor,
and sync scrolling can follow the matches (View ▸ Sync by Matching Passages).

Everything comes from the comparison's `Alignment` (core offsets); the bands are a pane drawing
layer, so zoom and theme rebuilds draw them again. Extra selections replace the background of
what they cover, so the bands leave out the tinted highlights (entities, tinted framing terms):
those keep their own colour inside a band.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping

from ..base.commands import Declared, Handler
from .commands import PASSAGE_COMMANDS
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import QMenu

from ...core.comparison.alignment import Alignment, PassagePair
from ...core.segments import Range, front_matter
from ...core.comparison.compare import Comparison
from ...core.model import SIDES, Side
from ..base import styles
from .controller import ComparisonController
from ..base.context import WindowContext, WindowPart
from ..reading.layers import LayerRow, LayerSpan
from ..reading.pane import Pane
from ..reading.sync import ScrollLinker, SyncPoints, document_y
from ..reading.tooltips import one_sided_tooltip
from ..reading.view_controller import ViewController
from ..base.visibility import Visibility, VisibilityModel

LAYER = "passages"
LAYER_ORDER = -10  # under every other layer and the marked mentions
#: Hues of the bands, pair i taking hue i (cycling); mixed faintly into the theme's paper.
BAND_HUES = ("#3d7fd1", "#3f9a55", "#d99a1e", "#8e5cc9", "#1f9c9c", "#cc4f6e")
#: How much of the hue each theme mixes into its paper (paragraph pairs; sentence pairs more).
BAND_AMOUNT = {"light": 0.17, "dark": 0.24, "high-contrast": 0.2}
SENTENCE_BOOST = 1.5
OTHER: dict[Side, Side] = {"left": "right", "right": "left"}


def band_colour(index: int, sentence: bool = False) -> QColor:
    """The faint band colour of pair `index` in the current theme."""
    amount = BAND_AMOUNT.get(styles.THEME, 0.12) * (SENTENCE_BOOST if sentence else 1.0)
    return QColor(styles.mix(BAND_HUES[index % len(BAND_HUES)], amount, styles.PAPER))


def band_format(index: int, sentence: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(band_colour(index, sentence))
    return fmt


def one_sided_format() -> QTextCharFormat:
    """Grey hatching for a passage only one text has (visible in grey-scale and on projectors)."""
    fmt = QTextCharFormat()
    strength = 0.3 if styles.THEME == "high-contrast" else 0.42  # lines behind text: light enough to read through
    fmt.setBackground(QBrush(QColor(styles.mix(styles.INK_MUTED, strength, styles.PAPER)), Qt.BrushStyle.BDiagPattern))
    return fmt


def without(spans: Iterable[Range], holes: Iterable[Range]) -> list[Range]:
    """`spans` with every part covered by `holes` cut out (both as [start, end) ranges)."""
    merged: list[list[int]] = []
    for start, end in sorted(holes):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    ends = [end for _start, end in merged]
    out: list[Range] = []
    for start, end in spans:
        cursor = start
        index = bisect_right(ends, start)
        while index < len(merged) and merged[index][0] < end:
            hole_start, hole_end = merged[index]
            if hole_start > cursor:
                out.append((cursor, hole_start))
            cursor = max(cursor, hole_end)
            index += 1
        if cursor < end:
            out.append((cursor, end))
    return out


def tinted_spans(pane: Pane, visibility: Visibility) -> list[Range]:
    """Core spans the pane tints itself (visible entities, tinted framing terms)."""
    analysis = pane.analysis
    if analysis is None or not visibility.enabled:
        return []
    spans = [(e.start, e.end) for e in analysis.entities if visibility.shows_label(e.label)]
    if styles.FRAMING_TINT > 0:
        spans.extend((f.start, f.end) for f in analysis.framing if visibility.shows_category(f.category))
    return spans


def pair_colours(alignment: Alignment) -> list[tuple[PassagePair, int]]:
    """Each pair with its colour index: paragraph pairs in left-text order; a sentence pair
    takes the colour of the paragraph pair holding it."""
    paragraphs = [p for p in alignment.pairs if p.level == "paragraph"]
    out = [(pair, index) for index, pair in enumerate(paragraphs)]
    for pair in alignment.pairs:
        if pair.level != "paragraph":
            owner = next((i for i, p in enumerate(paragraphs)
                          if p.left[0] <= pair.left[0] and pair.left[1] <= p.left[1]), len(out))
            out.append((pair, owner))
    return out


def layer_spans(alignment: Alignment, side: Side, holes: Sequence[Range] = (),
                unhatched: Sequence[Range] = ()) -> list[LayerSpan]:
    """The band layer of one side: pair bands (sentence pairs over their paragraph's band),
    then the hatched one-sided passages, except over `unhatched` (the title and byline);
    nothing over `holes`."""
    spans: list[LayerSpan] = []
    for pair, index in pair_colours(alignment):
        own = pair.left if side == "left" else pair.right
        fmt = band_format(index, pair.level != "paragraph")
        spans.extend((a, b, fmt) for a, b in without([own], holes))
    hatch = one_sided_format()
    only = alignment.left_only if side == "left" else alignment.right_only
    spans.extend((a, b, hatch) for a, b in without(only, [*holes, *unhatched]))
    return spans


def unhatched(pane: Pane) -> list[Range]:
    """Where a pane draws no one-sided hatching: its text's headings and byline."""
    document = pane.document
    return front_matter(document.text, document.blocks) if document is not None else []


class AlignmentLayer(WindowPart):
    """Draws the matching passages, goes to a passage's counterpart and gives the scroll linker
    its sync points; follows the comparison, the visible highlights and the theme."""

    COMMANDS: tuple[Declared, ...] = PASSAGE_COMMANDS

    def __init__(self, context: WindowContext, compare: ComparisonController, visibility: VisibilityModel,
                 view: ViewController, focused: Callable[[], Side], focus: Callable[[Side], None]) -> None:
        super().__init__(context)
        self.compare = compare
        self.visibility = visibility
        self.linker: ScrollLinker = view.linker
        linker = view.linker
        self._focused = focused
        self._focus = focus
        self._actions: dict[str, QAction] = {}
        #: the alignment, the layout it was measured in, and its sync points in document y
        self._points_cache: tuple[Alignment, tuple[object, ...], list[tuple[float, float]]] | None = None
        linker.points = self.sync_points
        linker.by_points = self.settings.sync_by_passages
        compare.changed.connect(self._on_comparison)
        visibility.changed.connect(self.refresh)
        view.theme_changed.connect(self.refresh)
        for pane in self.panes.values():
            pane.analysis_shown.connect(lambda _side: self.refresh())
            pane.add_menu_provider(self._menu)
            pane.add_tooltip_provider(self._tooltip)

    def handlers(self) -> Mapping[str, Handler]:
        return {"sync_by_passages": self.set_sync_by_passages, "matching_passages": self.set_shown,
                "go_to_counterpart": self.go_to_counterpart}

    def bind_actions(self, actions: dict[str, QAction]) -> None:
        """Tick View ▸ Matching Passages and Sync by Matching Passages from the settings."""
        self._actions = actions
        actions["matching_passages"].setChecked(self.settings.matching_passages)
        actions["sync_by_passages"].setChecked(self.settings.sync_by_passages)

    def legend_rows(self) -> list[LayerRow]:
        """The legend's explanation of the bands and the hatching (after `bind_actions`)."""
        return [
            LayerRow("Matching passages", "A passage and its match in the other text share one faint colour "
                     "(View ▸ Matching Passages; Ctrl+J goes to the counterpart).",
                     lambda: [band_format(index, sentence=True) for index in range(3)],
                     self._actions["matching_passages"]),
            LayerRow("One-sided passage", "Grey hatching: the other text has no passage like this one.",
                     lambda: [one_sided_format()]),
        ]

    # ------------------------------------------------------------------ state
    @property
    def alignment(self) -> Alignment | None:
        """The alignment of the comparison of the texts the panes show now (None without one)."""
        comparison: Comparison | None = self.compare.comparison
        if comparison is None:
            return None
        for side in SIDES:
            described, document = self.compare.described.get(side), self.panes[side].document
            if described is None or document is None or described.text != document.text:
                return None
        return comparison.alignment

    def refresh(self) -> None:
        """Draw (or remove) the bands in both panes."""
        alignment = self.alignment
        self._points_cache = None
        for side, pane in self.panes.items():
            shown = alignment is not None and self.settings.matching_passages
            holes = tinted_spans(pane, self.visibility.value) if shown else []
            spans = layer_spans(alignment, side, holes, unhatched(pane)) if shown and alignment else []
            pane.set_layer(LAYER, spans, LAYER_ORDER)

    def _on_comparison(self) -> None:
        self.refresh()
        if self.linker.by_points and self.alignment is not None:
            self.linker.set_by_points(True)  # line the panes up by the new matches now

    def set_shown(self, on: bool) -> None:
        """View ▸ Matching Passages."""
        self.settings.matching_passages = bool(on)
        self.refresh()
        self._save_settings()

    def set_sync_by_passages(self, on: bool) -> None:
        """View ▸ Sync by Matching Passages (proportional when off or without a comparison)."""
        self.settings.sync_by_passages = bool(on)
        self.linker.set_by_points(bool(on))
        if on and self.alignment is None:
            self.messages.status("Scrolling follows matching passages once both texts are compared.", 5000)
        self._save_settings()

    # ------------------------------------------------------------------ counterpart
    def go_to_counterpart(self) -> bool:
        """Ctrl+J: select the counterpart of the passage at the focused pane's cursor."""
        side = self._focused()
        pane = self.panes[side]
        if pane.built is None:
            self.messages.status("Open two texts to find matching passages.", 4000)
            return False
        return self.jump(side, pane.built.offsets.to_core(pane.view.textCursor().selectionStart()))

    def jump(self, side: Side, offset: int) -> bool:
        """Select, in the other pane, the counterpart of the passage of `side` holding core
        `offset`; say so in the status bar when there is none."""
        alignment = self.alignment
        if alignment is None:
            self.messages.status("Matching passages appear once both texts are analysed and compared.", 5000)
            return False
        found = alignment.counterpart(side, offset)
        if found is None:
            only = alignment.left_only if side == "left" else alignment.right_only
            if any(start <= offset < end for start, end in only):
                self.messages.status(f"This passage is only in the {side} text.", 5000)
            else:
                self.messages.status("Put the cursor in a paragraph to find its counterpart.", 5000)
            return False
        other = OTHER[side]
        sync = self.linker.enabled
        self.linker.enabled = False  # the source pane stays where it is
        try:
            self.panes[other].select_span(*found[1])
        finally:
            self.linker.enabled = sync
        self.panes[other].view.setFocus()
        self._focus(other)
        self.messages.status(f"The matching passage in the {other} text — Ctrl+J goes back.", 5000)
        return True

    # ------------------------------------------------------------------ sync points
    def sync_points(self) -> SyncPoints | None:
        """(left y, right y) document coordinates of the matching passages that keep both texts
        in order (None without a comparison): what the scroll linker lines up."""
        alignment = self.alignment
        left, right = self.panes["left"], self.panes["right"]
        if alignment is None or left.built is None or right.built is None or left.building or right.building:
            return None
        documents = (left.view.document(), right.view.document())
        key = (*(d.documentLayout().documentSize().toTuple() for d in documents), *(d.revision() for d in documents))
        cache = self._points_cache
        if cache is not None and cache[0] is alignment and cache[1] == key:
            return cache[2]
        points = [(document_y(documents[0], left.built.offsets.to_qt(a)),
                   document_y(documents[1], right.built.offsets.to_qt(b))) for a, b in alignment.sync_points()]
        self._points_cache = (alignment, key, points)
        return points

    # ------------------------------------------------------------------ pane hooks
    def _menu(self, menu: QMenu, pane: Pane, offset: int | None, _selection: Range | None) -> None:
        alignment = self.alignment
        if offset is None or alignment is None:
            return
        menu.addSeparator()
        if alignment.counterpart(pane.side, offset) is not None:
            action = menu.addAction(f"Go to Counterpart in the {OTHER[pane.side].capitalize()} Text")
            action.triggered.connect(lambda _checked=False, s=pane.side, o=offset: self.jump(s, o))
        else:
            menu.addAction("No Counterpart in the Other Text").setEnabled(False)

    def _tooltip(self, pane: Pane, offset: int) -> str:
        alignment = self.alignment
        if alignment is None or not self.settings.matching_passages:
            return ""
        only = alignment.left_only if pane.side == "left" else alignment.right_only
        if any(start <= offset < end for start, end in only) and not any(a <= offset < b for a, b in unhatched(pane)):
            return one_sided_tooltip(OTHER[pane.side])
        return ""
