"""Node positions and node sizes for a view, computed in compiled code (igraph) so large graphs stay
fast.

networkx's own spring and ForceAtlas2 layouts build dense n×n arrays, which at 20k nodes costs
gigabytes and minutes. Here each connected component is laid out by igraph's Fruchterman–Reingold
(with its grid approximation above ``GRID_ABOVE`` nodes, which makes a step close to linear), scaled
so that its median edge has the same length, and the components are packed in rows, largest first,
with isolated nodes in a grid at the end. The same graph and seed always give the same positions."""

from __future__ import annotations

import math
import random
from collections.abc import Hashable
from contextlib import contextmanager
from typing import Any, Literal

import igraph as ig
import networkx as nx

__all__ = ["EDGE_LENGTH", "GRID_ABOVE", "SizeBy", "compute_layout", "node_sizes"]

#: pixels in one layout unit: each component gets about one unit of area per node
EDGE_LENGTH = 110.0
#: components larger than this use FR's grid approximation
GRID_ABOVE = 300
SIZE_MIN = 9.0
SIZE_MAX = 42.0

SizeBy = Literal["degree", "pagerank", "betweenness"] | None


@contextmanager
def _seeded(seed: int) -> Any:
    """Seed the random source igraph draws from (Python's ``random``), then restore its state."""
    state = random.getstate()
    random.seed(seed)
    try:
        yield
    finally:
        random.setstate(state)


def _igraph(graph: nx.Graph) -> tuple[list[Hashable], ig.Graph]:
    nodes = list(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    pairs = {
        (min(a, b), max(a, b))
        for a, b in ((index[u], index[v]) for u, v in graph.edges())
        if a != b
    }
    return nodes, ig.Graph(n=len(nodes), edges=sorted(pairs))


def _component_layout(sub: ig.Graph, rng: random.Random) -> list[tuple[float, float]]:
    n = sub.vcount()
    if n == 1:
        return [(0.0, 0.0)]
    if n == 2:
        return [(0.0, 0.0), (1.0, 0.0)]
    # start inside the square igraph itself would use: a wider start makes the grid variant
    # much slower
    half = math.sqrt(n) / 2
    start = [[rng.uniform(-half, half), rng.uniform(-half, half)] for _ in range(n)]
    niter = 500 if n <= 5000 else 300
    layout = sub.layout_fruchterman_reingold(seed=start, niter=niter, grid=n > GRID_ABOVE)
    coords = layout.coords
    cx = sum(c[0] for c in coords) / n
    cy = sum(c[1] for c in coords) / n
    # scale to one node per unit of area: a disc of n units has an RMS radius of sqrt(n / 2π).
    # (The median edge is no yardstick: edges to hubs are long however close the nodes sit.)
    rms = math.sqrt(sum((x - cx) ** 2 + (y - cy) ** 2 for x, y in coords) / n) or 1.0
    scale = math.sqrt(n / (2 * math.pi)) / rms
    return [((x - cx) * scale, (y - cy) * scale) for x, y in coords]


def compute_layout(graph: nx.Graph, *, seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Return pixel positions for the nodes of ``graph`` (the same for the same graph and seed)."""
    if graph.number_of_nodes() == 0:
        return {}
    nodes, g = _igraph(graph)
    rng = random.Random(seed)
    placed: list[tuple[list[int], list[tuple[float, float]]]] = []
    singles: list[int] = []
    with _seeded(seed):
        for members in sorted(g.connected_components(), key=lambda c: (-len(c), c[0])):
            if len(members) == 1:
                singles.append(members[0])
                continue
            sub = g.induced_subgraph(members) if len(members) < g.vcount() else g
            placed.append((list(members), _component_layout(sub, rng)))
    # pack components in rows (largest first), a little wider than the total area's square
    boxes = []
    area = 0.0
    for members, coords in placed:
        xs = [c[0] for c in coords]
        ys = [c[1] for c in coords]
        w, h = max(xs) - min(xs) + 1.5, max(ys) - min(ys) + 1.5
        boxes.append((members, coords, min(xs), min(ys), w, h))
        area += w * h
    cols = math.ceil(math.sqrt(len(singles))) if singles else 0
    area += 0.6 * cols * cols
    width = max([math.sqrt(area) * 1.15] + [b[4] for b in boxes] + [float(cols)])
    pos: dict[Hashable, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for members, coords, x0, y0, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for v, (cx, cy) in zip(members, coords, strict=True):
            pos[nodes[v]] = ((x + cx - x0 + 0.75) * EDGE_LENGTH, (y + cy - y0 + 0.75) * EDGE_LENGTH)
        x += w
        row_h = max(row_h, h)
    if (
        singles
    ):  # isolated entities: a grid under the rest, rows closer than columns (labels are wide)
        y += row_h + (1.0 if boxes else 0.0)
        per_row = max(1, int(width))
        for k, v in enumerate(singles):
            pos[nodes[v]] = (
                (k % per_row + 0.5) * EDGE_LENGTH,
                (y + 0.6 * (k // per_row)) * EDGE_LENGTH,
            )
    # centre the drawing on the origin
    mx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
    my = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
    return {n: (round(px - mx, 1), round(py - my, 1)) for n, (px, py) in pos.items()}


def node_sizes(graph: nx.Graph, size_by: SizeBy = "degree") -> dict[Hashable, float]:
    """Return a node size (pixels) for each node: larger for higher degree, PageRank or betweenness.

    Sizes grow with the square root of the measure, between ``SIZE_MIN`` and ``SIZE_MAX``; with
    ``size_by=None`` every node gets the same size. Betweenness on graphs above 5,000 nodes counts
    paths of up to 6 hops only, which keeps it near-linear and ranks hubs the same way.
    """
    nodes = list(graph.nodes)
    if not nodes or size_by is None:
        return {n: (SIZE_MIN + SIZE_MAX) / 3 for n in nodes}
    if size_by == "degree":
        values = [float(graph.degree(n)) for n in nodes]
    elif size_by in ("pagerank", "betweenness"):
        _, g = _igraph(graph)
        if size_by == "pagerank":
            values = [float(v) for v in g.pagerank(directed=False)]
        else:
            cutoff = None if len(nodes) <= 5000 else 6
            values = [float(v) for v in g.betweenness(directed=False, cutoff=cutoff)]
    else:
        raise ValueError(f"size_by must be degree, pagerank, betweenness or None, not {size_by!r}")
    top = max(values) or 1.0
    return {
        n: round(SIZE_MIN + (SIZE_MAX - SIZE_MIN) * math.sqrt(v / top), 1)
        for n, v in zip(nodes, values, strict=True)
    }
