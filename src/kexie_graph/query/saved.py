"""Saved queries: the packaged competency queries (``cq01`` …) and any ``.rq`` in a user folder.

A saved query is called by its file name without ``.rq``. A user folder comes first, so a user's
``cq01.rq`` shadows the packaged one.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

from ..errors import QueryError

__all__ = ["is_query_name", "package_queries_dir", "resolve_query", "saved_queries", "saved_query"]

# a saved query's name is a file stem; SPARQL text always has spaces or braces, so never matches
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_MAX_NAME = 255


def package_queries_dir() -> Path:
    """The folder of the packaged competency queries."""
    try:
        from ..graph.ontology import queries_dir
    except ImportError:  # the ontology module is optional for the query layer
        return Path(os.fspath(resources.files("kexie_graph").joinpath("ontology", "queries")))  # type: ignore[call-overload]
    return queries_dir()


def _folders(queries_dir: str | os.PathLike[str] | None) -> list[Path]:
    folders = []
    if queries_dir is not None:
        user = Path(queries_dir)
        if not user.is_dir():
            raise QueryError(f"{user}: no such folder of saved queries; give a folder of .rq files")
        folders.append(user)
    folders.append(package_queries_dir())
    return folders


def is_query_name(text: str) -> bool:
    """Whether ``text`` is a saved query's name (``cq01``, ``my-query``) rather than SPARQL."""
    # a name is short; SPARQL text is usually long, and stripping it would cost more than this
    return len(text) <= _MAX_NAME and bool(_NAME.fullmatch(text.strip()))


def saved_queries(queries_dir: str | os.PathLike[str] | None = None) -> dict[str, Path]:
    """Every saved query by name: the user folder's first, then the packaged ones."""
    found: dict[str, Path] = {}
    for folder in _folders(queries_dir):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.rq")):
            found.setdefault(path.stem, path)
    return found


def saved_query(name: str, queries_dir: str | os.PathLike[str] | None = None) -> str:
    """Return the text of the saved query ``name`` (``cq01`` or ``cq01.rq``)."""
    stem = name.strip().removesuffix(".rq")
    queries = saved_queries(queries_dir)
    path = queries.get(stem)
    if path is None:
        known = ", ".join(sorted(queries)) or "none"
        raise QueryError(
            f"no saved query named {stem!r} (saved queries: {known}); give SPARQL text, "
            "@file.rq, or a folder of .rq files"
        )
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"{path}: cannot be read ({error}); check the file") from None


def resolve_query(sparql_or_name: str, queries_dir: str | os.PathLike[str] | None = None) -> str:
    """The SPARQL text for a query given as text, as ``@file.rq`` or as a saved query's name."""
    if sparql_or_name.startswith("@"):
        path = Path(sparql_or_name[1:])
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise QueryError(f"{path}: no such query file; give @path/to/query.rq") from None
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"{path}: cannot be read as UTF-8 text ({error})") from None
    if is_query_name(sparql_or_name):
        return saved_query(sparql_or_name, queries_dir)
    return sparql_or_name
