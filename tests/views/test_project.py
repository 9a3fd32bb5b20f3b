"""Projecting the RDF dataset onto networkx: nodes, edges, evidence, filters, focus, queries."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from kexie_graph.errors import QuerySyntaxError, ViewError
from kexie_graph.namespaces import KX, KXR
from kexie_graph.views.project import (
    INPUT_DEFAULT_GRAPH,
    OTHER_CLASS,
    as_store,
    focus,
    from_query,
    project,
)

from .conftest import CORPUS, node_by_label

A1 = f"{KXR}article/a1"
A2 = f"{KXR}article/a2"


def _edges(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    label = {n: d["label_zh"] for n, d in graph.nodes(data=True)}
    return {(label[u], d["name"], label[v]) for u, v, d in graph.edges(data=True)}


def _texts(store: ox.Store) -> dict[str, str]:
    query = "SELECT ?a ?t WHERE { ?a kx:text ?c . ?c nif:isString ?t }"
    from kexie_graph.namespaces import SPARQL_PREFIXES

    return {
        r["a"].value: r["t"].value
        for r in store.query(SPARQL_PREFIXES + query, use_default_graph_as_union=True)
    }


def test_nodes_are_the_entities_with_class_kind_labels_and_aliases(
    corpus_graph: nx.MultiDiGraph,
) -> None:
    assert corpus_graph.number_of_nodes() == 10
    cq = corpus_graph.nodes[node_by_label(corpus_graph, "重庆市科学技术协会")]
    assert cq["cls"] == "Organization"
    assert cq["kind"] == "ScienceAssociation"  # kx:Association from the entailments is left out
    assert cq["kind_zh"] == "科学技术协会"
    assert cq["label_en"] == "Chongqing Association for Science and Technology"
    assert cq["aliases"] == ["市科协", "重庆市科协"]
    assert cq["articles"] == [A1, A2]
    assert cq["iri"] == f"{KXR}organization/重庆市科学技术协会"
    classes = {d["cls"] for _n, d in corpus_graph.nodes(data=True)}
    assert classes == {"Organization", "Person", "Place", "Program", "Event"}


def test_evidence_offsets_point_at_the_anchor_in_the_original_text(
    corpus_store: ox.Store, corpus_graph: nx.MultiDiGraph
) -> None:
    texts = _texts(corpus_store)
    items = [e for _n, d in corpus_graph.nodes(data=True) for e in d["evidence"]]
    items += [e for *_uv, d in corpus_graph.edges(data=True) for e in d["evidence"]]
    items += [f["evidence"] for _n, d in corpus_graph.nodes(data=True) for f in d["facts"]]
    assert len(items) == 12 + 7 + 1  # mentions, relations and posts, the figure
    for e in items:
        text = texts[e["article"]]
        assert text[e["begin"] : e["end"]] == e["anchor"]
        start = e["sentence_begin"]
        assert text[start : start + len(e["sentence"])] == e["sentence"]
        assert start <= e["begin"] and e["end"] <= start + len(e["sentence"])


def test_node_evidence_is_its_mentions_with_their_sentence(corpus_graph: nx.MultiDiGraph) -> None:
    pan = corpus_graph.nodes[node_by_label(corpus_graph, "潘复生")]
    assert [(e["anchor"], e["sentence"]) for e in pan["evidence"]] == [
        ("潘复生", "中国工程院院士、市科协主席潘复生介绍,全市公民具备科学素质比例达到10.2%。")
    ]


def test_edges_are_stated_relations_and_posts_not_entailments(
    corpus_graph: nx.MultiDiGraph,
) -> None:
    assert _edges(corpus_graph) == {
        ("重庆市科学技术协会", "partnerOf", "四川省科学技术协会"),
        ("四川省科学技术协会", "partnerOf", "重庆市科学技术协会"),
        ("重庆市科学技术协会", "partnerOf", "中共重庆市委组织部"),
        ("重庆市科学技术协会", "coOrganizes", "川渝科技学术大会"),
        ("中国科学技术协会", "organizes", "科创中国"),
        ("重庆市科学技术协会", "locatedIn", "重庆市"),  # from the lexicon graph
        ("潘复生", "holdsPost", "重庆市科学技术协会"),
        ("潘复生", "holdsPost", "中国工程院"),
    }
    # 中共重庆市委组织部 partnerOf 重庆市科学技术协会 is only in the entailments graph
    roles = {d["label_zh"] for *_uv, d in corpus_graph.edges(data=True) if d["name"] == "holdsPost"}
    assert roles == {"主席", "院士"}


def test_edge_attributes_carry_labels_articles_evidence_and_period(
    corpus_graph: nx.MultiDiGraph,
) -> None:
    cq = node_by_label(corpus_graph, "重庆市科学技术协会")
    sc = node_by_label(corpus_graph, "四川省科学技术协会")
    data = corpus_graph.get_edge_data(cq, sc)["partnerOf"]
    assert data["predicate"] == str(KX.partnerOf)
    assert (data["label_zh"], data["label_en"]) == ("合作伙伴", "partner of")
    assert data["articles"] == [A1]
    assert data["during"] == [str(KX.FYP13)]
    assert [e["anchor"] for e in data["evidence"]] == ["加强与四川省科协合作"]
    lexicon_edge = corpus_graph.get_edge_data(cq, node_by_label(corpus_graph, "重庆市"))[
        "locatedIn"
    ]
    assert lexicon_edge["articles"] == [] and lexicon_edge["evidence"] == []
    assert corpus_graph.graph["predicates"]["partnerOf"]["symmetric"] is True
    assert corpus_graph.graph["predicates"]["organizes"]["symmetric"] is False


def test_figures_are_facts_of_the_entity_they_are_about(corpus_graph: nx.MultiDiGraph) -> None:
    place = corpus_graph.nodes[node_by_label(corpus_graph, "重庆市")]
    assert place["articles"] == []  # a lexicon entry no article names
    (fact,) = place["facts"]
    assert (fact["indicator"], fact["value"], fact["unit_label"], fact["year"]) == (
        "公民具备科学素质比例",
        "10.2",
        "%",
        "2020",
    )
    assert fact["evidence"]["anchor"] == "全市公民具备科学素质比例达到10.2%"


def test_article_table(corpus_graph: nx.MultiDiGraph) -> None:
    assert corpus_graph.graph["articles"] == {
        A1: {"iri": A1, "title": "市科协五届八次全会召开", "date": "2021-03-18"},
        A2: {"iri": A2, "title": "川渝科协签署合作协议", "date": "2021-04-02"},
    }


@pytest.mark.parametrize(
    "classes",
    [["Person", "Organization"], ["kx:Person,kx:Organization"], [f"{KX}Person", "organization"]],
)
def test_class_filter(corpus_store: ox.Store, classes: list[str]) -> None:
    graph = project(corpus_store, classes=classes)
    assert {d["cls"] for _n, d in graph.nodes(data=True)} == {"Person", "Organization"}
    assert graph.number_of_nodes() == 6
    assert ("潘复生", "holdsPost", "中国工程院") in _edges(graph)
    assert all(name != "coOrganizes" for _s, name, _o in _edges(graph))


@pytest.mark.parametrize(
    "predicates", [["partnerOf"], ["partner_of"], ["kx:partnerOf"], [str(KX.partnerOf)]]
)
def test_predicate_filter_keeps_those_relations_and_their_entities(
    corpus_store: ox.Store, predicates: list[str]
) -> None:
    graph = project(corpus_store, predicates=predicates)
    assert {name for _s, name, _o in _edges(graph)} == {"partnerOf"}
    assert sorted(d["label_zh"] for _n, d in graph.nodes(data=True)) == sorted(
        ["重庆市科学技术协会", "四川省科学技术协会", "中共重庆市委组织部"]
    )


def test_posts_filter_by_holds_post(corpus_store: ox.Store) -> None:
    graph = project(corpus_store, predicates=["holds_post"])
    assert _edges(graph) == {
        ("潘复生", "holdsPost", "重庆市科学技术协会"),
        ("潘复生", "holdsPost", "中国工程院"),
    }


@pytest.mark.parametrize("article", ["a2", A2, "kxr:article/a2", f"{KXR}graph/article/a2"])
def test_article_filter_keeps_what_that_article_states(
    corpus_store: ox.Store, article: str
) -> None:
    graph = project(corpus_store, articles=[article])
    assert sorted(d["label_zh"] for _n, d in graph.nodes(data=True)) == sorted(
        ["重庆市科学技术协会", "四川省科学技术协会", "中国科学技术协会", "科创中国"]
    )
    assert _edges(graph) == {
        ("四川省科学技术协会", "partnerOf", "重庆市科学技术协会"),
        ("中国科学技术协会", "organizes", "科创中国"),
    }
    cq = graph.nodes[node_by_label(graph, "重庆市科学技术协会")]
    assert cq["articles"] == [A2]
    assert [e["anchor"] for e in cq["evidence"]] == ["重庆市科协"]
    assert list(graph.graph["articles"]) == [A2]


def test_rdflib_dataset_and_plain_graph_give_the_same_projection(
    corpus_graph: nx.MultiDiGraph,
) -> None:
    ds = rdflib.Dataset()
    ds.parse(CORPUS, format="trig")
    via_rdflib = project(ds)
    assert nx.utils.graphs_equal(via_rdflib, corpus_graph)
    assert via_rdflib.graph == corpus_graph.graph
    # a plain Graph has no named graphs: its triples become one non-article graph
    plain = rdflib.Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        plain.add((s, p, o))
    flat = project(plain)
    assert flat.number_of_nodes() == 10
    assert all(d["articles"] == [] for _n, d in flat.nodes(data=True))


def test_a_default_graph_copy_beside_named_graphs_is_ignored(
    corpus_store: ox.Store, corpus_graph: nx.MultiDiGraph
) -> None:
    store = ox.Store()
    store.extend(corpus_store)
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in corpus_store)
    assert as_store(store) is store
    assert nx.utils.graphs_equal(project(store), corpus_graph)
    assert _edges(project(store)) == _edges(corpus_graph)


def test_default_graph_data_in_an_oxigraph_store_is_read(corpus_store: ox.Store) -> None:
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in corpus_store)
    copy = as_store(store)
    assert copy is not store
    names = {g.value for g in copy.named_graphs()}
    assert names == {INPUT_DEFAULT_GRAPH}
    assert project(store).number_of_nodes() == 10


def test_an_object_holding_a_store_is_accepted(
    corpus_store: ox.Store, corpus_graph: nx.MultiDiGraph
) -> None:
    class Holder:
        ox = corpus_store

    assert nx.utils.graphs_equal(project(Holder()), corpus_graph)


def test_unsupported_input_is_a_view_error() -> None:
    with pytest.raises(ViewError, match="cannot draw a view of a list"):
        project([1, 2])


# ---- focus ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "hops", "expected"),
    [
        ("潘复生", 0, {"潘复生"}),
        ("潘复生", 1, {"潘复生", "重庆市科学技术协会", "中国工程院"}),
        ("Pan Fusheng", 1, {"潘复生", "重庆市科学技术协会", "中国工程院"}),
        ("  pan fusheng ", 1, {"潘复生", "重庆市科学技术协会", "中国工程院"}),
        (
            "市科协",
            1,
            {
                "重庆市科学技术协会",
                "四川省科学技术协会",
                "中共重庆市委组织部",
                "川渝科技学术大会",
                "重庆市",
                "潘复生",
            },
        ),
        (f"{KXR}program/科创中国", 1, {"科创中国", "中国科学技术协会"}),
        ("中国科协", 5, {"科创中国", "中国科学技术协会"}),
    ],
)
def test_focus_keeps_the_neighbourhood(
    corpus_graph: nx.MultiDiGraph, name: str, hops: int, expected: set[str]
) -> None:
    sub = focus(corpus_graph, name, hops)
    assert {d["label_zh"] for _n, d in sub.nodes(data=True)} == expected
    assert sub.graph["articles"] == corpus_graph.graph["articles"]
    assert sub.graph["focus"]


def test_focus_on_an_unknown_name_lists_close_matches(corpus_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(ViewError) as caught:
        focus(corpus_graph, "重庆科学技术协会", 1)
    message = str(caught.value)
    assert "no entity named '重庆科学技术协会'" in message
    assert "close matches: 重庆市科学技术协会" in message
    assert "\n" not in message


def test_focus_on_nothing_close(corpus_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(ViewError, match="no name is close to it"):
        focus(corpus_graph, "ZZZZZZZZ", 1)


def test_focus_hops_must_not_be_negative(corpus_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(ViewError, match="--hops"):
        focus(corpus_graph, "潘复生", -1)


# ---- query results -------------------------------------------------------------------------------

CONSTRUCT = """
CONSTRUCT { ?s kx:partnerOf ?o . ?s rdfs:label ?l }
WHERE { GRAPH ?g { ?s kx:partnerOf ?o } ?s rdfs:label ?l FILTER(lang(?l) = "zh")
        FILTER(?g != <https://w3id.org/kexie-graph/id/graph/entailments>) }
"""


def test_construct_result(corpus_store: ox.Store) -> None:
    graph = from_query(corpus_store, CONSTRUCT)
    assert _edges(graph) == {
        ("重庆市科学技术协会", "partnerOf", "四川省科学技术协会"),
        ("四川省科学技术协会", "partnerOf", "重庆市科学技术协会"),
        ("重庆市科学技术协会", "partnerOf", "中共重庆市委组织部"),
    }
    cq = graph.nodes[node_by_label(graph, "重庆市科学技术协会")]
    assert cq["cls"] == "Organization" and cq["evidence"]  # described as project() describes it
    edge = graph.get_edge_data(
        node_by_label(graph, "重庆市科学技术协会"), node_by_label(graph, "四川省科学技术协会")
    )
    assert edge["partnerOf"]["label_zh"] == "合作伙伴"
    assert edge["partnerOf"]["evidence"]


def test_select_spo_result(corpus_store: ox.Store) -> None:
    query = """SELECT ?s ?p ?o WHERE {
        GRAPH <https://w3id.org/kexie-graph/id/graph/article/a2> { ?s kx:organizes ?o }
        BIND(kx:organizes AS ?p) }"""
    graph = from_query(corpus_store, query)
    assert _edges(graph) == {("中国科学技术协会", "organizes", "科创中国")}


def test_select_two_iri_columns(corpus_store: ox.Store) -> None:
    query = """SELECT ?person ?label ?org WHERE {
        ?post org:heldBy ?person ; org:postIn ?org . ?person rdfs:label ?label }"""
    graph = from_query(corpus_store, query)
    assert {
        (graph.nodes[u]["label_zh"], name, graph.nodes[v]["label_zh"])
        for u, v, name in graph.edges(keys=True)
    } == {
        ("潘复生", "org", "重庆市科学技术协会"),
        ("潘复生", "org", "中国工程院"),
    }


def test_select_with_resources_that_are_not_entities(corpus_store: ox.Store) -> None:
    graph = from_query(corpus_store, "SELECT ?a ?e WHERE { ?a schema:mentions ?e } ORDER BY ?a ?e")
    article = graph.nodes[A1]
    assert article["cls"] == OTHER_CLASS and article["label"] == "a1"
    assert graph.number_of_edges() == 7 + 4  # the entities each article names


def test_select_literals_become_facts(corpus_store: ox.Store) -> None:
    graph = from_query(
        corpus_store,
        "SELECT ?s ?p ?o WHERE { ?s kx:indicator ?o BIND(kx:indicator AS ?p) }",
    )
    (node,) = graph.nodes
    assert graph.nodes[node]["facts"] == [
        {"type": "value", "predicate": "indicator", "value": "公民具备科学素质比例"}
    ]


def test_ask_is_refused(corpus_store: ox.Store) -> None:
    with pytest.raises(ViewError, match="CONSTRUCT or SELECT"):
        from_query(corpus_store, "ASK { ?s ?p ?o }")


def test_syntax_error_is_one_line_with_the_users_position(corpus_store: ox.Store) -> None:
    with pytest.raises(QuerySyntaxError, match="does not parse") as caught:
        from_query(corpus_store, "SELECT ?s\nWHERE { ?s ?p }")
    assert "\n" not in str(caught.value)
    assert "line 2, column" in str(caught.value)


def test_empty_result_is_an_empty_graph(corpus_store: ox.Store) -> None:
    graph = from_query(corpus_store, "SELECT ?s ?o WHERE { ?s kx:nothing ?o }")
    assert graph.number_of_nodes() == 0


def test_query_result_nodes_keep_their_kind(corpus_store: ox.Store) -> None:
    graph = from_query(corpus_store, CONSTRUCT)
    assert graph.nodes[node_by_label(graph, "重庆市科学技术协会")]["kind"] == "ScienceAssociation"
    assert set(graph.graph["articles"]) == {A1, A2}
