"""Turtle, TriG and N-Triples, serialised by pyoxigraph from the quads of the chosen graphs.

The graph scope picks the quads (see :data:`.common.GRAPH_SCOPES`). TriG keeps named graphs
(except with ``union``); Turtle and N-Triples hold triples, so every triple of the scope is
written once. Output is deterministic: graphs in IRI order (the default graph first), and the
triples of a triple format sorted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

import pyoxigraph as ox

from ..namespaces import PREFIXES
from .common import ExportError, GraphName, GraphScope, QuadSource, in_article_scope

__all__ = ["graph_names", "scoped_quads", "union_triples", "write_rdf"]

_OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
}


def graph_names(source: QuadSource, scope: GraphScope) -> list[GraphName]:
    """Return the graphs of ``scope`` in output order: the default graph, then by IRI."""
    names = source.graphs()
    if scope == "article":
        return [g for g in names if in_article_scope(g)]
    return names


def scoped_quads(source: QuadSource, scope: GraphScope) -> Iterator[ox.Quad]:
    """Yield the quads of ``scope``, graph by graph (``union``: each triple once, default graph)."""
    if scope == "union":
        default = ox.DefaultGraph()
        for triple in union_triples(source, "all"):
            yield ox.Quad(triple.subject, triple.predicate, triple.object, default)
        return
    for graph in graph_names(source, scope):
        yield from source.quads(graph)


def _key(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))


def union_triples(source: QuadSource, scope: GraphScope) -> list[ox.Triple]:
    """Return every triple of the graphs of ``scope`` once, sorted."""
    seen: set[ox.Triple] = set()
    for graph in graph_names(source, "article" if scope == "article" else "all"):
        for quad in source.quads(graph):
            seen.add(quad.triple)
    return sorted(seen, key=_key)


def write_rdf(source: QuadSource, fmt: str, scope: GraphScope, out: IO[bytes]) -> None:
    """Serialise the quads of ``scope`` as ``fmt`` (``ttl``, ``trig`` or ``nt``) to ``out``."""
    if fmt not in _OX_FORMATS:
        raise ExportError(f"{fmt!r} is not written by pyoxigraph here; use ttl, trig or nt")
    prefixes = PREFIXES if fmt != "nt" else None
    if fmt == "trig":
        quads = scoped_quads(source, scope)
        ox.serialize(quads, out, format=_OX_FORMATS[fmt], prefixes=prefixes)
    else:
        triples = union_triples(source, scope)
        ox.serialize(triples, out, format=_OX_FORMATS[fmt], prefixes=prefixes)
