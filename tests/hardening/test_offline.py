"""No network at build time: ``build`` (plain text and a saved web page), ``view``, ``export`` to
JSON-LD and the competency queries run with every socket connection and name lookup refused.

The refusal is made in this process (Python's ``socket`` patched); the build runs serially
(``--jobs 1``), so no worker process escapes it. Oxigraph's own HTTP client (Rust, not Python's
sockets) is only reached by SERVICE and LOAD, which the query guard refuses: see the loopback-trap
tests in tests/store/test_guard.py and tests/hardening/test_guard_lexer_hypothesis.py.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kexie_graph.cli import main

from ..conftest import SEED
from .inputs import saved_web_page


class NetworkUsed(AssertionError):
    """Raised by every attempt to reach the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise NetworkUsed(f"network use at build time: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


def test_the_refusal_is_real(no_network: list[str]) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    assert no_network


def test_build_view_export_and_queries_need_no_network(
    no_network: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "articles" / "page.html"
    page.parent.mkdir()
    page.write_bytes(saved_web_page())
    out = tmp_path / "build"
    argv = ["build", str(SEED), str(page), "--out", str(out), "--jobs", "1", "--quiet"]
    assert main(argv) == 0, capsys.readouterr().err
    assert main(["view", "--store", str(out), "--out", str(tmp_path / "kg.html")]) == 0
    export = [
        "export",
        "--store",
        str(out),
        "--format",
        "jsonld",
        "--out",
        str(tmp_path / "kg.jsonld"),
    ]
    assert main(export) == 0
    capsys.readouterr()
    assert main(["query", "--store", str(out), "cq02", "--format", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["results"]["bindings"]
    assert no_network == []
