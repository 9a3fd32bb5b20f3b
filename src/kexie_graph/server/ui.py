"""The query page's server side: where its files are, and the example queries it offers.

The page itself (``resources/queryui/``) is static: the YASGUI editor and result table bundled from
its npm package, a small script of ours that sets it up for this endpoint, and a stylesheet. It
fetches the examples and prefixes as JSON from the app, so nothing on it comes from the network.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..namespaces import PREFIXES

__all__ = ["Example", "load_examples", "queries_dir", "static_dir"]

#: offered when the package ships no competency queries yet
_STARTERS: tuple[tuple[str, str, str], ...] = (
    (
        "classes",
        "Entities per class",
        "SELECT ?class (COUNT(DISTINCT ?entity) AS ?entities)\n"
        "WHERE { ?entity a ?class . FILTER(STRSTARTS(STR(?class), STR(kx:))) }\n"
        "GROUP BY ?class ORDER BY DESC(?entities)",
    ),
    (
        "labels",
        "Entities and their Chinese labels",
        'SELECT ?entity ?label\nWHERE { ?entity rdfs:label ?label . FILTER(LANG(?label) = "zh") }\n'
        "ORDER BY ?label LIMIT 100",
    ),
)


@dataclass(frozen=True)
class Example:
    """One ready query for the page's example list."""

    name: str
    title: str
    query: str

    def as_json(self) -> dict[str, Any]:
        """The JSON object the page reads."""
        return {"name": self.name, "title": self.title, "query": self.query}


def static_dir() -> Path:
    """The folder of the query page's files inside the installed package."""
    return Path(str(files("kexie_graph") / "resources" / "queryui"))


def queries_dir() -> Path:
    """The folder of the competency queries (``cqNN.rq``) shipped with the package."""
    try:
        module = importlib.import_module("kexie_graph.graph.ontology")
        finder: Callable[[], Any] | None = getattr(module, "queries_dir", None)
        if finder is not None:
            return Path(str(finder()))
    except ImportError:
        pass
    return Path(str(files("kexie_graph") / "ontology" / "queries"))


def _title(name: str, text: str) -> str:
    # the first comment lines of a saved query describe it
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        comment = stripped.lstrip("#").strip()
        if comment.lower().startswith(name.lower()):  # "# CQ01: …" already names itself
            comment = comment[len(name) :].lstrip(" :.-")
        if comment:
            return f"{name}: {comment}"
    return name


def _with_prefixes(text: str) -> str:
    """Show the project's PREFIX lines above a saved query that leaves them to the query layer.

    The query layer predeclares them; the editor's own syntax check does not know that.
    """
    declared = {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([\w-]*):", text)}
    lines = [
        f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared and f"{p}:" in text
    ]
    return "\n".join([*lines, text]) if lines else text


def load_examples(folder: Path | None = None) -> list[Example]:
    """Return the competency queries of ``folder`` (default: the package's), or starter queries."""
    folder = queries_dir() if folder is None else folder
    found = sorted(folder.glob("cq*.rq")) if folder.is_dir() else []
    examples = [
        Example(path.stem, _title(path.stem, text), _with_prefixes(text))
        for path in found
        for text in [path.read_text(encoding="utf-8")]
    ]
    if examples:
        return examples
    return [Example(name, title, _with_prefixes(query)) for name, title, query in _STARTERS]
