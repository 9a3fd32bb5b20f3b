"""Property: no spelling of SERVICE, LOAD or an outside FROM gets past the guard.

Hypothesis writes the queries: keywords in any case, any whitespace and comments between tokens,
the trap's IRI written out, as a prefixed name, relative to a BASE, or bound to a variable by VALUES
or BIND, nested in subqueries, OPTIONAL, EXISTS, UNION, MINUS and GRAPH, in every query form, and
as updates. Each must be refused. Should one ever pass, it is run on a real Oxigraph store aimed at
the listening loopback trap, and the trap must have received nothing. The number of examples comes
from the Hypothesis profile (``KEXIE_HYPOTHESIS_PROFILE=fuzz`` for many; see tests/conftest.py).
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kexie_graph.errors import QueryRefusedError
from kexie_graph.query import check_query
from kexie_graph.query.api import query

from .conftest import GRAPHS, Trap

_SEPARATORS = st.lists(
    st.sampled_from(
        [" ", "  ", "\n", "\t", "\r\n", " # SERVICE <http://x/> {}\n", "#\n", "\n# }\n"]
    ),
    min_size=1,
    max_size=3,
).map("".join)


@st.composite
def _keyword(draw: st.DrawFn, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if up else c.lower() for c, up in zip(word, flips, strict=True))


@st.composite
def _target(draw: st.DrawFn, url: str) -> tuple[str, str, str]:
    """(prologue, term, trailer): how the query names the trap."""
    how = draw(st.sampled_from(["iri", "prefixed", "base", "values", "bind", "trailing-values"]))
    head, _, last = url.rpartition("/")
    prefix = draw(st.sampled_from(["t", "trap", "svc", "x1", ""]))
    if how == "iri":
        return "", f"<{url}>", ""
    if how == "prefixed":
        return f"PREFIX {prefix}: <{head}/>\n", f"{prefix}:{last}", ""
    if how == "base":
        return f"BASE <{head}/>\n", f"<{last}>", ""
    if how == "values":
        return "", "?svc", f"VALUES ?svc {{ <{url}> }}"
    if how == "bind":
        return "", "?svc", f"BIND(<{url}> AS ?svc)"
    return "", "?svc", "\x00trailing"  # VALUES after the WHERE clause


_WRAPPERS = [
    "{{ SELECT * WHERE {{ {x} }} }}",
    "OPTIONAL {{ {x} }}",
    "FILTER EXISTS {{ {x} }}",
    "FILTER NOT EXISTS {{ {x} }}",
    "{{ {x} }} UNION {{ ?a ?b ?c }}",
    "{{ ?a ?b ?c }} UNION {{ {x} }}",
    "GRAPH ?g {{ {x} }}",
    "MINUS {{ {x} }}",
    "{{ {x} }}",
]


@st.composite
def service_queries(draw: st.DrawFn, url: str) -> str:
    sep = draw(_SEPARATORS)
    prologue, term, trailer = draw(_target(url))
    silent = draw(st.sampled_from(["", f"{draw(_keyword('silent'))}{sep}"]))
    pattern = f"{draw(_keyword('service'))}{sep}{silent}{term}{sep}{{ ?s ?p ?o }}"
    if trailer and not trailer.startswith("\x00"):
        pattern = f"{trailer}{sep}{pattern}"
    for wrapper in draw(st.lists(st.sampled_from(_WRAPPERS), max_size=4)):
        pattern = wrapper.format(x=pattern)
    form = draw(st.sampled_from(["select", "ask", "construct", "describe"]))
    where = f"{draw(_keyword('where'))}{sep}{{{sep}?s ?p ?o .{sep}{pattern}{sep}}}"
    if form == "select":
        body = f"{draw(_keyword('select'))}{sep}*{sep}{where}"
    elif form == "ask":
        body = f"{draw(_keyword('ask'))}{sep}{where}"
    elif form == "construct":
        body = f"{draw(_keyword('construct'))}{sep}{{ ?s ?p ?o }}{sep}{where}"
    else:
        body = f"{draw(_keyword('describe'))}{sep}?s{sep}{where}"
    if trailer.startswith("\x00"):
        body += f"{sep}{draw(_keyword('values'))} ?svc {{ <{url}> }}"
    return prologue + body


@st.composite
def from_queries(draw: st.DrawFn, url: str) -> str:
    sep = draw(_SEPARATORS)
    prologue, term, _ = draw(_target(url))
    if term == "?svc":  # FROM takes no variable: name the trap directly
        prologue, term = "", f"<{url}>"
    named = draw(st.sampled_from(["", f"{draw(_keyword('named'))}{sep}"]))
    clauses = [f"{draw(_keyword('from'))}{sep}{named}{term}"]
    if draw(st.booleans()):  # a store graph beside it does not make it safe
        clauses.insert(draw(st.integers(0, 1)), f"FROM <{draw(st.sampled_from(GRAPHS))}>")
    dataset = sep.join(clauses)
    form = draw(st.sampled_from(["select", "ask", "construct"]))
    where = f"{draw(_keyword('where'))}{sep}{{ ?s ?p ?o }}"
    if form == "select":
        return f"{prologue}{draw(_keyword('select'))} * {dataset}{sep}{where}"
    if form == "ask":
        return f"{prologue}{draw(_keyword('ask'))} {dataset}{sep}{where}"
    return f"{prologue}{draw(_keyword('construct'))} {{ ?s ?p ?o }} {dataset}{sep}{where}"


@st.composite
def load_updates(draw: st.DrawFn, url: str) -> str:
    sep = draw(_SEPARATORS)
    prologue, term, _ = draw(_target(url))
    if term == "?svc":
        prologue, term = "", f"<{url}>"
    silent = draw(st.sampled_from(["", f"{draw(_keyword('silent'))}{sep}"]))
    into = draw(st.sampled_from(["", f"{sep}{draw(_keyword('into'))} GRAPH <http://e/g>"]))
    load = f"{draw(_keyword('load'))}{sep}{silent}{term}{into}"
    before = draw(st.sampled_from(["", "CLEAR SILENT GRAPH <http://e/x> ;\n"]))
    after = draw(st.sampled_from(["", " ;\nINSERT DATA { <http://e/s> <http://e/p> 1 }"]))
    return f"{prologue}{before}{load}{after}"


def _must_refuse(sparql: str, trap: Trap, *, read_only: bool) -> None:
    try:
        check_query(sparql, allowed_graphs=frozenset(GRAPHS), read_only=read_only)
    except QueryRefusedError:
        return
    # it got through: see whether it would reach the trap, then fail either way
    store = ox.Store()
    try:
        if read_only:
            list(store.query(sparql))  # type: ignore[arg-type]
        else:
            store.update(sparql)
    except Exception:  # the failure below is what matters
        pass
    pytest.fail(f"the guard let this through (trap connections: {trap.connections}):\n{sparql}")


_SETTINGS = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@_SETTINGS
@given(data=st.data())
def test_hypothesis_no_service_gets_past_the_guard(data: st.DataObject, trap: Trap) -> None:
    _must_refuse(data.draw(service_queries(trap.url)), trap, read_only=True)
    assert trap.connections == []


@_SETTINGS
@given(data=st.data())
def test_hypothesis_no_outside_from_gets_past_the_guard(data: st.DataObject, trap: Trap) -> None:
    _must_refuse(data.draw(from_queries(trap.url)), trap, read_only=True)
    assert trap.connections == []


@_SETTINGS
@given(data=st.data())
def test_hypothesis_no_load_gets_past_the_guard_even_on_a_writable_store(
    data: st.DataObject, trap: Trap
) -> None:
    _must_refuse(data.draw(load_updates(trap.url)), trap, read_only=False)
    assert trap.connections == []


@_SETTINGS
@given(data=st.data())
def test_hypothesis_the_query_api_refuses_before_running(data: st.DataObject, trap: Trap) -> None:
    sparql = data.draw(st.one_of(service_queries(trap.url), from_queries(trap.url)))
    store = ox.Store()  # writable and in memory: nothing but the guard stands in the way
    with pytest.raises(QueryRefusedError):
        query(store, sparql)
    assert trap.connections == []
