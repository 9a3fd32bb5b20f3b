"""The server's small parts on their own: negotiation, Host check, answer cache, CLI errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kexie_graph.server.cache import AnswerCache
from kexie_graph.server.config import ServerConfig
from kexie_graph.server.executor import Answer
from kexie_graph.server.limits import QuerySlots, host_is_loopback, is_loopback_bind
from kexie_graph.server.negotiate import NotAcceptable, choose_format


@pytest.mark.parametrize(
    ("kind", "accept", "wanted", "expected"),
    [
        ("results", None, (), "json"),
        ("results", "*/*", (), "json"),
        ("results", "text/csv", (), "csv"),
        ("results", "text/csv;q=0.5, application/sparql-results+xml", (), "xml"),
        ("results", "text/csv, application/sparql-results+json", (), "csv"),  # first listed
        ("results", "text/*", (), "csv"),
        ("results", "*/*;q=0.1, text/tab-separated-values", (), "tsv"),  # exact beats wildcard
        ("results", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", (), "xml"),
        ("results", "image/png", ("csv",), "csv"),  # format= wins over Accept
        ("results", None, ("tsv", "text/tab-separated-values"), "tsv"),
        ("results", None, ("nonsense", "json"), "json"),  # the first known value
        ("graph", None, (), "turtle"),
        ("graph", "application/rdf+xml", (), "xml"),
        ("graph", "application/json", (), "jsonld"),
        ("graph", "text/n3", (), "turtle"),
        ("graph", None, ("nt",), "ntriples"),
        ("graph", None, ("xml",), "xml"),
    ],
)
def test_choose_format(
    kind: str, accept: str | None, wanted: tuple[str, ...], expected: str
) -> None:
    assert choose_format(kind, accept, wanted).name == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "accept", "wanted"),
    [
        ("results", "image/png", ()),
        ("results", "application/sparql-results+json;q=0", ()),
        ("results", None, ("turtle",)),
        ("graph", "text/csv", ()),
        ("graph", None, ("csv",)),
    ],
)
def test_nothing_acceptable(kind: str, accept: str | None, wanted: tuple[str, ...]) -> None:
    with pytest.raises(NotAcceptable):
        choose_format(kind, accept, wanted)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("localhost:8000", True),
        ("localhost.", True),
        ("127.0.0.1:1", True),
        ("127.255.0.9", True),
        ("[::1]:8000", True),
        ("[::1]", True),
        ("::1", True),
        ("example.org", False),
        ("localhost.example.org", False),
        ("127.0.0.1.nip.example", False),
        ("[::2]:80", False),
        ("0.0.0.0:8000", False),
        ("", False),
        (None, False),
    ],
)
def test_host_is_loopback(host: str | None, loopback: bool) -> None:
    assert host_is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("bind", "checks"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("::", False)],
)
def test_the_host_check_is_on_exactly_when_bound_to_loopback(bind: str, checks: bool) -> None:
    assert is_loopback_bind(bind) is checks
    assert ServerConfig(store=Path("x"), host=bind).checks_host is checks


def test_config_round_trips_through_json() -> None:
    config = ServerConfig(store=Path("/s"), cors_origins=("http://a.example",), timeout=2.5)
    assert ServerConfig.from_json(config.to_json()) == config


def test_query_slots() -> None:
    slots = QuerySlots(2)
    assert slots.try_acquire() and slots.try_acquire()
    assert not slots.try_acquire()
    slots.release()
    assert slots.try_acquire()


def test_answer_cache_is_bounded_and_least_recently_used_goes_first() -> None:
    cache = AnswerCache(16 * 100)  # entries up to 100 bytes
    for key in "abcdefghijklmnopq":
        cache.put(key, Answer(b"x" * 100))
    assert cache.size <= cache.budget
    assert cache.get("a") is None and cache.get("q") is not None
    cache.put("big", Answer(b"x" * 101))
    assert cache.get("big") is None  # too large to keep
    kept = cache.get("b") or cache.get("c")
    assert kept is not None


def test_a_disabled_cache_keeps_nothing() -> None:
    cache = AnswerCache(0)
    cache.put("k", Answer(b""))
    cache.put("k2", Answer(b"x"))
    assert cache.get("k2") is None


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kexie_graph.cli.serve_cmd", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_serve_without_a_store_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = _serve("--store", str(tmp_path / "missing"))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "kexie-graph build" in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--cors-origin", "example.org"),
        ("--cors-origin", "https://a.example/path"),
        ("--port", "0"),
    ],
)
def test_serve_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    done = _serve("--store", str(tmp_path), *args)
    assert done.returncode == 2
