"""``kexie-graph build`` and ``kexie-graph summary``."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from ..errors import StoreError, ValidationError

__all__ = ["build", "summary"]

_STAGES = {
    "read": "reading articles",
    "extract": "extracting",
    "entail": "entailments",
    "write": "writing",
}


@click.command()
# readable=False: the loader reports an unreadable article in one line with exit 1; click's own
# check would make it a usage error (exit 2, three lines)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="Build folder (kg.trig + store).",
)
@click.option("--no-validate", is_flag=True, help="Do not fail the build on SHACL violations.")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes (default: all cores).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(1),
    default=20 * 1024 * 1024,
    show_default=True,
    help="Size cap per file.",
)
@click.option(
    "--curation",
    type=click.Path(path_type=Path),
    default=None,
    help="A curation file (merge, rename, split, block, add, remove).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary.")
def build(
    paths: tuple[Path, ...],
    out: Path,
    no_validate: bool,
    jobs: int | None,
    max_bytes: int,
    curation: Path | None,
    quiet: bool,
) -> None:
    """Build the knowledge graph of article files (or folders of *.txt) into OUT/kg.trig and a
    store."""
    from ..corpus import build as run_build

    err = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def tick(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_STAGES.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        try:
            report = run_build(
                list(paths),
                out,
                validate=not no_validate,
                jobs=jobs,
                max_bytes=max_bytes,
                curation=curation,
                progress=tick,
            )
        except ValidationError as error:
            bar.stop()
            for line in error.report.splitlines()[:10]:
                click.echo(line, err=True)
            raise
    if not quiet:
        reused = sum(a.reused for a in report.articles)
        shacl = (
            "conforms"
            if report.conforms
            else ("NOT validated" if not report.validated else "violations")
        )
        click.echo(
            f"built {len(report.articles)} articles ({reused} unchanged) into {out}: "
            f"{report.quads} quads, {report.entailed} entailed, SHACL {shacl}, "
            f"{report.seconds:.1f} s"
        )


@click.command()
@click.option(
    "--store", "store", required=True, type=click.Path(path_type=Path), help="Build folder."
)
@click.option(
    "--questions/--no-questions", default=False, help="Also answer the competency questions."
)
def summary(store: Path, questions: bool) -> None:
    """Print a build's summary: entities per class, relations, figures, SHACL, competency
    answers."""
    from ..summary import competency_table, counts

    report_file = store / "build.json"
    if not report_file.exists():
        raise StoreError(
            f"{store}: no build found (build.json missing); "
            f"run `kexie-graph build ARTICLES --out {store}` first"
        )
    report = json.loads(report_file.read_text(encoding="utf-8"))
    console = Console()
    table = Table(title=f"kexie-graph build {store}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in counts(store):
        table.add_row(label, str(value))
    shacl = (
        "conforms"
        if report.get("conforms")
        else ("not validated" if not report.get("validated") else "violations")
    )
    table.add_row("SHACL", shacl)
    console.print(table)
    if questions:
        console.print(competency_table(store))
