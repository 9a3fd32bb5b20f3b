"""The view of a real build of the seed article: projection against the store, then the browser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

from kexie_graph.namespaces import SPARQL_PREFIXES
from kexie_graph.views import project, write_view

from .conftest import OpenPage

ENTITIES = """
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?top { kx:Organization kx:Person kx:Place kx:Program kx:Platform kx:Document kx:Event }
  GRAPH ?g { ?e a ?top } FILTER(STRSTARTS(STR(?g), "https://w3id.org/kexie-graph/id/graph/article/"))
}"""
TEXTS = "SELECT ?a ?t WHERE { ?a kx:text ?c . ?c nif:isString ?t }"


@pytest.fixture(scope="module")
def seed_graph(seed_build: Path) -> tuple[nx.MultiDiGraph, int, dict[str, str]]:
    from kexie_graph.store import open_store

    with open_store(seed_build, read_only=True) as store:
        graph = project(store)
        (row,) = store.ox.query(SPARQL_PREFIXES + ENTITIES, use_default_graph_as_union=True)
        texts = {
            r["a"].value: r["t"].value
            for r in store.ox.query(SPARQL_PREFIXES + TEXTS, use_default_graph_as_union=True)
        }
    return graph, int(row["n"].value), texts


def test_every_entity_the_article_names_is_a_node_with_true_evidence(
    seed_graph: tuple[nx.MultiDiGraph, int, dict[str, str]],
) -> None:
    graph, named, texts = seed_graph
    in_articles = [n for n, d in graph.nodes(data=True) if d["articles"]]
    assert len(in_articles) == named > 0
    assert graph.number_of_edges() > 0
    for _n, d in graph.nodes(data=True):
        for e in d["evidence"]:
            assert texts[e["article"]][e["begin"] : e["end"]] == e["anchor"]
    for *_uv, d in graph.edges(data=True):
        for e in d["evidence"]:
            assert texts[e["article"]][e["begin"] : e["end"]] == e["anchor"]


@pytest.mark.browser
def test_the_seed_view_opens_offline(
    tmp_path: Path,
    open_view: Callable[..., OpenPage],
    seed_graph: tuple[nx.MultiDiGraph, int, dict[str, str]],
) -> None:
    graph, _named, _texts = seed_graph
    view = open_view(write_view(graph, tmp_path / "kg.html", title="seed"))
    assert view.js("window.kexieNetwork.body.data.nodes.length") == graph.number_of_nodes()
    assert view.js("window.kexieNetwork.body.data.edges.length") == graph.number_of_edges()
    assert view.blocked == [] and view.problems() == []
