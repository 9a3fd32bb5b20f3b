"""Read a SPARQL 1.1 Protocol request into one operation, or say with which status it is refused.

The three ways to send a query (SPARQL 1.1 Protocol, section 2.1): ``GET`` with ``query=`` in
the URL, ``POST`` of a form (``application/x-www-form-urlencoded``) with ``query=``, and ``POST``
of the bare query (``application/sparql-query``) with the other parameters in the URL.
``default-graph-uri`` and ``named-graph-uri`` may be repeated. An update in any of its forms is
answered 403: this endpoint is read-only. ``GET`` with neither ``query`` nor ``update`` asks for
the service description.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl

from starlette.requests import Request

from .limits import BodyTooLarge, read_body_limited

__all__ = ["ALLOWED_METHODS", "Operation", "ProtocolError", "read_operation"]

#: the methods /sparql answers (others: 405 with this list in ``Allow``)
ALLOWED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_READ_ONLY = (
    "this endpoint is read-only: SPARQL updates are refused "
    "(use kexie-graph build to change the graph)"
)


class ProtocolError(Exception):
    """A request the endpoint refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True, slots=True)
class Operation:
    """What a request asks for."""

    kind: Literal["query", "service-description"]
    text: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    #: values of ``format=``, in order (SPARQLWrapper sends several)
    formats: tuple[str, ...] = ()


def _one(values: Sequence[str], name: str) -> str | None:
    if not values:
        return None
    if len(values) > 1:
        raise ProtocolError(
            400, f"the parameter {name!r} was given {len(values)} times; send it once"
        )
    return values[0]


def _check_size(text: str, limit: int) -> None:
    # str length bounds the byte length from below; encode only when it could be over
    if len(text) * 4 > limit and len(text.encode("utf-8")) > limit:
        raise ProtocolError(
            413,
            f"the query is larger than the limit of {limit} bytes; shorten it "
            "(or start the server with a larger --max-query-bytes)",
        )


def _operation(
    params: Sequence[tuple[str, str]], limit: int, *, body_query: str | None = None
) -> Operation:
    grouped: dict[str, list[str]] = {}
    for key, value in params:
        grouped.setdefault(key, []).append(value)
    if "update" in grouped:
        raise ProtocolError(403, _READ_ONLY)
    query = _one(grouped.get("query", ()), "query")
    if body_query is not None:
        if query is not None:
            raise ProtocolError(
                400, "a query was sent both in the body and in the URL's query= parameter; send one"
            )
        query = body_query
    common = {
        "default_graphs": tuple(grouped.get("default-graph-uri", ())),
        "named_graphs": tuple(grouped.get("named-graph-uri", ())),
        "formats": tuple(grouped.get("format", ())),
    }
    if query is None:
        return Operation("service-description", **common)  # type: ignore[arg-type]
    _check_size(query, limit)
    if not query.strip():
        raise ProtocolError(400, "the query is empty; send SPARQL text in query=")
    return Operation("query", query, **common)


def _url_params(request: Request) -> list[tuple[str, str]]:
    return request.query_params.multi_items()


def _charset(content_type: str) -> str:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"').lower() or "utf-8"
    return "utf-8"


def _decode(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset)
    except LookupError as error:
        raise ProtocolError(415, f"unknown charset {charset!r}; send the query as UTF-8") from error
    except UnicodeDecodeError as error:
        raise ProtocolError(
            400, f"the request body is not valid {charset} (byte {error.start}); send UTF-8"
        ) from error


async def read_operation(request: Request, max_query_bytes: int, max_body_bytes: int) -> Operation:
    """Return the operation a GET or POST to /sparql asks for; raise :class:`ProtocolError`."""
    method = request.method
    if method in ("GET", "HEAD"):
        return _operation(_url_params(request), max_query_bytes)
    if method != "POST":
        raise ProtocolError(
            405,
            f"method {method} is not allowed on /sparql; use GET or POST",
            {"Allow": ", ".join(ALLOWED_METHODS)},
        )
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media == _UPDATE:
        raise ProtocolError(403, _READ_ONLY)
    if media not in (_FORM, _QUERY):
        shown = media or "none"
        raise ProtocolError(
            415,
            f"a POST to /sparql must be {_QUERY} or {_FORM}, not {shown}",
            {"Accept-Post": f"{_QUERY}, {_FORM}"},
        )
    try:
        body = await read_body_limited(request, max_body_bytes)
    except BodyTooLarge as error:
        raise ProtocolError(
            413,
            f"the request body is larger than the limit of {max_body_bytes} bytes; "
            "shorten the query",
        ) from error
    text = _decode(body, _charset(content_type))
    if media == _QUERY:
        return _operation(_url_params(request), max_query_bytes, body_query=text)
    try:
        form = parse_qsl(text, keep_blank_values=True, max_num_fields=1000)
    except ValueError as error:
        raise ProtocolError(400, f"the form body cannot be read: {error}") from error
    # graph and format parameters may also come in the URL; the query itself only once
    operation = _operation([*form, *_url_params(request)], max_query_bytes)
    if operation.kind != "query":
        raise ProtocolError(400, "the form carries no query= parameter; send the SPARQL text in it")
    return operation
