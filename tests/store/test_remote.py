"""Scale-out: push the store to a real `oxigraph serve` and query it there.

The server runs on a free loopback port (fixture ``oxigraph_server``), with its default graph the
union of the named graphs, as kexie-graph's is. Remote answers must equal local ones, and a second
push must leave the remote store exactly as the first did.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kexie_graph.cli import main
from kexie_graph.errors import QueryError, QueryRefusedError
from kexie_graph.query import push_store, query, query_endpoint
from kexie_graph.store import Store, open_store, replace_graphs

from .conftest import A1, A2, GRAPHS, SMALL_QUADS, SMALL_TRIPLES, OxigraphServer

QUERIES = [
    "SELECT ?o ?l WHERE { ?o a kx:Organization ; rdfs:label ?l } ORDER BY ?o ?l",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "SELECT ?anchor ?b ?e WHERE { ?m nif:anchorOf ?anchor ; nif:beginIndex ?b ; nif:endIndex ?e ;"
    " itsrdf:taIdentRef ?x } ORDER BY ?anchor ?b",
    "SELECT ?v ?date WHERE { ?f rdf:value ?v ; kx:inArticle/dcterms:date ?date } ORDER BY ?v",
    "SELECT ?child ?parent WHERE { ?child org:subOrganizationOf+ ?parent } ORDER BY ?child",
    f"SELECT ?s WHERE {{ GRAPH <{A2}> {{ ?s a kx:Event }} }}",
    "ASK { ?s kx:partnerOf ?o }",
]


def _everything(url: str) -> list[tuple[str, ...]]:
    """Every quad at the endpoint, the default graph's included, as a sorted list (a multiset)."""
    named = query_endpoint(url, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").cells
    default = query_endpoint(url, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }").cells
    return sorted(tuple(map(repr, row)) for row in [*named, *((None, *r) for r in default)])


def test_push_then_remote_answers_equal_local_ones(
    ro_store: Store, oxigraph_server: OxigraphServer
) -> None:
    report = push_store(
        ro_store,
        oxigraph_server.store_url,
        endpoint=oxigraph_server.query_url,
        union_as_default=True,
    )
    assert report.verified and report.graphs == len(GRAPHS) + 1
    assert report.triples == SMALL_QUADS + SMALL_TRIPLES
    for sparql in QUERIES:
        local = query(ro_store, sparql)
        remote = query_endpoint(oxigraph_server.query_url, sparql)
        assert remote.kind == local.kind
        assert remote.rows == local.rows and remote.boolean == local.boolean, sparql
    construct = "CONSTRUCT { ?s rdfs:label ?o } WHERE { ?s rdfs:label ?o }"
    assert set(query_endpoint(oxigraph_server.query_url, construct).ox_triples) == set(
        query(ro_store, construct).ox_triples
    )


def test_a_second_push_changes_nothing(ro_store: Store, oxigraph_server: OxigraphServer) -> None:
    push_store(ro_store, oxigraph_server.store_url, union_as_default=True)
    first = _everything(oxigraph_server.query_url)
    assert len(first) == SMALL_QUADS + SMALL_TRIPLES
    push_store(
        ro_store,
        oxigraph_server.store_url,
        endpoint=oxigraph_server.query_url,
        union_as_default=True,
    )
    assert _everything(oxigraph_server.query_url) == first


def test_a_push_after_a_rebuild_replaces_the_changed_graphs(
    store_dir: Path, oxigraph_server: OxigraphServer
) -> None:
    with open_store(store_dir, read_only=True) as store:
        push_store(store, oxigraph_server.store_url, union_as_default=True)
    new = [
        ox.Quad(
            ox.NamedNode("http://e/s"),
            ox.NamedNode("http://e/p"),
            ox.Literal("new"),
            ox.DefaultGraph(),
        )
    ]
    replace_graphs(store_dir, {A1: new})
    with open_store(store_dir, read_only=True) as store:
        push_store(
            store,
            oxigraph_server.store_url,
            endpoint=oxigraph_server.query_url,
            union_as_default=True,
        )
        sparql = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{A1}> {{ ?s ?p ?o }} }}"
        assert query_endpoint(oxigraph_server.query_url, sparql).rows == [
            {"s": "http://e/s", "p": "http://e/p", "o": "new"}
        ]
        # and the remote default graph followed: a1's old triples are gone from it
        everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
        remote = query_endpoint(oxigraph_server.query_url, everything)
        assert Counter(map(repr, remote.cells)) == Counter(
            map(repr, query(store, everything).cells)
        )


def test_bindings_work_on_remote_endpoints(
    ro_store: Store, oxigraph_server: OxigraphServer
) -> None:
    push_store(ro_store, oxigraph_server.store_url, union_as_default=True)
    sparql = "SELECT ?l WHERE { ?org rdfs:label ?l } ORDER BY ?l"
    org = "https://w3id.org/kexie-graph/id/organization/大连市科学技术协会"
    remote = query_endpoint(oxigraph_server.query_url, sparql, bindings={"org": org})
    assert (
        remote.rows
        == query(ro_store, sparql, bindings={"org": org}).rows
        == [{"l": "大连市科学技术协会"}]
    )


def test_the_guard_applies_to_remote_queries(oxigraph_server: OxigraphServer) -> None:
    with pytest.raises(QueryRefusedError):
        query_endpoint(
            oxigraph_server.query_url,
            "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
        )
    with pytest.raises(QueryRefusedError):
        query_endpoint(oxigraph_server.query_url, "CLEAR ALL")


def test_cli_push_and_query_endpoint(
    store_dir: Path, oxigraph_server: OxigraphServer, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["push", "--store", str(store_dir), "--endpoint", oxigraph_server.query_url]
    assert main([*argv, "--graph-store", oxigraph_server.store_url, "--union-as-default"]) == 0
    out = capsys.readouterr().out
    assert "pushed 4 graphs (148 triples) and their union as the default graph (145 triples)" in out
    assert "verified at the endpoint" in out
    sparql = QUERIES[0]
    assert main(["query", "--endpoint", oxigraph_server.query_url, sparql, "--format", "json"]) == 0
    remote = json.loads(capsys.readouterr().out)
    assert main(["query", "--store", str(store_dir), sparql, "--format", "json"]) == 0
    local = json.loads(capsys.readouterr().out)
    assert remote == local and len(local["results"]["bindings"]) > 3


@pytest.mark.parametrize(
    ("status", "message"),
    [(401, "answered HTTP 401 \\(check --user and --password-env\\)"), (500, "answered HTTP 500")],
)
def test_http_errors_are_one_line(status: int, message: str, stub: Stub) -> None:
    stub.status = status
    with pytest.raises(QueryError, match=message) as caught:
        query_endpoint(stub.url, "ASK {}")
    assert "\n" not in str(caught.value)


def test_unreachable_endpoints_are_one_line() -> None:
    from .conftest import free_port

    with pytest.raises(QueryError, match="cannot be reached") as caught:
        query_endpoint(f"http://127.0.0.1:{free_port()}/query", "ASK {}")
    assert "\n" not in str(caught.value)


def test_push_sends_basic_auth_and_n_triples(ro_store: Store, stub: Stub) -> None:
    stub.status = 204
    report = push_store(ro_store, stub.url, user="kx", password="s3cret")
    assert report.graphs == 4 and not report.verified
    assert {r["method"] for r in stub.requests} == {"PUT"}
    assert {r["auth"] for r in stub.requests} == {"Basic a3g6czNjcmV0"}  # kx:s3cret
    assert {r["type"] for r in stub.requests} == {"application/n-triples"}
    assert sorted(r["path"].split("graph=")[1] for r in stub.requests) == sorted(
        g.replace(":", "%3A").replace("/", "%2F") for g in GRAPHS
    )


def test_cli_push_needs_the_password_variable(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["push", "--store", str(store_dir), "--endpoint", "http://127.0.0.1:9/q", "--user", "u"]
    assert main([*argv, "--password-env", "KEXIE_TEST_NO_SUCH_VAR"]) == 1
    err = capsys.readouterr().err
    assert "KEXIE_TEST_NO_SUCH_VAR: no such environment variable" in err and err.count("\n") == 1


class Stub:
    """A tiny HTTP server that records requests and answers with ``status``."""

    def __init__(self) -> None:
        self.status = 200
        self.requests: list[dict[str, str]] = []
        stub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                stub.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "auth": self.headers.get("Authorization", ""),
                        "type": self.headers.get("Content-Type", ""),
                    }
                )
                body = b"" if stub.status == 204 else b"stub says no\nsecond line"
                self.send_response(stub.status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_PUT = do_POST = do_GET = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def stub() -> Iterator[Stub]:
    server = Stub()
    try:
        yield server
    finally:
        server.close()
