"""Assemble the whole dataset: article graphs, the ontology graph and the entailments, as quads.

The output is deterministic: quads are sorted, so the same inputs in any order give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

import pyoxigraph as ox
from rdflib import Graph

from ..namespaces import PREFIXES
from ..records import Reading
from . import iris
from .build import article_graph

__all__ = ["graph_quads", "reading_quads", "sorted_quads", "trig_bytes"]


def graph_quads(graph: Graph, graph_iri: str) -> list[ox.Quad]:
    """Return the triples of an rdflib graph as pyoxigraph quads in the named graph
    ``graph_iri``."""
    data = graph.serialize(format="nt", encoding="utf-8")
    name = ox.NamedNode(graph_iri)
    return [
        ox.Quad(t.subject, t.predicate, t.object, name)
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    ]


def reading_quads(reading: Reading) -> tuple[Graph, list[ox.Quad]]:
    """Return an article's graph and its quads."""
    g = article_graph(reading)
    return g, graph_quads(g, str(iris.article_graph(reading.article.id)))


def _key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Return the distinct quads in a stable order (graph, subject, predicate, object)."""
    return sorted(set(quads), key=_key)


def trig_bytes(quads: Sequence[ox.Quad]) -> bytes:
    """Serialise quads as TriG with the project's prefixes, deterministically."""
    # without an output, serialize returns the bytes (its stub says bytes | None for both uses)
    return cast(
        bytes,
        ox.serialize(sorted_quads(quads), format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES)),
    )
