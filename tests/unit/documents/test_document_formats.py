"""Real-world formats: saved web pages, MHTML, PDF, DOCX, ODT, RTF — text, structure, metadata
and refusals, on fixtures built inside the tests (see document_fixtures.py)."""

from __future__ import annotations

import re
import socket
import time
import tracemalloc
import zipfile
from pathlib import Path

import document_fixtures as fx
import pytest

from framereader.core.documents import (
    document_from_clipboard,
    document_from_html,
    limits,
    load_document,
    sniff_format,
)
from framereader.core.documents.pdf import NO_TEXT
from framereader.core.errors import DocumentError
from framereader.core.model import Document


def blocks(doc: Document) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, doc.text[b.start : b.end]) for b in doc.blocks]


def emphasis(doc: Document) -> list[tuple[str, str]]:
    return [(e.kind, doc.text[e.start : e.end]) for e in doc.emphasis]


def assert_valid(doc: Document) -> None:
    for r in (*doc.blocks, *doc.emphasis):
        assert 0 <= r.start < r.end <= len(doc.text), r
    # blocks are separated by exactly one newline, in order
    for a, b in zip(doc.blocks, doc.blocks[1:]):
        assert doc.text[a.end : b.start] == "\n"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Fail the test if anything tries to open a socket."""
    attempts: list[tuple] = []

    def refuse(self, address, *args):  # type: ignore[no-untyped-def]
        attempts.append(address)
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: attempts.append(a) or (_ for _ in ()).throw(OSError("no dns")))
    return attempts


# --------------------------------------------------------------------------- saved web pages


@pytest.mark.parametrize("name", ["bridge.html", "bridge.htm", "bridge.xhtml", "saved-without-suffix"])
def test_saved_page_main_text_without_furniture(tmp_path: Path, name: str, no_network: list) -> None:
    path = tmp_path / name
    path.write_text(fx.saved_page(), encoding="utf-8")
    doc = load_document(path)
    assert doc.format == "html"
    assert_valid(doc)
    for paragraph in fx.ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    for furniture in ("cookies", "Home", "Sport", "Most read", "Celebrity chef", "COMMENT-TEXT",
                      "FOOTER-TEXT", "Privacy policy", "SCRIPT-TEXT", "font-family", "By Tomas Reyes"):
        assert furniture not in doc.text, furniture
    kinds = blocks(doc)
    assert kinds[0] == ("heading", 1, "Bridge closure splits the city")
    assert ("heading", 2, "What happens next") in kinds
    assert ("paragraph", 0, fx.ARTICLE_PARAGRAPHS[0]) in kinds
    assert ("list_item", 1, "• Ferries every twenty minutes from the market pier") in kinds
    assert ("quote", 1, "We cannot keep a dangerous bridge open just because it is convenient.") in kinds
    assert ("strong", "northern span") in emphasis(doc) and ("em", "corrosion") in emphasis(doc)
    assert (doc.meta.title, doc.meta.author, doc.meta.date, doc.meta.site) == (
        "Bridge closure splits the city", "Tomas Reyes", "2024-03-05", "The Harbour Gazette")
    assert doc.meta.language == "en"
    assert no_network == []


def test_saved_page_in_windows_1252_by_meta_charset(tmp_path: Path) -> None:
    html = fx.saved_page(["Der Bürgermeister sagte, die Brücke sei „gefährlich“ – und müsse schließen, "
                          "bevor der Winter kommt und das Eis die Pfeiler weiter beschädigt."] * 3)
    path = tmp_path / "de.html"
    path.write_bytes(html.replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252"))
    doc = load_document(path)
    assert "Der Bürgermeister sagte, die Brücke sei „gefährlich“ – und müsse schließen" in doc.text
    assert doc.encoding == "windows-1252"


def test_page_table_rows_are_tab_separated_blocks(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text(
        "<html><body><article><p>Intro paragraph with enough words to be kept by the extractor.</p>"
        "<table><tr><th>Span</th><th>Cost</th></tr><tr><td>North</td><td>4 million</td></tr></table>"
        "<p>After the table more text.</p></article></body></html>", encoding="utf-8")
    assert [t for _, _, t in blocks(load_document(path))] == [
        "Intro paragraph with enough words to be kept by the extractor.", "Span\tCost", "North\t4 million",
        "After the table more text."]


def test_html_file_without_markup_stays_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text("Just a sentence, no tags at all.", encoding="utf-8")
    doc = load_document(path)
    assert (doc.format, doc.text) == ("text", "Just a sentence, no tags at all.")


def test_page_without_article_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.path == str(path) and "no article text" in info.value.reason


def test_two_megabyte_page_is_quick(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_text(fx.saved_page(repeat=4000), encoding="utf-8")
    assert path.stat().st_size > 2_000_000
    started = time.perf_counter()
    doc = load_document(path)
    assert time.perf_counter() - started < 20  # bench/documents_bench.py measures it properly
    assert doc.text.count(fx.ARTICLE_PARAGRAPHS[1]) == 4000


def test_page_with_very_many_paragraphs_is_read_in_linear_time(tmp_path: Path) -> None:
    from framereader.core.documents.web_large import MAX_TRAFILATURA_BLOCKS

    repeat = MAX_TRAFILATURA_BLOCKS // len(fx.ARTICLE_PARAGRAPHS) + 1000
    path = tmp_path / "huge.html"
    path.write_text(fx.saved_page(repeat=repeat), encoding="utf-8")
    started = time.perf_counter()
    doc = load_document(path)
    assert time.perf_counter() - started < 10  # trafilatura alone would take about a minute
    assert doc.text.count(fx.ARTICLE_PARAGRAPHS[0]) == repeat
    for furniture in ("cookies", "Most read", "COMMENT-TEXT", "FOOTER-TEXT", "SCRIPT-TEXT", "Sport"):
        assert furniture not in doc.text, furniture
    assert blocks(doc)[0] == ("heading", 1, "Bridge closure splits the city")
    assert ("list_item", 1, "• Free parking at the eastern terminal") in blocks(doc)
    assert (doc.meta.title, doc.meta.author, doc.meta.site) == (
        "Bridge closure splits the city", "Tomas Reyes", "The Harbour Gazette")


# --------------------------------------------------------------------------- MHTML


def test_mhtml_archive_decoded_by_declared_charset(tmp_path: Path, no_network: list) -> None:
    page = fx.saved_page().replace("council voted", "conseil municipal — café — voted")
    path = tmp_path / "bridge.mhtml"
    path.write_bytes(fx.mhtml(page, charset="windows-1252"))
    doc = load_document(path)
    assert doc.format == "mhtml"
    assert doc.encoding == "windows-1252"
    assert "The city conseil municipal — café — voted on Tuesday" in doc.text
    assert "COMMENT-TEXT" not in doc.text and "iVBOR" not in doc.text
    assert doc.meta.title == "Bridge closure splits the city" and doc.meta.author == "Tomas Reyes"
    assert no_network == []


def test_mhtml_without_a_page_is_refused(tmp_path: Path) -> None:
    data = fx.mhtml("<p>x</p>").replace(b"Content-Type: text/html; charset=windows-1252", b"Content-Type: text/plain")
    path = tmp_path / "nopage.mht"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert "holds no web page" in info.value.reason


# --------------------------------------------------------------------------- PDF


@pytest.fixture
def report_pdf(qapp, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    return fx.make_pdf(tmp_path / "report.pdf", pages=3)


def test_pdf_paragraphs_joined_and_cleaned(report_pdf: Path) -> None:
    doc = load_document(report_pdf)
    assert doc.format == "pdf"
    assert_valid(doc)
    assert "\t" not in doc.text and "  " not in doc.text
    assert not re.search("[\ufb00-\ufb06]", doc.text)  # ligatures undone
    kinds = blocks(doc)
    assert kinds[0] == ("heading", 1, "A Report on the Harbour")
    sections = [text for kind, _, text in kinds if text.startswith("Section ")]
    assert len(sections) >= 12
    for number, text in enumerate(sections[:-1], start=1):  # one paragraph each, page breaks included
        assert text == f"Section {number}. " + fx.PDF_PARAGRAPH.format(n=number).translate(
            {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl"})
    assert sections[-1].startswith(f"Section {len(sections)}. The officials")  # cut by the last page
    assert all(kind in ("heading", "paragraph") for kind, _, _ in kinds)


def test_pdf_furniture_dropped(report_pdf: Path) -> None:
    doc = load_document(report_pdf)
    assert "Harbour Report — Council Edition" not in doc.text
    assert not any(re.fullmatch(r"\d+", text) for _, _, text in blocks(doc))
    assert not re.search(r"spread\. \d", doc.text)


def test_pdf_hyphenation_undone_only_inside_words(report_pdf: Path) -> None:
    text = load_document(report_pdf).text
    assert "The campaign of misinformation began in spring, long before the vote was held." in text
    assert "It is a well-known fact" in text  # both pieces are words: the hyphen stays


def test_pdf_metadata(report_pdf: Path) -> None:
    doc = load_document(report_pdf)
    assert doc.meta.title == "Harbour Report"
    assert doc.meta.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.meta.date)
    assert doc.title == "Harbour Report"


def test_pdf_without_text_layer(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = fx.make_textless_pdf(tmp_path / "scan.pdf")
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.reason == NO_TEXT
    assert info.value.message == f"{path}: This PDF has no text to read — it may be a scanned image."


def test_truncated_and_damaged_pdfs(report_pdf: Path, tmp_path: Path) -> None:
    data = report_pdf.read_bytes()
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentError) as info:
        load_document(truncated)
    assert "truncated" in info.value.reason
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(DocumentError) as info:
        load_document(garbage)
    assert "PDF" in info.value.reason and info.value.path == str(garbage)


def test_encrypted_pdf(report_pdf: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(report_pdf).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert "encrypted" in info.value.reason and NO_TEXT in info.value.reason


# --------------------------------------------------------------------------- Word, OpenDocument, RTF


def test_docx_structure_emphasis_and_metadata(tmp_path: Path) -> None:
    doc = load_document(fx.make_docx(tmp_path / "memo.docx"))
    assert doc.format == "docx"
    assert_valid(doc)
    assert blocks(doc) == [
        ("heading", 1, "Bridge repairs"),
        ("paragraph", 0, "The council will close the bridge and reopen it in autumn."),
        ("heading", 2, "Options"),
        ("list_item", 1, "• Ferries from the pier"),
        ("list_item", 1, "• Buses over the dam"),
        ("list_item", 1, "1. First, inspect the span"),
        ("list_item", 1, "2. Then, repair the deck"),
        ("quote", 1, "Safety comes before convenience."),
        ("paragraph", 0, "Span\tCost"),
        ("paragraph", 0, "North\t4 million"),
    ]
    assert emphasis(doc) == [("strong", "close"), ("em", "reopen")]
    assert (doc.meta.title, doc.meta.author, doc.meta.date) == ("Harbour Memo", "Nina Holt", "2023-11-02")


def test_odt_structure_emphasis_and_metadata(tmp_path: Path) -> None:
    doc = load_document(fx.make_odt(tmp_path / "notice.odt"))
    assert doc.format == "odt"
    assert_valid(doc)
    assert blocks(doc) == [
        ("heading", 1, "Ferry timetable"),
        ("paragraph", 0, "Boats leave every twenty minutes, day and night."),
        ("list_item", 1, "• Market pier"),
        ("list_item", 1, "• East terminal"),
        ("list_item", 2, "• Gate B"),
        ("list_item", 1, "1. Buy a ticket"),
        ("list_item", 1, "2. Board"),
        ("paragraph", 0, "Pier\t06:00"),
    ]
    assert "NOTE-TEXT" not in doc.text
    assert emphasis(doc) == [("strong", "every"), ("em", "night")]
    assert (doc.meta.title, doc.meta.author, doc.meta.date) == ("Ferry Notice", "Ola Berg", "2024-01-15")


def test_odt_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    doc = load_document(fx.make_odt(tmp_path / "untitled.odt", meta=None))
    assert doc.meta.title == "Ferry timetable" and doc.title == "Ferry timetable"
    assert doc.meta.author is None


def test_rtf_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "letter.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Times;}}{\info{\title Harbour Letter}{\author Jo Lind}"
        rb"{\creatim\yr2022\mo6\dy9}}\pard Dear council, the \b bridge\b0  is caf\'e9-adjacent.\par"
        rb"\pard Second paragraph \u8220?quoted\u8221?.\par}"
    )
    doc = load_document(path)
    assert doc.format == "rtf"
    assert blocks(doc) == [
        ("paragraph", 0, "Dear council, the bridge is café-adjacent."),
        ("paragraph", 0, "Second paragraph “quoted”."),
    ]
    assert (doc.meta.title, doc.meta.author, doc.meta.date) == ("Harbour Letter", "Jo Lind", "2022-06-09")


def test_truncated_docx_is_one_clear_line(tmp_path: Path) -> None:
    data = fx.make_docx(tmp_path / "full.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.path == str(path)
    assert "damaged or truncated" in info.value.reason and "\n" not in info.value.message


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ({"readme.txt": b"hello"}, "ZIP archive"),
        ({"xl/workbook.xml": b"<x/>"}, "PowerPoint or Excel"),
    ],
)
def test_other_zips_are_refused(tmp_path: Path, members: dict[str, bytes], expected: str) -> None:
    path = tmp_path / "thing.docx"
    path.write_bytes(fx.zip_bytes(members))
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert expected in info.value.reason


def test_old_word_file_gets_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert ".docx" in info.value.reason


# --------------------------------------------------------------------------- container safety


def test_zip_bomb_refused_fast_and_small(tmp_path: Path) -> None:
    path = fx.make_zip_bomb(tmp_path / "bomb.docx", megabytes=300)
    assert path.stat().st_size < 2_000_000
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(DocumentError) as info:
            load_document(path)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "zip bomb" in info.value.reason
    assert elapsed < 2.0
    assert peak < 40 * 1024 * 1024


def test_high_ratio_member_refused_even_when_under_the_size_limit(tmp_path: Path) -> None:
    path = fx.make_zip_bomb(tmp_path / "ratio.odt", member="content.xml", megabytes=30)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert "zip bomb" in info.value.reason


def test_xml_entities_refused(tmp_path: Path) -> None:
    path = fx.make_odt(tmp_path / "laughs.odt", content=fx.BILLION_LAUGHS)
    started = time.perf_counter()
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert time.perf_counter() - started < 1.0
    assert "DTD or entities" in info.value.reason


def test_docx_with_external_entity_refused(tmp_path: Path) -> None:
    source = fx.make_docx(tmp_path / "ok.docx")
    path = tmp_path / "xxe.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            copy.writestr(item, data)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert "DTD or entities" in info.value.reason


def test_extracted_text_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = fx.make_docx(tmp_path / "memo.docx")
    monkeypatch.setattr(limits, "MAX_BYTES", 100)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert re.fullmatch(r"The text in this file is \d+ bytes, more than the 100 bytes limit\.", info.value.reason)


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("head", "suffix", "kind"),
    [
        (b"%PDF-1.4\n", ".txt", "pdf"),
        (b"PK\x03\x04rest", "", "zip"),
        (b"{\\rtf1\\ansi hello}", ".txt", "rtf"),
        (b"<!DOCTYPE html><html>", ".txt", "html"),
        (b"  <html><body>x</body></html>", "", "html"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n", ".txt", "mhtml"),
        (b"# Title\n", ".md", "markdown"),
        (b"plain <b>words</b>", ".txt", "text"),
    ],
)
def test_sniff_format_by_content(head: bytes, suffix: str, kind: str) -> None:
    assert sniff_format(head, suffix) == kind


# --------------------------------------------------------------------------- rich paste


def test_clipboard_html_gives_structured_main_text(no_network: list) -> None:
    html = fx.saved_page()
    doc = document_from_html(html, plain_text="whatever the browser put as text")
    assert doc.format == "html" and doc.source == "clipboard"
    assert fx.ARTICLE_PARAGRAPHS[2] in doc.text and "COMMENT-TEXT" not in doc.text
    assert doc.meta.title == "Bridge closure splits the city"


def test_clipboard_fragment_keeps_its_structure() -> None:
    html = "<meta charset='utf-8'><h2>Quoted bit</h2><p>Copied <b>bold</b> words from a browser page.</p><ul><li>one</li></ul>"
    doc = document_from_html(html, "Quoted bit\nCopied bold words from a browser page.\none")
    assert blocks(doc) == [
        ("heading", 2, "Quoted bit"),
        ("paragraph", 0, "Copied bold words from a browser page."),
        ("list_item", 1, "• one"),
    ]
    assert emphasis(doc) == [("strong", "bold")]


def test_clipboard_falls_back_to_plain_text() -> None:
    doc = document_from_html("<script>x()</script>", "The plain text\r\nof the selection")
    assert (doc.format, doc.text) == ("text", "The plain text\nof the selection")
    assert document_from_clipboard(None, "just text").text == "just text"
    assert document_from_clipboard("", "just text").format == "text"


def test_pdf_with_tj_lines_keeps_every_word_once(tmp_path: Path) -> None:
    path = fx.make_tj_pdf(tmp_path / "plain.pdf", pages=4, lines_per_page=44)
    doc = load_document(path)
    plain = fx.PDF_PARAGRAPH.replace("ﬁ", "fi").replace("ﬂ", "fl").replace("ﬀ", "ff")
    cycle = " ".join(plain.format(n=name) for name in ("north", "east", "south")).split()
    expected = [cycle[i % len(cycle)] for i in range(4 * 44 * 11)]
    assert doc.text.split() == expected  # headers and page numbers gone, no line lost or doubled
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    # the fixture leaves a larger gap after lines 9, 18, 27 and 36 of each page: 4 breaks a page,
    # and paragraphs run on over page breaks (one more where a page happens to end a sentence)
    assert 17 <= len(paragraphs) <= 18


def test_every_format_loads_in_a_process_where_sockets_cannot_exist(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    page = tmp_path / "page.html"
    page.write_text(fx.saved_page(), encoding="utf-8")
    files = [page, fx.make_docx(tmp_path / "m.docx"), fx.make_odt(tmp_path / "n.odt"),
             fx.make_pdf(tmp_path / "r.pdf", pages=2)]
    (tmp_path / "a.mhtml").write_bytes(fx.mhtml(fx.saved_page()))
    files.append(tmp_path / "a.mhtml")
    script = (
        "import socket, sys\n"
        "class Refused(socket.socket):\n"
        "    def __init__(self, *a, **k):\n"
        "        print('SOCKET', flush=True); raise OSError('no sockets')\n"
        "socket.socket = Refused\n"
        "from framereader.core.documents import load_document, document_from_html\n"
        "for path in sys.argv[1:]:\n"
        "    print(load_document(path).format)\n"
        "print(document_from_html('<p>pasted words here</p>', 'pasted words here').format)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, *map(str, files)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["html", "docx", "odt", "pdf", "mhtml", "html"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["the misin-", "formation spread"], "the misinformation spread"),  # "misin" is no word
        (["a well-", "known fact"], "a well-known fact"),  # both pieces are words elsewhere
        (["the co-", "operation"], "the cooperation"),  # the joined word appears elsewhere
        (["the soft\u00ad", "hyphen"], "the softhyphen"),  # a soft hyphen always joins
        (["this—", "that"], "this—that"),
        (["ends here.", "Next one"], "ends here. Next one"),
    ],
)
def test_pdf_line_joining(lines: list[str], expected: str) -> None:
    from collections import Counter

    from framereader.core.documents.pdf import _join_lines

    vocabulary = Counter({"well": 2, "known": 3, "cooperation": 1, "co": 1, "operation": 1})
    assert _join_lines(lines, vocabulary) == expected


@pytest.mark.parametrize(
    ("line", "is_number"),
    [("12", True), ("Page 3", True), ("3 of 10", True), ("- 4 -", True), ("xiv", True),
     ("did", False), ("civil", False), ("12 angry men", False), ("Chapter 2", False)],
)
def test_pdf_page_number_lines(line: str, is_number: bool) -> None:
    from framereader.core.documents.pdf import _PAGE_NUMBER

    assert bool(_PAGE_NUMBER.match(line)) is is_number


def test_rtf_with_big_picture_is_quick(tmp_path: Path) -> None:
    picture = ("0123456789abcdef" * 64 + "\n") * 20_000  # 20 MB of hex picture data
    path = tmp_path / "picture.rtf"
    path.write_text(r"{\rtf1\ansi \pard Before.\par {\pict\pngblip " + picture + r"}\pard After.\par}", encoding="ascii")
    started = time.perf_counter()
    doc = load_document(path)
    assert time.perf_counter() - started < 3
    assert [t for _, _, t in blocks(doc)] == ["Before.", "After."]
