"""``kexie-graph serve``: a read-only SPARQL 1.1 Protocol endpoint with an offline query page.

Use :func:`create_app` to get the Starlette application for a store, or the ``serve`` command to run
it under uvicorn. See :mod:`kexie_graph.server.app` for the routes.
"""

from __future__ import annotations

from .app import TRUNCATED_HEADER, create_app
from .config import DEFAULT_TIMEOUT, ServerConfig

__all__ = ["DEFAULT_TIMEOUT", "TRUNCATED_HEADER", "ServerConfig", "create_app"]
