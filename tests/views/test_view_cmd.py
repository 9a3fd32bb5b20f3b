"""``kexie-graph view``: options, files, and one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kexie_graph.cli import view_cmd
from kexie_graph.errors import KexieError, ViewError

from .conftest import CORPUS


def _run(*args: str) -> Any:
    """Run the command as the CLI's main() does: KexieError propagates, click errors exit 2."""
    return CliRunner().invoke(
        view_cmd.view, list(args), standalone_mode=False, catch_exceptions=True
    )


def _data(path: Path) -> dict[str, Any]:
    page = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="kx-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


def test_view_of_a_trig_file(tmp_path: Path) -> None:
    out = tmp_path / "kg.html"
    result = _run("--store", str(CORPUS), "--out", str(out))
    assert result.exception is None, result.output
    assert result.output == f"wrote {out} (10 entities, 8 relations)\n"
    data = _data(out)
    assert data["title"] == "kexie-graph · corpus.trig" and data["lang"] == "zh"


@pytest.mark.parametrize(
    ("args", "nodes", "edges"),
    [
        (["--focus", "潘复生", "--hops", "1"], 3, 2),
        (["--focus", "市科协", "--hops", "0"], 1, 0),
        (["--classes", "Organization,Person"], 6, 5),
        (["--classes", "Organization", "--classes", "Person"], 6, 5),
        (["--predicates", "partnerOf"], 3, 3),
        (["--articles", "a2"], 4, 2),
        (["--lang", "en", "--size-by", "none", "--layout", "fixed", "--title", "T"], 10, 8),
        (["--size-by", "pagerank"], 10, 8),
    ],
)
def test_options(tmp_path: Path, args: list[str], nodes: int, edges: int) -> None:
    out = tmp_path / "v.html"
    result = _run("--store", str(CORPUS), "--out", str(out), *args)
    assert result.exception is None, result.output
    data = _data(out)
    assert (len(data["nodes"]["zh"]), len(data["edges"]["from"])) == (nodes, edges)


def test_query_file(tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text(
        "CONSTRUCT { ?s kx:organizes ?o } WHERE { ?s kx:organizes ?o }", encoding="utf-8"
    )
    out = tmp_path / "v.html"
    result = _run("--store", str(CORPUS), "--out", str(out), "--query", str(query))
    assert result.exception is None, result.output
    assert "(2 entities, 1 relations)" in result.output


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (
            ["--focus", "重庆科协"],
            ViewError,
            "no entity named '重庆科协'.*close matches: .*重庆市科协",
        ),
        (["--query", "missing.rq"], ViewError, "cannot read the query file missing.rq"),
        (["--store", "no/such/store"], ViewError, "no store at no/such/store"),
    ],
)
def test_user_errors_are_one_line(
    tmp_path: Path, args: list[str], error: type[KexieError], message: str
) -> None:
    store = ["--store", str(CORPUS)] if "--store" not in args else []
    result = _run(*store, "--out", str(tmp_path / "v.html"), *args)
    assert isinstance(result.exception, error)
    assert re.search(message, str(result.exception))
    assert "\n" not in str(result.exception)
    assert not (tmp_path / "v.html").exists()


def test_a_broken_rdf_file_is_a_view_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> .", encoding="utf-8")
    result = _run("--store", str(bad), "--out", str(tmp_path / "v.html"))
    assert isinstance(result.exception, ViewError)
    assert f"cannot read {bad}" in str(result.exception)


def test_wrong_usage_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        view_cmd.view, ["--store", str(CORPUS), "--out", "x.html", "--lang", "fr"]
    )
    assert result.exit_code == 2


def test_a_store_folder_is_opened_read_only_and_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_module = pytest.importorskip("kexie_graph.store")
    folder = tmp_path / "build"
    folder.mkdir()
    calls: list[Any] = []
    real = store_module.open_store

    def spy(path: Any, read_only: bool = False) -> Any:
        opened = real(None, read_only=read_only)  # an in-memory store with the corpus in it
        opened.ox.load(CORPUS.read_bytes(), store_module.ox.RdfFormat.TRIG)
        calls.append((Path(path), read_only, opened))
        return opened

    monkeypatch.setattr(store_module, "open_store", spy)
    out = tmp_path / "v.html"
    result = _run("--store", str(folder), "--out", str(out))
    assert result.exception is None, result.output
    ((path, read_only, opened),) = calls
    assert (path, read_only) == (folder, True)
    assert opened.closed
    assert len(_data(out)["nodes"]["zh"]) == 10
