"""Analytics over a real build of the seed article (the lead's builder and the store on disk)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from kexie_graph.analytics import cooccurrence, measure, organisations, shortest_path, simple_graph
from kexie_graph.analytics.graphs import article_texts
from kexie_graph.store import Store, open_store
from kexie_graph.text.sentences import sentences


@pytest.fixture(scope="module")
def seed_store(seed_build: Path) -> Iterator[Store]:
    with open_store(seed_build, read_only=True) as store:
        yield store


def test_organisation_measures_cover_every_organisation(seed_store: Store) -> None:
    orgs = organisations(seed_store)
    frame = measure(orgs).frame()
    assert len(frame) == orgs.number_of_nodes() > 5
    assert set(frame["class"]) == {"Organization"}
    expected = nx.betweenness_centrality(simple_graph(orgs))
    got = dict(zip(frame["iri"], frame["betweenness"], strict=True))
    assert got == pytest.approx(expected)


def test_the_seeds_municipal_association_is_a_hub(seed_store: Store) -> None:
    frame = measure(seed_store).frame(sort_by="degree")
    top = frame.head(3)["label_zh"].tolist()
    assert "重庆市科学技术协会" in top


def test_a_path_between_the_two_top_organisations_cites_the_text(seed_store: Store) -> None:
    orgs = organisations(seed_store)
    biggest = max(nx.connected_components(simple_graph(orgs)), key=len)
    ranked = measure(orgs.subgraph(biggest)).frame()
    start, end = ranked["label_zh"].iloc[0], ranked["label_zh"].iloc[-1]
    path = shortest_path(orgs, start, end)
    texts = article_texts(seed_store)
    assert len(path) >= 1
    for hop in path.hops:
        for rel in hop.relations:
            for item in rel.evidence:
                assert texts[item["article"]][item["begin"] : item["end"]] == item["anchor"]


def test_cooccurrence_evidence_is_a_sentence_of_the_article(seed_store: Store) -> None:
    graph = cooccurrence(seed_store)
    texts = article_texts(seed_store)
    spans = {a: set(sentences(t)) for a, t in texts.items()}
    assert graph.number_of_edges() > 10
    for *_ends, data in graph.edges(data=True):
        for item in data["evidence"]:
            assert (item["begin"], item["end"]) in spans[item["article"]]
