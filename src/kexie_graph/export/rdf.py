"""Turtle, TriG and N-Triples, serialised by pyoxigraph straight from the store's quads.

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
from .common import ExportError, GraphScope, in_article_scope

__all__ = ["graph_names", "scoped_quads", "union_triples", "write_rdf"]

_OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
}


def graph_names(
    store: ox.Store, scope: GraphScope
) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
    """Return the graphs of ``scope`` in output order: the default graph, then by IRI."""
    names = sorted(store.named_graphs(), key=lambda g: str(g))
    if scope == "article":
        return [g for g in names if in_article_scope(g)]
    has_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
    return ([ox.DefaultGraph()] if has_default is not None else []) + list(names)


def scoped_quads(store: ox.Store, scope: GraphScope) -> Iterator[ox.Quad]:
    """Yield the quads of ``scope``, graph by graph (``union``: each triple once, default graph)."""
    if scope == "union":
        default = ox.DefaultGraph()
        for triple in union_triples(store, "all"):
            yield ox.Quad(triple.subject, triple.predicate, triple.object, default)
        return
    for graph in graph_names(store, scope):
        yield from store.quads_for_pattern(None, None, None, graph)


def _key(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))


def union_triples(store: ox.Store, scope: GraphScope) -> list[ox.Triple]:
    """Return every triple of the graphs of ``scope`` once, sorted."""
    seen: set[ox.Triple] = set()
    for graph in graph_names(store, "article" if scope == "article" else "all"):
        for quad in store.quads_for_pattern(None, None, None, graph):
            seen.add(quad.triple)
    return sorted(seen, key=_key)


def write_rdf(store: ox.Store, fmt: str, scope: GraphScope, out: IO[bytes]) -> None:
    """Serialise the quads of ``scope`` as ``fmt`` (``ttl``, ``trig`` or ``nt``) to ``out``."""
    if fmt not in _OX_FORMATS:
        raise ExportError(
            f"{fmt!r} is not an RDF format pyoxigraph writes here; use ttl, trig or nt"
        )
    prefixes = PREFIXES if fmt != "nt" else None
    if fmt == "trig":
        ox.serialize(scoped_quads(store, scope), out, format=_OX_FORMATS[fmt], prefixes=prefixes)
    else:
        ox.serialize(union_triples(store, scope), out, format=_OX_FORMATS[fmt], prefixes=prefixes)
