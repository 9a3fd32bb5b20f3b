"""Turtle, N-Triples, TriG and JSON-LD exports, read back by rdflib: the same quads, every scope."""

from __future__ import annotations

import io
import os
import warnings
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
from export_support import EXPORT_TRIG, Quad, in_scope, quads_of, triples_of
from rdflib import Dataset, Graph, Literal, URIRef

from kexie_graph.export import ExportError, export, export_bytes, read_jsonld
from kexie_graph.store import load_dump, open_store

# rdflib 7.6's own parsers call its deprecated Dataset API; only warnings raised in rdflib are let
# through, so a deprecated call in our code still fails the test
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

_RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}
SCOPES = ["all", "article", "union"]


def read_back(data: bytes, fmt: str) -> set[Quad]:
    """Parse ``data`` with rdflib; triples come back in the default graph (None)."""
    if fmt in ("ttl", "nt"):
        g = Graph()
        g.parse(data=data, format=_RDFLIB_FORMAT[fmt])
        return {(s, p, o, None) for s, p, o in triples_of(g)}
    ds = Dataset()
    ds.parse(data=data, format=_RDFLIB_FORMAT[fmt])
    return quads_of(ds)


def expected(fixture_quads: set[Quad], fmt: str, scope: str) -> set[Quad]:
    chosen = in_scope(fixture_quads, scope)
    if fmt in ("ttl", "nt"):
        return {(s, p, o, None) for s, p, o, _g in chosen}
    return chosen


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "jsonld"])
def test_read_back_gives_the_same_quads(
    store: ox.Store, store_quads: set[Quad], no_network: None, fmt: str, scope: str
) -> None:
    data = export_bytes(store, fmt, graph=scope)
    got, want = read_back(data, fmt), expected(store_quads, fmt, scope)
    assert len(got) == len(want)
    assert got == want


@pytest.mark.parametrize("scope", SCOPES)
def test_jsonld_read_back_offline_gives_the_same_quads(
    store: ox.Store, store_quads: set[Quad], no_network: None, scope: str
) -> None:
    got = quads_of(read_jsonld(export_bytes(store, "jsonld", graph=scope)))
    assert got == expected(store_quads, "jsonld", scope)


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "jsonld"])
def test_an_rdflib_dataset_is_written_as_it_is(
    rdflib_fixture: Dataset, fixture_quads: set[Quad], no_network: None, fmt: str, scope: str
) -> None:
    """Every datatype kept (xsd:nonNegativeInteger offsets), every scope, every format."""
    data = export_bytes(rdflib_fixture, fmt, graph=scope)
    assert read_back(data, fmt) == expected(fixture_quads, fmt, scope)
    assert b"nonNegativeInteger" in data


@pytest.fixture(scope="module")
def rdflib_fixture() -> Dataset:
    ds = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(EXPORT_TRIG, format="trig")
    return ds


def test_scopes_hold_what_they_say(fixture_quads: set[Quad]) -> None:
    everything = in_scope(fixture_quads, "all")
    articles = in_scope(fixture_quads, "article")
    union = in_scope(fixture_quads, "union")
    assert len(articles) < len(everything)
    assert len(union) < len(everything)  # triples stated in several graphs count once
    graphs = {str(g) for *_t, g in articles}
    assert "https://w3id.org/kexie-graph/id/graph/lexicon" in graphs
    assert not any(g.endswith(("/ontology", "/entailments")) for g in graphs)


def test_awkward_literals_survive_every_format(store: ox.Store, no_network: None) -> None:
    text = Literal('四川大学发布"科普\\之窗"计划\t😀。\n中国科协\r\n表示支持。')
    comment = Literal("@type")
    for fmt in ("ttl", "nt", "trig", "jsonld"):
        objects = {q[2] for q in read_back(export_bytes(store, fmt), fmt)}
        assert text in objects and comment in objects, fmt


_SOURCES: dict[str, Any] = {
    "pyoxigraph": lambda store, folder: store,
    "object with .ox": lambda store, folder: SimpleNamespace(ox=store),
    "store folder": lambda store, folder: str(folder()),
    "store folder path": lambda store, folder: folder(),
}


@pytest.mark.parametrize("kind", list(_SOURCES))
def test_every_kind_of_store_exports_the_same(
    tmp_path: Path, store: ox.Store, store_quads: set[Quad], kind: str
) -> None:
    source = _SOURCES[kind](store, lambda: load_dump(EXPORT_TRIG, tmp_path / "store"))
    assert read_back(export_bytes(source, "trig"), "trig") == store_quads


def test_an_open_kexie_store_exports_the_same(tmp_path: Path, store_quads: set[Quad]) -> None:
    with open_store(load_dump(EXPORT_TRIG, tmp_path / "store"), read_only=True) as opened:
        assert read_back(export_bytes(opened, "nt"), "nt") == expected(store_quads, "nt", "all")
        # its rdflib view (oxrdflib) is read through the same pyoxigraph store
        assert read_back(export_bytes(opened.dataset, "trig"), "trig") == store_quads


def test_a_store_folder_is_closed_after_the_export(tmp_path: Path) -> None:
    folder = load_dump(EXPORT_TRIG, tmp_path / "store")
    export_bytes(folder, "nt")
    with open_store(folder) as writer:  # read-write: refused while a reader still holds it
        assert len(writer) > 0


def test_a_plain_graph_goes_to_the_default_graph() -> None:
    g = Graph()
    g.add((URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("值", lang="zh")))
    g.add((URIRef("urn:x:a"), URIRef("urn:x:q"), Literal(3)))
    assert read_back(export_bytes(g, "trig"), "trig") == {(s, p, o, None) for s, p, o in g}
    assert read_back(export_bytes(g, "jsonld", graph="article"), "jsonld") == set()


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "jsonld"])
def test_output_is_deterministic(store: ox.Store, fmt: str) -> None:
    assert export_bytes(store, fmt) == export_bytes(store, fmt)


def test_turtle_uses_the_project_prefixes(store: ox.Store) -> None:
    head = export_bytes(store, "ttl").decode("utf-8")
    assert "@prefix kx: <https://w3id.org/kexie-graph/ontology#> ." in head
    assert "kx:partnerOf" in head


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nt", "jsonld"])
def test_a_file_is_written_atomically(tmp_path: Path, store: ox.Store, fmt: str) -> None:
    out = tmp_path / "out" / f"kg.{fmt}"
    out.parent.mkdir()
    out.write_bytes(b"an earlier export")
    assert export(store, fmt, out) == [out]
    assert out.read_bytes() == export_bytes(store, fmt)
    assert os.listdir(out.parent) == [out.name]  # no temporary file left beside it


def test_without_out_it_writes_standard_output(
    store: ox.Store, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert export(store, "nt") == []
    assert capsysbinary.readouterr().out == export_bytes(store, "nt")


def test_a_stream_replaces_standard_output(store: ox.Store) -> None:
    buffer = io.BytesIO()
    assert export(store, "ttl", stream=buffer) == []
    assert buffer.getvalue() == export_bytes(store, "ttl")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, tmp: export(s, "rdfxml"), "unknown export format 'rdfxml'"),
        (lambda s, tmp: export(s, "trig", graph="named"), "unknown graph scope 'named'"),
        (lambda s, tmp: export_bytes(s, "csv"), "csv is written as two files"),
        (lambda s, tmp: export(s, "csv"), "csv needs --out"),
        (lambda s, tmp: export(s, "ttl", tmp), "is a folder"),
        (lambda s, tmp: export(nx.Graph(), "ttl"), "cannot export a Graph as RDF"),
        (lambda s, tmp: export(tmp / "missing", "ttl"), "no such store folder"),
    ],
)
def test_mistakes_are_one_line_errors(
    store: ox.Store, tmp_path: Path, call: Any, message: str
) -> None:
    with pytest.raises(Exception) as info:
        call(store, tmp_path)
    assert message in str(info.value) and "\n" not in str(info.value)
    from kexie_graph.errors import KexieError

    assert isinstance(info.value, KexieError)


def test_export_error_is_a_kexie_error() -> None:
    from kexie_graph.errors import KexieError

    assert issubclass(ExportError, KexieError)
