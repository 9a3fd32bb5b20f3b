"""kexie-graph: Chinese science-association (科协) news as an RDF knowledge graph with provenance.

The public API is listed in ``__all__``; everything else is internal.
"""

from __future__ import annotations

from .errors import (
    CurationError,
    DecodeError,
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
from .namespaces import KX, KXR

__version__ = "0.1.0"

__all__ = [
    "KX",
    "KXR",
    "CurationError",
    "DecodeError",
    "ExtractionError",
    "GraphError",
    "InputError",
    "KexieError",
    "QueryError",
    "QueryRefusedError",
    "QuerySyntaxError",
    "QueryTimeoutError",
    "StoreError",
    "StoreLockedError",
    "ValidationError",
    "ViewError",
    "__version__",
]
