"""Fixtures for the view tests: the two-article corpus, and one headless Chromium for the session.

Browser tests are marked ``browser``. They are skipped when Debian's chromium or playwright is
missing, unless ``KEXIE_REQUIRE_BROWSER`` is set (as CI sets it): then a missing browser fails them.
Every page is opened from ``file://`` with every other request aborted, and records console errors,
page errors, dialogs and the requests it tried to make.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest

from kexie_graph.views.project import project
from tests.chromium import CHROMIUM_ARGS

DATA = Path(__file__).with_name("data")
CORPUS = DATA / "corpus.trig"
CHROMIUM = os.environ.get("KEXIE_CHROMIUM", "/usr/bin/chromium")
READY = "document.documentElement.dataset.graphReady === 'true'"


@pytest.fixture(scope="session")
def corpus_store() -> ox.Store:
    store = ox.Store()
    store.load(CORPUS.read_bytes(), ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="session")
def corpus_graph(corpus_store: ox.Store) -> nx.MultiDiGraph:
    return project(corpus_store)


def node_by_label(graph: nx.Graph, label: str) -> str:
    """Return the node whose zh label is ``label``."""
    found = [n for n, d in graph.nodes(data=True) if d.get("label_zh") == label]
    assert len(found) == 1, f"{label!r}: {found}"
    return found[0]


# ---- the browser ---------------------------------------------------------------------------------


def _browser_missing() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    missing = _browser_missing()
    if missing:
        if os.environ.get("KEXIE_REQUIRE_BROWSER"):
            pytest.fail(f"KEXIE_REQUIRE_BROWSER is set but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class OpenPage:
    """A page opened from disk, with what it logged and what it tried to fetch."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def problems(self) -> list[str]:
        return [*self.console_errors, *self.page_errors, *(f"dialog: {d}" for d in self.dialogs)]


@pytest.fixture
def open_view(browser: Any) -> Iterator[Callable[..., OpenPage]]:
    """Open an HTML file offline and wait until the view says graphReady."""
    contexts: list[Any] = []

    def _open(path: Path, *, wait: bool = True) -> OpenPage:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        opened = OpenPage(page)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                opened.blocked.append(r.request.url)
                r.abort()

        def dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.route("**/*", route)
        page.on(
            "console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
        page.on("dialog", dialog)
        page.goto(Path(path).resolve().as_uri())
        if wait:  # polled in the page, as other automation would (needs the page's CSP to allow it)
            page.wait_for_function(READY, timeout=30_000, polling=25)
        return opened

    yield _open
    for context in contexts:
        context.close()
