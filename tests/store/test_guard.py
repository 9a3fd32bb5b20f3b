"""The guard: SERVICE, LOAD and outside FROM never run, whatever their spelling; updates are refused
on read-only stores; malformed SPARQL is reported with line and column.

Every refusal is checked against a listening loopback trap: it must receive no connection. The
last tests show that the trap is real: pyoxigraph itself does fetch SERVICE and LOAD.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kexie_graph.errors import QueryRefusedError, QuerySyntaxError
from kexie_graph.query import ANY_GRAPH, check_query, query
from kexie_graph.query.guard import analyse
from kexie_graph.store import Store, open_store

from .conftest import A1, LEXICON, Trap

# templates: TRAP_URL is the trap's URL, TRAP_BASE the same without its last segment "sparql"
REFUSED_QUERIES = [
    "SELECT * WHERE { SERVICE <TRAP_URL> { ?s ?p ?o } }",
    "select * where { service <TRAP_URL> { ?s ?p ?o } }",
    "SeLeCt * WhErE { sErViCe SiLeNt <TRAP_URL> { ?s ?p ?o } }",
    "SELECT * WHERE { # a comment }\n SERVICE <TRAP_URL> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE\n#comment\n<TRAP_URL>\t{ ?s ?p ?o } }",
    "PREFIX trap: <TRAP_BASE>\nSELECT * WHERE { SERVICE trap:sparql { ?s ?p ?o } }",
    "BASE <TRAP_BASE>\nSELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { { SELECT ?s WHERE { { SELECT ?s WHERE {"
    " SERVICE <TRAP_URL> { ?s ?p ?o } } } } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <TRAP_URL> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <TRAP_URL> { ?s ?q ?r } } }",
    "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <TRAP_URL> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <TRAP_URL> { ?s ?p ?o } } }",
    "SELECT * WHERE { GRAPH ?g { SERVICE <TRAP_URL> { ?s ?p ?o } } }",
    "SELECT * WHERE { VALUES ?svc { <TRAP_URL> } SERVICE ?svc { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<TRAP_URL> AS ?svc) SERVICE ?svc { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE ?svc { ?s ?p ?o } } VALUES ?svc { <TRAP_URL> }",
    "ASK { SERVICE <TRAP_URL> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <TRAP_URL> { ?s ?p ?o } }",
    "DESCRIBE ?s WHERE { SERVICE <TRAP_URL> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <TRAP_URL> { ?s ?p ?o } }",
    "SELECT * FROM <TRAP_URL> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <TRAP_URL> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "select * from <TRAP_URL> where { ?s ?p ?o }",
    "PREFIX t: <TRAP_BASE> SELECT * FROM t:sparql WHERE { ?s ?p ?o }",
    f"SELECT * FROM <{A1}> FROM <TRAP_URL> WHERE {{ ?s ?p ?o }}",
    "ASK FROM <TRAP_URL> { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } FROM <TRAP_URL> WHERE { ?s ?p ?o }",
]
REFUSED_UPDATES = [
    "LOAD <TRAP_URL>",
    "load silent <TRAP_URL> into graph <http://e/g>",
    "PREFIX t: <TRAP_BASE> LOAD t:sparql",
    "INSERT DATA { <http://e/s> <http://e/p> 'o' }",
    "DELETE DATA { <http://e/s> <http://e/p> 'o' }",
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "clear default",
    f"DROP GRAPH <{A1}>",
    "CREATE GRAPH <http://e/new>",
    f"COPY <{A1}> TO <http://e/g>",
    f"MOVE <{A1}> TO <http://e/g>",
    f"ADD <{A1}> TO <http://e/g>",
    "INSERT { ?s <http://e/p> 1 } WHERE { ?s ?p ?o }",
    "INSERT { ?s <http://e/p> 1 } USING <TRAP_URL> WHERE { ?s ?p ?o }",
    "# only a comment first\nCLEAR ALL",
]


def _aimed(template: str, trap: Trap) -> str:
    base = trap.url.removesuffix("sparql")
    return template.replace("TRAP_BASE", base).replace("TRAP_URL", trap.url)


@pytest.mark.parametrize("template", REFUSED_QUERIES + REFUSED_UPDATES)
def test_every_spelling_of_service_load_from_and_update_is_refused(
    shared_store: Store, trap: Trap, template: str
) -> None:
    with pytest.raises(QueryRefusedError) as caught:
        query(shared_store, _aimed(template, trap))
    assert "\n" not in str(caught.value)
    assert trap.connections == []


@pytest.mark.parametrize("template", REFUSED_QUERIES)
def test_refused_with_a_deadline_too(shared_store: Store, trap: Trap, template: str) -> None:
    with pytest.raises(QueryRefusedError):
        query(shared_store, _aimed(template, trap), timeout=5)
    assert trap.connections == []


@pytest.mark.parametrize("which", ["service", "load"])
def test_updates_with_load_or_service_are_refused_on_a_writable_store(
    which: str, trap: Trap
) -> None:
    with open_store() as store:  # in memory, writable
        sparql = (
            f"LOAD <{trap.url}>"
            if which == "load"
            else f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{trap.url}> {{ ?s ?p ?o }} }}"
        )
        with pytest.raises(QueryRefusedError, match=which.upper()):
            query(store, sparql)
    assert trap.connections == []


def test_updates_run_on_a_writable_store() -> None:
    with open_store() as store:
        query(store, "INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> 'o' } }")
        assert query(store, "ASK { <http://e/s> <http://e/p> 'o' }").boolean is True
        assert store.graphs() == ["http://e/g"]


@pytest.mark.parametrize(
    "update",
    [
        "CLEAR ALL",
        "INSERT DATA { <http://e/s> <http://e/p> 'o' }",
        "DROP SILENT GRAPH <http://e/g>",
    ],
)
def test_updates_are_refused_on_a_read_only_store(shared_store: Store, update: str) -> None:
    with pytest.raises(QueryRefusedError, match="refused: the store is open read-only"):
        query(shared_store, update)
    assert len(shared_store) > 0


@pytest.mark.parametrize(
    "sparql",
    [
        f"SELECT * FROM <{A1}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{LEXICON}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "SELECT * FROM kxr:graph\\/article\\/a1 WHERE { ?s ?p ?o }",
        "BASE <https://w3id.org/kexie-graph/id/graph/>\nSELECT * FROM <article/a1> { ?s ?p ?o }",
    ],
)
def test_from_a_graph_of_the_store_is_allowed(shared_store: Store, sparql: str) -> None:
    assert len(query(shared_store, sparql).rows) > 0


def test_from_restricts_the_default_graph(shared_store: Store) -> None:
    only_lexicon = query(shared_store, f"SELECT DISTINCT ?s FROM <{LEXICON}> WHERE {{ ?s ?p ?o }}")
    assert [r["s"] for r in only_lexicon.rows] == [
        "https://w3id.org/kexie-graph/id/organization/中国科学技术协会"
    ]


def test_allow_unsafe_lets_from_through(shared_store: Store) -> None:
    # an outside FROM on Oxigraph selects an empty graph: nothing is fetched, nothing found
    result = query(
        shared_store,
        "SELECT * FROM <http://example.org/none> WHERE { ?s ?p ?o }",
        allow_unsafe=True,
    )
    assert result.rows == []


def test_check_query_with_any_graph_allows_from_but_not_service(trap: Trap) -> None:
    assert check_query(
        f"SELECT * FROM <{trap.url}> {{ ?s ?p ?o }}", allowed_graphs=ANY_GRAPH
    ).from_default == (trap.url,)
    with pytest.raises(QueryRefusedError):
        check_query(f"SELECT * {{ SERVICE <{trap.url}> {{ ?s ?p ?o }} }}", allowed_graphs=ANY_GRAPH)


@pytest.mark.parametrize(
    ("sparql", "line", "column"),
    [
        ("SELECT ?x WHERE {\n  ?x ?y \n}", 2, 3),
        ("SELECT ?x WHERE { ?x ?y ?z ", 1, 28),
        ("SELECT * { } garbage", 1, 14),
        ("PREFIX ex: <http://e/>\n\nSELECT * WHERE { ?s ex:p ?o } ORDER", 3, 31),
        ("SELECT * WHERE { ?s foo:bar ?o }", 1, 21),
        ("SELECT * WHERE { ?s ?p ?o }\n}", 2, 1),
    ],
)
def test_malformed_sparql_names_line_and_column(sparql: str, line: int, column: int) -> None:
    with pytest.raises(QuerySyntaxError, match=f"at line {line}, column {column}:") as caught:
        check_query(sparql)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("sparql", ["", "   \n", "# just a comment", "PREFIX ex: <http://e/>"])
def test_empty_queries_are_syntax_errors(sparql: str) -> None:
    with pytest.raises(QuerySyntaxError, match="query"):
        check_query(sparql)


def test_the_project_prefixes_are_predeclared_and_the_missing_ones_prepended() -> None:
    checked = check_query(
        "PREFIX kx: <http://other/> SELECT * WHERE { ?s kx:p ?o ; nif:anchorOf ?a }"
    )
    assert (
        "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>"
        in checked.text
    )
    assert "PREFIX kx: <https://w3id.org" not in checked.text  # the query's own kx: wins
    assert checked.text.endswith(checked.source)


def test_analysis_is_cached_per_text() -> None:
    sparql = "SELECT * WHERE { ?s ?p ?o } # cached-test"
    first = analyse(sparql)
    assert analyse(str(sparql)) is first
    assert analyse("".join(sparql)) is first  # an equal string built anew hits the cache too


def test_raw_pyoxigraph_does_fetch_service_so_the_guard_is_the_barrier(trap: Trap) -> None:
    # If this starts failing, pyoxigraph stopped fetching: update the notes in query/guard.py.
    before = len(trap.connections)
    with pytest.raises(OSError):
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{trap.url}> {{ ?s ?p ?o }} }}"))
    assert len(trap.connections) == before + 1
    trap.connections.clear()
