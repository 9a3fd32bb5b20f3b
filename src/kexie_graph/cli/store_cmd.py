"""``kexie-graph load`` (a store from a dump) and ``kexie-graph push`` (graphs to another store)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ._common import store_option

__all__ = ["load", "push"]


@click.command()
@click.argument("dump", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="Store folder to (re)build.",
)
def load(dump: Path, out: Path) -> None:
    """Rebuild the store in OUT from DUMP (a kg.trig), after an Oxigraph upgrade or elsewhere.

    Programs reading the old store keep reading it until they close; a new reader sees the new one.
    """
    from ..store import load_dump, read_store_info

    load_dump(dump, out)
    info = read_store_info(out)
    click.echo(
        f"loaded {info['quads']} quads in {info['graphs']} graphs from {dump} into {out} "
        f"(generation {info['generation']})"
    )


@click.command()
@store_option
@click.option(
    "--endpoint",
    required=True,
    help="SPARQL query endpoint of the target store (used to check the push).",
)
@click.option(
    "--graph-store",
    help="Graph Store Protocol URL (default: the endpoint URL; Oxigraph: http://HOST:PORT/store, "
    "Fuseki: http://HOST:3030/DATASET/data).",
)
@click.option("--user", help="User name (HTTP Basic).")
@click.option("--password-env", metavar="VAR", help="Environment variable that holds the password.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="Seconds to wait for each request.",
)
@click.option(
    "--union-as-default",
    is_flag=True,
    help="Also replace the remote default graph with the union of the graphs, each triple once "
    "(for Oxigraph server, whose --union-default-graph counts a triple once per graph).",
)
@click.option(
    "--no-verify", is_flag=True, help="Do not count each graph's triples at the endpoint."
)
def push(
    store_dir: Path,
    endpoint: str,
    graph_store: str | None,
    user: str | None,
    password_env: str | None,
    timeout: float,
    union_as_default: bool,
    no_verify: bool,
) -> None:
    """Send every named graph of the store to another SPARQL 1.1 store (Graph Store Protocol PUT).

    Each PUT replaces that graph, so pushing again after a rebuild updates the remote copy and
    pushing twice changes nothing. Graphs that exist only on the remote side are left alone.
    """
    from ..errors import StoreError
    from ..query import push_store
    from ..store import open_store

    password = None
    if password_env is not None:
        password = os.environ.get(password_env)
        if password is None:
            raise StoreError(
                f"--password-env {password_env}: no such environment variable; "
                f"export {password_env}=… first"
            )
    with open_store(store_dir, read_only=True) as store:
        report = push_store(
            store,
            graph_store or endpoint,
            endpoint=None if no_verify else endpoint,
            user=user,
            password=password,
            timeout=timeout,
            union_as_default=union_as_default,
        )
    click.echo(report.summary())
