"""``kexie-graph serve``: run the SPARQL endpoint and query page of a store under uvicorn."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from ..errors import KexieError
from ..server.app import CONFIG_ENV, create_app
from ..server.config import DEFAULT_TIMEOUT, ServerConfig

__all__ = ["serve"]


def _check_origin(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    origins: list[str] = []
    for value in values:
        value = value.strip().rstrip("/")
        if value == "*":
            origins.append(value)
            continue
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
            raise click.BadParameter(
                f"{value!r} is not an origin; give scheme://host[:port] "
                "(e.g. https://example.org) or '*'"
            )
        origins.append(f"{parts.scheme}://{parts.netloc.lower()}")
    return tuple(origins)


@click.command("serve")
@click.option(
    "--store",
    "store",
    required=True,
    # no file_okay=False: a file given as the store is a user error (exit 1, one line from the
    # store), as for query, view and export, not a usage error
    type=click.Path(path_type=Path),
    help="The store folder written by `kexie-graph build`.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--timeout",
    default=DEFAULT_TIMEOUT,
    show_default=True,
    type=click.FloatRange(min=0.05),
    help="Seconds a query may run before it is stopped and answered 503.",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    callback=_check_origin,
    help="An origin whose pages may read answers (repeatable; '*' for any). Default: none.",
)
@click.option(
    "--max-rows",
    default=10_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Rows (or triples) sent at most; a longer answer is cut and flagged in X-Kexie-Truncated.",
)
@click.option(
    "--max-query-bytes",
    default=32 * 1024,
    show_default=True,
    type=click.IntRange(min=256),
    help="Largest query accepted (413 beyond).",
)
@click.option(
    "--max-concurrent",
    default=64,
    show_default=True,
    type=click.IntRange(min=1),
    help="Queries in flight per worker process before new ones are answered 503.",
)
@click.option(
    "--cache-mb",
    default=32,
    show_default=True,
    type=click.IntRange(min=0),
    help="MiB of recent answers kept per worker process (0: no cache).",
)
@click.option(
    "--query-workers",
    default=2,
    show_default=True,
    type=click.IntRange(min=1, max=64),
    help="Query processes per worker; a query past its deadline is killed in its process.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1, max=64),
    help="uvicorn worker processes.",
)
@click.option(
    "--log-level",
    default="warning",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
)
def serve(
    store: Path,
    host: str,
    port: int,
    timeout: float,
    cors_origins: tuple[str, ...],
    max_rows: int,
    max_query_bytes: int,
    max_concurrent: int,
    cache_mb: int,
    query_workers: int,
    workers: int,
    log_level: str,
) -> None:
    """Serve SPARQL 1.1 Protocol at /sparql and a query page at / (read-only)."""
    import uvicorn

    config = ServerConfig(
        store=store.resolve(),
        host=host,
        port=port,
        timeout=timeout,
        cors_origins=cors_origins,
        max_rows=max_rows,
        max_query_bytes=max_query_bytes,
        max_concurrent=max_concurrent,
        cache_bytes=cache_mb * 1024 * 1024,
        query_workers=query_workers,
        workers=workers,
    )
    # open once here: a missing or unreadable store is one line on stderr, not a worker crash
    app = create_app(config)
    if not config.checks_host:
        click.echo(
            f"kexie-graph: serving on {host}: "
            "anyone who can reach this address can query the graph",
            err=True,
        )
    click.echo(f"kexie-graph: SPARQL endpoint http://{_url_host(host)}:{port}/sparql", err=True)
    common = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "server_header": False,
        "proxy_headers": False,
        "access_log": log_level in ("info", "debug"),
        # a GET carries the whole query in its URL: let h11 read request heads that long
        "h11_max_incomplete_event_size": config.max_body_bytes + 16 * 1024,
    }
    if workers == 1:
        uvicorn.run(app, **common)  # type: ignore[arg-type]
        return
    app.state.endpoint.executor.close()
    os.environ[CONFIG_ENV] = config.to_json()
    uvicorn.run(
        "kexie_graph.server.app:app_from_env",
        factory=True,
        workers=workers,
        **common,  # type: ignore[arg-type]
    )


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def main(argv: list[str] | None = None) -> int:
    """Run ``serve`` alone (``python -m kexie_graph.cli.serve_cmd``), with the CLI's exit codes."""
    try:
        serve.main(args=argv, prog_name="kexie-graph serve", standalone_mode=False)
    except KexieError as error:
        click.echo(f"kexie-graph: error: {' '.join(str(error).split())}", err=True)
        return 1
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Abort:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
