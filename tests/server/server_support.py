"""Helpers of the server tests: build a store, start and stop real servers, a trap socket."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.support import LoopbackTrap as Trap
from tests.support import free_port, wait_until_answers
from tests.support import stop_process as stop_server

__all__ = [
    "ALLOWED_ORIGIN",
    "FIXTURE_QUERIES",
    "FIXTURE_TRIG",
    "MAX_ROWS",
    "TIMEOUT",
    "Server",
    "Trap",
    "build_store",
    "free_port",
    "start_server",
    "stop_server",
]

DATA = Path(__file__).parent / "data"
FIXTURE_TRIG = DATA / "fixture.trig"
FIXTURE_QUERIES = DATA / "queries"
#: the origin the shared server lets read answers cross-origin
ALLOWED_ORIGIN = "http://allowed.example"
#: the row cap of the shared server (the fixture has well over this many triples)
MAX_ROWS = 50
#: the deadline of the shared server, in seconds
TIMEOUT = 1.0


def build_store(trig: Path, out: Path) -> Path:
    """Write a store folder holding the TriG file ``trig`` (as ``kexie-graph load`` does)."""
    from kexie_graph.store import load_dump

    load_dump(trig, out)
    return out


@dataclass
class Server:
    """A ``kexie-graph serve`` process."""

    process: subprocess.Popen[bytes]
    port: int
    host: str = "127.0.0.1"

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def endpoint(self) -> str:
        return f"{self.base}/sparql"


def start_server(store: Path, *args: str, attempts: int = 3) -> Server:
    """Start ``serve`` on a free port and wait (bounded) until it answers."""
    last_error = ""
    for _ in range(attempts):
        port = free_port()
        command = [
            sys.executable,
            "-m",
            "kexie_graph.cli.serve_cmd",
            "--store",
            str(store),
            "--port",
            str(port),
            *args,
        ]
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ)
        )
        # up to 30 s: the first start compiles and imports a lot
        with contextlib.suppress(TimeoutError):
            url = f"http://127.0.0.1:{port}/sparql"
            if wait_until_answers(process, url, seconds=30) is not None:
                return Server(process, port)
        stop_server(process)
        last_error = (process.stderr.read() if process.stderr else b"").decode(errors="replace")
    raise RuntimeError(f"the server did not start: {last_error.strip()[-2000:]}")
