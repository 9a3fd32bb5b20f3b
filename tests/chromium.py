"""The flags headless Chromium is launched with by the browser tests and benchmarks/bench_views.py.

Test-side only (the package never launches a browser): no sandbox (containers), software
rendering, and nothing that reaches the network behind the page's back (updates, sync, QUIC).
Import as ``from tests.chromium import CHROMIUM_ARGS``; a benchmark puts the repository root on
``sys.path`` first.
"""

from __future__ import annotations

__all__ = ["CHROMIUM_ARGS"]

CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
