"""Loading documents: decoding, refusals with clear reasons, plain-text blocks, Markdown rendering."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from framereader.core.documents import limits
from framereader.core.documents import decode_bytes, document_from_text, load_document
from framereader.core.errors import DocumentError
from framereader.core.model import Document


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def block_texts(doc: Document) -> list[tuple[str, str, int]]:
    return [(b.kind, doc.text[b.start : b.end], b.level) for b in doc.blocks]


def emphasis_texts(doc: Document) -> list[tuple[str, str]]:
    return [(e.kind, doc.text[e.start : e.end]) for e in doc.emphasis]


def assert_ranges_valid(doc: Document) -> None:
    n = len(doc.text)
    for r in (*doc.blocks, *doc.emphasis):
        assert 0 <= r.start <= r.end <= n, r


# --------------------------------------------------------------------------- decoding


def test_decode_plain_utf8() -> None:
    assert decode_bytes("Zoë’s café".encode("utf-8")) == ("Zoë’s café", "utf-8", None)


def test_decode_utf8_bom_strips_bom() -> None:
    text, encoding, note = decode_bytes(b"\xef\xbb\xbf" + "naïve".encode("utf-8"))
    assert (text, encoding, note) == ("naïve", "utf-8-sig", None)


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (b"\xff\xfe", "utf-16-le", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    ],
)
def test_decode_utf16_utf32_with_bom(bom: bytes, codec: str, expected: str) -> None:
    text, encoding, note = decode_bytes(bom + "Ærø 😀 ok".encode(codec))
    assert text == "Ærø 😀 ok"
    assert encoding == expected
    assert note is None


def test_decode_cp1252_curly_quotes_with_note() -> None:
    data = "“Quoted” – it’s".encode("cp1252")
    text, encoding, note = decode_bytes(data)
    assert text == "“Quoted” – it’s"
    assert encoding == "cp1252"
    assert note is not None and "not valid UTF-8" in note and "cp1252" in note


def test_decode_latin1_fallback_when_cp1252_fails() -> None:
    data = b"caf\xe9 \x81 \x9d"  # 0x81/0x9D are undefined in cp1252
    text, encoding, note = decode_bytes(data)
    assert encoding == "latin-1"
    assert text == "café \x81 \x9d"
    assert note is not None and "Latin-1" in note


def test_load_utf16_file_is_not_mistaken_for_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"\xff\xfe" + "Hello\r\nworld".encode("utf-16-le"))
    doc = load_document(path)
    assert doc.text == "Hello\nworld"
    assert doc.encoding == "utf-16-le"


def test_load_cp1252_file_carries_note(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "old.txt", "“Hi”".encode("cp1252")))
    assert doc.text == "“Hi”"
    assert doc.encoding == "cp1252"
    assert doc.note and "cp1252" in doc.note


# --------------------------------------------------------------------------- newlines, BOM, blocks


def test_crlf_and_cr_normalised_and_nbsp_kept(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "n.txt", "a\r\nb\rc\u00a0d\n".encode("utf-8")))
    assert doc.text == "a\nb\nc\u00a0d\n"
    assert "\r" not in doc.text


def test_bom_character_removed_from_pasted_text() -> None:
    assert document_from_text("\ufeffHello").text == "Hello"


def test_plain_text_paragraph_blocks(tmp_path: Path) -> None:
    raw = "\n\nFirst line\nstill first\n\n  \n\nSecond para\n\n\n"
    doc = load_document(write(tmp_path, "p.txt", raw.encode("utf-8")))
    assert doc.text == raw
    assert doc.format == "text"
    assert block_texts(doc) == [
        ("paragraph", "First line\nstill first", 0),
        ("paragraph", "Second para", 0),
    ]


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n"])
def test_empty_and_whitespace_files_are_valid(tmp_path: Path, content: bytes) -> None:
    doc = load_document(write(tmp_path, "empty.txt", content))
    assert doc.blocks == ()
    assert doc.text.strip() == ""
    assert doc.encoding == "utf-8"


def test_source_and_name(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", b"x")
    doc = load_document(path)
    assert doc.source == str(path)
    assert doc.name == "story.txt"
    assert document_from_text("x").source == "clipboard"


# --------------------------------------------------------------------------- refusals


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(DocumentError) as info:
        load_document(missing)
    assert info.value.path == str(missing)
    assert "does not exist" in info.value.reason


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as info:
        load_document(tmp_path)
    assert "folder" in info.value.reason


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", b"hidden")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # running as root: chmod does not stop reads, so simulate
            real_open = os.open

            def refuse(file, *args, **kwargs):  # type: ignore[no-untyped-def]
                if os.fspath(file) == str(path):
                    raise PermissionError(13, "Permission denied", str(path))
                return real_open(file, *args, **kwargs)

            monkeypatch.setattr(limits.os, "open", refuse)
        with pytest.raises(DocumentError) as info:
            load_document(path)
        assert "permission" in info.value.reason.lower()
    finally:
        path.chmod(0o644)


def test_other_oserror_becomes_document_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "io.txt", b"data")
    real_read = os.read

    def broken(fd, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fstat(fd).st_ino == path.stat().st_ino:
            raise OSError(5, "Input/output error")
        return real_read(fd, *args, **kwargs)

    monkeypatch.setattr(limits.os, "read", broken)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert "Input/output error" in info.value.reason


def test_nul_in_path_is_a_document_error() -> None:
    with pytest.raises(DocumentError):
        load_document("bad\x00name.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00def" + b"x" * 100,
        bytes(range(1, 9)) * 200,  # mostly control characters, no NUL
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,
    ],
)
def test_binary_files_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DocumentError) as info:
        load_document(write(tmp_path, "blob.txt", data))
    assert "not a text file" in info.value.reason


def test_a_few_control_characters_are_fine(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "ansi.txt", b"\x1b[1mbold\x1b[0m and a form feed\x0c here " * 10))
    assert doc.text.startswith("\x1b[1mbold")


def test_oversize_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_BYTES", 100)
    path = write(tmp_path, "big.txt", b"a" * 101)
    real_read = os.read
    read: list[int] = []

    def spy(fd, n, *args):  # type: ignore[no-untyped-def]
        read.append(n)
        return real_read(fd, n, *args)

    monkeypatch.setattr(limits.os, "read", spy)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.reason == "The file is 101 bytes, more than the 100 bytes limit."
    assert len(read) == 1  # only the sniffed head was read, never the rest
    # exactly at the limit is accepted
    assert load_document(write(tmp_path, "ok.txt", b"a" * 100)).text == "a" * 100


def test_size_message_is_precise_just_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.reason == "The file is 20.0 MB (20,971,521 bytes), more than the 20 MB limit."


# --------------------------------------------------------------------------- format by extension


@pytest.mark.parametrize("name", ["a.md", "b.markdown", "c.mdown", "D.MD"])
def test_markdown_extensions(tmp_path: Path, name: str) -> None:
    doc = load_document(write(tmp_path, name, b"# Title\n\nBody *x*"))
    assert doc.format == "markdown"
    assert doc.text == "Title\nBody x"


@pytest.mark.parametrize("name", ["a.txt", "b.text", "noext", "c.html", "d.pdf"])
def test_other_extensions_are_plain_text(tmp_path: Path, name: str) -> None:
    doc = load_document(write(tmp_path, name, b"# Title\n\nBody *x*"))
    assert doc.format == "text"
    assert doc.text == "# Title\n\nBody *x*"
    assert doc.emphasis == ()


# --------------------------------------------------------------------------- Markdown


def md(text: str) -> Document:
    doc = document_from_text(text, markdown=True)
    assert doc.format == "markdown"
    assert_ranges_valid(doc)
    return doc


def test_markdown_headings_and_paragraphs() -> None:
    doc = md("# Big news\n\nSome *words*\nsoft-wrapped.\n\nSetext\n------\n")
    assert doc.text == "Big news\nSome words soft-wrapped.\nSetext"
    assert block_texts(doc) == [
        ("heading", "Big news", 1),
        ("paragraph", "Some words soft-wrapped.", 0),
        ("heading", "Setext", 2),
    ]
    assert emphasis_texts(doc) == [("em", "words")]


def test_markdown_hard_break_is_newline_inside_one_block() -> None:
    doc = md("line one  \nline two")
    assert block_texts(doc) == [("paragraph", "line one\nline two", 0)]


def test_markdown_lists_with_prefixes_and_levels() -> None:
    doc = md("- apples\n- pears\n  - green\n\n3. third\n4. fourth\n")
    assert block_texts(doc) == [
        ("list_item", "• apples", 1),
        ("list_item", "• pears", 1),
        ("list_item", "• green", 2),
        ("list_item", "3. third", 1),
        ("list_item", "4. fourth", 1),
    ]


def test_markdown_quotes_with_levels() -> None:
    doc = md("> outer *said*\n>\n> > inner\n")
    assert block_texts(doc) == [("quote", "outer said", 1), ("quote", "inner", 2)]
    assert emphasis_texts(doc) == [("em", "said")]


def test_markdown_emphasis_kinds() -> None:
    doc = md("Plain **strong** and *em* and `code()` and [a link](https://example.org) end")
    assert doc.text == "Plain strong and em and code() and a link end"
    assert emphasis_texts(doc) == [
        ("strong", "strong"),
        ("em", "em"),
        ("code", "code()"),
        ("link", "a link"),
    ]
    assert "example.org" not in doc.text


def test_markdown_nested_emphasis_inside_link() -> None:
    doc = md("[**bold** link](x)")
    assert sorted(emphasis_texts(doc)) == [("link", "bold link"), ("strong", "bold")]


def test_markdown_code_blocks() -> None:
    doc = md("Intro\n\n```python\nx = 1\n\ny = *2*\n```\n\n    indented\n")
    assert block_texts(doc) == [
        ("paragraph", "Intro", 0),
        ("code", "x = 1\n\ny = *2*", 0),
        ("code", "indented", 0),
    ]
    assert doc.emphasis == ()


def test_markdown_table_rows_joined_by_tabs() -> None:
    doc = md("| Name | Role |\n|---|---|\n| Ana | *chair* |\n| Bo | member |\n")
    assert [t for _, t, _ in block_texts(doc)] == ["Name\tRole", "Ana\tchair", "Bo\tmember"]
    assert emphasis_texts(doc) == [("em", "chair")]


def test_markdown_offsets_exact_after_emoji_and_combining_mark() -> None:
    # U+1F600 is one code point (two UTF-16 units); "e\u0301" is two code points.
    doc = md("Smile 😀 cafe\u0301 *élan* **x\u0301**")
    assert doc.text == "Smile 😀 cafe\u0301 élan x\u0301"
    em, strong = doc.emphasis
    assert (em.kind, doc.text[em.start : em.end]) == ("em", "élan")
    assert em.start == len("Smile 😀 cafe\u0301 ")
    assert (strong.kind, doc.text[strong.start : strong.end]) == ("strong", "x\u0301")


def test_markdown_offsets_exact_with_list_prefix() -> None:
    doc = md("Intro 😀\n\n1. the *key* point\n")
    (em,) = doc.emphasis
    assert doc.text[em.start : em.end] == "key"
    assert doc.blocks[1].start == doc.text.index("1. the")


def test_markdown_html_is_never_interpreted() -> None:
    doc = md('<script>alert("x")</script>\n\nText <b>bold</b> <img src="http://evil/x.png">\n')
    # raw HTML is shown as literal text: nothing is a block of its own, nothing is emphasised
    assert "<script>" in doc.text
    assert doc.emphasis == ()
    assert all(b.kind == "paragraph" for b in doc.blocks)


def test_markdown_images_give_alt_text_only() -> None:
    doc = md("Before ![a *chart*](https://example.com/tracker.png \"t\") after")
    assert doc.text == "Before a chart after"
    assert "example.com" not in doc.text and "tracker" not in doc.text
    assert doc.emphasis == ()


def test_markdown_javascript_link_is_just_text() -> None:
    doc = md("[click me](javascript:alert(1)) please")
    assert doc.text == "click me please"
    assert emphasis_texts(doc) == []


def test_markdown_entities_and_escapes_are_decoded() -> None:
    doc = md("Fish &amp; chips \\*not em\\* &nbsp;x")
    assert doc.text == "Fish & chips *not em* \u00a0x"
    assert doc.emphasis == ()


def test_markdown_empty_and_whitespace() -> None:
    for text in ("", "  \n\n  ", "---\n"):
        doc = md(text)
        assert doc.text == ""
        assert doc.blocks == ()


@pytest.mark.parametrize(
    "text",
    [
        ">" * 1000 + " deep",
        "- " * 1000 + "deep",
        "1. " * 1000 + "deep",
        "\n".join("  " * i + "- item" for i in range(1000)),
        "\n".join(">" * i + " line" for i in range(1, 1000)),
        "> - " * 1000 + "deep",
        "*" * 5000 + "x" + "*" * 5000,
        "![" * 1000 + "x" + "](u)" * 1000,
        "[" * 1000 + "x" + "](u)" * 1000,
    ],
)
def test_deep_nesting_does_not_crash_or_lose_text(text: str) -> None:
    doc = document_from_text(text, markdown=True)
    assert_ranges_valid(doc)
    assert doc.text.strip()
    if doc.format == "text":  # too deep to lay out: shown as written, and the user is told
        assert doc.text == text
        assert doc.note and "nested" in doc.note


def test_moderate_nesting_still_renders_as_markdown() -> None:
    doc = md("\n".join("  " * i + "- level" for i in range(10)))
    assert [b.level for b in doc.blocks] == list(range(1, 11))


def test_one_megabyte_single_line_loads_quickly(tmp_path: Path) -> None:
    sentence = "The *minister* said [on Tuesday](x) that `reforms` would go ahead [ "
    line = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    for name in ("one.txt", "one.md"):
        path = write(tmp_path, name, line.encode("utf-8"))
        started = time.perf_counter()
        doc = load_document(path)
        assert time.perf_counter() - started < 5.0
        assert len(doc.blocks) == 1
        assert_ranges_valid(doc)


def test_huge_table_loads(tmp_path: Path) -> None:
    rows = "".join(f"| {i} | *v{i}* | c |\n" for i in range(20_000))
    doc = load_document(write(tmp_path, "t.md", ("| a | b | c |\n|---|---|---|\n" + rows).encode()))
    assert doc.format == "markdown"
    assert len(doc.blocks) == 20_001
    assert doc.text[doc.blocks[-1].start : doc.blocks[-1].end] == "19999\tv19999\tc"
    assert len(doc.emphasis) == 20_000
    assert_ranges_valid(doc)


def test_markdown_file_with_cp1252_keeps_encoding_note(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "n.md", "# “Title”\r\n\r\nBody".encode("cp1252")))
    assert doc.text == "“Title”\nBody"
    assert doc.encoding == "cp1252"
    assert doc.note and "cp1252" in doc.note


# --------------------------------------------------------------------------- wide encodings without a BOM


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_without_bom_is_detected(tmp_path: Path, codec: str) -> None:
    text = "Der Bürgermeister sagte: „Die Brücke bleibt zu.“ 😀\nZweite Zeile.\n"
    doc = load_document(write(tmp_path, "wide.txt", text.encode(codec)))
    assert doc.text == text
    assert doc.encoding == codec


def test_wide_detection_does_not_accept_binary() -> None:
    from framereader.core.documents.text import guess_wide_encoding

    assert guess_wide_encoding(bytes(range(256)) * 64) is None
    assert guess_wide_encoding(b"abc\x00def" + b"x" * 100) is None
    assert guess_wide_encoding(b"\x00\x01" * 2000) is None  # U+0001 controls are not text
    assert guess_wide_encoding("plain ascii".encode()) is None


# --------------------------------------------------------------------------- pipes and devices never block


def _load_in_thread(path: str) -> tuple[float, BaseException | None]:
    import threading

    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            load_document(path)
            outcome.append(None)
        except BaseException as exc:  # handed back to the test
            outcome.append(exc)

    started = time.perf_counter()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), "load_document blocked"
    return time.perf_counter() - started, outcome[0]


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    elapsed, error = _load_in_thread(str(fifo))
    assert isinstance(error, DocumentError) and "not a regular file" in error.reason
    assert elapsed < 2


def test_path_swapped_for_a_fifo_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "story.txt", b"text")
    real_open = os.open

    def swap_then_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(file) == str(path) and path.is_file():  # swapped after any earlier check
            path.unlink()
            os.mkfifo(path)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(limits.os, "open", swap_then_open)
    _, error = _load_in_thread(str(path))
    assert isinstance(error, DocumentError) and "not a regular file" in error.reason


def test_device_is_refused() -> None:
    _, error = _load_in_thread("/dev/zero")
    assert isinstance(error, DocumentError) and "not a regular file" in error.reason


# --------------------------------------------------------------------------- pathological Markdown


@pytest.mark.parametrize(
    "text",
    [
        (">" * 3000 + " deep quote\n") * 1500,  # 4.5 MB of quotes nested 3,000 deep
        ">" * 3000 + " start\n" + "lazy continuation line\n" * 195_000,
        (">" * 49 + " quote text here\n") * 80_000,
        ">" * 49 + " start\n" + "lazy continuation line\n" * 195_000,
    ],
)
def test_pathological_markdown_is_quick(text: str) -> None:
    started = time.perf_counter()
    doc = document_from_text(text, markdown=True)
    assert time.perf_counter() - started < 5.0
    assert doc.format == "text" and doc.text == text
    assert doc.note and "nested too deeply" in doc.note


def test_modest_quotes_still_render() -> None:
    doc = document_from_text("> > > a reply to a reply\n" * 100, markdown=True)
    assert doc.format == "markdown"
    assert doc.blocks[0].kind == "quote" and doc.blocks[0].level == 3


def test_gc_pause_is_counted_and_restored() -> None:
    import gc

    assert gc.isenabled()
    with limits.gc_paused():
        with limits.gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(DocumentError), limits.gc_paused():
        raise DocumentError("x", "boom")
    assert gc.isenabled()
