"""Write a networkx graph as one self-contained, offline HTML page drawn by vis-network.

The page inlines the bundled vis-network standalone build, its own script and style, and the graph
as JSON in a ``<script type="application/json">`` element. Every string from the data (labels,
aliases, evidence, titles) is untrusted: the JSON escapes ``<``, ``>``, ``&`` and U+2028/U+2029 so
nothing in it can close the element, and the page's script puts strings into the DOM with
``textContent`` only. A Content-Security-Policy allows just the page's own scripts (by hash) and no
network at all.

Large graphs get positions from :func:`.layout.compute_layout` and are drawn with physics off; small
ones start from those positions and settle in the browser for a bounded number of iterations. The
page sets ``document.documentElement.dataset.graphReady = "true"`` once the final layout has been
drawn."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import tempfile
from collections.abc import Hashable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from ..errors import ViewError
from .layout import SizeBy, compute_layout, node_sizes
from .style import CLASS_STYLES

__all__ = [
    "EDGE_LABELS_UP_TO",
    "EVIDENCE_PER_ITEM",
    "PHYSICS_UP_TO",
    "Layout",
    "json_for_script",
    "render_view",
    "write_view",
]

Layout = Literal["auto", "fixed", "physics"]

#: graphs up to this many nodes settle in the browser (layout="auto")
PHYSICS_UP_TO = 200
#: edge labels are on when the page opens for graphs up to this many edges (a checkbox
#: switches them)
EDGE_LABELS_UP_TO = 1500
#: evidence items kept per node or edge in the page (the panel says how many more there are)
EVIDENCE_PER_ITEM = 20
_BROWSER_ITERATIONS = 300

#: characters escaped in the JSON (they only occur inside its strings), so that nothing in it can
#: end the script element
_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def _resource(path: str) -> str:
    return resources.files("kexie_graph").joinpath("resources", *path.split("/")).read_text("utf-8")


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str, str]:
    """Return (vis-network script, page script, page style, CSP script-src hashes)."""
    vis = _resource("vendor/vis-network/vis-network.min.js")
    script = _resource("views/view.js")
    style = _resource("views/view.css")
    for name, text in (("vis-network", vis), ("view.js", script)):
        if "</script" in text.lower() or "<!--" in text:
            raise ViewError(
                f"the bundled {name} contains '</script' or '<!--' and cannot be inlined"
            )
    hashes = " ".join(
        "'sha256-"
        + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii")
        + "'"
        for s in (vis, script)
    )
    return vis, script, style, hashes


def json_for_script(value: Any) -> str:
    """Return ``value`` as JSON that is safe inside ``<script type="application/json">``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    for char, escape in _ESCAPES:  # str.replace is a fast C scan; str.translate with a dict is not
        text = text.replace(char, escape)
    return text


def _listed(value: Any) -> list[Any]:
    """Return an attribute that should be a list as one (a lone string is one item, None none)."""
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        return [value]
    return list(value)


class _Articles:
    """Numbers the articles a page refers to: the graph's table first (by date), others as met."""

    def __init__(self, graph: nx.Graph) -> None:
        known = [
            {
                "iri": str(iri),
                "title": str(meta.get("title", "")),
                "date": str(meta.get("date", "")),
                "count": 0,
            }
            for iri, meta in (graph.graph.get("articles") or {}).items()
        ]
        self.rows = sorted(known, key=lambda a: (a["date"], a["iri"]))
        self.index = {a["iri"]: i for i, a in enumerate(self.rows)}

    def __call__(self, iri: Any) -> int:
        at = self.index.get(iri)
        if at is None:
            iri = str(iri)
            at = self.index.get(iri)
            if at is None:
                at = self.index[iri] = len(self.rows)
                self.rows.append({"iri": iri, "title": "", "date": "", "count": 0})
        return at

    def evidence(self, items: Any) -> list[list[Any]]:
        """Return evidence as rows [article, begin, end, anchor, sentence, sentence begin]."""
        return [
            [
                self(e.get("article", "")),
                e.get("begin", -1),
                e.get("end", -1),
                e.get("anchor", ""),
                e.get("sentence", ""),
                e.get("sentence_begin", -1),
            ]
            for e in items[:EVIDENCE_PER_ITEM]
        ]


def _facts(facts: Any, arts: _Articles) -> list[dict[str, Any]]:
    out = []
    for f in facts:
        fact: dict[str, Any] = {k: str(v) for k, v in f.items() if k != "evidence"}
        if isinstance(f.get("evidence"), dict):
            fact["evidence"] = arts.evidence([f["evidence"]])[0]
        out.append(fact)
    return out


_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _node_columns(
    graph: nx.Graph, nodes: list[Hashable], arts: _Articles, seed: int, size_by: SizeBy
) -> tuple[dict[str, list[Any]], list[int]]:
    pos = compute_layout(graph, seed=seed)
    sizes = node_sizes(graph, size_by)
    cls_index = {c: i for i, c in enumerate(CLASS_STYLES)}
    other = cls_index["Other"]
    counts = [0] * len(cls_index)
    names = (
        "x",
        "y",
        "size",
        "cls",
        "zh",
        "en",
        "iri",
        "kind",
        "aliases",
        "articles",
        "evidence",
        "nev",
        "facts",
        "color",
    )
    cols: dict[str, list[Any]] = {k: [] for k in names}
    xs, ys, size, clss, zh, en, iris, kinds, aliases, articles, evidence, nev, facts, colors = (
        cols[k] for k in names
    )
    for n in nodes:
        d = graph.nodes[n]
        ci = cls_index.get(d.get("cls") or "Other", other)
        counts[ci] += 1
        x, y = pos[n]
        xs.append(x)
        ys.append(y)
        # a size or colour set on the node (measure(...).annotate()) wins over the defaults
        own = d.get("size")
        size.append(
            float(own)
            if isinstance(own, int | float) and not isinstance(own, bool) and own > 0
            else sizes[n]
        )
        colour = d.get("color")
        colors.append(colour if isinstance(colour, str) and _HEX_COLOUR.fullmatch(colour) else "")
        clss.append(ci)
        zh.append(str(d.get("label_zh") or d.get("label") or d.get("label_en") or n))
        en.append(str(d.get("label_en") or ""))
        iris.append(str(d.get("iri") or n))
        kind = d.get("kind") or ""
        kinds.append([d.get("kind_zh") or kind, d.get("kind_en") or kind] if kind else [])
        aliases.append([str(a) for a in _listed(d.get("aliases"))])
        articles.append([arts(a) for a in _listed(d.get("articles"))])
        ev = d.get("evidence") or ()
        evidence.append(arts.evidence(ev))
        nev.append(len(ev))
        facts.append(_facts(d.get("facts", ()), arts) if d.get("facts") else [])
    for row in articles:
        for a in row:
            arts.rows[a]["count"] += 1
    return cols, counts


def _edge_columns(
    graph: nx.Graph, index: dict[Hashable, int], arts: _Articles
) -> tuple[dict[str, list[Any]], list[dict[str, Any]]]:
    meta = graph.graph.get("predicates") or {}
    names = ("from", "to", "pred", "label", "articles", "evidence", "nev", "during")
    cols: dict[str, list[Any]] = {k: [] for k in names}
    froms, tos, preds, labels, articles, evidence, nev, during = (cols[k] for k in names)
    pred_index: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for u, v, *rest in edges:
        d = rest[-1]
        # a key that networkx numbered itself (0, 1, ...) names nothing
        key = rest[0] if len(rest) == 2 and isinstance(rest[0], str) else ""
        name = str(d.get("name") or key or "related")
        pi = pred_index.get(name)
        if pi is None:
            m = meta.get(name, {})
            pi = pred_index[name] = len(rows)
            rows.append(
                {
                    "name": name,
                    "zh": str(m.get("label_zh") or d.get("label_zh") or name),
                    "en": str(m.get("label_en") or d.get("label_en") or name),
                    "symmetric": bool(m.get("symmetric", False)),
                    "count": 0,
                }
            )
        rows[pi]["count"] += 1
        froms.append(index[u])
        tos.append(index[v])
        preds.append(pi)
        lz = d.get("label_zh") or ""
        # an edge's own label (a post's role, 主席) when it is not its property's
        labels.append([lz, d.get("label_en") or lz] if lz and lz != rows[pi]["zh"] else [])
        articles.append([arts(a) for a in _listed(d.get("articles"))])
        ev = d.get("evidence") or ()
        evidence.append(arts.evidence(ev))
        nev.append(len(ev))
        during.append([str(x) for x in _listed(d.get("during"))])
    return cols, rows


def _payload(
    graph: nx.Graph, *, title: str, label_lang: str, size_by: SizeBy, layout: Layout, seed: int
) -> dict[str, Any]:
    nodes: list[Hashable] = list(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    arts = _Articles(graph)
    node_cols, class_counts = _node_columns(graph, nodes, arts, seed, size_by)
    edge_cols, predicates = _edge_columns(graph, index, arts)
    focus = {str(f) for f in graph.graph.get("focus", ())}
    return {
        "title": title,
        "lang": label_lang,
        "layout": layout
        if layout != "auto"
        else ("physics" if len(nodes) <= PHYSICS_UP_TO else "fixed"),
        "iterations": _BROWSER_ITERATIONS,
        "edgeLabels": graph.number_of_edges() <= EDGE_LABELS_UP_TO,
        "classes": [
            {
                "name": s.name,
                "zh": s.label_zh,
                "en": s.label_en,
                "color": s.color,
                "shape": s.shape,
                "glyph": s.glyph,
                "count": class_counts[i],
            }
            for i, s in enumerate(CLASS_STYLES.values())
        ],
        "predicates": predicates,
        "articles": arts.rows,
        "nodes": node_cols,
        "edges": edge_cols,
        "focus": [i for i, iri in enumerate(node_cols["iri"]) if iri in focus] if focus else [],
    }


def render_view(
    graph: nx.Graph,
    *,
    title: str = "kexie-graph",
    label_lang: str = "zh",
    size_by: SizeBy = "degree",
    layout: Layout = "auto",
    seed: int = 7,
) -> str:
    """Return the self-contained HTML page of ``graph`` (see :func:`write_view` for the options)."""
    if label_lang not in ("zh", "en"):
        raise ViewError(f"label language must be zh or en, not {label_lang!r}")
    if layout not in ("auto", "fixed", "physics"):
        raise ViewError(f"layout must be auto, fixed or physics, not {layout!r}")
    if size_by not in ("degree", "pagerank", "betweenness", None):
        raise ViewError(f"size must be by degree, pagerank, betweenness or none, not {size_by!r}")
    vis, script, style, hashes = _assets()
    data = json_for_script(
        _payload(
            graph, title=title, label_lang=label_lang, size_by=size_by, layout=layout, seed=seed
        )
    )
    # Only the page's own two scripts run (by hash): markup that slipped into the DOM could not
    # run a <script> or an on...= handler, and nothing can be fetched. 'unsafe-eval' stays allowed
    # because browser automation waits on graphReady by evaluating a string in the page
    # (Playwright's wait_for_function); the page's own code never evaluates strings.
    csp = (
        f"default-src 'none'; script-src {hashes} 'unsafe-eval'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return "".join(
        (
            f'<!DOCTYPE html>\n<html lang="{label_lang}">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="generator" content="kexie-graph">\n',
            f"<title>{html.escape(title)}</title>\n<style>\n{style}</style>\n</head>\n<body>\n",
            _BODY,
            f'<script type="application/json" id="kx-data">{data}</script>\n',
            f"<script>{vis}</script>\n",
            f"<script>{script}</script>\n</body>\n</html>\n",
        )
    )


_BODY = """<header id="kx-top">
  <h1 id="kx-title"></h1>
  <span id="kx-stats" aria-live="polite"></span>
  <div id="kx-find">
    <input id="kx-search" type="search" autocomplete="off" spellcheck="false">
    <ul id="kx-results" role="listbox" hidden></ul>
  </div>
  <div id="kx-lang" role="group">
    <button type="button" id="kx-lang-zh" lang="zh">中文</button>
    <button type="button" id="kx-lang-en" lang="en">EN</button>
  </div>
</header>
<div id="kx-body">
  <nav id="kx-side">
    <section><h2 id="kx-h-classes"></h2><ul id="kx-legend"></ul></section>
    <section><h2 id="kx-h-predicates"></h2><ul id="kx-predicates"></ul>
      <label class="kx-opt"><input type="checkbox" id="kx-edge-labels">
        <span id="kx-t-edge-labels"></span></label>
    </section>
    <section id="kx-articles-box"><h2 id="kx-h-articles"></h2>
      <div class="kx-row"><button type="button" id="kx-all"></button>
        <button type="button" id="kx-none"></button></div>
      <ul id="kx-articles"></ul>
    </section>
  </nav>
  <main id="kx-net"></main>
  <aside id="kx-panel" hidden></aside>
  <p id="kx-empty" hidden></p>
</div>
<div id="kx-tip" hidden></div>
"""


def write_view(
    graph: nx.Graph,
    out_path: str | os.PathLike[str],
    *,
    title: str = "kexie-graph",
    label_lang: str = "zh",
    size_by: SizeBy = "degree",
    layout: Layout = "auto",
    seed: int = 7,
) -> Path:
    """Write the view of ``graph`` to ``out_path`` atomically and return the path.

    ``graph`` is what :func:`.project.project` returns (any networkx graph works; missing attributes
    fall back to the node's id). ``label_lang`` picks the labels shown first (``zh`` or ``en``; the
    page switches). ``size_by`` sizes nodes by ``degree``, ``pagerank``, ``betweenness`` or not at
    all (None). ``layout``: ``fixed`` draws the precomputed positions with physics off, ``physics``
    lets vis-network settle them in the browser for a bounded number of iterations, ``auto`` picks
    physics up to ``PHYSICS_UP_TO`` nodes. The file is written to a temporary file in the same
    folder, flushed to disk and renamed, so a reader never sees half a page and a failure leaves an
    earlier file intact.
    """
    out = Path(out_path)
    page = render_view(
        graph, title=title, label_lang=label_lang, size_by=size_by, layout=layout, seed=seed
    )
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ViewError(
            f"cannot write {out}: the folder {folder} does not exist; "
            "create it or pick another --out"
        )
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(page.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return out
    try:
        os.fsync(dir_fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(dir_fd)
    return out
