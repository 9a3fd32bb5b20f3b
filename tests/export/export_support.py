"""Helpers of the export tests: the fixture and rdflib readings of RDF (the loopback trap is
``tests.support.LoopbackTrap``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

__all__ = ["EXPORT_TRIG", "Quad", "quads_of", "triples_of"]

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
