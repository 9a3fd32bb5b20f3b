"""Running a checked query: on Oxigraph (in this process or in a worker) and on rdflib.

In-process calls and worker requests share :func:`._oxrun.run`, so both paths choose the dataset
and cut rows identically. Replies are plain tuples so that a worker can
:mod:`marshal` them:

* ``("select", variables, rows, truncated)``: rows of pyoxigraph terms (in this process);
* ``("cells", variables, rows, truncated)``: rows of cells (from a worker);
* ``("ask", boolean)``;
* ``("construct", triples, truncated)``: pyoxigraph triples (in this process);
* ``("ntriples", data, truncated)``: the triples as N-Triples bytes (from a worker);
* ``("update",)``;
* ``("body", kind, fmt, data, truncated)``: the answer already serialized in ``fmt``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError, QuerySyntaxError
from ..namespaces import PREFIXES
from . import _oxrun
from .guard import CheckedQuery
from .results import GRAPH_FORMATS, RDF_FORMATS, RESULT_FORMATS, Result
from .terms import Cell, rdflib_to_cell, rdflib_to_ox

__all__ = ["Reply", "check_format", "map_error", "reply_to_result", "run_oxigraph", "run_rdflib"]

Reply = tuple[Any, ...]

_PARSE_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "tsv": ox.QueryResultsFormat.TSV,
}


def run_oxigraph(
    db: ox.Store,
    checked: CheckedQuery,
    *,
    text: str | None = None,
    default_is_union: bool = False,
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    max_rows: int | None = None,
    fmt: str | None = None,
) -> Reply:
    """Run ``checked`` on ``db`` in this process (``text``: its source with bindings injected).

    With ``fmt`` an answer that is not cut comes back already serialized by Oxigraph.
    """
    try:
        return _oxrun.run(
            db,
            checked.source if text is None else text,
            is_update=checked.is_update,
            has_dataset=checked.has_dataset,
            default_is_union=default_is_union,
            prefixes=PREFIXES,
            default_graphs=default_graphs,
            named_graphs=named_graphs,
            max_rows=max_rows,
            fmt=fmt,
        )
    except BaseException as error:
        raise map_error(error) from None


def map_error(error: BaseException) -> BaseException:
    """The kexie-graph error for an exception raised by pyoxigraph while running a query."""
    message = " ".join(str(error).split())
    if isinstance(error, SyntaxError):
        return QuerySyntaxError(f"malformed SPARQL: {message}")
    if isinstance(error, OSError):
        return QueryError(f"the query failed while reading the store: {message}")
    if isinstance(error, ValueError | TypeError | RuntimeError):
        return QueryError(f"the query failed: {message}")
    return error


def reply_to_result(reply: Reply) -> Result:
    """The :class:`Result` of a reply (from this process or from a worker)."""
    tag = reply[0]
    if tag == "select":
        _, variables, rows, truncated = reply
        return Result("select", variables=variables, ox_rows=rows, truncated=truncated)
    if tag == "cells":
        _, variables, rows, truncated = reply
        return Result("select", variables=variables, cells=rows, truncated=truncated)
    if tag == "ask":
        return Result("ask", boolean=reply[1])
    if tag == "construct":
        _, triples, truncated = reply
        return Result("construct", ox_triples=triples, truncated=truncated)
    if tag == "ntriples":
        _, data, truncated = reply
        triples = [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
        return Result("construct", ox_triples=triples, truncated=truncated)
    if tag == "update":
        return Result("update")
    if tag == "body":
        _, kind, fmt, data, truncated = reply
        return _from_body(kind, fmt, data, truncated)
    raise QueryError(f"unexpected reply from the query worker: {tag!r}")


def _from_body(kind: str, fmt: str, data: bytes, truncated: bool) -> Result:
    """A result that holds serialized bytes and parses them only if rows are asked for."""
    if kind == "ask":
        parsed = (
            ox.parse_query_results(data, format=_PARSE_RESULTS[fmt])
            if fmt in _PARSE_RESULTS
            else None
        )
        boolean = bool(parsed) if parsed is not None else data.strip().lower().endswith(b"true")
        return Result("ask", boolean=boolean, body=(fmt, data))
    if kind == "select":
        if fmt in _PARSE_RESULTS:
            parsed = ox.parse_query_results(data, format=_PARSE_RESULTS[fmt])
            assert isinstance(parsed, ox.QuerySolutions)
            variables = [v.value for v in parsed.variables]
            rows = [tuple(s) for s in parsed]
            return Result(
                "select", variables=variables, ox_rows=rows, truncated=truncated, body=(fmt, data)
            )
        return Result("select", truncated=truncated, body=(fmt, data))
    rdf = RDF_FORMATS.get(fmt)
    triples = [q.triple for q in ox.parse(data, format=rdf)] if rdf is not None else []
    return Result("construct", ox_triples=triples, truncated=truncated, body=(fmt, data))


def check_format(checked: CheckedQuery, fmt: str | None) -> None:
    """Raise :class:`QueryError` if ``fmt`` cannot carry the answer of ``checked``."""
    if fmt is None:
        return
    kind = checked.result_kind
    allowed = GRAPH_FORMATS if kind == "construct" else RESULT_FORMATS
    if kind != "update" and fmt not in allowed:
        raise QueryError(
            f"format {fmt!r} cannot carry a {checked.form} answer; use one of {', '.join(allowed)}"
        )


# -- rdflib ----------------------------------------------------------------------------------------


def run_rdflib(
    dataset: Any,
    checked: CheckedQuery,
    *,
    text: str | None = None,
    max_rows: int | None = None,
) -> Result:
    """Run ``checked`` on an rdflib ``Dataset`` (``text``: its source with bindings injected)."""
    import rdflib.plugins.sparql as rdflib_sparql

    # rdflib would fetch every FROM IRI from the web; the guard lets through only the dataset's
    # own graphs, which rdflib must then take from the dataset, never from the network
    rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    source = checked.source if text is None else text
    try:
        with warnings.catch_warnings():
            # rdflib's own evaluator calls APIs it has deprecated (Dataset.contexts, …)
            warnings.simplefilter("ignore", DeprecationWarning)
            if checked.is_update:
                dataset.update(source, initNs=PREFIXES)
                return Result("update")
            answer = dataset.query(source, initNs=PREFIXES)
            rows = list(answer) if answer.type == "SELECT" else []
    except Exception as error:  # rdflib raises bare Exceptions for many query errors
        raise QueryError(f"the query failed on rdflib: {' '.join(str(error).split())}") from None
    if answer.type == "ASK":
        return Result("ask", boolean=bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        triples = [
            ox.Triple(rdflib_to_ox(s), rdflib_to_ox(p), rdflib_to_ox(o))
            for s, p, o in (answer.graph or ())
        ]
        return Result("construct", ox_triples=triples)
    variables = [str(v) for v in answer.vars or ()]
    cells: list[tuple[Cell, ...]] = []
    truncated = False
    for row in rows:
        if max_rows is not None and len(cells) >= max_rows:
            truncated = True
            break
        cells.append(tuple(rdflib_to_cell(term) for term in row))
    return Result("select", variables=variables, cells=cells, truncated=truncated)
