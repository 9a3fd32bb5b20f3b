"""Paths and the fixture generator, shared by the analytics tests and the export tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

__all__ = ["ANALYTICS_TRIG", "DATA", "EXPORT_TRIG", "load_generator"]

DATA = Path(__file__).resolve().parent / "data"
ANALYTICS_TRIG = DATA / "corpus.trig"
EXPORT_TRIG = DATA.parent.parent / "export" / "data" / "corpus.trig"
_GENERATOR = "kexie_fixture_generator"


def load_generator() -> ModuleType:
    """Import ``data/make_fixtures.py`` under a name of its own (test folders are not packages)."""
    if _GENERATOR in sys.modules:
        return sys.modules[_GENERATOR]
    spec = importlib.util.spec_from_file_location(_GENERATOR, DATA / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[_GENERATOR] = module
    spec.loader.exec_module(module)
    return module
