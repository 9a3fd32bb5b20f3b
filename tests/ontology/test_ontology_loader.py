"""The packaged ontology files are found through importlib.resources and parsed once."""

from __future__ import annotations

from kexie_graph.graph import ontology


def test_paths_point_at_the_packaged_files() -> None:
    assert ontology.ontology_path().name == "kexie.ttl"
    assert ontology.shapes_path().name == "shapes.ttl"
    assert ontology.ontology_path().is_file()
    assert ontology.shapes_path().is_file()
    assert ontology.queries_dir().is_dir()


def test_graphs_are_cached_and_bound_to_the_project_prefixes() -> None:
    assert ontology.ontology_graph() is ontology.ontology_graph()
    assert ontology.shapes_graph() is ontology.shapes_graph()
    prefixes = dict(ontology.ontology_graph().namespaces())
    assert str(prefixes["kx"]) == "https://w3id.org/kexie-graph/ontology#"
    assert str(prefixes["kxr"]) == "https://w3id.org/kexie-graph/id/"
