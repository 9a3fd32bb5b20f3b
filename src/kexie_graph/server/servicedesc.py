"""The SPARQL 1.1 Service Description answered at ``GET /sparql`` with no query.

It states the endpoint's address, that it speaks SPARQL 1.1 Query only (no update, no
federation), the result and graph formats it can send, that the default graph is the union of the
named graphs, and the named graphs themselves. The graph is small and fixed per endpoint
address, so each (address, format) pair is serialized once.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox

from ..query.results import RDF_FORMATS
from .negotiate import GRAPH_FORMATS, RESULT_FORMATS, Format

__all__ = ["SD", "describe_service", "service_description"]

SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DCT = "http://purl.org/dc/terms/"

#: format name (per kind) -> the W3C format IRI that sd:resultFormat takes
_FORMAT_IRIS: dict[tuple[str, str], str] = {
    ("results", "json"): "SPARQL_Results_JSON",
    ("results", "xml"): "SPARQL_Results_XML",
    ("results", "csv"): "SPARQL_Results_CSV",
    ("results", "tsv"): "SPARQL_Results_TSV",
    ("graph", "turtle"): "Turtle",
    ("graph", "ntriples"): "N-Triples",
    ("graph", "trig"): "TriG",
    ("graph", "jsonld"): "JSON-LD",
    ("graph", "xml"): "RDF_XML",
}


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def describe_service(endpoint: str, graphs: Iterable[str]) -> list[ox.Triple]:
    """Return the triples describing the endpoint at ``endpoint`` serving ``graphs``."""
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("defaultGraph")
    triples = [
        ox.Triple(service, _RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(
            service,
            _sd("defaultEntailmentRegime"),
            ox.NamedNode("http://www.w3.org/ns/entailment/Simple"),
        ),
        ox.Triple(service, ox.NamedNode(_DCT + "title"), ox.Literal("kexie-graph SPARQL endpoint")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, _RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default),
        ox.Triple(default, _RDF_TYPE, _sd("Graph")),
        ox.Triple(
            default,
            ox.NamedNode(_DCT + "description"),
            ox.Literal("the union of all named graphs", language="en"),
        ),
    ]
    for fmt in (*RESULT_FORMATS, *GRAPH_FORMATS):
        iri = _FORMATS + _FORMAT_IRIS[(fmt.kind, fmt.name)]
        triples.append(ox.Triple(service, _sd("resultFormat"), ox.NamedNode(iri)))
    for index, graph in enumerate(sorted(graphs)):
        node = ox.BlankNode(f"graph{index}")
        triples += [
            ox.Triple(dataset, _sd("namedGraph"), node),
            ox.Triple(node, _RDF_TYPE, _sd("NamedGraph")),
            ox.Triple(node, _sd("name"), ox.NamedNode(graph)),
        ]
    return triples


@lru_cache(maxsize=32)
def _serialized(endpoint: str, graphs: frozenset[str], fmt_name: str) -> bytes:
    triples = describe_service(endpoint, graphs)
    prefixes = {"sd": SD, "dcterms": _DCT, "formats": _FORMATS}
    return ox.serialize(triples, format=RDF_FORMATS[fmt_name], prefixes=prefixes) or b""


def service_description(endpoint: str, graphs: frozenset[str], fmt: Format) -> bytes:
    """Return the description serialized in ``fmt`` (one of the graph formats)."""
    return _serialized(endpoint, graphs, fmt.name)
