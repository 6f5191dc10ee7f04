"""Plain text: decoding bytes (BOMs, UTF-16/32 without a BOM, UTF-8, Windows-1252, Latin-1),
newline normalisation, the binary check and paragraph blocks.

Plain text keeps the file's text as it is (only newlines normalised); its blocks are the
paragraphs between blank lines.
"""

from __future__ import annotations

import unicodedata

from ..platform.text_safety import clean_input

from ..model import Block

SNIFF_BYTES = 8192  # how much of the start of a file the binary check looks at
CONTROL_SHARE_LIMIT = 0.10  # more control characters than this in the sniffed chunk → binary
ODD_SHARE_LIMIT = 0.01  # UTF-16/32 guesses: at most this share of controls/unassigned characters

BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0", "an old-style Word or Office file (.doc); save it as .docx and open that"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF-", "a PDF"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")


def decode_bytes(data: bytes) -> tuple[str, str, str | None]:
    """Decode file bytes; returns (text, encoding used, note for the user or None).

    A BOM decides UTF-8/16/32; then UTF-16/32 without a BOM is recognised by its pattern of zero
    bytes (and accepted only if it decodes to ordinary characters); otherwise UTF-8, then
    Windows-1252, then Latin-1 (which never fails).
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom):], codec)
    wide = guess_wide_encoding(data)
    if wide:
        return _decode_with_bom(data, wide)
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    wide = guess_utf16_without_zeros(data)
    if wide:
        return _decode_with_bom(data, wide)
    try:
        note = (
            "The file was not valid UTF-8 and was read as Windows-1252 (cp1252); "
            "check accented letters."
        )
        return data.decode("cp1252"), "cp1252", note
    except UnicodeDecodeError:
        note = (
            "The file was not valid UTF-8 or Windows-1252 and was read as Latin-1 (ISO-8859-1); "
            "check accented letters."
        )
        return data.decode("latin-1"), "latin-1", note


def guess_wide_encoding(data: bytes) -> str | None:
    """'utf-32-le/be' or 'utf-16-le/be' for BOM-less wide text, judged on the first 8 KB; else None."""
    sample = data[: SNIFF_BYTES - SNIFF_BYTES % 4]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    usable = len(sample) - len(sample) % 4
    quarters = [sample[i:usable:4].count(0) for i in range(4)]
    unit = usable // 4
    candidates: list[str] = []
    if quarters[3] == unit and quarters[2] >= 0.9 * unit and quarters[0] < 0.5 * unit:
        candidates.append("utf-32-le")
    if quarters[0] == unit and quarters[1] >= 0.9 * unit and quarters[3] < 0.5 * unit:
        candidates.append("utf-32-be")
    even_len = len(sample) - len(sample) % 2
    half = even_len // 2
    even_zeros = sample[0:even_len:2].count(0)
    odd_zeros = sample[1:even_len:2].count(0)
    if odd_zeros >= 0.1 * half and even_zeros <= 0.1 * odd_zeros:
        candidates.append("utf-16-le")
    if even_zeros >= 0.1 * half and odd_zeros <= 0.1 * even_zeros:
        candidates.append("utf-16-be")
    for codec in candidates:
        width = 4 if codec.startswith("utf-32") else 2
        try:
            chunk = sample[: len(sample) - len(sample) % width].decode(codec)
        except UnicodeDecodeError:
            try:  # the 8 KB cut may have split a surrogate pair
                chunk = sample[: len(sample) - len(sample) % width - width].decode(codec)
            except UnicodeDecodeError:
                continue
        if chunk and _looks_like_text(chunk):
            return codec
    return None


def guess_utf16_without_zeros(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for BOM-less UTF-16 text with few or no zero bytes (Chinese,
    Japanese, Korean: almost every character has two non-zero bytes), else None.

    Called once the bytes are known not to be UTF-8. The zero bytes that are there (spaces,
    digits, ASCII punctuation) must all fall on one side: odd offsets for little-endian, even
    for big-endian. Then the sample must decode to ordinary text, and most of its letters must
    be in the scripts written this way (a byte-swapped reading lands in other blocks)."""
    sample = data[: SNIFF_BYTES]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 8 or len(data) % 2:
        return None
    # Two bytes per character spread over the whole byte range: many bytes are >= 0x80, where
    # Western text in a one-byte code page has only its few accented letters (its ASCII letter
    # pairs would otherwise read as CJK ideographs: "Re" is U+6552).
    if sum(1 for byte in sample if byte >= 0x80) < 0.25 * len(sample):
        return None
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    best: tuple[float, str] | None = None
    for codec, wrong_side in (("utf-16-le", even_zeros), ("utf-16-be", odd_zeros)):
        if wrong_side:
            continue
        try:
            chunk = sample.decode(codec)
        except UnicodeDecodeError:
            try:  # the 8 KB cut may have split a surrogate pair
                chunk = sample[:-2].decode(codec)
            except UnicodeDecodeError:
                continue
        if not chunk or not _looks_like_text(chunk):
            continue
        letters = [ch for ch in chunk if ch.isalpha()]
        if not letters:
            continue
        share = sum(1 for ch in letters if _wide_script(ch)) / len(letters)
        if share >= 0.6 and (best is None or share > best[0]):
            best = (share, codec)
    return best[1] if best else None


def _wide_script(ch: str) -> bool:
    """A letter of a script whose UTF-16 has no zero byte: CJK ideographs, kana, Hangul."""
    code = ord(ch)
    return (0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF
            or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F)


def _looks_like_text(chunk: str) -> bool:
    """True when nearly every character is printable text (no NULs, few controls or unassigned)."""
    if "\x00" in chunk:
        return False
    odd = 0
    for ch in chunk:
        if ch < " " or ch == "\x7f":
            odd += ch not in _ALLOWED_CONTROLS
        elif ch > "\x7f" and unicodedata.category(ch) in ("Cn", "Co", "Cs", "Cc"):
            odd += 1
    return odd <= ODD_SHARE_LIMIT * len(chunk)


def normalise_text(text: str) -> str:
    """Turn \\r\\n and \\r into \\n and drop a leading BOM; control characters (NUL…, anywhere
    in the file: the binary check sees only its start) are removed and page breaks become line
    breaks (`text_safety.clean_input`); every other character is kept."""
    text = clean_input(text.removeprefix("\ufeff"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def plain_text_blocks(text: str) -> tuple[Block, ...]:
    """Paragraph blocks of plain text: runs of non-blank lines, without the blank lines around them."""
    blocks: list[Block] = []
    start: int | None = None  # start of the current paragraph
    end = 0  # end of its last non-blank line
    pos = 0
    for line in text.split("\n"):
        line_end = pos + len(line)
        if line.strip():
            if start is None:
                start = pos
            end = line_end
        elif start is not None:
            blocks.append(Block("paragraph", start, end))
            start = None
        pos = line_end + 1
    if start is not None:
        blocks.append(Block("paragraph", start, end))
    return tuple(blocks)


#: A headline is at most this many characters and words (a first line any longer is prose).
HEADLINE_MAX_CHARS = 150
HEADLINE_MAX_WORDS = 22
#: What a headline never ends with: a full stop (or an ellipsis), a comma, a colon or a semicolon.
_NOT_HEADLINE_ENDINGS = (".", "…", ",", ":", ";")
_CLOSERS = "\"'”’»)]"
_LIST_MARKERS = ("-", "*", "•", "#", ">", "–", "—")
_MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())


def headline_span(text: str) -> tuple[int, int] | None:
    """[start, end) of the first line of plain text when it reads like a headline: a short line
    (at most 150 characters and 22 words, two words or more with letters) beginning with a
    capital letter or a figure, not ending like a sentence or a clause (full stop, ellipsis,
    comma, colon, semicolon), standing alone (a blank line after it) with more text below; not
    a byline ("By …"), a list item or a bare date. None otherwise."""
    start = len(text) - len(text.lstrip())
    start = text.rfind("\n", 0, start) + 1  # the whole first non-blank line
    end = text.find("\n", start)
    if end < 0:
        return None  # one line and nothing below it: a text, not a headline
    line = text[start:end].strip()
    rest = text[end + 1:]
    first_line_after, _newline, body = rest.partition("\n")
    if not line or first_line_after.strip() or not body.strip():
        return None  # no blank line after it, or no text below the blank line
    if len(line) > HEADLINE_MAX_CHARS or line.startswith(_LIST_MARKERS):
        return None
    words = line.split()
    lettered = [w for w in words if any(ch.isalpha() for ch in w)]
    if len(words) > HEADLINE_MAX_WORDS or len(lettered) < 2:
        return None
    first = next((ch for ch in line if ch.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return None
    if line.rstrip(_CLOSERS).endswith(_NOT_HEADLINE_ENDINGS):
        return None
    if words[0].casefold() == "by" or all(w.strip(",.").casefold() in _MONTHS for w in lettered):
        return None  # a byline, or a date ("Tuesday 5 March 2024")
    offset = text.index(line, start)
    return offset, offset + len(line)


def plain_text_with_headline(text: str) -> tuple[tuple[Block, ...], str | None]:
    """Paragraph blocks of plain text, the first one a level-1 heading when it reads like a
    headline (`headline_span`), and that headline as the title (None without one)."""
    blocks = plain_text_blocks(text)
    span = headline_span(text)
    if span is None or not blocks or not blocks[0].start <= span[0] < span[1] <= blocks[0].end:
        return blocks, None
    heading = Block("heading", blocks[0].start, blocks[0].end, 1)
    return (heading, *blocks[1:]), " ".join(text[span[0]:span[1]].split())


def binary_reason(data: bytes) -> str | None:
    """A sentence saying why `data` looks binary, or None if it looks like text."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return f"This looks like {what}, not a text file; copy its text and paste it instead."
    if guess_wide_encoding(data) or guess_utf16_without_zeros(data):
        return None
    sample = _sniff_sample(data)
    if not sample:
        return None
    if "\x00" in sample:
        return "This looks like a binary file (it contains NUL bytes), not a text file."
    controls = sum(1 for ch in sample if (ch < " " or ch == "\x7f") and ch not in _ALLOWED_CONTROLS)
    if controls / len(sample) > CONTROL_SHARE_LIMIT:
        return "This looks like a binary file (it is full of control characters), not a text file."
    return None


def _sniff_sample(data: bytes) -> str:
    """The start of the file as characters: decoded for UTF-16/32 BOM files, byte-per-char otherwise."""
    chunk = data[:SNIFF_BYTES]
    for bom, codec in BOMS:
        if chunk.startswith(bom) and codec != "utf-8-sig":
            return chunk[len(bom):].decode(codec, errors="replace")
    return chunk.decode("latin-1")


def _decode_with_bom(body: bytes, codec: str) -> tuple[str, str, str | None]:
    """Decode UTF bytes (after any BOM), replacing (and reporting) invalid sequences."""
    plain_codec = codec.removesuffix("-sig")
    try:
        return body.decode(plain_codec), codec, None
    except UnicodeDecodeError:
        note = (
            f"The file is marked as {plain_codec.upper()} but contains invalid bytes; "
            "they are shown as \ufffd."
        )
        return body.decode(plain_codec, errors="replace"), codec, note
