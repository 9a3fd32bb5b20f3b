"""Safe by default: no fetching elsewhere, deadlines, row cap, busy limit, Host check, CORS."""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from server_support import (
    ALLOWED_ORIGIN,
    MAX_ROWS,
    TIMEOUT,
    Server,
    Trap,
    start_server,
    stop_server,
)

#: a cross product of all triples: never finishes on any store worth the name
RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE "
    "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }"
)
QUICK = "ASK { ?s a kx:Person }"


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?x ?y ?z . SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
        "SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "ASK FROM <{url}/data.ttl> {{ ?s ?p ?o }}",
        "CONSTRUCT {{ ?s ?p ?o }} FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_queries_reaching_elsewhere_are_refused_before_anything_is_fetched(
    server: Server, trap: Trap, template: str, method: str
) -> None:
    query = template.format(url=trap.url)
    if method == "GET":
        reply = httpx.get(server.endpoint, params={"query": query}, timeout=30)
    else:
        reply = httpx.post(server.endpoint, data={"query": query}, timeout=30)
    assert reply.status_code == 400, reply.text
    assert "refused" in reply.text.lower()
    time.sleep(0.2)  # a fetch, had one started, would have connected by now
    assert trap.connections == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"data": {"update": "LOAD <{url}/data.ttl>"}},
        {
            "content": "LOAD <{url}/data.ttl>",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {"data": {"query": "LOAD <{url}/data.ttl>"}},
    ],
)
def test_load_is_refused_and_fetches_nothing(
    server: Server, trap: Trap, kwargs: dict[str, object]
) -> None:
    filled: dict[str, object] = {}
    for key, value in kwargs.items():
        if isinstance(value, dict):
            filled[key] = {k: v.format(url=trap.url) for k, v in value.items()}
        else:
            filled[key] = str(value).format(url=trap.url)
    reply = httpx.post(server.endpoint, timeout=30, **filled)  # type: ignore[arg-type]
    assert reply.status_code in (400, 403), reply.text
    time.sleep(0.2)
    assert trap.connections == []


def test_a_runaway_query_is_stopped_at_its_deadline_and_others_carry_on(server: Server) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        reply = httpx.get(server.endpoint, params={"query": RUNAWAY}, timeout=60)
        outcome["status"] = reply.status_code
        outcome["text"] = reply.text
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(TIMEOUT / 4)
    # while it runs, another query is answered at once
    during = time.monotonic()
    reply = httpx.get(
        server.endpoint, params={"query": QUICK}, headers={"Accept": "application/json"}, timeout=30
    )
    assert reply.status_code == 200 and reply.json()["boolean"] is True
    assert time.monotonic() - during < 1.0
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert outcome["status"] == 503
    assert "deadline" in str(outcome["text"])
    assert float(outcome["seconds"]) < TIMEOUT + 5  # type: ignore[arg-type]
    # and right after, the next query is answered within a second
    after = time.monotonic()
    reply = httpx.get(
        server.endpoint, params={"query": QUICK}, headers={"Accept": "application/json"}, timeout=30
    )
    assert reply.status_code == 200 and reply.json()["boolean"] is True
    assert time.monotonic() - after < 1.0


def test_the_row_cap_cuts_the_answer_and_says_so(server: Server) -> None:
    query = "SELECT * WHERE { ?s ?p ?o }"
    reply = httpx.get(
        server.endpoint, params={"query": query}, headers={"Accept": "application/json"}
    )
    assert reply.status_code == 200
    assert reply.headers["x-kexie-truncated"] == "true"
    assert reply.headers["x-kexie-row-limit"] == str(MAX_ROWS)
    assert len(reply.json()["results"]["bindings"]) == MAX_ROWS
    small = httpx.get(
        server.endpoint, params={"query": QUICK}, headers={"Accept": "application/json"}
    )
    assert "x-kexie-truncated" not in small.headers


def test_the_row_cap_applies_to_graphs(server: Server) -> None:
    query = "CONSTRUCT WHERE { ?s ?p ?o }"
    reply = httpx.get(server.endpoint, params={"query": query, "format": "nt"})
    assert reply.status_code == 200
    assert reply.headers["x-kexie-truncated"] == "true"
    assert len([line for line in reply.text.splitlines() if line.strip()]) == MAX_ROWS


@pytest.fixture
def busy_server(store_dir: Path) -> Iterator[Server]:
    srv = start_server(store_dir, "--max-concurrent", "1", "--timeout", "2")
    try:
        yield srv
    finally:
        stop_server(srv.process)


def test_queries_past_the_concurrency_limit_are_answered_busy(busy_server: Server) -> None:
    thread = threading.Thread(
        target=lambda: httpx.get(busy_server.endpoint, params={"query": RUNAWAY}, timeout=60)
    )
    thread.start()
    time.sleep(0.5)
    reply = httpx.get(busy_server.endpoint, params={"query": QUICK}, timeout=30)
    assert reply.status_code == 503
    assert "busy" in reply.text and reply.headers["retry-after"] == "1"
    thread.join(timeout=60)
    again = httpx.get(busy_server.endpoint, params={"query": QUICK}, timeout=30)
    assert again.status_code == 200


def _raw(server: Server, host: str | None, path: str = "/sparql?query=ASK%7B%7D") -> int:
    """Send a request with exactly this Host header (or none, over HTTP/1.0)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:{port}", 200),
        ("localhost:{port}", 200),
        ("LOCALHOST", 200),
        ("127.1.2.3:{port}", 200),
        ("[::1]:{port}", 200),
        ("evil.example:{port}", 421),
        ("evil.example", 421),
        ("127.0.0.1.evil.example:{port}", 421),
        ("localhost.evil.example", 421),
        ("10.0.0.1:{port}", 421),
        ("", 421),
    ],
)
def test_only_loopback_host_names_are_answered(server: Server, host: str, status: int) -> None:
    assert _raw(server, host.format(port=server.port)) == status
    assert _raw(server, host.format(port=server.port), "/") == status


def test_cors_for_an_allowed_origin(server: Server) -> None:
    reply = httpx.get(server.endpoint, params={"query": QUICK}, headers={"Origin": ALLOWED_ORIGIN})
    assert reply.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "x-kexie-truncated" in reply.headers["access-control-expose-headers"].lower()
    preflight = httpx.options(
        server.endpoint,
        headers={
            "Origin": ALLOWED_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in preflight.headers


def test_no_cors_for_other_origins(server: Server) -> None:
    reply = httpx.get(
        server.endpoint, params={"query": QUICK}, headers={"Origin": "http://evil.example"}
    )
    assert reply.status_code == 200
    assert "access-control-allow-origin" not in reply.headers
    preflight = httpx.options(
        server.endpoint,
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers


@pytest.mark.parametrize("path", ["/", "/sparql", "/entity?iri=urn:x:none", "/static/queryui.js"])
def test_every_answer_carries_a_content_security_policy(server: Server, path: str) -> None:
    reply = httpx.get(server.base + path)
    policy = reply.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-eval" not in policy
    assert reply.headers["x-content-type-options"] == "nosniff"
