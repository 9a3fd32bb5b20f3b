"""Atomic file writes: a temporary file in the same folder, fsync, rename, fsync of the folder.

A reader never sees a half-written file, and a crash leaves either the old file or the new one
(and, for a kill, the hidden temporary file, which :func:`remove_stale_temporaries` clears: the
writer holds a lock on it until the rename, and the kernel drops the lock of a killed process).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = [
    "atomic_write",
    "atomic_write_bytes",
    "atomic_write_text",
    "fsync_dir",
    "remove_stale_temporaries",
]


_SUFFIX = ".tmp"
#: a temporary file younger than this may be between its creation and its lock: left alone
_GRACE_SECONDS = 2.0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Flush a folder's entries (a rename inside it) to disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` atomically."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_SUFFIX, dir=target.parent)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # held until the rename: the file is in use, not stale
        # mkstemp makes 0600; a build's files are for everyone to read
        os.chmod(tmp, 0o666 & ~_umask())
        # None, None are open()'s defaults, the only values a binary mode accepts
        encoding, newline = (None, None) if "b" in mode else ("utf-8", "")
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
            os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_write(path, "wb") as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def remove_stale_temporaries(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that killed writers of :func:`atomic_write` left in ``folder``.

    A temporary file whose lock can be taken belongs to no live writer (unless it was created a
    moment ago, before its writer took the lock); it is removed. Returns the files removed.
    """
    removed: list[Path] = []
    base = Path(folder)
    if not base.is_dir():
        return removed
    now = time.time()
    for path in base.glob(f".*{_SUFFIX}"):
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if now - os.fstat(fd).st_mtime > _GRACE_SECONDS:
                path.unlink(missing_ok=True)
                removed.append(path)
        except BlockingIOError:
            pass  # a live writer holds it
        finally:
            os.close(fd)
    return removed
