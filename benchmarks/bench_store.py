"""Benchmark kexie-graph's store against rdflib's Memory store and raw pyoxigraph, in one run.

For synthetic corpora shaped like the real graph (``benchmarks/synth.py``) at 100k and 1M triples
(3M with ``--sizes 100k,1M,3M``), each store is measured in its own process:

* **load**: seconds from the N-Quads file to a store ready to query, and the process's peak RSS;
* **queries**: the median time of each query of the set (after one warm-up run), rows
  materialised as Python values in every case.

Stores:

* ``kexie``: :func:`kexie_graph.store.write_store` (a new on-disk generation, the union default
  graph materialised), then, in a fresh process as ``query``/``serve`` would, the store opened
  read-only and :func:`kexie_graph.query.query`: the guard, saved prefixes, typed rows included;
* ``kexie+deadline``: the same queries with ``timeout=`` (each runs in the worker process);
* ``pyoxigraph``: ``Store(path).bulk_load`` and ``query(..., use_default_graph_as_union=True)``
  with the values read out of each solution: Oxigraph with no layer at all (note: its union is a
  multiset, so some queries return more rows there, and its joins over the union flag can take
  minutes: each query runs in a process of its own, stopped at ``--cap``);
* ``pyoxigraph (kexie files)``: plain pyoxigraph on the generation kexie wrote, default graph as
  it is: the same data and answers as ``kexie`` without the layer, to isolate the layer's cost;
* ``pyoxigraph (memory, load only)``: ``Store().load`` into Oxigraph's in-memory storage, for the
  load time only (rdflib's Memory store is in memory too; kexie-graph's store is on disk);
* ``rdflib``: ``Dataset(default_union=True).parse(format="nquads")`` and ``Dataset.query``.

The query set: six queries modelled on the competency questions (partners, posts, figures,
sub-organisations, articles naming an organisation, a label search), a 2-hop aggregate, a label
CONTAINS scan (the predicate left open, so every triple is looked at), a provenance query over
all mentions (every mention with its offsets, anchor, entity and article),
and the packaged ``ontology/queries/cq*.rq``. The corpus is the synthetic one with the graphs of a
real build of ``data/articles`` (seed and development set) added, so that cq01-cq14 find their
answers in it, among a million other triples. The headline ratio is over the set the issue names:
cq01-cq14 and the three heavy queries. It also measures the guard: a first (parsing) and a
repeated (cached) check of every query.

Results: ``benchmarks/results/store.json`` and ``store.md``. Run:
``.venv/bin/python benchmarks/bench_store.py`` (about 15 minutes at 1M; rdflib is most of it).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
WORK = ROOT / "benchmarks" / "work"
sys.path.insert(0, str(ROOT / "benchmarks"))

__all__ = ["QUERIES", "main"]

NATIONAL = "https://w3id.org/kexie-graph/id/organization/中国科学技术协会"
POPULAR = "https://w3id.org/kexie-graph/id/organization/北京市林学科学技术协会"

QUERIES: dict[str, str] = {
    "cq-partners": """
        SELECT DISTINCT ?answer WHERE {
          ?a a kx:Assertion ; rdf:predicate kx:partnerOf ; rdf:subject ?s ; rdf:object ?o .
          ?s rdfs:label "中国科学技术协会"@zh .
          ?o rdfs:label ?answer FILTER(lang(?answer) = "zh")
        } ORDER BY ?answer""",
    "cq-posts": """
        SELECT ?person ?role ?org WHERE {
          ?post a org:Post ; org:heldBy ?p ; org:postIn ?o ; org:role ?r .
          ?o a kx:ScienceAssociation ; rdfs:label ?org .
          ?p rdfs:label ?person . ?r rdfs:label ?role .
        }""",
    "cq-figures": f"""
        SELECT ?indicator ?value ?year WHERE {{
          ?f a kx:Figure ; kx:about <{POPULAR}> ; kx:indicator ?indicator ; rdf:value ?value ;
             kx:year ?year .
        }} ORDER BY ?year ?indicator""",
    "cq-suborgs": f"""
        SELECT DISTINCT ?child ?label WHERE {{
          ?child org:subOrganizationOf+ <{NATIONAL}> ; rdfs:label ?label FILTER(lang(?label) = "zh")
        }}""",
    "cq-articles": f"""
        SELECT ?article ?title ?date WHERE {{
          ?article schema:mentions <{POPULAR}> ; dcterms:title ?title ; dcterms:date ?date
          FILTER(?date >= "2020-01-01"^^xsd:date)
        }} ORDER BY ?date ?article""",
    "heavy-2hop": """
        SELECT ?a (COUNT(DISTINCT ?c) AS ?n) WHERE {
          ?a kx:partnerOf|kx:supports|kx:organizes ?b .
          ?b kx:partnerOf|kx:supports|kx:organizes ?c .
        } GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 20""",
    "cq-label-search": """
        SELECT DISTINCT ?s ?label WHERE {
          ?s rdfs:label ?label FILTER(CONTAINS(?label, "科学技术协会"))
        }""",
    "heavy-contains-scan": """
        SELECT DISTINCT ?s ?label WHERE {
          ?s ?p ?label
          FILTER(?p IN (rdfs:label, skos:altLabel) && CONTAINS(?label, "科学技术协会"))
        }""",
    "heavy-provenance": """
        SELECT ?article ?anchor ?begin ?end ?entity WHERE {
          ?m a nif:Phrase ; nif:referenceContext ?c ; nif:beginIndex ?begin ; nif:endIndex ?end ;
             nif:anchorOf ?anchor ; itsrdf:taIdentRef ?entity .
          ?c nif:sourceUrl ?article .
        }""",
}


def _all_queries() -> dict[str, str]:
    from kexie_graph.query import saved_queries

    out = dict(QUERIES)
    for name, path in sorted(saved_queries().items()):
        if name.startswith("cq"):
            out[name] = path.read_text(encoding="utf-8")
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Cap(Exception):
    """A query ran past the cap (raised by SIGALRM inside pure-Python rdflib)."""


def _alarm(signum: int, frame: Any) -> None:
    raise _Cap


def _time_queries(
    run: Any, queries: dict[str, str], repeat: int, budget: float, cap: float | None = None
) -> dict[str, Any]:
    """Median seconds of ``run(sparql)`` per query; slow queries are run fewer times.

    With ``cap``, a first run longer than ``cap`` seconds is interrupted by SIGALRM (this works
    for pure-Python engines only) and recorded as ``{"seconds": None, "cap": cap}``.
    """
    import signal

    out: dict[str, Any] = {}
    for name, sparql in queries.items():
        started = time.perf_counter()  # the first run fills caches (the guard's parse among them)
        if cap is not None:
            signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, cap)
        try:
            rows = run(sparql)
        except _Cap:
            out[name] = {"seconds": None, "cap": cap, "rows": None, "runs": 1}
            continue
        finally:
            if cap is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
        first = time.perf_counter() - started
        times = [first]
        n = repeat if first * repeat < budget else int(budget / max(first, 1e-9))
        probe = first
        if first < 0.05:  # a second, warm run sizes the batches of a fast query
            started = time.perf_counter()
            run(sparql)
            probe = time.perf_counter() - started
        # a fast query is timed over a batch of runs (about 50 ms), so that timer and scheduler
        # noise does not swamp a fraction of a millisecond
        batch = max(1, int(0.05 / max(probe, 1e-6))) if probe < 0.01 else 1
        for _ in range(n):
            gc.collect()
            started = time.perf_counter()
            for _ in range(batch):
                run(sparql)
            times.append((time.perf_counter() - started) / batch)
        out[name] = {
            "seconds": statistics.median(times[1:] or times),
            "rows": rows,
            "runs": len(times),
        }
    return out


# -- one store per process --------------------------------------------------------------------


def one_query(name: str, folder: Path, repeat: int, budget: float) -> dict[str, Any]:
    """Time one query on raw pyoxigraph (union flag) over the store in ``folder``."""
    import pyoxigraph as ox

    from kexie_graph.namespaces import PREFIXES

    db = ox.Store.read_only(str(folder))

    def run(sparql: str) -> int:
        return _materialise_ox(db.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True))

    return _time_queries(run, {name: _all_queries()[name]}, repeat, budget)[name]


def child(
    backend: str, data: Path, work: Path, repeat: int, budget: float, cap: float
) -> dict[str, Any]:
    """Load ``data`` into ``backend`` and time the query set; runs in its own process."""
    from kexie_graph.namespaces import PREFIXES, SPARQL_PREFIXES

    queries = _all_queries()
    result: dict[str, Any] = {"backend": backend}
    if backend == "kexie (load)":
        from kexie_graph.store import write_store

        folder = work / "kexie"
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        write_store(folder, data)
        result["load_seconds"] = time.perf_counter() - started
        result["load_rss_mb"] = _rss_mb()
        result["queries"] = {}
    elif backend in ("kexie", "kexie+deadline", "pyoxigraph (kexie files)"):
        # a fresh process opens the store the load wrote, as `query`, `serve` or a notebook does
        from kexie_graph.query import query
        from kexie_graph.store import open_store

        folder = work / "kexie"
        store = open_store(folder, read_only=True)
        if backend == "pyoxigraph (kexie files)":
            import pyoxigraph as ox

            assert store.generation_path is not None
            db = ox.Store.read_only(str(store.generation_path / "oxigraph"))

            def run(sparql: str) -> int:
                answer = db.query(sparql, prefixes=PREFIXES)
                return _materialise_ox(answer)

        elif backend == "kexie":

            def run(sparql: str) -> int:
                return len(query(store, sparql).rows)

        else:
            pool = store.start_pool(1)
            query(store, "ASK {}", timeout=60)  # the worker is up before timing starts

            def run(sparql: str) -> int:
                return len(query(store, sparql, timeout=600).rows)

        result["queries"] = _time_queries(run, queries, repeat, budget)
        if backend == "kexie":
            result["guard"] = _guard_costs(queries)
        if backend == "kexie+deadline":
            result["worker_rss_mb"] = _vm_hwm_mb(pool.pids()[0])
        store.close()
    elif backend == "pyoxigraph":
        import pyoxigraph as ox

        folder = work / "pyoxigraph"
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        db = ox.Store(str(folder))
        db.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        db.flush()
        result["load_seconds"] = time.perf_counter() - started
        result["load_rss_mb"] = _rss_mb()

        del db
        gc.collect()
        # Oxigraph cannot be interrupted, and its union flag makes some joins explode: each query
        # runs in a process of its own, stopped at the cap
        result["queries"] = {}
        for name in queries:
            cmd = [sys.executable, __file__, "--one", name, "--db", str(folder)]
            cmd += ["--repeat", str(repeat), "--budget", str(budget)]
            try:
                limit = cap + budget + 30  # the first run may take the cap, the others the budget
                done = subprocess.run(
                    cmd, capture_output=True, text=True, timeout=limit, check=True
                )
                result["queries"][name] = json.loads(done.stdout)
            except subprocess.TimeoutExpired:
                result["queries"][name] = {"seconds": None, "cap": cap, "rows": None, "runs": 1}
    elif backend == "pyoxigraph (memory, load only)":
        import pyoxigraph as ox

        started = time.perf_counter()
        db = ox.Store()  # in memory: no RocksDB, nothing on disk
        db.load(path=str(data), format=ox.RdfFormat.N_QUADS)
        result["load_seconds"] = time.perf_counter() - started
        result["load_rss_mb"] = _rss_mb()
        result["queries"] = {}
    elif backend == "rdflib":
        import warnings

        from rdflib import Dataset

        warnings.simplefilter("ignore", DeprecationWarning)
        started = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(str(data), format="nquads")
        result["load_seconds"] = time.perf_counter() - started
        result["load_rss_mb"] = _rss_mb()

        def run(sparql: str) -> int:
            answer = ds.query(SPARQL_PREFIXES + sparql)
            if answer.type == "ASK":
                return 1
            if answer.type != "SELECT":
                return len(answer.graph or ())
            return len([[None if t is None else t.toPython() for t in row] for row in answer])

        result["queries"] = _time_queries(run, queries, max(1, repeat // 2), budget, cap)
    else:
        raise SystemExit(f"unknown backend {backend}")
    result["peak_rss_mb"] = _rss_mb()
    return result


def _materialise_ox(answer: Any) -> int:
    import pyoxigraph as ox

    if isinstance(answer, ox.QueryBoolean):
        return 1
    if isinstance(answer, ox.QuerySolutions):
        return len([[None if t is None else t.value for t in s] for s in answer])
    return len(list(answer))


def _guard_costs(queries: dict[str, str]) -> dict[str, float]:
    from kexie_graph.query import check_query
    from kexie_graph.query.guard import _analyse_cached

    first, repeated = [], []
    for sparql in queries.values():
        _analyse_cached.cache_clear()
        started = time.perf_counter()
        check_query(sparql)
        first.append(time.perf_counter() - started)
        text = "".join(sparql)  # a new but equal string, as a client sends it again
        started = time.perf_counter()
        for _ in range(1000):
            check_query(text)
        repeated.append((time.perf_counter() - started) / 1000)
    return {
        "first_check_ms_median": statistics.median(first) * 1e3,
        "first_check_ms_max": max(first) * 1e3,
        "repeated_check_us_median": statistics.median(repeated) * 1e6,
        "repeated_check_us_max": max(repeated) * 1e6,
    }


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# -- the run ----------------------------------------------------------------------------------

_SIZES = {"100k": 100_000, "1M": 1_000_000, "3M": 3_000_000}
_BACKENDS = [
    "kexie (load)",
    "kexie",
    "kexie+deadline",
    "pyoxigraph (kexie files)",
    "pyoxigraph",
    "pyoxigraph (memory, load only)",
    "rdflib",
]


def _real_nquads() -> bytes:
    """The graph a build of ``data/articles`` writes (seed, development set, lexicon, ontology,
    entailments), as canonical N-Quads: what cq01-cq14 are about."""
    import pyoxigraph as ox

    from kexie_graph.corpus import build
    from kexie_graph.storeio import canonical_nquads

    out = WORK / "real-build"
    build([ROOT / "data" / "articles"], out, curation=ROOT / "data" / "curation.yaml")
    return canonical_nquads(str(out / "kg.trig"), ox.RdfFormat.TRIG)


def _corpus(label: str) -> Path:
    """The synthetic corpus of ``label``'s size with the real build's graphs in it."""
    from synth import main as synth_main

    synthetic = WORK / f"synth-{label}.nq"
    if not synthetic.exists():
        synth_main(["--triples", str(_SIZES[label]), "--out", str(synthetic)])
    path = WORK / f"corpus-{label}.nq"
    if not path.exists():
        part = path.with_suffix(".part")
        with part.open("wb") as out:
            out.write(_real_nquads())
            with synthetic.open("rb") as rest:
                shutil.copyfileobj(rest, out)
        part.rename(path)
    return path


def _run_child(
    backend: str, data: Path, work: Path, repeat: int, budget: float, cap: float
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        backend,
        "--data",
        str(data),
        "--work",
        str(work),
        "--repeat",
        str(repeat),
        "--budget",
        str(budget),
        "--cap",
        str(cap),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{backend} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def _seconds(entry: dict[str, Any]) -> float:
    # a query stopped at the cap counts as taking the cap: the ratio is then a lower bound
    return float(entry["seconds"] if entry["seconds"] is not None else entry["cap"])


def _ratios(results: dict[str, Any], top: str, bottom: str, names: list[str]) -> float:
    a, b = results[top]["queries"], results[bottom]["queries"]
    return _geomean([_seconds(a[n]) / _seconds(b[n]) for n in names if n in a and n in b])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100k,1M", help="comma-separated: 100k, 1M, 3M")
    parser.add_argument("--rdflib-max", default="1M", help="largest size rdflib is run at")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query (median)")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per query, at most")
    parser.add_argument(
        "--cap", type=float, default=60.0, help="a first run longer than this stops the query"
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "store")
    parser.add_argument(
        "--merge", action="store_true", help="keep the other sizes already in the results file"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_query(args.one, args.db, args.repeat, args.budget)))
        return 0
    if args.child:
        result = child(args.child, args.data, args.work, args.repeat, args.budget, args.cap)
        print(json.dumps(result))
        return 0

    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    rdflib_max = _SIZES[args.rdflib_max]
    report: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_at_start": os.getloadavg(),
        },
        "versions": _versions(),
        "queries": _all_queries(),
        "sizes": {},
    }
    previous = args.out.with_suffix(".json")
    if args.merge and previous.exists():
        kept = json.loads(previous.read_text(encoding="utf-8")).get("sizes", {})
        report["sizes"] = {label: kept[label] for label in _SIZES if label in kept}
    for label in sizes:
        data = _corpus(label)
        load_before = os.getloadavg()
        work = WORK / f"store-{label}"
        work.mkdir(parents=True, exist_ok=True)
        results: dict[str, Any] = {}
        for backend in _BACKENDS:
            if backend == "rdflib" and _SIZES[label] > rdflib_max:
                continue
            print(f"[{label}] {backend} …", flush=True)
            results[backend] = _run_child(backend, data, work, args.repeat, args.budget, args.cap)
            print(
                f"[{label}] {backend}: load {results[backend].get('load_seconds', 0):.1f} s",
                flush=True,
            )
        shutil.rmtree(work, ignore_errors=True)
        loaded = results.pop("kexie (load)")
        results["kexie"].update(
            load_seconds=loaded["load_seconds"], load_rss_mb=loaded["peak_rss_mb"]
        )
        names = list(QUERIES)
        every = list(results["kexie"]["queries"])
        summary: dict[str, Any] = {
            "quads": sum(1 for _ in data.open(encoding="utf-8")),
            "load_average_before": load_before,
            "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        }
        issue_set = [n for n in every if n.startswith("cq0") or n.startswith("cq1")]
        issue_set += ["heavy-2hop", "heavy-contains-scan", "heavy-provenance"]
        scopes = (("cq01-cq14 + 3 heavy", issue_set), ("synthetic", names), ("all", every))
        for scope, chosen in scopes:
            for other in ("pyoxigraph", "pyoxigraph (kexie files)", "rdflib"):
                if other in results:
                    key = f"{scope}: {other} / kexie"
                    summary[key] = 1 / _ratios(results, "kexie", other, chosen)
            summary[f"{scope}: kexie+deadline / kexie"] = _ratios(
                results, "kexie+deadline", "kexie", chosen
            )
        if "rdflib" in results:
            summary["load: rdflib / kexie"] = (
                results["rdflib"]["load_seconds"] / results["kexie"]["load_seconds"]
            )
        for other in ("pyoxigraph", "pyoxigraph (memory, load only)"):
            summary[f"load: {other} / kexie"] = (
                results[other]["load_seconds"] / results["kexie"]["load_seconds"]
            )
        if "rdflib" in results:
            memory = results["pyoxigraph (memory, load only)"]["load_seconds"]
            summary["load: rdflib / pyoxigraph (memory)"] = (
                results["rdflib"]["load_seconds"] / memory
            )
        report["sizes"][label] = {"summary": summary, "results": results}
        report["sizes"] = {k: report["sizes"][k] for k in _SIZES if k in report["sizes"]}
        _write(report, args.out)  # after each size, so that a later failure keeps what was measured
    print(_markdown(report))
    return 0


def _write(report: dict[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    out.with_suffix(".md").write_text(_markdown(report), encoding="utf-8")


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("pyoxigraph", "rdflib", "oxrdflib", "kexie-graph")}


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f}" if seconds < 10 else f"{seconds:,.1f} s"


def _markdown(report: dict[str, Any]) -> str:
    machine = report["machine"]
    lines = [
        "# Store benchmark",
        "",
        "Written by `benchmarks/bench_store.py` (see its docstring for what each column measures).",
        f"Machine: {machine['platform']}, {machine['cpus']} CPUs, Python {machine['python']}; "
        f"load average at start {machine['load_average_at_start']} (a shared machine).",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in report["versions"].items()) + ".",
        "",
        "A query stopped at the cap counts as taking the cap, so ratios involving it are lower",
        "bounds. Ratios are geometric means over a query set: `cq01-cq14 + 3 heavy` is the set",
        "the issue names (the packaged competency queries, answered from the real build's graphs",
        "mixed into the corpus, with the 2-hop aggregate, the CONTAINS scan and the provenance",
        "query); `synthetic` the nine queries written for the synthetic corpus; `all` both.",
        "`X / kexie` > 1: kexie-graph is faster.",
        "",
    ]
    for label, size in report["sizes"].items():
        results = size["results"]
        backends = list(results)
        lines += [f"## {label} triples ({size['summary']['quads']:,} quads)", ""]
        lines += ["| | " + " | ".join(backends) + " |", "|---|" + "---|" * len(backends)]
        load = ["load (s)"] + [
            f"{results[b]['load_seconds']:.1f}" if "load_seconds" in results[b] else "(same store)"
            for b in backends
        ]
        load_rss = ["peak RSS loading (MB)"] + [
            f"{results[b]['load_rss_mb']:,.0f}" if "load_rss_mb" in results[b] else "—"
            for b in backends
        ]
        rss = ["peak RSS after queries (MB)"] + [
            f"{results[b]['peak_rss_mb']:,.0f}"
            + (
                f" + worker {results[b]['worker_rss_mb']:,.0f}"
                if results[b].get("worker_rss_mb")
                else ""
            )
            for b in backends
        ]
        lines += ["| " + " | ".join(row) + " |" for row in (load, load_rss, rss)]
        for name in results["kexie"]["queries"]:
            cells = [f"{name} (ms)"]
            for b in backends:
                q = results[b]["queries"].get(name)
                if q is None:
                    cells.append("—")
                elif q["seconds"] is None:
                    cells.append(f"> {q['cap']:.0f} s (stopped)")
                else:
                    cells.append(f"{_ms(q['seconds'])} [{q['rows']}]")
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", "Rows returned in brackets.", ""]
        for key, value in size["summary"].items():
            if key not in ("quads", "load_average_before", "measured"):
                lines.append(f"- {key}: **{value:,.2f}×**")
        if "measured" in size["summary"]:
            lines.append(
                f"- measured {size['summary']['measured']}, load average before "
                f"{', '.join(f'{x:.2f}' for x in size['summary']['load_average_before'])}"
            )
        guard = results["kexie"].get("guard")
        if guard:
            lines.append(
                f"- guard: first check (parse) median {guard['first_check_ms_median']:.1f} ms, max "
                f"{guard['first_check_ms_max']:.1f} ms; repeated (cached) median "
                f"{guard['repeated_check_us_median']:.1f} µs, "
                f"max {guard['repeated_check_us_max']:.1f} µs"
            )
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
