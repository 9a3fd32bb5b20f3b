"""A query worker process: ``python _worker_main.py DB_PATH``, driven over stdin and stdout.

It is started as a script, not as part of the kexie_graph package, so that it imports only the
standard library, pyoxigraph and :mod:`._oxrun` and is ready in a few tens of milliseconds (and so
that it never re-runs the parent's ``__main__``, which multiprocessing would do).

Frames in both directions: an 8-byte big-endian length, then a :mod:`marshal`-ed tuple.
The worker opens the store read-only, holds a shared lock on the generation's ``readers`` file
(so no build removes it meanwhile), says ``("ready", pid)``, then answers each
``("query", …)`` with a reply tuple or ``("error", kind, message)`` until ``("stop",)`` or
end of input.
"""

from __future__ import annotations

import contextlib
import fcntl
import marshal
import os
import signal
import struct
import sys
from typing import Any

_HEADER = struct.Struct(">Q")


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _send(fd: int, message: Any) -> None:
    data = marshal.dumps(message)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _die_with_parent() -> None:
    # Linux: PR_SET_PDEATHSIG, so that a worker busy in a runaway query dies with its parent
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)


def main(argv: list[str]) -> int:
    """Serve queries on the store at ``argv[1]`` until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    in_fd, out_fd = sys.stdin.fileno(), sys.stdout.fileno()
    sys.stdout = sys.stderr  # nothing but frames may reach the parent's pipe
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import pyoxigraph as ox
    from _oxrun import run

    db_path = argv[1]
    try:
        lock_fd = os.open(os.path.join(os.path.dirname(db_path), "readers"), os.O_RDONLY)
        fcntl.flock(lock_fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        db = ox.Store.read_only(db_path)
    except OSError as error:
        _send(out_fd, ("error", "StoreError", f"{db_path}: cannot be opened ({error})"))
        return 1
    _send(out_fd, ("ready", os.getpid()))
    while True:
        header = _read_exact(in_fd, _HEADER.size)
        if header is None:
            return 0
        payload = _read_exact(in_fd, _HEADER.unpack(header)[0])
        if payload is None:
            return 0
        request = marshal.loads(payload)
        if request[0] == "stop":
            return 0
        (
            _,
            source,
            is_update,
            has_dataset,
            union,
            prefixes,
            default_graphs,
            named_graphs,
            max_rows,
            fmt,
        ) = request
        try:
            reply = run(
                db,
                source,
                is_update=is_update,
                has_dataset=has_dataset,
                default_is_union=union,
                prefixes=prefixes,
                default_graphs=default_graphs,
                named_graphs=named_graphs,
                max_rows=max_rows,
                fmt=fmt,
                wire=True,
            )
            message: Any = reply
        except SyntaxError as error:
            message = ("error", "SyntaxError", str(error))
        except OSError as error:
            message = ("error", "OSError", str(error))
        except Exception as error:  # a worker must answer, whatever went wrong
            message = ("error", type(error).__name__, str(error))
        try:
            _send(out_fd, message)
        except ValueError:  # marshal met something it cannot carry
            _send(out_fd, ("error", "ValueError", "the answer cannot be sent back"))
        except OSError:
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
