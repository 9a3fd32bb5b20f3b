"""Build the knowledge graph of a corpus: read, extract, validate, entail, store, dump.

:func:`build` is what ``kexie-graph build`` and the notebook API call. A build

1. collects the article files and loads them (any encoding, optional metadata, saved web pages);
2. extracts each changed article in a process pool (an unchanged article, same text and same
   extractor, is reused from the build folder's cache), and validates its graph against the SHACL
   shapes (per article, so validation stays fast at corpus size);
3. materialises the entailments over all article graphs and the ontology;
4. writes ``kg.trig`` and a new store generation atomically: a failed build leaves the earlier one
   intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox

from . import __version__
from .articles import collect_paths, load_article
from .curation import Curation, apply_curation, load_curation
from .errors import InputError, ValidationError
from .fsutil import atomic_write_bytes, atomic_write_text, remove_stale_temporaries
from .graph import iris
from .graph.dataset import graph_quads, reading_quads, sorted_quads, trig_bytes
from .records import Article
from .text import DEFAULT_MAX_BYTES

__all__ = ["ArticleResult", "BuildReport", "build", "extractor_fingerprint"]

CACHE_DIR = "cache"
MANIFEST = "manifest.json"
REPORT = "build.json"
TRIG = "kg.trig"


@dataclass
class ArticleResult:
    """What one article contributed to a build."""

    id: str
    path: str
    sha256: str
    reused: bool
    entities: dict[str, int]
    relations: int
    posts: int
    figures: int
    mentions: int
    conforms: bool
    violations: int
    warnings: int
    report: str = ""


@dataclass
class BuildReport:
    """The summary of a build (also written to ``build.json`` in the build folder)."""

    out: str
    articles: list[ArticleResult] = field(default_factory=list)
    quads: int = 0
    entailed: int = 0
    seconds: float = 0.0
    validated: bool = True
    version: str = __version__

    @property
    def conforms(self) -> bool:
        """Whether every article graph conforms to the shapes."""
        return all(a.conforms for a in self.articles)

    def entities_by_class(self) -> dict[str, int]:
        """Entities per top-level class, summed over articles (an entity named twice counts
        twice)."""
        total: Counter[str] = Counter()
        for a in self.articles:
            total.update(a.entities)
        return dict(sorted(total.items()))

    def to_json(self) -> str:
        """Return the report as JSON."""
        data = asdict(self)
        data["conforms"] = self.conforms
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def extractor_fingerprint() -> str:
    """A digest of the extractor's code, lexicon and ontology: a change invalidates cached
    articles."""
    h = hashlib.sha256(__version__.encode())
    pkg = resources.files("kexie_graph")
    for folder in ("extract", "text", "graph", "lexicon", "ontology"):
        base = pkg / folder
        for entry in sorted(_walk(base), key=lambda e: e.name):
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    return h.hexdigest()[:16]


def _walk(base: Traversable) -> Iterator[Traversable]:
    for entry in base.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry)
        elif entry.name.endswith((".py", ".yaml", ".tsv", ".ttl")):
            yield entry


@lru_cache(maxsize=4)
def _curation(path: str | None) -> Curation | None:
    return load_curation(path) if path else None


def _extract_one(
    article: Article, validate: bool, curation: str | None = None
) -> tuple[ArticleResult, bytes]:
    """Extract, curate, build and validate one article (runs in a worker process)."""
    from .extract import extract
    from .graph.validate import validate as shacl_validate

    reading = extract(article)
    cur = _curation(curation)
    if cur is not None:
        reading = apply_curation(reading, cur)
    graph, quads = reading_quads(reading)
    conforms, violations, warnings, report = True, 0, 0, ""
    if validate:
        result = shacl_validate(graph)
        conforms, violations, warnings = result.conforms, result.violations, result.warnings
        report = "" if result.conforms else result.first_lines(12)
    counts = Counter(e.cls for e in reading.entities)
    res = ArticleResult(
        id=article.id,
        path=article.path,
        sha256=article.sha256,
        reused=False,
        entities=dict(sorted(counts.items())),
        relations=len(reading.relations),
        posts=len(reading.posts),
        figures=len(reading.figures),
        mentions=sum(len(m.spans) for m in reading.mentions),
        conforms=conforms,
        violations=violations,
        warnings=warnings,
        report=report,
    )
    # without an output, serialize returns the bytes (its stub says bytes | None for both uses)
    return res, cast(bytes, ox.serialize(sorted_quads(quads), format=ox.RdfFormat.N_QUADS))


def _disambiguate(articles: list[Article]) -> list[Article]:
    seen: Counter[str] = Counter(a.id for a in articles)
    out = []
    for a in articles:
        if seen[a.id] > 1:
            from dataclasses import replace

            a = replace(a, id=f"{a.id}-{iris.digest(a.path)}")
        out.append(a)
    return out


def build(
    inputs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    validate: bool = True,
    jobs: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    curation: str | os.PathLike[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> BuildReport:
    """Build the knowledge graph of the articles in ``inputs`` into the folder ``out``.

    Raises :class:`InputError` for unreadable input and :class:`ValidationError` when an article's
    graph violates the shapes (unless ``validate`` is False); the earlier build in ``out`` stays
    intact.
    """
    from .graph.entail import entailments_oxigraph
    from .graph.ontology import ontology_graph
    from .store import write_store

    started = time.perf_counter()
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder; give --out a folder")
    paths = collect_paths(inputs)
    root = Path(os.path.commonpath([str(p.parent.resolve()) for p in paths]))
    tick = progress or (lambda stage, done, total: None)
    articles = []
    for i, p in enumerate(paths):
        articles.append(load_article(p, max_bytes=max_bytes, root=root))
        tick("read", i + 1, len(paths))
    articles = _disambiguate(articles)

    cur = load_curation(curation) if curation else None  # fail early on a malformed file
    cur_path = str(Path(curation).resolve()) if curation else None
    fingerprint = extractor_fingerprint() + (cur.digest if cur is not None else "")
    cache = out_dir / CACHE_DIR
    results: dict[str, ArticleResult] = {}
    nquads: dict[str, bytes] = {}
    old_manifest = _read_manifest(out_dir)
    todo: list[Article] = []
    for a in articles:
        entry = old_manifest.get(a.id)
        cached = cache / f"{a.id}.{a.sha256[:16]}.{fingerprint}.nq"
        if (
            entry
            and entry.get("sha256") == a.sha256
            and cached.exists()
            and entry.get("validated", False) >= validate
        ):
            res = ArticleResult(**{**entry["result"], "reused": True})
            results[a.id] = res
            nquads[a.id] = cached.read_bytes()
        else:
            todo.append(a)
    done = len(results)
    tick("extract", done, len(articles))
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 8)
    if len(todo) >= 4 and workers > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(todo))) as pool:
            for res, data in pool.map(
                _extract_one, todo, [validate] * len(todo), [cur_path] * len(todo), chunksize=1
            ):
                results[res.id], nquads[res.id] = res, data
                done += 1
                tick("extract", done, len(articles))
    else:
        for a in todo:
            res, data = _extract_one(a, validate, cur_path)
            results[res.id], nquads[res.id] = res, data
            done += 1
            tick("extract", done, len(articles))

    failing = [r for r in results.values() if not r.conforms]
    if validate and failing:
        first = failing[0]
        raise ValidationError(
            f"{first.path}: the graph violates the SHACL shapes ({first.violations} violations"
            f"{f', and {len(failing) - 1} more articles' if len(failing) > 1 else ''}); "
            "fix the extractor or curation, or build with --no-validate",
            report=first.report,
        )

    quads: list[ox.Quad] = []
    for aid in sorted(nquads):
        quads.extend(ox.parse(nquads[aid], format=ox.RdfFormat.N_QUADS))
    quads.extend(graph_quads(ontology_graph(), str(iris.ONTOLOGY_GRAPH)))
    tick("entail", 0, 1)
    scratch = ox.Store()
    scratch.bulk_extend(quads)
    entailed = entailments_oxigraph(
        scratch, str(iris.ONTOLOGY_GRAPH), target_graph=str(iris.ENTAILMENT_GRAPH)
    )
    del scratch
    quads.extend(entailed)
    tick("entail", 1, 1)
    quads = sorted_quads(quads)

    report = BuildReport(
        out=str(out_dir),
        articles=[results[a.id] for a in articles],
        quads=len(quads),
        entailed=len(entailed),
        validated=validate,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    tick("write", 0, 1)
    for folder in (out_dir, cache):  # what an earlier build killed while writing left behind
        remove_stale_temporaries(folder)
    data = trig_bytes(quads)
    write_store(out_dir, quads)
    atomic_write_bytes(out_dir / TRIG, data)
    cache.mkdir(exist_ok=True)
    manifest = {}
    keep = set()
    for a in articles:
        name = f"{a.id}.{a.sha256[:16]}.{fingerprint}.nq"
        keep.add(name)
        if not (cache / name).exists():
            atomic_write_bytes(cache / name, nquads[a.id])
        row = asdict(results[a.id])
        row.pop("reused")
        manifest[a.id] = {"sha256": a.sha256, "path": a.path, "validated": validate, "result": row}
    for stale in cache.glob("*.nq"):
        if stale.name not in keep:
            stale.unlink()
    atomic_write_text(
        out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
    )
    report.seconds = round(time.perf_counter() - started, 3)
    atomic_write_text(out_dir / REPORT, report.to_json())
    tick("write", 1, 1)
    return report


def _read_manifest(out_dir: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
