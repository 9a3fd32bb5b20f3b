"""The byte stream a store generation is bulk-loaded from, with the union default graph in it.

A generation's default graph is the union of its named graphs (see :mod:`kexie_graph.store`).
Writing that union by turning every quad into Python objects and back costs more than the load
itself; this module does it on the N-Quads bytes instead. :class:`UnionReader` is a file object
over N-Quads that yields every statement and, after each statement of a named graph, the same
triple in the default graph, so that one ``Store.bulk_load`` (Oxigraph's parser, in Rust) writes
both. It reads its source in blocks, so memory stays flat however large the dump.

The line splitter trusts only *canonical* N-Quads, as Oxigraph writes it: one statement per line,
terms separated by one space, ``" ."`` at the end, no comments. :func:`canonical_nquads` turns any
other input (TriG, Turtle, hand-written N-Quads) into that form through an in-memory Oxigraph
store; :func:`union_block` raises :class:`NotCanonicalError` for a line it cannot split, so that
the caller can take that path.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import IO

import pyoxigraph as ox

__all__ = ["NotCanonicalError", "UnionReader", "canonical_nquads", "quads_nquads", "union_block"]

_BLOCK = 1 << 22  # 4 MiB of source per refill


class NotCanonicalError(ValueError):
    """A line of the source is not canonical N-Quads (the caller canonicalises and retries)."""


def _tab_outside_literal(line: bytes) -> bool:
    close = line.rfind(b'"')
    if close < 0:
        return b"\t" in line
    return b"\t" in line[: line.find(b'"')] or b"\t" in line[close:]


def union_block(block: bytes) -> bytes:
    """Canonical N-Quads lines (whole lines) with their default-graph copies.

    Each statement is kept, and a statement that names a graph is followed by the same triple
    without it. Raises :class:`NotCanonicalError` for a line that is not canonical N-Quads.

    Canonical N-Quads puts one space between terms and ends each statement with ``" ."``. IRIs
    and blank-node labels hold neither a space nor a quote, so a statement without a quote has
    three spaces, or four when it names a graph. A literal can only be the object; it closes at
    the line's last quote, since what follows it (a language tag or datatype IRI, the graph, the
    dot) holds none, and one space or two follow it. The graph is then the last term.

    What this cannot see, Oxigraph's parser does: a line with spaces where canonical N-Quads has
    one (a double space, a leading space) either has a count no statement has (refused here) or
    yields a copy that is not a statement (a syntax error when loading), never a wrong triple;
    the one exception, a double space before the final dot, yields the statement's own triple,
    which is right. A tab between terms would be miscounted, so lines with one are refused.
    Callers take any refusal or syntax error as the signal to canonicalise and load again.
    """
    if b"\t" in block and any(map(_tab_outside_literal, block.split(b"\n"))):
        raise NotCanonicalError("a tab between terms")
    out: list[bytes] = []
    append = out.append
    for line in block.split(b"\n"):
        close = line.rfind(b'"')
        extra = line.count(b" ", close + 1) - (3 if close < 0 else 1)
        if extra == 1 and line.endswith(b" ."):
            append(line)
            append(line[: line.rfind(b" ", 0, -2)] + b" .")
        elif extra == 0 and line.endswith(b" ."):
            append(line)
        elif line:
            raise NotCanonicalError(line[:80].decode("utf-8", "replace"))
    if not out:
        return b""
    out.append(b"")
    return b"\n".join(out)


class UnionReader(io.RawIOBase):
    """A binary file object over canonical N-Quads that adds the default-graph copies.

    ``source`` is read ``block`` bytes at a time; a block is cut at its last newline and its
    lines go through :func:`union_block`.
    """

    def __init__(self, source: IO[bytes], block: int = _BLOCK) -> None:
        super().__init__()
        self._source = source
        self._block = block
        self._carry = b""
        self._ready = memoryview(b"")
        self._done = False

    def readable(self) -> bool:
        return True

    def _refill(self) -> None:
        while not self._ready and not self._done:
            block = self._source.read(self._block)
            if not block:
                self._done = True
                whole, self._carry = self._carry, b""
            else:
                cut = block.rfind(b"\n")
                if cut < 0:
                    self._carry += block
                    continue
                whole = self._carry + block[:cut]
                self._carry = block[cut + 1 :]
            self._ready = memoryview(union_block(whole))

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        self._refill()
        n = min(len(buffer), len(self._ready))
        buffer[:n] = self._ready[:n]
        self._ready = self._ready[n:]
        return n


def canonical_nquads(source: str | bytes | IO[bytes], fmt: ox.RdfFormat) -> bytes:
    """Any RDF dataset serialization, as canonical N-Quads (through an in-memory Oxigraph store).

    ``source`` is a file's path (``str``), or the serialization itself (bytes or a binary file).
    Duplicates go (a store is a set); raises :class:`SyntaxError` as Oxigraph's parser does.
    """
    scratch = ox.Store()
    if isinstance(source, str):
        scratch.bulk_load(path=source, format=fmt)
    else:
        scratch.bulk_load(source, format=fmt)
    out = io.BytesIO()
    scratch.dump(out, format=ox.RdfFormat.N_QUADS)
    return out.getvalue()


def quads_nquads(quads: Iterable[ox.Quad]) -> bytes:
    """Quads as canonical N-Quads bytes (Oxigraph's serializer)."""
    out = io.BytesIO()
    ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)
    return out.getvalue()
