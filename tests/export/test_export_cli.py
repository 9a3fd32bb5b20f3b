"""``kexie-graph export``: every format from a store folder, to a file or standard output."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from export_support import EXPORT_TRIG, Quad, in_scope, quads_of
from rdflib import Dataset, Graph

from kexie_graph.cli import main
from kexie_graph.store import load_dump

pytestmark = [
    pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*"),
    pytest.mark.usefixtures("cli_export"),
]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_dump(EXPORT_TRIG, tmp_path_factory.mktemp("export-cli") / "build")


def _rdf(data: bytes, fmt: str) -> set[Quad]:
    if fmt in ("ttl", "nt"):
        g = Graph()
        g.parse(data=data, format={"ttl": "turtle", "nt": "nt"}[fmt])
        return {(s, p, o, None) for s, p, o in g}
    ds = Dataset()
    ds.parse(data=data, format={"trig": "trig", "jsonld": "json-ld"}[fmt])
    return quads_of(ds)


@pytest.mark.parametrize("scope", ["all", "article", "union"])
@pytest.mark.parametrize("fmt", ["ttl", "trig", "nt", "jsonld"])
def test_rdf_to_a_file(
    tmp_path: Path, store_dir: Path, store_quads: set[Quad], no_network: None, fmt: str, scope: str
) -> None:
    out = tmp_path / f"kg.{fmt}"
    argv = [
        "export",
        "--store",
        str(store_dir),
        "--format",
        fmt,
        "--out",
        str(out),
        "--graph",
        scope,
    ]
    assert main(argv) == 0
    want = in_scope(store_quads, scope)
    if fmt in ("ttl", "nt"):
        want = {(s, p, o, None) for s, p, o, _g in want}
    assert _rdf(out.read_bytes(), fmt) == want


@pytest.mark.parametrize("fmt", ["nt", "trig", "jsonld"])
def test_rdf_to_standard_output(
    store_dir: Path, store_quads: set[Quad], capsysbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    assert main(["export", "--store", str(store_dir), "--format", fmt]) == 0
    captured = capsysbinary.readouterr()
    assert captured.err == b""
    got = _rdf(captured.out, fmt)
    assert len(got) == len(store_quads if fmt != "nt" else {q[:3] for q in store_quads})


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats(
    tmp_path: Path, store_dir: Path, fmt: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = tmp_path / f"kg.{fmt}"
    assert main(["export", "--store", str(store_dir), "--format", fmt, "--out", str(out)]) == 0
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    from_file = reader(out)
    assert main(["export", "--store", str(store_dir), "--format", fmt]) == 0
    from_stdout = reader(io.BytesIO(capsysbinary.readouterr().out))
    assert from_file.number_of_nodes() == from_stdout.number_of_nodes() == 12
    assert from_file.number_of_edges() == from_stdout.number_of_edges() == 14


def test_csv_writes_two_tables(
    tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "export",
                "--store",
                str(store_dir),
                "--format",
                "csv",
                "--out",
                str(tmp_path / "kg.csv"),
            ]
        )
        == 0
    )
    nodes = pd.read_csv(tmp_path / "nodes.csv")
    edges = pd.read_csv(tmp_path / "edges.csv")
    assert (len(nodes), len(edges)) == (12, 14)
    assert "wrote" in capsys.readouterr().err


def test_csv_without_out_is_a_one_line_error(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--store", str(store_dir), "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kexie-graph: error: csv needs --out") and err.count("\n") == 1


def test_a_missing_store_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert main(["export", "--store", str(missing), "--format", "ttl"]) == 1
    err = capsys.readouterr().err
    assert f"{missing}: no such store folder" in err and err.count("\n") == 1


def test_a_folder_that_is_not_a_store_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--store", str(tmp_path), "--format", "ttl"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kexie-graph: error:") and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--store", "x", "--format", "rdfxml"],
        ["export", "--store", "x"],
        ["export", "--format", "ttl"],
        ["export", "--store", "x", "--format", "ttl", "--graph", "named"],
    ],
)
def test_wrong_usage_exits_2(argv: list[str]) -> None:
    assert main(argv) == 2


def test_help_names_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--help"]) == 0
    text = capsys.readouterr().out
    assert all(fmt in text for fmt in ("ttl", "trig", "nt", "jsonld", "graphml", "gexf", "csv"))
