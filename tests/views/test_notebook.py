"""Inline display in Jupyter: an iframe whose srcdoc is the whole offline page."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kexie_graph.views.notebook import InlineView, show

from .conftest import CORPUS, READY, OpenPage


def _srcdoc(markup: str) -> str:
    match = re.fullmatch(
        r'<iframe srcdoc="([^"]*)" sandbox="allow-scripts" [^>]*></iframe>', markup
    )
    assert match, markup[:200]
    return html.unescape(match.group(1))


def test_show_returns_an_iframe_with_the_whole_page(corpus_store: ox.Store) -> None:
    view = show(corpus_store, title="内嵌")
    assert isinstance(view, InlineView)
    markup = view._repr_html_()
    page = _srcdoc(markup)
    assert page == view.page
    assert page.startswith("<!DOCTYPE html>") and "<title>内嵌</title>" in page
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"src\s*=\s*[\"']?https?:", page, re.I)
    assert "height:640px" in markup


@pytest.mark.parametrize(
    ("kwargs", "nodes"),
    [
        ({}, 10),
        ({"classes": ["Person"]}, 1),
        ({"focus": "潘复生", "hops": 1}, 3),
        ({"query": "CONSTRUCT { ?s kx:organizes ?o } WHERE { ?s kx:organizes ?o }"}, 2),
    ],
)
def test_show_takes_the_projection_options(
    corpus_store: ox.Store, kwargs: dict[str, object], nodes: int
) -> None:
    page = show(corpus_store, **kwargs).page  # type: ignore[arg-type]
    assert page.count('"cls":') == 1
    count = re.search(r'"cls":\[([0-9,]*)\]', page)
    assert count is not None
    assert len([c for c in count.group(1).split(",") if c]) == nodes


def test_show_takes_a_networkx_graph_and_saves(tmp_path: Path) -> None:
    view = show(nx.path_graph(3), height=300)
    assert "height:300px" in view._repr_html_()
    view.save(str(tmp_path / "v.html"))
    assert (tmp_path / "v.html").read_text(encoding="utf-8") == view.page


@pytest.mark.browser
def test_inline_view_renders_in_its_iframe(
    tmp_path: Path, open_view: Callable[..., OpenPage], corpus_store: ox.Store
) -> None:
    host = tmp_path / "notebook-output.html"
    host.write_text(
        f"<!DOCTYPE html><meta charset=utf-8><body>{show(corpus_store)._repr_html_()}</body>",
        encoding="utf-8",
    )
    opened = open_view(host, wait=False)
    frame = opened.page.frame_locator("iframe")
    frame.locator("#kx-net canvas").wait_for()
    inner = opened.page.frames[1]
    inner.wait_for_function(READY, timeout=30_000)
    assert inner.evaluate("window.kexieNetwork.body.data.nodes.length") == 10
    assert opened.blocked == [] and opened.problems() == []


@pytest.mark.slow
def test_a_notebook_cell_displays_the_view(corpus_store: ox.Store) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            "import pyoxigraph as ox\n"
            "from kexie_graph.views import show\n"
            "store = ox.Store()\n"
            f"store.load(open({str(CORPUS)!r}, 'rb').read(), ox.RdfFormat.TRIG)\n"
            "show(store, title='notebook')"
        )
    )
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    (output,) = notebook.cells[0].outputs
    markup = output["data"]["text/html"]
    page = _srcdoc(markup)
    assert "<title>notebook</title>" in page and "vis-network" in page
