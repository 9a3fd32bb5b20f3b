"""Helpers of the export tests: the fixture, rdflib readings of RDF, and a loopback trap."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

__all__ = ["EXPORT_TRIG", "LoopbackTrap", "Quad", "quads_of", "triples_of"]

EXPORT_TRIG = Path(__file__).resolve().parent / "data" / "corpus.trig"
ARTICLE_GRAPH = "https://w3id.org/kexie-graph/id/graph/article/"
LEXICON_GRAPH = "https://w3id.org/kexie-graph/id/graph/lexicon"

Quad = tuple[Any, Any, Any, Any]


def quads_of(dataset: Dataset) -> set[Quad]:
    """Every quad of an rdflib dataset; the default graph is named ``None``."""
    out = set()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        out.add((s, p, o, None if name == DATASET_DEFAULT_GRAPH_ID else name))
    return out


def triples_of(graph: Graph) -> set[tuple[Any, Any, Any]]:
    """Every triple of an rdflib graph."""
    return set(graph)


def in_scope(quads: set[Quad], scope: str) -> set[Quad]:
    """The quads an export of ``scope`` holds, computed from the fixture as rdflib reads it."""
    if scope == "article":
        return {
            q
            for q in quads
            if q[3] is not None
            and (str(q[3]).startswith(ARTICLE_GRAPH) or str(q[3]) == LEXICON_GRAPH)
        }
    if scope == "union":
        return {(s, p, o, None) for s, p, o, _g in quads}
    return set(quads)


class LoopbackTrap:
    """A listening socket on 127.0.0.1 that counts the connections made to it.

    Each connection is accepted and closed at once (so a client fails fast instead of waiting).
    The accept loop polls a stop flag every 50 ms, and the thread is joined on exit.
    """

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._sock.settimeout(0.05)
        self.port = int(self._sock.getsockname()[1])
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/context.jsonld"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _address = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()

    def __enter__(self) -> LoopbackTrap:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()
