"""The settings of one ``kexie-graph serve``: what to serve, where, and within which limits."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from .limits import is_loopback_bind

__all__ = ["DEFAULT_TIMEOUT", "ServerConfig"]

#: seconds a query may run before it is stopped and answered 503
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class ServerConfig:
    """Everything the app needs to know; serialisable to JSON so worker processes can share it."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 8000
    #: per-query deadline in seconds (None: no deadline, for trusted local use only)
    timeout: float | None = DEFAULT_TIMEOUT
    #: origins allowed to read answers cross-origin; empty: same-origin only; ``("*",)``: any page
    cors_origins: tuple[str, ...] = ()
    #: rows (or triples) sent at most; a longer answer is cut and says so in X-Kexie-Truncated
    max_rows: int = 10_000
    #: the largest query text accepted, in UTF-8 bytes (413 beyond). A GET whose whole URL passes
    #: 64 KiB is refused earlier, with 400, by the HTTP parser (httptools): long queries go by POST
    max_query_bytes: int = 32 * 1024
    #: queries running or waiting in one server process before new ones get 503 at once
    max_concurrent: int = 64
    #: bytes of recent answers kept per process (0: no cache); the served store does not change
    cache_bytes: int = 32 * 1024 * 1024
    #: query-layer worker processes per server process (they run queries with a deadline)
    query_workers: int = 2
    #: uvicorn worker processes
    workers: int = 1
    #: check the Host header; None: on exactly when bound to a loopback address
    host_check: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def checks_host(self) -> bool:
        """Whether requests must name a loopback host (the default when bound to loopback)."""
        return is_loopback_bind(self.host) if self.host_check is None else self.host_check

    @property
    def max_body_bytes(self) -> int:
        """The largest request body read: form encoding can take three bytes per query byte."""
        return 3 * self.max_query_bytes + 8192

    def with_(self, **changes: Any) -> ServerConfig:
        """Return a copy with some settings changed."""
        return replace(self, **changes)

    def to_json(self) -> str:
        """Serialise for a worker process (see :meth:`from_json`)."""
        data = asdict(self)
        data["store"] = str(self.store)
        data["cors_origins"] = list(self.cors_origins)
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> ServerConfig:
        """Read back what :meth:`to_json` wrote."""
        data = json.loads(text)
        data["store"] = Path(data["store"])
        data["cors_origins"] = tuple(data.get("cors_origins", ()))
        return cls(**data)
