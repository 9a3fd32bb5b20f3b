"""Loopback helpers shared by the test folders: a free port, a trap socket that records who
connects, waiting (bounded) for a server process to answer, and stopping it.

Import as ``from tests.support import …``: pytest puts the repository root on ``sys.path``
because ``tests`` is a package.
"""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Mapping
from types import TracebackType

__all__ = ["LOOPBACK", "LoopbackTrap", "free_port", "stop_process", "wait_until_answers"]

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


class LoopbackTrap:
    """A listening loopback socket; ``connections`` lists the peer of every connection it got.

    Each connection is accepted and closed at once, answering nothing, so a client that got here
    fails fast instead of waiting. The accept loop polls a stop flag every 50 ms and its thread is
    joined on exit. ``url`` is ``http://127.0.0.1:PORT`` followed by ``path``.
    """

    def __init__(self, path: str = "") -> None:
        self.path = path
        self.connections: list[tuple[str, int]] = []
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind((LOOPBACK, 0))
        self._sock.listen(64)
        self._sock.settimeout(0.05)
        self.port = int(self._sock.getsockname()[1])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}{self.path}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, address = self._sock.accept()
            except OSError:  # the 50 ms timeout included: look at the stop flag again
                continue
            self.connections.append(address)
            conn.close()

    def __enter__(self) -> LoopbackTrap:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()


def wait_until_answers(
    process: subprocess.Popen[bytes] | subprocess.Popen[str],
    url: str,
    *,
    seconds: float,
    headers: Mapping[str, str] | None = None,
) -> bytes | None:
    """Poll ``url`` until it answers 200 (return the body) or ``process`` exits (return None).

    Bounded: raises TimeoutError when neither happened within ``seconds``.
    """
    request = urllib.request.Request(url, headers=dict(headers or {}))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return None
        try:
            with urllib.request.urlopen(request, timeout=2) as reply:
                if reply.status == 200:
                    return bytes(reply.read())
        except OSError:  # not listening yet (URLError, refused, reset, timed out)
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {seconds:g} s")


def stop_process(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Terminate ``process`` if it still runs; kill it if it has not exited 10 s later."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
