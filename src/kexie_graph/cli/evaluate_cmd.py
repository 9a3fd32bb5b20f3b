"""``kexie-graph evaluate``: score the extractor (or a built store) against gold readings.

Prints precision, recall and F1 per entity class and overall, for posts, relations and figures, one
row per article and a total, with a baseline row (jieba posseg nt/ns/nr over the same texts); writes
the same as JSON with ``--json``. Scoring conventions: :mod:`kexie_graph.evaluate`.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..records import TOP_CLASSES

__all__ = ["evaluate"]


@click.command("evaluate")
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--gold",
    "gold_paths",
    required=True,
    multiple=True,
    type=click.Path(path_type=Path),
    help="Gold readings: a folder of *.yaml (data/reference) or files; repeatable.",
)
@click.option(
    "--store",
    "store",
    type=click.Path(path_type=Path),
    help="Score a built store instead of extracting.",
)
@click.option(
    "--exclude",
    "exclude",
    multiple=True,
    metavar="PATTERN",
    help="Leave out articles whose id matches (glob); repeatable.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the scores as JSON.",
)
@click.option("--details", is_flag=True, help="List each article's missing and extra items.")
def evaluate(
    articles: tuple[Path, ...],
    gold_paths: tuple[Path, ...],
    store: Path | None,
    exclude: tuple[str, ...],
    json_out: Path | None,
    details: bool,
) -> None:
    """Score ARTICLES (files or folders; extracted now) or a --store against --gold readings."""
    from ..evaluate import (
        evaluate as run,
    )
    from ..evaluate import (
        find_gold_files,
        load_gold,
        readings_from_store,
        write_json,
    )

    if bool(articles) == bool(store):
        raise click.UsageError("give either article files/folders or --store DIR (not both)")
    golds = [load_gold(p) for p in find_gold_files(list(gold_paths))]
    if store is not None:
        if not store.is_dir():
            raise InputError(
                f"{store}: no store there; build one with "
                f"`kexie-graph build ARTICLES --out {store}`"
            )
        readings = [r for r in readings_from_store(store) if not _excluded(r.article.id, exclude)]
        texts = None
    else:
        from ..articles import collect_paths, load_article
        from ..extract import extract

        loaded = [load_article(p) for p in collect_paths(list(articles))]
        texts = [a for a in loaded if not _excluded(a.id, exclude)]
        readings = [extract(a) for a in texts]
    report = run(golds, readings, texts)
    if not report.rows:
        raise InputError(
            "no article matched a gold reading; name the articles of the gold files (same stem)"
        )
    console = Console()
    console.print(_article_table(report))
    console.print(_class_table(report))
    for aid in report.unmatched_articles:
        click.echo(f"note: no gold reading for {aid}; not scored", err=True)
    if details:
        for row in report.rows:
            console.rule(row.article)
            for part in ("entities", "posts", "figures", "relations"):
                console.print(f"[bold]missing {part}[/]: {'; '.join(row.missing.get(part, []))}")
                console.print(f"[bold]extra {part}[/]: {'; '.join(row.extra.get(part, []))}")
    if json_out is not None:
        write_json(json_out, report)
        click.echo(f"wrote {json_out}", err=True)


def _excluded(article_id: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(article_id, p) for p in patterns)


def _f(x: float) -> str:
    return f"{x:.2f}"


def _article_table(report) -> Table:  # type: ignore[no-untyped-def]
    table = Table(title="F1 per article (precision/recall in the JSON)")
    for col in ("article", "entities", "organisations", "posts", "relations", "figures"):
        table.add_column(col, justify="left" if col == "article" else "right")
    for row in report.rows:
        table.add_row(
            row.article,
            _f(row.entities_all.f1),
            _f(row.entities["Organization"].f1),
            _f(row.posts.f1),
            _f(row.relations.f1),
            _f(row.figures.f1),
        )
    t, b = report.total, report.baseline
    table.add_section()
    table.add_row(
        "[bold]total[/]",
        _f(t.entities_all.f1),
        _f(t.entities["Organization"].f1),
        _f(t.posts.f1),
        _f(t.relations.f1),
        _f(t.figures.f1),
    )
    table.add_row(
        "baseline (jieba nt/ns/nr)",
        _f(b.entities_all.f1),
        _f(b.entities["Organization"].f1),
        _f(b.posts.f1),
        _f(b.relations.f1),
        _f(b.figures.f1),
    )
    return table


def _class_table(report) -> Table:  # type: ignore[no-untyped-def]
    table = Table(title="total: precision / recall / F1 (baseline F1)")
    for col in ("", "P", "R", "F1", "baseline F1", "tp/gold/predicted"):
        table.add_column(col, justify="left" if not col else "right")
    t, b = report.total, report.baseline
    rows = [(c, t.entities[c], b.entities[c]) for c in TOP_CLASSES]
    rows += [
        ("entities (all)", t.entities_all, b.entities_all),
        ("posts", t.posts, b.posts),
        ("relations", t.relations, b.relations),
        ("figures", t.figures, b.figures),
        ("figures (strict years)", t.figures_strict, b.figures),
    ]
    for name, s, base in rows:
        table.add_row(
            name,
            _f(s.precision),
            _f(s.recall),
            _f(s.f1),
            _f(base.f1),
            f"{s.tp}/{s.gold}/{s.predicted}",
        )
    return table
