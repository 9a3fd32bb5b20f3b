"""Validate a graph against the SHACL shapes (``ontology/shapes.ttl``) with pySHACL.

The build validates each article's graph on its own, so the cost stays proportional to one article.
The ontology is mixed into a copy of the data (the shapes check ``sh:class kx:Unit`` and the
Five-Year Plan periods, which only the ontology types), no inference is run (the builder writes
every entity's kind *and* top-level class), and SHACL advanced features are on (the SPARQL-based
targets of the shapes). Blank nodes are found here in Python rather than by a shape: a SPARQL scan
of every triple would cost more than all the other checks together.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from ..errors import ValidationError
from ..namespaces import PREFIXES, SH
from .ontology import ontology_graph, shapes_graph

__all__ = ["ValidationResult", "raise_for", "validate"]


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """The outcome of one validation.

    ``conforms`` is true when there is no violation (warnings are allowed). ``messages`` holds one
    line per result, violations first; ``report_text`` is the full report (pySHACL's text followed
    by the blank-node findings).
    """

    conforms: bool
    violations: int
    warnings: int
    report_text: str
    messages: tuple[str, ...] = ()

    def first_lines(self, n: int = 10) -> str:
        """Return a summary line and the first ``n`` result lines, for a terminal."""
        head = f"SHACL: {self.violations} violation(s), {self.warnings} warning(s)"
        return "\n".join([head, *self.messages[:n]])


@lru_cache(maxsize=512)
def _prepared(query: str) -> Query:
    return prepareQuery(query)


class _CachedQueryGraph(Graph):
    """A graph that parses each SPARQL text once.

    pySHACL hands every query to the data graph as text; rdflib's parser then costs tens of
    milliseconds a query, paid again for every article. Prepared queries are reused instead.
    """

    def query(
        self,
        query_object: Any,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Any = None,
        initBindings: Any = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Any:
        if isinstance(query_object, str) and not initNs and not kwargs:
            query_object = _prepared(query_object)
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )


def _triples(data: Graph) -> Iterator[tuple[Node, Node, Node]]:
    # A Dataset is validated as the union of its graphs, as queries see it.
    if isinstance(data, Dataset | ConjunctiveGraph):
        for s, p, o, _g in data.quads((None, None, None, None)):
            yield s, p, o
    else:
        yield from data


def _short(graph: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except ValueError:  # pragma: no cover - rdflib refuses some IRIs as QNames
            return f"<{node}>"
    if isinstance(node, Literal):
        return repr(str(node))
    return str(node)


def _result_lines(report: Graph) -> tuple[list[str], list[str]]:
    """Return (violation lines, warning lines) of a pySHACL results graph."""
    for prefix, namespace in PREFIXES.items():
        report.bind(prefix, namespace, override=True, replace=True)
    report.bind("kxsh", "https://w3id.org/kexie-graph/shapes#")
    violations: list[str] = []
    warnings: list[str] = []
    for result in report.subjects(SH.resultSeverity, None):
        severity = report.value(result, SH.resultSeverity)
        focus = _short(report, report.value(result, SH.focusNode))
        path = _short(report, report.value(result, SH.resultPath))
        shape = _short(report, report.value(result, SH.sourceShape))
        message = " ".join(str(report.value(result, SH.resultMessage) or "").split())
        where = f"{focus} {path}".strip()
        label = "Violation" if severity == SH.Violation else "Warning"
        line = f"{label} [{shape}] {where}: {message}"
        if severity == SH.Violation:
            violations.append(line)
        elif severity == SH.Warning:
            warnings.append(line)
    return sorted(violations), sorted(warnings)


def _blank_node_lines(triples: list[tuple[Node, Node, Node]]) -> list[str]:
    seen: dict[BNode, tuple[Node, Node, Node]] = {}
    for triple in triples:
        for term in (triple[0], triple[2]):
            if isinstance(term, BNode) and term not in seen:
                seen[term] = triple
    return [
        f"Violation [blank node] _:{node} in ({s} {p} {o}): mint an IRI for it"
        for node, (s, p, o) in seen.items()
    ]


def validate(data: Graph, *, ontology: Graph | None = None) -> ValidationResult:
    """Validate ``data`` against the packaged SHACL shapes.

    ``ontology`` is mixed into a copy of the data before validation; ``None`` means the packaged
    ontology. A :class:`~rdflib.Dataset` is validated as the union of its graphs. ``data`` is
    never modified.
    """
    import pyshacl  # heavy; imported only when a validation is run

    triples = list(_triples(data))
    work = _CachedQueryGraph()
    for triple in triples:
        work.add(triple)
    for triple in ontology if ontology is not None else ontology_graph():
        work.add(triple)
    _conforms, report_graph, report_text = pyshacl.validate(
        work,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
        inplace=True,
    )
    violation_lines, warning_lines = _result_lines(report_graph)
    blank_lines = _blank_node_lines(triples)
    violation_lines.extend(blank_lines)
    text = str(report_text)
    if blank_lines:
        text += "\nBlank nodes:\n" + "\n".join(blank_lines) + "\n"
    return ValidationResult(
        conforms=not violation_lines,
        violations=len(violation_lines),
        warnings=len(warning_lines),
        report_text=text,
        messages=tuple(violation_lines + warning_lines),
    )


def raise_for(result: ValidationResult, source: str) -> None:
    """Raise :class:`~kexie_graph.errors.ValidationError` when ``result`` has violations.

    The message is one line naming ``source`` (an article or file) and the first violation; the
    full report rides on the exception's ``report``.
    """
    if result.conforms:
        return
    first = result.messages[0] if result.messages else "see the report"
    raise ValidationError(
        f"{source}: the graph violates the SHACL shapes ({result.violations} violation(s)); "
        f"first: {first}. Fix the extractor or curation for this input, "
        "or build with --no-validate",
        report=result.report_text,
    )
