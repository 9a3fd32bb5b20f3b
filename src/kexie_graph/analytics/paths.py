"""Shortest paths between two named entities, each hop with the evidence for its relations.

Names are resolved against the entities' zh and en labels, aliases and IRIs (ignoring case and
surrounding space). The path is the fewest relations from one entity to the other, whichever way
each relation points. A hop lists every relation between its two entities, with its direction
and its evidence: the article, offsets and anchor of the evidence span that the assertion (or
post) was derived from, the sentence around it, and the span's IRI
(``kxr:article/<id>/evidence/<begin>-<end>``, the scheme of
:func:`kexie_graph.graph.iris.span_iri`).
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import networkx as nx
import pandas as pd

from ..errors import ViewError
from ..graph.iris import span_iri
from ..namespaces import KXR
from ..records import Span
from ..views.project import Source, node_names
from .graphs import entity_graph

__all__ = ["PATH_COLUMNS", "EntityPath", "Hop", "HopRelation", "resolve", "shortest_path"]

_ARTICLE = f"{KXR}article/"
_CLOSE = 5

#: the columns of :meth:`EntityPath.frame`
PATH_COLUMNS: tuple[str, ...] = (
    "step",
    "source",
    "source_label",
    "target",
    "target_label",
    "predicate",
    "label_zh",
    "label_en",
    "direction",
    "article",
    "begin",
    "end",
    "anchor",
    "evidence",
)


@dataclass(frozen=True)
class HopRelation:
    """One relation between the two entities of a hop.

    ``direction``: ``forward`` when the relation points along the path, ``backward`` when it
    points against it, ``both`` for an edge of an undirected graph. ``evidence`` items are dicts
    with ``article, begin, end, anchor`` (and ``sentence, sentence_begin, evidence`` when known).
    """

    name: str
    predicate: str
    label_zh: str
    label_en: str
    direction: str
    evidence: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Hop:
    """One step of a path: from ``source`` to ``target`` (IRIs) through ``relations``."""

    source: str
    target: str
    source_label: str
    target_label: str
    relations: tuple[HopRelation, ...]


@dataclass(frozen=True)
class EntityPath:
    """A shortest path: its entities (IRIs, in order) and its hops."""

    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]

    def __len__(self) -> int:
        return len(self.hops)

    def frame(self) -> pd.DataFrame:
        """Return one row per hop, relation and evidence item (see :data:`PATH_COLUMNS`).

        A relation without evidence (a lexicon entry's) gives one row with empty evidence.
        """
        rows = []
        for step, hop in enumerate(self.hops, start=1):
            for rel in hop.relations:
                head = [
                    step,
                    hop.source,
                    hop.source_label,
                    hop.target,
                    hop.target_label,
                    rel.predicate,
                    rel.label_zh,
                    rel.label_en,
                    rel.direction,
                ]
                for item in rel.evidence or ({},):
                    rows.append(
                        [
                            *head,
                            item.get("article", ""),
                            item.get("begin", pd.NA),
                            item.get("end", pd.NA),
                            item.get("anchor", ""),
                            item.get("evidence", ""),
                        ]
                    )
        frame = pd.DataFrame(rows, columns=list(PATH_COLUMNS))
        return frame.astype({"begin": "Int64", "end": "Int64"})


def _label(graph: nx.Graph, node: Hashable) -> str:
    data = graph.nodes[node]
    return str(data.get("label_zh") or data.get("label") or data.get("label_en") or node)


def resolve(graph: nx.Graph, name: str) -> list[Hashable]:
    """Return the nodes called ``name`` (a zh or en label, an alias or an IRI), in graph order.

    If none is, :class:`ViewError` lists up to five close names (difflib, then substrings).
    """
    wanted = name.strip().casefold()
    index: dict[str, list[Hashable]] = defaultdict(list)
    for node in graph.nodes:
        for n in node_names(graph, node):
            index[n.strip().casefold()].append(node)
    found = list(dict.fromkeys(index.get(wanted, [])))
    if found:
        return found
    names = sorted({n for node in graph.nodes for n in node_names(graph, node)[:-1]})
    close = difflib.get_close_matches(name.strip(), names, n=_CLOSE, cutoff=0.4)
    more = [n for n in names if wanted and wanted in n.casefold() and n not in close]
    close += more[: _CLOSE - len(close)]
    hint = f"close matches: {', '.join(close)}" if close else "no name is close to it"
    raise ViewError(
        f"no entity named {name!r} in the graph; {hint} (give a label, an alias or an IRI)"
    )


def _evidence(items: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    out = []
    for item in items:
        item = dict(item)
        article = str(item.get("article", ""))
        begin, end = item.get("begin"), item.get("end")
        if (
            article.startswith(_ARTICLE)
            and isinstance(begin, int)
            and isinstance(end, int)
            and 0 <= begin <= end
        ):
            aid = article[len(_ARTICLE) :]
            item.setdefault("evidence", str(span_iri(aid, "evidence", [Span(begin, end)])))
        out.append(item)
    return tuple(out)


def _edges_between(
    graph: nx.Graph, u: Hashable, v: Hashable
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (direction, key, attributes) of every edge between ``u`` and ``v``."""
    directed = graph.is_directed()
    pairs = [("forward", u, v), ("backward", v, u)] if directed else [("both", u, v)]
    for direction, a, b in pairs:
        data = graph.get_edge_data(a, b)
        if data is None:
            continue
        if graph.is_multigraph():
            for key, attrs in sorted(data.items(), key=lambda kv: str(kv[0])):
                yield direction, str(key), attrs
        else:
            yield direction, str(data.get("name") or ""), data


def _hop(graph: nx.Graph, u: Hashable, v: Hashable) -> Hop:
    relations = []
    for direction, key, attrs in _edges_between(graph, u, v):
        name = str(attrs.get("name") or key or "related")
        relations.append(
            HopRelation(
                name=name,
                predicate=str(attrs.get("predicate") or ""),
                label_zh=str(attrs.get("label_zh") or name),
                label_en=str(attrs.get("label_en") or name),
                direction=direction,
                evidence=_evidence(attrs.get("evidence", ())),
            )
        )
    return Hop(
        source=str(graph.nodes[u].get("iri") or u),
        target=str(graph.nodes[v].get("iri") or v),
        source_label=_label(graph, u),
        target_label=_label(graph, v),
        relations=tuple(relations),
    )


def shortest_path(
    source: Source | nx.Graph,
    start: str,
    end: str,
    *,
    classes: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
) -> EntityPath:
    """Return a shortest path from the entity named ``start`` to the one named ``end``.

    ``source`` is a store (projected with the ``classes`` / ``predicates`` filters) or a
    networkx graph of entities (a projection, :func:`.graphs.organisations`,
    :func:`.graphs.cooccurrence`). When a name fits several entities, the shortest of their
    paths is taken (ties: by IRI). A name that fits none, or two entities that no chain of
    relations links, raise :class:`ViewError`.
    """
    graph = entity_graph(source, classes=classes, predicates=predicates)
    starts, ends = resolve(graph, start), resolve(graph, end)
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    best: list[Hashable] | None = None
    for a in sorted(starts, key=str):
        lengths = nx.single_source_shortest_path_length(undirected, a)
        reachable = sorted((lengths[b], str(b), b) for b in ends if b in lengths)
        if reachable and (best is None or reachable[0][0] < len(best) - 1):
            best = nx.shortest_path(undirected, a, reachable[0][2])
    if best is None:
        raise ViewError(
            f"no path between {start!r} and {end!r}: no chain of relations links them here; "
            "try a larger graph (fewer filters) or the co-occurrence graph"
        )
    hops = tuple(_hop(graph, u, v) for u, v in pairwise(best))
    return EntityPath(nodes=tuple(str(graph.nodes[n].get("iri") or n) for n in best), hops=hops)
