"""Load the packaged ontology (``ontology/kexie.ttl``) and SHACL shapes (``ontology/shapes.ttl``).

The editable sources live in ``ontology/`` at the repository root; ``src/kexie_graph/ontology``
links to that folder and the wheel ships its files, so an installed package finds them through
:mod:`importlib.resources`. Parsed graphs are cached: they are shared, so treat them as read-only
(copy one before changing it).
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import Graph

from ..namespaces import PREFIXES

__all__ = [
    "ONTOLOGY_IRI",
    "SHAPES_IRI",
    "ontology_graph",
    "ontology_path",
    "queries_dir",
    "shapes_graph",
    "shapes_path",
]

#: The IRI of the ``owl:Ontology`` resource of ``kexie.ttl``.
ONTOLOGY_IRI = "https://w3id.org/kexie-graph/ontology"
#: The IRI of the shapes graph's ``owl:Ontology`` resource (it declares the SPARQL prefixes).
SHAPES_IRI = "https://w3id.org/kexie-graph/shapes"


def _resource(*parts: str) -> Path:
    # A wheel installs the package as plain files, so the traversable is a real path.
    return Path(os.fspath(resources.files("kexie_graph").joinpath("ontology", *parts)))  # type: ignore[call-overload]


def ontology_path() -> Path:
    """Return the path of the packaged ontology, ``kexie.ttl``."""
    return _resource("kexie.ttl")


def shapes_path() -> Path:
    """Return the path of the packaged SHACL shapes, ``shapes.ttl``."""
    return _resource("shapes.ttl")


def queries_dir() -> Path:
    """Return the folder of the saved competency queries (``cqNN.rq``)."""
    return _resource("queries")


def _parse(path: Path) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.parse(path, format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    """Return the ontology as an rdflib graph (parsed once, shared: do not modify it)."""
    return _parse(ontology_path())


@cache
def shapes_graph() -> Graph:
    """Return the SHACL shapes as an rdflib graph (parsed once, shared: do not modify it)."""
    return _parse(shapes_path())
