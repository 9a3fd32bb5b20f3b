"""One exception hierarchy for kexie-graph.

Every error a user can cause derives from :class:`KexieError`; the command line prints its message
as one line on stderr and exits with status 1. Messages name the input and say what to do about it.

::

    KexieError
    ├── InputError            an article file or folder that cannot be read as an article
    │   └── DecodeError       bytes that are binary or in no text encoding we can detect
    ├── ExtractionError       the extractor met an inconsistency it cannot recover from
    ├── GraphError            records that cannot become valid RDF
    │   └── ValidationError   the SHACL shapes are violated (carries the report)
    ├── StoreError            a store folder that is missing, not a store, locked or of another
    │                         version
    │   └── StoreLockedError  another process is writing the store
    ├── QueryError            a SPARQL query that cannot run
    │   ├── QuerySyntaxError  malformed SPARQL (with line and column)
    │   ├── QueryRefusedError SERVICE, LOAD, outside FROM, or an update on a read-only store
    │   └── QueryTimeoutError the query ran past its deadline and was stopped
    ├── ViewError             a view that cannot be drawn (e.g. a focus name that matches nothing)
    ├── ExportError           an export that cannot be written as asked (format, scope, remote
    │                         @context)
    └── CurationError         a curation file that is malformed
"""

from __future__ import annotations

__all__ = [
    "CurationError",
    "DecodeError",
    "ExportError",
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
]


class KexieError(Exception):
    """Base class of every error kexie-graph raises on purpose; its message is one line for
    users."""


class InputError(KexieError):
    """An input file or folder that cannot be read as an article."""


class DecodeError(InputError):
    """Bytes that are binary, or text in an encoding that cannot be detected."""


class ExtractionError(KexieError):
    """The extractor met an inconsistency it cannot recover from."""


class GraphError(KexieError):
    """Records that cannot be turned into valid RDF."""


class ValidationError(GraphError):
    """The graph violates the SHACL shapes.

    ``report`` holds pySHACL's text report; ``str(error)`` is its one-line summary.
    """

    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report


class StoreError(KexieError):
    """A store folder that is missing, is not a store, or has an unsupported format version."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class QueryError(KexieError):
    """A SPARQL query that cannot be run."""


class QuerySyntaxError(QueryError):
    """Malformed SPARQL; the message carries the parser's line and column."""


class QueryRefusedError(QueryError):
    """A query refused by the guard: SERVICE, LOAD, an outside FROM, or an update on a read-only
    store."""


class QueryTimeoutError(QueryError):
    """A query that ran past its deadline and was stopped."""


class ViewError(KexieError):
    """A view that cannot be drawn as asked."""


class ExportError(KexieError):
    """An export that cannot be written as asked (unknown format, csv without a path, a remote
    @context)."""


class CurationError(KexieError):
    """A curation file that is malformed."""
