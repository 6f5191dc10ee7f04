"""Builders for document fixtures (web pages, MHTML, PDF, DOCX, ODT, bombs), made inside the tests.

The PDF builder typesets with Qt (QTextDocument painted page by page into a QPdfWriter), so it
needs a QApplication: tests pass pytest-qt's `qapp`.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

ARTICLE_PARAGRAPHS = [
    "The city council voted on Tuesday to close the old harbour bridge for repairs, a decision "
    "that officials described as overdue after years of warnings from engineers.",
    "Residents who cross the bridge every morning said the closure would add an hour to their "
    "commute, and several shop owners warned that trade on the eastern bank would suffer.",
    "The mayor, Elena Brandt, defended the plan and promised a ferry service within two weeks, "
    "paid for from the emergency budget approved last spring.",
]


def saved_page(paragraphs: list[str] | None = None, repeat: int = 1) -> str:
    """A news page as a browser saves it: the article plus every kind of furniture."""
    body = "".join(f"<p>{p}</p>" for p in (paragraphs or ARTICLE_PARAGRAPHS)) * repeat
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge closure splits the city | The Harbour Gazette</title>
<meta property="og:title" content="Bridge closure splits the city">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="Tomas Reyes">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<link rel="stylesheet" href="https://cdn.example.invalid/site.css">
<style>body {{ font-family: serif; }} .hidden {{ display: none; }}</style>
<script>window.tracker = "SCRIPT-TEXT-MUST-NOT-APPEAR";</script>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies or manage preferences.</div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article>
<h1>Bridge closure splits the city</h1>
<p class="byline">By Tomas Reyes</p>
{body}
<h2>What happens next</h2>
<p>Engineers will begin with the <strong>northern span</strong>, where the <em>corrosion</em> is worst, and expect the work to last until the autumn.</p>
<ul><li>Ferries every twenty minutes from the market pier</li><li>Free parking at the eastern terminal</li></ul>
<blockquote><p>We cannot keep a dangerous bridge open just because it is convenient.</p></blockquote>
<img src="https://images.example.invalid/bridge.jpg" alt="The bridge at dusk">
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens third restaurant</a></li>
<li><a href="/b">Ten gadgets you need this summer</a></li></ul></aside>
<section id="comments" class="comments"><h3>Reader comments</h3>
<div class="comment"><p>COMMENT-TEXT this is a disgrace, the council should resign!</p></div></section>
<footer class="site-footer"><p>Copyright 2024 The Harbour Gazette. All rights reserved. FOOTER-TEXT</p>
<a href="/privacy">Privacy policy</a></footer>
<script src="https://ads.example.invalid/ads.js"></script>
</body></html>"""


def mhtml(html: str, charset: str = "windows-1252") -> bytes:
    """A single-file web archive (as Chrome saves one) with the page quoted-printable in `charset`."""
    import quopri

    page = quopri.encodestring(html.encode(charset, errors="xmlcharrefreplace")).decode("ascii")
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://gazette.example.invalid/bridge\r\n"
        "Subject: Bridge closure splits the city\r\n"
        "Date: Tue, 5 Mar 2024 09:00:00 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc"\r\n'
        "\r\n"
        "------MultipartBoundary--abc\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://gazette.example.invalid/bridge\r\n"
        "\r\n"
        f"{page}\r\n"
        "------MultipartBoundary--abc\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://images.example.invalid/bridge.png\r\n"
        "\r\n"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\r\n"
        "------MultipartBoundary--abc--\r\n"
    ).encode("ascii")


PDF_PARAGRAPH = (
    "The ofﬁcials of district {n} said the ﬂow of reports was efﬁcient and diﬀerent from last year, "
    "while critics argued that the government had failed to explain its decisions to the public in "
    "any detail, leaving voters confused and angry about the misinformation that spread."
)


def make_pdf(path: Path, pages: int = 3, *, title: str = "Harbour Report", author: str = "Ada Field") -> Path:
    """A justified, ligature-rich report of `pages` pages with a running header and page numbers.

    Lines are laid out with QTextLayout (justified, like a typesetter) and placed on the pages
    one by one, so no line is ever drawn on two pages.
    """
    from PySide6.QtCore import QMarginsF, QPointF, Qt
    from PySide6.QtGui import (
        QFont,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextLayout,
        QTextOption,
    )

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setResolution(96)
    writer.setPageMargins(QMarginsF(15, 15, 15, 15))
    writer.setTitle(title)
    if hasattr(writer, "setAuthor"):
        writer.setAuthor(author)
    blocks: list[tuple[str, int, bool]] = [("A Report on the Harbour", 20, False)]  # (text, size, keep lines)
    for number in range(1, pages * 8 + 1):
        blocks.append((f"Section {number}. " + PDF_PARAGRAPH.format(n=number), 10, False))
        if number == 2:  # words hyphenated at line ends, as typesetters do
            blocks.append(("The campaign of misin-\nformation began in spring, long before the vote\nwas held.", 10, True))
            blocks.append(("It is a well-\nknown fact that the harbour is old and well known to sailors.", 10, True))
    painter = QPainter(writer)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    width, top, bottom = rect.width(), 30.0, rect.height() - 30.0
    page, y = 0, top

    def furniture() -> None:
        painter.setFont(QFont("DejaVu Serif", 8))
        painter.drawText(0, 12, "Harbour Report — Council Edition")
        painter.drawText(int(width / 2), int(rect.height()) - 6, str(page + 1))

    furniture()
    for text, size, keep in blocks:
        font = QFont("DejaVu Serif", size)
        pieces = text.split("\n") if keep else [text]
        for piece in pieces:
            layout = QTextLayout(piece, font)
            option = QTextOption()
            option.setAlignment(Qt.AlignmentFlag.AlignLeft if keep else Qt.AlignmentFlag.AlignJustify)
            layout.setTextOption(option)
            layout.beginLayout()
            lines = []
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                lines.append(line)
            layout.endLayout()
            for line in lines:
                if y + line.height() > bottom:
                    if page + 1 >= pages:
                        painter.end()
                        return path
                    writer.newPage()
                    page, y = page + 1, top
                    furniture()
                line.setPosition(QPointF(0, 0))
                line.draw(painter, QPointF(0, y))
                y += line.height()
        y += 8  # paragraph spacing
    painter.end()
    return path


def make_textless_pdf(path: Path) -> Path:
    """A 'scanned' PDF: two pages of shapes and no text layer."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    painter = QPainter(writer)
    for page in range(2):
        if page:
            writer.newPage()
        for row in range(20):
            painter.fillRect(QRectF(100, 200 + row * 150, 2000 + 40 * row, 60), QColor(40, 40, 40))
    painter.end()
    return path


def make_docx(path: Path) -> Path:
    """A Word file with a title, headings, bold/italic runs, bullets, numbers, a quote and a table."""
    import datetime

    import docx

    document = docx.Document()
    document.core_properties.title = "Harbour Memo"
    document.core_properties.author = "Nina Holt"
    document.core_properties.created = datetime.datetime(2023, 11, 2, 9, 30)
    document.add_heading("Bridge repairs", level=1)
    paragraph = document.add_paragraph("The council will ")
    paragraph.add_run("close").bold = True
    paragraph.add_run(" the bridge and ")
    paragraph.add_run("reopen").italic = True
    paragraph.add_run(" it in autumn.")
    document.add_heading("Options", level=2)
    document.add_paragraph("Ferries from the pier", style="List Bullet")
    document.add_paragraph("Buses over the dam", style="List Bullet")
    document.add_paragraph("First, inspect the span", style="List Number")
    document.add_paragraph("Then, repair the deck", style="List Number")
    document.add_paragraph("Safety comes before convenience.", style="Quote")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Span", "Cost"
    table.cell(1, 0).text, table.cell(1, 1).text = "North", "4 million"
    document.save(str(path))
    return path


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
<office:automatic-styles>
 <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
 <text:h text:outline-level="1">Ferry timetable</text:h>
 <text:p>Boats leave <text:span text:style-name="T1">every</text:span> twenty<text:s/>minutes,<text:tab/>day and <text:span text:style-name="T2">night</text:span>.<text:note><text:note-body><text:p>NOTE-TEXT</text:p></text:note-body></text:note></text:p>
 <text:list><text:list-item><text:p>Market pier</text:p></text:list-item><text:list-item><text:p>East terminal</text:p>
  <text:list><text:list-item><text:p>Gate B</text:p></text:list-item></text:list></text:list-item></text:list>
 <text:list text:style-name="L2"><text:list-item><text:p>Buy a ticket</text:p></text:list-item><text:list-item><text:p>Board</text:p></text:list-item></text:list>
 <table:table><table:table-row><table:table-cell><text:p>Pier</text:p></table:table-cell><table:table-cell><text:p>06:00</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"""

ODT_META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">
<office:meta><dc:title>Ferry Notice</dc:title><dc:creator>Ola Berg</dc:creator><dc:date>2024-01-15T10:00:00</dc:date></office:meta>
</office:document-meta>"""


def make_odt(path: Path, content: str = ODT_CONTENT, meta: str | None = ODT_META) -> Path:
    """An OpenDocument text package built with zipfile (mimetype stored first, as the spec says)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>', zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        if meta:
            archive.writestr("meta.xml", meta, zipfile.ZIP_DEFLATED)
    return path


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
<text:p>&lol9;</text:p></office:text></office:body></office:document-content>"""


def make_zip_bomb(path: Path, member: str = "word/document.xml", megabytes: int = 200) -> Path:
    """A .docx-shaped zip whose main part inflates from a few hundred KB to `megabytes` MB."""
    chunk = b"<w:t>" + b"A" * (1024 * 1024 - 5)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w", force_zip64=True) as handle:
            for _ in range(megabytes):
                handle.write(chunk)
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A small deflated zip of the given members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_tj_pdf(path: Path, pages: int = 100, lines_per_page: int = 44) -> Path:
    """A plain PDF written by hand the way most producers write text: one TJ array per line
    (words with justification gaps), a standard font, a running header and a page number."""
    plain = PDF_PARAGRAPH.replace("ﬁ", "fi").replace("ﬂ", "fl").replace("ﬀ", "ff")
    words = " ".join(plain.format(n=name) for name in ("north", "east", "south")).split()
    objects: list[bytes] = []
    page_ids = []
    font_id = 3
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # pages tree, filled in below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>")
    cursor = 0
    for page in range(pages):
        ops = [b"BT /F1 9 Tf 72 800 Td (Harbour Report \\227 Council Edition) Tj ET"]
        y = 770
        for line in range(lines_per_page):
            chunk = [words[(cursor + i) % len(words)] for i in range(11)]
            cursor += 11
            end_paragraph = line % 9 == 8
            parts = b" -180 ".join(b"(" + w.encode("cp1252") + b")" for w in chunk)
            ops.append(b"BT /F1 11 Tf 72 %d Td [%s] TJ ET" % (y, parts))
            y -= 14 + (8 if end_paragraph else 0)
        ops.append(b"BT /F1 9 Tf 290 40 Td (%d) Tj ET" % (page + 1))
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content_id = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content_id, font_id))
        page_ids.append(len(objects))
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
