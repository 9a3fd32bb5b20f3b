"""The safe defaults that SECURITY.md promises, pinned: a change to one of them must be a decision,
made here and in SECURITY.md, not a side effect.

The behaviour behind each default is tested elsewhere (tests/server/test_safety.py and friends);
this module checks that the defaults a user gets without any option are the safe ones, for the
``serve`` command line, the server's settings and the query layer.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import click
import pytest

from kexie_graph.cli.query_cmd import query as query_command
from kexie_graph.cli.serve_cmd import serve
from kexie_graph.query import check_query, execute, query
from kexie_graph.server.config import ServerConfig

EXPECTED = {
    "host": "127.0.0.1",
    "timeout": 10.0,
    "cors_origins": (),
    "max_rows": 10_000,
    "max_query_bytes": 32 * 1024,
    "max_concurrent": 64,
}


def _option(command: click.Command, name: str) -> Any:
    """The value ``name`` takes when the command is given only what it requires."""
    required = {"serve": ["--store", "build"], "query": ["--store", "build", "cq01"]}
    context = command.make_context(command.name or "", required[command.name or ""])
    assert name in context.params, f"{command.name} has no option {name}"
    return context.params[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_server_settings_default_to_the_safe_values(name: str) -> None:
    config = ServerConfig(store=Path("store"))
    assert getattr(config, name) == EXPECTED[name]
    assert config.checks_host  # bound to loopback: only loopback Host names are answered


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_serve_without_options_uses_the_same_defaults(name: str) -> None:
    assert _option(serve, name) == EXPECTED[name]


def test_unsafe_queries_are_opt_in_everywhere() -> None:
    assert _option(query_command, "allow_unsafe") is False
    for function in (query, execute, check_query):
        assert inspect.signature(function).parameters["allow_unsafe"].default is False
    assert inspect.signature(check_query).parameters["read_only"].default is True
