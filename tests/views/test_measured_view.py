"""Sizes and colours computed by the analytics reach the page (and only safe colours do)."""

from __future__ import annotations

import json
import re

import networkx as nx

from kexie_graph.views import render_view


def _payload(html: str) -> dict:  # type: ignore[type-arg]
    m = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_node_size_and_colour_attributes_are_used() -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", cls="Organization", label_zh="甲", size=42.0, color="#123abc")
    g.add_node("b", cls="Place", label_zh="乙", color="red; background:url(x)")
    g.add_edge("a", "b", predicate="locatedIn", label="位于")
    data = _payload(render_view(g))
    text = json.dumps(data)
    assert "#123abc" in text
    assert "url(x)" not in text
    assert 42.0 in data["nodes"]["size"]
