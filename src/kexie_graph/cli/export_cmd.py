"""``kexie-graph export``: write a store as RDF (ttl, trig, nt, jsonld) or a property graph."""

from __future__ import annotations

from pathlib import Path

import click

from ..export import FORMATS, GRAPH_SCOPES
from ..export import export as run_export
from ._common import store_option

__all__ = ["export"]


@click.command()
@store_option
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(FORMATS),
    help="RDF (ttl, trig, nt, jsonld) or the entity graph (graphml, gexf, csv).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Output file (default: standard output); for csv, where nodes.csv and edges.csv go.",
)
@click.option(
    "--graph",
    "scope",
    type=click.Choice(GRAPH_SCOPES),
    default="all",
    show_default=True,
    help="RDF formats: every graph, only the article and lexicon graphs, or their union.",
)
def export(store_dir: Path, fmt: str, out: Path | None, scope: str) -> None:
    """Export the knowledge graph in the store as ttl, trig, nt, jsonld, graphml, gexf or csv.

    TriG and JSON-LD keep the named graphs (--graph union merges them); Turtle and N-Triples hold
    each triple once. GraphML, GEXF and CSV hold the entities and the relations between them, with
    their labels, classes and evidence, for Gephi and property-graph databases. Without --out the
    export goes to standard output; csv needs --out (nodes.csv and edges.csv go in its folder).
    """
    written = run_export(store_dir, fmt, out, graph=scope)
    for path in written:
        click.echo(f"wrote {path}", err=True)
