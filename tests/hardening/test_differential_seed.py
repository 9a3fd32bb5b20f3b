"""Differential tests over the seed build's own vocabulary: queries generated from what the build
holds give the same answers on rdflib's Memory store (``kg.trig`` in a ``Dataset`` with
``default_union``) and on the Oxigraph store.

tests/store/test_differential.py compares a fixed query set and Hypothesis-built queries on a small
fixture, and the competency queries on the seed; this module adds, on the seed build, one query per
class (counts and labels), per label language, per assertion predicate (assertions with their
evidence, direct triples, ASK), per figure unit (values, sums), per post role and per named graph,
and aggregates over the whole union (where a multiset union would count a triple stated in several
graphs more than once). Rows are compared by that module's ``assert_same``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset

from kexie_graph.query import query
from kexie_graph.store import Store, open_store

from ..store.test_differential import assert_same, rdflib_dataset

KX = "https://w3id.org/kexie-graph/ontology#"


@pytest.fixture(scope="module")
def engines(seed_build: Path) -> Iterator[tuple[Store, Dataset]]:
    with open_store(seed_build, read_only=True) as store:
        yield store, rdflib_dataset(seed_build / "kg.trig")


def _values(store: Store, sparql: str, var: str) -> list[str]:
    return sorted({str(row[var]) for row in query(store, sparql).rows if row.get(var) is not None})


def _vocabulary(store: Store) -> dict[str, list[str]]:
    return {
        "class": _values(store, "SELECT DISTINCT ?c WHERE { ?s a ?c FILTER(isIRI(?c)) }", "c"),
        "lang": _values(
            store,
            "SELECT DISTINCT (LANG(?l) AS ?lang) WHERE { ?s rdfs:label|skos:altLabel ?l }",
            "lang",
        ),
        "predicate": _values(
            store, "SELECT DISTINCT ?p WHERE { ?a a kx:Assertion ; rdf:predicate ?p }", "p"
        ),
        "unit": _values(store, "SELECT DISTINCT ?u WHERE { ?f a kx:Figure ; kx:unit ?u }", "u"),
        "role": _values(store, "SELECT DISTINCT ?r WHERE { ?post a org:Post ; org:role ?r }", "r"),
        "graph": _values(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "g"),
    }


#: family -> query templates over one item of the vocabulary ({x})
TEMPLATES: dict[str, list[str]] = {
    "class": [
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{x}> }}",
        "SELECT ?s ?l WHERE {{ ?s a <{x}> ; rdfs:label ?l }} ORDER BY ?s ?l",
        "SELECT ?s (COUNT(?alt) AS ?n) WHERE {{ ?s a <{x}> OPTIONAL {{ ?s skos:altLabel ?alt }} }}"
        " GROUP BY ?s",
    ],
    "lang": [
        "SELECT ?s ?l WHERE {{ ?s rdfs:label ?l FILTER(LANG(?l) = '{x}') }} ORDER BY ?s ?l",
        "SELECT (COUNT(*) AS ?n) WHERE "
        "{{ ?s skos:altLabel ?l FILTER(LANGMATCHES(LANG(?l), '{x}')) }}",
    ],
    "predicate": [
        """SELECT ?s ?o ?anchor ?b ?e ?during WHERE {{
             ?a a kx:Assertion ; rdf:predicate <{x}> ; rdf:subject ?s ; rdf:object ?o ;
                prov:wasDerivedFrom ?ev .
             ?ev nif:anchorOf ?anchor ; nif:beginIndex ?b ; nif:endIndex ?e .
             OPTIONAL {{ ?a kx:during ?during }}
           }}""",
        "SELECT ?s ?o WHERE {{ ?s <{x}> ?o }}",
        "SELECT ?sl ?ol WHERE {{ ?s <{x}> ?o . ?s rdfs:label ?sl . ?o rdfs:label ?ol "
        "FILTER(LANG(?sl) = 'zh' && LANG(?ol) = 'zh') }}",
        "ASK {{ ?s <{x}> ?o }}",
    ],
    "unit": [
        """SELECT ?f ?v ?indicator ?year ?kind WHERE {{
             ?f kx:unit <{x}> ; rdf:value ?v ; kx:figureKind ?kind .
             OPTIONAL {{ ?f kx:indicator ?indicator }} OPTIONAL {{ ?f kx:year ?year }}
           }}""",
        "SELECT (SUM(?v) AS ?sum) (MAX(?v) AS ?max) (MIN(?v) AS ?min) (COUNT(?f) AS ?n) "
        "WHERE {{ ?f kx:unit <{x}> ; rdf:value ?v }}",
    ],
    "role": [
        """SELECT ?person ?org WHERE {{
             ?post org:role <{x}> ; org:heldBy/rdfs:label ?person ; org:postIn/rdfs:label ?org .
             FILTER(LANG(?person) = 'zh' && LANG(?org) = 'zh')
           }}""",
    ],
    "graph": [
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{x}> {{ ?s ?p ?o }} }}",
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{x}> {{ ?s a ?c }} }} GROUP BY ?c",
    ],
}

#: over the whole default graph (the union of the named graphs, a set)
WHOLE = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c",
    "SELECT (COUNT(DISTINCT ?m) AS ?mentions) (COUNT(DISTINCT ?e) AS ?entities) "
    "WHERE { ?m itsrdf:taIdentRef ?e }",
    "SELECT ?lang (COUNT(?l) AS ?n) WHERE { ?s rdfs:label ?l BIND(LANG(?l) AS ?lang) } "
    "GROUP BY ?lang",
]

#: the least the seed must hold for these tests to mean something
MINIMUM = {"class": 10, "lang": 2, "predicate": 3, "unit": 1, "role": 2, "graph": 3}


def test_the_seed_vocabulary_is_rich_enough(engines: tuple[Store, Dataset]) -> None:
    store, _ = engines
    vocabulary = _vocabulary(store)
    for family, least in MINIMUM.items():
        assert len(vocabulary[family]) >= least, (family, vocabulary[family])
    assert {"zh", "en"} <= set(vocabulary["lang"])
    assert f"{KX}partnerOf" in vocabulary["predicate"]


@pytest.mark.parametrize("family", sorted(TEMPLATES))
def test_generated_queries_agree_on_the_seed(engines: tuple[Store, Dataset], family: str) -> None:
    store, dataset = engines
    items = _vocabulary(store)[family]
    assert items, family
    mismatches = []
    for item in items:
        for template in TEMPLATES[family]:
            sparql = template.format(x=item)
            try:
                assert_same(query(dataset, sparql), query(store, sparql), sparql)
            except AssertionError as error:
                mismatches.append(f"{sparql}\n  {str(error).splitlines()[0]}")
    assert not mismatches, f"{len(mismatches)} queries disagree:\n" + "\n".join(mismatches[:5])


@pytest.mark.parametrize("sparql", WHOLE)
def test_aggregates_over_the_union_agree_on_the_seed(
    engines: tuple[Store, Dataset], sparql: str
) -> None:
    store, dataset = engines
    assert_same(query(dataset, sparql), query(store, sparql), sparql)
