"""Character normalisation of a decoded article: NFKC, line ends and invisible characters.

Every character is normalised on its own (NFKC of the code point), so each character of the result
comes from exactly one original character and the offset map stays exact:

- NFKC turns full-width punctuation, digits and letters into their ASCII forms (``，`` -> ``,``,
  ``２０２１`` -> ``2021``, the ideographic space -> `` ``) and compatibility ideographs into the
  unified ones; ``“ ” 《 》 、 。`` are not touched by NFKC. The ellipsis ``…`` (and ``‥``) is kept
  as it is: NFKC would write ``......``, which a figure reader would take for decimal points
  (``10......``).
- ``\\r\\n`` and a lone ``\\r`` become ``\\n``; so do the other line and page separators (VT, FF,
  NEL, U+2028, U+2029), so that later steps see one kind of line end.
- Invisible characters that can cut a name in two (zero-width space, joiners, word joiner, BOM,
  soft hyphen) are removed.
- Corner brackets, the quotation marks of traditional-character texts (``「」『』``, and the
  half-width ``｢｣``), become the curly quotes ``“”‘’`` of simplified texts, so that a name quoted
  either way is read the same (``「深港科普聯盟」`` and ``“深港科普联盟”``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .offsets import OffsetMap, RunBuilder

__all__ = ["KEPT", "LINE_BREAKS", "QUOTES", "REMOVED", "normalize_chars", "normalized_char"]

#: Characters NFKC would change that we keep (besides every character of category No).
KEPT = frozenset("\u2026\u2025")
#: Characters that end a line, besides ``\n``.
LINE_BREAKS = frozenset("\r\x0b\x0c\x85\u2028\u2029")
#: Characters removed from the reading text.
REMOVED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
#: Corner brackets and what they become (one character for one).
QUOTES = {"「": "“", "」": "”", "『": "‘", "』": "’", "｢": "“", "｣": "”"}


def normalized_char(char: str) -> str:
    """Return what one original character becomes in the reading text (before t2s and layout)."""
    if char in REMOVED:
        return ""
    if char in QUOTES:
        return QUOTES[char]
    if char in LINE_BREAKS:
        return "\n"
    if char in KEPT or unicodedata.category(char) == "No":
        return char
    return unicodedata.normalize("NFKC", char)


def _ranges_class(chars: list[str]) -> str:
    """Write a regex character class for ``chars`` as compactly as ranges allow."""
    codes = sorted(ord(c) for c in chars)
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(parts) + "]"


# The code points worth asking about. Skipped: CJK unified ideographs (U+3400-9FFF and planes 2-3
# outside the compatibility block U+2F800-2FA1F), which Unicode's stability policy keeps free of
# decompositions; precomposed Hangul syllables (U+AC00-D7A3), which NFKC recomposes to themselves;
# surrogates; and the unassigned, tag and private-use planes 4-16 (checked by the tests).
_SCANNED = (
    (0x0000, 0x3400),
    (0xA000, 0xAC00),
    (0xD7A4, 0xD800),
    (0xE000, 0x20000),
    (0x2F800, 0x2FA20),
    (0xE0000, 0xE1000),
)


@cache
def _table() -> tuple[dict[str, str], re.Pattern[str]]:
    """Build (once per process) the replacement table: every character we change, and to what.

    Computed from the running Python's Unicode database rather than shipped, so it always agrees
    with ``unicodedata``; it takes a few hundredths of a second.
    """
    table: dict[str, str] = {}
    for first, stop in _SCANNED:
        for code in range(first, stop):
            char = chr(code)
            new = normalized_char(char)
            if new != char:
                table[char] = new
    # Characters that NFKC leaves alone but we still change: is_normalized() cannot see them.
    extra = re.compile(_ranges_class(sorted(REMOVED | LINE_BREAKS | set(QUOTES))))
    return table, extra


@cache
def _changed() -> re.Pattern[str]:
    """A pattern for any one character of the table: finds what a text has to change at C speed
    (where a set of the text's characters or a translation would look up every character).

    ``re`` tests a class of characters below U+10000 against a bitmap, and a class with larger
    ones range by range: the larger ones are a second class, tried only at such characters.
    """
    table, _ = _table()
    basic = sorted(char for char in table if ord(char) < 0x10000)
    astral = sorted(char for char in table if ord(char) >= 0x10000)
    return re.compile(_ranges_class(basic) + "|(?=[\U00010000-\U0010ffff])" + _ranges_class(astral))


def _replace(match: re.Match[str]) -> str:
    return _table()[0][match.group()]


@cache
def _finder(chars: frozenset[str]) -> re.Pattern[str]:
    """A pattern for CRLF and the given characters (those of one text that change length)."""
    return re.compile("\r\n|" + _ranges_class(sorted(chars)) if chars else "\r\n")


def normalize_chars(original: str) -> tuple[str, OffsetMap]:
    """Normalise ``original`` char by char; return the text and its map to ``original``.

    Only the characters that change are looked at (a pattern of the table's characters finds
    them): those that become one character are replaced where they stand (the map does not
    change), and only CRLF and the characters that expand or vanish are visited one by one, to
    build the runs of the map.
    """
    table, extra = _table()
    if unicodedata.is_normalized("NFKC", original) and not extra.search(original):
        return original, OffsetMap.identity(len(original))
    present = set(_changed().findall(original))
    resized = frozenset(char for char in present if len(table[char]) != 1)
    if not resized and "\r\n" not in original:
        # every change is one character for one: the map stays the identity
        return _changed().sub(_replace, original), OffsetMap.identity(len(original))
    one_to_one = {ord(char): table[char] for char in present if len(table[char]) == 1}
    parts: list[str] = []
    builder = RunBuilder()
    last = 0
    for match in _finder(resized).finditer(original):
        begin = match.start()
        if begin > last:
            parts.append(original[last:begin])
            builder.add(last, begin - last)
        token = match.group()
        if token == "\r\n":
            parts.append("\r")  # made "\n" below; it stands for the pair, the LF is dropped
            builder.add(begin, 1)
        else:
            new = table[token]
            parts.append(new)
            builder.repeat(begin, len(new))  # an expansion (℃ -> °C) or a removal ("")
        last = match.end()
    if last < len(original):
        parts.append(original[last:])
        builder.add(last, len(original) - last)
    return "".join(parts).translate(one_to_one), builder.build()
