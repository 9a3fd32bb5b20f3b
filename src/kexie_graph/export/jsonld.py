"""JSON-LD with kexie-graph's own context, which is shipped in the package and never fetched.

The context (``kexie_graph/resources/context.jsonld``) declares the project's prefixes. A written
document carries it inline as its ``@context``, so no JSON-LD processor needs the network to read
it. IRIs are compacted with those prefixes (``kx:partnerOf``, ``kxr:organization/…``); named graphs
are ``{"@id": graph, "@graph": [...]}`` objects in the top-level ``@graph``, and the default graph's
nodes sit there directly. Literals keep their exact lexical form: plain strings as JSON strings,
every other literal as a value object with its ``@language`` or ``@type``.

:func:`read_jsonld` reads a document into an rdflib dataset without ever fetching a context: a
remote ``@context`` (or ``@import``) that names the shipped context's IRI is replaced by the
shipped file, and any other one is refused with :class:`.common.ExportError`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Dataset

from .common import ExportError, GraphScope, QuadSource
from .rdf import graph_names, union_triples

__all__ = [
    "CONTEXT_IRI",
    "compact_iri",
    "jsonld_chunks",
    "load_context",
    "read_jsonld",
    "write_jsonld",
]

#: the IRI the shipped context is known by; documents that name it get the shipped file instead
CONTEXT_IRI = "https://w3id.org/kexie-graph/context.jsonld"

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@lru_cache(maxsize=1)
def _context_text() -> str:
    return resources.files("kexie_graph").joinpath("resources", "context.jsonld").read_text("utf-8")


def load_context() -> dict[str, Any]:
    """Return the shipped JSON-LD context document (``{"@context": {...}}``), a fresh copy."""
    document = json.loads(_context_text())
    if not isinstance(document, dict) or not isinstance(document.get("@context"), dict):
        raise ExportError(
            "the shipped context.jsonld has no @context object; reinstall kexie-graph"
        )
    return document


@lru_cache(maxsize=1)
def _prefixes() -> tuple[tuple[str, str], ...]:
    """(namespace, prefix) pairs, longest namespace first, from the shipped context."""
    context = load_context()["@context"]
    pairs = [(ns, p) for p, ns in context.items() if isinstance(ns, str) and not p.startswith("@")]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def compact_iri(iri: str) -> str:
    """Return ``iri`` as ``prefix:local`` when a context prefix fits, else unchanged."""
    for namespace, prefix in _prefixes():
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            if not local.startswith("//"):  # "p://x" would read as an absolute IRI
                return f"{prefix}:{local}"
    return iri


def _node_id(term: ox.NamedNode | ox.BlankNode | Any) -> str:
    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    raise ExportError(f"cannot write {term!r} in JSON-LD: only IRIs and blank nodes name nodes")


def _object(term: Any) -> Any:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if datatype == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": compact_iri(datatype)}
    return {"@id": _node_id(term)}


def _nodes(triples: Iterable[ox.Triple | ox.Quad]) -> list[dict[str, Any]]:
    """Group triples into node objects, sorted by subject, properties and values in order."""
    subjects: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        props = subjects[_node_id(t.subject)]
        predicate = t.predicate.value
        if predicate == _RDF_TYPE and not isinstance(t.object, ox.Literal):
            props["@type"].append(_node_id(t.object))
        else:
            props[compact_iri(predicate)].append(_object(t.object))
    out = []
    for subject in sorted(subjects):
        props = subjects[subject]
        node: dict[str, Any] = {"@id": subject}
        if "@type" in props:
            node["@type"] = sorted(props.pop("@type"))
        for key in sorted(props):
            values = sorted(props[key], key=lambda v: json.dumps(v, ensure_ascii=False))
            node[key] = values[0] if len(values) == 1 else values
        out.append(node)
    return out


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def jsonld_chunks(source: QuadSource, scope: GraphScope) -> Iterator[str]:
    """Yield the JSON-LD document of the quads of ``scope``, in pieces (one node per line)."""
    context = json.dumps(load_context()["@context"], ensure_ascii=False, indent=1)
    yield '{\n"@context": ' + context + ',\n"@graph": ['
    first = True

    def sep() -> str:
        nonlocal first
        was, first = first, False
        return "\n" if was else ",\n"

    if scope == "union":
        for node in _nodes(union_triples(source, "all")):
            yield sep() + _dumps(node)
    else:
        for graph in graph_names(source, scope):
            nodes = _nodes(source.quads(graph))
            if isinstance(graph, ox.DefaultGraph):
                for node in nodes:
                    yield sep() + _dumps(node)
                continue
            inner = ",\n".join(_dumps(node) for node in nodes)
            yield sep() + '{"@id":' + _dumps(_node_id(graph)) + ',"@graph":[\n' + inner + "\n]}"
    yield "\n]\n}\n"


def write_jsonld(source: QuadSource, scope: GraphScope, out: IO[bytes]) -> None:
    """Write the JSON-LD document of the quads of ``scope`` to ``out`` (UTF-8)."""
    for chunk in jsonld_chunks(source, scope):
        out.write(chunk.encode("utf-8"))


def _local_contexts(value: Any, where: str) -> Any:
    """Return ``value`` (an ``@context`` or ``@import`` value) with every IRI made local."""
    if isinstance(value, str):
        if value.strip() in (CONTEXT_IRI, "context.jsonld"):
            return load_context()["@context"]
        raise ExportError(
            f"{where}: the JSON-LD refers to the remote context {value!r}, which is never fetched; "
            "inline the context in the document"
        )
    if isinstance(value, list):
        return [_local_contexts(item, where) for item in value]
    if isinstance(value, dict):
        return _inline(value, where)
    return value


def _inline(value: Any, where: str) -> Any:
    """Return the JSON value ``value`` with every ``@context`` and ``@import`` made local."""
    if isinstance(value, list):
        return [_inline(item, where) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key in ("@context", "@import"):
            local = _local_contexts(item, where)
            if key == "@import":  # an imported context is merged in place of the reference
                out.update({k: v for k, v in local.items() if k not in value})
                continue
            out[key] = local
        else:
            out[key] = _inline(item, where)
    return out


def read_jsonld(
    data: bytes | str | dict[str, Any] | list[Any],
    *,
    into: Dataset | None = None,
    name: str = "JSON-LD input",
) -> Dataset:
    """Read a JSON-LD document into an rdflib dataset (``into``, or a new one), offline.

    Every context the document names must be inline or the shipped one (see the module notes);
    ``name`` names the input in error messages.
    """
    if isinstance(data, bytes | str):
        try:
            document = json.loads(data)
        except ValueError as error:
            raise ExportError(f"{name}: not JSON ({error}); give a JSON-LD document") from error
    else:
        document = data
    local = _inline(document, name)
    dataset = Dataset() if into is None else into
    dataset.parse(data=local, format="json-ld")
    return dataset
