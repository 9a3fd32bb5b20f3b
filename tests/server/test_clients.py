"""Real SPARQL clients against the live server, and every content type parsed back."""

from __future__ import annotations

import csv
import io
import json
import warnings
import xml.etree.ElementTree as ET

import httpx
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from server_support import FIXTURE_TRIG, Server
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kexie_graph.namespaces import SPARQL_PREFIXES

# rdflib's SPARQLStore and JSON-LD parser build on its own deprecated ConjunctiveGraph
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

PARTNERS = (
    'SELECT ?partner ?label WHERE { ?a rdfs:label "重庆市科学技术协会"@zh ; kx:partnerOf ?partner .'
    " ?partner rdfs:label ?label FILTER(LANG(?label) = 'zh') } ORDER BY ?label"
)
EXPECTED_LABELS = ["中国科学院成都分院", "四川省科学技术协会"]
CONSTRUCT = (
    "CONSTRUCT { ?m nif:anchorOf ?a ; nif:beginIndex ?b } "
    "WHERE { ?m itsrdf:taIdentRef ?e ; nif:anchorOf ?a ; nif:beginIndex ?b }"
)


def _table(text: str, *, tsv: bool) -> list[list[str]]:
    if tsv:  # TSV cells are RDF terms, quotes included: no CSV quoting
        return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    return list(csv.reader(io.StringIO(text)))


def _union_of(data: bytes | str, fmt: str) -> rdflib.Graph:
    """The union of a dataset's graphs, as one rdflib graph."""
    dataset = rdflib.Dataset()
    with warnings.catch_warnings():
        # rdflib's own TriG parser calls a deprecated Dataset attribute; not ours to fix
        warnings.simplefilter("ignore", DeprecationWarning)
        if isinstance(data, bytes):
            dataset.parse(data=data, format=fmt)
        else:
            dataset.parse(data, format=fmt)
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@pytest.fixture(scope="module")
def expected_graph() -> rdflib.Graph:
    """What CONSTRUCT should answer, computed by rdflib from the fixture file itself."""
    union = _union_of(str(FIXTURE_TRIG), "trig")
    result = union.query(SPARQL_PREFIXES + CONSTRUCT)
    graph = rdflib.Graph()
    for s, p, o in result:  # type: ignore[misc]
        # Oxigraph stores xsd:nonNegativeInteger literals as xsd:integer (seen with 0.5.13)
        if isinstance(o, rdflib.Literal) and o.datatype == rdflib.XSD.nonNegativeInteger:
            o = rdflib.Literal(str(o), datatype=rdflib.XSD.integer)
        graph.add((s, p, o))
    assert len(graph) == 8
    return graph


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select(server: Server, method: str, fmt: str) -> None:
    client = SPARQLWrapper(server.endpoint)
    client.setMethod(method)
    client.setQuery(SPARQL_PREFIXES + PARTNERS)
    client.setReturnFormat(fmt)
    converted = client.query().convert()
    if fmt == JSON:
        labels = [b["label"]["value"] for b in converted["results"]["bindings"]]
    elif fmt == XML:
        labels = [
            b.getElementsByTagName("literal")[0].firstChild.data
            for b in converted.getElementsByTagName("binding")
            if b.getAttribute("name") == "label"
        ]
    else:
        rows = list(_table(converted.decode(), tsv=fmt == TSV))
        header, body = rows[0], rows[1:]
        column = header.index("label" if fmt == CSV else "?label")
        labels = [row[column] for row in body]
        if fmt == TSV:  # TSV carries RDF terms: "中国…"@zh
            labels = [label.split('"')[1] for label in labels]
    assert labels == EXPECTED_LABELS


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [(TURTLE, "turtle"), (N3, "turtle"), (RDFXML, "xml"), (JSONLD, "json-ld"), (XML, "xml")],
)
def test_sparqlwrapper_construct(
    server: Server, expected_graph: rdflib.Graph, fmt: str, rdflib_format: str
) -> None:
    client = SPARQLWrapper(server.endpoint)
    client.setQuery(SPARQL_PREFIXES + CONSTRUCT)
    client.setReturnFormat(fmt)
    raw = client.query().response.read()
    graph = rdflib.Graph().parse(data=raw, format=rdflib_format)
    assert isomorphic(graph, expected_graph)


@pytest.mark.parametrize("method", ["GET", "POST_FORM", "POST"])
def test_rdflib_sparqlstore(server: Server, method: str) -> None:
    store = SPARQLStore(server.endpoint, method=method)
    graph = rdflib.Graph(store=store)
    rows = list(graph.query(SPARQL_PREFIXES + PARTNERS))
    assert [str(row.label) for row in rows] == EXPECTED_LABELS  # type: ignore[union-attr]
    assert all(isinstance(row.partner, rdflib.URIRef) for row in rows)  # type: ignore[union-attr]
    asked = graph.query("ASK { ?s a <https://w3id.org/kexie-graph/ontology#Person> }")
    assert asked.askAnswer is True
    store.close()


@pytest.mark.parametrize(
    ("accept", "parse"),
    [
        ("application/sparql-results+json", "json"),
        ("application/json", "json"),
        ("application/sparql-results+xml", "xml"),
        ("text/csv", "csv"),
        ("text/tab-separated-values", "tsv"),
    ],
)
def test_every_result_type_round_trips(server: Server, accept: str, parse: str) -> None:
    reply = httpx.get(server.endpoint, params={"query": PARTNERS}, headers={"Accept": accept})
    assert reply.status_code == 200
    expected_type = "application/sparql-results+json" if parse == "json" else accept
    if parse == "xml":
        expected_type = "application/sparql-results+xml"
    assert reply.headers["content-type"].split(";")[0] == expected_type
    if parse == "json":
        labels = [b["label"]["value"] for b in json.loads(reply.text)["results"]["bindings"]]
    elif parse == "xml":
        root = ET.fromstring(reply.content)
        ns = "{http://www.w3.org/2005/sparql-results#}"
        labels = [e.text for e in root.iter(f"{ns}literal")]
    else:
        rows = list(_table(reply.text, tsv=parse == "tsv"))
        reader = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
        key = "label" if parse == "csv" else "?label"
        labels = [row[key] if parse == "csv" else row[key].split('"')[1] for row in reader]
    assert labels == EXPECTED_LABELS


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/trig", "trig"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
@pytest.mark.parametrize("by", ["accept", "format"])
def test_every_graph_type_round_trips(
    server: Server, expected_graph: rdflib.Graph, accept: str, rdflib_format: str, by: str
) -> None:
    if by == "accept":
        reply = httpx.get(server.endpoint, params={"query": CONSTRUCT}, headers={"Accept": accept})
    else:
        reply = httpx.get(server.endpoint, params={"query": CONSTRUCT, "format": accept})
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].split(";")[0] == accept
    if rdflib_format == "trig":
        graph = _union_of(reply.content, "trig")
    else:
        graph = rdflib.Graph().parse(data=reply.content, format=rdflib_format)
    assert isomorphic(graph, expected_graph)


def test_describe_answers_a_graph(server: Server) -> None:
    iri = "https://w3id.org/kexie-graph/id/person/潘复生"
    reply = httpx.get(server.endpoint, params={"query": f"DESCRIBE <{iri}>", "format": "nt"})
    assert reply.status_code == 200
    graph = rdflib.Graph().parse(data=reply.content, format="nt")
    label = graph.value(rdflib.URIRef(iri), rdflib.RDFS.label)
    assert str(label) == "潘复生"
