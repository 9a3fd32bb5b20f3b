"""kexie-graph: Chinese science-association (科协) news as an RDF knowledge graph with provenance.

The public API, for scripts and notebooks (every name is imported on first use, so
``import kexie_graph`` stays fast)::

    import kexie_graph as kg

    report = kg.build(["data/articles"], "build")     # read, extract, validate, store
    store = kg.open_store("build", read_only=True)    # Oxigraph, with an rdflib view: store.dataset
    kg.query(store, "cq02").to_df()                   # a saved or written query -> DataFrame
    kg.show(store)                                    # the interactive view, inline in Jupyter
    g = kg.to_networkx(store)                         # entities and relations as networkx
    m = kg.measure(g)                                 # degree, betweenness, PageRank, communities
    m.frame(); m.to_rdf()                             # ... as a DataFrame, and back as RDF
    kg.shortest_path(g, "重庆市科学技术协会", "中国工程院")  # each hop with its evidence

The command line (``kexie-graph``) and the HTTP endpoint call these same functions.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import (
    CurationError,
    DecodeError,
    ExportError,
    ExtractionError,
    GraphError,
    InputError,
    KexieError,
    QueryError,
    QueryRefusedError,
    QuerySyntaxError,
    QueryTimeoutError,
    StoreError,
    StoreLockedError,
    ValidationError,
    ViewError,
)

# ``query`` and ``export`` are both functions and subpackages: importing them here, once, binds the
# package attribute to the function for good (a later ``import kexie_graph.query`` finds the module
# in sys.modules and leaves the attribute alone). Both subpackages import their heavy parts lazily.
from .export import export
from .namespaces import KX, KXR
from .query import query

__version__ = "0.1.0"

#: public name -> "module:attribute", imported on first use
_LAZY: dict[str, str] = {
    "Article": "kexie_graph.records:Article",
    "Reading": "kexie_graph.records:Reading",
    "Result": "kexie_graph.query:Result",
    "Store": "kexie_graph.store:Store",
    "apply_curation": "kexie_graph.curation:apply_curation",
    "build": "kexie_graph.corpus:build",
    "cooccurrence": "kexie_graph.analytics:cooccurrence",
    "evaluate_reading": "kexie_graph.evaluate:evaluate_reading",
    "extract": "kexie_graph.extract:extract",
    "extract_text": "kexie_graph.extract:extract_text",
    "focus": "kexie_graph.views:focus",
    "load_article": "kexie_graph.articles:load_article",
    "load_curation": "kexie_graph.curation:load_curation",
    "measure": "kexie_graph.analytics:measure",
    "open_store": "kexie_graph.store:open_store",
    "organisations": "kexie_graph.analytics:organisations",
    "push_store": "kexie_graph.query:push_store",
    "query_endpoint": "kexie_graph.query:query_endpoint",
    "saved_queries": "kexie_graph.query:saved_queries",
    "shortest_path": "kexie_graph.analytics:shortest_path",
    "show": "kexie_graph.views:show",
    "to_networkx": "kexie_graph.views:project",
    "to_pyvis": "kexie_graph.views:to_pyvis",
    "validate": "kexie_graph.graph.validate:validate",
    "write_view": "kexie_graph.views:write_view",
}

# a literal, so linters see the re-exports; in sorted() order (tests/test_public_api.py checks it),
# which puts KX after InputError where isort-style order (RUF022) would put it first
__all__ = [  # noqa: RUF022
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
]


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'kexie_graph' has no attribute {name!r}")
    module, _, attr = target.partition(":")
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
