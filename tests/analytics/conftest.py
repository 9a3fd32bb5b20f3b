"""Fixtures of the analytics tests: the fixture as a store, its generator and its projection."""

from __future__ import annotations

from types import ModuleType

import networkx as nx
import pyoxigraph as ox
import pytest
from analytics_support import ANALYTICS_TRIG, load_generator

from kexie_graph.views.project import project


@pytest.fixture(scope="session")
def gen() -> ModuleType:
    """The fixture generator: ``ENTITIES``, ``ARTICLES``, ``iri(key)``, ``sentence_spans``."""
    return load_generator()


@pytest.fixture(scope="session")
def store() -> ox.Store:
    """The analytics fixture in an in-memory Oxigraph store."""
    s = ox.Store()
    s.bulk_load(path=str(ANALYTICS_TRIG), format=ox.RdfFormat.TRIG)
    return s


@pytest.fixture(scope="session")
def projection(store: ox.Store) -> nx.MultiDiGraph:
    """The fixture projected to entities and relations (shared: tests must not change it)."""
    return project(store)
