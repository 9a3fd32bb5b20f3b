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
from typing import Any, Literal, Protocol

__all__ = ["Answer", "Executor", "Prepared", "QueryForm", "Term"]

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
