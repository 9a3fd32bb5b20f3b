"""Find and load article files: plain text in any encoding, optional metadata, saved web pages.

* ``NAME.txt`` is read as it is (any encoding :func:`~kexie_graph.text.read_article_text` detects);
* ``NAME.meta.yaml`` beside it, if present, gives ``title``, ``date``, ``source``, ``url``;
* ``NAME.html`` / ``NAME.htm`` (a page saved from a browser) is read by extracting its article
  text with trafilatura first; offsets then point into that extracted text.

An article's id is its file stem as an IRI segment (:func:`~kexie_graph.graph.iris.article_slug`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import yaml

from .errors import InputError
from .graph.iris import article_slug
from .records import Article
from .text import DEFAULT_MAX_BYTES, decode_bytes, read_article_text

__all__ = ["ARTICLE_SUFFIXES", "collect_paths", "load_article", "read_metadata"]

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm")
_META_KEYS = ("title", "date", "source", "url")


def collect_paths(inputs: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Expand files and folders into the sorted list of article files they hold."""
    found: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError(
                f"{path}: no such file or folder; give article files (.txt) or folders of them"
            )
        if path.is_dir():
            # hidden files and folders are no articles: macOS's "._name.txt" resource forks
            # (binary), .git, editors' backups; a hidden file named on the command line is still
            # read
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(
                f"{path}: not a regular file; give article files (.txt) or folders of them"
            )
    unique = sorted(set(found), key=lambda p: str(p))
    if not unique:
        names = ", ".join(str(p) for p in inputs)
        raise InputError(
            f"{names}: no article files (*.txt, *.html) found; put articles there or name the files"
        )
    return unique


def read_metadata(path: Path) -> dict[str, str]:
    """Read ``NAME.meta.yaml`` beside an article, if there is one."""
    sidecar = path.with_name(path.stem + ".meta.yaml")
    if not sidecar.exists():
        return {}
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(
            f"{sidecar}: not valid UTF-8 YAML ({type(error).__name__}); fix or remove the file"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(
            f"{sidecar}: metadata must be a mapping with title/date/source/url; fix the file"
        )
    return {k: str(data[k]) for k in _META_KEYS if data.get(k) is not None}


def _html_text(path: Path, max_bytes: int) -> str:
    data = path.read_bytes()
    if len(data) > max_bytes:
        raise InputError(
            f"{path}: {len(data)} bytes is over the {max_bytes}-byte cap; split it or raise the cap"
        )
    html = decode_bytes(data, str(path))
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not text.strip():
        raise InputError(
            f"{path}: no article text found in this HTML page; "
            "save the article page itself or its text"
        )
    return str(text)


def load_article(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, root: Path | None = None
) -> Article:
    """Load one article file with its metadata."""
    p = Path(path)
    if p.suffix.lower() in (".html", ".htm"):
        text = _html_text(p, max_bytes)
    else:
        text = read_article_text(p, max_bytes=max_bytes)
    meta = read_metadata(p)
    rel = p.name if root is None else str(p.relative_to(root)) if p.is_relative_to(root) else p.name
    return Article(
        id=article_slug(p.stem),
        text=text,
        path=rel,
        title=meta.get("title"),
        date=meta.get("date"),
        source=meta.get("source"),
        url=meta.get("url"),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
