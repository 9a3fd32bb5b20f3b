"""Materialised entailments: the triples that the ontology's axioms add to the data.

What is materialised (and nothing else, so the result stays predictable):

* ``rdf:type`` of every superclass, following ``rdfs:subClassOf`` transitively in the ontology,
  including the aligned external classes (``org:Organization``, ``foaf:Person``,
  ``schema:Place`` ...);
* ``rdfs:subPropertyOf``: a triple with a property also holds with each of its super-properties
  (so ``org:subOrganizationOf`` gives ``org:transitiveSubOrganizationOf``);
* ``owl:inverseOf`` both ways, ``owl:SymmetricProperty`` both ways, and the closure of every
  ``owl:TransitiveProperty`` (``kx:locatedIn``, ``kx:partOf``, ``org:transitiveSubOrganizationOf``).

Domains and ranges are deliberately not used: the ontology states them loosely
(``schema:domainIncludes``), and a wrong type would be worse than a missing one.

Only triples not already in the data are returned. The rules run to a fixed point over Python sets
of the few predicates the axioms mention, so the cost grows with the number of typed resources and
relation triples, not with the mentions and texts that make up most of a graph.
:func:`entailments` works on rdflib graphs; :func:`entailments_oxigraph` reads and returns
pyoxigraph quads directly, for the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import OWL, RDF, RDFS

from .iris import ENTAILMENT_GRAPH, ONTOLOGY_GRAPH

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["Axioms", "axioms", "entailments", "entailments_oxigraph"]

T = TypeVar("T", bound=Hashable)

#: Classes every resource belongs to; materialising them says nothing.
_TRIVIAL_CLASSES = frozenset({str(OWL.Thing), str(RDFS.Resource)})


@dataclass(frozen=True, slots=True)
class Axioms:
    """The axioms the materialiser uses, as IRI strings.

    ``superclasses`` and ``superproperties`` map a term to all its strict ancestors (closed);
    ``inverses`` maps a property to its inverses (both directions recorded).
    """

    superclasses: dict[str, frozenset[str]]
    superproperties: dict[str, frozenset[str]]
    inverses: dict[str, frozenset[str]]
    symmetric: frozenset[str]
    transitive: frozenset[str]


def _ancestors(
    edges: dict[str, set[str]], skip: frozenset[str] = frozenset()
) -> dict[str, frozenset[str]]:
    closed: dict[str, frozenset[str]] = {}
    for start in edges:
        seen: set[str] = set()
        stack = list(edges[start])
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            stack.extend(edges.get(node, ()))
        seen.discard(start)
        closed[start] = frozenset(seen - skip)
    return {k: v for k, v in closed.items() if v}


def _axioms_from(
    pairs: Callable[[str], Iterable[tuple[str, str]]], types: Callable[[str], Iterable[str]]
) -> Axioms:
    sub_class: dict[str, set[str]] = defaultdict(set)
    for sub, sup in pairs(str(RDFS.subClassOf)):
        sub_class[sub].add(sup)
    sub_prop: dict[str, set[str]] = defaultdict(set)
    for sub, sup in pairs(str(RDFS.subPropertyOf)):
        sub_prop[sub].add(sup)
    inverses: dict[str, set[str]] = defaultdict(set)
    for p, q in pairs(str(OWL.inverseOf)):
        inverses[p].add(q)
        inverses[q].add(p)
    return Axioms(
        superclasses=_ancestors(sub_class, _TRIVIAL_CLASSES),
        superproperties=_ancestors(sub_prop),
        inverses={p: frozenset(qs) for p, qs in inverses.items()},
        symmetric=frozenset(types(str(OWL.SymmetricProperty))),
        transitive=frozenset(types(str(OWL.TransitiveProperty))),
    )


def axioms(ontology: Graph) -> Axioms:
    """Read the axioms the materialiser uses from an rdflib ontology graph (IRIs only)."""

    def pairs(predicate: str) -> Iterator[tuple[str, str]]:
        for s, o in ontology.subject_objects(URIRef(predicate)):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                yield str(s), str(o)

    def types(cls: str) -> Iterator[str]:
        for s in ontology.subjects(RDF.type, URIRef(cls)):
            if isinstance(s, URIRef):
                yield str(s)

    return _axioms_from(pairs, types)


@dataclass(frozen=True, slots=True)
class _Terms(Generic[T]):
    """The axioms translated into the term type of one RDF library."""

    superclasses: dict[T, tuple[T, ...]]
    superproperties: dict[T, tuple[T, ...]]
    inverses: dict[T, tuple[T, ...]]
    symmetric: frozenset[T]
    transitive: frozenset[T]


def _terms(ax: Axioms, make: Callable[[str], T]) -> _Terms[T]:
    def table(src: dict[str, frozenset[str]]) -> dict[T, tuple[T, ...]]:
        return {make(k): tuple(make(v) for v in sorted(vs)) for k, vs in src.items()}

    return _Terms(
        superclasses=table(ax.superclasses),
        superproperties=table(ax.superproperties),
        inverses=table(ax.inverses),
        symmetric=frozenset(make(p) for p in ax.symmetric),
        transitive=frozenset(make(p) for p in ax.transitive),
    )


def _transitive_closure(pairs: set[tuple[T, T]]) -> set[tuple[T, T]]:
    succ: dict[T, set[T]] = defaultdict(set)
    for s, o in pairs:
        succ[s].add(o)
    closed: set[tuple[T, T]] = set()
    for start in list(succ):
        seen: set[T] = set()
        stack = list(succ[start])
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            stack.extend(succ.get(node, ()))
        closed.update((start, o) for o in seen)
    return closed


def _new_types(typed: Iterable[tuple[T, T]], terms: _Terms[T]) -> Iterator[tuple[T, T]]:
    """Yield (resource, class) memberships implied by ``typed`` and not in it."""
    have: dict[T, set[T]] = defaultdict(set)
    for s, c in typed:
        have[s].add(c)
    for s, classes in have.items():
        implied: set[T] = set()
        for c in classes:
            implied.update(terms.superclasses.get(c, ()))
        for c in implied - classes:
            yield s, c


def _new_facts(
    facts: Iterable[tuple[T, T, T]], terms: _Terms[T], is_resource: Callable[[T], bool]
) -> Iterator[tuple[T, T, T]]:
    """Yield (s, p, o) implied by ``facts`` through the property axioms and not among them."""
    by_prop: dict[T, set[tuple[T, T]]] = defaultdict(set)
    for s, p, o in facts:
        by_prop[p].add((s, o))
    given = {p: set(pairs) for p, pairs in by_prop.items()}
    size = -1
    # Each pass applies every rule once; stop when a pass adds nothing. The number of passes is
    # bounded by the length of the longest chain of sub-property and inverse axioms.
    while size != (size := sum(len(v) for v in by_prop.values())):
        for p, sups in terms.superproperties.items():
            if p in by_prop:
                for sup in sups:
                    by_prop[sup] |= by_prop[p]
        for p, invs in terms.inverses.items():
            if p in by_prop:
                flipped = {(o, s) for s, o in by_prop[p] if is_resource(o)}
                for q in invs:
                    by_prop[q] |= flipped
        for p in terms.symmetric:
            if p in by_prop:
                by_prop[p] |= {(o, s) for s, o in by_prop[p] if is_resource(o)}
        for p in terms.transitive:
            if p in by_prop:
                by_prop[p] |= _transitive_closure(by_prop[p])
    for p, pairs in by_prop.items():
        old = given.get(p, set())
        for s, o in pairs - old:
            yield s, p, o


def _classes(terms: _Terms[T]) -> set[T]:
    found: set[T] = set(terms.superclasses)
    for sups in terms.superclasses.values():
        found.update(sups)
    return found


def _properties(terms: _Terms[T]) -> set[T]:
    found: set[T] = set(terms.symmetric) | set(terms.transitive)
    for table in (terms.superproperties, terms.inverses):
        for key, values in table.items():
            found.add(key)
            found.update(values)
    return found


def _graph_triples(data: Graph, predicate: URIRef, obj: URIRef | None = None) -> Iterator[tuple]:
    if isinstance(data, Dataset | ConjunctiveGraph):
        for s, p, o, _g in data.quads((None, predicate, obj, None)):
            yield s, p, o
    else:
        yield from data.triples((None, predicate, obj))


def entailments(data: Graph, ontology: Graph) -> Graph:
    """Return the triples the ontology's axioms add to ``data`` (a graph or a dataset's union).

    A pure function: neither argument is changed, and the result holds only triples that ``data``
    does not already hold.
    """
    terms = _terms(axioms(ontology), URIRef)
    typed = ((s, c) for c in _classes(terms) for s, _p, _o in _graph_triples(data, RDF.type, c))
    facts = (t for p in _properties(terms) for t in _graph_triples(data, p))
    out = Graph()
    for s, c in _new_types(typed, terms):
        out.add((s, RDF.type, c))
    for s, p, o in _new_facts(facts, terms, lambda o: not isinstance(o, Literal)):
        out.add((s, p, o))
    return out


def entailments_oxigraph(
    store: pyoxigraph.Store,
    ontology_graph: str = str(ONTOLOGY_GRAPH),
    data_graphs: Iterable[str] | None = None,
    *,
    target_graph: str = str(ENTAILMENT_GRAPH),
) -> list[pyoxigraph.Quad]:
    """Return the entailed quads (in ``target_graph``) of the data in a pyoxigraph store.

    The axioms are read from the named graph ``ontology_graph``; the data is the union of
    ``data_graphs`` (default: every named graph but the ontology and ``target_graph``, so the
    article graphs and the lexicon). Quads already in the data are left out. The store is only read.
    """
    import pyoxigraph as ox

    ont = ox.NamedNode(ontology_graph)
    target = ox.NamedNode(target_graph)

    def pairs(predicate: str) -> Iterator[tuple[str, str]]:
        for q in store.quads_for_pattern(None, ox.NamedNode(predicate), None, ont):
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode):
                yield q.subject.value, q.object.value

    def types(cls: str) -> Iterator[str]:
        for q in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(cls), ont):
            if isinstance(q.subject, ox.NamedNode):
                yield q.subject.value

    # pyoxigraph's subjects, predicates and objects are different types; the rules only hash them.
    terms: _Terms[Any] = _terms(_axioms_from(pairs, types), ox.NamedNode)
    if data_graphs is None:
        graphs = [g for g in store.named_graphs() if g != ont and g != target]
    else:
        graphs = [ox.NamedNode(g) for g in data_graphs]
    rdf_type = ox.NamedNode(str(RDF.type))
    typed: Iterator[tuple[Any, Any]] = (
        (q.subject, c)
        for c in _classes(terms)
        for g in graphs
        for q in store.quads_for_pattern(None, rdf_type, c, g)
    )
    facts: Iterator[tuple[Any, Any, Any]] = (
        (q.subject, q.predicate, q.object)
        for p in _properties(terms)
        for g in graphs
        for q in store.quads_for_pattern(None, p, None, g)
    )
    out = [ox.Quad(s, rdf_type, c, target) for s, c in _new_types(typed, terms)]
    out.extend(
        ox.Quad(s, p, o, target)
        for s, p, o in _new_facts(facts, terms, lambda o: not isinstance(o, ox.Literal))
    )
    return out
