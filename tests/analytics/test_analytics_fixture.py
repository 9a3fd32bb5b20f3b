"""The fixture datasets are what their generator writes, and follow ARCHITECTURE.md's offsets."""

from __future__ import annotations

import warnings
from pathlib import Path
from types import ModuleType

import pyoxigraph as ox
import pytest
from analytics_support import ANALYTICS_TRIG, EXPORT_TRIG

from kexie_graph.namespaces import SPARQL_PREFIXES
from kexie_graph.text.sentences import sentences


def _nquads(store: ox.Store) -> set[str]:
    return set(ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def _load(path: Path) -> ox.Store:
    s = ox.Store()
    s.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return s


@pytest.mark.parametrize(
    ("path", "builder"),
    [(ANALYTICS_TRIG, "analytics_dataset"), (EXPORT_TRIG, "export_dataset")],
)
def test_committed_fixture_is_what_the_generator_writes(
    gen: ModuleType, path: Path, builder: str
) -> None:
    dataset = getattr(gen, builder)()
    with warnings.catch_warnings():  # rdflib 7.6's N-Quads writer calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        data = dataset.serialize(format="nquads", encoding="utf-8")
    fresh = ox.Store()
    fresh.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    assert _nquads(_load(path)) == _nquads(fresh)


@pytest.mark.parametrize("path", [ANALYTICS_TRIG, EXPORT_TRIG])
def test_every_span_anchor_is_its_text(path: Path) -> None:
    query = (
        SPARQL_PREFIXES
        + """
    SELECT ?m ?b ?e ?a ?t WHERE { GRAPH ?g {
      ?m nif:referenceContext ?c ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a .
      ?c nif:isString ?t } }"""
    )
    rows = list(_load(path).query(query))
    assert len(rows) > 30
    for row in rows:
        text = row["t"].value
        assert text[int(row["b"].value) : int(row["e"].value)] == row["a"].value, row["m"]


def test_fixture_sentences_are_the_projects_sentences(gen: ModuleType) -> None:
    """The co-occurrence tests use the generator's sentences: they must be real ones."""
    for spec in gen.ARTICLES:
        given = [
            s for s, item in zip(gen.sentence_spans(spec), spec.sentences, strict=True) if item
        ]
        assert sentences(spec.text) == given
