"""Show a view inline in Jupyter (JupyterLab, Notebook 7, VS Code) with no network.

The page is the same self-contained page that :func:`.html.write_view` writes, put into an ``<iframe
srcdoc="…">``: notebooks render HTML outputs, and an iframe keeps the page's script and style apart
from the notebook's. The iframe is sandboxed (``allow-scripts`` only), so the view cannot reach the
notebook page, its cookies or its kernel, and nothing is fetched: the page carries vis-network
inline."""

from __future__ import annotations

import html
from collections.abc import Iterable

import networkx as nx

from .html import Layout, render_view
from .layout import SizeBy
from .project import Source, from_query, project
from .project import focus as neighbourhood

__all__ = ["InlineView", "show"]


class InlineView:
    """A rendered view that Jupyter shows through :meth:`_repr_html_`; ``page`` is the HTML."""

    def __init__(self, page: str, *, height: int = 640) -> None:
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #d0d7de;'
            'border-radius:6px" '
            'loading="eager" referrerpolicy="no-referrer" title="kexie-graph view"></iframe>'
        )

    def save(self, path: str) -> None:
        """Write the page to ``path`` (UTF-8)."""
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.page)


def show(
    store_or_graph: Source | nx.Graph,
    *,
    classes: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    articles: Iterable[str] | None = None,
    focus: str | None = None,
    hops: int = 1,
    query: str | None = None,
    title: str = "kexie-graph",
    label_lang: str = "zh",
    size_by: SizeBy = "degree",
    layout: Layout = "auto",
    height: int = 640,
) -> InlineView:
    """Return an inline view of a store, an rdflib graph or dataset, or an already projected graph.

    ``classes``, ``predicates`` and ``articles`` are :func:`.project.project`'s filters; ``query``
    (SPARQL CONSTRUCT or SELECT) draws that result instead (:func:`.project.from_query`);
    ``focus`` (a name) with ``hops`` keeps the neighbourhood of one entity
    (:func:`.project.focus`). The rest are :func:`.html.write_view`'s options, and ``height`` is
    the iframe's height in pixels.
    """
    graph: nx.Graph
    if isinstance(store_or_graph, nx.Graph):
        graph = store_or_graph
    elif query is not None:
        graph = from_query(store_or_graph, query)
    else:
        graph = project(store_or_graph, classes=classes, predicates=predicates, articles=articles)
    if focus is not None:
        graph = neighbourhood(graph, focus, hops)
    page = render_view(graph, title=title, label_lang=label_lang, size_by=size_by, layout=layout)
    return InlineView(page, height=height)
