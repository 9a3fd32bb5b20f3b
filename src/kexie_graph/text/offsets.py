"""Offset maps: where each character of a derived text came from in the original text.

A map is stored as *runs*, not as one integer per character: run ``k`` says that derived characters
``starts[k] .. starts[k+1]-1`` are the original characters ``origins[k]``, ``origins[k]+1``, ... in
order. Copying a slice costs one run whatever its length, so building and composing maps costs time
in the number of edits, not of characters, and an unchanged 1 MB text is one run. A character that
expands to several (NFKC of ``℃`` is ``°C``) gives runs of length one that share their origin; a
deleted character is simply not covered by any run.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["OffsetMap", "RunBuilder"]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Map from the ``length`` characters of a derived text to indices of its source text."""

    starts: tuple[int, ...]
    origins: tuple[int, ...]
    length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that is its own source."""
        return cls((0,), (0,), length) if length else cls((), (), 0)

    def index(self, i: int) -> int:
        """Return the source index of derived character ``i`` (``0 <= i < length``)."""
        if not 0 <= i < self.length:
            raise IndexError(f"reading offset {i} outside [0, {self.length})")
        k = bisect_right(self.starts, i) - 1
        return self.origins[k] + i - self.starts[k]

    def single_run(self, begin: int, end: int) -> int | None:
        """The source index of derived character ``begin`` when ``[begin, end)`` (not empty) lies
        in one run, so that it maps to one slice of the source; else None."""
        if begin >= end:
            return None
        k = bisect_right(self.starts, begin) - 1
        run_end = self.starts[k + 1] if k + 1 < len(self.starts) else self.length
        return self.origins[k] + begin - self.starts[k] if end <= run_end else None

    def runs(self, begin: int, end: int) -> Iterator[tuple[int, int]]:
        """Yield ``(source index, count)`` for derived characters ``[begin, end)``, in order."""
        if begin >= end:
            return
        starts, origins, count = self.starts, self.origins, len(self.starts)
        k = bisect_right(starts, begin) - 1
        while begin < end:
            run_end = starts[k + 1] if k + 1 < count else self.length
            stop = min(end, run_end)
            yield origins[k] + begin - starts[k], stop - begin
            begin = stop
            k += 1

    def select(self, spans: Iterable[tuple[int, int]]) -> OffsetMap:
        """Return the map of the text made by concatenating ``derived[b:e]`` for each ``(b, e)``."""
        builder = RunBuilder()
        for begin, end in spans:
            for origin, count in self.runs(begin, end):
                builder.add(origin, count)
        return builder.build()

    def then(self, outer: OffsetMap) -> OffsetMap:
        """Compose: ``outer`` maps a further derived text onto this map's derived text."""
        starts, count = outer.starts, len(outer.starts)
        spans = (
            (
                outer.origins[k],
                outer.origins[k] + (starts[k + 1] if k + 1 < count else outer.length) - starts[k],
            )
            for k in range(count)
        )
        return self.select(spans)


class RunBuilder:
    """Accumulates runs while a derived text is built left to right."""

    __slots__ = ("_expect", "length", "origins", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.length = 0
        self._expect = -1

    def add(self, origin: int, count: int) -> None:
        """Append ``count`` derived characters copied from source ``origin``, ``origin + 1``, ..."""
        if count <= 0:
            return
        if origin != self._expect:  # not the continuation of the last run: start a new one
            self.starts.append(self.length)
            self.origins.append(origin)
        self.length += count
        self._expect = origin + count

    def repeat(self, origin: int, count: int) -> None:
        """Append ``count`` derived characters that all come from source character ``origin``."""
        for _ in range(count):
            self.add(origin, 1)

    def build(self) -> OffsetMap:
        """Return the finished map."""
        return OffsetMap(tuple(self.starts), tuple(self.origins), self.length)
