"""Fixtures for the store and query tests: a small dataset, stores on disk, a loopback trap that
records every connection it receives, and a real ``oxigraph serve`` on a free loopback port."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kexie_graph.store import Store, open_store, write_store
from tests.support import LoopbackTrap as Trap
from tests.support import free_port, stop_process, wait_until_answers

DATA = Path(__file__).with_name("data")
SMALL = DATA / "small.trig"
KXR = "https://w3id.org/kexie-graph/id/"
A1 = f"{KXR}graph/article/a1"
A2 = f"{KXR}graph/article/a2"
LEXICON = f"{KXR}graph/lexicon"
ENTAILMENTS = f"{KXR}graph/entailments"
GRAPHS = sorted([A1, A2, LEXICON, ENTAILMENTS])
SMALL_QUADS = 148  # quads in small.trig (checked by test_store)
SMALL_TRIPLES = 145  # distinct triples: the union default graph (3 triples are in two graphs)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A store folder written from ``small.trig``."""
    out = tmp_path / "build"
    write_store(out, SMALL)
    return out


@pytest.fixture
def ro_store(store_dir: Path) -> Iterator[Store]:
    with open_store(store_dir, read_only=True) as store:
        yield store


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One read-only store per module, for tests that only read (and for its worker pool)."""
    out = tmp_path_factory.mktemp("shared") / "build"
    write_store(out, SMALL)
    with open_store(out, read_only=True) as store:
        yield store


@pytest.fixture(scope="module")
def trap() -> Iterator[Trap]:
    """A loopback trap whose ``url`` looks like a SPARQL endpoint."""
    with Trap("/sparql") as found:
        yield found


def oxigraph_binary() -> str:
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        pytest.fail(
            "the `oxigraph` server is missing: install the dev extras (pip install -e .[dev])"
        )
    return found


@dataclass
class OxigraphServer:
    process: subprocess.Popen[bytes]
    base: str

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    @property
    def store_url(self) -> str:
        return f"{self.base}/store"


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[OxigraphServer]:
    """A real `oxigraph serve` on a free loopback port.

    Not with ``--union-default-graph``: Oxigraph's union counts a triple once per graph, so the
    tests push the store's union as the default graph instead (``union_as_default``), which gives
    the same answers as the local store.
    """
    port = free_port()
    process = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(tmp_path / "oxigraph-server"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        try:  # bounded: at most ~20 s
            answered = wait_until_answers(process, f"{base}/query?query=ASK%7B%7D", seconds=20)
        except TimeoutError:
            pytest.fail("oxigraph serve did not answer within 20 s")
        if answered is None:
            err = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"oxigraph serve exited: {err[:500]}")
        yield OxigraphServer(process, base)
    finally:
        stop_process(process)
        if process.stderr:
            process.stderr.close()
