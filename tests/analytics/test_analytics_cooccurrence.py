"""Co-occurrence graphs: entities named in the same sentence, or in the same article."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from types import ModuleType

import networkx as nx
import pyoxigraph as ox
import pytest

from kexie_graph.analytics import COOCCURS, cooccurrence
from kexie_graph.errors import ViewError


def _expected(
    gen: ModuleType, scope: str, classes: set[str] | None = None
) -> Counter[tuple[str, str]]:
    """Pairs and weights from the generator's own description of the articles."""
    units: dict[tuple[str, int], set[str]] = {}
    for spec in gen.ARTICLES:
        for sentence, key, _surface in spec.mentions:
            if classes is not None and gen.ENTITIES[key][0] not in classes:
                continue
            unit = (spec.id, sentence if scope == "sentence" else 0)
            units.setdefault(unit, set()).add(str(gen.iri(key)))
    pairs: Counter[tuple[str, str]] = Counter()
    for members in units.values():
        pairs.update(combinations(sorted(members), 2))
    return pairs


def _edges(graph: nx.Graph) -> Counter[tuple[str, str]]:
    return Counter({tuple(sorted((u, v))): d["weight"] for u, v, d in graph.edges(data=True)})


@pytest.mark.parametrize("scope", ["sentence", "article"])
def test_pairs_and_weights_are_the_shared_units(
    store: ox.Store, gen: ModuleType, scope: str
) -> None:
    graph = cooccurrence(store, scope=scope)  # type: ignore[arg-type]
    assert _edges(graph) == _expected(gen, scope)
    assert {d["name"] for *_e, d in graph.edges(data=True)} == {COOCCURS}
    assert graph.graph["scope"] == scope


def test_the_bridge_shares_three_sentences(store: ox.Store, gen: ModuleType) -> None:
    graph = cooccurrence(store)
    edge = graph.edges[str(gen.iri("cqast")), str(gen.iri("scast"))]
    assert edge["weight"] == 3
    assert edge["articles"] == [
        f"https://w3id.org/kexie-graph/id/article/{a}" for a in ("a1", "a2")
    ]


def test_sentence_evidence_is_the_sentence(store: ox.Store, gen: ModuleType) -> None:
    graph = cooccurrence(store)
    spans = {
        (f"https://w3id.org/kexie-graph/id/article/{spec.id}", b, e): spec.text[b:e]
        for spec in gen.ARTICLES
        for b, e in gen.sentence_spans(spec)
        if e > b
    }
    seen = 0
    for u, v, data in graph.edges(data=True):
        assert len(data["evidence"]) == data["weight"]
        for item in data["evidence"]:
            key = (item["article"], item["begin"], item["end"])
            assert spans[key] == item["anchor"] == item["sentence"]
            names = [
                n
                for node in (u, v)
                for n in [graph.nodes[node]["label_zh"], *graph.nodes[node]["aliases"]]
            ]
            assert any(n in item["sentence"] for n in names)
            seen += 1
    assert seen == sum(_expected(gen, "sentence").values())


def test_article_scope_has_no_sentence_evidence(store: ox.Store) -> None:
    graph = cooccurrence(store, scope="article")
    assert all(d["evidence"] == [] and d["articles"] for *_e, d in graph.edges(data=True))


@pytest.mark.parametrize("min_weight", [1, 2, 3, 4])
def test_min_weight_drops_rare_pairs(store: ox.Store, gen: ModuleType, min_weight: int) -> None:
    graph = cooccurrence(store, min_weight=min_weight)
    expected = {pair for pair, w in _expected(gen, "sentence").items() if w >= min_weight}
    assert set(_edges(graph)) == expected


def test_classes_filter_the_entities(store: ox.Store, gen: ModuleType) -> None:
    graph = cooccurrence(store, classes=["Organization"])
    assert {d["cls"] for _n, d in graph.nodes(data=True)} == {"Organization"}
    assert _edges(graph) == _expected(gen, "sentence", {"Organization"})


def test_articles_filter_the_sentences(store: ox.Store) -> None:
    graph = cooccurrence(store, articles=["a3"])
    assert sorted(graph.nodes[n]["label_zh"] for n in graph.nodes) == [
        "中国科学技术协会",
        "四川大学",
        "科创中国",
    ]
    assert graph.number_of_edges() == 2


def test_entities_no_article_names_are_left_out(store: ox.Store, gen: ModuleType) -> None:
    graph = cooccurrence(store)
    assert str(gen.iri("moe")) not in graph  # only the lexicon graph names it
    assert str(gen.iri("chongqing")) in graph  # named, though in a sentence of its own


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"scope": "paragraph"}, "sentence or article")],
)
def test_bad_scope_is_refused(store: ox.Store, kwargs: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ViewError, match=message):
        cooccurrence(store, **kwargs)


def test_a_networkx_graph_is_refused(projection: nx.MultiDiGraph) -> None:
    with pytest.raises(ViewError, match="article texts"):
        cooccurrence(projection)
