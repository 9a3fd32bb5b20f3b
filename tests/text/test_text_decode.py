"""Decoding article bytes: encodings, BOMs, line ends, binary and empty input, file errors."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from kexie_graph.errors import DecodeError, InputError
from kexie_graph.text import DEFAULT_MAX_BYTES, decode_bytes, read_article_text

# Short texts of the genre written for these tests.
SIMPLIFIED = (
    "省科协召开第三届学术年会，三百名科技工作者参加。\n会议由市科协主办，学会服务站揭牌。\n"
)
TRADITIONAL = "澳門科學技術協進會舉辦學術年會，三百名科技工作者參加。\n會議由學會主辦。\n"
MIXED_ASCII = "2023年5月19日，科协 annual meeting 在青岛召开 (第21届)。\n"


def _png() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(SIMPLIFIED.encode("utf-8"), SIMPLIFIED, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, id="utf-8-bom"),
        pytest.param(SIMPLIFIED.encode("gbk"), SIMPLIFIED, id="gbk"),
        pytest.param(SIMPLIFIED.encode("gb18030"), SIMPLIFIED, id="gb18030"),
        pytest.param(MIXED_ASCII.encode("gbk"), MIXED_ASCII, id="gbk-with-ascii"),
        pytest.param(TRADITIONAL.encode("big5"), TRADITIONAL, id="big5"),
        pytest.param(TRADITIONAL.encode("cp950"), TRADITIONAL, id="cp950"),
        pytest.param("科协".encode("gbk"), "科协", id="gbk-two-characters"),
        pytest.param("臺灣".encode("big5"), "臺灣", id="big5-two-characters"),
        pytest.param(b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, id="utf-16-be-bom"),
        pytest.param(SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, id="utf-16-le-no-bom"),
        pytest.param(SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, id="utf-16-be-no-bom"),
        pytest.param(MIXED_ASCII.encode("utf-16-le"), MIXED_ASCII, id="utf-16-le-no-bom-ascii"),
        pytest.param(
            b"\xff\xfe\x00\x00" + SIMPLIFIED.encode("utf-32-le"), SIMPLIFIED, id="utf-32-le"
        ),
        pytest.param(
            b"\x00\x00\xfe\xff" + SIMPLIFIED.encode("utf-32-be"), SIMPLIFIED, id="utf-32-be"
        ),
        pytest.param(b"plain ASCII article\n", "plain ASCII article\n", id="ascii"),
    ],
)
def test_encodings_are_detected(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "a.txt") == expected


_NEWLINES = {"crlf": "\r\n", "cr": "\r", "lf": "\n", "line-separator": "\u2028"}


@pytest.mark.parametrize(
    ("newline", "encoding"),
    [
        pytest.param(newline, encoding, id=f"{name}-{encoding}")
        for name, newline in _NEWLINES.items()
        for encoding in ("utf-8", "gbk", "utf-16")
        if not (encoding == "gbk" and name == "line-separator")  # GBK cannot encode U+2028
    ],
)
def test_line_ends_are_kept_exactly(newline: str, encoding: str) -> None:
    text = newline.join(["第一段，科协。", "", "第二段，学会。", ""])
    assert decode_bytes(text.encode(encoding), "a.txt") == text


@pytest.mark.parametrize(
    ("data", "what"),
    [
        pytest.param(_png(), "PNG image", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "JPEG image", id="jpeg"),
        pytest.param(b"GIF89a\x01\x00\x01\x00" + bytes(16), "GIF image", id="gif"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00" + bytes(30), "ZIP archive", id="zip-docx"),
        pytest.param(b"\x7fELF\x02\x01\x01" + bytes(40), "executable", id="elf"),
        pytest.param(b"\x1f\x8b\x08\x00" + zlib.compress(b"x" * 50), "gzip", id="gz"),
        pytest.param(bytes(range(256)) * 4, "NUL bytes", id="all-bytes"),
        pytest.param(b"abc\x00def\x00\x01\x02ghi" * 10, "NUL bytes", id="nul-bytes"),
        pytest.param(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20 + b"text", "control", id="controls"),
    ],
)
def test_binary_data_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, "photo.txt")
    message = str(caught.value)
    assert message.startswith("photo.txt: ")
    assert what in message
    assert "plain-text article" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        pytest.param(b"\x81\x8d\x8f\x90\x9d" * 20, "no text encoding", id="high-bytes"),
        pytest.param(b"abc \xff\xfe\xfd\xfc def", "no text encoding", id="ascii-and-junk"),
        pytest.param(
            "科学技术协会".encode() + b"\xff" + "召开学术年会".encode(),
            "invalid bytes (the first at byte 18)",
            id="utf-8-with-a-broken-byte",
        ),
        pytest.param(
            b"\xef\xbb\xbf\xe7\xa7", "UTF-8 byte-order mark but byte 3", id="bad-after-bom"
        ),
    ],
)
def test_undecodable_bytes_are_refused(data: bytes, fragment: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, "bad.txt")
    message = str(caught.value)
    assert message.startswith("bad.txt: ")
    assert fragment in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\r\n  ",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf \n",
        b"\xff\xfe" + " \n".encode("utf-16-le"),
        "\u3000\u3000\n".encode(),
        "\ufeff\u200b \u00ad\n".encode(),
    ],
    ids=[
        "zero-bytes",
        "whitespace",
        "bom-only",
        "bom-whitespace",
        "utf-16-spaces",
        "ideographic",
        "invisible",
    ],
)
def test_empty_input_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "empty.txt")
    assert not isinstance(caught.value, DecodeError)
    assert str(caught.value) == "empty.txt: the file is empty; give an article with text"


def test_read_article_text_reads_and_decodes(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(SIMPLIFIED.replace("\n", "\r\n").encode("gbk"))
    assert read_article_text(path) == SIMPLIFIED.replace("\n", "\r\n")
    assert read_article_text(str(path)) == SIMPLIFIED.replace("\n", "\r\n")


def test_read_article_text_default_cap() -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize("case", ["missing", "folder", "too-big", "fifo", "unreadable"])
def test_read_article_text_errors_are_one_line_with_the_fix(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "article.txt"
    cap = DEFAULT_MAX_BYTES
    expected = {
        "missing": "no such file; check the path",
        "folder": "is a folder, not a file",
        "too-big": "over the limit of 10 bytes",
        "fifo": "is not a regular file",
        "unreadable": "cannot be read (Permission denied)",
    }[case]
    if case == "folder":
        path.mkdir()
    elif case == "too-big":
        path.write_text("科协" * 10, encoding="utf-8")
        cap = 10
    elif case == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        os.mkfifo(path)
    elif case == "unreadable":
        path.write_text("科协", encoding="utf-8")

        def refuse(*args: object, **kwargs: object) -> object:
            raise PermissionError(13, "Permission denied")

        # Tests may run as root, for whom chmod 000 does not stop reading.
        monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError) as caught:
        read_article_text(path, max_bytes=cap)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message


def test_read_article_text_refuses_binary_files(tmp_path: Path) -> None:
    path = tmp_path / "figure.txt"
    path.write_bytes(_png())
    with pytest.raises(DecodeError, match=r"figure\.txt: this is a PNG image, not text"):
        read_article_text(path)
