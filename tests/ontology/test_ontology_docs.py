"""The generated ontology documentation (docs/ontology/) is up to date with the ontology."""

from __future__ import annotations

import importlib.util
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType

import pytest
from rdflib.namespace import OWL, RDF, RDFS

from kexie_graph.graph.ontology import ontology_graph
from kexie_graph.namespaces import KX
from kexie_graph.records import TOP_CLASSES

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_ontology_docs", ROOT / "scripts" / "make_ontology_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_model_md_is_up_to_date() -> None:
    generated = _script().make_mermaid(ontology_graph())
    on_disk = (ROOT / "docs" / "ontology" / "model.md").read_text(encoding="utf-8")
    assert on_disk == generated, "run: python scripts/make_ontology_docs.py"


def test_model_md_draws_every_top_class_and_kind() -> None:
    text = _script().make_mermaid(ontology_graph())
    for top in TOP_CLASSES:
        assert f'kx_{top}["kx:{top}' in text
        for kind in ontology_graph().subjects(RDFS.subClassOf, KX[top]):
            assert f"        {str(kind).rsplit('#', 1)[1]}\n" in text
    assert '-- "coOrganizes, hosts, organizes' in text


def _has_pylode() -> bool:
    try:
        version("pylode")
    except PackageNotFoundError:
        return False
    return True


@pytest.mark.skipif(not _has_pylode(), reason="pyLODE (a dev dependency) is not installed")
def test_index_html_is_up_to_date_and_names_every_class() -> None:
    html = _script().make_html()
    on_disk = (ROOT / "docs" / "ontology" / "index.html").read_text(encoding="utf-8")
    assert on_disk == html, "run: python scripts/make_ontology_docs.py"
    graph = ontology_graph()
    for cls in graph.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(str(KX)):
            en = next(o for o in graph.objects(cls, RDFS.label) if o.language == "en")
            assert str(en).replace("'", "&#x27;") in html or str(en) in html, en
