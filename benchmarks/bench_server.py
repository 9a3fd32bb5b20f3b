"""Benchmark ``kexie-graph serve`` against ``oxigraph serve`` on the same data, in one run.

1. Latency of each query at concurrency 1 (one keep-alive connection, sequential requests):
   p50, p99.
2. Load: at least 10,000 requests cycling the queries over 32 connections with ``wrk`` (Debian
   package wrk): throughput, p50/p99 latency, errors. wrk runs for a fixed time, so a short
   calibration run first sets a duration long enough for the requested count.
3. The load client alone against a trivial endpoint (a minimal ASGI app answering fixed bytes), to
   show that wrk can send more than either server answers.

The store is ``--store DIR`` or, by default, a fresh ``kexie-graph build`` of ``data/articles``;
the queries are then the competency queries ``cqNN.rq`` shipped in the package. If the build fails,
the fixture store and query set of ``tests/server/data`` stand in. Every query gets the project's
PREFIX lines, so both servers parse the same text. kexie-graph runs with its defaults (10 s
deadline, row cap), once with its answer cache and once without (``--cache-mb 0``), so the cost
of each part shows.

Usage: ``python benchmarks/bench_server.py [--store DIR] [--requests 10000] [--connections 32]``.
Writes ``benchmarks/results/server.json`` and ``benchmarks/results/server.md``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
FIXTURE_TRIG = ROOT / "tests" / "server" / "data" / "fixture.trig"
FIXTURE_QUERIES = ROOT / "tests" / "server" / "data" / "queries"
PYTHON = sys.executable
OXIGRAPH = str(Path(sys.executable).parent / "oxigraph")

#: a minimal ASGI app: the ceiling of the HTTP stack, used to show the client is not the bottleneck
STATIC_APP = textwrap.dedent(
    """
    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/plain"), (b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})
    """
)

#: wrk script: cycle the queries (each thread from its own offset); print the summary as JSON
WRK_LUA = textwrap.dedent(
    """
    local paths = {PATHS}
    local next_id = 0
    function setup(thread)
      thread:set("offset", next_id)
      next_id = next_id + 7
    end
    function init(args)
      sent = tonumber(offset) or 0
    end
    function request()
      sent = sent + 1
      local path = paths[(sent % #paths) + 1]
      return wrk.format("GET", path, {["Accept"] = "ACCEPT"})
    end
    function done(summary, latency, requests)
      local e = summary.errors
      io.write(string.format(
        '{"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, ' ..
        '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
        '"max_us": %d, "mean_us": %.1f}\\n',
        summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
        e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
        latency.max, latency.mean))
    end
    """
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"server not ready: {url}")


@contextmanager
def running(command: Sequence[str], ready_url: str, cwd: Path | None = None) -> Iterator[None]:
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below, after the server)
    process = subprocess.Popen(list(command), stdout=subprocess.DEVNULL, stderr=log, cwd=cwd)
    try:
        try:
            wait_ready(ready_url, process)
        except RuntimeError as error:
            log.seek(0)
            tail = log.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{error}\n{tail}") from None
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        log.close()


@dataclass
class Target:
    name: str
    port: int
    path: str  # the query path: /sparql or /query

    def url(self, query: str) -> str:
        return f"{self.path}?query={quote(query, safe='')}"


def load_queries(store_is_fixture: bool) -> tuple[str, list[tuple[str, str]]]:
    from kexie_graph.namespaces import SPARQL_PREFIXES
    from kexie_graph.server.ui import queries_dir

    folder = queries_dir()
    found = sorted(folder.glob("cq*.rq")) if folder.is_dir() else []
    if found and not store_is_fixture:
        source = "competency queries"
    else:
        source, found = "fixture queries", sorted(FIXTURE_QUERIES.glob("*.rq"))
    return source, [(p.stem, SPARQL_PREFIXES + p.read_text(encoding="utf-8")) for p in found]


def latency(target: Target, query: str, repeat: int, warmup: int) -> dict[str, float]:
    """Sequential requests on one keep-alive connection; milliseconds."""
    connection = http.client.HTTPConnection("127.0.0.1", target.port, timeout=60)
    url = target.url(query)
    headers = {"Accept": "application/sparql-results+json"}
    samples: list[float] = []
    rows = -1
    for index in range(warmup + repeat):
        started = time.perf_counter()
        connection.request("GET", url, headers=headers)
        reply = connection.getresponse()
        body = reply.read()
        elapsed = time.perf_counter() - started
        if reply.status != 200:
            raise RuntimeError(f"{target.name}: HTTP {reply.status}: {body[:200]!r}")
        if index >= warmup:
            samples.append(elapsed * 1000)
        if rows < 0:
            rows = len(json.loads(body)["results"]["bindings"])
    connection.close()
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 3),
        "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 3),
        "rows": rows,
    }


def wrk_load(
    target: Target, paths: list[str], requests: int, connections: int, threads: int
) -> dict[str, float]:
    """Run wrk long enough for at least ``requests`` answers (after a 2 s calibration run)."""
    probe = _wrk(target, paths, connections, threads, seconds=2)
    rate = max(probe["requests"] / probe["seconds"], 1.0)
    seconds = max(3, int(requests * 1.25 / rate) + 1)
    result = _wrk(target, paths, connections, threads, seconds=seconds)
    if result["requests"] < requests:  # slower than calibrated: once more, with room to spare
        result = _wrk(target, paths, connections, threads, seconds=seconds * 2)
    return result


def _wrk(
    target: Target, paths: list[str], connections: int, threads: int, seconds: int
) -> dict[str, float]:
    lua = WRK_LUA.replace("{PATHS}", "{" + ", ".join(json.dumps(p) for p in paths) + "}").replace(
        "ACCEPT", "application/sparql-results+json"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(lua)
        script = handle.name
    try:
        out = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "30s",
                "-s",
                script,
                f"http://127.0.0.1:{target.port}",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout
    finally:
        os.unlink(script)
    line = [x for x in out.splitlines() if x.startswith("{")][-1]
    raw = json.loads(line)
    seconds = raw["duration_us"] / 1e6
    errors = raw["connect"] + raw["read"] + raw["write"] + raw["status"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 3),
        "throughput_rps": round(raw["requests"] / seconds, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 3),
        "p99_ms": round(raw["p99_us"] / 1000, 3),
        "errors": errors,
        "non_2xx": raw["status"],
    }


def prepare_store(store: Path | None, work: Path) -> tuple[Path, bool, str]:
    """The store to serve: the one given, else a build of data/articles, else the fixture."""
    if store is not None:
        return store, False, str(store)
    out = work / "build"
    command = [
        PYTHON, "-c", "import sys; from kexie_graph.cli import main; sys.exit(main(sys.argv[1:]))",
        "build", str(ROOT / "data" / "articles"), "--out", str(out),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if done.returncode == 0:
        summary = (done.stdout.strip().splitlines() or [""])[-1]
        return out, False, f"kexie-graph build data/articles ({summary})"
    print(
        f"bench_server: the build failed, using the fixture: {done.stderr[-500:]}", file=sys.stderr
    )
    from kexie_graph.store import load_dump

    fixture = work / "fixture"
    load_dump(FIXTURE_TRIG, fixture)
    return fixture, True, "fixture (tests/server/data/fixture.trig)"


def oxigraph_location(store: Path) -> Path:
    from kexie_graph.store import read_store_info

    info = read_store_info(store)
    return store / f"store-{int(info['generation'])}" / "oxigraph"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store", type=Path, default=None, help="a built store (default: build data/articles)"
    )
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers of kexie-graph")
    parser.add_argument(
        "--repeat", type=int, default=300, help="requests per query at concurrency 1"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("bench_server: wrk is not installed; `apt-get install wrk`", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="kexie-bench-") as tmp:
        work = Path(tmp)
        store, is_fixture, described = prepare_store(args.store, work)
        source, queries = load_queries(is_fixture)
        (work / "static.py").write_text(STATIC_APP)
        results: dict[str, object] = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
            "store": described,
            "queries_from": source,
            "queries": [name for name, _ in queries],
            "requests": args.requests,
            "connections": args.connections,
            "kexie_workers": args.workers,
            "servers": {},
        }
        servers: dict[str, dict[str, object]] = {}

        def kexie(cache_mb: int) -> tuple[list[str], Target]:
            port = free_port()
            command = [
                PYTHON, "-m", "kexie_graph.cli.serve_cmd", "--store", str(store),
                "--port", str(port), "--workers", str(args.workers),
                "--cache-mb", str(cache_mb), "--max-concurrent", "256",
            ]  # fmt: skip
            return command, Target(f"kexie-graph (cache {cache_mb} MiB)", port, "/sparql")

        def oxigraph() -> tuple[list[str], Target]:
            port = free_port()
            command = [
                OXIGRAPH, "serve-read-only", "--location", str(oxigraph_location(store)),
                "--bind", f"127.0.0.1:{port}", "--union-default-graph",
            ]  # fmt: skip
            return command, Target("oxigraph serve", port, "/query")

        plans = [kexie(32), kexie(0), oxigraph()]
        for command, target in plans:
            ready = f"http://127.0.0.1:{target.port}{target.url('ASK {}')}"
            with running(command, ready):
                per_query = {
                    name: latency(target, text, args.repeat, warmup=20) for name, text in queries
                }
                load = wrk_load(
                    target,
                    [target.url(text) for _, text in queries],
                    args.requests,
                    args.connections,
                    args.threads,
                )
            servers[target.name] = {"latency_c1": per_query, "load": load}
            print(f"{target.name}: {load}", file=sys.stderr)

        port = free_port()
        static_command = [
            PYTHON, "-m", "uvicorn", "static:app", "--port", str(port), "--workers", "2",
            "--log-level", "warning", "--no-access-log",
        ]  # fmt: skip
        with running(static_command, f"http://127.0.0.1:{port}/", cwd=work):
            static = wrk_load(
                Target("static", port, "/"),
                ["/"],
                args.requests * 5,
                args.connections,
                args.threads,
            )
        results["servers"] = servers
        results["client_alone"] = {"endpoint": "minimal ASGI app, 2 uvicorn workers", **static}

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "server.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (args.out / "server.md").write_text(render_markdown(results))
    print((args.out / "server.md").read_text())
    return 0


def render_markdown(results: dict[str, object]) -> str:
    servers: dict[str, dict[str, dict[str, object]]] = results["servers"]  # type: ignore[assignment]
    names = list(servers)
    queries: list[str] = results["queries"]  # type: ignore[assignment]
    lines = [
        "# `kexie-graph serve` against `oxigraph serve`",
        "",
        f"Same store, same run. Store: {results['store']}; queries: {results['queries_from']}; "
        f"kexie-graph with {results['kexie_workers']} uvicorn workers, its default 10 s deadline "
        "and row cap. Machine: "
        f"{results['machine']['cpus']} CPUs, Python {results['machine']['python']}.",  # type: ignore[index]
        "",
        "## Latency at concurrency 1 (ms, p50 / p99, one keep-alive connection)",
        "",
        "| query | rows | " + " | ".join(names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    for query in queries:
        cells = []
        rows = servers[names[-1]]["latency_c1"][query]["rows"]  # type: ignore[index]
        for name in names:
            entry = servers[name]["latency_c1"][query]  # type: ignore[index]
            cells.append(f"{entry['p50_ms']:.2f} / {entry['p99_ms']:.2f}")  # type: ignore[index]
        lines.append(f"| {query} | {rows} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"## Load: {results['requests']} requests over {results['connections']} connections (wrk)",
        "",
        "| server | requests | throughput (req/s) | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|",
    ]
    for name in names:
        load = servers[name]["load"]
        lines.append(
            f"| {name} | {load['requests']} | {load['throughput_rps']:.0f} | "
            f"{load['p50_ms']:.2f} | {load['p99_ms']:.2f} | {load['errors']} |"
        )
    static: dict[str, object] = results["client_alone"]  # type: ignore[assignment]
    lines.append(
        f"| client alone: {static['endpoint']} | {static['requests']} | "
        f"{static['throughput_rps']:.0f} | {static['p50_ms']:.2f} | {static['p99_ms']:.2f} | "
        f"{static['errors']} |"
    )
    ox = servers[names[-1]]["load"]["throughput_rps"]
    for name in names[:-1]:
        ratio = servers[name]["load"]["throughput_rps"] / ox  # type: ignore[operator]
        lines.append("")
        lines.append(f"- {name}: {ratio:.2f} × the throughput of oxigraph serve.")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
