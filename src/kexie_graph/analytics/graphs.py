"""The graphs analytics run on: the entity projection, its organisations, co-occurrence graphs.

Relations come from :func:`kexie_graph.views.project.project` (the one RDF -> networkx
projection): this module only chooses what to project and reshapes it. The co-occurrence graph
links two entities when their mentions fall in the same sentence (sentence spans from
:func:`kexie_graph.text.sentences` over the article's ``nif:isString``) or, with
``scope="article"``, in the same article. The article texts are not part of the projection, so
:func:`article_texts` reads them with one small query: an adapter beside the projection, not a
second projection.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any, Literal

import networkx as nx
import pyoxigraph as ox

from ..errors import ViewError
from ..namespaces import SPARQL_PREFIXES
from ..text.sentences import sentences
from ..views.project import Source, as_store, project

__all__ = [
    "COOCCURS",
    "Scope",
    "article_texts",
    "cooccurrence",
    "entity_graph",
    "organisations",
    "simple_graph",
]

Scope = Literal["sentence", "article"]

#: edge name of a co-occurrence edge, and its labels for the view (per scope)
COOCCURS = "coMentioned"
_COOC_LABELS: dict[str, tuple[str, str]] = {
    "sentence": ("同句提及", "mentioned in the same sentence"),
    "article": ("同篇提及", "mentioned in the same article"),
}

_Q_TEXTS = """
SELECT ?a ?text WHERE { GRAPH ?g { ?a kx:text ?ctx . ?ctx nif:isString ?text } }"""


def entity_graph(
    source: Source | nx.Graph,
    *,
    classes: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    articles: Iterable[str] | None = None,
) -> nx.Graph:
    """Return ``source`` projected to entities and relations, or ``source`` if it is a graph.

    A store, a :class:`pyoxigraph.Store` or an rdflib graph is projected by
    :func:`kexie_graph.views.project.project` with the given filters; a networkx graph is
    returned as it is (the filters work on RDF, so they must then be left out).
    """
    if isinstance(source, nx.Graph):
        if classes is not None or predicates is not None or articles is not None:
            raise ViewError(
                "classes, predicates and articles filter RDF: "
                "give the store instead of a networkx graph"
            )
        return source
    return project(source, classes=classes, predicates=predicates, articles=articles)


def organisations(
    source: Source | nx.Graph,
    *,
    predicates: Iterable[str] | None = None,
    articles: Iterable[str] | None = None,
) -> nx.Graph:
    """Return the graph of organisations (``kx:Organization``) and the relations between them.

    A networkx graph is cut down to its nodes whose ``cls`` is ``Organization``.
    """
    if isinstance(source, nx.Graph):
        if predicates is not None or articles is not None:
            raise ViewError(
                "predicates and articles filter RDF: give the store instead of a networkx graph"
            )
        keep = [n for n, d in source.nodes(data=True) if d.get("cls") == "Organization"]
        sub = source.subgraph(keep).copy()
        sub.graph.update(source.graph)
        return sub
    return project(source, classes=["Organization"], predicates=predicates, articles=articles)


def simple_graph(graph: nx.Graph) -> nx.Graph:
    """Return ``graph`` as a simple undirected graph: one edge per linked pair, no self-loops.

    Node attributes are kept. An edge's ``weight`` is the number of edges that linked the pair
    (or the sum of their ``weight`` attributes, when they have one); ``names`` lists their names.
    """
    out = nx.Graph()
    out.graph.update(graph.graph)
    out.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        w = data.get("weight", 1)
        weight = float(w) if isinstance(w, int | float) else 1.0
        name = str(data.get("name") or "")
        if out.has_edge(u, v):
            edge = out.edges[u, v]
            edge["weight"] += weight
            if name and name not in edge["names"]:
                edge["names"].append(name)
        else:
            out.add_edge(u, v, weight=weight, names=[name] if name else [])
    return out


def article_texts(source: Source) -> dict[str, str]:
    """Return each article's original text (the ``nif:isString`` of its ``kx:text``) by IRI."""
    store = as_store(source)
    solutions = store.query(SPARQL_PREFIXES + _Q_TEXTS, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    texts: dict[str, str] = {}
    for article, text in solutions:
        if article is not None and text is not None:
            texts.setdefault(str(article.value), str(text.value))
    return texts


def _units(
    graph: nx.Graph, texts: dict[str, str], scope: Scope
) -> dict[tuple[str, int], dict[str, Any]]:
    """Group the mentions into units (a sentence or an article): unit -> members and span."""
    bounds: dict[str, tuple[list[tuple[int, int]], list[int]]] = {}
    units: dict[tuple[str, int], dict[str, Any]] = {}
    for node, data in graph.nodes(data=True):
        for item in data.get("evidence", ()):
            article = str(item.get("article", ""))
            begin = int(item.get("begin", -1))
            if not article or begin < 0:
                continue
            if scope == "article":
                key, span = (article, 0), (0, 0)
            elif article in texts:
                if article not in bounds:
                    spans = sentences(texts[article])
                    bounds[article] = (spans, [s[0] for s in spans])
                spans, starts = bounds[article]
                if not spans:
                    continue
                at = max(bisect.bisect_right(starts, begin) - 1, 0)
                key, span = (article, at), spans[at]
            else:  # an article without a stored text has no sentences to share
                continue
            unit = units.setdefault(key, {"members": set(), "span": span})
            unit["members"].add(node)
    return units


def cooccurrence(
    source: Source,
    *,
    scope: Scope = "sentence",
    classes: Iterable[str] | None = None,
    articles: Iterable[str] | None = None,
    min_weight: int = 1,
) -> nx.Graph:
    """Return the graph of entities mentioned together in one sentence (or one article).

    Nodes are the projected entities with a mention in the chosen articles (with the attributes
    the projection gives them). An edge's ``weight`` is the number of sentences (or articles)
    that mention both; ``articles`` lists those articles and, for sentences, ``evidence`` holds
    each sentence as an evidence item (``article, begin, end, anchor, sentence,
    sentence_begin``), so a view can show it. Pairs seen fewer than ``min_weight`` times are left
    out. A mention belongs to the sentence its first character is in; in sentence scope, the
    mentions in an article whose text is not stored are skipped.
    """
    if scope not in _COOC_LABELS:
        raise ViewError(f"co-occurrence scope must be sentence or article, not {scope!r}")
    if isinstance(source, nx.Graph):
        raise ViewError("co-occurrence needs the article texts: give the store, not a graph")
    store = as_store(source)
    projected = project(store, classes=classes, articles=articles)
    texts = article_texts(store) if scope == "sentence" else {}
    units = _units(projected, texts, scope)
    label_zh, label_en = _COOC_LABELS[scope]

    pairs: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"weight": 0, "articles": set(), "evidence": []}
    )
    for (article, _index), unit in sorted(units.items()):
        for u, v in combinations(sorted(unit["members"]), 2):
            pair = pairs[(u, v)]
            pair["weight"] += 1
            pair["articles"].add(article)
            if scope == "sentence":
                begin, end = unit["span"]
                text = texts[article][begin:end]
                pair["evidence"].append(
                    {
                        "article": article,
                        "begin": begin,
                        "end": end,
                        "anchor": text,
                        "sentence": text,
                        "sentence_begin": begin,
                    }
                )

    out = nx.Graph()
    out.graph["articles"] = dict(projected.graph.get("articles", {}))
    out.graph["predicates"] = {
        COOCCURS: {"iri": "", "label_zh": label_zh, "label_en": label_en, "symmetric": True}
    }
    out.graph["scope"] = scope
    mentioned = {n for unit in units.values() for n in unit["members"]}
    for node in sorted(mentioned):
        out.add_node(node, **projected.nodes[node])
    for (u, v), pair in sorted(pairs.items()):
        if pair["weight"] < min_weight:
            continue
        out.add_edge(
            u,
            v,
            name=COOCCURS,
            label_zh=label_zh,
            label_en=label_en,
            weight=pair["weight"],
            articles=sorted(pair["articles"]),
            evidence=pair["evidence"],
            during=[],
        )
    return out
