"""JSON-LD: the shipped context, inline in every document; reading never fetches a context."""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox
import pytest
from export_support import quads_of
from rdflib import Dataset, Literal, URIRef
from tests.support import LoopbackTrap

from kexie_graph.export import CONTEXT_IRI, ExportError, export_bytes, load_context, read_jsonld
from kexie_graph.export.jsonld import compact_iri
from kexie_graph.namespaces import PREFIXES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

KX = PREFIXES["kx"]
KXR = PREFIXES["kxr"]
#: where the loopback trap poses as a remote JSON-LD context
CONTEXT_PATH = "/context.jsonld"


def _contexts(value: Any) -> list[Any]:
    """Every @context and @import value anywhere in a JSON document."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("@context", "@import"):
                found.append(item)
            found.extend(_contexts(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_contexts(item))
    return found


def _document(context: Any) -> dict[str, Any]:
    return {
        "@context": context,
        "@id": "kxr:organization/四川大学",
        "@type": "kx:Organization",
        "rdfs:label": {"@value": "四川大学", "@language": "zh"},
    }


EXPECTED = {
    (
        URIRef(f"{KXR}organization/四川大学"),
        URIRef(PREFIXES["rdf"] + "type"),
        URIRef(f"{KX}Organization"),
    ),
    (
        URIRef(f"{KXR}organization/四川大学"),
        URIRef(PREFIXES["rdfs"] + "label"),
        Literal("四川大学", lang="zh"),
    ),
}


def _triples(ds: Dataset) -> set[tuple[Any, Any, Any]]:
    return {(s, p, o) for s, p, o, _g in quads_of(ds)}


def test_the_shipped_context_declares_the_project_prefixes() -> None:
    assert load_context() == {"@context": PREFIXES}
    copy = load_context()
    copy["@context"]["kx"] = "changed"
    assert load_context()["@context"]["kx"] == KX  # each call gets its own copy


@pytest.mark.parametrize("scope", ["all", "article", "union"])
def test_every_document_carries_the_context_inline(store: ox.Store, scope: str) -> None:
    document = json.loads(export_bytes(store, "jsonld", graph=scope))
    assert _contexts(document) == [load_context()["@context"]]
    assert not any(isinstance(c, str) for c in _contexts(document))


def test_iris_are_compacted_with_the_context(store: ox.Store) -> None:
    text = export_bytes(store, "jsonld").decode("utf-8")
    assert '"kx:partnerOf":' in text and '"@id":"kxr:graph/article/a1"' in text
    assert KX not in text.split('"@graph"', 1)[1]  # no full kx: IRI after the context


@pytest.mark.parametrize(
    ("iri", "compact"),
    [
        (f"{KX}partnerOf", "kx:partnerOf"),
        (f"{KXR}organization/四川大学", "kxr:organization/四川大学"),
        (f"{KXR}//odd", f"{KXR}//odd"),  # "kxr://odd" would read as an absolute IRI
        ("urn:x:other", "urn:x:other"),
        (KX, "kx:"),
    ],
)
def test_compact_iri(iri: str, compact: str) -> None:
    assert compact_iri(iri) == compact


def test_plain_rdflib_reads_our_output_without_the_network(
    store: ox.Store, no_network: None
) -> None:
    ds = Dataset()
    ds.parse(data=export_bytes(store, "jsonld"), format="json-ld")
    assert len(quads_of(ds)) == len(store)


def test_the_trap_sees_a_remote_context_fetch() -> None:
    """The trap works: plain rdflib fetches a remote @context, and the trap counts it."""
    # the trap hangs up at once, so the fetch fails (RemoteDisconnected, URLError: both OSError)
    with LoopbackTrap(CONTEXT_PATH) as trap, pytest.raises(OSError):
        Dataset().parse(data=json.dumps(_document(trap.url)), format="json-ld")
    assert len(trap.connections) >= 1


@pytest.mark.parametrize(
    "where",
    ["string", "list", "scoped", "import"],
)
def test_read_jsonld_never_fetches_a_remote_context(where: str) -> None:
    with LoopbackTrap(CONTEXT_PATH) as trap:
        contexts = {
            "string": trap.url,
            "list": [{"kx": KX}, trap.url],
            "scoped": {**PREFIXES, "rdfs:label": {"@context": trap.url}},
            "import": {"@import": trap.url, **PREFIXES},
        }
        with pytest.raises(ExportError) as info:
            read_jsonld(json.dumps(_document(contexts[where])), name="doc.jsonld")
    assert len(trap.connections) == 0
    message = str(info.value)
    assert trap.url in message and message.startswith("doc.jsonld:") and "\n" not in message


@pytest.mark.parametrize(
    "context",
    [CONTEXT_IRI, [CONTEXT_IRI], {"@import": CONTEXT_IRI}, "context.jsonld"],
)
def test_the_shipped_context_is_used_in_place_of_its_iri(context: Any, no_network: None) -> None:
    assert _triples(read_jsonld(json.dumps(_document(context)))) == EXPECTED


def test_an_inline_context_reads_the_same(no_network: None) -> None:
    data = _document(load_context()["@context"])
    assert _triples(read_jsonld(data)) == EXPECTED
    assert _triples(read_jsonld(json.dumps(data).encode("utf-8"))) == EXPECTED


def test_read_jsonld_adds_to_a_given_dataset(no_network: None) -> None:
    ds = Dataset()
    assert read_jsonld(_document(CONTEXT_IRI), into=ds) is ds
    assert _triples(ds) == EXPECTED


def test_not_json_is_a_one_line_error() -> None:
    with pytest.raises(ExportError, match=r"^x.jsonld: not JSON"):
        read_jsonld("{not json", name="x.jsonld")
