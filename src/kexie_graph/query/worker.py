"""Worker processes that run queries with a deadline.

Oxigraph cannot cancel a running query, so a query with a deadline runs in a pre-started worker
process that has the store open read-only. At the deadline the worker is killed (SIGKILL) and a
fresh one started in its place; the caller gets :class:`~kexie_graph.errors.QueryTimeoutError`
and the next query is answered as usual.

The fast path stays fast: workers are persistent; requests and replies are :mod:`marshal`-ed
tuples over pipes (rows as cells, graphs as N-Triples, or the answer already serialized by Oxigraph
when the caller asked for bytes); a worker is a small script (:mod:`._worker_main`) that imports
only pyoxigraph, so a replacement is ready in well under a second. Workers are plain
subprocesses, not :mod:`multiprocessing` ones, so they never re-import the caller's ``__main__``
(a script, a notebook, a server) and die with their parent.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import select
import struct
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import QueryError, QueryTimeoutError, StoreError
from ..namespaces import PREFIXES
from .engine import map_error

__all__ = ["QueryPool"]

_START_TIMEOUT = 60.0  # a worker that cannot open the store within this is reported broken
_STOP_GRACE = 1.0
_HEADER = struct.Struct(">Q")
_SCRIPT = str(Path(__file__).with_name("_worker_main.py"))
_POOLS: weakref.WeakSet[QueryPool] = weakref.WeakSet()


class _Deadline(Exception):
    """Raised inside the pool when a worker did not answer in time."""


class _Gone(Exception):
    """Raised inside the pool when a worker's pipe closed."""


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen[bytes]
    ready: bool = False
    started: float = field(default_factory=time.monotonic)

    def send(self, message: Any) -> None:
        data = marshal.dumps(message)
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(_HEADER.pack(len(data)) + data)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            raise _Gone from None

    def receive(self, deadline: float | None) -> Any:
        """Read one frame; raise _Deadline when ``deadline`` (monotonic) passes first."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        header = self._read(fd, _HEADER.size, deadline)
        payload = self._read(fd, _HEADER.unpack(header)[0], deadline)
        try:
            return marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            raise _Gone from None

    @staticmethod
    def _read(fd: int, size: int, deadline: float | None) -> bytes:
        chunks = []
        while size:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([fd], [], [], left)[0]:
                    raise _Deadline
            try:
                chunk = os.read(fd, min(size, 1 << 20))
            except OSError:
                raise _Gone from None
            if not chunk:
                raise _Gone
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(Exception):
                stream.close()  # type: ignore[union-attr]
        with contextlib.suppress(Exception):
            self.process.wait(timeout=5)

    def stop(self) -> None:
        with contextlib.suppress(_Gone):
            self.send(("stop",))
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=_STOP_GRACE)
        self.kill()


class QueryPool:
    """Persistent worker processes over one store generation (``db_path``: its Oxigraph folder).

    Thread-safe: each :meth:`run` takes an idle worker, waiting for one while all are busy.
    """

    def __init__(
        self, db_path: str | os.PathLike[str], size: int = 1, *, default_is_union: bool = False
    ) -> None:
        if size < 1:
            raise ValueError("a query pool needs at least one worker")
        self.db_path = str(db_path)
        self.size = size
        self.default_is_union = default_is_union
        self.timeouts = 0  # queries stopped at their deadline, for monitoring
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._closed = False
        for _ in range(size):
            self._idle.append(self._spawn())
        _POOLS.add(self)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""
        return self._closed

    def _spawn(self) -> _Worker:
        process = subprocess.Popen(
            [sys.executable, _SCRIPT, self.db_path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            close_fds=True,
        )
        return _Worker(process)

    def _await_ready(self, worker: _Worker) -> None:
        if worker.ready:
            return
        try:
            message = worker.receive(worker.started + _START_TIMEOUT)
        except _Deadline:
            message = (
                "error",
                "StoreError",
                f"a query worker did not start in {_START_TIMEOUT:g} s",
            )
        except _Gone:
            message = ("error", "StoreError", "a query worker exited while opening the store")
        if message[0] == "ready":
            worker.ready = True
            return
        self._replace(worker)
        raise StoreError(f"{self.db_path}: {message[2]}")

    def _acquire(self, wait: float | None) -> _Worker:
        deadline = None if wait is None else time.monotonic() + wait
        with self._cond:
            while True:
                if self._closed:
                    raise QueryError("the store's query workers are stopped; open the store again")
                if self._idle:
                    worker = self._idle.pop()
                    self._busy.add(worker)
                    return worker
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise QueryTimeoutError(
                        f"all {self.size} query workers stayed busy past the deadline; try again "
                        "later, or start more workers"
                    )
                self._cond.wait(left)

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            self._busy.discard(worker)
            if self._closed:
                worker.stop()
            else:
                self._idle.append(worker)
            self._cond.notify()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start a fresh one in its place."""
        worker.kill()
        with self._cond:
            self._busy.discard(worker)
            if not self._closed:
                self._idle.append(self._spawn())
            self._cond.notify()

    def run(
        self,
        source: str,
        *,
        is_update: bool = False,
        has_dataset: bool = False,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        max_rows: int | None = None,
        fmt: str | None = None,
        timeout: float,
    ) -> tuple[Any, ...]:
        """Run a query that passed the guard in a worker; return its reply (see :mod:`.engine`).

        The deadline counts from when the query is sent; waiting for a free worker (and for a
        fresh one to start) is not counted.
        """
        worker = self._acquire(None)
        try:
            self._await_ready(worker)
        except BaseException:
            with self._cond:
                self._busy.discard(worker)
                self._cond.notify()
            raise
        request = (
            "query",
            source,
            is_update,
            has_dataset,
            self.default_is_union,
            dict(PREFIXES),
            None if default_graphs is None else list(default_graphs),
            None if named_graphs is None else list(named_graphs),
            max_rows,
            fmt,
        )
        try:
            worker.send(request)
            reply = worker.receive(time.monotonic() + timeout)
        except _Deadline:
            self.timeouts += 1
            self._replace(worker)
            raise QueryTimeoutError(
                f"the query ran past its deadline of {timeout:g} s and was stopped; narrow it "
                "(LIMIT, a more selective pattern) or allow more time (--timeout)"
            ) from None
        except _Gone:
            self._replace(worker)
            raise QueryError(
                "the query worker stopped unexpectedly (out of memory?); narrow the query"
            ) from None
        except BaseException:
            self._replace(worker)  # interrupted mid-query: the worker's state is unknown
            raise
        self._release(worker)
        if reply[0] == "error":
            _, kind, message = reply
            raise map_error(_rebuild(kind, message))
        return tuple(reply)

    def close(self) -> None:
        """Stop every worker (a busy one is stopped when its query returns or times out)."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            idle, self._idle = self._idle, []
            self._cond.notify_all()
        for worker in idle:
            worker.stop()

    def pids(self) -> list[int]:
        """Process ids of the current workers (for tests and monitoring)."""
        with self._cond:
            return [w.process.pid for w in (*self._idle, *self._busy)]


def _rebuild(kind: str, message: str) -> BaseException:
    if kind == "SyntaxError":
        return SyntaxError(message)
    if kind == "OSError":
        return OSError(message)
    if kind == "StoreError":
        return StoreError(message)
    return RuntimeError(message)


@atexit.register
def _close_all() -> None:
    for pool in list(_POOLS):
        with contextlib.suppress(Exception):
            pool.close()
