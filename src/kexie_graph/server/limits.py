"""The endpoint's guard rails that are about HTTP rather than SPARQL.

* the Host check: a server bound to a loopback address answers only requests whose ``Host`` names a
  loopback host, so that a web page whose DNS name is re-pointed at 127.0.0.1 (DNS rebinding) cannot
  read the graph through the visitor's browser;
* the size limit on request bodies, read in chunks and abandoned as soon as they pass the limit;
* the limit on queries in flight, which answers "busy" at once rather than queueing without end.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

from starlette.requests import Request

__all__ = [
    "BodyTooLarge",
    "QuerySlots",
    "host_is_loopback",
    "is_loopback_bind",
    "read_body_limited",
]


def _strip_port(host: str) -> str:
    host = host.strip()
    if host.startswith("["):  # [v6]:port
        end = host.find("]")
        return host[1:end] if end > 0 else host
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def _is_loopback_name(name: str) -> bool:
    name = name.rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@lru_cache(maxsize=128)
def host_is_loopback(host_header: str | None) -> bool:
    """Whether a ``Host`` header value names a loopback host (``localhost``, ``127.x``, ``[::1]``).

    A missing header fails the check: HTTP/1.1 requires it, and a rebinding attack cannot be told
    apart without it.
    """
    if not host_header:
        return False
    return _is_loopback_name(_strip_port(host_header))


def is_loopback_bind(host: str) -> bool:
    """Whether the address the server binds to is a loopback one (the default ``127.0.0.1``)."""
    return _is_loopback_name(host.strip("[]"))


class BodyTooLarge(Exception):
    """The request body is larger than the limit."""


async def read_body_limited(request: Request, limit: int) -> bytes:
    """Read the request body, raising :class:`BodyTooLarge` once it passes ``limit`` bytes.

    A declared ``Content-Length`` over the limit is refused before reading anything.
    """
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise BodyTooLarge
        except ValueError:
            pass  # a malformed length is the HTTP server's business; read and count instead
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


@dataclass
class QuerySlots:
    """A count of queries in flight in this process, capped at ``limit``.

    All use happens on the event loop's thread, so a plain counter needs no lock.
    """

    limit: int
    in_flight: int = 0

    def try_acquire(self) -> bool:
        """Take a slot if one is free; return False (answer "busy") otherwise."""
        if self.in_flight >= self.limit:
            return False
        self.in_flight += 1
        return True

    def release(self) -> None:
        """Give back a slot taken by :meth:`try_acquire`."""
        self.in_flight -= 1
