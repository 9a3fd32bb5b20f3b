"""A bridge to pyvis, for users who want pyvis's API on a projected graph.

:func:`to_pyvis` returns a :class:`pyvis.network.Network` whose nodes carry our classes' colours and
shapes, our positions and sizes. Two things to know about what pyvis then writes (pyvis 0.3.2):

* its page loads vis-network from a CDN unless ``cdn_resources="in_line"``, and bootstrap from a CDN
  always, so it is not an offline page (use :func:`kexie_graph.views.write_view` for that);
* vis-network shows a string ``title`` as text, but pyvis's template swaps in its own tooltip that
  uses ``innerHTML`` as soon as any node title contains ``href``. So titles are plain text, and when
  one of them contains ``href`` all of them are HTML-escaped: either way a label like ``<img src=x
  onerror=…>`` shows as text instead of running.

Nodes and edges are put into the ``Network`` directly, in one pass: pyvis's own ``add_node`` checks
for duplicates with a list scan, which makes adding n nodes quadratic (minutes at 20k nodes)."""

from __future__ import annotations

import html
from collections.abc import Hashable
from typing import Any

import networkx as nx
from pyvis.network import Network

from .layout import SizeBy, compute_layout, node_sizes
from .style import style_of

__all__ = ["to_pyvis"]


def _title(*lines: str) -> str:
    return "\n".join(line for line in lines if line)


def _guard_titles(items: list[dict[str, Any]]) -> None:
    """HTML-escape every title if one contains ``href`` (pyvis then shows titles by innerHTML)."""
    if any("href" in str(item.get("title", "")) for item in items):
        for item in items:
            if "title" in item:
                item["title"] = html.escape(str(item["title"])).replace("\n", "<br>")


def to_pyvis(
    graph: nx.Graph,
    *,
    label_lang: str = "zh",
    size_by: SizeBy = "degree",
    positions: bool = True,
    seed: int = 7,
    **network_kwargs: Any,
) -> Network:
    """Return a pyvis ``Network`` of ``graph`` (as :func:`.project.project` makes it).

    ``label_lang`` picks zh or en labels; ``size_by`` as in :func:`.html.write_view`; with
    ``positions`` the nodes get our precomputed layout and physics is switched off (pyvis's
    in-browser physics does not settle on large graphs). Other keyword arguments go to
    ``Network(...)`` (``directed=True`` unless given).
    """
    network_kwargs.setdefault("directed", True)
    net = Network(**network_kwargs)
    pos = compute_layout(graph, seed=seed) if positions else {}
    sizes = node_sizes(graph, size_by)
    ids: dict[Hashable, str] = {}
    for n, d in graph.nodes(data=True):
        nid = str(d.get("iri") or n)
        ids[n] = nid
        zh = str(d.get("label_zh") or d.get("label") or nid)
        en = str(d.get("label_en") or "")
        label = (en or zh) if label_lang == "en" else zh
        style = style_of(str(d.get("cls") or "Other"))
        options: dict[str, Any] = {
            "id": nid,
            "label": label,
            "shape": style.shape,
            "color": style.color,
            "size": sizes[n],
            "group": style.name,
            "title": _title(zh, en, ", ".join(map(str, d.get("aliases", ()))), style.label_zh),
        }
        if n in pos:
            options["x"], options["y"] = pos[n]
            options["physics"] = False
        net.nodes.append(options)
        net.node_ids.append(nid)
        net.node_map[nid] = options
    for u, v, d in graph.edges(data=True):
        label = str(d.get("label_en" if label_lang == "en" else "label_zh") or d.get("name") or "")
        net.edges.append(
            {
                "from": ids[u],
                "to": ids[v],
                "label": label,
                "title": _title(label),
                "arrows": "to" if net.directed else "",
            }
        )
    _guard_titles(net.nodes)
    if positions:
        net.toggle_physics(False)
    return net
