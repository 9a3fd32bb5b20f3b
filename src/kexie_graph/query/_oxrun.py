"""The core of running a query on Oxigraph, shared by this process and the worker processes.

This module imports only the standard library and pyoxigraph, because the worker
(:mod:`._worker_main`) loads it as a plain module, without the kexie_graph package, to start in a
few tens of milliseconds. Errors are pyoxigraph's own; :mod:`.engine` maps them to kexie-graph's.

Replies are plain tuples (see :mod:`.engine`), so a worker can :mod:`marshal` them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import islice
from typing import Any

import pyoxigraph as ox

__all__ = ["cell_to_ox", "dataset_options", "ox_to_cell", "run"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NamedNode = ox.NamedNode
_Literal = ox.Literal
_BlankNode = ox.BlankNode

_RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}


def ox_to_cell(term: Any) -> Any:
    """The cell (see :mod:`.terms`) of a pyoxigraph term."""
    cls = type(term)
    if cls is _NamedNode:
        return term.value
    if cls is _Literal:
        lang = term.language
        if lang is not None:
            return (term.value, "@" + lang)
        datatype = term.datatype.value
        return (term.value,) if datatype == _XSD_STRING else (term.value, datatype)
    if term is None:
        return None
    if cls is _BlankNode:
        return (None, term.value)
    return (
        None,
        None,
        ox_to_cell(term.subject),
        ox_to_cell(term.predicate),
        ox_to_cell(term.object),
    )


def cell_to_ox(cell: Any) -> Any:
    """The pyoxigraph term of a cell (None for unbound)."""
    if cell is None:
        return None
    if type(cell) is str:
        return _NamedNode(cell)
    lex = cell[0]
    if lex is None:
        if len(cell) == 2:
            return _BlankNode(cell[1])
        return ox.Triple(cell_to_ox(cell[2]), cell_to_ox(cell[3]), cell_to_ox(cell[4]))
    if len(cell) == 1:
        return _Literal(lex)
    tag = cell[1]
    if tag.startswith("@"):
        return _Literal(lex, language=tag[1:])
    return _Literal(lex, datatype=_NamedNode(tag))


def dataset_options(
    has_dataset: bool,
    default_graphs: Sequence[str] | None,
    named_graphs: Sequence[str] | None,
    default_is_union: bool = False,
) -> dict[str, Any]:
    """Keyword arguments of ``Store.query`` that choose the dataset.

    ``default_is_union``: the store's default graph already holds the union of its named graphs
    (a kexie-graph store), so it is queried as it is; otherwise Oxigraph's union flag stands in.
    """
    if default_graphs is not None or named_graphs is not None:
        # the protocol's default-graph-uri / named-graph-uri replace the query's own dataset
        return {
            "default_graph": [_NamedNode(g) for g in default_graphs or ()],
            "named_graphs": [_NamedNode(g) for g in named_graphs or ()],
        }
    if has_dataset or default_is_union:
        return {}  # Oxigraph honours FROM / FROM NAMED only without the union flag
    return {"use_default_graph_as_union": True}


def run(
    db: ox.Store,
    source: str,
    *,
    is_update: bool,
    has_dataset: bool,
    default_is_union: bool = False,
    prefixes: Mapping[str, str],
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    max_rows: int | None = None,
    fmt: str | None = None,
    wire: bool = False,
) -> tuple[Any, ...]:
    """Run a query (already checked by the guard) and return its reply tuple.

    Bindings are already in ``source`` (a VALUES block, see :mod:`.bind`). With ``fmt``, an answer
    that is not cut comes back serialized by Oxigraph; with ``wire``, rows come back as cells and
    graphs as N-Triples (for :mod:`marshal`), else as pyoxigraph terms.
    """
    if is_update:
        db.update(source, prefixes=dict(prefixes))
        return ("update",)
    answer = db.query(
        source,
        prefixes=dict(prefixes),
        **dataset_options(has_dataset, default_graphs, named_graphs, default_is_union),
    )
    if isinstance(answer, ox.QueryBoolean):
        return ("ask", bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        if fmt in _RESULTS_FORMATS and max_rows is None:
            return ("body", "select", fmt, answer.serialize(format=_RESULTS_FORMATS[fmt]), False)
        rows = [tuple(s) for s in (answer if max_rows is None else islice(answer, max_rows + 1))]
        truncated = max_rows is not None and len(rows) > max_rows
        if truncated:
            del rows[max_rows:]
        if wire:
            return ("cells", variables, [tuple(map(ox_to_cell, row)) for row in rows], truncated)
        return ("select", variables, rows, truncated)
    if fmt in _RDF_FORMATS and max_rows is None:
        data = ox.serialize(answer, format=_RDF_FORMATS[fmt], prefixes=dict(prefixes))
        return ("body", "construct", fmt, data or b"", False)
    triples = list(answer if max_rows is None else islice(answer, max_rows + 1))
    truncated = max_rows is not None and len(triples) > max_rows
    if truncated:
        del triples[max_rows:]
    if wire:
        return ("ntriples", ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", truncated)
    return ("construct", triples, truncated)
