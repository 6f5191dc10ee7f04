"""The printed handout read back from the PDF (pypdf): page count and paper for two real op-eds,
no table or chart cut by a page break, type sizes; printing to a QPrinter; the handout dialog."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageLayout, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from framereader.core.comparison.compare import compare
from framereader.core.documents import load_document
from framereader.core.export import HandoutOptions, render_handout_html
from framereader.ui.handout.dialog import HandoutDialog
from framereader.ui.handout.pdf import Handout, export_pdf, keep_together, page_layout, print_handout, split_tables

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "resources" / "samples"
POINTS = {"A4": (595, 842), "Letter": (612, 792)}


DATA = ROOT / "tests" / "data"
PAIRS = {
    "border": (SAMPLES / "a-border-crisis.md", SAMPLES / "b-border-crisis.md"),  # Markdown, many actors
    "phones": (DATA / "oped-phones-a.txt", DATA / "oped-phones-b.txt"),  # plain text, a real-world topic
}


@pytest.fixture(scope="module", params=list(PAIRS))
def oped_pair(request, engine):
    """Two op-eds of 500-700 words about one story, analysed and compared."""
    documents = [load_document(path) for path in PAIRS[request.param]]
    left, right = (engine.analyze(d, descriptors=True) for d in documents)
    assert all(500 <= a.words <= 700 for a in (left, right))
    comparison = compare(left, right, categories=engine.category_ids(), choice_sets=engine.choice_set_index())
    return left, right, comparison, engine.category_styles(), documents


def write_pdf(oped_pair, path: Path, options: HandoutOptions | None = None) -> pypdf.PdfReader:
    left, right, comparison, styles, documents = oped_pair
    export_pdf(path, Handout(left, right, comparison, styles, options=options or HandoutOptions(),
                             documents=tuple(documents)))
    return pypdf.PdfReader(path)


class KeptTables(HTMLParser):
    """The first and last cell text of each top-level table the handout keeps whole."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.keep = False
        self.cells: list[str] = []
        self.tables: list[tuple[str, str]] = []
        self.in_cell = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.keep = "keep" in (dict(attrs).get("class") or "").split()
                self.cells = []
        elif tag in ("td", "th") and self.depth == 1:
            self.cells.append("")
            self.in_cell = True

    def handle_endtag(self, tag):
        if tag == "table":
            if self.depth == 1 and self.keep:
                filled = [c for c in self.cells if squash(c)]
                self.tables.append((filled[0], filled[-1]))
            self.depth -= 1
        elif tag in ("td", "th") and self.depth == 1:
            self.in_cell = False

    def handle_data(self, data):
        if self.depth >= 1 and self.cells:
            self.cells[-1] += data


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_two_opeds_fit_six_a4_portrait_pages_with_no_table_cut(oped_pair, tmp_path: Path) -> None:
    """Every default section (voices, word choice and the longer actors table included) on six
    pages: the sample op-eds take six, the phones pair five."""
    reader = write_pdf(oped_pair, tmp_path / "handout.pdf")
    assert 1 <= len(reader.pages) <= 6
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == POINTS["A4"]
    # Each kept table's first and last cell are on one page (found in order in the PDF's text).
    left, right, comparison, styles, documents = oped_pair
    html = render_handout_html(left, right, comparison, styles, documents=tuple(documents), for_qt=True)
    parser = KeptTables()
    parser.feed(html)
    assert len(parser.tables) >= 4  # two legend tables, actors, chart
    pages = [squash(page.extract_text()) for page in reader.pages]
    stream = "".join(pages)
    starts = [sum(len(p) for p in pages[:i]) for i in range(len(pages))]

    def page_at(position: int) -> int:
        return max(i for i, start in enumerate(starts) if start <= position)

    cursor = 0
    for first, last in parser.tables:
        begin = stream.index(squash(first), cursor)
        end = stream.index(squash(last), begin)
        assert page_at(begin) == page_at(end), (first, last)
        cursor = end


def sizes(reader: pypdf.PdfReader) -> list[tuple[str, float]]:
    """(text, size in points) of every piece of text drawn."""
    found: list[tuple[str, float]] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            scale = math.sqrt(abs(cm[0] * cm[3] - cm[1] * cm[2])) * math.sqrt(abs(tm[0] * tm[3] - tm[1] * tm[2]))
            found.append((text, size * scale))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


def test_body_type_is_at_least_ten_points(oped_pair, tmp_path: Path) -> None:
    found = sizes(write_pdf(oped_pair, tmp_path / "handout.pdf"))
    left = oped_pair[0]
    words = set(re.findall(r"[A-Za-z]{4,}", left.text))
    body = [size for text, size in found if set(re.findall(r"[A-Za-z]{4,}", text)) & words]
    assert len(body) > 100
    share = sum(size >= 9.95 for size in body) / len(body)
    assert share > 0.85, share  # the texts and tables; notes are 9.5 pt
    assert min(body) >= 9.0
    marks = [size for text, size in found if text.strip().isdigit()]
    assert marks and min(marks) >= 7.0  # category numbers after terms


@pytest.mark.parametrize("paper, landscape", [("Letter", False), ("A4", True)])
def test_paper_and_orientation_come_from_the_options(oped_pair, tmp_path: Path, paper: str, landscape: bool) -> None:
    reader = write_pdf(oped_pair, tmp_path / "h.pdf", HandoutOptions(paper=paper, landscape=landscape))
    width, height = POINTS[paper]
    box = reader.pages[0].mediabox
    expected = (height, width) if landscape else (width, height)
    assert (round(float(box.width)), round(float(box.height))) == expected


def test_modes_change_what_is_printed(oped_pair, tmp_path: Path) -> None:
    cold = write_pdf(oped_pair, tmp_path / "cold.pdf", HandoutOptions.parse(mode="cold"))
    text = squash(" ".join(page.extract_text() for page in cold.pages))
    assert "Legend" not in text and "Discussionquestions" in text and "Readcold" in text
    assert len(cold.pages) <= 4


def test_print_handout_renders_on_a_qprinter_with_its_page_range(oped_pair, tmp_path: Path) -> None:
    left, right, comparison, styles, documents = oped_pair
    options = HandoutOptions(paper="Letter")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(page_layout(options))
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    total = print_handout(printer, Handout(left, right, comparison, styles, options=options, documents=tuple(documents)))
    reader = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == total >= 3
    assert round(float(reader.pages[0].mediabox.width)) == POINTS["Letter"][0]

    ranged = QPrinter(QPrinter.PrinterMode.HighResolution)
    ranged.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    ranged.setOutputFileName(str(tmp_path / "ranged.pdf"))
    ranged.setPageLayout(page_layout(options))
    ranged.setFromTo(2, 3)
    assert print_handout(ranged, Handout(left, right, comparison, styles, options=options)) == 2
    assert len(pypdf.PdfReader(tmp_path / "ranged.pdf").pages) == 2


def test_keep_together_moves_a_table_cut_by_a_page_break(qapp, tmp_path: Path) -> None:
    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(page_layout(HandoutOptions()))
    rows = "".join(f"<tr><td>row {i}</td><td>{i}</td></tr>" for i in range(12))
    for filler in range(20, 200):  # find a filler length at which the table is cut
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        document.setHtml("<p>Filler.</p>" * filler + f"<h3>Table</h3><table>{rows}</table>")
        document.setPageSize(QSizeF(writer.width(), writer.height()))
        if split_tables(document):
            break
    else:
        raise AssertionError("no filler length cuts the table")
    assert keep_together(document) >= 1
    assert split_tables(document) == []


def test_handout_dialog_returns_the_options(qtbot) -> None:
    dialog = HandoutDialog(hidden_labels=frozenset({"DATE"}), has_agency=False)
    qtbot.addWidget(dialog)
    assert not dialog.section_boxes["agency"].isEnabled()
    assert dialog.options() == HandoutOptions(hidden_labels=frozenset({"DATE"}))
    dialog.mode_buttons["cold"].setChecked(True)
    assert dialog.options().sections == ("texts", "questions") and dialog.options().mode == "cold"
    dialog.mode_buttons["screen"].setChecked(True)
    dialog.paper.setCurrentText("Letter")
    dialog.orientation.setCurrentIndex(1)
    options = dialog.options()
    assert options.mode == "screen" and options.paper == "Letter" and options.landscape
    assert options.sections == HandoutOptions().sections  # back from cold: the default sections
    for box in dialog.section_boxes.values():
        box.setChecked(False)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_empty_texts_and_unknown_categories_still_print(qapp, tmp_path: Path) -> None:
    from framereader.core.model import Analysis, FramingSpan, ModelInfo

    empty = Analysis("empty.txt", "", ModelInfo("blank", "0"), (), (), 0)
    one = Analysis("one.txt", "A brutal raid.", ModelInfo("blank", "0"), (),
                   (FramingSpan(2, 8, "not_in_any_lexicon", "brutal", "brutal"),), 3)
    export_pdf(tmp_path / "e.pdf", Handout(empty, one, compare(empty, one), None, options=HandoutOptions.parse("all")))
    text = squash(" ".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "e.pdf").pages))
    assert "brutal" in text and "Notinanylexicon" in text and "Glossary" in text


def test_the_model_is_small_print_on_the_last_page_and_names_print_in_patterns(oped_pair, tmp_path: Path) -> None:
    from PySide6.QtGui import QTextFormat

    from framereader.ui.handout.pdf import layout_document

    left, right, comparison, styles, documents = oped_pair
    reader = write_pdf(oped_pair, tmp_path / "handout.pdf")
    first, last = reader.pages[0].extract_text(), reader.pages[-1].extract_text()
    assert left.model.name not in first  # no package name at the top
    assert left.model.name.replace("_", "") in last.replace("_", "").replace("\n", "") and left.model.version in last
    # each kind of name gets its own pattern, so they differ in grey print
    handout = Handout(left, right, comparison, styles, documents=tuple(documents))
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    document = layout_document(render_handout_html(left, right, comparison, styles, documents=tuple(documents),
                                                   for_qt=True, with_colophon=False), writer, [])
    brushes: dict[str, set[int]] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.hasProperty(QTextFormat.Property.BackgroundBrush) and fmt.background().style().name == "TexturePattern":
                brushes.setdefault(fmt.background().texture().toImage().pixelColor(8, 8).name(), set()).add(1)
            it += 1
        block = block.next()
    assert len(brushes) >= 3  # people, places, groups… each drawn in their own pattern and colour
    assert handout.closing.startswith("Made with FrameReader")
