"""Other SPARQL 1.1 stores: run queries there, and push the store's graphs there.

* :func:`query_endpoint` sends a query with the SPARQL 1.1 Protocol (POST
  ``application/sparql-query``) and returns the same :class:`~kexie_graph.query.Result` as a local
  query. The guard still applies (no SERVICE, LOAD or updates); FROM may name any graph there.
* :func:`push_store` sends every named graph of a store with the SPARQL 1.1 Graph Store HTTP
  Protocol: ``PUT <graph-store>?graph=<iri>`` with the graph as N-Triples. A PUT replaces the
  graph, so pushing twice leaves the remote store as one push did. When the query endpoint is
  given, the push is checked there afterwards: each graph must hold as many triples as the store's.

Only the standard library's ``http.client`` is used, with one keep-alive connection per host.
"""

from __future__ import annotations

import base64
import builtins
import http.client
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from ..errors import QueryError, StoreError
from .bind import bind_values
from .guard import ANY_GRAPH, check_query
from .results import Result
from .saved import resolve_query

__all__ = ["HttpClient", "PushReport", "push_store", "query_endpoint"]

_USER_AGENT = "kexie-graph"
_CHUNK = 100_000  # triples per request when the union is sent as the default graph


class HttpClient:
    """A small HTTP client: keep-alive per host, Basic authentication, one-line errors."""

    def __init__(
        self, *, user: str | None = None, password: str | None = None, timeout: float = 60.0
    ) -> None:
        self.timeout = timeout
        self._auth = None
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
            self._auth = f"Basic {token}"
        self._connections: dict[tuple[str, str], http.client.HTTPConnection] = {}

    def _connection(
        self, scheme: str, netloc: str, fresh: bool = False
    ) -> http.client.HTTPConnection:
        key = (scheme, netloc)
        conn = self._connections.get(key)
        if conn is None or fresh:
            if conn is not None:
                conn.close()
            cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            conn = cls(netloc, timeout=self.timeout)
            self._connections[key] = conn
        return conn

    def request(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str, bytes]:
        """Send one request; return (status, content type, body)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise QueryError(
                f"{url}: not an http(s) URL; give the endpoint as http://host:port/path"
            )
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        sent = {"User-Agent": _USER_AGENT, **(headers or {})}
        if self._auth:
            sent["Authorization"] = self._auth
        for attempt in range(2):  # a kept-alive connection the server closed gets one retry
            conn = self._connection(parts.scheme, parts.netloc, fresh=attempt > 0)
            try:
                conn.request(method, target, body=body, headers=sent)
                response = conn.getresponse()
                data = response.read()
                return response.status, response.getheader("Content-Type", "") or "", data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                conn.close()
                if attempt:
                    raise QueryError(
                        f"{url}: the server closed the connection; check that it runs"
                    ) from None
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                raise QueryError(
                    f"{url}: cannot be reached ({error}); check the URL and that the server runs"
                ) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        """Close the kept-alive connections."""
        for conn in self._connections.values():
            conn.close()
        self._connections.clear()


def _error(url: str, status: int, data: bytes) -> QueryError:
    text = " ".join(data.decode("utf-8", "replace").split())[:300]
    hint = " (check --user and --password-env)" if status in (401, 403) else ""
    return QueryError(f"{url}: answered HTTP {status}{hint}: {text or 'no message'}")


def query_endpoint(
    url: str,
    sparql_or_name: str,
    *,
    timeout: float = 60.0,
    user: str | None = None,
    password: str | None = None,
    allow_unsafe: bool = False,
    queries_dir: Any = None,
    bindings: Mapping[str, Any] | None = None,
    client: HttpClient | None = None,
) -> Result:
    """Run a query on the SPARQL endpoint at ``url`` and return its :class:`Result`."""
    text = resolve_query(sparql_or_name, queries_dir)
    checked = check_query(text, allowed_graphs=ANY_GRAPH, allow_unsafe=allow_unsafe, read_only=True)
    body = bind_values(checked, bindings, text=checked.text)
    graph = checked.result_kind == "construct"
    accept = (
        "application/n-triples, text/turtle;q=0.9"
        if graph
        else "application/sparql-results+json, application/sparql-results+xml;q=0.9"
    )
    own = client is None
    http_client = client or HttpClient(user=user, password=password, timeout=timeout)
    try:
        status, ctype, data = http_client.request(
            "POST",
            url,
            body=body.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept},
        )
    finally:
        if own:
            http_client.close()
    if status != 200:
        raise _error(url, status, data)
    media = ctype.split(";")[0].strip().lower()
    try:
        if graph:
            rdf = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
            triples = [q.triple for q in ox.parse(data, format=rdf)]
            return Result("construct", ox_triples=triples)
        fmt = ox.QueryResultsFormat.from_media_type(media) or ox.QueryResultsFormat.JSON
        parsed = ox.parse_query_results(data, format=fmt)
    except (SyntaxError, ValueError) as error:
        raise QueryError(
            f"{url}: answered something that is not SPARQL results ({error})"
        ) from None
    if isinstance(parsed, ox.QueryBoolean):
        return Result("ask", boolean=bool(parsed))
    variables = [v.value for v in parsed.variables]
    return Result("select", variables=variables, ox_rows=[tuple(s) for s in parsed])


@dataclass
class PushReport:
    """What a push sent."""

    graph_store: str
    graphs: int = 0
    triples: int = 0
    bytes: int = 0
    seconds: float = 0.0
    verified: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, data: builtins.bytes) -> None:
        """Count one request's N-Triples (``name`` "" for the default graph)."""
        count = data.count(b"\n")
        if name not in self.counts:
            self.graphs += 1
        self.triples += count
        self.bytes += len(data)
        self.counts[name] = self.counts.get(name, 0) + count

    def summary(self) -> str:
        """One line for the command line."""
        check = ", verified at the endpoint" if self.verified else ""
        union = "" in self.counts
        named = self.graphs - union
        default = (
            f" and their union as the default graph ({self.counts['']} triples)" if union else ""
        )
        return (
            f"pushed {named} graphs ({self.triples - self.counts.get('', 0)} triples){default}, "
            f"{self.bytes / 1e6:.1f} MB, to {self.graph_store} in {self.seconds:.1f} s{check}"
        )


def push_store(
    store: Any,
    graph_store: str,
    *,
    endpoint: str | None = None,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 120.0,
    union_as_default: bool = False,
) -> PushReport:
    """PUT every named graph of ``store`` to the Graph Store Protocol service at ``graph_store``.

    ``store`` is a kexie-graph Store or a pyoxigraph Store. With ``union_as_default`` the union of
    the named graphs (each triple once) also replaces the remote default graph, sent in chunks
    (PUT, then POST), for servers whose own union default graph counts a triple once per graph
    (Oxigraph server) or that have none. With ``endpoint`` (the SPARQL query URL of the same
    server) the triple count of every graph sent is checked there afterwards; a mismatch raises
    :class:`StoreError`.
    """
    db: ox.Store = getattr(store, "ox", store)
    report = PushReport(graph_store=graph_store)
    started = time.perf_counter()
    client = HttpClient(user=user, password=password, timeout=timeout)
    sep = "&" if "?" in graph_store else "?"
    try:
        names = sorted(g.value for g in db.named_graphs() if isinstance(g, ox.NamedNode))
        for name in names:
            url = f"{graph_store}{sep}graph={quote(name, safe='')}"
            data = db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) or b""
            _send(client, "PUT", url, data)
            report.add(name, data)
        if union_as_default:
            url = f"{graph_store}{sep}default"
            for i, data in enumerate(_union_chunks(store, db)):
                _send(client, "PUT" if i == 0 else "POST", url, data)
                report.add("", data)
        if endpoint is not None:
            _verify(client, endpoint, report)
    finally:
        client.close()
    report.seconds = time.perf_counter() - started
    return report


def _send(client: HttpClient, method: str, url: str, data: bytes) -> None:
    status, _ctype, answer = client.request(
        method, url, body=data, headers={"Content-Type": "application/n-triples"}
    )
    if status not in (200, 201, 204):
        raise _error(url, status, answer)


def _union_chunks(store: Any, db: ox.Store) -> Iterator[bytes]:
    """The union of the named graphs as N-Triples, in chunks of at most _CHUNK triples."""
    if getattr(store, "union_default_graph", False):  # a kexie-graph store keeps it ready
        triples: Iterable[ox.Triple] = (
            q.triple for q in db.quads_for_pattern(None, None, None, ox.DefaultGraph())
        )
    else:
        answer = db.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        triples = iter(answer)  # type: ignore[arg-type]
    sent = False
    while True:
        chunk = list(islice(triples, _CHUNK))
        if not chunk and sent:
            return
        sent = True
        yield ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES) or b""
        if len(chunk) < _CHUNK:
            return


def _verify(client: HttpClient, endpoint: str, report: PushReport) -> None:
    sparql = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    result = query_endpoint(endpoint, sparql, client=client)
    remote = {row["g"]: int(row["n"]) for row in result.rows}
    if "" in report.counts:
        everything = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        remote[""] = int(query_endpoint(endpoint, everything, client=client).rows[0]["n"])
    for name, count in report.counts.items():
        if remote.get(name, 0) != count:
            raise StoreError(
                f"{endpoint}: after the push graph <{name or 'default'}> holds "
                f"{remote.get(name, 0)} triples, the store {count}; check the server's log, then "
                "push again"
            )
    report.verified = True
