"""The seam between the HTTP layer and the query layer.

The server holds no query logic of its own: the guard (SERVICE, LOAD, outside FROM, updates), the
deadline and the serializers are the query layer's (:mod:`kexie_graph.query`), the same code the
command line runs. This module only adapts that layer to what an HTTP handler needs: prepare a
query once (syntax and guard, cached), run it with the protocol's dataset, a deadline and a row cap,
and get bytes back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import pyoxigraph as ox

from ..errors import QueryRefusedError

__all__ = ["Answer", "Executor", "Prepared", "QueryForm", "QueryLayerExecutor", "Term"]

QueryForm = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A query that passed the parser and the guard."""

    text: str
    form: QueryForm
    #: whatever the query layer returned for the check, passed back to it to run
    handle: Any = None

    @property
    def kind(self) -> Literal["results", "graph"]:
        """Whether the answer is a result set or a graph (selects the negotiation table)."""
        return "graph" if self.form in ("CONSTRUCT", "DESCRIBE") else "results"


@dataclass(frozen=True, slots=True)
class Answer:
    """A serialized answer."""

    body: bytes
    #: the answer was cut at the row cap
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class Term:
    """An RDF term as the HTML pages show it, whatever library produced it."""

    kind: Literal["iri", "bnode", "literal"]
    value: str
    language: str | None = None
    datatype: str | None = None


class Executor(Protocol):
    """What the HTTP layer needs from the query layer."""

    def graphs(self) -> frozenset[str]:
        """IRIs of the store's named graphs."""
        ...

    def prepare(self, sparql: str) -> Prepared:
        """Parse and guard ``sparql``; raise QuerySyntaxError or QueryRefusedError."""
        ...

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
        """Run a prepared query, serialize its answer; raise QueryTimeoutError at the deadline."""
        ...

    def select(
        self, sparql: str, bindings: Mapping[str, str], *, timeout: float | None = None
    ) -> list[dict[str, Term]]:
        """Run one of the server's own SELECT queries with IRI bindings; rows of terms."""
        ...

    def close(self) -> None:
        """Stop worker processes and release the store."""
        ...


def _term(node: Any) -> Term:
    """An rdflib term (as :attr:`Result.terms` gives them) as a :class:`Term`."""
    from rdflib import BNode, Literal

    if isinstance(node, Literal):
        datatype = str(node.datatype) if node.datatype is not None else None
        return Term("literal", str(node), node.language, datatype)
    if isinstance(node, BNode):
        return Term("bnode", str(node))
    return Term("iri", str(node))


class QueryLayerExecutor:
    """The query layer over a store opened read-only, with its worker pool started up front.

    The pool's processes run every query that has a deadline; one that passes it is killed and
    replaced while the others go on answering.
    """

    def __init__(self, path: Path, *, query_workers: int = 2) -> None:
        from ..store import open_store

        self._store = open_store(path, read_only=True)
        try:
            self._graphs = frozenset(self._store.graphs())
            if query_workers > 0:
                self._store.start_pool(size=query_workers)
        except BaseException:
            self._store.close()
            raise

    def graphs(self) -> frozenset[str]:
        return self._graphs

    def prepare(self, sparql: str) -> Prepared:
        from ..query import check_query

        checked = check_query(sparql, allowed_graphs=self._graphs, read_only=True)
        if checked.is_update:  # check_query refuses updates on a read-only store; never run one
            raise QueryRefusedError("SPARQL updates are refused: this endpoint is read-only")
        return Prepared(sparql, checked.form, checked)  # type: ignore[arg-type]

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
        from ..query import execute

        result = execute(
            self._store,
            prepared.handle,
            timeout=timeout,
            default_graphs=list(default_graphs) if default_graphs else None,
            named_graphs=list(named_graphs) if named_graphs else None,
            max_rows=max_rows,
            fmt=fmt,
        )
        return Answer(result.serialize(fmt), truncated=bool(result.truncated))

    def select(
        self, sparql: str, bindings: Mapping[str, str], *, timeout: float | None = None
    ) -> list[dict[str, Term]]:
        from ..query import check_query, execute

        checked = check_query(sparql, allowed_graphs=self._graphs, read_only=True)
        result = execute(
            self._store,
            checked,
            bindings={name: ox.NamedNode(iri) for name, iri in bindings.items()},
            timeout=timeout,
        )
        return [
            {name: _term(value) for name, value in row.items() if value is not None}
            for row in result.terms
        ]

    def close(self) -> None:
        self._store.close()
