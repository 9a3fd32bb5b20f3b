"""Fixtures for the server tests: a small store, and real uvicorn servers on free loopback ports."""

from __future__ import annotations

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
    with Trap() as found:
        yield found
