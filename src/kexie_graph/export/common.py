"""What every exporter shares: the formats, the graph scopes, the error, and reading the input.

An export reads a kexie-graph store (anything with an ``ox`` :class:`pyoxigraph.Store`, or a
store folder, opened read-only), a :class:`pyoxigraph.Store`, or an rdflib graph or dataset. The
quads are kept as they are: named graphs stay named, a default graph stays the default graph.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, TypeAlias

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..errors import ExportError, StoreError
from ..graph.iris import LEXICON_GRAPH
from ..namespaces import KXR

__all__ = [
    "ARTICLE_GRAPH_PREFIX",
    "FORMATS",
    "GRAPH_SCOPES",
    "NETWORK_FORMATS",
    "RDF_FORMATS",
    "ExportError",
    "Format",
    "GraphName",
    "GraphScope",
    "Input",
    "QuadSource",
    "in_article_scope",
    "open_store_folder",
    "quad_source",
]

Format = Literal["ttl", "trig", "nt", "jsonld", "graphml", "gexf", "csv"]
GraphScope = Literal["all", "article", "union"]
Input: TypeAlias = Any  # a store, a pyoxigraph.Store, an rdflib graph, a folder, a networkx graph
GraphName: TypeAlias = "ox.NamedNode | ox.BlankNode | ox.DefaultGraph"

#: the RDF serialisations, then the property-graph ones (over the entity projection)
RDF_FORMATS: tuple[str, ...] = ("ttl", "trig", "nt", "jsonld")
NETWORK_FORMATS: tuple[str, ...] = ("graphml", "gexf", "csv")
FORMATS: tuple[str, ...] = RDF_FORMATS + NETWORK_FORMATS
#: ``all``: every graph as it is; ``article``: the article graphs and the lexicon graph (what the
#: texts state, as the views show it); ``union``: every triple once, in the default graph
GRAPH_SCOPES: tuple[str, ...] = ("all", "article", "union")
ARTICLE_GRAPH_PREFIX = f"{KXR}graph/article/"


def in_article_scope(graph: GraphName) -> bool:
    """Whether ``graph`` is an article graph or the lexicon graph."""
    if not isinstance(graph, ox.NamedNode):
        return False
    return graph.value.startswith(ARTICLE_GRAPH_PREFIX) or graph.value == str(LEXICON_GRAPH)


def open_store_folder(path: str | os.PathLike[str]) -> Any:
    """Open the store in the folder ``path`` read-only (``kexie_graph.store.open_store``)."""
    folder = Path(path)
    if not folder.is_dir():
        raise StoreError(
            f"{folder}: no such store folder; "
            f"build one with `kexie-graph build ARTICLES --out {folder}`"
        )
    from ..store import open_store  # imported when needed: it loads the database bindings

    return open_store(folder, read_only=True)


def _term(term: Any) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, RDFLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ExportError(f"cannot export the RDF term {term!r}: only IRIs, blank nodes and literals")


def _rdflib_quads(graph: Graph) -> Iterator[ox.Quad]:
    default = ox.DefaultGraph()
    quads = getattr(graph, "quads", None)  # datasets have quads; a plain Graph only triples
    if quads is None:
        for s, p, o in graph:
            yield ox.Quad(_term(s), _term(p), _term(o), default)
        return
    for s, p, o, ctx in quads((None, None, None, None)):
        name = getattr(ctx, "identifier", ctx)
        g: Any = default if name is None or name == DATASET_DEFAULT_GRAPH_ID else _term(name)
        yield ox.Quad(_term(s), _term(p), _term(o), g)


class QuadSource:
    """The quads to export, graph by graph: a :class:`pyoxigraph.Store`, or quads in memory.

    Quads read from rdflib stay in memory rather than going through a pyoxigraph store, because
    the store keeps integer literals as ``xsd:integer`` whatever their datatype was
    (``xsd:nonNegativeInteger`` offsets among them, pyoxigraph 0.5), and an export of an rdflib
    dataset must write what the dataset holds.
    """

    def __init__(
        self,
        store: ox.Store | None = None,
        quads: Iterable[ox.Quad] = (),
        *,
        default_is_union: bool = False,
    ) -> None:
        self._store = store
        # a kexie-graph store keeps the union of its named graphs in the default graph, as a
        # materialised view (kexie_graph.store): it is not data of its own, so exports leave it out
        self._default_is_union = default_is_union
        self._by_graph: dict[GraphName, list[ox.Quad]] = {}
        if store is None:
            for quad in quads:
                self._by_graph.setdefault(quad.graph_name, []).append(quad)

    def graphs(self) -> list[GraphName]:
        """The graphs holding quads: the default graph first, then named graphs by IRI."""
        if self._store is not None:
            named: list[GraphName] = list(self._store.named_graphs())
            first = self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
            has_default = not self._default_is_union and next(iter(first), None) is not None
            default: list[GraphName] = [ox.DefaultGraph()] if has_default else []
        else:
            named = [g for g in self._by_graph if not isinstance(g, ox.DefaultGraph)]
            default = [g for g in self._by_graph if isinstance(g, ox.DefaultGraph)]
        return default + sorted(named, key=str)

    def quads(self, graph: GraphName) -> Iterable[ox.Quad]:
        """The quads of ``graph``."""
        if self._store is not None:
            return self._store.quads_for_pattern(None, None, None, graph)
        return self._by_graph.get(graph, [])


def quad_source(source: Input) -> QuadSource:
    """Return the quads of ``source`` (a store, a pyoxigraph store, an rdflib graph) as they are."""
    if isinstance(source, ox.Store):
        return QuadSource(store=source)
    if isinstance(getattr(source, "ox", None), ox.Store):
        return QuadSource(
            store=source.ox, default_is_union=bool(getattr(source, "union_default_graph", False))
        )
    owner = getattr(source, "_kexie_store", None)  # the rdflib view of a kexie-graph store
    if owner is not None and isinstance(getattr(owner, "ox", None), ox.Store):
        return quad_source(owner)
    if isinstance(source, Graph):
        inner = getattr(source.store, "_inner", None)  # oxrdflib keeps its pyoxigraph store there
        if isinstance(inner, ox.Store):
            return QuadSource(store=inner)
        return QuadSource(quads=_rdflib_quads(source))
    raise ExportError(
        f"cannot export a {type(source).__name__} as RDF: give a store, a store folder, "
        "a pyoxigraph.Store or an rdflib Graph or Dataset"
    )
