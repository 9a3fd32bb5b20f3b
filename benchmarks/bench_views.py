"""Benchmark the interactive views against pyvis 0.3.2, side by side, in one run.

For synthetic graphs shaped like the corpus (the seven classes in the corpus's proportions, a few
hubs such as 市科协 and 中国科协 that many relations point to, about 1.5 relations per entity, some
isolated entities, mentions and evidence sentences in articles), at 1k, 5k and 20k nodes it
measures:

* **write**: seconds to turn the networkx graph into an HTML file (ours: :func:`write_view`, layout
  and sizes included; pyvis: ``Network.from_nx`` + ``write_html``), pyvis capped by
  ``--pyvis-timeout``;
* **ready**: seconds from navigation until the page is interactive in headless Chromium (Debian's
  ``chromium`` driven by playwright, software rendering) with every non-file request aborted. Ours:
  until ``graphReady``. pyvis, default (``cdn_resources="local"``): its vis-network comes from a
  CDN, so with the network off it never draws; ``in_line`` (vis-network inlined, bootstrap still
  from a CDN): until its network first finishes stabilising (``stabilizationIterationsDone``, when
  pyvis hides its loading bar), and whether the physics had come to rest (``stabilized``) by the
  cap.

Results go to ``benchmarks/results/views.json`` and ``views.md``; ``--screenshot`` also writes a
picture of a small sample view. Run: ``.venv/bin/python benchmarks/bench_views.py`` (about 10
minutes with pyvis)."""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from kexie_graph.views.html import write_view

__all__ = ["main", "synthetic_graph"]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
# the launch flags are shared with the browser tests (tests/chromium.py)
sys.path.insert(0, str(ROOT))
from tests.chromium import CHROMIUM_ARGS  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
KX = "https://w3id.org/kexie-graph/ontology#"
KXR = "https://w3id.org/kexie-graph/id/"

# share of each class among the entities (roughly the seed reading's mix)
CLASS_MIX = {
    "Organization": 0.40,
    "Person": 0.12,
    "Place": 0.10,
    "Program": 0.14,
    "Platform": 0.06,
    "Document": 0.08,
    "Event": 0.10,
}
PLACES = [
    "重庆",
    "四川",
    "成都",
    "永川",
    "江北",
    "渝中",
    "北碚",
    "万州",
    "涪陵",
    "綦江",
    "璧山",
    "荣昌",
]
TOPICS = ["科技", "医学", "农业", "智能制造", "生态", "教育", "信息", "材料", "能源", "科普"]
SUFFIX = {
    "Organization": ["科学技术协会", "学会", "研究院", "大学", "委员会", "医院"],
    "Person": ["伟", "芳", "军", "敏", "静", "磊", "洋", "勇"],
    "Place": ["区", "县", "高新区", "科学城", "园区"],
    "Program": ["行动计划", "试点", "工程", "品牌", "示范项目"],
    "Platform": ["服务平台", "工作站", "科普基地", "服务窗口"],
    "Document": ["实施方案", "意见", "规划", "通知"],
    "Event": ["大会", "论坛", "展览", "培训班", "全会"],
}
SURNAMES = "张王李赵刘陈杨黄周吴徐孙"
PREDICATES = [
    ("partnerOf", "合作伙伴", 0.22),
    ("organizes", "主办", 0.14),
    ("coOrganizes", "联合举办", 0.10),
    ("subOrganizationOf", "下级组织", 0.10),
    ("locatedIn", "位于", 0.12),
    ("participatesIn", "参与", 0.10),
    ("issues", "印发", 0.08),
    ("runs", "运营", 0.06),
    ("holdsPost", "任职", 0.08),
]
HUBS = [
    "重庆市科学技术协会",
    "中国科学技术协会",
    "重庆市",
    "四川省科学技术协会",
    "中共重庆市委组织部",
]


def synthetic_graph(n: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """Return a projected-looking graph of ``n`` entities, about 1.5 relations each, with hubs."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_articles = max(1, n // 25)
    g.graph["articles"] = {
        f"{KXR}article/a{k}": {
            "title": f"{rng.choice(PLACES)}科协新闻 第{k}期",
            "date": f"2021-{1 + k % 12:02d}-{1 + k % 28:02d}",
        }
        for k in range(n_articles)
    }
    g.graph["predicates"] = {
        name: {"label_zh": zh, "label_en": name, "symmetric": name == "partnerOf"}
        for name, zh, _ in PREDICATES
    }
    classes = list(CLASS_MIX)
    weights = list(CLASS_MIX.values())
    names: set[str] = set()
    ids: list[str] = []
    for i in range(n):
        if i < len(HUBS):
            label = HUBS[i]
            cls = "Place" if label == "重庆市" else "Organization"
        else:
            cls = rng.choices(classes, weights)[0]
            if cls == "Person":
                label = (
                    rng.choice(SURNAMES)
                    + rng.choice(SUFFIX["Person"])
                    + rng.choice(SUFFIX["Person"])
                )
            else:
                label = rng.choice(PLACES) + rng.choice(TOPICS) + rng.choice(SUFFIX[cls])
            while label in names:
                label += rng.choice("一二三四五六七八九")
        names.add(label)
        iri = f"{KXR}{cls.lower()}/{label}"
        ids.append(iri)
        arts = sorted(
            {f"{KXR}article/a{rng.randrange(n_articles)}" for _ in range(rng.choice((1, 1, 2, 3)))}
        )
        evidence = []
        for a in arts:
            sentence = (
                f"{rng.choice(PLACES)}市科协表示,{label}将进一步加强{rng.choice(TOPICS)}工作。"
            )
            begin = rng.randrange(0, 3000)
            at = sentence.index(label)
            evidence.append(
                {
                    "article": a,
                    "begin": begin + at,
                    "end": begin + at + len(label),
                    "anchor": label,
                    "sentence": sentence,
                    "sentence_begin": begin,
                }
            )
        g.add_node(
            iri,
            iri=iri,
            cls=cls,
            kind="",
            label_zh=label,
            label_en=f"Entity {i}" if rng.random() < 0.3 else "",
            label=label,
            aliases=[label[:4]] if len(label) > 5 and rng.random() < 0.4 else [],
            articles=arts,
            evidence=evidence,
            facts=[],
        )
    pred_names = [p[0] for p in PREDICATES]
    pred_weights = [p[2] for p in PREDICATES]
    hubs = list(range(min(len(HUBS), n)))
    isolated = set(rng.sample(range(len(HUBS), n), k=int(0.12 * n))) if n > len(HUBS) else set()
    target_edges = int(1.5 * n)
    edges = 0
    attempts = 0
    while edges < target_edges and attempts < 10 * target_edges:
        attempts += 1
        v = rng.randrange(1, n)
        if v in isolated:
            continue
        u = rng.choice(hubs) if rng.random() < 0.3 else rng.randrange(v)
        if u == v or u in isolated:
            continue
        name = rng.choices(pred_names, pred_weights)[0]
        zh = dict((p[0], p[1]) for p in PREDICATES)[name]
        art = rng.choice(g.nodes[ids[v]]["articles"])
        sentence = f"{g.nodes[ids[v]]['label']}与{g.nodes[ids[u]]['label']}{zh}。"
        g.add_edge(
            ids[v],
            ids[u],
            key=name,
            predicate=f"{KX}{name}",
            name=name,
            label_zh=zh,
            label_en=name,
            articles=[art],
            evidence=[
                {
                    "article": art,
                    "begin": 10,
                    "end": 10 + len(sentence),
                    "anchor": sentence,
                    "sentence": sentence,
                    "sentence_begin": 10,
                }
            ],
            during=[],
        )
        edges += 1
    return g


def synthetic_store(g: nx.MultiDiGraph) -> Any:
    """Return a pyoxigraph store holding ``g`` as the build writes it (docs/ARCHITECTURE.md).

    One named graph per article with the article, its text, the entities it names (types, labels),
    their mentions, the direct triples with assertions and evidence spans, and posts as org:Post.
    """
    import pyoxigraph as ox

    def iri(value: str) -> ox.NamedNode:
        return ox.NamedNode(value)

    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    org = "http://www.w3.org/ns/org#"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    nni = ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
    texts: dict[str, list[str]] = {a: [] for a in g.graph["articles"]}
    sizes: dict[str, int] = dict.fromkeys(g.graph["articles"], 0)
    quads: list[ox.Quad] = []

    def add(graph: str, s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(iri(s), iri(p), o, iri(graph)))

    def sentence(article: str, text: str) -> int:
        begin = sizes[article]
        texts[article].append(text)
        sizes[article] += len(text)
        return begin

    def span(graph: str, article: str, kind: str, begin: int, text: str) -> str:
        node = f"{article}/{kind}/{begin}-{begin + len(text)}"
        add(graph, node, f"{nif}referenceContext", iri(f"{article}/text"))
        add(graph, node, f"{nif}beginIndex", ox.Literal(str(begin), datatype=nni))
        add(graph, node, f"{nif}endIndex", ox.Literal(str(begin + len(text)), datatype=nni))
        add(graph, node, f"{nif}anchorOf", ox.Literal(text))
        return node

    for n, d in g.nodes(data=True):
        for article in d["articles"]:
            graph = article.replace("/article/", "/graph/article/")
            add(graph, n, f"{rdf}type", iri(f"{KX}{d['cls']}"))
            add(graph, n, label, ox.Literal(d["label_zh"], language="zh"))
            if d["label_en"]:
                add(graph, n, label, ox.Literal(d["label_en"], language="en"))
            begin = sentence(article, f"{d['label_zh']}参加了活动。")
            mention = span(graph, article, "mention", begin, d["label_zh"])
            add(graph, mention, "http://www.w3.org/2005/11/its/rdf#taIdentRef", iri(n))
    for k, (u, v, d) in enumerate(g.edges(data=True)):
        article = d["articles"][0]
        graph = article.replace("/article/", "/graph/article/")
        text = f"{g.nodes[u]['label_zh']}与{g.nodes[v]['label_zh']}{d['label_zh']}。"
        evidence = span(graph, article, "evidence", sentence(article, text), text)
        if d["name"] == "holdsPost":
            post = f"{article}/post/{k}"
            add(graph, post, f"{rdf}type", iri(f"{org}Post"))
            add(graph, post, f"{org}heldBy", iri(u))
            add(graph, post, f"{org}postIn", iri(v))
            add(graph, post, "http://www.w3.org/ns/prov#wasDerivedFrom", iri(evidence))
            continue
        pred = f"{KX}{d['name']}"
        add(graph, u, pred, iri(v))
        assertion = f"{article}/assertion/{k}"
        add(graph, assertion, f"{rdf}type", iri(f"{KX}Assertion"))
        add(graph, assertion, f"{rdf}subject", iri(u))
        add(graph, assertion, f"{rdf}predicate", iri(pred))
        add(graph, assertion, f"{rdf}object", iri(v))
        add(graph, assertion, "http://www.w3.org/ns/prov#wasDerivedFrom", iri(evidence))
    for article, meta in g.graph["articles"].items():
        graph = article.replace("/article/", "/graph/article/")
        add(graph, article, f"{rdf}type", iri("https://schema.org/NewsArticle"))
        add(
            graph,
            article,
            "http://purl.org/dc/terms/title",
            ox.Literal(meta["title"], language="zh"),
        )
        add(graph, article, f"{KX}text", iri(f"{article}/text"))
        add(graph, f"{article}/text", f"{nif}isString", ox.Literal("".join(texts[article])))
    store = ox.Store()
    store.bulk_extend(quads)
    return store


def _time_project(g: nx.MultiDiGraph) -> tuple[float, int]:
    """Return seconds to project a store holding ``g`` back to networkx, and the quads it holds."""
    from kexie_graph.views.project import project

    store = synthetic_store(g)
    t = time.perf_counter()
    projected = project(store)
    elapsed = time.perf_counter() - t
    assert projected.number_of_nodes() == g.number_of_nodes() - sum(
        1 for _n, d in g.nodes(data=True) if not d["articles"]
    )
    return elapsed, len(store)


# ---- writing -----------------------------------------------------------------------------------


def _time_ours(g: nx.MultiDiGraph, out: Path, repeats: int) -> tuple[float, float]:
    """Return the median wall-clock and CPU seconds of writing the view (CPU time shows what the
    write costs when other processes share the two cores)."""
    wall, cpu = [], []
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        write_view(g, out, title=f"synthetic {g.number_of_nodes()}")
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def _pyvis_write(n: int, out: str, mode: str, queue: Any) -> None:
    from pyvis.network import Network

    g = nx.DiGraph(synthetic_graph(n))  # pyvis's from_nx takes simple graphs' attributes
    simple = nx.DiGraph()
    for node, d in g.nodes(data=True):
        simple.add_node(node, label=d["label"], title=d["label"], group=d["cls"])
    for u, v, d in g.edges(data=True):
        simple.add_edge(u, v, title=d.get("name", ""))
    t = time.perf_counter()
    net = Network(height="800px", width="100%", directed=True, cdn_resources=mode)
    net.from_nx(simple)
    cwd = os.getcwd()
    os.chdir(Path(out).parent)  # pyvis writes its lib/ folder next to the working directory
    try:
        net.write_html(Path(out).name)
    finally:
        os.chdir(cwd)
    queue.put(time.perf_counter() - t)


def _time_pyvis(n: int, out: Path, mode: str, timeout: float) -> float | None:
    """Return pyvis's write time, or None past ``timeout`` seconds (then it is stopped)."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_pyvis_write, args=(n, str(out), mode, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.terminate()
        proc.join(10)
        return None
    return float(queue.get()) if proc.exitcode == 0 and not queue.empty() else None


# ---- the browser -------------------------------------------------------------------------------

# wraps vis.Network as pyvis's page defines it, to see when its layout settles
# (pyvis's page sets no signal of its own)
_PYVIS_PROBE = """
(() => {
  // vis-network's UMD build does `window.vis = window.vis || {}` and then `vis.Network = ...`:
  // trap both assignments and hand pyvis a Network that records its events as they happen.
  let real;
  let wrapped = null;
  function wrap(Orig) {
    if (wrapped) { return wrapped; }
    wrapped = function (container, data, options) {
      const net = new Orig(container, data, options);
      window.__drawn = null; window.__settled = null; window.__still = null;
      net.once("afterDrawing", () => { window.__drawn = performance.now(); });
      net.once("stabilizationIterationsDone", () => { window.__settled = performance.now(); });
      net.on("stabilized", () => { window.__still = performance.now(); });
      return net;
    };
    wrapped.prototype = Orig.prototype;
    return wrapped;
  }
  Object.defineProperty(window, "vis", {
    configurable: true,
    get() { return real; },
    set(v) {
      real = v;
      let Network;
      Object.defineProperty(v, "Network", {
        configurable: true, enumerable: true,
        get() { return Network && wrap(Network); },
        set(n) { Network = n; },
      });
    },
  });
})();
"""


def _page(browser: Any) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    return context, page, errors


def _ready_ours(browser: Any, path: Path, timeout: float) -> float | None:
    context, page, _errors = _page(browser)
    try:
        t = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_function(
            "document.documentElement.dataset.graphReady === 'true'",
            timeout=timeout * 1000,
            polling=20,
        )
        return time.perf_counter() - t
    except Exception as error:  # a timeout is a result here
        print(f"  {path.name}: not ready: {str(error).splitlines()[0]}", file=sys.stderr)
        return None
    finally:
        context.close()


def _ready_pyvis(browser: Any, path: Path, timeout: float) -> dict[str, Any]:
    """Return when pyvis's page first drew, finished stabilising and came to rest (seconds)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context, page, errors = _page(browser)
    page.add_init_script(_PYVIS_PROBE)
    out: dict[str, Any] = {"drawn": None, "settled": None, "still": None}
    deadline = time.perf_counter() + timeout

    def left() -> float:
        return max(1.0, (deadline - time.perf_counter()) * 1000)

    try:
        page.goto(path.as_uri(), wait_until="commit")
        try:
            # pyvis builds its network in the page's own script: a big graph keeps "load" waiting
            page.wait_for_load_state("load", timeout=left())
        except PlaywrightTimeout:
            out["error"] = f"its script was still running after {timeout:g} s"
            return out
        if page.evaluate("typeof vis") == "undefined":
            out["error"] = "vis-network never loaded (pyvis fetches it from a CDN)"
            return out
        for key in ("settled", "still"):
            try:
                page.wait_for_function(f"window.__{key} != null", timeout=left(), polling=100)
            except PlaywrightTimeout:
                break
        state = page.evaluate("[window.__drawn, window.__settled, window.__still]")
        for key, value in zip(("drawn", "settled", "still"), state, strict=True):
            out[key] = round(value / 1000, 2) if value is not None else None
    finally:
        context.close()
        if errors:
            out["page_errors"] = errors[:3]
    return out


# ---- the run -----------------------------------------------------------------------------------


def _fmt(value: float | None, cap: float) -> str:
    return f"> {cap:g} s" if value is None else f"{value:.2f} s"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pyvis-timeout", type=float, default=90.0)
    parser.add_argument("--browser-timeout", type=float, default=60.0)
    parser.add_argument("--no-pyvis", action="store_true")
    parser.add_argument(
        "--screenshot", action="store_true", help="also write docs/img/view-sample.png"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[dict[str, Any]] = []
    work = Path(tempfile.mkdtemp(prefix="kexie-bench-views-"))
    load_before = os.getloadavg()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), headless=True
        )
        if args.screenshot:
            _screenshot(browser)
        for n in sizes:
            g = synthetic_graph(n)
            ours = work / f"ours-{n}.html"
            project_s, quads = _time_project(g)
            write_s, write_cpu = _time_ours(g, ours, args.repeats)
            ready = [_ready_ours(browser, ours, args.browser_timeout) for _ in range(args.repeats)]
            ok = [r for r in ready if r is not None]
            row: dict[str, Any] = {
                "nodes": g.number_of_nodes(),
                "edges": g.number_of_edges(),
                "ours": {
                    "project_s": round(project_s, 3),
                    "store_quads": quads,
                    "write_s": round(write_s, 3),
                    "write_cpu_s": round(write_cpu, 3),
                    "ready_s": round(statistics.median(ok), 3) if len(ok) == len(ready) else None,
                    "ready_runs_s": [round(r, 3) if r is not None else None for r in ready],
                    "html_bytes": ours.stat().st_size,
                },
            }
            print(
                f"{n}: ours write {write_s:.2f} s, ready {row['ours']['ready_runs_s']}", flush=True
            )
            if not args.no_pyvis:
                for mode in ("local", "in_line"):
                    folder = work / f"pyvis-{mode}-{n}"
                    folder.mkdir()
                    path = folder / "view.html"
                    w = _time_pyvis(n, path, mode, args.pyvis_timeout)
                    entry: dict[str, Any] = {"write_s": round(w, 3) if w is not None else None}
                    if w is not None:
                        entry.update(_ready_pyvis(browser, path, args.browser_timeout))
                        entry["html_bytes"] = path.stat().st_size
                    row[f"pyvis_{mode}"] = entry
                    print(f"{n}: pyvis {mode} {entry}", flush=True)
            rows.append(row)
        browser.close()
    result = {
        "benchmark": "views",
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "platform": platform.platform(),
        },
        "chromium": CHROMIUM,
        "pyvis_timeout_s": args.pyvis_timeout,
        "browser_timeout_s": args.browser_timeout,
        "repeats": args.repeats,
        "load_average_1_5_15": {
            "start": [round(x, 2) for x in load_before],
            "end": [round(x, 2) for x in os.getloadavg()],
        },
        "rows": rows,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "views.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (args.out / "views.md").write_text(_markdown(result), encoding="utf-8")
    print((args.out / "views.md").read_text(encoding="utf-8"))
    return 0


def _pyvis_ready(entry: dict[str, Any], cap: float) -> str:
    if entry.get("write_s") is None:
        return "not written"
    if entry.get("error"):
        if "CDN" in str(entry["error"]):
            return "never (vis-network is fetched from a CDN)"
        return f"> {cap:g} s ({entry['error']})"
    settled = entry.get("settled")
    still = entry.get("still")
    first = f"{settled:.2f} s" if settled is not None else f"> {cap:g} s"
    rest = f"{still:.2f} s" if still is not None else f"> {cap:g} s"
    return f"first layout {first}, at rest {rest}"


def _markdown(result: dict[str, Any]) -> str:
    cap_w = result["pyvis_timeout_s"]
    cap_b = result["browser_timeout_s"]
    load = result["load_average_1_5_15"]
    lines = [
        "# Interactive views: kexie-graph vs pyvis 0.3.2",
        "",
        f"Measured {result['date']} on {result['machine']['cpus']} cores,"
        f" Python {result['machine']['python']}, Debian chromium headless (software rendering),"
        " every non-file request aborted; synthetic graphs shaped like the corpus"
        " (`synthetic_graph`). Ours: median of"
        f" {result['repeats']} runs. `benchmarks/bench_views.py` wrote this file.",
        "",
        "| nodes | edges | write: ours (CPU) | write: pyvis | write: pyvis in_line"
        " | ready: ours (graphReady) | ready: pyvis | ready: pyvis in_line |",
        "|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in result["rows"]:
        ours = row["ours"]
        local = row.get("pyvis_local", {})
        inline = row.get("pyvis_in_line", {})
        pyvis = (
            f"{_fmt(local.get('write_s'), cap_w)} | {_fmt(inline.get('write_s'), cap_w)}"
            if local
            else "not run | not run"
        )
        ready = f"{_pyvis_ready(local, cap_b)} | {_pyvis_ready(inline, cap_b)}" if local else " | "
        lines.append(
            f"| {row['nodes']:,} | {row['edges']:,}"
            f" | {_fmt(ours['write_s'], 0)} ({ours['write_cpu_s']:.2f} s) | {pyvis}"
            f" | {_fmt(ours['ready_s'], cap_b)} | {ready} |"
        )
    lines += [
        "",
        "| nodes | ours: project a store to networkx | store quads | page size | graphReady runs |",
        "|---:|---:|---:|---:|---|",
    ]
    for row in result["rows"]:
        ours = row["ours"]
        runs = ", ".join(f"{r:.2f}" if r is not None else "timeout" for r in ours["ready_runs_s"])
        lines.append(
            f"| {row['nodes']:,} | {ours.get('project_s', float('nan')):.2f} s"
            f" | {ours.get('store_quads', 0):,} | {ours['html_bytes'] / 1e6:.1f} MB | {runs} |"
        )
    lines += [
        "",
        "- *write*: networkx graph to HTML file; ours includes the igraph layout and the node"
        " sizes; *CPU* is the writer's own processor time.",
        "- *ready*: from navigation until the page sets"
        " `document.documentElement.dataset.graphReady` (ours).",
        '- pyvis\'s default page (`cdn_resources="local"`) loads vis-network from a CDN, so with'
        ' the network off it never draws. With `cdn_resources="in_line"` it draws: *first layout*'
        " is its `stabilizationIterationsDone` (when it hides its loading bar), *at rest*"
        " vis-network's `stabilized` (the physics stops moving).",
        f"- pyvis writes are stopped after {cap_w:g} s and page waits after {cap_b:g} s.",
        f"- Load average (1 min) at the start {load['start'][0]}, at the end {load['end'][0]}:"
        " other work on the two cores slows every wall-clock figure.",
        "",
    ]
    return "\n".join(lines)


def _screenshot(browser: Any) -> None:
    """Write docs/img/view-sample.png: the view of the test corpus (two articles)."""
    import pyoxigraph as ox

    from kexie_graph.views.project import project

    store = ox.Store()
    store.load((ROOT / "tests/views/data/corpus.trig").read_bytes(), ox.RdfFormat.TRIG)
    path = Path(tempfile.mkdtemp()) / "sample.html"
    write_view(project(store), path, title="kexie-graph · 示例视图")
    context, page, _errors = _page(browser)
    page.goto(path.as_uri())
    page.wait_for_function("document.documentElement.dataset.graphReady === 'true'")
    page.evaluate("window.kexieView.selectNode(6)")
    page.wait_for_timeout(500)
    out = ROOT / "docs" / "img" / "view-sample.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    context.close()


if __name__ == "__main__":
    sys.exit(main())
