"""Shortest paths between named entities: name resolution, hops, evidence, errors."""

from __future__ import annotations

from types import ModuleType

import networkx as nx
import pyoxigraph as ox
import pytest

from kexie_graph.analytics import cooccurrence, organisations, resolve, shortest_path
from kexie_graph.analytics.paths import PATH_COLUMNS
from kexie_graph.errors import ViewError
from kexie_graph.namespaces import SPARQL_PREFIXES

ARTICLE = "https://w3id.org/kexie-graph/id/article/"


def _texts(store: ox.Store) -> dict[str, str]:
    rows = store.query(
        SPARQL_PREFIXES + "SELECT ?a ?t WHERE { GRAPH ?g { ?a kx:text/nif:isString ?t } }"
    )
    return {r["a"].value: r["t"].value for r in rows}


def _evidence_spans(store: ox.Store) -> set[str]:
    rows = store.query(SPARQL_PREFIXES + "SELECT ?e WHERE { GRAPH ?g { ?e a kx:EvidenceSpan } }")
    return {r["e"].value for r in rows}


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("潘复生", "四川大学"),
        ("Pan Fusheng", "Sichuan University"),
        ("  pan fusheng ", "SICHUAN UNIVERSITY"),
        ("https://w3id.org/kexie-graph/id/person/潘复生", "四川大学"),
    ],
)
def test_path_from_the_chair_to_sichuan_university(
    store: ox.Store, gen: ModuleType, start: str, end: str
) -> None:
    path = shortest_path(store, start, end)
    assert path.nodes == tuple(str(gen.iri(k)) for k in ("pan", "cqast", "scast", "scu"))
    assert len(path) == 3
    assert [h.source_label for h in path.hops] == [
        "潘复生",
        "重庆市科学技术协会",
        "四川省科学技术协会",
    ]
    assert path.hops[0].relations[0].name == "holdsPost"
    assert path.hops[0].relations[0].label_zh == "主席"


def test_every_hop_carries_its_evidence(store: ox.Store) -> None:
    path = shortest_path(store, "潘复生", "四川大学")
    texts, spans = _texts(store), _evidence_spans(store)
    for hop in path.hops:
        assert hop.relations
        for rel in hop.relations:
            assert rel.evidence
            for item in rel.evidence:
                assert item["article"].startswith(ARTICLE)
                assert texts[item["article"]][item["begin"] : item["end"]] == item["anchor"]
                assert item["evidence"] in spans  # the evidence span the assertion cites
                assert (
                    item["evidence"] == f"{item['article']}/evidence/{item['begin']}-{item['end']}"
                )


def test_a_relation_stated_both_ways_shows_both_directions(store: ox.Store) -> None:
    hop = shortest_path(store, "重庆市科协", "四川省科协").hops[0]
    assert sorted((r.direction, r.name) for r in hop.relations) == [
        ("backward", "partnerOf"),
        ("forward", "partnerOf"),
    ]
    articles = sorted(item["article"] for r in hop.relations for item in r.evidence)
    assert articles == [f"{ARTICLE}a1", f"{ARTICLE}a2"]


def test_a_lexicon_relation_has_no_evidence(store: ox.Store) -> None:
    path = shortest_path(store, "四川大学", "教育部")
    (hop,) = path.hops
    (rel,) = hop.relations
    assert (rel.name, rel.direction, rel.evidence) == ("subOrganizationOf", "forward", ())
    frame = path.frame()
    assert len(frame) == 1 and frame["begin"].isna().all() and frame["anchor"].iloc[0] == ""


def test_frame_has_one_row_per_evidence_item(store: ox.Store) -> None:
    path = shortest_path(store, "潘复生", "四川大学")
    frame = path.frame()
    assert list(frame.columns) == list(PATH_COLUMNS)
    assert len(frame) == sum(len(r.evidence) for h in path.hops for r in h.relations)
    assert frame["step"].tolist() == sorted(frame["step"].tolist())
    assert str(frame["begin"].dtype) == "Int64"


def test_a_path_to_itself_has_no_hops(store: ox.Store, gen: ModuleType) -> None:
    path = shortest_path(store, "中国科协", "China Association for Science and Technology")
    assert path.nodes == (str(gen.iri("cast")),) and path.hops == ()
    assert path.frame().empty


def test_paths_over_the_cooccurrence_graph_cite_sentences(store: ox.Store, gen: ModuleType) -> None:
    graph = cooccurrence(store)
    path = shortest_path(graph, "潘复生", "科创中国")
    assert path.nodes[0] == str(gen.iri("pan")) and path.nodes[-1] == str(gen.iri("kczg"))
    for hop in path.hops:
        assert all(r.direction == "both" and r.evidence for r in hop.relations)


def test_filters_apply_to_the_projection(store: ox.Store) -> None:
    path = shortest_path(store, "重庆大学", "中国科协", classes=["Organization"])
    assert len(path) == 3
    with pytest.raises(ViewError, match="no entity named '潘复生'"):
        shortest_path(store, "潘复生", "四川大学", classes=["Organization"])


@pytest.mark.parametrize(
    ("name", "close"),
    [
        ("四川大雪", "四川大学"),
        ("重庆市科学协会", "重庆市科学技术协会"),
        ("Sichuan Univ", "Sichuan University"),
    ],
)
def test_unknown_names_list_close_matches(store: ox.Store, name: str, close: str) -> None:
    with pytest.raises(ViewError) as info:
        shortest_path(store, name, "潘复生")
    message = str(info.value)
    assert f"no entity named {name!r}" in message and close in message
    assert "\n" not in message


def test_a_name_close_to_nothing_says_so(projection: nx.MultiDiGraph) -> None:
    with pytest.raises(ViewError, match="no name is close to it"):
        resolve(projection, "zzzzzzzz")


def test_unlinked_entities_have_no_path(store: ox.Store) -> None:
    with pytest.raises(ViewError, match="no path between '重庆市' and '潘复生'"):
        shortest_path(store, "重庆市", "潘复生")


def test_filters_and_a_graph_do_not_mix(store: ox.Store) -> None:
    with pytest.raises(ViewError, match="give the store"):
        shortest_path(organisations(store), "重庆大学", "中国科协", classes=["Organization"])
