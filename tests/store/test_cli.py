"""The command line: `kexie-graph query` and `kexie-graph load`, their formats and their errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kexie_graph.cli import main

from .conftest import SMALL, SMALL_QUADS

ORGS = (
    "SELECT ?o ?l WHERE { ?o a kx:ScienceAssociation ; rdfs:label ?l FILTER(lang(?l) = 'zh') }"
    " ORDER BY ?l"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_load_then_query_as_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "load", str(SMALL), "--out", str(tmp_path / "store"))
    assert code == 0 and f"loaded {SMALL_QUADS} quads in 4 graphs" in out
    code, out, _ = run(capsys, "query", "--store", str(tmp_path / "store"), ORGS)
    assert code == 0
    assert "kxr:organization/重庆市科学技术协会" in out and "大连市科学技术协会@zh" in out


@pytest.mark.parametrize("timeout", [[], ["--timeout", "10"]])
def test_json_csv_tsv(
    store_dir: Path, capsys: pytest.CaptureFixture[str], timeout: list[str]
) -> None:
    base = ["query", "--store", str(store_dir), ORGS, *timeout]
    code, out, _ = run(capsys, *base, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["head"]["vars"] == ["o", "l"]
    assert [b["l"]["value"] for b in doc["results"]["bindings"]] == [
        "中国科学技术协会",
        "大连市科学技术协会",
        "重庆市科学技术协会",
    ]
    code, out, _ = run(capsys, *base, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["o", "l"] and rows[1][1] == "中国科学技术协会" and len(rows) == 4
    code, out, _ = run(capsys, *base, "--format", "tsv")
    lines = out.splitlines()
    assert lines[0] == "?o\t?l" and lines[1].endswith('"中国科学技术协会"@zh')


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld", "json", "trig", "table"])
def test_graph_answers(store_dir: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(
        capsys,
        "query",
        "--store",
        str(store_dir),
        "CONSTRUCT WHERE { ?s skos:altLabel ?o }",
        "--format",
        fmt,
    )
    assert code == 0
    if fmt == "table":
        assert "subject" in out and "中国科协@zh" in out
        return
    rdf = {
        "json": "JSON_LD",
        "jsonld": "JSON_LD",
        "turtle": "TURTLE",
        "ntriples": "N_TRIPLES",
        "trig": "TRIG",
    }
    triples = list(ox.parse(out.encode(), format=getattr(ox.RdfFormat, rdf[fmt])))
    assert len(triples) == 3


def test_query_from_a_file_and_from_stdin_and_by_name(
    store_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rq = tmp_path / "orgs.rq"
    rq.write_text(ORGS, encoding="utf-8")
    _, by_text, _ = run(capsys, "query", "--store", str(store_dir), ORGS, "--format", "json")
    code, by_file, _ = run(capsys, "query", "--store", str(store_dir), f"@{rq}", "--format", "json")
    assert code == 0 and by_file == by_text
    code, by_name, _ = run(
        capsys,
        "query",
        "--store",
        str(store_dir),
        "orgs",
        "--queries",
        str(tmp_path),
        "--format",
        "json",
    )
    assert code == 0 and by_name == by_text
    monkeypatch.setattr("sys.stdin", io.StringIO(ORGS))
    code, by_stdin, _ = run(capsys, "query", "--store", str(store_dir), "-", "--format", "json")
    assert code == 0 and by_stdin == by_text


def test_ask(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "query", "--store", str(store_dir), "ASK { ?s kx:partnerOf ?o }", "--format", "json"
    )
    assert code == 0 and json.loads(out) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["SELECT ?x WHERE {\n ?x ?y \n}"], "malformed SPARQL at line 2, column 2:"),
        (
            ["SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"],
            "SERVICE <http://127.0.0.1:9/> refused",
        ),
        (["LOAD <http://127.0.0.1:9/x.ttl>"], "refused"),
        (["CLEAR ALL"], "refused: the store is open read-only"),
        (
            ["SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }"],
            "FROM <http://127.0.0.1:9/g> refused",
        ),
        (["cq99"], "no saved query named 'cq99'"),
        (["@/no/such/file.rq"], "no such query file"),
        (["SELECT * WHERE { ?s ?p ?o }", "--format", "turtle"], "--format turtle is for CONSTRUCT"),
        (["CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv"], "--format csv is for SELECT/ASK"),
    ],
)
def test_errors_are_one_line_with_exit_1(
    store_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, "query", "--store", str(store_dir), *argv)
    assert code == 1
    assert err.startswith("kexie-graph: error: ") and err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such store folder"),
        ("empty", "not a kexie-graph store"),
        ("locked", "cannot be opened read-only"),
    ],
)
def test_missing_or_locked_stores(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, message: str
) -> None:
    from kexie_graph.store import open_store

    folder = {"missing": tmp_path / "nowhere", "empty": tmp_path, "locked": store_dir}[setup]
    writer = open_store(store_dir) if setup == "locked" else None
    try:
        code, _, err = run(capsys, "query", "--store", str(folder), "ASK {}")
    finally:
        if writer is not None:
            writer.close()
    assert code == 1 and message in err and err.count("\n") == 1


def test_a_query_past_its_deadline(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runaway = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    )
    code, _, err = run(capsys, "query", "--store", str(store_dir), runaway, "--timeout", "1")
    assert code == 1 and "ran past its deadline of 1 s and was stopped" in err


def test_load_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "load", str(tmp_path / "missing.trig"), "--out", str(tmp_path / "out")
    )
    assert code == 1 and "no such file" in err and err.count("\n") == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "ASK {}")
    assert code == 2 and "give exactly one of --store DIR and --endpoint URL" in err
