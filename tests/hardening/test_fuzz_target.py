"""``make fuzz`` runs every Hypothesis test of the suite with the ``fuzz`` profile.

The target selects tests with pytest's ``-k``/``-m`` options; a Hypothesis test it does not select
would only ever run the CI profile's few examples. Hypothesis's pytest plugin marks every ``@given``
test ``hypothesis``, so ``-m hypothesis`` selects them all whatever their names; ``-k hypothesis``
selects only tests whose module or function name says so. This test reads the Makefile and finds
every ``@given`` test in tests/ (by parsing the files, not by importing them).
"""

from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path

from ..conftest import ROOT

TESTS = ROOT / "tests"


def _fuzz_recipe() -> list[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^fuzz:.*\n((?:\t.*\n)+)", text, re.M)
    assert match, "the Makefile has no fuzz target"
    return shlex.split(match.group(1))


def _given_tests() -> list[tuple[Path, str]]:
    found = []
    for path in sorted(TESTS.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                name = (
                    target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                )
                if name == "given":
                    found.append((path, node.name))
    return found


def test_the_fuzz_target_uses_the_fuzz_profile() -> None:
    recipe = _fuzz_recipe()
    assert "KEXIE_HYPOTHESIS_PROFILE=fuzz" in recipe
    conftest = (TESTS / "conftest.py").read_text(encoding="utf-8")
    for profile in ("fuzz", "ci"):
        assert re.search(rf'register_profile\(\s*"{profile}"', conftest), profile


def test_there_are_hypothesis_tests_to_find() -> None:
    modules = {path.name for path, _ in _given_tests()}
    assert {"test_text_offsets_hypothesis.py", "test_guard_hypothesis.py"} <= modules
    assert {"test_iris_hypothesis.py", "test_guard_lexer_hypothesis.py"} <= modules


def test_the_fuzz_target_selects_every_hypothesis_test() -> None:
    recipe = _fuzz_recipe()
    marks = " ".join(recipe[i + 1] for i, arg in enumerate(recipe[:-1]) if arg == "-m")
    if re.search(r"\bhypothesis\b", marks) and not re.search(r"not\s+hypothesis", marks):
        return  # every @given test carries the plugin's marker
    keywords = " ".join(recipe[i + 1] for i, arg in enumerate(recipe[:-1]) if arg == "-k")
    assert keywords.strip() == "hypothesis", f"unexpected selection: -k {keywords!r}"
    missed = [
        f"{path.relative_to(ROOT)}::{name}"
        for path, name in _given_tests()
        if "hypothesis" not in path.stem and "hypothesis" not in name
    ]
    assert missed == [], f"make fuzz does not run: {missed}"
