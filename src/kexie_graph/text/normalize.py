"""The reading text: what the extractors read, with a map back to the original characters.

:func:`prepare` runs three steps, each keeping the map to ORIGINAL offsets (CONTRACT.md, "Text and
offsets"): character normalisation (:mod:`.chars`: NFKC, line ends, invisible characters),
traditional to simplified when the text is traditional (:mod:`.convert`), and the page-layout
repair (:mod:`.layout`). The reading text has one paragraph per line (``\\n`` between paragraphs,
no blank lines, no indentation), so sentence splitting works on it.

Extractors find spans in :attr:`ReadingText.text` and report them with
:meth:`ReadingText.to_original`, which returns the pieces of the original that hold those
characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Span
from .chars import normalize_chars
from .convert import is_traditional, to_simplified
from .layout import Layout, repair
from .offsets import OffsetMap

__all__ = ["MovedLine", "ReadingText", "prepare"]

# What may lie between two pieces of the original without splitting them: whitespace (a page break,
# the end of a line) and the invisible characters that character normalisation removes.
_MATERIAL = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@dataclass(frozen=True, slots=True)
class MovedLine:
    """A line the layout repair moved out of a sentence: ``text[begin:end]`` of the reading text."""

    begin: int
    end: int
    kind: str  # "headline", "byline", "caption", "credit" or "folio"


@dataclass(frozen=True, slots=True)
class ReadingText:
    """An article's original text and the cleaned reading text, with the map between them."""

    original: str  # the decoded file text, untouched
    text: str  # the cleaned reading text the extractors run on
    _offsets: OffsetMap = field(repr=False)
    traditional: bool = False  # whether t2s conversion was applied
    moved: tuple[MovedLine, ...] = ()  # lines moved out of sentences, in reading offsets
    joins: tuple[int, ...] = ()  # reading offsets where a layout break was joined

    @classmethod
    def identity(cls, text: str) -> ReadingText:
        """A reading text equal to its original (for tests of other layers)."""
        return cls(text, text, OffsetMap.identity(len(text)))

    def original_index(self, i: int) -> int:
        """Return the original offset of reading character ``i`` (``0 <= i < len(text)``)."""
        return self._offsets.index(i)

    def to_original(self, begin: int, end: int) -> tuple[Span, ...]:
        """Return the spans of the original that hold reading characters ``text[begin:end]``.

        Pieces are sorted and disjoint. Pieces that touch, or are separated only by whitespace (a
        page break) or removed invisible characters, are one piece; interleaved material (a
        headline, a byline, a caption moved out of the sentence) separates pieces. Each piece's
        ``original[piece.begin:piece.end]`` holds exactly the original material of those
        characters, plus that whitespace.
        """
        if not 0 <= begin <= end <= len(self.text):
            raise ValueError(f"reading span [{begin}, {end}) outside [0, {len(self.text)}]")
        one = self._offsets.single_run(begin, end)
        if one is not None:  # the usual case: the span was copied from the original in one piece
            return (Span(one, one + end - begin),)
        merged: list[list[int]] = []
        for origin, count in sorted(self._offsets.runs(begin, end)):
            stop = origin + count
            if merged:
                last = merged[-1]
                if origin <= last[1] or _MATERIAL.search(self.original, last[1], origin) is None:
                    last[1] = max(last[1], stop)
                    continue
            merged.append([origin, stop])
        return tuple(Span(b, e) for b, e in merged)

    def original_surface(self, begin: int, end: int) -> str:
        """The original characters of reading characters ``text[begin:end]``, in reading order,
        each once: the surface as the article writes it (traditional characters stay
        traditional; a span the page layout split is its pieces joined, without the line breaks
        and interleaved material between them)."""
        if not 0 <= begin <= end <= len(self.text):
            raise ValueError(f"reading span [{begin}, {end}) outside [0, {len(self.text)}]")
        one = self._offsets.single_run(begin, end)
        if one is not None:
            return self.original[one : one + end - begin]
        seen: set[int] = set()  # a character NFKC expanded (℃ -> °C) is one original character
        chars: list[str] = []
        for origin, count in self._offsets.runs(begin, end):
            for index in range(origin, origin + count):
                if index not in seen:
                    seen.add(index)
                    chars.append(self.original[index])
        return "".join(chars)

    def covering_span(self, begin: int, end: int) -> Span:
        """One original span from the first to the last piece of ``text[begin:end]``.

        For an evidence span that may include interleaved material (CONTRACT.md allows it); a
        mention should use :meth:`to_original`. Raises ValueError for an empty span.
        """
        pieces = self.to_original(begin, end)
        if not pieces:
            raise ValueError(f"empty reading span [{begin}, {end})")
        return Span(pieces[0].begin, pieces[-1].end)


def _assemble(
    source: str, layout: Layout
) -> tuple[str, list[tuple[int, int]], tuple[MovedLine, ...], tuple[int, ...]]:
    """Write the units of ``layout`` as the reading text.

    Returns the text, the slices of ``source`` it is made of (for the offset map), the moved lines
    and the joins. Every character of the result is a character of ``source``: a paragraph
    separator is the ``\\n`` that ended the unit's last line, and the space that keeps two Latin
    words apart across a join is the line end between them.
    """
    lines = layout.lines
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    moved: list[MovedLine] = []
    joins: list[int] = []
    size = 0

    def put(begin: int, end: int, shown: str | None = None) -> None:
        nonlocal size
        parts.append(source[begin:end] if shown is None else shown)
        spans.append((begin, end))
        size += end - begin

    for number, unit in enumerate(layout.units):
        if number:
            previous = lines[layout.units[number - 1].lines[-1]]
            newline = previous.newline
            if newline < 0:  # the text's last line came first: use the line end before it
                newline = source.rfind("\n", 0, previous.start)
            put(newline, newline + 1, "\n")
        unit_begin = size
        for position, index in enumerate(unit.lines):
            line = lines[index]
            if position:
                joins.append(size)
                before = lines[unit.lines[position - 1]]
                if source[before.end - 1] in _ASCII_WORD and source[line.start] in _ASCII_WORD:
                    put(before.end, before.end + 1, " ")
            put(line.start, line.end)
        if unit.kind != "paragraph":
            moved.append(MovedLine(unit_begin, size, unit.kind))
    return "".join(parts), spans, tuple(moved), tuple(joins)


def prepare(original: str, *, convert_traditional: bool = True) -> ReadingText:
    """Build the reading text of ``original`` (the decoded file text).

    NFKC and line ends, then traditional -> simplified (OpenCC t2s) when ``convert_traditional``
    and :func:`is_traditional` say so, then the page-layout repair. Linear in the length of the
    text.
    """
    text, offsets = normalize_chars(original)
    traditional = convert_traditional and is_traditional(text)
    if traditional:
        text, converted = to_simplified(text)
        if len(converted.starts) != 1 or converted.origins[0] != 0:
            offsets = offsets.then(converted)
    reading, spans, moved, joins = _assemble(text, repair(text))
    return ReadingText(original, reading, offsets.select(spans), traditional, moved, joins)
