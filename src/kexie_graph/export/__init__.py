"""Export a knowledge graph as RDF (Turtle, TriG, N-Triples, JSON-LD) or as a property graph
(GraphML, GEXF, CSV tables)::

    from kexie_graph.export import export

    export(store, "trig", "build/kg-articles.trig", graph="article")
    export(store, "jsonld", "build/kg.jsonld")       # the context is inline, never fetched
    export(store, "graphml", "build/kg.graphml")     # the entity projection, for Gephi
    export(store, "csv", "build/csv/")               # build/csv/nodes.csv and edges.csv
    export(store, "nt")                              # to standard output

Files are written atomically (a temporary file beside the target, then a rename). ``graph``
applies to the RDF formats (see :data:`GRAPH_SCOPES`); GraphML, GEXF and CSV always hold the
entity projection, which is what the article graphs and the lexicon graph state.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..fsutil import atomic_write, atomic_write_bytes
from .common import (
    FORMATS,
    GRAPH_SCOPES,
    NETWORK_FORMATS,
    RDF_FORMATS,
    ExportError,
    Format,
    GraphScope,
    Input,
    open_store_folder,
    quad_source,
)
from .jsonld import CONTEXT_IRI, load_context, read_jsonld, write_jsonld
from .network import csv_tables, entity_network, flatten, write_gexf, write_graphml
from .rdf import write_rdf

__all__ = [
    "CONTEXT_IRI",
    "FORMATS",
    "GRAPH_SCOPES",
    "NETWORK_FORMATS",
    "RDF_FORMATS",
    "ExportError",
    "Format",
    "GraphScope",
    "csv_paths",
    "export",
    "export_bytes",
    "flatten",
    "load_context",
    "read_jsonld",
]

NODES_CSV = "nodes.csv"
EDGES_CSV = "edges.csv"


def _check(fmt: str, graph: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; pick one of {', '.join(FORMATS)}")
    if graph not in GRAPH_SCOPES:
        raise ExportError(f"unknown graph scope {graph!r}; pick one of {', '.join(GRAPH_SCOPES)}")


def _write(source: Input, fmt: str, graph: GraphScope, out: IO[bytes]) -> None:
    if fmt in ("ttl", "trig", "nt"):
        write_rdf(quad_source(source), fmt, graph, out)
    elif fmt == "jsonld":
        write_jsonld(quad_source(source), graph, out)
    elif fmt == "graphml":
        write_graphml(entity_network(source), out)
    elif fmt == "gexf":
        write_gexf(entity_network(source), out)
    else:
        raise ExportError(f"{fmt} is written as two files; give an output path")


@contextmanager
def _opened(source: Input) -> Iterator[Input]:
    """``source``, or the store in the folder ``source`` names, open (read-only) while in use."""
    if not isinstance(source, str | os.PathLike):
        yield source
        return
    store = open_store_folder(source)
    try:
        yield store
    finally:
        store.close()


def export_bytes(source: Input, fmt: Format | str, *, graph: GraphScope | str = "all") -> bytes:
    """Return the export of ``source`` as ``fmt`` (any format but ``csv``) as bytes."""
    _check(fmt, graph)
    buffer = io.BytesIO()
    with _opened(source) as opened:
        _write(opened, fmt, graph, buffer)  # type: ignore[arg-type]
    return buffer.getvalue()


def csv_paths(out: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Return where ``nodes.csv`` and ``edges.csv`` go for ``out``: into ``out`` if it is a
    folder (existing, or written with a trailing slash), else beside it."""
    text = os.fspath(out)
    path = Path(text)
    folder = path if path.is_dir() or text.endswith(("/", os.sep)) else path.parent
    return folder / NODES_CSV, folder / EDGES_CSV


def export(
    source: Input,
    fmt: Format | str,
    out: str | os.PathLike[str] | None = None,
    *,
    graph: GraphScope | str = "all",
    stream: IO[bytes] | None = None,
) -> list[Path]:
    """Export ``source`` as ``fmt`` to the file ``out``, or to standard output without one.

    ``source`` is a store, a store folder, a :class:`pyoxigraph.Store`, an rdflib graph or
    dataset, or (for GraphML, GEXF and CSV) a networkx graph. ``fmt`` is one of
    :data:`FORMATS`; ``graph`` one of :data:`GRAPH_SCOPES`. ``csv`` writes ``nodes.csv`` and
    ``edges.csv`` into the folder of ``out`` (see :func:`csv_paths`) and needs ``out``.
    ``stream`` replaces standard output. Returns the paths written (none for a stream).
    """
    _check(fmt, graph)
    if fmt == "csv":
        if out is None:
            raise ExportError(
                "csv needs --out: nodes.csv and edges.csv are written into its folder"
            )
        with _opened(source) as opened:
            nodes, edges = csv_tables(entity_network(opened))
        nodes_path, edges_path = csv_paths(out)
        atomic_write_bytes(nodes_path, nodes)
        atomic_write_bytes(edges_path, edges)
        return [nodes_path, edges_path]
    if out is None:
        target = stream if stream is not None else sys.stdout.buffer
        with _opened(source) as opened:
            _write(opened, fmt, graph, target)  # type: ignore[arg-type]
        target.flush()
        return []
    path = Path(out)
    if path.is_dir():
        raise ExportError(
            f"{path} is a folder; give --out a file name, such as {path / ('kg.' + fmt)}"
        )
    with _opened(source) as opened, atomic_write(path, "wb") as fh:
        _write(opened, fmt, graph, fh)  # type: ignore[arg-type]
    return [path]
