"""The views in headless Chromium, opened from disk with every other request aborted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kexie_graph.views.html import write_view
from kexie_graph.views.project import focus

from .conftest import OpenPage, node_by_label
from .test_html import HOSTILE, hostile_graph

pytestmark = pytest.mark.browser

Open = Callable[..., OpenPage]

NODE_COUNT = "window.kexieNetwork.body.data.nodes.length"
SHOWN = "window.kexieNetwork.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.label).sort()"
SHOWN_EDGES = "window.kexieNetwork.body.data.edges.get({filter: e => !e.hidden}).length"


def _index(graph: nx.Graph, label: str) -> int:
    return list(graph.nodes).index(node_by_label(graph, label))


def _click_node(view: OpenPage, node: int, *, hover_only: bool = False) -> None:
    """Move the mouse onto node ``node`` as drawn (and click it)."""
    x, y = view.js(
        """(id) => {
            const net = window.kexieNetwork;
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById('kx-net').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        node,
    )
    view.page.mouse.move(x, y)
    view.page.wait_for_timeout(50)
    if not hover_only:
        view.page.mouse.click(x, y)


def _wait_text(view: OpenPage, selector: str, start: str) -> None:
    """Wait until the element's text starts with ``start`` (a slow machine may lag a frame)."""
    view.page.wait_for_function(
        "([sel, text]) => { const e = document.querySelector(sel);"
        " return !!e && e.textContent.startsWith(text); }",
        arg=[selector, start],
        timeout=10_000,
    )


def _label(view: OpenPage, text: str) -> Any:
    return view.page.locator("#kx-side label", has_text=text)


def test_offline_view_draws_every_node(
    tmp_path: Path, open_view: Open, corpus_graph: nx.MultiDiGraph
) -> None:
    view = open_view(write_view(corpus_graph, tmp_path / "v.html", title="语料"))
    assert view.js(NODE_COUNT) == 10
    assert view.js(SHOWN_EDGES) == 8
    # drawn: the canvas has non-white pixels where the first node sits
    painted = view.js(
        """() => {
            const c = document.querySelector('#kx-net canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 200) n++;
            return n;
        }"""
    )
    assert painted > 500
    assert view.js("document.getElementById('kx-stats').textContent") == "10 个实体 · 8 条关系"
    assert view.blocked == [] and view.problems() == []


def test_large_fixed_layout_view_is_ready(tmp_path: Path, open_view: Open) -> None:
    g = nx.barabasi_albert_graph(1200, 1, seed=3)
    nx.set_node_attributes(g, "Organization", "cls")
    view = open_view(write_view(g, tmp_path / "big.html", layout="auto"))
    assert view.js("window.kexieNetwork.physics.options.enabled") is False
    assert view.js(NODE_COUNT) == 1200
    assert view.problems() == []


def test_hostile_labels_stay_text_everywhere(tmp_path: Path, open_view: Open) -> None:
    g = hostile_graph()
    view = open_view(write_view(g, tmp_path / "hostile.html", title=HOSTILE[1], layout="fixed"))
    page = view.page
    assert page.title() == HOSTILE[1]
    assert view.js("document.getElementById('kx-title').textContent") == HOSTILE[1]
    for node in range(len(HOSTILE)):
        _click_node(view, node, hover_only=True)
        _wait_text(view, "#kx-tip", HOSTILE[node])
        assert page.locator("#kx-tip").text_content().startswith(HOSTILE[node])
        _click_node(view, node)
        _wait_text(view, "#kx-panel h2", f"{HOSTILE[node]} 中{node}")
    panel = page.locator("#kx-panel").text_content()
    assert HOSTILE[-1] in panel and f"alias {len(HOSTILE) - 1}" in panel
    page.locator("#kx-panel .kx-small").first.click()  # the evidence of a relation
    assert HOSTILE[-2] in page.locator("#kx-panel").text_content()
    page.fill("#kx-search", "<")
    page.wait_for_timeout(150)
    assert page.locator("#kx-results li").count() >= 4
    assert HOSTILE[0] in page.locator("#kx-results").text_content()
    page.locator("#kx-results button").first.click()
    page.click("#kx-lang-en")
    page.fill("#kx-search", "onerror")
    page.keyboard.press("Enter")
    assert page.locator("#kx-panel h2").text_content() == f"{HOSTILE[2]} en2"
    legend = page.locator("#kx-side").text_content()
    assert HOSTILE[0] in legend and HOSTILE[2] in legend  # predicate label, article title
    _label(view, "Person").locator("input").uncheck()
    _label(view, "Person").locator("input").check()
    # nothing ran, nothing was fetched, no element came from the data
    assert view.js("typeof window.__pwned") == "undefined"
    assert view.js("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert view.js("document.scripts.length") == 3
    assert view.blocked == [] and view.problems() == []


def test_language_switch(tmp_path: Path, open_view: Open, corpus_graph: nx.MultiDiGraph) -> None:
    view = open_view(write_view(corpus_graph, tmp_path / "v.html"))
    cq = _index(corpus_graph, "重庆市科学技术协会")
    label = f"window.kexieNetwork.body.data.nodes.get({cq}).label"
    assert view.js(label) == "重庆市科学技术协会"
    view.page.click("#kx-lang-en")
    assert view.js(label) == "Chongqing Association for Science and Technology"
    assert view.js("document.documentElement.lang") == "en"
    assert view.js("document.getElementById('kx-h-classes').textContent") == "Classes"
    # an entity with no English name keeps its Chinese one
    conf = _index(corpus_graph, "川渝科技学术大会")
    assert view.js(f"window.kexieNetwork.body.data.nodes.get({conf}).label") == "川渝科技学术大会"
    view.page.click("#kx-lang-zh")
    assert view.js(label) == "重庆市科学技术协会"
    assert view.problems() == []


def test_filters_by_class_property_and_article(
    tmp_path: Path, open_view: Open, corpus_graph: nx.MultiDiGraph
) -> None:
    view = open_view(write_view(corpus_graph, tmp_path / "v.html"))
    _label(view, "人物").locator("input").uncheck()
    assert "潘复生" not in view.js(SHOWN)
    assert view.js(SHOWN_EDGES) == 6
    _label(view, "人物").locator("input").check()
    _label(view, "合作伙伴").locator("input").uncheck()
    assert view.js(SHOWN_EDGES) == 5
    _label(view, "合作伙伴").locator("input").check()
    view.page.click("#kx-none")
    assert view.js(SHOWN) == []
    _label(view, "川渝科协签署合作协议").locator("input").check()
    # what the article names, and the lexicon entry 重庆市 (no article of its own), which follows
    # the entity it is related to
    assert view.js(SHOWN) == sorted(
        ["中国科学技术协会", "四川省科学技术协会", "科创中国", "重庆市科学技术协会", "重庆市"]
    )
    assert view.js(SHOWN_EDGES) == 3
    assert "显示 5/10 个实体 · 3/8 条关系" in view.js(
        "document.getElementById('kx-stats').textContent"
    )
    _label(view, "市科协五届八次全会召开").locator("input").check()
    assert len(view.js(SHOWN)) == 10
    assert view.problems() == []


def test_search_by_name_and_alias(
    tmp_path: Path, open_view: Open, corpus_graph: nx.MultiDiGraph
) -> None:
    view = open_view(write_view(corpus_graph, tmp_path / "v.html"))
    page = view.page
    page.fill("#kx-search", "市科协")  # an alias
    page.wait_for_timeout(150)
    first = page.locator("#kx-results button").first
    assert "重庆市科学技术协会" in first.text_content()
    first.click()
    assert page.locator("#kx-panel h2").text_content() == "重庆市科学技术协会"
    assert view.js("window.kexieNetwork.getSelectedNodes()") == [
        _index(corpus_graph, "重庆市科学技术协会")
    ]
    assert "加强与四川省科协合作" not in page.locator("#kx-panel").text_content()
    assert "市科协联合市委组织部出台相关文件。" in page.locator("#kx-panel").text_content()
    page.fill("#kx-search", "innovation")
    page.keyboard.press("Enter")
    assert page.locator("#kx-panel h2").text_content() == "科创中国"
    page.fill("#kx-search", "没有这个")
    page.wait_for_timeout(150)
    assert page.locator("#kx-results").text_content() == "无匹配"
    assert view.problems() == []


def test_focus_view(tmp_path: Path, open_view: Open, corpus_graph: nx.MultiDiGraph) -> None:
    sub = focus(corpus_graph, "潘复生", 1)
    view = open_view(write_view(sub, tmp_path / "focus.html"))
    assert view.js(NODE_COUNT) == 3
    view.page.wait_for_function("window.kexieNetwork.getSelectedNodes().length === 1")
    assert view.js("window.kexieNetwork.getSelectedNodes()") == [_index(sub, "潘复生")]
    assert view.problems() == []


def test_empty_view_says_so(tmp_path: Path, open_view: Open) -> None:
    view = open_view(write_view(nx.MultiDiGraph(), tmp_path / "empty.html"))
    assert view.page.locator("#kx-empty").is_visible()
    assert view.page.locator("#kx-empty").text_content() == "此视图为空：没有可显示的实体。"
    view.page.click("#kx-lang-en")
    assert "This view is empty" in view.page.locator("#kx-empty").text_content()
    assert view.problems() == []
