"""``query()``: one call from SPARQL text (or a saved query's name) to a :class:`Result`.

It works on a kexie-graph :class:`~kexie_graph.store.Store`, a plain :class:`pyoxigraph.Store` or
an rdflib ``Dataset``. Every query passes the guard first; the store's graphs are what ``FROM`` may
name, and a read-only store refuses updates. With a ``timeout`` the query runs in a worker process
of the store (see :mod:`.worker`), otherwise in this process.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError, QueryRefusedError, StoreError
from ..store import Store
from .bind import bind_values
from .engine import check_format, reply_to_result, run_oxigraph, run_rdflib
from .guard import CheckedQuery, check_query
from .results import Result
from .saved import resolve_query

__all__ = ["execute", "query"]


class _OxGraphs(Collection[str]):
    """The named graphs of a pyoxigraph store, looked up one by one (no listing per query)."""

    def __init__(self, db: ox.Store) -> None:
        self._db = db

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str):
            return False
        try:
            return bool(self._db.contains_named_graph(ox.NamedNode(item)))
        except ValueError:
            return False

    def __iter__(self) -> Iterator[str]:
        return (g.value for g in self._db.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return sum(1 for _ in self._db.named_graphs())


class _StoreGraphs(Collection[str]):
    """The named graphs of a kexie-graph store (cached by the store when it is read-only)."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and bool(self._store.has_graph(item))

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.graphs())

    def __len__(self) -> int:
        return len(self._store.graphs())


class _RdflibGraphs(Collection[str]):
    def __init__(self, dataset: Any) -> None:
        self._dataset = dataset

    def _names(self) -> set[str]:
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        # rdflib 7.1+ names the listing graphs(); older releases only have contexts()
        listing = getattr(self._dataset, "graphs", None) or self._dataset.contexts
        return {str(g.identifier) for g in listing() if g.identifier != DATASET_DEFAULT_GRAPH_ID}

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and item in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._names()))

    def __len__(self) -> int:
        return len(self._names())


def _target(store: Any) -> tuple[str, Any, bool, Collection[str]]:
    """(engine, handle, read_only, graphs) for whatever ``store`` is."""
    if isinstance(store, Store):
        if store.closed:
            raise StoreError(
                f"{store.path or 'the in-memory store'}: is closed; open it again with open_store()"
            )
        return "oxigraph", store, store.read_only, _StoreGraphs(store)
    if isinstance(store, ox.Store):
        return "oxigraph", store, False, _OxGraphs(store)
    owner = getattr(store, "_kexie_store", None)
    if isinstance(owner, Store):  # Store.dataset: run on the store itself
        return _target(owner)
    inner = getattr(getattr(store, "store", None), "_inner", None)
    if isinstance(inner, ox.Store):  # an rdflib Dataset over oxrdflib: run on Oxigraph directly
        return "oxigraph", inner, False, _OxGraphs(inner)
    if hasattr(store, "query") and hasattr(store, "quads"):
        return "rdflib", store, False, _RdflibGraphs(store)
    raise TypeError(
        f"cannot query a {type(store).__name__}; give a kexie_graph Store, a pyoxigraph.Store "
        "or an rdflib Dataset"
    )


def query(
    store: Any,
    sparql_or_name: str,
    *,
    bindings: Mapping[str, Any] | None = None,
    timeout: float | None = None,
    allow_unsafe: bool = False,
    queries_dir: str | os.PathLike[str] | None = None,
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    max_rows: int | None = None,
    fmt: str | None = None,
) -> Result:
    """Run a SPARQL query (text, ``@file.rq``, or a saved query's name such as ``cq01``).

    * ``bindings``: initial values of variables (``{"org": "https://w3id.org/…"}``), joined at
      the start of the WHERE group (:mod:`.bind`); see
      :func:`~kexie_graph.query.terms.python_to_ox` for how Python values become RDF terms;
    * ``timeout``: seconds; the query runs in a worker process and is stopped at the deadline
      (:class:`~kexie_graph.errors.QueryTimeoutError`); needs a store opened read-only from disk;
    * ``allow_unsafe``: let SERVICE, LOAD and any FROM through (local use only);
    * ``queries_dir``: a folder of ``.rq`` files callable by name (before the packaged ones);
    * ``default_graphs`` / ``named_graphs``: the SPARQL Protocol's dataset, replacing the
      query's FROM (each must be a graph of the store);
    * ``max_rows``: cut the answer after this many rows (``Result.truncated`` says so);
    * ``fmt``: the serialization wanted (``Result.serialize(fmt)`` is then ready without
      re-encoding; Oxigraph writes it).

    The project's prefixes (``kx:``, ``kxr:``, ``org:`` …) are predeclared; the default graph is
    the union of the named graphs unless the query or the protocol names a dataset.
    """
    text = resolve_query(sparql_or_name, queries_dir)
    engine, handle, read_only, graphs = _target(store)
    checked = check_query(
        text, allowed_graphs=graphs, allow_unsafe=allow_unsafe, read_only=read_only
    )
    return _run(
        engine,
        handle,
        checked,
        graphs,
        bindings=bindings,
        timeout=timeout,
        allow_unsafe=allow_unsafe,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        max_rows=max_rows,
        fmt=fmt,
    )


def execute(
    store: Any,
    checked: CheckedQuery,
    *,
    bindings: Mapping[str, Any] | None = None,
    timeout: float | None = None,
    allow_unsafe: bool = False,
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    max_rows: int | None = None,
    fmt: str | None = None,
) -> Result:
    """Run a query already passed through :func:`check_query` (for callers that check once and
    run later, such as the server). The store's read-only state is enforced again."""
    engine, handle, read_only, graphs = _target(store)
    if checked.is_update and read_only:
        check_query(checked.source, read_only=True)  # raises the usual refusal
    return _run(
        engine,
        handle,
        checked,
        graphs,
        bindings=bindings,
        timeout=timeout,
        allow_unsafe=allow_unsafe,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        max_rows=max_rows,
        fmt=fmt,
    )


def _run(
    engine: str,
    handle: Any,
    checked: CheckedQuery,
    graphs: Collection[str],
    *,
    bindings: Mapping[str, Any] | None,
    timeout: float | None,
    allow_unsafe: bool,
    default_graphs: Sequence[str] | None,
    named_graphs: Sequence[str] | None,
    max_rows: int | None,
    fmt: str | None,
) -> Result:
    check_format(checked, fmt)
    if not allow_unsafe:
        for iri in (*(default_graphs or ()), *(named_graphs or ())):
            if iri not in graphs:
                raise QueryRefusedError(
                    f"graph <{iri}> refused: it is not a graph of this store and kexie-graph never "
                    "fetches graphs from the web; name one of the store's graphs"
                )
    if max_rows is not None and max_rows < 0:
        raise QueryError("max_rows must be 0 or more")
    text = bind_values(checked, bindings)
    if timeout is not None:
        if timeout <= 0:
            raise QueryError(f"timeout must be more than 0 seconds, not {timeout:g}")
        if checked.is_update:
            raise QueryError("updates cannot run with a deadline; run them without a timeout")
        if not isinstance(handle, Store):
            raise StoreError(
                "queries with a deadline need a store opened with open_store(DIR, read_only=True)"
            )
        pool = handle.start_pool()
        reply = pool.run(
            text,
            is_update=checked.is_update,
            has_dataset=checked.has_dataset,
            default_graphs=default_graphs,
            named_graphs=named_graphs,
            max_rows=max_rows,
            fmt=fmt,
            timeout=timeout,
        )
        return reply_to_result(reply)
    if engine == "rdflib":
        if default_graphs is not None or named_graphs is not None:
            raise QueryError(
                "default_graphs / named_graphs need an Oxigraph store, not an rdflib Dataset"
            )
        return run_rdflib(handle, checked, text=text, max_rows=max_rows)
    db = handle.ox if isinstance(handle, Store) else handle
    reply = run_oxigraph(
        db,
        checked,
        text=text,
        default_is_union=isinstance(handle, Store) and handle.union_default_graph,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        max_rows=max_rows,
        fmt=fmt,
    )
    if checked.is_update and isinstance(handle, Store):
        handle.resync_union()  # the update changed named graphs: the union follows
        handle._graphs = handle._graph_set = None
    return reply_to_result(reply)
