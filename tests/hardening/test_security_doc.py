"""SECURITY.md names a test for each promise: every name must be a test that exists, so that a
renamed or deleted test cannot leave a promise without its proof."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ..conftest import ROOT
from .test_bad_input import ROWS

SECURITY = ROOT / "SECURITY.md"
_CITED = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+)(?:\[([\w*-]+)\])?)?`")


def _functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def _citations() -> list[tuple[str, str | None, str | None]]:
    return _CITED.findall(SECURITY.read_text(encoding="utf-8"))


def test_security_md_cites_tests() -> None:
    cited = _citations()
    assert len(cited) > 60
    folders = {path.split("/")[1] for path, _, _ in cited}
    assert {"server", "views", "store", "export", "hardening", "text", "cli"} <= folders


@pytest.mark.parametrize(("path", "function", "row"), sorted(set(_citations())))
def test_every_cited_test_exists(path: str, function: str, row: str) -> None:
    file = ROOT / path
    assert file.is_file(), f"SECURITY.md cites {path}, which does not exist"
    if function:
        assert function in _functions(file), f"SECURITY.md cites {path}::{function}: no such test"
        assert function.startswith("test_")
    if row:
        ids = {r.id for r in ROWS}
        assert row in ids, f"SECURITY.md cites the row {row}: no such row"
