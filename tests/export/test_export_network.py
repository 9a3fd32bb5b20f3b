"""GraphML, GEXF and CSV of the entity graph, read back by networkx and pandas."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pyoxigraph as ox
import pytest

from kexie_graph.analytics import cooccurrence, measure
from kexie_graph.export import ExportError, export, export_bytes
from kexie_graph.export.network import EDGE_COLUMNS, NODE_COLUMNS, flat_value, flatten
from kexie_graph.namespaces import SPARQL_PREFIXES
from kexie_graph.views.project import project


@pytest.fixture(scope="module")
def projection(store: ox.Store) -> nx.MultiDiGraph:
    return project(store)


def _evidence_spans(store: ox.Store) -> set[str]:
    rows = store.query(SPARQL_PREFIXES + "SELECT ?e WHERE { GRAPH ?g { ?e a kx:EvidenceSpan } }")
    return {r["e"].value for r in rows}


def _read(data: bytes, fmt: str) -> nx.Graph:
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    return reader(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_counts_match_the_projection(
    store: ox.Store, projection: nx.MultiDiGraph, fmt: str
) -> None:
    back = _read(export_bytes(store, fmt), fmt)
    assert set(back.nodes) == set(projection.nodes)
    assert back.number_of_edges() == projection.number_of_edges()
    assert sorted((u, v) for u, v in back.edges()) == sorted((u, v) for u, v in projection.edges())


def test_graphml_keeps_labels_aliases_and_evidence(
    store: ox.Store, projection: nx.MultiDiGraph
) -> None:
    back = nx.read_graphml(io.BytesIO(export_bytes(store, "graphml")), force_multigraph=True)
    for node, data in projection.nodes(data=True):
        got = back.nodes[node]
        assert got["label_zh"] == data["label_zh"] and got["cls"] == data["cls"]
        assert got.get("aliases", "") == "; ".join(data["aliases"])
        assert json.loads(got["evidence"]) == data["evidence"]
    keys = {k for *_e, k in back.edges(keys=True)}
    assert keys == {k for *_e, k in projection.edges(keys=True)}  # edge ids are the edge keys


def test_gexf_labels_and_viz_of_an_annotated_graph(
    store: ox.Store, projection: nx.MultiDiGraph
) -> None:
    shown = measure(projection).annotate(size_by="degree")
    back = nx.read_gexf(io.BytesIO(export_bytes(shown, "gexf")))
    for node, data in shown.nodes(data=True):
        got = back.nodes[node]
        assert got["label"] == data["label"]
        assert got["viz"]["size"] == pytest.approx(data["size"])
        colour = "#{:02X}{:02X}{:02X}".format(*(got["viz"]["color"][c] for c in "rgb"))
        assert colour == data["color"]
        assert got["pagerank"] == pytest.approx(data["pagerank"])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_a_cooccurrence_graph_exports_too(store: ox.Store, fmt: str) -> None:
    graph = cooccurrence(store)
    back = _read(export_bytes(graph, fmt), fmt)
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    weights = sorted(float(d["weight"]) for *_e, d in back.edges(data=True))
    assert weights == sorted(float(d["weight"]) for *_e, d in graph.edges(data=True))


@pytest.mark.parametrize(
    ("value", "flat"),
    [
        ("四川大学", "四川大学"),
        (3, 3),
        (0.5, 0.5),
        (True, True),
        (None, None),
        (["市科协", "重庆市科协"], "市科协; 重庆市科协"),
        (("a", 1), "a; 1"),
        ({"b", "a"}, "a; b"),
        ([], ""),
        ([{"begin": 1, "anchor": "科协"}], '[{"anchor": "科协", "begin": 1}]'),
        ([["a"], "b"], '[["a"], "b"]'),
        ({"k": [1, 2]}, '{"k": [1, 2]}'),
    ],
)
def test_flat_value(value: Any, flat: Any) -> None:
    assert flat_value(value) == flat


@pytest.mark.parametrize(
    ("value", "flat"), [([], "[]"), (["a"], '["a"]'), ({"b", "a"}, '["a", "b"]'), (2, 2)]
)
def test_flat_value_as_json(value: Any, flat: Any) -> None:
    assert flat_value(value, as_json=True) == flat


def test_flatten_leaves_only_plain_values(projection: nx.MultiDiGraph) -> None:
    flat = flatten(projection)
    plain = (str, int, float, bool)
    assert all(isinstance(v, plain) for v in flat.graph.values())
    assert all(isinstance(v, plain) for _n, d in flat.nodes(data=True) for v in d.values())
    assert all(isinstance(v, plain) for *_e, d in flat.edges(data=True) for v in d.values())
    assert "evidence" in projection.nodes[next(iter(projection.nodes))]  # the input is untouched
    assert isinstance(projection.nodes[next(iter(projection.nodes))]["evidence"], list)


def _csv(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    read = {"keep_default_na": False}
    return pd.read_csv(folder / "nodes.csv", **read), pd.read_csv(folder / "edges.csv", **read)


def test_csv_tables_match_the_projection(
    tmp_path: Path, store: ox.Store, projection: nx.MultiDiGraph
) -> None:
    written = export(store, "csv", tmp_path / "tables" / "kg.csv")
    assert written == [tmp_path / "tables" / "nodes.csv", tmp_path / "tables" / "edges.csv"]
    nodes, edges = _csv(tmp_path / "tables")
    assert list(nodes.columns[: len(NODE_COLUMNS)]) == list(NODE_COLUMNS)
    assert list(edges.columns[: len(EDGE_COLUMNS)]) == list(EDGE_COLUMNS)
    assert len(nodes) == projection.number_of_nodes() and nodes["id"].is_unique
    assert len(edges) == projection.number_of_edges()
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["id"])
    cqast = "https://w3id.org/kexie-graph/id/organization/重庆市科学技术协会"
    row, data = nodes.set_index("id").loc[cqast], projection.nodes[cqast]
    assert (row["label"], row["class"], row["kind"]) == (
        "重庆市科学技术协会",
        "Organization",
        "ScienceAssociation",
    )
    assert row["aliases"] == "; ".join(data["aliases"]) == "市科协; 重庆市科协"
    assert row["mentions"] == len(data["evidence"]) == 5  # four in a1, one in a2


def test_csv_evidence_names_the_evidence_spans(tmp_path: Path, store: ox.Store) -> None:
    export(store, "csv", tmp_path)
    _nodes, edges = _csv(tmp_path)
    spans = _evidence_spans(store)
    cited = [iri for cell in edges["evidence"] if cell for iri in cell.split("; ")]
    assert cited and set(cited) <= spans
    post = edges[edges["name"] == "holdsPost"].iloc[0]
    assert (post["label"], post["label_en"], post["anchor"]) == (
        "主席",
        "Chair",
        "市科协主席潘复生",
    )
    lexicon = edges[edges["name"] == "subOrganizationOf"].iloc[0]
    assert (lexicon["evidence"], lexicon["article"]) == (
        "",
        "",
    )  # stated by the lexicon, not an article


def test_csv_of_an_annotated_graph_has_the_measures(tmp_path: Path, store: ox.Store) -> None:
    m = measure(store)
    export(m.annotate(), "csv", tmp_path)
    nodes, _edges = _csv(tmp_path)
    for column in ("degree", "betweenness", "pagerank", "community", "size", "color"):
        assert column in nodes.columns
    got = dict(zip(nodes["id"], nodes["pagerank"], strict=True))
    assert got == pytest.approx({str(n): v for n, v in m.pagerank.items()})


@pytest.mark.parametrize(
    ("out", "folder"),
    [("tables/", "tables"), ("tables/kg.csv", "tables"), ("existing", "existing"), ("kg.csv", ".")],
)
def test_csv_goes_into_the_folder_of_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: ox.Store, out: str, folder: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing").mkdir()
    export(store, "csv", out)
    assert {"edges.csv", "nodes.csv"} <= set(os.listdir(tmp_path / folder))
    assert not [n for n in os.listdir(tmp_path / folder) if n.endswith(".tmp")]


def test_csv_of_a_cooccurrence_graph(tmp_path: Path, store: ox.Store) -> None:
    graph = cooccurrence(store)
    export(graph, "csv", tmp_path)
    nodes, edges = _csv(tmp_path)
    assert (len(nodes), len(edges)) == (graph.number_of_nodes(), graph.number_of_edges())
    assert "weight" in edges.columns and edges["weight"].sum() == sum(
        d["weight"] for *_e, d in graph.edges(data=True)
    )


def test_csv_needs_out(store: ox.Store) -> None:
    with pytest.raises(ExportError, match=r"^csv needs --out"):
        export(store, "csv")
