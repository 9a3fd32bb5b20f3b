"""Interactive network views of the knowledge graph: one self-contained, offline HTML page each.

* :func:`project` turns a store or an rdflib dataset into a networkx graph of entities and
  relations; :func:`focus` keeps one entity's neighbourhood and :func:`from_query` draws a SPARQL
  result.
* :func:`write_view` writes the page (vis-network, bundled and inlined); :func:`render_view` returns
  it.
* :func:`show` displays it inline in Jupyter; :func:`to_pyvis` hands the graph to pyvis's API."""

from __future__ import annotations

from typing import Any

from .html import render_view, write_view
from .notebook import InlineView, show
from .project import focus, from_query, project

__all__ = [
    "InlineView",
    "focus",
    "from_query",
    "project",
    "render_view",
    "show",
    "to_pyvis",
    "write_view",
]


def __getattr__(name: str) -> Any:
    # pyvis (and jinja2 under it) is imported only by those who ask for it
    if name == "to_pyvis":
        from .pyvis_compat import to_pyvis

        return to_pyvis
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
