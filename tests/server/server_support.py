"""Helpers of the server tests: build a store, start and stop real servers, a trap socket."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

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


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
        for _ in range(300):  # up to 30 s: the first start compiles and imports a lot
            if process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql", timeout=2) as reply:
                    if reply.status == 200:
                        return Server(process, port)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        stop_server(process)
        last_error = (process.stderr.read() if process.stderr else b"").decode(errors="replace")
    raise RuntimeError(f"the server did not start: {last_error.strip()[-2000:]}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@dataclass
class Trap:
    """A listening loopback socket that counts the connections it receives."""

    port: int
    connections: list[tuple[str, int]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"
