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
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .offsets import OffsetMap, RunBuilder

__all__ = ["KEPT", "LINE_BREAKS", "REMOVED", "normalize_chars", "normalized_char"]

#: Characters NFKC would change that we keep.
KEPT = frozenset("\u2026\u2025")
#: Characters that end a line, besides ``\n``.
LINE_BREAKS = frozenset("\r\x0b\x0c\x85\u2028\u2029")
#: Characters removed from the reading text.
REMOVED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def normalized_char(char: str) -> str:
    """Return what one original character becomes in the reading text (before t2s and layout)."""
    if char in REMOVED:
        return ""
    if char in LINE_BREAKS:
        return "\n"
    if char in KEPT:
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


@cache
def _table() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Build (once per process) the replacement table and the patterns that find what to replace.

    Computed from the running Python's Unicode database rather than shipped, so it always agrees
    with ``unicodedata``; it takes about a tenth of a second.
    """
    table: dict[str, str] = {}
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        new = normalized_char(char)
        if new != char:
            table[char] = new
    finder = re.compile("\r\n|" + _ranges_class(list(table)))
    # Characters that NFKC leaves alone but we still change: is_normalized() cannot see them.
    extra = re.compile(_ranges_class(sorted(REMOVED | LINE_BREAKS)))
    return table, finder, extra


def normalize_chars(original: str) -> tuple[str, OffsetMap]:
    """Normalise ``original`` char by char; return the text and its map to ``original``."""
    table, finder, extra = _table()
    if unicodedata.is_normalized("NFKC", original) and not extra.search(original):
        return original, OffsetMap.identity(len(original))
    parts: list[str] = []
    builder = RunBuilder()
    last = 0
    for match in finder.finditer(original):
        begin = match.start()
        if begin > last:
            parts.append(original[last:begin])
            builder.add(last, begin - last)
        token = match.group()
        if token == "\r\n":
            parts.append("\n")
            builder.add(begin + 1, 1)  # the LF stands for the pair; the CR is dropped
        else:
            new = table[token]
            parts.append(new)
            if len(new) == 1:
                builder.add(begin, 1)
            else:
                builder.repeat(begin, len(new))  # an expansion (℃ -> °C) or a removal ("" )
        last = match.end()
    if last < len(original):
        parts.append(original[last:])
        builder.add(last, len(original) - last)
    return "".join(parts), builder.build()
