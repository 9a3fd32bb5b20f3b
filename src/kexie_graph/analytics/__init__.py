"""Network analytics over the knowledge graph: centrality, communities, co-occurrence, paths.

Everything starts from the one RDF -> networkx projection,
:func:`kexie_graph.views.project.project`::

    from kexie_graph.analytics import cooccurrence, measure, organisations, shortest_path

    orgs = organisations(store)            # organisations and the relations between them
    m = measure(orgs, seed=7)              # degree, betweenness, PageRank, Louvain communities
    m.frame().head()                       # a DataFrame: iri, label_zh, label_en, class, ...
    m.to_rdf()                             # an rdflib graph named kxr:graph/analytics
    shown = m.annotate(size_by="pagerank")  # node attributes size and color for a view
    shortest_path(store, "潘复生", "四川大学").frame()  # each hop with its evidence
    cooccurrence(store, scope="sentence")  # entities named in the same sentence
"""

from __future__ import annotations

from .graphs import (
    COOCCURS,
    Scope,
    article_texts,
    cooccurrence,
    entity_graph,
    organisations,
    simple_graph,
)
from .measures import (
    ANALYTICS_GRAPH,
    COMMUNITY_COLOURS,
    MEASURES,
    PROPERTIES,
    ColourBy,
    Measure,
    Measures,
    betweenness,
    communities,
    degree,
    measure,
    pagerank,
)
from .paths import EntityPath, Hop, HopRelation, resolve, shortest_path

__all__ = [
    "ANALYTICS_GRAPH",
    "COMMUNITY_COLOURS",
    "COOCCURS",
    "MEASURES",
    "PROPERTIES",
    "ColourBy",
    "EntityPath",
    "Hop",
    "HopRelation",
    "Measure",
    "Measures",
    "Scope",
    "article_texts",
    "betweenness",
    "communities",
    "cooccurrence",
    "degree",
    "entity_graph",
    "measure",
    "organisations",
    "pagerank",
    "resolve",
    "shortest_path",
    "simple_graph",
]
