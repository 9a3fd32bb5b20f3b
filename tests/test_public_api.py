"""The public API is pinned: adding a name is a decision, removing one breaks users."""

from __future__ import annotations

import subprocess
import sys

import pytest

import kexie_graph

EXPECTED = {
    "Article",
    "CurationError",
    "DecodeError",
    "ExportError",
    "ExtractionError",
    "GraphError",
    "InputError",
    "KX",
    "KXR",
    "KexieError",
    "QueryError",
    "QueryRefusedError",
    "QuerySyntaxError",
    "QueryTimeoutError",
    "Reading",
    "Result",
    "Store",
    "StoreError",
    "StoreLockedError",
    "ValidationError",
    "ViewError",
    "__version__",
    "apply_curation",
    "build",
    "cooccurrence",
    "evaluate_reading",
    "export",
    "extract",
    "extract_text",
    "focus",
    "load_article",
    "load_curation",
    "measure",
    "open_store",
    "organisations",
    "push_store",
    "query",
    "query_endpoint",
    "saved_queries",
    "shortest_path",
    "show",
    "to_networkx",
    "to_pyvis",
    "validate",
    "write_view",
}


def test_all_is_pinned_and_sorted() -> None:
    assert set(kexie_graph.__all__) == EXPECTED
    assert kexie_graph.__all__ == sorted(kexie_graph.__all__)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_name_resolves(name: str) -> None:
    assert getattr(kexie_graph, name) is not None


def test_errors_share_one_base() -> None:
    for name in kexie_graph.__all__:
        if name.endswith("Error"):
            assert issubclass(getattr(kexie_graph, name), kexie_graph.KexieError)


def test_import_is_light() -> None:
    code = (
        "import sys, kexie_graph; print(sorted(m for m in ('rdflib.plugins.sparql', 'pyshacl',"
        " 'jieba', 'pandas', 'playwright', 'uvicorn') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_unknown_name() -> None:
    with pytest.raises(AttributeError):
        kexie_graph.no_such_thing  # noqa: B018
