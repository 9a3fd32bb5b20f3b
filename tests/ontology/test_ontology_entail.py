"""Materialised entailments: superclasses, sub-properties, inverses, symmetry, transitivity."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, SDO

from kexie_graph.graph.entail import axioms, entailments, entailments_oxigraph
from kexie_graph.graph.iris import ENTAILMENT_GRAPH, ONTOLOGY_GRAPH
from kexie_graph.graph.ontology import ontology_graph, ontology_path
from kexie_graph.namespaces import KX, KXR

A, B, C, D = (KXR[f"organization/{n}"] for n in "ABCD")
P1, P2, P3 = (KXR[f"place/{n}"] for n in ("P1", "P2", "P3"))
X, Y, Z = (KXR[f"program/{n}"] for n in "XYZ")


def graph(*triples: tuple) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def entail(*triples: tuple) -> set[tuple]:
    return set(entailments(graph(*triples), ontology_graph()))


def test_superclasses_of_a_kind_reach_the_aligned_classes() -> None:
    new = entail((A, RDF.type, KX.ScienceAssociation))
    types = {o for s, p, o in new if s == A and p == RDF.type}
    assert types == {KX.Organization, ORG.Organization, SDO.Organization}


@pytest.mark.parametrize(
    ("cls", "expected"),
    [
        (KX.Person, FOAF.Person),
        (KX.City, SDO.Place),
        (KX.University, SDO.CollegeOrUniversity),
        (KX.Conference, SDO.Event),
        (KX.Law, FOAF.Document),
        (
            KX.EvidenceSpan,
            URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#String"),
        ),
    ],
)
def test_superclass(cls: URIRef, expected: URIRef) -> None:
    assert (A, RDF.type, expected) in entail((A, RDF.type, cls))


def test_trivial_superclasses_are_not_materialised() -> None:
    new = entail((A, RDF.type, KX.ScienceAssociation))
    assert not any(str(o).startswith("http://www.w3.org/2002/07/owl#") for _s, _p, o in new)


@pytest.mark.parametrize("prop", [KX.partnerOf, KX.pairsWith])
def test_symmetric(prop: URIRef) -> None:
    assert entail((A, prop, B)) >= {(B, prop, A)}


def test_inverse_both_ways() -> None:
    assert (B, KX.hasPart, A) in entail((A, KX.partOf, B))
    assert (A, KX.partOf, B) in entail((B, KX.hasPart, A))
    assert (B, ORG.hasSubOrganization, A) in entail((A, ORG.subOrganizationOf, B))
    assert (D, ORG.holds, A) in entail((A, ORG.heldBy, D))


def test_transitive_located_in() -> None:
    new = entail((A, KX.locatedIn, P1), (P1, KX.locatedIn, P2), (P2, KX.locatedIn, P3))
    located = {(s, o) for s, p, o in new if p == KX.locatedIn}
    assert located == {(A, P2), (A, P3), (P1, P3)}


def test_transitive_part_of_and_its_inverse() -> None:
    new = entail((X, KX.partOf, Y), (Y, KX.partOf, Z))
    assert (X, KX.partOf, Z) in new
    assert {(Z, KX.hasPart, X), (Z, KX.hasPart, Y), (Y, KX.hasPart, X)} <= new
    assert (X, DCTERMS.isPartOf, Z) in new  # the alignment holds for the closure too


def test_sub_organizations_close_into_the_transitive_property() -> None:
    new = entail((A, ORG.subOrganizationOf, B), (B, ORG.subOrganizationOf, C))
    transitive = {(s, o) for s, p, o in new if p == ORG.transitiveSubOrganizationOf}
    assert transitive == {(A, B), (B, C), (A, C)}
    assert (A, ORG.subOrganizationOf, C) not in new  # the direct property is not closed


@pytest.mark.parametrize(
    ("triple", "expected"),
    [
        ((A, KX.coBuilds, X), (A, KX.builds, X)),
        ((A, KX.coIssues, X), (A, KX.issues, X)),
        ((A, KX.coIssues, X), (X, DCTERMS.publisher, A)),  # via kx:issuedBy
        ((A, KX.organizes, X), (X, SDO.organizer, A)),  # via kx:organizedBy
        ((A, KX.locatedIn, P1), (A, SDO.location, P1)),
    ],
)
def test_sub_properties_and_inverses_chain(triple: tuple, expected: tuple) -> None:
    assert expected in entail(triple)


def test_plans_do_not_imply_facts() -> None:
    new = entail((A, KX.plansToBuild, X), (A, KX.plansToIssue, Y), (A, KX.seeksToHost, Z))
    assert new == set()


def test_only_new_triples() -> None:
    data = graph(
        (A, RDF.type, KX.ScienceAssociation),
        (A, RDF.type, KX.Organization),
        (A, KX.partnerOf, B),
        (B, KX.partnerOf, A),
    )
    new = set(entailments(data, ontology_graph()))
    assert new.isdisjoint(set(data))
    assert (B, KX.partnerOf, A) not in new
    assert (A, RDF.type, ORG.Organization) in new


def test_pure_function() -> None:
    data = graph((A, KX.partOf, B), (A, RDF.type, KX.Brand))
    onto = ontology_graph()
    before_data, before_onto = set(data), len(onto)
    first = set(entailments(data, onto))
    assert set(data) == before_data
    assert len(onto) == before_onto
    assert set(entailments(data, onto)) == first


def test_literal_objects_are_not_inverted() -> None:
    # a symmetric or inverse rule must never put a literal in subject position
    new = entail((A, KX.partnerOf, Literal("四川省科协")))
    assert new == set()


def test_dataset_union() -> None:
    ds = Dataset()
    ds.graph(KXR["graph/article/one"]).add((A, KX.locatedIn, P1))
    ds.graph(KXR["graph/article/two"]).add((P1, KX.locatedIn, P2))
    assert (A, KX.locatedIn, P2) in set(entailments(ds, ontology_graph()))


def test_axioms_read_from_the_ontology() -> None:
    ax = axioms(ontology_graph())
    assert str(KX.partnerOf) in ax.symmetric
    assert str(KX.locatedIn) in ax.transitive
    assert str(ORG.Organization) in ax.superclasses[str(KX.ScienceAssociation)]
    assert str(KX.hasPart) in ax.inverses[str(KX.partOf)]


def _to_ox(term: object) -> ox.NamedNode | ox.Literal:
    if isinstance(term, Literal):
        return ox.Literal(str(term))
    return ox.NamedNode(str(term))


def test_oxigraph_variant_agrees_with_rdflib() -> None:
    triples = [
        (A, RDF.type, KX.ScienceAssociation),
        (A, ORG.subOrganizationOf, B),
        (B, ORG.subOrganizationOf, C),
        (A, KX.partnerOf, D),
        (A, KX.locatedIn, P1),
        (P1, KX.locatedIn, P2),
        (X, KX.partOf, Y),
        (A, KX.coBuilds, Z),
    ]
    store = ox.Store()
    store.load(
        path=str(ontology_path()),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)),
    )
    half = len(triples) // 2
    for i, (s, p, o) in enumerate(triples):
        g = ox.NamedNode(str(KXR[f"graph/article/{'one' if i < half else 'two'}"]))
        store.add(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), g))  # type: ignore[arg-type]
    quads = entailments_oxigraph(store)
    assert {q.graph_name for q in quads} == {ox.NamedNode(str(ENTAILMENT_GRAPH))}
    got = {(q.subject.value, q.predicate.value, q.object.value) for q in quads}  # type: ignore[union-attr]
    want = {tuple(str(x) for x in t) for t in entailments(graph(*triples), ontology_graph())}
    assert got == want
    assert len(got) > 10
