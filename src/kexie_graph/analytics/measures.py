"""Centrality and communities of an entity graph, as a table, as RDF, and as view attributes.

Every measure is taken on the simple undirected form of the graph (:func:`.graphs.simple_graph`):
a relation links two entities whichever way it points, and two entities linked by several
relations are neighbours once. Degree is the number of neighbours. Betweenness is normalised as
networkx normalises it (divided by the number of pairs of other nodes). PageRank uses a damping
factor of 0.85.

Betweenness and PageRank are computed by igraph (already a dependency: the view layout uses it).
It gives the values of networkx's ``betweenness_centrality`` and ``pagerank`` in compiled code,
and networkx's ``pagerank`` needs SciPy, which kexie-graph does not depend on. Communities are
networkx's Louvain (:func:`networkx.community.louvain_communities`) with a fixed seed, numbered
from 0 by size, largest first.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Literal

import igraph as ig
import networkx as nx
import pandas as pd
from rdflib import Graph, URIRef
from rdflib import Literal as RDFLiteral

from ..errors import ViewError
from ..namespaces import KX, KXR, PREFIXES, XSD
from ..views.layout import SIZE_MAX, SIZE_MIN
from ..views.project import Source
from ..views.style import style_of
from .graphs import entity_graph, simple_graph

__all__ = [
    "ANALYTICS_GRAPH",
    "COMMUNITY_COLOURS",
    "MEASURES",
    "PROPERTIES",
    "ColourBy",
    "Measure",
    "Measures",
    "betweenness",
    "communities",
    "degree",
    "measure",
    "pagerank",
]

#: the named graph that analytics results are written to as RDF
ANALYTICS_GRAPH = URIRef(f"{KXR}graph/analytics")
#: the measures, in the order of the table's columns
MEASURES: tuple[str, ...] = ("degree", "betweenness", "pagerank", "community")
#: the RDF property of each measure (terms proposed for ontology/kexie.ttl)
PROPERTIES: dict[str, URIRef] = {
    "degree": KX.degree,
    "betweenness": KX.betweenness,
    "pagerank": KX.pageRank,
    "community": KX.community,
}
_DATATYPES: dict[str, URIRef] = {
    "degree": XSD.nonNegativeInteger,
    "betweenness": XSD.double,
    "pagerank": XSD.double,
    "community": XSD.nonNegativeInteger,
}
#: community colours (Paul Tol's colour-blind-safe "muted" scheme), repeated after the last one
COMMUNITY_COLOURS: tuple[str, ...] = (
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
)
DAMPING = 0.85

Measure = Literal["degree", "betweenness", "pagerank"]
ColourBy = Literal["community", "class"]


def _igraph(graph: nx.Graph, weight: str | None) -> tuple[list[Hashable], ig.Graph, Any]:
    nodes = list(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in graph.edges()]
    weights = None
    if weight:
        weights = [float(d.get(weight, 1.0)) for _u, _v, d in graph.edges(data=True)]
    return nodes, ig.Graph(n=len(nodes), edges=edges), weights


def degree(graph: nx.Graph) -> dict[Hashable, int]:
    """Return the number of distinct neighbours of each node (relations in either direction)."""
    return {n: int(d) for n, d in simple_graph(graph).degree()}


def betweenness(graph: nx.Graph, *, cutoff: int | None = None) -> dict[Hashable, float]:
    """Return each node's betweenness centrality, normalised as networkx normalises it.

    ``cutoff`` counts shortest paths of up to that many hops only (faster on large graphs; hubs
    rank much the same). Relations are unweighted here: a weight says how often, not how far.
    """
    nodes, g, _ = _igraph(simple_graph(graph), None)
    n = len(nodes)
    if n == 0:
        return {}
    raw = g.betweenness(directed=False, cutoff=cutoff)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    return {node: float(v) * scale for node, v in zip(nodes, raw, strict=True)}


def pagerank(
    graph: nx.Graph, *, weight: str | None = None, damping: float = DAMPING
) -> dict[Hashable, float]:
    """Return each node's PageRank on the undirected graph (the values sum to 1).

    With ``weight="weight"``, pairs linked by more relations (or sentences) pass more rank.
    """
    nodes, g, weights = _igraph(simple_graph(graph), weight)
    if not nodes:
        return {}
    values = g.pagerank(directed=False, damping=damping, weights=weights)
    return {node: float(v) for node, v in zip(nodes, values, strict=True)}


def communities(
    graph: nx.Graph, *, seed: int = 7, weight: str | None = None, resolution: float = 1.0
) -> list[frozenset[Hashable]]:
    """Return the Louvain communities of ``graph``, largest first (ties: by smallest node).

    The same graph and ``seed`` always give the same communities.
    """
    simple = simple_graph(graph)
    found = nx.community.louvain_communities(
        simple, weight=weight, resolution=resolution, seed=seed
    )
    return sorted((frozenset(c) for c in found), key=lambda c: (-len(c), min(str(n) for n in c)))


def _lexical(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    return repr(float(value))


def _sizes(values: dict[Hashable, Any]) -> dict[Hashable, float]:
    """Pixel sizes: the square root of each value, scaled to the view's size range."""
    top = max((float(v) for v in values.values()), default=0.0) or 1.0
    span = SIZE_MAX - SIZE_MIN
    return {
        n: round(SIZE_MIN + span * math.sqrt(max(float(v), 0.0) / top), 1)
        for n, v in values.items()
    }


@dataclass(frozen=True)
class Measures:
    """Degree, betweenness, PageRank and community of every node of an entity graph.

    ``graph`` is the graph measured (node attributes as the projection gives them);
    ``communities`` lists the communities, largest first: their positions are the
    ``community`` numbers.
    """

    graph: nx.Graph
    degree: dict[Hashable, int]
    betweenness: dict[Hashable, float]
    pagerank: dict[Hashable, float]
    community: dict[Hashable, int]
    communities: list[frozenset[Hashable]]

    def values(self, name: str) -> dict[Hashable, Any]:
        """Return the values of the measure ``name`` (one of :data:`MEASURES`)."""
        if name not in MEASURES:
            raise ViewError(f"no measure called {name!r}; pick one of {', '.join(MEASURES)}")
        return dict(getattr(self, name))

    def frame(self, *, sort_by: str = "pagerank") -> pd.DataFrame:
        """Return one row per node: ``iri, label_zh, label_en, class, kind`` and each measure.

        Rows are sorted by ``sort_by``, highest first (``community``: lowest first), then by IRI.
        """
        if sort_by not in MEASURES:
            raise ViewError(f"cannot sort by {sort_by!r}; pick one of {', '.join(MEASURES)}")
        rows = []
        for node, data in self.graph.nodes(data=True):
            rows.append(
                {
                    "iri": str(data.get("iri") or node),
                    "label_zh": str(data.get("label_zh") or ""),
                    "label_en": str(data.get("label_en") or ""),
                    "class": str(data.get("cls") or ""),
                    "kind": str(data.get("kind") or ""),
                    "degree": self.degree[node],
                    "betweenness": self.betweenness[node],
                    "pagerank": self.pagerank[node],
                    "community": self.community[node],
                }
            )
        columns = ["iri", "label_zh", "label_en", "class", "kind", *MEASURES]
        frame = pd.DataFrame(rows, columns=columns)
        ascending = sort_by == "community"
        frame = frame.sort_values([sort_by, "iri"], ascending=[ascending, True], kind="stable")
        return frame.reset_index(drop=True)

    def to_rdf(self, graph_iri: str | URIRef = ANALYTICS_GRAPH) -> Graph:
        """Return the measures as an rdflib graph named ``graph_iri``.

        Each entity gets ``kx:degree``, ``kx:betweenness``, ``kx:pageRank`` and
        ``kx:community`` literals. Add the graph to a dataset to query the measures with SPARQL
        beside the articles' graphs.
        """
        out = Graph(identifier=URIRef(str(graph_iri)))
        for prefix in ("kx", "kxr", "xsd"):
            out.bind(prefix, PREFIXES[prefix])
        for node, data in self.graph.nodes(data=True):
            subject = URIRef(str(data.get("iri") or node))
            for name in MEASURES:
                value = getattr(self, name)[node]
                literal = RDFLiteral(_lexical(value), datatype=_DATATYPES[name])
                out.add((subject, PROPERTIES[name], literal))
        return out

    def annotate(
        self,
        graph: nx.Graph | None = None,
        *,
        size_by: Measure = "pagerank",
        colour_by: ColourBy = "community",
    ) -> nx.Graph:
        """Return a copy of ``graph`` (default: the measured one) with the measures on its nodes.

        Each measured node gets ``degree``, ``betweenness``, ``pagerank`` and ``community``, a
        ``size`` in pixels (the square root of ``size_by``, scaled to the view's size range) and a
        ``color``: its community's colour, or its class's colour with ``colour_by="class"``.
        Nodes that were not measured keep their attributes and get no measures.
        """
        if size_by not in ("degree", "betweenness", "pagerank"):
            raise ViewError(f"size must be by degree, betweenness or pagerank, not {size_by!r}")
        if colour_by not in ("community", "class"):
            raise ViewError(f"colour must be by community or class, not {colour_by!r}")
        out = (self.graph if graph is None else graph).copy()
        sizes = _sizes(self.values(size_by))
        for node, data in out.nodes(data=True):
            if node not in self.community:
                continue
            for name in MEASURES:
                data[name] = getattr(self, name)[node]
            data["size"] = sizes[node]
            if colour_by == "community":
                colour = COMMUNITY_COLOURS[self.community[node] % len(COMMUNITY_COLOURS)]
            else:
                colour = style_of(str(data.get("cls") or "")).color
            data["color"] = colour
        out.graph["size_by"] = size_by
        out.graph["colour_by"] = colour_by
        return out


def measure(
    source: Source | nx.Graph,
    *,
    seed: int = 7,
    weight: str | None = None,
    resolution: float = 1.0,
    betweenness_cutoff: int | None = None,
) -> Measures:
    """Return the degree, betweenness, PageRank and community of each node.

    ``source`` is a store (projected with :func:`kexie_graph.views.project.project`) or a
    networkx graph of entities: a projection, :func:`.graphs.organisations` or
    :func:`.graphs.cooccurrence`. ``weight="weight"`` makes PageRank and Louvain use the edge
    weights (the number of relations, or of shared sentences).
    """
    graph = entity_graph(source)
    parts = communities(graph, seed=seed, weight=weight, resolution=resolution)
    number = {node: i for i, part in enumerate(parts) for node in part}
    return Measures(
        graph=graph,
        degree=degree(graph),
        betweenness=betweenness(graph, cutoff=betweenness_cutoff),
        pagerank=pagerank(graph, weight=weight),
        community=number,
        communities=parts,
    )
