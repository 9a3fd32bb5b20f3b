"""The namespaces kexie-graph uses, and the SPARQL prefix block predeclared for every query."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

__all__ = [
    "DCTERMS",
    "FOAF",
    "ITSRDF",
    "KX",
    "KXR",
    "NIF",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SH",
    "SKOS",
    "SPARQL_PREFIXES",
    "TIME",
    "XSD",
]

KX = Namespace("https://w3id.org/kexie-graph/ontology#")
KXR = Namespace("https://w3id.org/kexie-graph/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SCHEMA = SDO  # https://schema.org/
SH = Namespace("http://www.w3.org/ns/shacl#")

#: prefix -> namespace IRI, in the order they are declared in files and queries.
PREFIXES: dict[str, str] = {
    "kx": str(KX),
    "kxr": str(KXR),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "org": str(ORG),
    "foaf": str(FOAF),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "time": str(TIME),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "sh": str(SH),
}

#: The PREFIX lines that the query layer puts before every query that does not declare them.
SPARQL_PREFIXES: str = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
