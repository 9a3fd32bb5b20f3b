"""GraphML, GEXF and CSV tables of the entity graph, for Gephi, Cytoscape and property graphs.

The graph is the one RDF -> networkx projection (:func:`kexie_graph.views.project.project`), or
any networkx graph given directly (for example one that :meth:`kexie_graph.analytics.Measures.
annotate` has sized and coloured). GraphML and GEXF only hold strings, numbers and booleans, so
attribute values are flattened: a list of plain values becomes one string joined by ``"; "``, and
anything with dicts inside (evidence, figures, the graph's article table) becomes JSON.

CSV is two files, ``nodes.csv`` and ``edges.csv`` (UTF-8, a header row, one row per node and per
edge) with the columns Gephi's spreadsheet import and Neo4j's ``LOAD CSV`` expect::

    nodes.csv  id,label,label_en,class,kind,aliases,articles,mentions,...
    edges.csv  source,target,predicate,label,article,evidence,label_en,name,during,anchor,...

Further scalar attributes (``degree``, ``pagerank``, ``community``, ``weight``...) follow as extra
columns. ``evidence`` lists the IRIs of the evidence spans (``kxr:article/<id>/evidence/<b>-<e>``)
and ``anchor`` their text; ``article`` lists the articles that state the relation.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Hashable, Iterable
from typing import IO, Any

import networkx as nx

from ..graph.iris import span_iri
from ..namespaces import KXR
from ..records import Span
from ..views.project import project
from .common import ExportError, Input

__all__ = [
    "EDGE_COLUMNS",
    "LIST_SEPARATOR",
    "NODE_COLUMNS",
    "csv_tables",
    "entity_network",
    "flat_value",
    "flatten",
    "write_gexf",
    "write_graphml",
]

#: joins the items of a list of plain values in one attribute or cell
LIST_SEPARATOR = "; "
#: the first columns of nodes.csv and edges.csv; further scalar attributes follow, sorted
NODE_COLUMNS: tuple[str, ...] = (
    "id",
    "label",
    "label_en",
    "class",
    "kind",
    "aliases",
    "articles",
    "mentions",
)
EDGE_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "predicate",
    "label",
    "article",
    "evidence",
    "label_en",
    "name",
    "during",
    "anchor",
)
#: node and edge attributes that the fixed columns already carry (or that do not fit a cell)
_NODE_DONE = {"iri", "label", "label_zh", "label_en", "cls", "kind", "aliases", "articles"}
_NODE_DONE |= {"evidence", "facts"}
_EDGE_DONE = {"predicate", "label_zh", "label_en", "name", "articles", "evidence", "during"}
_ARTICLE = f"{KXR}article/"
_ANCHOR_SEPARATOR = " | "


def entity_network(source: Input) -> nx.Graph:
    """Return ``source`` if it is a networkx graph, else its projection to entities."""
    if isinstance(source, nx.Graph):
        return source
    return project(source)


def _plain(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def _structured(value: Any) -> bool:
    """Whether ``value`` holds more than a list of plain values (a dict, or lists of lists)."""
    if value is None or _plain(value):
        return False
    if isinstance(value, list | tuple | set | frozenset):
        return not all(_plain(item) for item in value)
    return True


def flat_value(value: Any, *, as_json: bool = False) -> str | int | float | bool | None:
    """Return ``value`` as a GraphML value: plain values as they are, a list of plain values
    joined by ``"; "``, anything else (or anything, with ``as_json``) as JSON; None stays None."""
    if value is None:
        return None
    if as_json and not _plain(value):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
    if _plain(value):
        return value
    if not _structured(value):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        return LIST_SEPARATOR.join(str(item) for item in items)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _json_keys(rows: Iterable[dict[str, Any]]) -> set[str]:
    """The attributes that hold structured values anywhere: JSON for every element, so that
    an empty list reads back as ``[]`` beside lists of dicts."""
    return {str(k) for data in rows for k, v in data.items() if _structured(v)}


def _flat_attrs(attrs: dict[str, Any], json_keys: set[str]) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        flat = flat_value(value, as_json=str(key) in json_keys)
        if flat is not None:
            out[str(key)] = flat
    return out


def flatten(graph: nx.Graph) -> nx.Graph:
    """Return a copy of ``graph`` whose graph, node and edge attributes are all flat values.

    An attribute that holds dicts (evidence, figures) on any node (or edge) is JSON on every
    node (or edge); other lists of plain values are joined by ``"; "``.
    """
    out = graph.__class__()
    out.graph.update(_flat_attrs(graph.graph, _json_keys([graph.graph])))
    node_json = _json_keys(d for _n, d in graph.nodes(data=True))
    for node, data in graph.nodes(data=True):
        out.add_node(node, **_flat_attrs(data, node_json))
    edge_json = _json_keys(d for *_e, d in graph.edges(data=True))
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(keys=True, data=True):
            out.add_edge(u, v, key=key, **_flat_attrs(data, edge_json))
    else:
        for u, v, data in graph.edges(data=True):
            out.add_edge(u, v, **_flat_attrs(data, edge_json))
    return out


def write_graphml(graph: nx.Graph, out: IO[bytes]) -> None:
    """Write ``graph`` as GraphML (attributes flattened, edge ids from the edge keys)."""
    nx.write_graphml(flatten(graph), out, encoding="utf-8", prettyprint=True)


def _rgb(colour: str) -> dict[str, int | float] | None:
    text = colour.lstrip("#")
    if len(text) != 6:
        return None
    try:
        r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return None
    return {"r": r, "g": g, "b": b, "a": 1.0}


def write_gexf(graph: nx.Graph, out: IO[bytes]) -> None:
    """Write ``graph`` as GEXF 1.2; a node's ``size`` and ``color`` also become its viz data."""
    flat = flatten(graph)
    for _node, data in flat.nodes(data=True):
        viz: dict[str, Any] = {}
        if isinstance(data.get("size"), int | float):
            viz["size"] = float(data["size"])
        colour = _rgb(str(data.get("color", "")))
        if colour is not None:
            viz["color"] = colour
        if viz:
            data["viz"] = viz
    for *_ends, data in flat.edges(data=True):
        # GEXF gives an edge a label of its own; the zh label is the one the views show first
        if "label_zh" in data and "label" not in data:
            data["label"] = data["label_zh"]
    nx.write_gexf(flat, out, encoding="utf-8", prettyprint=True, version="1.2draft")


def _evidence_iris(items: Iterable[dict[str, Any]]) -> list[str]:
    iris = []
    for item in items:
        article = str(item.get("article", ""))
        begin, end = item.get("begin"), item.get("end")
        if article.startswith(_ARTICLE) and isinstance(begin, int) and isinstance(end, int):
            iris.append(str(span_iri(article[len(_ARTICLE) :], "evidence", [Span(begin, end)])))
    return list(dict.fromkeys(iris))


def _extras(rows: Iterable[dict[str, Any]], done: set[str], fixed: Iterable[str]) -> list[str]:
    """Scalar attributes not covered by the fixed columns, sorted by name."""
    skip = done | set(fixed)
    names: set[str] = set()
    for data in rows:
        names.update(k for k, v in data.items() if k not in skip and _plain(v))
    return sorted(names)


def _cell(value: Any) -> Any:
    flat = flat_value(value)
    return "" if flat is None else flat


def _table(columns: list[str], rows: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8")


def _node_row(node: Hashable, data: dict[str, Any]) -> dict[str, Any]:
    row = dict(data)
    row.update(
        {
            "id": str(data.get("iri") or node),
            "label": str(data.get("label_zh") or data.get("label") or data.get("label_en") or node),
            "label_en": str(data.get("label_en") or ""),
            "class": str(data.get("cls") or ""),
            "kind": str(data.get("kind") or ""),
            "aliases": list(data.get("aliases", ())),
            "articles": list(data.get("articles", ())),
            "mentions": len(data.get("evidence", ())),
        }
    )
    return row


def _edge_row(
    graph: nx.Graph, u: Hashable, v: Hashable, key: Any, data: dict[str, Any]
) -> dict[str, Any]:
    evidence = list(data.get("evidence", ()))
    row = dict(data)
    row.update(
        {
            "source": str(graph.nodes[u].get("iri") or u),
            "target": str(graph.nodes[v].get("iri") or v),
            "predicate": str(data.get("predicate") or ""),
            "label": str(data.get("label_zh") or data.get("name") or key or ""),
            "article": list(data.get("articles", ())),
            "evidence": _evidence_iris(evidence),
            "label_en": str(data.get("label_en") or ""),
            "name": str(data.get("name") or key or ""),
            "during": list(data.get("during", ())),
            "anchor": _ANCHOR_SEPARATOR.join(str(e.get("anchor", "")) for e in evidence),
        }
    )
    return row


def csv_tables(graph: nx.Graph) -> tuple[bytes, bytes]:
    """Return the bytes of ``nodes.csv`` and ``edges.csv`` for ``graph``."""
    nodes = [_node_row(n, d) for n, d in graph.nodes(data=True)]
    if graph.is_multigraph():
        edge_items = list(graph.edges(keys=True, data=True))
    else:
        edge_items = [(u, v, None, d) for u, v, d in graph.edges(data=True)]
    edges = [_edge_row(graph, u, v, k, d) for u, v, k, d in edge_items]
    node_columns = [
        *NODE_COLUMNS,
        *_extras((d for _n, d in graph.nodes(data=True)), _NODE_DONE, NODE_COLUMNS),
    ]
    edge_data = (d for *_e, d in edge_items)
    edge_columns = [*EDGE_COLUMNS, *_extras(edge_data, _EDGE_DONE, EDGE_COLUMNS)]
    ids = [row["id"] for row in nodes]
    if len(set(ids)) != len(ids):
        raise ExportError("two nodes share an IRI, so nodes.csv cannot key them; export GraphML")
    return _table(node_columns, nodes), _table(edge_columns, edges)
