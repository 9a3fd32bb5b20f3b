"""SPARQL 1.1 Protocol over a live server: the three ways to query, the dataset, every refusal."""

from __future__ import annotations

import http.client
import json
import re
from urllib.parse import quote

import httpx
import pytest
import rdflib
from server_support import Server

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
KXR = "https://w3id.org/kexie-graph/id/"
ARTICLE_GRAPH = f"{KXR}graph/article/chongqing-daily-2021-03-19-kexie-plenary"
ONTOLOGY_GRAPH = f"{KXR}graph/ontology"
LABELS = 'SELECT ?l WHERE { ?s rdfs:label ?l FILTER(LANG(?l) = "zh") } ORDER BY ?l'
JSON_RESULTS = "application/sparql-results+json"


def _labels(reply: httpx.Response) -> list[str]:
    assert reply.status_code == 200, reply.text
    return [b["l"]["value"] for b in reply.json()["results"]["bindings"]]


@pytest.fixture(scope="module")
def client(server: Server) -> httpx.Client:
    with httpx.Client(base_url=server.base, timeout=30) as c:
        yield c


@pytest.mark.parametrize("how", ["get", "post-query", "post-form"])
def test_three_ways_to_send_a_query_give_the_same_answer(client: httpx.Client, how: str) -> None:
    headers = {"Accept": JSON_RESULTS}
    if how == "get":
        reply = client.get("/sparql", params={"query": LABELS}, headers=headers)
    elif how == "post-query":
        headers["Content-Type"] = "application/sparql-query"
        reply = client.post("/sparql", content=LABELS.encode(), headers=headers)
    else:
        reply = client.post("/sparql", data={"query": LABELS}, headers=headers)
    labels = _labels(reply)
    assert "潘复生" in labels and "重庆市科学技术协会" in labels
    assert reply.headers["content-type"].startswith(JSON_RESULTS)


def test_default_graph_is_the_union_of_named_graphs(client: httpx.Client) -> None:
    # "partner of" is labelled in the ontology graph, 潘复生 in the article graph
    both = 'ASK { ?a rdfs:label "潘复生"@zh . ?p rdfs:label "partner of"@en }'
    reply = client.get("/sparql", params={"query": both}, headers={"Accept": JSON_RESULTS})
    assert reply.json()["boolean"] is True


@pytest.mark.parametrize(
    ("graphs", "present", "absent"),
    [
        ([ARTICLE_GRAPH], "潘复生", "partner of"),
        ([ONTOLOGY_GRAPH], "partner of", "潘复生"),
        ([ARTICLE_GRAPH, ONTOLOGY_GRAPH], "partner of", None),
    ],
)
def test_default_graph_uri_sets_the_default_graph(
    client: httpx.Client, graphs: list[str], present: str, absent: str | None
) -> None:
    query = "SELECT ?l WHERE { ?s rdfs:label ?l }"
    params = [("query", query), *(("default-graph-uri", g) for g in graphs)]
    labels = _labels(client.get("/sparql", params=params, headers={"Accept": JSON_RESULTS}))
    assert present in labels
    if absent is not None:
        assert absent not in labels


def test_named_graph_uri_limits_graph_patterns(client: httpx.Client) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    params = [("query", query), ("named-graph-uri", ONTOLOGY_GRAPH)]
    reply = client.post("/sparql", data=dict(params), headers={"Accept": JSON_RESULTS})
    assert reply.status_code == 200, reply.text
    assert [b["g"]["value"] for b in reply.json()["results"]["bindings"]] == [ONTOLOGY_GRAPH]


def test_a_graph_outside_the_store_in_the_protocol_dataset_is_refused(client: httpx.Client) -> None:
    params = {"query": "ASK { ?s ?p ?o }", "default-graph-uri": "http://elsewhere.example/g"}
    reply = client.get("/sparql", params=params)
    assert reply.status_code == 400
    assert "not a graph of this store" in reply.text


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/turtle", "text/turtle"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/n-triples", "application/n-triples"),
        (None, "text/turtle"),
    ],
)
def test_service_description(client: httpx.Client, accept: str | None, expected: str) -> None:
    headers = {"Accept": accept} if accept else {}
    reply = client.get("/sparql", headers=headers)
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith(expected)
    graph = rdflib.Graph().parse(data=reply.content, format=expected.split(";")[0])
    services = list(graph.subjects(rdflib.RDF.type, SD.Service))
    assert len(services) == 1
    assert graph.value(services[0], SD.endpoint) == rdflib.URIRef(
        f"{str(client.base_url).rstrip('/')}/sparql"
    )
    assert (services[0], SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (services[0], SD.feature, SD.UnionDefaultGraph) in graph
    names = {str(o) for o in graph.objects(None, SD.name)}
    assert {ARTICLE_GRAPH, ONTOLOGY_GRAPH} <= names


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        (
            "POST",
            {
                "content": b"INSERT DATA { <a:b> <a:c> <a:d> }",
                "headers": {"Content-Type": "application/sparql-update"},
            },
        ),
        ("POST", {"data": {"update": "DELETE WHERE { ?s ?p ?o }"}}),
        ("GET", {"params": {"update": "CLEAR ALL"}}),
        ("POST", {"data": {"update": "LOAD <http://127.0.0.1:9/x.ttl>"}}),
    ],
)
def test_updates_are_forbidden(
    client: httpx.Client, method: str, kwargs: dict[str, object]
) -> None:
    reply = client.request(method, "/sparql", **kwargs)  # type: ignore[arg-type]
    assert reply.status_code == 403
    assert "read-only" in reply.text
    # and nothing changed
    count = client.get(
        "/sparql", params={"query": "ASK { <a:b> <a:c> <a:d> }"}, headers={"Accept": JSON_RESULTS}
    )
    assert count.json()["boolean"] is False


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_wrong_methods_answer_405(client: httpx.Client, method: str) -> None:
    reply = client.request(method, "/sparql", content=b"x")
    assert reply.status_code == 405
    assert "GET" in reply.headers["allow"] and "POST" in reply.headers["allow"]


@pytest.mark.parametrize(
    ("query", "lines"),
    [
        ("SELECT ?s WHERE { ?s ?p }", {1}),
        ("SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER(\n}", {4, 5}),
        ("SELEKT * WHERE { ?s ?p ?o }", {1}),
    ],
)
def test_malformed_queries_answer_400_with_the_position(
    client: httpx.Client, query: str, lines: set[int]
) -> None:
    reply = client.get("/sparql", params={"query": query})
    assert reply.status_code == 400
    assert reply.headers["content-type"].startswith("text/plain")
    found = re.search(r"line\W{0,3}(\d+)", reply.text, re.IGNORECASE)
    assert found is not None, reply.text
    assert int(found.group(1)) in lines, reply.text
    assert "Traceback" not in reply.text


@pytest.mark.parametrize("how", ["get", "post-query", "post-form"])
def test_oversized_queries_answer_413(client: httpx.Client, how: str) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (40 * 1024)  # over the 32 KiB default
    if how == "get":  # too long for httpx's URL check: plain http.client
        status, text = _raw_get(client, "/sparql?query=" + quote(big))
        assert status == 413
        assert "limit" in text
        return
    if how == "post-query":
        reply = client.post(
            "/sparql", content=big.encode(), headers={"Content-Type": "application/sparql-query"}
        )
    else:
        reply = client.post("/sparql", data={"query": big})
    assert reply.status_code == 413
    assert "limit" in reply.text


def _raw_get(client: httpx.Client, target: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection(client.base_url.host, client.base_url.port, timeout=30)
    try:
        connection.request("GET", target)
        raw = connection.getresponse()
        return raw.status, raw.read().decode()
    finally:
        connection.close()


def test_a_url_longer_than_the_http_parser_takes_is_a_client_error(client: httpx.Client) -> None:
    status, text = _raw_get(client, "/sparql?query=" + quote("ASK {} #" + "x" * 70_000))
    assert 400 <= status < 500
    assert "Traceback" not in text


def test_a_huge_body_is_refused_before_it_is_read(client: httpx.Client) -> None:
    reply = client.post(
        "/sparql",
        content=b"q" * (2 * 1024 * 1024),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert reply.status_code == 413


@pytest.mark.parametrize(
    ("params", "headers"),
    [
        ({"format": "bogus"}, {}),
        ({}, {"Accept": "image/png"}),
        ({"format": "turtle"}, {}),  # a graph format for a SELECT
        ({}, {"Accept": "text/html;q=1, */*;q=0"}),
    ],
)
def test_unknown_formats_answer_406(
    client: httpx.Client, params: dict[str, str], headers: dict[str, str]
) -> None:
    reply = client.get("/sparql", params={"query": LABELS, **params}, headers=headers)
    assert reply.status_code == 406
    assert "application/sparql-results+json" in reply.text


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("text/plain", b"SELECT * {}"), ("application/json", b"{}"), ("", b"SELECT * {}")],
)
def test_other_post_bodies_answer_415(client: httpx.Client, content_type: str, body: bytes) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    reply = client.post("/sparql", content=body, headers=headers)
    assert reply.status_code == 415


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
        ({"params": {"query": "   "}}, 400),
        ({"data": {"format": "json"}}, 400),
        (
            {"content": b"\xff\xfe\xfa", "headers": {"Content-Type": "application/sparql-query"}},
            400,
        ),
        (
            {
                "content": b"ASK {}",
                "headers": {"Content-Type": "application/sparql-query; charset=klingon"},
            },
            415,
        ),
        (
            {
                "content": b"query=%ZZ%",
                "headers": {"Content-Type": "application/x-www-form-urlencoded"},
            },
            400,
        ),
    ],
)
def test_bad_requests_get_a_4xx_never_a_500(
    client: httpx.Client, kwargs: dict[str, object], status: int
) -> None:
    method = "GET" if "params" in kwargs else "POST"
    reply = client.request(method, "/sparql", **kwargs)  # type: ignore[arg-type]
    assert reply.status_code == status, reply.text
    assert "Traceback" not in reply.text


def test_head_answers_headers_only(client: httpx.Client) -> None:
    reply = client.head("/sparql", params={"query": LABELS}, headers={"Accept": "text/csv"})
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/csv")
    assert reply.content == b""


def test_ask_answers_in_every_result_format(client: httpx.Client) -> None:
    reply = client.get("/sparql", params={"query": "ASK { ?s a kx:Person }", "format": "json"})
    assert json.loads(reply.text)["boolean"] is True
    xml = client.get("/sparql", params={"query": "ASK { ?s a kx:Person }", "format": "xml"})
    assert "<boolean>true</boolean>" in xml.text
