"""Fixtures of the export tests: the fixture dataset as a store and as rdflib reads it."""

from __future__ import annotations

import socket
import warnings
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from export_support import EXPORT_TRIG, Quad, quads_of
from rdflib import Dataset


@pytest.fixture(scope="session")
def store() -> ox.Store:
    """The export fixture in an in-memory Oxigraph store."""
    s = ox.Store()
    s.bulk_load(path=str(EXPORT_TRIG), format=ox.RdfFormat.TRIG)
    return s


@pytest.fixture(scope="session")
def fixture_quads() -> set[Quad]:
    """The fixture's quads as rdflib's own TriG parser reads them (independent of Oxigraph)."""
    ds = Dataset()
    with warnings.catch_warnings():  # rdflib 7.6's TriG parser calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(EXPORT_TRIG, format="trig")
    return quads_of(ds)


@pytest.fixture(scope="session")
def store_quads(store: ox.Store) -> set[Quad]:
    """The store's quads as rdflib reads pyoxigraph's N-Quads dump of it.

    Not the same as ``fixture_quads``: a pyoxigraph store keeps every integer literal as
    ``xsd:integer`` (the fixture's offsets are ``xsd:nonNegativeInteger``).
    """
    ds = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(data=ox.serialize(store, format=ox.RdfFormat.N_QUADS), format="nquads")
    return quads_of(ds)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every outgoing socket connection fail the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a network connection was attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def cli_export(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Register the export command (the lead wires it in cli/__init__.py)."""
    from kexie_graph import cli

    monkeypatch.setitem(cli.COMMANDS, "export", "kexie_graph.cli.export_cmd:export")
    yield
