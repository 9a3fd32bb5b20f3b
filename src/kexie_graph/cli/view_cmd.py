"""``kexie-graph view``: write an interactive, self-contained HTML view of a store.

The whole graph, one entity's neighbourhood (``--focus NAME --hops N``), some classes, predicates or
articles, or the result of a SPARQL CONSTRUCT or SELECT query (``--query FILE.rq``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import ViewError

__all__ = ["open_source", "view"]

_RDF_FILES = {".trig": "TRIG", ".nq": "N_QUADS", ".ttl": "TURTLE", ".nt": "N_TRIPLES"}


def open_source(path: Path) -> Any:
    """Open what ``--store`` names: a store folder (read-only), or a TriG/N-Quads/Turtle file."""
    if path.is_file() and path.suffix.lower() in _RDF_FILES:
        import pyoxigraph as ox

        store = ox.Store()
        try:
            store.bulk_load(
                path.read_bytes(), getattr(ox.RdfFormat, _RDF_FILES[path.suffix.lower()])
            )
        except (SyntaxError, ValueError, OSError) as error:
            raise ViewError(
                f"cannot read {path}: {error}; give a valid RDF file or a store folder"
            ) from error
        return store
    if not path.is_dir():
        raise ViewError(
            f"no store at {path}: build one with `kexie-graph build ARTICLES --out {path}`, "
            "or give a .trig file"
        )
    try:
        from ..store import open_store
    except ImportError as error:  # the store module ships with the build command
        raise ViewError(
            f"cannot open the store {path}: the store module is missing ({error})"
        ) from error
    return open_store(path, read_only=True)


def _split(values: tuple[str, ...]) -> list[str] | None:
    items = [piece.strip() for value in values for piece in value.split(",") if piece.strip()]
    return items or None


@click.command("view")
@click.option(
    "--store",
    "store_path",
    required=True,
    type=click.Path(path_type=Path),
    help="Store folder written by `build` (or a .trig/.nq file).",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write.",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Labels shown first.",
)
@click.option(
    "--focus",
    "focus_name",
    metavar="NAME",
    help="Only this entity's neighbourhood (a zh/en name, alias or IRI).",
)
@click.option(
    "--hops",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Size of the --focus neighbourhood.",
)
@click.option(
    "--query",
    "query_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.rq",
    help="Draw the result of this SPARQL CONSTRUCT or SELECT query.",
)
@click.option(
    "--classes",
    multiple=True,
    metavar="CLASS[,CLASS]",
    help="Keep entities of these classes (Organization, Person, ...).",
)
@click.option(
    "--predicates",
    multiple=True,
    metavar="P[,P]",
    help="Keep these relations (partnerOf, kx:organizes, holdsPost, ...).",
)
@click.option(
    "--articles",
    multiple=True,
    metavar="ID[,ID]",
    help="Keep what these articles state (IDs or IRIs).",
)
@click.option(
    "--size-by",
    type=click.Choice(["degree", "pagerank", "betweenness", "none"]),
    default="degree",
    show_default=True,
    help="What node size shows.",
)
@click.option(
    "--layout",
    type=click.Choice(["auto", "fixed", "physics"]),
    default="auto",
    show_default=True,
    help="fixed: precomputed; physics: settle in the browser; auto: physics for small graphs.",
)
@click.option("--title", help="Page title (default: the store's name).")
def view(
    store_path: Path,
    out: Path,
    lang: str,
    focus_name: str | None,
    hops: int,
    query_file: Path | None,
    classes: tuple[str, ...],
    predicates: tuple[str, ...],
    articles: tuple[str, ...],
    size_by: str,
    layout: str,
    title: str | None,
) -> None:
    """Write an interactive view of the graph: one HTML file that works offline."""
    from ..views import focus, from_query, project, write_view

    query = None
    if query_file is not None:
        try:
            query = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise ViewError(
                f"cannot read the query file {query_file}: {reason}; give a UTF-8 .rq file"
            ) from error
    source = open_source(store_path)
    try:
        if query is not None:
            graph = from_query(source, query)
        else:
            graph = project(
                source,
                classes=_split(classes),
                predicates=_split(predicates),
                articles=_split(articles),
            )
    finally:
        close = getattr(source, "close", None)
        if callable(close):
            close()
    if focus_name is not None:
        graph = focus(graph, focus_name, hops)
    name = store_path.name or str(store_path)
    default_title = f"{focus_name} · {hops} 跳 · {name}" if focus_name else f"kexie-graph · {name}"
    path = write_view(
        graph,
        out,
        title=title or default_title,
        label_lang=lang,
        size_by=None if size_by == "none" else size_by,  # type: ignore[arg-type]
        layout=layout,  # type: ignore[arg-type]
    )
    click.echo(
        f"wrote {path} ({graph.number_of_nodes()} entities, {graph.number_of_edges()} relations)"
    )
