"""The Starlette application: the SPARQL endpoint, the query page, the entity pages.

Routes::

    GET|POST /sparql      SPARQL 1.1 Protocol (query only); GET without a query: service description
    GET /                 the query page (YASGUI, offline)
    GET /entity?iri=…     what the graph says about one resource, with its evidence
    GET /api/examples     the competency queries, as JSON, for the page
    GET /api/prefixes     the project's prefixes, as JSON, for the editor's completion
    GET /static/…         the page's scripts and styles (shipped in the package)

Every answer is plain text or data: an error is one line of ``text/plain`` with the right status and
never a traceback. The query work runs in worker threads so that the event loop keeps answering
while a query runs; the query layer stops a query at its deadline.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import anyio
import pyoxigraph as ox
from anyio import to_thread
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import (
    KexieError,
    QueryError,
    QueryRefusedError,
    QuerySyntaxError,
    QueryTimeoutError,
    StoreError,
)
from ..namespaces import PREFIXES
from .cache import AnswerCache
from .config import ServerConfig
from .entity import QUERIES, EntityView, render_entity, render_missing
from .executor import Answer, Executor, Prepared, QueryLayerExecutor
from .limits import QuerySlots, host_is_loopback
from .negotiate import NotAcceptable, choose_format
from .protocol import ALLOWED_METHODS, Operation, ProtocolError, read_operation
from .servicedesc import service_description
from .ui import load_examples, static_dir

__all__ = ["CONFIG_ENV", "TRUNCATED_HEADER", "app_from_env", "create_app", "open_executor"]

log = logging.getLogger("kexie_graph.server")

#: the environment variable through which ``serve`` hands its settings to uvicorn's worker processes
CONFIG_ENV = "KEXIE_SERVE_CONFIG"
#: set to ``true`` on an answer cut at the row cap
TRUNCATED_HEADER = "X-Kexie-Truncated"
ROW_LIMIT_HEADER = "X-Kexie-Row-Limit"

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", _CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
_TEXT = "text/plain; charset=utf-8"
_INTERNAL = "internal error: the server could not answer this request (details are in its log)"


def _plain(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(f"{message}\n", status_code=status, media_type=_TEXT, headers=headers)


class _Reply(NamedTuple):
    """An answer of the /sparql hot path, sent without Starlette's Response machinery."""

    status: int
    body: bytes
    content_type: str | None
    headers: list[tuple[bytes, bytes]]


_VARY_ACCEPT = (b"vary", b"Accept")


def _reply_text(
    status: int, message: str, headers: list[tuple[bytes, bytes]] | None = None
) -> _Reply:
    return _Reply(status, f"{message}\n".encode(), _TEXT, headers or [])


def open_executor(config: ServerConfig) -> Executor:
    """Open the store of ``config`` behind the query layer."""
    return QueryLayerExecutor(Path(config.store), query_workers=config.query_workers)


@dataclass
class _Endpoint:
    """The state the handlers share."""

    config: ServerConfig
    executor: Executor
    slots: QuerySlots
    limiter: anyio.CapacityLimiter
    cache: AnswerCache
    examples_json: list[dict[str, Any]] = field(default_factory=list)
    graphs: frozenset[str] = frozenset()

    async def sparql(self, request: Request) -> _Reply:
        """Answer one request to /sparql (called straight from the ASGI layer: the hot path)."""
        if request.method == "OPTIONS":
            return _Reply(204, b"", None, [(b"allow", ", ".join(ALLOWED_METHODS).encode())])
        try:
            operation = await read_operation(
                request, self.config.max_query_bytes, self.config.max_body_bytes
            )
            if operation.kind == "service-description":
                return self._describe(request, operation.formats)
            return await self._query(request, operation)
        except ProtocolError as error:
            headers = [(k.lower().encode(), v.encode()) for k, v in error.headers.items()]
            return _reply_text(error.status, error.message, headers)
        except NotAcceptable as error:
            return _reply_text(406, str(error))

    def _describe(self, request: Request, formats: tuple[str, ...]) -> _Reply:
        fmt = choose_format("graph", request.headers.get("accept"), formats)
        endpoint = str(request.url.replace(query="", fragment=""))
        body = service_description(endpoint, self.graphs, fmt)
        return _Reply(200, body, fmt.content_type, [_VARY_ACCEPT])

    async def _query(self, request: Request, operation: Operation) -> _Reply:
        if not self.slots.try_acquire():
            return _reply_text(
                503,
                f"the server is busy with {self.slots.limit} queries; retry in a moment",
                [(b"retry-after", b"1")],
            )
        try:
            try:
                prepared: Prepared = self.executor.prepare(operation.text)
            except QuerySyntaxError as error:
                return _reply_text(400, f"malformed query: {error}")
            except QueryRefusedError as error:
                return _reply_text(400, f"query refused: {error}")
            fmt = choose_format(prepared.kind, request.headers.get("accept"), operation.formats)
            try:
                key = (prepared.text, operation.default_graphs, operation.named_graphs, fmt.name)
                answer = self.cache.get(key)
                if answer is None:
                    answer = await to_thread.run_sync(
                        self._run, prepared, fmt.name, operation, limiter=self.limiter
                    )
                    self.cache.put(key, answer)
            except QueryTimeoutError as error:
                # the query layer's message names the deadline and what to do about it
                return _reply_text(503, f"query stopped: {error}")
            except QuerySyntaxError as error:
                return _reply_text(400, f"malformed query: {error}")
            except QueryRefusedError as error:
                return _reply_text(400, f"query refused: {error}")
            except QueryError as error:
                return _reply_text(400, f"the query cannot run: {error}")
            except StoreError as error:
                return _reply_text(503, f"the store cannot answer now: {error}")
            headers = [_VARY_ACCEPT]
            if answer.truncated:
                headers += [
                    (TRUNCATED_HEADER.lower().encode(), b"true"),
                    (ROW_LIMIT_HEADER.lower().encode(), str(self.config.max_rows).encode()),
                ]
            return _Reply(200, answer.body, fmt.content_type, headers)
        finally:
            self.slots.release()

    def _run(self, prepared: Prepared, fmt: str, operation: Operation) -> Answer:
        return self.executor.run(
            prepared,
            fmt,
            default_graphs=operation.default_graphs,
            named_graphs=operation.named_graphs,
            max_rows=self.config.max_rows,
            timeout=self.config.timeout,
        )

    async def entity(self, request: Request) -> Response:
        iri = request.query_params.get("iri", "").strip()
        if not iri:
            return _plain(400, "give the resource as /entity?iri=<IRI>")
        try:
            ox.NamedNode(iri)
        except ValueError:
            return _plain(400, f"not an IRI: {iri!r}")
        if ":" not in iri:
            return _plain(400, f"not an absolute IRI: {iri!r}")
        if not self.slots.try_acquire():
            return _plain(503, "the server is busy; retry in a moment", {"Retry-After": "1"})
        try:
            rows = await to_thread.run_sync(self._entity_rows, iri, limiter=self.limiter)
        except QueryTimeoutError:
            return _plain(503, "the entity page took longer than the query deadline")
        except StoreError as error:
            return _plain(503, f"the store cannot answer now: {error}")
        finally:
            self.slots.release()
        view = EntityView(iri, rows)
        if view.empty:
            return HTMLResponse(render_missing(iri), status_code=404)
        return HTMLResponse(render_entity(view))

    def _entity_rows(self, iri: str) -> dict[str, Any]:
        return {
            name: self.executor.select(query, {"iri": iri}, timeout=self.config.timeout)
            for name, query in QUERIES.items()
        }

    async def page(self, request: Request) -> Response:
        return FileResponse(static_dir() / "index.html", media_type="text/html; charset=utf-8")

    async def examples(self, request: Request) -> Response:
        return JSONResponse(self.examples_json)

    async def prefixes(self, request: Request) -> Response:
        return JSONResponse(PREFIXES)


class GuardMiddleware:
    """Host check, CORS, security headers and the last-resort error answer, in one ASGI layer."""

    def __init__(self, app: ASGIApp, config: ServerConfig, endpoint: _Endpoint) -> None:
        self.app = app
        self.endpoint = endpoint
        self.check_host = config.checks_host
        self.origins = frozenset(config.cors_origins)

    def _cors_origin(self, scope: Scope, headers: dict[bytes, bytes]) -> bytes | None:
        origin = headers.get(b"origin")
        if origin is None or not self.origins or not scope["path"].startswith("/sparql"):
            return None
        if "*" in self.origins:
            return b"*"
        return origin if origin.decode("latin-1") in self.origins else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if self.check_host and not host_is_loopback(
            headers.get(b"host", b"").decode("latin-1") or None
        ):
            await _send_plain(
                send,
                421,
                "this server answers only requests addressed to localhost, 127.0.0.1 or [::1]; "
                "start it with --host to serve other names",
            )
            return
        allow_origin = self._cors_origin(scope, headers)
        if (
            allow_origin is not None
            and scope["method"] == "OPTIONS"
            and b"access-control-request-method" in headers
        ):
            await _send_preflight(send, allow_origin)
            return
        extra = list(_SECURITY_HEADERS)
        if allow_origin is not None:
            extra += [
                (b"access-control-allow-origin", allow_origin),
                (
                    b"access-control-expose-headers",
                    f"{TRUNCATED_HEADER}, {ROW_LIMIT_HEADER}".encode(),
                ),
            ]
            if allow_origin != b"*":
                extra.append((b"vary", b"Origin"))
        if scope["path"] == "/sparql":
            try:
                reply = await self.endpoint.sparql(Request(scope, receive))
            except Exception:
                log.exception("unexpected error answering %s /sparql", scope["method"])
                reply = _reply_text(500, _INTERNAL)
            await _send_reply(send, reply, extra, head=scope["method"] == "HEAD")
            return
        started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            log.exception("unexpected error answering %s %s", scope["method"], scope["path"])
            if not started:
                await _send_plain(send, 500, _INTERNAL)


async def _send_reply(
    send: Send, reply: _Reply, extra: list[tuple[bytes, bytes]], *, head: bool = False
) -> None:
    headers = [(b"content-length", str(len(reply.body)).encode()), *reply.headers, *extra]
    if reply.content_type is not None:
        headers.append((b"content-type", reply.content_type.encode()))
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else reply.body})


async def _send_plain(send: Send, status: int, message: str) -> None:
    body = f"{message}\n".encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", _TEXT.encode()),
                (b"content-length", str(len(body)).encode()),
                *_SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _send_preflight(send: Send, origin: bytes) -> None:
    headers = [
        (b"access-control-allow-origin", origin),
        (b"access-control-allow-methods", b"GET, POST"),
        (b"access-control-allow-headers", b"Accept, Content-Type"),
        (b"access-control-max-age", b"600"),
        (b"content-length", b"0"),
        *_SECURITY_HEADERS,
    ]
    if origin != b"*":
        headers.append((b"vary", b"Origin"))
    await send({"type": "http.response.start", "status": 204, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


def create_app(config: ServerConfig, executor: Executor | None = None) -> Starlette:
    """Build the app serving ``config.store`` (or the given executor, which the app then owns)."""
    endpoint = _Endpoint(
        config=config,
        executor=executor if executor is not None else open_executor(config),
        slots=QuerySlots(config.max_concurrent),
        limiter=anyio.CapacityLimiter(config.max_concurrent),
        cache=AnswerCache(config.cache_bytes),
    )
    endpoint.graphs = endpoint.executor.graphs()
    endpoint.examples_json = [example.as_json() for example in load_examples()]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        try:
            yield
        finally:
            endpoint.executor.close()

    routes = [
        Route("/", endpoint.page, methods=["GET", "HEAD"]),
        Route("/entity", endpoint.entity, methods=["GET", "HEAD"]),
        Route("/api/examples", endpoint.examples, methods=["GET", "HEAD"]),
        Route("/api/prefixes", endpoint.prefixes, methods=["GET", "HEAD"]),
        Mount("/static", app=StaticFiles(directory=static_dir()), name="static"),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        return _plain(404, f"nothing at {request.url.path}; the endpoint is /sparql, the page is /")

    async def wrong_method(request: Request, exc: Exception) -> Response:
        return _plain(405, f"method {request.method} is not allowed on {request.url.path}")

    async def user_error(request: Request, exc: Exception) -> Response:
        return _plain(503 if isinstance(exc, StoreError) else 400, str(exc))

    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        404: not_found,
        405: wrong_method,
        KexieError: user_error,
    }
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers=handlers)
    app.add_middleware(GuardMiddleware, config=config, endpoint=endpoint)
    app.state.endpoint = endpoint
    return app


def app_from_env() -> Starlette:
    """The app factory uvicorn's worker processes call (settings in ``$KEXIE_SERVE_CONFIG``)."""
    text = os.environ.get(CONFIG_ENV)
    if not text:
        raise StoreError(f"${CONFIG_ENV} is not set; start the server with kexie-graph serve")
    return create_app(ServerConfig.from_json(text))
