"""Fixtures for the server tests: a small store, and real uvicorn servers on free loopback ports."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_support import (
    ALLOWED_ORIGIN,
    FIXTURE_TRIG,
    MAX_ROWS,
    TIMEOUT,
    Server,
    Trap,
    build_store,
    start_server,
    stop_server,
)


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(FIXTURE_TRIG, tmp_path_factory.mktemp("server") / "store")


@pytest.fixture(scope="session")
def server(store_dir: Path) -> Iterator[Server]:
    """The shared server: 1 s deadline, a small row cap, one allowed CORS origin."""
    srv = start_server(
        store_dir,
        "--timeout",
        str(TIMEOUT),
        "--max-rows",
        str(MAX_ROWS),
        "--cors-origin",
        ALLOWED_ORIGIN,
    )
    try:
        yield srv
    finally:
        stop_server(srv.process)


@pytest.fixture
def trap() -> Iterator[Trap]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.1)
    found = Trap(int(sock.getsockname()[1]))
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, address = sock.accept()
            except (TimeoutError, OSError):
                continue
            found.connections.append(address)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        stop.set()
        thread.join(timeout=5)
        sock.close()
