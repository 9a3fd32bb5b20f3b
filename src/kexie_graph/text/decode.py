"""Bytes of an article file -> its original text (CONTRACT.md, "Text and offsets").

The encoding is detected, a byte-order mark removed, line ends kept exactly as they are (the bytes
are decoded, never read through a text-mode file). In order:

1. A BOM decides: UTF-8, UTF-32 LE/BE, UTF-16 LE/BE.
2. Known binary formats (PNG, JPEG, GIF, PDF, ZIP/DOCX, ...) are refused by their magic number.
3. NUL bytes mean UTF-16/32 without a BOM when one of them reads as Chinese or ASCII text;
   otherwise the data is binary.
4. Data with many control bytes is binary.
5. Strict UTF-8 (ASCII included).
6. GB18030 (a superset of GBK and GB2312) and Big5 (as cp950, then Big5-HKSCS), each strictly; if
   both decode, the one whose ideographs are more often common characters wins (GB2312 level 1 and
   Big5's frequent characters). Big5 read as GB18030 is full of kana, Cyrillic and rare ideographs,
   and GBK read as Big5 of rarer characters, so the right one scores near 1 and the wrong one well
   below.
7. Data that is UTF-8 but for a few broken bytes is refused, naming the first one, rather than
   read as some other encoding.
8. charset-normalizer for anything else (other legacy encodings), if it recognises a language in
   what it decodes.

Errors are one line naming the source and the fix: :class:`~kexie_graph.errors.DecodeError` for
binary or undecodable data, :class:`~kexie_graph.errors.InputError` for an empty file and for files
that cannot be read.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from functools import cache
from pathlib import Path

from ..errors import DecodeError, InputError

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "read_article_text"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"OggS", "an Ogg audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_FIX_BINARY = "give a plain-text article (.txt)"
_FIX_ENCODING = "save the article as UTF-8 text and try again"
#: Share of control characters above which data is binary (text has tabs and line ends only).
_CONTROL_SHARE = 0.05
#: Share of common characters a GB18030 or Big5 reading must reach to be believed.
_COMMON_SHARE = 0.8
#: Largest "mess" ratio of a charset-normalizer answer that we believe.
_MAX_CHAOS = 0.2
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1a\x1b")  # \x1a: DOS end of file; \x1b: ISO-2022


def _binary(source: str, what: str) -> DecodeError:
    return DecodeError(f"{source}: this is {what}, not text; {_FIX_BINARY}")


def _control_share_bytes(data: bytes) -> float:
    sample = data[:65536]
    controls = sum(
        1 for byte in sample if (byte < 0x20 or byte == 0x7F) and byte not in _TEXT_CONTROLS
    )
    return controls / len(sample)


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    controls = sum(
        1
        for char in sample
        if unicodedata.category(char) in ("Cc", "Cs", "Cn") and char not in "\t\n\r\x0b\x0c\x1a\x1b"
    )
    return controls / len(sample)


def _utf16_32_without_bom(data: bytes) -> str | None:
    """Decode ``data`` as BOM-less UTF-16/32 when one of them reads as text.

    UTF-32 is tried when every code unit has NUL high bytes; UTF-16 in both byte orders. The text
    must read as Chinese or ASCII text (random binary decodes to rare characters, and the wrong byte
    order to random ideographs); the best reading wins.
    """
    candidates: list[str] = []
    if len(data) % 4 == 0:
        quads = [data[k::4].count(0) for k in range(4)]
        rows = len(data) // 4
        if quads[2] == rows == quads[3]:
            candidates.append("utf-32-le")
        if quads[0] == rows == quads[1]:
            candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    best: tuple[float, str] | None = None
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > _CONTROL_SHARE:
            continue
        score = _text_share(text)
        if score >= _COMMON_SHARE and (best is None or score > best[0]):
            best = (score, text)
    return None if best is None else best[1]


def _text_share(text: str) -> float:
    """Share of the characters of ``text`` that are ASCII text or common Chinese characters."""
    common = _common_characters()
    sample = text[:65536]
    hits = sum(1 for char in sample if (" " <= char <= "~") or char in "\t\n\r" or char in common)
    return hits / len(sample) if sample else 1.0


@cache
def _common_characters() -> frozenset[str]:
    """Ideographs and punctuation that ordinary Chinese text is made of.

    GB2312 level 1 (the 3,755 most used simplified characters, rows 0xB0-0xD7) and Big5's
    frequently used characters (0xA440-0xC67E, 5,401 traditional characters), plus the CJK and
    full-width punctuation rows of both. Computed from Python's own codecs, so nothing is shipped.
    """
    chars: set[str] = set()
    trails = list(range(0xA1, 0xFF))
    for lead in [0xA1, 0xA3, *range(0xB0, 0xD8)]:  # GB2312: punctuation, full-width ASCII, level 1
        for trail in trails:
            chars.update(bytes((lead, trail)).decode("gb2312", errors="ignore"))
    big5_trails = [*range(0x40, 0x7F), *trails]
    for lead in range(
        0xA1, 0xC7
    ):  # Big5: punctuation rows 0xA1-0xA3, frequent characters 0xA4-0xC6
        for trail in big5_trails:
            if lead == 0xC6 and trail > 0x7E:
                break
            chars.update(bytes((lead, trail)).decode("cp950", errors="ignore"))
    chars.update("“”‘’—…·、。〈〉《》「」『』【】〔〕")
    return frozenset(chars)


def _common_share(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common Chinese characters."""
    common = _common_characters()
    sample = [char for char in text[:65536] if ord(char) > 0x7F]
    if not sample:
        return 1.0
    return sum(1 for char in sample if char in common) / len(sample)


def _chinese_legacy(data: bytes) -> str | None:
    """Decode ``data`` as GB18030 or Big5, whichever reads as more common Chinese characters."""
    best: tuple[float, int, str] | None = None
    for rank, encoding in enumerate(("gb18030", "cp950", "big5hkscs")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _common_share(text)
        # Ties go to the earlier encoding (GB18030 first: it is the national standard).
        if best is None or score > best[0]:
            best = (score, rank, text)
    if best is not None and best[0] >= _COMMON_SHARE:
        return best[2]
    return None


def _detected(data: bytes) -> str | None:
    """Ask charset-normalizer; keep its answer only if it recognised a language in the result.

    On bytes that are no text at all it still names some single-byte or Korean code page; such
    answers come with no language (coherence 0) and are refused.
    """
    from charset_normalizer import from_bytes  # imported on use: it loads many language models

    match = from_bytes(data).best()
    if match is None or match.coherence <= 0 or match.chaos > _MAX_CHAOS:
        return None
    text = str(match)
    if _control_share(text) > _CONTROL_SHARE or "\ufffd" in text:
        return None
    return text


def _mostly_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 apart from a few broken bytes (then we say where, not guess)."""
    decoded = data.decode("utf-8", errors="replace")
    broken = decoded.count("\ufffd")
    valid = sum(1 for char in decoded if ord(char) > 0x7F) - broken
    return valid > 0 and valid >= 2 * broken


def decode_bytes(data: bytes, source: str) -> str:
    """Decode the bytes of an article file named ``source`` (used in error messages)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                name, at = encoding.upper(), error.start + len(bom)
                raise DecodeError(
                    f"{source}: starts with a {name} byte-order mark but byte {at} is not {name}; "
                    f"{_FIX_ENCODING}"
                ) from None
            return _not_empty(text, source)
    if not data.strip():
        _not_empty("", source)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _binary(source, what)
    if b"\x00" in data:
        wide = _utf16_32_without_bom(data)
        if wide is None:
            raise _binary(source, "binary data (it contains NUL bytes)")
        return _not_empty(wide, source)
    if _control_share_bytes(data) > _CONTROL_SHARE:
        raise _binary(source, "binary data (it is full of control bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        if _control_share(text) > _CONTROL_SHARE:
            raise _binary(source, "binary data (it is full of control characters)")
        return _not_empty(text, source)
    legacy = _chinese_legacy(data)
    if legacy is None and _mostly_utf8(data):
        raise DecodeError(
            f"{source}: is UTF-8 except for invalid bytes (the first at byte {utf8_error.start}); "
            f"repair or re-save the file as UTF-8"
        )
    if legacy is None:
        legacy = _detected(data)
    if legacy is None:
        raise DecodeError(
            f"{source}: the bytes are in no text encoding we can detect (tried UTF-8, UTF-16, "
            f"GB18030, Big5 and others); {_FIX_ENCODING}"
        )
    return _not_empty(legacy, source)


# A character that shows: not whitespace, and not one of the invisible characters that the reading
# text drops (zero-width space and joiners, word joiner, BOM, soft hyphen).
_VISIBLE = re.compile("[^\\s\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _not_empty(text: str, source: str) -> str:
    if _VISIBLE.search(text) is None:
        raise InputError(f"{source}: the file is empty; give an article with text")
    return text


def read_article_text(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read and decode the article file at ``path`` (at most ``max_bytes`` bytes)."""
    name = os.fspath(path)
    file = Path(name)
    try:
        info = file.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file; check the path") from None
    except OSError as error:
        raise InputError(
            f"{name}: cannot be read ({error.strerror}); check the path and its permissions"
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            f"{name}: is a folder, not a file; give the path of an article file (.txt)"
        )
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{name}: is not a regular file; give the path of an article file (.txt)")
    if info.st_size > max_bytes:
        raise InputError(
            f"{name}: is {info.st_size} bytes, over the limit of {max_bytes} bytes; "
            "split it into one file per article"
        )
    try:
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as error:
        raise InputError(
            f"{name}: cannot be read ({error.strerror}); check its permissions"
        ) from None
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: is over the limit of {max_bytes} bytes; split it into one file per article"
        )
    return decode_bytes(data, name)
