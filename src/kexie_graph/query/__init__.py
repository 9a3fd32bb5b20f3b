"""The query layer: guard, saved queries, execution (in process or with a deadline) and results.

>>> from kexie_graph.store import open_store
>>> from kexie_graph.query import query
>>> with open_store("build", read_only=True) as store:              # doctest: +SKIP
...     result = query(store, "cq01")
...     result.rows[0]["answer"]
'中国科学技术协会'

Modules: :mod:`.guard` (what a query may do), :mod:`.saved` (queries by name), :mod:`.api`
(``query``/``execute``), :mod:`.engine` (running on Oxigraph and rdflib), :mod:`.worker`
(deadlines), :mod:`.results` (rows, DataFrames, tables, serializations), :mod:`.terms` (RDF terms
as Python values), :mod:`.remote` (other SPARQL endpoints: query and Graph Store push).
"""

from __future__ import annotations

from .api import execute, query
from .guard import ANY_GRAPH, CheckedQuery, check_query
from .remote import push_store, query_endpoint
from .results import GRAPH_FORMATS, MEDIA_TYPES, RESULT_FORMATS, Result
from .saved import saved_queries, saved_query

__all__ = [
    "ANY_GRAPH",
    "GRAPH_FORMATS",
    "MEDIA_TYPES",
    "RESULT_FORMATS",
    "CheckedQuery",
    "Result",
    "check_query",
    "execute",
    "push_store",
    "query",
    "query_endpoint",
    "saved_queries",
    "saved_query",
]
