"""The ontology file: it parses, defines every term docs/ARCHITECTURE.md uses, and documents them.

The terms are read from ARCHITECTURE.md itself (its predicate table, its kinds list, its figure
units, figure kinds and periods, and every ``kx:`` name it writes), so the page and the ontology
cannot drift.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kexie_graph.graph.ontology import ONTOLOGY_IRI, ontology_graph, ontology_path, shapes_path
from kexie_graph.graph.vocab import FIGURE_KINDS, PREDICATES, UNITS
from kexie_graph.namespaces import FOAF, KX, NIF, ORG, PREFIXES, PROV, SCHEMA, TIME, XSD
from kexie_graph.records import TOP_CLASSES

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "ARCHITECTURE.md"


def _section(title: str) -> str:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def _curie(token: str) -> URIRef:
    prefix, local = token.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


def architecture_predicates() -> list[URIRef]:
    """The IRIs of the predicate table (rows whose IRI cell is a backticked CURIE)."""
    found = []
    for line in _section("Predicates").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and (m := re.fullmatch(r"`?([a-z]+:[A-Za-z]+)`?", cells[1])):
            found.append(_curie(m.group(1)))
    return found


def architecture_kinds() -> list[tuple[str, str]]:
    """(top class, kind) pairs of the kinds list."""
    pairs: list[tuple[str, str]] = []
    top = None
    for line in _section("Kinds").splitlines():
        if m := re.match(r"- (\w+):(.*)", line):
            top, rest = m.group(1), m.group(2)
        elif line.startswith("  ") and top:
            rest = line
        else:
            continue
        pairs.extend((top, k.strip()) for k in rest.split(",") if k.strip())
    return pairs


def architecture_listed(label: str) -> list[URIRef]:
    """The backticked CURIEs after ``label:`` (figure units, figure kinds, periods)."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    m = re.search(rf"{label}: `([^`]+)`", text, flags=re.IGNORECASE)
    assert m, f"ARCHITECTURE.md has no '{label}:' list"
    return [_curie(t) for t in m.group(1).split()]


def architecture_kx_terms() -> list[URIRef]:
    """Every ``kx:Name`` written anywhere in ARCHITECTURE.md."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    return sorted({KX[m] for m in re.findall(r"\bkx:([A-Za-z][A-Za-z0-9]*)", text)})


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


def _langs(graph: Graph, term: URIRef, prop: URIRef) -> set[str]:
    return {o.language or "" for o in graph.objects(term, prop) if isinstance(o, Literal)}


def _kx_terms(graph: Graph) -> list[URIRef]:
    return sorted({s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(KX))})


# --- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ontology_path(), shapes_path()], ids=["ontology", "shapes"])
def test_parses_with_rdflib_and_pyoxigraph_alike(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(graph) > 100
    assert len(store) == len(graph)


@pytest.mark.parametrize("path", [ontology_path(), shapes_path()], ids=["ontology", "shapes"])
def test_no_blank_nodes(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    blanks = [t for t in graph if any(isinstance(x, BNode) for x in t)]
    assert blanks == []


def test_header(onto: Graph) -> None:
    head = URIRef(ONTOLOGY_IRI)
    assert (head, RDF.type, OWL.Ontology) in onto
    assert onto.value(head, OWL.versionInfo) is not None
    assert onto.value(head, OWL.versionIRI) is not None
    assert onto.value(head, URIRef("http://purl.org/dc/terms/license")) is not None
    assert _langs(onto, head, RDFS.label) >= {"zh", "en"}


# --- every term ARCHITECTURE.md names is defined ----------------------------------------------


def test_architecture_lists_are_read() -> None:
    # Guards the parsers above: an empty parse would make the tests below pass vacuously.
    assert len(architecture_predicates()) >= 25
    assert len(architecture_kinds()) >= 50
    assert len(architecture_listed("Figure units")) >= 8
    assert len(architecture_listed("figure kinds")) == 4
    assert len(architecture_listed("Periods")) == 4
    assert KX.EvidenceSpan in architecture_kx_terms()


@pytest.mark.parametrize("prop", architecture_predicates(), ids=str)
def test_predicate_is_an_object_property(onto: Graph, prop: URIRef) -> None:
    assert (prop, RDF.type, OWL.ObjectProperty) in onto


@pytest.mark.parametrize(("top", "kind"), architecture_kinds(), ids=lambda x: str(x))
def test_kind_is_a_subclass_of_its_top_class(onto: Graph, top: str, kind: str) -> None:
    assert (KX[kind], RDF.type, OWL.Class) in onto
    assert (KX[kind], RDFS.subClassOf, KX[top]) in onto


@pytest.mark.parametrize("unit", architecture_listed("Figure units"), ids=str)
def test_unit_individual(onto: Graph, unit: URIRef) -> None:
    assert (unit, RDF.type, KX.Unit) in onto


@pytest.mark.parametrize("kind", architecture_listed("figure kinds"), ids=str)
def test_figure_kind_individual(onto: Graph, kind: URIRef) -> None:
    assert (kind, RDF.type, KX.FigureKind) in onto


@pytest.mark.parametrize("term", architecture_kx_terms(), ids=str)
def test_every_kx_term_of_architecture_is_defined(onto: Graph, term: URIRef) -> None:
    assert (term, RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)) in onto


@pytest.mark.parametrize(
    "iri", sorted({*PREDICATES.values(), *UNITS.values(), *FIGURE_KINDS.values()}), ids=str
)
def test_every_term_of_the_vocab_tables_is_defined(onto: Graph, iri: URIRef) -> None:
    assert any(onto.triples((iri, RDF.type, None)))


# --- documentation ------------------------------------------------------------------------------


@pytest.mark.parametrize("term", _kx_terms(ontology_graph()), ids=str)
def test_term_has_zh_and_en_label_and_definition(onto: Graph, term: URIRef) -> None:
    assert _langs(onto, term, RDFS.label) >= {"zh", "en"}
    assert _langs(onto, term, SKOS.definition) >= {"zh", "en"}
    # exactly one label per language, so tools that pick "the" label are deterministic
    for lang in ("zh", "en"):
        assert (
            len([o for o in onto.objects(term, RDFS.label) if getattr(o, "language", None) == lang])
            == 1
        )


def test_every_kx_term_is_typed(onto: Graph) -> None:
    untyped = [t for t in _kx_terms(onto) if onto.value(t, RDF.type) is None]
    assert untyped == []


# --- structure ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "aligned"),
    [
        (KX.Organization, ORG.Organization),
        (KX.Person, FOAF.Person),
        (KX.Place, SCHEMA.Place),
        (KX.Document, FOAF.Document),
        (KX.Event, SCHEMA.Event),
        (KX.University, SCHEMA.CollegeOrUniversity),
        (KX.Newspaper, SCHEMA.NewsMediaOrganization),
        (KX.GovernmentBody, SCHEMA.GovernmentOrganization),
        (KX.City, SCHEMA.City),
        (KX.Assertion, RDF.Statement),
        (KX.EvidenceSpan, NIF.OffsetBasedString),
        (KX.Figure, SCHEMA.QuantitativeValue),
        (KX.Figure, PROV.Entity),
        (KX.ExtractionRule, PROV.Activity),
        (KX.Year, TIME.ProperInterval),
    ],
)
def test_alignment(onto: Graph, cls: URIRef, aligned: URIRef) -> None:
    assert (cls, RDFS.subClassOf, aligned) in onto


@pytest.mark.parametrize("top", TOP_CLASSES)
def test_top_classes_are_pairwise_disjoint(onto: Graph, top: str) -> None:
    others = {KX[t] for t in TOP_CLASSES if t != top}
    stated = set(onto.objects(KX[top], OWL.disjointWith)) | set(
        onto.subjects(OWL.disjointWith, KX[top])
    )
    assert stated == others


@pytest.mark.parametrize(
    ("prop", "characteristic"),
    [
        (KX.partnerOf, OWL.SymmetricProperty),
        (KX.pairsWith, OWL.SymmetricProperty),
        (KX.locatedIn, OWL.TransitiveProperty),
        (KX.partOf, OWL.TransitiveProperty),
        (KX.hasPart, OWL.TransitiveProperty),
        (ORG.transitiveSubOrganizationOf, OWL.TransitiveProperty),
    ],
)
def test_property_characteristics(onto: Graph, prop: URIRef, characteristic: URIRef) -> None:
    assert (prop, RDF.type, characteristic) in onto


@pytest.mark.parametrize(
    ("prop", "inverse"),
    [
        (KX.partOf, KX.hasPart),
        (ORG.subOrganizationOf, ORG.hasSubOrganization),
        (ORG.heldBy, ORG.holds),
    ],
)
def test_inverses(onto: Graph, prop: URIRef, inverse: URIRef) -> None:
    assert (prop, OWL.inverseOf, inverse) in onto


def test_no_rdfs_domain_outside_figure_properties(onto: Graph) -> None:
    # A wrong rdfs:domain would type resources wrongly; only figure-only properties carry one.
    domains = {s: o for s, o in onto.subject_objects(RDFS.domain)}
    assert set(domains.values()) <= {KX.Figure}


def _year(graph: Graph, node: URIRef, prop: URIRef) -> int:
    value = graph.value(node, prop)
    assert isinstance(value, Literal), f"{node} has no {prop}"
    return int(str(value))


@pytest.mark.parametrize("period", architecture_listed("Periods"), ids=str)
def test_period_is_an_owl_time_interval(onto: Graph, period: URIRef) -> None:
    assert (period, RDF.type, TIME.ProperInterval) in onto
    assert _langs(onto, period, RDFS.label) >= {"zh", "en"}
    begin = onto.value(period, TIME.hasBeginning)
    end = onto.value(period, TIME.hasEnd)
    assert isinstance(begin, URIRef) and isinstance(end, URIRef)
    for instant, year in ((begin, KX.startYear), (end, KX.endYear)):
        assert (instant, RDF.type, TIME.Instant) in onto
        g_year = onto.value(instant, TIME.inXSDgYear)
        assert isinstance(g_year, Literal) and g_year.datatype == XSD.gYear
        assert int(str(g_year)) == _year(onto, period, year)
    assert _year(onto, period, KX.endYear) - _year(onto, period, KX.startYear) == 4


def test_fourteenth_plan_is_2021_to_2025(onto: Graph) -> None:
    assert Literal("十四五", lang="zh") in set(onto.objects(KX.FYP14, RDFS.label))
    assert (_year(onto, KX.FYP14, KX.startYear), _year(onto, KX.FYP14, KX.endYear)) == (2021, 2025)
