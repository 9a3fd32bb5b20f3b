"""``kexie-graph query``: run a SPARQL query on a store, or on a remote SPARQL endpoint."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

__all__ = ["query"]

_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "trig", "jsonld")


@click.command()
@click.argument("sparql", metavar="QUERY")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path),
    help="Build folder holding the store (kexie-graph build --out DIR).",
)
@click.option("--endpoint", help="Run the query on this SPARQL endpoint instead of a store.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    default="table",
    show_default=True,
    help="table, csv, tsv or json (SPARQL 1.1 JSON results); for graphs turtle, ntriples, trig, "
    "jsonld.",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), help="Stop the query after SECONDS."
)
@click.option(
    "--queries",
    "queries_dir",
    type=click.Path(path_type=Path),
    help="Folder of .rq files callable by name (before the packaged cq01…).",
)
@click.option("--user", help="User name for the endpoint (HTTP Basic).")
@click.option(
    "--password-env", metavar="VAR", help="Environment variable that holds the endpoint's password."
)
@click.option(
    "--allow-unsafe",
    is_flag=True,
    help="Let SERVICE, LOAD and outside FROM through (local use only: they fetch from the web).",
)
def query(
    sparql: str,
    store_dir: Path | None,
    endpoint: str | None,
    fmt: str,
    timeout: float | None,
    queries_dir: Path | None,
    user: str | None,
    password_env: str | None,
    allow_unsafe: bool,
) -> None:
    """Run QUERY (SPARQL text, @file.rq, - for stdin, or a saved query's name such as cq01).

    The project's prefixes (kx:, kxr:, org:, nif: …) are predeclared, and the default graph is the
    union of all named graphs.
    """
    from ..query import query as run_query
    from ..query import query_endpoint
    from ..query.saved import resolve_query
    from ..store import open_store

    if (store_dir is None) == (endpoint is None):
        raise click.UsageError("give exactly one of --store DIR and --endpoint URL")
    text = sys.stdin.read() if sparql == "-" else resolve_query(sparql, queries_dir)
    if endpoint is not None:
        password = _password(password_env)
        result = query_endpoint(
            endpoint,
            text,
            timeout=timeout or 60.0,
            user=user,
            password=password,
            allow_unsafe=allow_unsafe,
        )
    else:
        assert store_dir is not None
        with open_store(store_dir, read_only=True) as store:
            result = run_query(store, text, timeout=timeout, allow_unsafe=allow_unsafe)
    _print(result, fmt)


def _password(var: str | None) -> str | None:
    from ..errors import QueryError

    if var is None:
        return None
    value = os.environ.get(var)
    if value is None:
        raise QueryError(
            f"--password-env {var}: no such environment variable; export {var}=… first"
        )
    return value


def _print(result: object, fmt: str) -> None:
    from rich.console import Console

    from ..errors import QueryError
    from ..query import Result

    assert isinstance(result, Result)
    if fmt == "table":
        if result.kind == "update":
            click.echo("update done")
            return
        Console(soft_wrap=False).print(result.to_table())
        return
    if result.kind == "update":
        return
    graph = result.kind == "construct"
    if graph and fmt == "json":
        fmt = "jsonld"  # a graph's JSON is JSON-LD
    if graph and fmt in ("csv", "tsv"):
        raise QueryError(f"--format {fmt} is for SELECT/ASK; use turtle, ntriples, trig or jsonld")
    if not graph and fmt in ("turtle", "ntriples", "trig", "jsonld"):
        raise QueryError(f"--format {fmt} is for CONSTRUCT/DESCRIBE; use table, csv, tsv or json")
    out = sys.stdout.buffer
    out.write(result.serialize(fmt))
    out.flush()
