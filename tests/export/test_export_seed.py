"""Every export format of a real build of the seed article, read back: the counts match."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pandas as pd
import pyoxigraph as ox
import pytest
from export_support import quads_of
from rdflib import Dataset, Graph

from kexie_graph.export import export, export_bytes
from kexie_graph.store import Store, open_store
from kexie_graph.views.project import project

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")


@pytest.fixture(scope="module")
def seed_store(seed_build: Path) -> Iterator[Store]:
    with open_store(seed_build, read_only=True) as store:
        yield store


@pytest.mark.parametrize(("fmt", "parser"), [("trig", "trig"), ("jsonld", "json-ld")])
def test_dataset_formats_keep_every_quad(
    seed_store: Store, no_network: None, fmt: str, parser: str
) -> None:
    ds = Dataset()
    ds.parse(data=export_bytes(seed_store, fmt), format=parser)
    # the store's default graph is the materialised union of the named graphs, not data of its own
    named = sum(1 for q in seed_store.ox if not isinstance(q.graph_name, ox.DefaultGraph))
    assert len(quads_of(ds)) == named


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt")])
def test_triple_formats_keep_every_triple(seed_store: Store, fmt: str, parser: str) -> None:
    g = Graph()
    g.parse(data=export_bytes(seed_store, fmt), format=parser)
    assert len(g) == len({q.triple for q in seed_store.ox})


@pytest.fixture(scope="module")
def seed_projection(seed_store: Store) -> nx.MultiDiGraph:
    return project(seed_store)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats_keep_every_node_and_edge(
    seed_store: Store, seed_projection: nx.MultiDiGraph, fmt: str
) -> None:
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    back = reader(io.BytesIO(export_bytes(seed_store, fmt)))
    assert back.number_of_nodes() == seed_projection.number_of_nodes() > 20
    assert back.number_of_edges() == seed_projection.number_of_edges() > 10


def test_csv_keeps_every_node_and_edge(
    tmp_path: Path, seed_store: Store, seed_projection: nx.MultiDiGraph
) -> None:
    export(seed_store, "csv", tmp_path)
    nodes, edges = pd.read_csv(tmp_path / "nodes.csv"), pd.read_csv(tmp_path / "edges.csv")
    assert len(nodes) == seed_projection.number_of_nodes()
    assert len(edges) == seed_projection.number_of_edges()
