"""The README tells the truth: its command block, its Python block and its SPARQL examples run."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import kexie_graph as kg

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, re.S)
EXE = Path(sys.executable).with_name("kexie-graph")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("readme")
    (work / "data").symlink_to(ROOT / "data")
    return work


def _commands() -> list[str]:
    block = next(
        body for lang, body in BLOCKS if lang == "sh" and "kexie-graph build data/articles" in body
    )
    return [line for line in block.splitlines() if line.startswith("kexie-graph ")]


@pytest.mark.slow
def test_command_block_runs(workdir: Path) -> None:
    commands = _commands()
    assert len(commands) >= 6
    for line in commands:
        args = shlex.split(line)
        proc = subprocess.run(
            [str(EXE), *args[1:]],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "COLUMNS": "160"},
        )
        assert proc.returncode == 0, f"{line}\n{proc.stderr}"
    assert (workdir / "build" / "kg.graphml").exists() and (
        workdir / "build-copy" / "store.json"
    ).exists()


@pytest.mark.slow
def test_python_and_sparql_examples_run(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not (workdir / "build" / "kg.trig").exists():
        kg.build([workdir / "data" / "articles"], workdir / "build")
    monkeypatch.chdir(workdir)
    python = [body for lang, body in BLOCKS if lang == "python"]
    assert python
    for body in python:
        exec(compile(body, "README.md", "exec"), {})
    sparql = [body for lang, body in BLOCKS if lang == "sparql"]
    assert len(sparql) >= 2
    with kg.open_store("build", read_only=True) as store:
        for body in sparql:
            assert len(kg.query(store, body)) > 0, body
