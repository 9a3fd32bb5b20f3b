"""Degree, betweenness, PageRank, Louvain communities: values, tables, RDF and view attributes."""

from __future__ import annotations

from types import ModuleType

import networkx as nx
import pandas as pd
import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kexie_graph.analytics import (
    ANALYTICS_GRAPH,
    COMMUNITY_COLOURS,
    MEASURES,
    PROPERTIES,
    betweenness,
    communities,
    cooccurrence,
    degree,
    measure,
    organisations,
    pagerank,
    simple_graph,
)
from kexie_graph.errors import ViewError
from kexie_graph.views.html import render_view
from kexie_graph.views.layout import SIZE_MAX, SIZE_MIN
from kexie_graph.views.project import project
from kexie_graph.views.style import style_of

#: the organisations graph of the fixture (undirected): two clusters and one bridge
ORG_DEGREES = {
    "cqast": 3,
    "orgdept": 2,
    "cqu": 2,
    "scast": 4,
    "scu": 3,
    "sccs": 2,
    "cast": 1,
    "moe": 1,
}
CHONGQING = {"cqast", "orgdept", "cqu"}
SICHUAN = {"scast", "scu", "sccs", "cast", "moe"}


def _power_pagerank(graph: nx.Graph, weight: str | None, damping: float = 0.85) -> dict:
    """PageRank by plain power iteration on the undirected graph (an independent reference)."""
    nodes = list(graph.nodes)
    n = len(nodes)
    strength = {
        u: sum(d.get(weight, 1.0) if weight else 1.0 for *_e, d in graph.edges(u, data=True))
        for u in nodes
    }
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(1000):
        dangling = sum(rank[u] for u in nodes if strength[u] == 0)
        new = {}
        for v in nodes:
            inflow = sum(
                rank[u] * ((d.get(weight, 1.0) if weight else 1.0) / strength[u])
                for _v, u, d in graph.edges(v, data=True)
            )
            new[v] = (1 - damping) / n + damping * (inflow + dangling / n)
        if max(abs(new[u] - rank[u]) for u in nodes) < 1e-13:
            rank = new
            break
        rank = new
    return rank


@pytest.fixture(scope="module")
def orgs(store: ox.Store) -> nx.MultiDiGraph:
    return organisations(store)


@pytest.fixture(scope="module")
def cooc(store: ox.Store) -> nx.Graph:
    return cooccurrence(store)


def test_organisations_are_the_fixture_organisations(
    orgs: nx.MultiDiGraph, gen: ModuleType
) -> None:
    expected = {str(gen.iri(k)) for k, e in gen.ENTITIES.items() if e[0] == "Organization"}
    assert set(orgs.nodes) == expected
    assert {d["cls"] for _n, d in orgs.nodes(data=True)} == {"Organization"}
    # a post links a person: it is not in the organisations graph
    assert "holdsPost" not in {d["name"] for *_e, d in orgs.edges(data=True)}


def test_organisations_of_a_graph_equal_those_of_the_store(
    orgs: nx.MultiDiGraph, projection: nx.MultiDiGraph
) -> None:
    cut = organisations(projection)
    assert set(cut.nodes) == set(orgs.nodes)
    assert sorted(cut.edges(keys=True)) == sorted(orgs.edges(keys=True))


@pytest.mark.parametrize(("key", "expected"), sorted(ORG_DEGREES.items()))
def test_degree_counts_distinct_neighbours(
    orgs: nx.MultiDiGraph, gen: ModuleType, key: str, expected: int
) -> None:
    # 重庆市科协 and 四川省科协 state partnerOf both ways: still one neighbour each
    assert degree(orgs)[str(gen.iri(key))] == expected


@pytest.mark.parametrize("which", ["orgs", "projection", "cooc"])
def test_betweenness_matches_networkx(request: pytest.FixtureRequest, which: str) -> None:
    graph = request.getfixturevalue(which)
    expected = nx.betweenness_centrality(simple_graph(graph))
    got = betweenness(graph)
    assert got.keys() == expected.keys()
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, abs=1e-12)


@pytest.mark.parametrize("which", ["orgs", "projection", "cooc"])
@pytest.mark.parametrize("weight", [None, "weight"])
def test_pagerank_matches_power_iteration(
    request: pytest.FixtureRequest, which: str, weight: str | None
) -> None:
    graph = request.getfixturevalue(which)
    expected = _power_pagerank(simple_graph(graph), weight)
    got = pagerank(graph, weight=weight)
    assert sum(got.values()) == pytest.approx(1.0)
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, abs=1e-6)


def test_the_bridge_ranks_first(orgs: nx.MultiDiGraph, gen: ModuleType) -> None:
    m = measure(orgs)
    frame = m.frame()
    assert frame.iloc[0]["iri"] == str(gen.iri("scast"))
    assert frame.sort_values("betweenness", ascending=False).iloc[0]["iri"] == str(gen.iri("scast"))
    leaves = [str(gen.iri(k)) for k in ("orgdept", "cqu", "sccs", "cast", "moe")]
    assert all(m.betweenness[n] == 0 for n in leaves)


@pytest.mark.parametrize("seed", [1, 2, 3, 7, 42])
def test_louvain_finds_the_two_clusters(orgs: nx.MultiDiGraph, gen: ModuleType, seed: int) -> None:
    parts = communities(orgs, seed=seed)
    expected = [{str(gen.iri(k)) for k in SICHUAN}, {str(gen.iri(k)) for k in CHONGQING}]
    assert [set(p) for p in parts] == expected  # largest first


@pytest.mark.parametrize("which", ["orgs", "projection", "cooc"])
def test_communities_are_deterministic_and_cover_every_node(
    request: pytest.FixtureRequest, which: str
) -> None:
    graph = request.getfixturevalue(which)
    first, again = communities(graph, seed=5), communities(graph, seed=5)
    assert first == again
    members = [n for part in first for n in part]
    assert sorted(members) == sorted(graph.nodes)
    assert [len(p) for p in first] == sorted((len(p) for p in first), reverse=True)


def test_measure_of_a_store_equals_measure_of_its_projection(
    store: ox.Store, projection: nx.MultiDiGraph
) -> None:
    a, b = measure(store), measure(projection)
    pd.testing.assert_frame_equal(a.frame(), b.frame())


def test_frame_columns_and_rows(orgs: nx.MultiDiGraph, gen: ModuleType) -> None:
    frame = measure(orgs).frame()
    assert list(frame.columns) == ["iri", "label_zh", "label_en", "class", "kind", *MEASURES]
    assert len(frame) == orgs.number_of_nodes()
    assert frame["pagerank"].is_monotonic_decreasing
    row = frame.set_index("iri").loc[str(gen.iri("cqast"))]
    _cls, kind, zh, en, _aliases = gen.ENTITIES["cqast"]
    assert (row["label_zh"], row["label_en"], row["class"], row["kind"]) == (
        zh,
        en,
        "Organization",
        kind,
    )
    assert row["degree"] == ORG_DEGREES["cqast"]


@pytest.mark.parametrize("sort_by", MEASURES)
def test_frame_sorts_by_any_measure(orgs: nx.MultiDiGraph, sort_by: str) -> None:
    column = measure(orgs).frame(sort_by=sort_by)[sort_by]
    assert (
        column.is_monotonic_increasing if sort_by == "community" else column.is_monotonic_decreasing
    )


def test_frame_refuses_an_unknown_measure(orgs: nx.MultiDiGraph) -> None:
    with pytest.raises(ViewError, match="pick one of degree"):
        measure(orgs).frame(sort_by="closeness")


def test_empty_graph_gives_an_empty_table() -> None:
    frame = measure(nx.MultiDiGraph()).frame()
    assert frame.empty and list(frame.columns)[-4:] == list(MEASURES)


def test_rdf_holds_every_measure_in_the_analytics_graph(orgs: nx.MultiDiGraph) -> None:
    m = measure(orgs)
    g = m.to_rdf()
    assert (
        g.identifier == ANALYTICS_GRAPH == URIRef("https://w3id.org/kexie-graph/id/graph/analytics")
    )
    assert len(g) == len(MEASURES) * orgs.number_of_nodes()
    for node in orgs.nodes:
        for name in MEASURES:
            values = list(g.objects(URIRef(node), PROPERTIES[name]))
            assert len(values) == 1
            assert values[0].toPython() == pytest.approx(m.values(name)[node])


def test_rdf_in_the_store_leaves_the_projection_unchanged(
    store: ox.Store, projection: nx.MultiDiGraph
) -> None:
    copy = ox.Store()
    copy.bulk_extend(store)
    g = measure(projection).to_rdf()
    name = ox.NamedNode(str(g.identifier))
    copy.bulk_extend(
        ox.Quad(
            ox.NamedNode(str(s)),
            ox.NamedNode(str(p)),
            ox.Literal(str(o), datatype=ox.NamedNode(str(o.datatype))),
            name,
        )
        for s, p, o in g
    )
    again = project(copy)
    assert sorted(again.nodes) == sorted(projection.nodes)
    assert sorted(again.edges(keys=True)) == sorted(projection.edges(keys=True))


def test_annotate_gives_sizes_colours_and_measures(orgs: nx.MultiDiGraph, gen: ModuleType) -> None:
    m = measure(orgs)
    shown = m.annotate(size_by="pagerank")
    assert shown is not orgs and "size" not in orgs.nodes[str(gen.iri("scast"))]
    sizes = {n: d["size"] for n, d in shown.nodes(data=True)}
    assert sizes[str(gen.iri("scast"))] == SIZE_MAX
    assert all(SIZE_MIN <= s <= SIZE_MAX for s in sizes.values())
    for node, data in shown.nodes(data=True):
        assert data["color"] == COMMUNITY_COLOURS[m.community[node]]
        assert {name: data[name] for name in MEASURES} == {
            name: m.values(name)[node] for name in MEASURES
        }
    assert shown.graph["size_by"] == "pagerank"


def test_annotate_by_class_uses_the_view_palette(projection: nx.MultiDiGraph) -> None:
    shown = measure(projection).annotate(projection, size_by="degree", colour_by="class")
    for _node, data in shown.nodes(data=True):
        assert data["color"] == style_of(data["cls"]).color
        assert data["size"] >= SIZE_MIN


@pytest.mark.parametrize(("size_by", "colour_by"), [("closeness", "community"), ("degree", "kind")])
def test_annotate_refuses_unknown_options(
    orgs: nx.MultiDiGraph, size_by: str, colour_by: str
) -> None:
    with pytest.raises(ViewError):
        measure(orgs).annotate(size_by=size_by, colour_by=colour_by)  # type: ignore[arg-type]


@pytest.mark.parametrize("which", ["orgs", "cooc"])
def test_annotated_graphs_render_as_views(request: pytest.FixtureRequest, which: str) -> None:
    graph = request.getfixturevalue(which)
    page = render_view(measure(graph).annotate(), title="analytics", size_by="pagerank")
    assert page.startswith("<!DOCTYPE html>") and "kx-data" in page
