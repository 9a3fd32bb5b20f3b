"""`kexie-graph build` on bad input: one line naming the file and the fix, exit 1, nothing
half-written, an earlier build intact."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from kexie_graph.cli import main

from ..conftest import SEED


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "readers" not in p.parts and p.name != ".lock"
    }


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("earlier")
    assert main(["build", str(SEED), "--out", str(out), "--quiet"]) == 0
    return out


IMAGE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
BAD: dict[str, bytes | None] = {
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n  ",
    "image.txt": IMAGE,
    "broken.txt": "科协新闻，今天召开会议。".encode() * 20 + b"\xff\xfe\xfd" + "新闻".encode(),
    "missing.txt": None,
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_one_line_and_exit_1(
    name: str, tmp_path: Path, earlier: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    data = BAD[name]
    if data is not None:
        path.write_bytes(data)
    before = _digest(earlier)
    code = main(["build", str(path), "--out", str(earlier), "--quiet"])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert len(err.splitlines()) == 1, err
    assert str(path) in err or path.name in err
    assert "Traceback" not in err
    assert _digest(earlier) == before


def test_fresh_out_folder_gets_no_partial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    assert main(["build", str(bad), "--out", str(out), "--quiet"]) == 1
    assert not (out / "kg.trig").exists()
    capsys.readouterr()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build"]) == 2
    assert main(["no-such-command"]) == 2
    capsys.readouterr()


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(IMAGE)
    exe = Path(sys.executable).with_name("kexie-graph")
    proc = subprocess.run(
        [str(exe), "build", str(bad), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "image.txt" in proc.stderr


def test_rebuild_reuses_unchanged_articles(
    earlier: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trig = (earlier / "kg.trig").read_bytes()
    assert main(["build", str(SEED), "--out", str(earlier)]) == 0
    assert "(1 unchanged)" in capsys.readouterr().out
    assert (earlier / "kg.trig").read_bytes() == trig
