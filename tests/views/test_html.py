"""The written page: self-contained, escaped, atomic; layout and sizes (no browser needed)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kexie_graph.errors import ViewError
from kexie_graph.views import html as view_html
from kexie_graph.views.html import json_for_script, render_view, write_view
from kexie_graph.views.layout import SIZE_MAX, SIZE_MIN, compute_layout, node_sizes

HOSTILE = [
    "<script>window.__pwned=1</script>",
    "</script><script>window.__pwned=2</script>",
    '<img src=x onerror="window.__pwned=3">',
    "\"'><svg onload=window.__pwned=4>",
    "a\u2028b\u2029c",
    "<!-- <script>",
    "&lt;b&gt; &amp;",
]


def _data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="kx-data">(.*?)</script>', page, re.S)
    assert match, "no data element"
    return json.loads(match.group(1))


def hostile_graph() -> nx.MultiDiGraph:
    """A graph whose every string is a payload (shared with the browser tests)."""
    g = nx.MultiDiGraph()
    art = "https://example.org/article/<script>"
    g.graph["articles"] = {art: {"title": HOSTILE[2], "date": HOSTILE[1]}}
    g.graph["predicates"] = {
        "rel": {"label_zh": HOSTILE[3], "label_en": HOSTILE[0], "symmetric": False}
    }
    for i, text in enumerate(HOSTILE):
        g.add_node(
            f"n{i}",
            iri=f"https://example.org/{text}",
            cls="Organization" if i % 2 else "Person",
            kind="K",
            kind_zh=text,
            kind_en=text,
            label_zh=f"{text} 中{i}",
            label_en=f"{text} en{i}",
            aliases=[text, f"alias {i} {text}"],
            articles=[art],
            evidence=[
                {
                    "article": art,
                    "begin": 3,
                    "end": 3 + len(text),
                    "anchor": text,
                    "sentence": f"ab {text} cd",
                    "sentence_begin": 0,
                }
            ],
            facts=[
                {
                    "type": "figure",
                    "indicator": text,
                    "value": text,
                    "unit_label": text,
                    "year": text,
                }
            ],
        )
    for i in range(len(HOSTILE) - 1):
        g.add_edge(
            f"n{i}",
            f"n{i + 1}",
            key="rel",
            name="rel",
            label_zh=HOSTILE[i],
            label_en=HOSTILE[i + 1],
            articles=[art],
            evidence=[
                {
                    "article": art,
                    "begin": 0,
                    "end": 2,
                    "anchor": HOSTILE[i],
                    "sentence": HOSTILE[i],
                    "sentence_begin": 0,
                }
            ],
            during=[HOSTILE[i]],
        )
    return g


def test_json_for_script_escapes_what_could_end_the_element() -> None:
    value = {"a": HOSTILE, "<key>": "&"}
    text = json_for_script(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value


def test_hostile_strings_never_appear_raw_in_the_page() -> None:
    page = render_view(hostile_graph(), title=HOSTILE[1])
    body = page.split('<script type="application/json"', 1)[1].split("</script>", 1)[0]
    for payload in HOSTILE:
        assert payload not in body
    # exactly our three script elements, none from the data
    assert page.count("<script") == 3
    assert page.lower().count("</script") == 3
    assert "\u2028" not in page and "\u2029" not in page
    assert f"<title>{HOSTILE[1]}" not in page and "<title>&lt;/script&gt;" in page
    data = _data(page)
    assert data["title"] == HOSTILE[1]
    assert HOSTILE[2] in data["nodes"]["aliases"][2]
    assert data["articles"][0]["title"] == HOSTILE[2]


def test_page_is_self_contained_with_a_strict_policy(corpus_graph: nx.MultiDiGraph) -> None:
    page = render_view(corpus_graph)
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert "https://cdn" not in page and "unpkg" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert "connect-src" not in policy  # default-src 'none' covers fetches
    # the policy lets exactly the page's two inline scripts run
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_payload_describes_nodes_edges_classes_and_articles(corpus_graph: nx.MultiDiGraph) -> None:
    data = _data(render_view(corpus_graph, label_lang="en"))
    assert data["lang"] == "en"
    assert len(data["nodes"]["zh"]) == 10 and len(data["edges"]["from"]) == 8
    counts = {c["name"]: c["count"] for c in data["classes"]}
    assert counts == {
        "Organization": 5,
        "Person": 1,
        "Place": 1,
        "Program": 1,
        "Platform": 0,
        "Document": 0,
        "Event": 2,
        "Other": 0,
    }
    preds = {p["name"]: p for p in data["predicates"]}
    assert preds["partnerOf"]["count"] == 3 and preds["partnerOf"]["symmetric"]
    assert preds["holdsPost"]["zh"] == "任职"
    roles = sorted(lab[0] for lab in data["edges"]["label"] if lab)
    assert roles == ["主席", "院士"]
    assert [a["title"] for a in data["articles"]] == [
        "市科协五届八次全会召开",
        "川渝科协签署合作协议",
    ]
    assert data["layout"] == "physics"  # small graphs settle in the browser


@pytest.mark.parametrize(
    ("nodes", "expected"), [(10, "physics"), (view_html.PHYSICS_UP_TO + 1, "fixed")]
)
def test_auto_layout_depends_on_size(nodes: int, expected: str) -> None:
    g = nx.path_graph(nodes, create_using=nx.MultiDiGraph)
    assert _data(render_view(g))["layout"] == expected


def test_any_networkx_graph_can_be_drawn() -> None:
    g = nx.Graph()
    g.add_edge(("tuple", 1), "b")
    g.add_edge("b", 3)
    data = _data(render_view(g))
    assert data["nodes"]["zh"] == ["('tuple', 1)", "b", "3"]
    assert data["classes"][-1]["count"] == 3  # no class: Other
    assert data["predicates"][0]["name"] == "related"


def test_evidence_is_capped_per_item() -> None:
    g = nx.MultiDiGraph()
    ev = [{"article": "a", "begin": i, "end": i + 1, "anchor": "x"} for i in range(50)]
    g.add_node("n", label_zh="n", evidence=ev)
    data = _data(render_view(g))
    assert len(data["nodes"]["evidence"][0]) == view_html.EVIDENCE_PER_ITEM
    assert data["nodes"]["nev"] == [50]


def test_empty_graph_writes_a_valid_page(tmp_path: Path) -> None:
    out = write_view(nx.MultiDiGraph(), tmp_path / "empty.html", title="空")
    data = _data(out.read_text(encoding="utf-8"))
    assert data["nodes"]["zh"] == [] and data["edges"]["from"] == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"label_lang": "fr"}, "label language"),
        ({"layout": "circle"}, "layout must be"),
        ({"size_by": "closeness"}, "size must be"),
    ],
)
def test_bad_options_are_view_errors(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ViewError, match=message):
        render_view(nx.MultiDiGraph(), **kwargs)


def test_write_is_atomic_and_leaves_no_temporary_file(
    tmp_path: Path, corpus_graph: nx.MultiDiGraph
) -> None:
    out = tmp_path / "view.html"
    out.write_text("earlier", encoding="utf-8")
    assert write_view(corpus_graph, out) == out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)


def test_a_failed_write_keeps_the_earlier_file(
    tmp_path: Path, corpus_graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "view.html"
    out.write_text("earlier", encoding="utf-8")

    def fail(*_args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_view(corpus_graph, out)
    assert out.read_text(encoding="utf-8") == "earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]


def test_writing_into_a_missing_folder_is_a_view_error(tmp_path: Path) -> None:
    with pytest.raises(ViewError, match="does not exist"):
        write_view(nx.MultiDiGraph(), tmp_path / "nope" / "v.html")


# ---- layout and sizes ----------------------------------------------------------------------------


def _clustered(n: int) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for k in range(n):
        g.add_edge(f"hub{k % 3}", f"leaf{k}")
    g.add_nodes_from(f"alone{k}" for k in range(5))
    g.add_edge("pair-a", "pair-b")
    return g


def test_layout_is_deterministic_and_seeded() -> None:
    g = _clustered(60)
    first = compute_layout(g)
    assert first == compute_layout(g)
    assert first != compute_layout(g, seed=8)
    assert set(first) == set(g.nodes)


def test_layout_keeps_components_apart() -> None:
    g = _clustered(60)
    pos = compute_layout(g)
    points = list(pos.values())
    assert len(set(points)) == len(points)  # no two nodes on the same spot

    def box(nodes: list[str]) -> tuple[float, float, float, float]:
        xs = [pos[n][0] for n in nodes]
        ys = [pos[n][1] for n in nodes]
        return min(xs), min(ys), max(xs), max(ys)

    comps = [sorted(c) for c in nx.connected_components(g.to_undirected())]
    boxes = [box(c) for c in comps if len(c) > 1]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
            assert not overlap


def test_layout_of_tiny_graphs() -> None:
    assert compute_layout(nx.Graph()) == {}
    assert compute_layout(nx.path_graph(1)) == {0: (0.0, 0.0)}


@pytest.mark.parametrize("size_by", ["degree", "pagerank", "betweenness"])
def test_sizes_grow_with_the_measure(size_by: Any) -> None:
    g = nx.star_graph(6)
    sizes = node_sizes(g, size_by)
    assert sizes[0] == SIZE_MAX
    assert all(SIZE_MIN <= sizes[n] < SIZE_MAX for n in range(1, 7))


def test_sizes_can_be_uniform() -> None:
    assert len(set(node_sizes(nx.star_graph(4), None).values())) == 1


def test_the_page_script_has_no_html_sinks() -> None:
    from importlib import resources

    script = resources.files("kexie_graph").joinpath("resources/views/view.js").read_text("utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)  # the header comment names the sinks
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "Function(",
    ):
        assert sink not in code
    assert "textContent" in code


def test_the_bundled_vis_network_is_documented() -> None:
    from importlib import resources

    folder = resources.files("kexie_graph").joinpath("resources/vendor/vis-network")
    readme = folder.joinpath("README.md").read_text("utf-8")
    assert "Apache-2.0 OR MIT" in readme
    digest = hashlib.sha256(folder.joinpath("vis-network.min.js").read_bytes()).hexdigest()
    assert digest in readme
    for name in ("LICENSE-APACHE-2.0", "LICENSE-MIT"):
        assert folder.joinpath(name).read_text("utf-8").strip()


def test_loose_attribute_types_are_read_sensibly() -> None:
    g = nx.MultiDiGraph()
    g.add_node("n", label_zh="名", aliases="别名", articles="https://example.org/a", during=None)
    g.add_edge("n", "n", during="2021")
    data = _data(render_view(g))
    assert data["nodes"]["aliases"] == [["别名"]]
    assert data["articles"][0]["iri"] == "https://example.org/a"
    assert data["edges"]["during"] == [["2021"]]


def test_the_same_graph_gives_the_same_page(corpus_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    first = write_view(corpus_graph, tmp_path / "a.html").read_bytes()
    second = write_view(corpus_graph, tmp_path / "b.html").read_bytes()
    assert first == second
