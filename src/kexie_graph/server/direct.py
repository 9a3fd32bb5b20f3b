"""TEMPORARY: an executor straight on pyoxigraph, used only until kexie_graph.query lands.

It has no guard and no deadline; it exists so the HTTP layer can be developed and measured. It is
removed once the query layer is in the tree.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib.plugins.sparql.parser import parseQuery

from ..errors import QuerySyntaxError
from ..namespaces import PREFIXES
from .executor import Answer, Prepared, QueryForm, Term

__all__ = ["DirectExecutor"]

_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}


@lru_cache(maxsize=1024)
def _form(text: str) -> QueryForm:
    try:
        parsed = parseQuery(text)
    except Exception as error:
        raise QuerySyntaxError(f"malformed SPARQL: {error}") from error
    name = parsed[1].name
    return {
        "SelectQuery": "SELECT",
        "AskQuery": "ASK",
        "ConstructQuery": "CONSTRUCT",
        "DescribeQuery": "DESCRIBE",
    }[name]  # type: ignore[return-value]


def _json_term(node: Any) -> dict[str, Any]:
    if isinstance(node, ox.NamedNode):
        return {"type": "uri", "value": node.value}
    if isinstance(node, ox.BlankNode):
        return {"type": "bnode", "value": node.value}
    if isinstance(node, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": node.value}
        if node.language:
            out["xml:lang"] = node.language
        elif node.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = node.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(node.subject),
            "predicate": _json_term(node.predicate),
            "object": _json_term(node.object),
        },
    }


def _term(node: Any) -> Term:
    if isinstance(node, ox.NamedNode):
        return Term("iri", node.value)
    if isinstance(node, ox.BlankNode):
        return Term("bnode", node.value)
    return Term("literal", node.value, node.language, node.datatype.value)


class DirectExecutor:
    """pyoxigraph, in process, no guard, no deadline (development only)."""

    def __init__(self, path: Path) -> None:
        from ..store import open_store

        self._handle = open_store(path, read_only=True)
        self._store = self._handle.ox
        self._graphs = frozenset(self._handle.graphs())

    def graphs(self) -> frozenset[str]:
        return self._graphs

    def prepare(self, sparql: str) -> Prepared:
        return Prepared(sparql, _form(sparql))

    def run(
        self,
        prepared: Prepared,
        fmt: str,
        *,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        max_rows: int | None = None,
        timeout: float | None = None,
    ) -> Answer:
        kwargs: dict[str, Any] = {"prefixes": PREFIXES}
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            result: Any = self._store.query(prepared.text, **kwargs)
        except SyntaxError as error:
            raise QuerySyntaxError(str(error)) from error
        cap = max_rows if max_rows is not None else sys.maxsize
        if prepared.kind == "graph":
            triples = list(islice(result, cap + 1))
            body = ox.serialize(triples[:cap], format=_GRAPHS[fmt]) or b""
            return Answer(body, truncated=len(triples) > cap)
        if prepared.form == "ASK":
            return Answer(result.serialize(format=_RESULTS[fmt]) or b"")
        names = [v.value for v in result.variables]
        rows = list(islice(result, cap + 1))
        document = {
            "head": {"vars": names},
            "results": {
                "bindings": [
                    {n: _json_term(row[n]) for n in names if row[n] is not None}
                    for row in rows[:cap]
                ]
            },
        }
        body = json.dumps(document, ensure_ascii=False).encode()
        if fmt != "json":
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            body = parsed.serialize(format=_RESULTS[fmt]) or b""
        return Answer(body, truncated=len(rows) > cap)

    def select(
        self, sparql: str, bindings: Mapping[str, str], *, timeout: float | None = None
    ) -> list[dict[str, Term]]:
        subs: dict[Any, Any] = {ox.Variable(k): ox.NamedNode(v) for k, v in bindings.items()}
        result: Any = self._store.query(
            sparql, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=subs
        )
        names = [v.value for v in result.variables]
        return [{n: _term(row[n]) for n in names if row[n] is not None} for row in result]

    def close(self) -> None:
        self._store = None  # type: ignore[assignment]
        self._handle.close()
