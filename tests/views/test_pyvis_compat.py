"""The pyvis bridge: our look and positions in a pyvis Network, with titles that cannot run."""

from __future__ import annotations

import html
from pathlib import Path

import networkx as nx

from kexie_graph.views.pyvis_compat import to_pyvis
from kexie_graph.views.style import style_of

from .test_html import HOSTILE, hostile_graph


def test_to_pyvis_carries_nodes_edges_style_and_positions(corpus_graph: nx.MultiDiGraph) -> None:
    net = to_pyvis(corpus_graph)
    assert len(net.nodes) == 10 and len(net.edges) == 8
    assert len(set(net.node_ids)) == 10
    by_label = {n["label"]: n for n in net.nodes}
    person = by_label["潘复生"]
    assert (person["shape"], person["color"]) == (
        style_of("Person").shape,
        style_of("Person").color,
    )
    assert isinstance(person["x"], float) and person["physics"] is False
    assert {e["label"] for e in net.edges} >= {"合作伙伴", "主席", "院士"}
    assert all(e["arrows"] == "to" for e in net.edges)


def test_english_labels_and_pyvis_options(corpus_graph: nx.MultiDiGraph) -> None:
    net = to_pyvis(corpus_graph, label_lang="en", positions=False, directed=False, height="300px")
    labels = {n["label"] for n in net.nodes}
    assert "Chongqing Association for Science and Technology" in labels
    assert "川渝科技学术大会" in labels  # no English name
    assert net.height == "300px" and not net.directed
    assert "x" not in net.nodes[0]


def test_titles_are_plain_text_while_vis_network_shows_them() -> None:
    net = to_pyvis(hostile_graph())  # no title contains "href": vis-network sets them as text
    assert net.nodes[2]["title"].startswith(HOSTILE[2])


def test_titles_are_escaped_when_pyvis_would_show_them_with_innerhtml() -> None:
    g = nx.MultiDiGraph()
    link = '<a href="javascript:window.__pwned=5">链接</a>'
    g.add_node("a", label_zh=link)
    g.add_node("b", label_zh=HOSTILE[2])
    net = to_pyvis(g)
    assert [n["title"].split("<br>")[0] for n in net.nodes] == [
        html.escape(link),
        html.escape(HOSTILE[2]),
    ]
    for node in net.nodes:
        assert "<" not in node["title"].replace("<br>", "")


def test_pyvis_writes_the_network(tmp_path: Path, corpus_graph: nx.MultiDiGraph) -> None:
    net = to_pyvis(corpus_graph, cdn_resources="in_line")
    out = tmp_path / "pyvis.html"
    net.write_html(str(out))
    page = out.read_text(encoding="utf-8")
    assert "重庆市科学技术协会" in page or "\\u91cd\\u5e86" in page
