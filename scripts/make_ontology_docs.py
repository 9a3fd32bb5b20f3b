"""Write the ontology's documentation: ``docs/ontology/index.html`` (pyLODE) and ``model.md``.

Usage: ``python scripts/make_ontology_docs.py [--out docs/ontology] [--check]``. With ``--check`` it
writes nothing and exits 1 when a file on disk differs from what it would write (for CI).

The diagrams are generated from ``ontology/kexie.ttl`` (kinds, alignments, and the relation
properties' ``schema:domainIncludes`` / ``schema:rangeIncludes``), so they follow the ontology.
pyLODE is a development dependency; it is imported only by :func:`make_html`.
"""

from __future__ import annotations

import argparse
import sys
import types
from collections import defaultdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kexie_graph.graph.ontology import ontology_graph, ontology_path
from kexie_graph.graph.vocab import PREDICATES
from kexie_graph.namespaces import KX, PREFIXES, SCHEMA
from kexie_graph.records import TOP_CLASSES

__all__ = ["main", "make_html", "make_mermaid"]

ROOT = Path(__file__).resolve().parents[1]

#: The provenance and figure model of docs/ARCHITECTURE.md ("RDF written per article"): edges
#: between resources that are not entities, most of them with external properties.
PROVENANCE_EDGES: tuple[tuple[str, str, str], ...] = (
    ("schema:NewsArticle", "kx:text", "nif:Context"),
    ("schema:NewsArticle", "schema:mentions", "kx:Organization"),
    ("nif:Phrase", "nif:referenceContext", "nif:Context"),
    ("nif:Phrase", "itsrdf:taIdentRef", "kx:Organization"),
    ("nif:Phrase", "prov:wasGeneratedBy", "kx:ExtractionRule"),
    ("kx:EvidenceSpan", "nif:referenceContext", "nif:Context"),
    ("kx:Assertion", "rdf:subject", "kx:Organization"),
    ("kx:Assertion", "prov:wasDerivedFrom", "kx:EvidenceSpan"),
    ("kx:Assertion", "kx:during", "time:ProperInterval"),
    ("kx:Assertion", "kx:inArticle", "schema:NewsArticle"),
    ("kx:Assertion", "prov:wasGeneratedBy", "kx:ExtractionRule"),
    ("org:Post", "org:postIn", "kx:Organization"),
    ("org:Post", "org:heldBy", "kx:Person"),
    ("org:Post", "org:role", "org:Role"),
    ("org:Post", "prov:wasDerivedFrom", "kx:EvidenceSpan"),
    ("kx:Figure", "kx:unit", "kx:Unit"),
    ("kx:Figure", "kx:figureKind", "kx:FigureKind"),
    ("kx:Figure", "kx:about", "kx:Place"),
    ("kx:Figure", "kx:refPeriod", "time:ProperInterval"),
    ("kx:Figure", "prov:wasDerivedFrom", "kx:EvidenceSpan"),
)


def _curie(iri: URIRef | str) -> str:
    text = str(iri)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text


def _node_id(curie: str) -> str:
    # Mermaid class names: letters, digits and underscores only.
    return curie.replace(":", "_").replace("-", "_")


def _label(graph: Graph, node: URIRef, lang: str) -> str:
    for label in graph.objects(node, RDFS.label):
        if getattr(label, "language", None) == lang:
            return str(label)
    return _curie(node)


def _classes_diagram(graph: Graph) -> list[str]:
    lines = ["```mermaid", "classDiagram", "    direction LR"]
    for top in TOP_CLASSES:
        cls = KX[top]
        ident = _node_id(_curie(cls))
        kinds = sorted(
            _curie(k).split(":", 1)[1]
            for k in graph.subjects(RDFS.subClassOf, cls)
            if isinstance(k, URIRef)
        )
        head = f'    class {ident}["kx:{top} {_label(graph, cls, "zh")}"]'
        if kinds:
            lines.append(head + " {")
            lines.extend(f"        {kind}" for kind in kinds)
            lines.append("    }")
        else:
            lines.append(head)
        for parent in sorted(graph.objects(cls, RDFS.subClassOf), key=str):
            if isinstance(parent, URIRef):
                lines.append(f"    {_node_id(_curie(parent))} <|-- {ident}")
    lines.append("```")
    return lines


def _relations_diagram(graph: Graph) -> list[str]:
    tops = {KX[t] for t in TOP_CLASSES}
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    # The reading's predicates only: their inverses (kx:hasPart, kx:organizedBy ...) would draw
    # every edge twice.
    primary = {p for p in PREDICATES.values() if str(p).startswith(str(KX))}
    for prop in sorted(set(graph.subjects(RDF.type, OWL.ObjectProperty)), key=str):
        if prop not in primary:
            continue
        domains = [d for d in graph.objects(prop, SCHEMA.domainIncludes) if d in tops]
        ranges = [r for r in graph.objects(prop, SCHEMA.rangeIncludes) if r in tops]
        for d in domains:
            for r in ranges:
                edges[(_curie(d), _curie(r))].append(_curie(prop).split(":", 1)[1])
    lines = ["```mermaid", "flowchart LR"]
    for top in TOP_CLASSES:
        lines.append(f'    {_node_id("kx:" + top)}["kx:{top}"]')
    for (d, r), props in sorted(edges.items()):
        lines.append(f'    {_node_id(d)} -- "{", ".join(sorted(props))}" --> {_node_id(r)}')
    lines.append("```")
    return lines


def _provenance_diagram() -> list[str]:
    lines = ["```mermaid", "flowchart LR"]
    for source, prop, target in PROVENANCE_EDGES:
        lines.append(
            f'    {_node_id(source)}["{source}"] -- "{prop}" --> {_node_id(target)}["{target}"]'
        )
    lines.append("```")
    return lines


def make_mermaid(graph: Graph) -> str:
    """Return ``model.md``: the classes, the relations between them, and the provenance model."""
    out = [
        "# The kexie-graph model",
        "",
        "Generated from `ontology/kexie.ttl` by `scripts/make_ontology_docs.py`;",
        "do not edit by hand.",
        "The full reference is [index.html](index.html).",
        "",
        "## Top-level classes, their kinds and alignments",
        "",
        *_classes_diagram(graph),
        "",
        "## Relations between entities",
        "",
        "Edges follow each property's `schema:domainIncludes` and `schema:rangeIncludes` (loose:",
        "an edge says the property may link the two classes). Inverses are left out.",
        "`kx:partnerOf` and `kx:pairsWith` are symmetric; `kx:locatedIn` and `kx:partOf` are",
        "transitive; sub-organizations use `org:subOrganizationOf`.",
        "",
        *_relations_diagram(graph),
        "",
        "## Provenance, posts and figures",
        "",
        "Every relation is also a `kx:Assertion`; posts, assertions and figures point at the",
        "`kx:EvidenceSpan` that states them (NIF offsets into the article's original text).",
        "",
        *_provenance_diagram(),
        "",
    ]
    return "\n".join(out)


def _import_pylode() -> types.ModuleType:
    try:
        pylode_version = version("pylode")
    except PackageNotFoundError as exc:
        raise SystemExit("pyLODE is not installed: pip install 'kexie-graph[dev]'") from exc
    # pyLODE 3.4.1 reads its version from a pyproject.toml that its wheel does not ship, so its
    # import fails; give it the version from the installed metadata instead.
    shim = types.ModuleType("pylode.version")
    shim.__version__ = pylode_version  # type: ignore[attr-defined]
    sys.modules.setdefault("pylode.version", shim)
    import pylode

    return pylode


def make_html(path: Path | None = None) -> str:
    """Return the pyLODE HTML page of the ontology at ``path`` (default: the packaged one)."""
    pylode = _import_pylode()
    return str(pylode.OntPub(ontology=str(path or ontology_path())).make_html())


def main(argv: list[str] | None = None) -> int:
    """Write (or, with ``--check``, compare) ``index.html`` and ``model.md``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "ontology")
    parser.add_argument("--check", action="store_true", help="exit 1 if the files are stale")
    args = parser.parse_args(argv)
    files = {"model.md": make_mermaid(ontology_graph()), "index.html": make_html()}
    stale = []
    for name, content in files.items():
        target: Path = args.out / name
        if args.check:
            if not target.is_file() or target.read_text(encoding="utf-8") != content:
                stale.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        print(f"wrote {target}")
    if stale:
        print(
            f"stale: {', '.join(stale)}; run python scripts/make_ontology_docs.py", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
